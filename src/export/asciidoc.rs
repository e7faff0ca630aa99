//! The proposal as AsciiDoc, for teams that publish with Antora or
//! Asciidoctor.
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

use super::proposal::{Proposal, TraceAnswer, TraceReason, answers_text, reason_text};
use super::{amount, amount_cell, join_lines, number, words};
use crate::knowledge::Recurrence;

pub fn render(p: &Proposal) -> String {
    let mut a = Adoc::default();
    a.line(&format!("= {}", esc(&p.title)));
    a.line(":doctype: article");
    a.blank();
    let mut meta = vec![("Customer", esc(&p.customer.name))];
    if let Some(c) = &p.customer.contact {
        meta.push(("Contact", esc(c)));
    }
    meta.push(("Date", esc(p.date.as_deref().unwrap_or(words::UNDATED))));
    if let Some(v) = &p.valid_until {
        meta.push(("Valid until", esc(v)));
    }
    meta.push(("Prices", esc(&p.prices)));
    for (k, v) in meta {
        a.line(&format!("{k}:: {v}"));
    }
    if p.internal.is_some() {
        a.blank();
        a.line(&format!("CAUTION: {}", esc(words::INTERNAL_BANNER)));
    }

    a.heading(2, words::NEED);
    if p.need.is_empty() {
        a.para("No answers yet.");
    }
    for s in &p.need {
        a.heading(3, &s.title);
        a.list(&s.statements.iter().map(|t| esc(t)).collect::<Vec<_>>());
        if !s.answers.is_empty() {
            let rows = s
                .answers
                .iter()
                .map(|x| vec![esc(&x.prompt), esc(&x.answer)])
                .collect();
            a.table("3,2", &["Question", "Answer"], rows, None);
        }
    }

    a.heading(2, words::SOLUTION);
    if p.solution.is_empty() {
        a.para(words::NO_ITEMS);
    }
    for g in &p.solution {
        a.heading(3, &g.title);
        let items: Vec<String> = g
            .items
            .iter()
            .map(|i| {
                let mut s = format!("*{}*, {}", esc(&i.name), esc(&i.plan));
                if i.quantity != 1.0 {
                    let _ = write!(s, " × {}", esc(&number(i.quantity)));
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
        a.list(&items);
    }

    a.heading(2, words::BILL);
    let b = &p.bill;
    if b.rows.is_empty() {
        a.para(words::NO_ITEMS);
    }
    let internal_ids = b.rows.iter().any(|r| r.offering.is_some());
    let rows: Vec<Vec<String>> = b
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                esc(&r.group_label),
                esc(&r.component),
                esc(&r.plan),
                esc(&r.provider),
                esc(&number(r.quantity)),
                esc(&amount_cell(r.monthly, r.one_time)),
                esc(&amount_cell(r.one_time, r.monthly)),
                esc(&r.note),
            ];
            if let (Some(o), Some(pl)) = (&r.offering, &r.plan_id) {
                row.push(esc(&format!("{o} / {pl}")));
            }
            row
        })
        .collect();
    let mut total = vec![
        "*Total*".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        format!("*{}*", esc(&amount(b.total.monthly))),
        format!("*{}*", esc(&amount(b.total.one_time))),
        esc(&b.total.note),
    ];
    if internal_ids {
        total.push(String::new());
    }
    let monthly = format!("Monthly ({})", b.currency);
    let one_time = format!("One-time ({})", b.currency);
    let mut head = vec![
        "Part",
        "Component",
        "Plan",
        "Provider",
        "Quantity",
        monthly.as_str(),
        one_time.as_str(),
        "Note",
    ];
    let mut cols = String::from("2,3,2,2,>1,>2,>2,3");
    if internal_ids {
        head.push("Catalog id");
        cols.push_str(",2");
    }
    a.table(&cols, &head, rows, Some(total));
    a.para(&match &p.valid_until {
        Some(v) => format!("All prices in {}, {}. Valid until {v}.", b.currency, b.vat),
        None => format!(
            "All prices in {}, {}. Valid for {} days from the date of this proposal.",
            b.currency, b.vat, p.validity_days
        ),
    });

    a.heading(2, words::SERVICE_LEVELS);
    if p.service_levels.is_empty() {
        a.para("No service levels apply yet.");
    } else {
        let opt = |o: &Option<String>| esc(o.as_deref().unwrap_or(words::MISSING));
        let rows = p
            .service_levels
            .iter()
            .map(|s| {
                vec![
                    esc(&format!("{}, {}", s.component, s.plan)),
                    esc(&s.availability),
                    opt(&s.support_hours),
                    opt(&s.response_time),
                    opt(&s.backups),
                    opt(&s.maintenance),
                    esc(&s.note),
                ]
            })
            .collect();
        a.table(
            "3,2,2,2,3,3,2",
            &[
                "Component",
                "Availability",
                "Support hours",
                "Response time",
                "Backups",
                "Maintenance",
                "Note",
            ],
            rows,
            None,
        );
    }

    a.heading(2, words::RESPONSIBILITIES);
    if p.responsibilities.is_empty() {
        a.para("No responsibilities recorded yet.");
    } else {
        let join = |v: &[String]| {
            if v.is_empty() {
                words::MISSING.to_string()
            } else {
                esc(&join_lines(v))
            }
        };
        let rows = p
            .responsibilities
            .iter()
            .map(|r| {
                vec![
                    esc(&r.component),
                    esc(&r.provider_name),
                    join(&r.provider),
                    join(&r.customer),
                    join(&r.partner),
                ]
            })
            .collect();
        a.table(
            "2,2,3,3,3",
            &[
                "Component",
                "Provider",
                "Provider's part",
                "Customer's part",
                "Partner's part",
            ],
            rows,
            None,
        );
    }

    a.heading(2, words::ASSUMPTIONS);
    a.list(&p.assumptions.iter().map(|s| esc(s)).collect::<Vec<_>>());

    a.heading(2, words::OUT_OF_SCOPE);
    if p.out_of_scope.is_empty() {
        a.para(words::NONE_CROSSED);
    }
    for b in &p.out_of_scope {
        a.heading(3, &format!("{}: {}", b.label, b.title));
        a.para(&b.detail);
        a.blank();
        a.line(&format!("*{}:* {}", esc(words::INSTEAD), esc(&b.instead)));
    }

    if !p.good_to_know.is_empty() {
        a.heading(2, words::GOOD_TO_KNOW);
        let items: Vec<String> = p
            .good_to_know
            .iter()
            .map(|n| format!("*{}*: {}", esc(&n.title), esc(&n.detail)))
            .collect();
        a.list(&items);
    }

    a.heading(2, words::OPEN_QUESTIONS);
    if p.open_questions.is_empty() {
        a.para("None: every question is answered.");
    } else {
        let items: Vec<String> = p
            .open_questions
            .iter()
            .map(|q| {
                let mut s = esc(&q.prompt);
                if let Some(id) = &q.question {
                    let _ = write!(s, " {}", esc(&format!("({id})")));
                }
                s
            })
            .collect();
        a.numbered(&items);
    }

    if let Some(c) = &p.comparison {
        a.heading(2, words::COMPARISON);
        let mut head: Vec<&str> = vec![""];
        head.extend(c.columns.iter().map(String::as_str));
        let cols = vec!["2"; head.len()].join(",");
        let rows = c
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![if r.differs {
                    format!("*{}*", esc(&r.label))
                } else {
                    esc(&r.label)
                }];
                row.extend(r.cells.iter().map(|x| esc(x)));
                row
            })
            .collect();
        a.table(&cols, &head, rows, None);
        a.para(&esc(words::COMPARISON_NOTE));
    }

    a.heading(2, words::NEXT_STEPS);
    a.numbered(&p.next_steps.iter().map(|s| esc(s)).collect::<Vec<_>>());

    if let Some(i) = &p.internal {
        a.heading(2, words::INTERNAL);
        a.line(&format!(
            "Knowledge version:: {}",
            esc(&i.knowledge_version)
        ));
        a.line(&format!(
            "Session:: {}",
            esc(i.session.as_deref().unwrap_or(words::MISSING))
        ));
        a.line(&format!(
            "Status:: {}",
            esc(i.status.as_deref().unwrap_or(words::MISSING))
        ));

        a.heading(3, "Flags");
        if i.flags.is_empty() {
            a.para("No flags.");
        }
        if !i.decision_log.is_empty() {
            a.para("Decision log:");
            a.list(&i.decision_log.iter().map(|l| esc(l)).collect::<Vec<_>>());
        }
        for f in &i.flags {
            a.blank();
            a.line(&format!(
                "*{}*",
                esc(&format!("[{}] {}", f.severity.label(), f.title))
            ));
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
                    lines.push(format!("Approver: {}", esc(&format!("{name} ({id})"))));
                }
                (None, Some(id)) => lines.push(format!("Approver: {}", esc(id))),
                _ => {}
            }
            if !f.answers.is_empty() {
                lines.push(format!("Triggered by: {}", answers(&f.answers)));
            }
            a.list(&lines);
        }

        a.heading(3, super::markdown::SLO_HEADING);
        if i.slos.is_empty() {
            a.para(&esc("No component with an availability objective."));
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
        a.list(&slos);

        a.heading(3, "Trace");
        for t in &i.trace {
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
            let mut lines: Vec<String> = t.because.iter().map(reason).collect();
            for l in &t.price_lines {
                let when = match l.recurrence {
                    Recurrence::Monthly => "monthly",
                    Recurrence::OneTime => "one-time",
                };
                lines.push(esc(&format!(
                    "Price: {}, {when}, {} {} = {}{}",
                    l.label,
                    p.currency,
                    amount(l.amount),
                    l.calculation,
                    if l.indicative { " (indicative)" } else { "" }
                )));
            }
            if t.price_lines.is_empty() {
                lines.push(esc(words::ON_REQUEST));
            }
            a.list(&lines);
        }

        if !i.excluded.is_empty() {
            a.heading(3, "Excluded");
            let lines: Vec<String> = i
                .excluded
                .iter()
                .map(|x| {
                    format!(
                        "*{}* {}: {}",
                        esc(&x.component),
                        esc(&format!("({})", x.offering)),
                        reason(&x.reason)
                    )
                })
                .collect();
            a.list(&lines);
        }

        a.heading(3, "Notes");
        if i.notes.is_empty() {
            a.para("No notes.");
        } else {
            let lines: Vec<String> = i
                .notes
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

        if !i.problems.is_empty() {
            a.heading(3, "Answers left out");
            a.list(&i.problems.iter().map(|s| esc(s)).collect::<Vec<_>>());
        }
    }
    a.finish()
}

fn answers(a: &[TraceAnswer]) -> String {
    answers_text(a, &esc, &esc, &esc("="))
}

fn reason(r: &TraceReason) -> String {
    reason_text(r, &esc, &esc, &esc("="))
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
        if items.is_empty() {
            return;
        }
        self.blank();
        for i in items {
            self.line(&format!("* {i}"));
        }
    }

    fn numbered(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.blank();
        for i in items {
            self.line(&format!(". {i}"));
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
