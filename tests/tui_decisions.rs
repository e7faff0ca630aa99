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
    let notice = h.notice();
    assert!(
        notice.contains("Not proposed yet, missing: 24/7 coverage"),
        "{notice}\n{}",
        h.screen()
    );
}

/// Puts the cursor of the scope pane on the flag of `rule`, by keys:
/// Tab to the scope pane (question → note → scope), then down from the top.
fn select_flag(h: &mut Harness, rule: &str) {
    let items = h.scope().items.len();
    let n = h
        .scope()
        .flags
        .iter()
        .position(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("no flag {rule}: {:?}", h.flag_rules()));
    h.keys("<Tab><Tab><Home>");
    for _ in 0..items + n {
        h.keys("<Down>");
    }
    assert_eq!(
        h.app.open.as_ref().unwrap().interview.scope_cursor,
        items + n
    );
}

#[test]
fn the_decision_box_records_an_approval_with_conditions_for_the_customer() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let id = bank(&h);
    h.open(&id);
    let before = jiff::Timestamp::now();
    select_flag(&mut h, "coverage_24x7");
    h.keys("d");
    let screen = h.screen();
    assert!(screen.contains(" Decision "), "{screen}");
    // The approver is prefilled from the flag; the earlier (stale)
    // decision is named.
    assert!(screen.contains("[Operations lead"), "{screen}");
    assert!(screen.contains("Recorded so far: stale"), "{screen}");
    insta::assert_snapshot!("decision_box_120x40", h.draw());
    h.keys("<Tab>only with the 24/7 OnCall plan<Tab> <Enter>");
    assert!(h.app.overlay.is_none(), "{}", h.screen());
    let saved = h.saved();
    let d = saved
        .decisions
        .iter()
        .find(|d| d.rule == "coverage_24x7")
        .unwrap();
    assert_eq!(d.verdict, Verdict::Approved);
    assert_eq!(d.by, "Operations lead");
    assert_eq!(
        d.conditions.as_deref(),
        Some("only with the 24/7 OnCall plan")
    );
    assert!(d.for_customer);
    assert!(d.at >= before, "the shell's clock: {}", d.at);
    // The fingerprint the CLI computes: the decision holds for today's answers.
    let flag = h
        .scope()
        .flags
        .iter()
        .find(|f| f.rule == "coverage_24x7")
        .unwrap();
    assert_eq!(d.fingerprint, flag.fingerprint());
    assert_eq!(
        saved
            .decisions
            .iter()
            .filter(|d| d.rule == "coverage_24x7")
            .count(),
        1,
        "one decision per flag"
    );
    let screen = h.screen();
    assert!(screen.contains("✓ 24/7 coverage"), "{screen}");
    // Nothing is missing any more: the gate lets the proposal go out.
    h.keys("Sp");
    assert_eq!(h.saved().status, Status::Proposed, "{}", h.screen());
}

#[test]
fn the_decision_box_records_a_decline_by_someone_else() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let id = bank(&h);
    h.open(&id);
    select_flag(&mut h, "finma_outsourcing");
    h.keys("d");
    // FINMA names Legal and the platform's product owner: the first is
    // prefilled, and any name can be typed instead.
    let screen = h.screen();
    assert!(screen.contains("[Legal"), "{screen}");
    assert!(
        screen.contains("Legal, Product owner APPUiO Managed"),
        "{screen}"
    );
    h.keys("<C-u>Sam Sales<Tab><Tab><Tab><Right><Enter>");
    let saved = h.saved();
    let d = saved
        .decisions
        .iter()
        .find(|d| d.rule == "finma_outsourcing")
        .unwrap();
    assert_eq!(d.verdict, Verdict::Declined);
    assert_eq!(d.by, "Sam Sales");
    assert_eq!(d.conditions, None);
    assert!(!d.for_customer);
    let screen = h.screen();
    assert!(screen.contains("✗ FINMA outsourcing"), "{screen}");
}

#[test]
fn esc_cancels_the_decision_box_and_nothing_is_recorded() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 120, 40);
    let id = bank(&h);
    h.open(&id);
    let before = h.saved().decisions;
    select_flag(&mut h, "coverage_24x7");
    h.keys("d<Tab>whatever<Esc>");
    assert!(h.app.overlay.is_none());
    assert_eq!(h.saved().decisions, before);
    // An empty name is refused, with the reason.
    h.keys("d<C-u><Enter>");
    assert!(h.screen().contains("Who decided?"), "{}", h.screen());
    h.keys("<Esc>");
    assert_eq!(h.saved().decisions, before);
    // On an item (Shift-Tab: from the flags to the items), d says where
    // decisions go.
    h.keys("<S-Tab><Home>d");
    assert!(
        h.notice().contains("Decisions are recorded on flags"),
        "{:?}",
        h.app.notice
    );
}
