//! What conditions and prices see while a scope is being built: the
//! answers, what is included so far, the running totals and the sizes
//! computed so far ([`Context`]), and the fees a share is taken of
//! ([`ShareBase`]). Shared by `evaluate` and `pricing`, so neither
//! imports the other for it.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::answers::Answer;
use super::money::Money;
use super::scope::{AnswerRef, Because};
use crate::knowledge::radar::split_names;
use crate::knowledge::{Condition, Knowledge, Quantity, Rule};

pub(crate) use crate::knowledge::IdHasher;

/// A map keyed by id.
pub(crate) type ById<'a, V> = HashMap<&'a str, V, BuildHasherDefault<IdHasher>>;

/// What conditions can see while the scope is being built.
pub(crate) struct Context<'a> {
    pub knowledge: &'a Knowledge,
    pub answers: ById<'a, &'a Answer>,
    /// offering id → plan id, of what is in the scope so far.
    pub included: ById<'a, &'a str>,
    pub monthly_total: Money,
    pub max_lead_time: Option<u32>,
    pub earliest_go_live: Option<f64>,
    /// The assumption notes written so far, by question and value.
    pub assumed: std::cell::RefCell<ById<'a, Vec<(u64, String)>>>,
    /// The catalog's sizes computed so far, in catalog order, each with
    /// what it assumed; `size_index` maps their ids.
    pub sizes: Vec<(f64, Trail)>,
    pub size_index: ById<'a, usize>,
    /// Names of the items the totals leave out because they are priced
    /// on request or by the provider.
    pub priced_on_request: Vec<String>,
}

/// What a quantity rested on: the defaults it assumed for unanswered
/// questions, and the catalog's sizes it used.
#[derive(Debug, Clone, Default)]
pub(crate) struct Trail {
    pub notes: Vec<String>,
    pub sizes: Vec<usize>,
}

impl Trail {
    pub(super) fn note(&mut self, note: String) {
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    pub(super) fn absorb(&mut self, index: usize, other: &Trail) {
        for n in &other.notes {
            self.note(n.clone());
        }
        for &i in other.sizes.iter().chain(std::iter::once(&index)) {
            if !self.sizes.contains(&i) {
                self.sizes.push(i);
            }
        }
    }
}

impl<'a> Context<'a> {
    pub(super) fn number(&self, q: &str) -> Option<f64> {
        self.answers.get(q).and_then(|a| a.as_number())
    }

    /// The number answered to `q`, or `default` noted as an assumption.
    pub(super) fn answered(&self, q: &'a str, default: f64, trail: &mut Trail) -> f64 {
        match self.number(q) {
            Some(v) => v,
            None => {
                trail.note(self.assumed(q, default));
                default
            }
        }
    }

    /// "q not answered: 4 GiB assumed", formatted once per evaluation: a
    /// large catalog assumes the same default for thousands of prices.
    pub(super) fn assumed(&self, q: &'a str, value: f64) -> String {
        let mut cache = self.assumed.borrow_mut();
        let known = cache.entry(q).or_default();
        if let Some((_, text)) = known.iter().find(|(v, _)| *v == value.to_bits()) {
            return text.clone();
        }
        let text = self.assumed_text(q, value);
        known.push((value.to_bits(), text.clone()));
        text
    }

    pub(super) fn assumed_text(&self, q: &str, value: f64) -> String {
        let unit = match self.knowledge.question(q).map(|q| &q.kind) {
            Some(crate::knowledge::QuestionKind::Number { unit, .. }) if !unit.is_empty() => {
                format!(" {unit}")
            }
            _ => String::new(),
        };
        format!(
            "{q} not answered: {}{unit} assumed",
            super::answers::format_number(value)
        )
    }

    /// The budget answered to `amount` in the catalog's currency, converted
    /// from the currency chosen in `currency` where there is a rate.
    pub fn budget(&self, amount: &str, currency: Option<&str>) -> Option<f64> {
        let value = self.number(amount)?;
        match self.budget_rate(currency) {
            Some(rate) => Some(value * rate.rate),
            None => Some(value),
        }
    }

    pub(super) fn budget_rate(
        &self,
        currency: Option<&str>,
    ) -> Option<&crate::knowledge::ExchangeRate> {
        let code = currency
            .and_then(|c| self.answers.get(c))
            .and_then(|a| a.as_text())?;
        if code.eq_ignore_ascii_case(self.knowledge.currency()) {
            return None;
        }
        self.knowledge.catalog.exchange_rate(code)
    }

    /// The budget in words: "CHF 9'000", or with another currency "EUR
    /// 9'000 (about CHF 8'460 at 0.94, rate of 2026-11-30)".
    pub(super) fn budget_text(&self, amount: &str, currency: Option<&str>) -> Option<String> {
        let value = self.number(amount)?;
        let own = self.knowledge.currency();
        Some(match self.budget_rate(currency) {
            Some(rate) => crate::tr!(
                self.knowledge.lang(),
                "budget-converted",
                currency = rate.currency.as_str(),
                amount = Money::from_units(value).to_string(),
                own = own,
                converted = Money::from_units(value * rate.rate).to_string(),
                rate = super::answers::format_number(rate.rate),
                date = crate::i18n::format::date_text(self.knowledge.lang(), &rate.date),
            ),
            None => format!("{own} {}", Money::from_units(value)),
        })
    }

    pub fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::Always => true,
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
            Condition::Is(q, o) => {
                self.answers.get(q.as_str()).and_then(|a| a.as_text()) == Some(o)
            }
            Condition::IsAnyOf(q, os) => self
                .answers
                .get(q.as_str())
                .and_then(|a| a.as_text())
                .is_some_and(|v| os.iter().any(|o| o == v)),
            Condition::Includes(q, o) => self
                .answers
                .get(q.as_str())
                .is_some_and(|a| a.as_list().contains(o)),
            Condition::IncludesAny(q, os) => self
                .answers
                .get(q.as_str())
                .is_some_and(|a| a.as_list().iter().any(|v| os.contains(v))),
            Condition::AtLeast(q, n) => self.number(q).is_some_and(|v| v >= *n),
            Condition::AtMost(q, n) => self.number(q).is_some_and(|v| v <= *n),
            Condition::Above(q, n) => self.number(q).is_some_and(|v| v > *n),
            Condition::Below(q, n) => self.number(q).is_some_and(|v| v < *n),
            Condition::Yes(q) => {
                self.answers.get(q.as_str()).and_then(|a| a.as_bool()) == Some(true)
            }
            Condition::No(q) => {
                self.answers.get(q.as_str()).and_then(|a| a.as_bool()) == Some(false)
            }
            Condition::Answered(q) => self.answers.contains_key(q.as_str()),
            Condition::Included(o) => self.included.contains_key(o.as_str()),
            Condition::IncludedPlan(o, p) => self.included.get(o.as_str()) == Some(&p.as_str()),
            Condition::MonthlyTotalAbove(q) => self
                .number(q)
                .is_some_and(|budget| self.monthly_total > Money::from_units(budget)),
            Condition::MonthlyTotalAboveIn(q, c) => self
                .budget(q, Some(c))
                .is_some_and(|budget| self.monthly_total > Money::from_units(budget)),
            Condition::PricedOnRequest => !self.priced_on_request.is_empty(),
            Condition::GoLiveTooSoon(q) => self
                .number(q)
                .zip(self.earliest_go_live)
                .is_some_and(|(weeks, earliest)| earliest > weeks),
            Condition::LeadTimeExceeds(q) => self
                .number(q)
                .zip(self.max_lead_time)
                .is_some_and(|(weeks, lead)| f64::from(lead) > weeks),
            Condition::RadarRing(q, rings) => !self.radar_matches(q, rings).is_empty(),
        }
    }

    /// The technologies of a free-text answer whose ring is one of `rings`.
    pub fn radar_matches(&self, q: &str, rings: &[String]) -> Vec<String> {
        let Some(text) = self.answers.get(q).and_then(|a| a.as_text()) else {
            return Vec::new();
        };
        split_names(text)
            .filter(|name| {
                let ring = self
                    .knowledge
                    .radar
                    .lookup(name)
                    .map_or("unknown", |e| e.ring.id());
                rings.iter().any(|r| r == ring)
            })
            .map(str::to_string)
            .collect()
    }

    /// A quantity's value, noting in `trail` what it assumed and which
    /// sizes it used.
    pub fn quantity(&self, q: &'a Quantity, trail: &mut Trail) -> f64 {
        match q {
            Quantity::Fixed(n) => *n,
            Quantity::Answer(id, default) => self.answered(id, *default, trail),
            Quantity::AnswerOr(id, default) => match self.number(id) {
                Some(v) => v,
                None => {
                    let v = self.quantity(default, trail);
                    trail.note(self.assumed(id, v));
                    v
                }
            },
            Quantity::Size(id) => match self.size_index.get(id.as_str()) {
                Some(&i) if i < self.sizes.len() => {
                    let (value, used) = &self.sizes[i];
                    trail.absorb(i, used);
                    *value
                }
                // Validation allows only sizes defined earlier.
                _ => 0.0,
            },
            Quantity::Sum(qs) => qs.iter().map(|q| self.quantity(q, trail)).sum(),
            Quantity::Product(qs) => qs.iter().map(|q| self.quantity(q, trail)).product(),
            Quantity::Max(qs) => qs
                .iter()
                .map(|q| self.quantity(q, trail))
                .reduce(f64::max)
                .unwrap_or(0.0),
            Quantity::Min(qs) => qs
                .iter()
                .map(|q| self.quantity(q, trail))
                .reduce(f64::min)
                .unwrap_or(0.0),
            // A hair below the next whole number stays below it: 1.3 × 16
            // / 16 must not become 2 by a rounding error.
            Quantity::Ceil(q) => (self.quantity(q, trail) - 1e-9).ceil(),
            Quantity::When(c, then, otherwise) => {
                if self.holds(c) {
                    self.quantity(then, trail)
                } else {
                    self.quantity(otherwise, trail)
                }
            }
            Quantity::FromAnswers {
                answers,
                factor,
                min,
                round_up,
            } => {
                let product: f64 = answers
                    .iter()
                    .map(|(q, unanswered)| self.answered(q, *unanswered, trail))
                    .product();
                let n = product * factor;
                let n = if *round_up { n.ceil() } else { n };
                n.max(*min)
            }
        }
    }

    pub(super) fn answer_refs(&self, questions: &[String]) -> Vec<AnswerRef> {
        questions
            .iter()
            .filter_map(|q| {
                let a = self.answers.get(q.as_str())?;
                Some(AnswerRef {
                    question: q.clone(),
                    answer: (*a).clone(),
                    display: a.display(self.knowledge.question(q)),
                })
            })
            .collect()
    }

    pub(super) fn because(&self, rule: &Rule) -> Because {
        Because {
            rule: Some(rule.id.clone()),
            description: rule.description.clone(),
            answers: self.answer_refs(&rule.reads),
        }
    }
}

/// The fees a share of recurring fees is computed from.
pub(crate) struct ShareBase<'a> {
    pub monthly: Money,
    pub description: &'a str,
    /// Names of the items counted.
    pub items: Vec<&'a str>,
}
