//! The checks behind the fuzz targets, one function per target. Each takes
//! raw fuzzer bytes and panics if an invariant breaks, so the same inputs
//! can be replayed as ordinary tests (`tests/replay.rs`) on a stable
//! toolchain, where libFuzzer cannot run.

use std::borrow::Cow;

use arbitrary::{Arbitrary, Unstructured};
use sarf::*;

fn pick<T: Copy>(u: &mut Unstructured<'_>, options: &[T]) -> arbitrary::Result<T> {
    Ok(*u.choose(options)?)
}

/// An arbitrary normalizer configuration (a preset a quarter of the time).
pub fn config(u: &mut Unstructured<'_>) -> arbitrary::Result<NormalizerConfig> {
    if u.ratio(1, 4)? {
        return Ok(pick(u, &Preset::ALL)?.config());
    }
    Ok(NormalizerConfig {
        diacritics: pick(
            u,
            &[Diacritics::Strip, Diacritics::KeepShadda, Diacritics::Keep, Diacritics::Classic],
        )?,
        quranic_marks: bool::arbitrary(u)?,
        superscript_alef: pick(
            u,
            &[
                SuperscriptAlef::Strip,
                SuperscriptAlef::Keep,
                SuperscriptAlef::FullAlef,
                SuperscriptAlef::PlainSpelling,
            ],
        )?,
        hamza_seats: bool::arbitrary(u)?,
        small_letters: bool::arbitrary(u)?,
        article_lam: bool::arbitrary(u)?,
        tatweel: bool::arbitrary(u)?,
        compose: bool::arbitrary(u)?,
        alef: pick(u, &Alef::ALL)?,
        alef_maksura: pick(
            u,
            &[AlefMaksura::Keep, AlefMaksura::ToYeh, AlefMaksura::ToAlefMaksura],
        )?,
        yeh_lookalikes: bool::arbitrary(u)?,
        teh_marbuta: bool::arbitrary(u)?,
        heh_lookalikes: bool::arbitrary(u)?,
        kaf_lookalikes: bool::arbitrary(u)?,
        persian_letters: bool::arbitrary(u)?,
        hamza_carriers: bool::arbitrary(u)?,
        lone_hamza: bool::arbitrary(u)?,
        digits: pick(u, &[Digits::Keep, Digits::Ascii, Digits::ArabicIndic])?,
        presentation_forms: bool::arbitrary(u)?,
        format_controls: bool::arbitrary(u)?,
        zwnj: pick(u, &[Zwnj::Strip, Zwnj::Keep, Zwnj::Space])?,
        elongation: bool::arbitrary(u)?,
        punctuation: bool::arbitrary(u)?,
        script: pick(u, &[Script::Arabic, Script::Persian])?,
        unicode: pick(
            u,
            &[UnicodeForm::None, UnicodeForm::None, UnicodeForm::Nfc, UnicodeForm::Nfkc],
        )?,
    })
}

/// Normalize under an arbitrary config: idempotent, borrowed iff unchanged,
/// `normalize_into` agrees, trace and offsets in bounds, the portable path
/// agrees, and the text cut at the normalizer's last allowed line cut
/// normalizes, piece by piece, to the whole.
pub fn normalize(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(config) = config(&mut u) else { return };
    let text = String::from_utf8_lossy(u.take_rest());
    let portable = Normalizer::with_simd_level(config.clone(), sarf::SimdLevel::None);
    let normalizer = Normalizer::new(config);
    let once = normalizer.normalize(&text);
    assert_eq!(portable.normalize(&text), once, "the portable path differs from the SIMD ones");
    assert_eq!(matches!(once, Cow::Borrowed(_)), once == text, "borrowed iff unchanged");
    assert_eq!(normalizer.normalize(&once), once, "not idempotent");
    let mut buffer = String::from("x");
    normalizer.normalize_into(&text, &mut buffer);
    assert_eq!(&buffer[1..], once, "normalize_into differs");
    let trace = normalizer.trace(&text);
    assert_eq!(trace.output(), once);
    for change in trace.changes() {
        assert!(
            text.is_char_boundary(change.input.start) && text.is_char_boundary(change.input.end)
        );
        assert!(change.input.end <= text.len() && change.output.end <= once.len());
    }
    let range = trace.offsets().input_range(0..once.len());
    assert!(
        range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
    );
    if let Some(at) = normalizer.line_cut().find(text.as_bytes(), 0) {
        let (a, b) = text.split_at(at);
        let pieces = format!("{}{}", normalizer.normalize(a), normalizer.normalize(b));
        assert_eq!(pieces, once, "the pieces of a line cut at {at} differ from the whole");
    }
}

/// Tokens are non-empty, in order, disjoint, on char boundaries, and slice
/// the input; tokenizing normalized text gives as many tokens as the
/// analyzer, which normalizes each token.
pub fn tokenize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut last = 0;
    for token in sarf::tokenize::tokenize(&text) {
        assert!(!token.text.is_empty());
        assert!(token.start >= last && token.end > token.start && token.end <= text.len());
        assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        assert_eq!(&text[token.start..token.end], token.text);
        last = token.end;
    }
}

/// Stemming in every mode never panics and never returns an empty stem for
/// a non-empty word; it is deterministic, and the analyzer's memo changes
/// no answer.
pub fn stem(data: &[u8]) {
    // Small memos: the check below makes a thread, and so a memo, per
    // input; many evictions exercise the memo's replacement too.
    sarf::set_memo_bytes(64 << 10);
    let text = String::from_utf8_lossy(data);
    for mode in [StemMode::Light, StemMode::Lexicon, StemMode::Surface] {
        let stemmer = Stemmer::with_mode(mode);
        for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            let stem = stemmer.stem(word);
            assert!(!stem.is_empty(), "empty stem for {word:?}");
            assert_eq!(stemmer.stem(word), stem, "not deterministic");
        }
        let analyzer = Analyzer::new(Normalizer::default(), stemmer.clone());
        for token in analyzer.analyze(&text) {
            assert!(!token.stem.is_empty());
            assert_eq!(&text[token.start..token.end], token.surface);
        }
        // The analyzer's per-thread memo answers as the full path does:
        // the text again (now remembered) against each token analyzed on a
        // new thread, whose memo starts empty (analyzers of the same
        // settings share their entries on a thread), so that a token is
        // computed where it first occurs.
        let owned = |t: sarf::AnalyzedToken<'_>, at: usize| {
            (at + t.start, at + t.end, t.normalized.into_owned(), t.stem.into_owned(), t.stopword)
        };
        let again: Vec<_> = analyzer.analyze(&text).into_iter().map(|t| owned(t, 0)).collect();
        let fresh: Vec<_> = std::thread::scope(|scope| {
            let computed = scope.spawn(|| {
                sarf::tokenize::tokenize(&text)
                    .flat_map(|token| {
                        analyzer
                            .analyze(token.text)
                            .into_iter()
                            .map(|t| owned(t, token.start))
                            .collect::<Vec<_>>()
                    })
                    .collect()
            });
            computed.join().expect("the computing thread does not panic")
        });
        assert_eq!(again, fresh, "memoized answers differ");
    }
}

/// The lexicon loaders take arbitrary bytes as a text lexicon, a form map
/// and a prebuilt FST: an error or a working stemmer, never a panic.
pub fn lexicon(data: &[u8]) {
    let dir = std::env::temp_dir().join(format!("sarf-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for name in ["stems.txt", "stems.fst"] {
        let path = dir.join(name);
        std::fs::write(&path, data).expect("write");
        for files in [
            LexiconFiles { stems: Some(path.clone()), ..LexiconFiles::default() },
            LexiconFiles { exceptions: Some(path.clone()), ..LexiconFiles::default() },
        ] {
            if let Ok(stemmer) =
                Stemmer::new(StemmerConfig { lexicons: files, ..StemmerConfig::default() })
            {
                assert!(!stemmer.stem("والكتاب").is_empty());
            }
        }
    }
}

/// The config parsers take arbitrary text: an error, or a config that
/// round-trips.
pub fn config_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(config) = NormalizerConfig::from_toml_str(&text) {
        let again = toml::to_string(&config).expect("serializes");
        assert_eq!(NormalizerConfig::from_toml_str(&again).expect("round-trips"), config);
    }
    if let Ok(config) = NormalizerConfig::from_json_str(&text) {
        let again = serde_json::to_string(&config).expect("serializes");
        assert_eq!(NormalizerConfig::from_json_str(&again).expect("round-trips"), config);
    }
    let _ = toml::from_str::<StemmerConfig>(&text);
}

/// The JSON Lines rewriter: an error, or a line that parses as JSON with
/// the same keys in the same order.
pub fn jsonl(data: &[u8]) {
    let line = String::from_utf8_lossy(data);
    if line.contains('\n') {
        return;
    }
    let names = vec!["text".to_string(), "title".to_string()];
    let normalizer = Normalizer::default();
    let mut out = String::new();
    let result = sarf::jsonl::rewrite_fields(&line, &names, &mut out, |s| {
        serde_json::to_string(&normalizer.normalize(s)).expect("a string serializes")
    });
    // Fields not named keep their raw text, even numbers serde_json cannot
    // read as values (0.8e9448885, found by this target): the output must
    // parse exactly when the input does.
    if result.is_ok() && serde_json::from_str::<serde_json::Value>(&line).is_ok() {
        let value: serde_json::Value =
            serde_json::from_str(&out).expect("the rewritten line is JSON");
        assert!(value.is_object());
    }
}

/// Transliteration in every scheme: borrowed exactly when nothing is
/// mapped, character for character (as many characters out as in), and
/// Arabic-script text with none of the schemes' ASCII symbols comes back
/// from the three reversible schemes unchanged.
pub fn translit(data: &[u8]) {
    use sarf::translit::{Scheme, from_scheme, to_scheme};
    let text = String::from_utf8_lossy(data);
    let arabic: String = text.chars().filter(|c| !c.is_ascii()).collect();
    for scheme in Scheme::ALL {
        for out in [to_scheme(scheme, &text), from_scheme(scheme, &text)] {
            assert_eq!(matches!(out, Cow::Borrowed(_)), out == text, "borrowed iff unchanged");
            assert_eq!(out.chars().count(), text.chars().count(), "one character for one");
        }
        if scheme.reversible() {
            let there = to_scheme(scheme, &arabic);
            assert_eq!(from_scheme(scheme, &there), arabic, "{scheme:?}: no round trip");
        }
    }
}
