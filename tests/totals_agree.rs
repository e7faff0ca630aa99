//! The totals agree to the franc between `nunki check` and every export,
//! and every one of them names the same items left out of the totals.
#![allow(clippy::unwrap_used)]

mod common;

use assert_cmd::Command;
use tempfile::TempDir;

/// The binary with its directories in the test's home (tests/common).
fn nunki(home: &TempDir) -> Command {
    common::nunki(home.path())
}

fn run(home: &TempDir, args: &[&str]) -> String {
    let out = nunki(home).args(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {out:?}"
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn check_and_every_export_show_the_same_totals_and_left_out_items() {
    let home = TempDir::new().unwrap();
    let answers = home.path().join("a.json");
    std::fs::write(
        &answers,
        r#"{"tenancy": "dedicated", "cluster_distribution": "openshift", "cloud_provider": "gcp",
            "data_residency": "any", "availability_target": 99.9, "environments": 2,
            "workload_memory_gib": 24, "gpu": true, "other_services": ["kafka"],
            "databases": ["postgresql"], "database_ha": true, "support_hours": "extended",
            "app_operations": true, "applications": 1}"#,
    )
    .unwrap();
    run(
        &home,
        &[
            "new",
            "--customer",
            "Totals AG",
            "--answers",
            answers.to_str().unwrap(),
        ],
    );

    let check: serde_json::Value = serde_json::from_str(&run(
        &home,
        &["check", "--session", "totals", "--format", "json"],
    ))
    .unwrap();
    let monthly = check["totals"]["monthly"].as_f64().unwrap();
    let one_time = check["totals"]["one_time"].as_f64().unwrap();
    let ids: Vec<&str> = check["totals"]["priced_on_request"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "cloud_infrastructure",
            "cloud_infrastructure_test",
            "partner_kafka",
            "cluster_gpu_nodes"
        ]
    );
    let names: Vec<String> = ids
        .iter()
        .map(|id| {
            let item = check["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["offering"] == *id)
                .unwrap();
            item["name"].as_str().unwrap().to_string()
        })
        .collect();
    let rows: f64 = check["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["monthly"].as_f64().unwrap())
        .sum();
    assert!(
        (rows - monthly).abs() < 0.005,
        "rows {rows} vs total {monthly}"
    );

    let export: serde_json::Value = serde_json::from_str(&run(
        &home,
        &[
            "export",
            "--session",
            "totals",
            "--format",
            "json",
            "-o",
            "-",
        ],
    ))
    .unwrap();
    let total = &export["bill"]["total"];
    assert_eq!(total["monthly"].as_f64().unwrap(), monthly);
    assert_eq!(total["one_time"].as_f64().unwrap(), one_time);
    assert_eq!(total["priced_on_request"], serde_json::json!(names));

    let csv = run(
        &home,
        &[
            "export",
            "--session",
            "totals",
            "--format",
            "csv",
            "-o",
            "-",
        ],
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let total_row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| r.get(0) == Some("Total"))
        .unwrap();
    let amounts: Vec<f64> = total_row.iter().filter_map(|c| c.parse().ok()).collect();
    assert_eq!(amounts, [monthly, one_time], "{total_row:?}");

    for format in ["md", "html", "adoc", "csv"] {
        for audience in ["customer", "internal"] {
            let text = run(
                &home,
                &[
                    "export",
                    "--session",
                    "totals",
                    "--format",
                    format,
                    "--audience",
                    audience,
                    "-o",
                    "-",
                ],
            );
            let text = text.replace("&#39;", "'");
            for name in &names {
                assert!(
                    text.contains(name.as_str()),
                    "{format}/{audience} lacks {name}"
                );
            }
            assert!(
                text.contains("not in the totals: on request: Managed Kafka, GPU nodes on the dedicated cluster; billed by the provider: Cloud infrastructure (production cluster), Cloud infrastructure (test cluster)"),
                "{format}/{audience} does not say what the totals leave out:\n{text}"
            );
        }
    }
    let text = run(&home, &["check", "--session", "totals"]);
    assert!(text.contains("Not in the totals: on request: Managed Kafka, GPU nodes on the dedicated cluster; billed by the provider: Cloud infrastructure (production cluster), Cloud infrastructure (test cluster)."), "{text}");
}
