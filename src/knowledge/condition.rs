//! Conditions: the small typed language of `when` clauses, written in RON.
//!
//! Every id a condition names is checked when the knowledge is loaded; the
//! engine evaluates them (see `engine::conditions`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Always,
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// A single choice answer is this option.
    Is(String, String),
    /// A single choice answer is one of these options.
    IsAnyOf(String, Vec<String>),
    /// A multi choice answer includes this option.
    Includes(String, String),
    /// A multi choice answer includes at least one of these options.
    IncludesAny(String, Vec<String>),
    /// A number answer is at least / at most / above / below the value.
    AtLeast(String, f64),
    AtMost(String, f64),
    Above(String, f64),
    Below(String, f64),
    /// A yes/no answer is yes.
    Yes(String),
    /// A yes/no answer is no.
    No(String),
    /// The question has an answer.
    Answered(String),
    /// The offering is in the scope (from an earlier rule or by hand).
    Included(String),
    /// The offering is in the scope with this plan.
    IncludedPlan(String, String),
    /// The indicative monthly total exceeds the number answered.
    MonthlyTotalAbove(String),
    /// The indicative monthly total exceeds the number answered to the
    /// first question, in the currency chosen in the second (a single
    /// choice whose option ids are currency codes; converted with the
    /// catalog's exchange rate).
    MonthlyTotalAboveIn(String, String),
    /// Some item in the scope is priced on request or by the provider, so
    /// the totals leave it out.
    PricedOnRequest,
    /// The go-live answered (in weeks) is sooner than the longest lead time
    /// plus the engineering that has to happen first.
    GoLiveTooSoon(String),
    /// An item in the scope needs more weeks than the number answered.
    LeadTimeExceeds(String),
    /// The free-text answer names a technology the Tech Radar puts in one
    /// of these rings ("hold", "assess", "unknown" for names not on it).
    RadarRing(String, Vec<String>),
}

/// What a condition refers to, for validation and for tracing.
pub enum Reference<'a> {
    Question(&'a str),
    Option(&'a str, &'a str),
    Offering(&'a str),
    Plan(&'a str, &'a str),
}

impl Condition {
    /// Calls `f` for every id this condition names, depth first.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(Reference<'a>)) {
        match self {
            Condition::Always => {}
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.visit(f)),
            Condition::Not(c) => c.visit(f),
            Condition::Is(q, o) | Condition::Includes(q, o) => {
                f(Reference::Question(q));
                f(Reference::Option(q, o));
            }
            Condition::IsAnyOf(q, os) | Condition::IncludesAny(q, os) => {
                f(Reference::Question(q));
                os.iter().for_each(|o| f(Reference::Option(q, o)));
            }
            Condition::AtLeast(q, _)
            | Condition::AtMost(q, _)
            | Condition::Above(q, _)
            | Condition::Below(q, _)
            | Condition::Yes(q)
            | Condition::No(q)
            | Condition::Answered(q)
            | Condition::MonthlyTotalAbove(q)
            | Condition::LeadTimeExceeds(q)
            | Condition::GoLiveTooSoon(q)
            | Condition::RadarRing(q, _) => f(Reference::Question(q)),
            Condition::MonthlyTotalAboveIn(q, c) => {
                f(Reference::Question(q));
                f(Reference::Question(c));
            }
            Condition::PricedOnRequest => {}
            Condition::Included(o) => f(Reference::Offering(o)),
            Condition::IncludedPlan(o, p) => {
                f(Reference::Offering(o));
                f(Reference::Plan(o, p));
            }
        }
    }

    /// The question ids this condition reads, in order, without repeats.
    pub fn questions(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        self.visit(&mut |r| {
            if let Reference::Question(q) = r
                && !out.iter().any(|x| x == q)
            {
                out.push(q.to_string());
            }
        });
        out
    }

    /// The answer leaves that must hold for the condition to hold, outside
    /// any `Not`: what a customer asked for, as opposed to the context it
    /// was asked in. Each is a question and, for choices, the options that
    /// count.
    pub fn positive_leaves(&self) -> Vec<(&str, &[String])> {
        let mut out = Vec::new();
        self.collect_positive(&mut out);
        out
    }

    fn collect_positive<'a>(&'a self, out: &mut Vec<(&'a str, &'a [String])>) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_positive(out));
            }
            Condition::Is(q, o) | Condition::Includes(q, o) => {
                out.push((q, std::slice::from_ref(o)));
            }
            Condition::IsAnyOf(q, os) | Condition::IncludesAny(q, os) => out.push((q, os)),
            Condition::AtLeast(q, _)
            | Condition::AtMost(q, _)
            | Condition::Above(q, _)
            | Condition::Below(q, _)
            | Condition::Yes(q)
            | Condition::No(q)
            | Condition::Answered(q)
            | Condition::RadarRing(q, _) => out.push((q, &[])),
            _ => {}
        }
    }

    /// Whether the condition reads the totals or lead times, known only
    /// once every item is priced.
    pub fn reads_totals(&self) -> bool {
        match self {
            Condition::MonthlyTotalAbove(_)
            | Condition::MonthlyTotalAboveIn(..)
            | Condition::PricedOnRequest
            | Condition::GoLiveTooSoon(_)
            | Condition::LeadTimeExceeds(_) => true,
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(Condition::reads_totals),
            Condition::Not(c) => c.reads_totals(),
            _ => false,
        }
    }

    /// Whether the condition reads the scope (and so cannot be skip logic).
    pub fn reads_scope(&self) -> bool {
        match self {
            Condition::Included(_)
            | Condition::IncludedPlan(..)
            | Condition::MonthlyTotalAbove(_)
            | Condition::MonthlyTotalAboveIn(..)
            | Condition::PricedOnRequest
            | Condition::GoLiveTooSoon(_)
            | Condition::LeadTimeExceeds(_) => true,
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(Condition::reads_scope),
            Condition::Not(c) => c.reads_scope(),
            _ => false,
        }
    }
}
