//! sarf beside its Rust peers, in one run, on the same inputs.
//!
//! * `normalize/<input>`: sarf's `search` preset; a straightforward
//!   `chars().flat_map(nfkc of presentation forms).filter_map().collect()`
//!   of the same folds (`naive`, checked to give sarf's output on every
//!   input); charabia's `ArabicNormalizer`
//!   (the crate Meilisearch uses; it folds only tatweel, alef, alef maksura
//!   and teh marbuta, so it does less); and the limits measured in the same
//!   run, memcpy and `std::str::from_utf8`. Throughput in bytes.
//! * `tokenize+normalize/<input>`: sarf's analyzer without stemming against
//!   charabia's full `tokenize()` (segmentation, then its normalizers:
//!   compatibility decomposition, control characters, lowercase, Arabic,
//!   nonspacing marks), the path Meilisearch indexes Arabic through.
//!   Throughput in bytes.
//! * `stem/<input>`: the same normalized token stream through sarf's
//!   `lexicon`, `light` and `lucene` modes and through rust-stemmers'
//!   `Algorithm::Arabic` (the Snowball Arabic stemmer tantivy users get).
//!   Throughput in tokens.
//!
//! Run: `cargo bench --bench peers` (add `-- --quick` for a fast pass; the
//! full run takes about two minutes). `SARF_BENCH_BYTES` caps each input
//! (default 4 MiB).

mod common;

use std::hint::black_box;

use charabia::Tokenize;
use charabia::normalizer::{ArabicNormalizer, CharNormalizer};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sarf::tokenize::{TokenKind, tokenize};
use sarf::{Analyzer, Normalizer, StemMode, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// A character, or the NFKC expansion of a presentation form (ﻷ → لأ).
enum Expanded {
    One(Option<char>),
    Form(unicode_normalization::Recompositions<std::iter::Once<char>>),
}

impl Iterator for Expanded {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Expanded::One(c) => c.take(),
            Expanded::Form(chars) => chars.next(),
        }
    }
}

fn expand(c: char) -> Expanded {
    if matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
        Expanded::Form(std::iter::once(c).nfkc())
    } else {
        Expanded::One(Some(c))
    }
}

/// The `search` preset's folds on a per-character match, as one would
/// write them without sarf (composition of decomposed hamza and madda is
/// left out: the news inputs have none, which the bench checks by
/// comparing with sarf's output).
fn naive_search(text: &str) -> String {
    text.chars()
        .flat_map(expand)
        .filter_map(|c| match c {
            // Diacritics and other marks, superscript alef, tatweel.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
            // Honorific and Quranic marks.
            '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' => None,
            '\u{06EA}'..='\u{06ED}' | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}' => None,
            // Invisible controls and ZWNJ.
            '\u{00AD}' | '\u{061C}' | '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' => None,
            '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => None,
            // Alef variants, yeh and its look-alikes, heh and teh marbuta, kaf.
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}'..='\u{0673}' | '\u{0675}' => {
                Some('\u{0627}')
            }
            '\u{0649}' | '\u{06CC}' | '\u{06D0}' | '\u{06CD}' | '\u{0620}' | '\u{06D2}' => {
                Some('\u{064A}')
            }
            '\u{06D3}' => Some('\u{0626}'),
            '\u{0629}' | '\u{06C3}' | '\u{06C0}'..='\u{06C2}' | '\u{06D5}' | '\u{06BE}' => {
                Some('\u{0647}')
            }
            '\u{06A9}' | '\u{06AA}' => Some('\u{0643}'),
            // Digits and separators.
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
            '\u{066B}' => Some('.'),
            '\u{066C}' => Some(','),
            _ => Some(c),
        })
        .collect()
}

fn normalize(c: &mut Criterion, name: &str, text: &str) {
    let mut group = c.benchmark_group(format!("normalize/{name}"));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    let sarf = Normalizer::default();
    assert_eq!(naive_search(text), sarf.normalize(text), "naive and sarf disagree on {name}");
    let mut out = String::with_capacity(text.len());
    group.bench_function("sarf-search", |b| {
        b.iter(|| {
            out.clear();
            sarf.normalize_into(black_box(text), &mut out);
            black_box(&out);
        })
    });
    group.bench_function("naive-filter-map", |b| {
        b.iter(|| black_box(naive_search(black_box(text))))
    });
    group.bench_function("charabia-ArabicNormalizer", |b| {
        b.iter(|| black_box(ArabicNormalizer.normalize_str(black_box(text))))
    });
    common::bench_limits(&mut group, text);
    group.finish();
}

fn tokenize_and_normalize(c: &mut Criterion, name: &str, text: &str) {
    let mut group = c.benchmark_group(format!("tokenize+normalize/{name}"));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    let analyzer = Analyzer::default().stemming(false);
    group.bench_function("sarf-analyzer", |b| {
        b.iter(|| {
            let mut bytes = 0;
            analyzer.for_each_token(black_box(text), |t| bytes += t.normalized.len());
            black_box(bytes)
        })
    });
    group.bench_function("charabia-tokenize", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for token in black_box(text).tokenize() {
                if token.is_word() {
                    bytes += token.lemma().len();
                }
            }
            black_box(bytes)
        })
    });
    group.finish();
}

fn stem(c: &mut Criterion, name: &str, text: &str) {
    let words: Vec<String> = tokenize(&Normalizer::default().normalize(text))
        .filter(|t| t.kind == TokenKind::Arabic)
        .map(|t| t.text.to_string())
        .collect();
    let mut group = c.benchmark_group(format!("stem/{name}"));
    group.throughput(Throughput::Elements(words.len() as u64));
    group.sample_size(10);
    for mode in [StemMode::Lexicon, StemMode::Light, StemMode::Lucene] {
        let stemmer = Stemmer::with_mode(mode);
        stemmer.stem("والكتاب"); // load the lexicons before timing
        group.bench_function(format!("sarf-{mode:?}").to_lowercase(), |b| {
            b.iter(|| {
                let mut bytes = 0;
                for word in &words {
                    bytes += stemmer.stem(black_box(word)).len();
                }
                black_box(bytes)
            })
        });
    }
    let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Arabic);
    group.bench_function("rust-stemmers-arabic", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for word in &words {
                bytes += snowball.stem(black_box(word)).len();
            }
            black_box(bytes)
        })
    });
    group.finish();
}

fn peers(c: &mut Criterion) {
    for (name, text) in common::inputs(&["news-saudinewsnet.txt"], 4 << 20) {
        normalize(c, &name, &text);
        tokenize_and_normalize(c, &name, &text);
        stem(c, &name, &text);
    }
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = peers
}
criterion_main!(benches);
