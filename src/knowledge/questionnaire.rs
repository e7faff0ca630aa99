//! The questionnaire: the interview a sales engineer walks through, with
//! "why we ask" help and skip logic.

use serde::{Deserialize, Serialize};

use super::condition::Condition;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub sections: Vec<Section>,
    /// The questions whose statements say what the customer wants, in
    /// order: the first line of a proposal's summary.
    #[serde(default)]
    pub goal: Vec<String>,
}

impl Questionnaire {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// What the question is about, in the customer's words, for the open
    /// questions of the customer's proposal: "The contract term".
    #[serde(default)]
    pub topic: Option<String>,
    pub prompt: String,
    /// "Why we ask": what the answer changes in the proposal.
    pub help: String,
    pub kind: QuestionKind,
    /// Skip logic: the question is asked only while this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    /// 1 (ask first) to 5 (nice to know); orders the open questions.
    #[serde(default = "default_importance")]
    pub importance: u8,
    /// The answer in the customer's words, for the proposal: "Data must
    /// stay in {answer}." `{answer}` is the answer in words; any flag
    /// placeholder works too. For a yes/no question this is the "yes".
    #[serde(default)]
    pub statement: Option<String>,
    /// The statement of a "no", for yes/no questions; without it a "no"
    /// says nothing in the proposal.
    #[serde(default)]
    pub statement_no: Option<String>,
}

fn default_importance() -> u8 {
    3
}

impl Question {
    /// The options the interview offers.
    pub fn options(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Single { options, .. } | QuestionKind::Multi { options, .. } => options,
            _ => &[],
        }
    }

    /// Options no longer offered but still accepted in answers.
    pub fn retired_options(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Single { retired, .. } | QuestionKind::Multi { retired, .. } => retired,
            _ => &[],
        }
    }

    /// An option by id, offered or retired.
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options()
            .iter()
            .chain(self.retired_options())
            .find(|o| o.id == id)
    }

    /// Whether the proposal can state the answer in the customer's words.
    pub fn has_statement(&self) -> bool {
        match &self.kind {
            QuestionKind::Single { .. } | QuestionKind::Multi { .. } => {
                self.statement.is_some()
                    || self
                        .options()
                        .iter()
                        .chain(self.retired_options())
                        .all(|o| o.statement.is_some())
            }
            _ => self.statement.is_some(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QuestionKind {
    Single {
        options: Vec<Choice>,
        /// No longer offered; old answers naming them still load.
        #[serde(default)]
        retired: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
        #[serde(default)]
        retired: Vec<Choice>,
    },
    Number {
        unit: String,
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
        /// Whole numbers only (environments, weeks).
        #[serde(default)]
        integer: bool,
        /// The usual answers, offered next to a typed number (99.5, 99.9 …).
        #[serde(default)]
        presets: Vec<f64>,
        /// A money amount whose currency is the answer to this single
        /// choice question (option ids are currency codes).
        #[serde(default)]
        currency: Option<String>,
    },
    YesNo,
    Text {
        /// Free text that names technologies, checked against the Tech Radar.
        #[serde(default)]
        radar: bool,
    },
}

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single choice",
            QuestionKind::Multi { .. } => "multiple choice",
            QuestionKind::Number { .. } => "number",
            QuestionKind::YesNo => "yes/no",
            QuestionKind::Text { .. } => "free text",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// An exclusive choice ("none") clears the others in a multi choice.
    #[serde(default)]
    pub exclusive: bool,
    /// This choice in the customer's words, for the proposal ("Data must
    /// stay in Switzerland."); overrides the question's statement.
    #[serde(default)]
    pub statement: Option<String>,
}
