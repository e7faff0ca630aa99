//! Keeps the benches' generated knowledge valid and meaningful, so a bench
//! never measures an error path.

#[path = "../benches/support/generated.rs"]
mod generated;

use nunki::engine::{Overrides, check_answers, evaluate};
use nunki::knowledge::Knowledge;

#[test]
fn generated_knowledge_is_valid_and_scopes_something() {
    let knowledge = Knowledge::from_texts(&generated::texts()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(knowledge.catalog.offerings.len(), generated::OFFERINGS);
    assert_eq!(knowledge.rules.len(), generated::RULES);
    assert_eq!(
        knowledge.questionnaire.questions().count(),
        generated::QUESTIONS
    );
    let (answers, problems) = check_answers(&knowledge, &generated::answers());
    assert!(problems.is_empty(), "{problems:?}");
    let scope = evaluate(&knowledge, &answers, &Overrides::default());
    assert!(scope.items.len() > 1000, "{} items", scope.items.len());
    assert!(!scope.flags.is_empty());
    assert!(scope.totals.monthly.0 > 0);
}
