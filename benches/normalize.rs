//! Normalization throughput on real text, beside the machine's limits.
//!
//! Inputs: the bundled news fixture (always) and the files of
//! `../shared/corpus` when present. For each input, one group holds every
//! preset, the all-rules-off configuration (the cost of the scan alone),
//! and the two reference limits measured in the same run: a memcpy of the
//! same bytes and `std::str::from_utf8` over them.
//!
//! Run: `cargo bench --bench normalize` (add `-- --quick` for a fast pass).

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sarf::{Normalizer, NormalizerConfig, Preset};

fn normalize(c: &mut Criterion) {
    let corpus = [
        "news-saudinewsnet.txt",
        "diacritized-tashkeela-msa.txt",
        "quran-hafs-uthmani.txt",
        "persian-perdt-sentences.txt",
    ];
    for (name, text) in common::inputs(&corpus, 16 << 20) {
        let mut group = c.benchmark_group(format!("normalize/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        common::bench_limits(&mut group, &text);
        // The engine's floor: every rule off, so the scan finds nothing.
        let configs = Preset::ALL
            .map(|p| (p.name(), p.config()))
            .into_iter()
            .chain([("all-rules-off", NormalizerConfig::none())]);
        for (name, config) in configs {
            let normalizer = Normalizer::new(config);
            let mut out = String::with_capacity(text.len());
            // Warm the lazily built tables and check the result once.
            normalizer.normalize_into(&text, &mut out);
            assert!(!out.is_empty());
            group.bench_function(name, |b| {
                b.iter(|| {
                    out.clear();
                    normalizer.normalize_into(black_box(&text), &mut out);
                    assert!(out.len() <= text.len() * 11);
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = normalize
}
criterion_main!(benches);
