//! The `Scope`: everything the engine decided for one set of answers. Every
//! screen and export shows this and nothing else.

use serde::{Deserialize, Serialize};

use super::answers::Answer;
use super::money::Money;
use crate::knowledge::{Family, Group, PriceBasis, Recurrence, ServiceLevel, Severity};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    pub items: Vec<Item>,
    pub flags: Vec<Flag>,
    pub totals: Totals,
    /// Visible, unanswered questions, most important first.
    pub open_questions: Vec<String>,
    /// The questions skip logic shows, in questionnaire order.
    pub visible_questions: Vec<String>,
    /// Offerings kept out of the scope by a rule or by hand.
    pub excluded: Vec<Excluded>,
    /// The catalog's sizes the prices used, with what they assumed.
    #[serde(default)]
    pub sizes: Vec<SizeValue>,
    /// The customer's answers in the customer's words, for the proposal,
    /// in questionnaire order.
    #[serde(default)]
    pub needs: Vec<Need>,
    /// When the solution can go live at the earliest, and why.
    #[serde(default)]
    pub delivery: Delivery,
    pub knowledge_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub offering: String,
    pub name: String,
    pub family: Family,
    pub provider: String,
    pub plan: String,
    pub plan_name: String,
    pub quantity: f64,
    pub monthly: Money,
    pub one_time: Money,
    /// Whether the price is in the totals, and if not, why not.
    pub basis: PriceBasis,
    /// Some figure behind this item is a planning assumption.
    pub indicative: bool,
    pub because: Vec<Because>,
    /// How the prices were computed, one line per price component.
    pub price_lines: Vec<PriceLine>,
    pub service_level: ServiceLevel,
    pub responsibilities: crate::knowledge::Responsibilities,
    pub lead_time_weeks: Option<u32>,
    /// Engineering days this item needs before go-live (AppFlow work).
    #[serde(default)]
    pub engineering_days: f64,
    /// Approver id of the offering's owner.
    pub owner: String,
}

impl Item {
    pub fn group(&self) -> Group {
        self.family.group()
    }

    pub fn is_manual(&self) -> bool {
        self.because.iter().any(|b| b.rule.is_none())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceLine {
    pub label: String,
    pub recurrence: Recurrence,
    pub amount: Money,
    /// "2 × 3 GiB × CHF 55", in words a person can check.
    pub calculation: String,
    pub indicative: bool,
    /// What the figure rests on: defaults assumed for unanswered
    /// questions, the fees a share counts.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// One answer in the customer's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Need {
    pub question: String,
    /// The section the question belongs to, for grouping.
    pub section: String,
    /// "Data must stay in Switzerland."
    pub text: String,
}

/// What the go-live date depends on: the longest lead time of an item
/// (a cluster's setup) plus the engineering that has to happen first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    pub lead_time_weeks: Option<u32>,
    /// AppFlow engineering days before go-live.
    pub engineering_days: f64,
    /// Those days as weeks, at the catalog's pace.
    pub engineering_weeks: f64,
    /// The weeks of the engineering that runs during the setup (in
    /// `engineering_weeks` too).
    #[serde(default)]
    pub engineering_weeks_during_setup: f64,
    /// The setup or the engineering that runs during it, whichever is
    /// longer, then the engineering that waits for the platform; `None`
    /// with neither.
    pub earliest_go_live_weeks: Option<f64>,
    /// The go-live the customer asked for, in weeks, when answered.
    #[serde(default)]
    pub requested_go_live_weeks: Option<f64>,
    /// The steps to go-live, week by week after the order.
    #[serde(default)]
    pub plan: Vec<PlanStep>,
}

impl Delivery {
    /// The week the plan goes live in: the one asked for, or the earliest
    /// when that is later.
    pub fn go_live_week(&self) -> Option<u32> {
        self.plan
            .iter()
            .find(|s| s.kind == PlanStepKind::GoLive)
            .map(|s| s.from_week)
    }

    /// The go-live asked for is sooner than the earliest possible one.
    pub fn too_early(&self) -> bool {
        matches!(
            (self.requested_go_live_weeks, self.earliest_go_live_weeks),
            (Some(asked), Some(earliest)) if asked < earliest
        )
    }
}

/// One step of the plan to go-live. Weeks count from the order: week 0 is
/// the order itself, week 1 the first week after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanStep {
    pub kind: PlanStepKind,
    pub from_week: u32,
    pub to_week: u32,
    /// The items this step delivers, by name.
    #[serde(default)]
    pub items: Vec<String>,
    /// The engineering days of an engineering step.
    #[serde(default)]
    pub days: f64,
    /// A customer task's id and text (from the catalog).
    #[serde(default)]
    pub task: Option<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStepKind {
    /// The contract is signed and open approvals are settled.
    Order,
    /// Dedicated clusters and their infrastructure are set up.
    Setup,
    /// AppFlow engineering that needs no platform: during the setup, or
    /// from the start when nothing is set up.
    Engineering,
    /// AppFlow engineering that waits for the platform (migration,
    /// onboarding), after the setup.
    PlatformEngineering,
    /// Onboarding into AppOps: monitoring, alerting, runbooks.
    Onboarding,
    /// Something the customer delivers.
    Customer,
    GoLive,
}

/// One of the catalog's sizes as this scope computed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SizeValue {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub value: f64,
    /// Defaults assumed for unanswered questions.
    pub assumptions: Vec<String>,
}

/// Why something is in the scope: a rule and the answers it read, or a
/// manual decision with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Because {
    /// `None` for a manual override.
    pub rule: Option<String>,
    pub description: String,
    pub answers: Vec<AnswerRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRef {
    pub question: String,
    pub answer: Answer,
    /// The answer in words, with option labels.
    pub display: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub rule: String,
    pub severity: Severity,
    pub title: String,
    pub detail: String,
    pub remediation: String,
    /// The same, worded for the customer's proposal, where the rule has it.
    pub customer_remediation: Option<String>,
    /// Approver ids, where someone must sign off; several are joined with
    /// ", " ("legal, po_appuio_managed").
    pub approver: Option<String>,
    /// The approvers' names, for people: "Legal, Product owner APPUiO
    /// Managed".
    pub approver_name: Option<String>,
    /// Every approver id, one each.
    #[serde(default)]
    pub approvers: Vec<String>,
    /// The question ids the rule read.
    pub questions: Vec<String>,
    /// The answers to those questions, as given.
    pub answers: Vec<AnswerRef>,
}

impl Flag {
    /// A short, stable digest of the answers that raised this flag: a
    /// decision on the flag holds while it stays the same. Answers in
    /// question order, each as its JSON value.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        hasher.update(self.rule.as_bytes());
        for a in &self.answers {
            hasher.update([0]);
            hasher.update(a.question.as_bytes());
            hasher.update([b'=']);
            hasher.update(
                serde_json::to_string(&a.answer)
                    .unwrap_or_default()
                    .as_bytes(),
            );
        }
        hasher
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Excluded {
    pub offering: String,
    pub name: String,
    pub because: Because,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub monthly: Money,
    pub one_time: Money,
    pub currency: String,
    /// Some figure in the totals is a planning assumption.
    pub indicative: bool,
    /// Offering ids of the items priced on request or by the provider:
    /// not in `monthly` or `one_time`.
    #[serde(default)]
    pub priced_on_request: Vec<String>,
    /// Offering ids of the items that are the customer's own (hardware on
    /// premises): not in the totals either.
    #[serde(default)]
    pub customers_own: Vec<String>,
}

impl Scope {
    /// The most severe flag, if any.
    pub fn worst_severity(&self) -> Option<Severity> {
        self.flags.iter().map(|f| f.severity).min()
    }

    pub fn has_out_of_scope(&self) -> bool {
        self.flags
            .iter()
            .any(|f| f.severity == Severity::OutOfScope)
    }

    pub fn item(&self, offering: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.offering == offering)
    }

    pub fn flags_of(&self, severity: Severity) -> impl Iterator<Item = &Flag> {
        self.flags.iter().filter(move |f| f.severity == severity)
    }

    /// The items of one proposal group, in scope order.
    pub fn items_in(&self, group: Group) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.group() == group)
    }

    /// What the totals leave out, in one sentence for every screen and
    /// export, to follow other words: "not in the totals: on request: GPU
    /// nodes; billed by the provider: Cloud infrastructure". `None` when
    /// they leave out nothing.
    /// The items the totals leave out: priced on request, billed by the
    /// provider or the customer's own, in scope order.
    pub fn left_out_items(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| !matches!(i.basis, PriceBasis::Priced | PriceBasis::Included))
    }

    /// The items priced on request or by the provider (`totals.priced_on_request`).
    pub fn priced_on_request_items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.basis.is_priced_on_request())
    }

    pub fn left_out_phrase(&self) -> Option<String> {
        let parts: Vec<String> = [
            (PriceBasis::OnRequest, "on request"),
            (PriceBasis::ByProvider, "billed by the provider"),
            (PriceBasis::CustomersOwn, "the customer's own"),
        ]
        .into_iter()
        .filter_map(|(basis, words)| {
            let names: Vec<&str> = self
                .items
                .iter()
                .filter(|i| i.basis == basis)
                .map(|i| i.name.as_str())
                .collect();
            (!names.is_empty()).then(|| format!("{words}: {}", names.join(", ")))
        })
        .collect();
        (!parts.is_empty()).then(|| format!("not in the totals: {}", parts.join("; ")))
    }

    /// [`Scope::left_out_phrase`] as a sentence of its own.
    pub fn left_out(&self) -> Option<String> {
        self.left_out_phrase().map(|p| {
            let mut s = String::with_capacity(p.len() + 1);
            s.push_str("Not");
            s.push_str(&p[3..]);
            s.push('.');
            s
        })
    }

    /// Every default the prices assumed for an unanswered question, once
    /// each, in scope order.
    pub fn assumptions(&self) -> Vec<&String> {
        let mut out: Vec<&String> = Vec::new();
        let lines = self.items.iter().flat_map(|i| &i.price_lines);
        for note in lines.flat_map(|l| &l.notes) {
            if note.contains(" not answered: ") && !out.contains(&note) {
                out.push(note);
            }
        }
        out
    }

    /// Flags raised by rules that read this question.
    pub fn flags_for_question<'a>(&'a self, question: &'a str) -> impl Iterator<Item = &'a Flag> {
        self.flags
            .iter()
            .filter(move |f| f.questions.iter().any(|q| q == question))
    }
}
