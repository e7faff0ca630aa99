//! What changed for a session when the knowledge changed under it: the
//! scope it was saved with (`last_scope`) against a fresh evaluation.
//! Pure, so the TUI and the CLI tell the same story.

use std::fmt;

use super::model::ScopeSummary;
use crate::engine::Money;
use crate::knowledge::Knowledge;

/// One difference between the saved scope and today's.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    ItemAdded {
        offering: String,
        plan: String,
    },
    ItemRemoved {
        offering: String,
        plan: String,
    },
    PlanChanged {
        offering: String,
        from: String,
        to: String,
    },
    /// The same item and plan at another price.
    ItemPrice {
        offering: String,
        monthly: (Money, Money),
        one_time: (Money, Money),
    },
    MonthlyTotal {
        from: Money,
        to: Money,
    },
    OneTimeTotal {
        from: Money,
        to: Money,
    },
    FlagAdded {
        rule: String,
    },
    FlagRemoved {
        rule: String,
    },
}

/// Every difference, items first, then totals, then flags.
pub fn compare(before: &ScopeSummary, after: &ScopeSummary) -> Vec<Change> {
    let mut out = Vec::new();
    let find = |list: &[(String, String, f64, f64)], offering: &str| {
        list.iter()
            .find(|(o, ..)| o == offering)
            .map(|(_, p, m, t)| (p.clone(), Money::from_units(*m), Money::from_units(*t)))
    };
    for (offering, plan, monthly, one_time) in &after.items {
        match find(&before.items, offering) {
            None => out.push(Change::ItemAdded {
                offering: offering.clone(),
                plan: plan.clone(),
            }),
            Some((old_plan, ..)) if &old_plan != plan => out.push(Change::PlanChanged {
                offering: offering.clone(),
                from: old_plan,
                to: plan.clone(),
            }),
            Some((_, old_m, old_t)) => {
                let (m, t) = (Money::from_units(*monthly), Money::from_units(*one_time));
                if old_m != m || old_t != t {
                    out.push(Change::ItemPrice {
                        offering: offering.clone(),
                        monthly: (old_m, m),
                        one_time: (old_t, t),
                    });
                }
            }
        }
    }
    for (offering, plan, ..) in &before.items {
        if find(&after.items, offering).is_none() {
            out.push(Change::ItemRemoved {
                offering: offering.clone(),
                plan: plan.clone(),
            });
        }
    }
    let (m0, m1) = (
        Money::from_units(before.monthly),
        Money::from_units(after.monthly),
    );
    if m0 != m1 {
        out.push(Change::MonthlyTotal { from: m0, to: m1 });
    }
    let (t0, t1) = (
        Money::from_units(before.one_time),
        Money::from_units(after.one_time),
    );
    if t0 != t1 {
        out.push(Change::OneTimeTotal { from: t0, to: t1 });
    }
    for rule in &after.flags {
        if !before.flags.contains(rule) {
            out.push(Change::FlagAdded { rule: rule.clone() });
        }
    }
    for rule in &before.flags {
        if !after.flags.contains(rule) {
            out.push(Change::FlagRemoved { rule: rule.clone() });
        }
    }
    out
}

impl Change {
    /// The change in words, with names from the knowledge where it still
    /// has them (a removed offering is named by its id).
    pub fn describe(&self, knowledge: &Knowledge) -> String {
        let cur = knowledge.currency();
        let offering = |id: &str| {
            knowledge
                .offering(id)
                .map_or_else(|| id.to_string(), |o| o.name.to_string())
        };
        let plan = |o: &str, p: &str| {
            knowledge
                .offering(o)
                .and_then(|o| o.plans.iter().find(|x| x.id == p))
                .map_or_else(|| p.to_string(), |x| x.name.to_string())
        };
        let flag = |r: &str| {
            knowledge
                .rule(r)
                .and_then(|rule| {
                    rule.effects.iter().find_map(|e| match e {
                        crate::knowledge::Effect::Flag(spec) => Some(spec.title.to_string()),
                        _ => None,
                    })
                })
                .unwrap_or_else(|| r.to_string())
        };
        match self {
            Change::ItemAdded {
                offering: o,
                plan: p,
            } => {
                format!("now in the scope: {} ({})", offering(o), plan(o, p))
            }
            Change::ItemRemoved {
                offering: o,
                plan: p,
            } => {
                format!("no longer in the scope: {} ({})", offering(o), plan(o, p))
            }
            Change::PlanChanged {
                offering: o,
                from,
                to,
            } => format!("{}: plan {} → {}", offering(o), plan(o, from), plan(o, to)),
            Change::ItemPrice {
                offering: o,
                monthly,
                one_time,
            } => {
                let mut parts = Vec::new();
                if monthly.0 != monthly.1 {
                    parts.push(format!("{cur} {} → {} per month", monthly.0, monthly.1));
                }
                if one_time.0 != one_time.1 {
                    parts.push(format!("{cur} {} → {} one-time", one_time.0, one_time.1));
                }
                format!("{}: {}", offering(o), parts.join(", "))
            }
            Change::MonthlyTotal { from, to } => {
                format!("monthly total: {cur} {from} → {to}")
            }
            Change::OneTimeTotal { from, to } => {
                format!("one-time total: {cur} {from} → {to}")
            }
            Change::FlagAdded { rule } => format!("new flag: {}", flag(rule)),
            Change::FlagRemoved { rule } => format!("flag gone: {}", flag(rule)),
        }
    }
}

impl fmt::Display for Change {
    /// Ids only, for logs and tests; people get [`Change::describe`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::ItemAdded { offering, plan } => write!(f, "+{offering}:{plan}"),
            Change::ItemRemoved { offering, plan } => write!(f, "-{offering}:{plan}"),
            Change::PlanChanged { offering, from, to } => write!(f, "{offering}:{from}→{to}"),
            Change::ItemPrice {
                offering,
                monthly,
                one_time,
            } => write!(
                f,
                "{offering} price {}→{}/month {}→{} one-time",
                monthly.0, monthly.1, one_time.0, one_time.1
            ),
            Change::MonthlyTotal { from, to } => write!(f, "monthly {from}→{to}"),
            Change::OneTimeTotal { from, to } => write!(f, "one-time {from}→{to}"),
            Change::FlagAdded { rule } => write!(f, "+flag {rule}"),
            Change::FlagRemoved { rule } => write!(f, "-flag {rule}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(items: &[(&str, &str, f64, f64)], flags: &[&str]) -> ScopeSummary {
        ScopeSummary {
            items: items
                .iter()
                .map(|(o, p, m, t)| (o.to_string(), p.to_string(), *m, *t))
                .collect(),
            flags: flags.iter().map(|s| s.to_string()).collect(),
            monthly: items.iter().map(|i| i.2).sum(),
            one_time: items.iter().map(|i| i.3).sum(),
            worst: None,
        }
    }

    #[test]
    fn reports_items_plans_prices_totals_and_flags() {
        let before = summary(
            &[
                ("a", "s", 100.0, 0.0),
                ("b", "s", 50.0, 10.0),
                ("c", "x", 1.0, 0.0),
            ],
            &["f1", "f2"],
        );
        let after = summary(
            &[
                ("a", "s", 120.0, 0.0),
                ("b", "l", 50.0, 10.0),
                ("d", "x", 5.0, 0.0),
            ],
            &["f2", "f3"],
        );
        let shown: Vec<String> = compare(&before, &after)
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            shown,
            [
                "a price 100→120/month 0→0 one-time",
                "b:s→l",
                "+d:x",
                "-c:x",
                "monthly 151→175",
                "+flag f3",
                "-flag f1",
            ]
        );
        assert!(compare(&before, &before).is_empty());
    }
}
