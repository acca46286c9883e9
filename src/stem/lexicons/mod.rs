//! The stemmer's lexicons: known stems, stopwords, protected words and
//! exceptions, as finite-state transducers.
//!
//! The defaults are compiled from `dictionaries/*.txt` by `build.rs` and
//! embedded in the binary, so the default stemmer needs no file at run
//! time. Users can replace any of them with their own, from a text file
//! (one entry per line, `#` comments; exceptions as `form<TAB>stem`) or from
//! a prebuilt `.fst` made by `sarf dict compile`. Every entry is stored in
//! the lexicons' key form: the `search` preset's normalization.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use serde::{Deserialize, Serialize};

use crate::Normalizer;
use crate::error::Error;
use crate::hash::{hash, hash_joined};
use crate::normalize::config::Preset;

mod format;
mod load;
mod table;

pub use self::load::compile_text_lexicon;
use self::load::{load_form_map, load_set};
pub(crate) use self::table::Filter;
use self::table::{KeyTable, StemTable, spread};

type Bytes = std::borrow::Cow<'static, [u8]>;

static STEMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stems.fst"));
static STOPWORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stopwords.fst"));
static PROTECTED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/protected.fst"));
static EXCEPTIONS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/exceptions.fst"));
static VERBS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/verbs.fst"));

/// The normalizer that puts lexicon entries and lookup keys in key form.
pub(crate) static KEY_NORMALIZER: LazyLock<Normalizer> =
    LazyLock::new(|| Normalizer::from_preset(Preset::Search));

static EMBEDDED: LazyLock<Arc<Lexicons>> = LazyLock::new(|| {
    let embedded = |bytes: &'static [u8]| Bytes::Borrowed(bytes);
    let set = |bytes| WordSet::new(fst::Set::new(embedded(bytes)).expect("embedded fst"));
    let map = |bytes| fst::Map::new(embedded(bytes)).expect("embedded fst");
    let stems = set(STEMS);
    // The stems' table already lists them in order: the forms' targets.
    let targets = Arc::new(StemTable::from_keys(&stems.table));
    let exceptions = FormMap::new(map(EXCEPTIONS), Arc::clone(&targets));
    let verbs = FormMap::new(map(VERBS), targets);
    let listed = listed_filter(&stems, &exceptions, &verbs);
    Arc::new(Lexicons {
        stems,
        stopwords: set(STOPWORDS),
        protected: set(PROTECTED),
        exceptions,
        verbs,
        listed,
    })
});

/// The filter of every key of `stems`, `exceptions` and `verbs` (see
/// `Lexicons::listed`).
fn listed_filter(stems: &WordSet, exceptions: &FormMap, verbs: &FormMap) -> Arc<Filter> {
    let tables = [&stems.table, &exceptions.table, &verbs.table];
    let mut filter = Filter::for_keys(tables.iter().map(|t| t.len()).sum());
    for table in tables {
        for i in 0..table.len() {
            filter.insert(spread(hash(table.key(i))).0);
        }
    }
    Arc::new(filter)
}

/// An FST set with its lookup table.
#[derive(Clone)]
struct WordSet {
    set: fst::Set<Bytes>,
    table: Arc<KeyTable>,
}

impl WordSet {
    fn new(set: fst::Set<Bytes>) -> WordSet {
        let table = Arc::new(KeyTable::from_fst(set.as_fst()));
        WordSet { set, table }
    }

    #[inline]
    fn contains(&self, key: &str, hash: u64) -> bool {
        self.table.get(key.as_bytes(), hash).is_some()
    }
}

/// Which lexicon files to use instead of the embedded ones; `None` keeps
/// the embedded lexicon. A path ending in `.fst` is read as a prebuilt FST
/// (see `sarf dict compile`), anything else as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexiconFiles {
    /// Known stems.
    pub stems: Option<PathBuf>,
    /// Stopwords: passed through unchanged (and dropped by the analyzer on request).
    pub stopwords: Option<PathBuf>,
    /// Words never stemmed.
    pub protected: Option<PathBuf>,
    /// Irregular forms mapped to their stem (`form<TAB>stem`), such as
    /// broken plurals; consulted before the stems.
    pub exceptions: Option<PathBuf>,
    /// Verb forms mapped to their lemma (`form<TAB>lemma`); consulted after
    /// the stems, so that nouns are not read as verbs.
    pub verbs: Option<PathBuf>,
}

/// The lexicons a [`Stemmer`](crate::Stemmer) consults.
#[derive(Clone)]
pub struct Lexicons {
    stems: WordSet,
    stopwords: WordSet,
    protected: WordSet,
    exceptions: FormMap,
    verbs: FormMap,
    /// Every key of the stems, the exceptions and the verb forms: the
    /// stemmer tries a few dozen candidate stems per word in those three,
    /// and one test here rules most candidates out of all three.
    listed: Arc<Filter>,
}

impl std::fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicons")
            .field("stems", &self.stems.set.len())
            .field("stopwords", &self.stopwords.set.len())
            .field("protected", &self.protected.set.len())
            .field("exceptions", &self.exceptions.map.len())
            .field("verbs", &self.verbs.map.len())
            .finish()
    }
}

/// Form → stem, the stem stored as an ordinal into a table of strings.
#[derive(Clone)]
struct FormMap {
    map: fst::Map<Bytes>,
    targets: Arc<StemTable>,
    table: Arc<KeyTable>,
}

impl Lexicons {
    /// The lexicons embedded in the crate (built from `dictionaries/`).
    pub fn embedded() -> Arc<Lexicons> {
        Arc::clone(&EMBEDDED)
    }

    /// Whether `lexicons` are the embedded ones (not a copy of them).
    pub(crate) fn are_embedded(lexicons: &Arc<Lexicons>) -> bool {
        Arc::ptr_eq(lexicons, &EMBEDDED)
    }

    /// The embedded lexicons with any of them replaced by `files`.
    pub fn load(files: &LexiconFiles) -> Result<Lexicons, Error> {
        let mut lexicons = Lexicons::clone(&EMBEDDED);
        if let Some(path) = &files.stems {
            lexicons.stems = WordSet::new(load_set(path)?);
        }
        if let Some(path) = &files.stopwords {
            lexicons.stopwords = WordSet::new(load_set(path)?);
        }
        if let Some(path) = &files.protected {
            lexicons.protected = WordSet::new(load_set(path)?);
        }
        if let Some(path) = &files.exceptions {
            lexicons.exceptions = load_form_map(path)?;
        }
        if let Some(path) = &files.verbs {
            lexicons.verbs = load_form_map(path)?;
        }
        // The embedded filter still holds when none of its lexicons changed.
        if files.stems.is_some() || files.exceptions.is_some() || files.verbs.is_some() {
            lexicons.listed = listed_filter(&lexicons.stems, &lexicons.exceptions, &lexicons.verbs);
        }
        Ok(lexicons)
    }

    /// Whether a key whose hash is `hash` may be a known stem, an
    /// exception or a verb form: a cheap test that only rules out.
    #[inline(always)]
    pub(crate) fn may_be_listed(&self, hash: u64) -> bool {
        self.listed.may_contain_hash(hash)
    }

    /// Whether `key` (in key form) is a known stem.
    #[inline]
    pub fn is_stem(&self, key: &str) -> bool {
        self.stems.contains(key, hash(key.as_bytes()))
    }

    /// [`is_stem`](Self::is_stem) with the key's hash already computed.
    #[inline]
    pub(crate) fn is_stem_hashed(&self, key: &str, hash: u64) -> bool {
        self.stems.contains(key, hash)
    }

    /// Whether `hash` may be the hash of a known stem: a cheap test that
    /// only rules out.
    #[inline]
    pub(crate) fn may_be_stem(&self, hash: u64) -> bool {
        self.stems.table.may_contain(hash)
    }

    /// Whether `key` is a stopword.
    #[inline]
    pub fn is_stopword(&self, key: &str) -> bool {
        self.stopwords.contains(key, hash(key.as_bytes()))
    }

    /// Whether `key` is protected from stemming.
    #[inline]
    pub fn is_protected(&self, key: &str) -> bool {
        self.protected.contains(key, hash(key.as_bytes()))
    }

    /// Whether `first` followed by `second` is protected, with no string
    /// built to ask.
    #[inline]
    pub(crate) fn is_protected_joined(&self, first: &str, second: &str) -> bool {
        let hash = hash_joined(first.as_bytes(), second.as_bytes());
        self.protected.table.contains_joined(first.as_bytes(), second.as_bytes(), hash)
    }

    /// The stem an exception maps `key` to.
    #[inline]
    pub fn exception(&self, key: &str) -> Option<&str> {
        self.exceptions.get(key, hash(key.as_bytes()))
    }

    /// [`exception`](Self::exception) with the key's hash already computed.
    #[inline]
    pub(crate) fn exception_hashed(&self, key: &str, hash: u64) -> Option<&str> {
        self.exceptions.get(key, hash)
    }

    /// The lemma of the verb form `key`.
    #[inline]
    pub fn verb_lemma(&self, key: &str) -> Option<&str> {
        self.verbs.get(key, hash(key.as_bytes()))
    }

    /// [`verb_lemma`](Self::verb_lemma) with the key's hash already computed.
    #[inline]
    pub(crate) fn verb_lemma_hashed(&self, key: &str, hash: u64) -> Option<&str> {
        self.verbs.get(key, hash)
    }

    /// The number of entries: stems, stopwords, protected words,
    /// exceptions, verb forms.
    pub fn sizes(&self) -> [usize; 5] {
        [
            self.stems.set.len(),
            self.stopwords.set.len(),
            self.protected.set.len(),
            self.exceptions.map.len(),
            self.verbs.map.len(),
        ]
    }
}

impl FormMap {
    fn new(map: fst::Map<Bytes>, targets: Arc<StemTable>) -> FormMap {
        let table = Arc::new(KeyTable::from_fst(map.as_fst()));
        FormMap { map, targets, table }
    }

    #[inline]
    fn get(&self, key: &str, hash: u64) -> Option<&str> {
        self.table.get(key.as_bytes(), hash).and_then(|ordinal| self.targets.get(ordinal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listed_filter_lets_every_listed_key_through_and_rules_most_out() {
        let lexicons = Lexicons::embedded();
        let tables = [&lexicons.stems.table, &lexicons.exceptions.table, &lexicons.verbs.table];
        for table in tables {
            assert!(table.len() > 0);
            for i in 0..table.len() {
                assert!(lexicons.may_be_listed(hash(table.key(i))));
            }
        }
        let strangers = (0..10_000).map(|i| format!("{i}\u{0628}"));
        let passed = strangers.filter(|s| lexicons.may_be_listed(hash(s.as_bytes())));
        assert!(passed.count() < 500, "the filter should rule out most absent keys");
    }

    #[test]
    fn the_text_format_skips_blank_lines_and_comments_and_trims() {
        let lines = ["", "  ", "# a comment", "  # indented", " كتاب\r", "كتب\tكتاب ", "a\tb\tc"];
        let entries: Vec<&str> = lines.iter().filter_map(|l| format::entry(l)).collect();
        assert_eq!(entries, ["كتاب", "كتب\tكتاب", "a\tb\tc"]);
        assert_eq!(format::form_and_stem("كتب\tكتاب"), Some(("كتب", "كتاب")));
        assert_eq!(format::form_and_stem("a\tb\tc"), Some(("a", "b\tc")));
        assert_eq!(format::form_and_stem("كتاب"), None);
    }

    #[test]
    fn a_joined_lookup_is_the_lookup_of_the_joined_string() {
        let lexicons = Lexicons::embedded();
        let article = "\u{0627}\u{0644}"; // ال
        for (first, second) in [
            (article, "\u{0639}\u{0631}\u{0627}\u{0642}"), // ال + عراق
            (article, "\u{0639}\u{0631}\u{0627}\u{0642}\u{064A}"), // ال + عراقي
            ("\u{0627}\u{0644}\u{0639}\u{0631}", "\u{0627}\u{0642}"), // العر + اق
            ("", "\u{0627}\u{0644}\u{0639}\u{0631}\u{0627}\u{0642}"), // "" + العراق
            (article, ""),
        ] {
            let joined = format!("{first}{second}");
            assert_eq!(
                lexicons.is_protected_joined(first, second),
                lexicons.is_protected(&joined),
                "{joined}"
            );
        }
        assert!(lexicons.is_protected_joined(article, "\u{0639}\u{0631}\u{0627}\u{0642}"));
    }
}
