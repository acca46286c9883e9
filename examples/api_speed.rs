//! sarf's pipeline through the calls users make, one line at a time, each
//! result kept as a user collecting it would: the loops that
//! `scripts/bench_api.sh` times beside Lucene++'s.
//!
//! `cargo run --release --features tantivy --example api_speed -- FILE ROUNDS [LOOP]`
//!
//! A first pass of `for_each_token_ref` over the lines of FILE (read first)
//! meets every word for the first time, as a one-off job does: it is
//! printed as `first_pass`. Each round then runs every loop once, with the
//! memo warm as in a long-running indexer (the analyzers and the tokenizer
//! have the same settings, so they share it), and prints one line per
//! loop: `sarf NAME SECONDS TOKENS BYTES`, where TOKENS counts the
//! white-space tokens of the input (the unit the comparison uses, whatever
//! each tokenizer makes of them) and BYTES the input's size. LOOP
//! (`first_pass`, `analyze`, `for_each_token_ref`, `tantivy` or
//! `normalize`) prints that loop alone (after the first pass, which
//! always runs), for a profiler.

use std::time::Instant;

use sarf::tantivy::ArabicTokenizer;
use sarf::{Analyzer, Normalizer};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(rounds)) = (args.next(), args.next()) else {
        eprintln!("usage: api_speed FILE ROUNDS [LOOP]");
        std::process::exit(2);
    };
    let rounds: usize = rounds.parse().expect("ROUNDS is a number");
    let only = args.next();
    let text = std::fs::read_to_string(&path).expect("FILE is readable UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    let tokens: usize = lines.iter().map(|line| line.split_whitespace().count()).sum();
    let bytes = text.len();

    let analyzer = Analyzer::default();
    let normalizer = Normalizer::default();
    let mut tantivy = TextAnalyzer::from(ArabicTokenizer::default());

    // The first pass runs whatever LOOP says, so that a profiled loop runs
    // warm too.
    let time = |name: &str, run: &mut dyn FnMut(&str) -> String| {
        if name != "first_pass" && only.as_deref().is_some_and(|only| only != name) {
            return;
        }
        let start = Instant::now();
        let out: Vec<String> = lines.iter().map(|line| run(line)).collect();
        let seconds = start.elapsed().as_secs_f64();
        if only.as_deref().is_none_or(|only| only == name) {
            println!("sarf {name} {seconds:.4} {tokens} {bytes}");
        }
        drop(out);
    };
    time("first_pass", &mut |line| {
        let mut stems = String::with_capacity(line.len());
        analyzer.for_each_token_ref(line, |token| push_word(&mut stems, token.stem));
        stems
    });
    for _ in 0..rounds {
        // The tokens of each line, their stems joined by a space.
        time("analyze", &mut |line| {
            let mut stems = String::with_capacity(line.len());
            for token in analyzer.analyze(line) {
                push_word(&mut stems, &token.stem);
            }
            stems
        });
        // The same through the borrowed visitor.
        time("for_each_token_ref", &mut |line| {
            let mut stems = String::with_capacity(line.len());
            analyzer.for_each_token_ref(line, |token| push_word(&mut stems, token.stem));
            stems
        });
        // ArabicTokenizer behind tantivy's TextAnalyzer.
        time("tantivy", &mut |line| {
            let mut stems = String::with_capacity(line.len());
            let mut stream = tantivy.token_stream(line);
            while stream.advance() {
                push_word(&mut stems, &stream.token().text);
            }
            stems
        });
        // Each line normalized, and owned.
        time("normalize", &mut |line| normalizer.normalize(line).into_owned());
    }
}

/// Appends `word` to a space-separated list.
fn push_word(list: &mut String, word: &str) {
    if !list.is_empty() {
        list.push(' ');
    }
    list.push_str(word);
}
