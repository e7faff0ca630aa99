//! The summary and the plan to go-live: the first things a customer reads,
//! both taken from the scope. Nothing here computes a week or a price;
//! the engine laid out the plan (`Scope.delivery.plan`), the bill holds
//! the totals.

use super::build::Builder;
use super::*;
use crate::engine::PlanStepKind;
use crate::export::amount;
use crate::i18n::Lang;
use crate::i18n::format::date as long_date;
use crate::tr;

/// `date` plus `weeks` weeks; `None` when undated or out of range.
fn weeks_after(date: Option<jiff::civil::Date>, weeks: u32) -> Option<jiff::civil::Date> {
    date?
        .checked_add(jiff::Span::new().days(i64::from(weeks) * 7))
        .ok()
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
            totals: totals_line(self.lang(), bill),
            service_level: self.service_level_line(),
            go_live: match (&plan.go_live, &plan.too_early) {
                (Some(g), Some(t)) => Some(tr!(
                    self.lang(),
                    "summary-go-live-too-early",
                    go_live = g,
                    too_early = t
                )),
                (g, _) => g.clone(),
            },
            open: open_lines(self.lang(), boundaries, open),
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
                (!names.is_empty()).then(|| {
                    format!(
                        "{}: {}",
                        crate::export::words::group(self.lang(), group),
                        names.join(", ")
                    )
                })
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
        let lang = self.lang();
        let mut parts = Vec::new();
        if let Some((a, i)) = availability {
            parts.push(tr!(
                lang,
                "summary-availability",
                percent = format_number(a),
                component = clean_line(&i.name)
            ));
        }
        if let Some((h, i)) = support {
            parts.push(tr!(
                lang,
                "summary-support",
                hours = crate::export::words::hours(lang, h),
                component = clean_line(&i.name)
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// The engine's plan in rows, dated from the proposal's date as if
    /// ordered that day.
    pub(super) fn plan(&self, date: Option<jiff::civil::Date>) -> Plan {
        let lang = self.lang();
        let delivery = &self.scope.delivery;
        let confirm = self
            .scope
            .flags
            .iter()
            .any(|f| f.severity == Severity::NeedsApproval);
        let mut steps = Vec::new();
        for s in &delivery.plan {
            let when = match (s.from_week, s.to_week) {
                (0, _) => tr!(lang, "plan-with-order"),
                (a, b) if a == b => tr!(lang, "plan-week", week = a),
                (a, b) => tr!(lang, "plan-weeks", from = a, to = b),
            };
            let names = s
                .items
                .iter()
                .map(|n| clean_line(n))
                .collect::<Vec<_>>()
                .join(", ");
            let (who, step, detail) = match s.kind {
                PlanStepKind::Order => (
                    tr!(lang, "plan-who-both"),
                    tr!(lang, "plan-order"),
                    if confirm {
                        tr!(lang, "plan-order-signed-confirm")
                    } else {
                        tr!(lang, "plan-order-signed")
                    },
                ),
                PlanStepKind::Setup => (tr!(lang, "plan-who-vshn"), tr!(lang, "plan-setup"), names),
                PlanStepKind::Engineering => (
                    tr!(lang, "plan-who-developers"),
                    tr!(lang, "plan-engineering"),
                    if delivery.lead_time_weeks.is_some_and(|w| w > 0) {
                        tr!(
                            lang,
                            "plan-engineering-during-setup",
                            names = &names,
                            days = format_number(s.days)
                        )
                    } else {
                        tr!(
                            lang,
                            "plan-engineering-days",
                            names = &names,
                            days = format_number(s.days)
                        )
                    },
                ),
                PlanStepKind::PlatformEngineering => (
                    tr!(lang, "plan-who-developers"),
                    tr!(lang, "plan-engineering"),
                    tr!(
                        lang,
                        "plan-engineering-detail",
                        names = names,
                        days = format_number(s.days)
                    ),
                ),
                PlanStepKind::Onboarding => (
                    tr!(lang, "plan-who-vshn"),
                    tr!(lang, "plan-onboarding"),
                    tr!(lang, "plan-onboarding-detail", names = names),
                ),
                PlanStepKind::Customer => (
                    tr!(lang, "plan-who-you"),
                    tr!(lang, "plan-you-deliver"),
                    s.task
                        .as_ref()
                        .map(|(_, text)| clean_line(text))
                        .unwrap_or_default(),
                ),
                PlanStepKind::GoLive => (
                    tr!(lang, "plan-who-both"),
                    tr!(lang, "plan-go-live"),
                    String::new(),
                ),
            };
            steps.push(PlanRow {
                when,
                who,
                step,
                detail,
            });
        }
        let dated = |weeks: u32| {
            weeks_after(date, weeks).map_or_else(String::new, |d| {
                tr!(lang, "plan-about", date = long_date(lang, d))
            })
        };
        let go_live = delivery
            .go_live_week()
            .map(|w| tr!(lang, "plan-go-live-week", week = w, dated = dated(w)));
        let earliest = match (
            delivery.too_early(),
            delivery.earliest_go_live_weeks,
            delivery.requested_go_live_weeks,
        ) {
            (true, Some(e), Some(asked)) => {
                let e = e.ceil() as u32;
                let weeks = if asked.fract() == 0.0 && asked.abs() < 1e9 {
                    crate::i18n::IntoArg::into_arg(asked as i64)
                } else {
                    crate::i18n::IntoArg::into_arg(format_number(asked))
                };
                Some((
                    tr!(lang, "plan-earliest", week = e, dated = dated(e)),
                    crate::i18n::message(lang, "plan-too-early", &[("weeks", weeks)]),
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
            note: tr!(lang, "plan-note"),
        }
    }
}

/// "CHF 24'118 per month and CHF 12'000 one-time, excl. VAT, indicative,
/// to be confirmed; not included: …" — the bill's own figures.
fn totals_line(lang: Lang, bill: &Bill) -> String {
    let cur = &bill.currency;
    let t = &bill.total;
    let (monthly, once) = (
        format!("{cur} {}", amount(t.monthly)),
        format!("{cur} {}", amount(t.one_time)),
    );
    let mut s = match (t.monthly == Money::ZERO, t.one_time == Money::ZERO) {
        (false, true) => tr!(lang, "summary-totals-monthly", monthly = monthly),
        (true, false) => tr!(lang, "summary-totals-once", once = once),
        _ => tr!(lang, "summary-totals-both", monthly = monthly, once = once),
    };
    s.push_str(", ");
    s.push_str(&bill.vat);
    if t.indicative {
        s.push_str(", ");
        s.push_str(&tr!(lang, "indicative"));
    }
    if !t.priced_on_request.is_empty() {
        s.push_str("; ");
        s.push_str(&tr!(
            lang,
            "summary-not-in-totals",
            items = t.priced_on_request.join(", ")
        ));
    }
    s
}

/// The open questions as a count, then each boundary still to settle.
fn open_lines(lang: Lang, boundaries: &[Boundary], open: &[OpenQuestion]) -> Vec<String> {
    let mut out = Vec::new();
    if !open.is_empty() {
        out.push(tr!(
            lang,
            "summary-open-questions",
            count = open.len(),
            section = tr!(lang, "section-open-questions")
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
