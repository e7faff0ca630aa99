//! `nunki check` and `nunki catalog …` as a user runs them: the real binary,
//! its exit codes, its JSON contract and its messages.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::nunki;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn write(dir: &TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn check_json(home: &TempDir, answers: &Path) -> (i32, Value) {
    let out = nunki(home.path())
        .args(["check", "--format", "json", "--answers"])
        .arg(answers)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), json)
}

const WEB_SHOP: &str = r#"{
    "customer_industry": "retail",
    "data_residency": "switzerland",
    "compliance": ["gdpr", "revdsg"],
    "availability_target": 99.5,
    "support_hours": "office_hours",
    "tenancy": "shared",
    "cloud_provider": "no_preference",
    "container_ready": true,
    "workload_os": "linux",
    "gpu": false,
    "databases": ["postgresql", "redis"],
    "object_storage": true,
    "ci_cd": "gitlab",
    "environments": 2,
    "workload_memory_gib": 8,
    "go_live_weeks": 6,
    "budget_monthly_chf": 5000
}"#;

#[test]
fn json_follows_the_contract() {
    let home = TempDir::new().unwrap();
    let f = write(&home, "shop.json", WEB_SHOP);
    let (code, json) = check_json(&home, &f);
    assert_eq!(code, 0, "{json:#}");
    let items = json["items"].as_array().unwrap();
    let cloud = items
        .iter()
        .find(|i| i["offering"] == "appuio_cloud")
        .expect("APPUiO Cloud is proposed for a shared platform");
    for key in [
        "offering", "name", "family", "provider", "plan", "quantity", "monthly", "one_time",
        "because",
    ] {
        assert!(cloud.get(key).is_some(), "item lacks {key}: {cloud:#}");
    }
    assert_eq!(cloud["family"], "appuio_cloud");
    // 8 GiB in production plus 4 GiB assumed for the second environment
    // (half of production while unanswered), × CHF 55.
    assert_eq!(cloud["monthly"], 660.0);
    let notes = cloud["price_lines"][0]["notes"].to_string();
    assert!(
        notes.contains("nonprod_memory_gib not answered: 4 GiB assumed"),
        "{notes}"
    );
    assert_eq!(json["totals"]["priced_on_request"], serde_json::json!([]));
    assert_eq!(cloud["because"][0]["rule"], "platform_shared");
    assert!(items.iter().any(|i| i["offering"] == "appcat_postgresql"));
    assert!(items.iter().any(|i| i["offering"] == "appcat_redis"));
    for flag in json["flags"].as_array().unwrap() {
        for key in [
            "rule",
            "severity",
            "title",
            "detail",
            "remediation",
            "approver",
            "questions",
        ] {
            assert!(flag.get(key).is_some(), "flag lacks {key}: {flag:#}");
        }
    }
    let sum: f64 = items.iter().map(|i| i["monthly"].as_f64().unwrap()).sum();
    assert_eq!(json["totals"]["monthly"].as_f64().unwrap(), sum);
    assert_eq!(json["totals"]["currency"], "CHF");
    assert!(json["open_questions"].is_array());
}

#[test]
fn out_of_scope_exits_1_and_names_the_boundary() {
    let home = TempDir::new().unwrap();
    let f = write(
        &home,
        "win.ron",
        r#"{"tenancy": "shared", "workload_os": "windows", "compliance": ["hipaa"]}"#,
    );
    let (code, json) = check_json(&home, &f);
    assert_eq!(code, 1);
    let flags = json["flags"].as_array().unwrap();
    let windows = flags
        .iter()
        .find(|f| f["rule"] == "windows_workloads")
        .unwrap();
    assert_eq!(windows["severity"], "out_of_scope");
    assert_eq!(windows["questions"], serde_json::json!(["workload_os"]));
    assert!(flags.iter().any(|f| f["rule"] == "hipaa"));
    // Most severe first.
    assert_eq!(flags[0]["severity"], "out_of_scope");
}

#[test]
fn text_format_shows_items_flags_and_totals() {
    let home = TempDir::new().unwrap();
    let f = write(
        &home,
        "a.ron",
        r#"{"tenancy": "shared", "gpu": true, "environments": 1, "workload_memory_gib": 4}"#,
    );
    nunki(home.path())
        .args(["check", "--answers"])
        .arg(&f)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("APPUiO Cloud"))
        .stdout(predicate::str::contains(
            "[OUT OF SCOPE] GPUs on the shared platform",
        ))
        .stdout(predicate::str::contains("Total: CHF 220 per month"));
}

fn assert_input_error(answers: &str, ext: &str, needles: &[&str]) {
    let home = TempDir::new().unwrap();
    let f = write(&home, &format!("answers.{ext}"), answers);
    let out = nunki(home.path())
        .args(["check", "--format", "json", "--answers"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "answers {answers}");
    assert!(out.stdout.is_empty(), "nothing on stdout for bad input");
    let err = String::from_utf8(out.stderr).unwrap();
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn unknown_question_is_exit_2_with_a_suggestion() {
    assert_input_error(
        r#"{"tenancyy": "shared"}"#,
        "ron",
        &["unknown question id `tenancyy`", "did you mean `tenancy`"],
    );
}

#[test]
fn unknown_option_lists_the_allowed_values() {
    assert_input_error(
        r#"{"data_residency": "mars"}"#,
        "json",
        &[
            "`data_residency` has no option `mars`",
            "switzerland, eu, any",
        ],
    );
}

#[test]
fn wrong_type_says_what_was_expected() {
    assert_input_error(
        r#"{"environments": "three"}"#,
        "ron",
        &["`environments` expects a number", "got a string"],
    );
    assert_input_error(
        r#"{"compliance": "gdpr"}"#,
        "ron",
        &["`compliance` expects a list of option ids"],
    );
    assert_input_error(r#"{"gpu": "no"}"#, "json", &["`gpu` expects true or false"]);
}

#[test]
fn out_of_range_names_the_range() {
    assert_input_error(
        r#"{"availability_target": 120}"#,
        "ron",
        &["`availability_target` must be between 90 and 100 %, got 120"],
    );
    assert_input_error(
        r#"{"environments": 2.5}"#,
        "ron",
        &["`environments` takes a whole number"],
    );
}

#[test]
fn malformed_file_names_line_and_column() {
    assert_input_error(
        "{\n  \"tenancy\": \"shared\",\n  \"gpu\" true\n}\n",
        "ron",
        &["answers.ron:3:"],
    );
    assert_input_error("{\"tenancy\": \"shared\",,}", "json", &["answers.json:1:"]);
}

#[test]
fn missing_file_is_exit_2() {
    let home = TempDir::new().unwrap();
    nunki(home.path())
        .args(["check", "--answers", "/nonexistent/answers.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read the answers file /nonexistent/answers.ron",
        ));
}

#[test]
fn every_problem_is_reported_at_once() {
    assert_input_error(
        r#"{"data_residency": "mars", "environments": 99, "gpux": true}"#,
        "ron",
        &["3 invalid answers", "mars", "environments", "gpux"],
    );
}

fn validate(dir: &str) -> (i32, String) {
    let home = TempDir::new().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/invalid_data")
        .join(dir);
    let out = nunki(home.path())
        .args(["catalog", "validate", "--catalog"])
        .arg(&path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn validate_accepts_the_shipped_knowledge() {
    let home = TempDir::new().unwrap();
    nunki(home.path())
        .args(["catalog", "validate"])
        .assert()
        .success()
        .stdout(predicate::str::contains("is valid"));
}

#[test]
fn validate_locates_a_syntax_error() {
    let (code, err) = validate("bad_syntax");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad_syntax/rules.ron:8:"), "{err}");
}

#[test]
fn validate_locates_an_unknown_offering() {
    let (code, err) = validate("unknown_offering");
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown_offering/rules.ron:7:41: unknown offering id \"appuio_clod\""),
        "{err}"
    );
}

#[test]
fn validate_locates_a_duplicate_id() {
    let (code, err) = validate("duplicate_id");
    assert_eq!(code, 2);
    assert!(
        err.contains("duplicate_id/rules.ron:10:13: duplicate rule id \"shared\""),
        "{err}"
    );
}

#[test]
fn validate_finds_an_impossible_option() {
    let (code, err) = validate("impossible_option");
    assert_eq!(code, 2);
    assert!(err.contains("impossible_option/rules.ron:6:"), "{err}");
    assert!(
        err.contains("has no option \"mars\", so this can never be true"),
        "{err}"
    );
    assert!(err.contains("switzerland, eu, any"), "{err}");
}

#[test]
fn validate_finds_an_unknown_question() {
    let (code, err) = validate("unknown_question");
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown_question/rules.ron:6:23: unknown question id \"gpus\""),
        "{err}"
    );
}

#[test]
fn validate_lists_the_expected_fields_of_a_typo() {
    let (code, err) = validate("unknown_field");
    assert_eq!(code, 2);
    assert!(err.contains("unknown_field/rules.ron:5:"), "{err}");
    assert!(err.contains("id, description, when, effects"), "{err}");
}

#[test]
fn missing_catalog_dir_is_exit_2() {
    let home = TempDir::new().unwrap();
    nunki(home.path())
        .args(["catalog", "validate", "--catalog", "/no/such/dir"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/dir does not exist"));
}

#[test]
fn catalog_test_runs_the_shipped_scenarios() {
    let home = TempDir::new().unwrap();
    nunki(home.path())
        .args(["catalog", "test"])
        .assert()
        .success()
        .stdout(predicate::str::contains(" 0 failed"));
}

#[test]
fn help_and_version_work() {
    let home = TempDir::new().unwrap();
    nunki(home.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("nunki "));
    nunki(home.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check"));
    let subcommands: &[&[&str]] = &[
        &["check"],
        &["catalog"],
        &["catalog", "validate"],
        &["catalog", "test"],
        &["catalog", "list"],
        &["catalog", "questions"],
        &["catalog", "search"],
        &["new"],
        &["sessions"],
        &["set"],
        &["export"],
        &["option"],
        &["option", "add"],
        &["option", "remove"],
        &["option", "list"],
        &["compare"],
        &["insights"],
    ];
    for sub in subcommands {
        nunki(home.path())
            .args(*sub)
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
}

#[test]
fn validate_finds_an_unknown_radar_ring() {
    let (code, err) = validate("unknown_ring");
    assert_eq!(code, 2);
    assert!(err.contains("unknown_ring/rules.ron:6:"), "{err}");
    assert!(err.contains("unknown Tech Radar ring \"frozen\""), "{err}");
    assert!(err.contains("adopt, trial, assess, hold, unknown"), "{err}");
}

#[test]
fn validate_checks_rule_context() {
    let (code, err) = validate("bad_context");
    assert_eq!(code, 2);
    assert!(err.contains("bad_context/rules.ron:7:"), "{err}");
    assert!(
        err.contains("names \"tenancy\" as context, but its `when` does not read it"),
        "{err}"
    );
}

#[test]
fn completions_are_printed_for_each_shell_a_user_names() {
    let home = TempDir::new().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F _nunki"),
        ("zsh", "#compdef nunki"),
        ("fish", "complete -c nunki"),
    ] {
        let out = nunki(home.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        // The subcommands are in it, so `nunki ex<Tab>` completes.
        assert!(
            script.contains("export") && script.contains("insights"),
            "{shell}"
        );
    }
    nunki(home.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'tcsh'"));
}

#[test]
fn validate_names_a_customer_text_without_german() {
    let (code, err) = validate("missing_german");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "missing_german/rules.ron:12:17: the flag detail of rule \"windows_out_of_scope\" has no German text"
        ),
        "{err}"
    );
    assert!(err.contains("(en: \"…\", de: \"…\")"), "{err}");
}

#[test]
fn scoping_with_an_english_only_override_warns_and_falls_back_to_english() {
    let home = TempDir::new().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_data/missing_german");
    let answers = home.path().join("answers.json");
    std::fs::write(&answers, r#"{"workload_os": "windows"}"#).unwrap();
    let out = nunki(home.path())
        .args(["export", "--lang", "de", "--catalog"])
        .arg(&dir)
        .arg("--answers")
        .arg(&answers)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("no German"), "{err}");
    assert!(text.contains("Windows-Workloads"), "{text}");
    assert!(text.contains("We run Linux containers only."), "{text}");
}
