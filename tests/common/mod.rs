//! What the binary-driving tests share: the `nunki` command with its
//! directories moved into a temp dir, so the machine's own config and
//! sessions never leak into a test.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn nunki(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("nunki").unwrap();
    cmd.env("NUNKI_CONFIG_DIR", home.join("config"))
        .env("NUNKI_DATA_DIR", home.join("data"))
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `cmd` and returns its output, failing the test with its stderr
/// when it does not succeed.
pub fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Creates a session from answers given as JSON (text or a
/// `serde_json::Value`) and returns its path.
pub fn new_session(home: &Path, customer: &str, answers_json: impl std::fmt::Display) -> PathBuf {
    let file = home.join(format!("{}.json", customer.replace(' ', "_")));
    std::fs::write(&file, answers_json.to_string()).unwrap();
    let out = nunki(home)
        .args(["new", "--customer", customer, "--answers"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}
