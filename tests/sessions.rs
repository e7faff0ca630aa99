//! The session store on disk: saves that survive a crash at every step,
//! corrupt files left alone, locks, permissions, unsafe names, orphaned
//! answers and knowledge changes. Uses a small knowledge of its own so the
//! tests can change it between "versions".
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use nunki::engine::Answer;
use nunki::knowledge::{Knowledge, KnowledgeTexts, SourceText};
use nunki::session::store::{self, Fault, NewSession, SaveStep, Store, StoreError};
use nunki::session::{Change, Customer, Status, file, templates};
use tempfile::TempDir;

const CATALOG: &str = r#"(
    currency: "CHF",
    approvers: [(id: "po", name: "Product owner")],
    offerings: [
        (id: "cloud", name: "Cloud", family: appuio_cloud, provider: "VSHN", description: "Shared platform.", owner: "po",
         plans: [(id: "flex", name: "Flex", prices: [(label: "Memory", recurrence: monthly,
                  kind: PerUnit(unit: "GiB", amount: 55, units: FromAnswers(answers: [("memory", 4)])))])]),
        (id: "db", name: "Database", family: appcat, provider: "VSHN", description: "Managed PostgreSQL.", owner: "po",
         plans: [(id: "small", name: "Small", prices: [(label: "Instance", recurrence: monthly, kind: Fixed(100))])]),
    ],
)"#;

const QUESTIONNAIRE: &str = r#"(sections: [(id: "s", title: "Setup", questions: [
    (id: "tenancy", prompt: "Shared or dedicated?", help: "h", kind: Single(options: [(id: "shared", label: "Shared"), (id: "dedicated", label: "Dedicated")])),
    (id: "memory", prompt: "Memory?", help: "h", kind: Number(unit: "GiB", min: 1, max: 100)),
    (id: "legacy", prompt: "Legacy system?", help: "h", kind: YesNo),
    (id: "databases", prompt: "Databases?", help: "h", kind: Multi(options: [(id: "postgresql", label: "PostgreSQL"), (id: "oracle", label: "Oracle")])),
])])"#;

const RULES: &str = r#"(rules: [
    (id: "shared", description: "Shared platform.", when: Is("tenancy", "shared"), effects: [Include(offering: "cloud", plan: "flex")]),
    (id: "pg", description: "PostgreSQL.", when: Includes("databases", "postgresql"), effects: [Include(offering: "db", plan: "small")]),
    (id: "big", description: "Big.", when: AtLeast("memory", 50), effects: [Flag((severity: needs_approval, title: "Large workload", detail: "d", remediation: "r", approver: "po"))]),
])"#;

const RADAR: &str = "(entries: [])";

fn knowledge_from(catalog: &str, questionnaire: &str, rules: &str) -> Knowledge {
    let src = |name: &str, text: &str| SourceText {
        origin: format!("test {name}"),
        text: text.to_string(),
    };
    let texts = KnowledgeTexts {
        catalog: src("catalog.ron", catalog),
        questionnaire: src("questionnaire.ron", questionnaire),
        rules: src("rules.ron", rules),
        tech_radar: src("tech_radar.ron", RADAR),
    };
    Knowledge::from_texts(&texts).unwrap_or_else(|e| panic!("test knowledge is invalid:\n{e}"))
}

fn knowledge() -> Knowledge {
    knowledge_from(CATALOG, QUESTIONNAIRE, RULES)
}

/// Replaces `from` by `to`, failing loudly when the fixture no longer has it.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture lacks {from:?}");
    text.replace(from, to)
}

fn t(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
    pairs
        .iter()
        .map(|(q, a)| (q.to_string(), a.clone()))
        .collect()
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn new_session(name: &str, raw: BTreeMap<String, Answer>) -> NewSession {
    NewSession {
        customer: Customer {
            name: name.into(),
            contact: None,
        },
        template: None,
        answers: raw,
        answers_origin: "test answers".into(),
        engineer: None,
        lang: nunki::i18n::Lang::En,
    }
}

/// A new session of "Acme" without answers, created on 14 January 2025.
fn acme(store: &Store, k: &Knowledge) -> store::Opened {
    store
        .create_at(
            new_session("Acme", BTreeMap::new()),
            k,
            t("2025-01-14T09:00:00Z"),
        )
        .unwrap()
}

fn store_in(home: &TempDir) -> Store {
    Store::at(home.path().join("data").join("sessions"))
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_interrupted_at_any_step_leaves_a_whole_session() {
    let k = knowledge();
    for fault in [Fault::Fail, Fault::Crash] {
        for (n, stop_at) in SaveStep::ALL.into_iter().enumerate() {
            let home = TempDir::new().unwrap();
            let store = store_in(&home);
            let mut opened = store
                .create_at(
                    new_session("Acme", answers(&[("memory", Answer::Number(4.0))])),
                    &k,
                    t("2025-01-14T09:00:00Z"),
                )
                .unwrap();
            // A second save, so there is a previous version to back up.
            opened
                .session
                .answers
                .insert("memory".into(), Answer::Number(6.0));
            store
                .save_with(&mut opened, &k, t("2025-01-14T09:05:00Z"), &mut |_| {
                    Fault::Go
                })
                .unwrap();
            let before = fs::read(&opened.path).unwrap();

            opened
                .session
                .answers
                .insert("memory".into(), Answer::Number(8.0));
            let result = store.save_with(&mut opened, &k, t("2025-01-14T09:10:00Z"), &mut |s| {
                if s == stop_at { fault } else { Fault::Go }
            });
            assert!(
                matches!(result, Err(StoreError::Interrupted { step }) if step == stop_at),
                "{fault:?} at {stop_at:?}: {result:?}"
            );

            let on_disk = store::load(&opened.path).unwrap_or_else(|e| {
                panic!("{fault:?} at {stop_at:?} left no readable session: {e}")
            });
            let memory = on_disk.answers.get("memory").and_then(Answer::as_number);
            let committed = n > SaveStep::ALL
                .iter()
                .position(|s| *s == SaveStep::Replace)
                .unwrap();
            if committed {
                assert_eq!(memory, Some(8.0), "{fault:?} at {stop_at:?}");
            } else {
                assert_eq!(memory, Some(6.0), "{fault:?} at {stop_at:?}");
                assert_eq!(
                    fs::read(&opened.path).unwrap(),
                    before,
                    "old file must be untouched"
                );
            }
            // The backup, when there is one, is a whole session too.
            let bak = store::backup_path(&opened.path);
            if bak.exists() {
                store::load(&bak)
                    .unwrap_or_else(|e| panic!("{fault:?} at {stop_at:?}: backup broken: {e}"));
            }
            // Leftover temp files are not sessions.
            let listed = store.list().unwrap();
            assert_eq!(listed.sessions.len(), 1, "{fault:?} at {stop_at:?}");
            assert!(listed.broken.is_empty(), "{:?}", listed.broken);
            if fault == Fault::Crash && matches!(stop_at, SaveStep::WriteRest | SaveStep::Replace) {
                let names = files_in(store.dir());
                assert!(
                    names
                        .iter()
                        .any(|n| n.starts_with(".nunki-") && n.ends_with(".tmp")),
                    "a crash leaves its temp file behind: {names:?}"
                );
            }
            // And the same nunki can save again.
            store
                .save_with(&mut opened, &k, t("2025-01-14T09:15:00Z"), &mut |_| {
                    Fault::Go
                })
                .unwrap();
            let again = store::load(&opened.path).unwrap();
            assert_eq!(
                again.answers.get("memory").and_then(Answer::as_number),
                Some(8.0)
            );
            assert_eq!(again.updated, t("2025-01-14T09:15:00Z"));
        }
    }
}

#[test]
fn a_save_keeps_the_previous_version_as_backup() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let mut opened = acme(&store, &k);
    assert!(
        !store::backup_path(&opened.path).exists(),
        "nothing to back up yet"
    );
    let first = fs::read(&opened.path).unwrap();
    opened.session.status = Status::Proposed;
    assert!(opened.is_dirty());
    store.save(&mut opened, &k).unwrap();
    assert!(!opened.is_dirty());
    assert_eq!(fs::read(store::backup_path(&opened.path)).unwrap(), first);
    let saved = store::load(&opened.path).unwrap();
    assert_eq!(saved.status, Status::Proposed);
    assert_eq!(saved.knowledge_version, k.version);
    assert!(saved.last_scope.is_some());
}

/// A session file with a missing comma on a known line.
fn corrupt(path: &Path) -> (Vec<u8>, usize) {
    let good = fs::read_to_string(path).unwrap();
    let line = good
        .lines()
        .position(|l| l.trim_start().starts_with("status:"))
        .unwrap()
        + 1;
    let bad = edit(&good, "status: draft,", "status: draft");
    fs::write(path, &bad).unwrap();
    (bad.into_bytes(), line)
}

#[test]
fn a_corrupt_session_is_reported_where_it_breaks_and_never_written() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let mut opened = acme(&store, &k);
    store.save(&mut opened, &k).unwrap();
    let path = opened.path.clone();
    let id = opened.session.id.clone();
    drop(opened);
    let (bad, status_line) = corrupt(&path);

    let err = store.open(&id[..10], &k).err();
    // The id cannot be read from a broken file; the file name still finds it.
    assert!(matches!(err, Some(StoreError::Corrupt { .. })), "{err:?}");
    let Some(StoreError::Corrupt {
        diagnostic, backup, ..
    }) = store.open_path(&path, &k, t("2025-01-15T08:00:00Z")).err()
    else {
        panic!("expected Corrupt");
    };
    // The missing comma shows on the line after `status: draft`.
    assert!(diagnostic.line >= status_line, "{diagnostic:?}");
    assert!(diagnostic.column > 0);
    assert_eq!(backup.as_deref(), Some(store::backup_path(&path).as_path()));

    let message = store::load(&path).unwrap_err().to_string();
    let spot = format!(
        "{}:{}:{}",
        path.display(),
        diagnostic.line,
        diagnostic.column
    );
    assert!(message.contains(&spot), "{message}");
    assert!(message.contains(".bak"), "{message}");
    assert!(message.contains("left as it is"), "{message}");

    let listed = store.list().unwrap();
    assert_eq!(listed.broken.len(), 1);
    assert!(listed.sessions.is_empty());
    // A new session beside it does not touch it either.
    store
        .create(new_session("Other", BTreeMap::new()), &k)
        .unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        bad,
        "the corrupt file must stay byte for byte"
    );
}

#[test]
fn files_that_are_not_text_or_too_new_are_refused_and_kept() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let opened = store
        .create(new_session("Acme", BTreeMap::new()), &k)
        .unwrap();
    let path = opened.path.clone();
    drop(opened);
    let good = fs::read_to_string(&path).unwrap();

    let mut binary = good.clone().into_bytes();
    binary.splice(40..40, [0xff, 0xfe]);
    fs::write(&path, &binary).unwrap();
    let err = store
        .open_path(&path, &k, t("2025-01-15T08:00:00Z"))
        .unwrap_err();
    assert!(err.to_string().contains("not UTF-8"), "{err}");
    assert!(err.is_input());
    assert_eq!(fs::read(&path).unwrap(), binary);

    let newer = edit(
        &good,
        "format: 1,",
        "format: 99,\n    shiny_new_field: true,",
    );
    fs::write(&path, &newer).unwrap();
    let err = store
        .open_path(&path, &k, t("2025-01-15T08:00:00Z"))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { format: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer nunki"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[cfg(unix)]
#[test]
fn files_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let mut opened = store
        .create(new_session("Acme", BTreeMap::new()), &k)
        .unwrap();
    store.save(&mut opened, &k).unwrap();
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&opened.path), 0o600);
    assert_eq!(mode(&store::backup_path(&opened.path)), 0o600);
    assert_eq!(mode(&nunki::session::lock::lock_path(&opened.path)), 0o600);
}

#[test]
fn a_second_writer_gets_the_session_read_only() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let first = store
        .create(new_session("Acme", BTreeMap::new()), &k)
        .unwrap();
    assert!(!first.read_only());

    let mut second = store.open("acme", &k).unwrap();
    assert!(second.read_only());
    let holder = second.holder.clone();
    // Unix lets another process read who holds the lock.
    if cfg!(unix) {
        assert_eq!(
            holder.as_ref().and_then(|h| h.pid),
            Some(std::process::id())
        );
    }
    assert!(
        second.notices.iter().any(|n| n.contains("read-only")),
        "{:?}",
        second.notices
    );
    second.session.status = Status::Won;
    let err = store.save(&mut second, &k).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(!err.is_input());
    assert_eq!(store::load(&first.path).unwrap().status, Status::Draft);

    drop(first);
    let mut third = store.open("acme", &k).unwrap();
    assert!(!third.read_only(), "{:?}", third.notices);
    assert!(
        third.notices.is_empty(),
        "a clean release leaves no notice: {:?}",
        third.notices
    );
    third.session.status = Status::Won;
    store.save(&mut third, &k).unwrap();
}

#[test]
fn a_lock_left_by_a_dead_nunki_is_taken_over_with_a_notice() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let opened = store
        .create(new_session("Acme", BTreeMap::new()), &k)
        .unwrap();
    let path = opened.path.clone();
    drop(opened);
    let lock = nunki::session::lock::lock_path(&path);
    // What a nunki that was killed leaves: its details, but no OS lock.
    fs::write(
        &lock,
        "pid=999999\nuser=ghost\nhost=old-laptop\nsince=2025-01-14T09:00:00Z\n",
    )
    .unwrap();

    let mut opened = store.open("acme", &k).unwrap();
    assert!(!opened.read_only());
    let notice = opened.notices.join("\n");
    assert!(notice.contains("no longer running"), "{notice}");
    assert!(
        notice.contains("999999") && notice.contains("old-laptop"),
        "{notice}"
    );
    let now_says = fs::read_to_string(&lock).unwrap();
    assert!(
        now_says.contains(&format!("pid={}", std::process::id())),
        "{now_says}"
    );
    store.save(&mut opened, &k).unwrap();
    drop(opened);
    assert_eq!(fs::read_to_string(&lock).unwrap(), "", "released cleanly");
}

#[test]
fn unsafe_customer_names_stay_inside_the_sessions_directory() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let names = [
        "../../x",
        "..",
        "/etc/passwd",
        "C:\\Windows\\System32\\evil",
        "CON",
        "nul.txt",
        "LPT1",
        "株式会社テスト",
        "a/b\\c:d*e?f\"g<h>i|j",
        "trailing dot.",
        "\u{0}\u{7}",
        "Müller & Söhne AG",
    ];
    let mut paths: Vec<PathBuf> = Vec::new();
    for name in names {
        let opened = store
            .create(new_session(name, BTreeMap::new()), &k)
            .unwrap();
        let path = opened.path.clone();
        assert_eq!(
            path.parent(),
            Some(store.dir()),
            "{name:?} → {}",
            path.display()
        );
        let file = path.file_name().unwrap().to_str().unwrap().to_string();
        assert!(
            file.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.'),
            "{name:?} → {file}"
        );
        let stem = file.split('.').next().unwrap();
        for reserved in ["con", "prn", "aux", "nul", "lpt1", "com1"] {
            assert_ne!(stem, reserved, "{name:?}");
        }
        assert!(path.exists());
        assert_eq!(
            store::load(&path).unwrap().customer.name,
            name,
            "the name itself is kept"
        );
        // Found again by its id.
        assert_eq!(store.resolve(&opened.session.id).unwrap(), path);
        paths.push(path);
    }
    assert!(home.path().join("x").symlink_metadata().is_err());
    assert_eq!(store.list().unwrap().sessions.len(), names.len());
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), names.len(), "every session has its own file");
}

#[test]
fn selectors_find_one_session_or_say_which() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let acme = store
        .create(new_session("Acme AG", BTreeMap::new()), &k)
        .unwrap();
    let acme2 = store
        .create(new_session("Acme Bank", BTreeMap::new()), &k)
        .unwrap();
    let zeta = store
        .create(new_session("Zeta Müller", BTreeMap::new()), &k)
        .unwrap();

    assert_eq!(store.resolve("acme-ag").unwrap(), acme.path);
    assert_eq!(store.resolve("Acme Bank").unwrap(), acme2.path);
    assert_eq!(store.resolve("zeta").unwrap(), zeta.path);
    assert_eq!(store.resolve(&zeta.session.id).unwrap(), zeta.path);
    assert_eq!(
        store.resolve(zeta.path.to_str().unwrap()).unwrap(),
        zeta.path
    );
    match store.resolve("acme") {
        Err(e @ StoreError::Ambiguous { .. }) => {
            let m = e.to_string();
            assert!(
                m.contains(&acme.session.id) && m.contains(&acme2.session.id),
                "{m}"
            );
            assert!(e.is_input());
        }
        other => panic!("expected Ambiguous, got {other:?}"),
    }
    assert!(matches!(
        store.resolve("nobody"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.resolve(""),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.resolve("./no/such/file.ron"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn orphaned_answers_survive_a_load_and_a_save() {
    let v1 = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let raw = answers(&[
        ("tenancy", text("shared")),
        ("legacy", Answer::Bool(true)),
        (
            "databases",
            Answer::List(vec!["postgresql".into(), "oracle".into()]),
        ),
    ]);
    let mut opened = store.create(new_session("Acme", raw.clone()), &v1).unwrap();
    opened
        .session
        .notes
        .insert("legacy".into(), "the old ERP".into());
    store.save(&mut opened, &v1).unwrap();
    drop(opened);

    // The next knowledge drops the question `legacy` and the option `oracle`.
    let questionnaire = edit(
        QUESTIONNAIRE,
        r#"    (id: "legacy", prompt: "Legacy system?", help: "h", kind: YesNo),
"#,
        "",
    );
    let questionnaire = edit(&questionnaire, r#", (id: "oracle", label: "Oracle")"#, "");
    let v2 = knowledge_from(CATALOG, &questionnaire, RULES);

    let mut opened = store.open("acme", &v2).unwrap();
    let orphans: Vec<String> = opened.orphans().map(|p| p.question().to_string()).collect();
    assert_eq!(orphans, ["databases", "legacy"]);
    assert!(
        opened
            .notices
            .iter()
            .filter(|n| n.contains("orphaned"))
            .count()
            == 2,
        "{:?}",
        opened.notices
    );
    assert_eq!(opened.session.answers, raw, "loading keeps every answer");

    opened
        .session
        .answers
        .insert("memory".into(), Answer::Number(8.0));
    store.save(&mut opened, &v2).unwrap();
    let saved = store::load(&opened.path).unwrap();
    assert_eq!(saved.answers.get("legacy"), Some(&Answer::Bool(true)));
    assert_eq!(saved.answers.get("databases"), raw.get("databases"));
    assert_eq!(
        saved.notes.get("legacy").map(String::as_str),
        Some("the old ERP")
    );
    assert_eq!(saved.knowledge_version, v2.version);
}

#[test]
fn a_changed_knowledge_says_what_changed_for_the_session() {
    let v1 = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let raw = answers(&[
        ("tenancy", text("shared")),
        ("memory", Answer::Number(60.0)),
        ("databases", Answer::List(vec!["postgresql".into()])),
    ]);
    let opened = store.create(new_session("Acme", raw), &v1).unwrap();
    let before = opened.session.last_scope.clone().unwrap();
    assert_eq!(before.flags, ["big"]);
    drop(opened);

    // Dearer memory, no database rule, the big flag at a higher threshold.
    let catalog = edit(CATALOG, "amount: 55", "amount: 60");
    let rules = edit(
        RULES,
        r#"    (id: "pg", description: "PostgreSQL.", when: Includes("databases", "postgresql"), effects: [Include(offering: "db", plan: "small")]),
"#,
        "",
    );
    let rules = edit(
        &rules,
        r#"AtLeast("memory", 50)"#,
        r#"AtLeast("memory", 80)"#,
    );
    let v2 = knowledge_from(&catalog, QUESTIONNAIRE, &rules);
    assert_ne!(v1.version, v2.version);

    let mut opened = store.open("acme", &v2).unwrap();
    let shown: Vec<String> = opened.changes.iter().map(ToString::to_string).collect();
    assert!(
        opened
            .changes
            .iter()
            .any(|c| matches!(c, Change::ItemPrice { offering, .. } if offering == "cloud")),
        "{shown:?}"
    );
    assert!(shown.contains(&"-db:small".to_string()), "{shown:?}");
    assert!(shown.contains(&"-flag big".to_string()), "{shown:?}");
    assert!(
        opened
            .changes
            .iter()
            .any(|c| matches!(c, Change::MonthlyTotal { .. })),
        "{shown:?}"
    );
    let notice = opened.notices.join("\n");
    assert!(notice.contains("knowledge changed"), "{notice}");
    assert!(notice.contains("Database"), "names, not only ids: {notice}");
    assert!(
        notice.contains("Large workload"),
        "flag titles from the old rule when known: {notice}"
    );

    // Saving records the new knowledge; the next open has nothing to report.
    store.save(&mut opened, &v2).unwrap();
    assert!(opened.changes.is_empty());
    drop(opened);
    let reopened = store.open("acme", &v2).unwrap();
    assert!(reopened.changes.is_empty(), "{:?}", reopened.changes);
    assert_eq!(reopened.session.knowledge_version, v2.version);
    assert_ne!(reopened.session.last_scope.as_ref(), Some(&before));
}

#[test]
fn a_session_file_round_trips() {
    let k = knowledge();
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let mut opened = store
        .create(
            NewSession {
                customer: Customer {
                    name: "Ä \"quoted\" name\nwith a newline".into(),
                    contact: Some("anna@example.ch".into()),
                },
                ..new_session("", answers(&[("memory", Answer::Number(2.5))]))
            },
            &k,
        )
        .unwrap();
    opened
        .session
        .notes
        .insert("memory".into(), "r\"aw\\ text ' and \"quotes\"".into());
    opened
        .session
        .overrides
        .add("db", "small", 2.0, "asked for it");
    store.save(&mut opened, &k).unwrap();
    let text = fs::read_to_string(&opened.path).unwrap();
    let back = file::parse("x", &text).unwrap();
    assert_eq!(back, opened.session);
}

#[test]
fn new_sessions_start_from_templates_checked_against_the_knowledge() {
    let shipped = Knowledge::embedded().unwrap();
    let all = templates::embedded().unwrap();
    for id in [
        "web_shop_appuio_cloud",
        "regulated_finance_openshift",
        "saas_managed_kubernetes",
    ] {
        assert!(all.iter().any(|t| t.id == id), "missing template {id}");
    }
    for t in &all {
        let problems = t.check(&shipped);
        assert!(
            problems.is_empty(),
            "template {} has bad answers: {problems:?}",
            t.id
        );
    }
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let finance = templates::find(&all, "regulated").unwrap().clone();
    let opened = store
        .create(
            NewSession {
                template: Some(finance.clone()),
                ..new_session("Bank", answers(&[("environments", Answer::Number(3.0))]))
            },
            &shipped,
        )
        .unwrap();
    assert_eq!(
        opened.session.template.as_deref(),
        Some("regulated_finance_openshift")
    );
    assert_eq!(
        opened.session.answers.get("environments"),
        Some(&Answer::Number(3.0))
    );
    assert_eq!(
        opened.session.answers.get("tenancy"),
        finance.answers.get("tenancy")
    );
    let scope = opened.session.evaluate(&shipped).scope;
    assert!(
        scope.item("managed_openshift").is_some(),
        "{:?}",
        scope.items
    );

    // A template or answers the knowledge refuses start nothing.
    let mut broken = finance;
    broken.answers.insert("tenancy".into(), text("floating"));
    let err = store
        .create(
            NewSession {
                template: Some(broken),
                ..new_session("Bank 2", BTreeMap::new())
            },
            &shipped,
        )
        .unwrap_err();
    assert!(
        err.is_input() && err.to_string().contains("floating"),
        "{err}"
    );
    assert_eq!(store.list().unwrap().sessions.len(), 1);
}

#[test]
fn a_listing_of_many_files_read_on_every_core_keeps_each_file_with_its_session() {
    let home = TempDir::new().unwrap();
    let store = store_in(&home);
    let k = knowledge();
    // More files than the listing reads on one core, a few of them broken.
    let start = t("2025-01-14T09:00:00Z");
    let mut broken = Vec::new();
    for i in 0..150 {
        let at = start + jiff::SignedDuration::from_mins(i);
        let opened = store
            .create_at(
                new_session(&format!("Customer {i:03}"), BTreeMap::new()),
                &k,
                at,
            )
            .unwrap();
        if i % 37 == 5 {
            fs::write(&opened.path, "(format: 1, id: ").unwrap();
            broken.push(opened.path.clone());
        }
    }
    let listings = store.list().unwrap();
    assert_eq!(listings.sessions.len(), 150 - broken.len());
    broken.sort();
    let reported: Vec<&PathBuf> = listings.broken.iter().map(|b| &b.path).collect();
    assert_eq!(reported, broken.iter().collect::<Vec<_>>());
    for l in &listings.sessions {
        let name = l.path.file_name().unwrap().to_string_lossy();
        let number = l.session.customer.name.trim_start_matches("Customer ");
        assert!(
            name.contains(number),
            "{name} listed with {}",
            l.session.customer.name
        );
    }
    // Newest first.
    let newest = &listings.sessions[0].session.customer.name;
    assert_eq!(newest, "Customer 149");
}
