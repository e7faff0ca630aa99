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
    // Letters bound to commands elsewhere are typed here; the names are
    // judged when the answer is entered (here: Esc leaves the field).
    h.keys("Postgres, Kafka, COBOL");
    assert_eq!(answer(&h, "technologies"), None);
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Interview, "Esc only left the field");
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
    // Enter goes back into the field.
    h.keys("<Enter><C-u><Esc>");
    assert_eq!(answer(&h, "technologies"), None);
    h.keys("<Enter>");
    h.paste("Zürich-Stack 日本\nline two");
    h.keys("<Esc>");
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
    h.catalog_to("support");
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
    assert!(h.notice().contains("not asked"));

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
    assert!(h.notice().contains("Read-only"));
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

/// The option being edited, as the app holds it.
fn editing(h: &Harness) -> Option<usize> {
    h.app.open.as_ref().unwrap().editing
}

/// Adds an option by keys from the interview: the options box, `a`, a name.
fn add_option(h: &mut Harness, name: &str) {
    h.keys("o");
    assert!(matches!(h.app.overlay, Some(Overlay::Options(_))));
    h.keys("a");
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Dialog(Dialog::NewOption(_)))
    ));
    h.keys(name);
    h.keys("<Enter>");
    assert!(h.app.overlay.is_none(), "{:?}", h.app.notice);
}

#[test]
fn options_take_their_own_answers_and_leave_base_alone() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    // Base: a shared platform.
    h.keys("<PgDn><PgDn><PgDn><PgDn><Enter>");
    assert_eq!(answer(&h, "tenancy"), Some(Answer::Text("shared".into())));
    assert_eq!(editing(&h), None);

    add_option(&mut h, "A — Shared");
    add_option(&mut h, "B — Dedicated");
    let names: Vec<&str> = h
        .session()
        .options
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(names, ["A — Shared", "B — Dedicated"]);
    // A new option is edited at once, and the header says so.
    assert_eq!(editing(&h), Some(1));
    assert!(h.screen().contains("✎ B — Dedicated"));

    // Switch to A and back to B with the options box.
    h.keys("o<Up><Enter>");
    assert_eq!(editing(&h), Some(0));
    h.keys("oj<Enter>");
    assert_eq!(editing(&h), Some(1));

    // In B, a dedicated cluster.
    h.keys("/shared platform or<Enter>");
    assert_eq!(h.current_question(), "tenancy");
    h.keys("j ");
    let s = h.session().clone();
    assert_eq!(
        s.options[1].answers.get("tenancy"),
        Some(&Answer::Text("dedicated".into()))
    );
    assert_eq!(s.options[1].answers.len(), 1);
    assert!(s.options[0].answers.is_empty());
    // Base is untouched.
    assert_eq!(
        s.answers.get("tenancy"),
        Some(&Answer::Text("shared".into()))
    );
    // What shows is the option's scope, as the engine makes it.
    let expected = s.evaluate_option(&h.knowledge, &s.options[1]).scope;
    assert_eq!(h.scope(), &expected);
    assert!(h.item_ids().contains(&"openshift".to_string()));
    assert!(!h.item_ids().contains(&"cloud".to_string()));
    let screen = h.screen();
    assert!(screen.contains("Differs from Base: Shared"), "{screen}");
    assert!(screen.contains("Scope of B — Dedicated"), "{screen}");
    // Saved through the usual path.
    assert_eq!(h.saved().options, s.options);
    assert_eq!(h.saved().answers, s.answers);

    // Answering as Base does drops the option's own answer.
    h.keys("k ");
    assert!(h.session().options[1].answers.is_empty());
    h.keys("j ");

    // Back to Base: the session's own scope again.
    h.keys("o<Home><Enter>");
    assert_eq!(editing(&h), None);
    let s = h.session().clone();
    assert_eq!(h.scope(), &s.evaluate(&h.knowledge).scope);
    assert!(h.item_ids().contains(&"cloud".to_string()));
    assert!(h.screen().contains(" Base "));
}

#[test]
fn clearing_an_answer_in_an_option_makes_it_follow_base() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn>4<Enter>");
    add_option(&mut h, "Bigger");
    h.keys("<PgUp><C-u>9");
    assert_eq!(
        h.session().options[0].answers.get("applications"),
        Some(&Answer::Number(9.0))
    );
    assert_eq!(answer(&h, "applications"), Some(Answer::Number(4.0)));
    // Emptying the field clears the option's own answer: it follows Base.
    h.keys("<C-u>");
    assert!(h.session().options[0].answers.is_empty());
    assert_eq!(answer(&h, "applications"), Some(Answer::Number(4.0)));
    assert!(
        h.notice().contains("follows Base again"),
        "{:?}",
        h.app.notice
    );
}

#[test]
fn options_are_removed_after_asking_and_names_stay_unique() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    add_option(&mut h, "A");
    // The same name again is refused in the dialog.
    h.keys("oaA<Enter>");
    let Some(Overlay::Dialog(Dialog::NewOption(d))) = &h.app.overlay else {
        panic!("the dialog closed: {:?}", h.app.overlay);
    };
    assert!(d.error.as_deref().unwrap_or("").contains("already"));
    // An empty name stands for the next letter.
    h.keys("<C-u><Enter>");
    assert_eq!(h.session().options[1].name, "Option B");
    add_option(&mut h, "C");
    add_option(&mut h, "D");
    // Four at most.
    h.keys("oa");
    assert!(matches!(h.app.overlay, Some(Overlay::Options(_))));
    assert!(h.notice().contains("at most 4"));
    // Remove B (the second), while D is edited: D stays edited.
    assert_eq!(editing(&h), Some(3));
    h.keys("<Home>jjx");
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Dialog(Dialog::RemoveOption { .. }))
    ));
    // Esc keeps it.
    h.keys("<Esc>");
    assert_eq!(h.session().options.len(), 4);
    h.keys("o<Home>jjx<Enter>");
    let names: Vec<String> = h.saved().options.iter().map(|o| o.name.clone()).collect();
    assert_eq!(names, ["A", "C", "D"]);
    assert_eq!(editing(&h), Some(2));
    // Base cannot be removed.
    h.keys("o<Home>x");
    assert_eq!(h.session().options.len(), 3);
}

#[test]
fn the_comparison_marks_what_differs_and_enter_edits_an_option() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn><PgDn><PgDn><Enter>");
    // Without options the comparison says how to get some.
    h.keys("v");
    assert_eq!(h.app.screen, Screen::Compare);
    assert!(h.screen().contains("No options yet."));
    h.keys("<Esc>");
    add_option(&mut h, "Shared");
    add_option(&mut h, "Dedicated");
    h.keys("/shared platform or<Enter>j ");
    h.keys("v");
    assert_eq!(h.app.screen, Screen::Compare);
    let screen = h.screen();
    let cmp = h.app.open.as_ref().unwrap().compare.cmp.clone().unwrap();
    // Base, the session's own answers, is the first column.
    assert_eq!(cmp.options.len(), 3);
    assert_eq!(cmp.options[0].name, "Base");
    let cloud = cmp.items.iter().find(|r| r.offering == "cloud").unwrap();
    assert!(cloud.differs);
    assert!(cloud.cells[1].is_some() && cloud.cells[2].is_none());
    let marked = screen
        .lines()
        .find(|l| l.contains("APPUiO Cloud") && l.contains("/mo"))
        .unwrap_or_else(|| panic!("no APPUiO Cloud row:\n{screen}"));
    assert!(marked.contains("◆"), "{marked}");
    let same = screen
        .lines()
        .find(|l| l.contains("Support plan") && l.contains("/mo"))
        .unwrap_or_else(|| panic!("no support row:\n{screen}"));
    // 10 % of either platform is below the plan's floor: the same price.
    assert!(!same.contains("◆"), "{same}");
    assert!(screen.contains("Base") && screen.contains("Shared") && screen.contains("✎ Dedicated"));
    // ← chooses the option left of the edited one, Enter edits it.
    h.keys("<Left><Enter>");
    assert_eq!(h.app.screen, Screen::Interview);
    assert_eq!(editing(&h), Some(0));
    // Base is the leftmost column: Enter on it edits the session's own answers.
    h.keys("v<Left><Left><Enter>");
    assert_eq!(h.app.screen, Screen::Interview);
    assert_eq!(editing(&h), None);
}

#[test]
fn radar_completion_puts_names_in_and_shows_their_rings() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("/which technologies<Enter>");
    assert_eq!(h.current_question(), "technologies");
    h.keys("post");
    let open = h.app.open.as_ref().unwrap();
    let names: Vec<&str> = open
        .interview
        .suggestions
        .iter()
        .map(|s| h.knowledge.radar.entries[s.entry].name.as_str())
        .collect();
    assert_eq!(names.first(), Some(&"PostgreSQL"));
    let screen = h.screen();
    assert!(
        screen.contains("PostgreSQL") && screen.contains("adopt"),
        "{screen}"
    );
    // Tab takes the first suggestion.
    h.keys("<Tab>");
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("PostgreSQL".into()))
    );
    assert_eq!(h.app.open.as_ref().unwrap().interview.focus, Pane::Question);
    // ↓ chooses, Enter puts it in; names already given are not offered.
    h.keys(", o");
    let open = h.app.open.as_ref().unwrap();
    assert!(
        open.interview
            .suggestions
            .iter()
            .all(|s| h.knowledge.radar.entries[s.entry].id != "postgresql")
    );
    h.keys("<Down><Enter>");
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("PostgreSQL, COBOL".into()))
    );
    assert_eq!(h.current_question(), "technologies", "Enter only picked");
    // Free typing stays possible; a name is judged once entered, not
    // while it is half typed.
    h.keys(", Fort");
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("PostgreSQL, COBOL".into()))
    );
    let screen = h.screen();
    assert!(!screen.contains("Fort unknown"), "{screen}");
    h.keys("ran<Enter>");
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("PostgreSQL, COBOL, Fortran".into()))
    );
    // The last question: Enter stays, and leaves the field.
    assert_eq!(h.current_question(), "technologies");
    // The rings say why the flag is raised.
    assert!(h.flag_rules().contains(&"radar".to_string()));
    let screen = h.screen();
    assert!(screen.contains("PostgreSQL adopt"), "{screen}");
    assert!(screen.contains("COBOL hold"), "{screen}");
    assert!(screen.contains("Fortran unknown"), "{screen}");
    // Esc hides suggestions and leaves the field, entering what is typed.
    h.keys("<C-u>ka");
    assert!(
        !h.app
            .open
            .as_ref()
            .unwrap()
            .interview
            .suggestions
            .is_empty()
    );
    h.keys("<Esc>");
    assert!(
        h.app
            .open
            .as_ref()
            .unwrap()
            .interview
            .suggestions
            .is_empty()
    );
    assert_eq!(h.app.screen, Screen::Interview, "Esc only left the field");
    assert_eq!(answer(&h, "technologies"), Some(Answer::Text("ka".into())));
    // With no suggestions, Tab leaves the field as always.
    h.keys("<Enter><C-u>Kafka, x<Tab>");
    assert_eq!(h.app.open.as_ref().unwrap().interview.focus, Pane::Note);
    assert_eq!(
        answer(&h, "technologies"),
        Some(Answer::Text("Kafka, x".into()))
    );
}

#[test]
fn insights_count_every_saved_session_and_report_unreadable_files() {
    use nunki::session::Status;
    use nunki::session::store::Store;
    let mut h = Harness::new(120, 40);
    let list = |items: &[&str]| Answer::List(items.iter().map(|s| s.to_string()).collect());
    let a = h.seed(
        "Acme AG",
        "2025-01-10T09:00:00Z",
        &[
            ("compliance", list(&["hipaa"])),
            ("tenancy", Answer::Text("shared".into())),
        ],
    );
    h.seed(
        "Beta GmbH",
        "2025-01-11T09:00:00Z",
        &[
            ("compliance", list(&["hipaa", "gdpr"])),
            ("databases", list(&["kafka"])),
        ],
    );
    h.seed(
        "acme ag",
        "2025-01-12T09:00:00Z",
        &[("tenancy", Answer::Text("shared".into()))],
    );
    // Acme's first deal was won.
    let store = Store::at(h.sessions_dir());
    let mut opened = store.open(&a.id, &h.knowledge).unwrap();
    opened.session.status = Status::Won;
    store.save(&mut opened, &h.knowledge).unwrap();
    drop(opened);
    let broken = h.sessions_dir().join("broken-20250101-abcdef.ron");
    std::fs::write(&broken, "(format: 1, id: ").unwrap();

    h.home();
    h.keys("i");
    assert_eq!(h.app.screen, Screen::Insights);
    let report = h.app.insights.report.clone().expect("the insights are in");
    assert_eq!(report.sessions, 3);
    // "Acme AG" and "acme ag" are one customer.
    assert_eq!(report.customers, 2);
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].contains("broken-20250101-abcdef.ron"));
    let hipaa = report.flags.iter().find(|f| f.rule == "hipaa").unwrap();
    assert_eq!(
        (hipaa.sessions, hipaa.customers, hipaa.won, hipaa.lost),
        (2, 2, 1, 0)
    );
    let kafka = report
        .requests
        .iter()
        .find(|r| r.question == "databases")
        .unwrap();
    assert_eq!((kafka.answer.as_str(), kafka.sessions), ("Kafka", 1));
    let cloud = report
        .offerings
        .iter()
        .find(|o| o.offering == "cloud")
        .unwrap();
    assert_eq!(cloud.sessions, 2);
    assert_eq!(report.offerings[0].offering, "cloud", "most proposed first");

    let screen = h.screen();
    assert!(screen.contains("3 sessions of 2 customers"), "{screen}");
    assert!(screen.contains("1 FILE COULD NOT BE READ"), "{screen}");
    assert!(screen.contains("broken-20250101-abcdef.ron"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("HIPAA is not certified") && l.contains("sessions"))
        .unwrap_or_else(|| panic!("no HIPAA row:\n{screen}"));
    assert!(row.contains("  2 sessions   2 customers"), "{row}");
    assert!(row.contains('█'), "a bar: {row}");
    assert!(screen.contains("compliance = HIPAA"), "{screen}");
    // The broken file is left exactly as it was.
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "(format: 1, id: "
    );
    // Scrolls, reloads, and Esc goes home.
    h.keys("G");
    assert!(h.screen().contains("HOW DEALS WITH EACH FLAG ENDED"));
    h.keys("r");
    assert_eq!(h.app.insights.report.as_ref().unwrap().sessions, 3);
    h.keys("<Esc>");
    assert_eq!(h.app.screen, Screen::Home);
}

#[test]
fn del_in_an_option_without_its_own_answer_keeps_base_and_says_why() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("j<Enter>");
    add_option(&mut h, "Same");
    h.keys("<PgUp>");
    assert_eq!(h.current_question(), "industry");
    h.keys("<Del>");
    assert!(h.session().options[0].answers.is_empty());
    assert_eq!(answer(&h, "industry"), Some(Answer::Text("retail".into())));
    assert!(h.notice().contains("follows Base"), "{:?}", h.app.notice);
    // With an answer of its own, Del clears it: the option follows Base.
    h.keys("j ");
    assert_eq!(
        h.session().options[0].answers.get("industry"),
        Some(&Answer::Text("other".into()))
    );
    h.keys("<Del>");
    assert!(h.session().options[0].answers.is_empty());
    let open = h.app.open.as_ref().unwrap();
    assert_eq!(
        h.scope(),
        &open
            .session
            .evaluate_option(&h.knowledge, &open.session.options[0])
            .scope
    );
}

#[test]
fn status_is_set_from_the_screen_and_saved_at_once() {
    use nunki::session::Status;
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    assert_eq!(h.saved().status, Status::Draft);
    // S opens the box with the current status marked and under the cursor.
    h.keys("S");
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Dialog(Dialog::Status {
            current: Status::Draft,
            cursor: 0
        }))
    ));
    let screen = h.screen();
    assert!(screen.contains("(•) draft"), "{screen}");
    // Arrows choose, Enter saves; the header shows it.
    h.keys("<Down><Enter>");
    assert!(h.app.overlay.is_none());
    assert_eq!(h.saved().status, Status::Proposed);
    assert!(h.screen().contains("Acme AG (proposed)"), "{}", h.screen());
    // One letter chooses and saves, from any session screen.
    h.keys("cSw");
    assert_eq!(h.saved().status, Status::Won);
    assert_eq!(h.app.screen, Screen::Catalog);
    // Esc leaves it as it was.
    h.keys("S<Down><Esc>");
    assert_eq!(h.saved().status, Status::Won);
    // The session list shows it.
    h.keys("<Esc><Esc>");
    assert_eq!(h.app.screen, Screen::Home);
    assert!(h.screen().contains("won"), "{}", h.screen());
    // Help and hints know the key.
    h.keys("<Enter>?");
    assert!(
        h.screen().contains("the session's status"),
        "{}",
        h.screen()
    );
}

#[test]
fn the_users_keymap_drives_keys_help_and_hints() {
    use nunki::knowledge::SourceText;
    use nunki::tui::keymap::Keymap;
    let mut h = Harness::new(120, 40);
    h.app.keymap = Keymap::from_ron(&SourceText {
        origin: "keymap.ron".into(),
        text: r#"{ "search": ["ctrl-f"], "status": ["f9"] }"#.into(),
    })
    .unwrap();
    h.new_session("Acme AG");
    h.keys("c");
    assert!(h.screen().contains("Ctrl-F search"), "{}", h.screen());
    h.keys("/");
    assert!(h.app.overlay.is_none(), "/ no longer searches");
    h.keys("<C-f>");
    assert!(matches!(h.app.overlay, Some(Overlay::Search(_))));
    h.keys("<Esc>?");
    let screen = h.screen();
    assert!(screen.contains("F9"), "{screen}");
    assert!(screen.contains("Ctrl-F"), "{screen}");
    h.keys("<Esc>");
    h.key(
        ratatui::crossterm::event::KeyCode::F(9),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    assert!(matches!(
        h.app.overlay,
        Some(Overlay::Dialog(Dialog::Status { .. }))
    ));
}

#[test]
fn the_export_dialog_writes_a_pdf() {
    let mut h = Harness::new(120, 40);
    h.new_session("Acme AG");
    h.keys("<PgDn><PgDn><PgDn><PgDn><Enter>");
    h.keys("pe");
    // PDF is the last format of the list.
    h.keys(&"<Down>".repeat(nunki::export::Format::ALL.len() - 1));
    assert!(
        h.screen().contains("(•) PDF (A4, typeset)"),
        "{}",
        h.screen()
    );
    assert!(h.screen().contains(".pdf"), "{}", h.screen());
    h.keys("<Enter>");
    let Some(Overlay::Dialog(Dialog::Export(form))) = &h.app.overlay else {
        panic!("the export dialog closed");
    };
    let written = match &form.result {
        Some(Ok(path)) => std::path::PathBuf::from(path),
        other => panic!("no export: {other:?}"),
    };
    assert!(written.to_string_lossy().ends_with(".pdf"));
    let pdf = std::fs::read(&written).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF"));
}
