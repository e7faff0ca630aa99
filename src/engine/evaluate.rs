//! `evaluate`: knowledge + answers + overrides → `Scope`. Pure and
//! deterministic; cheap enough to run on every keystroke.
//!
//! The order, which the rule authors rely on:
//! 1. skip logic decides which questions are visible; answers to hidden
//!    questions are ignored;
//! 2. include and exclude effects run in rule order (`Included` sees what
//!    earlier rules put in); exclusions apply after all includes;
//! 3. manual overrides apply on top of the rules;
//! 4. prices are computed, support plans last (a share of the others);
//! 5. flag effects run against the finished scope, so a flag may read the
//!    totals (`MonthlyTotalAbove`) and lead times (`LeadTimeExceeds`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::answers::{Answer, Answers};
use super::money::Money;
use super::overrides::Overrides;
use super::pricing::{depends_on_others, price_item};
use super::scope::{AnswerRef, Because, Excluded, Flag, Item, Scope, Totals};
use crate::knowledge::radar::split_names;
use crate::knowledge::{Condition, Effect, Knowledge, Offering, Plan, Quantity, Rule};

/// FNV-1a: the maps below are keyed by the knowledge's own short ids and
/// looked up thousands of times per evaluation, where SipHash's defence
/// against chosen keys costs a tenth of the time and protects nothing.
pub(crate) struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

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
}

impl Context<'_> {
    fn number(&self, q: &str) -> Option<f64> {
        self.answers.get(q).and_then(|a| a.as_number())
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

    pub fn quantity(&self, q: &Quantity) -> f64 {
        match q {
            Quantity::Fixed(n) => *n,
            Quantity::FromAnswers {
                answers,
                factor,
                min,
                round_up,
            } => {
                let product: f64 = answers
                    .iter()
                    .map(|(q, unanswered)| self.number(q).unwrap_or(*unanswered))
                    .product();
                let n = product * factor;
                let n = if *round_up { n.ceil() } else { n };
                n.max(*min)
            }
        }
    }

    fn answer_refs(&self, questions: &[String]) -> Vec<AnswerRef> {
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

    fn because(&self, rule: &Rule) -> Because {
        Because {
            rule: Some(rule.id.clone()),
            description: rule.description.clone(),
            answers: self.answer_refs(&rule.reads),
        }
    }
}

struct Draft<'a> {
    offering: &'a str,
    plan: &'a str,
    quantity: f64,
    because: Vec<Because>,
}

pub fn evaluate<'a>(
    knowledge: &'a Knowledge,
    answers: &'a Answers,
    overrides: &'a Overrides,
) -> Scope {
    let mut ctx = Context {
        knowledge,
        answers: ById::default(),
        included: ById::default(),
        monthly_total: Money::ZERO,
        max_lead_time: None,
    };

    // 1. Skip logic, in questionnaire order: a `when` only reads earlier
    //    questions (checked at load), so one pass suffices.
    let mut visible = Vec::new();
    for q in knowledge.questionnaire.questions() {
        if q.when.as_ref().is_none_or(|w| ctx.holds(w)) {
            visible.push(q.id.clone());
            if let Some(a) = answers.get(&q.id) {
                ctx.answers.insert(q.id.as_str(), a);
            }
        }
    }

    // 2. Includes and excludes, in rule order.
    let mut drafts: Vec<Draft<'a>> = Vec::new();
    // offering id → index in `drafts`; a linear search made large catalogs
    // quadratic.
    let mut draft_index: ById<'a, usize> = ById::default();
    let mut exclusions: Vec<(&'a str, Because)> = Vec::new();
    for rule in &knowledge.rules {
        let shapes_scope = rule.effects.iter().any(|e| !matches!(e, Effect::Flag(_)));
        if !shapes_scope || !ctx.holds(&rule.when) {
            continue;
        }
        for effect in &rule.effects {
            match effect {
                Effect::Include {
                    offering,
                    plan,
                    quantity,
                } => {
                    let quantity = ctx.quantity(quantity);
                    let because = ctx.because(rule);
                    match draft_index.get(offering.as_str()) {
                        Some(&i) => {
                            let d = &mut drafts[i];
                            d.plan = plan;
                            d.quantity = quantity;
                            d.because.push(because);
                        }
                        None => {
                            draft_index.insert(offering, drafts.len());
                            drafts.push(Draft {
                                offering,
                                plan,
                                quantity,
                                because: vec![because],
                            });
                        }
                    }
                    ctx.included.insert(offering, plan);
                }
                Effect::Exclude { offering } => {
                    exclusions.push((offering, ctx.because(rule)));
                }
                Effect::Flag(_) => {}
            }
        }
    }
    // Excluded offering ids in a set, the drafts filtered once: a retain
    // and a search per exclusion made many exclusions quadratic.
    let mut excluded: Vec<Excluded> = Vec::new();
    let mut excluded_ids: ById<'a, ()> =
        ById::with_capacity_and_hasher(exclusions.len(), Default::default());
    let mut exclude = |offering: &'a str, because: Because| {
        if excluded_ids.insert(offering, ()).is_none() {
            let name = knowledge
                .offering(offering)
                .map_or_else(|| offering.to_string(), |o| o.name.clone());
            excluded.push(Excluded {
                offering: offering.to_string(),
                name,
                because,
            });
        }
    };
    for (offering, because) in exclusions {
        exclude(offering, because);
    }

    // 3. Manual overrides win over rules. Overrides naming what the
    //    knowledge no longer has are skipped here and reported as flags.
    let mut stale_overrides = Vec::new();
    for r in &overrides.removed {
        let because = Because {
            rule: None,
            description: format!("removed by hand: {}", r.reason),
            answers: Vec::new(),
        };
        exclude(&r.offering, because);
    }
    drafts.retain(|d| !excluded_ids.contains_key(d.offering));
    for add in &overrides.added {
        let known = knowledge
            .offering(&add.offering)
            .is_some_and(|o| o.plan(&add.plan).is_some());
        if !known {
            stale_overrides.push(format!("{} ({})", add.offering, add.plan));
            continue;
        }
        let because = Because {
            rule: None,
            description: format!("added by hand: {}", add.reason),
            answers: Vec::new(),
        };
        excluded.retain(|e| e.offering != add.offering);
        match drafts.iter_mut().find(|d| d.offering == add.offering) {
            Some(d) => {
                d.plan = &add.plan;
                d.quantity = add.quantity;
                d.because.push(because);
            }
            None => drafts.push(Draft {
                offering: &add.offering,
                plan: &add.plan,
                quantity: add.quantity,
                because: vec![because],
            }),
        }
    }

    // 4. Prices: everything else first, then shares of the recurring fees.
    //    Each draft's offering and plan are looked up once; a share keeps
    //    its place in the list until the others are priced.
    let mut priced: Vec<(&'a Offering, &'a Plan)> = Vec::with_capacity(drafts.len());
    let mut slots: Vec<Option<Item>> = Vec::with_capacity(drafts.len());
    let mut shares: Vec<(usize, f64, Vec<Because>)> = Vec::new();
    for d in drafts {
        let Some(offering) = knowledge.offering(d.offering) else {
            continue;
        };
        let Some(plan) = offering.plan(d.plan) else {
            continue;
        };
        if depends_on_others(plan) {
            shares.push((slots.len(), d.quantity, d.because));
            slots.push(None);
        } else {
            slots.push(Some(price_item(
                &ctx, offering, plan, d.quantity, d.because, None,
            )));
        }
        priced.push((offering, plan));
    }
    // A share is of VSHN's own recurring fees: not of partners' (we only
    // support what we know), and not of another share (still unpriced).
    let own = || {
        slots
            .iter()
            .flatten()
            .filter(|i| i.family != crate::knowledge::Family::Partner)
    };
    let base_monthly: Money = own().map(|i| i.monthly).sum();
    // A share of indicative fees is itself indicative, whatever its percent.
    let base_indicative = own().any(|i| i.indicative);
    for (slot, quantity, because) in shares {
        let (offering, plan) = priced[slot];
        let mut item = price_item(&ctx, offering, plan, quantity, because, Some(base_monthly));
        if base_indicative {
            item.indicative = true;
            for line in &mut item.price_lines {
                line.indicative = true;
            }
        }
        slots[slot] = Some(item);
    }
    // Family's order is the proposal's order; the sort is stable, so rule
    // order holds within a family. Sorting places rather than items moves
    // each (large) item once.
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&n| slots[n].as_ref().map(|i| i.family));
    let items: Vec<Item> = order.into_iter().filter_map(|n| slots[n].take()).collect();

    let totals = Totals {
        monthly: items.iter().map(|i| i.monthly).sum(),
        one_time: items.iter().map(|i| i.one_time).sum(),
        currency: knowledge.currency().to_string(),
        indicative: items.iter().any(|i| i.indicative),
    };
    ctx.included = priced
        .iter()
        .map(|(o, p)| (o.id.as_str(), p.id.as_str()))
        .collect();
    ctx.monthly_total = totals.monthly;
    ctx.max_lead_time = items.iter().filter_map(|i| i.lead_time_weeks).max();

    // 5. Flags against the finished scope.
    let mut flags = Vec::new();
    for rule in &knowledge.rules {
        let specs: Vec<_> = rule
            .effects
            .iter()
            .filter_map(|e| match e {
                Effect::Flag(spec) => Some(spec),
                _ => None,
            })
            .collect();
        if specs.is_empty() || !ctx.holds(&rule.when) {
            continue;
        }
        let questions = rule.reads.clone();
        let subjects = radar_subjects(&ctx, &rule.when);
        for spec in specs {
            let fill = |text: &str| fill_placeholders(text, &ctx, &totals, &subjects);
            flags.push(Flag {
                rule: rule.id.clone(),
                severity: spec.severity,
                title: fill(&spec.title),
                detail: fill(&spec.detail),
                remediation: fill(&spec.remediation),
                customer_remediation: spec.customer_remediation.as_deref().map(fill),
                approver: spec.approver.clone(),
                approver_name: spec
                    .approver
                    .as_deref()
                    .and_then(|a| knowledge.approver(a))
                    .map(|a| a.name.clone()),
                questions: questions.clone(),
                answers: ctx.answer_refs(&questions),
            });
        }
    }
    if !stale_overrides.is_empty() {
        flags.push(Flag {
            rule: "manual_override_unknown".into(),
            severity: crate::knowledge::Severity::Info,
            title: "Manual additions no longer in the catalog".into(),
            detail: format!(
                "These offerings were added by hand but the catalog no longer has them: {}.",
                stale_overrides.join(", ")
            ),
            remediation: "Remove the overrides or choose a current plan in the catalog browser."
                .into(),
            customer_remediation: None,
            approver: None,
            approver_name: None,
            questions: Vec::new(),
            answers: Vec::new(),
        });
    }
    flags.sort_by_key(|f| f.severity);

    // Open questions: visible and unanswered, most important first.
    let mut open: Vec<(u8, usize, String)> = visible
        .iter()
        .enumerate()
        .filter(|(_, q)| !ctx.answers.contains_key(q.as_str()))
        .filter_map(|(i, q)| {
            knowledge
                .question(q)
                .map(|qq| (qq.importance, i, q.clone()))
        })
        .collect();
    open.sort();

    Scope {
        items,
        flags,
        totals,
        open_questions: open.into_iter().map(|(_, _, q)| q).collect(),
        visible_questions: visible,
        excluded,
        knowledge_version: knowledge.version.clone(),
    }
}

/// Names of the technologies a radar condition matched, for the flag text.
fn radar_subjects(ctx: &Context<'_>, c: &Condition) -> Vec<String> {
    match c {
        Condition::RadarRing(q, rings) => ctx.radar_matches(q, rings),
        Condition::All(cs) | Condition::Any(cs) => {
            cs.iter().flat_map(|c| radar_subjects(ctx, c)).collect()
        }
        _ => Vec::new(),
    }
}

/// Replaces `{question_id}` with the answer in words, `{monthly_total}` with
/// the total and `{technologies}` with what a radar condition matched.
fn fill_placeholders(
    text: &str,
    ctx: &Context<'_>,
    totals: &Totals,
    subjects: &[String],
) -> String {
    if !text.contains('{') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                let value = match name {
                    "monthly_total" => Some(format!("{} {}", totals.currency, totals.monthly)),
                    "technologies" => Some(subjects.join(", ")),
                    q => ctx
                        .answers
                        .get(q)
                        .map(|a| a.display(ctx.knowledge.question(q))),
                };
                match value {
                    Some(v) => out.push_str(&v),
                    None => out.push_str("(not answered)"),
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
