//! Normalization throughput on real text, beside the machine's limits.
//!
//! Inputs: the bundled news fixture (always) and the files of
//! `../shared/corpus` when present. For each input, one group holds every
//! preset plus the two reference limits measured in the same run: a memcpy
//! of the same bytes and `std::str::from_utf8` over them.
//!
//! Run: `cargo bench --bench normalize` (add `-- --quick` for a fast pass).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sarf::{Normalizer, Preset};

fn inputs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = vec![root.join("tests/data/news-ar.txt")];
    let corpus = root.join("../shared/corpus");
    for name in [
        "news-saudinewsnet.txt",
        "diacritized-tashkeela-msa.txt",
        "quran-hafs-uthmani.txt",
        "persian-perdt-sentences.txt",
    ] {
        let path = corpus.join(name);
        if path.exists() {
            files.push(path);
        }
    }
    let limit =
        std::env::var("SARF_BENCH_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(16 << 20);
    files
        .into_iter()
        .map(|path| {
            let mut text = std::fs::read_to_string(&path).expect("bench input is UTF-8");
            // Keep each run short: cap the input at a char boundary.
            if text.len() > limit {
                let mut cut = limit;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
            }
            (path.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect()
}

fn normalize(c: &mut Criterion) {
    for (name, text) in inputs() {
        let mut group = c.benchmark_group(format!("normalize/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        let mut copy = vec![0u8; text.len()];
        group.bench_function("memcpy", |b| {
            b.iter(|| {
                copy.copy_from_slice(black_box(text.as_bytes()));
                black_box(&copy);
            })
        });
        group.bench_function("from_utf8", |b| {
            b.iter(|| assert!(std::str::from_utf8(black_box(text.as_bytes())).is_ok()))
        });
        for preset in Preset::ALL {
            let normalizer = Normalizer::from_preset(preset);
            let mut out = String::with_capacity(text.len());
            // Warm the lazily built tables and check the result once.
            normalizer.normalize_into(&text, &mut out);
            assert!(!out.is_empty());
            group.bench_function(preset.name(), |b| {
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

criterion_group!(benches, normalize);
criterion_main!(benches);
