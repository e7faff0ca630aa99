//! The README's interview screenshot and its `nunki compare` and `nunki
//! insights` samples are the real render and the real output: each test
//! makes them again and compares, so the README cannot show an old
//! screen. `NUNKI_UPDATE_README=1 cargo test --test readme_samples`
//! writes what they make into the README instead (review the diff).
#![allow(clippy::unwrap_used)]

mod tui_support;

use std::path::Path;

use assert_cmd::Command;
use nunki::knowledge::Knowledge;
use nunki::session::store::{NewSession, Store};
use nunki::session::{Customer, templates};
use nunki::tui::theme::ThemeKind;
use tui_support::Harness;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

/// The fenced block after `marker`: where its text starts and ends.
fn block(readme: &str, marker: &str) -> (usize, usize) {
    let at = readme
        .find(marker)
        .unwrap_or_else(|| panic!("README.md has no {marker}"));
    let fence = at + readme[at..].find("```").unwrap();
    let start = fence + readme[fence..].find('\n').unwrap() + 1;
    let end = start + readme[start..].find("```").unwrap();
    (start, end)
}

/// Compares the README's block after `marker` with `actual`, or writes
/// `actual` there when asked to.
fn same_as_readme(marker: &str, actual: &str) {
    let readme = std::fs::read_to_string(README).unwrap();
    let (start, end) = block(&readme, marker);
    if std::env::var_os("NUNKI_UPDATE_README").is_some() {
        let updated = format!("{}{actual}{}", &readme[..start], &readme[end..]);
        std::fs::write(README, updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[start..end],
        actual,
        "README.md's block after {marker} is not what nunki shows; \
         regenerate it with NUNKI_UPDATE_README=1 cargo test --test readme_samples"
    );
}

/// Lines without their trailing spaces, as the README keeps them.
fn trimmed(text: &str) -> String {
    text.lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

fn nunki(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("nunki").unwrap();
    cmd.env("NUNKI_CONFIG_DIR", home.join("config"))
        .env("NUNKI_DATA_DIR", home.join("data"))
        .env("NO_COLOR", "1");
    cmd
}

fn run(home: &Path, args: &[&str]) -> String {
    let out = nunki(home).args(args).output().unwrap();
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "nunki {args:?}: {out:?}"
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_interview_screenshot_is_the_real_screen() {
    let k = Knowledge::embedded().unwrap();
    let mut h = Harness::with(k.clone(), ThemeKind::NoColor, 120, 40);
    let template = templates::embedded()
        .unwrap()
        .into_iter()
        .find(|t| t.id == "regulated_finance_openshift")
        .unwrap();
    let new = NewSession {
        customer: Customer {
            name: "Helvetia Privatbank AG".into(),
            contact: None,
        },
        template: Some(template),
        answers: Default::default(),
        answers_origin: String::new(),
        engineer: None,
    };
    let opened = Store::at(h.sessions_dir())
        .create_at(new, &k, "2026-11-30T09:00:00Z".parse().unwrap())
        .unwrap();
    let id = opened.session.id.clone();
    // Let go of the lock the store took when creating it.
    drop(opened);
    h.open(&id);
    same_as_readme("<!-- readme:interview -->", &trimmed(&h.screen()));
}

#[test]
fn the_compare_sample_is_what_compare_prints() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    run(
        home,
        &[
            "new",
            "--customer",
            "Acme AG",
            "--template",
            "web_shop_appuio_cloud",
        ],
    );
    run(
        home,
        &[
            "option",
            "add",
            "acme",
            "A — APPUiO Cloud",
            "tenancy=shared",
        ],
    );
    run(
        home,
        &[
            "option",
            "add",
            "acme",
            "B — Managed OpenShift",
            "tenancy=dedicated",
            "cluster_distribution=openshift",
            "cloud_provider=cloudscale",
            "availability_target=99.9",
        ],
    );
    same_as_readme(
        "<!-- readme:compare -->",
        &trimmed(&run(home, &["compare", "acme"])),
    );
}

#[test]
fn the_insights_sample_is_what_insights_prints() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    for (customer, template, status) in [
        ("Acme AG", "web_shop_appuio_cloud", "lost"),
        (
            "Helvetia Privatbank AG",
            "regulated_finance_openshift",
            "won",
        ),
        ("Beta GmbH", "saas_managed_kubernetes", "proposed"),
    ] {
        let selector = customer.split(' ').next().unwrap().to_lowercase();
        run(
            home,
            &["new", "--customer", customer, "--template", template],
        );
        let out = nunki(home)
            .args([
                "set",
                &selector,
                "--status",
                status,
                "--force",
                "the sample",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    run(home, &["set", "acme", "gpu=yes", "workload_os=windows"]);
    same_as_readme(
        "<!-- readme:insights -->",
        &trimmed(&run(home, &["insights"])),
    );
}
