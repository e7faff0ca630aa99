//! `nunki insights`: what customers ask for across every saved session.

use std::fmt::Write as _;
use std::path::Path;

use super::args::{InsightsArgs, InsightsFormat};
use super::{Error, Outcome, print};
use crate::export::csv_field;
use crate::insights::{Insights, of_sessions_by};
use crate::session::store::Store;
use crate::sources::{Places, load_knowledge};

pub fn run(places: &Places, catalog: Option<&Path>, args: &InsightsArgs) -> Result<Outcome, Error> {
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
    let max = r.flags.first().map_or(0, |f| f.sessions);
    let _ = writeln!(out, "Boundaries hit most often");
    for f in r
        .flags
        .iter()
        .filter(|f| f.severity != crate::knowledge::Severity::Info)
        .take(15)
    {
        let _ = writeln!(
            out,
            "  {:<44} {:<18} {:>3} sessions {:>3} customers  {cur} {:>10}/mo  won {} lost {}  {}",
            f.title,
            f.severity.label(),
            f.sessions,
            f.customers,
            f.monthly_value.to_string(),
            f.won,
            f.lost,
            bar(f.sessions, max, 20)
        );
        let d = &f.decisions;
        if d.approved + d.declined + d.open > 0 {
            let days = d
                .mean_days_to_decision
                .map_or(String::new(), |x| format!(", {x:.1} days to a decision"));
            let _ = writeln!(
                out,
                "  {:<44} approved {} declined {} open {}{days}",
                "", d.approved, d.declined, d.open
            );
        }
    }
    let _ = writeln!(
        out,
        "\nRequests out of scope or for a partner (candidates for new products)"
    );
    let max = r.requests.first().map_or(0, |q| q.sessions);
    for q in r.requests.iter().take(15) {
        let _ = writeln!(
            out,
            "  {:<44} {:>3} sessions {:>3} customers  {cur} {:>10}/mo  {}",
            format!("{} = {}", q.question, q.answer),
            q.sessions,
            q.customers,
            q.monthly_value.to_string(),
            bar(q.sessions, max, 20)
        );
    }
    let _ = writeln!(out, "\nOfferings proposed most");
    let max = r.offerings.first().map_or(0, |o| o.sessions);
    for o in r.offerings.iter().take(15) {
        let value = if o.monthly.0 == 0 && o.one_time.0 != 0 {
            format!("{cur} {:>10} once", o.one_time.to_string())
        } else {
            format!("{cur} {:>10}/mo ", o.monthly.to_string())
        };
        let _ = writeln!(
            out,
            "  {:<44} {:>3} sessions  {value}  {}",
            o.name,
            o.sessions,
            bar(o.sessions, max, 20)
        );
    }
    if !r.authors.is_empty() {
        let _ = writeln!(
            out,
            "\nWho scoped what (the git author who first shared each session)"
        );
        let max = r.authors.first().map_or(0, |a| a.sessions);
        for a in r.authors.iter().take(15) {
            let _ = writeln!(
                out,
                "  {:<44} {:>3} sessions {:>3} customers  {cur} {:>9}/mo  won {} lost {}  {}",
                a.author,
                a.sessions,
                a.customers,
                a.monthly_value.to_string(),
                a.won,
                a.lost,
                bar(a.sessions, max, 20)
            );
            if !a.boundaries.is_empty() {
                let _ = writeln!(out, "  {:<44} hit most: {}", "", a.boundaries.join(", "));
            }
        }
    }
    out
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
