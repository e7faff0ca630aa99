//! The questionnaire: the interview a sales engineer walks through, with
//! "why we ask" help and skip logic.

use serde::{Deserialize, Serialize};

use super::condition::Condition;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub sections: Vec<Section>,
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
}

fn default_importance() -> u8 {
    3
}

impl Question {
    pub fn options(&self) -> &[Choice] {
        match &self.kind {
            QuestionKind::Single { options } | QuestionKind::Multi { options } => options,
            _ => &[],
        }
    }

    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options().iter().find(|o| o.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QuestionKind {
    Single {
        options: Vec<Choice>,
    },
    Multi {
        options: Vec<Choice>,
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
}
