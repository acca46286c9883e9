//! Adversarial inputs: sizes, shapes and characters that break naive
//! implementations. Each must pass without panic, in linear time (the
//! sizes here would time out a quadratic pass), and with the documented
//! result.

use sarf::*;

fn every_arabic_code_point() -> String {
    [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
        .into_iter()
        .flat_map(|(a, b)| (a..=b).filter_map(char::from_u32))
        .collect()
}

#[test]
fn every_code_point_of_the_arabic_blocks_in_one_string() {
    let text = every_arabic_code_point();
    for preset in Preset::ALL {
        let n = Normalizer::from_preset(preset);
        let once = n.normalize(&text).into_owned();
        assert_eq!(n.normalize(&once), once, "{preset}: not idempotent");
        let trace = n.trace(&text);
        assert_eq!(trace.output(), once);
        for stemmer in [Stemmer::default(), Stemmer::with_mode(StemMode::Light)] {
            for token in Analyzer::new(n.clone(), stemmer).analyze(&text) {
                assert!(!token.stem.is_empty());
            }
        }
    }
}

#[test]
fn empty_input() {
    assert_eq!(Normalizer::default().normalize(""), "");
    assert_eq!(sarf::tokenize::tokenize("").count(), 0);
    assert_eq!(Stemmer::default().stem(""), "");
    assert!(Analyzer::default().analyze("").is_empty());
    assert!(Normalizer::default().trace("").changes().is_empty());
}

#[test]
fn a_single_100_mb_line() {
    let unit = "أَهْلاً بِكُم في المدرسة، ﻻ شيء ";
    let text = unit.repeat(100_000_000 / unit.len() + 1);
    assert!(text.len() >= 100_000_000 && !text.contains('\n'));
    let out = Normalizer::default().normalize(&text);
    let expected_unit = Normalizer::default().normalize(unit).into_owned();
    assert_eq!(out.len(), expected_unit.len() * (text.len() / unit.len()));
    assert!(out.starts_with(&expected_unit) && out.ends_with(&expected_unit));
}

#[test]
fn only_combining_marks_and_long_runs() {
    let n = Normalizer::default();
    let display = Normalizer::from_preset(Preset::Display);
    let marks = "\u{064E}\u{0651}\u{0654}\u{0670}".repeat(250_000);
    assert_eq!(n.normalize(&marks), "", "search strips every mark");
    let kept = display.normalize(&marks).into_owned();
    assert_eq!(display.normalize(&kept), kept);
    // A base followed by a million composing marks, and tatweel runs with
    // hamzas between: each must be one pass, not a pass per mark.
    let hamzas = format!("\u{0627}{}", "\u{0654}".repeat(1_000_000));
    assert_eq!(n.normalize(&hamzas), "\u{0627}");
    let once = display.normalize(&hamzas).into_owned();
    assert_eq!(display.normalize(&once), once);
    let tatweel =
        format!("\u{0627}{}", format!("{}\u{0654}", "\u{0640}".repeat(1000)).repeat(1000));
    assert_eq!(n.normalize(&tatweel), "\u{0627}");
    let once = display.normalize(&tatweel).into_owned();
    assert_eq!(display.normalize(&once), once);
    assert_eq!(n.normalize(&"\u{0640}".repeat(1_000_000)), "");
}

#[test]
fn unpaired_bidi_controls() {
    let text = "\u{202B}عربي \u{2067}نص\u{202C}\u{202C}\u{2069} \u{202E}";
    assert_eq!(Normalizer::default().normalize(text), "عربي نص ");
    let display = Normalizer::from_preset(Preset::Display);
    assert_eq!(display.normalize(text), "عربي نص ");
}

#[test]
fn ten_million_one_character_lines() {
    let input = "أ\n".repeat(10_000_000);
    let out = crate::cli::run_stdin(&["normalize", "-j", "2"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout.len(), input.len());
    assert!(out.stdout == "ا\n".repeat(10_000_000).as_bytes());
}

#[test]
fn a_bom_at_the_start_of_a_file_is_a_format_control() {
    // Documented: U+FEFF is stripped by `format_controls` wherever it is,
    // so a file's byte order mark disappears (in every preset, all of
    // which strip invisible controls).
    for preset in ["search", "nlp", "display"] {
        let out =
            crate::cli::run_stdin(&["normalize", "--preset", preset], "\u{FEFF}نص\n".as_bytes());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "نص\n", "{preset}");
    }
}

#[test]
fn tokenizing_normalized_text_agrees_with_normalizing_tokens() {
    let text =
        std::fs::read_to_string(crate::data("news-ar.txt")).unwrap() + &every_arabic_code_point();
    let n = Normalizer::default();
    let normalized = n.normalize(&text);
    let whole: Vec<&str> = sarf::tokenize::tokenize(&normalized).map(|t| t.text).collect();
    let analyzer = Analyzer::new(n.clone(), Stemmer::default());
    let per_token: Vec<String> =
        analyzer.analyze(&text).into_iter().map(|t| t.normalized.into_owned()).collect();
    assert_eq!(whole.len(), per_token.len(), "token counts differ");
    for (i, (a, b)) in whole.iter().zip(&per_token).enumerate() {
        assert_eq!(a, b, "token {i} differs");
    }
}
