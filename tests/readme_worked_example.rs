//! The README's worked example of how an estimate is made is the real
//! output of `nunki check` for its answers: this test runs them and
//! compares, so the explanation cannot drift from the catalog.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use tempfile::TempDir;

/// The fenced block that follows `marker` in the README.
fn block_after<'a>(readme: &'a str, marker: &str) -> &'a str {
    let start = readme
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} missing"));
    let rest = &readme[start..];
    let open = rest.find("```").unwrap();
    let body = &rest[open..];
    let body = &body[body.find('\n').unwrap() + 1..];
    &body[..body.find("```").unwrap()]
}

#[test]
fn the_worked_example_is_what_check_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let answers = block_after(&readme, "<!-- worked-example:answers -->");
    let expected = block_after(&readme, "<!-- worked-example:output -->");
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("worked.json");
    std::fs::write(&file, answers).unwrap();
    let out = Command::cargo_bin("nunki")
        .unwrap()
        .env("NUNKI_CONFIG_DIR", dir.path().join("config"))
        .env("NUNKI_DATA_DIR", dir.path().join("data"))
        .arg("check")
        .arg("--answers")
        .arg(&file)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // From the column header to the assumptions, as the README shows it.
    let start = text.find("       monthly").unwrap();
    let end = text.find("\nFlags").unwrap_or(text.len());
    let actual = format!("{}\n", text[start..end].trim_end());
    assert_eq!(
        actual, expected,
        "README worked example differs from `nunki check`"
    );
    for figure in ["4'220", "1'480", "414", "965", "8'879", "20'000"] {
        assert!(expected.contains(figure), "{figure}");
    }
}
