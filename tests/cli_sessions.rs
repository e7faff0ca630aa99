//! `nunki new`, `sessions`, `set` and `check --session` as a user runs
//! them: the real binary, its exit codes, its files and its messages.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use nunki::knowledge::Knowledge;
use nunki::session::Store;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

/// The binary with its directories moved into a temp dir, so the machine's
/// own config and sessions never leak into a test.
fn nunki(home: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("nunki").unwrap();
    cmd.env("NUNKI_CONFIG_DIR", home.path().join("config"))
        .env("NUNKI_DATA_DIR", home.path().join("data"))
        .env("NO_COLOR", "1");
    cmd
}

fn sessions_dir(home: &TempDir) -> PathBuf {
    home.path().join("data").join("sessions")
}

/// Runs `nunki new …` and returns the path it printed.
fn new_session(home: &TempDir, args: &[&str]) -> PathBuf {
    let out = nunki(home).arg("new").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    assert!(path.is_file(), "{}", path.display());
    path
}

fn write(home: &TempDir, name: &str, text: &str) -> PathBuf {
    let p = home.path().join(name);
    fs::write(&p, text).unwrap();
    p
}

fn session_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap()
}

fn json_of(cmd: &mut Command) -> (i32, Value) {
    let out = cmd.output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), json)
}

const WEB_SHOP: &str = r#"{
    "customer_industry": "retail",
    "data_residency": "switzerland",
    "compliance": ["gdpr", "revdsg"],
    "availability_target": 99.5,
    "support_hours": "office_hours",
    "tenancy": "shared",
    "container_ready": true,
    "workload_os": "linux",
    "databases": ["postgresql", "redis"],
    "environments": 2,
    "workload_memory_gib": 8
}"#;

#[test]
fn new_prints_the_path_and_sessions_lists_it() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::contains("No sessions"));

    let path = new_session(
        &home,
        &[
            "--customer",
            "Acme AG",
            "--contact",
            "anna@acme.ch",
            "--template",
            "web_shop",
        ],
    );
    assert_eq!(path.parent(), Some(sessions_dir(&home).as_path()));
    let text = session_text(&path);
    assert!(
        text.contains("Acme AG") && text.contains("anna@acme.ch"),
        "{text}"
    );
    assert!(
        text.contains("template: \"web_shop_appuio_cloud\""),
        "{text}"
    );

    nunki(&home)
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::contains("Acme AG"))
        .stdout(predicate::str::contains("draft"))
        .stdout(predicate::str::contains("info"));

    let (code, json) = json_of(nunki(&home).args(["sessions", "--format", "json"]));
    assert_eq!(code, 0);
    let s = &json["sessions"][0];
    assert_eq!(s["customer"], "Acme AG");
    assert_eq!(s["contact"], "anna@acme.ch");
    assert_eq!(s["status"], "draft");
    assert_eq!(s["worst"], "info");
    assert_eq!(s["template"], "web_shop_appuio_cloud");
    assert_eq!(PathBuf::from(s["path"].as_str().unwrap()), path);
    assert!(s["monthly"].as_f64().unwrap() > 0.0, "{s}");
    assert_eq!(json["broken"], Value::Array(vec![]));
}

#[test]
fn the_data_dir_flag_moves_the_sessions() {
    let home = TempDir::new().unwrap();
    let elsewhere = home.path().join("elsewhere");
    let out = nunki(&home)
        .arg("--data-dir")
        .arg(&elsewhere)
        .args(["new", "--customer", "Flag"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    assert!(
        path.starts_with(elsewhere.join("sessions")),
        "{}",
        path.display()
    );
    assert!(!sessions_dir(&home).exists());
}

#[test]
fn new_refuses_bad_input_with_exit_2() {
    let home = TempDir::new().unwrap();
    nunki(&home)
        .args(["new", "--customer", "Acme", "--template", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no template matches `nope`"))
        .stderr(predicate::str::contains("regulated_finance_openshift"))
        .stderr(predicate::str::contains("saas_managed_kubernetes"));
    nunki(&home)
        .args(["new", "--customer", "  "])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("customer's name"));

    let bad = write(
        &home,
        "bad.ron",
        "{\"tenancy\": \"floating\", \"gpu\": \"maybe\"}",
    );
    nunki(&home)
        .args(["new", "--customer", "Acme", "--answers"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.ron"))
        .stderr(predicate::str::contains(
            "`tenancy` has no option `floating`",
        ))
        .stderr(predicate::str::contains("`gpu` expects"));
    let broken = write(
        &home,
        "broken.ron",
        "{\n  \"tenancy\": \"shared\"\n  \"gpu\": true,\n}",
    );
    nunki(&home)
        .args(["new", "--customer", "Acme", "--answers"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.ron:3:"));
    assert!(
        !sessions_dir(&home).exists()
            || fs::read_dir(sessions_dir(&home)).unwrap().next().is_none(),
        "nothing was created"
    );
}

#[test]
fn set_answers_status_and_notes_then_clears() {
    let home = TempDir::new().unwrap();
    let path = new_session(&home, &["--customer", "Acme AG"]);
    nunki(&home)
        .args([
            "set",
            "acme",
            "compliance=gdpr,finma",
            "gpu=no",
            "environments=3",
            "tenancy=shared",
            "--status",
            "lost",
            "--note",
            "gpu=Asked twice: no GPUs",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("saved"))
        .stdout(predicate::str::contains("status: lost"));
    let text = session_text(&path);
    assert!(text.contains("\"finma\""), "{text}");
    assert!(text.contains("\"gpu\": false"), "{text}");
    assert!(text.contains("\"environments\": 3"), "{text}");
    assert!(text.contains("status: lost"), "{text}");
    assert!(text.contains("Asked twice: no GPUs"), "{text}");
    assert!(
        path.with_extension("ron.bak").exists(),
        "the previous version is kept"
    );

    nunki(&home)
        .args(["set", "acme", "gpu=", "--note", "gpu="])
        .assert()
        .success()
        .stdout(predicate::str::contains("cleared: gpu"));
    let text = session_text(&path);
    assert!(!text.contains("\"gpu\""), "{text}");
    assert!(!text.contains("Asked twice"), "{text}");

    let (_, json) = json_of(nunki(&home).args(["sessions", "--format", "json"]));
    assert_eq!(json["sessions"][0]["status"], "lost");
}

#[test]
fn set_refuses_bad_values_and_changes_nothing() {
    let home = TempDir::new().unwrap();
    let path = new_session(&home, &["--customer", "Acme AG"]);
    let before = fs::read(&path).unwrap();
    nunki(&home)
        .args([
            "set",
            "acme",
            "gpu=maybe",
            "environments=99",
            "tenancy=floating",
            "tenacy=shared",
            "oops",
            "--status",
            "wonn",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing was changed"))
        .stderr(predicate::str::contains("`gpu` expects yes or no"))
        .stderr(predicate::str::contains(
            "`environments` must be between 1 and 20",
        ))
        .stderr(predicate::str::contains(
            "allowed values: shared, dedicated",
        ))
        .stderr(predicate::str::contains("did you mean `tenancy`"))
        .stderr(predicate::str::contains("`oops` is not QUESTION=VALUE"))
        .stderr(predicate::str::contains("draft, proposed, won, lost"));
    nunki(&home)
        .args(["set", "acme"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to set"));
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
}

#[test]
fn selectors_that_match_several_sessions_or_none_exit_2() {
    let home = TempDir::new().unwrap();
    let ag = new_session(&home, &["--customer", "Acme AG"]);
    let bank = new_session(&home, &["--customer", "Acme Bank"]);
    nunki(&home)
        .args(["set", "acme", "gpu=no"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("matches 2 sessions"))
        .stderr(predicate::str::contains(ag.display().to_string()))
        .stderr(predicate::str::contains(bank.display().to_string()));
    nunki(&home)
        .args(["check", "--session", "nobody"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no session matches `nobody`"));
    // A unique prefix, the customer slug, and a path all work.
    nunki(&home)
        .args(["set", "acme-b", "gpu=no"])
        .assert()
        .success();
    nunki(&home)
        .args(["set", "Acme AG", "gpu=yes"])
        .assert()
        .success();
    nunki(&home)
        .arg("set")
        .arg(&bank)
        .arg("gpu=yes")
        .assert()
        .success();
}

#[test]
fn check_session_scopes_like_check_answers() {
    let home = TempDir::new().unwrap();
    let answers = write(&home, "shop.json", WEB_SHOP);
    new_session(
        &home,
        &[
            "--customer",
            "Shop AG",
            "--answers",
            answers.to_str().unwrap(),
        ],
    );
    let (code_a, from_answers) = json_of(
        nunki(&home)
            .args(["check", "--format", "json", "--answers"])
            .arg(&answers),
    );
    let (code_s, from_session) =
        json_of(nunki(&home).args(["check", "--format", "json", "--session", "shop"]));
    assert_eq!(code_a, 0);
    assert_eq!(code_s, code_a);
    assert_eq!(from_session, from_answers);

    // Out of scope gives exit 1, like check --answers.
    nunki(&home)
        .args(["set", "shop", "workload_os=windows"])
        .assert()
        .success();
    nunki(&home)
        .args(["check", "--session", "shop"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("OUT OF SCOPE"));
}

#[test]
fn a_corrupt_session_exits_2_names_the_spot_and_stays_as_it_is() {
    let home = TempDir::new().unwrap();
    let path = new_session(&home, &["--customer", "Acme AG"]);
    nunki(&home)
        .args(["set", "acme", "gpu=no"])
        .assert()
        .success();
    let good = session_text(&path);
    let line = good
        .lines()
        .position(|l| l.contains("status: draft,"))
        .unwrap()
        + 1;
    let bad = good.replace("status: draft,", "status: draft");
    fs::write(&path, &bad).unwrap();

    for args in [
        vec!["check", "--session", "acme"],
        vec!["set", "acme", "gpu=yes"],
    ] {
        nunki(&home)
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!("{}:", path.display())))
            .stderr(predicate::str::contains(".ron.bak"))
            .stderr(predicate::str::contains("left as it is"));
    }
    let out = nunki(&home)
        .args(["check", "--session", "acme"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let spot = format!("{}:{}:", path.display(), line + 1);
    assert!(stderr.contains(&spot), "expected {spot} in {stderr}");

    nunki(&home)
        .arg("sessions")
        .assert()
        .success()
        .stderr(predicate::str::contains("cannot read"));
    assert_eq!(session_text(&path), bad, "never overwritten");
}

#[test]
fn set_on_a_session_open_elsewhere_exits_3_and_names_the_holder() {
    let home = TempDir::new().unwrap();
    let path = new_session(&home, &["--customer", "Acme AG"]);
    let before = fs::read(&path).unwrap();
    let knowledge = Knowledge::embedded().unwrap();
    let store = Store::at(sessions_dir(&home));
    let held = store.open("acme", &knowledge).unwrap();
    assert!(!held.read_only());

    let assert = nunki(&home)
        .args(["set", "acme", "gpu=no"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("open in another nunki"));
    if cfg!(unix) {
        assert.stderr(predicate::str::contains(format!(
            "pid {}",
            std::process::id()
        )));
    }
    // Reading is still fine while it is held.
    nunki(&home)
        .args(["check", "--session", "acme"])
        .assert()
        .success();
    assert_eq!(fs::read(&path).unwrap(), before);

    drop(held);
    nunki(&home)
        .args(["set", "acme", "gpu=no"])
        .assert()
        .success();
}

#[test]
fn a_stale_lock_is_taken_over_with_a_notice() {
    let home = TempDir::new().unwrap();
    let path = new_session(&home, &["--customer", "Acme AG"]);
    let mut lock = path.clone().into_os_string();
    lock.push(".lock");
    fs::write(
        &lock,
        "pid=999999\nhost=old-laptop\nsince=2025-01-14T09:00:00Z\n",
    )
    .unwrap();
    nunki(&home)
        .args(["set", "acme", "gpu=no"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no longer running"))
        .stderr(predicate::str::contains("999999"));
}

#[test]
fn orphaned_answers_are_reported_kept_and_can_be_cleared() {
    let home = TempDir::new().unwrap();
    let path = new_session(&home, &["--customer", "Acme AG", "--template", "saas"]);
    // An answer to a question a later knowledge removed.
    let text = session_text(&path).replacen(
        "answers: {",
        "answers: {\n        \"old_question\": true,",
        1,
    );
    fs::write(&path, text).unwrap();

    nunki(&home)
        .args(["check", "--session", "acme"])
        .assert()
        .success()
        .stderr(predicate::str::contains("orphaned"))
        .stderr(predicate::str::contains("old_question"));
    nunki(&home)
        .args(["set", "acme", "gpu=no"])
        .assert()
        .success()
        .stderr(predicate::str::contains("orphaned"));
    assert!(
        session_text(&path).contains("\"old_question\": true"),
        "kept after a save"
    );

    nunki(&home)
        .args(["set", "acme", "old_question="])
        .assert()
        .success();
    assert!(!session_text(&path).contains("old_question"));
    nunki(&home)
        .args(["set", "acme", "old_question="])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown question id `old_question`",
        ));
}

#[test]
fn every_template_starts_a_session_that_checks() {
    let home = TempDir::new().unwrap();
    for (i, t) in [
        "web_shop_appuio_cloud",
        "regulated_finance_openshift",
        "saas_managed_kubernetes",
    ]
    .iter()
    .enumerate()
    {
        let name = format!("Customer {i}");
        new_session(&home, &["--customer", &name, "--template", t]);
        let (code, json) = json_of(nunki(&home).args([
            "check",
            "--format",
            "json",
            "--session",
            &format!("customer-{i}"),
        ]));
        assert_eq!(code, 0, "{t}: {json}");
        assert!(!json["items"].as_array().unwrap().is_empty(), "{t}");
    }
}

#[test]
fn templates_of_ones_own_sit_beside_the_shipped_ones() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("config").join("templates");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("intranet.ron"),
        r#"(name: "Intranet", description: "Nextcloud for staff.", answers: {"tenancy": "shared", "other_services": ["nextcloud"]})"#,
    )
    .unwrap();
    let path = new_session(&home, &["--customer", "Intra", "--template", "intranet"]);
    assert!(session_text(&path).contains("\"nextcloud\""));

    fs::write(
        dir.join("typo.ron"),
        "(name: \"Typo\",\n description: \"x\",\n answerz: {})",
    )
    .unwrap();
    nunki(&home)
        .args(["new", "--customer", "X", "--template", "intranet"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("typo.ron:3:"));
    fs::write(
        dir.join("typo.ron"),
        r#"(name: "Typo", description: "x", answers: {"tenancy": "floating"})"#,
    )
    .unwrap();
    nunki(&home)
        .args(["new", "--customer", "X", "--template", "typo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("template typo"))
        .stderr(predicate::str::contains("no option `floating`"));
}
