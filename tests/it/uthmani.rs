//! The word-level Uthmani rules and the `quran` preset: exact strings per
//! rule (what it changes and what it must leave alone), the golden file of
//! the bundled Quran excerpt (KFGQPC Hafs, CC BY 4.0, see
//! tests/data/NOTICE.md), agreement with the plain-spelling edition of the
//! same verses, and idempotence.

use sarf::{Normalizer, NormalizerConfig, Preset, Rule, RuleCounts, SuperscriptAlef};

use crate::{codepoints, read_data};

fn quran(text: &str) -> String {
    Normalizer::from_preset(Preset::Quran).normalize(text).into_owned()
}

/// `search` with one word-level rule turned on.
fn search_with(rule: Rule) -> Normalizer {
    let mut config = Preset::Search.config();
    match rule {
        Rule::SuperscriptAlef => config.superscript_alef = SuperscriptAlef::PlainSpelling,
        Rule::HamzaSeats => config.hamza_seats = true,
        Rule::SmallLetters => config.small_letters = true,
        Rule::ArticleLam => config.article_lam = true,
        other => panic!("{other} is not a word-level rule"),
    }
    Normalizer::new(config)
}

fn check(normalizer: &Normalizer, cases: &[(&str, &str)]) {
    for (input, expected) in cases {
        assert_eq!(normalizer.normalize(input), *expected, "{input} ({})", codepoints(input));
    }
}

#[test]
fn dagger_alef_is_written_where_plain_spelling_writes_it() {
    check(
        &search_with(Rule::SuperscriptAlef),
        &[
            ("ٱلۡعَٰلَمِينَ", "العالمين"),
            ("ٱلۡكِتَٰبُ", "الكتاب"),
            ("هَٰرُونَ", "هارون"),
            ("يَٰقَوۡمِ", "ياقوم"),
            // On a voweless waw or a medial alef maksura it replaces the seat.
            ("ٱلصَّلَوٰةَ", "الصلاه"),
            ("ٱلرِّبَوٰاْ", "الربا"),
            ("هَدَىٰكُمۡ", "هداكم"),
            ("ٱلتَّوۡرَىٰةَ", "التوراه"),
            // On a final alef maksura it only marks the long vowel.
            ("عَلَىٰ", "علي"),
            // Editions in Persian letters write alef maksura as U+06CC
            // ARABIC LETTER FARSI YEH: a voweless one after a letter with a
            // dagger alef is its seat; one with a vowel, or starting the
            // word, is a consonant (as U+064A ARABIC LETTER YEH always is).
            ("هَدَیٰکُمۡ", "هداكم"),
            ("عَلَیٰ", "علي"),
            ("ٱلتَّوۡرَیٰةَ", "التوراه"),
            ("یَٰقَوۡمِ", "ياقوم"),
            ("ٱلۡقِیَٰمَةِ", "القيامه"),
            ("یٰسۤ", "ياس"),
            ("يٰسۤ", "ياس"),
            ("وَيٰسۤ", "وياس"),
            // Words modern spelling writes without the alef, with clitics.
            ("ذَٰلِكَ", "ذلك"),
            ("فَذَٰلِكُمُ", "فذلكم"),
            ("كَذَٰلِكَ", "كذلك"),
            ("هَٰذَا", "هذا"),
            ("بِهَٰذَآ", "بهذا"),
            ("هَٰٓؤُلَآءِ", "هؤلاء"),
            ("أُوْلَٰٓئِكَ", "اولئك"),
            ("وَلَٰكِنَّ", "ولكن"),
            ("إِلَٰهُكُمۡ", "الهكم"),
            ("ٱلرَّحۡمَٰنِ", "الرحمن"),
            ("لِلرَّحۡمَٰنِ", "للرحمن"),
            // ذات is not ذلك.
            ("ذَٰتِ", "ذات"),
        ],
    );
}

#[test]
fn hamza_takes_the_seat_its_vowels_call_for() {
    check(
        &search_with(Rule::HamzaSeats),
        &[
            // Hamza and alef: the madda alef (folded to alef by `search`).
            ("ءَامَنُواْ", "امنوا"),
            ("وَءَاتُواْ", "واتوا"),
            ("ٱلۡقُرۡءَانَ", "القران"),
            ("بِـَٔايَٰتِنَا", "بايتنا"),
            // After a kasra or a yeh: the tooth.
            ("شَيۡـًٔا", "شيئا"),
            ("ٱلسَّيِّـَٔاتِ", "السيئات"),
            ("يَسۡتَهۡزِءُونَ", "يستهزئون"),
            ("لِّـَٔلَّا", "لئلا"),
            ("ٱلۡأَفۡـِٔدَةَ", "الافئده"),
            // After a sukun or a fatha, with a fatha or a sukun: alef.
            ("يَسۡـَٔلُونَكَ", "يسالونك"),
            ("يَسۡتَـٔۡخِرُونَ", "يستاخرون"),
            ("سَوۡءَةَ", "سواه"),
            // A damma: waw, unless a long ū follows.
            ("ٱلرُّءۡيَا", "الرؤيا"),
            ("مَسۡـُٔولࣰا", "مسئولا"),
            ("رَءُوفࣱ", "رءوف"),
            // Tanween before the final alef.
            ("خَطَـࣰٔا", "خطا"),
            // After a long ā: the line, or the tooth with a kasra.
            ("جَآءَهُمۡ", "جاءهم"),
            ("إِسۡرَٰٓءِيلَ", "اسرئيل"),
            ("تِلۡقَآيِٕ", "تلقاء"),
            ("ٱمۡرِيࣲٕ", "امرئ"),
            // رءا: the verb's final alef is written ى.
            ("رَءَا", "راي"),
            // Word-initial hamza with a vowel.
            ("ءَأَنذَرۡتَهُمۡ", "اانذرتهم"),
        ],
    );
}

#[test]
fn hamza_without_vowel_marks_is_left_alone() {
    // Plain spelling: no vowel, no rule.
    check(
        &search_with(Rule::HamzaSeats),
        &[("جزءان", "جزءان"), ("سماء", "سماء"), ("تساءل", "تساءل"), ("شيء", "شيء")],
    );
}

#[test]
fn small_letters_become_letters_except_after_the_final_pronoun() {
    check(
        &search_with(Rule::SmallLetters),
        &[
            ("يُحۡيِۦ", "يحيي"),
            ("ٱلنَّبِيِّـۧنَ", "النبيين"),
            ("إِبۡرَٰهِـۧمَ", "ابرهيم"),
            ("يَسۡتَوُۥنَ", "يستوون"),
            ("نُـۨجِي", "ننجي"),
            ("بِهِۦ", "به"),
            ("إِنَّهُۥ", "انه"),
            ("ءَايَٰتِهِۦٓ", "ءايته"),
        ],
    );
}

#[test]
fn article_lam_is_written_back_except_in_the_relative_pronouns() {
    check(
        &search_with(Rule::ArticleLam),
        &[
            ("ٱلَّيۡلِ", "الليل"),
            ("وَٱلَّيۡلِ", "والليل"),
            ("ٱلَّذَانِ", "اللذان"),
            ("ٱلَّذِي", "الذي"),
            ("ٱلَّذِينَ", "الذين"),
            ("ٱلَّتِي", "التي"),
            // Two lams already written: nothing to add.
            ("ٱللَّهِ", "الله"),
        ],
    );
}

#[test]
fn quran_preset_reads_uthmani_words() {
    check(
        &Normalizer::from_preset(Preset::Quran),
        &[
            ("ٱلصَّلَوٰةِ وَءَاتُواْ ٱلزَّكَوٰةَ", "الصلاه واتوا الزكاه"),
            ("ءَايَٰتِهِۦ", "اياته"),
            ("ٱلَّٰتِي", "اللاتي"),
            ("إِسۡرَٰٓءِيلَ", "اسرائيل"),
            ("ٱلۡـَٰٔنَ", "الان"),
            ("سَوۡءَٰتُهُمَا", "سواتهما"),
        ],
    );
}

#[test]
fn plain_spelling_passes_as_search_gives_it() {
    let search = Normalizer::from_preset(Preset::Search);
    for name in ["quran-imlai.txt", "news-ar.txt"] {
        let text = read_data(name);
        assert_eq!(quran(&text), search.normalize(&text), "{name}");
    }
}

#[test]
fn excerpt_matches_its_golden_file() {
    let got = quran(&read_data("quran-uthmani.txt"));
    let expected = read_data("quran-uthmani.quran.txt");
    for (n, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
        assert_eq!(g, e, "line {} differs from tests/data/quran-uthmani.quran.txt", n + 1);
    }
    assert_eq!(got, expected);
}

/// Words of `plain` matched in order by words of `uthmani` (longest common
/// subsequence), as `../shared/eval/quran_spelling.py` counts them.
fn matched_words(uthmani: &str, plain: &str) -> (usize, usize) {
    let (a, b): (Vec<_>, Vec<_>) = (uthmani.split(' ').collect(), plain.split(' ').collect());
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    (table[0][0], b.len())
}

/// The share of the words of `plain` that `normalized` matches, verse by
/// verse, with the counts behind it.
fn agreement(normalized: &str, plain: &str) -> (f64, usize, usize) {
    let (mut same, mut total) = (0, 0);
    for (u, p) in normalized.lines().zip(plain.lines()) {
        let (s, t) = matched_words(u, p);
        same += s;
        total += t;
    }
    (same as f64 / total as f64, same, total)
}

#[test]
fn excerpt_agrees_with_the_plain_edition() {
    let search = Normalizer::from_preset(Preset::Search);
    let plain = search.normalize(&read_data("quran-imlai.txt")).into_owned();
    let uthmani = read_data("quran-uthmani.txt");
    let (quran_agreement, same, total) = agreement(&quran(&uthmani), &plain);
    // 0.995 when written; `search` alone gives 0.90.
    assert!(quran_agreement >= 0.99, "agreement {quran_agreement:.4} ({same} of {total} words)");
    let (search_agreement, _, _) = agreement(&search.normalize(&uthmani), &plain);
    assert!(search_agreement < 0.95, "the excerpt no longer tells the presets apart");
}

#[test]
fn every_word_level_rule_counts_its_changes_on_the_excerpt() {
    let mut counts = RuleCounts::default();
    let text = read_data("quran-uthmani.txt");
    let n = Normalizer::from_preset(Preset::Quran);
    let counted = n.normalize_counting(&text, &mut counts);
    assert_eq!(counted, n.normalize(&text));
    for rule in [Rule::SuperscriptAlef, Rule::HamzaSeats, Rule::SmallLetters, Rule::ArticleLam] {
        assert!(counts.get(rule) > 0, "{rule} changed nothing");
    }
    // The trace puts each change where it happened in the input.
    let trace = n.trace("وَٱلَّيۡلِ");
    let lam = trace.changes().iter().find(|c| c.rule == Rule::ArticleLam).unwrap();
    assert_eq!(lam.input.start, "وَٱ".len());
    assert_eq!(trace.output(), "والليل");
}

fn assert_idempotent(name: &str, text: &str) {
    let n = Normalizer::from_preset(Preset::Quran);
    let once = n.normalize(text).into_owned();
    for (i, line) in once.lines().enumerate() {
        let twice = n.normalize(line);
        assert_eq!(twice, line, "{name}, line {}: a second pass changes the output", i + 1);
    }
}

#[test]
fn quran_is_idempotent_on_the_bundled_texts() {
    for name in ["quran-uthmani.txt", "quran-imlai.txt", "news-ar.txt"] {
        assert_idempotent(name, &read_data(name));
    }
}

/// The whole Quran, the diacritized Tashkeela text and the news corpus of
/// the shared corpus folder, when this checkout sits beside it (set
/// `SARF_CORPUS` to its path elsewhere).
#[test]
fn quran_is_idempotent_on_the_shared_corpus() {
    let dir = std::env::var_os("SARF_CORPUS").map(std::path::PathBuf::from).unwrap_or_else(|| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
    });
    let names =
        ["quran-hafs-uthmani.txt", "diacritized-tashkeela-msa.txt", "news-saudinewsnet.txt"];
    if !dir.join(names[0]).exists() {
        eprintln!("skipped: no shared corpus at {}", dir.display());
        return;
    }
    for name in names {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert_idempotent(name, &text);
    }
}

#[test]
fn word_level_rules_are_config_fields() {
    let config = NormalizerConfig::from_toml_str(
        "superscript_alef = \"plain_spelling\"\nhamza_seats = true\nsmall_letters = true\narticle_lam = true",
    )
    .unwrap();
    assert_eq!(config, Preset::Quran.config());
    assert_eq!("quran".parse::<Preset>().unwrap(), Preset::Quran);
}

#[test]
fn other_encodings_of_uthmani_text_read_the_same() {
    // Tanzil's encoding of the same script: U+0652 ARABIC SUKUN where the
    // King Fahd Complex writes U+06E1 ARABIC SMALL HIGH DOTLESS HEAD OF
    // KHAH, U+06DF ARABIC SMALL HIGH ROUNDED ZERO for its silent-letter
    // U+0652, and the plain tanween U+064B..U+064D for the open tanween
    // U+08F0..U+08F2; the text in Persian letters; and the whole text
    // decomposed (NFD).
    use unicode_normalization::UnicodeNormalization;
    let text = read_data("quran-uthmani.txt");
    let recoded = |letter: fn(char) -> char| -> String { text.chars().map(letter).collect() };
    let tanzil = recoded(|c| match c {
        '\u{0652}' => '\u{06DF}',
        '\u{06E1}' => '\u{0652}',
        '\u{08F0}' => '\u{064B}',
        '\u{08F1}' => '\u{064C}',
        '\u{08F2}' => '\u{064D}',
        other => other,
    });
    let expected = read_data("quran-uthmani.quran.txt");
    assert_eq!(quran(&tanzil), expected);
    // Quran texts made for Persian and Urdu readers write ي and ى alike as
    // U+06CC ARABIC LETTER FARSI YEH, and ك as U+06A9 ARABIC LETTER KEHEH.
    let persian = recoded(|c| match c {
        '\u{064A}' | '\u{0649}' => '\u{06CC}',
        '\u{0643}' => '\u{06A9}',
        other => other,
    });
    assert_ne!(persian, text);
    assert_eq!(quran(&persian), expected);
    let decomposed: String = text.nfd().collect();
    assert_eq!(quran(&decomposed), expected);
    // Tanzil also seats the dagger alef after a fatha on a tatweel
    // (هَـٰذَا, ٱلرَّحۡمَـٰنِ) where the King Fahd Complex puts it on the
    // letter: the words modern spelling writes without the alef must still
    // be found.
    let seated = text.replace("\u{064E}\u{0670}", "\u{064E}\u{0640}\u{0670}");
    assert_ne!(seated, text);
    assert_eq!(quran(&seated), expected);
}

#[test]
fn a_dagger_alef_on_a_tatweel_sits_on_the_letter_before() {
    check(
        &Normalizer::from_preset(Preset::Quran),
        &[
            ("ذَـٰلِكَ", "ذلك"),
            ("هَـٰذَا", "هذا"),
            ("ٱلرَّحۡمَـٰنِ", "الرحمن"),
            ("أُوْلَـٰٓئِكَ", "اولئك"),
            ("وَلَـٰكِن", "ولكن"),
            ("ٱلۡعَـٰلَمِينَ", "العالمين"),
            ("ٱلَّـٰتِي", "اللاتي"),
            // On a tatweel that seats a hamza, it makes the madda alef.
            ("ٱلۡـَٔـٰنَ", "الان"),
            ("سَوۡءَـٰتُهُمَا", "سواتهما"),
        ],
    );
}
