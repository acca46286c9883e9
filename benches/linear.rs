//! Time grows linearly with input size: normalize (every preset) and the
//! whole stem pipeline on inputs of 1x, 4x and 16x a base size, for a
//! natural input (news) and an adversarial one (long runs of marks, tatweel
//! and decomposed hamzas, unpaired controls, presentation forms). Equal
//! throughput across the sizes is what linear means; a quadratic pass would
//! lose 4x per step.
//!
//! Run: `cargo bench --bench linear -- --quick`

mod common;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use sarf::{Analyzer, Normalizer, Preset};

fn adversarial(unit_count: usize) -> String {
    let unit = format!(
        "\u{0627}{}{}\u{202B}\u{FEFB}\u{FDFA} {} \u{0623}{} ",
        "\u{0640}".repeat(50),
        "\u{0654}".repeat(40),
        "\u{064E}\u{0651}".repeat(30),
        "\u{0670}\u{0653}".repeat(20)
    );
    unit.repeat(unit_count)
}

fn linear(c: &mut Criterion) {
    let news =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/news-ar.txt"))
            .unwrap();
    let inputs = [("news", news.repeat(16)), ("adversarial", adversarial(256))];
    for (name, base) in inputs {
        let mut group = c.benchmark_group(format!("linear/{name}"));
        group.sample_size(10);
        for factor in [1usize, 4, 16] {
            let text = base.repeat(factor);
            group.throughput(Throughput::Bytes(text.len() as u64));
            let search = Normalizer::from_preset(Preset::Search);
            let display = Normalizer::from_preset(Preset::Display);
            let analyzer = Analyzer::default();
            group.bench_with_input(BenchmarkId::new("normalize-search", factor), &text, |b, t| {
                b.iter(|| assert!(search.normalize(black_box(t)).len() <= t.len() * 11))
            });
            group.bench_with_input(BenchmarkId::new("normalize-display", factor), &text, |b, t| {
                b.iter(|| assert!(display.normalize(black_box(t)).len() <= t.len() * 11))
            });
            group.bench_with_input(BenchmarkId::new("analyze", factor), &text, |b, t| {
                b.iter(|| {
                    let mut n = 0;
                    analyzer.for_each_token(black_box(t), |_| n += 1);
                    assert!(n > 0);
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = linear
}
criterion_main!(benches);
