//! What a hostile file system and hostile input do to the binary (issue
//! 12): `-o` targets that are no plain file, OpenSLO names, symlinked and
//! unmakeable locks, escape sequences in data, input without limits,
//! duplicate answers and the wording of messages. Each test runs the real
//! `nunki` with its directories in a temp dir.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;
use std::fs;
use std::io::Read as _;
use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use common::{new_session, nunki};
use tempfile::TempDir;

const ANSWERS: &str = r#"{"tenancy": "shared", "environments": 2, "workload_memory_gib": 8}"#;

fn answers_file(home: &Path) -> PathBuf {
    let p = home.join("answers.json");
    fs::write(&p, ANSWERS).unwrap();
    p
}

fn run(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out: Output = cmd.timeout(Duration::from_secs(60)).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn mkfifo(path: &Path) -> bool {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: cannot make a FIFO with mkfifo here");
    }
    made
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

// 1. `-o` ------------------------------------------------------------------

#[test]
fn export_to_a_fifo_writes_through_it_and_leaves_the_fifo() {
    let home = TempDir::new().unwrap();
    let fifo = home.path().join("pipe");
    if !mkfifo(&fifo) {
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    // No --format: a pipe has no extension, and gets Markdown like stdout.
    let (code, _, err) = run(nunki(home.path())
        .args(["export", "--answers"])
        .arg(answers_file(home.path()))
        .arg("-o")
        .arg(&fifo));
    assert_eq!(code, 0, "{err}");
    assert!(reader.join().unwrap().starts_with("# Scoped proposal"));
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn export_through_a_link_to_a_device_keeps_link_and_device() {
    let home = TempDir::new().unwrap();
    let link = home.path().join("null.md");
    symlink("/dev/null", &link).unwrap();
    let (code, _, err) = run(nunki(home.path())
        .args(["export", "--answers"])
        .arg(answers_file(home.path()))
        .arg("-o")
        .arg(&link));
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn re_export_replaces_a_private_file_and_keeps_it_private() {
    let home = TempDir::new().unwrap();
    let target = home.path().join("internal.md");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    // And a link to it stays a link to the new text.
    let link = home.path().join("latest.md");
    symlink(&target, &link).unwrap();
    let (code, _, err) = run(nunki(home.path())
        .args(["export", "--answers"])
        .arg(answers_file(home.path()))
        .arg("-o")
        .arg(&link));
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let meta = fs::metadata(&target).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .starts_with("# Scoped proposal")
    );
}

#[test]
fn a_target_that_cannot_be_written_is_exit_3_and_left_as_it_was() {
    let home = TempDir::new().unwrap();
    let dangling = home.path().join("gone.md");
    symlink(home.path().join("nowhere/x.md"), &dangling).unwrap();
    let (code, _, err) = run(nunki(home.path())
        .args(["export", "--answers"])
        .arg(answers_file(home.path()))
        .arg("-o")
        .arg(&dangling));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert!(
        fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    if is_root() {
        eprintln!("skipped the read-only file case: root may write any file");
        return;
    }
    let read_only = home.path().join("signed.md");
    fs::write(&read_only, "signed").unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    let (code, _, err) = run(nunki(home.path())
        .args(["export", "--answers"])
        .arg(answers_file(home.path()))
        .arg("-o")
        .arg(&read_only));
    assert_eq!(code, 3, "{err}");
    assert_eq!(fs::read_to_string(&read_only).unwrap(), "signed");
}

// 2. OpenSLO names ----------------------------------------------------------

#[test]
fn openslo_names_are_unique_and_valid_for_a_dedicated_cluster() {
    let home = TempDir::new().unwrap();
    for customer in ["Helvetia Privatbank AG", &"Helvetia Privatbank ".repeat(6)] {
        new_session(
            home.path(),
            customer,
            r#"{"tenancy": "dedicated", "cluster_distribution": "openshift",
                "cloud_provider": "cloudscale", "availability_target": 99.9}"#,
        );
    }
    let listed = fs::read_dir(home.path().join("data/sessions")).unwrap();
    let mut seen = 0;
    for entry in listed {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        seen += 1;
        let (code, yaml, err) = run(nunki(home.path())
            .args(["export", "--format", "openslo", "--session"])
            .arg(&path));
        assert_eq!(code, 0, "{err}");
        let names: Vec<&str> = yaml
            .lines()
            .filter_map(|l| l.trim().strip_prefix("name: "))
            .collect();
        assert!(names.len() >= 5, "a service and two SLOs with SLIs: {yaml}");
        let unique: HashSet<&&str> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for n in &names {
            assert!(
                n.len() <= 63
                    && !n.starts_with('-')
                    && !n.ends_with('-')
                    && n.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{n}"
            );
        }
    }
    assert_eq!(seen, 2);
}

// 3. and 7. Locks -----------------------------------------------------------

#[test]
fn a_symlinked_lock_is_refused_and_its_target_untouched() {
    let home = TempDir::new().unwrap();
    let session = new_session(home.path(), "Acme AG", ANSWERS);
    let victim = home.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let lock = PathBuf::from(format!("{}.lock", session.display()));
    let _ = fs::remove_file(&lock);
    symlink(&victim, &lock).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["set", "acme", "gpu=no"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert!(!err.contains("another nunki"), "{err}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");

    // A dangling link creates nothing where it points.
    let nowhere = home.path().join("created-by-nunki");
    fs::remove_file(&lock).unwrap();
    symlink(&nowhere, &lock).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["set", "acme", "gpu=no"]));
    assert_eq!(code, 3, "{err}");
    assert!(!nowhere.exists());
    assert!(!fs::read_to_string(&session).unwrap().contains("gpu"));
}

#[test]
fn a_lock_that_cannot_be_made_says_what_failed() {
    let home = TempDir::new().unwrap();
    let session = new_session(home.path(), "Acme AG", ANSWERS);
    let lock = PathBuf::from(format!("{}.lock", session.display()));
    let _ = fs::remove_file(&lock);
    // Something in the way that no file system lets us open as a file.
    fs::create_dir(&lock).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["set", "acme", "gpu=no"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("lock file"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(!err.contains("another nunki"), "{err}");
    fs::remove_dir(&lock).unwrap();

    if is_root() {
        eprintln!("skipped the permission case: root may create files anywhere");
        return;
    }
    let dir = session.parent().unwrap();
    fs::set_permissions(dir, fs::Permissions::from_mode(0o500)).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["set", "acme", "gpu=no"]));
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("ermission denied"), "{err}");
    assert!(!err.contains("another nunki"), "{err}");
}

// 4. Escape sequences -------------------------------------------------------

const EVIL: &str = "T\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}";

fn assert_clean(what: &str, text: &str) {
    assert!(
        !text.contains(['\u{1b}', '\u{7}', '\u{202e}']),
        "{what} lets a control character through: {text:?}"
    );
}

#[test]
fn data_reaches_the_terminal_with_control_characters_escaped() {
    let home = TempDir::new().unwrap();
    let first = new_session(home.path(), EVIL, ANSWERS);
    new_session(home.path(), &format!("{EVIL} Zwei"), ANSWERS);

    let (code, out, err) = run(nunki(home.path()).arg("sessions"));
    assert_eq!(code, 0, "{err}");
    assert_clean("sessions", &out);
    assert!(out.contains("T\\u{1b}]0;pwned"), "{out}");

    // Ambiguous selector.
    let (code, _, err) = run(nunki(home.path()).args(["set", "t", "gpu=no"]));
    assert_eq!(code, 2, "{err}");
    assert_clean("the ambiguous-selector error", &err);

    // Option add, list, compare.
    let (code, out, err) = run(nunki(home.path())
        .args(["option", "add"])
        .arg(&first)
        .args([EVIL, "tenancy=shared"]));
    assert_eq!(code, 0, "{err}");
    assert_clean("option add", &out);
    let (code, _, err) = run(nunki(home.path())
        .args(["option", "add"])
        .arg(&first)
        .args(["B", "tenancy=dedicated"]));
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(nunki(home.path()).args(["option", "list"]).arg(&first));
    assert_eq!(code, 0, "{err}");
    assert_clean("option list", &out);
    let (code, out, err) = run(nunki(home.path()).arg("compare").arg(&first));
    assert_eq!(code, 0, "{err}");
    assert_clean("compare", &out);

    // Answers and parse errors quote the file.
    let bad = home.path().join("bad.json");
    fs::write(&bad, format!(r#"{{"tenancy": "{EVIL}"}}"#)).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&bad));
    assert_eq!(code, 2, "{err}");
    assert_clean("an answer error", &err);
    fs::write(&bad, format!("{{\"tenancy\": \"shared\" {EVIL} }}")).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&bad));
    assert_eq!(code, 2, "{err}");
    assert_clean("a parse error", &err);
    let (code, _, err) = run(nunki(home.path()).args(["check", "--session", EVIL]));
    assert_eq!(code, 2, "{err}");
    assert_clean("check", &err);
}

#[test]
fn the_lock_holders_details_are_escaped() {
    let home = TempDir::new().unwrap();
    let session = new_session(home.path(), "Acme AG", ANSWERS);
    let now = jiff::Timestamp::now();
    let held = nunki::session::lock::acquire(&session, now).unwrap();
    let nunki::session::lock::Acquired::Held { guard, .. } = held else {
        panic!("the fresh session should be free");
    };
    fs::write(guard.path(), format!("pid=1\nuser={EVIL}\nhost={EVIL}\n")).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["set", "acme", "gpu=no"]));
    drop(guard);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("another nunki"), "{err}");
    assert_clean("the lock holder", &err);
}

// 5. Input limits -----------------------------------------------------------

#[test]
fn answers_that_are_no_regular_file_are_exit_2_at_once() {
    let home = TempDir::new().unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers", "/dev/zero"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a regular file"), "{err}");

    let fifo = home.path().join("answers.ron");
    if mkfifo(&fifo) {
        let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&fifo));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("FIFO"), "{err}");
        // A knowledge file too.
        let catalog = home.path().join("catalog");
        fs::create_dir(&catalog).unwrap();
        assert!(mkfifo(&catalog.join("rules.ron")));
        let (code, _, err) = run(nunki(home.path())
            .arg("--catalog")
            .arg(&catalog)
            .args(["check", "--answers"])
            .arg(answers_file(home.path())));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("rules.ron") && err.contains("FIFO"), "{err}");
    }
}

#[test]
fn input_above_the_cap_is_exit_2_without_reading_it() {
    let home = TempDir::new().unwrap();
    let big = home.path().join("big.json");
    let f = fs::File::create(&big).unwrap();
    f.set_len(nunki::files::MAX_INPUT_BYTES + 1).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&big));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("larger than 16 MiB"), "{err}");

    // A session file too.
    let session = new_session(home.path(), "Acme AG", ANSWERS);
    fs::OpenOptions::new()
        .append(true)
        .open(&session)
        .unwrap()
        .set_len(nunki::files::MAX_INPUT_BYTES + 1)
        .unwrap();
    let (code, _, err) = run(nunki(home.path())
        .args(["check", "--session"])
        .arg(&session));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("larger than 16 MiB"), "{err}");
}

#[test]
fn many_problems_are_listed_fifty_then_counted() {
    let home = TempDir::new().unwrap();
    let keys: Vec<String> = (0..20_000)
        .map(|n| format!("\"unknown_{n}\": true"))
        .collect();
    let file = home.path().join("many.json");
    fs::write(&file, format!("{{{}}}", keys.join(",\n"))).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&file));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("20000 invalid answers"), "{err}");
    assert!(err.contains("… and 19950 more"), "{err}");
    assert!(err.lines().count() < 60, "{}", err.lines().count());
}

// 8. Duplicate keys ---------------------------------------------------------

#[test]
fn an_answer_given_twice_is_exit_2_naming_both_lines() {
    let home = TempDir::new().unwrap();
    for (name, text) in [
        (
            "twice.json",
            "{\n  \"gpu\": true,\n  \"tenancy\": \"shared\",\n  \"gpu\": false\n}\n",
        ),
        (
            "twice.ron",
            "{\n  \"gpu\": true,\n  \"tenancy\": \"shared\",\n  \"gpu\": false,\n}\n",
        ),
    ] {
        let file = home.path().join(name);
        fs::write(&file, text).unwrap();
        let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&file));
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("`gpu`"), "{err}");
        assert!(err.contains("line 2") && err.contains("line 4"), "{err}");
    }
}

// 9. Messages ---------------------------------------------------------------

#[test]
fn messages_are_said_once_in_the_users_words() {
    let home = TempDir::new().unwrap();
    let file = home.path().join("broken.json");
    fs::write(&file, "{\"gpu\": tru}").unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&file));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("error: ") && !err.contains("error: error:"),
        "{err}"
    );

    let deep = home.path().join("deep.ron");
    fs::write(
        &deep,
        format!("{{\"x\": {}1{}}}", "[".repeat(300), "]".repeat(300)),
    )
    .unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&deep));
    assert_eq!(code, 2, "{err}");
    assert!(
        !err.contains("serde_stacker") && !err.contains("ron::"),
        "{err}"
    );

    // One long line: the message shows a window of it, not all of it.
    let long = home.path().join("long.json");
    let filler: Vec<String> = (0..200_000).map(|n| format!("\"k{n}\": 1")).collect();
    fs::write(&long, format!("{{{}, oops}}", filler.join(", "))).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&long));
    assert_eq!(code, 2, "{err}");
    assert!(err.len() < 2_000, "{} bytes of stderr", err.len());

    // A byte order mark is no error.
    let bom = home.path().join("bom.json");
    fs::write(&bom, format!("\u{feff}{ANSWERS}")).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&bom));
    assert_eq!(code, 0, "{err}");
    let bom = home.path().join("bom.ron");
    fs::write(&bom, format!("\u{feff}{ANSWERS}")).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&bom));
    assert_eq!(code, 0, "{err}");

    // A huge number is written short.
    let huge = home.path().join("huge.json");
    fs::write(&huge, r#"{"environments": 1e308}"#).unwrap();
    let (code, _, err) = run(nunki(home.path()).args(["check", "--answers"]).arg(&huge));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("1e308") && !err.contains("0000000000"),
        "{err}"
    );
}

#[test]
fn sessions_reports_links_and_makes_its_folder_private() {
    let home = TempDir::new().unwrap();
    let session = new_session(home.path(), "Acme AG", ANSWERS);
    let dir = session.parent().unwrap();
    let elsewhere = home.path().join("elsewhere.ron");
    fs::copy(&session, &elsewhere).unwrap();
    symlink(&elsewhere, dir.join("linked-20260101-aa.ron")).unwrap();
    let fifo = dir.join("piped-20260101-bb.ron");
    let fifo_made = mkfifo(&fifo);
    fs::set_permissions(dir, fs::Permissions::from_mode(0o777)).unwrap();

    let (code, out, err) = run(nunki(home.path()).arg("sessions"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Acme AG"), "{out}");
    assert!(
        err.contains("linked-20260101-aa.ron") && err.contains("symbolic link"),
        "{err}"
    );
    assert!(err.contains("private"), "{err}");
    if fifo_made {
        assert!(
            err.contains("piped-20260101-bb.ron") && err.contains("FIFO"),
            "{err}"
        );
    }
    let mode = fs::metadata(dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}
