//! `nunki catalog …`: validate the knowledge, run its scenarios, list it,
//! search it.

use std::fmt::Write as _;
use std::path::Path;

use super::args::{CatalogCommand, SearchArgs};
use super::{Error, Outcome, Ran, print};
use crate::engine::money::price_text;
use crate::knowledge::{Knowledge, QuestionKind};
use crate::scenarios;
use crate::search::{Hit, Index, search};
use crate::sources::{Places, knowledge_texts, load_knowledge, scenario_texts};

pub fn run(places: &Places, catalog: Option<&Path>, cmd: &CatalogCommand) -> Ran {
    match cmd {
        CatalogCommand::Validate => validate(places, catalog),
        CatalogCommand::Test => test(places, catalog),
        CatalogCommand::List => {
            let k = load_knowledge(places, catalog)?;
            print(&list(&k))?;
            Ok(Outcome::Done)
        }
        CatalogCommand::Questions => {
            let k = load_knowledge(places, catalog)?;
            print(&questions(&k))?;
            Ok(Outcome::Done)
        }
        CatalogCommand::Search(args) => search_cmd(places, catalog, args),
    }
}

fn search_cmd(places: &Places, catalog: Option<&Path>, args: &SearchArgs) -> Ran {
    let query = args.query.join(" ");
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    let out = match &args.names {
        Some(file) => {
            let bytes = crate::files::read_input(file).map_err(|e| {
                Error::input(format!(
                    "the names file: {e}; give a text file with one name per line"
                ))
            })?;
            // A stray byte that is not UTF-8 should not stop a search.
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            };
            let index = Index::from_names(text.lines().filter(|l| !l.trim().is_empty()));
            let mut out = String::new();
            for hit in search(&index, &query, limit) {
                out.push_str(&hit.label);
                out.push('\n');
            }
            // The process ends after printing: freeing a hundred thousand
            // names one by one would take a tenth of its time.
            std::mem::forget(index);
            out
        }
        None => search_results(&search(
            &Index::new(&load_knowledge(places, catalog)?),
            &query,
            limit,
        )),
    };
    if out.is_empty() {
        eprintln!("no match for {query:?}");
    }
    print(&out)?;
    Ok(Outcome::Done)
}

/// One hit per line: what it is, its id (for `check`, rules and answers
/// files) and what a person reads.
pub fn search_results(hits: &[Hit]) -> String {
    let width = hits
        .iter()
        .map(|h| h.id.chars().count())
        .max()
        .unwrap_or(0)
        .min(32);
    let mut out = String::new();
    for h in hits {
        let _ = writeln!(out, "{:<8}  {:<width$}  {}", h.kind.label(), h.id, h.label);
    }
    out
}

fn validate(places: &Places, catalog: Option<&Path>) -> Ran {
    let (texts, replaced) = knowledge_texts(places, catalog)?;
    let k = Knowledge::from_texts(&texts)?;
    let gaps = crate::knowledge::completeness(&k, &texts);
    if !gaps.is_empty() {
        return Err(crate::knowledge::Diagnostics(gaps).into());
    }
    let mut out = String::new();
    for p in &replaced {
        let _ = writeln!(out, "using {}", p.display());
    }
    let _ = writeln!(
        out,
        "knowledge {} is valid: {} offerings, {} questions, {} rules, {} radar entries",
        k.version,
        k.catalog.offerings.len(),
        k.questionnaire.questions().count(),
        k.rules.len(),
        k.radar.entries.len()
    );
    print(&out)?;
    Ok(Outcome::Done)
}

fn test(places: &Places, catalog: Option<&Path>) -> Ran {
    let k = load_knowledge(places, catalog)?;
    let mut out = String::new();
    let (mut passed, mut failed) = (0, 0);
    for source in scenario_texts(catalog)? {
        let scenario = scenarios::parse(&source).map_err(Error::from)?;
        let outcome = scenarios::run(&k, &source.origin, &scenario);
        if outcome.passed() {
            passed += 1;
            let _ = writeln!(out, "ok   {}", outcome.name);
        } else {
            failed += 1;
            let _ = writeln!(out, "FAIL {} ({})", outcome.name, outcome.file);
            for f in &outcome.failures {
                let _ = writeln!(out, "       {f}");
            }
        }
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    print(&out)?;
    if failed > 0 {
        Err(Error::input(format!("{failed} scenario(s) failed")))
    } else {
        Ok(Outcome::Done)
    }
}

pub fn list(k: &Knowledge) -> String {
    let cur = k.currency();
    let mut out = String::new();
    for o in &k.catalog.offerings {
        let _ = writeln!(
            out,
            "{} — {} [{}] by {}",
            o.id,
            o.name,
            o.family.id(),
            o.provider
        );
        for p in &o.plans {
            let prices: Vec<String> = p
                .prices
                .iter()
                .map(|price| price_text(cur, price))
                .collect();
            let prices = if prices.is_empty() {
                "price on request".to_string()
            } else {
                prices.join(" + ")
            };
            let _ = writeln!(out, "    {:<24} {:<40} {prices}", p.id, p.name);
        }
    }
    let _ = writeln!(
        out,
        "\n* indicative: a planning assumption, to be confirmed"
    );
    out
}

pub fn questions(k: &Knowledge) -> String {
    let mut out = String::new();
    for s in &k.questionnaire.sections {
        let _ = writeln!(out, "{}", s.title);
        for q in &s.questions {
            let kind = match &q.kind {
                QuestionKind::Single { options, .. } | QuestionKind::Multi { options, .. } => {
                    format!(
                        "{}: {}",
                        q.kind.name(),
                        options
                            .iter()
                            .map(|o| o.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
                QuestionKind::Number { unit, min, max, .. } => {
                    let range = match (min, max) {
                        (Some(a), Some(b)) => format!(", {a} to {b}"),
                        _ => String::new(),
                    };
                    format!("number ({unit}{range})")
                }
                other => other.name().to_string(),
            };
            let _ = writeln!(out, "  {:<22} {kind}", q.id);
            let _ = writeln!(out, "  {:<22} {}", "", q.prompt);
        }
    }
    out
}
