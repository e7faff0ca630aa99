//! The scope pane never shows an unpriced item as a number, and says what
//! the totals leave out: on the shipped knowledge, with a dedicated
//! cluster on a hyperscaler (infrastructure billed by the provider) and GPU
//! nodes (on request).
#![allow(clippy::unwrap_used)]

mod tui_support;

use nunki::engine::Answer;
use nunki::knowledge::Knowledge;
use nunki::tui::theme::ThemeKind;
use tui_support::Harness;

fn hyperscaler_answers() -> Vec<(&'static str, Answer)> {
    vec![
        ("tenancy", Answer::Text("dedicated".into())),
        ("cluster_distribution", Answer::Text("openshift".into())),
        ("cloud_provider", Answer::Text("aws".into())),
        ("gpu", Answer::Bool(true)),
        ("workload_memory_gib", Answer::Number(16.0)),
    ]
}

#[test]
fn wide_scope_pane_names_the_basis_and_what_the_totals_leave_out() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 160, 48);
    let s = h.seed("Cloudy AG", "2026-12-01T10:00:00Z", &hyperscaler_answers());
    h.open(&s.id);
    let screen = h.screen();
    assert!(screen.contains("by the provider"), "{screen}");
    assert!(screen.contains("on request"), "{screen}");
    // Named when the names fit the line, counted when they do not (the
    // rows above say which): never cut.
    assert!(screen.contains("+ 2 items not in the totals"), "{screen}");
    assert!(!screen.contains("+ not in totals: Cloud infrastructure (pro…"));
    // The totals the pane shows are the engine's, to the franc.
    let total = h.scope().totals.monthly.to_string();
    assert!(screen.contains(&total), "total {total} missing:\n{screen}");
}

#[test]
fn narrow_scope_pane_counts_what_the_totals_leave_out() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 80, 24);
    let s = h.seed("Cloudy AG", "2026-12-01T10:00:00Z", &hyperscaler_answers());
    h.open(&s.id);
    let screen = h.screen();
    assert!(screen.contains("not incl."), "{screen}");
}

#[test]
fn the_trace_states_the_defaults_a_price_assumed() {
    let mut h = Harness::with(Knowledge::embedded().unwrap(), ThemeKind::Default, 160, 48);
    let answers = vec![
        ("tenancy", Answer::Text("shared".into())),
        ("environments", Answer::Number(2.0)),
        ("workload_memory_gib", Answer::Number(8.0)),
    ];
    let s = h.seed("Sized AG", "2026-12-01T10:00:00Z", &answers);
    h.open(&s.id);
    // Focus the scope pane, the first item (APPUiO Cloud), and ask why.
    h.keys("<Tab><Tab><Enter>");
    let screen = h.screen();
    assert!(
        screen.contains("nonprod_memory_gib not answered: 4 GiB assumed"),
        "{screen}"
    );
}
