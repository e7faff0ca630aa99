//! `nunki export` as a user runs it: the real binary, its exit codes, its
//! files and its messages, with every directory moved into a temp dir.
#![allow(clippy::unwrap_used)]

mod common;
mod export_support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use export_support::{fixtures, knowledge_dir};
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

/// The binary with its directories in `home`, the fixture knowledge, and
/// the fixture session saved in the sessions directory.
fn nunki(home: &TempDir) -> Command {
    let sessions = home.path().join("data/sessions");
    if !sessions.exists() {
        fs::create_dir_all(&sessions).unwrap();
        fs::copy(
            fixtures().join("export_session.ron"),
            sessions.join("muster-bank-ag-20260302-muster.ron"),
        )
        .unwrap();
    }
    let mut cmd = common::nunki(home.path());
    cmd.arg("export").arg("--catalog").arg(knowledge_dir());
    cmd
}

fn answers() -> PathBuf {
    fixtures().join("export_answers.ron")
}

/// Files in a directory, to see that nothing (no temp file) was left.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn answers_to_stdout_as_markdown_by_default() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .arg("--answers")
        .arg(answers())
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "# Scoped proposal for (unnamed)\n",
        ))
        .stdout(predicate::str::contains("**Date:** undated"))
        .stdout(predicate::str::contains(
            "| Data services | Managed PostgreSQL | standard-2 | VSHN | 1 | 90 |",
        ));
}

#[test]
fn answers_take_a_customer_and_a_date() {
    let home = TempDir::new().unwrap();
    let out = nunki(&home)
        .arg("--answers")
        .arg(answers())
        .args([
            "--customer",
            "Acme AG",
            "--date",
            "2026-03-14",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["customer"]["name"], "Acme AG");
    assert_eq!(json["date"], "2026-03-14");
    assert_eq!(json["valid_until"], "2026-04-13");
    assert_eq!(json["audience"], "customer");
}

#[test]
fn a_session_is_written_atomically_to_the_file_asked_for() {
    let home = TempDir::new().unwrap();
    let out_dir = TempDir::new().unwrap();
    let file = out_dir.path().join("muster.html");
    nunki(&home)
        .args(["--session", "muster", "--format", "html", "-o"])
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("wrote"));
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>Scoped proposal for <bdi>Muster Bank AG</bdi></h1>"));
    assert_eq!(
        entries(out_dir.path()),
        ["muster.html"],
        "no temp file left"
    );
    // The same session gives the same bytes, run after run.
    let again = out_dir.path().join("again.html");
    nunki(&home)
        .args(["--session", "muster", "--format", "html", "-o"])
        .arg(&again)
        .assert()
        .code(0);
    assert_eq!(fs::read(&file).unwrap(), fs::read(&again).unwrap());
}

#[test]
fn a_session_with_a_boundary_still_exports_with_exit_0() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .args(["--session", "20260302-muster", "--audience", "internal"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Not part of our offer: Windows workloads",
        ))
        .stdout(predicate::str::contains("Rule: rule-windows"))
        .stdout(predicate::str::contains(
            "Approver: Operations lead (approver-ops)",
        ));
}

#[test]
fn a_session_can_be_named_by_its_path() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .arg("--session")
        .arg(fixtures().join("export_session.ron"))
        .args(["--format", "csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("part,component,plan,"))
        .stdout(predicate::str::contains("Total,,,,,7943.50,32000.00,CHF,"));
}

#[test]
fn the_format_follows_the_file_extension() {
    let home = TempDir::new().unwrap();
    let out_dir = TempDir::new().unwrap();
    for (name, start) in [
        ("p.adoc", "= Scoped proposal for Muster Bank AG\n"),
        ("p.md", "# Scoped proposal"),
        ("p.json", "{"),
        ("p.csv", "part,"),
        ("p.HTML", "<!DOCTYPE html>"),
    ] {
        let file = out_dir.path().join(name);
        nunki(&home)
            .args(["--session", "muster", "-o"])
            .arg(&file)
            .assert()
            .code(0);
        assert!(
            fs::read_to_string(&file).unwrap().starts_with(start),
            "{name}"
        );
    }
}

#[test]
fn dash_is_stdout() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .args(["--session", "muster", "-f", "adoc", "-o", "-"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("= Scoped proposal"));
}

#[test]
fn a_bad_format_is_exit_2() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .args(["--session", "muster", "--format", "docx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("docx"))
        .stderr(predicate::str::contains("md"));
}

#[test]
fn an_unknown_extension_without_format_is_exit_2_and_writes_nothing() {
    let home = TempDir::new().unwrap();
    let out_dir = TempDir::new().unwrap();
    nunki(&home)
        .args(["--session", "muster", "-o"])
        .arg(out_dir.path().join("proposal.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot tell the format"))
        .stderr(predicate::str::contains("--format"));
    assert!(entries(out_dir.path()).is_empty());
}

#[test]
fn missing_or_doubled_sources_and_bad_dates_are_exit_2() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .args(["--format", "md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--session"));
    nunki(&home)
        .args(["--session", "muster", "--answers"])
        .arg(answers())
        .assert()
        .code(2);
    nunki(&home)
        .arg("--answers")
        .arg(answers())
        .args(["--date", "14.03.2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn an_unknown_session_is_exit_2() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .args(["--session", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nobody"));
}

#[test]
fn an_error_never_clobbers_the_output_file() {
    let home = TempDir::new().unwrap();
    let out_dir = TempDir::new().unwrap();
    let file = out_dir.path().join("proposal.md");
    fs::write(&file, "precious").unwrap();
    let bad = out_dir.path().join("bad.ron");
    fs::write(&bad, "{ \"no_such_question\": true }").unwrap();
    nunki(&home)
        .arg("--answers")
        .arg(&bad)
        .arg("-o")
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no_such_question"));
    nunki(&home)
        .args(["--session", "nobody", "-o"])
        .arg(&file)
        .assert()
        .code(2);
    assert_eq!(fs::read_to_string(&file).unwrap(), "precious");
    assert_eq!(entries(out_dir.path()), ["bad.ron", "proposal.md"]);
    // A successful export does replace it.
    nunki(&home)
        .args(["--session", "muster", "-o"])
        .arg(&file)
        .assert()
        .code(0);
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("# Scoped proposal")
    );
}

#[test]
fn an_unwritable_target_is_exit_3() {
    let home = TempDir::new().unwrap();
    let out_dir = TempDir::new().unwrap();
    nunki(&home)
        .args(["--session", "muster", "-o"])
        .arg(out_dir.path().join("missing/dir/p.md"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("cannot write"));
    // A directory in the way: nothing is renamed over it, no temp file stays.
    let dir = out_dir.path().join("taken.md");
    fs::create_dir(&dir).unwrap();
    nunki(&home)
        .args(["--session", "muster", "-o"])
        .arg(&dir)
        .assert()
        .code(3);
    assert!(dir.is_dir());
    assert_eq!(entries(out_dir.path()), ["taken.md"]);
}

#[test]
fn help_names_the_formats_and_an_example() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("adoc"))
        .stdout(predicate::str::contains(
            "nunki export --session acme --format html -o acme.html",
        ));
}
