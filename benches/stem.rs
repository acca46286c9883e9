//! Tokens per second: the whole pipeline (tokenize + normalize + stem) and
//! the stemmer alone, on real news text.
//!
//! Inputs: the news fixture and, when present, the first 4 MiB of
//! `../shared/corpus/news-saudinewsnet.txt` (`SARF_BENCH_BYTES` to change).
//! Throughput is reported in tokens (criterion's `Elements`).
//!
//! The analyzer and the stemmer memoize answers per thread, and a bench
//! that runs over the same 4 MiB again and again finds most of its words
//! remembered. `stream/pipeline` is the figure for a corpus seen once: the
//! whole 60 MB news file per iteration, whose vocabulary is many times the
//! memo's size, so each pass meets new and forgotten words as a long
//! corpus does.
//!
//! Run: `cargo bench --bench stem` (add `-- --quick` for a fast pass).

mod common;

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use sarf::{Analyzer, Normalizer, StemMode, Stemmer};

fn stem(c: &mut Criterion) {
    for (name, text) in common::inputs(&["news-saudinewsnet.txt"], 4 << 20) {
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
            pipeline(&mut group, &format!("pipeline/{mode:?}"), &analyzer, &text, tokens);
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

fn stream(c: &mut Criterion) {
    let Some((_, text)) = common::inputs(&["news-saudinewsnet.txt"], usize::MAX).into_iter().nth(1)
    else {
        return;
    };
    let mut group = c.benchmark_group("stem/stream");
    group.sample_size(10);
    let tokens = Analyzer::default().analyze(&text).len();
    group.throughput(Throughput::Elements(tokens as u64));
    for mode in [StemMode::Light, StemMode::Lexicon] {
        let analyzer = Analyzer::new(Normalizer::default(), Stemmer::with_mode(mode));
        pipeline(&mut group, &format!("pipeline/{mode:?}"), &analyzer, &text, tokens);
    }
    group.finish();
}

/// The whole pipeline through both of the analyzer's visitors:
/// `for_each_token` (`AnalyzedToken`, a `String` for each changed form)
/// as `<name>`, and `for_each_token_ref` (borrowed strings) as
/// `<name>/ref`.
fn pipeline(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    analyzer: &Analyzer,
    text: &str,
    tokens: usize,
) {
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut count = 0;
            analyzer.for_each_token(black_box(text), |t| count += t.stem.len().min(1));
            assert_eq!(count, tokens);
        })
    });
    group.bench_function(format!("{name}/ref"), |b| {
        b.iter(|| {
            let mut count = 0;
            analyzer.for_each_token_ref(black_box(text), |t| count += t.stem.len().min(1));
            assert_eq!(count, tokens);
        })
    });
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = stem, stream
}
criterion_main!(benches);
