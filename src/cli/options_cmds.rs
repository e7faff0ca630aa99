//! `nunki option …` and `nunki compare`: named alternatives within a
//! session, evaluated by the same engine and shown side by side.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::args::{CompareArgs, OptionCommand, TextOrJson};
use super::{Error, Outcome, Ran, print};
use crate::compare::{Comparison, MAX_OPTIONS};
use crate::engine::{Answer, parse_typed};
use crate::knowledge::{Knowledge, Severity};
use crate::session::ScopeOption;
use crate::session::store::Store;
use crate::sources::{Places, load_knowledge};

pub fn option(places: &Places, catalog: Option<&Path>, cmd: &OptionCommand) -> Ran {
    let knowledge = load_knowledge(places, catalog)?;
    let store = Store::new(places);
    match cmd {
        OptionCommand::Add {
            session,
            name,
            answers,
        } => {
            let mut opened = store.open(session, &knowledge)?;
            let parsed = parse_assignments(&knowledge, answers)?;
            let name = name.trim();
            if name.is_empty() {
                return Err(Error::input(
                    "an option needs a name, e.g. \"B — Managed OpenShift\"",
                ));
            }
            let options = &mut opened.session.options;
            if options.iter().any(|o| o.name == name) {
                return Err(Error::input(format!(
                    "the session already has an option named \"{name}\"; choose another name or remove it first"
                )));
            }
            if options.len() >= MAX_OPTIONS {
                return Err(Error::input(format!(
                    "a session holds at most {MAX_OPTIONS} options; remove one with `nunki option remove`"
                )));
            }
            options.push(ScopeOption {
                name: name.to_string(),
                answers: parsed,
                overrides: None,
            });
            store.save(&mut opened, &knowledge)?;
            let option = opened.session.options.last().cloned();
            let mut out = format!(
                "added option \"{name}\" to {} ({} option{})\n",
                opened.session.customer.name,
                opened.session.options.len(),
                if opened.session.options.len() == 1 {
                    ""
                } else {
                    "s"
                }
            );
            if let Some(option) = option {
                let scope = opened.session.evaluate_option(&knowledge, &option).scope;
                let _ = writeln!(
                    out,
                    "  {} {} per month, {} {} one-time, worst flag: {}",
                    scope.totals.currency,
                    scope.totals.monthly,
                    scope.totals.currency,
                    scope.totals.one_time,
                    scope.worst_severity().map_or("none", Severity::label)
                );
            }
            print(&out)?;
            Ok(Outcome::Done)
        }
        OptionCommand::Remove { session, name } => {
            let mut opened = store.open(session, &knowledge)?;
            let name = opened
                .session
                .option_named(name)
                .map_err(Error::input)?
                .name
                .clone();
            opened.session.options.retain(|o| o.name != name);
            store.save(&mut opened, &knowledge)?;
            print(&format!("removed option \"{name}\"\n"))?;
            Ok(Outcome::Done)
        }
        OptionCommand::List { session } => {
            let opened = store.read(session, &knowledge)?;
            let mut out = String::new();
            for o in &opened.session.options {
                let changes: Vec<String> = o
                    .answers
                    .iter()
                    .map(|(q, a)| format!("{q}={}", a.display(knowledge.question(q))))
                    .collect();
                let _ = writeln!(out, "{}: {}", o.name, changes.join(", "));
            }
            if out.is_empty() {
                out = "no options yet: add one with `nunki option add SESSION NAME Q=V…`\n".into();
            }
            print(&out)?;
            Ok(Outcome::Done)
        }
    }
}

/// `QUESTION=VALUE` pairs, typed against their questions.
fn parse_assignments(
    knowledge: &Knowledge,
    pairs: &[String],
) -> Result<BTreeMap<String, Answer>, Error> {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for pair in pairs {
        let Some((q, v)) = pair.split_once('=') else {
            problems.push(format!("`{pair}` is not QUESTION=VALUE"));
            continue;
        };
        let q = q.trim();
        match knowledge.question(q) {
            None => problems.push(format!(
                "unknown question id `{q}`; run `nunki catalog questions` for the list"
            )),
            Some(question) => match parse_typed(question, v) {
                Ok(a) => {
                    out.insert(q.to_string(), a);
                }
                Err(p) => problems.push(p.to_string()),
            },
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Error::input(format!(
            "invalid option answers:\n  - {}",
            problems.join("\n  - ")
        )))
    }
}

pub fn compare_cmd(places: &Places, catalog: Option<&Path>, args: &CompareArgs) -> Ran {
    let knowledge = load_knowledge(places, catalog)?;
    let opened = Store::new(places).read(&args.session, &knowledge)?;
    let session = &opened.session;
    if session.options.is_empty() {
        return Err(Error::input(format!(
            "{} has no options to compare; add them with `nunki option add {} \"A — APPUiO Cloud\" tenancy=shared`",
            session.customer.name, session.id
        )));
    }
    let cmp = crate::compare::of_session(&knowledge, session);
    let text = match args.format {
        TextOrJson::Json => {
            let mut s = serde_json::to_string_pretty(&cmp)
                .map_err(|e| Error::input(format!("cannot encode JSON: {e}")))?;
            s.push('\n');
            s
        }
        TextOrJson::Text => render_text(&session.customer.name, &cmp),
    };
    print(&text)?;
    Ok(Outcome::Done)
}

const LABEL: usize = 34;
const CELL: usize = 30;

fn cell(text: &str) -> String {
    let shown: String = if text.chars().count() > CELL - 2 {
        let mut t: String = text.chars().take(CELL - 3).collect();
        t.push('…');
        t
    } else {
        text.to_string()
    };
    format!("{shown:<CELL$}")
}

fn row(out: &mut String, label: &str, cells: &[String], differs: bool) {
    let mut label: String = label.chars().take(LABEL - 2).collect();
    while label.chars().count() < LABEL {
        label.push(' ');
    }
    let _ = write!(out, "  {label}");
    for c in cells {
        out.push_str(&cell(c));
    }
    let _ = writeln!(out, "{}", if differs { "◆" } else { "" }.trim_end());
}

/// The comparison for a terminal; ◆ marks the rows that differ.
pub fn render_text(customer: &str, cmp: &Comparison) -> String {
    let cur = &cmp.currency;
    let mut out = String::new();
    let indicative = cmp.options.iter().any(|o| o.indicative);
    let _ = writeln!(
        out,
        "{customer}: {} options ({cur}, excl. VAT{}); ◆ marks a difference\n",
        cmp.options.len(),
        if indicative { ", indicative" } else { "" }
    );
    let names: Vec<String> = cmp.options.iter().map(|o| o.name.clone()).collect();
    row(&mut out, "", &names, false);
    let monthly: Vec<String> = cmp
        .options
        .iter()
        .map(|o| format!("{cur} {}", o.monthly))
        .collect();
    let once: Vec<String> = cmp
        .options
        .iter()
        .map(|o| format!("{cur} {}", o.one_time))
        .collect();
    let worst: Vec<String> = cmp
        .options
        .iter()
        .map(|o| o.worst.map_or("none", Severity::label).to_string())
        .collect();
    row(&mut out, "Monthly", &monthly, differs(&monthly));
    row(&mut out, "One-time", &once, differs(&once));
    row(&mut out, "Worst flag", &worst, differs(&worst));
    let _ = writeln!(out, "\nItems");
    let items = cmp.items.iter().map(|r| {
        let cells = r.cells.iter().map(|c| match c {
            // Price first: a narrow column cuts the plan name, not the figure.
            Some(c) if c.monthly.0 != 0 => format!("{cur} {}/mo · {}", c.monthly, c.plan_name),
            Some(c) if c.one_time.0 != 0 => format!("{cur} {} once · {}", c.one_time, c.plan_name),
            Some(c) => c.plan_name.clone(),
            None => "—".into(),
        });
        (&r.name, cells.collect(), r.differs)
    });
    rows(&mut out, items);
    if !cmp.service_levels.is_empty() {
        let _ = writeln!(out, "\nService levels");
        let levels = cmp.service_levels.iter().map(|r| {
            let cells = r.cells.iter().map(|c| c.as_deref().unwrap_or("—").into());
            (&r.name, cells.collect(), r.differs)
        });
        rows(&mut out, levels);
    }
    if !cmp.flags.is_empty() {
        let _ = writeln!(out, "\nFlags");
        let flags = cmp.flags.iter().map(|r| {
            let cells = r.present.iter().map(|p| match p {
                true => r.severity.label().into(),
                false => "—".into(),
            });
            (&r.title, cells.collect(), r.differs)
        });
        rows(&mut out, flags);
    }
    out
}

/// Rows of a name, its cells per option, and whether they differ.
fn rows<'r>(out: &mut String, rows: impl Iterator<Item = (&'r String, Vec<String>, bool)>) {
    for (name, cells, differs) in rows {
        row(out, name, &cells, differs);
    }
}

fn differs(cells: &[String]) -> bool {
    cells.windows(2).any(|w| w[0] != w[1])
}
