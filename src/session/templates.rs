//! Templates: reference setups a new session can start from, one RON file
//! each in `data/templates/` (embedded), plus the user's own in
//! `<config>/templates/`, which replace shipped ones of the same file name.
//!
//! A template is a name, a description and answers; its answers are
//! checked against the knowledge like any answers file.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::engine::{Answer, AnswerProblem, check_answers};
use crate::knowledge::{Diagnostic, Knowledge, SourceText, parse_ron};
use crate::sources::{Places, SourceError, read_ron_dir};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The file stem: `web_shop` for `web_shop.ron`. Set by the loader.
    #[serde(skip)]
    pub id: String,
    pub name: String,
    pub description: String,
    pub answers: BTreeMap<String, Answer>,
    /// Notes per question a new session starts with.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

impl Template {
    /// Answers the knowledge refuses; a template with any is not used.
    pub fn check(&self, knowledge: &Knowledge) -> Vec<AnswerProblem> {
        check_answers(knowledge, &self.answers).1
    }
}

/// Why templates could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("{0}")]
    Source(#[from] SourceError),
    #[error("{}", .0.bare())]
    Invalid(Diagnostic),
    /// No template, or more than one, has the id or prefix the user gave.
    #[error("{what} matches `{wanted}`; the templates are:\n{list}")]
    Unknown {
        what: &'static str,
        wanted: String,
        list: String,
    },
}

/// Parses one template file; `file_name` gives its id.
pub fn parse(file_name: &str, source: &SourceText) -> Result<Template, Diagnostic> {
    let mut t: Template = parse_ron(source)?;
    t.id = file_name.trim_end_matches(".ron").to_string();
    Ok(t)
}

/// The shipped templates.
pub fn embedded() -> Result<Vec<Template>, Diagnostic> {
    crate::embedded_files::TEMPLATES
        .iter()
        .map(|(name, text)| {
            parse(
                name,
                &SourceText {
                    origin: format!("embedded data/templates/{name}"),
                    text: (*text).to_string(),
                },
            )
        })
        .collect()
}

/// The shipped templates, the team's on top (`<data>/templates/` of a team
/// folder), then the user's, sorted by id.
pub fn load(places: &Places) -> Result<Vec<Template>, TemplateError> {
    let mut all = embedded().map_err(TemplateError::Invalid)?;
    let team = Some(places.data_dir.join("templates"));
    let user = places.config_dir.as_ref().map(|d| d.join("templates"));
    for (dir, is_team) in [(team, true), (user, false)] {
        let Some(dir) = dir.filter(|d| d.is_dir()) else {
            continue;
        };
        for source in read_ron_dir(&dir)? {
            let name = std::path::Path::new(&source.origin)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let t = match parse(&name, &source) {
                Ok(t) => t,
                // A teammate's broken template must not stop anyone's
                // scoping: it is skipped and named; the user's own stays
                // an error they can fix.
                Err(d) if is_team => {
                    eprintln!("warning: team template skipped: {d}");
                    continue;
                }
                Err(d) => return Err(TemplateError::Invalid(d)),
            };
            all.retain(|x| x.id != t.id);
            all.push(t);
        }
    }
    all.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(all)
}

/// The template a person meant: its id, or a unique prefix of it.
pub fn find<'a>(templates: &'a [Template], wanted: &str) -> Result<&'a Template, TemplateError> {
    if let Some(t) = templates.iter().find(|t| t.id == wanted) {
        return Ok(t);
    }
    let matches: Vec<&Template> = templates
        .iter()
        .filter(|t| t.id.starts_with(wanted))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        _ => {
            let list: Vec<String> = templates
                .iter()
                .map(|t| format!("  {:<28} {}", t.id, t.name))
                .collect();
            let what = if matches.is_empty() {
                "no template"
            } else {
                "more than one template"
            };
            Err(TemplateError::Unknown {
                what,
                wanted: wanted.to_string(),
                list: list.join("\n"),
            })
        }
    }
}
