//! The proposal as CommonMark with GitHub-style tables: for wikis, merge
//! requests, e-mail and the TUI's preview. An emitter of the
//! [`Document`]: the proposal's sections are walked there, once.
//!
//! Every text is escaped where Markdown could read it as markup: the
//! inline markers (`` \ * ` [ ] < > & | ~ # $ { } ^ = @ + ``) always,
//! `_` unless inside a word, a block marker at the start of a text, the
//! `:` of a URL scheme and the dot of `www.` (GitHub turns both into
//! links). Line breaks become spaces in headings and table cells, and hard
//! breaks in notes.

use std::fmt::Write as _;

use super::document::{Block, Document, Field, Marks, Table, fact_line, plain};

pub fn render(p: &super::Proposal) -> String {
    emit(&Document::of(p))
}

/// The document as Markdown.
pub fn emit(d: &Document) -> String {
    let mut md = Md::default();
    md.heading(1, &d.title);
    md.list(&d.cover.iter().map(field).collect::<Vec<_>>());
    if let Some(banner) = &d.banner {
        md.block(&format!("**{}**", esc(banner)));
    }
    for s in &d.sections {
        md.heading(2, &s.title);
        for b in &s.blocks {
            block(&mut md, b);
        }
    }
    md.out
}

fn block(md: &mut Md, b: &Block) {
    match b {
        Block::Heading(t) => md.heading(3, t),
        Block::Para(t) => md.block(&esc(t)),
        Block::List { items, .. } | Block::Compact(items) => {
            md.list(&items.iter().map(|i| Markdown.inline(i)).collect::<Vec<_>>());
        }
        Block::Numbered(items) => {
            md.numbered(&items.iter().map(|i| Markdown.inline(i)).collect::<Vec<_>>())
        }
        Block::Table(t) => table(md, t),
        Block::Fields(fields) => md.list(&fields.iter().map(field).collect::<Vec<_>>()),
        Block::Boundary(b) => {
            md.heading(3, &format!("{}: {}", b.label, b.title));
            md.block(&esc(&b.detail));
            md.block(&format!(
                "**{}:** {}",
                esc(&b.instead_label),
                esc(&b.instead)
            ));
        }
        Block::Flag { flag: f, facts } => {
            md.block(&format!(
                "**\\[{}\\] {}**",
                esc(f.severity.label()),
                esc(&f.title)
            ));
            md.list(
                &facts
                    .iter()
                    .map(|x| fact_line(x, Markdown.inline(&x.value)))
                    .collect::<Vec<_>>(),
            );
        }
        Block::Trace { item: t, lines } => {
            md.block(&format!(
                "**{}** ({} / {}, owner {})",
                esc(&t.component),
                esc(&t.offering),
                esc(&t.plan),
                esc(t.owner_name.as_deref().unwrap_or(&t.owner))
            ));
            md.list(&lines.iter().map(|l| Markdown.inline(l)).collect::<Vec<_>>());
        }
        Block::Notes(notes) => {
            let lines: Vec<String> = notes
                .iter()
                .map(|n| {
                    format!(
                        "**{}** ({}): {}",
                        esc(&n.prompt),
                        esc(&n.question),
                        esc_lines(&n.note, "  ")
                    )
                })
                .collect();
            md.list(&lines);
        }
    }
}

/// "**Term:** value".
fn field(f: &Field) -> String {
    format!(
        "**{}:** {}",
        esc(&f.term),
        Markdown.inline(std::slice::from_ref(&f.value))
    )
}

/// Markdown's marks for list items and fields: each piece escaped on its
/// own.
struct Markdown;

impl Marks for Markdown {
    const STRONG: [&'static str; 2] = ["**", "**"];

    fn esc(&self, s: &str) -> String {
        esc(s)
    }
}

fn table(md: &mut Md, t: &Table) {
    let mut out = String::new();
    let names: Vec<String> = t
        .cols
        .iter()
        .map(|c| esc(&plain(std::slice::from_ref(&c.label))))
        .collect();
    let _ = writeln!(out, "| {} |", names.join(" | "));
    let rule: Vec<&str> = t
        .cols
        .iter()
        .map(|c| if c.right { "--:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    let (rows, total) = Markdown.cells(t);
    for cells in rows.iter().chain(&total) {
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    md.block(out.trim_end());
}

#[derive(Default)]
struct Md {
    out: String,
}

impl Md {
    fn block(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.block(&format!("{} {}", "#".repeat(level), esc(text)));
    }

    fn list(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let text: Vec<String> = items.iter().map(|i| format!("- {i}")).collect();
        self.block(&text.join("\n"));
    }

    fn numbered(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let text: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(n, i)| format!("{}. {i}", n + 1))
            .collect();
        self.block(&text.join("\n"));
    }
}

/// Escapes text for inline Markdown, on one line.
pub(crate) fn esc(s: &str) -> String {
    let chars: Vec<char> = s.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
    let mut out = String::with_capacity(s.len() + 8);
    // A block marker only counts at the start: a list bullet, a heading,
    // a quote, an ordered-list number ("1." / "1)").
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '$' | '{' | '}'
            | '^' | '=' | '@' | '+' => true,
            // An underscore inside a word is never emphasis in CommonMark.
            '_' => {
                !(i > 0
                    && chars[i - 1].is_alphanumeric()
                    && next.is_some_and(char::is_alphanumeric))
            }
            _ if i == 0 && c.is_ascii_punctuation() => true,
            '.' | ')' if i == digits && digits > 0 => next.is_none_or(char::is_whitespace),
            ':' => next.is_some_and(|n| !n.is_whitespace() && !n.is_ascii_digit()),
            '.' => {
                i >= 3
                    && chars[i - 3..i]
                        .iter()
                        .map(|c| c.to_ascii_lowercase())
                        .eq("www".chars())
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes text that may span lines, keeping its line breaks as hard
/// breaks; `indent` keeps continuation lines inside a list item.
fn esc_lines(s: &str, indent: &str) -> String {
    s.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(esc)
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_but_keeps_ordinary_punctuation() {
        for (text, want) in [
            ("99.5 % (07:00–22:00)", "99.5 % (07:00–22:00)"),
            ("*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"),
            ("<script>&amp;", "\\<script\\>\\&amp;"),
            ("- item", "\\- item"),
            ("1. first", "1\\. first"),
            ("see https://x.ch", "see https\\://x.ch"),
            ("www.evil.ch", "www\\.evil.ch"),
            ("a | b\nc", "a \\| b c"),
            ("Note: fine", "Note: fine"),
            ("snake_case _x_", "snake_case \\_x\\_"),
        ] {
            assert_eq!(esc(text), want, "{text}");
        }
    }
}
