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

/// The customer's proposal repeats no questionnaire prompt: every answer is
/// in the customer's words, in every format, for every shipped scenario and
/// template.
#[test]
fn no_customer_export_contains_a_questionnaire_prompt() {
    let k = Knowledge::embedded().unwrap();
    let prompts: Vec<&str> = k
        .questionnaire
        .questions()
        .map(|q| q.prompt.as_str())
        .collect();
    let mut answer_sets: Vec<(String, BTreeMap<String, Answer>)> = Vec::new();
    for (name, text) in nunki::embedded_files::SCENARIOS {
        let source = nunki::knowledge::SourceText::embedded(name, text);
        let scenario = nunki::scenarios::parse(&source).unwrap();
        answer_sets.push((name.to_string(), scenario.answers));
    }
    assert!(answer_sets.len() >= 60, "{}", answer_sets.len());
    let mut leaks = Vec::new();
    for (name, raw) in &answer_sets {
        let (answers, _) = check_answers(&k, raw);
        let scope = evaluate(&k, &answers, &Overrides::default());
        let subject = Subject::of_answers(Some("Kunde AG"), None, raw);
        let proposal = Proposal::build(&subject, &scope, &k, Audience::Customer);
        for format in [
            Format::Markdown,
            Format::Html,
            Format::Asciidoc,
            Format::Csv,
            Format::Json,
        ] {
            let text = export::render(format, &proposal).replace("&#39;", "'");
            for prompt in &prompts {
                if text.contains(prompt) {
                    leaks.push(format!("{name} ({}): {prompt}", format.id()));
                }
            }
        }
        // Every visible answer made it into the proposal in words.
        for need in &scope.needs {
            assert!(
                export::render(Format::Markdown, &proposal).contains(&need.text),
                "{name}: {}",
                need.text
            );
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

#[test]
fn the_budget_reads_in_its_currency() {
    let answers = [
        ("budget_currency", Answer::Text("eur".into())),
        ("budget_monthly_chf", Answer::Number(9000.0)),
    ];
    let customer = proposal_text(&answers, Audience::Customer);
    assert!(
        customer.contains(
            "Budget: about EUR 9'000 (about CHF 8'460 at 0.94, rate of 30 November 2026) per month."
        ),
        "{customer}"
    );
    let answers = [("budget_monthly_chf", Answer::Number(9000.0))];
    let customer = proposal_text(&answers, Audience::Customer);
    assert!(
        customer.contains("Budget: about CHF 9'000 per month."),
        "{customer}"
    );
}
