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

/// An input of `n` times a base size.
type Grow = fn(usize) -> String;

/// One piece of work on a text, to be timed.
type Work<'a> = &'a dyn Fn(&str);

/// The least CPU time of `runs` runs of `work` on `small` and on `large`,
/// the runs taking turns so that the machine's drift hits both alike.
fn fastest(
    runs: usize,
    (small, large): (&str, &str),
    work: Work<'_>,
) -> (std::time::Duration, std::time::Duration) {
    // The CPU time of this thread: unlike the wall clock, it does not
    // count the time other tests' threads and processes hold the cores.
    let time = |input: &str| {
        let started = cpu_time::ThreadTime::now();
        work(std::hint::black_box(input));
        started.elapsed()
    };
    let (mut one, mut four) = (std::time::Duration::MAX, std::time::Duration::MAX);
    for _ in 0..runs {
        one = one.min(time(small));
        four = four.min(time(large));
    }
    (one, four)
}

/// Inputs whose hard part grows with `n`: a unit repeated, and single runs
/// (marks on one base, one letter, tatweel with hamzas, one endless word)
/// that a pass per mark or per letter would make quadratic.
fn growing_inputs() -> Vec<(&'static str, Grow)> {
    vec![
        ("a unit of every hard shape, repeated", |n| {
            format!(
                "\u{0627}{}{}\u{202B}\u{FEFB}\u{FDFA} {} \u{0623}{} ",
                "\u{0640}".repeat(50),
                "\u{0654}".repeat(40),
                "\u{064E}\u{0651}".repeat(30),
                "\u{0670}\u{0653}".repeat(20)
            )
            .repeat(n * 64)
        }),
        ("one base with a run of marks of mixed classes", |n| {
            format!("\u{0627}{}", "\u{0651}\u{064E}\u{0654}\u{0650}\u{0670}".repeat(n * 6_000))
        }),
        ("one letter repeated", |n| "\u{0628}".repeat(n * 100_000)),
        ("tatweel runs with hamzas", |n| {
            format!("\u{0627}{}", format!("{}\u{0654}", "\u{0640}".repeat(100)).repeat(n * 300))
        }),
        ("tatweels seating dagger alefs and hamzas, one word", |n| {
            "\u{0640}\u{0670}\u{0640}\u{0654}\u{064E}\u{0627}\u{0654}\u{0670}".repeat(n * 3_000)
        }),
        ("one word of many letters and marks", |n| {
            "\u{0648}\u{0627}\u{0644}\u{0643}\u{064E}\u{062A}\u{0670}\u{0628}\u{0629}"
                .repeat(n * 4_000)
        }),
    ]
}

#[test]
fn time_grows_linearly_with_the_input() {
    let search = Normalizer::from_preset(Preset::Search);
    let display = Normalizer::from_preset(Preset::Display);
    let quran = Normalizer::from_preset(Preset::Quran);
    let analyzer = Analyzer::default();
    let works: [(&str, Work<'_>); 4] = [
        ("normalize, search", &|t| assert!(search.normalize(t).len() <= 11 * t.len())),
        ("normalize, display", &|t| assert!(display.normalize(t).len() <= 11 * t.len())),
        ("normalize, quran", &|t| assert!(quran.normalize(t).len() <= 11 * t.len())),
        ("tokenize, normalize and stem", &|t| analyzer.for_each_token_ref(t, |_| ())),
    ];
    for (shape, input) in growing_inputs() {
        let (small, large) = (input(1), input(4));
        for (name, work) in works {
            work(&small); // memos and tables warmed up
            let (one, four) = fastest(5, (&small, &large), work);
            // Linear is 4x; a quadratic pass would be 16x. The margin is
            // for caches and noise, the minimum of five runs for the rest.
            let ratio = four.as_secs_f64() / one.as_secs_f64().max(1e-6);
            assert!(
                ratio < 9.0,
                "{name} on {shape}: 4x the input took {ratio:.1}x the time ({one:?} -> {four:?})"
            );
        }
    }
}
