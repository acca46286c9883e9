//! A deliberately simple reference normalizer, written from the rule
//! documentation (the `NormalizerConfig` field docs and the crate docs), one
//! character at a time, and a property that the fast normalizer agrees with
//! it on arbitrary text and configurations.
//!
//! Scope: composition is context-dependent and has its own properties
//! (`decomposed_and_precomposed_agree`) and tests; here the text holds no
//! composing mark (U+0653..U+0655), the superscript alef is not written as
//! a full alef (that choice looks at the letter before), the word-level
//! Uthmani rules are off (they read whole words; `tests/it/uthmani.rs`
//! tests them) and no whole-text Unicode form is asked for.

use proptest::prelude::*;
use sarf::*;
use unicode_normalization::UnicodeNormalization;

fn yeh(config: &NormalizerConfig) -> char {
    match (config.alef_maksura, config.script) {
        (AlefMaksura::ToAlefMaksura, _) => '\u{0649}',
        (_, Script::Arabic) => '\u{064A}',
        (_, Script::Persian) => '\u{06CC}',
    }
}

fn kaf(config: &NormalizerConfig) -> char {
    if config.script == Script::Persian { '\u{06A9}' } else { '\u{0643}' }
}

/// What the documentation says happens to one character.
fn reference_char(config: &NormalizerConfig, c: char, out: &mut String) {
    let cp = c as u32;
    let keep = |out: &mut String| out.push(c);
    match cp {
        0x064B..=0x065F => match config.diacritics {
            Diacritics::Keep => keep(out),
            Diacritics::KeepShadda if cp == 0x0651 => keep(out),
            Diacritics::Classic if cp >= 0x0653 => keep(out),
            _ => {}
        },
        0x0610..=0x061A
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E8
        | 0x06EA..=0x06ED
        | 0x08D3..=0x08E1
        | 0x08E3..=0x08FF => {
            if !config.quranic_marks {
                keep(out)
            }
        }
        0x0670 => {
            if config.superscript_alef == SuperscriptAlef::Keep {
                keep(out)
            }
        }
        0x0640 if config.tatweel => {}
        0x0622 | 0x0623 | 0x0625 if config.alef != Alef::Keep => out.push('\u{0627}'),
        0x0671 if matches!(config.alef, Alef::HamzaMaddaWasla | Alef::All) => out.push('\u{0627}'),
        0x0672 | 0x0673 | 0x0675 if config.alef == Alef::All => out.push('\u{0627}'),
        0x0649 if config.alef_maksura == AlefMaksura::ToYeh => {
            out.push(if config.script == Script::Persian { '\u{06CC}' } else { '\u{064A}' })
        }
        0x064A if config.alef_maksura == AlefMaksura::ToAlefMaksura => out.push('\u{0649}'),
        0x064A if config.yeh_lookalikes => out.push(yeh(config)),
        0x06CC | 0x06D0 | 0x06CD | 0x0620 | 0x06D2 if config.yeh_lookalikes => {
            out.push(yeh(config))
        }
        0x06CC if config.alef_maksura == AlefMaksura::ToAlefMaksura => out.push('\u{0649}'),
        0x06D3 if config.yeh_lookalikes => {
            out.push(if config.hamza_carriers { yeh(config) } else { '\u{0626}' })
        }
        0x0626 if config.hamza_carriers => out.push(yeh(config)),
        0x0624 if config.hamza_carriers => out.push('\u{0648}'),
        0x0621 if config.lone_hamza => {}
        0x0629 if config.teh_marbuta => out.push('\u{0647}'),
        0x06C3 if config.heh_lookalikes => {
            out.push(if config.teh_marbuta { '\u{0647}' } else { '\u{0629}' })
        }
        0x06C0 | 0x06C1 | 0x06C2 | 0x06D5 | 0x06BE if config.heh_lookalikes => out.push('\u{0647}'),
        0x0643 | 0x06A9 | 0x06AA if config.kaf_lookalikes => out.push(kaf(config)),
        0x06AF if config.persian_letters => out.push(kaf(config)),
        0x067E if config.persian_letters => out.push('\u{0628}'),
        0x0686 if config.persian_letters => out.push('\u{062C}'),
        0x0698 if config.persian_letters => out.push('\u{0632}'),
        0x06A4 if config.persian_letters => out.push('\u{0641}'),
        0x0660..=0x0669 if config.digits == Digits::Ascii => {
            out.push(char::from(b'0' + (cp - 0x0660) as u8))
        }
        0x06F0..=0x06F9 if config.digits == Digits::Ascii => {
            out.push(char::from(b'0' + (cp - 0x06F0) as u8))
        }
        0x06F0..=0x06F9 if config.digits == Digits::ArabicIndic => {
            out.push(char::from_u32(cp - 0x06F0 + 0x0660).unwrap())
        }
        0x066B if config.digits == Digits::Ascii => out.push('.'),
        0x066C if config.digits == Digits::Ascii => out.push(','),
        0x060C if config.punctuation => out.push(','),
        0x061B if config.punctuation => out.push(';'),
        0x061F if config.punctuation => out.push('?'),
        0x066A if config.punctuation => out.push('%'),
        0x06D4 if config.punctuation => out.push('.'),
        0x066D if config.punctuation => out.push('*'),
        0x200C => match config.zwnj {
            Zwnj::Strip => {}
            Zwnj::Keep => keep(out),
            Zwnj::Space => out.push(' '),
        },
        0x00AD
        | 0x061C
        | 0x200D
        | 0x200E
        | 0x200F
        | 0x202A..=0x202E
        | 0x2060
        | 0x2066..=0x2069
        | 0xFEFF
            if config.format_controls => {}
        0xFB50..=0xFDFF | 0xFE70..=0xFEFE if config.presentation_forms => {
            let nfkc: String = std::iter::once(c).nfkc().collect();
            if nfkc == c.to_string() {
                keep(out)
            } else {
                for x in nfkc.chars() {
                    reference_char(config, x, out);
                }
            }
        }
        _ => keep(out),
    }
}

fn reference(config: &NormalizerConfig, text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        reference_char(config, c, &mut out);
    }
    if config.elongation { collapse_runs(&out) } else { out }
}

/// `elongation`, from its documentation: a run of three or more of the same
/// Arabic letter (U+0620..=U+064A but tatweel, U+066E..=U+06D3, U+06D5,
/// U+0750..=U+077F) becomes one.
fn collapse_runs(text: &str) -> String {
    let letter = |c: char| {
        matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{0750}'..='\u{077F}')
            && c != '\u{0640}'
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j < chars.len() && chars[j] == chars[i] {
            j += 1;
        }
        let keep = if j - i >= 3 && letter(chars[i]) { 1 } else { j - i };
        out.extend(std::iter::repeat_n(chars[i], keep));
        i = j;
    }
    out
}

fn text_without_composition() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        6 => (0x0600u32..=0x06FF).prop_map(|c| char::from_u32(c).unwrap()),
        2 => (0x08A0u32..=0x08FF).prop_map(|c| char::from_u32(c).unwrap()),
        3 => (0xFB50u32..=0xFDFF).prop_map(|c| char::from_u32(c).unwrap()),
        3 => (0xFE70u32..=0xFEFF).prop_map(|c| char::from_u32(c).unwrap()),
        2 => proptest::sample::select(vec!['\u{200C}', '\u{200D}', '\u{200E}', '\u{202B}', '\u{2066}', '\u{2060}', '\u{00AD}', '\u{FEFF}', ' ', 'a', '\n']),
    ]
    .prop_filter("no composing mark", |c| !('\u{0653}'..='\u{0655}').contains(c));
    proptest::collection::vec(chars, 0..64).prop_map(|v| v.into_iter().collect())
}

fn config_without_context() -> impl Strategy<Value = NormalizerConfig> {
    (
        any::<u64>(),
        prop_oneof![
            Just(None),
            proptest::sample::select(
                Preset::ALL.into_iter().filter(|&p| p != Preset::Quran).collect::<Vec<_>>()
            )
            .prop_map(Some)
        ],
    )
        .prop_map(|(bits, preset)| {
            let bit = |i: u32| bits >> i & 1 == 1;
            let three = |i: u32| (bits >> i) % 3;
            preset.map(Preset::config).unwrap_or(NormalizerConfig {
                diacritics: [
                    Diacritics::Strip,
                    Diacritics::KeepShadda,
                    Diacritics::Keep,
                    Diacritics::Classic,
                ][(bits >> 24) as usize % 4],
                quranic_marks: bit(2),
                superscript_alef: if bit(3) {
                    SuperscriptAlef::Strip
                } else {
                    SuperscriptAlef::Keep
                },
                hamza_seats: false,
                small_letters: false,
                article_lam: false,
                tatweel: bit(4),
                compose: bit(5),
                alef: Alef::ALL[(bits >> 26) as usize % 4],
                alef_maksura: [AlefMaksura::Keep, AlefMaksura::ToYeh, AlefMaksura::ToAlefMaksura]
                    [three(7) as usize],
                yeh_lookalikes: bit(9),
                teh_marbuta: bit(10),
                heh_lookalikes: bit(11),
                kaf_lookalikes: bit(12),
                persian_letters: bit(13),
                hamza_carriers: bit(14),
                lone_hamza: bit(15),
                digits: [Digits::Keep, Digits::Ascii, Digits::ArabicIndic][three(16) as usize],
                presentation_forms: bit(18),
                format_controls: bit(19),
                zwnj: [Zwnj::Strip, Zwnj::Keep, Zwnj::Space][three(20) as usize],
                elongation: bit(30),
                punctuation: bit(22),
                script: if bit(23) { Script::Persian } else { Script::Arabic },
                unicode: UnicodeForm::None,
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn fast_normalizer_agrees_with_the_reference(config in config_without_context(), text in text_without_composition()) {
        let expected = reference(&config, &text);
        let got = Normalizer::new(config.clone()).normalize(&text).into_owned();
        prop_assert_eq!(&got, &expected, "config {:?}\ninput {}", config, crate::codepoints(&text));
    }
}

#[test]
fn reference_agrees_on_the_news_fixture() {
    let text = crate::read_data("news-ar.txt");
    for preset in Preset::ALL {
        let config = preset.config();
        assert_eq!(
            Normalizer::new(config.clone()).normalize(&text),
            reference(&config, &text),
            "{preset}"
        );
    }
}
