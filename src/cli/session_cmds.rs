//! `nunki new`, `nunki sessions`, `nunki set` and `check --session`: the
//! session store from the command line. Input is checked the same way as
//! `nunki check` (exit 2, one message naming what is wrong and what is
//! allowed); a session another nunki holds is exit 3.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use super::args::{NewArgs, SessionsArgs, SetArgs, TextOrJson};
use super::{Error, Outcome, Ran, input, print};
use crate::engine::{Money, Scope, parse_typed, unknown_question};
use crate::knowledge::Knowledge;
use crate::session::lock::local_time;
use crate::session::store::{NewSession, Opened, Store};
use crate::session::templates;
use crate::session::{Customer, ScopeSummary, Status, given};
use crate::sources::{Places, load_knowledge};

/// Notices go to stderr so stdout stays what a script reads.
pub(crate) fn notify(opened: &Opened) {
    for n in &opened.notices {
        super::note(n);
    }
}

/// `nunki new`: creates a session and prints its path.
pub fn new(places: &Places, catalog: Option<&Path>, args: &NewArgs) -> Ran {
    let name = args.customer.trim();
    if name.is_empty() {
        return Err(Error::input(
            "give the customer's name: nunki new --customer \"Acme AG\"",
        ));
    }
    let knowledge = load_knowledge(places, catalog)?;
    let template = match &args.template {
        Some(wanted) => {
            let all = templates::load(places)?;
            Some(templates::find(&all, wanted)?.clone())
        }
        None => None,
    };
    let (answers, answers_origin) = match &args.answers {
        Some(path) => (input::read_raw_answers(path)?, path.display().to_string()),
        None => (BTreeMap::new(), String::new()),
    };
    let store = Store::new(places);
    let opened = store.create(
        NewSession {
            customer: Customer::typed(name, args.contact.as_deref()),
            template,
            answers,
            answers_origin,
            lang: args.lang,
            engineer: crate::config::load(places.config_dir.as_deref())?.engineer,
        },
        &knowledge,
    )?;
    notify(&opened);
    print(&format!("{}\n", opened.path.display()))?;
    Ok(Outcome::Done)
}

/// `nunki sessions`: one line per session, newest first.
pub fn list(places: &Places, catalog: Option<&Path>, args: &SessionsArgs) -> Ran {
    let knowledge = load_knowledge(places, catalog)?;
    let store = Store::new(places);
    let listings = store.list()?;
    for n in &listings.notices {
        super::note(n);
    }
    // The summary saved with each session, unless the knowledge changed:
    // evaluating 10 000 sessions to list them took most of a second.
    let rows: Vec<(&crate::session::store::Listing, Cow<'_, ScopeSummary>)> = listings
        .sessions
        .iter()
        .map(|l| (l, l.session.summary(&knowledge)))
        .collect();
    let currency = knowledge.currency();
    let text = match args.format {
        TextOrJson::Json => {
            let sessions: Vec<Value> = rows
                .iter()
                .map(|(l, scope)| {
                    let s = &l.session;
                    json!({
                        "id": s.id,
                        "customer": s.customer.name,
                        "contact": s.customer.contact,
                        "created": s.created.to_string(),
                        "updated": s.updated.to_string(),
                        "status": s.status.id(),
                        "template": s.template,
                        "worst": scope.worst.map(|w| w.id()),
                        "monthly": Money::from_units(scope.monthly),
                        "one_time": Money::from_units(scope.one_time),
                        "currency": currency,
                        "path": l.path.display().to_string(),
                    })
                })
                .collect();
            let broken: Vec<Value> = listings
                .broken
                .iter()
                .map(
                    |b| json!({"path": b.path.display().to_string(), "error": b.error.to_string()}),
                )
                .collect();
            let mut s = serde_json::to_string_pretty(&json!({
                "sessions": sessions,
                "broken": broken,
                "dir": store.dir().display().to_string(),
            }))
            .map_err(|e| Error::input(format!("cannot encode JSON: {e}")))?;
            s.push('\n');
            s
        }
        TextOrJson::Text => {
            for b in &listings.broken {
                let text = format!(
                    "cannot read {}:\n{}",
                    b.path.display(),
                    indent(&b.error.to_string())
                );
                eprintln!("warning: {}", super::printable_text(&text));
            }
            table(&store, &rows)
        }
    };
    print(&text)?;
    Ok(Outcome::Done)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn table(
    store: &Store,
    rows: &[(&crate::session::store::Listing, Cow<'_, ScopeSummary>)],
) -> String {
    if rows.is_empty() {
        return format!(
            "No sessions in {} yet. Start one:\n  nunki new --customer \"Acme AG\"\n",
            store.dir().display()
        );
    }
    let header = ["ID", "CUSTOMER", "UPDATED", "STATUS", "WORST FLAG"];
    let lines: Vec<[String; 5]> = rows
        .iter()
        .map(|(l, scope)| {
            let s = &l.session;
            [
                super::printable(&s.id).into_owned(),
                super::printable(&s.customer.name).into_owned(),
                local_time(s.updated),
                s.status.id().to_string(),
                scope
                    .worst
                    .map_or_else(|| "none".to_string(), |w| w.label().to_string()),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for line in &lines {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.width().min(40));
        }
    }
    let mut out = String::new();
    let mut row = |cells: &[&str]| {
        let mut parts = Vec::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                parts.push((*cell).to_string());
            } else {
                parts.push(pad(cell, w));
            }
        }
        let _ = writeln!(out, "{}", parts.join("  ").trim_end());
    };
    row(&header);
    for line in &lines {
        row(&line.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}

/// Pads (or cuts, with an ellipsis) to a display width, so names in any
/// script keep the columns straight.
fn pad(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    if text.width() > width {
        for c in text.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    } else {
        out.push_str(text);
        used = text.width();
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// `nunki set`: answers, notes and status, checked first, saved at once.
pub fn set(places: &Places, catalog: Option<&Path>, args: &SetArgs) -> Ran {
    if args.answers.is_empty()
        && args.notes.is_empty()
        && args.status.is_none()
        && args.lang.is_none()
    {
        return Err(Error::input(
            "nothing to set: give QUESTION=VALUE (QUESTION= clears), --status STATUS, --note QUESTION=TEXT or --lang en|de",
        ));
    }
    let knowledge = load_knowledge(places, catalog)?;
    let store = Store::new(places);
    let mut opened = store.open(&args.session, &knowledge)?;
    if opened.read_only() {
        // Nothing can be written; say who has it instead of failing later.
        return Err(opened.why_read_only().into());
    }
    let plan = plan_changes(&knowledge, &opened, args)?;
    let session = &mut opened.session;
    set_or_remove(&mut session.answers, &plan.answers);
    set_or_remove(&mut session.notes, &plan.notes);
    if let Some(s) = plan.status {
        if matches!(s, Status::Proposed | Status::Won) && s != session.status {
            // The gate before selling: every approval current, nothing
            // declined still in the scope, unless forced with a reason.
            let scope = session.evaluate(&knowledge).scope;
            let missing = crate::approvals::missing(&scope, &session.decisions);
            if !missing.is_empty() {
                let lines: Vec<String> = missing
                    .iter()
                    .map(|m| format!("  - {}", m.describe()))
                    .collect();
                match given(args.force.as_deref()) {
                    None => {
                        return Err(Error::input(format!(
                            "{} cannot be {} yet; nothing was changed. Missing:\n{}\nRecord the decisions with `nunki approve {} RULE --by NAME`, or set the status with --force REASON.",
                            session.customer.name,
                            s.id(),
                            lines.join("\n"),
                            session.id
                        )));
                    }
                    Some(reason) => {
                        let note = format!(
                            "note: {} set although approvals are missing ({reason}):\n{}",
                            s.id(),
                            lines.join("\n")
                        );
                        eprintln!("{}", super::printable_text(&note));
                        session.forced.push(crate::session::ForcedStatus {
                            status: s,
                            reason,
                            at: jiff::Timestamp::now(),
                            missing: missing.iter().map(|m| m.describe()).collect(),
                        });
                    }
                }
            }
        }
        session.status = s;
    }
    if let Some(lang) = args.lang {
        session.lang = lang;
    }
    store.save(&mut opened, &knowledge)?;
    notify(&opened);
    let scope = opened.session.evaluate(&knowledge).scope;
    let cur = &scope.totals.currency;
    let mut out = format!("saved {}\n", opened.path.display());
    // The questions answered (`true`) or cleared (`false`).
    let questions = |answered: bool| -> Vec<&str> {
        plan.answers
            .iter()
            .filter(|(_, v)| v.is_some() == answered)
            .map(|(q, _)| q.as_str())
            .collect()
    };
    let (set, cleared) = (questions(true), questions(false));
    if !set.is_empty() {
        let _ = writeln!(out, "  answered: {}", set.join(", "));
    }
    if !cleared.is_empty() {
        let _ = writeln!(out, "  cleared: {}", cleared.join(", "));
    }
    if !plan.notes.is_empty() {
        let noted: Vec<&str> = plan.notes.iter().map(|(q, _)| q.as_str()).collect();
        let _ = writeln!(out, "  notes: {}", noted.join(", "));
    }
    let _ = writeln!(out, "  status: {}", opened.session.status.id());
    if args.lang.is_some() {
        let _ = writeln!(out, "  language: {}", opened.session.lang);
    }
    let _ = writeln!(
        out,
        "  scope: {} items, {cur} {} per month, {cur} {} one-time, worst flag: {}; {} open questions",
        scope.items.len(),
        scope.totals.monthly,
        scope.totals.one_time,
        scope.worst_severity().map_or("none", |w| w.label()),
        scope.open_questions.len()
    );
    print(&out)?;
    Ok(Outcome::Done)
}

/// What `set` will change, checked as a whole before anything is written.
struct Plan {
    /// `None` clears.
    answers: Vec<(String, Option<crate::engine::Answer>)>,
    notes: Vec<(String, Option<String>)>,
    status: Option<Status>,
}

fn plan_changes(knowledge: &Knowledge, opened: &Opened, args: &SetArgs) -> Result<Plan, Error> {
    let mut problems: Vec<String> = Vec::new();
    let unknown = |q: &str| unknown_question(knowledge, q).to_string();
    let mut answers = Vec::new();
    for pair in &args.answers {
        let Some((q, value)) = pair.split_once('=') else {
            problems.push(format!(
                "`{pair}` is not QUESTION=VALUE (write `{pair}=` to clear an answer)"
            ));
            continue;
        };
        let q = q.trim();
        match knowledge.question(q) {
            // Clearing works for orphans too: it is how one gets rid of them.
            _ if value.trim().is_empty() => {
                if knowledge.question(q).is_none() && !opened.session.answers.contains_key(q) {
                    problems.push(unknown(q));
                } else {
                    answers.push((q.to_string(), None));
                }
            }
            None => problems.push(unknown(q)),
            Some(question) => match parse_typed(question, value) {
                Ok(a) => answers.push((q.to_string(), Some(a))),
                Err(p) => problems.push(p.to_string()),
            },
        }
    }
    let mut notes = Vec::new();
    for pair in &args.notes {
        let Some((q, text)) = pair.split_once('=') else {
            problems.push(format!("--note `{pair}` is not QUESTION=TEXT"));
            continue;
        };
        let q = q.trim();
        if knowledge.question(q).is_none()
            && !opened.session.answers.contains_key(q)
            && !opened.session.notes.contains_key(q)
        {
            problems.push(format!("--note: {}", unknown(q)));
            continue;
        }
        let text = text.trim();
        notes.push((q.to_string(), (!text.is_empty()).then(|| text.to_string())));
    }
    let status = match args.status.as_deref() {
        None => None,
        Some(s) => match Status::parse(s) {
            Some(st) => Some(st),
            None => {
                let all: Vec<&str> = Status::ALL.iter().map(|s| s.id()).collect();
                problems.push(format!("--status `{s}` is not one of {}", all.join(", ")));
                None
            }
        },
    };
    if problems.is_empty() {
        Ok(Plan {
            answers,
            notes,
            status,
        })
    } else {
        Err(Error::input(format!(
            "nothing was changed in {}; {} problem{}:\n{}",
            opened.path.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            crate::knowledge::problem_list(&problems)
        )))
    }
}

/// The scope of a saved session, for `check --session`: read without
/// locking, orphaned answers reported on stderr and left out.
pub fn session_scope(
    places: &Places,
    knowledge: &Knowledge,
    selector: &str,
) -> Result<Scope, Error> {
    Ok(session_scope_and_decisions(places, knowledge, selector)?.0)
}

/// The scope of a saved session and the decisions recorded on its flags.
pub fn session_scope_and_decisions(
    places: &Places,
    knowledge: &Knowledge,
    selector: &str,
) -> Result<(Scope, Vec<crate::session::Decision>), Error> {
    let store = Store::new(places);
    let opened = store.read(selector, knowledge)?;
    notify(&opened);
    let scope = opened.session.evaluate(knowledge).scope;
    Ok((scope, opened.session.decisions))
}

/// Applies planned changes to a map: `Some` sets the value, `None` removes
/// the key.
fn set_or_remove<V: Clone>(
    map: &mut std::collections::BTreeMap<String, V>,
    changes: &[(String, Option<V>)],
) {
    for (q, value) in changes {
        match value {
            Some(v) => {
                map.insert(q.clone(), v.clone());
            }
            None => {
                map.remove(q);
            }
        }
    }
}
