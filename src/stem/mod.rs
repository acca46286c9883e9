//! Stemming: reducing a normalized word to a stem that search and NLP
//! pipelines can match on.
//!
//! Four modes:
//!
//! * `lexicon` (the default) generates every legal split of the word into
//!   proclitics (و ف ب ك ل س ال and their combinations), a stem and
//!   enclitics or endings (pronouns ه ها هم ك كم ي نا..., number and gender
//!   ان ين ون ات تان تين..., and و, the plural in construct, after a
//!   participle: مسؤولو), and keeps the longest stem the lexicons
//!   support: for each split, the singular in ة of a plural in ات first,
//!   then an exception (a broken plural, the feminine or plural of an
//!   elative, a verb form that loses a letter of its lemma: كتب, الكبرى,
//!   كنت → كتاب, اكبر, كان), then a known stem, then a verb form mapped to
//!   its lemma. A stem ending in ت before a suffix is also tried with its
//!   teh marbuta restored (مدرسته → مدرسة). A nisba adjective
//!   the lexicons do not list stems to its noun (عسكرية, عسكريين →
//!   عسكر), a hollow imperfect with ت to its verb (تقول → قال), and a verb
//!   lemma never stands for a shorter word (في stays في). Protected words
//!   pass through; stopwords keep their letters unless they inflect
//!   another stopword (كانت → كان), and are flagged either way
//!   ([`Analysis::stopword`]). A word no lexicon supports gets a
//!   conservative cut (the article, then a plural, dual or two-letter
//!   pronoun ending) that keeps at least `min_stem_len` characters.
//! * `surface` makes the cuts of `lexicon` and maps nothing to a lemma: a
//!   verb form, an exception or an inflected stopword keeps its letters,
//!   less its affixes (تؤمنون → تؤمن, الكتب → كتب); the default after the
//!   `quran` preset.
//! * `light` is light10 exactly as Larkey, Ballesteros and Connell describe
//!   it, as a baseline: و when three characters remain, then the first of
//!   ال وال بال كال فال لل that leaves two, then each of ها ان ات ون ين يه
//!   ية ه ة ي in turn while two remain.
//! * `lucene` is Lucene's ArabicStemmer exactly, for indexes migrating from
//!   Elasticsearch, OpenSearch or Solr: the first of ال وال بال كال فال لل و
//!   that matches (و when the word has at least four characters, the others
//!   when two would remain), then each of ها ان ات ون ين يه ية ه ة ي in turn
//!   while two would remain. Lengths count UTF-16 code units, as Java does.
//!   It works on the word as given (no key form, no lexicon, no stopword
//!   pass-through), so pair it with the `lucene` normalizer preset.
//!
//! Input words should be normalized (any preset); the stemmer looks them up
//! in the lexicons' key form (the `search` preset's folding), and stems come
//! out in that form, so that words normalized by different presets meet.

mod affixes;
mod analysis;
pub mod lexicons;
mod light;
pub(crate) mod memo;
mod stopwords;

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use self::affixes::*;
pub use self::analysis::{Analysis, Decision};
use self::analysis::{owned, split, whole};
// In key form, ALEF stands for every alef variant, YEH for alef maksura
// too, and HEH for teh marbuta too.
use self::lexicons::{KEY_NORMALIZER, LexiconFiles, Lexicons};
use self::light::{light10, lucene};
use crate::chars::{ALEF, HEH, LAM, WAW, YEH};
use crate::error::Error;
use crate::hash::{hash, hash_joined};

/// How the stemmer cuts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StemMode {
    /// light10 (Larkey et al.), the classic baseline.
    Light,
    /// Lexicon-guided light stemming (the default).
    #[default]
    Lexicon,
    /// Lucene's ArabicStemmer, character for character.
    Lucene,
    /// The lexicon stemmer's cuts with nothing mapped to a lemma: the stem
    /// is the word less the proclitics and suffixes the lexicons confirm
    /// (تؤمنون → تؤمن, not امن; الكتب → كتب, not كتاب; كانت stays whole).
    /// Spelling is still restored (مدرسته → مدرسه, مدرسات → مدرسه). Terms
    /// keep more of the word, which favours exact-word search over text
    /// whose forms repeat, as verse search in the Quran does (the default
    /// with the `quran` preset; see BENCHMARKS.md).
    Surface,
}

impl StemMode {
    /// Every mode, the default first.
    pub const ALL: [StemMode; 4] =
        [StemMode::Lexicon, StemMode::Light, StemMode::Lucene, StemMode::Surface];

    /// The mode that goes with a normalizer preset by default: Lucene's
    /// stemmer after Lucene's normalizer (as its ArabicAnalyzer runs them),
    /// `surface` after `quran`, the lexicon stemmer after any other. The
    /// command line, the Python module and the tantivy tokenizer all choose
    /// by this.
    pub fn for_preset(preset: crate::Preset) -> StemMode {
        match preset {
            crate::Preset::Lucene => StemMode::Lucene,
            crate::Preset::Quran => StemMode::Surface,
            _ => StemMode::Lexicon,
        }
    }

    /// The mode's name in config files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            StemMode::Lexicon => "lexicon",
            StemMode::Light => "light",
            StemMode::Lucene => "lucene",
            StemMode::Surface => "surface",
        }
    }
}

/// The stemmer's configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StemmerConfig {
    /// The mode. Default: `lexicon`.
    pub mode: StemMode,
    /// The fewest characters a rule-based cut may leave (stems the
    /// lexicons know may be shorter, down to two). Default: 3.
    pub min_stem_len: usize,
    /// Lexicon files replacing the embedded ones. Default: none.
    #[serde(flatten)]
    pub lexicons: LexiconFiles,
}

impl Default for StemmerConfig {
    fn default() -> Self {
        StemmerConfig {
            mode: StemMode::Lexicon,
            min_stem_len: 3,
            lexicons: LexiconFiles::default(),
        }
    }
}

/// One split of a word: `key[start..end]` is the stem, `len` characters
/// long as splits are ordered (see `Stemmer::lexicon`), `hash` its hash
/// (computed once for both passes).
#[derive(Clone, Copy, Default)]
struct Candidate {
    hash: u64,
    start: u16,
    end: u16,
    len: u8,
    /// Only tried after every other split (the accusative alef, the
    /// construct plural و, the preposition ك alone).
    weak: bool,
    /// Among splits of the same length: 0 for most, 1 before the
    /// accusative alef, 2 after a preposition (ب ك ل, and so also the
    /// article's ل) or the future س, 3 for a stem starting like the
    /// article under a pronoun or verb ending.
    /// و + قرا (a verb in hamza) comes before وقر + ا, and بحث + ا before
    /// ب + حثا (a preposition never precedes a verb) and سياسي + ا before
    /// س + ياسيا.
    rank: u8,
    /// After the future particle: a verb.
    verb: bool,
    /// After the article: a noun or adjective, never a verb form.
    noun: bool,
    /// Whether the stem may be a known stem, an exception or a verb form
    /// (see [`Lexicons::may_be_listed`]); if not, no lookup of it can
    /// succeed.
    listed: bool,
}

/// Words longer than this (in bytes) get only the fallback cut: no real
/// word comes near it, and it keeps candidate offsets small.
const MAX_LEXICON_WORD: usize = 128;

/// A stemmer: immutable, `Send + Sync`, cheap to clone.
///
/// In lexicon mode, the words a stemmer is called on are remembered in a
/// per-thread memo keyed by the word's key form (by default 4 MiB per
/// thread that stems, see [`set_memo_bytes`](crate::set_memo_bytes);
/// allocated on first use and shared by the stemmers of the same settings
/// on that thread, others seeing only their own answers; an
/// [`Analyzer`](crate::Analyzer) keeps its own); a remembered answer is
/// exactly the computed one.
///
/// ```
/// use sarf::{Normalizer, Stemmer};
///
/// let normalizer = Normalizer::default();
/// let stemmer = Stemmer::default();
/// let stem = |w: &str| stemmer.stem(&normalizer.normalize(w)).into_owned();
/// assert_eq!(stem("والكتاب"), "كتاب");
/// assert_eq!(stem("كتابها"), "كتاب");
/// assert_eq!(stem("مدرستهم"), "مدرسه");  // teh marbuta restored, in key form
/// assert_eq!(stem("وزير"), "وزير");       // light10 would cut it to زير
/// assert_eq!(stem("الكتب"), "كتاب");      // a broken plural, by exception
/// assert_eq!(stem("وكنا"), "كان");        // a verb form that lost a letter
/// ```
#[derive(Clone, Debug)]
pub struct Stemmer {
    config: StemmerConfig,
    lexicons: Arc<Lexicons>,
    /// Identifies this stemmer's entries in the per-thread cache (clones
    /// and stemmers of the same settings share it: they compute the same
    /// answers).
    id: u64,
}

impl Default for Stemmer {
    /// Lexicon mode with the embedded lexicons.
    fn default() -> Self {
        Stemmer::from_parts(StemmerConfig::default(), Lexicons::embedded())
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn is_arabic(word: &str) -> bool {
    word.chars()
        .any(|c| ('\u{0620}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c))
}

impl Stemmer {
    /// Builds a stemmer, loading any lexicon files the config names.
    pub fn new(config: StemmerConfig) -> Result<Stemmer, Error> {
        let lexicons = if config.lexicons == LexiconFiles::default() {
            Lexicons::embedded()
        } else {
            Arc::new(Lexicons::load(&config.lexicons)?)
        };
        Ok(Stemmer::from_parts(config, lexicons))
    }

    fn from_parts(config: StemmerConfig, lexicons: Arc<Lexicons>) -> Stemmer {
        let id = memo::owner(&config, &lexicons);
        Stemmer { config, lexicons, id }
    }

    /// The identity of this stemmer's memo entries if stemmers of the same
    /// settings share it (not with lexicons loaded from files).
    pub(crate) fn shared_memo_owner(&self) -> Option<u64> {
        Lexicons::are_embedded(&self.lexicons).then_some(self.id)
    }

    /// A stemmer in `mode` with the embedded lexicons.
    pub fn with_mode(mode: StemMode) -> Stemmer {
        Stemmer::from_parts(
            StemmerConfig { mode, ..StemmerConfig::default() },
            Lexicons::embedded(),
        )
    }

    /// The configuration.
    pub fn config(&self) -> &StemmerConfig {
        &self.config
    }

    /// The lexicons in use.
    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    /// The stem of a normalized word; never empty for a non-empty word.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        self.analyze(word).stem
    }

    /// Whether `word` (normalized) is a stopword, possibly after و or ف.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.is_stopword_in(word, false)
    }

    /// [`is_stopword`](Self::is_stopword); `key_form` says the word is
    /// already in the lexicons' key form (normalized with `search`).
    pub(crate) fn is_stopword_in(&self, word: &str, key_form: bool) -> bool {
        let key = if key_form { Cow::Borrowed(word) } else { KEY_NORMALIZER.normalize(word) };
        self.stopword_split(&key).is_some()
    }

    /// The full analysis of a normalized word.
    pub fn analyze<'a>(&self, word: &'a str) -> Analysis<'a> {
        self.analyze_in(word, false, true)
    }

    /// [`analyze`](Self::analyze); `key_form` says the word is already in
    /// the lexicons' key form, which the [`Analyzer`](crate::Analyzer)
    /// knows when its normalizer is the `search` preset, and `memoized`
    /// whether this thread's stemmer memo answers and remembers. (An
    /// analyzer remembers its tokens in its own memo, keyed by the token as
    /// written: the stemmer's would hold the same words a second time.)
    pub(crate) fn analyze_in<'a>(
        &self,
        word: &'a str,
        key_form: bool,
        memoized: bool,
    ) -> Analysis<'a> {
        if self.config.mode == StemMode::Lucene {
            return lucene(word);
        }
        let key = if key_form { Cow::Borrowed(word) } else { KEY_NORMALIZER.normalize(word) };
        if chars(&key) < 2 || !is_arabic(&key) {
            return whole(Cow::Borrowed(word), Decision::Unchanged);
        }
        let analysis = match self.config.mode {
            // Lexicon analyses are memoized, stopword answers included, so
            // a repeated word costs one hash probe.
            StemMode::Lexicon | StemMode::Surface => match memoized
                .then(|| memo::recall(self.id, &key))
                .flatten()
            {
                Some(entry) if entry.decision == Decision::Stopword => {
                    return whole(Cow::Borrowed(word), Decision::Stopword).with_stopword(true);
                }
                Some(entry) => Analysis {
                    prefix: Cow::Borrowed(&key[..entry.prefix_len]),
                    stem: match entry.stem {
                        Some(stem) => Cow::Owned(stem),
                        None => Cow::Borrowed(&key[entry.prefix_len..key.len() - entry.suffix_len]),
                    },
                    suffix: Cow::Borrowed(&key[key.len() - entry.suffix_len..]),
                    decision: entry.decision,
                    stopword: entry.stopword,
                },
                None => {
                    let analysis = if self.stopword_split(&key).is_some() {
                        self.stopword_stem(&key)
                    } else {
                        self.lexicon(&key)
                    };
                    let owned_stem = match &analysis.stem {
                        Cow::Borrowed(_) => None,
                        Cow::Owned(stem) => Some(stem.as_str()),
                    };
                    if memoized {
                        memo::put(
                            self.id,
                            &key,
                            memo::Entry {
                                prefix_len: analysis.prefix.len(),
                                suffix_len: analysis.suffix.len(),
                                stem: owned_stem,
                                decision: analysis.decision,
                                stopword: analysis.stopword,
                            },
                        );
                    }
                    if analysis.decision == Decision::Stopword {
                        return whole(Cow::Borrowed(word), Decision::Stopword).with_stopword(true);
                    }
                    analysis
                }
            },
            // light10 costs less than a cache lookup.
            StemMode::Light => {
                if self.stopword_split(&key).is_some() {
                    return whole(Cow::Borrowed(word), Decision::Stopword).with_stopword(true);
                }
                light10(&key)
            }
            StemMode::Lucene => unreachable!("handled above"),
        };
        match &key {
            Cow::Borrowed(_) => analysis.rebind(word),
            Cow::Owned(owned) => analysis.into_owned_from(owned),
        }
    }

    /// Lexicon-guided stemming of a key; the result borrows from `key` or
    /// owns a lexicon entry.
    fn lexicon<'k>(&self, key: &'k str) -> Analysis<'k> {
        let lex = &*self.lexicons;
        // Protected, possibly after a conjunction or preposition, unless
        // the whole word is a known stem: باب (door) is not ب + اب (father).
        let clitics =
            prefixes_starting_like(key).iter().filter(|(_, kind)| *kind == PrefixKind::Clitic);
        let mut whole_is_stem = None;
        for &(prefix, _) in std::iter::once(&("", PrefixKind::Clitic)).chain(clitics) {
            if has_prefix(key, prefix)
                && lex.is_protected(&key[prefix.len()..])
                && (prefix.is_empty() || !*whole_is_stem.get_or_insert_with(|| lex.is_stem(key)))
            {
                return split(key, prefix.len(), key.len(), Decision::Protected);
            }
        }
        // A name listed with its article after the preposition ل, which
        // writes ل + ال as لل (للعراق, ولليمن: العراق, اليمن).
        if let Some(proclitics) = LAM_ARTICLES.iter().find(|p| has_prefix(key, p)) {
            let rest = &key[proclitics.len()..];
            if chars(rest) >= 2 && lex.is_protected_joined(ARTICLE, rest) {
                // The prefix is the conjunction and ل; the stem, the name.
                let start = proclitics.len() - LAM.len_utf8();
                let name = format!("{ARTICLE}{rest}");
                return owned(key, start, key.len(), name, Decision::Protected);
            }
        }
        if key.len() > MAX_LEXICON_WORD {
            return self.fallback(key);
        }
        // Every legal split, longest stem first. The affixes that match
        // are found once; their combinations are then checked for legality.
        let mut prefixes = [("", PrefixKind::Clitic); 8];
        let mut n_prefixes = 1;
        for &(prefix, kind) in prefixes_starting_like(key) {
            if n_prefixes < prefixes.len() && has_prefix(key, prefix) {
                prefixes[n_prefixes] = (prefix, kind);
                n_prefixes += 1;
            }
        }
        // The suffixes a word ends with have different lengths, of one to
        // six letters: with "no suffix", at most seven.
        let mut suffixes: [Option<&Suffix>; 8] = [None; 8];
        let mut n_suffixes = 1;
        for suffix in suffixes_of(key) {
            if n_suffixes < suffixes.len() {
                suffixes[n_suffixes] = Some(suffix);
                n_suffixes += 1;
            }
        }
        let mut candidates = [Candidate::default(); 64];
        let mut n = 0;
        for &(prefix, kind) in &prefixes[..n_prefixes] {
            let after = &key[prefix.len()..];
            if kind == PrefixKind::Future && !starts_imperfect(after) {
                continue;
            }
            for suffix in &suffixes[..n_suffixes] {
                let (text, weak) = match suffix {
                    Some(s) if kind == PrefixKind::Article && !s.after_article => continue,
                    Some(s) => (s.text.as_str(), s.weak),
                    None => ("", false),
                };
                if after.len() <= text.len() || n == candidates.len() {
                    continue;
                }
                let stem = &after[..after.len() - text.len()];
                // The accusative alef (عاما, سياسيا, قانونا) competes with
                // the other splits by length, except after ه: tanween on
                // teh marbuta is written without alef, so there ا is the
                // start of the pronoun ها (كتابها is not كتابه + ا).
                let weak = weak && (text != WEAK_SUFFIX || stem.ends_with(TEH_MARBUTA_KEY));
                let len = chars(stem);
                if text == CONSTRUCT_PLURAL && !is_participle(stem) {
                    continue;
                }
                if len >= 2 {
                    let start = prefix.len() as u16;
                    let end = start + stem.len() as u16;
                    let verb = kind == PrefixKind::Future;
                    // The preposition ك alone is tried after every other
                    // split: most words that start with ك have it as a
                    // root letter (كان كل كامل كشف), and a known stem
                    // after it is then a misreading (كانوا as ك + انوا).
                    let weak = weak || prefix == KAF;
                    let hash = hash(stem.as_bytes());
                    let listed = lex.may_be_listed(hash);
                    // After the article: a noun or adjective, never a
                    // verb form (الحوثيين is not ال + a form of حاث).
                    let noun = kind == PrefixKind::Article;
                    // A word that starts like the article mostly has it.
                    // A stem that starts like the article under a noun
                    // ending is ordered as if the article were cut, so
                    // that it yields to the article's reading of a longer
                    // or the same stem (الدين is ال + دين, not الد + ين;
                    // العليا is ال + عليا, as the accusative alef never
                    // follows the article) and wins where that reading is
                    // unknown (الفين). Under a pronoun or verb ending, which
                    // the article never meets, it yields to the article's
                    // reading of the same length only (الفني is ال + فني,
                    // not الف + ني), as the longer stem is then mostly a
                    // verb of the form افتعل (التزمت is التزم + ت).
                    let article_like = prefix.is_empty() && has_prefix(stem, ARTICLE);
                    let after_article = suffix.map(|s| s.after_article);
                    // The article's reading is the rest of the word, of
                    // three letters or more (آلته is آلة + ه: ته is no
                    // stem).
                    let article_reading = chars(after) >= chars(ARTICLE) + 3;
                    let len = if article_like && after_article == Some(true) && article_reading {
                        len - chars(ARTICLE)
                    } else {
                        len
                    };
                    let article_and_pronoun = article_like && after_article == Some(false);
                    let rank = if article_and_pronoun {
                        3
                    } else if text == WEAK_SUFFIX {
                        1
                    } else if prefix.contains(['\u{0628}', '\u{0643}', '\u{0644}', '\u{0633}']) {
                        2 // ب ك ل س
                    } else {
                        0
                    };
                    candidates[n] = Candidate {
                        hash,
                        start,
                        end,
                        len: len as u8,
                        weak,
                        rank,
                        verb,
                        noun,
                        listed,
                    };
                    n += 1;
                }
            }
        }
        let candidates = &mut candidates[..n];
        // Stable: among equals, fewer proclitics first.
        candidates.sort_by_key(|c| (c.weak, std::cmp::Reverse(c.len), c.rank));
        // First pass: exceptions and stems (and, after the future particle,
        // verb forms), longest stem first. Each lookup is one probe of a
        // hash table built from the FST, so a miss costs a hash and a load.
        for c in candidates.iter() {
            let (start, end) = (c.start as usize, c.end as usize);
            let (stem, hash) = (&key[start..end], c.hash);
            // The feminine plural ات replaces teh marbuta (مكتبات is the
            // plural of مكتبة, not of مكتب): its singular comes first, before
            // an exception on the letters before ات (مطالبات is the plural
            // of مطالبة, not of the broken plural مطالب).
            if has_prefix(&key[end..], FEMININE_PLURAL) {
                let with_teh_marbuta = hash_joined(stem.as_bytes(), TEH_MARBUTA_KEY.as_bytes());
                if lex.may_be_stem(with_teh_marbuta) {
                    let singular = format!("{stem}{TEH_MARBUTA_KEY}");
                    if self.is_content_stem(&singular, with_teh_marbuta) {
                        return owned(key, start, end, singular, Decision::KnownStem);
                    }
                }
            }
            if c.listed {
                if c.verb
                    && let Some(lemma) = self.verb_lemma(stem, hash, key)
                {
                    return self.lemma_of(key, start, end, lemma, Decision::VerbForm);
                }
                // An exception form ending in ت before a pronoun yields to
                // teh marbuta, read below (علته is علة + ه, not the verb
                // علت + ه).
                let teh_marbuta = || {
                    end < key.len()
                        && !stem.ends_with(FEMININE_PLURAL)
                        && self
                            .with_teh_marbuta(stem)
                            .is_some_and(|(restored, h)| self.is_content_stem(&restored, h))
                };
                if let Some(target) = lex.exception_hashed(stem, hash)
                    && !teh_marbuta()
                {
                    return self.lemma_of(key, start, end, target, Decision::Exception);
                }
            }
            if c.listed && self.is_content_stem(stem, hash) {
                if let Some(lemma) = self.imperfect_lemma(stem, hash) {
                    return self.lemma_of(key, start, end, lemma, Decision::VerbForm);
                }
                return split(key, start, end, Decision::KnownStem);
            }
            if let Some(noun) = self.nisba_noun(stem) {
                return match noun {
                    Cow::Borrowed(noun) => split(key, start, start + noun.len(), Decision::Nisba),
                    Cow::Owned(noun) => owned(key, start, end - NISBA.len(), noun, Decision::Nisba),
                };
            }
            // Teh marbuta written ت before a suffix: مدرست|ه → مدرسه.
            if end < key.len()
                && let Some((restored, restored_hash)) = self.with_teh_marbuta(stem)
            {
                // A plural in ة (الويه) is also an exception entry.
                if let Some(target) = lex.exception_hashed(&restored, restored_hash) {
                    let lemma =
                        if self.config.mode == StemMode::Surface { &restored } else { target };
                    return owned(key, start, end, lemma.to_string(), Decision::Exception);
                }
                if self.is_content_stem(&restored, restored_hash) {
                    return owned(key, start, end, restored, Decision::KnownStem);
                }
            }
        }
        // Second pass: verb forms. After the stems, so that a noun never
        // reads as a verb (and a known stem under a past-tense ت beats a
        // longer verb form: وأكدت is و + أكد + ت).
        for c in candidates.iter().filter(|c| c.listed && !c.noun) {
            let (start, end) = (c.start as usize, c.end as usize);
            let stem = &key[start..end];
            if let Some(lemma) = self.verb_lemma(stem, c.hash, key) {
                return self.lemma_of(key, start, end, lemma, Decision::VerbForm);
            }
        }
        self.fallback(key)
    }

    /// `stem` with its last letter ت written as teh marbuta, and that
    /// form's hash, if a lexicon may list it (مدرست → مدرسه): what ت is
    /// before a suffix.
    fn with_teh_marbuta(&self, stem: &str) -> Option<(String, u64)> {
        let base = stem.strip_suffix(TEH)?;
        let hash = hash_joined(base.as_bytes(), TEH_MARBUTA_KEY.as_bytes());
        self.lexicons.may_be_stem(hash).then(|| (format!("{base}{TEH_MARBUTA_KEY}"), hash))
    }

    /// The split of `key` whose stem `key[start..end]` has the lemma
    /// `lemma` (a verb's past, a broken plural's singular): the lemma, or
    /// in `surface` mode the stem as written.
    fn lemma_of<'k>(
        &self,
        key: &'k str,
        start: usize,
        end: usize,
        lemma: &str,
        decision: Decision,
    ) -> Analysis<'k> {
        if self.config.mode == StemMode::Surface {
            split(key, start, end, decision)
        } else {
            owned(key, start, end, lemma.to_string(), decision)
        }
    }

    /// Whether `stem`, hashed `hash`, is a known stem that does not also
    /// read as a preposition or particle with a pronoun (انه, فيه): such a
    /// word is a stopword, so a stem there is a misreading that would meet
    /// it (انهت is انهي + ت, not أنه + ت; انات is not to meet أنه).
    fn is_content_stem(&self, stem: &str, hash: u64) -> bool {
        self.lexicons.is_stem_hashed(stem, hash) && host_and_pronoun(stem) != Some(0)
    }

    /// The lemma of `stem` read as the imperfect of a hollow verb when it
    /// is also a known noun of the form-V pattern تفعّل: ت, the first
    /// letter, the long vowel و or ي that the imperfect writes, the last
    /// letter (تقول, تكون, تقوم: قال, كان, قام; the nouns are تقوّل,
    /// تكوّن, تقوّم). Without short vowels the two are the same letters,
    /// and in running text the imperfect ("she is", "you say") is far the
    /// commoner. The same shape with a sound verb (تعقد: عقد or تعقّد) is
    /// left to the lexicon: there the form-V verb and its noun (تعرف,
    /// تجمع, توقع) are common too, and reading them as imperfects cost as
    /// much precision as it won recall on treebank text.
    fn imperfect_lemma(&self, stem: &str, hash: u64) -> Option<&str> {
        let mut letters = stem.chars();
        let (Some(TEH), Some(first), Some(WAW | YEH), Some(last), None) =
            (letters.next(), letters.next(), letters.next(), letters.next(), letters.next())
        else {
            return None;
        };
        // ه last is teh marbuta in key form: a noun (تلوه, تلوة).
        if last == HEH {
            return None;
        }
        let lemma = self.lexicons.verb_lemma_hashed(stem, hash)?;
        let mut radicals = lemma.chars();
        let hollow = radicals.next() == Some(first)
            && radicals.next() == Some(ALEF)
            && radicals.next() == Some(last)
            && radicals.next().is_none();
        hollow.then_some(lemma)
    }

    /// The lemma of `stem` (hashed `hash`) read as a verb form of the word
    /// `key`: none when the lemma would be longer than the word (see
    /// [`fits`]) or would read as a preposition with a pronoun (معك, see
    /// [`Self::is_content_stem`]); a form-V hollow lemma that reads as an
    /// imperfect (تبول, from اتبول) goes on to the form-I verb (بال), as
    /// the word تبول itself does, so that every stem the lexicons give
    /// stays a fixed point.
    fn verb_lemma(&self, stem: &str, hash: u64, key: &str) -> Option<&str> {
        let lemma = self
            .lexicons
            .verb_lemma_hashed(stem, hash)
            .filter(|l| fits(l, key) && host_and_pronoun(l) != Some(0))?;
        let hash = crate::hash::hash(lemma.as_bytes());
        if self.lexicons.is_stem_hashed(lemma, hash) {
            Some(self.imperfect_lemma(lemma, hash).unwrap_or(lemma))
        } else {
            Some(lemma)
        }
    }

    /// The noun a nisba adjective derives from, if `stem` is one: a known
    /// noun or name (three letters or more) and ي (عسكري, اسرائيلي). The
    /// policy: a nisba adjective the lexicon lists is its own stem
    /// (سياسي, and سياسية, سياسيين, سياسيا meet on it); one it does not
    /// list stems to its noun, every form alike (اسرائيلي, اسرائيلية,
    /// الاسرائيليون, اسرائيليا all → اسرائيل). The ي may also be the
    /// construct plural or dual (مسؤولي, وزيري) or "my" (كتابي): each
    /// reading leads to the same noun. A name listed with its article
    /// (العراق) keeps it: العراقي → العراق.
    fn nisba_noun<'s>(&self, stem: &'s str) -> Option<Cow<'s, str>> {
        let noun = stem.strip_suffix(NISBA)?;
        if chars(noun) < 3 || has_prefix(noun, ARTICLE) {
            return None;
        }
        let lex = &*self.lexicons;
        if lex.is_stem(noun) || lex.is_protected(noun) {
            return Some(Cow::Borrowed(noun));
        }
        lex.is_protected_joined(ARTICLE, noun).then(|| Cow::Owned(format!("{ARTICLE}{noun}")))
    }

    /// The conservative cut for a word no lexicon supports.
    fn fallback<'k>(&self, key: &'k str) -> Analysis<'k> {
        let min = self.config.min_stem_len.max(2);
        let mut start = 0;
        if let Some(article) = ARTICLE_PREFIXES.iter().find(|p| key.starts_with(**p))
            && chars(&key[article.len()..]) >= min
        {
            start = article.len();
        }
        let mut end = key.len();
        if let Some(suffix) = FALLBACK_SUFFIXES.iter().find(|s| key[start..].ends_with(**s)) {
            // Pronouns never follow the article.
            let is_pronoun = !matches!(
                *suffix,
                "\u{0627}\u{062A}" | "\u{0648}\u{0646}" | "\u{064A}\u{0646}" | "\u{0627}\u{0646}"
            );
            if chars(&key[start..key.len() - suffix.len()]) > min && !(is_pronoun && start > 0) {
                end = key.len() - suffix.len();
            }
        }
        split(key, start, end, Decision::Fallback)
    }
}

/// Whether a verb's lemma may stand for `word`: a stem is never longer
/// than its word (only an exception entry may say otherwise). Two-letter
/// imperatives and jussives (قل, كن, را) are also ordinary short words and
/// abbreviations, and في (also the imperative of وفى) is the preposition.
fn fits(lemma: &str, word: &str) -> bool {
    chars(lemma) <= chars(word)
}

/// Whether `stem` has the shape of a participle, the nouns whose sound
/// plural news text writes in construct (مسؤولو, مقاتلو, مستخدمو): م, then
/// at least three letters, the first of them neither ا nor ي (no
/// participle pattern puts a long vowel there). Names ending in و mostly
/// fail it (ماريو, باولو, اوغلو, ميلانو).
fn is_participle(stem: &str) -> bool {
    let mut letters = stem.chars();
    letters.next() == Some('\u{0645}') // م
        && letters.next().is_some_and(|c| c != ALEF && c != YEH)
        && letters.count() >= 2
}
