//! Reading answers files (RON or JSON) into checked answers, with messages
//! that name the file, the spot, the question and what is allowed.

use std::collections::BTreeMap;
use std::path::Path;

use super::Error;
use crate::engine::{Answer, AnswerProblem, Answers, check_answers};
use crate::knowledge::diagnostic::TextIndex;
use crate::knowledge::{Diagnostic, Knowledge, SourceText, parse_ron};

/// Reads a file as loose answers, RON unless it ends in `.json`.
pub fn read_raw_answers(path: &Path) -> Result<BTreeMap<String, Answer>, Error> {
    // Whatever stops the read, the answers file is the user's to fix.
    let text = crate::files::read_input_text(path).map_err(|e| match e {
        crate::files::ReadError::Io { source, .. } => Error::input(format!(
            "cannot read the answers file {}: {source}",
            path.display()
        )),
        other => Error::input(format!("the answers file {other}")),
    })?;
    parse_raw_answers(&path.display().to_string(), &text, is_json(path))
}

pub fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

pub fn parse_raw_answers(
    origin: &str,
    text: &str,
    json: bool,
) -> Result<BTreeMap<String, Answer>, Error> {
    const HELP: &str = "an answers file is a map from question id to value: \
a string (single choice), a list of strings (multi choice), a number, true/false or text";
    let text = crate::knowledge::strip_bom(text);
    let unique: Unique = if json {
        serde_json::from_str(text).map_err(|e| {
            let d =
                Diagnostic::at(origin, text, (e.line(), e.column()), e.to_string()).with_help(HELP);
            Error::from(d)
        })?
    } else {
        let source = SourceText {
            origin: origin.to_string(),
            text: text.to_string(),
        };
        parse_ron(&source).map_err(|d| Error::from(d.with_help(HELP)))?
    };
    match unique.twice {
        None => Ok(unique.answers),
        Some(key) => Err(Error::input(twice_message(origin, text, &key))),
    }
}

/// An answers map that remembers a question given twice: serde's own maps
/// keep the last value silently, and the customer said both.
struct Unique {
    answers: BTreeMap<String, Answer>,
    twice: Option<String>,
}

impl<'de> serde::Deserialize<'de> for Unique {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Unique;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map from question id to answer")
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Unique, M::Error> {
                let mut out = Unique {
                    answers: BTreeMap::new(),
                    twice: None,
                };
                while let Some((key, value)) = map.next_entry::<String, Answer>()? {
                    if out.twice.is_none() && out.answers.contains_key(&key) {
                        out.twice = Some(key.clone());
                    }
                    out.answers.insert(key, value);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Visitor)
    }
}

/// "the answer to `gpu` is given twice, on lines 2 and 5".
fn twice_message(origin: &str, text: &str, key: &str) -> String {
    let index = TextIndex::new(text);
    let quoted = format!("\"{key}\"");
    let lines: Vec<usize> = index
        .occurrences(&quoted)
        .iter()
        .filter(|&&at| text[at + quoted.len()..].trim_start().starts_with(':'))
        .map(|&at| index.line_col(at).0)
        .take(2)
        .collect();
    let key = crate::printable::printable(key);
    match lines[..] {
        [a, b] => format!(
            "{origin}:{b}: the answer to `{key}` is given twice, on line {a} and on line {b}; \
keep the one the customer meant and remove the other"
        ),
        _ => format!(
            "{origin}: the answer to `{key}` is given more than once; \
keep the one the customer meant and remove the others"
        ),
    }
}

/// Checks loose answers; any problem is an input error listing them all.
pub fn strict_answers(
    knowledge: &Knowledge,
    origin: &str,
    raw: &BTreeMap<String, Answer>,
) -> Result<Answers, Error> {
    let (answers, problems) = check_answers(knowledge, raw);
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(answer_problems(origin, &problems))
    }
}

pub fn answer_problems(origin: &str, problems: &[AnswerProblem]) -> Error {
    Error::input(format!(
        "{origin}: {} invalid answer{}:\n{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        crate::knowledge::problem_list(problems)
    ))
}
