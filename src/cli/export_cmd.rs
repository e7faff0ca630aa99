//! `nunki export`: the scoped proposal of a session or an answers file, in
//! one of the export formats, to stdout or atomically to a file.
//!
//! Exit codes: 0 written (whatever the scope holds: the proposal shows its
//! boundaries); 2 bad input (a session, an answers file, an argument); 3
//! the file could not be written, and then an existing file is untouched.

use std::io::{self, IsTerminal as _};
use std::path::{Path, PathBuf};

use clap::builder::PossibleValue;
use clap::{Args, ValueEnum};

use super::{Error, Outcome, Ran, input, print_bytes};
use crate::engine::{Overrides, evaluate};
use crate::export::{self, Audience, Format, Proposal, Subject};
use crate::session::store::Store;
use crate::sources::{Places, load_knowledge};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["session", "answers"])))]
pub struct ExportArgs {
    /// A saved session: a path or a unique prefix of its id or customer slug.
    /// Its date is the day of its last change.
    #[arg(long, value_name = "SESSION")]
    pub session: Option<String>,
    /// Answers file instead of a session: a map from question id to value,
    /// RON or JSON (by extension).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Output format; without it, taken from the extension of -o, else md.
    /// jira-csv, gitlab-csv and approvals-md list the approvals a session
    /// still waits for.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ExportFormat>,
    /// Who reads it: the customer (default) or the team (adds approvers,
    /// rules, the trace of every item and the notes).
    #[arg(long, value_enum, default_value_t = Audience::Customer)]
    pub audience: Audience,
    /// Write to FILE (atomically) instead of stdout; `-` is stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The customer's name (default: the session's, or "(unnamed)").
    #[arg(long, value_name = "NAME")]
    pub customer: Option<String>,
    /// The proposal's date, YYYY-MM-DD (default: the session's last change;
    /// with --answers and no --date the proposal is undated).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Present this option of the session (see `nunki option`) instead of
    /// the session's own answers.
    #[arg(long, value_name = "NAME", requires = "session")]
    pub option: Option<String>,
    /// Add the session's options side by side.
    #[arg(long, requires = "session")]
    pub compare: bool,
    /// The language of the customer's proposal, en or de (default: the
    /// session's, English for --answers). The internal proposal, JSON keys
    /// and the ticket formats stay English.
    #[arg(long, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
}

/// The `after_help` of `nunki export`.
pub const AFTER_HELP: &str = "Formats: md (Markdown), html (one file, prints on A4), pdf (A4, \
typeset, fonts embedded; to a file or a pipe, not to a terminal), adoc (AsciiDoc), json (see assets/scope.schema.json), csv (the bill of materials), openslo (the agreed service levels \
as OpenSLO YAML for operations).\n\
Exit codes: 0 written, 2 invalid input, 3 cannot write (an existing file is left as it was).\n\n\
Examples:\n  nunki export --session acme --format html -o acme.html\n  \
nunki export --session acme --format pdf -o acme.pdf\n  \
nunki export --session acme --audience internal -o acme-internal.md\n  \
nunki export --session acme --option \"B — Managed OpenShift\" --compare -o acme.html\n  \
nunki export --session acme --format openslo -o acme-slos.yaml\n  \
nunki export --answers answers.ron --customer \"Acme AG\" --date 2026-03-14 --format csv";

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.trim()
        .parse::<jiff::civil::Date>()
        .map_err(|e| format!("expected a date as YYYY-MM-DD ({e})"))
}

impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let v = PossibleValue::new(self.id()).help(self.label());
        Some(match self {
            Format::Markdown => v.alias("markdown"),
            Format::Asciidoc => v.alias("asciidoc"),
            Format::OpenSlo => v.alias("yaml"),
            Format::Html | Format::Json | Format::Csv | Format::Pdf => v,
        })
    }
}

/// What `--format` names: a proposal format, or a list of the approvals a
/// session waits for, for a tracker or a mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Proposal(Format),
    JiraCsv,
    GitlabCsv,
    ApprovalsMd,
}

impl ExportFormat {
    const ALL: [ExportFormat; 10] = [
        ExportFormat::Proposal(Format::Markdown),
        ExportFormat::Proposal(Format::Html),
        ExportFormat::Proposal(Format::Asciidoc),
        ExportFormat::Proposal(Format::Json),
        ExportFormat::Proposal(Format::Csv),
        ExportFormat::Proposal(Format::OpenSlo),
        ExportFormat::Proposal(Format::Pdf),
        ExportFormat::JiraCsv,
        ExportFormat::GitlabCsv,
        ExportFormat::ApprovalsMd,
    ];

    fn id(self) -> &'static str {
        match self {
            ExportFormat::Proposal(f) => f.id(),
            ExportFormat::JiraCsv => "jira-csv",
            ExportFormat::GitlabCsv => "gitlab-csv",
            ExportFormat::ApprovalsMd => "approvals-md",
        }
    }
}

impl ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &ExportFormat::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        match self {
            ExportFormat::Proposal(f) => f.to_possible_value(),
            ExportFormat::JiraCsv => Some(
                PossibleValue::new("jira-csv").help("approvals waiting, for Jira's CSV import"),
            ),
            ExportFormat::GitlabCsv => Some(
                PossibleValue::new("gitlab-csv").help("approvals waiting, for GitLab's CSV import"),
            ),
            ExportFormat::ApprovalsMd => Some(
                PossibleValue::new("approvals-md").help("approvals waiting, as a mail-ready list"),
            ),
        }
    }
}

impl ValueEnum for Audience {
    fn value_variants<'a>() -> &'a [Self] {
        &Audience::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.id()))
    }
}

pub fn run(places: &Places, catalog: Option<&Path>, args: &ExportArgs) -> Ran {
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let tickets = match args.format {
        Some(ExportFormat::Proposal(_)) | None => None,
        Some(t) => Some(t),
    };
    let format = match (args.format, output) {
        (Some(ExportFormat::Proposal(f)), _) => f,
        (Some(_), _) => Format::Markdown,
        (None, None) => Format::Markdown,
        // A pipe or device (`-o /dev/stdout`) has no extension to go by:
        // like stdout, it gets Markdown.
        (None, Some(path)) if path.extension().is_none() && crate::files::is_stream(path) => {
            Format::Markdown
        }
        (None, Some(path)) => Format::from_path(path).ok_or_else(|| {
            Error::input(format!(
                "cannot tell the format from {}: pass --format md, html, pdf, adoc, json or csv",
                path.display()
            ))
        })?,
    };
    if format == Format::Pdf && tickets.is_none() && output.is_none() && io::stdout().is_terminal()
    {
        return Err(Error::input(
            "a PDF is binary and would garble the terminal: give -o FILE.pdf or redirect stdout",
        ));
    }
    let knowledge = load_knowledge(places, catalog)?;
    let bytes = match (&args.session, &args.answers) {
        (Some(selector), _) => {
            let opened = Store::new(places).read(selector, &knowledge)?;
            for n in &opened.notices {
                super::note(n);
            }
            let session = &opened.session;
            if let Some(t) = tickets {
                let scope = session.evaluate(&knowledge).scope;
                let requests = crate::approvals::requests(session, &scope);
                let text = match t {
                    ExportFormat::JiraCsv => export::tickets::jira_csv(&requests),
                    ExportFormat::GitlabCsv => export::tickets::gitlab_csv(&requests),
                    _ => export::tickets::approvals_md(&session.customer.name, &requests),
                };
                return write_out(output, text.as_bytes(), t.id(), None);
            }
            // The customer's proposal speaks the session's language (or the
            // one asked for); the internal one stays English (README).
            let lang = match args.audience {
                Audience::Customer => args.lang.unwrap_or(session.lang),
                Audience::Internal => crate::i18n::Lang::En,
            };
            let knowledge = knowledge.in_language(lang);
            let chosen = match &args.option {
                Some(name) => Some(session.option_named(name).map_err(Error::input)?),
                None => None,
            };
            let option_answers = chosen.map(|o| session.option_answers(o));
            let scope = match chosen {
                Some(o) => session.evaluate_option(&knowledge, o).scope,
                None => session.evaluate(&knowledge).scope,
            };
            let mut subject = Subject::of_session(session);
            if let (Some(o), Some(answers)) = (chosen, &option_answers) {
                subject.option = Some(&o.name);
                subject.answers = answers;
            }
            if let Some(c) = &args.customer {
                subject.customer = c;
            }
            if let Some(d) = args.date {
                subject.date = Some(d);
            }
            // The internal proposal names similar setups we run; the
            // customer's never does, so only then are the sessions read.
            let similar = match args.audience {
                Audience::Internal => similar_setups(places, &knowledge, session, &scope)?,
                Audience::Customer => Vec::new(),
            };
            subject.similar = &similar;
            let mut proposal = Proposal::build(&subject, &scope, &knowledge, args.audience);
            if args.compare {
                if session.options.is_empty() {
                    return Err(Error::input(format!(
                        "--compare needs an option to set beside Base; {} has none (add one with `nunki option add`)",
                        session.customer.name
                    )));
                }
                let cmp = crate::compare::of_session(&knowledge, session);
                proposal.comparison = Some(export::ComparisonView::new(&cmp, args.audience, lang));
            }
            export::render_bytes(format, &proposal)
        }
        (None, Some(_)) if tickets.is_some() => {
            return Err(Error::input(
                "the approval formats list a saved session's decisions: give --session SESSION",
            ));
        }
        (None, Some(path)) => {
            let lang = match args.audience {
                Audience::Customer => args.lang.unwrap_or_default(),
                Audience::Internal => crate::i18n::Lang::En,
            };
            let knowledge = knowledge.in_language(lang);
            let raw = input::read_raw_answers(path)?;
            let answers = input::strict_answers(&knowledge, &path.display().to_string(), &raw)?;
            let scope = evaluate(&knowledge, &answers, &Overrides::default());
            let subject = Subject::of_answers(args.customer.as_deref(), args.date, &raw);
            export::render_bytes(
                format,
                &Proposal::build(&subject, &scope, &knowledge, args.audience),
            )
        }
        (None, None) => return Err(Error::input("give --session SESSION or --answers FILE")),
    };
    write_out(output, &bytes, format.id(), Some(args.audience))
}

/// The won sessions most like `session` (as `nunki similar` finds them).
fn similar_setups(
    places: &Places,
    knowledge: &crate::knowledge::Knowledge,
    session: &crate::session::Session,
    scope: &crate::engine::Scope,
) -> Result<Vec<crate::similar::Similar>, Error> {
    let listings = Store::new(places).list()?;
    Ok(crate::similar::similar_among(
        knowledge,
        (session, scope),
        listings.sessions.iter().map(|l| &l.session),
        crate::similar::SHOWN,
    ))
}

/// Prints `bytes`, or writes them atomically to `path` and says so.
fn write_out(output: Option<&Path>, bytes: &[u8], format: &str, audience: Option<Audience>) -> Ran {
    match output {
        None => print_bytes(bytes)?,
        Some(path) => {
            crate::files::write_output(path, bytes)
                .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
            let path_text = path.display().to_string();
            let shown = super::printable(&path_text);
            match audience {
                Some(a) => eprintln!("wrote {shown} ({format}, {} audience)", a.id()),
                None => eprintln!("wrote {shown} ({format})"),
            }
        }
    }
    Ok(Outcome::Done)
}
