//! What the customer wants from VSHN decides what is asked: an
//! engineering-only customer sees no hosting question and gets an
//! engineering offer.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use nunki::engine::{Answer, Overrides, check_answers, evaluate};
use nunki::export::{self, Audience, Format, Proposal, Subject};
use nunki::knowledge::Knowledge;

const HOSTING_QUESTIONS: [&str; 12] = [
    "data_residency",
    "availability_target",
    "tenancy",
    "cloud_provider",
    "environments",
    "workload_os",
    "workload_memory_gib",
    "databases",
    "object_storage",
    "rpo_minutes",
    "disaster_recovery",
    "static_egress_ip",
];

fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(q, a)| (q.to_string(), a.clone()))
        .collect()
}

fn engagement(ids: &[&str]) -> Answer {
    Answer::List(ids.iter().map(|s| s.to_string()).collect())
}

#[test]
fn engineering_only_asks_no_hosting_question_and_offers_engineering() {
    let k = Knowledge::embedded().unwrap();
    let raw = answers(&[
        ("engagement", engagement(&["engineering"])),
        ("applications", Answer::Number(2.0)),
        ("tenancy", Answer::Text("shared".into())),
        ("engineering_packages", engagement(&["pipeline", "helm"])),
    ]);
    let (checked, problems) = check_answers(&k, &raw);
    assert!(problems.is_empty(), "{problems:?}");
    let scope = evaluate(&k, &checked, &Overrides::default());
    for q in HOSTING_QUESTIONS {
        assert!(
            !scope.visible_questions.iter().any(|v| v == q),
            "{q} is asked"
        );
        assert!(!scope.open_questions.iter().any(|v| v == q), "{q} is open");
    }
    assert!(
        !scope
            .visible_questions
            .iter()
            .any(|v| v == "app_operations")
    );
    assert!(
        scope
            .visible_questions
            .iter()
            .any(|v| v == "engineering_packages")
    );
    let families: Vec<&str> = scope.items.iter().map(|i| i.family.id()).collect();
    assert_eq!(families, ["appflow", "appflow"], "{:?}", scope.items);

    let subject = Subject::of_answers(Some("Build AG"), None, &raw);
    let md = export::render(
        Format::Markdown,
        &Proposal::build(&subject, &scope, &k, Audience::Customer),
    );
    let solution =
        &md[md.find("## Proposed solution").unwrap()..md.find("## Bill of materials").unwrap()];
    assert!(solution.contains("### Engineering"), "{solution}");
    for other in ["### Platform", "### Data services", "### Operations"] {
        assert!(!solution.contains(other), "{solution}");
    }
    assert!(
        md.contains("You want VSHN's engineers to build with you."),
        "{md}"
    );
}

#[test]
fn unanswered_engagement_asks_everything() {
    let k = Knowledge::embedded().unwrap();
    let (none, _) = check_answers(&k, &BTreeMap::new());
    let scope = evaluate(&k, &none, &Overrides::default());
    for q in HOSTING_QUESTIONS
        .iter()
        .chain(&["app_operations", "engineering_packages"])
    {
        assert!(scope.visible_questions.iter().any(|v| v == q), "{q} hidden");
    }
}

#[test]
fn operations_without_engineering_skips_the_appflow_packages() {
    let k = Knowledge::embedded().unwrap();
    let raw = answers(&[("engagement", engagement(&["hosting", "operations"]))]);
    let (checked, _) = check_answers(&k, &raw);
    let scope = evaluate(&k, &checked, &Overrides::default());
    for q in ["engineering_packages", "migration_from_vms"] {
        assert!(
            !scope.visible_questions.iter().any(|v| v == q),
            "{q} is asked"
        );
    }
    assert!(
        scope
            .visible_questions
            .iter()
            .any(|v| v == "app_operations")
    );
}
