//! Approvals: the pre-sales decisions on a scope's flags. A decision holds
//! for the answers that raised its flag (a fingerprint of them); when they
//! change it is stale and counts as missing. Pure: the shell reads the
//! clock and stores the decisions in the session.

use serde::Serialize;

use crate::engine::{Flag, Scope};
use crate::knowledge::Severity;
use crate::session::{Decision, Session, Verdict, given};

/// Where a flag's decision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Approved,
    Declined,
    /// Decided for other answers than today's.
    Stale,
}

impl State {
    pub fn id(self) -> &'static str {
        match self {
            State::Approved => "approved",
            State::Declined => "declined",
            State::Stale => "stale",
        }
    }
}

/// One flag and its decision, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Review<'a> {
    pub flag: &'a Flag,
    pub decision: Option<&'a Decision>,
    pub state: Option<State>,
}

/// A decision in words: "approved by Lea Legal on 2026-12-02, on condition:
/// …", or for a stale one what it was and that it no longer holds, headed
/// by `stale` ("stale" in the proposal, "STALE" in `check`).
pub fn decision_words(d: &Decision, state: State, stale: &str) -> String {
    let date = jiff::tz::TimeZone::UTC.to_datetime(d.at).date();
    let conditions = d
        .conditions
        .as_deref()
        .map(|c| format!(", on condition: {c}"))
        .unwrap_or_default();
    let head = match state {
        State::Stale => format!("{stale}: {} for other answers", d.verdict.id()),
        s => s.id().to_string(),
    };
    format!("{head} by {} on {date}{conditions}", d.by)
}

/// The decision recorded for `flag`, and where it stands.
pub fn decision_for<'a>(flag: &Flag, decisions: &'a [Decision]) -> Option<(&'a Decision, State)> {
    let d = Decision::latest_for(decisions, flag)?;
    let state = if !d.holds_for(flag) {
        State::Stale
    } else {
        match d.verdict {
            Verdict::Approved => State::Approved,
            Verdict::Declined => State::Declined,
        }
    };
    Some((d, state))
}

/// Every flag of the scope with its decision, in the scope's order.
pub fn review<'a>(scope: &'a Scope, decisions: &'a [Decision]) -> Vec<Review<'a>> {
    scope
        .flags
        .iter()
        .map(|flag| {
            let found = decision_for(flag, decisions);
            Review {
                flag,
                decision: found.map(|(d, _)| d),
                state: found.map(|(_, s)| s),
            }
        })
        .collect()
}

/// Why a flag keeps the session from being proposed or won.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    /// Needs approval and nobody has decided.
    NoDecision,
    /// Decided for answers that have changed since.
    Stale,
    /// Declined, and still in the scope.
    Declined,
}

impl Gap {
    pub fn words(self) -> &'static str {
        match self {
            Gap::NoDecision => "no approval yet",
            Gap::Stale => "approved for other answers (stale)",
            Gap::Declined => "declined and still in the scope",
        }
    }
}

/// A flag the gate before selling stops at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missing {
    pub rule: String,
    pub title: String,
    pub approver: Option<String>,
    pub gap: Gap,
}

impl Missing {
    /// "24/7 coverage (Operations lead): no approval yet".
    pub fn describe(&self) -> String {
        match &self.approver {
            Some(a) => format!("{} ({a}): {}", self.title, self.gap.words()),
            None => format!("{}: {}", self.title, self.gap.words()),
        }
    }
}

/// What is missing before the session may be proposed or won: every
/// `needs_approval` flag without a current approval, and every flag
/// declined and still raised.
pub fn missing(scope: &Scope, decisions: &[Decision]) -> Vec<Missing> {
    review(scope, decisions)
        .into_iter()
        .filter_map(|r| {
            let gap = match (r.flag.severity, r.state) {
                (_, Some(State::Declined)) => Gap::Declined,
                (Severity::NeedsApproval, None) => Gap::NoDecision,
                (Severity::NeedsApproval, Some(State::Stale)) => Gap::Stale,
                _ => return None,
            };
            Some(Missing {
                rule: r.flag.rule.clone(),
                title: r.flag.title.clone(),
                approver: r.flag.approver_name.clone(),
                gap,
            })
        })
        .collect()
}

/// What someone decided on a flag, before the clock is read: the shell
/// (`nunki approve`, the screen's decision box) fills it in and stamps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub verdict: Verdict,
    /// Who decided (one name, even where the flag names several approvers).
    pub by: String,
    pub conditions: Option<String>,
    /// The conditions concern the customer (their proposal lists them).
    pub for_customer: bool,
}

impl Draft {
    /// The decision on `flag` as of `now`: bound to the answers that raise
    /// it today (its fingerprint), with when the flag was first seen
    /// (`raised`, from the session's `flags_seen`; else now). Conditions
    /// are trimmed, and empty ones are none.
    pub fn decide(
        &self,
        flag: &Flag,
        raised: Option<jiff::Timestamp>,
        now: jiff::Timestamp,
    ) -> Decision {
        Decision {
            rule: flag.rule.clone(),
            verdict: self.verdict,
            by: self.by.trim().to_string(),
            at: now,
            conditions: given(self.conditions.as_deref()),
            for_customer: self.for_customer,
            fingerprint: flag.fingerprint(),
            raised: raised.or(Some(now)),
        }
    }
}

/// Records a decision: one per flag, so it replaces an earlier one on the
/// same rule.
pub fn record(decisions: &mut Vec<Decision>, decision: Decision) {
    decisions.retain(|d| d.rule != decision.rule);
    decisions.push(decision);
}

/// One approval to ask for: a `needs_approval` flag that nobody has
/// decided yet, or whose decision is stale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Request {
    /// `nunki:<session id>:<rule>`, stable across exports, so a tracker
    /// can match a re-import.
    pub key: String,
    pub customer: String,
    pub rule: String,
    pub title: String,
    pub detail: String,
    /// The answers that raised it: "support_hours = 24/7".
    pub answers: Vec<String>,
    pub remediation: String,
    pub approver: String,
    /// A stale decision this request renews.
    pub stale: bool,
}

/// The approvals a session still waits for, in the scope's order.
pub fn requests(session: &Session, scope: &Scope) -> Vec<Request> {
    review(scope, &session.decisions)
        .into_iter()
        .filter(|r| {
            r.flag.severity == Severity::NeedsApproval
                && matches!(r.state, None | Some(State::Stale))
        })
        .map(|r| Request {
            key: format!("nunki:{}:{}", session.id, r.flag.rule),
            customer: session.customer.name.clone(),
            rule: r.flag.rule.clone(),
            title: r.flag.title.clone(),
            detail: r.flag.detail.clone(),
            answers: r
                .flag
                .answers
                .iter()
                .map(|a| format!("{} = {}", a.question, a.display))
                .collect(),
            remediation: r.flag.remediation.clone(),
            approver: r
                .flag
                .approver_name
                .clone()
                .unwrap_or_else(|| "(no approver named)".into()),
            stale: r.state == Some(State::Stale),
        })
        .collect()
}

/// Decisions across sessions, per boundary, for demand insights.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DecisionStat {
    pub approved: usize,
    pub declined: usize,
    /// Raised and waiting: no decision, or a stale one.
    pub open: usize,
    /// Mean whole days from the flag's first appearance to its decision,
    /// over the decisions that know when the flag appeared.
    pub mean_days_to_decision: Option<f64>,
    #[serde(skip)]
    days: Vec<f64>,
}

impl DecisionStat {
    /// Adds the decisions counted over later sessions, as if counted here.
    pub fn merge(&mut self, later: DecisionStat) {
        self.approved += later.approved;
        self.declined += later.declined;
        self.open += later.open;
        if !later.days.is_empty() {
            self.days.extend(later.days);
            self.mean_days_to_decision =
                Some(self.days.iter().sum::<f64>() / self.days.len() as f64);
        }
    }

    /// Counts one raised flag of one session.
    pub fn count(&mut self, flag: &Flag, decisions: &[Decision]) {
        match decision_for(flag, decisions) {
            Some((d, State::Approved | State::Declined)) => {
                if d.verdict == Verdict::Approved {
                    self.approved += 1;
                } else {
                    self.declined += 1;
                }
                if let Some(raised) = d.raised {
                    let secs = d.at.as_second() - raised.as_second();
                    self.days.push((secs.max(0) as f64 / 86_400.0).floor());
                    self.mean_days_to_decision =
                        Some(self.days.iter().sum::<f64>() / self.days.len() as f64);
                }
            }
            Some((_, State::Stale)) | None => {
                if flag.severity == Severity::NeedsApproval {
                    self.open += 1;
                }
            }
        }
    }
}
