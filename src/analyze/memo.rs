//! The analyzer's per-thread memo of whole-token answers, keyed by the
//! token as written (a [`crate::memo::Table`]).
//!
//! Running text repeats its words: in one pass over the 60 MB news corpus,
//! this memo answers 90% of tokens. For a repeated token it answers
//! normalization, stopword lookup and stemming with one hash of the raw
//! bytes and one probe, where the full path normalizes the token, hashes
//! its key form and asks the stemmer (whose own memo is keyed by the key
//! form). A line holds the surface form and, when they are not slices of
//! it, the normalized form and the stem. An answer from the memo is exactly
//! the one the full path computes.

use std::cell::RefCell;
use std::ops::Range;

use crate::memo::{BYTES, LineBytes, LineText, Table, hash};
use crate::tokenize::TokenKind;

pub(super) use crate::memo::new_owner;

/// Bytes a line has for the surface, the normalized form and the stem
/// together; tokens that need more (about 2% in news) are not memoized.
pub(super) const CAPACITY: usize = BYTES;

/// Where a memoized string is: a slice of the surface form, or stored in
/// the line (copied out with the answer).
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
    bytes: LineText,
}

impl Answer {
    /// The string at `place`, given the surface form it was stored with.
    pub fn get<'s>(&'s self, surface: &'s str, place: Place) -> &'s str {
        match place {
            Place::Surface(start, end) => &surface[start as usize..end as usize],
            Place::Stored(start, end) => self.bytes.get(start, end),
        }
    }
}

/// The fixed part of a line's answer.
#[derive(Clone, Copy)]
struct Fixed {
    /// Start and end of the normalized form and of the stem.
    places: [u8; 4],
    /// Bits 0-1: kind; 2: stopword; 3: normalized stored; 4: stem stored.
    flags: u8,
}

const KINDS: [TokenKind; 3] = [TokenKind::Arabic, TokenKind::Number, TokenKind::Other];

thread_local! {
    static MEMO: RefCell<Table<Fixed>> = RefCell::new(Table::new(Fixed { places: [0; 4], flags: 0 }));
}

/// The key of `surface` in the memo (0 for a token too long to memoize).
#[inline]
pub(super) fn key(surface: &str) -> u64 {
    if surface.len() > CAPACITY { 0 } else { hash(surface.as_bytes()) | 1 }
}

/// Loads the sets of `keys` together (see [`Table::touch`]).
#[inline]
pub(super) fn touch(keys: &[u64]) {
    MEMO.with(|memo| memo.borrow().touch(keys));
}

/// The memoized answer for `surface`, whose key is `key`, from analyzer
/// `owner`, if any.
#[inline]
pub(super) fn get(owner: u64, surface: &str, key: u64) -> Option<Answer> {
    if key == 0 {
        return None;
    }
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let line = memo.find(owner, key, surface.as_bytes())?;
        let place = |stored: bool, start: u8, end: u8| {
            if stored { Place::Stored(start, end) } else { Place::Surface(start, end) }
        };
        let Fixed { places: [n0, n1, s0, s1], flags } = line.answer;
        Some(Answer {
            normalized: place(flags & 8 != 0, n0, n1),
            stem: place(flags & 16 != 0, s0, s1),
            kind: KINDS[(flags & 3) as usize],
            stopword: flags & 4 != 0,
            bytes: line.bytes,
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
/// `owner`, if it fits in a line.
pub(super) fn put(owner: u64, key: u64, record: &Record<'_>) {
    if key == 0 {
        return;
    }
    let Some(mut bytes) = LineBytes::new(record.surface) else { return };
    let as_u8 = |range: Range<usize>| (range.start as u8, range.end as u8);
    let (normalized, normalized_stored) = match slice_range(record.surface, record.normalized) {
        Some(range) => (as_u8(range), false),
        None => match bytes.push(record.normalized) {
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
            _ => match bytes.push(record.stem) {
                Some(range) => (range, true),
                None => return,
            },
        },
    };
    let kind = KINDS.iter().position(|&k| k == record.kind).unwrap_or(0) as u8;
    let flags = kind
        | u8::from(record.stopword) << 2
        | u8::from(normalized_stored) << 3
        | u8::from(stem_stored) << 4;
    let fixed = Fixed { places: [normalized.0, normalized.1, stem.0, stem.1], flags };
    MEMO.with(|memo| memo.borrow_mut().insert(owner, key, fixed, bytes));
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
