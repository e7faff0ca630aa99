//! Options, comparison, insights and the Tech Radar, through the binary:
//! each option's scope must equal a separate `check` of its answers, and
//! insights must count what the sessions say while leaving a corrupt file
//! untouched.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{new_session, nunki};
use serde_json::{Value, json};
use tempfile::TempDir;

fn run_json(home: &Path, args: &[&str]) -> Value {
    let out = nunki(home).args(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const BASE: &str = r#"{"customer_industry": "software", "data_residency": "switzerland",
    "environments": 2, "workload_memory_gib": 16, "databases": ["postgresql"],
    "support_hours": "office_hours", "container_ready": true, "object_storage": true}"#;

#[test]
fn two_options_compare_like_two_separate_checks() {
    let home = TempDir::new().unwrap();
    let h = home.path();
    let base: Value = serde_json::from_str(BASE).unwrap();
    new_session(h, "Option Test AG", &base);
    let a = [("tenancy", json!("shared"))];
    let b = [
        ("tenancy", json!("dedicated")),
        ("cluster_distribution", json!("kubernetes")),
        ("availability_target", json!(99.9)),
    ];
    nunki(h)
        .args([
            "option",
            "add",
            "option-test",
            "A — APPUiO Cloud",
            "tenancy=shared",
        ])
        .assert()
        .success();
    nunki(h)
        .args([
            "option",
            "add",
            "option-test",
            "B — Managed Kubernetes",
            "tenancy=dedicated",
            "cluster_distribution=kubernetes",
            "availability_target=99.9",
        ])
        .assert()
        .success();
    let cmp = run_json(h, &["compare", "option-test", "--format", "json"]);
    // Base, the session's own answers, is the first column.
    assert_eq!(cmp["options"][0]["name"], "Base");
    assert_eq!(cmp["options"][1]["name"], "A — APPUiO Cloud");
    assert_eq!(cmp["options"][2]["name"], "B — Managed Kubernetes");

    let none: [(&str, Value); 0] = [];
    for (col, extra) in [(0usize, &none[..]), (1, &a[..]), (2, &b[..])] {
        let mut answers = base.as_object().unwrap().clone();
        for (q, v) in extra {
            answers.insert((*q).to_string(), v.clone());
        }
        let file = h.join(format!("option{col}.json"));
        std::fs::write(&file, Value::Object(answers).to_string()).unwrap();
        let check = run_json(
            h,
            &[
                "check",
                "--format",
                "json",
                "--answers",
                file.to_str().unwrap(),
            ],
        );

        assert_eq!(
            cmp["options"][col]["monthly"], check["totals"]["monthly"],
            "option {col}"
        );
        assert_eq!(
            cmp["options"][col]["one_time"], check["totals"]["one_time"],
            "option {col}"
        );
        let from_check: BTreeMap<String, (Value, Value)> = check["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["offering"].as_str().unwrap().to_string(),
                    (i["plan"].clone(), i["monthly"].clone()),
                )
            })
            .collect();
        let from_cmp: BTreeMap<String, (Value, Value)> = cmp["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|row| !row["cells"][col].is_null())
            .map(|row| {
                let c = &row["cells"][col];
                (
                    row["offering"].as_str().unwrap().to_string(),
                    (c["plan"].clone(), c["monthly"].clone()),
                )
            })
            .collect();
        assert_eq!(from_cmp, from_check, "items of option {col}");
        let mut flags_check: Vec<String> = check["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        let mut flags_cmp: Vec<String> = cmp["flags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["present"][col] == true)
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        flags_check.sort();
        flags_cmp.sort();
        assert_eq!(flags_cmp, flags_check, "flags of option {col}");
    }
    // The platform differs between the options, PostgreSQL does not.
    let row = |o: &str| {
        cmp["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["offering"] == o)
            .cloned()
            .unwrap()
    };
    assert_eq!(row("appuio_cloud")["differs"], true);
    assert_eq!(row("appcat_postgresql")["differs"], false);

    let text = nunki(h).args(["compare", "option-test"]).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("A — APPUiO Cloud") && text.contains("◆"),
        "{text}"
    );
}

#[test]
fn a_fifth_option_and_a_duplicate_name_are_refused() {
    let home = TempDir::new().unwrap();
    let h = home.path();
    new_session(h, "Many Options", json!({"tenancy": "shared"}));
    for i in 0..4 {
        nunki(h)
            .args([
                "option",
                "add",
                "many",
                &format!("O{i}"),
                &format!("environments={}", i + 1),
            ])
            .assert()
            .success();
    }
    nunki(h)
        .args(["option", "add", "many", "O9"])
        .assert()
        .code(2);
    nunki(h)
        .args(["option", "add", "many", "O1"])
        .assert()
        .code(2);
    nunki(h)
        .args(["option", "add", "many", "X", "environments=99"])
        .assert()
        .code(2);
    nunki(h).args(["compare", "nobody"]).assert().code(2);
}

#[test]
fn insights_count_sessions_and_skip_a_corrupt_one_untouched() {
    let home = TempDir::new().unwrap();
    let h = home.path();
    new_session(
        h,
        "Win One",
        json!({"tenancy": "shared", "workload_os": "windows"}),
    );
    new_session(
        h,
        "Win Two",
        json!({"tenancy": "shared", "workload_os": "windows", "gpu": true}),
    );
    new_session(
        h,
        "Clean Three",
        json!({"tenancy": "shared", "workload_os": "linux"}),
    );
    nunki(h)
        .args(["set", "win-one", "--status", "won"])
        .assert()
        .success();
    nunki(h)
        .args(["set", "win-two", "--status", "lost"])
        .assert()
        .success();
    let corrupt = h.join("data/sessions/corrupt.ron");
    let bytes = b"(format: 1, id: \"x\", customer: (name: \"Broken\"\n".to_vec();
    std::fs::write(&corrupt, &bytes).unwrap();

    let out = nunki(h)
        .args(["insights", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("corrupt.ron"));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["sessions"], 3);
    assert_eq!(r["customers"], 3);
    assert_eq!(r["skipped"].as_array().unwrap().len(), 1);
    let flag = |rule: &str| {
        r["flags"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == rule)
            .cloned()
    };
    let windows = flag("windows_workloads").unwrap();
    assert_eq!(windows["sessions"], 2);
    assert_eq!(windows["customers"], 2);
    assert_eq!(windows["won"], 1);
    assert_eq!(windows["lost"], 1);
    assert_eq!(flag("gpu_on_shared").unwrap()["sessions"], 1);
    assert_eq!(
        r["flags"][0]["rule"], "windows_workloads",
        "most hit first among the boundaries"
    );
    assert!(
        !r["requests"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["question"] == "tenancy"),
        "the platform chosen is context, not a request: {:#}",
        r["requests"]
    );
    let request = &r["requests"][0];
    assert_eq!(request["question"], "workload_os");
    assert_eq!(request["sessions"], 2);
    let cloud = r["offerings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["offering"] == "appuio_cloud")
        .unwrap();
    assert_eq!(cloud["sessions"], 3);
    assert_eq!(
        std::fs::read(&corrupt).unwrap(),
        bytes,
        "the corrupt file is left byte for byte"
    );

    let csv = nunki(h)
        .args(["insights", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("kind,id,title,severity,sessions"));
    assert!(
        csv.contains("flag,windows_workloads,Windows workloads,out_of_scope,2,2,"),
        "{csv}"
    );
    // Nothing changed since the day after tomorrow.
    let later = nunki(h)
        .args(["insights", "--format", "json", "--since", "2999-01-01"])
        .output()
        .unwrap();
    let later: Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(later["sessions"], 0);
    nunki(h)
        .args(["insights", "--since", "yesterday"])
        .assert()
        .code(2);
}

#[test]
fn a_technology_on_hold_needs_tech_alignment() {
    let home = TempDir::new().unwrap();
    let h = home.path();
    let file = h.join("radar.ron");
    std::fs::write(&file, r#"{"technologies": "Jenkins, PostgreSQL"}"#).unwrap();
    let check = run_json(
        h,
        &[
            "check",
            "--format",
            "json",
            "--answers",
            file.to_str().unwrap(),
        ],
    );
    let flag = check["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "radar_hold")
        .unwrap();
    assert_eq!(flag["approver"], "Tech Alignment");
    assert_eq!(flag["severity"], "needs_approval");
    assert!(flag["detail"].as_str().unwrap().contains("Jenkins"));
    assert!(
        !flag["detail"].as_str().unwrap().contains("PostgreSQL"),
        "adopted technologies are not named"
    );
}
