//! The interactive screen driven by keys (and a few clicks), without a
//! terminal: answers of every kind change the scope and the flags, a flag
//! leads to its question, offerings are added and removed by hand, the
//! proposal is exported — and every change is on disk at once.
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::engine::Answer;
use nunki::knowledge::Severity;
use nunki::tui::app::{Overlay, Screen};
use nunki::tui::screens::dialogs::Dialog;
use nunki::tui::screens::interview::Pane;
use tui_support::Harness;

fn answer(h: &Harness, q: &str) -> Option<Answer> {
    h.session().answers.get(q).cloned()
}

#[test]
fn a_new_session_starts_at_the_first_question_and_is_saved() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    assert_eq!(h.app.screen, Screen::Interview);
    assert_eq!(h.current_question(), "industry");
    assert_eq!(h.saved().customer.name, "Acme AG");
}

#[test]
fn single_choice_enter_answers_and_moves_on() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("j<Enter>");
    assert_eq!(answer(&h, "industry"), Some(Answer::Text("retail".into())));
    assert_eq!(h.current_question(), "applications");
    // Saved at once, not on quit.
    assert_eq!(
        h.saved().answers.get("industry"),
        Some(&Answer::Text("retail".into()))
    );
    // Space chooses without moving on.
    h.keys("<PgUp><Up><Up> ");
    assert_eq!(answer(&h, "industry"), Some(Answer::Text("finance".into())));
    assert_eq!(h.current_question(), "industry");
}

#[test]
fn number_field_checks_the_range_as_you_type() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn>");
    assert_eq!(h.current_question(), "applications");
    h.keys("7");
    assert_eq!(answer(&h, "applications"), Some(Answer::Number(7.0)));
    // 70 is out of range: the last valid answer stays, an error shows.
    h.keys("0");
    assert_eq!(answer(&h, "applications"), Some(Answer::Number(7.0)));
    let screen = h.screen();
    assert!(screen.contains("Not saved: between 1 and 50"), "{screen}");
    // Enter refuses to move on from an invalid value.
    h.keys("<Enter>");
    assert_eq!(h.current_question(), "applications");
    h.keys("<BS><BS>2<Enter>");
    assert_eq!(answer(&h, "applications"), Some(Answer::Number(2.0)));
    assert_eq!(h.current_question(), "compliance");
    // Letters are not numbers: they fall through to the keys (q would quit,
    // so use one that does nothing here).
    h.keys("<PgUp>x");
    assert_eq!(answer(&h, "applications"), Some(Answer::Number(2.0)));
    // Emptying the field clears the answer.
    h.keys("<BS>");
    assert_eq!(answer(&h, "applications"), None);
}

#[test]
fn multi_choice_ticks_and_exclusive_options_clear_the_others() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn>");
    assert_eq!(h.current_question(), "compliance");
    h.keys(" j ");
    assert_eq!(
        answer(&h, "compliance"),
        Some(Answer::List(vec!["finma".into(), "gdpr".into()]))
    );
    assert_eq!(h.flag_rules(), ["finma", "gdpr"]);
    // "None" is exclusive.
    h.keys("jj ");
    assert_eq!(
        answer(&h, "compliance"),
        Some(Answer::List(vec!["none".into()]))
    );
    assert!(h.flag_rules().is_empty());
    // Unticking the last option clears the answer.
    h.keys(" ");
    assert_eq!(answer(&h, "compliance"), None);
}

#[test]
fn yes_no_and_skip_logic_change_the_scope_live() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    assert!(h.item_ids().is_empty());
    // tenancy: shared brings in APPUiO Cloud and shows the memory question.
    h.keys("<PgDn><PgDn><PgDn><PgDn>");
    assert_eq!(h.current_question(), "tenancy");
    assert!(
        !h.scope()
            .visible_questions
            .contains(&"memory_gib".to_string())
    );
    h.keys("<Enter>");
    assert_eq!(h.item_ids(), ["cloud", "support"]);
    assert_eq!(h.current_question(), "memory_gib");
    h.keys("8<Enter>");
    let cloud = h.scope().item("cloud").unwrap();
    assert_eq!(cloud.monthly.whole(), "440");
    // operate: yes brings in AppOps and packaging.
    assert_eq!(h.current_question(), "operate");
    h.keys("y");
    assert_eq!(answer(&h, "operate"), Some(Answer::Bool(true)));
    assert!(h.item_ids().contains(&"appops".to_string()));
    h.keys("n");
    assert_eq!(answer(&h, "operate"), Some(Answer::Bool(false)));
    assert!(!h.item_ids().contains(&"appops".to_string()));
    // Going dedicated hides the memory question again.
    h.keys("<PgUp><PgUp>j ");
    assert_eq!(
        answer(&h, "tenancy"),
        Some(Answer::Text("dedicated".into()))
    );
    assert!(
        !h.scope()
            .visible_questions
            .contains(&"memory_gib".to_string())
    );
    assert!(h.item_ids().contains(&"openshift".to_string()));
    assert!(!h.item_ids().contains(&"cloud".to_string()));
}

#[test]
fn free_text_takes_unicode_and_paste_and_raises_radar_flags() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<C-n>");
    // Ctrl-N goes to the next unanswered question, in order.
    assert_eq!(h.current_question(), "applications");
    for _ in 0..7 {
        h.keys("<PgDn>");
    }
    assert_eq!(h.current_question(), "technologies");
    // Letters bound to commands elsewhere are typed here.
    h.keys("Postgres, Kafka, COBOL");
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("Postgres, Kafka, COBOL".into()))
    );
    let radar = h
        .scope()
        .flags
        .iter()
        .find(|f| f.rule == "radar")
        .expect("radar flag");
    assert_eq!(radar.severity, Severity::NeedsEngineering);
    assert!(radar.title.contains("COBOL"), "{}", radar.title);
    h.keys("<C-u>");
    assert_eq!(answer(&h, "technologies"), None);
    h.paste("Zürich-Stack 日本\nline two");
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("Zürich-Stack 日本 line two".into()))
    );
    assert!(h.flag_rules().contains(&"radar".to_string()));
    assert_eq!(
        h.saved().answers.get("technologies"),
        answer(&h, "technologies").as_ref()
    );
}

#[test]
fn a_note_per_question_is_saved() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<Tab>");
    assert_eq!(h.app.open.as_ref().unwrap().interview.focus, Pane::Note);
    h.keys("Ask about the holding company<Enter>");
    assert_eq!(h.app.open.as_ref().unwrap().interview.focus, Pane::Question);
    assert_eq!(
        h.saved().notes.get("industry").map(String::as_str),
        Some("Ask about the holding company")
    );
}

#[test]
fn selecting_a_flag_jumps_to_its_question_and_why_shows_the_trace() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    // availability 99.9 on shared tenancy: out of scope.
    h.keys("<PgDn><PgDn><PgDn>99.9<Enter>");
    h.keys("<Enter>");
    assert_eq!(h.scope().worst_severity(), Some(Severity::OutOfScope));
    assert_eq!(h.current_question(), "memory_gib");
    // To the scope pane (Tab: note, scope), down past the items to the flag.
    h.keys("<Tab><Tab>");
    assert_eq!(h.app.open.as_ref().unwrap().interview.focus, Pane::Scope);
    let items = h.scope().items.len();
    for _ in 0..items {
        h.keys("j");
    }
    h.keys("w");
    assert!(matches!(h.app.overlay, Some(Overlay::Trace(_))));
    let screen = h.screen();
    assert!(
        screen.contains("Availability beyond shared tenancy"),
        "{screen}"
    );
    assert!(screen.contains("Propose a dedicated cluster."), "{screen}");
    assert!(screen.contains("Sign-off: Product owner Cloud"), "{screen}");
    h.keys("<Esc>");
    assert!(h.app.overlay.is_none());
    // Enter goes to the first question the rule read: here the choice of
    // a shared platform, which is what a dedicated cluster would change.
    h.keys("<Enter>");
    assert_eq!(h.current_question(), "tenancy");
    assert_eq!(h.app.open.as_ref().unwrap().interview.focus, Pane::Question);
}

#[test]
fn why_on_an_item_shows_its_rule_answers_and_price() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn><PgDn><PgDn><Enter>4<Enter>");
    h.keys("<Tab><Tab><Enter>");
    let screen = h.screen();
    assert!(screen.contains("Why this item"), "{screen}");
    assert!(
        screen.contains("A shared platform was chosen. (rule shared)"),
        "{screen}"
    );
    assert!(screen.contains("→ Shared"), "{screen}");
    assert!(
        screen.contains("Memory: 4 GiB × CHF 55 = CHF 220/month") || screen.contains("Memory:"),
        "{screen}"
    );
}

#[test]
fn offerings_are_added_and_removed_by_hand_with_a_reason() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("c");
    assert_eq!(h.app.screen, Screen::Catalog);
    // Find PostgreSQL in the list and add it.
    while h.app.open.as_ref().unwrap().catalog.cursor < h.app.catalog_order.len() - 1 {
        let pos = h.app.open.as_ref().unwrap().catalog.cursor;
        let id = &h.knowledge.catalog.offerings[h.app.catalog_order[pos]].id;
        if id == "postgres" {
            break;
        }
        h.keys("j");
    }
    h.keys("a");
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Dialog(Dialog::Override(_)))
    ));
    // A reason is required.
    h.keys("<Enter>");
    assert!(h.app.overlay.is_some());
    assert!(h.screen().contains("Say why"));
    h.keys("Customer insists on PostgreSQL<Enter>");
    assert!(h.app.overlay.is_none());
    assert!(h.item_ids().contains(&"postgres".to_string()));
    let saved = h.saved();
    assert_eq!(saved.overrides.added.len(), 1);
    assert_eq!(saved.overrides.added[0].offering, "postgres");
    assert_eq!(
        saved.overrides.added[0].reason,
        "Customer insists on PostgreSQL"
    );
    assert!(
        h.screen().contains("✎ PostgreSQL by VSHN")
            || h.screen().contains("Added PostgreSQL by VSHN by hand")
    );

    // Remove a recommended one: the support plan comes with a platform.
    h.keys("i<PgDn><PgDn><PgDn><PgDn><Enter>");
    assert!(h.item_ids().contains(&"support".to_string()));
    h.keys("c");
    while h.knowledge.catalog.offerings
        [h.app.catalog_order[h.app.open.as_ref().unwrap().catalog.cursor]]
        .id
        != "support"
    {
        h.keys("j");
    }
    h.keys("x");
    h.keys("Included in the framework contract<Enter>");
    assert!(!h.item_ids().contains(&"support".to_string()));
    let saved = h.saved();
    assert_eq!(saved.overrides.removed.len(), 1);
    assert_eq!(
        saved.overrides.removed[0].reason,
        "Included in the framework contract"
    );
    assert!(h.scope().excluded.iter().any(|e| e.offering == "support"));
    // r undoes the removal.
    h.keys("r");
    assert!(h.item_ids().contains(&"support".to_string()));
    assert!(h.saved().overrides.removed.is_empty());
}

#[test]
fn removing_an_item_from_the_scope_pane_asks_for_a_reason() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn><PgDn><PgDn><Enter>");
    assert_eq!(h.item_ids()[0], "cloud");
    h.keys("<Tab><Tab>x");
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Dialog(Dialog::Override(_)))
    ));
    h.keys("<Esc>");
    assert!(h.app.overlay.is_none());
    assert!(h.item_ids().contains(&"cloud".to_string()));
    h.keys("x");
    h.keys("Hosted elsewhere<Enter>");
    assert!(!h.item_ids().contains(&"cloud".to_string()));
}

#[test]
fn export_writes_the_file_and_shows_its_path() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn><PgDn><PgDn><Enter>");
    h.keys("p");
    assert_eq!(h.app.screen, Screen::Preview);
    let preview = h.screen();
    assert!(preview.contains("Acme AG"), "{preview}");
    h.keys("a");
    assert!(h.screen().contains("INTERNAL version"));
    h.keys("e");
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Dialog(Dialog::Export(_)))
    ));
    // Format: HTML, audience stays internal, file name suggested.
    h.keys("<Down><Enter>");
    let Some(Overlay::Dialog(Dialog::Export(form))) = &h.app.overlay else {
        panic!("the export dialog closed");
    };
    let written = match &form.result {
        Some(Ok(path)) => std::path::PathBuf::from(path),
        other => panic!("no export: {other:?}"),
    };
    assert!(
        written.starts_with(h.exports_dir()),
        "{}",
        written.display()
    );
    assert!(
        written.to_string_lossy().ends_with("-internal.html"),
        "{}",
        written.display()
    );
    let html = std::fs::read_to_string(&written).unwrap();
    assert!(html.contains("Acme AG"));
    let screen = h.screen();
    assert!(screen.contains("Wrote"), "{screen}");
    assert!(screen.contains("-internal.html"), "{screen}");
    h.keys("<Enter>");
    assert!(h.app.overlay.is_none());

    // Every format and audience can be chosen; a bad directory is an error,
    // not a crash.
    h.keys("e<Tab><Tab><C-u>no/such/dir/x.md<Enter>");
    let Some(Overlay::Dialog(Dialog::Export(form))) = &h.app.overlay else {
        panic!("the export dialog closed");
    };
    assert!(
        matches!(&form.result, Some(Err(e)) if e.contains("does not exist")),
        "{:?}",
        form.result
    );
}

#[test]
fn search_finds_questions_offerings_and_rules_and_goes_there() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("/memry");
    let screen = h.screen();
    assert!(
        screen.contains("How much memory do the workloads need?"),
        "{screen}"
    );
    h.keys("<Enter>");
    assert!(h.app.overlay.is_none());
    assert_eq!(h.current_question(), "memory_gib");
    // Not visible yet (tenancy unanswered): shown, with a word about it.
    assert!(
        h.app
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("not asked"))
    );

    h.keys("<C-p>kafka partner");
    h.keys("<Enter>");
    assert_eq!(h.app.screen, Screen::Catalog);
    let pos = h.app.open.as_ref().unwrap().catalog.cursor;
    assert_eq!(
        h.knowledge.catalog.offerings[h.app.catalog_order[pos]].id,
        "kafka"
    );

    h.keys("/FINMA outsourcing needs");
    h.keys("<Enter>");
    assert!(matches!(h.app.overlay, Some(Overlay::Trace(_))));
    assert!(
        h.screen()
            .contains("FINMA outsourcing needs a contract addendum.")
    );
}

#[test]
fn help_lists_the_keys_of_the_current_screen() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("?");
    let screen = h.screen();
    assert!(screen.contains("Keys · Interview"), "{screen}");
    assert!(screen.contains("Ctrl-N"), "{screen}");
    assert!(
        screen.contains("go to the next unanswered question"),
        "{screen}"
    );
    h.keys("<Esc>c?");
    let screen = h.screen();
    assert!(screen.contains("Keys · Catalog"), "{screen}");
    assert!(
        screen.contains("add the offering with the selected plan"),
        "{screen}"
    );
}

#[test]
fn esc_goes_back_and_q_quits() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("c<Esc>");
    assert_eq!(h.app.screen, Screen::Interview);
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Home);
    assert_eq!(h.app.home.sessions.len(), 1);
    assert!(!h.quit);
    h.keys("q");
    assert!(h.quit);
}

#[test]
fn home_filters_as_you_type_and_opens_with_enter() {
    let mut h = Harness::new(120, 40);
    h.seed("Acme AG", "2025-01-10T09:00:00Z", &[]);
    h.seed("Müller & Söhne", "2025-01-12T09:00:00Z", &[]);
    h.seed(
        "Zeta Bank",
        "2025-01-11T09:00:00Z",
        &[("compliance", Answer::List(vec!["hipaa".into()]))],
    );
    h.home();
    // Newest first.
    assert_eq!(h.app.home.selected().unwrap().customer, "Müller & Söhne");
    h.keys("/zeta");
    assert_eq!(h.app.home.shown.len(), 1);
    h.keys("<Enter><Enter>");
    assert_eq!(h.session().customer.name, "Zeta Bank");
    assert_eq!(h.scope().worst_severity(), Some(Severity::OutOfScope));
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    // Click an option: it is chosen.
    let (x, y) = h.find("( ) Retail").unwrap();
    h.click(x + 1, y);
    assert_eq!(answer(&h, "industry"), Some(Answer::Text("retail".into())));
    // Click a section: it opens at its first open question.
    let (x, y) = h.find("Technology").unwrap();
    h.click(x, y);
    assert_eq!(h.current_question(), "databases");
    // The wheel over the question moves the option cursor.
    let (x, y) = h.find("Which data services?").unwrap();
    h.mouse(ratatui::crossterm::event::MouseEventKind::ScrollDown, x, y);
    assert_eq!(h.app.open.as_ref().unwrap().interview.option_cursor, 1);
}

#[test]
fn a_terminal_below_the_minimum_shows_a_note() {
    let mut h = Harness::new(79, 23);
    h.new_session("Acme AG");
    let screen = h.screen();
    assert!(screen.contains("Terminal too small"), "{screen}");
    assert!(screen.contains("at least 80×24"), "{screen}");
}

#[test]
fn no_color_draws_without_any_colour() {
    use nunki::tui::theme::ThemeKind;
    use ratatui::style::Color;
    let mut h = Harness::with(tui_support::fixture(), ThemeKind::NoColor, 120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn> j <PgDn>99.995<Enter>");
    assert!(!h.scope().flags.is_empty());
    let buffer = h.draw().buffer().clone();
    for cell in &buffer.content {
        assert!(
            matches!(cell.fg, Color::Reset),
            "a foreground colour at {:?}",
            cell.symbol()
        );
        assert!(
            matches!(cell.bg, Color::Reset),
            "a background colour at {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn high_contrast_sets_a_ground_everywhere() {
    use nunki::tui::theme::ThemeKind;
    use ratatui::style::Color;
    // White on black in every cell, so a light terminal does not swallow
    // the white text on a projector.
    let mut h = Harness::with(tui_support::fixture(), ThemeKind::HighContrast, 120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn> j ?");
    let buffer = h.draw().buffer().clone();
    for cell in &buffer.content {
        assert!(
            !matches!(cell.bg, Color::Reset),
            "no background under {:?}",
            cell.symbol()
        );
        assert!(
            !matches!(cell.fg, Color::Reset),
            "no foreground on {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn a_session_open_in_another_nunki_is_read_only() {
    use nunki::session::store::Store;
    use nunki::tui::persist::{DiskStore, SessionStore};
    let mut h = Harness::new(120, 40);
    let s = h.seed("Acme AG", "2025-01-10T09:00:00Z", &[]);
    // Another nunki has it open (and locked).
    let mut other = DiskStore::new(Store::at(h.sessions_dir()), h.knowledge.clone(), Vec::new());
    let first = other.open(&s.id).unwrap();
    assert!(!first.read_only);
    h.open(&s.id);
    assert!(h.app.open.as_ref().unwrap().read_only);
    assert!(h.screen().contains("READ-ONLY"));
    // Opening says why, in a box to read first.
    assert!(h.screen().contains("read-only"), "{}", h.screen());
    h.keys("<Enter>");
    assert!(h.app.overlay.is_none());
    h.keys("<Enter>");
    assert!(
        h.session().answers.is_empty(),
        "a read-only session was changed"
    );
    assert!(
        h.app
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("Read-only"))
    );
    assert!(h.saved().answers.is_empty());
    // Once the other one closes it, it opens for writing again.
    other.close();
    h.keys("<Esc>");
    h.open(&s.id);
    assert!(!h.app.open.as_ref().unwrap().read_only);
}

#[test]
fn the_app_alone_asks_the_shell_to_save_every_change() {
    // The app is pure: it changes state and asks for a save; writing is
    // the shell's job.
    use nunki::tui::Action;
    use nunki::tui::persist::Opened;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let h = Harness::new(120, 40);
    let mut app = h.app;
    let s = nunki::session::Session::new(
        "s1".into(),
        nunki::session::Customer {
            name: "Pure AG".into(),
            contact: None,
        },
        "2025-01-01T00:00:00Z".parse().unwrap(),
        &h.knowledge,
    );
    app.update(nunki::tui::Msg::Opened(Ok(Box::new(Opened {
        session: s,
        notice: None,
        read_only: false,
    }))));
    let actions = app.update(nunki::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char(' '),
        KeyModifiers::NONE,
    )));
    match actions.as_slice() {
        [Action::Save(saved)] => assert_eq!(
            saved.answers.get("industry"),
            Some(&Answer::Text("finance".into()))
        ),
        other => panic!("expected one save, got {other:?}"),
    }
    // Moving around changes nothing to save.
    let actions = app.update(nunki::tui::Msg::Key(KeyEvent::new(
        KeyCode::Down,
        KeyModifiers::NONE,
    )));
    assert!(actions.is_empty(), "{actions:?}");
    let actions = app.update(nunki::tui::Msg::Key(KeyEvent::new(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
    )));
    assert_eq!(actions, [Action::Quit]);
}

#[test]
fn a_broken_session_file_is_listed_and_explained_never_hidden() {
    let mut h = Harness::new(120, 40);
    h.seed("Acme AG", "2025-01-10T09:00:00Z", &[]);
    std::fs::write(
        h.sessions_dir().join("broken-20250101-abcdef.ron"),
        "(format: 1, id: ",
    )
    .unwrap();
    h.home();
    let screen = h.screen();
    assert!(screen.contains("broken-20250101-abcdef.ron"), "{screen}");
    assert!(screen.contains("unreadable"), "{screen}");
    // Broken files sort last (they have no date); select it and open it.
    h.keys("G<Enter>");
    assert!(h.app.open.is_none());
    let Some(Overlay::Dialog(Dialog::Message { text, .. })) = &h.app.overlay else {
        panic!("no explanation: {:?}", h.app.notice);
    };
    assert!(text.contains("broken-20250101-abcdef.ron"), "{text}");
    // The file is left exactly as it was.
    let bytes =
        std::fs::read_to_string(h.sessions_dir().join("broken-20250101-abcdef.ron")).unwrap();
    assert_eq!(bytes, "(format: 1, id: ");
}
