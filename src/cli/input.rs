//! Reading answers files (RON or JSON) into checked answers, with messages
//! that name the file, the spot, the question and what is allowed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::Error;
use crate::engine::{Answer, AnswerProblem, Answers, check_answers};
use crate::knowledge::{Diagnostic, Knowledge, SourceText, parse_ron};

/// Reads a file as loose answers, RON unless it ends in `.json`.
pub fn read_raw_answers(path: &Path) -> Result<BTreeMap<String, Answer>, Error> {
    let text = fs::read_to_string(path).map_err(|e| {
        Error::input(format!(
            "cannot read the answers file {}: {e}",
            path.display()
        ))
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
    if json {
        serde_json::from_str(text).map_err(|e| {
            let d =
                Diagnostic::at(origin, text, (e.line(), e.column()), e.to_string()).with_help(HELP);
            Error::input(d.to_string().trim_end().to_string())
        })
    } else {
        let source = SourceText {
            origin: origin.to_string(),
            text: text.to_string(),
        };
        parse_ron(&source)
            .map_err(|d| Error::input(d.with_help(HELP).to_string().trim_end().to_string()))
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
    let lines: Vec<String> = problems.iter().map(|p| format!("  - {p}")).collect();
    Error::input(format!(
        "{origin}: {} invalid answer{}:\n{}",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        lines.join("\n")
    ))
}
