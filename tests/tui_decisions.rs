//! The flag list shows each flag's pre-sales decision (✓ approved, ✗
//! declined, ! stale), and the status box refuses "proposed" while an
//! approval is missing, as `nunki set --status` does.
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::engine::Answer;
use nunki::knowledge::Knowledge;
use nunki::session::store::Store;
use nunki::session::{Decision, Status, Verdict};
use nunki::tui::theme::ThemeKind;
use tui_support::Harness;

/// A bank whose FINMA flag is approved and whose 24/7 flag was approved
/// for other answers than today's.
fn bank(h: &Harness) -> String {
    let s = h.seed(
        "Bank AG",
        "2026-12-01T10:00:00Z",
        &[
            ("compliance", Answer::List(vec!["finma".into()])),
            ("tenancy", Answer::Text("dedicated".into())),
            ("cloud_provider", Answer::Text("cloudscale".into())),
            ("support_hours", Answer::Text("24x7".into())),
            ("app_operations", Answer::Bool(true)),
        ],
    );
    let store = Store::at(h.sessions_dir());
    let mut opened = store.open(&s.id, &h.knowledge).unwrap();
    let scope = opened.session.evaluate(&h.knowledge).scope;
    let at: jiff::Timestamp = "2026-12-01T11:00:00Z".parse().unwrap();
    let finma = scope
        .flags
        .iter()
        .find(|f| f.rule == "finma_outsourcing")
        .unwrap();
    opened.session.decisions.push(Decision {
        rule: finma.rule.clone(),
        verdict: Verdict::Approved,
        by: "Lea Legal".into(),
        at,
        conditions: None,
        for_customer: false,
        fingerprint: finma.fingerprint(),
        raised: None,
    });
    opened.session.decisions.push(Decision {
        rule: "coverage_24x7".into(),
        verdict: Verdict::Approved,
        by: "Olivia Ops".into(),
        at,
        conditions: None,
        for_customer: false,
        fingerprint: "for other answers".into(),
        raised: None,
    });
    store.save(&mut opened, &h.knowledge).unwrap();
    drop(opened);
    s.id
}

#[test]
fn the_flag_list_shows_a_decision_and_a_stale_one() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let id = bank(&h);
    h.open(&id);
    let screen = h.screen();
    let line = |title: &str| {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("no {title}:\n{screen}"))
            .to_string()
    };
    assert!(
        line("FINMA outsourcing").contains("✓ FINMA outsourcing"),
        "{screen}"
    );
    assert!(
        line("24/7 coverage").contains("! 24/7 coverage"),
        "{screen}"
    );
    insta::assert_snapshot!("flags_with_decisions_120x40", h.draw());
}

#[test]
fn the_status_box_refuses_proposed_while_an_approval_is_missing() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let id = bank(&h);
    h.open(&id);
    h.keys("Sp");
    assert_eq!(h.saved().status, Status::Draft);
    let notice = h
        .app
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        notice.contains("Not proposed yet, missing: 24/7 coverage"),
        "{notice}\n{}",
        h.screen()
    );
}
