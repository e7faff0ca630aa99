//! The hand-over to operations (OpenSLO) and option proposals, through the
//! binary and read back: the YAML holds one SLO per component with the
//! targets of the engine's `Scope`, and an option's proposal shows that
//! option's scope.
#![allow(clippy::unwrap_used)]

mod common;

use common::{new_session, nunki};
use nunki::knowledge::Knowledge;
use serde_json::Value;
use tempfile::TempDir;

const BANK: &str = r#"{"customer_industry": "finance", "tenancy": "dedicated",
    "cluster_distribution": "openshift", "cloud_provider": "exoscale",
    "availability_target": 99.9, "support_hours": "24x7", "environments": 2,
    "databases": ["postgresql"], "database_ha": true, "workload_memory_gib": 16}"#;

#[test]
fn openslo_holds_one_slo_per_component_with_the_scope_targets() {
    let home = TempDir::new().unwrap();
    let h = home.path();
    let path = new_session(h, "Bank Zürich AG", BANK);
    let yaml_path = h.join("slos.yaml");
    nunki(h)
        .args(["export", "--session", "bank", "--format", "openslo", "-o"])
        .arg(&yaml_path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&yaml_path).unwrap();
    let docs: Vec<Value> = serde_saphyr::from_multiple(&text).unwrap();

    let knowledge = Knowledge::embedded().unwrap();
    let stored = nunki::session::store::load(&path).unwrap();
    let scope = stored.evaluate(&knowledge).scope;
    let with_targets: Vec<_> = scope
        .items
        .iter()
        .filter(|i| i.service_level.availability.is_some())
        .collect();
    assert!(with_targets.len() >= 3, "cluster, test cluster, database");

    assert_eq!(docs[0]["kind"], "Service");
    assert_eq!(docs[0]["apiVersion"], "openslo/v1");
    assert_eq!(docs[0]["metadata"]["name"], "bank-zuerich-ag");
    let slos: Vec<&Value> = docs.iter().filter(|d| d["kind"] == "SLO").collect();
    assert_eq!(
        slos.len(),
        with_targets.len(),
        "one SLO per component with an objective"
    );
    for item in with_targets {
        let slo = slos
            .iter()
            .find(|d| {
                d["metadata"]["annotations"]["nunki.vshn.ch/plan"] == item.plan.as_str()
                    && d["metadata"]["name"]
                        .as_str()
                        .unwrap()
                        .ends_with(&item.offering.replace('_', "-"))
            })
            .unwrap_or_else(|| panic!("no SLO for {}", item.offering));
        let target = slo["spec"]["objectives"][0]["target"].as_f64().unwrap();
        let wanted = item.service_level.availability.unwrap() / 100.0;
        assert!(
            (target - wanted).abs() < 1e-9,
            "{}: {target} vs {wanted}",
            item.offering
        );
        assert_eq!(slo["spec"]["service"], "bank-zuerich-ag");
        assert_eq!(slo["spec"]["timeWindow"][0]["duration"], "1M");
        assert_eq!(slo["spec"]["timeWindow"][0]["isRolling"], false);
        assert!(slo["spec"]["indicator"]["spec"]["ratioMetric"]["good"]["metricSource"]["spec"]["query"]
            .as_str()
            .unwrap()
            .contains(&item.offering));
        assert!(!slo["spec"]["description"].as_str().unwrap().is_empty());
    }

    // The internal proposal lists the same objectives.
    let md = nunki(h)
        .args(["export", "--session", "bank", "--audience", "internal"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    let section = md.split("### Service level objectives").nth(1).unwrap();
    for d in &slos {
        let target = d["spec"]["objectives"][0]["target"].as_f64().unwrap() * 100.0;
        assert!(
            section.contains(&format!("{} %", (target * 1000.0).round() / 1000.0)),
            "{section}"
        );
    }
}

#[test]
fn an_option_proposal_shows_the_option_and_a_comparison() {
    let home = TempDir::new().unwrap();
    let h = home.path();
    new_session(
        h,
        "Shop AG",
        r#"{"environments": 1, "workload_memory_gib": 4, "databases": ["postgresql"]}"#,
    );
    nunki(h)
        .args(["option", "add", "shop", "A — Shared", "tenancy=shared"])
        .assert()
        .success();
    nunki(h)
        .args([
            "option",
            "add",
            "shop",
            "B — Dedicated",
            "tenancy=dedicated",
            "cloud_provider=cloudscale",
        ])
        .assert()
        .success();
    let json = nunki(h)
        .args([
            "export",
            "--session",
            "shop",
            "--option",
            "B — Dedicated",
            "--format",
            "json",
            "--compare",
        ])
        .output()
        .unwrap();
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let p: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(p["option"], "B — Dedicated");
    assert!(p["title"].as_str().unwrap().ends_with("B — Dedicated"));
    let cmp: Value = serde_json::from_slice(
        &nunki(h)
            .args(["compare", "shop", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(cmp["options"][0]["name"], "Base");
    assert_eq!(p["bill"]["total"]["monthly"], cmp["options"][2]["monthly"]);
    assert_eq!(
        p["comparison"]["columns"],
        serde_json::json!(["Base", "A — Shared", "B — Dedicated"])
    );
    let rows = p["comparison"]["rows"].as_array().unwrap();
    assert!(
        rows.iter()
            .any(|r| r["label"] == "Monthly" && r["differs"] == true)
    );

    let html = nunki(h)
        .args([
            "export",
            "--session",
            "shop",
            "--format",
            "html",
            "--compare",
        ])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("table.comparison tr.differs th").unwrap();
    let differing: Vec<String> = doc.select(&sel).map(|e| e.text().collect()).collect();
    assert!(differing.contains(&"Monthly".to_string()), "{differing:?}");

    nunki(h)
        .args(["export", "--session", "shop", "--option", "C"])
        .assert()
        .code(2);
    nunki(h)
        .args(["export", "--answers", "x.ron", "--compare"])
        .assert()
        .code(2);

    // A unique prefix is enough, whatever its case; an ambiguous one lists
    // the matches and changes nothing.
    let by_prefix = |prefix: &str| {
        nunki(h)
            .args([
                "export",
                "--session",
                "shop",
                "--format",
                "json",
                "--option",
                prefix,
            ])
            .output()
            .unwrap()
    };
    let b: Value = serde_json::from_slice(&by_prefix("b").stdout).unwrap();
    assert_eq!(b["option"], "B — Dedicated");
    nunki(h)
        .args(["option", "add", "shop", "B2 — Later", "tenancy=shared"])
        .assert()
        .success();
    let ambiguous = by_prefix("b");
    assert_eq!(ambiguous.status.code(), Some(2));
    let err = String::from_utf8(ambiguous.stderr).unwrap();
    assert!(
        err.contains("\"b\" matches several options")
            && err.contains("\"B — Dedicated\"")
            && err.contains("\"B2 — Later\""),
        "{err}"
    );
    let exact: Value = serde_json::from_slice(&by_prefix("b —").stdout).unwrap();
    assert_eq!(exact["option"], "B — Dedicated");
    nunki(h)
        .args(["option", "remove", "shop", "b2"])
        .assert()
        .success()
        .stdout(predicates::str::contains("removed option \"B2 — Later\""));
}
