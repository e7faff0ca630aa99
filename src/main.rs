//! The `nunki` binary: parse the arguments, run a headless command or the
//! interactive screen, and turn the result into an exit code.

use std::process::ExitCode;

use clap::Parser;
use nunki::cli::{self, Cli};
use nunki::tui;

fn main() -> ExitCode {
    let args = Cli::parse();
    let result = match &args.command {
        Some(command) => cli::run(&args, command).map(ExitCode::from),
        None => tui::main(&tui::Start {
            places: cli::places(&args),
            catalog: args.catalog.clone(),
            session: args.session.clone(),
            high_contrast: args.high_contrast,
        })
        .map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        cli::report(&e);
        e.exit_code()
    })
}
