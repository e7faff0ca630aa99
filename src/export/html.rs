//! The proposal as one self-contained HTML file that prints well on A4:
//! the stylesheet (`assets/proposal.css`) is inlined, there are no scripts
//! and nothing is fetched (a Content-Security-Policy says so too).
//!
//! Every text is entity-escaped; what the customer typed (name, answers,
//! notes) sits in `<bdi>` so right-to-left text cannot reorder its
//! surroundings.

use std::fmt::Write as _;

use super::proposal::{Proposal, TraceAnswer, TraceReason, answers_text, reason_text};
use super::{CSS, amount, amount_cell, number, words};
use crate::knowledge::Recurrence;

pub fn render(p: &Proposal) -> String {
    let mut h = String::with_capacity(16 * 1024);
    let audience = p.audience.id();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"nunki\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n\
<body class=\"audience-{audience}\">\n",
        e(&p.title),
        CSS
    );

    // Cover block.
    h.push_str("<header class=\"cover\">\n<p class=\"kicker\">Scoped proposal</p>\n");
    let _ = writeln!(
        h,
        "<h1>Scoped proposal for <bdi>{}</bdi></h1>",
        e(&p.customer.name)
    );
    h.push_str("<dl class=\"meta\">\n");
    dd(&mut h, "Customer", &bdi(&p.customer.name));
    if let Some(c) = &p.customer.contact {
        dd(&mut h, "Contact", &bdi(c));
    }
    dd(
        &mut h,
        "Date",
        &e(p.date.as_deref().unwrap_or(words::UNDATED)),
    );
    if let Some(v) = &p.valid_until {
        dd(&mut h, "Valid until", &e(v));
    }
    dd(&mut h, "Prices", &e(&p.prices));
    h.push_str("</dl>\n");
    if p.internal.is_some() {
        let _ = writeln!(
            h,
            "<p class=\"internal-banner\">{}</p>",
            e(words::INTERNAL_BANNER)
        );
    }
    h.push_str("</header>\n<main>\n");

    // Needs.
    section(&mut h, "need", words::NEED);
    if p.need.is_empty() {
        para(&mut h, "No answers yet.");
    }
    for s in &p.need {
        let _ = writeln!(h, "<h3>{}</h3>", e(&s.title));
        if !s.statements.is_empty() {
            h.push_str("<ul class=\"need\">\n");
            for t in &s.statements {
                let _ = writeln!(h, "<li>{}</li>", bdi_lines(t));
            }
            h.push_str("</ul>\n");
        }
        if s.answers.is_empty() {
            continue;
        }
        h.push_str("<table class=\"need\">\n<thead><tr><th>Question</th><th>Answer</th></tr></thead>\n<tbody>\n");
        for a in &s.answers {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td></tr>",
                e(&a.prompt),
                bdi_lines(&a.answer)
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");

    // Solution.
    section(&mut h, "solution", words::SOLUTION);
    if p.solution.is_empty() {
        para(&mut h, words::NO_ITEMS);
    }
    for g in &p.solution {
        let _ = writeln!(h, "<h3>{}</h3>\n<ul class=\"solution\">", e(&g.title));
        for i in &g.items {
            let _ = write!(h, "<li><strong>{}</strong>, {}", e(&i.name), e(&i.plan));
            if i.quantity != 1.0 {
                let _ = write!(h, " × {}", number(i.quantity));
            }
            if i.partner {
                let _ = write!(
                    h,
                    ", <span class=\"partner\">delivered by {}</span>",
                    e(&i.provider)
                );
            }
            if !i.description.is_empty() {
                let _ = write!(h, ": {}", e(&i.description));
            }
            if let Some(w) = i.lead_time_weeks {
                let _ = write!(h, " <span class=\"lead\">(lead time {w} weeks)</span>");
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    // Bill of materials.
    let b = &p.bill;
    let internal_ids = b.rows.iter().any(|r| r.offering.is_some());
    section(&mut h, "bill", words::BILL);
    if b.rows.is_empty() {
        para(&mut h, words::NO_ITEMS);
    }
    let _ = write!(
        h,
        "<table class=\"bill\">\n<thead><tr><th>Part</th><th>Component</th><th>Plan</th><th>Provider</th>\
<th class=\"num\">Quantity</th><th class=\"num\">Monthly ({cur})</th><th class=\"num\">One-time ({cur})</th><th>Note</th>{ids}</tr></thead>\n<tbody>\n",
        cur = e(&b.currency),
        ids = if internal_ids {
            "<th>Catalog id</th>"
        } else {
            ""
        }
    );
    for r in &b.rows {
        let class = if r.on_request {
            " class=\"on-request\""
        } else if r.indicative {
            " class=\"indicative\""
        } else {
            ""
        };
        let _ = write!(
            h,
            "<tr{class}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>\
<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"note\">{}</td>",
            e(&r.group_label),
            e(&r.component),
            e(&r.plan),
            e(&r.provider),
            number(r.quantity),
            e(&amount_cell(r.monthly, r.one_time)),
            e(&amount_cell(r.one_time, r.monthly)),
            e(&r.note)
        );
        if let (Some(o), Some(pl)) = (&r.offering, &r.plan_id) {
            let _ = write!(h, "<td class=\"id\">{} / {}</td>", e(o), e(pl));
        }
        h.push_str("</tr>\n");
    }
    let _ = write!(
        h,
        "</tbody>\n<tfoot><tr class=\"total\"><td colspan=\"5\">Total</td><td class=\"num\">{}</td>\
<td class=\"num\">{}</td><td class=\"note\">{}</td>{}</tr></tfoot>\n</table>\n",
        e(&amount(b.total.monthly)),
        e(&amount(b.total.one_time)),
        e(&b.total.note),
        if internal_ids { "<td></td>" } else { "" }
    );
    para(
        &mut h,
        &match &p.valid_until {
            Some(v) => format!("All prices in {}, {}. Valid until {v}.", b.currency, b.vat),
            None => format!(
                "All prices in {}, {}. Valid for {} days from the date of this proposal.",
                b.currency, b.vat, p.validity_days
            ),
        },
    );
    h.push_str("</section>\n");

    // Service levels.
    section(&mut h, "service-levels", words::SERVICE_LEVELS);
    if p.service_levels.is_empty() {
        para(&mut h, "No service levels apply yet.");
    } else {
        h.push_str(
            "<table class=\"service-levels\">\n<thead><tr><th>Component</th><th>Availability</th><th>Support hours</th>\
<th>Response time</th><th>Backups</th><th>Maintenance</th><th>Note</th></tr></thead>\n<tbody>\n",
        );
        let opt = |o: &Option<String>| e(o.as_deref().unwrap_or(words::MISSING));
        for s in &p.service_levels {
            let _ = writeln!(
                h,
                "<tr><td>{}, <span class=\"plan\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"note\">{}</td></tr>",
                e(&s.component),
                e(&s.plan),
                e(&s.availability),
                opt(&s.support_hours),
                opt(&s.response_time),
                opt(&s.backups),
                opt(&s.maintenance),
                e(&s.note)
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");

    // Responsibilities.
    section(&mut h, "responsibilities", words::RESPONSIBILITIES);
    if p.responsibilities.is_empty() {
        para(&mut h, "No responsibilities recorded yet.");
    } else {
        h.push_str(
            "<table class=\"responsibilities\">\n<thead><tr><th>Component</th><th>Provider</th><th>Provider's part</th>\
<th>Customer's part</th><th>Partner's part</th></tr></thead>\n<tbody>\n",
        );
        for r in &p.responsibilities {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e(&r.component),
                e(&r.provider_name),
                ul(&r.provider),
                ul(&r.customer),
                ul(&r.partner)
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");

    // Assumptions.
    section(&mut h, "assumptions", words::ASSUMPTIONS);
    let _ = writeln!(h, "{}", ul(&p.assumptions));
    h.push_str("</section>\n");

    // Out of scope.
    section(&mut h, "out-of-scope", words::OUT_OF_SCOPE);
    if p.out_of_scope.is_empty() {
        para(&mut h, words::NONE_CROSSED);
    }
    for b in &p.out_of_scope {
        let _ = writeln!(
            h,
            "<div class=\"boundary {}\">\n<h3><span class=\"label\">{}:</span> {}</h3>\n<p>{}</p>\n<p><strong>{}:</strong> {}</p>\n</div>",
            b.severity.id(),
            e(&b.label),
            e(&b.title),
            e_lines(&b.detail),
            e(words::INSTEAD),
            e_lines(&b.instead)
        );
    }
    h.push_str("</section>\n");

    if !p.good_to_know.is_empty() {
        section(&mut h, "good-to-know", words::GOOD_TO_KNOW);
        h.push_str("<ul>\n");
        for n in &p.good_to_know {
            let _ = writeln!(
                h,
                "<li><strong>{}:</strong> {}</li>",
                e(&n.title),
                e_lines(&n.detail)
            );
        }
        h.push_str("</ul>\n</section>\n");
    }

    section(&mut h, "open-questions", words::OPEN_QUESTIONS);
    if p.open_questions.is_empty() {
        para(&mut h, "None: every question is answered.");
    } else {
        h.push_str("<ol>\n");
        for q in &p.open_questions {
            let _ = write!(h, "<li>{}", e(&q.prompt));
            if let Some(id) = &q.question {
                let _ = write!(h, " <span class=\"id\">({})</span>", e(id));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</section>\n");

    if let Some(c) = &p.comparison {
        section(&mut h, "comparison", words::COMPARISON);
        h.push_str("<table class=\"comparison\">\n<thead><tr><th></th>");
        for col in &c.columns {
            let _ = write!(h, "<th>{}</th>", e(col));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for r in &c.rows {
            let class = if r.differs { " class=\"differs\"" } else { "" };
            let _ = write!(h, "<tr{class}><th>{}</th>", e(&r.label));
            for x in &r.cells {
                let _ = write!(h, "<td>{}</td>", e(x));
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n");
        para(&mut h, words::COMPARISON_NOTE);
        h.push_str("</section>\n");
    }

    section(&mut h, "next-steps", words::NEXT_STEPS);
    h.push_str("<ol>\n");
    for s in &p.next_steps {
        let _ = writeln!(h, "<li>{}</li>", e(s));
    }
    h.push_str("</ol>\n</section>\n</main>\n");

    if let Some(i) = &p.internal {
        h.push_str("<section class=\"internal\" id=\"internal\">\n");
        let _ = writeln!(h, "<h2>{}</h2>", e(words::INTERNAL));
        let _ = writeln!(
            h,
            "<p class=\"internal-banner\">{}</p>",
            e(words::INTERNAL_BANNER)
        );
        h.push_str("<dl class=\"meta\">\n");
        dd(&mut h, "Knowledge version", &e(&i.knowledge_version));
        dd(
            &mut h,
            "Session",
            &e(i.session.as_deref().unwrap_or(words::MISSING)),
        );
        dd(
            &mut h,
            "Status",
            &e(i.status.as_deref().unwrap_or(words::MISSING)),
        );
        h.push_str("</dl>\n<h3>Flags</h3>\n");
        if i.flags.is_empty() {
            para(&mut h, "No flags.");
        }
        if !i.decision_log.is_empty() {
            para(&mut h, "Decision log:");
            h.push_str("<ul class=\"decisions\">\n");
            for l in &i.decision_log {
                let _ = writeln!(h, "<li>{}</li>", e_lines(l));
            }
            h.push_str("</ul>\n");
        }
        for f in &i.flags {
            let _ = write!(
                h,
                "<div class=\"flag {sev}\">\n<h4><span class=\"severity\">{label}</span> {title}</h4>\n<dl>\n",
                sev = f.severity.id(),
                label = e(f.severity.label()),
                title = e(&f.title)
            );
            dd(&mut h, "Rule", &e(&f.rule));
            dd(&mut h, "Detail", &e_lines(&f.detail));
            dd(&mut h, "Remediation", &e_lines(&f.remediation));
            if let Some(d) = &f.decision {
                dd(&mut h, "Decision", &e_lines(d));
            }
            match (&f.approver_name, &f.approver) {
                (Some(name), Some(id)) => {
                    dd(&mut h, "Approver", &format!("{} ({})", e(name), e(id)));
                }
                (None, Some(id)) => dd(&mut h, "Approver", &e(id)),
                _ => {}
            }
            if !f.answers.is_empty() {
                dd(&mut h, "Triggered by", &answers(&f.answers));
            }
            h.push_str("</dl>\n</div>\n");
        }

        let _ = writeln!(h, "<h3>{}</h3>", e(super::markdown::SLO_HEADING));
        if i.slos.is_empty() {
            para(&mut h, "No component with an availability objective.");
        }
        let slos: Vec<String> = i
            .slos
            .iter()
            .map(|o| {
                format!(
                    "{} ({}): {} % per calendar month{}. SLI: {}",
                    String::from(&o.name),
                    String::from(&o.plan_name),
                    o.target_percent,
                    if o.indicative { " (indicative)" } else { "" },
                    String::from(&o.indicator)
                )
            })
            .collect();
        if !slos.is_empty() {
            h.push_str(&ul(&slos));
            h.push('\n');
        }

        h.push_str("<h3>Trace</h3>\n");
        for t in &i.trace {
            let _ = write!(
                h,
                "<div class=\"trace\">\n<h4>{} <span class=\"id\">({} / {}, owner {})</span></h4>\n<ul>\n",
                e(&t.component),
                e(&t.offering),
                e(&t.plan),
                e(t.owner_name.as_deref().unwrap_or(&t.owner))
            );
            for b in &t.because {
                let _ = writeln!(h, "<li>{}</li>", reason(b));
            }
            for l in &t.price_lines {
                let when = match l.recurrence {
                    Recurrence::Monthly => "monthly",
                    Recurrence::OneTime => "one-time",
                };
                let _ = writeln!(
                    h,
                    "<li>Price: {}, {when}, {} {} = {}{}</li>",
                    e(&l.label),
                    e(&p.currency),
                    e(&amount(l.amount)),
                    e(&l.calculation),
                    if l.indicative { " (indicative)" } else { "" }
                );
            }
            if t.price_lines.is_empty() {
                let _ = writeln!(h, "<li>{}</li>", e(words::ON_REQUEST));
            }
            h.push_str("</ul>\n</div>\n");
        }

        if !i.excluded.is_empty() {
            h.push_str("<h3>Excluded</h3>\n<ul>\n");
            for x in &i.excluded {
                let _ = writeln!(
                    h,
                    "<li><strong>{}</strong> ({}): {}</li>",
                    e(&x.component),
                    e(&x.offering),
                    reason(&x.reason)
                );
            }
            h.push_str("</ul>\n");
        }

        h.push_str("<h3>Notes</h3>\n");
        if i.notes.is_empty() {
            para(&mut h, "No notes.");
        } else {
            h.push_str("<table class=\"notes\">\n<thead><tr><th>Question</th><th>Note</th></tr></thead>\n<tbody>\n");
            for n in &i.notes {
                let _ = writeln!(
                    h,
                    "<tr><td>{} <span class=\"id\">({})</span></td><td class=\"note-text\">{}</td></tr>",
                    e(&n.prompt),
                    e(&n.question),
                    bdi_lines(&n.note)
                );
            }
            h.push_str("</tbody>\n</table>\n");
        }
        if !i.problems.is_empty() {
            h.push_str("<h3>Answers left out</h3>\n");
            let _ = writeln!(h, "{}", ul(&i.problems));
        }
        h.push_str("</section>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

fn section(h: &mut String, id: &str, title: &str) {
    let _ = writeln!(h, "<section id=\"{id}\">\n<h2>{}</h2>", e(title));
}

fn para(h: &mut String, text: &str) {
    let _ = writeln!(h, "<p>{}</p>", e(text));
}

/// A term and its already escaped description.
fn dd(h: &mut String, term: &str, html: &str) {
    let _ = writeln!(h, "<dt>{}</dt><dd>{html}</dd>", e(term));
}

fn ul(items: &[String]) -> String {
    if items.is_empty() {
        return e(words::MISSING);
    }
    let lis: String = items.iter().map(|i| format!("<li>{}</li>", e(i))).collect();
    format!("<ul>{lis}</ul>")
}

fn answers(a: &[TraceAnswer]) -> String {
    answers_text(a, &e, &bdi, "=")
}

fn reason(r: &TraceReason) -> String {
    reason_text(r, &e, &bdi, "=")
}

/// Entity-escapes text for element content and attribute values.
pub(crate) fn e(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped, with line breaks kept.
fn e_lines(s: &str) -> String {
    e(s).replace('\n', "<br>")
}

/// Text the customer typed, isolated from the direction around it.
fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", e(s))
}

fn bdi_lines(s: &str) -> String {
    format!("<bdi>{}</bdi>", e_lines(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            e("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
        assert_eq!(e_lines("a\nb<"), "a<br>b&lt;");
    }
}
