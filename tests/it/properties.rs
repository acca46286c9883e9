//! Properties of the normalizer over generated text, weighted toward the
//! Arabic blocks, combining marks, presentation forms and controls.

use proptest::prelude::*;
use sarf::*;
use unicode_normalization::UnicodeNormalization;

/// One character, drawn mostly from where the rules act.
fn interesting_char() -> impl Strategy<Value = char> {
    let pick = |chars: &'static [char]| proptest::sample::select(chars);
    prop_oneof![
        6 => (0x0600u32..=0x06FF).prop_map(|c| char::from_u32(c).unwrap()),
        3 => pick(&['\u{0627}', '\u{0648}', '\u{064A}', '\u{06C1}', '\u{06D2}', '\u{06D5}', '\u{0649}', '\u{0653}', '\u{0654}', '\u{0655}', '\u{0670}', '\u{0640}', '\u{064E}', '\u{0651}']),
        3 => pick(&['\u{0621}', '\u{0671}', '\u{0644}', '\u{0647}', '\u{064F}', '\u{0650}', '\u{0652}', '\u{064B}', '\u{08F0}', '\u{06E1}', '\u{06E2}', '\u{06E5}', '\u{06E6}', '\u{06E7}', '\u{06E8}']),
        2 => (0x0750u32..=0x077F).prop_map(|c| char::from_u32(c).unwrap()),
        2 => (0x08A0u32..=0x08FF).prop_map(|c| char::from_u32(c).unwrap()),
        3 => (0xFB50u32..=0xFDFF).prop_map(|c| char::from_u32(c).unwrap()),
        3 => (0xFE70u32..=0xFEFF).prop_map(|c| char::from_u32(c).unwrap()),
        2 => pick(&['\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{2060}', '\u{00AD}', '\u{FEFF}', '\u{061C}']),
        2 => pick(&[' ', '\n', '\r', '\0', 'a', 'Z', '1', '.', 'é', '\u{0301}', '\u{FB01}', '\u{FF21}']),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(interesting_char(), 0..48).prop_map(|v| v.into_iter().collect())
}

fn config() -> impl Strategy<Value = NormalizerConfig> {
    let diacritics = prop_oneof![
        Just(Diacritics::Strip),
        Just(Diacritics::KeepShadda),
        Just(Diacritics::Keep),
        Just(Diacritics::Classic)
    ];
    let alef = proptest::sample::select(Alef::ALL.to_vec());
    let superscript = prop_oneof![
        Just(SuperscriptAlef::Strip),
        Just(SuperscriptAlef::Keep),
        Just(SuperscriptAlef::FullAlef),
        Just(SuperscriptAlef::PlainSpelling)
    ];
    let maksura = prop_oneof![
        Just(AlefMaksura::Keep),
        Just(AlefMaksura::ToYeh),
        Just(AlefMaksura::ToAlefMaksura)
    ];
    let digits = prop_oneof![Just(Digits::Keep), Just(Digits::Ascii), Just(Digits::ArabicIndic)];
    let zwnj = prop_oneof![Just(Zwnj::Strip), Just(Zwnj::Keep), Just(Zwnj::Space)];
    let script = prop_oneof![Just(Script::Arabic), Just(Script::Persian)];
    let unicode = prop_oneof![6 => Just(UnicodeForm::None), 1 => Just(UnicodeForm::Nfc), 1 => Just(UnicodeForm::Nfkc)];
    (
        (diacritics, any::<bool>(), superscript, any::<bool>(), any::<bool>(), alef, maksura),
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        (digits, any::<bool>(), any::<bool>(), zwnj, any::<bool>(), script, unicode),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
    )
        .prop_map(|(a, b, c, d)| NormalizerConfig {
            diacritics: a.0,
            quranic_marks: a.1,
            superscript_alef: a.2,
            hamza_seats: d.0,
            small_letters: d.1,
            article_lam: d.2,
            tatweel: a.3,
            compose: a.4,
            alef: a.5,
            alef_maksura: a.6,
            yeh_lookalikes: b.0,
            teh_marbuta: b.1,
            heh_lookalikes: b.2,
            kaf_lookalikes: b.3,
            persian_letters: b.4,
            hamza_carriers: b.5,
            lone_hamza: b.6,
            digits: c.0,
            presentation_forms: c.1,
            format_controls: c.2,
            zwnj: c.3,
            elongation: d.3,
            punctuation: c.4,
            script: c.5,
            unicode: c.6,
        })
}

fn preset_or_config() -> impl Strategy<Value = NormalizerConfig> {
    prop_oneof![
        1 => Just(Preset::Search.config()),
        1 => Just(Preset::Nlp.config()),
        1 => Just(Preset::Display.config()),
        1 => Just(Preset::Quran.config()),
        3 => config(),
    ]
}

proptest! {
    // 2000 cases each by default; PROPTEST_CASES=N for longer runs.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn idempotent(config in preset_or_config(), input in text()) {
        let n = Normalizer::new(config);
        let once = n.normalize(&input).into_owned();
        let twice = n.normalize(&once);
        prop_assert_eq!(&*twice, &once, "n(n(x)) != n(x) for input {}", crate::codepoints(&input));
        prop_assert!(matches!(twice, std::borrow::Cow::Borrowed(_)), "normalized text should come back borrowed");
    }

    #[test]
    fn into_appends_the_same_result(config in preset_or_config(), input in text(), prefix in "[a-z]{0,3}") {
        let n = Normalizer::new(config);
        let mut buffer = prefix.clone();
        n.normalize_into(&input, &mut buffer);
        prop_assert_eq!(buffer, format!("{prefix}{}", n.normalize(&input)));
    }

    #[test]
    fn borrowed_exactly_when_unchanged(config in preset_or_config(), input in text()) {
        match Normalizer::new(config).normalize(&input) {
            std::borrow::Cow::Borrowed(out) => prop_assert_eq!(out, input.as_str()),
            std::borrow::Cow::Owned(out) => prop_assert_ne!(out, input),
        }
    }

    #[test]
    fn all_rules_off_is_the_identity(input in text()) {
        let out = Normalizer::new(NormalizerConfig::none()).normalize(&input);
        prop_assert!(matches!(out, std::borrow::Cow::Borrowed(s) if s == input));
    }

    #[test]
    fn ascii_is_borrowed_and_unchanged(config in preset_or_config(), input in "[\\x00-\\x7F]{0,64}") {
        let out = Normalizer::new(config).normalize(&input);
        prop_assert!(matches!(out, std::borrow::Cow::Borrowed(s) if s == input));
    }

    #[test]
    fn no_stripped_character_survives(config in preset_or_config(), input in text()) {
        let out = Normalizer::new(config.clone()).normalize(&input).into_owned();
        for c in out.chars() {
            let cp = c as u32;
            if config.tatweel { prop_assert_ne!(c, '\u{0640}'); }
            if config.diacritics == Diacritics::Strip {
                prop_assert!(!(0x064B..=0x065F).contains(&cp), "diacritic U+{:04X} survived", cp);
            }
            if config.diacritics == Diacritics::Classic {
                prop_assert!(!(0x064B..=0x0652).contains(&cp), "diacritic U+{:04X} survived", cp);
            }
            if config.format_controls {
                prop_assert!(!sarf::chars::is_format_control(c), "control U+{:04X} survived", cp);
            }
            if config.quranic_marks { prop_assert!(!sarf::chars::is_quranic_mark(c), "quranic mark survived"); }
            if config.presentation_forms && sarf::chars::is_presentation_form(c) {
                let nfkc: String = std::iter::once(c).nfkc().collect();
                prop_assert_eq!(nfkc, c.to_string(), "presentation form U+{:04X} survived", cp);
            }
            if config.kaf_lookalikes && config.script == Script::Arabic { prop_assert_ne!(c, '\u{06A9}'); }
            if config.yeh_lookalikes && config.script == Script::Arabic { prop_assert_ne!(c, '\u{06CC}'); }
            prop_assert!(!config.alef.folds(c), "alef variant U+{:04X} survived", cp);
            if config.teh_marbuta { prop_assert_ne!(c, '\u{0629}'); }
        }
    }

    #[test]
    fn output_is_never_longer_except_for_presentation_forms(config in preset_or_config(), input in text()) {
        let out = Normalizer::new(config.clone()).normalize(&input);
        let forms = input.chars().filter(|&c| sarf::chars::is_presentation_form(c)).count();
        if config.unicode == UnicodeForm::None {
            // A presentation form is 3 bytes and expands to at most 33
            // (U+FDFA), so each adds at most 30 bytes.
            prop_assert!(out.len() <= input.len() + 30 * forms, "{} -> {} bytes", input.len(), out.len());
        }
    }

    #[test]
    fn decomposed_and_precomposed_agree(config in preset_or_config(), input in text()) {
        let n = Normalizer::new(NormalizerConfig { compose: true, ..config });
        // Decompose only the precomposed Arabic letters: other scripts are
        // not the normalizer's business unless `unicode` says so.
        let decomposed: String = input
            .chars()
            .flat_map(|c| {
                let arabic = ('\u{0600}'..='\u{06FF}').contains(&c);
                let parts: Vec<char> = if arabic { std::iter::once(c).nfd().collect() } else { vec![c] };
                parts
            })
            .collect();
        prop_assert_eq!(n.normalize(&decomposed), n.normalize(&input), "input {}", crate::codepoints(&input));
    }

    #[test]
    fn counts_trace_and_offsets_are_consistent(config in preset_or_config(), input in text()) {
        let n = Normalizer::new(config);
        let plain = n.normalize(&input).into_owned();
        let trace = n.trace(&input);
        prop_assert_eq!(trace.output(), plain.as_str());
        let mut counts = RuleCounts::default();
        prop_assert_eq!(n.normalize_counting(&input, &mut counts).into_owned(), plain.clone());
        prop_assert_eq!(&counts, &trace.counts());
        prop_assert_eq!(counts.total() == 0, plain == input, "changes reported iff the text changed");
        for change in trace.changes() {
            prop_assert!(change.input.end <= input.len() && input.is_char_boundary(change.input.start) && input.is_char_boundary(change.input.end));
            prop_assert!(change.output.end <= plain.len());
        }
        let (_, map) = n.normalize_with_offsets(&input);
        prop_assert_eq!(&map, trace.offsets());
        // Mapped ranges are in bounds, on char boundaries and monotone.
        let mut last = 0;
        for (at, _) in plain.char_indices().chain([(plain.len(), ' ')]) {
            let start = map.input_offset(at);
            prop_assert!(start <= input.len() && input.is_char_boundary(start), "output {} -> input {}", at, start);
            prop_assert!(start >= last, "offsets go backwards at output {}", at);
            last = start;
        }
        let whole = map.input_range(0..plain.len());
        prop_assert!(whole.end <= input.len());
    }

    #[test]
    fn other_scripts_pass_through(config in preset_or_config(), input in "[a-zA-Z0-9 .,éèüßЖж中文]{0,40}") {
        let out = Normalizer::new(NormalizerConfig { unicode: UnicodeForm::None, ..config }).normalize(&input);
        prop_assert_eq!(out, input.as_str());
    }
}

#[test]
fn unchanged_text_of_every_untouched_arabic_letter_is_borrowed() {
    let n = Normalizer::default();
    let text = "بتثجحخدذرزسشصضطظعغفقكلمنهوي ";
    assert!(matches!(n.normalize(text), std::borrow::Cow::Borrowed(_)));
}

/// Text long enough for the 64-byte chunk path (several chunks, and a tail).
fn long_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(interesting_char(), 0..400).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(500)
    ))]

    #[test]
    fn every_simd_level_writes_the_same_bytes(config in config(), text in long_text()) {
        let auto = Normalizer::new(config.clone()).normalize(&text).into_owned();
        for level in [SimdLevel::None, SimdLevel::Ssse3, SimdLevel::Avx512] {
            let normalizer = Normalizer::with_simd_level(config.clone(), level);
            prop_assert_eq!(
                normalizer.normalize(&text),
                auto.as_str(),
                "the {} path differs from the default ({})", level, SimdLevel::in_use()
            );
        }
    }
}

/// Words of runs of one character (which `elongation` shortens) and of
/// Arabic letters, between single spaces.
fn words_with_runs() -> impl Strategy<Value = String> {
    let letter = prop_oneof![
        3 => (0x0621u32..=0x064A).prop_map(|c| char::from_u32(c).unwrap()),
        2 => interesting_char(),
        1 => Just(' '),
    ];
    proptest::collection::vec((letter, 1usize..5), 0..40)
        .prop_map(|v| v.into_iter().flat_map(|(c, n)| std::iter::repeat_n(c, n)).collect())
}

/// Every place `cut` allows in `text`.
fn cuts(cut: bulk::LineCut, text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut end = text.len();
    while let Some(at) = cut.find(&text.as_bytes()[..end], 0) {
        found.push(at);
        end = at + 1;
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1000)
    ))]

    #[test]
    fn a_line_cut_where_the_normalizer_allows_normalizes_as_the_whole(
        config in preset_or_config(),
        text in prop_oneof![text(), words_with_runs()],
    ) {
        let normalizer = Normalizer::new(config);
        let whole = normalizer.normalize(&text);
        for at in cuts(normalizer.line_cut(), &text) {
            prop_assert!(text.is_char_boundary(at));
            let (a, b) = text.split_at(at);
            let pieces = format!("{}{}", normalizer.normalize(a), normalizer.normalize(b));
            prop_assert_eq!(pieces, whole.as_ref(), "cut at {} of {:?}", at, text);
        }
    }

    #[test]
    fn a_line_cut_before_a_word_keeps_the_tokens(
        text in prop_oneof![text(), words_with_runs()],
        lucene in any::<bool>(),
    ) {
        let analyzer = if lucene {
            Analyzer::new(Normalizer::from_preset(Preset::Lucene), Stemmer::with_mode(StemMode::Lucene))
        } else {
            Analyzer::default()
        };
        let stems = |s: &str| {
            let mut stems = Vec::new();
            analyzer.for_each_token_ref(s, |t| stems.push(t.stem.to_string()));
            stems
        };
        let whole = stems(&text);
        for at in cuts(bulk::LineCut::BeforeWord, &text) {
            let (a, b) = text.split_at(at);
            let mut pieces = stems(a);
            pieces.extend(stems(b));
            prop_assert_eq!(&pieces, &whole, "cut at {} of {:?}", at, text);
        }
    }
}
