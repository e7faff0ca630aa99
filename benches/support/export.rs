//! The export tests' fixture session (Muster Bank AG: every part of a
//! proposal has something to show) with its fixture knowledge, compiled in
//! so the export bench reads no file.

use nunki::knowledge::{Knowledge, KnowledgeTexts, SourceText};
use nunki::session::Session;

const DIR: &str = "tests/fixtures/export_knowledge";

fn source(name: &str, text: &str) -> SourceText {
    SourceText {
        origin: format!("{DIR}/{name}"),
        text: text.to_string(),
    }
}

pub fn knowledge() -> Knowledge {
    let texts = KnowledgeTexts {
        catalog: source(
            "catalog.ron",
            include_str!("../../tests/fixtures/export_knowledge/catalog.ron"),
        ),
        questionnaire: source(
            "questionnaire.ron",
            include_str!("../../tests/fixtures/export_knowledge/questionnaire.ron"),
        ),
        rules: source(
            "rules.ron",
            include_str!("../../tests/fixtures/export_knowledge/rules.ron"),
        ),
        tech_radar: source(
            "tech_radar.ron",
            include_str!("../../tests/fixtures/export_knowledge/tech_radar.ron"),
        ),
    };
    Knowledge::from_texts(&texts)
        .unwrap_or_else(|d| panic!("the export fixture knowledge is invalid:\n{d}"))
}

pub fn session() -> Session {
    let text = include_str!("../../tests/fixtures/export_session.ron");
    nunki::session::file::parse("tests/fixtures/export_session.ron", text)
        .unwrap_or_else(|e| panic!("the export fixture session is invalid: {e:?}"))
}
