//! A session saved before the sizing model (with the knowledge of that
//! day) still opens: its answers keep their meaning, the new questions are
//! simply open, and the drift report names what the new prices changed.
#![allow(clippy::unwrap_used)]

mod common;

use assert_cmd::Command;
use tempfile::TempDir;

const FIXTURE: &str = include_str!("fixtures/session_before_sizing.ron");

/// The binary with its directories in the test's home (tests/common).
fn nunki(home: &TempDir) -> Command {
    common::nunki(home.path())
}

#[test]
fn an_old_session_opens_and_names_what_changed() {
    let home = TempDir::new().unwrap();
    let sessions = home.path().join("data").join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let file = sessions.join("alte-bank-ag-20261202-01860e.ron");
    std::fs::write(&file, FIXTURE).unwrap();

    let out = nunki(&home)
        .args(["check", "--session", "alte", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    for change in [
        "the knowledge changed since this session was saved",
        "Cloud infrastructure (production cluster): CHF 768 → 1'480 per month",
        "now in the scope: Cloud infrastructure (test cluster)",
        "no longer in the scope: Helm chart or Kustomize (AppFlow)",
        "monthly total: CHF 23'712.60 → 25'112.80",
    ] {
        assert!(stderr.contains(change), "missing {change:?} in:\n{stderr}");
    }
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let open: Vec<&str> = json["open_questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q.as_str())
        .collect();
    for q in [
        "nonprod_memory_gib",
        "database_storage_gib",
        "engineering_packages",
    ] {
        assert!(open.contains(&q), "{q} should be open: {open:?}");
    }
    // Reading is not writing: the file is as it was.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), FIXTURE);
}
