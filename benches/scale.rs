//! Linear work (issue 12): the time for 4× the input must be about 4×
//! (at most 5×) the time for 1×, on generated knowledge.
//!
//! | bench                              | input                                 |
//! |------------------------------------|---------------------------------------|
//! | `scale_validate/invalid_questions` | 4 000 and 16 000 questions, each with a located problem |
//! | `scale_evaluate/include_exclude`   | 20 000 and 80 000 offerings, each included and excluded by a rule |
//!
//! Run: `cargo bench --bench scale`, then compare the two medians of each
//! group (criterion prints them; README's Performance table has the last
//! figures).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use nunki::engine::{Answers, Overrides, evaluate};
use nunki::knowledge::Knowledge;

#[path = "support/scale.rs"]
mod scale;

fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale_validate");
    group.sample_size(10);
    for n in [4_000, 16_000] {
        let texts = scale::invalid_questions(n);
        let problems = Knowledge::from_texts(&texts).err().map_or(0, |d| d.0.len());
        assert_eq!(problems, n, "each generated question must be one problem");
        group.bench_with_input(BenchmarkId::new("invalid_questions", n), &texts, |b, t| {
            b.iter(|| Knowledge::from_texts(black_box(t)))
        });
    }
    group.finish();
}

fn evaluate_pairs(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale_evaluate");
    group.sample_size(10);
    let answers = Answers::default();
    let overrides = Overrides::default();
    for n in [20_000, 80_000] {
        let knowledge = Knowledge::from_texts(&scale::include_exclude(n)).expect("valid");
        let scope = evaluate(&knowledge, &answers, &overrides);
        assert!(scope.items.is_empty() && scope.excluded.len() == n);
        group.bench_with_input(
            BenchmarkId::new("include_exclude", n),
            &knowledge,
            |b, k| b.iter(|| evaluate(black_box(k), &answers, &overrides)),
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = validate, evaluate_pairs
}
criterion_main!(benches);
