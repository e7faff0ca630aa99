//! Approvals: decisions on flags, bound to the answers that raised them,
//! a gate before selling, and the requests as tickets.
#![allow(clippy::unwrap_used)]

mod common;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The binary with its directories in the test's home (tests/common).
fn nunki(home: &TempDir) -> Command {
    common::nunki(home.path())
}

/// A bank on a dedicated cluster, 24/7: FINMA and 24/7 need approval.
fn bank(home: &TempDir) {
    let answers = home.path().join("bank.json");
    std::fs::write(
        &answers,
        r#"{"compliance": ["finma"], "tenancy": "dedicated", "cloud_provider": "cloudscale",
            "support_hours": "24x7", "app_operations": true, "availability_target": 99.9}"#,
    )
    .unwrap();
    nunki(home)
        .args(["new", "--customer", "Bank AG", "--answers"])
        .arg(&answers)
        .assert()
        .success();
}

fn check(home: &TempDir) -> Value {
    let out = nunki(home)
        .args(["check", "--session", "bank", "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn decision(json: &Value, rule: &str) -> Value {
    json["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no flag {rule}"))["decision"]
        .clone()
}

fn set_status(home: &TempDir, status: &str) -> std::process::Output {
    nunki(home)
        .args(["set", "bank", "--status", status])
        .output()
        .unwrap()
}

#[test]
fn approve_then_propose_and_a_changed_answer_makes_it_stale() {
    let home = TempDir::new().unwrap();
    bank(&home);
    assert_eq!(decision(&check(&home), "finma_outsourcing"), Value::Null);

    // Not yet: both approvals are missing, and nothing changes.
    let refused = set_status(&home, "proposed");
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8(refused.stderr).unwrap();
    assert!(
        err.contains("FINMA outsourcing (Legal, Product owner APPUiO Managed): no approval yet"),
        "{err}"
    );
    assert!(
        err.contains("24/7 coverage (Operations lead): no approval yet"),
        "{err}"
    );

    nunki(&home)
        .args([
            "approve",
            "bank",
            "finma_outsourcing",
            "--by",
            "Lea Legal",
            "--conditions",
            "addendum of March",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "approved \"FINMA outsourcing\" by Lea Legal",
        ))
        .stdout(predicates::str::contains("24/7 coverage"));
    nunki(&home)
        .args(["approve", "bank", "coverage_24x7", "--by", "Olivia Ops"])
        .assert()
        .success()
        .stdout(predicates::str::contains("nothing else is missing"));
    let d = decision(&check(&home), "finma_outsourcing");
    assert_eq!(d["state"], "approved");
    assert_eq!(d["by"], "Lea Legal");
    assert_eq!(d["conditions"], "addendum of March");
    assert!(d["date"].as_str().unwrap().len() == 10, "{d}");
    assert_eq!(set_status(&home, "proposed").status.code(), Some(0));

    // The FINMA decision was made for `compliance = finma`; another answer
    // to that question makes it stale, and stale counts as missing.
    nunki(&home)
        .args(["set", "bank", "compliance=finma,gdpr"])
        .assert()
        .success();
    assert_eq!(
        decision(&check(&home), "finma_outsourcing")["state"],
        "stale"
    );
    let text = nunki(&home)
        .args(["check", "--session", "bank"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("decision: STALE: approved for other answers by Lea Legal"),
        "{text}"
    );
    let refused = set_status(&home, "won");
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8(refused.stderr).unwrap();
    assert!(err.contains("approved for other answers (stale)"), "{err}");

    // --force sets it anyway and records why.
    nunki(&home)
        .args([
            "set",
            "bank",
            "--status",
            "won",
            "--force",
            "signed before the review",
        ])
        .assert()
        .success();
    let file = std::fs::read_dir(home.path().join("data").join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("signed before the review"), "{text}");
    assert!(text.contains("status: won"), "{text}");
}

#[test]
fn a_decline_keeps_the_gate_shut_until_the_item_leaves_the_scope() {
    let home = TempDir::new().unwrap();
    bank(&home);
    nunki(&home)
        .args(["approve", "bank", "finma_outsourcing", "--by", "Lea Legal"])
        .assert()
        .success();
    nunki(&home)
        .args([
            "approve",
            "bank",
            "coverage_24x7",
            "--by",
            "Olivia Ops",
            "--decline",
        ])
        .assert()
        .success();
    assert_eq!(
        decision(&check(&home), "coverage_24x7")["state"],
        "declined"
    );
    let refused = set_status(&home, "proposed");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8(refused.stderr)
            .unwrap()
            .contains("declined and still in the scope")
    );
    // Office hours, and 99.5 % so no other approval is needed: the declined
    // flag is gone, the gate opens.
    nunki(&home)
        .args([
            "set",
            "bank",
            "support_hours=office_hours",
            "availability_target=99.5",
        ])
        .assert()
        .success();
    assert_eq!(set_status(&home, "proposed").status.code(), Some(0));
}

#[test]
fn no_flag_of_that_rule_is_an_error() {
    let home = TempDir::new().unwrap();
    bank(&home);
    nunki(&home)
        .args(["approve", "bank", "hipaa", "--by", "X"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "raises no flag of rule \"hipaa\"",
        ));
}

#[test]
fn approval_requests_export_as_tickets_with_stable_keys() {
    let home = TempDir::new().unwrap();
    bank(&home);
    let id = check(&home)["flags"].as_array().unwrap().len();
    assert!(id > 0);
    let export = |format: &str| {
        let out = nunki(&home)
            .args(["export", "--session", "bank", "--format", format, "-o", "-"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let jira = export("jira-csv");
    let mut r = csv::Reader::from_reader(jira.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        ["Summary", "Issue Type", "Description", "Labels", "Labels"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2, "{jira}");
    let keys: Vec<&str> = rows.iter().map(|r| r.get(4).unwrap()).collect();
    assert!(
        keys.iter().all(|k| k.starts_with("nunki:")
            && (k.ends_with(":finma_outsourcing") || k.ends_with(":coverage_24x7"))),
        "{keys:?}"
    );
    assert!(rows[0].get(2).unwrap().contains("Customer: Bank AG"));

    let gitlab = export("gitlab-csv");
    let mut r = csv::Reader::from_reader(gitlab.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers, ["title", "description"]);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    for (row, key) in rows.iter().zip(&keys) {
        assert!(
            row.get(1).unwrap().contains(&format!("nunki key: {key}")),
            "{row:?}"
        );
    }
    // The same export twice: the same keys, so a re-import matches.
    assert_eq!(export("gitlab-csv"), gitlab);

    nunki(&home)
        .args(["approve", "bank", "finma_outsourcing", "--by", "Lea Legal"])
        .assert()
        .success();
    let md = export("approvals-md");
    assert!(md.contains("1 approval is waiting"), "{md}");
    assert!(md.contains("**24/7 coverage** — Operations lead"), "{md}");
    assert!(!md.contains("FINMA"), "{md}");

    nunki(&home)
        .args(["export", "--answers", "x.json", "--format", "jira-csv"])
        .assert()
        .code(2);
}

#[test]
fn insights_count_decisions_per_boundary() {
    let home = TempDir::new().unwrap();
    bank(&home);
    nunki(&home)
        .args(["approve", "bank", "finma_outsourcing", "--by", "Lea Legal"])
        .assert()
        .success();
    nunki(&home)
        .args([
            "approve",
            "bank",
            "coverage_24x7",
            "--by",
            "Olivia Ops",
            "--decline",
        ])
        .assert()
        .success();
    let answers = home.path().join("second.json");
    std::fs::write(
        &answers,
        r#"{"compliance": ["finma"], "tenancy": "dedicated"}"#,
    )
    .unwrap();
    nunki(&home)
        .args(["new", "--customer", "Zweite Bank AG", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let out = nunki(&home)
        .args(["insights", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let flag = |rule: &str| {
        json["flags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .unwrap()["decisions"]
            .clone()
    };
    let finma = flag("finma_outsourcing");
    assert_eq!(
        (
            finma["approved"].as_u64(),
            finma["declined"].as_u64(),
            finma["open"].as_u64()
        ),
        (Some(1), Some(0), Some(1))
    );
    assert_eq!(finma["mean_days_to_decision"], 0.0);
    let cover = flag("coverage_24x7");
    assert_eq!(
        (cover["approved"].as_u64(), cover["declined"].as_u64()),
        (Some(0), Some(1))
    );
}

#[test]
fn a_declined_item_is_never_offered() {
    let home = TempDir::new().unwrap();
    let answers = home.path().join("mixed.json");
    std::fs::write(&answers, r#"{"tenancy": "shared", "workload_os": "mixed"}"#).unwrap();
    nunki(&home)
        .args(["new", "--customer", "Mixed AG", "--answers"])
        .arg(&answers)
        .assert()
        .success();
    let items = |home: &TempDir| -> Vec<String> {
        let out = nunki(home)
            .args(["check", "--session", "mixed", "--format", "json"])
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["offering"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(items(&home).contains(&"partner_windows".to_string()));
    nunki(&home)
        .args([
            "approve",
            "mixed",
            "mixed_workloads",
            "--by",
            "Sam Sales",
            "--decline",
        ])
        .assert()
        .success();
    assert!(!items(&home).contains(&"partner_windows".to_string()));
    let md = nunki(&home)
        .args(["export", "--session", "mixed", "-o", "-"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    let solution =
        &md[md.find("## Proposed solution").unwrap()..md.find("## Bill of materials").unwrap()];
    assert!(!solution.contains("Windows workload hosting"), "{solution}");
    assert!(
        !md.contains("Sam Sales"),
        "the customer never sees who decided"
    );
}

#[test]
fn the_internal_proposal_logs_decisions_and_the_customer_reads_only_its_conditions() {
    let home = TempDir::new().unwrap();
    bank(&home);
    nunki(&home)
        .args([
            "approve",
            "bank",
            "coverage_24x7",
            "--by",
            "Olivia Ops",
            "--conditions",
            "only with the 24/7 OnCall plan",
            "--for-customer",
        ])
        .assert()
        .success();
    nunki(&home)
        .args([
            "approve",
            "bank",
            "finma_outsourcing",
            "--by",
            "Lea Legal",
            "--conditions",
            "price floor CHF 20'000",
        ])
        .assert()
        .success();
    nunki(&home)
        .args([
            "set",
            "bank",
            "compliance=",
            "--status",
            "proposed",
            "--force",
            "deadline",
        ])
        .assert()
        .success();
    let export = |audience: &str| {
        let out = nunki(&home)
            .args([
                "export",
                "--session",
                "bank",
                "--audience",
                audience,
                "-o",
                "-",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let internal = export("internal");
    assert!(
        internal.contains("Decision: approved by Olivia Ops on"),
        "{internal}"
    );
    assert!(
        internal.contains("finma_outsourcing (price floor CHF 20'000): approved by Lea Legal"),
        "{internal}"
    );
    let customer = export("customer");
    assert!(
        customer.contains("24/7 coverage: only with the 24/7 OnCall plan"),
        "{customer}"
    );
    assert!(!customer.contains("price floor"), "{customer}");
    assert!(
        !customer.contains("Olivia Ops") && !customer.contains("Lea Legal"),
        "{customer}"
    );
}
