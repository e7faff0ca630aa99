//! `nunki catalog search` as a user runs it: ranked hits from the knowledge
//! (shipped or `--catalog DIR`), or bare names from `--names FILE` the way
//! `fzf --filter` prints them, and its exit codes.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::nunki;
use predicates::prelude::*;
use tempfile::TempDir;

fn stdout_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn names_file(dir: &TempDir, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join("names.txt");
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn finds_an_offering_in_the_shipped_knowledge_first() {
    let home = TempDir::new().unwrap();
    let out = nunki(home.path())
        .args(["catalog", "search", "postgres"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = stdout_lines(&out);
    let first: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(first[..2], ["offering", "appcat_postgresql"], "{lines:?}");
    assert!(lines[0].contains("PostgreSQL"), "{lines:?}");
    assert!(lines.len() <= 20, "the default limit is 20");
}

#[test]
fn words_are_one_query_in_any_order_and_the_limit_holds() {
    let home = TempDir::new().unwrap();
    let run = |args: &[&str]| {
        let out = nunki(home.path())
            .args(["catalog", "search"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        stdout_lines(&out)
    };
    let quoted = run(&["finma outsourcing"]);
    assert_eq!(run(&["finma", "outsourcing"]), quoted);
    // The compliance question (whose options name FINMA outsourcing) and
    // the rule about it lead.
    assert!(
        quoted[..2].iter().any(|l| l.contains("finma_outsourcing")),
        "{quoted:?}"
    );
    // The id column is as wide as the ids shown, so compare the ids.
    let ids = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .map(|l| l.split_whitespace().nth(1).unwrap().to_string())
            .collect()
    };
    let first = run(&["outsourcing finma", "--limit", "1"]);
    assert_eq!(ids(&first), ids(&quoted[..1]));
    assert_eq!(run(&["a", "--limit", "3"]).len(), 3);
}

#[test]
fn searches_the_knowledge_of_catalog_dir() {
    let home = TempDir::new().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export_knowledge");
    let shipped = nunki(home.path())
        .args(["catalog", "search", "a", "--limit", "0"])
        .output()
        .unwrap();
    let fixture = nunki(home.path())
        .args(["catalog", "search", "a", "--limit", "0", "--catalog"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(fixture.status.code(), Some(0));
    let (shipped, fixture) = (stdout_lines(&shipped), stdout_lines(&fixture));
    assert!(!fixture.is_empty());
    assert_ne!(shipped, fixture, "--catalog replaces the shipped knowledge");
}

#[test]
fn names_print_bare_best_first_shorter_first_on_ties() {
    let home = TempDir::new().unwrap();
    // CRLF endings, blank lines and a byte that is not UTF-8 are all taken
    // in stride.
    let file = names_file(
        &home,
        b"Exoscale PostgreSQL Business ch-gva-2 EXO-1\r\n\r\nAiven Redis Premium lpg AIV-2\r\n\
          SUSE PostgreSQL HA rma1 SUS-3\r\n   \r\nZ\xfcrich PostgreSQL ZRH-4\r\nKafka\r\n",
    );
    let out = nunki(home.path())
        .args(["catalog", "search", "postgres", "--names"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_lines(&out),
        [
            "Z\u{fffd}rich PostgreSQL ZRH-4",
            "SUSE PostgreSQL HA rma1 SUS-3",
            "Exoscale PostgreSQL Business ch-gva-2 EXO-1",
        ]
    );
    let out = nunki(home.path())
        .args([
            "catalog", "search", "postgres", "!suse", "--limit", "1", "--names",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(stdout_lines(&out), ["Z\u{fffd}rich PostgreSQL ZRH-4"]);
}

#[test]
fn limit_zero_prints_every_match() {
    let home = TempDir::new().unwrap();
    let names: String = (0..50).map(|i| format!("Redis {i}\nKafka {i}\n")).collect();
    let file = names_file(&home, names.as_bytes());
    let out = nunki(home.path())
        .args(["catalog", "search", "redis", "--limit", "0", "--names"])
        .arg(&file)
        .output()
        .unwrap();
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 50);
    assert!(lines.iter().all(|l| l.starts_with("Redis ")));
}

#[test]
fn no_match_is_not_an_error() {
    let home = TempDir::new().unwrap();
    nunki(home.path())
        .args(["catalog", "search", "zzzzqqqq"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("no match for \"zzzzqqqq\""));
}

#[test]
fn a_missing_names_file_is_invalid_input() {
    let home = TempDir::new().unwrap();
    let missing = home.path().join("no-such-names.txt");
    nunki(home.path())
        .args(["catalog", "search", "redis", "--names"])
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("no-such-names.txt")
                .and(predicate::str::contains("one name per line")),
        );
}

#[test]
fn a_query_is_required() {
    let home = TempDir::new().unwrap();
    nunki(home.path())
        .args(["catalog", "search"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("QUERY"));
}
