//! A small per-thread memo of recent analyses.
//!
//! Running text repeats its words (in the news corpus, a few thousand
//! distinct words make up most tokens), and a lexicon analysis costs
//! several FST lookups. Each thread keeps a direct-mapped table of the last
//! analyses, keyed by the stemmer that made them and the word's key form,
//! so the `Stemmer` itself stays immutable and `Sync`, and a cached answer
//! is exactly the one the stemmer would compute.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::Decision;
use super::lexicons::{FNV_START, fnv, same_bytes};

/// Slots per thread (a power of two). In news text the 64k most frequent
/// words make up about 95% of tokens; a slot costs about 100 bytes, so a
/// thread's table stays near 6 MB.
const SLOTS: usize = 65536;

/// Keys longer than this are not cached: rare, and not worth the copy.
const MAX_KEY: usize = 48;

static NEXT_STEMMER: AtomicU64 = AtomicU64::new(1);

/// A fresh identity for a stemmer's cache entries.
pub(crate) fn new_stemmer_id() -> u64 {
    NEXT_STEMMER.fetch_add(1, Ordering::Relaxed)
}

/// An analysis as offsets into the key, or an owned stem.
#[derive(Clone)]
pub(crate) struct Entry {
    pub prefix_len: u16,
    pub suffix_len: u16,
    /// `None`: the stem is `key[prefix_len..key.len() - suffix_len]`.
    pub stem: Option<Box<str>>,
    pub decision: Decision,
}

struct Slot {
    /// The key's FNV hash, compared before the key itself.
    hash: u64,
    stemmer: u64,
    /// Reused from one occupant to the next.
    key: String,
    entry: Entry,
}

thread_local! {
    static CACHE: RefCell<Vec<Option<Slot>>> = RefCell::new((0..SLOTS).map(|_| None).collect());
}

/// The cached analysis of `key` by stemmer `stemmer`, if any.
pub(crate) fn get(stemmer: u64, key: &str) -> Option<Entry> {
    if key.len() > MAX_KEY {
        return None;
    }
    let hash = fnv(FNV_START, key.as_bytes());
    CACHE.with(|cache| {
        let cache = cache.borrow();
        match &cache[hash as usize & (SLOTS - 1)] {
            Some(slot)
                if slot.hash == hash
                    && slot.stemmer == stemmer
                    && same_bytes(slot.key.as_bytes(), key.as_bytes()) =>
            {
                Some(slot.entry.clone())
            }
            _ => None,
        }
    })
}

/// Remembers the analysis of `key`.
pub(crate) fn put(stemmer: u64, key: &str, entry: Entry) {
    if key.len() > MAX_KEY {
        return;
    }
    let hash = fnv(FNV_START, key.as_bytes());
    CACHE.with(|cache| {
        let slot = &mut cache.borrow_mut()[hash as usize & (SLOTS - 1)];
        match slot {
            Some(slot) => {
                slot.hash = hash;
                slot.stemmer = stemmer;
                slot.key.clear();
                slot.key.push_str(key);
                slot.entry = entry;
            }
            None => *slot = Some(Slot { hash, stemmer, key: key.to_string(), entry }),
        }
    });
}
