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
use super::lexicons::{FNV_START, fnv};

/// Slots per thread (a power of two).
const SLOTS: usize = 16384;

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
    stemmer: u64,
    key: Box<str>,
    entry: Entry,
}

thread_local! {
    static CACHE: RefCell<Vec<Option<Slot>>> = RefCell::new((0..SLOTS).map(|_| None).collect());
}

fn slot_of(key: &str) -> usize {
    (fnv(FNV_START, key.as_bytes()) as usize) & (SLOTS - 1)
}

/// The cached analysis of `key` by stemmer `stemmer`, if any.
pub(crate) fn get(stemmer: u64, key: &str) -> Option<Entry> {
    if key.len() > MAX_KEY {
        return None;
    }
    CACHE.with(|cache| {
        let cache = cache.borrow();
        match &cache[slot_of(key)] {
            Some(slot) if slot.stemmer == stemmer && &*slot.key == key => Some(slot.entry.clone()),
            _ => None,
        }
    })
}

/// Remembers the analysis of `key`.
pub(crate) fn put(stemmer: u64, key: &str, entry: Entry) {
    if key.len() > MAX_KEY {
        return;
    }
    CACHE.with(|cache| {
        cache.borrow_mut()[slot_of(key)] = Some(Slot { stemmer, key: key.into(), entry });
    });
}
