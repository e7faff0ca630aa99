//! nunki's performance budgets, as criterion benches (medians on a 2-core
//! laptop-class machine):
//!
//! | bench                          | budget  |
//! |--------------------------------|---------|
//! | `load_validate/shipped`        | < 5 ms  |
//! | `evaluate/shipped`             | < 50 µs |
//! | `evaluate/generated`           | < 5 ms  |
//! | `keystroke/shipped`            | < 1 ms  |
//! | `keystroke/richest_template_120x40` | < 1 ms |
//! | `keystroke/generated`          | < 8 ms  |
//! | `search/names_100k/*`          | < 16 ms |
//!
//! "generated" is a knowledge a hundred times the shipped one (10 000
//! offerings, 5 000 rules, 300 questions); a keystroke is update +
//! evaluate + a full draw at 160×48; the search runs one query over
//! 100 000 partner SKU names (`examples/gen_names.rs` writes the same names
//! for the side-by-side with fzf). `search_yardstick/skim_*` is the same
//! work done the straightforward way with fuzzy-matcher's SkimMatcherV2,
//! the matcher the search replaced. `export/*` renders the export fixture
//! session in every format. Run: `cargo bench --bench core [-- FILTER]`.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main};
use nunki::engine::{Overrides, check_answers, evaluate};
use nunki::export::{self, Audience, Format, Proposal};
use nunki::knowledge::{Knowledge, KnowledgeTexts};
use nunki::search::{Index, search};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

#[path = "support/export.rs"]
mod export_fixture;
#[path = "support/generated.rs"]
mod generated;
#[path = "support/names.rs"]
mod names;
#[path = "support/shipped.rs"]
mod shipped;
#[path = "support/tui.rs"]
mod tui;

fn load(c: &mut Criterion) {
    let texts = KnowledgeTexts::embedded();
    c.bench_function("load_validate/shipped", |b| {
        b.iter(|| Knowledge::from_texts(black_box(&texts)).expect("valid"))
    });
    let big = generated::texts();
    let mut group = c.benchmark_group("load_validate");
    group.sample_size(10);
    group.bench_function("generated", |b| {
        b.iter(|| Knowledge::from_texts(black_box(&big)).expect("valid"))
    });
    group.finish();
}

fn evaluate_benches(c: &mut Criterion) {
    let knowledge = Knowledge::embedded().expect("valid");
    let (answers, _) = check_answers(&knowledge, &shipped::answers());
    let overrides = Overrides::default();
    c.bench_function("evaluate/shipped", |b| {
        b.iter(|| evaluate(black_box(&knowledge), black_box(&answers), &overrides))
    });

    let big = Knowledge::from_texts(&generated::texts()).expect("valid");
    let (answers, _) = check_answers(&big, &generated::answers());
    c.bench_function("evaluate/generated", |b| {
        b.iter(|| evaluate(black_box(&big), black_box(&answers), &overrides))
    });
}

/// One keystroke as the user feels it: the key through `App::update`
/// (which evaluates the changed session once) and a full frame drawn at
/// 160×48. The key is Space on a multi-choice question, which ticks or
/// unticks an option, so every iteration changes an answer.
fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    let shipped = Knowledge::embedded().expect("valid");
    let screen = tui::open(shipped, shipped::answers(), 160, 48);
    keystroke_on(
        &mut group,
        "shipped",
        screen,
        "regulations apply",
        "compliance",
    );
    // The richest shipped template at the size of a laptop terminal: a
    // scope with many items and flags (was an ignored, printing test).
    let shipped = Knowledge::embedded().expect("valid");
    let templates = nunki::session::templates::embedded().expect("valid templates");
    let richest = templates
        .iter()
        .max_by_key(|t| t.answers.len())
        .expect("shipped templates");
    let screen = tui::open(shipped, richest.answers.clone(), 120, 40);
    keystroke_on(
        &mut group,
        "richest_template_120x40",
        screen,
        "regulations apply",
        "compliance",
    );
    let big = Knowledge::from_texts(&generated::texts()).expect("valid");
    let screen = tui::open(big, generated::answers(), 160, 48);
    keystroke_on(&mut group, "generated", screen, "q001", "q001");
    group.finish();
}

fn keystroke_on(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    mut screen: tui::Screen,
    query: &str,
    question: &str,
) {
    screen.go_to(query);
    let before = screen.answer(question).cloned();
    screen.key(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_ne!(
        screen.answer(question),
        before.as_ref(),
        "{name}: Space must change the answer to {question}, or the bench measures nothing"
    );
    group.bench_function(name, |b| {
        b.iter(|| {
            let actions = screen.key(KeyCode::Char(' '), KeyModifiers::NONE);
            screen.draw();
            actions
        })
    });
}

fn search_benches(c: &mut Criterion) {
    let list = names::names(names::COUNT);
    let index = Index::from_names(list.iter().map(String::as_str));
    let mut group = c.benchmark_group("search");
    for query in names::QUERIES {
        group.bench_with_input(BenchmarkId::new("names_100k", query), query, |b, q| {
            b.iter(|| search(black_box(&index), q, 20))
        });
    }
    // The search box of the screen keeps 200 hits.
    group.bench_function("names_100k_limit_200/postgres", |b| {
        b.iter(|| search(black_box(&index), "postgres", 200))
    });
    let shipped = Index::new(&Knowledge::embedded().expect("valid"));
    group.bench_function("shipped/postgres", |b| {
        b.iter(|| search(black_box(&shipped), "postgres", 200))
    });
    group.finish();

    // What the search did before: SkimMatcherV2 on every entry for the
    // whole query. Kept to show why nucleo-matcher was chosen.
    let mut group = c.benchmark_group("search_yardstick");
    group.sample_size(20);
    for query in ["postgres", "mongo ent"] {
        group.bench_with_input(BenchmarkId::new("skim_names_100k", query), query, |b, q| {
            b.iter(|| skim_top(black_box(&list), q, 20))
        });
    }
    group.finish();
}

fn skim_top(list: &[String], query: &str, limit: usize) -> Vec<(i64, usize)> {
    use fuzzy_matcher::FuzzyMatcher;
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().smart_case();
    let mut hits: Vec<(i64, usize)> = list
        .iter()
        .enumerate()
        .filter_map(|(n, name)| matcher.fuzzy_match(name, query).map(|s| (-s, n)))
        .collect();
    hits.sort_unstable();
    hits.truncate(limit);
    hits
}

/// The export path after loading: evaluate the session, build the
/// proposal, render it.
fn export_benches(c: &mut Criterion) {
    let knowledge = export_fixture::knowledge();
    let session = export_fixture::session();
    let mut group = c.benchmark_group("export");
    for format in Format::ALL {
        group.bench_function(format.id(), |b| {
            b.iter(|| {
                let scope = session.evaluate(black_box(&knowledge)).scope;
                let proposal =
                    Proposal::from_session(&session, &scope, &knowledge, Audience::Internal);
                export::render_bytes(format, &proposal)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs keep `cargo bench` under a few minutes on two cores; pass
    // `-- --measurement-time 10` for steadier figures.
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = load, evaluate_benches, keystroke, search_benches, export_benches
}
criterion_main!(benches);
