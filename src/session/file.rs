//! The session file format: a `Session` as pretty RON, read back with a
//! located message when it does not parse, and refused (not guessed) when
//! a newer nunki wrote it. Pure: text in, text out.

use serde::Deserialize;

use super::model::{FORMAT, Session};
use crate::knowledge::{Diagnostic, SourceText, parse_ron, ron_options};

/// Why a session text cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not a session: bad syntax, a missing or unknown field, a wrong type.
    Invalid(Diagnostic),
    /// Written by a newer nunki whose format this one does not know.
    TooNew { format: u32 },
}

/// The first lines of every session file, for whoever opens it in an editor.
const HEADER: &str = "// A nunki scoping session. nunki keeps the previous version next to it\n\
// as <file>.bak; a file it cannot read is reported and never overwritten.\n";

/// Parses a session file's text; `origin` names the file in messages.
pub fn parse(origin: &str, text: &str) -> Result<Session, LoadError> {
    let source = SourceText {
        origin: origin.to_string(),
        text: text.to_string(),
    };
    match parse_ron::<Session>(&source) {
        Ok(session) if session.format > FORMAT => Err(LoadError::TooNew {
            format: session.format,
        }),
        Ok(session) if session.id.trim().is_empty() => {
            let pos = crate::knowledge::diagnostic::locate(text, &["id:"]);
            Err(LoadError::Invalid(
                Diagnostic::at(origin, text, pos, "the session id is empty".into())
                    .with_help("give the session back its id (any short unique text)"),
            ))
        }
        Ok(session) => Ok(session),
        Err(mut d) => match probe_format(text) {
            // A newer format may add fields this nunki refuses; say so
            // instead of pointing at the first new field.
            Some(format) if format > FORMAT => Err(LoadError::TooNew { format }),
            _ => {
                // The knowledge files' generic hint points at data/; a
                // session was written by nunki and then changed by hand.
                if d.help
                    .as_deref()
                    .is_some_and(|h| h.starts_with("fix the RON syntax"))
                {
                    d.help = Some("fix the RON syntax at this spot".into());
                }
                Err(LoadError::Invalid(d))
            }
        },
    }
}

/// The `format` field alone, read leniently.
fn probe_format(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Probe {
        format: u32,
    }
    ron_options().from_str::<Probe>(text).ok().map(|p| p.format)
}

/// The text of a session file.
pub fn to_text(session: &Session) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ".to_string());
    let body = ron_options().to_string_pretty(session, config)?;
    Ok(format!("{HEADER}{body}\n"))
}
