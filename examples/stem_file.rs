//! Stems every Arabic token of a file, for profiling:
//! `cargo run --release --example stem_file -- FILE [light|lexicon] [REPEAT]`.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: stem_file FILE [light|lexicon] [REPEAT]");
    let mode = match args.next().as_deref() {
        Some("light") => sarf::StemMode::Light,
        _ => sarf::StemMode::Lexicon,
    };
    let repeat: usize = args.next().map(|r| r.parse().expect("repeat")).unwrap_or(3);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let normalized = sarf::Normalizer::default().normalize(&text).into_owned();
    let words: Vec<&str> = sarf::tokenize::tokenize(&normalized)
        .filter(|t| t.kind == sarf::tokenize::TokenKind::Arabic)
        .map(|t| t.text)
        .collect();
    let stemmer = sarf::Stemmer::with_mode(mode);
    stemmer.stem("والكتاب");
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..repeat {
        for word in &words {
            bytes += stemmer.stem(word).len();
        }
    }
    let seconds = start.elapsed().as_secs_f64() / repeat as f64;
    println!(
        "{:.2} M tokens/s ({} tokens, {bytes} stem bytes)",
        words.len() as f64 / seconds / 1e6,
        words.len()
    );
}
