//! The proposal as data: every section a document shows, with its texts
//! already chosen for the audience. Built once from the session, the
//! engine's `Scope` and the knowledge; the renderers only lay it out, and
//! the JSON export is this structure as it is.
//!
//! Nothing here prices anything: amounts, flags, open questions and the
//! trace are copied from the `Scope`. The only derived values are the
//! date (from the session's last change, never the clock) and the
//! validity date (that date plus `catalog.validity_days`).

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::{Audience, JSON_VERSION, words};
use crate::engine::answers::format_number;
use crate::engine::{Answer, AnswerRef, Because, Item, Money, Scope, check_answers};
use crate::knowledge::{Group, Knowledge, PriceBasis, Recurrence, Severity};
use crate::session::{Session, Status};

mod build;
pub(crate) use build::reach;
mod summary;

/// The customer name used when there is no session.
pub const UNNAMED: &str = "(unnamed)";

/// What the proposal is about, beside the scope: who, when, what they said.
#[derive(Debug, Clone)]
pub struct Subject<'a> {
    pub customer: &'a str,
    pub contact: Option<&'a str>,
    /// `None` prints "undated" and no validity date.
    pub date: Option<jiff::civil::Date>,
    pub session_id: Option<&'a str>,
    pub status: Option<Status>,
    /// The answers as given (invalid ones are listed for the internal
    /// audience and otherwise left out).
    pub answers: &'a BTreeMap<String, Answer>,
    /// Notes per question id; only the internal audience sees them.
    pub notes: &'a BTreeMap<String, String>,
    /// The session option this proposal presents, if one was chosen.
    pub option: Option<&'a str>,
    /// The pre-sales decisions on flags (internal; approved conditions
    /// meant for the customer appear under assumptions).
    pub decisions: &'a [crate::session::Decision],
    /// Status changes forced although approvals were missing.
    pub forced: &'a [crate::session::ForcedStatus],
    /// The won sessions most like this one (internal: "similar setups we
    /// run"); the shell finds them (`similar::similar`).
    pub similar: &'a [crate::similar::Similar],
    /// The sales engineer the customer talks to.
    pub engineer: Option<&'a crate::session::Engineer>,
}

static NO_NOTES: BTreeMap<String, String> = BTreeMap::new();

impl<'a> Subject<'a> {
    /// A saved session, dated by its last change.
    pub fn of_session(session: &'a Session) -> Subject<'a> {
        Subject {
            customer: &session.customer.name,
            contact: session.customer.contact.as_deref(),
            date: Some(session_date(session)),
            session_id: Some(&session.id),
            status: Some(session.status),
            answers: &session.answers,
            notes: &session.notes,
            option: None,
            decisions: &session.decisions,
            forced: &session.forced,
            similar: &[],
            engineer: session.engineer.as_ref(),
        }
    }

    /// Loose answers without a session: no notes, no id.
    pub fn of_answers(
        customer: Option<&'a str>,
        date: Option<jiff::civil::Date>,
        answers: &'a BTreeMap<String, Answer>,
    ) -> Subject<'a> {
        Subject {
            customer: customer.unwrap_or(UNNAMED),
            contact: None,
            date,
            session_id: None,
            status: None,
            answers,
            notes: &NO_NOTES,
            option: None,
            decisions: &[],
            forced: &[],
            similar: &[],
            engineer: None,
        }
    }
}

/// The date of a session's proposal: the day of its last change, in UTC so
/// the same file gives the same date on every machine.
pub fn session_date(session: &Session) -> jiff::civil::Date {
    jiff::tz::TimeZone::UTC.to_datetime(session.updated).date()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// The version of this structure (the JSON export's contract).
    pub version: u32,
    pub audience: Audience,
    pub title: String,
    pub customer: CustomerInfo,
    /// ISO date (YYYY-MM-DD), or `None` when undated.
    pub date: Option<String>,
    pub valid_until: Option<String>,
    pub validity_days: u32,
    pub currency: String,
    /// "CHF, excl. VAT", with "indicative, to be confirmed" where it applies.
    pub prices: String,
    /// What we propose and what it costs, first.
    pub summary: Summary,
    /// The steps to go-live, week by week after the order.
    pub plan: Plan,
    pub need: Vec<NeedSection>,
    pub solution: Vec<SolutionGroup>,
    pub bill: Bill,
    pub service_levels: Vec<ServiceLevelRow>,
    pub responsibilities: Vec<ResponsibilityRow>,
    pub assumptions: Vec<String>,
    pub out_of_scope: Vec<Boundary>,
    pub good_to_know: Vec<Notice>,
    pub open_questions: Vec<OpenQuestion>,
    pub next_steps: Vec<String>,
    /// The session option this proposal presents, if one was chosen.
    pub option: Option<String>,
    /// The session's options side by side, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<ComparisonView>,
    /// Only for the internal audience.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal: Option<Internal>,
    /// The objectives for the OpenSLO hand-over, whatever the audience;
    /// the JSON export lists them in `internal.slos`.
    #[serde(skip)]
    pub slos: Vec<crate::slo::Objective>,
    #[serde(skip)]
    pub knowledge_version: String,
    /// The language of its words (JSON keys stay English).
    #[serde(skip)]
    pub lang: crate::i18n::Lang,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerInfo {
    pub name: String,
    pub contact: Option<String>,
    /// The sales engineer at VSHN the customer calls.
    pub engineer: Option<crate::session::Engineer>,
}

/// The proposal in a few lines: what the customer wants, what we propose,
/// what it costs, at which service level, when it goes live, and what is
/// still open. Every line is taken from the scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// What the customer wants, in their words; empty when nothing says.
    pub goal: String,
    /// The proposed solution, a line per group of the offer.
    pub solution: Vec<String>,
    /// The totals in words, with what they leave out.
    pub totals: String,
    pub service_level: Option<String>,
    pub go_live: Option<String>,
    /// The open questions and boundaries still to settle.
    pub open: Vec<String>,
}

/// The plan to go-live: a row per step, and the go-live date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub steps: Vec<PlanRow>,
    /// "Go-live: week 12 after the order, about 24 February 2027".
    pub go_live: Option<String>,
    /// "Earliest go-live: week 6 after the order, about …", when the
    /// go-live asked for is too early …
    pub earliest: Option<String>,
    /// … and that it is: "the go-live asked for, in 3 weeks, is too early".
    pub too_early: Option<String>,
    /// How the weeks are counted, and that they are planning figures.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRow {
    /// "Week 1–6", "With the order".
    pub when: String,
    /// "VSHN", "You".
    pub who: String,
    pub step: String,
    /// What the step delivers: item names, or the task.
    pub detail: String,
}

/// The customer's answers of one questionnaire section: for the customer
/// in their own words (`statements`), internally as question and answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedSection {
    pub title: String,
    pub answers: Vec<NeedAnswer>,
    pub statements: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedAnswer {
    /// The question id, internal audience only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub prompt: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SolutionGroup {
    pub group: Group,
    pub title: String,
    pub items: Vec<SolutionItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SolutionItem {
    pub name: String,
    pub plan: String,
    pub quantity: f64,
    pub provider: String,
    /// Delivered by someone else than VSHN.
    pub partner: bool,
    pub description: String,
    pub lead_time_weeks: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bill {
    pub currency: String,
    pub vat: String,
    pub rows: Vec<BillRow>,
    pub total: BillTotal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BillRow {
    pub group: Group,
    pub group_label: String,
    pub component: String,
    pub plan: String,
    pub provider: String,
    pub quantity: f64,
    /// `None`: price on request.
    pub monthly: Option<Money>,
    pub one_time: Option<Money>,
    pub indicative: bool,
    pub on_request: bool,
    /// "indicative, to be confirmed", "price on request" or empty.
    pub note: String,
    /// Catalog ids, internal audience only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offering: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BillTotal {
    pub monthly: Money,
    pub one_time: Money,
    pub indicative: bool,
    /// Some items have no price yet, so the totals leave them out.
    pub incomplete: bool,
    /// Names of the items priced on request or by the provider.
    pub priced_on_request: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceLevelRow {
    pub component: String,
    pub plan: String,
    /// "99.9 % per month" or "no guarantee".
    pub availability: String,
    pub support_hours: Option<String>,
    pub response_time: Option<String>,
    pub backups: Option<String>,
    pub maintenance: Option<String>,
    pub indicative: bool,
    pub note: String,
}

/// Who does what for one component.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponsibilityRow {
    pub component: String,
    /// Who provides the component: "VSHN" or the partner's name.
    pub provider_name: String,
    pub provider: Vec<String>,
    pub customer: Vec<String>,
    pub partner: Vec<String>,
}

/// A boundary crossed, phrased for the customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Boundary {
    pub severity: Severity,
    /// "Not part of our offer", "Subject to our confirmation" …
    pub label: String,
    pub title: String,
    pub detail: String,
    /// What we propose instead.
    pub instead: String,
    /// "What we propose instead", in the proposal's language.
    #[serde(skip)]
    pub instead_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub title: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenQuestion {
    /// The question id, internal audience only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub section: String,
    pub prompt: String,
}

/// What only the team sees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Internal {
    pub knowledge_version: String,
    pub session: Option<String>,
    pub status: Option<String>,
    pub flags: Vec<InternalFlag>,
    pub trace: Vec<TraceItem>,
    pub excluded: Vec<TraceExcluded>,
    pub notes: Vec<Note>,
    /// Answers the knowledge refuses, left out of the scope.
    pub problems: Vec<String>,
    /// The objectives operations monitors, exactly as sold (see
    /// `--format openslo`).
    pub slos: Vec<crate::slo::Objective>,
    /// Decisions on flags no longer raised, and forced status changes.
    pub decision_log: Vec<String>,
    /// Similar setups we run: the won sessions most like this one, the
    /// references a sales engineer can name. Never in the customer's.
    pub similar: Vec<SimilarSetup>,
}

/// A won session like this one, and what differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarSetup {
    pub customer: String,
    pub session: String,
    /// How alike, 0 to 100 (answers and offerings).
    pub percent: u32,
    /// What differs, in words: "tenancy: shared here, dedicated there".
    pub differences: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InternalFlag {
    pub rule: String,
    pub severity: Severity,
    pub title: String,
    pub detail: String,
    pub remediation: String,
    pub approver: Option<String>,
    pub approver_name: Option<String>,
    pub answers: Vec<TraceAnswer>,
    /// The decision on the flag in words, if one was recorded.
    pub decision: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceAnswer {
    pub question: String,
    pub prompt: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceItem {
    pub component: String,
    pub offering: String,
    pub plan: String,
    pub owner: String,
    pub owner_name: Option<String>,
    pub because: Vec<TraceReason>,
    pub price_lines: Vec<TracePrice>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceReason {
    /// `None` for a manual override.
    pub rule: Option<String>,
    pub description: String,
    pub answers: Vec<TraceAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TracePrice {
    pub label: String,
    pub recurrence: Recurrence,
    pub amount: Money,
    pub calculation: String,
    pub indicative: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceExcluded {
    pub component: String,
    pub offering: String,
    pub reason: TraceReason,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub question: String,
    pub prompt: String,
    pub note: String,
}

/// Text as it may appear in a document: line breaks normalised to `\n`,
/// tabs to spaces, and control and bidi-override characters removed (they
/// are invisible and can reorder what a reader sees). Right-to-left
/// letters themselves are kept.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// [`clean`] for texts shown on one line: line breaks become spaces.
pub(crate) fn clean_line(s: &str) -> String {
    clean(s)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_text_and_drops_invisible_controls() {
        assert_eq!(clean("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(clean("\u{202E}evil\u{202C} \u{1b}[31mred"), "evil [31mred");
        assert_eq!(clean("שלום\tעולם"), "שלום עולם");
        assert_eq!(clean_line("  one\n\n two  "), "one two");
    }
}

/// Options side by side, as text cells every format can lay out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonView {
    pub columns: Vec<String>,
    pub rows: Vec<ComparisonRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonRow {
    pub section: String,
    pub label: String,
    pub cells: Vec<String>,
    pub differs: bool,
}

impl ComparisonView {
    /// The comparison in words for `audience`: the customer sees boundaries
    /// but no information flags, the team sees every flag by severity.
    pub fn new(
        cmp: &crate::compare::Comparison,
        audience: Audience,
        lang: crate::i18n::Lang,
    ) -> ComparisonView {
        use crate::tr;
        let cur = clean_line(&cmp.currency);
        let money = |m: crate::engine::Money| format!("{cur} {m}");
        let mut rows = Vec::new();
        let mut push = |section: String, label: String, cells: Vec<String>, differs: bool| {
            rows.push(ComparisonRow {
                section,
                label,
                cells,
                differs,
            });
        };
        let monthly: Vec<String> = cmp.options.iter().map(|o| money(o.monthly)).collect();
        let once: Vec<String> = cmp.options.iter().map(|o| money(o.one_time)).collect();
        let d = |c: &[String]| c.windows(2).any(|w| w[0] != w[1]);
        let (dm, d1) = (d(&monthly), d(&once));
        let totals = tr!(lang, "compare-totals");
        push(totals.clone(), tr!(lang, "compare-monthly"), monthly, dm);
        push(totals, tr!(lang, "compare-one-time"), once, d1);
        for r in &cmp.items {
            let cells = r
                .cells
                .iter()
                .map(|c| match c {
                    Some(c) if c.monthly.0 != 0 => tr!(
                        lang,
                        "compare-per-month",
                        plan = clean_line(&c.plan_name),
                        amount = money(c.monthly)
                    ),
                    Some(c) if c.one_time.0 != 0 => tr!(
                        lang,
                        "compare-once",
                        plan = clean_line(&c.plan_name),
                        amount = money(c.one_time)
                    ),
                    Some(c) => clean_line(&c.plan_name),
                    None => "—".into(),
                })
                .collect();
            push(
                tr!(lang, "compare-components"),
                clean_line(&r.name),
                cells,
                r.differs,
            );
        }
        for r in &cmp.service_levels {
            let cells = r
                .cells
                .iter()
                .map(|c| c.as_deref().map_or_else(|| "—".to_string(), clean_line))
                .collect();
            push(
                tr!(lang, "compare-service-levels"),
                clean_line(&r.name),
                cells,
                r.differs,
            );
        }
        for r in &cmp.flags {
            if audience == Audience::Customer && r.severity == Severity::Info {
                continue;
            }
            let shown = match audience {
                Audience::Customer => boundary_label(lang, r.severity),
                Audience::Internal => r.severity.label().to_string(),
            };
            let cells = r
                .present
                .iter()
                .map(|p| if *p { shown.to_string() } else { "—".into() })
                .collect();
            push(
                tr!(lang, "compare-boundaries"),
                clean_line(&r.title),
                cells,
                r.differs,
            );
        }
        ComparisonView {
            columns: cmp.options.iter().map(|o| clean_line(&o.name)).collect(),
            rows,
        }
    }
}

pub(super) fn boundary_label(lang: crate::i18n::Lang, severity: Severity) -> String {
    let id = match severity {
        Severity::OutOfScope => "compare-out-of-scope",
        Severity::NeedsApproval => "compare-needs-approval",
        Severity::NeedsPartner => "compare-needs-partner",
        Severity::NeedsEngineering => "compare-needs-engineering",
        Severity::Info => "compare-note",
    };
    crate::i18n::message(lang, id, &[])
}

/// A trace reason in words, escaped for one format: `code` escapes ids and
/// fixed words, `text` what a person typed (HTML isolates its direction),
/// `eq` is the "=" as that format needs it mid-line.
pub(crate) fn reason_text(
    r: &TraceReason,
    code: &dyn Fn(&str) -> String,
    text: &dyn Fn(&str) -> String,
    eq: &str,
) -> String {
    let mut s = match &r.rule {
        Some(rule) => format!("Rule {}: {}", code(rule), code(&r.description)),
        None => text(&r.description),
    };
    if !r.answers.is_empty() {
        s.push_str(" (answers: ");
        s.push_str(&answers_text(&r.answers, code, text, eq));
        s.push(')');
    }
    s
}

/// Answers as "question = answer; …", escaped for one format.
pub(crate) fn answers_text(
    answers: &[TraceAnswer],
    code: &dyn Fn(&str) -> String,
    text: &dyn Fn(&str) -> String,
    eq: &str,
) -> String {
    answers
        .iter()
        .map(|a| format!("{} {eq} {}", code(&a.question), text(&a.answer)))
        .collect::<Vec<_>>()
        .join("; ")
}
