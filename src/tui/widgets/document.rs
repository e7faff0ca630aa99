//! The proposal's [`Document`] laid out for a terminal, drawn from the
//! document itself: headings styled, strong text in bold, bullets and
//! numbers, and tables as aligned columns whose cells wrap to fit the
//! pane. It reads the same blocks the Markdown export writes, in the same
//! order, so the preview shows what the file will say.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{width, wrap};
use crate::export::document::{Block, Document, Span as Piece, Table, fact_line};
use crate::export::document::{answers_text, join_lines, price_line_text, reason_text};
use crate::tui::theme::Theme;

/// The lines of `doc` laid out `w` columns wide.
pub fn lines(theme: &Theme, doc: &Document, w: u16) -> Vec<Line<'static>> {
    let mut out = Out {
        theme,
        w: (w as usize).max(10),
        lines: Vec::new(),
    };
    out.heading(&doc.title, theme.title.add_modifier(Modifier::UNDERLINED));
    let cover: Vec<Runs> = doc.cover.iter().map(|f| field(&f.term, &f.value)).collect();
    out.list("• ", &cover);
    if let Some(banner) = &doc.banner {
        out.para(&vec![(banner.to_string(), true)]);
    }
    for s in &doc.sections {
        out.heading(&s.title.to_uppercase(), theme.heading);
        for b in &s.blocks {
            block(&mut out, b);
        }
    }
    out.lines
}

/// Text in runs, bold or not.
type Runs = Vec<(String, bool)>;

fn block(out: &mut Out<'_>, b: &Block) {
    let theme = out.theme;
    match b {
        Block::Heading(t) => out.heading(t, theme.title),
        Block::Para(t) => out.para(&vec![(one_line(t), false)]),
        Block::List { items, .. } | Block::Compact(items) => {
            let items: Vec<Runs> = items.iter().map(|i| runs(i)).collect();
            out.list("• ", &items);
        }
        Block::Numbered(items) => {
            let items: Vec<Runs> = items.iter().map(|i| runs(i)).collect();
            out.numbered(&items);
        }
        Block::Table(t) => out.table(t),
        Block::Fields(fields) => {
            let items: Vec<Runs> = fields.iter().map(|f| field(&f.term, &f.value)).collect();
            out.list("• ", &items);
        }
        Block::Boundary(b) => {
            out.heading(&one_line(&format!("{}: {}", b.label, b.title)), theme.title);
            out.para(&vec![(one_line(&b.detail), false)]);
            out.para(&vec![
                (format!("{}:", b.instead_label), true),
                (format!(" {}", one_line(&b.instead)), false),
            ]);
        }
        Block::Flag { flag: f, facts } => {
            out.para(&vec![(
                one_line(&format!("[{}] {}", f.severity.label(), f.title)),
                true,
            )]);
            let lines: Vec<String> = facts.iter().map(|x| fact_line(x, cell(&x.value))).collect();
            out.plain_list(&lines);
        }
        Block::Trace { item: t, lines } => {
            out.para(&vec![
                (one_line(&t.component), true),
                (
                    one_line(&format!(
                        " ({} / {}, owner {})",
                        t.offering,
                        t.plan,
                        t.owner_name.as_deref().unwrap_or(&t.owner)
                    )),
                    false,
                ),
            ]);
            let lines: Vec<String> = lines.iter().map(|l| cell(l)).collect();
            out.plain_list(&lines);
        }
        Block::Notes(notes) => {
            let items: Vec<Runs> = notes
                .iter()
                .map(|n| {
                    // Each line of the note on a line of its own.
                    let note: Vec<&str> = n
                        .note
                        .split('\n')
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .collect();
                    vec![
                        (one_line(&n.prompt), true),
                        (
                            format!(" ({}): {}", one_line(&n.question), note.join("\n")),
                            false,
                        ),
                    ]
                })
                .collect();
            out.list("• ", &items);
        }
    }
}

fn same(s: &str) -> String {
    s.to_string()
}

/// Text on one line, as the Markdown export writes it.
fn one_line(s: &str) -> String {
    s.replace('\n', " ")
}

/// "**Term:** value".
fn field(term: &str, value: &Piece) -> Runs {
    let mut r = vec![(format!("{term}:"), true)];
    let mut value = runs(std::slice::from_ref(value));
    if let Some(first) = value.first_mut() {
        first.0.insert(0, ' ');
    }
    r.extend(value);
    r
}

/// The runs of spans: strong text bold, the rest plain.
fn runs(spans: &[Piece]) -> Runs {
    let mut out: Runs = Vec::new();
    let mut push = |text: String, bold: bool| match out.last_mut() {
        Some(last) if last.1 == bold => last.0.push_str(&text),
        _ => out.push((text, bold)),
    };
    for s in spans {
        match s {
            Piece::Text(t) | Piece::Lines(t) | Piece::Typed(t) | Piece::TypedLines(t) => {
                push(one_line(t), false);
            }
            Piece::Fixed(t) => push(t.clone(), false),
            Piece::Strong(t) => push(one_line(t), true),
            Piece::Label(t) => {
                push(one_line(t), true);
                push(":".into(), false);
            }
            Piece::Paren(t) => push(format!("({})", one_line(t)), false),
            Piece::Items(v) => push(one_line(&join_lines(v)), false),
            Piece::Reason(r) => push(one_line(&reason_text(r, &same, &same, "=")), false),
            Piece::Answers(a) => push(one_line(&answers_text(a, &same, &same, "=")), false),
            Piece::Price(l, currency) => push(one_line(&price_line_text(l, currency)), false),
            Piece::Class(_, inner) => {
                for (t, b) in runs(inner) {
                    push(t, b);
                }
            }
        }
    }
    out
}

/// A table cell's text: plain, on one line.
fn cell(spans: &[Piece]) -> String {
    runs(spans).into_iter().map(|(t, _)| t).collect()
}

struct Out<'a> {
    theme: &'a Theme,
    w: usize,
    lines: Vec<Line<'static>>,
}

impl Out<'_> {
    /// Blocks stand apart by an empty line.
    fn begin(&mut self) {
        if !self.lines.is_empty() {
            self.lines.push(Line::raw(""));
        }
    }

    fn heading(&mut self, text: &str, style: Style) {
        self.begin();
        let text = one_line(text);
        self.lines.extend(
            wrap(&text, self.w)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }

    fn para(&mut self, runs: &Runs) {
        self.begin();
        let lines = runs_lines(runs, "", self.theme.text, self.w);
        self.lines.extend(lines);
    }

    fn list(&mut self, lead: &str, items: &[Runs]) {
        if items.is_empty() {
            return;
        }
        self.begin();
        for i in items {
            let lines = runs_lines(i, lead, self.theme.text, self.w);
            self.lines.extend(lines);
        }
    }

    /// Bullets of plain text.
    fn plain_list(&mut self, lines: &[String]) {
        let items: Vec<Runs> = lines.iter().map(|l| vec![(one_line(l), false)]).collect();
        self.list("• ", &items);
    }

    fn numbered(&mut self, items: &[Runs]) {
        if items.is_empty() {
            return;
        }
        self.begin();
        for (n, i) in items.iter().enumerate() {
            let lines = runs_lines(i, &format!("{}. ", n + 1), self.theme.text, self.w);
            self.lines.extend(lines);
        }
    }

    fn table(&mut self, t: &Table) {
        self.begin();
        let mut parsed: Vec<Vec<String>> = vec![
            t.cols
                .iter()
                .map(|c| cell(std::slice::from_ref(&c.label)))
                .collect(),
        ];
        parsed.extend(
            t.rows
                .iter()
                .map(|r| r.cells.iter().map(|c| cell(c)).collect()),
        );
        if let Some(total) = &t.total {
            let mut row = vec![total.label.to_string()];
            row.extend(std::iter::repeat_n(String::new(), total.span - 1));
            row.extend(total.cells.iter().map(|c| cell(c)));
            parsed.push(row);
        }
        let right: Vec<bool> = t.cols.iter().map(|c| c.right).collect();
        let lines = table_lines(self.theme, &parsed, &right, self.w);
        self.lines.extend(lines);
    }
}

/// Runs wrapped `w` wide after `lead` (later lines indented as far), the
/// bold runs kept bold.
fn runs_lines(runs: &Runs, lead: &str, style: Style, w: usize) -> Vec<Line<'static>> {
    // Wrap the plain text, then put the bold runs back line by line.
    let plain: String = runs.iter().map(|(t, _)| t.as_str()).collect();
    let indent = " ".repeat(width(lead));
    let mut lines = Vec::new();
    let mut pos = 0;
    let chars: Vec<char> = plain.chars().collect();
    let bold_at = |i: usize| {
        let mut n = 0;
        for (t, b) in runs.iter() {
            let len = t.chars().count();
            if i < n + len {
                return *b;
            }
            n += len;
        }
        false
    };
    for (k, line) in wrap(&plain, w.saturating_sub(width(lead)))
        .into_iter()
        .enumerate()
    {
        // Find where this wrapped line starts in the plain text.
        let first = line.chars().next();
        while pos < chars.len() && Some(chars[pos]) != first {
            pos += 1;
        }
        let mut spans = vec![Span::styled(
            if k == 0 {
                lead.to_string()
            } else {
                indent.clone()
            },
            style,
        )];
        let mut run = String::new();
        let mut run_bold = false;
        for c in line.chars() {
            while pos < chars.len() && chars[pos] != c && chars[pos].is_whitespace() {
                pos += 1;
            }
            let b = pos < chars.len() && chars[pos] == c && bold_at(pos);
            if pos < chars.len() && chars[pos] == c {
                pos += 1;
            }
            if b != run_bold && !run.is_empty() {
                spans.push(styled(std::mem::take(&mut run), style, run_bold));
            }
            run_bold = b;
            run.push(c);
        }
        if !run.is_empty() {
            spans.push(styled(run, style, run_bold));
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn styled(text: String, style: Style, bold: bool) -> Span<'static> {
    if bold {
        Span::styled(text, style.add_modifier(Modifier::BOLD))
    } else {
        Span::styled(text, style)
    }
}

/// Rows of cells (the first the heading) as aligned columns that fit `w`,
/// their cells wrapped.
fn table_lines(
    theme: &Theme,
    parsed: &[Vec<String>],
    right: &[bool],
    w: usize,
) -> Vec<Line<'static>> {
    let n = parsed.iter().map(Vec::len).max().unwrap_or(0);
    if n == 0 {
        return Vec::new();
    }
    let mut widths: Vec<usize> = (0..n)
        .map(|j| {
            parsed
                .iter()
                .filter_map(|r| r.get(j))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let sep = 3;
    let room = w.saturating_sub(sep * (n - 1));
    // Narrow the widest column until the table fits; cells then wrap.
    while widths.iter().sum::<usize>() > room {
        let Some((j, &widest)) = widths.iter().enumerate().max_by_key(|(_, x)| **x) else {
            break;
        };
        if widest <= 4 {
            break;
        }
        widths[j] = widest - 1;
    }
    let mut out = Vec::new();
    for (i, row) in parsed.iter().enumerate() {
        let wrapped: Vec<Vec<String>> = (0..n)
            .map(|j| wrap(row.get(j).map_or("", String::as_str), widths[j]))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let style = if i == 0 { theme.title } else { theme.text };
        for k in 0..height {
            let mut spans = Vec::new();
            for j in 0..n {
                let text = wrapped[j].get(k).map_or("", String::as_str);
                let cell = if right.get(j).copied().unwrap_or(false) {
                    super::fit_right(text, widths[j])
                } else {
                    super::fit(text, widths[j])
                };
                spans.push(Span::styled(cell, style));
                if j + 1 < n {
                    spans.push(Span::styled(" │ ", theme.border));
                }
            }
            out.push(Line::from(spans));
        }
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|&x| "─".repeat(x)).collect();
            out.push(Line::styled(rule.join("─┼─"), theme.border));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::document::{Col, Field, Row, Section};
    use crate::tui::theme::ThemeKind;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                s.trim_end().to_string()
            })
            .collect()
    }

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            title: "Proposal for A*B".into(),
            customer: "A*B".into(),
            cover: vec![Field {
                term: "Customer".into(),
                value: Piece::Typed("Acme AG".into()),
            }],
            banner: None,
            lang: crate::i18n::Lang::En,
            sections: vec![Section {
                id: "need",
                title: "Your needs".into(),
                internal: false,
                blocks,
            }],
        }
    }

    #[test]
    fn headings_bullets_and_bold_without_marks() {
        let t = Theme::new(ThemeKind::NoColor);
        let d = doc(vec![Block::Numbered(vec![vec![Piece::Text(
            "one two three".into(),
        )]])]);
        assert_eq!(
            text(&lines(&t, &d, 40)),
            [
                "Proposal for A*B",
                "",
                "• Customer: Acme AG",
                "",
                "YOUR NEEDS",
                "",
                "1. one two three"
            ]
        );
        let narrow = text(&lines(&t, &d, 12));
        assert_eq!(narrow[narrow.len() - 2..], ["1. one two", "   three"]);
        let customer = &lines(&t, &d, 40)[2];
        assert!(
            customer
                .spans
                .iter()
                .any(|s| s.content == "Customer:" && s.style.add_modifier.contains(Modifier::BOLD))
        );
    }

    #[test]
    fn tables_align_and_wrap_to_the_width() {
        let t = Theme::new(ThemeKind::NoColor);
        let col = |label: &str, right| Col {
            label: Piece::Fixed(label.into()),
            right,
            width: "1",
            class: None,
        };
        let row = |a: &str, b: &str| Row {
            cells: vec![vec![Piece::Text(a.into())], vec![Piece::Text(b.into())]],
            class: None,
            strong_head: false,
        };
        let d = doc(vec![Block::Table(Table {
            class: "bill",
            cols: vec![col("Part", false), col("Monthly", true)],
            rows: vec![row("Platform | shared", "660"), row("Data", "13.50")],
            row_heads: false,
            total: None,
        })]);
        assert_eq!(
            text(&lines(&t, &d, 40))[6..],
            [
                "Part              │ Monthly",
                "──────────────────┼────────",
                "Platform | shared │     660",
                "Data              │   13.50"
            ]
        );
        let narrow = text(&lines(&t, &d, 16));
        assert!(narrow.iter().all(|l| width(l) <= 16), "{narrow:?}");
        assert!(narrow.len() > 10, "cells wrap: {narrow:?}");
    }
}
