//! Knowledge: the catalog, the questionnaire, the rules and the Tech Radar,
//! as typed data parsed from RON and checked as a whole.
//!
//! This module is pure: it turns texts into a validated [`Knowledge`] or a
//! list of located [`Diagnostic`]s. Reading files is the shell's job
//! (`crate::sources`).

pub mod catalog;
pub mod condition;
pub mod diagnostic;
pub mod questionnaire;
pub mod radar;
pub mod rules;
mod validate;

pub use validate::completeness;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: maps keyed by the knowledge's own short ids are looked up
/// thousands of times per evaluation, where SipHash's defence against
/// chosen keys costs a large share of the time and protects nothing.
#[derive(Clone, Copy)]
pub struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map from the knowledge's ids.
pub type IdMap<V> = HashMap<String, V, BuildHasherDefault<IdHasher>>;

/// Each id and where it stands in the list.
fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> IdMap<usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

pub use catalog::{
    Approver, Catalog, CustomerTask, ExchangeRate, Family, GoLivePlanning, Group, Offering, Plan,
    Price, PriceBasis, PriceKind, Quantity, Recurrence, Responsibilities, ServiceLevel, Size,
    Source, SupportBase, SupportHours, TaskDue,
};
pub use condition::Condition;
pub use diagnostic::{Diagnostic, Diagnostics, problem_list};
pub use questionnaire::{Choice, Question, QuestionKind, Questionnaire, Section};
pub use radar::{RadarEntry, Ring, TechRadar};
pub use rules::{Effect, FlagSpec, Rule, Rules, Severity};

/// The knowledge files, by the name they have in `data/`.
pub const FILE_NAMES: [&str; 4] = [
    "catalog.ron",
    "questionnaire.ron",
    "rules.ron",
    "tech_radar.ron",
];

/// The shipped knowledge, compiled into the binary.
pub mod embedded {
    pub const CATALOG: &str = include_str!("../../data/catalog.ron");
    pub const QUESTIONNAIRE: &str = include_str!("../../data/questionnaire.ron");
    pub const RULES: &str = include_str!("../../data/rules.ron");
    pub const TECH_RADAR: &str = include_str!("../../data/tech_radar.ron");
}

/// The text of one knowledge file and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// How to name the file in a message: a path, or "embedded data/x.ron".
    pub origin: String,
    pub text: String,
}

impl SourceText {
    pub fn embedded(name: &str, text: &str) -> Self {
        SourceText {
            origin: format!("embedded data/{name}"),
            text: text.to_string(),
        }
    }
}

/// The four texts the knowledge is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnowledgeTexts {
    pub catalog: SourceText,
    pub questionnaire: SourceText,
    pub rules: SourceText,
    pub tech_radar: SourceText,
}

impl KnowledgeTexts {
    pub fn embedded() -> Self {
        KnowledgeTexts {
            catalog: SourceText::embedded("catalog.ron", embedded::CATALOG),
            questionnaire: SourceText::embedded("questionnaire.ron", embedded::QUESTIONNAIRE),
            rules: SourceText::embedded("rules.ron", embedded::RULES),
            tech_radar: SourceText::embedded("tech_radar.ron", embedded::TECH_RADAR),
        }
    }

    /// Mutable access by file name, for replacing files one by one.
    pub fn by_name_mut(&mut self, name: &str) -> Option<&mut SourceText> {
        match name {
            "catalog.ron" => Some(&mut self.catalog),
            "questionnaire.ron" => Some(&mut self.questionnaire),
            "rules.ron" => Some(&mut self.rules),
            "tech_radar.ron" => Some(&mut self.tech_radar),
            _ => None,
        }
    }

    fn all(&self) -> [&SourceText; 4] {
        [
            &self.catalog,
            &self.questionnaire,
            &self.rules,
            &self.tech_radar,
        ]
    }
}

/// Everything nunki knows about what can be sold, validated.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub catalog: Catalog,
    pub questionnaire: Questionnaire,
    pub rules: Vec<Rule>,
    pub radar: TechRadar,
    /// A content hash of the four texts; sessions record it.
    pub version: String,
    offerings: IdMap<usize>,
    questions: IdMap<(usize, usize)>,
    approvers: IdMap<usize>,
    /// How many Include effects the rules hold, counted once at load.
    include_effects: usize,
}

/// The RON dialect of every file nunki reads and writes.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses one RON text, turning a syntax or shape error into a located
/// diagnostic.
pub fn parse_ron<T: DeserializeOwned>(source: &SourceText) -> Result<T, Diagnostic> {
    let text = strip_bom(&source.text);
    ron_options().from_str(text).map_err(|e| {
        let pos = (e.span.start.line, e.span.start.col);
        Diagnostic::at(&source.origin, text, pos, message_for_ron_error(&e.code))
            .with_help(help_for_ron_error(&e.code))
    })
}

/// Drops a leading UTF-8 byte order mark, which some Windows editors
/// write and which is no RON or JSON.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// ron's own words, except where they speak to the Rust programmer.
fn message_for_ron_error(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            "brackets are nested too deeply here (more than a knowledge, session or answers \
file ever needs)"
                .into()
        }
        other => other.to_string(),
    }
}

fn help_for_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField { expected, .. } => {
            format!("the fields this item takes are: {}", expected.join(", "))
        }
        E::MissingStructField { field, .. } => format!("add the field `{field}`"),
        E::NoSuchEnumVariant { expected, .. } => {
            format!("use one of: {}", expected.join(", "))
        }
        E::DuplicateStructField { field, .. } => format!("remove one of the `{field}` fields"),
        E::Eof => "the file ends too early: look for an unclosed bracket or quote".into(),
        _ => "fix the RON syntax at this spot (see data/ in the nunki repository for examples)"
            .into(),
    }
}

impl Knowledge {
    /// The shipped knowledge. It is checked by the test suite, so failing
    /// here is a build defect, reported like any other load error.
    pub fn embedded() -> Result<Knowledge, Diagnostics> {
        Knowledge::from_texts(&KnowledgeTexts::embedded())
    }

    /// Parses and validates the four texts, reporting every problem found
    /// in all of them at once.
    pub fn from_texts(texts: &KnowledgeTexts) -> Result<Knowledge, Diagnostics> {
        let catalog = parse_ron::<Catalog>(&texts.catalog);
        let questionnaire = parse_ron::<Questionnaire>(&texts.questionnaire);
        let rules = parse_ron::<Rules>(&texts.rules);
        let radar = parse_ron::<TechRadar>(&texts.tech_radar);
        let (catalog, questionnaire, rules, radar) = match (catalog, questionnaire, rules, radar) {
            (Ok(c), Ok(q), Ok(r), Ok(t)) => (c, q, r.rules, t),
            (c, q, r, t) => {
                let errors = [c.err(), q.err(), r.err(), t.err()];
                return Err(Diagnostics(errors.into_iter().flatten().collect()));
            }
        };
        let mut hasher = Sha256::new();
        for source in texts.all() {
            hasher.update(source.text.as_bytes());
            hasher.update([0]);
        }
        let digest = hasher.finalize();
        let version = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let knowledge = Knowledge::index(catalog, questionnaire, rules, radar, version);
        let problems = validate::validate(&knowledge, texts);
        if problems.is_empty() {
            Ok(knowledge)
        } else {
            Err(Diagnostics(problems))
        }
    }

    fn index(
        catalog: Catalog,
        questionnaire: Questionnaire,
        mut rules: Vec<Rule>,
        radar: TechRadar,
        version: String,
    ) -> Knowledge {
        let offerings: IdMap<usize> = positions(catalog.offerings.iter().map(|o| &o.id));
        let approvers = positions(catalog.approvers.iter().map(|a| &a.id));
        for rule in &mut rules {
            rule.reads = rule.when.questions();
            rule.targets = rule
                .effects
                .iter()
                .map(|e| match e {
                    Effect::Include { offering, .. } | Effect::Exclude { offering } => {
                        offerings.get(offering).copied()
                    }
                    Effect::Flag(_) => None,
                })
                .collect();
        }
        let questions = questionnaire
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, sec)| {
                sec.questions
                    .iter()
                    .enumerate()
                    .map(move |(q, question)| (question.id.clone(), (s, q)))
            })
            .collect();
        let include_effects = rules
            .iter()
            .flat_map(|r| &r.effects)
            .filter(|e| matches!(e, Effect::Include { .. }))
            .count();
        Knowledge {
            catalog,
            questionnaire,
            rules,
            radar,
            version,
            offerings,
            questions,
            approvers,
            include_effects,
        }
    }

    /// How many Include effects the rules hold: what a scope can hold at
    /// most, for sizing the engine's maps.
    pub fn include_effects(&self) -> usize {
        self.include_effects
    }

    pub fn offering(&self, id: &str) -> Option<&Offering> {
        self.offerings.get(id).map(|&i| &self.catalog.offerings[i])
    }

    /// Where an offering stands in the catalog.
    pub fn offering_index(&self, id: &str) -> Option<usize> {
        self.offerings.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions
            .get(id)
            .map(|&(s, q)| &self.questionnaire.sections[s].questions[q])
    }

    /// The section a question belongs to.
    pub fn section_of(&self, question: &str) -> Option<&Section> {
        self.questions
            .get(question)
            .map(|&(s, _)| &self.questionnaire.sections[s])
    }

    pub fn approver(&self, id: &str) -> Option<&Approver> {
        self.approvers.get(id).map(|&i| &self.catalog.approvers[i])
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn currency(&self) -> &str {
        &self.catalog.currency
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_knowledge_loads_and_validates() {
        if let Err(e) = Knowledge::embedded() {
            panic!("the shipped knowledge is invalid:\n{e}");
        }
    }
}
