//! The proposal a customer receives opens with a summary, lays out the
//! plan to go-live, and names the sales engineer from `config.ron`: all
//! through the real binary, on the shipped templates.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{nunki, run_ok};

fn config(home: &Path, text: &str) {
    std::fs::create_dir_all(home.join("config")).unwrap();
    std::fs::write(home.join("config").join("config.ron"), text).unwrap();
}

const ANNA: &str =
    r#"(engineer: (name: "Anna Muster", email: "anna.muster@vshn.ch", phone: "+41 44 545 53 00"))"#;

fn new_from_template(home: &Path, customer: &str, template: &str, extra: &[&str]) {
    run_ok(
        nunki(home)
            .args(["new", "--customer", customer, "--contact", "Peter Meier"])
            .args(["--template", template]),
    );
    if !extra.is_empty() {
        run_ok(nunki(home).args(["set", customer]).args(extra));
    }
}

fn export_md(home: &Path, session: &str, audience: &str) -> String {
    let file = home.join(format!("{session}-{audience}.md"));
    run_ok(
        nunki(home)
            .args(["export", "--session", session, "--format", "md"])
            .args(["--audience", audience, "--date", "2026-12-02", "-o"])
            .arg(&file),
    );
    std::fs::read_to_string(file).unwrap()
}

/// The `## title` section of a Markdown export, heading included.
fn section<'a>(md: &'a str, title: &str) -> &'a str {
    let head = format!("\n## {title}\n");
    let start = md
        .find(&head)
        .unwrap_or_else(|| panic!("no {title}:\n{md}"))
        + 1;
    let end = md[start + 3..]
        .find("\n## ")
        .map_or(md.len(), |n| start + 3 + n + 1);
    &md[start..end]
}

#[test]
fn the_summary_comes_first_and_the_plan_follows_the_scope() {
    for (customer, template) in [
        ("Helvetia Privatbank", "regulated_finance_openshift"),
        ("Velo Shop", "web_shop_appuio_cloud"),
    ] {
        let home = tempfile::tempdir().unwrap();
        config(home.path(), ANNA);
        new_from_template(home.path(), customer, template, &[]);
        let md = export_md(home.path(), customer, "customer");
        let first = md.lines().find(|l| l.starts_with("## ")).unwrap();
        assert_eq!(first, "## Summary", "{template}");
        let summary = section(&md, "Summary");
        let plan = section(&md, "Plan to go-live");
        // The summary repeats the bill's totals, as the bill writes them.
        let bill = section(&md, "Bill of materials");
        let total = bill
            .lines()
            .find(|l| l.contains("**Total**"))
            .expect("a total row");
        let monthly = total
            .split('|')
            .map(str::trim)
            .find(|c| c.chars().any(|ch| ch.is_ascii_digit()))
            .unwrap()
            .trim_matches('*');
        assert!(
            summary.contains(&format!("CHF {monthly} per month")),
            "{summary}\n{total}"
        );
        insta::assert_snapshot!(format!("{template}_summary"), summary);
        insta::assert_snapshot!(format!("{template}_plan"), plan);
    }
}

#[test]
fn a_go_live_too_early_shows_the_earliest_date_in_the_plan() {
    let home = tempfile::tempdir().unwrap();
    new_from_template(
        home.path(),
        "Helvetia Privatbank",
        "regulated_finance_openshift",
        &["go_live_weeks=2"],
    );
    let md = export_md(home.path(), "Helvetia Privatbank", "customer");
    let plan = section(&md, "Plan to go-live");
    // A dedicated OpenShift cluster on cloudscale.ch: 4 weeks of setup,
    // then the engineering: 6 weeks after an order on 2 December 2026.
    assert!(
        plan.contains(
            "Earliest go-live: week 6 after the order, about 13 January 2027; the go-live asked for, in 2 weeks, is too early."
        ),
        "{plan}"
    );
    assert!(
        plan.contains("| Week 6 | You and VSHN | Go-live |"),
        "{plan}"
    );
    let summary = section(&md, "Summary");
    assert!(
        summary.contains(
            "**Go-live:** week 6 after the order, about 13 January 2027, at the earliest"
        ),
        "{summary}"
    );
    // Asked for later than possible, the plan keeps the customer's week.
    run_ok(nunki(home.path()).args(["set", "Helvetia Privatbank", "go_live_weeks=20"]));
    let md = export_md(home.path(), "Helvetia Privatbank", "customer");
    let plan = section(&md, "Plan to go-live");
    assert!(!plan.contains("Earliest go-live"), "{plan}");
    assert!(
        plan.contains("| Week 20 | You and VSHN | Go-live |"),
        "{plan}"
    );
    assert!(
        plan.contains("Go-live: week 20 after the order, about 21 April 2027."),
        "{plan}"
    );
}

#[test]
fn the_engineer_from_config_is_stored_in_the_session_and_named_in_the_proposal() {
    let home = tempfile::tempdir().unwrap();
    config(home.path(), ANNA);
    new_from_template(home.path(), "Velo Shop", "web_shop_appuio_cloud", &[]);
    // The session keeps who scoped it, even when the laptop's config changes.
    std::fs::remove_file(home.path().join("config").join("config.ron")).unwrap();
    let md = export_md(home.path(), "Velo Shop", "customer");
    assert!(
        md.contains(
            "- **Your contact at VSHN:** Anna Muster, anna.muster\\@vshn.ch, \\+41 44 545 53 00"
        ),
        "{md}"
    );
    assert!(md.contains("- **Contact:** Peter Meier"), "{md}");
    let next = section(&md, "Next steps");
    assert!(
        next.contains("Anna Muster (anna.muster\\@vshn.ch, \\+41 44 545 53 00) at VSHN is your contact for every question and agrees the next meeting with Peter Meier."),
        "{next}"
    );
    let json = nunki(home.path())
        .args(["export", "--session", "Velo Shop", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["customer"]["engineer"]["name"], "Anna Muster");
    assert_eq!(json["customer"]["engineer"]["phone"], "+41 44 545 53 00");

    // Without a config file, nobody is named and nothing breaks.
    new_from_template(home.path(), "Other Shop", "web_shop_appuio_cloud", &[]);
    let md = export_md(home.path(), "Other Shop", "customer");
    assert!(!md.contains("Your contact at VSHN"), "{md}");
}

#[test]
fn a_broken_config_file_stops_new_sessions_with_its_place() {
    let home = tempfile::tempdir().unwrap();
    config(home.path(), "(engineer: (name: \"Anna\", mail: \"x\"))");
    let out = nunki(home.path())
        .args(["new", "--customer", "Acme"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.ron:1:"), "{err}");
    assert!(err.contains("mail"), "{err}");
    assert!(err.contains("(engineer: (name:"), "{err}");
    // Nothing was made.
    let list = nunki(home.path()).args(["sessions"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&list.stdout).starts_with("No sessions"),
        "{}",
        String::from_utf8_lossy(&list.stdout)
    );
}
