//! The command-line grammar. Every subcommand's help ends with an example.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

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
    #[command(
        after_help = "Exit codes: 0 in scope, 1 something is out of scope, 2 invalid input.\n\n\
Example:\n  nunki check --answers answers.ron --format json"
    )]
    Check(CheckArgs),
    /// Inspect and test the knowledge: validate, test, list, questions, search.
    #[command(
        subcommand,
        after_help = "Examples:\n  nunki catalog validate --catalog ./my-catalog\n  nunki catalog test\n  nunki catalog search redis"
    )]
    Catalog(CatalogCommand),
    /// Start a new scoping session and print the path of its file.
    #[command(
        after_help = "Templates: web_shop_appuio_cloud, regulated_finance_openshift, \
saas_managed_kubernetes (or a unique prefix; your own in <config>/templates/*.ron).\n\n\
Example:\n  nunki new --customer \"Acme AG\" --contact \"anna@acme.ch\" --template web_shop"
    )]
    New(NewArgs),
    /// List the saved sessions: customer, last change, status, worst flag.
    #[command(after_help = "Example:\n  nunki sessions --format json")]
    Sessions(SessionsArgs),
    /// Answer questions of a saved session, or change its status or notes.
    #[command(
        after_help = "QUESTION= clears an answer. Values are typed as in the screen: \
yes/no, numbers, option ids, lists with commas.\n\
Exit codes: 0 saved, 2 invalid input (nothing changed), 3 the session is open elsewhere.\n\n\
Example:\n  nunki set acme compliance=gdpr,finma gpu=no environments=3 --status proposed \\\n      --note \"gpu=Asked twice: no GPUs\""
    )]
    Set(SetArgs),
    /// Record a decision on a flag: approved (or --decline), by whom, on
    /// which conditions, for the answers that raised it.
    #[command(
        after_help = "RULE is the rule id of a flag the session raises (see `nunki check --session S`).
A decision holds for the answers that raised the flag: when they change it is stale.
Exit codes: 0 recorded, 2 no such flag or bad input, 3 the session is open elsewhere.

Examples:
  nunki approve acme coverage_24x7 --by \"Olivia Ops\" --conditions \"only with the 24/7 OnCall plan\"
  nunki approve acme budget_below_estimate --by \"Sam Sales\" --decline"
    )]
    Approve(ApproveArgs),
    /// Export the scoped proposal: Markdown, HTML, AsciiDoc, JSON or CSV.
    #[command(after_help = super::export_cmd::AFTER_HELP)]
    Export(super::export_cmd::ExportArgs),
    /// Named alternatives within a session (at most four): add, remove, list.
    #[command(
        subcommand,
        after_help = "Example:\n  nunki option add acme \"B — Managed OpenShift\" tenancy=dedicated availability_target=99.9"
    )]
    Option(OptionCommand),
    /// Show a session's options side by side: items, totals, service levels, flags.
    #[command(
        after_help = "Differences are marked with ◆.\n\nExample:\n  nunki option add acme \"A — APPUiO Cloud\" tenancy=shared\n  nunki option add acme \"B — Managed OpenShift\" tenancy=dedicated availability_target=99.9\n  nunki compare acme"
    )]
    Compare(CompareArgs),
    /// Demand across all saved sessions: boundaries hit, requests out of scope, offerings proposed.
    #[command(
        after_help = "Unreadable session files are reported and skipped, never touched.\n\nExample:\n  nunki insights --since 2026-01-01 --format csv > demand.csv"
    )]
    Insights(InsightsArgs),
    /// Share the data directory with a team through git: init, clone.
    #[command(
        subcommand,
        after_help = "Examples:\n  nunki team clone git@git.example.com:presales/nunki-team.git\n  nunki team init --remote git@git.example.com:presales/nunki-team.git"
    )]
    Team(TeamCommand),
    /// Share with the team: commit local changes, fetch, merge sessions by
    /// answer, push.
    #[command(
        after_help = "A session changed on both sides keeps, per answer, the value saved last and records the other as a conflict in the session file.\n\
Exit codes: 0 synced (conflicts are named), 2 no git or not a team folder, 3 the remote cannot be reached (nothing local is lost) or a session is open.\n\n\
Example:\n  nunki sync"
    )]
    Sync,
    /// The won sessions most like this one: score and what differs.
    #[command(
        after_help = "The score is the mean of how alike the answers and the offerings in scope are (0–100%).\n\n\
Example:\n  nunki similar acme --limit 3"
    )]
    Similar(SimilarArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  nunki completions bash > ~/.local/share/bash-completion/completions/nunki\n  nunki completions zsh > ~/.zfunc/_nunki\n  nunki completions fish > ~/.config/fish/completions/nunki.fish"
    )]
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// A path, or a unique prefix of a session id or customer slug.
    pub session: String,
    /// How many sessions to list.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Turn the data directory into a team folder (a git repository) and
    /// commit its sessions.
    #[command(
        after_help = "Example:\n  nunki team init --remote git@git.example.com:presales/nunki-team.git"
    )]
    Init {
        /// The team's shared repository, kept as the remote `origin`.
        #[arg(long, value_name = "URL")]
        remote: Option<String>,
    },
    /// Set up the data directory (or --data-dir) as a clone of the team's
    /// repository, also an empty one (the first member).
    #[command(
        after_help = "Example:\n  nunki team clone git@git.example.com:presales/nunki-team.git"
    )]
    Clone {
        /// The team's shared repository (any URL or path git accepts).
        url: String,
    },
    /// Where the team folder stands: commits to send and to receive,
    /// changes not yet synced, conflicts. Does not reach the remote.
    #[command(after_help = "Example:\n  nunki team status")]
    Status,
    /// Who scoped what: sessions by the git author who first shared them,
    /// with how they ended.
    #[command(after_help = "Example:\n  nunki team who")]
    Who,
    /// List the conflicts recorded in the sessions by merges.
    #[command(after_help = "Example:\n  nunki team conflicts")]
    Conflicts,
    /// Resolve a session's conflicts on KEY (a question id, option name,
    /// rule, offering, or status/customer/template), or all of them: keep
    /// the merged value, or --take-other.
    #[command(
        after_help = "Exit codes: 0 resolved, 2 no such conflict, 3 the session is open elsewhere.\n\n\
Examples:\n  nunki team resolve acme environments --take-other\n  nunki team resolve acme"
    )]
    Resolve {
        /// A path, or a unique prefix of a session id or customer slug.
        session: String,
        /// The conflict's question id, option name, rule or offering (or
        /// status, customer, template); all conflicts when left out.
        key: Option<String>,
        /// Take the value that was not kept instead of the merged one.
        #[arg(long)]
        take_other: bool,
    },
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Subcommand)]
pub enum OptionCommand {
    /// Add an option: the session's answers plus the QUESTION=VALUE given here.
    #[command(
        after_help = "Example:\n  nunki option add acme \"B — Managed OpenShift\" tenancy=dedicated cluster_distribution=openshift"
    )]
    Add {
        /// A path, or a unique prefix of a session id or customer slug.
        session: String,
        /// The option's name, e.g. "A — APPUiO Cloud".
        name: String,
        /// Answers that differ from the session's: QUESTION=VALUE.
        #[arg(value_name = "QUESTION=VALUE")]
        answers: Vec<String>,
    },
    /// Remove an option by name.
    #[command(after_help = "Example:\n  nunki option remove acme \"B — Managed OpenShift\"")]
    Remove { session: String, name: String },
    /// List a session's options and the answers each changes.
    #[command(after_help = "Example:\n  nunki option list acme")]
    List { session: String },
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// A path, or a unique prefix of a session id or customer slug.
    pub session: String,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InsightsFormat {
    #[default]
    Text,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct InsightsArgs {
    /// Only sessions changed on or after this day (YYYY-MM-DD, UTC).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[arg(long, value_enum, default_value_t = InsightsFormat::Text)]
    pub format: InsightsFormat,
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
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "session",
        required_unless_present = "session"
    )]
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
    #[command(
        after_help = "Exits 2 when any problem is found.\n\nExample:\n  nunki catalog validate --catalog ./my-catalog"
    )]
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
    /// Fuzzy-search the questions, offerings and rules (or a list of names), best first.
    #[command(after_help = SEARCH_AFTER_HELP)]
    Search(SearchArgs),
}

pub const SEARCH_AFTER_HELP: &str = "\
Words separated by spaces must all match, in any order; an upper-case letter \
makes its word case-sensitive. As in fzf: 'word matches exactly, ^word at the \
start, word$ at the end, !word excludes.\n\n\
Examples:\n  nunki catalog search postgres\n  nunki catalog search \"redis premium\" --limit 5\n  \
nunki catalog search kafka --names partner-skus.txt";

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for (several words are one query).
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Show at most N matches, best first; 0 shows all.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Search the names in FILE (one per line) instead of the knowledge,
    /// and print the matching names alone, as `fzf --filter` does.
    #[arg(long, value_name = "FILE")]
    pub names: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The customer's name, as it should appear on the proposal.
    #[arg(long, value_name = "NAME")]
    pub customer: String,
    /// Who to talk to at the customer.
    #[arg(long, value_name = "CONTACT")]
    pub contact: Option<String>,
    /// Start from a template's answers (its id or a unique prefix).
    #[arg(long, value_name = "TEMPLATE")]
    pub template: Option<String>,
    /// Answers file (RON or JSON) applied on top of the template.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// The language of the customer's proposal and of the interview's
    /// questions: en or de (change it later with `nunki set S --lang`).
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
}

#[derive(Debug, Args)]
pub struct SessionsArgs {
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// A path, or a unique prefix of a session id or customer slug.
    #[arg(value_name = "SESSION")]
    pub session: String,
    /// Answers: QUESTION=VALUE (QUESTION= clears the answer).
    #[arg(value_name = "QUESTION=VALUE")]
    pub answers: Vec<String>,
    /// New status: draft, proposed, won or lost.
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// A note on a question: QUESTION=TEXT (QUESTION= removes it). Repeatable.
    #[arg(long = "note", value_name = "QUESTION=TEXT")]
    pub notes: Vec<String>,
    /// Set --status proposed or won although approvals are missing; the
    /// reason is recorded and shown in the internal proposal.
    #[arg(long, value_name = "REASON", requires = "status")]
    pub force: Option<String>,
    /// The language of the customer's proposal and of the interview: en or de.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, clap::Args)]
pub struct ApproveArgs {
    /// A path, or a unique prefix of a session id or customer slug.
    #[arg(value_name = "SESSION")]
    pub session: String,
    /// The rule id of the flag decided on.
    #[arg(value_name = "RULE")]
    pub rule: String,
    /// Who decided (one decision per flag, even where it names several
    /// approvers).
    #[arg(long, value_name = "NAME")]
    pub by: String,
    /// The conditions of the decision ("only with the 24/7 OnCall plan").
    #[arg(long, value_name = "TEXT")]
    pub conditions: Option<String>,
    /// Record that the flag was declined.
    #[arg(long)]
    pub decline: bool,
    /// The conditions concern the customer: list them in the customer's
    /// proposal (without who decided). Otherwise they stay internal.
    #[arg(long, requires = "conditions")]
    pub for_customer: bool,
}

impl ValueEnum for Lang {
    fn value_variants<'a>() -> &'a [Self] {
        &Lang::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let v = PossibleValue::new(self.id()).help(self.name().into_owned());
        Some(match self {
            Lang::En => v.alias("english"),
            Lang::De => v.alias("german").alias("deutsch"),
        })
    }
}
