//! The bill of materials as CSV for a spreadsheet (RFC 4180): a header
//! row, one row per item, a totals row; CRLF line ends.
//!
//! A text cell that a spreadsheet would run as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return, also after leading
//! spaces) gets a `'` in front. Amounts are plain numbers ("2500.00") so a
//! spreadsheet can add them; they are written by us and never prefixed.

use super::proposal::Proposal;
use super::{number, plain_amount};

pub fn render(p: &Proposal) -> String {
    let b = &p.bill;
    let internal = b.rows.iter().any(|r| r.offering.is_some());
    let mut out = String::new();
    // The header row in the proposal's language; English keeps the
    // column ids scripts read.
    let lang = p.lang;
    let mut head: Vec<String> = [
        "csv-part",
        "csv-component",
        "csv-plan",
        "csv-provider",
        "csv-quantity",
        "csv-monthly",
        "csv-one-time",
        "csv-currency",
        "csv-note",
    ]
    .into_iter()
    .map(|id| crate::i18n::message(lang, id, &[]))
    .collect();
    if internal {
        head.extend(["offering".to_string(), "plan_id".to_string()]);
    }
    row(&mut out, head.iter().map(|h| Cell::Text(h)));
    for r in &b.rows {
        let amount = |m: Option<_>| m.map(plain_amount).unwrap_or_default();
        let mut cells = vec![
            Cell::Text(&r.group_label),
            Cell::Text(&r.component),
            Cell::Text(&r.plan),
            Cell::Text(&r.provider),
            Cell::Number(number(r.quantity)),
            Cell::Number(amount(r.monthly)),
            Cell::Number(amount(r.one_time)),
            Cell::Text(&b.currency),
            Cell::Text(&r.note),
        ];
        if internal {
            cells.push(Cell::Text(r.offering.as_deref().unwrap_or_default()));
            cells.push(Cell::Text(r.plan_id.as_deref().unwrap_or_default()));
        }
        row(&mut out, cells);
    }
    let total_label = crate::tr!(lang, "total");
    let mut total = vec![
        Cell::Text(&total_label),
        Cell::Text(""),
        Cell::Text(""),
        Cell::Text(""),
        Cell::Text(""),
        Cell::Number(plain_amount(b.total.monthly)),
        Cell::Number(plain_amount(b.total.one_time)),
        Cell::Text(&b.currency),
        Cell::Text(&b.total.note),
    ];
    if internal {
        total.extend([Cell::Text(""), Cell::Text("")]);
    }
    row(&mut out, total);
    out
}

enum Cell<'a> {
    Text(&'a str),
    /// Written by us from a number: never a formula.
    Number(String),
}

fn row<'a>(out: &mut String, cells: impl IntoIterator<Item = Cell<'a>>) {
    let mut first = true;
    for c in cells {
        if !first {
            out.push(',');
        }
        first = false;
        match c {
            Cell::Text(t) => out.push_str(&field(t)),
            Cell::Number(n) => out.push_str(&n),
        }
    }
    out.push_str("\r\n");
}

/// One text field: defused against formulas, quoted when it must be.
pub fn field(text: &str) -> String {
    let first_visible = text.trim_start_matches(' ').chars().next();
    let formula = matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    ) || matches!(first_visible, Some('=' | '+' | '-' | '@'));
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_defused() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("-1+2", "'-1+2"),
            ("  @SUM(A1)", "'  @SUM(A1)"),
            ("line\nbreak", "\"line\nbreak\""),
        ];
        for (text, want) in cases {
            assert_eq!(field(text), want, "{text}");
        }
    }
}
