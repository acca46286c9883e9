//! Prints the analysis of each word read from stdin (one per line):
//! `cargo run --example stem_words -- [light|lexicon] < words.txt`.

use std::io::BufRead;

fn main() {
    let mode = match std::env::args().nth(1).as_deref() {
        Some("light") => sarf::StemMode::Light,
        _ => sarf::StemMode::Lexicon,
    };
    let stemmer = sarf::Stemmer::with_mode(mode);
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("UTF-8 input");
        let word = line.split('\t').next().unwrap_or("");
        let a = stemmer.analyze(word);
        println!("{line}\t{}+{}+{}\t{:?}", a.prefix, a.stem, a.suffix, a.decision);
    }
}
