//! `nunki catalog …`: validate the knowledge, run its scenarios, list it.

use std::fmt::Write as _;
use std::path::Path;

use super::args::CatalogCommand;
use super::{Error, Outcome, print};
use crate::engine::money::format_amount;
use crate::knowledge::{Knowledge, PriceKind, QuestionKind, Recurrence};
use crate::scenarios;
use crate::sources::{Places, knowledge_texts, load_knowledge, scenario_texts};

pub fn run(
    places: &Places,
    catalog: Option<&Path>,
    cmd: &CatalogCommand,
) -> Result<Outcome, Error> {
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
    }
}

fn validate(places: &Places, catalog: Option<&Path>) -> Result<Outcome, Error> {
    let (texts, replaced) = knowledge_texts(places, catalog)?;
    let k = Knowledge::from_texts(&texts)?;
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

fn test(places: &Places, catalog: Option<&Path>) -> Result<Outcome, Error> {
    let k = load_knowledge(places, catalog)?;
    let mut out = String::new();
    let (mut passed, mut failed) = (0, 0);
    for source in scenario_texts(catalog)? {
        let scenario = scenarios::parse(&source).map_err(|d| Error::input(d.to_string()))?;
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
                .map(|price| {
                    let when = match price.recurrence {
                        Recurrence::Monthly => "/month",
                        Recurrence::OneTime => " one-time",
                    };
                    let ind = if price.source.is_indicative() {
                        "*"
                    } else {
                        ""
                    };
                    match &price.kind {
                        PriceKind::Fixed(a) => format!("{cur} {}{when}{ind}", format_amount(*a)),
                        PriceKind::PerUnit { unit, amount, .. } => {
                            format!("{cur} {} per {unit}{when}{ind}", format_amount(*amount))
                        }
                        PriceKind::PercentOfRecurring { percent, minimum } => format!(
                            "{percent}% of recurring fees, at least {cur} {}{when}{ind}",
                            format_amount(*minimum)
                        ),
                    }
                })
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
                QuestionKind::Single { options } | QuestionKind::Multi { options } => format!(
                    "{}: {}",
                    q.kind.name(),
                    options
                        .iter()
                        .map(|o| o.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
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
