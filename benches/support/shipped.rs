//! A realistic, fully answered session for the shipped knowledge: the
//! regulated-bank scenario, the heaviest of the shipped ones.

use std::collections::BTreeMap;

use nunki::engine::Answer;
use nunki::knowledge::SourceText;
use nunki::scenarios;

pub fn answers() -> BTreeMap<String, Answer> {
    let (name, text) = nunki::embedded_files::SCENARIOS
        .iter()
        .find(|(name, _)| name.starts_with("12_"))
        .expect("the shipped FINMA scenario exists");
    let scenario = scenarios::parse(&SourceText::embedded(name, text)).expect("it parses");
    scenario.answers
}
