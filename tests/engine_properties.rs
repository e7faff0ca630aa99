//! Properties of `evaluate` over random valid answers to the shipped
//! questionnaire: it never panics, totals are the sum of the items, flags
//! come most severe first, and everything in the scope says why it is there.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use nunki::engine::{Answer, Overrides, PlanStepKind, check_answers, evaluate};
use nunki::knowledge::{Knowledge, QuestionKind};
use proptest::prelude::*;

fn knowledge() -> &'static Knowledge {
    use std::sync::OnceLock;
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::embedded().unwrap())
}

/// One random, valid answer per question (or none), driven by `seeds`.
fn answers_from(seeds: &[(bool, u32, f64)]) -> BTreeMap<String, Answer> {
    let k = knowledge();
    let mut out = BTreeMap::new();
    for (q, &(answered, pick, unit)) in k.questionnaire.questions().zip(seeds.iter().cycle()) {
        if !answered {
            continue;
        }
        let a = match &q.kind {
            QuestionKind::Single { options, .. } => {
                Answer::Text(options[pick as usize % options.len()].id.clone())
            }
            QuestionKind::Multi { options, .. } => {
                let chosen: Vec<String> = options
                    .iter()
                    .enumerate()
                    .filter(|(i, o)| !o.exclusive && pick & (1 << i) != 0)
                    .map(|(_, o)| o.id.clone())
                    .collect();
                Answer::List(chosen)
            }
            QuestionKind::Number {
                min, max, integer, ..
            } => {
                let lo = min.unwrap_or(0.0);
                let hi = max.unwrap_or(1000.0);
                let v = lo + (hi - lo) * unit;
                Answer::Number(if *integer { v.floor() } else { v })
            }
            QuestionKind::YesNo => Answer::Bool(pick % 2 == 0),
            QuestionKind::Text { .. } => Answer::Text(
                ["", "Jenkins", "Kafka, Helm", "Ünïcödé, 日本"][pick as usize % 4].into(),
            ),
        };
        out.insert(q.id.clone(), a);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn evaluate_keeps_its_promises(seeds in prop::collection::vec((any::<bool>(), any::<u32>(), 0.0f64..=1.0), 1..40)) {
        let k = knowledge();
        let raw = answers_from(&seeds);
        let (answers, problems) = check_answers(k, &raw);
        prop_assert!(problems.is_empty(), "generated answers are valid: {problems:?}");
        let scope = evaluate(k, &answers, &Overrides::default());

        let monthly: i64 = scope.items.iter().map(|i| i.monthly.0).sum();
        let once: i64 = scope.items.iter().map(|i| i.one_time.0).sum();
        prop_assert_eq!(scope.totals.monthly.0, monthly);
        prop_assert_eq!(scope.totals.one_time.0, once);
        prop_assert!(scope.flags.windows(2).all(|w| w[0].severity <= w[1].severity));
        for item in &scope.items {
            prop_assert!(!item.because.is_empty(), "{} has no reason", item.offering);
            prop_assert!(item.monthly.0 >= 0 && item.one_time.0 >= 0);
            prop_assert!(k.offering(&item.offering).is_some());
        }
        for flag in &scope.flags {
            prop_assert!(k.rule(&flag.rule).is_some());
        }
        for q in &scope.open_questions {
            prop_assert!(scope.visible_questions.contains(q));
            prop_assert!(!answers.0.contains_key(q));
        }
        // The plan starts with the order, ends with the go-live, never
        // before the earliest possible week, and every step fits before it.
        let plan = &scope.delivery.plan;
        prop_assert_eq!(plan.first().map(|s| s.kind), Some(PlanStepKind::Order));
        prop_assert_eq!(plan.last().map(|s| s.kind), Some(PlanStepKind::GoLive));
        let go_live = scope.delivery.go_live_week().unwrap();
        let earliest = scope.delivery.earliest_go_live_weeks.unwrap_or(0.0);
        prop_assert!(f64::from(go_live) >= earliest);
        prop_assert!(plan.windows(2).all(|w| w[0].from_week <= w[1].from_week));
        prop_assert!(plan.iter().all(|s| s.from_week <= s.to_week && s.to_week <= go_live));
        // The same input gives the same scope.
        prop_assert_eq!(&scope, &evaluate(k, &answers, &Overrides::default()));
    }
}

#[test]
fn the_plan_lays_out_setup_then_engineering_then_onboarding() {
    let k = knowledge();
    let mut raw = BTreeMap::new();
    raw.insert("tenancy".to_string(), Answer::Text("dedicated".into()));
    raw.insert("cloud_provider".to_string(), Answer::Text("aws".into()));
    raw.insert("app_operations".to_string(), Answer::Bool(true));
    raw.insert("current_hosting".to_string(), Answer::Text("vms".into()));
    raw.insert("go_live_weeks".to_string(), Answer::Number(4.0));
    let (answers, problems) = check_answers(k, &raw);
    assert!(problems.is_empty(), "{problems:?}");
    let scope = evaluate(k, &answers, &Overrides::default());
    let d = &scope.delivery;
    let setup = d
        .lead_time_weeks
        .expect("a dedicated cluster has a lead time");
    let step = |kind| d.plan.iter().find(|s| s.kind == kind).unwrap();
    assert_eq!(
        (
            step(PlanStepKind::Setup).from_week,
            step(PlanStepKind::Setup).to_week
        ),
        (1, setup)
    );
    // What needs no platform runs during the setup; the rest waits.
    let during = d.engineering_weeks_during_setup as u32;
    let on_platform = step(PlanStepKind::PlatformEngineering);
    assert_eq!(on_platform.from_week, setup.max(during) + 1);
    assert!(
        on_platform.items.iter().any(|n| n.contains("onboarding")),
        "{on_platform:?}"
    );
    if during > 0 {
        assert_eq!(step(PlanStepKind::Engineering).from_week, 1);
    }
    let go_live = d.go_live_week().unwrap();
    assert_eq!(f64::from(go_live), d.earliest_go_live_weeks.unwrap());
    assert_eq!(step(PlanStepKind::Onboarding).to_week, go_live);
    assert!(d.too_early(), "4 weeks is sooner than {go_live}");
    assert_eq!(d.requested_go_live_weeks, Some(4.0));
    // A hyperscaler account is the customer's: access comes with the order,
    // and data to move comes the week before go-live.
    let task = |id: &str| {
        d.plan
            .iter()
            .find(|s| s.task.as_ref().is_some_and(|(t, _)| t == id))
            .unwrap_or_else(|| panic!("no task {id}: {:#?}", d.plan))
    };
    assert_eq!(task("infrastructure_access").from_week, 0);
    assert_eq!(task("data").from_week, go_live - 1);
}

#[test]
fn hidden_answers_do_not_count() {
    let k = knowledge();
    let mut raw = BTreeMap::new();
    raw.insert("tenancy".to_string(), Answer::Text("shared".into()));
    raw.insert("workload_vcpu".to_string(), Answer::Number(64.0));
    let (answers, _) = check_answers(k, &raw);
    let scope = evaluate(k, &answers, &Overrides::default());
    assert!(!scope.visible_questions.iter().any(|q| q == "workload_vcpu"));
    assert!(!scope.open_questions.iter().any(|q| q == "workload_vcpu"));
}

#[test]
fn overrides_win_over_rules_and_say_why() {
    let k = knowledge();
    let mut raw = BTreeMap::new();
    raw.insert("tenancy".to_string(), Answer::Text("shared".into()));
    let (answers, _) = check_answers(k, &raw);
    let mut overrides = Overrides::default();
    overrides.remove("appuio_cloud", "customer runs its own platform");
    overrides.add("appcat_keycloak", "standard_2", 2.0, "SSO for two tenants");
    let scope = evaluate(k, &answers, &overrides);
    assert!(scope.item("appuio_cloud").is_none());
    let removed = scope
        .excluded
        .iter()
        .find(|e| e.offering == "appuio_cloud")
        .unwrap();
    assert!(
        removed
            .because
            .description
            .contains("customer runs its own platform")
    );
    let keycloak = scope.item("appcat_keycloak").unwrap();
    assert_eq!(keycloak.quantity, 2.0);
    assert!(keycloak.is_manual());
    assert_eq!(keycloak.monthly.as_units(), 300.0);
    // An override naming what the catalog no longer has is reported, not fatal.
    overrides.add("retired_offering", "old", 1.0, "kept from 2025");
    let scope = evaluate(k, &answers, &overrides);
    assert!(
        scope
            .flags
            .iter()
            .any(|f| f.rule == "manual_override_unknown")
    );
}

#[test]
fn support_plan_is_a_share_of_the_recurring_fees_with_a_floor() {
    let k = knowledge();
    let raw: BTreeMap<String, Answer> = [
        ("tenancy", Answer::Text("shared".into())),
        ("support_hours", Answer::Text("extended".into())),
        ("environments", Answer::Number(1.0)),
        ("workload_memory_gib", Answer::Number(4.0)),
    ]
    .into_iter()
    .map(|(q, a)| (q.to_string(), a))
    .collect();
    let (answers, _) = check_answers(k, &raw);
    let scope = evaluate(k, &answers, &Overrides::default());
    let support = scope.item("support").unwrap();
    assert_eq!(support.plan, "business");
    // 15 % of (220 APPUiO Cloud + 1'800 AppOps Extended) = 303 < floor 800.
    assert_eq!(support.monthly.as_units(), 800.0);

    let mut raw = raw;
    raw.insert("workload_memory_gib".into(), Answer::Number(200.0));
    raw.insert("environments".into(), Answer::Number(3.0));
    let (answers, _) = check_answers(k, &raw);
    let scope = evaluate(k, &answers, &Overrides::default());
    let others: f64 = scope
        .items
        .iter()
        .filter(|i| i.offering != "support" && i.family != nunki::knowledge::Family::Partner)
        .map(|i| i.monthly.as_units())
        .sum();
    let support = scope.item("support").unwrap();
    assert!((support.monthly.as_units() - others * 0.15).abs() < 0.01);
}
