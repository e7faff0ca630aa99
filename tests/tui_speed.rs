//! How long one keystroke takes on the shipped catalog: update (evaluate
//! once) plus a full redraw at 120×40. Prints figures, asserts none
//! (timing depends on the machine). Run with
//! `cargo test --release --test tui_speed -- --ignored --nocapture`.
#![allow(clippy::unwrap_used)]

mod tui_support;

use std::time::Instant;

use nunki::knowledge::Knowledge;
use nunki::tui::Msg;
use nunki::tui::theme::ThemeKind;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::Harness;

#[test]
#[ignore = "prints timings; run on demand"]
fn keystroke_to_frame_on_the_shipped_catalog() {
    let k = Knowledge::embedded().unwrap();
    let mut h = Harness::with(k, ThemeKind::Default, 120, 40);
    // The richest shipped template: a scope with many items and flags.
    let templates = nunki::session::templates::embedded().unwrap();
    let richest = templates.iter().max_by_key(|t| t.answers.len()).unwrap();
    let answers: Vec<(&str, nunki::engine::Answer)> = richest
        .answers
        .iter()
        .map(|(q, a)| (q.as_str(), a.clone()))
        .collect();
    let s = h.seed("Speed AG", "2025-01-01T00:00:00Z", &answers);
    h.open(&s.id);
    // Flags that read the compliance question are raised and cleared as
    // options are ticked below.
    h.keys("/compliance regimes<Enter>");
    let mut samples = Vec::new();
    let keys = [
        KeyCode::Char(' '),
        KeyCode::Down,
        KeyCode::Char(' '),
        KeyCode::Up,
        KeyCode::PageDown,
        KeyCode::PageUp,
    ];
    for i in 0..600 {
        let key = KeyEvent::new(keys[i % keys.len()], KeyModifiers::NONE);
        let start = Instant::now();
        // What the shell does per key before anything touches the disk.
        let actions = h.app.update(Msg::Key(key));
        h.draw();
        samples.push(start.elapsed());
        // Saving happens after the frame, when input is idle.
        h.shell.run(&mut h.app, actions);
        h.shell.flush(&mut h.app);
    }
    samples.sort();
    let p = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize];
    println!(
        "keystroke → frame on the shipped catalog ({} items, {} flags): median {:?}, p90 {:?}, p99 {:?}, max {:?}",
        h.scope().items.len(),
        h.scope().flags.len(),
        p(0.5),
        p(0.9),
        p(0.99),
        samples[samples.len() - 1]
    );
}
