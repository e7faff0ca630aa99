//! Runs every shipped scenario against the shipped knowledge: the same
//! check as `nunki catalog test`, so `cargo test` catches a catalog edit
//! that changes what a sales engineer would propose.

use nunki::knowledge::{Knowledge, SourceText};
use nunki::scenarios;

#[test]
fn every_shipped_scenario_holds() {
    let knowledge = Knowledge::embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    let files = nunki::embedded_files::SCENARIOS;
    assert!(
        files.len() >= 15,
        "at least 15 scenarios, found {}",
        files.len()
    );
    for (name, text) in files {
        let source = SourceText::embedded(name, text);
        let scenario = scenarios::parse(&source).unwrap_or_else(|d| panic!("{d}"));
        let outcome = scenarios::run(&knowledge, name, &scenario);
        if !outcome.passed() {
            failures.push(format!(
                "{name}: {}\n  {}",
                outcome.name,
                outcome.failures.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_broken_expectation_is_reported() {
    let knowledge = Knowledge::embedded().unwrap_or_else(|e| panic!("{e}"));
    let source = SourceText::embedded(
        "broken.ron",
        r#"(name: "wrong on purpose", why: "a scenario that must fail",
            answers: {"tenancy": "shared"},
            expect: (items: ["managed_openshift"], flags: ["hipaa"], worst: "out_of_scope"))"#,
    );
    let scenario = scenarios::parse(&source).unwrap_or_else(|d| panic!("{d}"));
    let outcome = scenarios::run(&knowledge, "broken.ron", &scenario);
    assert_eq!(outcome.failures.len(), 3, "{:?}", outcome.failures);
}

#[test]
fn a_wrong_range_or_on_request_list_is_reported() {
    let knowledge = Knowledge::embedded().unwrap_or_else(|e| panic!("{e}"));
    let source = SourceText::embedded(
        "ranges.ron",
        r#"(name: "wrong ranges", why: "must fail three times",
            answers: {"tenancy": "shared", "workload_memory_gib": 4, "environments": 1},
            expect: (monthly_between: (1, 2), one_time_between: (5, 6), priced_on_request: ["x"]))"#,
    );
    let scenario = scenarios::parse(&source).unwrap_or_else(|d| panic!("{d}"));
    let outcome = scenarios::run(&knowledge, "ranges.ron", &scenario);
    assert_eq!(outcome.failures.len(), 3, "{:?}", outcome.failures);
}

/// Nothing is silently free: in every shipped scenario, each item is
/// priced above zero, explicitly included (`included` in its plan id), or
/// named as left out of the totals.
#[test]
fn no_item_of_any_scenario_is_silently_free() {
    let knowledge = Knowledge::embedded().unwrap_or_else(|e| panic!("{e}"));
    let mut problems = Vec::new();
    for (name, text) in nunki::embedded_files::SCENARIOS {
        let source = SourceText::embedded(name, text);
        let scenario = scenarios::parse(&source).unwrap_or_else(|d| panic!("{d}"));
        let (answers, _) = nunki::engine::check_answers(&knowledge, &scenario.answers);
        let scope = nunki::engine::evaluate(&knowledge, &answers, &scenario.overrides);
        for i in &scope.items {
            let priced = i.monthly.0 > 0 || i.one_time.0 > 0;
            let included = i.plan.contains("included");
            let left_out = scope.totals.priced_on_request.contains(&i.offering)
                || scope.totals.customers_own.contains(&i.offering);
            if !(priced || included || left_out) {
                problems.push(format!("{name}: {} ({}) is CHF 0", i.offering, i.plan));
            }
        }
        let sum: i64 = scope.items.iter().map(|i| i.monthly.0).sum();
        assert_eq!(
            sum, scope.totals.monthly.0,
            "{name}: rows add up to the total"
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
