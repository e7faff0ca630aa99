//! A team through git, as users run it: two data directories (two laptops)
//! sharing a local bare repository, the real binary, no network. Skipped,
//! with the reason printed, where `git` is missing.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Output};

use assert_cmd::Command;
use nunki::session::{Field, Session, file};
use tempfile::TempDir;

fn git_missing() -> bool {
    let missing = Std::new("git").arg("--version").output().is_err();
    if missing {
        eprintln!("skipped: `git` is not installed, the team tests need it");
    }
    missing
}

/// A laptop: its data directory and its user's git identity.
struct Laptop {
    home: PathBuf,
    who: &'static str,
}

impl Laptop {
    fn data(&self) -> PathBuf {
        self.home.join("data")
    }

    fn nunki(&self) -> Command {
        let mut cmd = Command::cargo_bin("nunki").unwrap();
        let email = format!("{}@example.com", self.who.to_lowercase());
        cmd.env("NUNKI_CONFIG_DIR", self.home.join("config"))
            .env("NUNKI_DATA_DIR", self.data())
            .env("NO_COLOR", "1")
            .env("GIT_AUTHOR_NAME", self.who)
            .env("GIT_AUTHOR_EMAIL", &email)
            .env("GIT_COMMITTER_NAME", self.who)
            .env("GIT_COMMITTER_EMAIL", &email)
            // The machine's own git configuration stays out of the test.
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.nunki().args(args).output().unwrap()
    }

    /// Runs nunki and expects exit 0; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "nunki {args:?} on {}:\nstdout: {}\nstderr: {}",
            self.who,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn sessions(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = fs::read_dir(self.data().join("sessions"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        v.sort();
        v
    }

    fn session(&self, name: &str) -> Session {
        let path = self.data().join("sessions").join(name);
        file::parse("t", &fs::read_to_string(path).unwrap()).unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Std::new("git")
            .arg("-C")
            .arg(self.data())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

/// A bare remote and two laptops, A (the first member, cloning the empty
/// remote) and B.
fn team() -> (TempDir, String, Laptop, Laptop) {
    let tmp = TempDir::new().unwrap();
    let remote = tmp.path().join("team.git");
    let out = Std::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&remote)
        .output()
        .unwrap();
    assert!(out.status.success());
    let url = remote.display().to_string();
    let a = Laptop {
        home: tmp.path().join("a"),
        who: "Anna",
    };
    let b = Laptop {
        home: tmp.path().join("b"),
        who: "Beat",
    };
    a.ok(&["team", "clone", &url]);
    (tmp, url, a, b)
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn a_session_created_on_a_is_seen_on_b() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    let path = PathBuf::from(a.ok(&["new", "--customer", "Acme AG"]).trim());
    a.ok(&["set", "acme", "environments=3"]);
    let out = a.ok(&["sync"]);
    assert!(out.contains("committed: Acme AG"), "{out}");
    assert!(out.contains("sent to origin"), "{out}");
    // One commit per sync, by the user, naming the session.
    let log = a.git(&["log", "--format=%an|%s"]);
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.starts_with("Anna|nunki sync: Acme AG"), "{log}");
    // Locks and backups never reach git.
    let tracked = a.git(&["ls-files"]);
    assert!(
        !tracked.contains(".lock") && !tracked.contains(".bak"),
        "{tracked}"
    );
    assert!(
        a.data()
            .join("sessions")
            .read_dir()
            .unwrap()
            .any(|e| { e.unwrap().path().extension().is_some_and(|x| x == "bak") })
    );

    b.ok(&["team", "clone", &url]);
    assert_eq!(b.sessions().len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&b.sessions()[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "sessions stay private after a clone");
    }
    let name = file_name(&path);
    assert_eq!(
        b.session(&name).answers["environments"],
        nunki::engine::Answer::Number(3.0)
    );
    let listed = b.ok(&["sessions"]);
    assert!(listed.contains("Acme AG"), "{listed}");
    // Who scoped what: the author who first shared each session.
    b.ok(&["new", "--customer", "Beta GmbH"]);
    b.ok(&["set", "acme", "--status", "lost"]);
    b.ok(&["sync"]);
    b.ok(&["new", "--customer", "Gamma AG"]);
    let who = b.ok(&["team", "who"]);
    assert!(
        who.contains("Anna: 1 session(s), 0 won, 1 lost, 0 open — Acme AG"),
        "{who}"
    );
    assert!(
        who.contains("Beat: 1 session(s), 0 won, 0 lost, 1 open — Beta GmbH"),
        "{who}"
    );
    assert!(who.contains("(not yet synced): 1 session(s)"), "{who}");

    b.ok(&["sync"]);

    // Nothing to do: a sync changes nothing.
    let out = b.ok(&["sync"]);
    assert!(out.contains("nothing to commit"), "{out}");
    assert!(!out.contains("sent"), "{out}");
}

#[test]
fn different_answers_edited_offline_on_both_end_up_on_both() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    let path = PathBuf::from(a.ok(&["new", "--customer", "Acme AG"]).trim());
    a.ok(&["sync"]);
    b.ok(&["team", "clone", &url]);
    let name = file_name(&path);

    a.ok(&["set", "acme", "environments=3"]);
    b.ok(&[
        "set",
        "acme",
        "tenancy=dedicated",
        "--note",
        "gpu=asked twice",
    ]);
    let st = a.ok(&["team", "status"]);
    assert!(st.starts_with("0 to send, 0 to receive"), "{st}");
    assert!(st.contains("1 changed file(s) not yet synced"), "{st}");
    a.ok(&["sync"]);
    b.git(&["fetch", "-q"]);
    let st = b.ok(&["team", "status"]);
    assert!(st.starts_with("0 to send, 1 to receive"), "{st}");
    let out = b.ok(&["sync"]);
    assert!(out.contains("merged by answer"), "{out}");
    assert!(!out.contains("conflict"), "{out}");
    a.ok(&["sync"]);

    for laptop in [&a, &b] {
        let s = laptop.session(&name);
        assert_eq!(
            s.answers.get("environments"),
            Some(&nunki::engine::Answer::Number(3.0)),
            "{}",
            laptop.who
        );
        assert_eq!(
            s.answers.get("tenancy"),
            Some(&nunki::engine::Answer::Text("dedicated".into())),
            "{}",
            laptop.who
        );
        assert_eq!(s.notes.get("gpu").map(String::as_str), Some("asked twice"));
        assert!(s.conflicts.is_empty());
    }
    assert_eq!(a.git(&["status", "--porcelain"]), "");
}

#[test]
fn the_same_answer_edited_on_both_keeps_one_and_records_the_other() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    let path = PathBuf::from(a.ok(&["new", "--customer", "Acme AG"]).trim());
    a.ok(&["sync"]);
    b.ok(&["team", "clone", &url]);
    let name = file_name(&path);

    a.ok(&["set", "acme", "environments=3"]);
    // B saves last: B's value is kept.
    b.ok(&["set", "acme", "environments=5"]);
    a.ok(&["sync"]);
    let out = b.ok(&["sync"]);
    assert!(out.contains("conflict in Acme AG"), "{out}");
    assert!(
        out.contains("answer environments: kept 5.0, Anna gave 3.0"),
        "{out}"
    );
    a.ok(&["sync"]);

    for laptop in [&a, &b] {
        let s = laptop.session(&name);
        assert_eq!(
            s.answers.get("environments"),
            Some(&nunki::engine::Answer::Number(5.0))
        );
        assert_eq!(s.conflicts.len(), 1, "{}", laptop.who);
        let c = &s.conflicts[0];
        assert_eq!((c.field, c.key.as_str()), (Field::Answer, "environments"));
        assert_eq!(c.other.as_deref(), Some("3.0"));
        assert_eq!(c.by, "Anna");
    }
    // The session still opens and scopes.
    b.ok(&["check", "--session", "acme"]);

    // Listed, then resolved by taking the other value; the resolution
    // reaches A with the next syncs.
    let listed = a.ok(&["team", "conflicts"]);
    assert!(listed.contains("Acme AG"), "{listed}");
    assert!(listed.contains("kept 5.0, Anna gave 3.0"), "{listed}");
    assert!(listed.contains("1 conflict(s)"), "{listed}");
    let out = b.run(&["team", "resolve", "acme", "tenancy"]);
    assert_eq!(out.status.code(), Some(2), "no conflict on tenancy");
    b.ok(&["team", "resolve", "acme", "environments", "--take-other"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    let s = a.session(&name);
    assert_eq!(
        s.answers.get("environments"),
        Some(&nunki::engine::Answer::Number(3.0))
    );
    assert!(s.conflicts.is_empty());
    assert!(a.ok(&["team", "conflicts"]).contains("0 conflict(s)"));
}

#[test]
fn an_unreachable_remote_exits_3_and_keeps_everything_local() {
    if git_missing() {
        return;
    }
    let tmp = TempDir::new().unwrap();
    let a = Laptop {
        home: tmp.path().join("a"),
        who: "Anna",
    };
    let path = PathBuf::from(a.ok(&["new", "--customer", "Acme AG"]).trim());
    let before = fs::read_to_string(&path).unwrap();
    let nowhere = tmp.path().join("no-such-remote.git").display().to_string();
    a.ok(&["team", "init", "--remote", &nowhere]);
    a.ok(&["set", "acme", "environments=4"]);
    let edited = fs::read_to_string(&path).unwrap();
    assert_ne!(before, edited);

    let out = a.run(&["sync"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot reach the team remote"), "{err}");
    assert!(err.contains("nothing local is lost"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), edited);
    // Committed locally: the next sync catches up once the remote exists.
    assert_eq!(a.git(&["status", "--porcelain"]), "");
    let bare = Std::new("git")
        .args(["init", "-q", "--bare", "-b", "main", &nowhere])
        .output()
        .unwrap();
    assert!(bare.status.success());
    let out = a.ok(&["sync"]);
    assert!(out.contains("sent to origin"), "{out}");

    // Cloning from nowhere is the same exit code.
    let c = Laptop {
        home: tmp.path().join("c"),
        who: "Carla",
    };
    let out = c.run(&[
        "team",
        "clone",
        &tmp.path().join("nope").display().to_string(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sync_outside_a_team_folder_says_how_to_make_one() {
    let tmp = TempDir::new().unwrap();
    let a = Laptop {
        home: tmp.path().join("a"),
        who: "Anna",
    };
    a.ok(&["new", "--customer", "Acme AG"]);
    let out = a.run(&["sync"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a team folder"), "{err}");
    assert!(err.contains("nunki team init"), "{err}");
}

#[test]
fn a_broken_team_catalog_is_refused_and_the_previous_one_stays() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    let shipped = include_str!("../data/catalog.ron");
    let name = "name: (en: \"APPUiO Cloud\", de: \"APPUiO Cloud\")";
    assert!(shipped.contains(name));
    let team_catalog = shipped.replacen(
        name,
        "name: (en: \"APPUiO Cloud (team edition)\", de: \"APPUiO Cloud (Team-Ausgabe)\")",
        1,
    );
    fs::create_dir_all(a.data().join("catalog")).unwrap();
    fs::write(a.data().join("catalog/catalog.ron"), &team_catalog).unwrap();
    let out = a.ok(&["sync"]);
    assert!(out.contains("committed: team knowledge"), "{out}");
    assert!(out.contains("team knowledge now in use"), "{out}");

    b.ok(&["team", "clone", &url]);
    let list = b.ok(&["catalog", "list"]);
    assert!(list.contains("team edition"), "{list}");

    // A price change names what it did to each open session.
    b.ok(&["new", "--customer", "Acme AG"]);
    b.ok(&["set", "acme", "tenancy=shared", "environments=3"]);
    b.ok(&["sync"]);
    let old_price = "amount: 55, units: Size(\"total_memory_gib\")";
    assert!(team_catalog.contains(old_price));
    let dearer = team_catalog.replacen(
        old_price,
        "amount: 60, units: Size(\"total_memory_gib\")",
        1,
    );
    fs::write(a.data().join("catalog/catalog.ron"), &dearer).unwrap();
    for laptop in [&a, &b] {
        let out = laptop.ok(&["sync"]);
        assert!(out.contains("team knowledge now in use"), "{out}");
        assert!(out.contains("  Acme AG: "), "{}: {out}", laptop.who);
        assert!(out.contains("APPUiO Cloud"), "{out}");
    }

    // A broken change reaches B and is refused there; the previous team
    // knowledge stays in use.
    fs::write(a.data().join("catalog/catalog.ron"), "(offerings: [ oops").unwrap();
    let out = a.ok(&["sync"]);
    assert!(
        out.contains("does not validate and was not shared"),
        "{out}"
    );
    assert!(out.contains("catalog.ron:1:"), "{out}");
    assert_eq!(
        a.git(&["status", "--porcelain"]),
        " M catalog/catalog.ron\n"
    );
    // Someone pushes it with plain git all the same.
    a.git(&["add", "catalog"]);
    a.git(&[
        "-c",
        "user.name=Anna",
        "-c",
        "user.email=a@x",
        "commit",
        "-qm",
        "broken",
    ]);
    a.git(&["push", "-q", "origin", "HEAD:main"]);
    let out = b.ok(&["sync"]);
    assert!(out.contains("team knowledge refused"), "{out}");
    assert!(out.contains("catalog.ron"), "{out}");
    for laptop in [&a, &b] {
        let list = laptop.ok(&["catalog", "list"]);
        assert!(list.contains("team edition"), "{}: {list}", laptop.who);
    }
    // The user's own override still goes on top of the team's.
    // An English-only name in a user's override file still parses.
    let mine = shipped.replacen(name, "name: \"APPUiO Cloud (mine)\"", 1);
    fs::create_dir_all(b.home.join("config/catalog")).unwrap();
    fs::write(b.home.join("config/catalog/catalog.ron"), mine).unwrap();
    assert!(b.ok(&["catalog", "list"]).contains("(mine)"));
}

/// Many sessions sync in one commit, and a second sync finds nothing to
/// do. How long that takes over 10 000 sessions is measured by `cargo bench
/// --bench team` (a timing assertion here would fail on a busy machine).
#[test]
fn a_sync_over_a_thousand_sessions_then_has_nothing_to_do() {
    if git_missing() {
        return;
    }
    let (_tmp, _url, a, _b) = team();
    let path = PathBuf::from(a.ok(&["new", "--customer", "Bench AG"]).trim());
    let text = fs::read_to_string(&path).unwrap();
    let id = a.session(&file_name(&path)).id;
    for i in 1..1_000 {
        let copy = text
            .replace(&format!("id: \"{id}\""), &format!("id: \"g{i:05}\""))
            .replace("Bench AG", &format!("Bench {i} AG"));
        fs::write(path.with_file_name(format!("bench-{i}-g{i:05}.ron")), copy).unwrap();
    }
    let out = a.ok(&["sync"]);
    assert!(out.contains("and 992 more"), "{out}");
    let out = a.ok(&["sync"]);
    assert!(out.contains("nothing to commit"), "{out}");
}

/// Laptop A with Acme (shared, 3 environments) to compare, Beta won
/// (shared, 2) and Delta lost (shared, 3).
fn acme_and_others(tmp: &TempDir) -> Laptop {
    let a = Laptop {
        home: tmp.path().join("a"),
        who: "Anna",
    };
    a.ok(&["new", "--customer", "Acme AG"]);
    a.ok(&["set", "acme", "tenancy=shared", "environments=3"]);
    a.ok(&["new", "--customer", "Beta AG"]);
    a.ok(&[
        "set",
        "beta",
        "tenancy=shared",
        "environments=2",
        "--status",
        "won",
    ]);
    a.ok(&["new", "--customer", "Delta AG"]);
    a.ok(&[
        "set",
        "delta",
        "tenancy=shared",
        "environments=3",
        "--status",
        "lost",
    ]);
    a
}

#[test]
fn similar_lists_won_sessions_most_like_this_one() {
    let tmp = TempDir::new().unwrap();
    let a = acme_and_others(&tmp);
    a.ok(&["new", "--customer", "Gamma AG"]);
    a.ok(&[
        "set",
        "gamma",
        "tenancy=dedicated",
        "--status",
        "won",
        "--force",
        "test",
    ]);
    let out = a.ok(&["similar", "acme"]);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains('%')).collect();
    assert_eq!(lines.len(), 2, "won sessions only:\n{out}");
    assert!(
        lines[0].contains("Beta AG") && lines[0].contains("67%"),
        "{out}"
    );
    assert!(out.contains("environments: 3 here, 2 there"), "{out}");
    assert!(
        out.contains("tenancy: shared here, dedicated there"),
        "{out}"
    );
    let out = a.ok(&["similar", "acme", "--limit", "1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["customer"], "Beta AG");
}

#[test]
fn a_team_template_is_shared() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    fs::create_dir_all(a.data().join("templates")).unwrap();
    fs::write(
        a.data().join("templates/team_shop.ron"),
        r#"(name: "Team shop", description: "Our usual shop", answers: { "tenancy": "dedicated" })"#,
    )
    .unwrap();
    let out = a.ok(&["sync"]);
    assert!(out.contains("committed: templates"), "{out}");
    b.ok(&["team", "clone", &url]);
    let path = PathBuf::from(
        b.ok(&["new", "--customer", "Zeta AG", "--template", "team_shop"])
            .trim(),
    );
    let s = b.session(&file_name(&path));
    assert_eq!(
        s.answers.get("tenancy"),
        Some(&nunki::engine::Answer::Text("dedicated".into()))
    );
    // A broken team template is skipped with a warning, not an error.
    fs::write(b.data().join("templates/broken.ron"), "(name: ").unwrap();
    let out = b.run(&["new", "--customer", "Eta AG", "--template", "team_shop"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("team template skipped"), "{err}");
}

#[test]
fn without_git_a_clear_message_and_nunki_still_works() {
    let tmp = TempDir::new().unwrap();
    let a = Laptop {
        home: tmp.path().join("a"),
        who: "Anna",
    };
    let empty = tmp.path().join("empty-path");
    fs::create_dir_all(&empty).unwrap();
    let out = a
        .nunki()
        .env("PATH", &empty)
        .args(["sync"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("git is not installed"), "{err}");
    let out = a
        .nunki()
        .env("PATH", &empty)
        .args(["new", "--customer", "Acme AG"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_sync_interrupted_mid_merge_is_finished_by_the_next() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    let path = PathBuf::from(a.ok(&["new", "--customer", "Acme AG"]).trim());
    a.ok(&["sync"]);
    b.ok(&["team", "clone", &url]);
    a.ok(&["set", "acme", "environments=3"]);
    b.ok(&["set", "acme", "environments=5"]);
    a.ok(&["sync"]);
    // B's sync dies after committing, in the middle of git's merge.
    b.git(&["add", "-A", "sessions"]);
    b.git(&[
        "-c",
        "user.name=Beat",
        "-c",
        "user.email=b@x",
        "commit",
        "-qm",
        "local",
    ]);
    b.git(&["fetch", "-q"]);
    let merge = Std::new("git")
        .arg("-C")
        .arg(b.data())
        .args([
            "-c",
            "user.name=Beat",
            "-c",
            "user.email=b@x",
            "merge",
            "origin/main",
        ])
        .output()
        .unwrap();
    assert!(
        !merge.status.success(),
        "the half-done merge stops on the session"
    );
    assert!(b.data().join(".git/MERGE_HEAD").exists());

    let out = b.ok(&["sync"]);
    assert!(out.contains("conflict in Acme AG"), "{out}");
    let s = b.session(&file_name(&path));
    assert_eq!(
        s.answers.get("environments"),
        Some(&nunki::engine::Answer::Number(5.0))
    );
    assert_eq!(s.conflicts.len(), 1);
    assert_eq!(b.git(&["status", "--porcelain"]), "");
}

#[test]
fn clone_takes_relative_paths_as_typed() {
    if git_missing() {
        return;
    }
    let (tmp, _url, a, _b) = team();
    a.ok(&["new", "--customer", "Acme AG"]);
    a.ok(&["sync"]);
    let c = Laptop {
        home: tmp.path().join("c"),
        who: "Carla",
    };
    let out = c
        .nunki()
        .current_dir(tmp.path())
        .env("NUNKI_DATA_DIR", "c/data")
        .args(["team", "clone", "team.git"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(c.sessions().len(), 1);
}

#[test]
fn a_session_removed_on_one_side_and_edited_on_the_other_is_kept() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    let path = PathBuf::from(a.ok(&["new", "--customer", "Acme AG"]).trim());
    a.ok(&["sync"]);
    b.ok(&["team", "clone", &url]);
    fs::remove_file(&path).unwrap();
    let out = a.ok(&["sync"]);
    assert!(out.contains("committed: acme-ag"), "{out}");
    b.ok(&["set", "acme", "environments=4"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    for laptop in [&a, &b] {
        let s = laptop.session(&file_name(&path));
        assert_eq!(
            s.answers.get("environments"),
            Some(&nunki::engine::Answer::Number(4.0)),
            "{}",
            laptop.who
        );
    }
}

#[test]
fn the_internal_proposal_names_similar_setups_and_the_customers_does_not() {
    let tmp = TempDir::new().unwrap();
    let a = acme_and_others(&tmp);
    let internal = a.ok(&[
        "export",
        "--session",
        "acme",
        "--audience",
        "internal",
        "--format",
        "md",
        "-o",
        "-",
    ]);
    let at = internal
        .find("Similar setups we run")
        .unwrap_or_else(|| panic!("no similar setups:\n{internal}"));
    let section = &internal[at..];
    let section = &section[..section[1..].find("\n#").map_or(section.len(), |i| i + 1)];
    assert!(section.contains("Beta AG"), "{section}");
    assert!(section.contains("67 % alike"), "{section}");
    assert!(
        section.contains("environments: 3 here, 2 there"),
        "{section}"
    );
    assert!(
        !section.contains("Delta AG"),
        "won sessions only: {section}"
    );
    // The JSON export has them under `internal.similar`.
    let json = a.ok(&[
        "export",
        "--session",
        "acme",
        "--audience",
        "internal",
        "--format",
        "json",
        "-o",
        "-",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["internal"]["similar"][0]["customer"], "Beta AG");
    assert_eq!(v["internal"]["similar"][0]["percent"], 67);
    for format in ["md", "html", "json", "adoc", "csv"] {
        let customer = a.ok(&["export", "--session", "acme", "--format", format, "-o", "-"]);
        assert!(!customer.contains("Similar setups"), "{format}: {customer}");
        assert!(!customer.contains("Beta AG"), "{format}: {customer}");
    }
}

#[test]
fn insights_over_a_team_folder_name_who_scoped_what() {
    if git_missing() {
        return;
    }
    let (_tmp, url, a, b) = team();
    a.ok(&["new", "--customer", "Acme AG"]);
    a.ok(&[
        "set",
        "acme",
        "support_hours=24x7",
        "--status",
        "won",
        "--force",
        "t",
    ]);
    a.ok(&["new", "--customer", "Acme Two AG"]);
    a.ok(&["sync"]);
    b.ok(&["team", "clone", &url]);
    b.ok(&["new", "--customer", "Beta AG"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    // One not yet shared: no author.
    a.ok(&["new", "--customer", "Gamma AG"]);
    let out = a.ok(&["insights"]);
    let at = out
        .find("Who scoped what")
        .unwrap_or_else(|| panic!("no authors:\n{out}"));
    let section = &out[at..];
    let anna = section.lines().find(|l| l.contains("Anna")).unwrap();
    assert!(anna.contains("2 sessions"), "{section}");
    assert!(anna.contains("won 1 lost 0"), "{section}");
    let beat = section.lines().find(|l| l.contains("Beat")).unwrap();
    assert!(beat.contains("1 sessions"), "{section}");
    assert!(section.contains("hit most: 24/7 coverage"), "{section}");
    let json: serde_json::Value =
        serde_json::from_str(&a.ok(&["insights", "--format", "json"])).unwrap();
    let authors = json["authors"].as_array().unwrap();
    assert_eq!(authors.len(), 2, "{authors:?}");
    assert_eq!(authors[0]["author"], "Anna");
    assert_eq!(authors[0]["sessions"], 2);
    assert_eq!(json["sessions"], 4, "all sessions still count");
    // Outside a team folder there is no such section.
    let c = Laptop {
        home: _tmp.path().join("c"),
        who: "Cleo",
    };
    c.ok(&["new", "--customer", "Solo AG"]);
    let out = c.ok(&["insights", "--format", "json"]);
    assert!(!out.contains("\"authors\""), "{out}");
}
