//! `nunki insights`: what customers ask for across every saved session.

use std::fmt::Write as _;
use std::path::Path;

use super::args::{InsightsArgs, InsightsFormat};
use super::{Error, Outcome, Ran, print};
use crate::export::csv_field;
use crate::insights::{Insights, of_sessions_by};
use crate::session::store::Store;
use crate::sources::{Places, load_knowledge};

pub fn run(places: &Places, catalog: Option<&Path>, args: &InsightsArgs) -> Ran {
    let knowledge = load_knowledge(places, catalog)?;
    let since = match &args.since {
        Some(d) => Some(parse_date(d)?),
        None => None,
    };
    let listings = Store::new(places).list()?;
    let chosen: Vec<&crate::session::store::Listing> = listings
        .sessions
        .iter()
        .filter(|l| since.is_none_or(|t| l.session.updated >= t))
        .collect();
    let sessions: Vec<&crate::session::Session> = chosen.iter().map(|l| &l.session).collect();
    // Who scoped what, in a team folder: one `git log` for every file.
    let by_path = authors(places);
    let authors: Vec<Option<&str>> = chosen
        .iter()
        .map(|l| by_path.get(&l.path).map(String::as_str))
        .collect();
    let skipped = listings
        .broken
        .iter()
        .map(|b| format!("{}: {}", b.path.display(), first_line(&b.error.to_string())))
        .collect();
    let report = of_sessions_by(&knowledge, &sessions, &authors, skipped);
    for s in &report.skipped {
        eprintln!("skipped (left as it is): {}", super::printable_text(s));
    }
    let text = match args.format {
        InsightsFormat::Text => render_text(&report),
        InsightsFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report)
                .map_err(|e| Error::input(format!("cannot encode JSON: {e}")))?;
            s.push('\n');
            s
        }
        InsightsFormat::Csv => render_csv(&report),
    };
    print(&text)?;
    Ok(Outcome::Done)
}

/// The git author who first shared each session file, in a team folder;
/// empty elsewhere, or where git cannot tell (insights work without).
fn authors(places: &Places) -> std::collections::BTreeMap<std::path::PathBuf, String> {
    if !crate::team::is_team(places) {
        return Default::default();
    }
    match crate::team::authors(places) {
        Ok(map) => map,
        Err(e) => {
            eprintln!("who scoped what is left out: {e}");
            Default::default()
        }
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

/// `YYYY-MM-DD`, taken as the start of that day in UTC.
fn parse_date(text: &str) -> Result<jiff::Timestamp, Error> {
    let date: jiff::civil::Date = text
        .parse()
        .map_err(|_| Error::input(format!("--since takes a date as YYYY-MM-DD, got `{text}`")))?;
    date.to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .map_err(|e| Error::input(format!("--since {text}: {e}")))
}

/// Horizontal bar for a count, scaled to the largest.
pub fn bar(count: usize, max: usize, width: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let n = (count * width).div_ceil(max);
    "█".repeat(n)
}

fn render_text(r: &Insights) -> String {
    let cur = &r.currency;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} sessions of {} customers{}\n",
        r.sessions,
        r.customers,
        if r.skipped.is_empty() {
            String::new()
        } else {
            format!(" ({} unreadable file(s) skipped)", r.skipped.len())
        }
    );
    // Bars of boundaries scale to the most frequent flag, information too.
    let max = r.flags.first().map_or(0, |f| f.sessions);
    let boundaries = r
        .flags
        .iter()
        .filter(|f| f.severity != crate::knowledge::Severity::Info)
        .map(|f| {
            let d = &f.decisions;
            let days = d
                .mean_days_to_decision
                .map_or(String::new(), |x| format!(", {x:.1} days to a decision"));
            Ranked {
                name: f.title.clone(),
                figures: format!(
                    "{:<18} {:>3} sessions {:>3} customers  {cur} {:>10}/mo  won {} lost {}",
                    f.severity.label(),
                    f.sessions,
                    f.customers,
                    f.monthly_value.to_string(),
                    f.won,
                    f.lost,
                ),
                count: f.sessions,
                below: (d.approved + d.declined + d.open > 0).then(|| {
                    format!(
                        "approved {} declined {} open {}{days}",
                        d.approved, d.declined, d.open
                    )
                }),
            }
        });
    ranking(&mut out, "Boundaries hit most often", max, boundaries);
    let requests = r.requests.iter().map(|q| Ranked {
        name: format!("{} = {}", q.question, q.answer),
        figures: format!(
            "{:>3} sessions {:>3} customers  {cur} {:>10}/mo",
            q.sessions,
            q.customers,
            q.monthly_value.to_string(),
        ),
        count: q.sessions,
        below: None,
    });
    ranking(
        &mut out,
        "\nRequests out of scope or for a partner (candidates for new products)",
        r.requests.first().map_or(0, |q| q.sessions),
        requests,
    );
    let offerings = r.offerings.iter().map(|o| Ranked {
        name: o.name.clone(),
        figures: if o.monthly.0 == 0 && o.one_time.0 != 0 {
            format!(
                "{:>3} sessions  {cur} {:>10} once",
                o.sessions,
                o.one_time.to_string()
            )
        } else {
            format!(
                "{:>3} sessions  {cur} {:>10}/mo ",
                o.sessions,
                o.monthly.to_string()
            )
        },
        count: o.sessions,
        below: None,
    });
    ranking(
        &mut out,
        "\nOfferings proposed most",
        r.offerings.first().map_or(0, |o| o.sessions),
        offerings,
    );
    if !r.authors.is_empty() {
        let authors = r.authors.iter().map(|a| Ranked {
            name: a.author.clone(),
            figures: format!(
                "{:>3} sessions {:>3} customers  {cur} {:>9}/mo  won {} lost {}",
                a.sessions,
                a.customers,
                a.monthly_value.to_string(),
                a.won,
                a.lost,
            ),
            count: a.sessions,
            below: (!a.boundaries.is_empty())
                .then(|| format!("hit most: {}", a.boundaries.join(", "))),
        });
        ranking(
            &mut out,
            "\nWho scoped what (the git author who first shared each session)",
            r.authors.first().map_or(0, |a| a.sessions),
            authors,
        );
    }
    out
}

/// One row of a ranking: a name, its figures, the count its bar shows,
/// and what to say on a line below it.
struct Ranked {
    name: String,
    figures: String,
    count: usize,
    below: Option<String>,
}

/// A heading and the first fifteen rows, each with a bar scaled to `max`.
fn ranking(out: &mut String, heading: &str, max: usize, rows: impl Iterator<Item = Ranked>) {
    let _ = writeln!(out, "{heading}");
    for row in rows.take(15) {
        let _ = writeln!(
            out,
            "  {:<44} {}  {}",
            row.name,
            row.figures,
            bar(row.count, max, 20)
        );
        if let Some(below) = row.below {
            let _ = writeln!(out, "  {:<44} {below}", "");
        }
    }
}

fn render_csv(r: &Insights) -> String {
    let mut out = String::from(
        "kind,id,title,severity,sessions,customers,monthly_value,won,lost,approved,declined,open,mean_days_to_decision\n",
    );
    for f in &r.flags {
        let _ = writeln!(
            out,
            "flag,{},{},{},{},{},{:.2},{},{},{},{},{},{}",
            csv_field(&f.rule),
            csv_field(&f.title),
            f.severity.id(),
            f.sessions,
            f.customers,
            f.monthly_value.as_units(),
            f.won,
            f.lost,
            f.decisions.approved,
            f.decisions.declined,
            f.decisions.open,
            f.decisions
                .mean_days_to_decision
                .map_or(String::new(), |d| format!("{d:.1}"))
        );
    }
    for q in &r.requests {
        let _ = writeln!(
            out,
            "request,{},{},,{},{},{:.2},,,,,,",
            csv_field(&q.question),
            csv_field(&q.answer),
            q.sessions,
            q.customers,
            q.monthly_value.as_units()
        );
    }
    for a in &r.authors {
        let _ = writeln!(
            out,
            "author,{},{},,{},{},{:.2},{},{},,,,",
            csv_field(&a.author),
            csv_field(&a.boundaries.join("; ")),
            a.sessions,
            a.customers,
            a.monthly_value.as_units(),
            a.won,
            a.lost
        );
    }
    for o in &r.offerings {
        let _ = writeln!(
            out,
            "offering,{},{},,{},,{:.2},,,,,,",
            csv_field(&o.offering),
            csv_field(&o.name),
            o.sessions,
            o.monthly.as_units()
        );
    }
    out
}
