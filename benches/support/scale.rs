//! Generated knowledge that grows in one direction, for the scale benches:
//! `invalid_questions(n)` has n questions whose skip logic names a question
//! that does not exist (n located problems to report), `include_exclude(n)`
//! has n offerings, each included by one rule and excluded by another.

use nunki::knowledge::{KnowledgeTexts, SourceText};

fn source(name: &str, text: String) -> SourceText {
    SourceText {
        origin: format!("generated {name}"),
        text,
    }
}

const APPROVERS: &str = "approvers: [(id: \"owner\", name: \"Owner\")]";

fn offering(id: &str) -> String {
    format!(
        "(id: \"{id}\", name: \"Offering {id}\", family: appcat, provider: \"VSHN\", \
description: \"Generated.\", owner: \"owner\", plans: [(id: \"p\", name: \"Plan\", \
service_level: (availability: 99.0), prices: [(label: \"fee\", recurrence: monthly, \
kind: Fixed(100))])]),\n"
    )
}

fn texts(catalog: String, questionnaire: String, rules: String) -> KnowledgeTexts {
    KnowledgeTexts {
        catalog: source("catalog.ron", catalog),
        questionnaire: source("questionnaire.ron", questionnaire),
        rules: source("rules.ron", rules),
        tech_radar: source("tech_radar.ron", "(entries: [])".into()),
    }
}

/// `n` questions, each asked only when a question that does not exist has
/// an answer: `n` problems, each to be located in the file.
pub fn invalid_questions(n: usize) -> KnowledgeTexts {
    let mut questionnaire = String::from("(sections: [(id: \"s\", title: \"S\", questions: [\n");
    for i in 0..n {
        questionnaire.push_str(&format!(
            "  (id: \"q{i}\", prompt: \"Question {i}?\", help: \"Why {i}.\", importance: 1,\n   \
when: Yes(\"missing{i}\"), kind: YesNo),\n"
        ));
    }
    questionnaire.push_str("])])\n");
    texts(
        format!(
            "(currency: \"CHF\", {APPROVERS}, offerings: [{}])",
            offering("o")
        ),
        questionnaire,
        "(rules: [])".into(),
    )
}

/// `n` offerings, each included by one rule and excluded by a later one.
pub fn include_exclude(n: usize) -> KnowledgeTexts {
    let mut catalog = format!("(currency: \"CHF\", {APPROVERS}, offerings: [\n");
    let mut rules = String::from("(rules: [\n");
    for i in 0..n {
        catalog.push_str(&offering(&format!("o{i}")));
        rules.push_str(&format!(
            "(id: \"in{i}\", description: \"In.\", when: Always, \
effects: [Include(offering: \"o{i}\", plan: \"p\")]),\n"
        ));
    }
    for i in 0..n {
        rules.push_str(&format!(
            "(id: \"out{i}\", description: \"Out.\", when: Always, \
effects: [Exclude(offering: \"o{i}\")]),\n"
        ));
    }
    catalog.push_str("])\n");
    rules.push_str("])\n");
    texts(
        catalog,
        "(sections: [(id: \"s\", title: \"S\", questions: [(id: \"q\", prompt: \"Q?\", \
help: \"Why.\", importance: 1, kind: YesNo)])])"
            .into(),
        rules,
    )
}
