//! Exports: the scoped proposal as Markdown, HTML, AsciiDoc, JSON, CSV and
//! PDF.
//!
//! One view-model, [`Proposal`], is built once from the session (or loose
//! answers), the engine's [`Scope`](crate::engine::Scope) and the knowledge.
//! It already holds the texts chosen for its [`Audience`], so every format
//! shows the same thing. Each format is a pure function
//! `render(&Proposal) -> String` in its own module (PDF's gives bytes); none
//! of them computes a price, a flag or a date. [`render_bytes`] gives any
//! format as the bytes of its file.
//!
//! ```no_run
//! # use nunki::export::{self, Audience, Format, Proposal};
//! # fn show(session: &nunki::session::Session, k: &nunki::knowledge::Knowledge) {
//! let scope = session.evaluate(k).scope;
//! let proposal = Proposal::from_session(session, &scope, k, Audience::Customer);
//! let markdown = export::render(Format::Markdown, &proposal);
//! let name = export::suggested_file_name(session, Format::Markdown, Audience::Customer);
//! # }
//! ```
//!
//! Escaping is each format's job and happens at the last moment: the
//! view-model holds plain text (with control and bidi-override characters
//! already removed), the renderers make it safe for their syntax.

mod asciidoc;
mod csv;
pub mod document;
mod html;
mod json;
mod markdown;
mod openslo;
mod pdf;
mod proposal;
pub mod tickets;

use std::path::Path;

use serde::Serialize;

use crate::engine::Money;
use crate::session::Session;

/// One CSV text field, quoted and defused against spreadsheet formulas.
pub use csv::field as csv_field;
pub use proposal::{
    Bill, BillRow, BillTotal, Boundary, ComparisonRow, ComparisonView, CustomerInfo, Internal,
    InternalFlag, NeedAnswer, NeedSection, Note, Notice, OpenQuestion, Proposal, ResponsibilityRow,
    ServiceLevelRow, SimilarSetup, SolutionGroup, SolutionItem, Subject, TraceAnswer,
    TraceExcluded, TraceItem, TracePrice, TraceReason, session_date,
};

/// The version of the export JSON (see `assets/scope.schema.json`).
pub const JSON_VERSION: u32 = 1;

/// The JSON Schema of the JSON export (draft 2020-12).
pub const JSON_SCHEMA: &str = include_str!("../../assets/scope.schema.json");

/// The print stylesheet inlined into every HTML export.
pub const CSS: &str = include_str!("../../assets/proposal.css");

/// The formats a proposal can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Asciidoc,
    Json,
    Csv,
    /// The agreed service levels for operations' SLO monitoring.
    OpenSlo,
    /// A4, typeset, with the fonts embedded: binary, not text.
    Pdf,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Markdown,
        Format::Html,
        Format::Asciidoc,
        Format::Json,
        Format::Csv,
        Format::OpenSlo,
        Format::Pdf,
    ];

    /// The formats whose file is text: all but PDF, the last.
    pub const TEXT: [Format; 6] = {
        let [text @ .., _pdf] = Format::ALL;
        text
    };

    /// True for a format whose file is text (every one but PDF).
    pub fn is_text(self) -> bool {
        self != Format::Pdf
    }

    /// The name on the command line (`--format md`), also the file extension.
    pub fn id(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Asciidoc => "adoc",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::OpenSlo => "openslo",
            Format::Pdf => "pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::OpenSlo => "yaml",
            other => other.id(),
        }
    }

    /// The name for people, in menus and messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML (one file, prints on A4)",
            Format::Asciidoc => "AsciiDoc",
            Format::Json => "JSON",
            Format::Csv => "CSV (bill of materials)",
            Format::OpenSlo => "OpenSLO (YAML, for operations)",
            Format::Pdf => "PDF (A4, typeset)",
        }
    }

    /// Accepts the id and the usual long names, ignoring case.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "adoc" | "asciidoc" | "asc" => Some(Format::Asciidoc),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "openslo" | "yaml" | "yml" => Some(Format::OpenSlo),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse)
    }
}

/// Who reads the proposal. The customer sees no approver, rule id or note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    #[default]
    Customer,
    Internal,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Customer, Audience::Internal];

    pub fn id(self) -> &'static str {
        match self {
            Audience::Customer => "customer",
            Audience::Internal => "internal",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        Audience::ALL
            .into_iter()
            .find(|a| a.id().eq_ignore_ascii_case(s.trim()))
    }
}

/// The proposal in one format as text. Pure: the same proposal gives the
/// same text. PDF is no text: for it this gives the text of its pages as a
/// PDF reader extracts it, a line each; [`render_bytes`] gives the file.
pub fn render(format: Format, proposal: &Proposal) -> String {
    match format {
        Format::Pdf => pdf::text(proposal),
        Format::Markdown => markdown::render(proposal),
        Format::Html => html::render(proposal),
        Format::Asciidoc => asciidoc::render(proposal),
        Format::Json => json::render(proposal),
        Format::Csv => csv::render(proposal),
        Format::OpenSlo => openslo::render(proposal),
    }
}

/// The proposal in one format as the bytes of its file: UTF-8 text, or a
/// PDF. Pure: the same proposal gives the same bytes.
pub fn render_bytes(format: Format, proposal: &Proposal) -> Vec<u8> {
    match format {
        Format::Pdf => pdf::render(proposal),
        text => render(text, proposal).into_bytes(),
    }
}

/// A file name for an export of this session:
/// `proposal-<customer>-<date>[-internal].<ext>`, ASCII only, no path.
pub fn suggested_file_name(session: &Session, format: Format, audience: Audience) -> String {
    let date = session_date(session).to_string();
    file_name(&session.customer.name, Some(&date), format, audience)
}

/// The same for exports without a session (`--answers`).
pub fn file_name(customer: &str, date: Option<&str>, format: Format, audience: Audience) -> String {
    let mut name = format!("proposal-{}", slug(customer));
    if let Some(d) = date {
        name.push('-');
        name.push_str(&slug(d));
    }
    if audience == Audience::Internal {
        name.push_str("-internal");
    }
    name.push('.');
    name.push_str(format.extension());
    name
}

/// Lowercase ASCII letters and digits joined by dashes, as in session
/// file names; never empty.
fn slug(s: &str) -> String {
    let mut out = crate::session::names::slug_part(s);
    out.truncate(40);
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "customer".to_string()
    } else {
        out.to_string()
    }
}

/// Words every format shares, so they cannot drift apart. The
/// customer's are Fluent messages (`assets/i18n/*/proposal.ftl`); what only
/// the internal proposal says stays English.
pub(crate) mod words {
    use crate::i18n::{Lang, message};
    use crate::knowledge::{Group, PriceBasis, SupportHours};

    /// Why an item has no amount ("price on request"), or that it is
    /// included.
    pub fn basis(lang: Lang, basis: PriceBasis) -> String {
        match basis {
            PriceBasis::Priced => String::new(),
            // A price column says more than the bare "on request" the
            // totals' phrase lists.
            PriceBasis::OnRequest => message(lang, "price-on-request", &[]),
            _ => named(lang, "basis", basis),
        }
    }

    /// A part of the proposal: "Platform", "Data services" …
    pub fn group(lang: Lang, group: Group) -> String {
        named(lang, "group", group)
    }

    /// Support hours in words: "office hours", "24/7" …
    pub fn hours(lang: Lang, hours: SupportHours) -> String {
        named(lang, "hours", hours)
    }

    /// The message `kind-name` for a knowledge value, its name as the
    /// knowledge files spell it with `-` for `_` (`data_services`:
    /// `group-data-services`), so a new value needs only its messages.
    fn named(lang: Lang, kind: &str, value: impl serde::Serialize) -> String {
        let name = serde_json::to_value(value).unwrap_or_default();
        let name = name.as_str().unwrap_or_default().replace('_', "-");
        message(lang, &format!("{kind}-{name}"), &[])
    }

    pub const INTERNAL: &str = "Internal";
    pub const INTERNAL_BANNER: &str =
        "Internal: approvers, rules and notes. Do not send this version to the customer.";
    pub const DASH: &str = "–";
    pub const MISSING: &str = "—";
}

/// An amount for a document: whole units when whole, cents otherwise, so
/// the rows of a bill add up to its total (the one formatter,
/// `crate::i18n::format`).
pub(crate) fn amount(m: Money) -> String {
    m.amount()
}

/// A bill cell: "price on request" when there is no price, a dash for a
/// zero next to a non-zero.
pub(crate) fn amount_cell(
    lang: crate::i18n::Lang,
    value: Option<Money>,
    other: Option<Money>,
) -> String {
    match value {
        None => crate::tr!(lang, "price-on-request"),
        Some(m) if m.0 == 0 && other.is_some_and(|o| o.0 != 0) => words::DASH.to_string(),
        Some(m) => amount(m),
    }
}

/// An amount for a machine: "2500.00", no separators.
pub(crate) fn plain_amount(m: Money) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let abs = m.0.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

pub(crate) use crate::engine::answers::format_number as number;

/// Joins the lines of a responsibility for one table cell: sentences with
/// a space, fragments with "; ".
pub(crate) fn join_lines(lines: &[String]) -> String {
    if lines.iter().all(|l| l.ends_with(['.', '!', '?'])) {
        lines.join(" ")
    } else {
        lines.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_ids_names_and_extensions() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.id()), Some(f));
        }
        assert_eq!(Format::parse("Markdown"), Some(Format::Markdown));
        assert_eq!(Format::parse("PDF"), Some(Format::Pdf));
        assert_eq!(Format::parse("ps"), None);
        assert_eq!(
            Format::from_path(Path::new("out/acme.pdf")),
            Some(Format::Pdf)
        );
        assert!(Format::TEXT.iter().all(|f| f.is_text()));
        assert_eq!(Format::TEXT.len() + 1, Format::ALL.len());
        assert_eq!(
            Format::from_path(Path::new("out/Proposal.ADOC")),
            Some(Format::Asciidoc)
        );
        assert_eq!(Format::from_path(Path::new("proposal")), None);
    }

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(
            file_name(
                "Müller & Söhne AG",
                Some("2026-03-14"),
                Format::Html,
                Audience::Customer
            ),
            "proposal-mueller-soehne-ag-2026-03-14.html"
        );
        assert_eq!(
            file_name("../../etc", None, Format::Csv, Audience::Internal),
            "proposal-etc-internal.csv"
        );
        assert_eq!(
            file_name("株式会社", None, Format::Json, Audience::Customer),
            "proposal-customer.json"
        );
    }

    #[test]
    fn amounts_keep_cents_only_when_there_are_some() {
        assert_eq!(amount(Money::from_units(2500.0)), "2'500");
        assert_eq!(amount(Money::from_units(13.5)), "13.50");
        assert_eq!(plain_amount(Money::from_units(12500.0)), "12500.00");
        assert_eq!(plain_amount(Money::from_units(-0.5)), "-0.50");
        let en = crate::i18n::Lang::En;
        assert_eq!(amount_cell(en, None, None), "price on request");
        assert_eq!(
            amount_cell(crate::i18n::Lang::De, None, None),
            "Preis auf Anfrage"
        );
        assert_eq!(
            amount_cell(en, Some(Money::ZERO), Some(Money::from_units(1.0))),
            "–"
        );
        assert_eq!(amount_cell(en, Some(Money::ZERO), Some(Money::ZERO)), "0");
    }

    #[test]
    fn every_basis_group_and_support_hours_has_its_words() {
        use crate::knowledge::{Group, PriceBasis, SupportHours};
        let bases = [
            PriceBasis::Included,
            PriceBasis::OnRequest,
            PriceBasis::ByProvider,
            PriceBasis::CustomersOwn,
        ];
        let hours = [
            SupportHours::OfficeHours,
            SupportHours::Extended,
            SupportHours::TwentyFourSeven,
        ];
        for lang in crate::i18n::Lang::ALL {
            let mut said: Vec<String> = bases.iter().map(|b| words::basis(lang, *b)).collect();
            said.extend(Group::ALL.iter().map(|g| words::group(lang, *g)));
            said.extend(hours.iter().map(|h| words::hours(lang, *h)));
            // A missing message reads as its id.
            let ids = ["basis-", "group-", "hours-"];
            for s in said {
                assert!(!ids.iter().any(|id| s.starts_with(id)), "{lang}: {s}");
            }
        }
        assert_eq!(words::basis(crate::i18n::Lang::En, PriceBasis::Priced), "");
    }
}
