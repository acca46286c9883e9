//! The stemmer's lexicons: known stems, stopwords, protected words and
//! exceptions, as finite-state transducers.
//!
//! The defaults are compiled from `dictionaries/*.txt` by `build.rs` and
//! embedded in the binary, so the default stemmer needs no file at run
//! time. Users can replace any of them with their own, from a text file
//! (one entry per line, `#` comments; exceptions as `form<TAB>stem`) or from
//! a prebuilt `.fst` made by `sarf dict compile`. Every entry is stored in
//! the lexicons' key form: the `search` preset's normalization.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use fst::Streamer;
use serde::{Deserialize, Serialize};

use crate::Normalizer;
use crate::chars::same_bytes;
use crate::error::Error;
use crate::normalize::config::Preset;

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
            filter.insert(spread(fnv(FNV_START, table.key(i))).0);
        }
    }
    Arc::new(filter)
}

/// FNV-1a over `bytes`, continuing from `hash` (start from [`FNV_START`]):
/// incremental, so `stem` + `ه` hashes without building the string.
#[inline]
pub(crate) fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash = (hash ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3);
    }
    hash
}

/// The FNV-1a offset basis.
pub(crate) const FNV_START: u64 = 0xCBF2_9CE4_8422_2325;

/// Every key of an FST in an open-addressing hash table, for lookups at
/// run time.
///
/// The FST is how lexicons are built, stored, embedded and shipped (`sarf
/// dict compile`); for the stemmer's many point lookups (a few dozen
/// candidate stems per word, nearly all absent) a hash probe is several
/// times cheaper than an FST walk. The table is built by streaming the FST
/// once, and a lookup is exact: a slot holds a 32-bit fingerprint of the
/// key's hash, so a miss rarely touches the key bytes, and a fingerprint
/// match is confirmed by comparing the key.
#[derive(Clone)]
struct KeyTable {
    /// Per slot: the fingerprint (high 32 bits) and the key's index + 1
    /// (low 32 bits); 0 is an empty slot. At most half full.
    slots: Vec<u64>,
    mask: usize,
    /// The keys back to back; key `i` ends at `ends[i]`.
    text: Vec<u8>,
    ends: Vec<u32>,
    /// The FST's output for each key (0 for a set).
    values: Vec<u64>,
    /// The keys' filter. Most lookups are misses (every candidate stem of
    /// a word is tried), and the filter (64 KiB for the stems) answers
    /// most of them from cache where the slots (1 MiB) would cost a trip
    /// to memory.
    filter: Filter,
}

/// A blocked Bloom filter of FNV hashes: two bits in one 64-bit word per
/// key, about 16 bits per key; no false negatives.
#[derive(Clone)]
pub(crate) struct Filter {
    words: Vec<u64>,
}

impl Filter {
    /// An empty filter sized for `keys` keys.
    fn for_keys(keys: usize) -> Filter {
        Filter { words: vec![0; (keys.max(8) * 2).next_power_of_two() / 8] }
    }

    /// The word and the two bits of a spread hash. Slot indices use the
    /// low bits of a spread hash and fingerprints the high 32; the filter
    /// takes bits 20 to 31 for its two bits and the high bits for its word.
    #[inline(always)]
    fn bits(&self, spread: usize) -> (usize, u64) {
        let word = (spread as u64 >> 40) as usize & (self.words.len() - 1);
        let bits = 1 << ((spread >> 20) & 63) | 1 << ((spread >> 26) & 63);
        (word, bits)
    }

    fn insert(&mut self, spread: usize) {
        let (word, bits) = self.bits(spread);
        self.words[word] |= bits;
    }

    /// Whether a spread hash may have been inserted.
    #[inline(always)]
    fn may_contain(&self, spread: usize) -> bool {
        let (word, bits) = self.bits(spread);
        self.words[word] & bits == bits
    }

    /// Whether the FNV hash `hash` may have been inserted.
    #[inline(always)]
    pub(crate) fn may_contain_hash(&self, hash: u64) -> bool {
        self.may_contain(spread(hash).0)
    }
}

/// Where a hash probes first, and its fingerprint. splitmix64's finalizer
/// spreads FNV's weak high bits.
#[inline]
fn spread(hash: u64) -> (usize, u32) {
    let mut z = hash.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z as usize, (z >> 32) as u32)
}

impl KeyTable {
    /// The table of every key of an FST, streamed once.
    fn from_fst<D: AsRef<[u8]>>(fst: &fst::raw::Fst<D>) -> KeyTable {
        let capacity = (fst.len().max(8) * 2).next_power_of_two();
        let mut table = KeyTable {
            slots: vec![0; capacity],
            mask: capacity - 1,
            text: Vec::new(),
            ends: Vec::with_capacity(fst.len()),
            values: Vec::with_capacity(fst.len()),
            filter: Filter::for_keys(fst.len()),
        };
        let mut stream = fst.stream();
        while let Some((key, output)) = stream.next() {
            table.text.extend_from_slice(key);
            table.ends.push(table.text.len() as u32);
            table.values.push(output.value());
            let index = table.ends.len() as u64; // index + 1
            let (mut at, fingerprint) = spread(fnv(FNV_START, key));
            table.filter.insert(at);
            loop {
                let slot = &mut table.slots[at & table.mask];
                if *slot == 0 {
                    *slot = (fingerprint as u64) << 32 | index;
                    break;
                }
                at += 1;
            }
        }
        table
    }

    /// The number of keys.
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn key(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The indices of the keys whose fingerprint matches `hash`, in probe
    /// order: none when the filter rules the hash out.
    #[inline]
    fn matching(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        let (mut at, fingerprint) = spread(hash);
        let mut done = !self.filter.may_contain(at);
        std::iter::from_fn(move || {
            while !done {
                let slot = self.slots[at & self.mask];
                at += 1;
                if slot == 0 {
                    done = true;
                } else if (slot >> 32) as u32 == fingerprint {
                    return Some((slot as u32 - 1) as usize);
                }
            }
            None
        })
    }

    /// The value of `key`, whose FNV hash is `hash`.
    #[inline]
    fn get(&self, key: &[u8], hash: u64) -> Option<u64> {
        let i = self.matching(hash).find(|&i| same_bytes(self.key(i), key))?;
        Some(self.values[i])
    }

    /// Whether `first` followed by `second`, whose FNV hash is `hash`, is
    /// a key: a lookup of the two joined, without joining them.
    #[inline]
    fn contains_joined(&self, first: &[u8], second: &[u8], hash: u64) -> bool {
        self.matching(hash).any(|i| {
            let key = self.key(i);
            key.len() == first.len() + second.len()
                && same_bytes(&key[..first.len()], first)
                && same_bytes(&key[first.len()..], second)
        })
    }

    /// Whether some key may have the FNV hash `hash`: no false negatives,
    /// and a false positive only on a 32-bit fingerprint collision.
    #[inline]
    fn may_contain(&self, hash: u64) -> bool {
        self.matching(hash).next().is_some()
    }
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

/// A sorted list of strings in one buffer, indexed by ordinal.
struct StemTable {
    text: String,
    ends: Vec<u32>,
}

impl StemTable {
    /// The keys of a table streamed from a set (in the set's order).
    fn from_keys(keys: &KeyTable) -> StemTable {
        StemTable {
            text: String::from_utf8_lossy(&keys.text).into_owned(),
            ends: keys.ends.clone(),
        }
    }

    fn from_set<D: AsRef<[u8]>>(set: &fst::Set<D>) -> StemTable {
        let mut table = StemTable { text: String::new(), ends: Vec::with_capacity(set.len()) };
        let mut stream = set.stream();
        while let Some(key) = stream.next() {
            table.text.push_str(std::str::from_utf8(key).unwrap_or(""));
            table.ends.push(table.text.len() as u32);
        }
        table
    }

    fn get(&self, ordinal: u64) -> Option<&str> {
        let i = usize::try_from(ordinal).ok()?;
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }
}

impl Lexicons {
    /// The lexicons embedded in the crate (built from `dictionaries/`).
    pub fn embedded() -> Arc<Lexicons> {
        Arc::clone(&EMBEDDED)
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

    /// Whether a key whose FNV hash is `hash` may be a known stem, an
    /// exception or a verb form: a cheap test that only rules out.
    #[inline(always)]
    pub(crate) fn may_be_listed(&self, hash: u64) -> bool {
        self.listed.may_contain_hash(hash)
    }

    /// Whether `key` (in key form) is a known stem.
    #[inline]
    pub fn is_stem(&self, key: &str) -> bool {
        self.stems.contains(key, fnv(FNV_START, key.as_bytes()))
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
        self.stopwords.contains(key, fnv(FNV_START, key.as_bytes()))
    }

    /// Whether `key` is protected from stemming.
    #[inline]
    pub fn is_protected(&self, key: &str) -> bool {
        self.protected.contains(key, fnv(FNV_START, key.as_bytes()))
    }

    /// Whether `first` followed by `second` is protected, with no string
    /// built to ask.
    #[inline]
    pub(crate) fn is_protected_joined(&self, first: &str, second: &str) -> bool {
        let hash = fnv(fnv(FNV_START, first.as_bytes()), second.as_bytes());
        self.protected.table.contains_joined(first.as_bytes(), second.as_bytes(), hash)
    }

    /// The stem an exception maps `key` to.
    #[inline]
    pub fn exception(&self, key: &str) -> Option<&str> {
        self.exceptions.get(key, fnv(FNV_START, key.as_bytes()))
    }

    /// [`exception`](Self::exception) with the key's hash already computed.
    #[inline]
    pub(crate) fn exception_hashed(&self, key: &str, hash: u64) -> Option<&str> {
        self.exceptions.get(key, hash)
    }

    /// The lemma of the verb form `key`.
    #[inline]
    pub fn verb_lemma(&self, key: &str) -> Option<&str> {
        self.verbs.get(key, fnv(FNV_START, key.as_bytes()))
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

fn lexicon_error(path: &Path, line: Option<u64>, message: impl Into<String>) -> Error {
    Error::lexicon(path, line, message.into())
}

fn is_fst(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("fst"))
}

fn read_fst_set(path: &Path) -> Result<fst::Set<Bytes>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(Some(path), e))?;
    let set = fst::Set::new(Bytes::Owned(bytes))
        .map_err(|e| lexicon_error(path, None, "not a valid fst set").caused_by(e))?;
    // `Set::new` only checks the header; walking a corrupt FST can panic
    // (found by the `lexicon` fuzz target). The checksum that fst's builder
    // writes rules out corrupt or foreign files before any walk.
    set.as_fst()
        .verify()
        .map_err(|e| lexicon_error(path, None, "not a valid fst set (checksum)").caused_by(e))?;
    Ok(set)
}

/// The entries of a text lexicon: `(line number, entry)` for each line that
/// is not blank or a `#` comment.
fn text_entries(path: &Path) -> Result<Vec<(u64, String)>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(Some(path), e))?;
    let mut entries = Vec::new();
    let mut offset = 0u64;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = n as u64 + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let text = std::str::from_utf8(line).map_err(|e| {
            lexicon_error(
                path,
                Some(number),
                format!("invalid UTF-8 at byte offset {}", offset + e.valid_up_to() as u64),
            )
        })?;
        offset += line.len() as u64 + 1;
        let trimmed = text.trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            entries.push((number, trimmed.to_string()));
        }
    }
    Ok(entries)
}

/// Normalizes one entry to key form; a malformed entry is an error.
fn key_of(path: &Path, line: u64, entry: &str) -> Result<String, Error> {
    if entry.chars().any(char::is_whitespace) {
        return Err(lexicon_error(path, Some(line), format!("{entry:?} is not a single word")));
    }
    let key = KEY_NORMALIZER.normalize(entry).into_owned();
    if key.is_empty() {
        return Err(lexicon_error(path, Some(line), format!("{entry:?} is empty once normalized")));
    }
    Ok(key)
}

fn load_set(path: &Path) -> Result<fst::Set<Bytes>, Error> {
    if is_fst(path) {
        return read_fst_set(path);
    }
    let mut seen = HashSet::new();
    let mut keys = Vec::new();
    for (line, entry) in text_entries(path)? {
        let key = key_of(path, line, &entry)?;
        if !seen.insert(key.clone()) {
            return Err(lexicon_error(
                path,
                Some(line),
                format!("duplicate entry {entry:?} (as {key:?})"),
            ));
        }
        keys.push(key);
    }
    keys.sort_unstable();
    let set = fst::Set::from_iter(keys)
        .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    Ok(fst::Set::new(Bytes::Owned(set.into_fst().into_inner())).expect("just built"))
}

fn load_form_map(path: &Path) -> Result<FormMap, Error> {
    let mut pairs = Vec::new();
    if is_fst(path) {
        // A prebuilt form map is an FST set of `form<TAB>stem` keys.
        let set = read_fst_set(path)?;
        let mut stream = set.stream();
        while let Some(key) = stream.next() {
            let text = std::str::from_utf8(key)
                .map_err(|_| lexicon_error(path, None, "an entry is not UTF-8"))?;
            let (form, stem) = text
                .split_once('\t')
                .ok_or_else(|| lexicon_error(path, None, format!("entry {text:?} has no tab")))?;
            pairs.push((form.to_string(), stem.to_string()));
        }
    } else {
        let mut seen = HashSet::new();
        for (line, entry) in text_entries(path)? {
            let Some((form, stem)) = entry.split_once('\t') else {
                return Err(lexicon_error(
                    path,
                    Some(line),
                    format!("expected form<TAB>stem, got {entry:?}"),
                ));
            };
            let (form, stem) = (key_of(path, line, form.trim())?, key_of(path, line, stem.trim())?);
            if !seen.insert(form.clone()) {
                return Err(lexicon_error(path, Some(line), format!("duplicate form {form:?}")));
            }
            pairs.push((form, stem));
        }
    }
    let targets = fst::Set::from_iter({
        let mut stems: Vec<&str> = pairs.iter().map(|(_, s)| s.as_str()).collect();
        stems.sort_unstable();
        stems.dedup();
        stems
    })
    .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    let table = StemTable::from_set(&targets);
    pairs.sort_unstable();
    let mut builder = fst::MapBuilder::memory();
    for (form, stem) in &pairs {
        let ordinal = targets_ordinal(&table, stem);
        builder
            .insert(form, ordinal)
            .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    }
    let bytes = builder
        .into_inner()
        .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    Ok(FormMap::new(fst::Map::new(Bytes::Owned(bytes)).expect("just built"), Arc::new(table)))
}

fn targets_ordinal(table: &StemTable, stem: &str) -> u64 {
    let (mut lo, mut hi) = (0usize, table.ends.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match table.get(mid as u64).unwrap_or("").cmp(stem) {
            std::cmp::Ordering::Less => lo = mid + 1,
            _ => hi = mid,
        }
    }
    lo as u64
}

/// Compiles a text lexicon into the bytes of a prebuilt `.fst`: a set of
/// entries, or for a form map (exceptions, verb forms) a set of
/// `form<TAB>stem` keys. Entries are normalized and checked as when loading
/// text.
pub fn compile_text_lexicon(path: &Path, form_map: bool) -> Result<Vec<u8>, Error> {
    if form_map {
        let loaded = load_form_map(path)?;
        let mut keys = Vec::with_capacity(loaded.map.len());
        let mut stream = loaded.map.stream();
        while let Some((form, ordinal)) = stream.next() {
            let stem = loaded.targets.get(ordinal).unwrap_or("");
            keys.push(format!("{}\t{stem}", std::str::from_utf8(form).unwrap_or("")));
        }
        keys.sort_unstable();
        let set = fst::Set::from_iter(keys)
            .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
        Ok(set.into_fst().into_inner())
    } else {
        Ok(load_set(path)?.as_fst().as_bytes().to_vec())
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
                assert!(lexicons.may_be_listed(fnv(FNV_START, table.key(i))));
            }
        }
        let strangers = (0..10_000).map(|i| format!("{i}\u{0628}"));
        let passed = strangers.filter(|s| lexicons.may_be_listed(fnv(FNV_START, s.as_bytes())));
        assert!(passed.count() < 500, "the filter should rule out most absent keys");
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
