//! A per-thread memo of whole-token analyses, keyed by the token as
//! written.
//!
//! Running text repeats its words: in one pass over the 60 MB news corpus,
//! this memo answers 90% of tokens. For a repeated token it answers
//! normalization, stopword lookup and stemming with one hash of the raw
//! bytes and one probe, where the full path normalizes the token, hashes
//! its key form and asks the stemmer (whose own memo is keyed by the key
//! form).
//!
//! Each slot is one 64-byte cache line holding the surface form and, when
//! they are not slices of it, the normalized form and the stem, so a probe
//! reads the four lines of a set and follows no pointer. Slots are kept by
//! their hits (see [`WAYS`]). Entries
//! carry the identity of the analyzer that made them, so analyzers with
//! different configurations never see each other's answers, and an answer
//! from the memo is exactly the one the full path computes.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::tokenize::TokenKind;

/// Slots per thread (a power of two): 64k slots of one cache line, 4 MiB,
/// in sets of four.
const SLOTS: usize = 1 << 16;

/// Slots per set. A token may sit in any slot of its set; a new token
/// replaces the one with the fewest hits, so a frequent word is not pushed
/// out by the stream of rare words that share its set (half the words of a
/// corpus occur once). On one pass over the 60 MB news corpus, the tokens
/// the memo could not answer went from 15.3% (one slot per set) to 11.1%
/// (two), 10.0% (four, the choice) and 10.9% (eight, where the probes also
/// cost more than they save); 4.6% are words seen for the first time.
const WAYS: usize = 4;

/// Bytes a slot has for the surface, the normalized form and the stem
/// together; tokens that need more (about 2% in news) are not memoized.
pub(super) const CAPACITY: usize = 45;

static NEXT_OWNER: AtomicU64 = AtomicU64::new(1);

/// A fresh identity for an analyzer's memo entries (never 0).
pub(super) fn new_owner() -> u64 {
    NEXT_OWNER.fetch_add(1, Ordering::Relaxed)
}

/// Where a memoized string is: a slice of the surface form, or stored in
/// the slot (copied out with the answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    Surface(u8, u8),
    Stored(u8, u8),
}

/// A memoized analysis of one token (that normalized to one token).
#[derive(Clone, Copy)]
pub(super) struct Answer {
    pub normalized: Place,
    pub stem: Place,
    pub kind: TokenKind,
    pub stopword: bool,
    bytes: [u8; CAPACITY],
}

impl Answer {
    /// The string at `place`, given the surface form it was stored with.
    pub fn get<'s>(&'s self, surface: &'s str, place: Place) -> &'s str {
        match place {
            Place::Surface(start, end) => &surface[start as usize..end as usize],
            // Stored strings were `&str`s, copied whole: valid UTF-8.
            Place::Stored(start, end) => {
                std::str::from_utf8(&self.bytes[start as usize..end as usize]).unwrap_or_default()
            }
        }
    }
}

/// One cache line: the key, the answer's places and flags, and the bytes.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    /// 0: empty.
    owner: u64,
    hash: u32,
    surface_len: u8,
    /// Start and end of the normalized form and of the stem.
    places: [u8; 4],
    /// Bits 0-1: kind; 2: stopword; 3: normalized stored; 4: stem stored.
    flags: u8,
    /// Hits since the slot was filled (saturating), halved each time
    /// another slot of the set is replaced: the replacement policy. Halving
    /// (rather than taking one off) lets the entries of an analyzer no
    /// longer in use, or of words gone out of fashion, leave within a few
    /// replacements however often they were hit.
    hits: u8,
    bytes: [u8; CAPACITY],
}

const EMPTY: Slot = Slot {
    owner: 0,
    hash: 0,
    surface_len: 0,
    places: [0; 4],
    flags: 0,
    hits: 0,
    bytes: [0; CAPACITY],
};

const KINDS: [TokenKind; 3] = [TokenKind::Arabic, TokenKind::Number, TokenKind::Other];

thread_local! {
    static MEMO: RefCell<Vec<Slot>> = RefCell::new(vec![EMPTY; SLOTS]);
}

/// A hash of a short byte string, eight bytes at a time (the multiply and
/// rotate of rustc's FxHasher).
#[inline]
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0xF135_7AEA_2E62_A9C5;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        h = (h.rotate_left(26) ^ word).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(26) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    h
}

/// The index of the first slot of a hash's set (from the hash's high bits,
/// the best mixed) and the check value stored in the slot.
#[inline]
fn locate(hash: u64) -> (usize, u32) {
    let sets = SLOTS / WAYS;
    ((hash >> (64 - sets.trailing_zeros())) as usize * WAYS, hash as u32)
}

/// The key of `surface` in the memo (0 for a token too long to memoize).
#[inline]
pub(super) fn key(surface: &str) -> u64 {
    if surface.len() > CAPACITY { 0 } else { hash(surface.as_bytes()) | 1 }
}

/// Loads the slots of `keys` without waiting for them: the table is larger
/// than the caches, so each probe is a trip to memory, and a batch of
/// independent loads issued together overlaps those trips.
#[inline]
pub(super) fn touch(keys: &[u64]) {
    MEMO.with(|memo| {
        let memo = memo.borrow();
        let mut sum = 0;
        for &key in keys {
            let at = locate(key).0;
            for slot in &memo[at..at + WAYS] {
                sum ^= slot.owner;
            }
        }
        std::hint::black_box(sum);
    });
}

/// The memoized answer for `surface`, whose key is `key`, from analyzer
/// `owner`, if any.
#[inline]
pub(super) fn get(owner: u64, surface: &str, key: u64) -> Option<Answer> {
    if key == 0 {
        return None;
    }
    let (at, check) = locate(key);
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let slot = memo[at..at + WAYS].iter_mut().find(|slot| {
            let len = slot.surface_len as usize;
            slot.owner == owner
                && slot.hash == check
                && len == surface.len()
                && slot.bytes[..len] == *surface.as_bytes()
        })?;
        slot.hits = slot.hits.saturating_add(1);
        let place = |stored: bool, start: u8, end: u8| {
            if stored { Place::Stored(start, end) } else { Place::Surface(start, end) }
        };
        let [n0, n1, s0, s1] = slot.places;
        Some(Answer {
            normalized: place(slot.flags & 8 != 0, n0, n1),
            stem: place(slot.flags & 16 != 0, s0, s1),
            kind: KINDS[(slot.flags & 3) as usize],
            stopword: slot.flags & 4 != 0,
            bytes: slot.bytes,
        })
    })
}

/// What to remember about one token.
pub(super) struct Record<'a> {
    pub surface: &'a str,
    pub normalized: &'a str,
    pub stem: &'a str,
    pub kind: TokenKind,
    pub stopword: bool,
}

/// Where `inner` lies in `outer`, if it is a slice of it.
pub(super) fn slice_range(outer: &str, inner: &str) -> Option<Range<usize>> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (start + inner.len() <= outer.len()).then_some(start..start + inner.len())
}

/// Remembers `record`, whose surface form's key is `key`, for analyzer
/// `owner`, if it fits in a slot.
pub(super) fn put(owner: u64, key: u64, record: &Record<'_>) {
    if key == 0 {
        return;
    }
    let mut slot = EMPTY;
    let mut len = 0;
    // Appends `s` to the slot's bytes; its range there.
    let mut store = |s: &str| -> Option<(u8, u8)> {
        let end = len + s.len();
        slot.bytes.get_mut(len..end)?.copy_from_slice(s.as_bytes());
        let range = (len as u8, end as u8);
        len = end;
        Some(range)
    };
    let as_u8 = |range: Range<usize>| (range.start as u8, range.end as u8);
    let Some(_) = store(record.surface) else { return };
    let (normalized, normalized_stored) = match slice_range(record.surface, record.normalized) {
        Some(range) => (as_u8(range), false),
        None => match store(record.normalized) {
            Some(range) => (range, true),
            None => return,
        },
    };
    let (stem, stem_stored) = match slice_range(record.surface, record.stem) {
        Some(range) => (as_u8(range), false),
        None => match slice_range(record.normalized, record.stem) {
            Some(range) if normalized_stored => {
                ((normalized.0 + range.start as u8, normalized.0 + range.end as u8), true)
            }
            _ => match store(record.stem) {
                Some(range) => (range, true),
                None => return,
            },
        },
    };
    let (at, check) = locate(key);
    slot.owner = owner;
    slot.hash = check;
    slot.surface_len = record.surface.len() as u8;
    slot.places = [normalized.0, normalized.1, stem.0, stem.1];
    let kind = KINDS.iter().position(|&k| k == record.kind).unwrap_or(0) as u8;
    slot.flags = kind
        | u8::from(record.stopword) << 2
        | u8::from(normalized_stored) << 3
        | u8::from(stem_stored) << 4;
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let set = &mut memo[at..at + WAYS];
        // An empty slot, else the one with the fewest hits; the others age.
        let way = match set.iter().position(|s| s.owner == 0) {
            Some(way) => way,
            None => {
                let way = (0..WAYS).min_by_key(|&w| set[w].hits).unwrap_or(0);
                for other in set.iter_mut() {
                    other.hits /= 2;
                }
                way
            }
        };
        set[way] = slot;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(surface: &'a str, normalized: &'a str, stem: &'a str) -> Record<'a> {
        Record { surface, normalized, stem, kind: TokenKind::Arabic, stopword: false }
    }

    #[test]
    fn slices_of_the_surface_are_not_copied() {
        let owner = new_owner();
        let surface = "والكتاب";
        put(owner, key(surface), &record(surface, surface, &surface[6..]));
        let answer = get(owner, surface, key(surface)).expect("just stored");
        assert_eq!(answer.normalized, Place::Surface(0, surface.len() as u8));
        assert_eq!(answer.stem, Place::Surface(6, surface.len() as u8));
        assert_eq!(answer.get(surface, answer.stem), "كتاب");
    }

    #[test]
    fn changed_forms_are_stored() {
        let owner = new_owner();
        let (surface, normalized) = ("المكتبةُ", String::from("المكتبه"));
        put(owner, key(surface), &record(surface, &normalized, &normalized[4..]));
        let answer = get(owner, surface, key(surface)).expect("just stored");
        assert_eq!(answer.get(surface, answer.normalized), "المكتبه");
        assert_eq!(answer.get(surface, answer.stem), "مكتبه");
        let lemma = String::from("كتاب");
        put(owner, key("كتب"), &record("كتب", "كتب", &lemma));
        let answer = get(owner, "كتب", key("كتب")).expect("just stored");
        assert_eq!(answer.get("كتب", answer.stem), "كتاب");
    }

    #[test]
    fn owners_and_lookalikes_are_kept_apart() {
        let (one, two) = (new_owner(), new_owner());
        put(one, key("كتاب"), &record("كتاب", "كتاب", "كتاب"));
        assert!(get(two, "كتاب", key("كتاب")).is_none());
        assert!(get(one, "كتابا", key("كتابا")).is_none());
        assert!(get(one, "كتاب", key("كتاب")).is_some());
    }

    #[test]
    fn a_frequent_token_outlives_rare_ones_in_its_set() {
        let owner = new_owner();
        let frequent = "كتاب";
        let set = locate(key(frequent)).0;
        // Rare tokens that fall in the same set.
        let rare: Vec<String> = (0..)
            .map(|i| format!("w{i}"))
            .filter(|w| locate(key(w)).0 == set)
            .take(2 * WAYS)
            .collect();
        put(owner, key(frequent), &record(frequent, frequent, frequent));
        // Hits enough to outlast the evictions to come (each halves them).
        for _ in 0..100 {
            assert!(get(owner, frequent, key(frequent)).is_some());
        }
        for word in &rare {
            put(owner, key(word), &record(word, word, word));
        }
        assert!(get(owner, frequent, key(frequent)).is_some(), "the frequent token was evicted");
        // The last rare token is there too; the set holds WAYS tokens.
        let last = rare.last().expect("rare tokens");
        assert!(get(owner, last, key(last)).is_some());
        let held = rare.iter().filter(|w| get(owner, w, key(w)).is_some()).count();
        assert_eq!(held, WAYS - 1);
    }

    #[test]
    fn tokens_too_long_for_a_slot_are_not_memoized() {
        let owner = new_owner();
        let long = "ك".repeat(CAPACITY / 2 + 1);
        put(owner, key(&long), &record(&long, &long, &long));
        assert!(get(owner, &long, key(&long)).is_none());
        let normalized = "ه".repeat(CAPACITY / 2);
        put(owner, key("كتاب"), &record("كتاب", &normalized, &normalized));
        assert!(get(owner, "كتاب", key("كتاب")).is_none());
    }
}
