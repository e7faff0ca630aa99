//! The proposal as CommonMark with GitHub-style tables: for wikis, merge
//! requests, e-mail and the TUI's preview.
//!
//! Every text is escaped where Markdown could read it as markup: the
//! inline markers (`` \ * ` [ ] < > & | ~ # $ { } ^ = @ + ``) always,
//! `_` unless inside a word, a block marker at the start of a text, the
//! `:` of a URL scheme and the dot of `www.` (GitHub turns both into
//! links). Line breaks become spaces in headings and table cells, and hard
//! breaks in notes.

use std::fmt::Write as _;

use super::proposal::{Boundary, Proposal, TraceAnswer, TraceReason, answers_text, reason_text};
use super::{amount, amount_cell, join_lines, number, words};
use crate::knowledge::Recurrence;

pub fn render(p: &Proposal) -> String {
    let mut md = Md::default();
    md.heading(1, &p.title);
    let mut meta = vec![field("Customer", &p.customer.name)];
    if let Some(c) = &p.customer.contact {
        meta.push(field("Contact", c));
    }
    meta.push(field("Date", p.date.as_deref().unwrap_or(words::UNDATED)));
    if let Some(v) = &p.valid_until {
        meta.push(field("Valid until", v));
    }
    meta.push(field("Prices", &p.prices));
    md.list(&meta);

    if p.internal.is_some() {
        md.para(&format!("**{}**", esc(words::INTERNAL_BANNER)));
    }

    md.heading(2, words::NEED);
    if p.need.is_empty() {
        md.para(&esc("No answers yet."));
    }
    for s in &p.need {
        md.heading(3, &s.title);
        md.list(&s.statements.iter().map(|t| esc(t)).collect::<Vec<_>>());
        if !s.answers.is_empty() {
            let rows = s
                .answers
                .iter()
                .map(|a| vec![cell(&a.prompt), cell(&a.answer)])
                .collect();
            md.table(&[("Question", L), ("Answer", L)], rows);
        }
    }

    md.heading(2, words::SOLUTION);
    if p.solution.is_empty() {
        md.para(&esc(words::NO_ITEMS));
    }
    for g in &p.solution {
        md.heading(3, &g.title);
        let items: Vec<String> = g
            .items
            .iter()
            .map(|i| {
                let mut s = format!("**{}**, {}", esc(&i.name), esc(&i.plan));
                if i.quantity != 1.0 {
                    let _ = write!(s, " × {}", number(i.quantity));
                }
                if i.partner {
                    let _ = write!(s, ", delivered by {}", esc(&i.provider));
                }
                if !i.description.is_empty() {
                    let _ = write!(s, ": {}", esc(&i.description));
                }
                if let Some(w) = i.lead_time_weeks {
                    let _ = write!(s, " (lead time {w} weeks)");
                }
                s
            })
            .collect();
        md.list(&items);
    }

    md.heading(2, words::BILL);
    let b = &p.bill;
    let cur = esc(&b.currency);
    if b.rows.is_empty() {
        md.para(&esc(words::NO_ITEMS));
    }
    let mut rows: Vec<Vec<String>> = b
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                cell(&r.group_label),
                cell(&r.component),
                cell(&r.plan),
                cell(&r.provider),
                number(r.quantity),
                cell(&amount_cell(r.monthly, r.one_time)),
                cell(&amount_cell(r.one_time, r.monthly)),
                cell(&r.note),
            ];
            if let (Some(o), Some(pl)) = (&r.offering, &r.plan_id) {
                row.push(cell(&format!("{o} / {pl}")));
            }
            row
        })
        .collect();
    let internal_ids = b.rows.iter().any(|r| r.offering.is_some());
    let mut total = vec![
        "**Total**".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        format!("**{}**", esc(&amount(b.total.monthly))),
        format!("**{}**", esc(&amount(b.total.one_time))),
        cell(&b.total.note),
    ];
    if internal_ids {
        total.push(String::new());
    }
    rows.push(total);
    let monthly = format!("Monthly ({cur})");
    let one_time = format!("One-time ({cur})");
    let mut head = vec![
        ("Part", L),
        ("Component", L),
        ("Plan", L),
        ("Provider", L),
        ("Quantity", R),
        (monthly.as_str(), R),
        (one_time.as_str(), R),
        ("Note", L),
    ];
    if internal_ids {
        head.push(("Catalog id", L));
    }
    md.table(&head, rows);
    md.para(&esc(&match &p.valid_until {
        Some(v) => format!("All prices in {}, {}. Valid until {v}.", b.currency, b.vat),
        None => format!(
            "All prices in {}, {}. Valid for {} days from the date of this proposal.",
            b.currency, b.vat, p.validity_days
        ),
    }));

    md.heading(2, words::SERVICE_LEVELS);
    if p.service_levels.is_empty() {
        md.para(&esc("No service levels apply yet."));
    } else {
        let opt = |o: &Option<String>| cell(o.as_deref().unwrap_or(words::MISSING));
        let rows = p
            .service_levels
            .iter()
            .map(|s| {
                vec![
                    cell(&format!("{}, {}", s.component, s.plan)),
                    cell(&s.availability),
                    opt(&s.support_hours),
                    opt(&s.response_time),
                    opt(&s.backups),
                    opt(&s.maintenance),
                    cell(&s.note),
                ]
            })
            .collect();
        md.table(
            &[
                ("Component", L),
                ("Availability", L),
                ("Support hours", L),
                ("Response time", L),
                ("Backups", L),
                ("Maintenance", L),
                ("Note", L),
            ],
            rows,
        );
    }

    md.heading(2, words::RESPONSIBILITIES);
    if p.responsibilities.is_empty() {
        md.para(&esc("No responsibilities recorded yet."));
    } else {
        let join = |v: &[String]| {
            if v.is_empty() {
                words::MISSING.to_string()
            } else {
                cell(&join_lines(v))
            }
        };
        let rows = p
            .responsibilities
            .iter()
            .map(|r| {
                vec![
                    cell(&r.component),
                    cell(&r.provider_name),
                    join(&r.provider),
                    join(&r.customer),
                    join(&r.partner),
                ]
            })
            .collect();
        md.table(
            &[
                ("Component", L),
                ("Provider", L),
                ("Provider's part", L),
                ("Customer's part", L),
                ("Partner's part", L),
            ],
            rows,
        );
    }

    md.heading(2, words::ASSUMPTIONS);
    md.list(&p.assumptions.iter().map(|a| esc(a)).collect::<Vec<_>>());

    md.heading(2, words::OUT_OF_SCOPE);
    if p.out_of_scope.is_empty() {
        md.para(&esc(words::NONE_CROSSED));
    }
    for b in &p.out_of_scope {
        boundary(&mut md, b);
    }

    if !p.good_to_know.is_empty() {
        md.heading(2, words::GOOD_TO_KNOW);
        let items: Vec<String> = p
            .good_to_know
            .iter()
            .map(|n| format!("**{}**: {}", esc(&n.title), esc(&n.detail)))
            .collect();
        md.list(&items);
    }

    md.heading(2, words::OPEN_QUESTIONS);
    if p.open_questions.is_empty() {
        md.para(&esc("None: every question is answered."));
    } else {
        let items: Vec<String> = p
            .open_questions
            .iter()
            .map(|q| {
                let mut s = esc(&q.prompt);
                if let Some(id) = &q.question {
                    let _ = write!(s, " ({})", esc(id));
                }
                s
            })
            .collect();
        md.numbered(&items);
    }

    if let Some(c) = &p.comparison {
        md.heading(2, words::COMPARISON);
        let mut head: Vec<(&str, Align)> = vec![("", Align::Left)];
        head.extend(c.columns.iter().map(|n| (n.as_str(), Align::Left)));
        let rows = c
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![if r.differs {
                    format!("**{}**", esc(&r.label))
                } else {
                    esc(&r.label)
                }];
                row.extend(r.cells.iter().map(|x| esc(x)));
                row
            })
            .collect();
        md.table(&head, rows);
        md.para(&esc(words::COMPARISON_NOTE));
    }

    md.heading(2, words::NEXT_STEPS);
    md.numbered(&p.next_steps.iter().map(|s| esc(s)).collect::<Vec<_>>());

    if let Some(i) = &p.internal {
        md.heading(2, words::INTERNAL);
        md.list(&[
            field("Knowledge version", &i.knowledge_version),
            field("Session", i.session.as_deref().unwrap_or(words::MISSING)),
            field("Status", i.status.as_deref().unwrap_or(words::MISSING)),
        ]);

        md.heading(3, "Flags");
        if i.flags.is_empty() {
            md.para(&esc("No flags."));
        }
        if !i.decision_log.is_empty() {
            md.para(&esc("Decision log:"));
            md.list(&i.decision_log.iter().map(|l| esc(l)).collect::<Vec<_>>());
        }
        for f in &i.flags {
            let mut lines = vec![
                format!("Rule: {}", esc(&f.rule)),
                esc(&f.detail),
                format!("Remediation: {}", esc(&f.remediation)),
            ];
            if let Some(d) = &f.decision {
                lines.push(format!("Decision: {}", esc(d)));
            }
            match (&f.approver_name, &f.approver) {
                (Some(name), Some(id)) => {
                    lines.push(format!("Approver: {} ({})", esc(name), esc(id)));
                }
                (None, Some(id)) => lines.push(format!("Approver: {}", esc(id))),
                _ => {}
            }
            if !f.answers.is_empty() {
                lines.push(format!("Triggered by: {}", answers(&f.answers)));
            }
            md.para(&format!(
                "**\\[{}\\] {}**",
                esc(f.severity.label()),
                esc(&f.title)
            ));
            md.list(&lines);
        }

        md.heading(3, SLO_HEADING);
        if i.slos.is_empty() {
            md.para(&esc("No component with an availability objective."));
        }
        let slos: Vec<String> = i
            .slos
            .iter()
            .map(|o| {
                format!(
                    "{} ({}): {} % per calendar month{}. SLI: {}",
                    esc(&o.name),
                    esc(&o.plan_name),
                    o.target_percent,
                    if o.indicative { " (indicative)" } else { "" },
                    esc(&o.indicator)
                )
            })
            .collect();
        md.list(&slos);

        md.heading(3, "Trace");
        for t in &i.trace {
            md.para(&format!(
                "**{}** ({} / {}, owner {})",
                esc(&t.component),
                esc(&t.offering),
                esc(&t.plan),
                esc(t.owner_name.as_deref().unwrap_or(&t.owner))
            ));
            let mut lines: Vec<String> = t.because.iter().map(reason).collect();
            for l in &t.price_lines {
                let when = match l.recurrence {
                    Recurrence::Monthly => "monthly",
                    Recurrence::OneTime => "one-time",
                };
                lines.push(format!(
                    "Price: {}, {when}, {} {} = {}{}",
                    esc(&l.label),
                    cur,
                    esc(&amount(l.amount)),
                    esc(&l.calculation),
                    if l.indicative { " (indicative)" } else { "" }
                ));
            }
            if t.price_lines.is_empty() {
                lines.push(esc(words::ON_REQUEST));
            }
            md.list(&lines);
        }

        if !i.excluded.is_empty() {
            md.heading(3, "Excluded");
            let lines: Vec<String> = i
                .excluded
                .iter()
                .map(|e| {
                    format!(
                        "**{}** ({}): {}",
                        esc(&e.component),
                        esc(&e.offering),
                        reason(&e.reason)
                    )
                })
                .collect();
            md.list(&lines);
        }

        md.heading(3, "Notes");
        if i.notes.is_empty() {
            md.para(&esc("No notes."));
        } else {
            let lines: Vec<String> = i
                .notes
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

        if !i.problems.is_empty() {
            md.heading(3, "Answers left out");
            md.list(&i.problems.iter().map(|s| esc(s)).collect::<Vec<_>>());
        }
    }
    md.finish()
}

fn boundary(md: &mut Md, b: &Boundary) {
    md.heading(3, &format!("{}: {}", b.label, b.title));
    md.para(&esc(&b.detail));
    md.para(&format!("**{}:** {}", esc(words::INSTEAD), esc(&b.instead)));
}

fn answers(a: &[TraceAnswer]) -> String {
    answers_text(a, &esc, &esc, "=")
}

fn reason(r: &TraceReason) -> String {
    reason_text(r, &esc, &esc, "=")
}

fn field(name: &str, value: &str) -> String {
    format!("**{}:** {}", esc(name), esc(value))
}

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}
const L: Align = Align::Left;
const R: Align = Align::Right;

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

    /// An already escaped paragraph.
    fn para(&mut self, text: &str) {
        self.block(text);
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

    /// A table of already escaped cells.
    fn table(&mut self, head: &[(&str, Align)], rows: Vec<Vec<String>>) {
        let mut t = String::new();
        let names: Vec<String> = head.iter().map(|(h, _)| esc(h)).collect();
        let _ = writeln!(t, "| {} |", names.join(" | "));
        let rule: Vec<&str> = head
            .iter()
            .map(|(_, a)| match a {
                Align::Left => "---",
                Align::Right => "--:",
            })
            .collect();
        let _ = writeln!(t, "| {} |", rule.join(" | "));
        for row in rows {
            let _ = writeln!(t, "| {} |", row.join(" | "));
        }
        self.block(t.trim_end());
    }

    fn finish(self) -> String {
        self.out
    }
}

/// A table cell: escaped, on one line.
fn cell(s: &str) -> String {
    esc(s)
}

/// Escapes text for inline Markdown, on one line.
/// The heading of the objectives handed over to operations.
pub(crate) const SLO_HEADING: &str = "Service level objectives (hand-over to operations)";

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
