//! The session as data: who the customer is, what they answered, what the
//! engineer changed by hand. Pure; reading and writing it is `store`'s job.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::engine::{
    Answer, AnswerProblem, Answers, Flag, Overrides, Scope, check_answers, evaluate,
};
use crate::i18n::Lang;
use crate::knowledge::{Knowledge, Severity};

/// The version of the session file format this nunki writes.
pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The file format version; a newer one is refused, never guessed.
    pub format: u32,
    /// Stable id: never changes, even when the customer is renamed.
    pub id: String,
    pub customer: Customer,
    pub created: jiff::Timestamp,
    pub updated: jiff::Timestamp,
    #[serde(default)]
    pub status: Status,
    /// Every answer as given, including orphans the knowledge no longer
    /// knows: they are reported, never dropped.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// A note per question id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    #[serde(default)]
    pub overrides: Overrides,
    /// The content hash of the knowledge the session was last scoped with.
    #[serde(default)]
    pub knowledge_version: String,
    /// The template the session started from, if any.
    #[serde(default)]
    pub template: Option<String>,
    /// Named alternatives: the session's answers plus their own.
    #[serde(default)]
    pub options: Vec<ScopeOption>,
    /// What the scope looked like when last saved, to tell what changed
    /// when the knowledge changes.
    #[serde(default)]
    pub last_scope: Option<ScopeSummary>,
    /// The pre-sales decisions on flags, the latest one per rule.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Status changes made although approvals were missing, with why.
    #[serde(default)]
    pub forced: Vec<ForcedStatus>,
    /// When each flag was first raised in a saved scope: the start of the
    /// wait for its decision.
    #[serde(default)]
    pub flags_seen: BTreeMap<String, jiff::Timestamp>,
    /// Values a team merge did not keep, shown until someone resolves them
    /// (`session::merge`): no answer is lost to a conflict.
    #[serde(default)]
    pub conflicts: Vec<super::conflict::Conflict>,
    /// The sales engineer who scoped it, from nunki's `config.ron` when the
    /// session was made: the proposal names them as the customer's contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engineer: Option<Engineer>,
    /// The language of the customer's proposal and of the interview's
    /// knowledge texts. Files without it (older ones) are English, and an
    /// English session writes none, so it reads as it always did.
    #[serde(default, skip_serializing_if = "is_english")]
    pub lang: Lang,
}

fn is_english(lang: &Lang) -> bool {
    *lang == Lang::En
}

/// A sales engineer, as the proposal names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engineer {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A decision on the flag of one rule: approved or declined, by whom, when,
/// on what conditions, and for which answers (a fingerprint of the answers
/// that raised the flag: when they change, the decision is stale).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub rule: String,
    pub verdict: Verdict,
    pub by: String,
    pub at: jiff::Timestamp,
    #[serde(default)]
    pub conditions: Option<String>,
    /// The conditions concern the customer: the customer's proposal lists
    /// them under its assumptions (never who decided).
    #[serde(default)]
    pub for_customer: bool,
    /// `Flag::fingerprint` of the flag when it was decided.
    pub fingerprint: String,
    /// When the flag was first seen raised, for the days to a decision.
    #[serde(default)]
    pub raised: Option<jiff::Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approved,
    Declined,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::Declined => "declined",
        }
    }
}

impl Decision {
    /// The latest decision on `flag`'s rule, if any.
    pub fn latest_for<'a>(decisions: &'a [Decision], flag: &Flag) -> Option<&'a Decision> {
        decisions.iter().rev().find(|d| d.rule == flag.rule)
    }

    /// Whether it was made for the answers that raise `flag` today.
    pub fn holds_for(&self, flag: &Flag) -> bool {
        self.fingerprint == flag.fingerprint()
    }
}

/// A status set although the gate listed missing approvals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForcedStatus {
    pub status: Status,
    pub reason: String,
    pub at: jiff::Timestamp,
    /// What was missing, in words, when it was forced.
    #[serde(default)]
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub name: String,
    #[serde(default)]
    pub contact: Option<String>,
}

impl Customer {
    /// A customer as typed: the contact trimmed, and none if left blank.
    pub fn typed(name: &str, contact: Option<&str>) -> Customer {
        Customer {
            name: name.to_string(),
            contact: given(contact),
        }
    }
}

/// What someone typed into an optional field, trimmed; `None` when they
/// left it blank.
pub fn given(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    Proposed,
    Won,
    Lost,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::Proposed, Status::Won, Status::Lost];

    pub fn id(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Proposed => "proposed",
            Status::Won => "won",
            Status::Lost => "lost",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.id() == s)
    }
}

/// One named alternative within a session (issue: options comparison).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeOption {
    pub name: String,
    /// Answers that differ from the session's.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub overrides: Option<Overrides>,
}

/// A compact record of a scope, kept in the session file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeSummary {
    /// (offering, plan, monthly, one-time), in scope order.
    pub items: Vec<(String, String, f64, f64)>,
    /// Rule ids of the flags.
    pub flags: Vec<String>,
    pub monthly: f64,
    pub one_time: f64,
    #[serde(default)]
    pub worst: Option<Severity>,
}

impl ScopeSummary {
    pub fn of(scope: &Scope) -> ScopeSummary {
        ScopeSummary {
            items: scope
                .items
                .iter()
                .map(|i| {
                    (
                        i.offering.clone(),
                        i.plan.clone(),
                        i.monthly.as_units(),
                        i.one_time.as_units(),
                    )
                })
                .collect(),
            flags: scope.flags.iter().map(|f| f.rule.clone()).collect(),
            monthly: scope.totals.monthly.as_units(),
            one_time: scope.totals.one_time.as_units(),
            worst: scope.worst_severity(),
        }
    }
}

/// A session evaluated against the current knowledge.
#[derive(Debug, Clone)]
pub struct Evaluated {
    pub scope: Scope,
    /// Answers the knowledge refuses; orphans among them are kept in the
    /// file and shown, never dropped.
    pub problems: Vec<AnswerProblem>,
}

impl Session {
    pub fn new(
        id: String,
        customer: Customer,
        now: jiff::Timestamp,
        knowledge: &Knowledge,
    ) -> Self {
        Session::blank(id, customer, now, knowledge.version.clone())
    }

    /// A new draft with nothing answered, made `now` against knowledge of
    /// `knowledge_version`.
    pub(crate) fn blank(
        id: String,
        customer: Customer,
        now: jiff::Timestamp,
        knowledge_version: String,
    ) -> Self {
        Session {
            format: FORMAT,
            id,
            customer,
            created: now,
            updated: now,
            status: Status::Draft,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            overrides: Overrides::default(),
            knowledge_version,
            template: None,
            options: Vec::new(),
            last_scope: None,
            decisions: Vec::new(),
            forced: Vec::new(),
            flags_seen: BTreeMap::new(),
            conflicts: Vec::new(),
            lang: Lang::En,
            engineer: None,
        }
    }

    /// Notes the flags of `scope` not seen before as raised `now`.
    pub fn note_flags_seen(&mut self, scope: &Scope, now: jiff::Timestamp) {
        for f in &scope.flags {
            self.flags_seen.entry(f.rule.clone()).or_insert(now);
        }
    }

    /// The valid answers and the problems with the rest.
    pub fn checked_answers(&self, knowledge: &Knowledge) -> (Answers, Vec<AnswerProblem>) {
        check_answers(knowledge, &self.answers)
    }

    /// What a list of sessions shows of this one's scope: the summary saved
    /// with it while the knowledge is the one it was saved with (every
    /// save stores both), evaluated afresh otherwise.
    pub fn summary(&self, knowledge: &Knowledge) -> std::borrow::Cow<'_, ScopeSummary> {
        match &self.last_scope {
            Some(s) if self.knowledge_version == knowledge.version => std::borrow::Cow::Borrowed(s),
            _ => std::borrow::Cow::Owned(ScopeSummary::of(&self.evaluate(knowledge).scope)),
        }
    }

    pub fn evaluate(&self, knowledge: &Knowledge) -> Evaluated {
        let (answers, problems) = self.checked_answers(knowledge);
        Evaluated {
            scope: self.scope_with_decisions(knowledge, &answers, &self.overrides),
            problems,
        }
    }

    /// The scope, with what a current decline takes out: the offerings the
    /// declined flag's own rule puts in are removed (the reason says who
    /// declined), so no screen or export offers a declined item. The flag
    /// itself stays, and with it the gate before selling.
    fn scope_with_decisions(
        &self,
        knowledge: &Knowledge,
        answers: &Answers,
        overrides: &Overrides,
    ) -> Scope {
        let scope = evaluate(knowledge, answers, overrides);
        let mut extra: Vec<crate::engine::ManualRemove> = Vec::new();
        for flag in &scope.flags {
            let Some(d) = Decision::latest_for(&self.decisions, flag) else {
                continue;
            };
            if d.verdict != Verdict::Declined || !d.holds_for(flag) {
                continue;
            }
            let Some(rule) = knowledge.rule(&flag.rule) else {
                continue;
            };
            for effect in &rule.effects {
                if let crate::knowledge::Effect::Include { offering, .. } = effect
                    && scope.item(offering).is_some()
                    && !extra.iter().any(|r| &r.offering == offering)
                {
                    extra.push(crate::engine::ManualRemove {
                        offering: offering.clone(),
                        reason: format!("declined by {}: {}", d.by, flag.title),
                    });
                }
            }
        }
        if extra.is_empty() {
            return scope;
        }
        let mut overrides = overrides.clone();
        overrides.removed.extend(extra);
        evaluate(knowledge, answers, &overrides)
    }

    /// The answers of an option: the session's, with the option's on top.
    pub fn option_answers(&self, option: &ScopeOption) -> BTreeMap<String, Answer> {
        let mut merged = self.answers.clone();
        for (q, a) in &option.answers {
            merged.insert(q.clone(), a.clone());
        }
        merged
    }

    /// The option a user means by `name`: its full name, or a unique
    /// prefix of it, either without regard to case (`b` finds "B — Managed
    /// OpenShift"). An ambiguous or unknown name is an error listing the
    /// options.
    pub fn option_named(&self, name: &str) -> Result<&ScopeOption, String> {
        let wanted = name.trim().to_lowercase();
        let listed = || {
            if self.options.is_empty() {
                "none".to_string()
            } else {
                self.options
                    .iter()
                    .map(|o| format!("\"{}\"", o.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        if let Some(o) = self
            .options
            .iter()
            .find(|o| o.name.to_lowercase() == wanted)
        {
            return Ok(o);
        }
        let matches: Vec<&ScopeOption> = self
            .options
            .iter()
            .filter(|o| !wanted.is_empty() && o.name.to_lowercase().starts_with(&wanted))
            .collect();
        match matches.as_slice() {
            [one] => Ok(one),
            [] => Err(format!(
                "{} has no option named \"{name}\"; its options: {}",
                self.customer.name,
                listed()
            )),
            several => Err(format!(
                "\"{name}\" matches several options of {}: {}; type more of the name",
                self.customer.name,
                several
                    .iter()
                    .map(|o| format!("\"{}\"", o.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    pub fn evaluate_option(&self, knowledge: &Knowledge, option: &ScopeOption) -> Evaluated {
        let (answers, problems) = check_answers(knowledge, &self.option_answers(option));
        let overrides = option.overrides.as_ref().unwrap_or(&self.overrides);
        Evaluated {
            scope: self.scope_with_decisions(knowledge, &answers, overrides),
            problems,
        }
    }
}
