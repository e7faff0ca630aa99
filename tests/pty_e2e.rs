//! The real binary in a real pseudo-terminal: start `nunki`, scope a
//! customer from the keyboard, quit, then check the saved session file and
//! that the terminal was handed back in its normal mode (main screen,
//! cursor shown, mouse reports off, canonical mode and echo back on).
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod tui_support;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What the program wrote so far, shared with the reading thread.
type Output = Arc<Mutex<Vec<u8>>>;

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.lock().unwrap()).into_owned()
}

/// The screen the output paints, enough of a terminal for what ratatui
/// writes: cursor moves (`CSI row;col H`), text, and sequences to skip.
/// ratatui only redraws changed cells, so text on the wire is in pieces.
fn screen(bytes: &str, rows: usize, cols: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut grid = vec![vec![" ".to_string(); cols]; rows];
    let (mut r, mut c) = (0usize, 0usize);
    let mut chars = bytes.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                let mut params = String::new();
                let mut fin = ' ';
                for x in chars.by_ref() {
                    if ('@'..='~').contains(&x) {
                        fin = x;
                        break;
                    }
                    params.push(x);
                }
                if fin == 'H' {
                    let mut it = params.split(';').map(|p| p.parse::<usize>().unwrap_or(1));
                    r = it.next().unwrap_or(1).saturating_sub(1).min(rows - 1);
                    c = it.next().unwrap_or(1).saturating_sub(1).min(cols - 1);
                } else if fin == 'J' && params == "2" {
                    grid = vec![vec![" ".to_string(); cols]; rows];
                }
            } else {
                chars.next();
            }
            continue;
        }
        if ch.is_control() {
            continue;
        }
        let w = ch.width().unwrap_or(0);
        if w == 0 || c >= cols {
            continue;
        }
        grid[r][c] = ch.to_string();
        if w == 2 && c + 1 < cols {
            grid[r][c + 1] = String::new();
        }
        c += w;
    }
    grid.into_iter().map(|row| row.concat()).collect()
}

/// Waits until the screen shows `needle`; fails with the screen so far.
/// The limit only guards against a hang, it measures nothing.
fn wait_for(out: &Output, needle: &str) {
    let start = Instant::now();
    loop {
        let shown = screen(&text(out), 24, 80);
        if shown.iter().any(|l| l.contains(needle)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never saw {needle:?}; the screen was:\n{}",
            shown.join("\n")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits until the screen no longer shows `needle` (a box closed). A lone
/// Esc must be seen through before the next key: Esc and a letter at once
/// read as Alt and the letter.
fn wait_gone(out: &Output, needle: &str) {
    let start = Instant::now();
    loop {
        let shown = screen(&text(out), 24, 80);
        if !shown.iter().any(|l| l.contains(needle)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{needle:?} stayed; the screen was:\n{}",
            shown.join("\n")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The local-mode flags of the terminal, as the words `stty -a` prints.
fn local_flags(master: &dyn portable_pty::MasterPty) -> Vec<String> {
    let termios = master.get_termios().expect("the pty has termios");
    format!("{:?}", termios.local_flags)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn scope_a_customer_from_the_keyboard_and_leave_the_terminal_clean() {
    let root = tempfile::tempdir().unwrap();
    let (data, config, catalog, cwd) = (
        root.path().join("data"),
        root.path().join("config"),
        root.path().join("catalog"),
        root.path().join("cwd"),
    );
    for d in [&data, &config, &catalog, &cwd] {
        std::fs::create_dir_all(d).unwrap();
    }
    tui_support::write_fixture(&catalog);

    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let before = local_flags(pair.master.as_ref());
    assert!(
        before.iter().any(|f| f == "ICANON"),
        "a fresh pty is cooked: {before:?}"
    );

    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_nunki"));
    cmd.arg("--catalog");
    cmd.arg(&catalog);
    cmd.cwd(&cwd);
    cmd.env("NUNKI_DATA_DIR", &data);
    cmd.env("NUNKI_CONFIG_DIR", &config);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);

    let out: Output = Arc::default();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&out);
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
            }
        }
    });
    let mut keys = pair.master.take_writer().unwrap();
    let mut press = |s: &str| {
        keys.write_all(s.as_bytes()).unwrap();
        keys.flush().unwrap();
    };

    wait_for(&out, "No sessions yet");
    let raw = local_flags(pair.master.as_ref());
    assert!(
        !raw.iter().any(|f| f == "ICANON"),
        "raw mode while running: {raw:?}"
    );

    press("n");
    wait_for(&out, "New session");
    press("Pty Kunde AG");
    press("\r");
    wait_for(&out, "Which industry is the customer in?");
    // Down to "Retail", Enter: answered, on to the next question.
    press("\x1b[B");
    press("\r");
    wait_for(&out, "How many applications?");
    press("4\r");
    wait_for(&out, "Which compliance regimes apply?");
    // Tick FINMA: a flag that needs Legal's approval appears.
    press(" ");
    wait_for(&out, "FINMA outsourcing");
    // An option, named in its dialog, is edited at once; then compared.
    press("o");
    wait_for(&out, "Options · editing Base");
    press("a");
    wait_for(&out, "New option");
    press("B — Dedicated\r");
    wait_for(&out, "✎ B");
    press("v");
    wait_for(&out, "Options compared");
    press("q");

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "nunki did not quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");

    // The terminal is back in its normal mode.
    let after = local_flags(pair.master.as_ref());
    for flag in ["ICANON", "ECHO", "ISIG"] {
        assert!(
            after.iter().any(|f| f == flag),
            "{flag} is off after quitting: {after:?}"
        );
    }
    drop(pair.master);
    reading.join().unwrap();
    let screen = text(&out);
    let entered = screen
        .rfind("\x1b[?1049h")
        .expect("entered the alternate screen");
    let tail = &screen[entered..];
    let left = tail
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(
        tail[left..].contains("\x1b[?25h"),
        "the cursor is shown at the end: {:?}",
        &tail[left..]
    );
    assert!(tail.contains("\x1b[?1000l"), "mouse reports are turned off");
    assert!(
        tail.contains("\x1b[?2004l"),
        "bracketed paste is turned off"
    );
    // Nothing is drawn after leaving the alternate screen: what follows
    // is only showing the cursor.
    let after_leave = tail[left..]
        .replace("\x1b[?1049l", "")
        .replace("\x1b[?25h", "");
    assert!(
        after_leave.trim().is_empty(),
        "output after the restore: {after_leave:?}"
    );

    // The session was saved as it was scoped.
    let sessions: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    let session = nunki::session::store::load(&sessions[0]).unwrap();
    assert_eq!(session.customer.name, "Pty Kunde AG");
    use nunki::engine::Answer;
    assert_eq!(
        session.answers.get("industry"),
        Some(&Answer::Text("retail".into()))
    );
    assert_eq!(
        session.answers.get("applications"),
        Some(&Answer::Number(4.0))
    );
    assert_eq!(
        session.answers.get("compliance"),
        Some(&Answer::List(vec!["finma".into()]))
    );
    assert_eq!(session.options.len(), 1);
    assert_eq!(session.options[0].name, "B — Dedicated");
    let summary = session.last_scope.expect("the scope summary is saved");
    assert!(
        summary.flags.contains(&"finma".to_string()),
        "{:?}",
        summary.flags
    );
    // The lock was released: the lock file is empty.
    let lock =
        std::fs::read_to_string(nunki::session::lock::lock_path(&sessions[0])).unwrap_or_default();
    assert!(
        lock.trim().is_empty(),
        "the lock still names a holder: {lock}"
    );
}

#[test]
fn a_session_that_does_not_exist_is_an_error_before_the_screen_starts() {
    let root = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nunki"))
        .arg("no-such-customer")
        .env("NUNKI_DATA_DIR", root.path().join("data"))
        .env("NUNKI_CONFIG_DIR", root.path().join("config"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-customer"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\x1b[?1049h"));
}

#[test]
fn without_a_terminal_the_screen_says_so() {
    let root = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nunki"))
        .env("NUNKI_DATA_DIR", root.path().join("data"))
        .env("NUNKI_CONFIG_DIR", root.path().join("config"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn a_broken_keymap_is_an_error_before_the_screen_starts() {
    let root = tempfile::tempdir().unwrap();
    let config = root.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("keymap.ron"),
        "{\n    \"search\": [\"/\", \"ctrl-ff\"],\n}\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nunki"))
        .env("NUNKI_DATA_DIR", root.path().join("data"))
        .env("NUNKI_CONFIG_DIR", &config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("keymap.ron:2:21: \"ctrl-ff\" is not a key nunki knows"),
        "{stderr}"
    );
    assert!(stderr.contains("help: write one character"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("\x1b[?1049h"));
    // A valid one is taken (the shipped example), and nunki goes on to
    // the screen, which here finds no terminal.
    std::fs::write(
        config.join("keymap.ron"),
        include_str!("../assets/keymap.example.ron"),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nunki"))
        .env("NUNKI_DATA_DIR", root.path().join("data"))
        .env("NUNKI_CONFIG_DIR", &config)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

/// A small customer scoped start to finish with keys only, in a real
/// terminal: a new session, answers, the trace of a flag (`w`), an
/// option, the comparison, an export — then the exported file is read
/// back, and a second start returns to where the first one left off.
#[test]
fn a_small_customer_start_to_finish_with_keys_only() {
    let root = tempfile::tempdir().unwrap();
    let (data, config, catalog, cwd) = (
        root.path().join("data"),
        root.path().join("config"),
        root.path().join("catalog"),
        root.path().join("cwd"),
    );
    for d in [&data, &config, &catalog, &cwd] {
        std::fs::create_dir_all(d).unwrap();
    }
    tui_support::write_fixture(&catalog);
    let start = |args: &[&str]| {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_nunki"));
        cmd.arg("--catalog");
        cmd.arg(&catalog);
        for a in args {
            cmd.arg(a);
        }
        cmd.cwd(&cwd);
        cmd.env("NUNKI_DATA_DIR", &data);
        cmd.env("NUNKI_CONFIG_DIR", &config);
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let out: Output = Arc::default();
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&out);
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
        });
        let keys = pair.master.take_writer().unwrap();
        (child, out, keys, pair.master, reading)
    };
    let wait_exit = |child: &mut Box<dyn portable_pty::Child + Send + Sync>| {
        let begun = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            assert!(
                begun.elapsed() < Duration::from_secs(20),
                "nunki did not quit"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };

    let (mut child, out, mut keys, master, reading) = start(&[]);
    let mut press = |s: &str| {
        keys.write_all(s.as_bytes()).unwrap();
        keys.flush().unwrap();
    };
    wait_for(&out, "No sessions yet");
    // A new session.
    press("n");
    wait_for(&out, "New session");
    press("Kleinkunde GmbH\r");
    wait_for(&out, "Which industry is the customer in?");
    // Answers: retail, 2 applications, FINMA, 99.5 %, shared, 8 GiB,
    // operated by VSHN.
    press("\x1b[B\r");
    wait_for(&out, "How many applications?");
    press("2\r");
    wait_for(&out, "Which compliance regimes apply?");
    press(" ");
    wait_for(&out, "FINMA outsourcing");
    press("\r");
    wait_for(&out, "Which availability per month?");
    press("99.5\r");
    wait_for(&out, "Shared platform or a dedicated cluster?");
    press("\r");
    wait_for(&out, "How much memory do the workloads need?");
    press("8\r");
    wait_for(&out, "Should VSHN operate the application?");
    press("y");
    wait_for(&out, "AppOps");
    // The trace of a flag: Tab to the note, the items, the flags; w.
    press("\t\t\t");
    press("w");
    wait_for(&out, "Why this flag");
    wait_for(&out, "Legal");
    press("\x1b");
    wait_gone(&out, "Why this flag");
    // An option with a dedicated cluster: back to the tenancy question.
    press("o");
    wait_for(&out, "Options · editing Base");
    press("a");
    wait_for(&out, "New option");
    press("B — Dedicated\r");
    wait_for(&out, "✎ B");
    press("\t\t");
    press("\x1b[5~\x1b[5~");
    wait_for(&out, "Shared platform or a dedicated cluster?");
    press("j ");
    wait_for(&out, "Managed OpenShift");
    // Compare, then export the option's proposal.
    press("v");
    wait_for(&out, "Options compared");
    wait_for(&out, "B — Dedicated");
    press("p");
    wait_for(&out, "Proposal");
    press("e");
    wait_for(&out, "Export the proposal");
    press("\r");
    wait_for(&out, "Wrote");
    press("\r");
    press("q");
    assert!(wait_exit(&mut child).success());
    drop(master);
    reading.join().unwrap();

    // The exported file: the option's proposal for the customer.
    let written: Vec<_> = std::fs::read_dir(&cwd)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let name = written[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(name.ends_with(".md"), "{name}");
    assert!(name.contains("kleinkunde"), "{name}");
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(md.contains("Kleinkunde GmbH"), "{md}");
    assert!(md.contains("B — Dedicated"), "{md}");
    assert!(md.contains("Managed OpenShift"), "{md}");
    assert!(
        !md.contains("APPUiO Cloud"),
        "the option is dedicated: {md}"
    );
    assert!(md.contains("AppOps"), "{md}");
    // Two applications at CHF 1'500: the one money format.
    assert!(md.contains("3'000"), "{md}");
    // The boundary is there; who signs it off is not (a customer's copy).
    assert!(md.contains("FINMA outsourcing"), "{md}");
    assert!(!md.contains("Legal"), "{md}");

    // A second start opens the session where the first left it: option
    // B, on the proposal.
    let (mut child, out, mut keys, master, reading) = start(&["kleinkunde"]);
    wait_for(&out, "Back where you left off");
    wait_for(&out, "B — Dedicated");
    keys.write_all(b"q").unwrap();
    keys.flush().unwrap();
    assert!(wait_exit(&mut child).success());
    drop(master);
    reading.join().unwrap();
}
