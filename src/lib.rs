//! `sarf` normalizes, tokenizes and stems Arabic-script text (Arabic,
//! Persian, Urdu and their neighbours) for search indexes and NLP pipelines:
//! fast, configurable rule by rule, and honest about what each fold loses.
//!
//! # When to use it
//!
//! Before indexing or matching Arabic text, the same word arrives in many
//! spellings: with or without diacritics, with alef variants (أ إ آ ا), with
//! Persian keheh and yeh (ک ی) for Arabic kaf and yeh (ك ي), stretched by
//! tatweel, encoded as presentation forms (ﻻ), sprinkled with invisible
//! bidi controls. [`Normalizer`] folds them to one form in a single pass.
//!
//! # Example
//!
//! ```
//! use sarf::{Normalizer, Preset};
//!
//! let search = Normalizer::from_preset(Preset::Search);
//! assert_eq!(search.normalize("أَهْلًا بِالعَالَمِ"), "اهلا بالعالم");
//! // The keyword line of a real article, typed with Persian letters:
//! assert_eq!(search.normalize("کوریا الشمالیة"), search.normalize("كوريا الشمالية"));
//!
//! // Rules are plain data: start from a preset and switch what you need.
//! let config = sarf::NormalizerConfig { teh_marbuta: false, ..Preset::Search.config() };
//! assert_eq!(Normalizer::new(config).normalize("مدرسة"), "مدرسة");
//! ```
//!
//! # The main types
//!
//! * [`NormalizerConfig`]: one field per rule, serde-ready (TOML or JSON,
//!   unknown keys rejected), with [`Preset`]s `search` (default), `nlp` and
//!   `display`.
//! * [`Normalizer`]: the compiled, immutable, `Send + Sync` engine. Its
//!   [`normalize`](Normalizer::normalize) returns a borrowed `Cow` when
//!   nothing changes; [`normalize_into`](Normalizer::normalize_into) appends
//!   to a reused buffer; [`trace`](Normalizer::trace) and
//!   [`normalize_counting`](Normalizer::normalize_counting) tell which
//!   [`Rule`] changed what; [`normalize_with_offsets`](Normalizer::normalize_with_offsets)
//!   returns an [`OffsetMap`] from output offsets back to the input.
//! * [`tokenize::tokenize`]: zero-copy tokens with byte offsets.
//! * [`Stemmer`]: lexicon-guided light stemming (or light10), with
//!   [`Lexicons`] compiled to FSTs and embedded; [`Analyzer`]: tokenize,
//!   normalize and stem raw text in one pass, offsets into the original.
//! * [`bulk`]: many documents in parallel, in order; large inputs in blocks
//!   of whole lines. [`jsonl`]: rewriting named fields of JSON Lines.
//! * [`chars`]: every code point the rules name, with its Unicode name.
//!
//! ```
//! use sarf::{Analyzer, Stemmer};
//!
//! let stems: Vec<String> = Analyzer::default()
//!     .analyze("وقرأ الطلابُ كتبَهم في المكتبات")
//!     .into_iter()
//!     .map(|t| t.stem.into_owned())
//!     .collect();
//! assert_eq!(stems, ["قرا", "طالب", "كتاب", "في", "مكتبه"]);
//! ```
//!
//! # Features
//!
//! `cli` (default): the `sarf` binary and its dependencies (clap, flate2,
//! zstd, indicatif). Library users can set `default-features = false`.
//!
//! `tantivy`: a tantivy tokenizer and token filter in `sarf::tantivy` (module
//! docs there), written against `tantivy-tokenizer-api` alone.
//!
//! Python bindings (PyO3, built with maturin) live in the repository's
//! `python/` folder; see the README.
//!
//! # The rules
//!
//! | rule | what it does | search | nlp | display |
//! |---|---|---|---|---|
//! | `diacritics` | tanween, harakat, shadda, sukun U+064B..U+0652 and marks U+0653..U+065F: `strip`, `keep_shadda`, `classic` (U+064B..U+0652 only), `keep` | strip | strip | keep |
//! | `quranic_marks` | honorific and Quranic marks U+0610..U+061A, U+06D6..U+06DC, U+06DF..U+06E8, U+06EA..U+06ED, U+08D3..U+08E1, U+08E3..U+08FF | ✓ | ✓ | |
//! | `superscript_alef` | U+0670: `strip`, `keep`, `full_alef`, `plain_spelling` (word-level, as plain spelling writes it; `quran`) | strip | strip | keep |
//! | `hamza_seats` | Uthmani: U+0621 with a vowel and U+0654 on U+0640 written on the seat plain spelling uses; ءا → آ (word-level; `quran`) | | | |
//! | `small_letters` | Uthmani: U+06E5 U+06E6 U+06E7 U+06E8 → و ي ي ن, dropped after a final pronoun ه (word-level; `quran`) | | | |
//! | `article_lam` | Uthmani: ٱلّ before lam gets its lam back (ٱلَّيل → الليل; not الذي التي الذين) (word-level; `quran`) | | | |
//! | `tatweel` | strips U+0640 | ✓ | ✓ | ✓ |
//! | `compose` | U+0627 U+0654 → U+0623 and the other canonical pairs | ✓ | ✓ | ✓ |
//! | `alef` | → U+0627: `all` (U+0622 U+0623 U+0625 U+0671 U+0672 U+0673 U+0675), `hamza_madda_wasla` (the first four), `hamza_madda` (the first three), `keep`; `true`/`false` mean `all`/`keep` | all | all | keep |
//! | `alef_maksura` | U+0649 ↔ yeh: `keep`, `to_yeh`, `to_alef_maksura` | to_yeh | keep | keep |
//! | `yeh_lookalikes` | U+06CC U+06D0 U+06CD U+0620 U+06D2 (U+06D3) → yeh | ✓ | ✓ | ✓ |
//! | `teh_marbuta` | U+0629 → U+0647 | ✓ | | |
//! | `heh_lookalikes` | U+06C0 U+06C1 U+06C2 U+06C3 U+06D5 U+06BE → U+0647 | ✓ | ✓ | ✓ |
//! | `kaf_lookalikes` | U+06A9 U+06AA → kaf | ✓ | ✓ | ✓ |
//! | `persian_letters` | گ پ چ ژ ڤ → ك ب ج ز ف | | | |
//! | `hamza_carriers` | U+0624 → waw, U+0626 → yeh | | | |
//! | `lone_hamza` | strips U+0621 | | | |
//! | `digits` | U+0660.., U+06F0.. and U+066B/U+066C: `keep`, `ascii`, `arabic_indic` | ascii | ascii | keep |
//! | `presentation_forms` | U+FB50..U+FDFF, U+FE70..U+FEFE → letters (NFKC of those blocks only) | ✓ | ✓ | ✓ |
//! | `format_controls` | strips ALM, LRM, RLM, ZWJ, embeddings, isolates, word joiner, BOM, soft hyphen | ✓ | ✓ | ✓ |
//! | `zwnj` | U+200C: `strip`, `keep`, `space` | strip | strip | keep |
//! | `elongation` | a run of three or more of the same Arabic letter → one (جمييييل → جميل; doubles stay) | ✓ | | |
//! | `punctuation` | ، ؛ ؟ ٪ ۔ ٭ → , ; ? % . * | | | |
//! | `script` | target of the look-alike folds: `arabic` or `persian` | arabic | arabic | arabic |
//! | `unicode` | whole-text `nfc` or `nfkc` before the rules (implies `compose`) | none | none | none |
//!
//! # Compatibility presets
//!
//! Two more presets reproduce, character for character, the tools people
//! migrate from; `tests/it/compat.rs` checks each against a line-by-line
//! transcription of the tool's published source, on hand-written cases and
//! on random text.
//!
//! * `lucene`: Lucene's `ArabicNormalizer` (org.apache.lucene.analysis.ar):
//!   `diacritics = "classic"`, `tatweel`, `alef = "hamza_madda"`,
//!   `alef_maksura = "to_yeh"`, `teh_marbuta`, and nothing else, with no
//!   composition (Lucene looks at one `char` at a time, so U+0627 U+0654
//!   stays as written). [`StemMode::Lucene`] is Lucene's `ArabicStemmer`;
//!   `sarf stem --preset lucene` uses both. Lucene's `ArabicAnalyzer` also
//!   lower-cases, folds decimal digits to ASCII and drops its own stopword
//!   list, in separate filters; those are not part of the preset (set
//!   `digits = "ascii"` for the digit fold).
//! * `camel`: CAMeL Tools' `dediac_ar` (U+064B..U+0652 and U+0670), then
//!   `normalize_alef_ar` (U+0622 U+0623 U+0625 U+0671), `normalize_alef_maksura_ar`
//!   and `normalize_teh_marbuta_ar`: `diacritics = "classic"`,
//!   `superscript_alef = "strip"`, `alef = "hamza_madda_wasla"`,
//!   `alef_maksura = "to_yeh"`, `teh_marbuta`. Tatweel is kept, as `dediac_ar`
//!   keeps it.
//!
//! # Quranic text
//!
//! The `quran` preset reads Uthmani script (the printed Qurans' spelling,
//! as in the King Fahd Complex and Tanzil editions) as plain (imla'i)
//! spelling, then folds as `search`: ٱلۡعَٰلَمِينَ → العالمين,
//! ٱلصَّلَوٰةَ → الصلاه, ءَامَنُواْ → امنوا, شَيۡـًٔا → شيئا, ٱلَّيۡلِ → الليل.
//! Its four word-level rules read the diacritics around each letter, so they
//! run before the character rules strip them; text in plain spelling comes
//! out as `search` gives it, so one index holds both. See
//! [`normalize::uthmani`] for each rule.
//!
//! ```
//! use sarf::{Normalizer, Preset};
//!
//! let quran = Normalizer::from_preset(Preset::Quran);
//! assert_eq!(quran.normalize("ذَٰلِكَ ٱلۡكِتَٰبُ"), "ذلك الكتاب");
//! assert_eq!(quran.normalize("ذلك الكتاب"), "ذلك الكتاب");
//! ```
//!
//! Text in other scripts passes through byte for byte unless `unicode` asks
//! for NFC or NFKC. Every rule's output is final under the same
//! configuration, so normalizing twice gives the result of normalizing once.
//!
//! # What is lost
//!
//! Each fold conflates words that differ; that is its point for search and
//! its cost elsewhere.
//!
//! * `diacritics`: vocalisation. عَلَّمَ (he taught) and عَلِمَ (he knew) both
//!   become علم; `keep_shadda` keeps the doubling that tells many pairs apart.
//! * `quranic_marks`: recitation and pause marks; the letters remain.
//! * `superscript_alef`: `strip` loses the long vowel of هٰذا and الرحمٰن;
//!   `plain_spelling` loses the Uthmani spelling itself (الصلوٰة and الصلاة
//!   become one word, as do السمٰوٰت and السماوات).
//! * `hamza_seats`: the Uthmani seatless hamza (شيـًٔا and شيئا meet); where
//!   plain spellings differ (مسئول / مسؤول) one is chosen.
//! * `small_letters`: the small size of the letters, which marks them as
//!   added by the editors; the pronoun's long vowel (بهِۦ).
//! * `article_lam`: the one-lam spelling of ٱلَّيل.
//! * `tatweel`: only the visual stretching; nothing linguistic.
//! * `alef`: the hamza and its seat: أمل (hope) and امل collapse, إن and أن
//!   become ان.
//! * `alef_maksura`: على (on) and علي (Ali) become one word.
//! * `teh_marbuta`: the feminine ending and the pronoun ending meet: مدرسة
//!   (school) and مدرسه (his teacher) become one word.
//! * `yeh_lookalikes`, `kaf_lookalikes`, `heh_lookalikes`: distinctions that
//!   matter in Persian, Urdu, Pashto and Kurdish orthography (ە is a vowel in
//!   Kurdish); folding is right for Arabic-language search.
//! * `persian_letters`: the sounds g, p, ch, zh, v.
//! * `hamza_carriers`, `lone_hamza`: سؤال/سوال, بئر/بير, سماء/سما.
//! * `digits`: the digit shapes of the source; values are kept.
//! * `presentation_forms`: only glyph-shape encoding; symbols with no
//!   decomposition (U+FDFD ﷽) stay.
//! * `format_controls`, `zwnj`: display direction hints and, for ZWNJ, the
//!   Persian half-space inside words (می‌خواهم becomes میخواهم).
//! * `elongation`: the emphasis of a stretched word (جمييييل), and a letter
//!   a typo tripled (للليبيين becomes ليبيين, not لليبيين).
//! * `punctuation`: the Arabic shapes of six marks.
//!
//! # Speed
//!
//! The engine scans bytes, skips ASCII, looks each character of
//! U+0600..U+06FF up in a table compiled from the configuration, and copies
//! untouched runs in bulk; see `BENCHMARKS.md` for measured throughput.
#![deny(missing_docs)]

pub mod analyze;
pub mod bulk;
pub mod chars;
mod error;
mod hash;
pub mod jsonl;
mod memo;
pub mod normalize;
pub mod simd;
pub mod stem;
#[cfg(feature = "tantivy")]
pub mod tantivy;
pub mod tokenize;
pub mod translit;

pub use analyze::{AnalyzedToken, Analyzer, TokenRef};
pub use error::{Error, ErrorKind};
pub use memo::{DEFAULT_MEMO_BYTES, memo_bytes, set_memo_bytes};
pub use normalize::Normalizer;
pub use normalize::config::{
    Alef, AlefMaksura, Diacritics, Digits, NormalizerConfig, Preset, Script, SuperscriptAlef,
    UnicodeForm, Zwnj,
};
pub use normalize::report::{Change, OffsetMap, RuleCounts, Trace};
pub use normalize::rules::Rule;
pub use simd::SimdLevel;
pub use stem::lexicons::{LexiconFiles, Lexicons};
pub use stem::{Analysis, Decision, StemMode, Stemmer, StemmerConfig};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizer_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<Normalizer>();
        assert_traits::<NormalizerConfig>();
    }
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
