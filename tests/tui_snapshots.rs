//! Every screen and box, drawn on ratatui's `TestBackend` at 120×40 and
//! at the minimum of 80×24, and compared with the snapshots committed in
//! `tests/snapshots/`. Review changes with `cargo insta review`.
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::engine::Answer;
use tui_support::Harness;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn list(items: &[&str]) -> Answer {
    Answer::List(items.iter().map(|s| s.to_string()).collect())
}

/// A session well under way: items of several families and a flag of
/// every severity, saved on fixed dates so the screens are stable.
fn acme(h: &mut Harness) {
    h.seed(
        "Globex AG",
        "2025-03-02T10:15:00Z",
        &[("industry", text("retail"))],
    );
    h.seed(
        "Initech",
        "2025-02-27T16:40:00Z",
        &[("compliance", list(&["hipaa"]))],
    );
    let s = h.seed(
        "Acme Versicherungen AG",
        "2025-03-04T08:30:00Z",
        &[
            ("industry", text("finance")),
            ("applications", Answer::Number(3.0)),
            ("compliance", list(&["finma", "gdpr"])),
            ("availability", Answer::Number(99.9)),
            ("tenancy", text("shared")),
            ("memory_gib", Answer::Number(16.0)),
            ("operate", Answer::Bool(true)),
            ("databases", list(&["postgres", "kafka"])),
            ("technologies", text("Postgres, COBOL")),
        ],
    );
    h.open(&s.id);
}

fn snap(name: &str, size: (u16, u16), setup: impl Fn(&mut Harness)) {
    let mut h = Harness::new(size.0, size.1);
    setup(&mut h);
    let name = format!("{name}_{}x{}", size.0, size.1);
    insta::assert_snapshot!(name, h.draw());
}

fn each_size(name: &str, setup: impl Fn(&mut Harness)) {
    for size in SIZES {
        snap(name, size, &setup);
    }
}

#[test]
fn home() {
    each_size("home", |h| {
        acme(h);
        h.keys("<Esc>");
    });
}

#[test]
fn home_empty() {
    each_size("home_empty", |h| h.home());
}

#[test]
fn home_filtered() {
    each_size("home_filtered", |h| {
        acme(h);
        h.keys("<Esc>/acme");
    });
}

#[test]
fn new_session_dialog() {
    each_size("new_session", |h| {
        h.home();
        h.keys("nMüller & Söhne AG<Tab><Down>");
    });
}

#[test]
fn status_box() {
    each_size("status_box", |h| {
        acme(h);
        h.keys("S<Down>");
    });
}

#[test]
fn interview_choice() {
    each_size("interview_single", |h| {
        acme(h);
        h.keys("<PgDn><PgDn><PgDn><PgDn>");
    });
}

#[test]
fn interview_multi_choice() {
    each_size("interview_multi", |h| {
        acme(h);
        h.keys("<PgDn><PgDn>j");
    });
}

#[test]
fn interview_number_with_error() {
    each_size("interview_number", |h| {
        acme(h);
        h.keys("<PgDn><PgDn><PgDn><C-u>120");
    });
}

#[test]
fn interview_yes_no() {
    each_size("interview_yes_no", |h| {
        acme(h);
        h.keys("<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>");
    });
}

#[test]
fn interview_text_with_note() {
    each_size("interview_text", |h| {
        acme(h);
        h.keys("/which technologies<Enter>");
        h.keys("<End>, Fortran");
    });
}

#[test]
fn interview_note() {
    each_size("interview_note", |h| {
        acme(h);
        h.keys("<Tab>Ask about the holding company");
    });
}

#[test]
fn interview_new_session() {
    each_size("interview_empty", |h| h.new_session("Müller & Söhne AG"));
}

#[test]
fn interview_sections_focus() {
    each_size("interview_sections", |h| {
        acme(h);
        h.keys("<S-Tab>j");
    });
}

#[test]
fn interview_scope_focus() {
    each_size("interview_scope", |h| {
        acme(h);
        h.keys("<S-Tab><S-Tab>jjjjjj");
    });
}

#[test]
fn trace_of_a_flag() {
    each_size("trace_flag", |h| {
        acme(h);
        h.keys("<S-Tab><S-Tab>");
        let items = h.scope().items.len();
        for _ in 0..items {
            h.keys("j");
        }
        h.keys("w");
    });
}

#[test]
fn trace_of_an_item() {
    each_size("trace_item", |h| {
        acme(h);
        h.keys("<S-Tab><S-Tab><Enter>");
    });
}

#[test]
fn search_box() {
    each_size("search", |h| {
        acme(h);
        h.keys("/post");
    });
}

#[test]
fn help_box() {
    each_size("help", |h| {
        acme(h);
        h.keys("?");
    });
}

#[test]
fn catalog() {
    each_size("catalog", |h| {
        acme(h);
        h.keys("cj<Right>");
    });
}

#[test]
fn add_by_hand_dialog() {
    each_size("add_by_hand", |h| {
        acme(h);
        h.keys("cja2<Tab>The customer wants it");
    });
}

#[test]
fn add_what_is_in_the_scope_asks_how() {
    each_size("add_in_scope", |h| {
        acme(h);
        // PostgreSQL is in the scope by a rule: adding it again asks.
        h.keys("c");
        h.catalog_to("postgres");
        h.keys("a2<Tab>Reporting replicas<Enter><Down>");
    });
}

#[test]
fn preview_customer() {
    each_size("preview_customer", |h| {
        acme(h);
        h.keys("p");
    });
}

#[test]
fn preview_internal_scrolled() {
    each_size("preview_internal", |h| {
        acme(h);
        h.keys("pa<PgDn>");
    });
}

#[test]
fn export_dialog() {
    each_size("export", |h| {
        acme(h);
        h.keys("pe<Down>");
    });
}

#[test]
fn too_small() {
    snap("too_small", (79, 23), |h| {
        acme(h);
    });
}

#[test]
fn high_contrast_keeps_the_text() {
    // The theme changes colours, not words: the text of a screen is the
    // same as with the default theme.
    let mut a = Harness::new(120, 40);
    acme(&mut a);
    let mut b = Harness::with(
        tui_support::fixture(),
        nunki::tui::theme::ThemeKind::HighContrast,
        120,
        40,
    );
    acme(&mut b);
    assert_eq!(a.screen(), b.screen());
}

/// Acme with two options: A keeps the shared platform, B goes dedicated.
fn acme_options(h: &mut Harness) {
    acme(h);
    for name in ["A — Shared platform", "B — Dedicated cluster"] {
        h.keys("oa");
        h.keys(name);
        h.keys("<Enter>");
    }
    h.keys("/shared platform or<Enter>j ");
}

#[test]
fn options_box() {
    each_size("options_box", |h| {
        acme_options(h);
        h.keys("o");
    });
}

#[test]
fn interview_editing_an_option() {
    each_size("interview_option", acme_options);
}

#[test]
fn options_compared() {
    each_size("compare", |h| {
        acme_options(h);
        h.keys("v");
    });
}

#[test]
fn options_compared_none_yet() {
    each_size("compare_empty", |h| {
        acme(h);
        h.keys("v");
    });
}

#[test]
fn interview_radar_suggestions() {
    each_size("interview_radar", |h| {
        acme(h);
        h.keys("/which technologies<Enter>");
        h.keys("<End>, ka<Down>");
    });
}

/// Saved sessions of several customers, one won and one lost, and a file
/// that cannot be read.
fn many(h: &mut Harness) {
    use nunki::session::Status;
    use nunki::session::store::Store;
    let sessions = [
        (
            "Acme Versicherungen AG",
            "2025-03-04T08:30:00Z",
            vec![
                ("compliance", list(&["finma", "hipaa"])),
                ("tenancy", text("shared")),
                ("availability", Answer::Number(99.9)),
                ("databases", list(&["postgres", "kafka"])),
            ],
            Status::Won,
        ),
        (
            "Globex AG",
            "2025-03-02T10:15:00Z",
            vec![
                ("compliance", list(&["gdpr"])),
                ("tenancy", text("dedicated")),
                ("operate", Answer::Bool(true)),
                ("technologies", text("COBOL")),
            ],
            Status::Lost,
        ),
        (
            "Initech",
            "2025-02-27T16:40:00Z",
            vec![
                ("compliance", list(&["hipaa"])),
                ("tenancy", text("shared")),
                ("databases", list(&["kafka"])),
            ],
            Status::Draft,
        ),
    ];
    let store = Store::at(h.sessions_dir());
    for (customer, when, answers, status) in sessions {
        let s = h.seed(customer, when, &answers);
        if status != Status::Draft {
            let mut opened = store.open(&s.id, &h.knowledge).unwrap();
            opened.session.status = status;
            // The clock of the save is fixed too.
            store
                .save_with(
                    &mut opened,
                    &h.knowledge,
                    when.parse().unwrap(),
                    &mut |_| nunki::session::store::Fault::Go,
                )
                .unwrap();
        }
    }
    std::fs::write(
        h.sessions_dir().join("broken-20250101-abcdef.ron"),
        "(format: 1, id: ",
    )
    .unwrap();
    h.home();
    h.keys("i");
}

#[test]
fn insights() {
    each_size("insights", many);
}

#[test]
fn insights_scrolled() {
    each_size("insights_end", |h| {
        many(h);
        h.keys("G");
    });
}

#[test]
fn insights_without_sessions() {
    each_size("insights_empty", |h| {
        h.home();
        h.keys("i");
    });
}
