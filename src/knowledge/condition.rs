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

/// The kind of question a condition's leaf makes sense on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    SingleChoice,
    MultipleChoice,
    Number,
    YesNo,
    FreeText,
    /// `Answered` reads any kind.
    AnyKind,
}

/// An answer a condition reads itself, not through its parts.
#[derive(Debug, Clone, Copy)]
pub struct Reading<'a> {
    pub question: &'a str,
    /// The options it names, for choices.
    pub options: &'a [String],
    pub reads: Reads,
    /// A need the customer states (`Is`, `AtLeast` …), as opposed to a
    /// limit the totals or lead times are held against.
    pub stated: bool,
}

impl Condition {
    /// The answers this condition reads itself: none for `All`, `Any`,
    /// `Not` and the leaves on the scope, two for `MonthlyTotalAboveIn`.
    /// Every variant is named here, so a new one is decided here and every
    /// walk over conditions (ids, kinds, what customers ask for) follows.
    pub fn readings(&self) -> [Option<Reading<'_>>; 2] {
        use Condition as C;
        fn one<'a>(
            question: &'a str,
            options: &'a [String],
            reads: Reads,
            stated: bool,
        ) -> [Option<Reading<'a>>; 2] {
            [
                Some(Reading {
                    question,
                    options,
                    reads,
                    stated,
                }),
                None,
            ]
        }
        match self {
            C::Always
            | C::All(_)
            | C::Any(_)
            | C::Not(_)
            | C::PricedOnRequest
            | C::Included(_)
            | C::IncludedPlan(..) => [None, None],
            C::Is(q, o) => one(q, std::slice::from_ref(o), Reads::SingleChoice, true),
            C::IsAnyOf(q, os) => one(q, os, Reads::SingleChoice, true),
            C::Includes(q, o) => one(q, std::slice::from_ref(o), Reads::MultipleChoice, true),
            C::IncludesAny(q, os) => one(q, os, Reads::MultipleChoice, true),
            C::AtLeast(q, _) | C::AtMost(q, _) | C::Above(q, _) | C::Below(q, _) => {
                one(q, &[], Reads::Number, true)
            }
            C::Yes(q) | C::No(q) => one(q, &[], Reads::YesNo, true),
            C::Answered(q) => one(q, &[], Reads::AnyKind, true),
            C::RadarRing(q, _) => one(q, &[], Reads::FreeText, true),
            C::MonthlyTotalAbove(q) | C::LeadTimeExceeds(q) | C::GoLiveTooSoon(q) => {
                one(q, &[], Reads::Number, false)
            }
            C::MonthlyTotalAboveIn(q, currency) => {
                let [limit, _] = one(q, &[], Reads::Number, false);
                let [currency, _] = one(currency, &[], Reads::SingleChoice, false);
                [limit, currency]
            }
        }
    }

    /// The conditions this one is made of.
    pub fn parts(&self) -> &[Condition] {
        match self {
            Condition::All(cs) | Condition::Any(cs) => cs,
            Condition::Not(c) => std::slice::from_ref(c),
            _ => &[],
        }
    }

    /// Calls `f` for every id this condition names, depth first.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(Reference<'a>)) {
        for r in self.readings().into_iter().flatten() {
            f(Reference::Question(r.question));
            r.options
                .iter()
                .for_each(|o| f(Reference::Option(r.question, o)));
        }
        match self {
            Condition::Included(o) => f(Reference::Offering(o)),
            Condition::IncludedPlan(o, p) => {
                f(Reference::Offering(o));
                f(Reference::Plan(o, p));
            }
            _ => {}
        }
        self.parts().iter().for_each(|c| c.visit(f));
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
        if matches!(self, Condition::Not(_)) {
            return;
        }
        let stated = self.readings().into_iter().flatten().filter(|r| r.stated);
        out.extend(stated.map(|r| (r.question, r.options)));
        self.parts().iter().for_each(|c| c.collect_positive(out));
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
            _ => self.parts().iter().any(Condition::reads_totals),
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
