//! The catalog: what can be sold, by whom, at which service level and price.
//!
//! Every figure carries its [`Source`], so screens and exports can say
//! "indicative" wherever a number is a planning assumption rather than a
//! published fact.

use serde::{Deserialize, Serialize};

/// The product families of the portfolio. The ids are part of the JSON
/// contract of `nunki check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    AppuioCloud,
    ManagedOpenshift,
    ManagedKubernetes,
    Appcat,
    Appops,
    Appflow,
    Partner,
}

impl Family {
    pub const ALL: [Family; 7] = [
        Family::AppuioCloud,
        Family::ManagedOpenshift,
        Family::ManagedKubernetes,
        Family::Appcat,
        Family::Appops,
        Family::Appflow,
        Family::Partner,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Family::AppuioCloud => "appuio_cloud",
            Family::ManagedOpenshift => "managed_openshift",
            Family::ManagedKubernetes => "managed_kubernetes",
            Family::Appcat => "appcat",
            Family::Appops => "appops",
            Family::Appflow => "appflow",
            Family::Partner => "partner",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Family::AppuioCloud => "APPUiO Cloud",
            Family::ManagedOpenshift => "APPUiO Managed OpenShift",
            Family::ManagedKubernetes => "APPUiO Managed Kubernetes",
            Family::Appcat => "VSHN Application Catalog",
            Family::Appops => "VSHN AppOps & Support",
            Family::Appflow => "VSHN AppFlow engineering",
            Family::Partner => "Partner services",
        }
    }

    /// The proposal groups families into four parts a customer understands.
    pub fn group(self) -> Group {
        match self {
            Family::AppuioCloud | Family::ManagedOpenshift | Family::ManagedKubernetes => {
                Group::Platform
            }
            Family::Appcat => Group::DataServices,
            Family::Appops => Group::Operations,
            Family::Appflow => Group::Engineering,
            Family::Partner => Group::Partners,
        }
    }
}

/// How a proposal presents the solution to a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Platform,
    DataServices,
    Operations,
    Engineering,
    Partners,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::Platform,
        Group::DataServices,
        Group::Operations,
        Group::Engineering,
        Group::Partners,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Group::Platform => "Platform",
            Group::DataServices => "Data services",
            Group::Operations => "Operations and support",
            Group::Engineering => "Engineering",
            Group::Partners => "Partner services",
        }
    }
}

/// Where a statement comes from. Anything but `Fact` is shown as indicative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Stated in a public source (named in `Offering::sources`).
    Fact,
    /// A planning figure chosen because no public source gives one.
    #[default]
    Assumption,
}

impl Source {
    pub fn is_indicative(self) -> bool {
        self != Source::Fact
    }
}

/// Hours in which the provider looks after a component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportHours {
    /// Working days, office hours (Swiss time).
    OfficeHours,
    /// Weekdays 07:00–22:00, backed by VSHN Canada's time zone.
    Extended,
    /// Around the clock.
    #[serde(rename = "24x7")]
    TwentyFourSeven,
}

impl SupportHours {
    pub fn label(self) -> &'static str {
        match self {
            SupportHours::OfficeHours => "office hours",
            SupportHours::Extended => "extended (07:00–22:00 weekdays)",
            SupportHours::TwentyFourSeven => "24/7",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// ISO 4217 code of every price in the catalog.
    pub currency: String,
    /// How long an indicative proposal stays valid, in days.
    #[serde(default = "default_validity")]
    pub validity_days: u32,
    /// Who may sign off an exception. Flags and offerings name these ids.
    pub approvers: Vec<Approver>,
    pub offerings: Vec<Offering>,
}

fn default_validity() -> u32 {
    30
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approver {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offering {
    pub id: String,
    pub name: String,
    pub family: Family,
    /// "VSHN" or the name of the partner who delivers it.
    pub provider: String,
    pub description: String,
    /// Approver id of the product owner who signs off exceptions.
    pub owner: String,
    #[serde(default)]
    pub capabilities: Capabilities,
    pub plans: Vec<Plan>,
    #[serde(default)]
    pub responsibilities: Responsibilities,
    /// Weeks from order to ready, where it matters for a go-live date.
    #[serde(default)]
    pub lead_time_weeks: Option<u32>,
    #[serde(default)]
    pub docs: Option<String>,
    /// The public sources behind the facts of this offering.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Offering {
    pub fn plan(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capabilities {
    /// Where it runs, e.g. "cloudscale.ch LPG 2 (CH)".
    #[serde(default)]
    pub regions: Vec<String>,
    /// Compliance regimes it supports (ids of the `compliance` question).
    #[serde(default)]
    pub compliance: Vec<String>,
    #[serde(default)]
    pub versions: Vec<String>,
    #[serde(default)]
    pub limits: Vec<String>,
}

/// Who does what, per component: the heart of a definition of done.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibilities {
    #[serde(default)]
    pub provider: Vec<String>,
    #[serde(default)]
    pub customer: Vec<String>,
    #[serde(default)]
    pub partner: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub service_level: ServiceLevel,
    pub prices: Vec<Price>,
    /// Overrides the offering's lead time for this plan.
    #[serde(default)]
    pub lead_time_weeks: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevel {
    /// Availability objective in percent per month; `None` is no guarantee.
    #[serde(default)]
    pub availability: Option<f64>,
    #[serde(default)]
    pub support_hours: Option<SupportHours>,
    #[serde(default)]
    pub response_time: Option<String>,
    #[serde(default)]
    pub backups: Option<String>,
    #[serde(default)]
    pub maintenance: Option<String>,
    #[serde(default)]
    pub source: Source,
}

impl ServiceLevel {
    /// The promises in words, one part each: "availability 99.9 %",
    /// "support 24/7", "response …", "backups …", "maintenance …".
    pub fn parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(a) = self.availability {
            parts.push(format!("availability {a} %"));
        }
        if let Some(h) = self.support_hours {
            parts.push(format!("support {}", h.label()));
        }
        if let Some(r) = &self.response_time {
            parts.push(format!("response {r}"));
        }
        if let Some(b) = &self.backups {
            parts.push(format!("backups {b}"));
        }
        if let Some(m) = &self.maintenance {
            parts.push(format!("maintenance {m}"));
        }
        parts
    }

    pub fn is_empty(&self) -> bool {
        self.availability.is_none()
            && self.support_hours.is_none()
            && self.response_time.is_none()
            && self.backups.is_none()
            && self.maintenance.is_none()
    }
}

/// When a price is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    Monthly,
    OneTime,
}

/// One component of a plan's price. A plan may have several (a cluster fee
/// plus compute per vCPU, a one-time setup plus a monthly fee).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub label: String,
    pub recurrence: Recurrence,
    pub kind: PriceKind,
    #[serde(default)]
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PriceKind {
    /// A fee per item: amount × item quantity.
    Fixed(f64),
    /// A price per unit: amount × units × item quantity.
    PerUnit {
        unit: String,
        amount: f64,
        units: Quantity,
    },
    /// A share of every other recurring monthly item, with a floor
    /// (support plans).
    PercentOfRecurring { percent: f64, minimum: f64 },
}

/// A number of things, fixed or derived from numeric answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Quantity {
    Fixed(f64),
    /// The product of the named numeric answers (each with the value to
    /// assume while it is unanswered), times `factor`, rounded up when
    /// `round_up`, never below `min`.
    FromAnswers {
        answers: Vec<(String, f64)>,
        #[serde(default = "one")]
        factor: f64,
        #[serde(default = "one")]
        min: f64,
        #[serde(default)]
        round_up: bool,
    },
}

fn one() -> f64 {
    1.0
}

impl Default for Quantity {
    fn default() -> Self {
        Quantity::Fixed(1.0)
    }
}
