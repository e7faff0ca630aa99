//! The command-line grammar. Every subcommand's help ends with an example.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "nunki",
    version,
    about = "Pre-sales solution scoping: answers in, a scoped proposal out, every boundary flagged.",
    long_about = "Pre-sales solution scoping for VSHN's portfolio. Without a subcommand nunki opens \
the interactive scoping screen; with SESSION it opens that session directly.",
    after_help = "Examples:\n  nunki                          open the home screen\n  nunki acme                     open the session whose id or customer starts with \"acme\"\n  nunki check --answers a.ron    scope a set of answers headlessly"
)]
pub struct Cli {
    /// Knowledge directory whose catalog.ron, questionnaire.ron, rules.ron and
    /// tech_radar.ron replace the shipped ones, file by file.
    #[arg(long, global = true, value_name = "DIR")]
    pub catalog: Option<PathBuf>,

    /// Where sessions are kept (default: the platform's data directory,
    /// or $NUNKI_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// A session to open in the interactive screen: a path, or a unique
    /// prefix of a session id or customer slug.
    #[arg(value_name = "SESSION")]
    pub session: Option<String>,

    /// Colours for a projector: high contrast, no subtle greys.
    #[arg(long)]
    pub high_contrast: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scope a set of answers and print items, flags, totals and open questions.
    #[command(after_help = "Exit codes: 0 in scope, 1 something is out of scope, 2 invalid input.\n\n\
Example:\n  nunki check --answers answers.ron --format json")]
    Check(CheckArgs),
    /// Inspect and test the knowledge: validate, test, list, questions.
    #[command(subcommand)]
    Catalog(CatalogCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TextOrJson {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Answers file: a map from question id to value, RON or JSON (by extension).
    #[arg(long, value_name = "FILE", conflicts_with = "session", required_unless_present = "session")]
    pub answers: Option<PathBuf>,
    /// A saved session: a path or a unique prefix of its id or customer slug.
    #[arg(long, value_name = "SESSION")]
    pub session: Option<String>,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Check the knowledge files and print every problem with file, line and column.
    #[command(after_help = "Exits 2 when any problem is found.\n\nExample:\n  nunki catalog validate --catalog ./my-catalog")]
    Validate,
    /// Run the scenario tests (DIR/scenarios/*.ron, or the shipped ones).
    #[command(after_help = "Example:\n  nunki catalog test --catalog ./my-catalog")]
    Test,
    /// List the offerings with their plans and indicative prices.
    #[command(after_help = "Example:\n  nunki catalog list")]
    List,
    /// List the questions with their ids, kinds and options.
    #[command(after_help = "Example:\n  nunki catalog questions")]
    Questions,
}
