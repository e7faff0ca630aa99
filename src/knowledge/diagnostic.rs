//! Located problems in knowledge files, and how to print them for a person.

use std::fmt;

/// One problem at one place in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user knows it: a path, or "embedded data/x.ron".
    pub file: String,
    /// 1-based; 0 when the problem has no single place.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
    /// The offending line of the file, for the snippet.
    pub snippet: Option<String>,
}

impl Diagnostic {
    pub fn at(file: &str, text: &str, (line, column): (usize, usize), message: String) -> Self {
        let snippet = (line > 0)
            .then(|| text.lines().nth(line - 1).map(str::to_string))
            .flatten();
        Diagnostic {
            file: file.to_string(),
            line,
            column,
            message,
            help: None,
            snippet,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            writeln!(
                f,
                "error: {}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )?;
        } else {
            writeln!(f, "error: {}: {}", self.file, self.message)?;
        }
        if let Some(snippet) = &self.snippet {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            writeln!(f, " {gutter} | {}", snippet.trim_end())?;
            let caret_at = snippet
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect::<String>();
            writeln!(f, " {pad} | {caret_at}^")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found while loading, across all files at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            write!(f, "{d}")?;
        }
        let n = self.0.len();
        write!(
            f,
            "{n} problem{} found in the knowledge files",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

/// Finds where `needle` stands in `text`, after each anchor in turn, as a
/// 1-based (line, column). Serde forgets positions once a file has parsed,
/// so meaning errors are located by searching for the quoted ids they name.
pub fn locate(text: &str, anchors: &[&str]) -> (usize, usize) {
    let mut from = 0;
    let mut found = None;
    for anchor in anchors {
        if let Some((start, end)) = find_loose(&text[from..], anchor) {
            found = Some(from + start);
            from += end;
        }
    }
    match found {
        Some(offset) => line_col(text, offset),
        None => (0, 0),
    }
}

/// The anchor of a reference to an id: the quoted id anywhere.
pub fn id_anchor(id: &str) -> String {
    format!("\"{id}\"")
}

/// The anchor of an object's own `id: "x"` field, so a reference to the
/// same id earlier in the file is not mistaken for it.
pub fn id_field(id: &str) -> String {
    format!("id: \"{id}\"")
}

/// Finds `pattern` in `text`, where a space in the pattern matches any run
/// of white space (or none): `id: "x"` also finds `id:"x"`.
fn find_loose(text: &str, pattern: &str) -> Option<(usize, usize)> {
    let pat = pattern.as_bytes();
    let bytes = text.as_bytes();
    (0..bytes.len()).find_map(|start| {
        let (mut i, mut j) = (start, 0);
        while j < pat.len() {
            if pat[j] == b' ' {
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                j += 1;
            } else if i < bytes.len() && bytes[i] == pat[j] {
                i += 1;
                j += 1;
            } else {
                return None;
            }
        }
        Some((start, i))
    })
}

pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rfind('\n').map_or(before.chars().count(), |nl| {
        before[nl + 1..].chars().count()
    }) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_after_anchors() {
        let text = "(id: \"a\", x: \"q\")\n(id: \"b\", x: \"q\")\n";
        assert_eq!(locate(text, &["\"b\"", "\"q\""]), (2, 14));
        assert_eq!(locate(text, &["\"q\""]), (1, 14));
        assert_eq!(locate(text, &["\"zz\""]), (0, 0));
        let spaced = "(x: \"b\")\n(id:\n   \"b\")";
        assert_eq!(locate(spaced, &[&id_field("b")]), (2, 2));
    }

    #[test]
    fn renders_snippet_with_caret() {
        let text = "first\n  second line\n";
        let d = Diagnostic::at("f.ron", text, (2, 3), "bad".into()).with_help("fix it");
        let shown = d.to_string();
        assert!(shown.contains("f.ron:2:3: bad"), "{shown}");
        assert!(shown.contains(" 2 |   second line"), "{shown}");
        assert!(shown.contains("   |   ^"), "{shown}");
        assert!(shown.contains("help: fix it"), "{shown}");
    }
}
