//! The engine's budgets: load + validate the embedded knowledge (< 5 ms),
//! `evaluate` on the shipped knowledge (< 50 µs) and on a generated one a
//! hundred times larger (< 5 ms).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nunki::engine::{Overrides, check_answers, evaluate};
use nunki::knowledge::{Knowledge, KnowledgeTexts};

#[path = "support/generated.rs"]
mod generated;
#[path = "support/shipped.rs"]
mod shipped;

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

criterion_group!(benches, load, evaluate_benches);
criterion_main!(benches);
