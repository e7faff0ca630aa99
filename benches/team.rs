//! A team folder of 10 000 generated sessions, timed as whole processes:
//! `nunki sync` with nothing to do (budget < 2 s), `nunki insights` (with
//! who scoped what: one `git log` for every session) and `nunki sessions`
//! (budget < 1 s each; `sessions` reads what the home screen lists), and
//! `nunki team status` (the git calls the home screen makes for its sync
//! state, plus a listing), and the home screen itself: the real binary in
//! a pseudo-terminal, from its start until it lists the sessions (budget
//! < 1 s). Needs `git`; without it the git benches are skipped.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const SESSIONS: usize = 10_000;

fn nunki(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nunki"));
    c.env("NUNKI_DATA_DIR", data)
        .env("NUNKI_CONFIG_DIR", data.join("config"))
        .env("GIT_AUTHOR_NAME", "Bench")
        .env("GIT_AUTHOR_EMAIL", "bench@example.com")
        .env("GIT_COMMITTER_NAME", "Bench")
        .env("GIT_COMMITTER_EMAIL", "bench@example.com")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1");
    c
}

/// Starts the TUI in a pseudo-terminal, reads what it draws until a
/// session's customer shows, then ends it.
fn home_screen(data: &Path) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 140,
            ..PtySize::default()
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_nunki"));
    cmd.env("NUNKI_DATA_DIR", data);
    cmd.env("NUNKI_CONFIG_DIR", data.join("config"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null");
    cmd.env("GIT_CONFIG_NOSYSTEM", "1");
    let mut child = pty.slave.spawn_command(cmd).expect("nunki starts");
    drop(pty.slave);
    let mut reader = pty
        .master
        .try_clone_reader()
        .expect("the terminal's output");
    let (mut seen, mut buf) = (Vec::new(), [0u8; 1 << 16]);
    while !seen.windows(6).any(|w| w == b"Bench ") {
        let n = reader.read(&mut buf).expect("nunki draws");
        assert!(n > 0, "nunki ended before it listed the sessions");
        seen.extend_from_slice(&buf[..n]);
    }
    child.kill().expect("nunki ends");
    child.wait().expect("nunki ended");
}

fn ok(cmd: &mut Command) -> String {
    let out = cmd.output().expect("nunki runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A team folder with a bare remote and 10 000 sessions, synced once.
fn team_folder(root: &Path) -> PathBuf {
    let remote = root.join("team.git");
    let git = Command::new("git")
        .args(["init", "-q", "--bare", "-b", "main"])
        .arg(&remote)
        .output();
    let data = root.join("data");
    if git.is_ok_and(|o| o.status.success()) {
        ok(nunki(&data).args(["team", "clone"]).arg(&remote));
    }
    let first = PathBuf::from(
        ok(nunki(&data).args(["new", "--customer", "Bench AG", "--template", "web_shop"])).trim(),
    );
    let text = std::fs::read_to_string(&first).expect("the session file");
    let id = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("id: \""))
        .and_then(|l| l.strip_suffix("\","))
        .expect("an id")
        .to_string();
    for i in 1..SESSIONS {
        let copy = text
            .replace(&format!("id: \"{id}\""), &format!("id: \"g{i:05}\""))
            .replace("Bench AG", &format!("Bench {i} AG"));
        std::fs::write(first.with_file_name(format!("bench-{i}-g{i:05}.ron")), copy)
            .expect("a session file");
    }
    data
}

fn team(c: &mut Criterion) {
    let root = tempfile::tempdir().expect("a temp dir");
    let data = team_folder(root.path());
    let mut group = c.benchmark_group("team_10k");
    group.sample_size(10);
    if data.join(".git").exists() {
        ok(nunki(&data).arg("sync"));
        group.bench_function("sync_nothing_to_do", |b| {
            b.iter(|| ok(nunki(&data).arg("sync")))
        });
        group.bench_function("team_status", |b| {
            b.iter(|| ok(nunki(&data).args(["team", "status"])))
        });
    } else {
        eprintln!("skipped team_10k/sync_nothing_to_do: git is not installed");
    }
    group.bench_function("insights", |b| b.iter(|| ok(nunki(&data).arg("insights"))));
    group.bench_function("sessions", |b| b.iter(|| ok(nunki(&data).arg("sessions"))));
    group.bench_function("home_screen", |b| b.iter(|| home_screen(&data)));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    targets = team
}
criterion_main!(benches);
