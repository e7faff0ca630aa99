//! Manual overrides: what the engineer added to or removed from the scope by
//! hand, each with a reason that shows up in the trace.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[serde(default)]
    pub added: Vec<ManualAdd>,
    #[serde(default)]
    pub removed: Vec<ManualRemove>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManualAdd {
    pub offering: String,
    pub plan: String,
    #[serde(default = "one")]
    pub quantity: f64,
    pub reason: String,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManualRemove {
    pub offering: String,
    pub reason: String,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }

    /// Adds an offering by hand; a later add of the same offering replaces
    /// the earlier one, and an add cancels a removal.
    pub fn add(&mut self, offering: &str, plan: &str, quantity: f64, reason: &str) {
        self.added.retain(|a| a.offering != offering);
        self.removed.retain(|r| r.offering != offering);
        self.added.push(ManualAdd {
            offering: offering.into(),
            plan: plan.into(),
            quantity,
            reason: reason.into(),
        });
    }

    /// Removes an offering by hand; cancels a manual add of it.
    pub fn remove(&mut self, offering: &str, reason: &str) {
        self.added.retain(|a| a.offering != offering);
        self.removed.retain(|r| r.offering != offering);
        self.removed.push(ManualRemove {
            offering: offering.into(),
            reason: reason.into(),
        });
    }

    /// Forgets any override of this offering.
    pub fn reset(&mut self, offering: &str) {
        self.added.retain(|a| a.offering != offering);
        self.removed.retain(|r| r.offering != offering);
    }
}
