//! The summary and the plan to go-live: the first things a customer reads,
//! both taken from the scope. Nothing here computes a week or a price;
//! the engine laid out the plan (`Scope.delivery.plan`), the bill holds
//! the totals.

use super::build::Builder;
use super::*;
use crate::engine::PlanStepKind;
use crate::export::amount;

/// A date in the proposal's long form: "24 February 2027".
pub(crate) fn long_date(d: jiff::civil::Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

/// `date` plus `weeks` weeks; `None` when undated or out of range.
fn weeks_after(date: Option<jiff::civil::Date>, weeks: u32) -> Option<jiff::civil::Date> {
    date?
        .checked_add(jiff::Span::new().days(i64::from(weeks) * 7))
        .ok()
}

fn weeks_word(n: u32) -> &'static str {
    if n == 1 { "week" } else { "weeks" }
}

impl Builder<'_> {
    pub(super) fn summary(
        &self,
        bill: &Bill,
        plan: &Plan,
        boundaries: &[Boundary],
        open: &[OpenQuestion],
    ) -> Summary {
        Summary {
            goal: self.goal(),
            solution: self.solution_lines(),
            totals: totals_line(bill),
            service_level: self.service_level_line(),
            go_live: match (&plan.go_live, &plan.too_early) {
                (Some(g), Some(t)) => Some(format!("{g}, at the earliest; {t}")),
                (g, _) => g.clone(),
            },
            open: open_lines(boundaries, open),
        }
    }

    /// The statements of the questionnaire's goal questions, in its order.
    fn goal(&self) -> String {
        self.knowledge
            .questionnaire
            .goal
            .iter()
            .filter_map(|q| self.scope.needs.iter().find(|n| &n.question == q))
            .map(|n| clean_line(&n.text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A line per group: "Platform: APPUiO Managed OpenShift, Test cluster".
    fn solution_lines(&self) -> Vec<String> {
        Group::ALL
            .into_iter()
            .filter_map(|group| {
                let mut names: Vec<String> = Vec::new();
                for i in self.scope.items_in(group) {
                    let name = clean_line(&i.name);
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
                (!names.is_empty()).then(|| format!("{}: {}", group.label(), names.join(", ")))
            })
            .collect()
    }

    /// The platform's availability and the widest support hours sold.
    fn service_level_line(&self) -> Option<String> {
        let availability = self
            .scope
            .items_in(Group::Platform)
            .find_map(|i| i.service_level.availability.map(|a| (a, i)));
        let support = self
            .scope
            .items
            .iter()
            .filter_map(|i| i.service_level.support_hours.map(|h| (h, i)))
            .max_by_key(|(h, _)| *h);
        let mut parts = Vec::new();
        if let Some((a, i)) = availability {
            parts.push(format!(
                "{} % availability per month ({})",
                format_number(a),
                clean_line(&i.name)
            ));
        }
        if let Some((h, i)) = support {
            parts.push(format!("support {} ({})", h.label(), clean_line(&i.name)));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// The engine's plan in rows, dated from the proposal's date as if
    /// ordered that day.
    pub(super) fn plan(&self, date: Option<jiff::civil::Date>) -> Plan {
        let delivery = &self.scope.delivery;
        let confirm = self
            .scope
            .flags
            .iter()
            .any(|f| f.severity == Severity::NeedsApproval);
        let mut steps = Vec::new();
        for s in &delivery.plan {
            let when = match (s.from_week, s.to_week) {
                (0, _) => "With the order".to_string(),
                (a, b) if a == b => format!("Week {a}"),
                (a, b) => format!("Weeks {a}–{b}"),
            };
            let names = s
                .items
                .iter()
                .map(|n| clean_line(n))
                .collect::<Vec<_>>()
                .join(", ");
            let (who, step, detail) = match s.kind {
                PlanStepKind::Order => (
                    "You and VSHN",
                    "Order".to_string(),
                    if confirm {
                        "The contract is signed, once the points subject to our confirmation are settled."
                    } else {
                        "The contract is signed."
                    }
                    .to_string(),
                ),
                PlanStepKind::Setup => ("VSHN", "Setup".to_string(), names),
                PlanStepKind::Engineering => (
                    "VSHN and your developers",
                    "Engineering (AppFlow)".to_string(),
                    if delivery.lead_time_weeks.is_some_and(|w| w > 0) {
                        format!(
                            "{names}: {} engineering days, during the setup",
                            format_number(s.days)
                        )
                    } else {
                        format!("{names}: {} engineering days", format_number(s.days))
                    },
                ),
                PlanStepKind::PlatformEngineering => (
                    "VSHN and your developers",
                    "Engineering (AppFlow)".to_string(),
                    format!(
                        "{names}: {} engineering days, once the platform is ready",
                        format_number(s.days)
                    ),
                ),
                PlanStepKind::Onboarding => (
                    "VSHN",
                    "Onboarding into operations".to_string(),
                    format!("{names}: monitoring, alerting and runbooks, before go-live"),
                ),
                PlanStepKind::Customer => (
                    "You",
                    "You deliver".to_string(),
                    s.task
                        .as_ref()
                        .map(|(_, text)| clean_line(text))
                        .unwrap_or_default(),
                ),
                PlanStepKind::GoLive => ("You and VSHN", "Go-live".to_string(), String::new()),
            };
            steps.push(PlanRow {
                when,
                who: who.to_string(),
                step,
                detail,
            });
        }
        let dated = |weeks: u32| {
            weeks_after(date, weeks)
                .map_or_else(String::new, |d| format!(", about {}", long_date(d)))
        };
        let go_live = delivery
            .go_live_week()
            .map(|w| format!("week {w} after the order{}", dated(w)));
        let earliest = match (
            delivery.too_early(),
            delivery.earliest_go_live_weeks,
            delivery.requested_go_live_weeks,
        ) {
            (true, Some(e), Some(asked)) => {
                let e = e.ceil() as u32;
                Some((
                    format!("Earliest go-live: week {e} after the order{}", dated(e)),
                    format!(
                        "the go-live asked for, in {} {}, is too early",
                        format_number(asked),
                        weeks_word(asked.ceil() as u32)
                    ),
                ))
            }
            _ => None,
        };
        let (earliest, too_early) = earliest.unzip();
        Plan {
            steps,
            go_live,
            earliest,
            too_early,
            note: "Weeks count from your order; dates assume an order on the date of this proposal. Durations are planning figures, confirmed with the binding offer.".to_string(),
        }
    }
}

/// "CHF 24'118 per month and CHF 12'000 one-time, excl. VAT, indicative,
/// to be confirmed; not included: …" — the bill's own figures.
fn totals_line(bill: &Bill) -> String {
    let cur = &bill.currency;
    let t = &bill.total;
    let (monthly, once) = (amount(t.monthly), amount(t.one_time));
    let mut s = match (t.monthly == Money::ZERO, t.one_time == Money::ZERO) {
        (false, true) => format!("{cur} {monthly} per month, no one-time costs"),
        (true, false) => format!("{cur} {once} one-time, no monthly costs"),
        _ => format!("{cur} {monthly} per month and {cur} {once} one-time"),
    };
    s.push_str(", ");
    s.push_str(&bill.vat);
    if t.indicative {
        s.push_str(", ");
        s.push_str(words::INDICATIVE);
    }
    if !t.priced_on_request.is_empty() {
        s.push_str(&format!(
            "; not in these totals: {}",
            t.priced_on_request.join(", ")
        ));
    }
    s
}

/// The open questions as a count, then each boundary still to settle.
fn open_lines(boundaries: &[Boundary], open: &[OpenQuestion]) -> Vec<String> {
    let mut out = Vec::new();
    if !open.is_empty() {
        out.push(format!(
            "{} question{} still open (see \u{201c}{}\u{201d})",
            open.len(),
            if open.len() == 1 { "" } else { "s" },
            words::OPEN_QUESTIONS
        ));
    }
    out.extend(
        boundaries
            .iter()
            .filter(|b| b.severity != Severity::OutOfScope)
            .map(|b| format!("{}: {}", b.label, b.title)),
    );
    out.extend(
        boundaries
            .iter()
            .filter(|b| b.severity == Severity::OutOfScope)
            .map(|b| format!("{}: {}", b.label, b.title)),
    );
    out
}
