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
