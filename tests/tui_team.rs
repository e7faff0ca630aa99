//! The screen in a team folder: the sync state in the home screen's
//! header (read when the home screen opens and after a sync), a sync on a
//! key from the home screen only, and a merge conflict shown on its
//! question until it is resolved. The real app and shell against a local
//! bare repository (no network); skipped, with the reason, without git.
#![allow(clippy::unwrap_used)]

mod tui_support;

use std::path::Path;
use std::process::Command;

use nunki::engine::Answer;
use nunki::knowledge::Knowledge;
use nunki::session::store::Store;
use nunki::session::{Conflict, Field};
use nunki::sources::Places;
use nunki::tui::persist::DiskStore;
use nunki::tui::run::Shell;
use nunki::tui::theme::ThemeKind;
use tui_support::Harness;

fn git_missing() -> bool {
    let missing = Command::new("git").arg("--version").output().is_err();
    if missing {
        eprintln!("skipped: `git` is not installed, the team tests need it");
    }
    missing
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        // The machine's own git configuration stays out of the test.
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A harness whose data directory is a team folder sharing the bare
/// repository `remote` (in `root`), as user Anna.
fn team_harness(root: &Path) -> Harness {
    let remote = root.join("team.git");
    git(
        root,
        &[
            "init",
            "-q",
            "--bare",
            "-b",
            "main",
            remote.to_str().unwrap(),
        ],
    );
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let data = h.dir.path().to_path_buf();
    git(&data, &["init", "-q", "-b", "main"]);
    git(&data, &["config", "user.name", "Anna"]);
    git(&data, &["config", "user.email", "anna@example.com"]);
    git(
        &data,
        &["remote", "add", "origin", remote.to_str().unwrap()],
    );
    let places = Places {
        config_dir: None,
        data_dir: data.clone(),
    };
    let store = DiskStore::new(Store::at(h.sessions_dir()), h.knowledge.clone(), Vec::new())
        .with_team(places, None);
    h.shell = Shell::new(store, h.exports_dir());
    h
}

fn header(h: &mut Harness) -> String {
    h.screen().lines().next().unwrap_or_default().to_string()
}

#[test]
fn the_home_screen_shows_the_sync_state_and_syncs_on_a_key() {
    if git_missing() {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let mut h = team_harness(root.path());
    h.seed(
        "Acme AG",
        "2026-12-01T10:00:00Z",
        &[("environments", Answer::Number(3.0))],
    );
    h.home();
    // Read when the home screen opened: a session not yet shared.
    let top = header(&mut h);
    assert!(top.contains("team: 1 changed"), "{top}");
    insta::assert_snapshot!("home_team_state_120x40", h.draw());

    h.keys("s");
    let screen = h.screen();
    assert!(screen.contains(" Synced with the team "), "{screen}");
    assert!(screen.contains("committed: Acme AG"), "{screen}");
    assert!(screen.contains("sent to origin"), "{screen}");
    h.keys("<Enter>");
    let top = header(&mut h);
    assert!(top.contains("team: in sync ✓"), "{top}");
    let data = h.dir.path().to_path_buf();
    assert_eq!(git(&data, &["rev-list", "--count", "HEAD"]).trim(), "1");

    // Beat shares a session from his laptop; the next sync brings it.
    let beat = root.path().join("beat");
    let remote = root.path().join("team.git");
    git(
        root.path(),
        &[
            "clone",
            "-q",
            remote.to_str().unwrap(),
            beat.to_str().unwrap(),
        ],
    );
    let acme = std::fs::read_dir(h.sessions_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .unwrap();
    let text = std::fs::read_to_string(&acme)
        .unwrap()
        .replace("Acme AG", "Beta GmbH");
    let id = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("id: \""))
        .and_then(|l| l.strip_suffix("\","))
        .unwrap()
        .to_string();
    let text = text.replace(&id, "beta-0001");
    std::fs::write(beat.join("sessions").join("beta-gmbh-beta-0001.ron"), text).unwrap();
    // … and the team's knowledge: a catalog that renames an offering.
    let catalog = nunki::knowledge::KnowledgeTexts::embedded()
        .catalog
        .text
        .replacen(
            "name: (en: \"APPUiO Cloud\", de: \"APPUiO Cloud\"),",
            "name: (en: \"APPUiO Cloud (team)\", de: \"APPUiO Cloud (Team)\"),",
            1,
        );
    std::fs::create_dir_all(beat.join("catalog")).unwrap();
    std::fs::write(beat.join("catalog").join("catalog.ron"), catalog).unwrap();
    git(&beat, &["add", "-A"]);
    git(
        &beat,
        &[
            "-c",
            "user.name=Beat",
            "-c",
            "user.email=beat@example.com",
            "commit",
            "-q",
            "-m",
            "Beta",
        ],
    );
    git(&beat, &["push", "-q", "origin", "HEAD:main"]);

    h.keys("s");
    let screen = h.screen();
    assert!(
        screen.contains("received 1 commit(s) from the team"),
        "{screen}"
    );
    // The team's knowledge is used at once: no restart.
    assert!(screen.contains("team knowledge now in use"), "{screen}");
    assert_eq!(
        h.app.knowledge.offering("appuio_cloud").unwrap().name,
        "APPUiO Cloud (team)"
    );
    h.keys("<Esc>");
    let screen = h.screen();
    assert!(screen.contains("Beta GmbH"), "{screen}");
    assert!(screen.contains("team: in sync ✓"), "{screen}");
}

#[test]
fn a_sync_never_runs_from_an_interview() {
    if git_missing() {
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let mut h = team_harness(root.path());
    let s = h.seed("Acme AG", "2026-12-01T10:00:00Z", &[]);
    h.home();
    h.open(&s.id);
    // In the interview `s` is no sync (a yes/no or choice key at most).
    h.keys("<Tab><Tab>s");
    let data = h.dir.path().to_path_buf();
    let commits = Command::new("git")
        .arg("-C")
        .arg(&data)
        .args(["rev-list", "--count", "HEAD"])
        .output()
        .unwrap();
    assert!(!commits.status.success(), "nothing was committed");
    assert!(!h.screen().contains("Synced"));
}

#[test]
fn outside_a_team_folder_the_home_screen_shows_no_sync_state() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    h.seed("Acme AG", "2026-12-01T10:00:00Z", &[]);
    h.home();
    assert!(!header(&mut h).contains("team"), "{}", header(&mut h));
    h.keys("s");
    let notice = h.notice();
    assert!(notice.contains("no team folder"), "{notice}");
}

/// A session whose `environments` answer a sync merged: 5 kept, Beat's 3
/// recorded as a conflict.
fn with_conflict(h: &Harness) -> String {
    let s = h.seed(
        "Acme AG",
        "2026-12-01T10:00:00Z",
        &[("environments", Answer::Number(5.0))],
    );
    let store = Store::at(h.sessions_dir());
    let mut opened = store.open(&s.id, &h.knowledge).unwrap();
    opened.session.conflicts.push(Conflict {
        field: Field::Answer,
        key: "environments".into(),
        kept: Some("5.0".into()),
        other: Some("3.0".into()),
        by: "Beat".into(),
        at: "2026-12-02T10:41:07Z".parse().unwrap(),
    });
    store.save(&mut opened, &h.knowledge).unwrap();
    s.id
}

fn go_to_environments(h: &mut Harness) {
    h.keys("/environments");
    h.keys("<Enter>");
    assert_eq!(h.current_question(), "environments", "{}", h.screen());
}

#[test]
fn a_conflict_shows_on_its_question_and_the_other_value_can_be_taken() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let id = with_conflict(&h);
    h.open(&id);
    go_to_environments(&mut h);
    let screen = h.screen();
    // Both values, who gave the other, and the command that resolves it.
    assert!(
        screen.contains("⚠ Conflict from a team sync on this"),
        "{screen}"
    );
    assert!(
        screen.contains("answer: kept 5 environments; Beat gave 3"),
        "{screen}"
    );
    assert!(screen.contains("`nunki team resolve"), "{screen}");
    assert!(screen.contains(&format!("{id} environments`")), "{screen}");
    // A number field has the keys: Ctrl-R opens the box there.
    h.keys("<C-r>");
    let screen = h.screen();
    assert!(screen.contains(" Conflict "), "{screen}");
    assert!(
        screen.contains("take answer: 3 environments (from Beat)"),
        "{screen}"
    );
    h.keys("<Down><Enter>");
    let saved = h.saved();
    assert_eq!(
        saved.answers.get("environments"),
        Some(&Answer::Number(3.0))
    );
    assert!(saved.conflicts.is_empty(), "{:?}", saved.conflicts);
    let screen = h.screen();
    assert!(!screen.contains("Conflict from a team sync"), "{screen}");
    assert!(
        screen.contains("[3"),
        "the field shows the value taken:\n{screen}"
    );
}

#[test]
fn keeping_the_merged_value_resolves_the_conflict_too() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let id = with_conflict(&h);
    // The session list marks it.
    h.home();
    let row = h
        .screen()
        .lines()
        .find(|l| l.contains("Acme AG"))
        .unwrap()
        .to_string();
    assert!(row.contains("⚠ 1 conflict"), "{row}");
    h.open(&id);
    go_to_environments(&mut h);
    h.keys("<C-r><Esc>");
    assert_eq!(h.saved().conflicts.len(), 1, "Esc resolves nothing");
    h.keys("<C-r><Enter>");
    let saved = h.saved();
    assert_eq!(
        saved.answers.get("environments"),
        Some(&Answer::Number(5.0))
    );
    assert!(saved.conflicts.is_empty());
}

#[test]
fn the_internal_preview_names_similar_setups_we_run() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let answers = [
        ("tenancy", Answer::Text("shared".into())),
        ("environments", Answer::Number(3.0)),
    ];
    let beta = h.seed("Beta AG", "2026-11-01T10:00:00Z", &answers);
    let store = Store::at(h.sessions_dir());
    let mut opened = store.open(&beta.id, &h.knowledge).unwrap();
    opened.session.status = nunki::session::Status::Won;
    store.save(&mut opened, &h.knowledge).unwrap();
    drop(opened);
    let acme = h.seed("Acme AG", "2026-12-01T10:00:00Z", &answers);
    h.open(&acme.id);
    h.keys("p");
    let text = |h: &Harness| -> String {
        let open = h.app.open.as_ref().unwrap();
        nunki::tui::screens::preview::lines(&h.app.theme, open.preview.doc.as_ref(), 100)
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Read once, when the preview opened; the customer's has no such section.
    let similar = h.app.open.as_ref().unwrap().similar.clone().unwrap();
    assert_eq!(similar.len(), 1);
    assert_eq!(similar[0].customer, "Beta AG");
    assert!(!text(&h).contains("Similar setups"), "{}", text(&h));
    h.keys("a");
    let internal = text(&h);
    let at = internal
        .find("Similar setups we run")
        .unwrap_or_else(|| panic!("{internal}"));
    assert!(
        internal[at..].contains("Beta AG (100 % alike"),
        "{internal}"
    );
}
