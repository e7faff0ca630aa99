//! The proposal as AsciiDoc, for teams that publish with Antora or
//! Asciidoctor. An emitter of the [`Document`].
//!
//! AsciiDoc has no single escape that is safe everywhere (`pass:[…]` ends
//! at the first `]`, a backslash only works before some markup), so every
//! character that can start markup becomes a numeric character reference
//! such as `&#42;`. Asciidoctor keeps those through every substitution and
//! the output shows the character itself, never markup: the inline marks
//! (`` * _ ` # ^ ~ + { } [ ] | < > & \ = @ $ ``), a block marker at the start
//! of a text, `:` before `/` or `:` (URLs, `include::`), an admonition
//! label (`NOTE:`), and the sequences Asciidoctor would replace (`--`,
//! `...`, `(C)`, `((`). Table cells stand one per line, so no cell text can
//! be read as the next cell's specifier.

use std::fmt::Write as _;

use super::document::{
    Block, Document, Field, Marks, Section, Span, Table, fact_line, plain, price_line_text,
};
use super::proposal::TracePrice;

pub fn render(p: &super::Proposal) -> String {
    emit(&Document::of(p))
}

/// The document as AsciiDoc.
pub fn emit(d: &Document) -> String {
    let mut a = Adoc::default();
    a.line(&format!("= {}", esc(&d.title)));
    a.line(":doctype: article");
    a.blank();
    fields(&mut a, &d.cover);
    if let Some(banner) = &d.banner {
        a.blank();
        a.line(&format!("CAUTION: {}", esc(banner)));
    }
    for s in &d.sections {
        section(&mut a, s);
    }
    a.finish()
}

fn section(a: &mut Adoc, s: &Section) {
    a.heading(2, &s.title);
    for b in &s.blocks {
        block(a, b);
    }
}

fn block(a: &mut Adoc, b: &Block) {
    match b {
        Block::Heading(t) => a.heading(3, t),
        Block::Para(t) => a.para(t),
        Block::List { items, .. } | Block::Compact(items) => {
            a.list(&items.iter().map(|i| AsciiDoc.inline(i)).collect::<Vec<_>>());
        }
        Block::Numbered(items) => {
            a.numbered(&items.iter().map(|i| AsciiDoc.inline(i)).collect::<Vec<_>>())
        }
        Block::Table(t) => table(a, t),
        Block::Fields(f) => fields(a, f),
        Block::Boundary(b) => {
            a.heading(3, &format!("{}: {}", b.label, b.title));
            a.para(&b.detail);
            a.blank();
            a.line(&format!("*{}:* {}", esc(&b.instead_label), esc(&b.instead)));
        }
        Block::Flag { flag: f, facts } => {
            a.blank();
            a.line(&format!(
                "*{}*",
                esc(&format!("[{}] {}", f.severity.label(), f.title))
            ));
            let lines: Vec<String> = facts
                .iter()
                .map(|x| match x.value.as_slice() {
                    // Each answer escaped on its own, "=" too.
                    [Span::Answers(_)] => fact_line(x, AsciiDoc.inline(&x.value)),
                    value => fact_line(x, esc(&plain(value))),
                })
                .collect();
            a.list(&lines);
        }
        Block::Trace { item: t, lines } => {
            a.blank();
            a.line(&format!(
                "*{}* {}",
                esc(&t.component),
                esc(&format!(
                    "({} / {}, owner {})",
                    t.offering,
                    t.plan,
                    t.owner_name.as_deref().unwrap_or(&t.owner)
                ))
            ));
            a.list(&lines.iter().map(|l| AsciiDoc.inline(l)).collect::<Vec<_>>());
        }
        Block::Notes(notes) => {
            let lines: Vec<String> = notes
                .iter()
                .map(|n| {
                    format!(
                        "*{}* {}: {}",
                        esc(&n.prompt),
                        esc(&format!("({})", n.question)),
                        esc_lines(&n.note)
                    )
                })
                .collect();
            a.list(&lines);
        }
    }
}

/// "Term:: value" lines.
fn fields(a: &mut Adoc, fields: &[Field]) {
    for f in fields {
        a.line(&format!(
            "{}:: {}",
            f.term,
            esc(&plain(std::slice::from_ref(&f.value)))
        ));
    }
}

/// AsciiDoc's marks for list items: each piece escaped on its own, but
/// where the pieces side by side could still make a replacement.
struct AsciiDoc;

impl Marks for AsciiDoc {
    const STRONG: [&'static str; 2] = ["*", "*"];

    fn esc(&self, s: &str) -> String {
        esc(s)
    }

    // Escaped with its parentheses, so "(C)" stays a C in parentheses.
    fn paren(&self, s: &str) -> String {
        esc(&format!("({s})"))
    }

    // Encoded like every other "=" in the text.
    fn eq(&self) -> String {
        esc("=")
    }

    // The whole line escaped as one, as it reads.
    fn price(&self, l: &TracePrice, currency: &str) -> String {
        esc(&price_line_text(l, currency))
    }
}

fn table(a: &mut Adoc, t: &Table) {
    let cols: Vec<&str> = t.cols.iter().map(|c| c.width).collect();
    let head: Vec<String> = t
        .cols
        .iter()
        .map(|c| plain(std::slice::from_ref(&c.label)))
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let (rows, total) = AsciiDoc.cells(t);
    a.table(&cols.join(","), &head, rows, total);
}

#[derive(Default)]
struct Adoc {
    out: String,
}

impl Adoc {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.blank();
        self.line(&format!("{} {}", "=".repeat(level), esc(text)));
    }

    /// A paragraph of plain text (escaped here).
    fn para(&mut self, text: &str) {
        self.blank();
        self.line(&esc(text));
    }

    fn list(&mut self, items: &[String]) {
        self.marked("*", items);
    }

    fn numbered(&mut self, items: &[String]) {
        self.marked(".", items);
    }

    /// A list whose items each start with `marker`; nothing for none.
    fn marked(&mut self, marker: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.blank();
        for i in items {
            self.line(&format!("{marker} {i}"));
        }
    }

    /// A table of already escaped cells, one cell per line.
    fn table(
        &mut self,
        cols: &str,
        head: &[&str],
        rows: Vec<Vec<String>>,
        footer: Option<Vec<String>>,
    ) {
        self.blank();
        let options = if footer.is_some() {
            "header,footer"
        } else {
            "header"
        };
        self.line(&format!("[cols=\"{cols}\",options=\"{options}\"]"));
        self.line("|===");
        for h in head {
            self.line(&format!("| {}", esc(h)));
        }
        for row in rows.iter().chain(footer.iter()) {
            self.line("");
            for c in row {
                if c.is_empty() {
                    self.line("|");
                } else {
                    self.line(&format!("| {c}"));
                }
            }
        }
        self.line("|===");
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Escapes text for an AsciiDoc paragraph, list item, title or cell, on
/// one line.
pub(crate) fn esc(s: &str) -> String {
    let chars: Vec<char> = s.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    // "NOTE:", "TIP:" … at the start of a paragraph make an admonition.
    let label = chars.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let mut out = String::with_capacity(s.len() + 16);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let encode = match c {
            '*' | '_' | '`' | '#' | '^' | '~' | '+' | '{' | '}' | '[' | ']' | '|' | '<' | '>'
            | '&' | '\\' | '=' | '@' | '$' => true,
            _ if i == 0 && c.is_ascii_punctuation() => true,
            ':' => matches!(next, Some('/' | ':')) || (i == label && label > 0),
            '-' => prev == Some('-') || next == Some('-'),
            '.' => prev == Some('.') || next == Some('.'),
            '(' => {
                next == Some('(')
                    || chars[i + 1..].starts_with(&['C', ')'])
                    || chars[i + 1..].starts_with(&['R', ')'])
                    || chars[i + 1..].starts_with(&['T', 'M', ')'])
            }
            _ => false,
        };
        if encode {
            let _ = write!(out, "&#{};", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text that may span lines: each line escaped, joined by hard breaks.
fn esc_lines(s: &str) -> String {
    s.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(esc)
        .collect::<Vec<_>>()
        .join(" +\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_character_references() {
        for (text, want) in [
            ("*b* _i_", "&#42;b&#42; &#95;i&#95;"),
            ("pass:[<x>]", "pass:&#91;&#60;x&#62;&#93;"),
            ("{attr} a|b", "&#123;attr&#125; a&#124;b"),
            ("NOTE: hi", "NOTE&#58; hi"),
            ("see https://x.ch", "see https&#58;//x.ch"),
            (".Title", "&#46;Title"),
            ("a -- b ... (C)", "a &#45;&#45; b &#46;&#46;&#46; &#40;C)"),
            ("99.5 % (07:00–22:00)", "99.5 % (07:00–22:00)"),
        ] {
            assert_eq!(esc(text), want, "{text}");
        }
    }
}
