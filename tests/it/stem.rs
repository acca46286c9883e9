//! The stemmer: exact stems per affix class and lexicon, the held-out word
//! list, the conflation check, lexicon loading and the dictionaries' form.

use std::collections::HashMap;
use std::path::Path;

use proptest::prelude::*;
use sarf::*;

use crate::{data, read_data};

pub(crate) fn stem(word: &str) -> String {
    let normalized = Normalizer::default().normalize(word).into_owned();
    Stemmer::default().stem(&normalized).into_owned()
}

/// Asserts the stem of each word (normalized with `search` first),
/// naming every word whose stem is not the one expected.
pub(crate) fn assert_stems(expected: &[(&str, &str)]) {
    let wrong: Vec<String> = expected
        .iter()
        .filter_map(|&(word, want)| {
            let got = stem(word);
            (got != want).then(|| format!("{word}: {got}, expected {want}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn light(word: &str) -> String {
    let normalized = Normalizer::default().normalize(word).into_owned();
    Stemmer::with_mode(StemMode::Light).stem(&normalized).into_owned()
}

#[test]
fn proclitics() {
    assert_stems(&[
        ("والكتاب", "كتاب"),
        ("فالكتاب", "كتاب"),
        ("بالكتاب", "كتاب"),
        ("كالكتاب", "كتاب"),
        ("للكتاب", "كتاب"),
        ("وللكتاب", "كتاب"),
        ("وبالكتاب", "كتاب"),
        ("وكتاب", "كتاب"),
        ("بكتاب", "كتاب"),
        ("سيكتب", "كتب"),
    ]);
}

#[test]
fn enclitics_and_endings() {
    assert_stems(&[
        ("قلمه", "قلم"),
        ("كتابها", "كتاب"),
        ("كتابهم", "كتاب"),
        ("كتابهما", "كتاب"),
        ("كتابكم", "كتاب"),
        ("كتابنا", "كتاب"),
        ("كتابي", "كتاب"),
        ("معلمون", "معلم"),
        ("معلمين", "معلم"),
        ("معلمان", "معلم"),
        ("معلمات", "معلمه"),
        ("مدرستهم", "مدرسه"),
        ("وزارتها", "وزاره"),
        ("درسوا", "درس"),
        ("ويكتبونها", "كتب"),
    ]);
}

#[test]
fn the_preposition_kaf_alone_comes_after_every_other_split() {
    // Most words that start with ك have it as a root letter, and a known
    // stem after it is then a misreading: كانوا (they were) read as ك +
    // انوا, 1,067 times in the 60 MB news corpus. ك alone is tried after
    // every other split (the longest stem still wins among the others).
    assert_stems(&[
        ("كانوا", "كان"),
        ("كلها", "كلها"), // كل + ها, a stopword kept whole
        ("كاملا", "كامل"),
        ("كشفا", "كشف"),
        ("كتبوا", "كتاب"), // كتب + وا, and كتب read alone (see the homographs)
        // Where nothing else is known, ك is still the preposition.
        ("كنوع", "نوع"),
        ("كدوله", "دوله"),
        ("كرئيس", "رئيس"),
        // كال is the article's, not ك alone.
        ("كالشيخ", "شيخ"),
    ]);
    // Known limits: a shorter known stem that keeps ك beats the preposition
    // before a known word: كحاكم (as a ruler) as كح + اكم, كاسيا (as Asia)
    // as كاسي + ا. About 110 of the 1,929 news tokens this rule changed
    // went this way; ranking suffix cuts before every prefix cut instead
    // lowered the dev conflation F1 from 0.737 to 0.732 (this rule: 0.736).
    assert_eq!(stem("كحاكم"), "كح");
    assert_eq!(stem("كاسيا"), "كاسي");
}

#[test]
fn after_the_article_teh_marbuta_is_the_feminine_ending() {
    // ال + stem + ة: the feminine of an adjective or participle whose
    // masculine is a known stem, as the same word without the article
    // already read (جديدة was جديد + ه, الجديدة the fallback's جديده).
    // Feminine, masculine and plural adjectives conflate, and a nisba
    // adjective does not fall on an unrelated noun (عربة, cart) or a root
    // read elsewhere (رئيس, president, for الرئيسية, main).
    assert_stems(&[
        ("الجديدة", "جديد"),
        ("جديدة", "جديد"),
        ("المتحدة", "متحد"),
        ("العربية", "عربي"),
        ("العربي", "عربي"),
        ("السياسية", "سياسي"),
        ("السياسيون", "سياسي"),
        ("الرئيسية", "رئيسي"),
        ("والصحية", "صحي"),
        ("الدولية", "دولي"),
        // A noun whose stem ends in ة is a longer stem, and wins.
        ("المدرسة", "مدرسه"),
        ("الحكومة", "حكومه"),
        // Without a known masculine: as before (عسكري is not listed).
        ("العسكرية", "عسكر"),
        // ه after the article is never a verb's: the verb forms شورب
        // (passive of شارب) and حوكم do not read soup and governance.
        ("الشوربة", "شوربه"),
        ("الحوكمة", "حوكمه"),
    ]);
    // Known limit: a feminine noun the lexicons do not list reads as the
    // feminine of its masculine, with or without the article: حافلة (bus)
    // as حافل (full). The most frequent such nouns in news are listed in
    // dictionaries/sources/extra-stems.txt (القاعدة, الوثيقة, المشكلة).
    assert_eq!((stem("الحافلة"), stem("حافلة")), ("حافل".into(), "حافل".into()));
    assert_eq!((stem("الوثيقة"), stem("القاعدة")), ("وثيقه".into(), "قاعده".into()));
    assert_eq!(stem("المشاكل"), "مشكله");
}

#[test]
fn a_participle_sheds_its_construct_plural_waw() {
    // The sound masculine plural in construct (ون without its ن) of a
    // participle, behind any proclitic but the article: مسؤولو الوزارة,
    // ومديرو المدارس. 1,060 tokens of the news corpus, all but a handful
    // participles like these.
    assert_stems(&[
        ("مسؤولو", "مسؤول"),
        ("ومديرو", "مدير"),
        ("لمستخدمو", "مستخدم"),
        ("مقاتلو", "مقاتل"),
        ("فموظفو", "موظف"),
        // With a pronoun, as before.
        ("مسؤولوه", "مسؤول"),
    ]);
    // Names ending in و do not have a participle's shape, and words that
    // are whole stems stay whole; after the article و is not a suffix.
    for word in ["ماريو", "باولو", "اوغلو", "رونالدو", "عضو", "نحو"] {
        assert_eq!(stem(word), word);
    }
    assert_eq!(stem("المسؤولو"), "مسؤولو");
}

#[test]
fn the_article_takes_no_pronoun() {
    // ال + stem + ه can only be a feminine noun, never "his".
    let analysis = Stemmer::default().analyze("المدرسه");
    assert_eq!((&*analysis.prefix, &*analysis.stem, &*analysis.suffix), ("ال", "مدرسه", ""));
}

#[test]
fn stopwords_protected_exceptions_verbs() {
    let stemmer = Stemmer::default();
    let decision = |w: &str| stemmer.analyze(&Normalizer::default().normalize(w)).decision;
    assert_eq!(decision("الذي"), Decision::Stopword);
    assert_eq!(stem("والذي"), "والذي", "stopwords pass through unchanged");
    assert_eq!(decision("فلسطين"), Decision::Protected);
    assert_eq!(stem("بفلسطين"), "فلسطين", "a proclitic comes off a protected word, nothing else");
    assert_eq!(stem("بوتين"), "بوتين");
    // Names whose letters read as affixes, from news counts (the 60 MB
    // corpus cut كاليفورنيا 228 times, كلينتون 192, فلوريدا 90).
    assert_stems(&[
        ("كاليفورنيا", "كاليفورنيا"),
        ("بكاليفورنيا", "كاليفورنيا"),
        ("وكلينتون", "كلينتون"),
        ("فلوريدا", "فلوريدا"),
        ("ويلز", "ويلز"),
        ("فالنسيا", "فالنسيا"),
        // Saudi places (the corpus is Saudi news): جازان 943 times, أبها
        // 863 (as اب, father), تبوك 752 (as تب).
        ("بجازان", "جازان"),
        ("أبها", "ابها"),
        ("وتبوك", "تبوك"),
        ("سيتي", "سيتي"),
    ]);
    // A known stem that starts like a clitic + a protected word is itself:
    // باب (door), not ب + اب (father); and it stays a fixed point.
    assert_eq!((stem("باب"), stem("بابك")), ("باب".into(), "باب".into()));
    assert_eq!(decision("باب"), Decision::KnownStem);
    assert_eq!(stem("باب"), stem(&stem("بابك")));
    assert_eq!(decision("الكتب"), Decision::Exception);
    assert_eq!(stem("الكتب"), "كتاب");
    assert_eq!(stem("رؤساء"), "رئيس");
    assert_eq!(decision("يقول"), Decision::VerbForm);
    assert_eq!(stem("يقول"), "قال");
    // Assimilated verbs, whose imperfect also reads as a doubled or hollow
    // verb's (dictionaries/sources/preferred-lemmas.txt): يجب went to جب.
    assert_stems(&[
        ("يجب", "وجب"),
        ("وتقع", "وقع"),
        ("يضعون", "وضع"),
        ("ستصل", "وصل"),
        ("تجده", "وجد"),
    ]);
    assert_eq!(decision("وزير"), Decision::KnownStem);
}

#[test]
fn light10_as_published() {
    // و only when three characters remain; one article; each suffix once.
    assert_eq!(light("وزير"), "زير", "light10's famous over-stemming");
    assert_eq!(light("ولد"), "ولد", "و stays when fewer than three would remain");
    assert_eq!(light("والكتابات"), "كتاب");
    assert_eq!(light("بالمدرسة"), "مدرس");
    assert_eq!(light("كتابها"), "كتاب");
    assert_eq!(light("المعلمين"), "معلم");
    assert_eq!(light("هي"), "هي", "two characters stay");
}

#[test]
fn fallback_is_conservative() {
    let stemmer = Stemmer::default();
    // An unknown word: the article comes off, a plural ending only when
    // more than min_stem_len characters remain.
    let a = stemmer.analyze("الزغلبيات");
    assert_eq!(
        (a.decision, &*a.prefix, &*a.stem, &*a.suffix),
        (Decision::Fallback, "ال", "زغلبي", "ات")
    );
    let b = stemmer.analyze("ثغضين");
    assert_eq!(
        (b.decision, &*b.stem),
        (Decision::Fallback, "ثغضين"),
        "three letters would remain: too few"
    );
    let c = stemmer.analyze("قرطلين");
    assert_eq!((b.decision, &*c.stem, &*c.suffix), (Decision::Fallback, "قرطل", "ين"));
}

#[test]
fn heldout_word_list() {
    let stemmer = Stemmer::default();
    let text = read_data("stems-heldout.tsv");
    let mut misses = Vec::new();
    let mut total = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (word, expected) = (fields.next().unwrap(), fields.next().unwrap());
        total += 1;
        let got = stemmer.stem(&Normalizer::default().normalize(word)).into_owned();
        if got != expected {
            misses.push(format!("{word}: got {got}, expected {expected}"));
        }
    }
    // 39 of 40: تساهم (a form-III imperfect) stays the noun the lexicon
    // lists (see BENCHMARKS.md).
    assert!(
        total - misses.len() >= 39,
        "{} of {total} right; misses:\n{}",
        total - misses.len(),
        misses.join("\n")
    );
}

/// Pairwise F1 of "same stem" against "same entry" on one split.
fn conflation_f1(stemmer: &Stemmer, split: &str) -> f64 {
    let text = read_data("conflation.tsv");
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let (mut by_stem, mut by_entry, mut by_both) = (HashMap::new(), HashMap::new(), HashMap::new());
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f[2] != split {
            continue;
        }
        let stem = stemmer.stem(f[0]).into_owned();
        *by_stem.entry(stem.clone()).or_insert(0u64) += 1;
        *by_entry.entry(f[1]).or_insert(0u64) += 1;
        *by_both.entry((stem, f[1])).or_insert(0u64) += 1;
    }
    let tp: u64 = by_both.values().map(|&n| pairs(n)).sum();
    let p = tp as f64 / by_stem.values().map(|&n| pairs(n)).sum::<u64>() as f64;
    let r = tp as f64 / by_entry.values().map(|&n| pairs(n)).sum::<u64>() as f64;
    2.0 * p * r / (p + r)
}

#[test]
fn lexicon_mode_conflates_better_than_light10() {
    let lexicon = conflation_f1(&Stemmer::default(), "heldout");
    let light = conflation_f1(&Stemmer::with_mode(StemMode::Light), "heldout");
    assert!(lexicon > light + 0.3, "held-out F1: lexicon {lexicon:.3}, light {light:.3}");
    // 0.807 with the embedded lexicons (BENCHMARKS.md): a drop below 0.80
    // means a rule or a lexicon change split what used to meet.
    assert!(lexicon >= 0.80, "held-out F1 fell to {lexicon:.3}");
}

#[test]
fn dictionaries_are_normalized_sorted_and_unique() {
    let normalizer = Normalizer::default();
    let stems: std::collections::HashSet<String> = read_data("../../dictionaries/stems.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(String::from)
        .collect();
    for name in ["stems", "stopwords", "protected", "exceptions", "verbs"] {
        let text = read_data(&format!("../../dictionaries/{name}.txt"));
        assert!(
            text.starts_with("# "),
            "dictionaries/{name}.txt needs a header naming source and licence"
        );
        assert!(
            text.to_lowercase().contains("licence"),
            "dictionaries/{name}.txt: no licence line"
        );
        let entries: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        for (n, pair) in entries.windows(2).enumerate() {
            assert!(
                pair[0].as_bytes() < pair[1].as_bytes(),
                "dictionaries/{name}.txt entry {}: not sorted or duplicated",
                n + 2
            );
        }
        for entry in &entries {
            for field in entry.split('\t') {
                assert_eq!(
                    normalizer.normalize(field),
                    *field,
                    "dictionaries/{name}.txt: {field:?} is not normalized"
                );
            }
            if let Some((_, target)) = entry.split_once('\t') {
                assert!(
                    stems.contains(target),
                    "dictionaries/{name}.txt: {target:?} is not a known stem"
                );
            }
        }
    }
}

#[test]
fn custom_lexicons_from_text_and_fst() {
    let dir = tempfile::tempdir().unwrap();
    let stems = dir.path().join("stems.txt");
    std::fs::write(&stems, "# my stems\nزغلب\n").unwrap();
    let config = |path: &std::path::Path| StemmerConfig {
        lexicons: LexiconFiles { stems: Some(path.to_path_buf()), ..LexiconFiles::default() },
        ..StemmerConfig::default()
    };
    let stemmer = Stemmer::new(config(&stems)).unwrap();
    assert_eq!(stemmer.stem("وزغلبهم"), "زغلب");
    assert_eq!(
        stemmer.stem("والزغلبهم"),
        "زغلبهم",
        "the article never takes a pronoun: no legal split"
    );
    let compiled = sarf::stem::lexicons::compile_text_lexicon(&stems, false).unwrap();
    let fst_path = dir.path().join("stems.fst");
    std::fs::write(&fst_path, compiled).unwrap();
    assert_eq!(Stemmer::new(config(&fst_path)).unwrap().stem("وزغلبهم"), "زغلب");

    let exceptions = dir.path().join("exceptions.txt");
    std::fs::write(&exceptions, "زغالب\tزغلب\n").unwrap();
    let stemmer = Stemmer::new(StemmerConfig {
        lexicons: LexiconFiles { exceptions: Some(exceptions.clone()), ..LexiconFiles::default() },
        ..StemmerConfig::default()
    })
    .unwrap();
    assert_eq!(stemmer.stem("والزغالب"), "زغلب");
    let compiled = sarf::stem::lexicons::compile_text_lexicon(&exceptions, true).unwrap();
    let fst_path = dir.path().join("exceptions.fst");
    std::fs::write(&fst_path, compiled).unwrap();
    let stemmer = Stemmer::new(StemmerConfig {
        lexicons: LexiconFiles { exceptions: Some(fst_path), ..LexiconFiles::default() },
        ..StemmerConfig::default()
    })
    .unwrap();
    assert_eq!(stemmer.stem("والزغالب"), "زغلب");
}

#[test]
fn bad_lexicons_are_errors_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let check = |name: &str, content: &[u8], want: &[&str], exceptions: bool| {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let files = if exceptions {
            LexiconFiles { exceptions: Some(path), ..LexiconFiles::default() }
        } else {
            LexiconFiles { stems: Some(path), ..LexiconFiles::default() }
        };
        let err = Stemmer::new(StemmerConfig { lexicons: files, ..StemmerConfig::default() })
            .unwrap_err()
            .to_string();
        for w in want {
            assert!(err.contains(w), "{name}: {err:?} should mention {w:?}");
        }
    };
    check("dup.txt", "كتاب\nكتب\nكِتاب\n".as_bytes(), &["dup.txt", "line 3", "duplicate"], false);
    check("two.txt", "كتاب\nكتاب جميل\n".as_bytes(), &["two.txt", "line 2", "single word"], false);
    check("empty.txt", "كتاب\n\u{064E}\n".as_bytes(), &["empty.txt", "line 2", "empty"], false);
    check(
        "utf8.txt",
        b"\xD9\x83\n\xFF\n",
        &["utf8.txt", "line 2", "UTF-8", "byte offset 3"],
        false,
    );
    // Carriage returns count toward the offset: the bad byte is byte 8.
    let crlf = b"\xD9\x83\r\n\xD9\x83\r\n\xFF\r\n";
    check("crlf.txt", crlf, &["crlf.txt", "line 3", "byte offset 8"], false);
    check("tab.txt", "كتب كتاب\n".as_bytes(), &["tab.txt", "line 1", "form<TAB>stem"], true);
    check("bad.fst", b"not an fst at all", &["bad.fst", "fst"], false);
    let missing = Stemmer::new(StemmerConfig {
        lexicons: LexiconFiles { stems: Some(data("no-such-file.txt")), ..LexiconFiles::default() },
        ..StemmerConfig::default()
    });
    assert!(missing.unwrap_err().to_string().contains("no-such-file.txt"));
}

/// Whether `stem`, given for a verb form, is a verb lemma written like a
/// broken plural: يكتب (writes) stems to the lemma كتب, which read alone
/// is the plural of كتاب (books) and stems to it. Such a lemma is the one
/// stem the lexicons give that is not a fixed point; mapping the verb's
/// forms to the noun instead would make أقيم (was held) قيمه (value).
fn is_plural_homograph(stemmer: &Stemmer, decision: Decision, stem: &str) -> bool {
    decision == Decision::VerbForm && stemmer.lexicons().exception(stem).is_some()
}

/// The entries of a bundled lexicon file: its lines without comments,
/// split at the tab (the second part empty for a word list).
fn bundled(name: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("dictionaries").join(name);
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (form, stem) = l.split_once('\t').unwrap_or((l, ""));
            (form.to_string(), stem.to_string())
        })
        .collect()
}

#[test]
fn every_word_of_the_lexicons_stems_to_a_fixed_point_but_the_plural_homographs() {
    // The property test's invariant on every listed word, not a sample:
    // the stem the lexicons give for a stem, a verb form or an exception
    // form stems to itself, except the verb lemmas that are also broken
    // plurals, which are exactly these.
    let exceptions: HashMap<String, String> = bundled("exceptions.txt").into_iter().collect();
    let verbs = bundled("verbs.txt");
    let mut homographs: Vec<&str> = verbs
        .iter()
        .map(|(_, lemma)| lemma.as_str())
        .filter(|lemma| exceptions.contains_key(*lemma))
        .collect();
    homographs.sort_unstable();
    homographs.dedup();
    assert_eq!(
        homographs,
        [
            "اسري",
            "اطر",
            "اكن",
            "امم",
            "انساب",
            "انهار",
            "جزر",
            "خطط",
            "ذمم",
            "سبل",
            "سفن",
            "شهب",
            "صحف",
            "طرق",
            "عري",
            "علل",
            "غرف",
            "فتن",
            "قري",
            "قصص",
            "قمم",
            "كتب",
            "مدن",
            "مهن",
            "همم"
        ],
        "a verb lemma is also a broken plural (or no longer is): check the pair, then this list"
    );
    let stemmer = Stemmer::default();
    let words = bundled("stems.txt").into_iter().chain(verbs).chain(exceptions);
    let mut checked = 0;
    for (word, _) in words {
        let analysis = stemmer.analyze(&word);
        let lexical = matches!(
            analysis.decision,
            Decision::KnownStem | Decision::Exception | Decision::VerbForm | Decision::Protected
        );
        if !lexical || is_plural_homograph(&stemmer, analysis.decision, &analysis.stem) {
            continue;
        }
        assert_eq!(stemmer.stem(&analysis.stem), analysis.stem, "{word}: its stem moved");
        checked += 1;
    }
    assert!(checked > 90_000, "{checked} words checked");
}

fn arabic_word() -> impl Strategy<Value = String> {
    let letters: Vec<char> =
        ('\u{0621}'..='\u{064A}').chain(['\u{0640}', '\u{064E}', '\u{06CC}', '\u{06A9}']).collect();
    proptest::collection::vec(proptest::sample::select(letters), 0..12)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
    ))]

    #[test]
    fn stems_are_nonempty_deterministic_and_stable(word in arabic_word(), light in any::<bool>()) {
        let stemmer = if light { Stemmer::with_mode(StemMode::Light) } else { Stemmer::default() };
        let normalized = Normalizer::default().normalize(&word).into_owned();
        let once = stemmer.stem(&normalized).into_owned();
        prop_assert_eq!(once.is_empty(), normalized.is_empty());
        prop_assert_eq!(&stemmer.stem(&normalized), &once, "not deterministic");
        let analysis = stemmer.analyze(&normalized);
        prop_assert_eq!(&*analysis.stem, once.as_str());
        if !light
            && matches!(analysis.decision, Decision::KnownStem | Decision::Exception | Decision::VerbForm | Decision::Protected)
            && !is_plural_homograph(&stemmer, analysis.decision, &once)
        {
            // A stem the lexicons gave is a fixed point.
            let twice = stemmer.stem(&once).into_owned();
            prop_assert_eq!(twice, once.clone(), "stem of a lexicon stem moved");
        }
    }

    #[test]
    fn any_text_stems_without_panicking(text in "\\PC{0,40}", light in any::<bool>()) {
        let stemmer = if light { Stemmer::with_mode(StemMode::Light) } else { Stemmer::default() };
        let analyzer = Analyzer::new(Normalizer::default(), stemmer);
        for token in analyzer.analyze(&text) {
            prop_assert!(!token.stem.is_empty());
            prop_assert_eq!(&text[token.start..token.end], token.surface);
        }
    }
}

/// Text made of a few words, each often repeated, some with marks, ZWNJ,
/// digits or Latin letters, so the analyzer's memo is hit and missed.
fn repetitive_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        arabic_word(),
        proptest::sample::select(vec![
            "والكتابُ".to_string(),
            "المكتبات".to_string(),
            "می\u{200C}خواهم".to_string(),
            "٢٠٢٤م".to_string(),
            "COVID".to_string(),
            "أنّ".to_string(),
            "\u{FDFC}".to_string(),
            "ك".repeat(40),
        ]),
    ];
    (proptest::collection::vec(word, 1..5), proptest::collection::vec(0..5usize, 0..24)).prop_map(
        |(words, picks)| {
            picks.iter().map(|&i| words[i % words.len()].as_str()).collect::<Vec<_>>().join(" ")
        },
    )
}

fn analyzers() -> Vec<fn() -> Analyzer> {
    vec![
        Analyzer::default,
        || Analyzer::new(Normalizer::default(), Stemmer::with_mode(StemMode::Light)),
        || Analyzer::new(Normalizer::from_preset(Preset::Nlp), Stemmer::default()),
        || Analyzer::default().stemming(false).drop_stopwords(true),
        || {
            let mut config = Preset::Search.config();
            config.zwnj = sarf::Zwnj::Space;
            Analyzer::new(Normalizer::new(config), Stemmer::default())
        },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(500)
    ))]

    /// The per-thread memo of whole-token answers changes nothing: each
    /// token analyzed on its own on a new thread (whose memo starts empty,
    /// so a token is computed where it first occurs; analyzers of the same
    /// settings share their entries on a thread) gives the same result as
    /// the whole text, twice, through one warm analyzer.
    #[test]
    fn memoized_answers_are_the_computed_ones(text in repetitive_text(), which in 0..5usize) {
        let make = analyzers()[which];
        let warm = make();
        let computed = text.clone();
        let expected: Vec<_> = std::thread::spawn(move || {
            let analyzer = make();
            sarf::tokenize::tokenize(&computed)
                .flat_map(|token| {
                    analyzer.analyze(token.text).into_iter().map(move |t| {
                        (token.start + t.start, token.start + t.end, t.normalized.into_owned(), t.stem.into_owned(), t.kind, t.stopword)
                    })
                })
                .collect()
        })
        .join()
        .unwrap();
        for _ in 0..2 {
            let got: Vec<_> = warm
                .analyze(&text)
                .into_iter()
                .map(|t| (t.start, t.end, t.normalized.into_owned(), t.stem.into_owned(), t.kind, t.stopword))
                .collect();
            prop_assert_eq!(&got, &expected);
        }
    }
}

#[test]
fn regression_corrupt_fst_is_an_error_not_a_panic() {
    // Found by the `lexicon` fuzz target: fst's header check passed, and
    // walking the set then overflowed a capacity. Checksums now stop it.
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/regressions/lexicon/corrupt-fst-capacity-overflow"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stems.fst");
    std::fs::write(&path, bytes).unwrap();
    let result = Stemmer::new(StemmerConfig {
        lexicons: LexiconFiles { stems: Some(path), ..LexiconFiles::default() },
        ..StemmerConfig::default()
    });
    let err = result.unwrap_err();
    assert!(err.to_string().contains("stems.fst"), "{err}");
    // The fst crate's own error is chained, not repeated.
    let cause = std::error::Error::source(&err).expect("the fst error is chained");
    assert!(!err.to_string().contains(&cause.to_string()), "{err}: {cause}");
}

#[test]
fn the_per_thread_cache_keeps_stemmers_apart() {
    let dir = tempfile::tempdir().unwrap();
    let stems = dir.path().join("stems.txt");
    std::fs::write(&stems, "زغلب\n").unwrap();
    let custom = Stemmer::new(StemmerConfig {
        lexicons: LexiconFiles { stems: Some(stems), ..LexiconFiles::default() },
        ..StemmerConfig::default()
    })
    .unwrap();
    let default = Stemmer::default();
    for _ in 0..3 {
        assert_eq!(default.analyze("وزغلبهم").decision, Decision::Fallback);
        assert_eq!(custom.stem("وزغلبهم"), "زغلب");
        assert_eq!(custom.clone().stem("وزغلبهم"), "زغلب", "clones share answers");
    }
    // Cached answers are the computed ones, owned stems included.
    for word in ["الكتب", "مدرستهم", "يقول", "والكتاب"] {
        let first = default.analyze(word);
        assert_eq!(default.analyze(word), first, "{word}");
    }
}

#[test]
fn stem_mode_names_are_their_config_names() {
    for mode in StemMode::ALL {
        let config: StemmerConfig = toml::from_str(&format!("mode = \"{}\"", mode.name())).unwrap();
        assert_eq!(config.mode, mode);
    }
}

#[test]
fn surface_mode_cuts_affixes_and_maps_nothing_to_a_lemma() {
    let surface = Stemmer::with_mode(StemMode::Surface);
    let stem = |word: &str| {
        let normalized = Normalizer::from_preset(Preset::Quran).normalize(word).into_owned();
        surface.stem(&normalized).into_owned()
    };
    for (word, expected) in [
        // The lexicon stemmer's cuts.
        ("والكتاب", "كتاب"),
        ("بأنفسهم", "انفس"),
        ("مدرستهم", "مدرسه"),
        ("مدرسات", "مدرسه"),
        // Verb forms and broken plurals stay as written, less their affixes.
        ("تؤمنون", "تؤمن"),
        ("يقولون", "يقول"),
        ("الكتب", "كتب"),
        // Uthmani spelling is read as plain spelling first.
        ("يُؤۡمِنُونَ", "يؤمن"),
    ] {
        assert_eq!(stem(word), expected, "{word}");
    }
    // An inflected stopword keeps its letters and its flag.
    let analysis = surface.analyze("كانت");
    assert_eq!((&*analysis.stem, analysis.stopword), ("كانت", true));
    // The lexicon mode maps them.
    assert_eq!(crate::stem::stem("تؤمنون"), "امن");
    assert_eq!(crate::stem::stem("الكتب"), "كتاب");
    assert_eq!(StemMode::for_preset(Preset::Quran), StemMode::Surface);
}
