//! One walk over a run of [`Span`]s for every text format. What a span is
//! made of (a reason's rule and answers, a price line's pieces) is decided
//! here once; a format only says how it escapes and marks the pieces.

use super::{Span, Table, TracePrice, answers_text, join_lines, price_line, reason_text};
use crate::export::{amount, words};

/// How a format writes each kind of span. The defaults escape each piece
/// on its own and add no markup beyond [`Marks::STRONG`].
pub(crate) trait Marks {
    /// What stands before and after strong text.
    const STRONG: [&'static str; 2];

    /// Text from the knowledge or the engine, escaped for the format.
    fn esc(&self, s: &str) -> String;

    /// Text that may span lines.
    fn lines(&self, s: &str) -> String {
        self.esc(s)
    }

    /// What the customer typed, on one line.
    fn typed(&self, s: &str) -> String {
        self.esc(s)
    }

    /// What the customer typed, over lines.
    fn typed_lines(&self, s: &str) -> String {
        self.esc(s)
    }

    fn strong(&self, s: &str) -> String {
        let [before, after] = Self::STRONG;
        format!("{before}{}{after}", self.esc(s))
    }

    /// A strong label and its colon.
    fn label(&self, s: &str) -> String {
        format!("{}:", self.strong(s))
    }

    fn paren(&self, s: &str) -> String {
        format!("({})", self.esc(s))
    }

    /// The lines of a responsibility, in one cell.
    fn items(&self, lines: &[String]) -> String {
        self.esc(&join_lines(lines))
    }

    /// What stands between a question and its answer.
    fn eq(&self) -> String {
        "=".to_string()
    }

    fn price(&self, l: &TracePrice, currency: &str) -> String {
        price_line(
            &self.esc(&l.label),
            l.recurrence,
            &self.esc(currency),
            &self.esc(&amount(l.amount)),
            &self.esc(&l.calculation),
            l.indicative,
        )
    }

    /// Spans already written, in a class the format may show.
    fn class(&self, _class: &str, inner: String) -> String {
        inner
    }

    /// Spans in this format.
    fn inline(&self, spans: &[Span]) -> String {
        let code = |s: &str| self.esc(s);
        let typed = |s: &str| self.typed(s);
        let mut out = String::new();
        for s in spans {
            match s {
                Span::Text(t) => out.push_str(&self.esc(t)),
                Span::Lines(t) => out.push_str(&self.lines(t)),
                Span::Typed(t) => out.push_str(&self.typed(t)),
                Span::TypedLines(t) => out.push_str(&self.typed_lines(t)),
                // Our own words: never escaped.
                Span::Fixed(t) => out.push_str(t),
                Span::Strong(t) => out.push_str(&self.strong(t)),
                Span::Label(t) => out.push_str(&self.label(t)),
                Span::Paren(t) => out.push_str(&self.paren(t)),
                Span::Items(v) => out.push_str(&self.items(v)),
                Span::Reason(r) => out.push_str(&reason_text(r, &code, &typed, &self.eq())),
                Span::Answers(a) => out.push_str(&answers_text(a, &code, &typed, &self.eq())),
                Span::Price(l, currency) => out.push_str(&self.price(l, currency)),
                Span::Class(c, inner) => out.push_str(&self.class(c, self.inline(inner))),
            }
        }
        out
    }

    /// A table cell in a text format: its text escaped as one, on one
    /// line; a lone strong text in bold.
    fn cell(&self, spans: &[Span]) -> String {
        match spans {
            [Span::Strong(t)] => self.strong(t),
            _ => self.esc(&plain(spans)),
        }
    }

    /// A table's rows and its total row in a text format, a cell a string:
    /// a strong head and the total's label in bold, the label followed by
    /// an empty cell for each further column it spans.
    fn cells(&self, t: &Table) -> (Vec<Vec<String>>, Option<Vec<String>>) {
        let rows = t.rows_with(false, |c, strong| {
            if strong {
                self.strong(&plain(c))
            } else {
                self.cell(c)
            }
        });
        let total = t.total.as_ref().map(|total| {
            let mut cells = vec![self.strong(&total.label)];
            cells.extend(std::iter::repeat_n(String::new(), total.span - 1));
            cells.extend(total.cells.iter().map(|c| self.cell(c)));
            cells
        });
        (rows, total)
    }
}

/// Spans as text without any markup, for a format to escape as a whole.
pub(crate) fn plain(spans: &[Span]) -> String {
    Plain.inline(spans)
}

struct Plain;

impl Marks for Plain {
    const STRONG: [&'static str; 2] = ["", ""];

    fn esc(&self, s: &str) -> String {
        s.to_string()
    }

    fn items(&self, lines: &[String]) -> String {
        if lines.is_empty() {
            words::MISSING.to_string()
        } else {
            join_lines(lines)
        }
    }
}
