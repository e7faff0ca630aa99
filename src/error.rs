//! The one error type of the shell (`sources`, `session`, `cli`, `tui`):
//! every way a command or the screen can fail to start, with the `From`
//! impls that turn the layers' own errors into it. The command line
//! prints it in one place (`cli::report`) and exits with its code.
//!
//! Exit codes: 2 for what the user can fix (a file, an argument, the
//! knowledge); 3 for the file system or another nunki holding a session.

use std::fmt;
use std::io;
use std::process::ExitCode;

use crate::files::ReadError;
use crate::knowledge::{Diagnostic, Diagnostics};
use crate::printable::printable_text;
use crate::session::store::StoreError;
use crate::session::templates::TemplateError;
use crate::sources::SourceError;

/// Every way a command can fail, printed in one place.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The knowledge files do not load; every problem, all files at once.
    #[error("{0}")]
    Knowledge(#[from] Diagnostics),
    #[error("{0}")]
    Source(SourceError),
    #[error("{}", store_message(.0))]
    Store(#[from] StoreError),
    #[error("{}", template_message(.0))]
    Template(#[from] TemplateError),
    /// A broken `keymap.ron`: nunki does not start on it.
    #[error("{}", keymap_message(.0))]
    Keymap(Vec<Diagnostic>),
    /// A problem at a place in a file the user gave (answers, a session).
    #[error("{}", .0.bare())]
    Located(Box<Diagnostic>),
    /// Bad input from the user: a file, an answer, an argument.
    #[error("{0}")]
    Input(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
}

impl Error {
    pub fn input(message: impl Into<String>) -> Self {
        Error::Input(message.into())
    }

    pub fn io(context: impl Into<String>, source: io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// 2: the user's to fix; 3: the file system or another nunki.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Io { .. }
            | Error::Store(
                StoreError::Io { .. }
                | StoreError::ReadOnly { .. }
                | StoreError::Lock { .. }
                | StoreError::File(ReadError::Io { .. }),
            ) => ExitCode::from(3),
            Error::Knowledge(_)
            | Error::Source(_)
            | Error::Store(_)
            | Error::Template(_)
            | Error::Keymap(_)
            | Error::Located(_)
            | Error::Input(_) => ExitCode::from(2),
        }
    }
}

impl From<SourceError> for Error {
    fn from(e: SourceError) -> Error {
        match e {
            SourceError::Invalid(d) => Error::Knowledge(d),
            other => Error::Source(other),
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Error {
        Error::Located(Box::new(d))
    }
}

fn store_message(e: &StoreError) -> String {
    match e {
        StoreError::ReadOnly { .. } => format!("{e}: close it there and try again"),
        StoreError::Lock { path, source } => format!(
            "cannot lock {} to change it (nothing was changed): {source}",
            path.display()
        ),
        other => other.to_string(),
    }
}

fn template_message(e: &TemplateError) -> String {
    match e {
        TemplateError::Source(s) => s.to_string(),
        TemplateError::Invalid(d) => d.bare().to_string(),
        TemplateError::Unknown { .. } => e.to_string(),
    }
}

fn keymap_message(problems: &[Diagnostic]) -> String {
    // The printer says "error: " once; each further diagnostic says it too.
    let text: Vec<String> = problems.iter().map(|d| d.bare().to_string()).collect();
    format!(
        "{}\n(nunki did not start: fix the key bindings, or move the file away to use the defaults)",
        text.join("\nerror: ")
    )
}

/// The one printer of errors: a located knowledge problem says "error:"
/// on each diagnostic itself; everything else gets it here. Whatever an
/// error quotes from data (a customer name, a line of a file, an answer)
/// reaches the terminal with its control characters escaped.
pub fn report(error: &Error) {
    eprintln!("{}", Printed(error));
}

/// How [`report`] shows an error, for tests and the screen.
pub struct Printed<'a>(pub &'a Error);

impl fmt::Display for Printed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Error::Knowledge(d) => write!(f, "{}", printable_text(&d.to_string())),
            other => write!(f, "error: {}", printable_text(&other.to_string())),
        }
    }
}
