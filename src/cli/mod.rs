//! The command line: clap definitions and exit codes (the error type and
//! its printer are `crate::error`).
//! Each subcommand lives in its own module and only shows what the engine
//! decided.
//!
//! Exit codes: 0 done (and nothing out of scope); 1 the scope has an
//! `out_of_scope` flag; 2 invalid input or knowledge, with one message on
//! stderr; 3 the file system failed (cannot write, locked session).

pub mod approve_cmd;
pub mod args;
pub mod catalog;
pub mod check;
pub mod export_cmd;
pub mod input;
pub mod insights_cmd;
pub mod options_cmds;
pub mod session_cmds;
pub mod similar_cmd;
pub mod team_cmd;

use std::io;
use std::process::ExitCode;

pub use crate::printable::{printable, printable_text};
pub use args::{Cli, Command};

use crate::sources::Places;

pub use crate::error::{Error, report};

/// What a command ends in: how the process exits, or why it failed.
pub type Ran = Result<Outcome, Error>;

/// What a successful command wants the process to exit with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    OutOfScope,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        match o {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::OutOfScope => ExitCode::from(1),
        }
    }
}

/// A notice on stderr ("note: …"), escaped like every message.
pub fn note(text: &str) {
    eprintln!("note: {}", printable_text(text));
}

pub fn places(cli: &Cli) -> Places {
    Places::from_env(cli.data_dir.clone())
}

/// Runs a headless subcommand.
pub fn run(cli: &Cli, command: &Command) -> Ran {
    let places = places(cli);
    let catalog = cli.catalog.as_deref();
    match command {
        Command::Check(a) => check::run(&places, catalog, a),
        Command::Catalog(a) => catalog::run(&places, catalog, a),
        Command::New(a) => session_cmds::new(&places, catalog, a),
        Command::Sessions(a) => session_cmds::list(&places, catalog, a),
        Command::Set(a) => session_cmds::set(&places, catalog, a),
        Command::Approve(a) => approve_cmd::run(&places, catalog, a),
        Command::Export(a) => export_cmd::run(&places, catalog, a),
        Command::Option(c) => options_cmds::option(&places, catalog, c),
        Command::Compare(a) => options_cmds::compare_cmd(&places, catalog, a),
        Command::Insights(a) => insights_cmd::run(&places, catalog, a),
        Command::Team(c) => team_cmd::team(&places, catalog, c),
        Command::Sync => team_cmd::sync(&places),
        Command::Similar(a) => similar_cmd::run(&places, catalog, a),
        Command::Completions(a) => completions(a.shell),
    }
}

/// `nunki completions SHELL`: the completion script, from the grammar
/// (our own text, written as it is).
fn completions(shell: clap_complete::Shell) -> Ran {
    use clap::CommandFactory;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "nunki", &mut script);
    print_document(&String::from_utf8_lossy(&script))?;
    Ok(Outcome::Done)
}

/// Writes a report to stdout, treating a closed pipe (`nunki … | head`)
/// as done; control characters from data are escaped (`printable_text`).
pub fn print(text: &str) -> Result<(), Error> {
    print_document(&printable_text(text))
}

/// Writes a document (an export, which neutralises its own text) to
/// stdout as it is.
pub fn print_document(text: &str) -> Result<(), Error> {
    print_bytes(text.as_bytes())
}

/// Writes an export's bytes (text, or a PDF) to stdout as they are.
pub fn print_bytes(bytes: &[u8]) -> Result<(), Error> {
    use io::Write;
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Error::io("cannot write to stdout", e)),
    }
}
