//! Normalizes arbitrary text under an arbitrary configuration and checks
//! the normalizer's invariants, not only the absence of panics.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use sarf::*;

fn pick<T: Copy>(u: &mut Unstructured<'_>, options: &[T]) -> arbitrary::Result<T> {
    Ok(*u.choose(options)?)
}

fn config(u: &mut Unstructured<'_>) -> arbitrary::Result<NormalizerConfig> {
    if u.ratio(1, 4)? {
        return Ok(pick(u, &Preset::ALL)?.config());
    }
    Ok(NormalizerConfig {
        diacritics: pick(u, &[Diacritics::Strip, Diacritics::KeepShadda, Diacritics::Keep])?,
        quranic_marks: bool::arbitrary(u)?,
        superscript_alef: pick(u, &[SuperscriptAlef::Strip, SuperscriptAlef::Keep, SuperscriptAlef::FullAlef])?,
        tatweel: bool::arbitrary(u)?,
        compose: bool::arbitrary(u)?,
        alef: bool::arbitrary(u)?,
        alef_maksura: pick(u, &[AlefMaksura::Keep, AlefMaksura::ToYeh, AlefMaksura::ToAlefMaksura])?,
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
        punctuation: bool::arbitrary(u)?,
        script: pick(u, &[Script::Arabic, Script::Persian])?,
        unicode: pick(u, &[UnicodeForm::None, UnicodeForm::None, UnicodeForm::Nfc, UnicodeForm::Nfkc])?,
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(config) = config(&mut u) else { return };
    let text = String::from_utf8_lossy(u.take_rest());
    let normalizer = Normalizer::new(config);

    let once = normalizer.normalize(&text);
    assert_eq!(matches!(once, std::borrow::Cow::Borrowed(_)), once == text, "borrowed iff unchanged");
    let twice = normalizer.normalize(&once);
    assert_eq!(twice, once, "not idempotent");

    let mut buffer = String::from("x");
    normalizer.normalize_into(&text, &mut buffer);
    assert_eq!(&buffer[1..], once, "normalize_into differs");

    let trace = normalizer.trace(&text);
    assert_eq!(trace.output(), once);
    for change in trace.changes() {
        assert!(text.is_char_boundary(change.input.start) && text.is_char_boundary(change.input.end));
        assert!(change.input.end <= text.len() && change.output.end <= once.len());
    }
    let range = trace.offsets().input_range(0..once.len());
    assert!(range.end <= text.len() && text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
});
