//! The interview follows the session's language: a session made German in
//! the new-session dialog shows the knowledge's questions, options and
//! "why we ask" in German; the keys and hints stay English.
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::i18n::Lang;
use nunki::knowledge::Knowledge;
use nunki::tui::theme::ThemeKind;
use tui_support::Harness;

#[test]
fn a_german_session_interviews_in_german() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 160, 48);
    h.home();
    // Customer, then Tab past the template to the language, ↓ to Deutsch.
    h.keys("n");
    h.keys("Bank");
    h.keys("<Tab><Tab><Down><Enter>");
    assert!(h.app.open.is_some(), "{:?}", h.app.notice);
    assert_eq!(h.session().lang, Lang::De);
    assert_eq!(h.saved().lang, Lang::De);
    let screen = h.screen();
    assert!(
        screen.contains("Was erwartet der Kunde von VSHN?"),
        "{screen}"
    );
    assert!(screen.contains("Betrieb (AppOps)"), "{screen}");
    assert!(
        !screen.contains("What does the customer want from VSHN?"),
        "{screen}"
    );
    // The hints stay English.
    assert!(screen.contains("quit"), "{screen}");
}

#[test]
fn an_english_session_interviews_in_english() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 160, 48);
    h.new_session("Shop");
    assert_eq!(h.session().lang, Lang::En);
    let screen = h.screen();
    assert!(
        screen.contains("What does the customer want from VSHN?"),
        "{screen}"
    );
}
