//! One test per rule, with exact expected strings, covering every code point
//! the rule lists. Each test switches on only the rule under test (on top of
//! the all-off configuration) unless it says otherwise.

use sarf::*;

fn only(f: impl FnOnce(&mut NormalizerConfig)) -> Normalizer {
    let mut config = NormalizerConfig::none();
    f(&mut config);
    Normalizer::new(config)
}

fn range(a: u32, b: u32) -> impl Iterator<Item = char> {
    (a..=b).filter_map(char::from_u32)
}

/// Each character in `chars`, placed between two letters, becomes `to`.
fn assert_each(n: &Normalizer, chars: impl IntoIterator<Item = char>, to: &str, rule: &str) {
    for c in chars {
        let input = format!("\u{0628}{c}\u{062A}");
        let expected = format!("\u{0628}{to}\u{062A}");
        assert_eq!(n.normalize(&input), expected, "{rule}: U+{:04X}", c as u32);
    }
}

#[test]
fn diacritics() {
    let strip = only(|c| c.diacritics = Diacritics::Strip);
    assert_each(&strip, range(0x064B, 0x065F), "", "diacritics");
    assert_eq!(strip.normalize("كَتَبَ الْوَلَدُ كِتَابًا"), "كتب الولد كتابا");
    let keep_shadda = only(|c| c.diacritics = Diacritics::KeepShadda);
    assert_eq!(keep_shadda.normalize("مُدَرِّسٌ"), "مدرّس");
    let keep = only(|c| c.diacritics = Diacritics::Keep);
    assert_eq!(keep.normalize("مُدَرِّسٌ"), "مُدَرِّسٌ");
    let classic = only(|c| c.diacritics = Diacritics::Classic);
    assert_each(&classic, range(0x064B, 0x0652), "", "diacritics = classic");
    for c in range(0x0653, 0x065F) {
        let s = format!("\u{0628}{c}\u{062A}");
        assert_eq!(classic.normalize(&s), s, "classic keeps U+{:04X}", c as u32);
    }
}

#[test]
fn quranic_marks() {
    let n = only(|c| c.quranic_marks = true);
    let marks = range(0x0610, 0x061A)
        .chain(range(0x06D6, 0x06DC))
        .chain(range(0x06DF, 0x06E8))
        .chain(range(0x06EA, 0x06ED))
        .chain(range(0x08D3, 0x08E1))
        .chain(range(0x08E3, 0x08FF));
    assert_each(&n, marks, "", "quranic_marks");
}

#[test]
fn visible_quranic_symbols_stay() {
    let n = only(|c| c.quranic_marks = true);
    for c in ['\u{06DD}', '\u{06DE}', '\u{06E9}', '\u{08E2}'] {
        let s = format!("\u{0628}{c}");
        assert_eq!(n.normalize(&s), s, "U+{:04X} is a symbol, not a mark", c as u32);
    }
}

#[test]
fn superscript_alef() {
    assert_eq!(only(|c| c.superscript_alef = SuperscriptAlef::Strip).normalize("هٰذا"), "هذا");
    assert_eq!(only(|c| c.superscript_alef = SuperscriptAlef::Keep).normalize("هٰذا"), "هٰذا");
    let full = only(|c| c.superscript_alef = SuperscriptAlef::FullAlef);
    assert_eq!(full.normalize("هٰذا"), "هاذا");
    assert_eq!(full.normalize("موسىٰ"), "موسى", "after alef maksura the dagger alef only marks it");
}

#[test]
fn tatweel() {
    let n = only(|c| c.tatweel = true);
    assert_each(&n, ['\u{0640}'], "", "tatweel");
    assert_eq!(n.normalize("جـــمـــيـــل"), "جميل");
}

#[test]
fn alef() {
    let n = only(|c| c.alef = Alef::All);
    let variants =
        ['\u{0622}', '\u{0623}', '\u{0625}', '\u{0671}', '\u{0672}', '\u{0673}', '\u{0675}'];
    assert_each(&n, variants, "\u{0627}", "alef");
    assert_eq!(n.normalize("أحمد إلى آخر ٱلكتاب"), "احمد الى اخر الكتاب");

    let hamza_madda = only(|c| c.alef = Alef::HamzaMadda);
    assert_each(&hamza_madda, ['\u{0622}', '\u{0623}', '\u{0625}'], "\u{0627}", "hamza_madda");
    assert_eq!(hamza_madda.normalize("أحمد إلى آخر ٱلكتاب"), "احمد الى اخر ٱلكتاب");
    let with_wasla = only(|c| c.alef = Alef::HamzaMaddaWasla);
    assert_each(&with_wasla, ['\u{0622}', '\u{0623}', '\u{0625}', '\u{0671}'], "\u{0627}", "wasla");
    for c in ['\u{0672}', '\u{0673}', '\u{0675}'] {
        let s = format!("\u{0628}{c}\u{062A}");
        assert_eq!(with_wasla.normalize(&s), s, "U+{:04X} is only folded by `all`", c as u32);
    }
}

#[test]
fn alef_maksura_both_directions_and_yeh_lookalikes() {
    let to_yeh = only(|c| c.alef_maksura = AlefMaksura::ToYeh);
    assert_eq!(to_yeh.normalize("على"), "علي");
    let to_maksura = only(|c| c.alef_maksura = AlefMaksura::ToAlefMaksura);
    assert_eq!(to_maksura.normalize("علي"), "على");
    let lookalikes = only(|c| c.yeh_lookalikes = true);
    assert_each(
        &lookalikes,
        ['\u{06CC}', '\u{06D0}', '\u{06CD}', '\u{0620}', '\u{06D2}'],
        "\u{064A}",
        "yeh_lookalikes",
    );
    assert_each(&lookalikes, ['\u{06D3}'], "\u{0626}", "yeh barree with hamza keeps its hamza");
    assert_eq!(lookalikes.normalize("على"), "على", "the look-alike fold leaves alef maksura alone");
}

#[test]
fn teh_marbuta_and_heh_lookalikes() {
    let teh = only(|c| c.teh_marbuta = true);
    assert_each(&teh, ['\u{0629}'], "\u{0647}", "teh_marbuta");
    let heh = only(|c| c.heh_lookalikes = true);
    assert_each(
        &heh,
        ['\u{06C0}', '\u{06C1}', '\u{06C2}', '\u{06D5}', '\u{06BE}'],
        "\u{0647}",
        "heh_lookalikes",
    );
    // Teh marbuta goal follows teh marbuta.
    assert_each(&heh, ['\u{06C3}'], "\u{0629}", "teh marbuta goal, teh marbuta kept");
    let both = only(|c| {
        c.heh_lookalikes = true;
        c.teh_marbuta = true;
    });
    assert_each(&both, ['\u{06C3}'], "\u{0647}", "teh marbuta goal, teh marbuta folded");
}

#[test]
fn kaf_lookalikes_and_persian_letters() {
    let kaf = only(|c| c.kaf_lookalikes = true);
    assert_each(&kaf, ['\u{06A9}', '\u{06AA}'], "\u{0643}", "kaf_lookalikes");
    // Distinct letters stay unless asked.
    assert_eq!(kaf.normalize("گپچژڤ"), "گپچژڤ");
    let persian = only(|c| c.persian_letters = true);
    assert_eq!(persian.normalize("گپچژڤ"), "كبجزف");
}

#[test]
fn target_script_persian() {
    let n = only(|c| {
        c.script = Script::Persian;
        c.yeh_lookalikes = true;
        c.kaf_lookalikes = true;
        c.alef_maksura = AlefMaksura::ToYeh;
    });
    assert_eq!(n.normalize("كتابي على"), "کتابی علی");
    assert_eq!(n.normalize("ڪ ې"), "ک ی");
}

#[test]
fn hamza() {
    let carriers = only(|c| c.hamza_carriers = true);
    assert_each(&carriers, ['\u{0624}'], "\u{0648}", "hamza_carriers");
    assert_each(&carriers, ['\u{0626}'], "\u{064A}", "hamza_carriers");
    let lone = only(|c| c.lone_hamza = true);
    assert_each(&lone, ['\u{0621}'], "", "lone_hamza");
}

#[test]
fn digits() {
    let ascii = only(|c| c.digits = Digits::Ascii);
    for v in 0..10u32 {
        let d = char::from_digit(v, 10).unwrap().to_string();
        assert_each(&ascii, [char::from_u32(0x0660 + v).unwrap()], &d, "arabic-indic digit");
        assert_each(&ascii, [char::from_u32(0x06F0 + v).unwrap()], &d, "extended digit");
    }
    assert_eq!(ascii.normalize("٣٫١٤ ١٬٠٠٠"), "3.14 1,000");
    let arabic = only(|c| c.digits = Digits::ArabicIndic);
    assert_eq!(arabic.normalize("۰۱۲۳۴۵۶۷۸۹ 42"), "٠١٢٣٤٥٦٧٨٩ 42");
}

#[test]
fn presentation_forms() {
    let n = only(|c| c.presentation_forms = true);
    assert_eq!(n.normalize("\u{FEFB}"), "\u{0644}\u{0627}", "lam-alef isolated");
    assert_eq!(n.normalize("\u{FEF5}"), "\u{0644}\u{0622}", "lam-alef with madda stays composed");
    assert_eq!(n.normalize("\u{FDF2}"), "\u{0627}\u{0644}\u{0644}\u{0647}", "Allah ligature");
    assert_eq!(
        n.normalize("\u{FE91}\u{FEF4}\u{FE96}"),
        "\u{0628}\u{064A}\u{062A}",
        "contextual forms"
    );
    assert_eq!(n.normalize("\u{FB8A}"), "\u{0698}", "Presentation Forms-A");
    // Every form with a compatibility decomposition changes; none survives.
    for c in range(0xFB50, 0xFDFF).chain(range(0xFE70, 0xFEFE)) {
        let out = n.normalize(&c.to_string()).into_owned();
        let has_decomposition = unicode_normalization_nfkc(c) != c.to_string();
        assert_eq!(out != c.to_string(), has_decomposition, "U+{:04X}", c as u32);
    }
}

fn unicode_normalization_nfkc(c: char) -> String {
    // The expected value comes from a second, independent route: Rust's
    // own char tables through the `unicode-normalization` crate.
    use unicode_normalization::UnicodeNormalization;
    std::iter::once(c).nfkc().collect()
}

#[test]
fn format_controls_and_zwnj() {
    let n = only(|c| c.format_controls = true);
    let controls =
        ['\u{00AD}', '\u{061C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{2060}', '\u{FEFF}']
            .into_iter()
            .chain(range(0x202A, 0x202E))
            .chain(range(0x2066, 0x2069));
    assert_each(&n, controls, "", "format_controls");
    assert_each(&n, ['\u{200B}'], "\u{200B}", "zero width space marks a word boundary and stays");
    assert_each(&only(|c| c.zwnj = Zwnj::Strip), ['\u{200C}'], "", "zwnj strip");
    assert_each(&only(|c| c.zwnj = Zwnj::Space), ['\u{200C}'], " ", "zwnj space");
    assert_each(&only(|c| c.zwnj = Zwnj::Keep), ['\u{200C}'], "\u{200C}", "zwnj keep");
}

#[test]
fn punctuation() {
    let n = only(|c| c.punctuation = true);
    for (from, to) in [
        ('\u{060C}', ","),
        ('\u{061B}', ";"),
        ('\u{061F}', "?"),
        ('\u{066A}', "%"),
        ('\u{06D4}', "."),
        ('\u{066D}', "*"),
    ] {
        assert_each(&n, [from], to, "punctuation");
    }
}

#[test]
fn compose_every_canonical_pair() {
    let n = only(|c| c.compose = true);
    for (decomposed, composed) in [
        ("\u{0627}\u{0653}", "\u{0622}"),
        ("\u{0627}\u{0654}", "\u{0623}"),
        ("\u{0627}\u{0655}", "\u{0625}"),
        ("\u{0648}\u{0654}", "\u{0624}"),
        ("\u{064A}\u{0654}", "\u{0626}"),
        ("\u{06C1}\u{0654}", "\u{06C2}"),
        ("\u{06D2}\u{0654}", "\u{06D3}"),
        ("\u{06D5}\u{0654}", "\u{06C0}"),
    ] {
        assert_eq!(n.normalize(decomposed), composed);
    }
    // Blocked: a second mark of the same class stands between.
    assert_eq!(n.normalize("\u{0627}\u{0657}\u{0654}"), "\u{0627}\u{0657}\u{0654}");
}

#[test]
fn decomposed_equals_precomposed_in_every_preset() {
    // The compatibility presets work one character at a time, as the tools
    // they reproduce do, so they are left out.
    for preset in Preset::ALL.into_iter().filter(|p| p.config().compose) {
        let n = Normalizer::from_preset(preset);
        for (decomposed, composed) in [
            ("\u{0627}\u{0654}\u{0645}\u{064E}\u{0644}", "\u{0623}\u{0645}\u{064E}\u{0644}"),
            ("\u{0633}\u{0648}\u{0654}\u{0627}\u{0644}", "\u{0633}\u{0624}\u{0627}\u{0644}"),
        ] {
            assert_eq!(n.normalize(decomposed), n.normalize(composed), "preset {preset}");
        }
    }
}

#[test]
fn counts_and_trace_name_the_rules() {
    let n = Normalizer::default();
    let mut counts = RuleCounts::default();
    let out = n.normalize_counting("أَهْلاً بِكُمْ فی المدرسة", &mut counts);
    assert_eq!(out, "اهلا بكم في المدرسه");
    assert_eq!(counts.get(Rule::Alef), 1);
    assert_eq!(counts.get(Rule::Diacritics), 6);
    assert_eq!(counts.get(Rule::YehLookalikes), 1);
    assert_eq!(counts.get(Rule::TehMarbuta), 1);
    assert_eq!(counts.total(), 9);
    let trace = n.trace("أَهْلاً بِكُمْ فی المدرسة");
    assert_eq!(trace.counts(), counts);
    assert_eq!(trace.output(), out);
    let first = &trace.changes()[0];
    assert_eq!((first.rule, first.input.clone(), first.output.clone()), (Rule::Alef, 0..2, 0..2));
}

#[test]
fn counts_after_composition_are_not_doubled() {
    let mut counts = RuleCounts::default();
    let out = Normalizer::default().normalize_counting("\u{0623}\u{064E}\u{0654}", &mut counts);
    assert_eq!(out, "\u{0627}");
    // alef fold of U+0623, the fatha, then U+0627+U+0654 composing and folding again.
    assert_eq!(counts.get(Rule::Diacritics), 1);
    assert_eq!(counts.get(Rule::Compose), 1);
    assert_eq!(counts.get(Rule::Alef), 2);
}

#[test]
fn offsets_map_words_back_to_the_original() {
    let n = Normalizer::default();
    let original = "ﻻ\u{200F} يـــذهب الطُّلاَّبُ إلى المَدرسةِ";
    let (normalized, map) = n.normalize_with_offsets(original);
    assert_eq!(normalized, "لا يذهب الطلاب الي المدرسه");
    let expected = ["ﻻ\u{200F}", "يـــذهب", "الطُّلاَّبُ", "إلى", "المَدرسةِ"];
    let mut from = 0;
    for (word, want) in normalized.split(' ').zip(expected) {
        let at = normalized[from..].find(word).unwrap() + from;
        from = at + word.len();
        let range = map.input_range(at..at + word.len());
        assert_eq!(&original[range], want, "word {word}");
    }
}

#[test]
fn many_same_length_replacements_with_deletions_between() {
    // More than the 32 patches the writer holds back, interleaved with
    // deletions and ASCII, in one call: the batching must not lose or
    // misplace any of them.
    let unit = "أة ى\u{0640}ک\u{064E}x";
    let input = unit.repeat(100);
    let expected = "اه يكx".repeat(100);
    let n = Normalizer::default();
    assert_eq!(n.normalize(&input), expected);
    let mut out = String::from("prefix:");
    n.normalize_into(&input, &mut out);
    assert_eq!(out, format!("prefix:{expected}"));
    let trace = n.trace(&input);
    assert_eq!(trace.output(), expected);
    for change in trace.changes() {
        let from = &input[change.input.clone()];
        let to = &expected[change.output.clone()];
        assert!(
            from.chars().count() == 1 && to.chars().count() <= 1,
            "{change:?}: {from:?} -> {to:?}"
        );
    }
}
