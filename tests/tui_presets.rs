//! The availability question offers the usual tiers next to a typed
//! number: ↓ and ↑ put the next or previous one in, as if typed.
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::engine::Answer;
use nunki::knowledge::Knowledge;
use nunki::tui::theme::ThemeKind;
use tui_support::Harness;

#[test]
fn arrows_pick_the_usual_availability_tiers() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 160, 48);
    let s = h.seed("Tiers AG", "2026-12-01T10:00:00Z", &[]);
    h.open(&s.id);
    h.keys("/which availability<Enter>");
    assert_eq!(h.current_question(), "availability_target");
    assert!(
        h.screen()
            .contains("usual: 99 · 99.5 · 99.9 · 99.95 · 99.99"),
        "{}",
        h.screen()
    );
    let answer = |h: &Harness| h.session().answers.get("availability_target").cloned();
    h.keys("<Down>");
    assert_eq!(answer(&h), Some(Answer::Number(99.0)));
    h.keys("<Down><Down>");
    assert_eq!(answer(&h), Some(Answer::Number(99.9)));
    h.keys("<Up>");
    assert_eq!(answer(&h), Some(Answer::Number(99.5)));
    // A typed value between tiers goes to the next one up.
    h.keys("<BS><BS><BS><BS>99.7<Down>");
    assert_eq!(answer(&h), Some(Answer::Number(99.9)));
}
