//! Answers: what the customer said, typed against the questionnaire.
//!
//! Input files hold loose values (a string, a list, a number, a bool); they
//! become [`Answers`] only after each value was checked against its
//! question. Problems name the question, the value and what is allowed.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::knowledge::{Knowledge, Question, QuestionKind};

/// One answer as written in a file and as stored in a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Bool(bool),
    Number(f64),
    /// A single choice (the option id) or free text.
    Text(String),
    /// A multi choice: option ids.
    List(Vec<String>),
}

impl Answer {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Answer::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Answer::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_list(&self) -> &[String] {
        match self {
            Answer::List(l) => l,
            _ => &[],
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Answer::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Answer::Bool(_) => "a yes/no value",
            Answer::Number(_) => "a number",
            Answer::Text(_) => "a string",
            Answer::List(_) => "a list",
        }
    }

    /// The answer in words, with option labels, for people, in the
    /// language the question's texts are set to.
    pub fn display(&self, question: Option<&Question>) -> String {
        let lang = question.map_or(crate::i18n::Lang::En, |q| q.prompt.lang());
        let label = |id: &str| {
            question
                .and_then(|q| q.option(id))
                .map_or_else(|| id.to_string(), |c| c.label.to_string())
        };
        match self {
            Answer::Bool(true) => crate::tr!(lang, "answer-yes"),
            Answer::Bool(false) => crate::tr!(lang, "answer-no"),
            Answer::Number(n) => {
                let unit = match question.map(|q| &q.kind) {
                    Some(QuestionKind::Number { unit, unit_one, .. }) if !unit.is_empty() => {
                        format!(" {}", unit_for(*n, unit, unit_one.as_deref()))
                    }
                    _ => String::new(),
                };
                // An amount of money is written as every amount is: "9'000".
                let money = matches!(
                    question.map(|q| &q.kind),
                    Some(QuestionKind::Number {
                        currency: Some(_),
                        ..
                    })
                );
                let number = if money && n.is_finite() && n.abs() < 1e15 {
                    super::money::Money::from_units(*n).amount()
                } else {
                    format_number(*n)
                };
                format!("{number}{unit}")
            }
            Answer::Text(t) => match question.map(|q| &q.kind) {
                Some(QuestionKind::Single { .. }) => label(t),
                _ => t.clone(),
            },
            Answer::List(items) if items.is_empty() => crate::tr!(lang, "answer-none"),
            Answer::List(items) => items
                .iter()
                .map(|i| label(i))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// A question's unit (written in the plural: "applications", "weeks") as
/// it follows `n`: "1 application", "2 applications". `one` is the unit
/// after 1 where the knowledge gives it (German: "1 Anwendung").
pub fn unit_for<'u>(n: f64, unit: &'u str, one: Option<&'u str>) -> std::borrow::Cow<'u, str> {
    if n == 1.0 {
        if let Some(one) = one {
            return std::borrow::Cow::Borrowed(one);
        }
        if let Some(one) = unit.strip_suffix('s')
            && unit.chars().all(|c| c.is_ascii_lowercase())
        {
            return std::borrow::Cow::Borrowed(one);
        }
    }
    std::borrow::Cow::Borrowed(unit)
}

/// A price unit (written in the singular: "engineering day", "node (4
/// vCPU, 16 GiB)") as it follows `n`: the head noun takes an "s" unless
/// `n` is one, it is an abbreviation (GiB, vCPU) or a mass noun.
pub fn units_of(n: f64, unit: &str) -> std::borrow::Cow<'_, str> {
    const MASS: [&str; 5] = ["memory", "disk", "stored", "storage", "traffic"];
    if n == 1.0 {
        return std::borrow::Cow::Borrowed(unit);
    }
    let (head, tail) = match unit.find(" (") {
        Some(i) => unit.split_at(i),
        None => (unit, ""),
    };
    let last = head.rsplit(' ').next().unwrap_or(head);
    let countable = !last.is_empty()
        && last.chars().all(|c| c.is_ascii_lowercase())
        && !last.ends_with('s')
        && !MASS.contains(&last);
    if countable {
        std::borrow::Cow::Owned(format!("{head}s{tail}"))
    } else {
        std::borrow::Cow::Borrowed(unit)
    }
}

/// The range a number answer must lie in, in words: "between 1 and 5",
/// "at least 1", "at most 5"; `None` when it is open at both ends.
pub fn range_words(min: Option<f64>, max: Option<f64>) -> Option<String> {
    match (min, max) {
        (Some(lo), Some(hi)) => Some(format!(
            "between {} and {}",
            format_number(lo),
            format_number(hi)
        )),
        (Some(lo), None) => Some(format!("at least {}", format_number(lo))),
        (None, Some(hi)) => Some(format!("at most {}", format_number(hi))),
        (None, None) => None,
    }
}

/// A number without a trailing ".0" and without float noise.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else if n.is_finite() && (n.abs() >= 1e15 || (n != 0.0 && n.abs() < 1e-4)) {
        // 1e308 written out is 309 digits; nobody reads those.
        format!("{n:e}")
    } else {
        let s = format!("{n:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Answers that passed the questionnaire's checks, by question id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub BTreeMap<String, Answer>);

impl Answers {
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    pub fn set(&mut self, id: impl Into<String>, answer: Answer) {
        self.0.insert(id.into(), answer);
    }

    pub fn clear(&mut self, id: &str) -> Option<Answer> {
        self.0.remove(id)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter()
    }
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerProblem {
    UnknownQuestion {
        question: String,
        /// The known question id it most likely meant, if one is close.
        suggestion: Option<String>,
    },
    UnknownOption {
        question: String,
        value: String,
        allowed: Vec<String>,
    },
    WrongType {
        question: String,
        expected: String,
        got: &'static str,
    },
    OutOfRange {
        question: String,
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
        unit: String,
    },
    NotWhole {
        question: String,
        value: f64,
    },
    ExclusiveCombined {
        question: String,
        option: String,
    },
}

impl AnswerProblem {
    pub fn question(&self) -> &str {
        match self {
            AnswerProblem::UnknownQuestion { question, .. }
            | AnswerProblem::UnknownOption { question, .. }
            | AnswerProblem::WrongType { question, .. }
            | AnswerProblem::OutOfRange { question, .. }
            | AnswerProblem::NotWhole { question, .. }
            | AnswerProblem::ExclusiveCombined { question, .. } => question,
        }
    }

    /// Orphaned answers name what the knowledge no longer has; a session
    /// keeps them instead of refusing to open.
    pub fn is_orphan(&self) -> bool {
        matches!(
            self,
            AnswerProblem::UnknownQuestion { .. } | AnswerProblem::UnknownOption { .. }
        )
    }
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerProblem::UnknownQuestion {
                question,
                suggestion,
            } => {
                write!(f, "unknown question id `{question}`")?;
                if let Some(close) = suggestion {
                    write!(f, " (did you mean `{close}`?)")?;
                }
                write!(f, "; run `nunki catalog questions` for the list")
            }
            AnswerProblem::UnknownOption {
                question,
                value,
                allowed,
            } => write!(
                f,
                "`{question}` has no option `{value}`; allowed values: {}",
                allowed.join(", ")
            ),
            AnswerProblem::WrongType {
                question,
                expected,
                got,
            } => {
                write!(f, "`{question}` expects {expected}, got {got}")
            }
            AnswerProblem::OutOfRange {
                question,
                value,
                min,
                max,
                unit,
            } => {
                let range = range_words(*min, *max).unwrap_or_default();
                write!(
                    f,
                    "`{question}` must be {range} {unit}, got {}",
                    format_number(*value)
                )
            }
            AnswerProblem::NotWhole { question, value } => {
                write!(
                    f,
                    "`{question}` takes a whole number, got {}",
                    format_number(*value)
                )
            }
            AnswerProblem::ExclusiveCombined { question, option } => write!(
                f,
                "`{question}`: `{option}` cannot be combined with other options"
            ),
        }
    }
}

/// The question id closest to `word`, when one is close enough to be a
/// typo of it.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    candidates
        // Lengths further apart than the distance allowed cannot match:
        // skip the edit distance for them.
        .filter(|c| len.abs_diff(c.chars().count()) <= c.len().max(3) / 3)
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= c.len().max(3) / 3)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// An unknown question, with a suggestion when one is close.
pub fn unknown_question(knowledge: &Knowledge, question: &str) -> AnswerProblem {
    AnswerProblem::UnknownQuestion {
        question: question.to_string(),
        suggestion: closest(
            question,
            knowledge.questionnaire.questions().map(|q| q.id.as_str()),
        )
        .map(str::to_string),
    }
}

/// How many unknown question ids get a "did you mean" (each costs a look
/// at every question): more than a message lists is wasted work.
const SUGGESTIONS: usize = 50;

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Checks one answer against its question; numbers given for a yes/no
/// question or similar slips are refused, never guessed.
pub fn check_answer(question: &Question, answer: &Answer) -> Result<Answer, AnswerProblem> {
    let qid = question.id.clone();
    let allowed = || {
        question
            .options()
            .iter()
            .map(|o| o.id.clone())
            .collect::<Vec<_>>()
    };
    match (&question.kind, answer) {
        (QuestionKind::Single { .. }, Answer::Text(v)) => {
            if question.option(v).is_some() {
                Ok(answer.clone())
            } else {
                Err(AnswerProblem::UnknownOption {
                    question: qid,
                    value: v.clone(),
                    allowed: allowed(),
                })
            }
        }
        (QuestionKind::Multi { .. }, Answer::List(vs)) => {
            for v in vs {
                match question.option(v) {
                    None => {
                        return Err(AnswerProblem::UnknownOption {
                            question: qid,
                            value: v.clone(),
                            allowed: allowed(),
                        });
                    }
                    Some(c) if c.exclusive && vs.len() > 1 => {
                        return Err(AnswerProblem::ExclusiveCombined {
                            question: qid,
                            option: v.clone(),
                        });
                    }
                    Some(_) => {}
                }
            }
            let mut unique: Vec<String> = Vec::with_capacity(vs.len());
            for v in vs {
                if !unique.contains(v) {
                    unique.push(v.clone());
                }
            }
            Ok(Answer::List(unique))
        }
        (
            QuestionKind::Number {
                min,
                max,
                integer,
                unit,
                ..
            },
            Answer::Number(n),
        ) => {
            if !n.is_finite() || min.is_some_and(|lo| *n < lo) || max.is_some_and(|hi| *n > hi) {
                Err(AnswerProblem::OutOfRange {
                    question: qid,
                    value: *n,
                    min: *min,
                    max: *max,
                    unit: unit.to_string(),
                })
            } else if *integer && n.fract() != 0.0 {
                Err(AnswerProblem::NotWhole {
                    question: qid,
                    value: *n,
                })
            } else {
                Ok(answer.clone())
            }
        }
        (QuestionKind::YesNo, Answer::Bool(_)) | (QuestionKind::Text { .. }, Answer::Text(_)) => {
            Ok(answer.clone())
        }
        (kind, got) => {
            let expected = match kind {
                QuestionKind::Single { .. } => {
                    format!("one option id as a string ({})", allowed().join(", "))
                }
                QuestionKind::Multi { .. } => {
                    format!("a list of option ids ({})", allowed().join(", "))
                }
                QuestionKind::Number { unit, .. } => format!("a number ({unit})"),
                QuestionKind::YesNo => "true or false".into(),
                QuestionKind::Text { .. } => "a string".into(),
            };
            Err(AnswerProblem::WrongType {
                question: qid,
                expected,
                got: got.type_name(),
            })
        }
    }
}

/// Splits loose answers into the valid ones and the problems, keeping
/// every valid answer even when others are wrong.
pub fn check_answers<'a>(
    knowledge: &Knowledge,
    raw: impl IntoIterator<Item = (&'a String, &'a Answer)>,
) -> (Answers, Vec<AnswerProblem>) {
    let mut ok = Answers::default();
    let mut problems = Vec::new();
    let mut unknown = 0;
    for (id, answer) in raw {
        match knowledge.question(id) {
            None if unknown < SUGGESTIONS => {
                unknown += 1;
                problems.push(unknown_question(knowledge, id));
            }
            None => problems.push(AnswerProblem::UnknownQuestion {
                question: id.clone(),
                suggestion: None,
            }),
            Some(q) => match check_answer(q, answer) {
                Ok(a) => ok.set(id.clone(), a),
                Err(p) => problems.push(p),
            },
        }
    }
    (ok, problems)
}

/// Parses a value typed by a person (`nunki set q=v`, the TUI) for a
/// question: "yes", "3.5", "gdpr,finma".
pub fn parse_typed(question: &Question, text: &str) -> Result<Answer, AnswerProblem> {
    let text = text.trim();
    let answer = match &question.kind {
        QuestionKind::Single { .. } | QuestionKind::Text { .. } => Answer::Text(text.to_string()),
        QuestionKind::Multi { .. } => Answer::List(
            text.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        QuestionKind::Number { unit, .. } => match text.replace('\'', "").parse::<f64>() {
            Ok(n) => Answer::Number(n),
            Err(_) => {
                return Err(AnswerProblem::WrongType {
                    question: question.id.clone(),
                    expected: format!("a number ({unit})"),
                    got: "text",
                });
            }
        },
        QuestionKind::YesNo => match text.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => Answer::Bool(true),
            "no" | "n" | "false" | "0" => Answer::Bool(false),
            _ => {
                return Err(AnswerProblem::WrongType {
                    question: question.id.clone(),
                    expected: "yes or no".into(),
                    got: "text",
                });
            }
        },
    };
    check_answer(question, &answer)
}

#[cfg(test)]
mod unit_tests {
    use super::{unit_for, units_of};

    #[test]
    fn units_agree_with_their_number() {
        assert_eq!(unit_for(1.0, "applications", None), "application");
        assert_eq!(unit_for(2.0, "applications", None), "applications");
        assert_eq!(unit_for(1.0, "GiB", None), "GiB");
        assert_eq!(unit_for(1.0, "per month", None), "per month");
        assert_eq!(unit_for(1.0, "Anwendungen", Some("Anwendung")), "Anwendung");
        assert_eq!(
            unit_for(3.0, "Anwendungen", Some("Anwendung")),
            "Anwendungen"
        );
        assert_eq!(units_of(3.0, "engineering day"), "engineering days");
        assert_eq!(units_of(1.0, "engineering day"), "engineering day");
        assert_eq!(
            units_of(3.0, "node (4 vCPU, 16 GiB)"),
            "nodes (4 vCPU, 16 GiB)"
        );
        assert_eq!(units_of(12.0, "vCPU"), "vCPU");
        assert_eq!(units_of(400.0, "GiB"), "GiB");
        assert_eq!(units_of(24.0, "GiB memory"), "GiB memory");
        assert_eq!(units_of(2.0, "environment"), "environments");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_reads_the_same_in_the_interview_and_in_errors() {
        assert_eq!(
            range_words(Some(1.0), Some(2.5)).as_deref(),
            Some("between 1 and 2.5")
        );
        assert_eq!(range_words(Some(0.0), None).as_deref(), Some("at least 0"));
        assert_eq!(range_words(None, Some(9.0)).as_deref(), Some("at most 9"));
        assert_eq!(range_words(None, None), None);
    }

    #[test]
    fn huge_and_tiny_numbers_are_written_short() {
        assert_eq!(format_number(1e308), "1e308");
        assert_eq!(format_number(-2.5e20), "-2.5e20");
        assert_eq!(format_number(1e-7), "1e-7");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(3.0), "3");
    }

    #[test]
    fn a_typo_gets_a_suggestion() {
        let ids = ["tenancy", "databases", "gpu"];
        assert_eq!(closest("tenncy", ids.into_iter()), Some("tenancy"));
        assert_eq!(closest("something_else", ids.into_iter()), None);
    }
}
