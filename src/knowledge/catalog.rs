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
    /// Named sizes the prices are computed from (worker nodes, memory of
    /// the non-production environments, …), each from the answers or an
    /// explicit default. A size may use the sizes defined before it.
    #[serde(default)]
    pub sizing: Vec<Size>,
    /// Which recurring fees a support plan's share counts.
    #[serde(default)]
    pub support_base: SupportBase,
    /// How many engineering days a week a customer's AppFlow work moves
    /// by, for the earliest go-live (one engineer: 5).
    #[serde(default = "default_engineering_pace")]
    pub engineering_days_per_week: f64,
    /// Rates for budgets given in another currency than `currency`.
    #[serde(default)]
    pub exchange_rates: Vec<ExchangeRate>,
    /// How the plan to go-live is laid out (planning assumptions).
    #[serde(default)]
    pub go_live: GoLivePlanning,
    pub offerings: Vec<Offering>,
}

impl Catalog {
    pub fn size(&self, id: &str) -> Option<&Size> {
        self.sizing.iter().find(|s| s.id == id)
    }

    /// The rate of a currency (an ISO code such as "EUR", matched without
    /// regard to case, so an option id "eur" finds it).
    pub fn exchange_rate(&self, currency: &str) -> Option<&ExchangeRate> {
        self.exchange_rates
            .iter()
            .find(|r| r.currency.eq_ignore_ascii_case(currency))
    }
}

/// A named size: a quantity the estimate is built on, stated in the trace
/// and the internal proposal with the defaults it assumed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Size {
    pub id: String,
    /// "Worker nodes of the production cluster", for people.
    pub label: String,
    /// "GiB", "nodes", "environments".
    #[serde(default)]
    pub unit: String,
    pub quantity: Quantity,
}

/// The fees a share of recurring fees (a support plan) is computed from:
/// the monthly fees of these families and providers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportBase {
    /// The families whose monthly fees count.
    pub families: Vec<Family>,
    /// The providers whose fees count ("VSHN"); empty counts every provider.
    #[serde(default)]
    pub providers: Vec<String>,
    /// The rule in words, for the trace and the proposal.
    pub description: String,
}

impl Default for SupportBase {
    /// Before catalogs named their base: every family but partners.
    fn default() -> Self {
        SupportBase {
            families: Family::ALL
                .into_iter()
                .filter(|f| *f != Family::Partner)
                .collect(),
            providers: Vec::new(),
            description: "the monthly fees of everything but partner services".into(),
        }
    }
}

impl SupportBase {
    pub fn counts(&self, family: Family, provider: &str) -> bool {
        self.families.contains(&family)
            && (self.providers.is_empty() || self.providers.iter().any(|p| p == provider))
    }
}

/// How many units of the catalog's currency one unit of another is worth,
/// on a date. A planning figure unless stated otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    /// ISO 4217 code: "EUR".
    pub currency: String,
    /// Units of the catalog's currency per unit of `currency`.
    pub rate: f64,
    /// The day the rate was taken, YYYY-MM-DD.
    pub date: String,
    #[serde(default)]
    pub source: Source,
}

/// What the plan to go-live needs beyond the scope's lead times and
/// engineering days: where the customer's wish is, how long onboarding
/// into operations takes, and what the customer delivers by when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoLivePlanning {
    /// The number question whose answer is the go-live the customer asked
    /// for, in weeks from now.
    #[serde(default)]
    pub requested: Option<String>,
    /// Weeks of onboarding into AppOps, the last ones before go-live.
    #[serde(default = "default_onboarding_weeks")]
    pub onboarding_weeks: u32,
    /// The offerings whose operation starts with that onboarding.
    #[serde(default)]
    pub onboarded: Vec<String>,
    /// The engineering offerings that need no platform, so they run while
    /// the clusters are set up; all other engineering waits for them.
    #[serde(default)]
    pub during_setup: Vec<String>,
    /// What the customer delivers, when its condition holds.
    #[serde(default)]
    pub customer_tasks: Vec<CustomerTask>,
}

impl Default for GoLivePlanning {
    fn default() -> Self {
        GoLivePlanning {
            requested: None,
            onboarding_weeks: default_onboarding_weeks(),
            onboarded: Vec::new(),
            during_setup: Vec::new(),
            customer_tasks: Vec::new(),
        }
    }
}

fn default_onboarding_weeks() -> u32 {
    1
}

/// Something the customer must deliver for the go-live: access, DNS, data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerTask {
    pub id: String,
    /// What the customer delivers, in the customer's words.
    pub text: String,
    pub due: TaskDue,
    #[serde(default = "always")]
    pub when: crate::knowledge::Condition,
}

fn always() -> crate::knowledge::Condition {
    crate::knowledge::Condition::Always
}

/// By when a customer task is due, counted in the plan's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskDue {
    /// Before the setup starts, with the order.
    Order,
    /// By the end of the cluster setup (the start, without one).
    SetupEnd,
    /// The week before go-live.
    BeforeGoLive,
}

fn default_validity() -> u32 {
    30
}

fn default_engineering_pace() -> f64 {
    5.0
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
    /// How the plan is paid when its prices do not say it all: included at
    /// no charge, on request, billed by the provider, or the customer's own.
    /// Left out, a plan with prices is priced and one without is on request.
    #[serde(default)]
    pub basis: Option<PriceBasis>,
    /// Engineering days the plan's work takes before go-live, per item
    /// (AppFlow packages); the go-live check adds them to the lead time.
    #[serde(default)]
    pub engineering_days: Option<Quantity>,
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

impl Plan {
    /// The basis the plan is priced on, with the default filled in.
    pub fn price_basis(&self) -> PriceBasis {
        self.basis.unwrap_or(if self.prices.is_empty() {
            PriceBasis::OnRequest
        } else {
            PriceBasis::Priced
        })
    }
}

/// Whether an item's price is in the totals, and if not, why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceBasis {
    /// Priced by the catalog and counted in the totals.
    Priced,
    /// Part of something else, at no charge (Core support).
    Included,
    /// Priced once it is estimated or asked for: not in the totals.
    OnRequest,
    /// Billed by the provider directly to the customer (a hyperscaler).
    ByProvider,
    /// The customer's own (hardware on premises).
    CustomersOwn,
}

impl PriceBasis {
    pub fn id(self) -> &'static str {
        match self {
            PriceBasis::Priced => "priced",
            PriceBasis::Included => "included",
            PriceBasis::OnRequest => "on_request",
            PriceBasis::ByProvider => "by_provider",
            PriceBasis::CustomersOwn => "customers_own",
        }
    }

    /// What a price column shows instead of an amount.
    pub fn label(self) -> &'static str {
        match self {
            PriceBasis::Priced => "priced",
            PriceBasis::Included => "included",
            PriceBasis::OnRequest => "on request",
            PriceBasis::ByProvider => "by the provider",
            PriceBasis::CustomersOwn => "customer's own",
        }
    }

    /// The same in at most 11 characters, for price columns.
    pub fn short(self) -> &'static str {
        match self {
            PriceBasis::Priced => "",
            PriceBasis::Included => "included",
            PriceBasis::OnRequest => "on request",
            PriceBasis::ByProvider => "by provider",
            PriceBasis::CustomersOwn => "own",
        }
    }

    /// Left out of the totals for a price still to come: on request or
    /// billed by the provider.
    pub fn is_priced_on_request(self) -> bool {
        matches!(self, PriceBasis::OnRequest | PriceBasis::ByProvider)
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

/// A number of things, fixed or derived from numeric answers. A small
/// expression language: the sizes of `Catalog::sizing` are written in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Quantity {
    Fixed(f64),
    /// The number answered to a question, or the default while it is
    /// unanswered (stated in the trace as an assumption).
    Answer(String, f64),
    /// The number answered, or another quantity while it is unanswered.
    AnswerOr(String, Box<Quantity>),
    /// A named size of `Catalog::sizing`.
    Size(String),
    Sum(Vec<Quantity>),
    Product(Vec<Quantity>),
    Max(Vec<Quantity>),
    Min(Vec<Quantity>),
    /// Rounded up to a whole number.
    Ceil(Box<Quantity>),
    /// One quantity where the condition holds, the other where it does not.
    When(crate::knowledge::Condition, Box<Quantity>, Box<Quantity>),
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

impl Quantity {
    /// Whether a condition inside reads the totals or the lead times, which
    /// are known only after every price.
    pub fn reads_scope_beyond_includes(&self) -> bool {
        let mut found = false;
        self.walk(&mut |q| {
            if let Quantity::When(c, ..) = q {
                found |= c.reads_totals();
            }
        });
        found
    }

    /// Calls `f` for every quantity inside this one, itself first.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Quantity)) {
        f(self);
        match self {
            Quantity::AnswerOr(_, q) | Quantity::Ceil(q) => q.walk(f),
            Quantity::Sum(qs) | Quantity::Product(qs) | Quantity::Max(qs) | Quantity::Min(qs) => {
                qs.iter().for_each(|q| q.walk(f));
            }
            Quantity::When(_, a, b) => {
                a.walk(f);
                b.walk(f);
            }
            Quantity::Fixed(_)
            | Quantity::Answer(..)
            | Quantity::Size(_)
            | Quantity::FromAnswers { .. } => {}
        }
    }
}
