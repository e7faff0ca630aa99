//! Located problems in knowledge files, and how to print them for a person.

use std::collections::HashMap;
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
    /// The offending line of the file (at most a window of it around the
    /// column), for the snippet.
    pub snippet: Option<String>,
    /// Where the caret goes under `snippet`, in characters from its start.
    pub caret: usize,
}

impl Diagnostic {
    pub fn at(file: &str, text: &str, (line, column): (usize, usize), message: String) -> Self {
        let line_text = (line > 0).then(|| text.lines().nth(line - 1)).flatten();
        Self::on_line(file, line_text, (line, column), message)
    }

    /// `at`, with the text of the line already found (by a [`TextIndex`]).
    pub fn on_line(
        file: &str,
        line_text: Option<&str>,
        (line, column): (usize, usize),
        message: String,
    ) -> Self {
        let (snippet, caret) = match line_text {
            Some(l) => {
                let (shown, caret) = window(l, column);
                (Some(shown), caret)
            }
            None => (None, 0),
        };
        Diagnostic {
            file: file.to_string(),
            line,
            column,
            message,
            help: None,
            snippet,
            caret,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// How many characters of a line a snippet shows at most.
const SNIPPET_CHARS: usize = 100;

/// The part of a long line around `column` (1-based), marked with `…`
/// where it was cut, and the caret's 0-based place in it: a file of one
/// 20 MB line must not be echoed whole.
fn window(line: &str, column: usize) -> (String, usize) {
    let at = column.saturating_sub(1);
    if line.len() <= SNIPPET_CHARS {
        return (line.to_string(), at);
    }
    let total = line.chars().count();
    if total <= SNIPPET_CHARS {
        return (line.to_string(), at);
    }
    let start = at
        .saturating_sub(SNIPPET_CHARS / 2)
        .min(total - SNIPPET_CHARS);
    let mut shown: String = line.chars().skip(start).take(SNIPPET_CHARS).collect();
    let mut caret = at - start.min(at);
    if start > 0 {
        shown.insert(0, '…');
        caret += 1;
    }
    if start + SNIPPET_CHARS < total {
        shown.push('…');
    }
    (shown, caret)
}

/// A diagnostic as printed: "error: " and [`Bare`], one line each part.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.bare())
    }
}

impl Diagnostic {
    /// The diagnostic without its "error: " label and final line break,
    /// for a message that is labelled once by the one error printer.
    pub fn bare(&self) -> Bare<'_> {
        Bare(self)
    }
}

/// See [`Diagnostic::bare`].
pub struct Bare<'a>(&'a Diagnostic);

impl fmt::Display for Bare<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        if d.line > 0 {
            write!(f, "{}:{}:{}: {}", d.file, d.line, d.column, d.message)?;
        } else {
            write!(f, "{}: {}", d.file, d.message)?;
        }
        if let Some(snippet) = &d.snippet {
            let gutter = d.line.to_string();
            let pad = " ".repeat(gutter.len());
            write!(f, "\n {gutter} | {}", snippet.trim_end())?;
            let caret_at = snippet
                .chars()
                .take(d.caret)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect::<String>();
            write!(f, "\n {pad} | {caret_at}^")?;
        }
        if let Some(help) = &d.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found while loading, across all files at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

/// How many problems a message lists before it only counts the rest.
pub const SHOWN_PROBLEMS: usize = 50;

/// Problems as a bulleted list, one per line: the first
/// [`SHOWN_PROBLEMS`], then how many more there are.
pub fn problem_list<T: fmt::Display>(problems: &[T]) -> String {
    let mut out = String::new();
    for (n, p) in problems.iter().take(SHOWN_PROBLEMS).enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&format!("  - {p}"));
    }
    if problems.len() > SHOWN_PROBLEMS {
        out.push_str(&format!(
            "\n  … and {} more",
            problems.len() - SHOWN_PROBLEMS
        ));
    }
    out
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.0.iter().take(SHOWN_PROBLEMS) {
            write!(f, "{d}")?;
        }
        if self.0.len() > SHOWN_PROBLEMS {
            writeln!(
                f,
                "… and {} more problems (fix these first, then check again)",
                self.0.len() - SHOWN_PROBLEMS
            )?;
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

/// One text prepared for locating many problems in it: where each line
/// starts and where each token (a quoted string, a bare word) stands. It
/// is built once per file, in one pass, so locating a problem costs a few
/// lookups instead of a scan from the top: with thousands of problems the
/// scans made validation quadratic.
pub struct TextIndex<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    /// Token text (a string with its quotes, or a word) → byte offsets,
    /// ascending. Comments are skipped.
    tokens: HashMap<&'t str, Vec<usize>>,
}

impl<'t> TextIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut tokens: HashMap<&'t str, Vec<usize>> = HashMap::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'"' {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(bytes.len());
                if let Some(t) = text.get(i..end) {
                    tokens.entry(t).or_default().push(i);
                }
                i = end;
            } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
                i = memchr_from(bytes, b'\n', i).unwrap_or(bytes.len());
            } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
            } else if b.is_ascii_alphabetic() || b == b'_' {
                let mut j = i + 1;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                    j += 1;
                }
                let word = &text[i..j];
                if matches!(word, "r" | "br") && matches!(bytes.get(j), Some(b'"' | b'#')) {
                    // A raw string: r"…" or r#"…"#.
                    let hashes = bytes[j..].iter().take_while(|c| **c == b'#').count();
                    let close = format!("\"{}", "#".repeat(hashes));
                    let body = j + hashes + 1;
                    i = text
                        .get(body..)
                        .and_then(|rest| rest.find(&close))
                        .map_or(bytes.len(), |e| body + e + close.len());
                } else {
                    tokens.entry(word).or_default().push(i);
                    i = j;
                }
            } else {
                i += 1;
            }
        }
        TextIndex {
            text,
            line_starts,
            tokens,
        }
    }

    /// Like [`locate`]: the spot of the last anchor found, each searched
    /// after the one before.
    pub fn locate(&self, anchors: &[&str]) -> (usize, usize) {
        let mut from = 0;
        let mut found = None;
        for anchor in anchors {
            if let Some((start, end)) = self.find(anchor, from) {
                found = Some(start);
                from = end;
            }
        }
        found.map_or((0, 0), |offset| self.line_col(offset))
    }

    /// The first match of `anchor` at or after byte `from`: a quoted id, an
    /// `id: "x"` field or a word by lookup, anything else by a scan.
    fn find(&self, anchor: &str, from: usize) -> Option<(usize, usize)> {
        if let Some(quoted) = anchor.strip_prefix("id: ")
            && is_quoted(quoted)
        {
            return self.after(quoted, from).find_map(|at| {
                let before = self.text[..at].trim_end();
                let before = before.strip_suffix(':')?.trim_end();
                let start = before.strip_suffix("id")?.len();
                let bounded =
                    !before[..start].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
                (bounded && start >= from).then_some((start, at + quoted.len()))
            });
        }
        if is_quoted(anchor) || is_word(anchor) {
            return self
                .after(anchor, from)
                .next()
                .map(|at| (at, at + anchor.len()));
        }
        find_loose(self.text.get(from..)?, anchor).map(|(s, e)| (from + s, from + e))
    }

    /// Where a token (a quoted string with its quotes, or a word) stands,
    /// as ascending byte offsets.
    pub fn occurrences(&self, token: &str) -> &[usize] {
        self.tokens.get(token).map_or(&[][..], Vec::as_slice)
    }

    fn after(&self, token: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
        let at = self.occurrences(token);
        at[at.partition_point(|&p| p < from)..].iter().copied()
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |t| t.chars().count())
            + 1;
        (line, column)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, n: usize) -> Option<&'t str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(n)
            .map_or(self.text.len(), |&next| next - 1);
        self.text
            .get(start..end)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

fn memchr_from(bytes: &[u8], needle: u8, from: usize) -> Option<usize> {
    bytes[from..]
        .iter()
        .position(|&b| b == needle)
        .map(|p| from + p)
}

fn is_quoted(s: &str) -> bool {
    s.len() >= 2
        && s.starts_with('"')
        && s.ends_with('"')
        && !s[1..s.len() - 1].contains(['"', '\\'])
}

fn is_word(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

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
    fn the_index_locates_like_the_scan() {
        let text = "(id: \"a\", x: \"q\")\n(id: \"b\", x: \"q\")\n";
        let index = TextIndex::new(text);
        assert_eq!(index.locate(&["\"b\"", "\"q\""]), (2, 14));
        assert_eq!(index.locate(&["\"q\""]), (1, 14));
        assert_eq!(index.locate(&["\"zz\""]), (0, 0));
        let spaced = "(x: \"b\")\n(id:\n   \"b\")";
        assert_eq!(TextIndex::new(spaced).locate(&[&id_field("b")]), (2, 2));
        // Words and ids in comments or inside strings are no anchors.
        let text = "// when \"a\"\n(id: \"a\", help: \"when\", when: Is(\"a\"))";
        let index = TextIndex::new(text);
        assert_eq!(index.locate(&[&id_field("a"), "when"]), (2, 25));
        assert_eq!(index.locate(&["{x}"]), (0, 0));
        assert_eq!(
            index.line(2),
            Some("(id: \"a\", help: \"when\", when: Is(\"a\"))")
        );
        assert_eq!(index.line(3), None);
    }

    #[test]
    fn a_long_line_is_shown_around_the_column() {
        let line = format!("{}X{}", "a".repeat(10_000), "b".repeat(10_000));
        let d = Diagnostic::at("f.ron", &line, (1, 10_001), "bad".into());
        let shown = d.to_string();
        assert!(shown.len() < 400, "{}", shown.len());
        let lines: Vec<&str> = shown.lines().collect();
        let x = lines[1].chars().position(|c| c == 'X').expect("the X");
        let caret = lines[2].chars().position(|c| c == '^').expect("a caret");
        assert_eq!(x, caret, "{shown}");
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
