//! Tokens per second: the whole pipeline (tokenize + normalize + stem) and
//! the stemmer alone, on real news text.
//!
//! Inputs: the news fixture and, when present, the first 4 MiB of
//! `../shared/corpus/news-saudinewsnet.txt` (`SARF_BENCH_BYTES` to change).
//! Throughput is reported in tokens (criterion's `Elements`).
//!
//! Run: `cargo bench --bench stem` (add `-- --quick` for a fast pass).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sarf::{Analyzer, Normalizer, StemMode, Stemmer};

fn inputs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = vec![(
        "news-ar.txt".to_string(),
        std::fs::read_to_string(root.join("tests/data/news-ar.txt")).unwrap(),
    )];
    let corpus = root.join("../shared/corpus/news-saudinewsnet.txt");
    if let Ok(mut text) = std::fs::read_to_string(&corpus) {
        let limit =
            std::env::var("SARF_BENCH_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(4 << 20);
        let mut cut = limit.min(text.len());
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        inputs.push(("news-saudinewsnet.txt".to_string(), text));
    }
    inputs
}

fn stem(c: &mut Criterion) {
    for (name, text) in inputs() {
        let mut group = c.benchmark_group(format!("stem/{name}"));
        group.sample_size(10);
        let normalizer = Normalizer::default();
        // The normalized token stream the stemmer-only benchmarks consume.
        let words: Vec<String> = sarf::tokenize::tokenize(&normalizer.normalize(&text))
            .filter(|t| t.kind == sarf::tokenize::TokenKind::Arabic)
            .map(|t| t.text.to_string())
            .collect();
        let tokens = Analyzer::default().analyze(&text).len();
        group.throughput(Throughput::Elements(tokens as u64));
        for mode in [StemMode::Light, StemMode::Lexicon] {
            let analyzer = Analyzer::new(normalizer.clone(), Stemmer::with_mode(mode));
            group.bench_function(format!("pipeline/{mode:?}"), |b| {
                b.iter(|| {
                    let mut count = 0;
                    analyzer.for_each_token(black_box(&text), |t| count += t.stem.len().min(1));
                    assert_eq!(count, tokens);
                })
            });
        }
        group.throughput(Throughput::Elements(words.len() as u64));
        for mode in [StemMode::Light, StemMode::Lexicon] {
            let stemmer = Stemmer::with_mode(mode);
            stemmer.stem("والكتاب"); // build the lazily loaded lexicons first
            group.bench_function(format!("stem-only/{mode:?}"), |b| {
                b.iter(|| {
                    let mut bytes = 0;
                    for word in &words {
                        bytes += stemmer.stem(black_box(word)).len();
                    }
                    assert!(bytes > 0);
                })
            });
        }
        group.bench_function("tokenize-only", |b| {
            b.iter(|| assert_eq!(sarf::tokenize::tokenize(black_box(&text)).count(), tokens))
        });
        group.finish();
    }
}

criterion_group!(benches, stem);
criterion_main!(benches);
