//! Rules: how answers map to offerings in the scope, and which answers cross
//! a boundary of what can be sold.

use serde::{Deserialize, Serialize};

use super::Text;
use super::catalog::Quantity;
use super::condition::Condition;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// One line for people reading the trace.
    pub description: String,
    pub when: Condition,
    pub effects: Vec<Effect>,
    /// Questions `when` reads only to say where the rule applies (the
    /// platform chosen), not what the customer asked for; demand insights
    /// leave them out.
    #[serde(default)]
    pub context: Vec<String>,
    /// The question ids `when` reads, filled in at load so evaluation does
    /// not walk the condition again for every trace.
    #[serde(skip)]
    pub reads: Vec<String>,
    /// For each effect, the index in the catalog of the offering it names
    /// (`None` for a flag): resolved at load, so evaluation does not hash
    /// an id per effect.
    #[serde(skip)]
    pub targets: Vec<Option<usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Put an offering into the scope with a plan and a quantity. A later
    /// include of the same offering replaces the plan and quantity.
    Include {
        offering: String,
        plan: String,
        #[serde(default)]
        quantity: Quantity,
    },
    /// Keep an offering out of the scope, whatever else includes it.
    Exclude { offering: String },
    /// Raise a flag: a boundary crossed, or something worth knowing.
    Flag(FlagSpec),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagSpec {
    pub severity: Severity,
    pub title: Text,
    /// What the boundary is, in words a customer understands.
    pub detail: Text,
    /// What to propose instead, as advice to the engineer (internal).
    pub remediation: Text,
    /// What the customer's proposal says we propose instead; without it,
    /// the proposal words it from the severity.
    #[serde(default)]
    pub customer_remediation: Option<Text>,
    /// Approver id of who must sign off; none for plain information.
    #[serde(default)]
    pub approver: Option<String>,
    /// Further approvers who must sign off too (FINMA: Legal and the
    /// platform's product owner).
    #[serde(default)]
    pub approvers: Vec<String>,
}

impl FlagSpec {
    /// Every approver id, `approver` first.
    pub fn all_approvers(&self) -> impl Iterator<Item = &String> {
        self.approver.iter().chain(self.approvers.iter())
    }
}

/// Most severe first; the order is the order of the variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    OutOfScope,
    NeedsApproval,
    NeedsPartner,
    NeedsEngineering,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::OutOfScope,
        Severity::NeedsApproval,
        Severity::NeedsPartner,
        Severity::NeedsEngineering,
        Severity::Info,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Severity::OutOfScope => "out_of_scope",
            Severity::NeedsApproval => "needs_approval",
            Severity::NeedsPartner => "needs_partner",
            Severity::NeedsEngineering => "needs_engineering",
            Severity::Info => "info",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::OutOfScope => "out of scope",
            Severity::NeedsApproval => "needs approval",
            Severity::NeedsPartner => "needs partner",
            Severity::NeedsEngineering => "needs engineering",
            Severity::Info => "info",
        }
    }
}
