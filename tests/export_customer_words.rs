//! The customer's proposal uses the rules' customer wording: what we
//! propose instead, without naming who approves it internally.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use nunki::engine::{Answer, Overrides, check_answers, evaluate};
use nunki::export::{self, Audience, Format, Proposal, Subject};
use nunki::knowledge::Knowledge;

fn proposal_text(raw: &[(&str, Answer)], audience: Audience) -> String {
    let k = Knowledge::embedded().unwrap();
    let raw: BTreeMap<String, Answer> = raw
        .iter()
        .map(|(q, a)| (q.to_string(), a.clone()))
        .collect();
    let (answers, problems) = check_answers(&k, &raw);
    assert!(problems.is_empty());
    let scope = evaluate(&k, &answers, &Overrides::default());
    let subject = Subject::of_answers(Some("Versicherung AG"), None, &raw);
    export::render(
        Format::Markdown,
        &Proposal::build(&subject, &scope, &k, audience),
    )
}

#[test]
fn customer_sees_the_customer_remediation_and_no_approver() {
    let answers = [
        ("customer_industry", Answer::Text("insurance".into())),
        ("tenancy", Answer::Text("dedicated".into())),
        ("cloud_provider", Answer::Text("azure".into())),
        ("support_hours", Answer::Text("24x7".into())),
    ];
    let customer = proposal_text(&answers, Audience::Customer);
    assert!(
        customer.contains("once the contract terms have passed our legal review"),
        "{customer}"
    );
    assert!(
        customer.contains("on\\-call rota confirmed before the contract is signed")
            || customer.contains("on-call rota confirmed before the contract is signed"),
        "{customer}"
    );
    for internal in [
        "Legal approves",
        "operations lead",
        "Operations lead",
        "hyperscaler_regulated",
    ] {
        assert!(
            !customer.contains(internal),
            "customer proposal leaks {internal:?}"
        );
    }
    let internal = proposal_text(&answers, Audience::Internal);
    assert!(
        internal.contains("Legal approves the contract terms"),
        "{internal}"
    );
    assert!(internal.contains("Operations lead"));
}
