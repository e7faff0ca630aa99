//! What a newcomer tripped over (issue 18), each through the real app on
//! ratatui's `TestBackend`: focus and keys, what the add dialog accepts,
//! Tech Radar answers judged when entered, one money format, no cut
//! texts, the note's start, and reopening a session where one left it.
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::engine::Answer;
use nunki::tui::app::{Overlay, Screen};
use nunki::tui::screens::dialogs::Dialog;
use nunki::tui::screens::interview::Pane;
use nunki::tui::{App, Config, Msg};
use tui_support::Harness;

fn focus(h: &Harness) -> Pane {
    h.app.open.as_ref().unwrap().interview.focus
}

fn answer(h: &Harness, q: &str) -> Option<Answer> {
    h.session().answers.get(q).cloned()
}

/// Moves the catalog's cursor to offering `id`.
fn to_offering(h: &mut Harness, id: &str) {
    h.keys("c");
    h.keys("<Home>");
    for _ in 0..h.app.catalog_order.len() {
        let pos = h.app.open.as_ref().unwrap().catalog.cursor;
        if h.knowledge.catalog.offerings[h.app.catalog_order[pos]].id == id {
            return;
        }
        h.keys("j");
    }
    panic!("{id} is not in the catalog");
}

fn quantity_of(h: &Harness, offering: &str) -> Option<f64> {
    h.scope().item(offering).map(|i| i.quantity)
}

/// A session whose support plan is a share with cents: 10 % of
/// 17 GiB × 55 + 3 × 1'500 = 543.50.
fn with_cents(h: &mut Harness) -> String {
    let s = h.seed(
        "Cents AG",
        "2025-03-04T08:30:00Z",
        &[
            ("applications", Answer::Number(3.0)),
            ("tenancy", Answer::Text("shared".into())),
            ("memory_gib", Answer::Number(17.0)),
            ("operate", Answer::Bool(true)),
        ],
    );
    h.open(&s.id);
    s.id
}

// ------------------------------------------------------------ 3. focus and keys

#[test]
fn the_add_dialog_opens_on_its_first_field_the_quantity() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    to_offering(&mut h, "postgres");
    h.keys("a");
    let Some(Overlay::Dialog(Dialog::Override(form))) = &h.app.overlay else {
        panic!("the add dialog is open");
    };
    assert_eq!(form.field, 0, "the dialog opens on Quantity");
    // The default 1 is replaced by what is typed, then Tab goes on to the
    // reason: it is not typed into the quantity.
    h.keys("3<Tab>Two environments<Enter>");
    assert!(h.app.overlay.is_none(), "{:?}", h.app.notice);
    let added = &h.saved().overrides.added;
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].quantity, 3.0);
    assert_eq!(added[0].reason, "Two environments");
}

#[test]
fn the_flag_list_is_a_tab_stop_with_the_heavy_border() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    // FINMA and GDPR raise two flags; shared tenancy brings two items.
    h.keys("<PgDn><PgDn> j ");
    h.keys("<PgDn><PgDn><Enter>");
    assert_eq!(h.scope().flags.len(), 2);
    assert!(!h.scope().items.is_empty());
    assert_eq!(focus(&h), Pane::Question);
    h.keys("<Tab>");
    assert_eq!(focus(&h), Pane::Note);
    h.keys("<Tab>");
    assert_eq!(focus(&h), Pane::Scope);
    let screen = h.screen();
    assert!(screen.contains("┏ Scope"), "{screen}");
    assert!(screen.contains("┌ Flags"), "{screen}");
    h.keys("<Tab>");
    assert_eq!(focus(&h), Pane::Flags);
    let screen = h.screen();
    assert!(
        screen.contains("┏ Flags"),
        "the focused pane is heavy: {screen}"
    );
    assert!(screen.contains("┌ Scope"), "{screen}");
    // The cursor is on the first flag: w shows its trace.
    h.keys("w");
    assert!(matches!(h.app.overlay, Some(Overlay::Trace(_))));
    assert!(h.screen().contains("FINMA outsourcing"));
    h.keys("<Esc>");
    // Shift-Tab goes back to the items, Tab on to the sections.
    h.keys("<S-Tab>");
    assert_eq!(focus(&h), Pane::Scope);
    h.keys("<Tab><Tab>");
    assert_eq!(focus(&h), Pane::Sections);
}

#[test]
fn esc_in_a_number_or_text_field_leaves_the_field_not_the_session() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn>4<Esc>");
    assert_eq!(h.app.screen, Screen::Interview);
    assert!(h.app.open.is_some(), "still in the session");
    assert_eq!(answer(&h, "applications"), Some(Answer::Number(4.0)));
    let open = h.app.open.as_ref().unwrap();
    assert_eq!(open.interview.focus, Pane::Question);
    assert!(open.interview.field_left);
    assert!(h.screen().contains("Enter: type here again"));
    // Out of the field, keys are commands again: c is the catalog.
    h.keys("c");
    assert_eq!(h.app.screen, Screen::Catalog);
    h.keys("i");
    // A text field: letters are text while in it; Esc leaves it.
    h.keys("/which technologies<Enter>");
    h.keys("c<Esc>");
    assert_eq!(h.app.screen, Screen::Interview);
    assert_eq!(answer(&h, "technologies"), Some(Answer::Text("c".into())));
    assert!(!h.app.typing(), "the field let go of the keys");
    // Enter goes back into the field; a second Esc after leaving it goes
    // back to the sessions.
    h.keys("<Enter>");
    assert!(h.app.typing());
    h.keys("<Esc><Esc>");
    assert_eq!(h.app.screen, Screen::Home);
}

// ------------------------------------------------------------------ 4. input

#[test]
fn the_quantity_takes_whole_numbers_above_zero_only() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    to_offering(&mut h, "postgres");
    h.keys("a");
    for typed in ["1e2", "1.5", "0", "-3"] {
        h.keys("<C-u>");
        h.keys(typed);
        h.keys("<Tab><C-u>A reason<Enter>");
        assert!(h.app.overlay.is_some(), "{typed} was taken");
        let screen = h.screen();
        assert!(
            screen.contains("The quantity is a whole number above 0"),
            "{typed}: {screen}"
        );
        assert!(h.item_ids().is_empty(), "{typed}");
    }
    h.keys("<C-u>1'000<Enter>");
    assert!(h.app.overlay.is_none());
    assert_eq!(quantity_of(&h, "postgres"), Some(1000.0));
}

#[test]
fn adding_an_offering_in_the_scope_asks_to_add_to_it_or_replace_it() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    to_offering(&mut h, "postgres");
    h.keys("a3<Tab>Three databases<Enter>");
    assert_eq!(quantity_of(&h, "postgres"), Some(3.0));
    // Again, ×100: nothing changes before the engineer says how.
    h.keys("a100<Tab>A hundred more<Enter>");
    assert_eq!(
        quantity_of(&h, "postgres"),
        Some(3.0),
        "not replaced silently"
    );
    let screen = h.screen();
    assert!(screen.contains("is in the scope already:"), "{screen}");
    assert!(screen.contains("×3 (Standard, by hand)."), "{screen}");
    assert!(screen.contains("Add to it: ×103 in all"), "{screen}");
    assert!(screen.contains("Replace it: ×100"), "{screen}");
    // a: add to it.
    h.keys("a");
    assert!(h.app.overlay.is_none());
    assert_eq!(quantity_of(&h, "postgres"), Some(103.0));
    assert_eq!(h.saved().overrides.added[0].quantity, 103.0);
    // r: replace it.
    h.keys("a2<Tab>Only two after all<Enter>r");
    assert_eq!(quantity_of(&h, "postgres"), Some(2.0));
    // Cancel (↓↓ Enter) leaves the scope as it was.
    h.keys("a5<Tab>Maybe five<Enter><Down><Down><Enter>");
    assert!(h.app.overlay.is_none());
    assert_eq!(quantity_of(&h, "postgres"), Some(2.0));
    assert_eq!(h.saved().overrides.added[0].reason, "Only two after all");
}

#[test]
fn an_offering_a_rule_brought_in_is_added_to_when_asked() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("/which data services<Enter> ");
    assert_eq!(quantity_of(&h, "postgres"), Some(1.0));
    to_offering(&mut h, "postgres");
    h.keys("a2<Tab>Two more for reporting<Enter>");
    let Some(Overlay::Dialog(Dialog::Override(form))) = &h.app.overlay else {
        panic!("the add dialog asks");
    };
    assert!(form.confirm.is_some());
    assert!(!form.existing.as_ref().unwrap().by_hand);
    assert!(h.screen().contains("×1 (Standard, by a rule)."));
    h.keys("<Enter>");
    assert_eq!(quantity_of(&h, "postgres"), Some(3.0));
}

#[test]
fn a_tech_radar_name_is_judged_when_entered_not_while_typed() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("/which technologies<Enter>");
    h.keys("Jav");
    assert!(!h.flag_rules().contains(&"radar".to_string()));
    let screen = h.screen();
    assert!(!screen.contains("Jav unknown"), "{screen}");
    assert!(!screen.contains("Not on the Tech Radar"), "{screen}");
    assert_eq!(answer(&h, "technologies"), None);
    // Entered (Tab leaves the field): now it is an answer, judged.
    h.keys("a<Tab>");
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("Java".into()))
    );
    assert!(h.flag_rules().contains(&"radar".to_string()));
    assert_eq!(
        h.saved().answers.get("technologies"),
        Some(&Answer::Text("Java".into()))
    );
}

#[test]
fn a_name_typed_in_a_radar_field_is_kept_when_quitting() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("/which technologies<Enter>Kafka<C-c>");
    assert!(h.quit);
    assert_eq!(
        h.saved().answers.get("technologies"),
        Some(&Answer::Text("Kafka".into()))
    );
}

// ----------------------------------------------------- 5. words and numbers

#[test]
fn one_money_format_on_screen_and_in_the_export() {
    let mut h = Harness::new(120, 40);
    with_cents(&mut h);
    let support = h.scope().item("support").unwrap().monthly;
    assert_eq!(support.amount(), "543.50");
    let total = h.scope().totals.monthly;
    let sum: i64 = h.scope().items.iter().map(|i| i.monthly.0).sum();
    assert_eq!(total.0, sum, "the total is the sum of the rows");
    assert_eq!(total.amount(), "5'978.50");
    let screen = h.screen();
    for item in &h.scope().items {
        if item.monthly.0 != 0 {
            assert!(
                screen.contains(&item.monthly.amount()),
                "{}: {screen}",
                item.name
            );
        }
    }
    assert!(screen.contains("543.50*"), "{screen}");
    assert!(screen.contains("5'978.50*"), "{screen}");
    assert!(screen.contains("CHF 5'978.50*/mo"), "the header: {screen}");
    assert!(!screen.contains(" 544"), "no rounded cents: {screen}");
    // The same figures in the exported proposal.
    h.keys("pe<Enter>");
    let written: Vec<_> = std::fs::read_dir(h.exports_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let md = std::fs::read_to_string(&written[0]).unwrap();
    assert!(md.contains("543.50"), "{md}");
    assert!(md.contains("5'978.50"), "{md}");
    // And in the catalog.
    h.keys("<Esc>");
    to_offering(&mut h, "support");
    assert!(h.screen().contains("CHF 543.50*/month"));
}

#[test]
fn a_money_answer_is_written_as_money() {
    let k = nunki::knowledge::Knowledge::embedded().unwrap();
    let q = k.question("budget_monthly_chf").unwrap();
    assert_eq!(Answer::Number(9000.0).display(Some(q)), "9'000 per month");
}

#[test]
fn the_scope_pane_wraps_long_names_instead_of_cutting_them() {
    let mut h = Harness::new(80, 24);
    h.new_session("Acme AG");
    to_offering(&mut h, "kafka");
    h.keys("a1000<Tab>A big streaming platform<Enter>");
    h.keys("i");
    let screen = h.screen();
    assert!(screen.contains("×1000 ✎"), "{screen}");
    assert!(screen.contains("Kafka by Partner"), "{screen}");
    for line in screen.lines() {
        assert!(!line.contains("Kafka by Partner ×…"), "{line}");
        assert!(!line.contains("on reque…"), "{line}");
    }
}

#[test]
fn the_catalog_and_the_add_dialog_wrap_instead_of_cutting() {
    let mut h = Harness::new(80, 24);
    with_cents(&mut h);
    to_offering(&mut h, "appops");
    let screen = h.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("In the scope:"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(!line.contains('…'), "{line}");
    assert!(screen.contains("4'500*/month"), "{screen}");
    // The dialog's error is shown whole.
    h.keys("a<Enter>");
    let screen = h.screen();
    assert!(screen.contains("Say why"), "{screen}");
    assert!(screen.contains("internal proposal."), "{screen}");
}

#[test]
fn a_note_not_being_typed_shows_its_start() {
    let mut h = Harness::new(80, 24);
    h.new_session("Acme AG");
    let note = "Ask about the holding company and its subsidiaries in Geneva and Lugano";
    h.keys("<Tab>");
    h.keys(note);
    h.keys("<Enter>");
    assert_eq!(focus(&h), Pane::Question);
    let screen = h.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("Note: "))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("Note: Ask about the holding"), "{line}");
    assert!(line.contains('…'), "{line}");
    assert!(!line.contains("Lugano"), "{line}");
}

// ----------------------------------------------------- 6. restore where I was

/// A new app on the same data directory, as a second start of nunki.
fn restart(h: &mut Harness) {
    use nunki::tui::persist::SessionStore;
    h.shell.store.close();
    h.app = App::new(
        h.knowledge.clone(),
        Vec::new(),
        Config {
            theme: nunki::tui::theme::ThemeKind::Default,
            tz: jiff::tz::TimeZone::UTC,
        },
    );
    h.quit = false;
    h.send(Msg::Resize(120, 40));
}

#[test]
fn reopening_a_session_returns_to_the_option_screen_and_question() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("j<Enter>");
    // An option, edited at once; then a question further on, the catalog.
    h.keys("oaB — Dedicated<Enter>");
    h.keys("<PgDn><PgDn><PgDn>j ");
    assert_eq!(h.current_question(), "tenancy");
    let saved = h.saved();
    h.keys("c");
    assert_eq!(h.app.screen, Screen::Catalog);
    h.keys("q");
    assert!(h.quit);
    // Looking around changed nothing in the session file.
    assert_eq!(h.saved(), saved);
    let id = saved.id.clone();
    restart(&mut h);
    h.open(&id);
    assert_eq!(h.app.screen, Screen::Catalog);
    let open = h.app.open.as_ref().unwrap();
    assert_eq!(open.editing, Some(0), "option B is edited again");
    assert_eq!(h.current_question(), "tenancy");
    assert_eq!(
        h.scope().item("openshift").map(|i| i.offering.as_str()),
        Some("openshift"),
        "the scope is option B's"
    );
    let screen = h.screen();
    assert!(screen.contains("Back where you left off"), "{screen}");
    // The place lives beside the sessions, not in a session file.
    let places = h.dir.path().join(".nunki-places");
    assert!(places.join(format!("{id}.ron")).is_file());
}

#[test]
fn a_session_without_a_place_or_with_a_stale_one_opens_as_before() {
    let mut h = Harness::new(120, 40);
    let s = h.seed("Old AG", "2025-01-10T09:00:00Z", &[]);
    h.open(&s.id);
    assert_eq!(h.app.screen, Screen::Interview);
    assert_eq!(h.current_question(), "industry");
    // A place naming what is gone (an option, a question) or unreadable.
    let places = h.dir.path().join(".nunki-places");
    std::fs::create_dir_all(&places).unwrap();
    for text in [
        "(option: Some(\"Gone\"), screen: \"compare\", question: \"no_such\")",
        "not ron at all",
    ] {
        restart(&mut h);
        std::fs::write(places.join(format!("{}.ron", s.id)), text).unwrap();
        h.open(&s.id);
        let open = h.app.open.as_ref().unwrap();
        assert_eq!(open.editing, None, "{text}");
        assert_eq!(h.current_question(), "industry", "{text}");
    }
}

// ----------------------------------------------- 7. every number has a home

#[test]
fn the_numbers_customers_give_have_number_questions() {
    use nunki::knowledge::QuestionKind;
    let k = nunki::knowledge::Knowledge::embedded().unwrap();
    // What a customer typically says in numbers, and where it goes.
    for (id, unit) in [
        ("applications", "applications"),
        ("environments", "environments"),
        ("workload_memory_gib", "GiB"),
        ("nonprod_memory_gib", "GiB"),
        ("workload_vcpu", "vCPU"),
        ("database_storage_gib", "GiB"),
        ("object_storage_gib", "GiB"),
        ("traffic_gb_month", "GB"),
        ("availability_target", "%"),
        ("rpo_minutes", "minutes"),
        ("rto_minutes", "minutes"),
        ("users", "users"),
        ("requests_per_second", "requests per second"),
        ("response_time_minutes", "minutes"),
        ("log_retention_days", "days"),
        ("custom_domains", "domains"),
        ("contract_term_months", "months"),
        ("budget_monthly_chf", "per month"),
    ] {
        let q = k.question(id).unwrap_or_else(|| panic!("no question {id}"));
        match &q.kind {
            QuestionKind::Number { unit: u, .. } => assert_eq!(u, unit, "{id}"),
            other => panic!("{id} is not a number: {other:?}"),
        }
    }
}
