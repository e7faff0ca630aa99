//! A value a merge did not keep, recorded inside the session so that no
//! answer is ever lost to a conflict. Its own module, so the session model
//! and the merge both use it without importing each other.

use serde::{Deserialize, Serialize};

/// A value a merge did not keep, kept here instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub field: Field,
    /// The question id, option name, rule id or offering id; empty for a
    /// field of the whole session (status, customer, template).
    #[serde(default)]
    pub key: String,
    /// The value kept, as RON; `None` when the kept side had cleared it.
    pub kept: Option<String>,
    /// The value not kept, as RON; `None` when the other side had cleared it.
    pub other: Option<String>,
    /// Who gave the value not kept (the git author when known).
    pub by: String,
    /// When that side last saved the session.
    pub at: jiff::Timestamp,
}

/// What kind of field a conflict is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Answer,
    Note,
    Option,
    Status,
    Decision,
    Override,
    Customer,
    Template,
}

impl Field {
    pub fn id(self) -> &'static str {
        match self {
            Field::Answer => "answer",
            Field::Note => "note",
            Field::Option => "option",
            Field::Status => "status",
            Field::Decision => "decision",
            Field::Override => "override",
            Field::Customer => "customer",
            Field::Template => "template",
        }
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(cleared)".into());
        if self.key.is_empty() {
            write!(f, "{}", self.field.id())?;
        } else {
            write!(f, "{} {}", self.field.id(), self.key)?;
        }
        write!(
            f,
            ": kept {}, {} gave {}",
            show(&self.kept),
            self.by,
            show(&self.other)
        )
    }
}
