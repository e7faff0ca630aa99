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

use super::answers::{Answer, Answers};
use super::context::{ById, Context, ShareBase, Trail};
use super::money::Money;
use super::overrides::Overrides;
use super::pricing::{depends_on_others, price_item};
use super::scope::{Because, Excluded, Flag, Item, Need, Scope, SizeValue, Totals};
use crate::knowledge::{
    Condition, Effect, Knowledge, Offering, Plan, PriceBasis, Quantity, QuestionKind,
};

struct Draft<'a> {
    offering: &'a str,
    /// The offering's index in the catalog, where a rule resolved it.
    at: Option<usize>,
    plan: &'a str,
    quantity: DraftQuantity<'a>,
    /// The first reason, and any later ones: most items have one, and a
    /// large catalog keeps thousands of drafts that an exclusion drops.
    because: Reason<'a>,
    more: Vec<Reason<'a>>,
}

/// Why a draft is there: a rule, turned into a `Because` (with the answers
/// it read) only for what reaches the scope; or a manual decision.
enum Reason<'a> {
    Rule(&'a crate::knowledge::Rule),
    // Boxed, so a reason is two words and moving drafts stays cheap.
    Made(Box<Because>),
}

impl Reason<'_> {
    fn into_because(self, ctx: &Context<'_>) -> Because {
        match self {
            Reason::Rule(rule) => ctx.because(rule),
            Reason::Made(b) => *b,
        }
    }
}

/// What step 2 knows of one offering.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// Its index in the drafts.
    draft: Option<u32>,
    excluded: bool,
}

/// A [`Slot`] per offering: by catalog index where it is known (a dense
/// array), by id for what the catalog does not have (a stale override).
struct ByOffering<'a> {
    knowledge: &'a Knowledge,
    dense: Vec<Slot>,
    other: ById<'a, Slot>,
}

impl<'a> ByOffering<'a> {
    fn new(knowledge: &'a Knowledge) -> Self {
        ByOffering {
            knowledge,
            dense: vec![Slot::default(); knowledge.catalog.offerings.len()],
            other: ById::default(),
        }
    }

    fn index(&self, offering: &str, at: Option<usize>) -> Option<usize> {
        at.or_else(|| self.knowledge.offering_index(offering))
    }

    fn slot(&mut self, offering: &'a str, at: Option<usize>) -> &mut Slot {
        match self.index(offering, at) {
            Some(i) => &mut self.dense[i],
            None => self.other.entry(offering).or_default(),
        }
    }

    fn is_excluded(&self, offering: &str, at: Option<usize>) -> bool {
        match self.index(offering, at) {
            Some(i) => self.dense[i].excluded,
            None => self.other.get(offering).is_some_and(|s| s.excluded),
        }
    }
}

impl<'a> Draft<'a> {
    fn reasons(self, ctx: &Context<'_>) -> Vec<Because> {
        let mut out = Vec::with_capacity(1 + self.more.len());
        out.push(self.because.into_because(ctx));
        out.extend(self.more.into_iter().map(|r| r.into_because(ctx)));
        out
    }
}

/// A rule's quantity is computed when prices are, so it can use the
/// catalog's sizes and the final scope; a manual one is a number.
#[derive(Clone, Copy)]
enum DraftQuantity<'a> {
    Rule(&'a Quantity),
    Manual(f64),
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
        earliest_go_live: None,
        assumed: Default::default(),
        sizes: Vec::new(),
        size_index: ById::default(),
        priced_on_request: Vec::new(),
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
    // Sized for the includes the knowledge holds (counted at load), so a
    // large catalog neither rehashes its way through the rules nor asks
    // for memory it will not use; an offering has one draft at most.
    let includes = knowledge
        .include_effects()
        .min(knowledge.catalog.offerings.len());
    let mut drafts: Vec<Draft<'a>> = Vec::with_capacity(includes);
    // Offering → its draft and whether it is excluded, by catalog index
    // (rules resolve theirs at load): a dense array keeps a large catalog
    // linear, where hashing every id fell out of the cache.
    let mut by_offering = ByOffering::new(knowledge);
    ctx.included.reserve(includes);
    // The offering, its index in the catalog where known, and why.
    let mut exclusions: Vec<(&'a str, Option<usize>, Reason<'a>)> = Vec::new();
    for rule in &knowledge.rules {
        let shapes_scope = rule.effects.iter().any(|e| !matches!(e, Effect::Flag(_)));
        if !shapes_scope || !ctx.holds(&rule.when) {
            continue;
        }
        for (n, effect) in rule.effects.iter().enumerate() {
            let target = rule.targets.get(n).copied().flatten();
            match effect {
                Effect::Include {
                    offering,
                    plan,
                    quantity,
                } => {
                    let quantity = DraftQuantity::Rule(quantity);
                    let slot = by_offering.slot(offering, target);
                    match slot.draft {
                        Some(i) => {
                            let d = &mut drafts[i as usize];
                            d.at = target;
                            d.plan = plan;
                            d.quantity = quantity;
                            d.more.push(Reason::Rule(rule));
                        }
                        None => {
                            slot.draft = Some(drafts.len() as u32);
                            drafts.push(Draft {
                                offering,
                                at: target,
                                plan,
                                quantity,
                                because: Reason::Rule(rule),
                                more: Vec::new(),
                            });
                        }
                    }
                    ctx.included.insert(offering, plan);
                }
                Effect::Exclude { offering } => {
                    exclusions.push((offering, target, Reason::Rule(rule)));
                }
                Effect::Flag(_) => {}
            }
        }
    }
    // Each exclusion once, the drafts filtered once: a retain and a search
    // per exclusion made many exclusions quadratic.
    let mut excluded: Vec<Excluded> = Vec::with_capacity(exclusions.len());
    let mut exclude = |offering: &'a str, target: Option<usize>, because: Reason<'a>| {
        let slot = by_offering.slot(offering, target);
        if slot.excluded {
            return;
        }
        slot.excluded = true;
        let because = because.into_because(&ctx);
        let found = match target {
            Some(i) => knowledge.catalog.offerings.get(i),
            None => knowledge.offering(offering),
        };
        let name = found.map_or_else(|| offering.to_string(), |o| o.name.to_string());
        excluded.push(Excluded {
            offering: offering.to_string(),
            name,
            because,
        });
    };
    for (offering, target, because) in exclusions {
        exclude(offering, target, because);
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
        exclude(&r.offering, None, Reason::Made(Box::new(because)));
    }
    drafts.retain(|d| !by_offering.is_excluded(d.offering, d.at));
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
                d.quantity = DraftQuantity::Manual(add.quantity);
                d.more.push(Reason::Made(Box::new(because)));
            }
            None => drafts.push(Draft {
                offering: &add.offering,
                at: None,
                plan: &add.plan,
                quantity: DraftQuantity::Manual(add.quantity),
                because: Reason::Made(Box::new(because)),
                more: Vec::new(),
            }),
        }
    }

    // 4. Prices. Quantities may read what is in the scope now (a test
    //    cluster hosts the non-production environments), so `included`
    //    is the final scope first; then the catalog's sizes, in order;
    //    then every item but the shares of recurring fees, then those.
    //    Each draft's offering and plan are looked up once; a share keeps
    //    its place in the list until the others are priced.
    let mut priced: Vec<(&'a Offering, &'a Plan)> = Vec::with_capacity(drafts.len());
    let mut priced_drafts = Vec::with_capacity(drafts.len());
    for d in drafts {
        let found = match d.at {
            Some(i) => knowledge.catalog.offerings.get(i),
            None => knowledge.offering(d.offering),
        };
        let Some(offering) = found else {
            continue;
        };
        let Some(plan) = offering.plan(d.plan) else {
            continue;
        };
        priced.push((offering, plan));
        priced_drafts.push(d);
    }
    ctx.included = priced
        .iter()
        .map(|(o, p)| (o.id.as_str(), p.id.as_str()))
        .collect();
    for (i, size) in knowledge.catalog.sizing.iter().enumerate() {
        let mut trail = Trail::default();
        let value = ctx.quantity(&size.quantity, &mut trail);
        ctx.sizes.push((value, trail));
        ctx.size_index.insert(size.id.as_str(), i);
    }
    let mut slots: Vec<Option<Item>> = Vec::with_capacity(priced.len());
    let mut used_sizes: Vec<usize> = Vec::new();
    let mut shares: Vec<(usize, f64, Vec<Because>)> = Vec::new();
    for (d, &(offering, plan)) in priced_drafts.into_iter().zip(&priced) {
        let mut quantity_trail = Trail::default();
        let quantity = match d.quantity {
            DraftQuantity::Rule(q) => ctx.quantity(q, &mut quantity_trail),
            DraftQuantity::Manual(n) => n,
        };
        note_sizes(&mut used_sizes, &quantity_trail);
        let because = d.reasons(&ctx);
        if depends_on_others(plan) {
            shares.push((slots.len(), quantity, because));
            slots.push(None);
        } else {
            let (mut item, trail) = price_item(&ctx, offering, plan, quantity, because, None);
            note_sizes(&mut used_sizes, &trail);
            // What the item's quantity assumed holds for each of its prices.
            for line in &mut item.price_lines {
                for n in quantity_trail.notes.iter().rev() {
                    if !line.notes.contains(n) {
                        line.notes.insert(0, n.clone());
                    }
                }
            }
            slots.push(Some(item));
        }
    }
    // A share counts the fees the catalog's support base names (VSHN's own
    // recurring fees: we only support what we know), never another share
    // (still unpriced) or a price still to come.
    let support_base = &knowledge.catalog.support_base;
    let counted: Vec<&Item> = slots
        .iter()
        .flatten()
        .filter(|i| i.basis == PriceBasis::Priced && support_base.counts(i.family, &i.provider))
        .collect();
    let base = ShareBase {
        monthly: counted.iter().map(|i| i.monthly).sum(),
        description: &support_base.description,
        items: counted
            .iter()
            .filter(|i| i.monthly.0 != 0)
            .map(|i| i.name.as_str())
            .collect(),
    };
    // A share of indicative fees is itself indicative, whatever its percent.
    let base_indicative = counted.iter().any(|i| i.indicative);
    let mut share_items = Vec::with_capacity(shares.len());
    for (slot, quantity, because) in shares {
        let (offering, plan) = priced[slot];
        let (mut item, trail) = price_item(&ctx, offering, plan, quantity, because, Some(&base));
        note_sizes(&mut used_sizes, &trail);
        if base_indicative {
            item.indicative = true;
            for line in &mut item.price_lines {
                line.indicative = true;
            }
        }
        share_items.push((slot, item));
    }
    for (slot, item) in share_items {
        slots[slot] = Some(item);
    }
    // Family's order is the proposal's order; the sort is stable, so rule
    // order holds within a family. Sorting places rather than items moves
    // each (large) item once.
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&n| slots[n].as_ref().map(|i| i.family));
    let items: Vec<Item> = order.into_iter().filter_map(|n| slots[n].take()).collect();

    let left_out = |keep: fn(PriceBasis) -> bool| -> Vec<String> {
        items
            .iter()
            .filter(|i| keep(i.basis))
            .map(|i| i.offering.clone())
            .collect()
    };
    let totals = Totals {
        monthly: items.iter().map(|i| i.monthly).sum(),
        one_time: items.iter().map(|i| i.one_time).sum(),
        currency: knowledge.currency().to_string(),
        indicative: items.iter().any(|i| i.indicative),
        priced_on_request: left_out(PriceBasis::is_priced_on_request),
        customers_own: left_out(|b| b == PriceBasis::CustomersOwn),
    };
    ctx.priced_on_request = items
        .iter()
        .filter(|i| i.basis.is_priced_on_request())
        .map(|i| i.name.clone())
        .collect();
    ctx.monthly_total = totals.monthly;
    ctx.max_lead_time = items.iter().filter_map(|i| i.lead_time_weeks).max();
    let delivery = super::plan::delivery(&ctx, &items);
    ctx.earliest_go_live = delivery.earliest_go_live_weeks;
    used_sizes.sort_unstable();
    let sizes: Vec<SizeValue> = used_sizes
        .iter()
        .map(|&i| {
            let size = &knowledge.catalog.sizing[i];
            let (value, trail) = &ctx.sizes[i];
            SizeValue {
                id: size.id.clone(),
                label: size.label.clone(),
                unit: size.unit.clone(),
                value: *value,
                assumptions: trail.notes.clone(),
            }
        })
        .collect();

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
        let budget = budget_of(&ctx, &rule.when);
        for spec in specs {
            let approvers: Vec<String> = spec.all_approvers().cloned().collect();
            let fill =
                |text: &str| fill_placeholders(text, &ctx, &totals, &subjects, budget.as_deref());
            flags.push(Flag {
                rule: rule.id.clone(),
                severity: spec.severity,
                title: fill(&spec.title),
                detail: fill(&spec.detail),
                remediation: fill(&spec.remediation),
                customer_remediation: spec.customer_remediation.as_deref().map(fill),
                approver: (!approvers.is_empty()).then(|| approvers.join(", ")),
                approver_name: (!approvers.is_empty()).then(|| {
                    approvers
                        .iter()
                        .map(|a| {
                            knowledge
                                .approver(a)
                                .map_or(a.as_str(), |a| a.name.as_str())
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
                approvers: approvers.clone(),
                questions: questions.clone(),
                answers: ctx.answer_refs(&questions),
            });
        }
    }
    if !stale_overrides.is_empty() {
        flags.push(Flag {
            rule: "manual_override_unknown".into(),
            severity: crate::knowledge::Severity::Info,
            title: crate::tr!(knowledge.lang(), "stale-overrides-title"),
            detail: crate::tr!(
                knowledge.lang(),
                "stale-overrides-detail",
                offerings = stale_overrides.join(", ")
            ),
            remediation: "Remove the overrides or choose a current plan in the catalog browser."
                .into(),
            customer_remediation: None,
            approver: None,
            approver_name: None,
            approvers: Vec::new(),
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

    let needs = needs(&ctx, &totals);
    Scope {
        items,
        flags,
        totals,
        open_questions: open.into_iter().map(|(_, _, q)| q).collect(),
        visible_questions: visible,
        sizes,
        needs,
        delivery,
        excluded,
        knowledge_version: knowledge.version.clone(),
    }
}

/// The visible answers in the customer's words, in questionnaire order.
/// A question without a statement is left out (the proposal then falls
/// back to its prompt).
fn needs(ctx: &Context<'_>, totals: &Totals) -> Vec<Need> {
    let mut out = Vec::new();
    for section in &ctx.knowledge.questionnaire.sections {
        for q in &section.questions {
            let Some(answer) = ctx.answers.get(q.id.as_str()) else {
                continue;
            };
            let text = match (&q.kind, answer) {
                (QuestionKind::Single { .. }, Answer::Text(id)) => q
                    .option(id)
                    .and_then(|o| o.statement.as_ref().map(|t| t.to_string()))
                    .or_else(|| {
                        q.statement
                            .as_deref()
                            .map(|t| statement(t, q, answer, ctx, totals))
                    }),
                (QuestionKind::YesNo, Answer::Bool(true)) => q
                    .statement
                    .as_deref()
                    .map(|t| statement(t, q, answer, ctx, totals)),
                (QuestionKind::YesNo, Answer::Bool(false)) => q
                    .statement_no
                    .as_deref()
                    .map(|t| statement(t, q, answer, ctx, totals)),
                (QuestionKind::Multi { .. }, Answer::List(ids)) => {
                    let own: Option<Vec<&str>> = ids
                        .iter()
                        .map(|id| q.option(id).and_then(|o| o.statement.as_deref()))
                        .collect();
                    match own {
                        Some(parts) if !parts.is_empty() => Some(parts.join(" ")),
                        _ => q
                            .statement
                            .as_deref()
                            .map(|t| statement(t, q, answer, ctx, totals)),
                    }
                }
                _ => q
                    .statement
                    .as_deref()
                    .map(|t| statement(t, q, answer, ctx, totals)),
            };
            if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                out.push(Need {
                    question: q.id.clone(),
                    section: section.id.clone(),
                    text,
                });
            }
        }
    }
    out
}

/// Fills a statement: `{answer}` is the answer in words (a money amount
/// in its currency), the rest are flag placeholders.
fn statement(
    template: &str,
    q: &crate::knowledge::Question,
    answer: &Answer,
    ctx: &Context<'_>,
    totals: &Totals,
) -> String {
    let words = match (&q.kind, answer) {
        (
            QuestionKind::Number {
                currency: Some(c), ..
            },
            _,
        ) => ctx
            .budget_text(&q.id, Some(c))
            .unwrap_or_else(|| answer.display(Some(q))),
        (QuestionKind::Number { unit, unit_one, .. }, Answer::Number(n)) => {
            let words = if n.fract() == 0.0 && n.abs() < 1e15 {
                Money::from_units(*n).to_string()
            } else {
                super::answers::format_number(*n)
            };
            if unit.is_empty() {
                words
            } else {
                format!(
                    "{words} {}",
                    super::answers::unit_for(*n, unit, unit_one.as_deref())
                )
            }
        }
        _ => answer.display(Some(q)),
    };
    // The answer is inserted after the placeholders are filled, so what a
    // customer typed is never read as a placeholder.
    template
        .split("{answer}")
        .map(|part| fill_placeholders(part, ctx, totals, &[], None))
        .collect::<Vec<_>>()
        .join(&words)
}

/// Adds the sizes a price used (and the sizes those used) to `used`.
fn note_sizes(used: &mut Vec<usize>, trail: &Trail) {
    for &i in &trail.sizes {
        if !used.contains(&i) {
            used.push(i);
        }
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

/// The budget a budget condition compares with, in words.
fn budget_of(ctx: &Context<'_>, c: &Condition) -> Option<String> {
    match c {
        Condition::MonthlyTotalAboveIn(q, cur) => ctx.budget_text(q, Some(cur)),
        Condition::MonthlyTotalAbove(q) => ctx.budget_text(q, None),
        Condition::All(cs) | Condition::Any(cs) => cs.iter().find_map(|c| budget_of(ctx, c)),
        Condition::Not(c) => budget_of(ctx, c),
        _ => None,
    }
}

/// Replaces `{question_id}` with the answer in words, `{monthly_total}` with
/// the total, `{technologies}` with what a radar condition matched,
/// `{budget}` with the budget (in both currencies where it was converted)
/// and `{priced_on_request}` with the items the totals leave out.
fn fill_placeholders(
    text: &str,
    ctx: &Context<'_>,
    totals: &Totals,
    subjects: &[String],
    budget: Option<&str>,
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
                    "budget" => budget.map(str::to_string),
                    "priced_on_request" => Some(ctx.priced_on_request.join(", ")),
                    "earliest_go_live_weeks" => ctx.earliest_go_live.map(|w| {
                        let lang = ctx.knowledge.lang();
                        if w.fract() == 0.0 && w.abs() < 1e9 {
                            crate::tr!(lang, "weeks", count = w as i64)
                        } else {
                            crate::tr!(lang, "weeks", count = super::answers::format_number(w))
                        }
                    }),
                    q => ctx
                        .answers
                        .get(q)
                        .map(|a| a.display(ctx.knowledge.question(q))),
                };
                match value {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&crate::tr!(ctx.knowledge.lang(), "not-answered")),
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
