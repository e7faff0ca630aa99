//! Scenario tests for the knowledge: a set of answers and what the scope
//! must and must not contain. Run by `cargo test` and `nunki catalog test`,
//! so whoever edits the catalog sees what their change breaks.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::engine::{Answer, Overrides, Scope, check_answers, evaluate};
use crate::knowledge::{Diagnostic, Knowledge, Severity, SourceText, parse_ron};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// Why a sales engineer would stand behind this outcome.
    pub why: String,
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub overrides: Overrides,
    pub expect: Expect,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// "offering" or "offering:plan".
    #[serde(default)]
    pub items: Vec<String>,
    #[serde(default)]
    pub no_items: Vec<String>,
    /// Rule ids of flags that must be raised.
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub no_flags: Vec<String>,
    /// The most severe flag's severity id, or "none" for no flag at all.
    #[serde(default)]
    pub worst: Option<String>,
    #[serde(default)]
    pub monthly_at_least: Option<f64>,
    #[serde(default)]
    pub monthly_at_most: Option<f64>,
    /// The monthly total lies in this range, both ends included.
    #[serde(default)]
    pub monthly_between: Option<(f64, f64)>,
    /// The one-time total lies in this range, both ends included.
    #[serde(default)]
    pub one_time_between: Option<(f64, f64)>,
    /// Offering ids the totals leave out as priced on request or by the
    /// provider, exactly (in scope order).
    #[serde(default)]
    pub priced_on_request: Option<Vec<String>>,
}

/// The outcome of one scenario: its failures, empty when it passed.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub file: String,
    pub name: String,
    pub failures: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

pub fn parse(source: &SourceText) -> Result<Scenario, Diagnostic> {
    parse_ron(source)
}

pub fn run(knowledge: &Knowledge, file: &str, scenario: &Scenario) -> Outcome {
    let mut failures = Vec::new();
    let (answers, problems) = check_answers(knowledge, &scenario.answers);
    failures.extend(problems.iter().map(|p| format!("bad answer: {p}")));
    let scope = evaluate(knowledge, &answers, &scenario.overrides);
    let e = &scenario.expect;
    for want in &e.items {
        if !has_item(&scope, want) {
            failures.push(format!(
                "expected item {want}, scope has {}",
                item_list(&scope)
            ));
        }
    }
    for unwanted in &e.no_items {
        if has_item(&scope, unwanted) {
            failures.push(format!("did not expect item {unwanted}"));
        }
    }
    let raised: Vec<&str> = scope.flags.iter().map(|f| f.rule.as_str()).collect();
    for want in &e.flags {
        if !raised.contains(&want.as_str()) {
            failures.push(format!(
                "expected flag {want}, raised: [{}]",
                raised.join(", ")
            ));
        }
    }
    for unwanted in &e.no_flags {
        if raised.contains(&unwanted.as_str()) {
            failures.push(format!("did not expect flag {unwanted}"));
        }
    }
    let actual = scope.worst_severity().map_or("none", Severity::id);
    if let Some(worst) = &e.worst
        && worst != actual
    {
        failures.push(format!("expected worst severity {worst}, got {actual}"));
    }
    let monthly = scope.totals.monthly.as_units();
    if let Some(lo) = e.monthly_at_least
        && monthly < lo
    {
        failures.push(format!(
            "expected a monthly total of at least {lo}, got {monthly}"
        ));
    }
    if let Some(hi) = e.monthly_at_most
        && monthly > hi
    {
        failures.push(format!(
            "expected a monthly total of at most {hi}, got {monthly}"
        ));
    }
    let ranges = [
        ("monthly", e.monthly_between, monthly),
        (
            "one-time",
            e.one_time_between,
            scope.totals.one_time.as_units(),
        ),
    ];
    for (what, range, actual) in ranges {
        if let Some((lo, hi)) = range
            && !(lo..=hi).contains(&actual)
        {
            failures.push(format!(
                "expected a {what} total between {lo} and {hi}, got {actual}"
            ));
        }
    }
    if let Some(want) = &e.priced_on_request
        && want != &scope.totals.priced_on_request
    {
        failures.push(format!(
            "expected priced on request [{}], got [{}]",
            want.join(", "),
            scope.totals.priced_on_request.join(", ")
        ));
    }
    Outcome {
        file: file.to_string(),
        name: scenario.name.clone(),
        failures,
    }
}

fn has_item(scope: &Scope, spec: &str) -> bool {
    match spec.split_once(':') {
        Some((offering, plan)) => scope
            .items
            .iter()
            .any(|i| i.offering == offering && i.plan == plan),
        None => scope.item(spec).is_some(),
    }
}

fn item_list(scope: &Scope) -> String {
    let items: Vec<String> = scope
        .items
        .iter()
        .map(|i| format!("{}:{}", i.offering, i.plan))
        .collect();
    format!("[{}]", items.join(", "))
}
