//! The analyzer's per-thread memo of whole-token answers, keyed by the
//! token as written (a [`crate::memo::Memo`]).
//!
//! Running text repeats its words: on news, this memo answers 90% of
//! tokens. For a repeated token it answers
//! normalization, stopword lookup and stemming with one hash of the raw
//! bytes and one probe, where the full path normalizes the token, hashes
//! its key form and asks the stemmer (whose own memo is keyed by the key
//! form). A line holds the surface form and, when they are not slices of
//! it, the normalized form and the stem. An answer from the memo is exactly
//! the one the full path computes.

use std::ops::Range;
use std::sync::LazyLock;

use crate::chars::same_bytes;
use crate::hash::hash;
use crate::memo::{self, BYTES, LineBytes, Memo};
use crate::normalize::config::NormalizerConfig;
use crate::stem::Stemmer;
use crate::tokenize::TokenKind;

/// The identity of an analyzer's entries: shared by analyzers of the same
/// normalizer settings, stemmer settings and stemming switch when the
/// stemmer's lexicons are the embedded ones (see [`memo::owner_of`]), a
/// fresh one otherwise.
pub(super) fn owner(normalizer: &NormalizerConfig, stemmer: &Stemmer, stemming: bool) -> u64 {
    static OWNERS: memo::Owners<(NormalizerConfig, u64, bool)> = LazyLock::new(Default::default);
    let settings = stemmer.shared_memo_owner().map(|s| (normalizer.clone(), s, stemming));
    memo::owner_of(&OWNERS, settings)
}

/// Bytes a line has for the surface, the normalized form and the stem
/// together; tokens that need more (about 2% in news) are not memoized.
pub(super) const CAPACITY: usize = BYTES;

/// A remembered analysis of one token (that normalized to one token), its
/// strings borrowed from the token or from the memo.
pub(super) struct Remembered<'a> {
    pub normalized: &'a str,
    pub stem: &'a str,
    pub kind: TokenKind,
    pub stopword: bool,
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
    static MEMO: Memo<Fixed> = Memo::new(Fixed { places: [0; 4], flags: 0 }, 1);
}

/// Lines of the table with the default budget (the whole of it, see
/// [`crate::memo::set_memo_bytes`]): 192k lines, 12 MiB.
#[cfg(test)]
pub(crate) const LINES: usize = 3 << 16;

/// The key of `surface` in the memo (0 for a token too long to memoize).
#[inline]
pub(super) fn key(surface: &str) -> u64 {
    if surface.len() > CAPACITY { 0 } else { hash(surface.as_bytes()) | 1 }
}

/// Loads the sets of `keys` together (see [`memo::Table::touch`]).
#[inline]
pub(super) fn touch(keys: &[u64]) {
    memo::with(&MEMO, |table| table.touch(keys));
}

/// Calls `use_it` with the remembered answer for `surface`, whose key is
/// `key`, from analyzer `owner`, and returns what it returns; `None` if
/// the memo does not know the token.
///
/// `use_it` runs while the memo is borrowed, so that strings stored in
/// the line are lent without a copy. A caller that analyzes text on this
/// thread from inside `use_it` (a visitor that calls an analyzer) finds
/// the memo busy: its tokens are computed and not remembered.
#[inline]
pub(super) fn recall<R>(
    owner: u64,
    surface: &str,
    key: u64,
    use_it: impl FnOnce(&Remembered<'_>) -> R,
) -> Option<R> {
    if key == 0 {
        return None;
    }
    memo::with(&MEMO, |table| {
        let line = table.find(owner, key, surface.as_bytes())?;
        let Fixed { places: [n0, n1, s0, s1], flags } = line.answer;
        let text = |stored: bool, start: u8, end: u8| {
            if stored {
                line.bytes.get(start, end)
            } else {
                surface.get(start as usize..end as usize).unwrap_or("")
            }
        };
        Some(use_it(&Remembered {
            normalized: text(flags & 8 != 0, n0, n1),
            stem: text(flags & 16 != 0, s0, s1),
            kind: KINDS[(flags & 3) as usize],
            stopword: flags & 4 != 0,
        }))
    })
    .flatten()
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

/// Where the text of `inner` lies in `outer`: its place if it is a slice
/// of it, else the first place the same bytes are found. A stem the
/// stemmer built (كتابُ's stem كتاب, copied from the normalized form) is
/// often in the surface all the same: found there, it is lent from the
/// caller's text on a recall (`Analyzer::analyze` then copies nothing)
/// and takes no room in the line.
fn find_in(outer: &str, inner: &str) -> Option<Range<usize>> {
    slice_range(outer, inner).or_else(|| {
        // A plain scan with the crate's inline compare: both are a few
        // dozen bytes at most, where `str::find` spends more setting up its
        // searcher than searching (and a slice `==`, a call to `memcmp`
        // per place). A match of
        // valid UTF-8 in valid UTF-8 starts and ends on character
        // boundaries.
        let (outer, inner) = (outer.as_bytes(), inner.as_bytes());
        if inner.is_empty() {
            return Some(0..0);
        }
        let start = outer.windows(inner.len()).position(|window| same_bytes(window, inner))?;
        Some(start..start + inner.len())
    })
}

/// Remembers `record`, whose surface form's key is `key`, for analyzer
/// `owner`, if it fits in a line.
pub(super) fn put(owner: u64, key: u64, record: &Record<'_>) {
    if key == 0 {
        return;
    }
    let Some(mut bytes) = LineBytes::new(record.surface) else { return };
    let as_u8 = |range: Range<usize>| (range.start as u8, range.end as u8);
    let (normalized, normalized_stored) = match find_in(record.surface, record.normalized) {
        Some(range) => (as_u8(range), false),
        None => match bytes.push(record.normalized) {
            Some(range) => (range, true),
            None => return,
        },
    };
    let (stem, stem_stored) = match find_in(record.surface, record.stem) {
        Some(range) => (as_u8(range), false),
        None => match find_in(record.normalized, record.stem) {
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
    memo::with(&MEMO, |table| table.insert(owner, key, fixed, bytes));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memo::new_owner;

    fn record<'a>(surface: &'a str, normalized: &'a str, stem: &'a str) -> Record<'a> {
        Record { surface, normalized, stem, kind: TokenKind::Arabic, stopword: false }
    }

    /// The remembered normalized form and stem of `surface`, and whether
    /// each lies in `surface`.
    fn recalled(owner: u64, surface: &str) -> Option<(String, String, bool, bool)> {
        recall(owner, surface, key(surface), |r| {
            let in_surface = |s: &str| slice_range(surface, s).is_some();
            (
                r.normalized.to_string(),
                r.stem.to_string(),
                in_surface(r.normalized),
                in_surface(r.stem),
            )
        })
    }

    #[test]
    fn slices_of_the_surface_are_not_copied() {
        let owner = new_owner();
        let surface = "والكتاب";
        put(owner, key(surface), &record(surface, surface, &surface[6..]));
        let answer = recalled(owner, surface).expect("just stored");
        assert_eq!(answer, (surface.to_string(), "كتاب".to_string(), true, true));
    }

    #[test]
    fn changed_forms_are_stored() {
        let owner = new_owner();
        let (surface, normalized) = ("المكتبةُ", String::from("المكتبه"));
        put(owner, key(surface), &record(surface, &normalized, &normalized[4..]));
        let answer = recalled(owner, surface).expect("just stored");
        assert_eq!(answer, ("المكتبه".to_string(), "مكتبه".to_string(), false, false));
        let lemma = String::from("كتاب");
        put(owner, key("كتب"), &record("كتب", "كتب", &lemma));
        let answer = recalled(owner, "كتب").expect("just stored");
        assert_eq!(answer, ("كتب".to_string(), "كتاب".to_string(), true, false));
    }

    #[test]
    fn find_in_prefers_the_slice_then_the_first_copy() {
        let outer = "كتابكتاب";
        // A slice is its own place, even where the same bytes come first.
        assert_eq!(find_in(outer, &outer[8..]), Some(8..16));
        // A copy is found where its bytes first are.
        assert_eq!(find_in(outer, &String::from("كتاب")), Some(0..8));
        assert_eq!(find_in(outer, &String::from("ابك")), Some(4..10));
        let empty = String::with_capacity(1); // on the heap: no slice of `outer`
        assert_eq!(find_in(outer, &empty), Some(0..0));
        assert_eq!(find_in(outer, &String::from("كتب")), None);
        assert_eq!(find_in("كتاب", &String::from("كتابكتاب")), None);
    }

    #[test]
    fn copies_of_the_surface_are_found_in_it() {
        // The normalized form and the stem are copies, not slices, whose
        // bytes the surface holds: both come back lent from it.
        let owner = new_owner();
        let surface = "الكتابُ";
        let (normalized, stem) = (String::from("الكتاب"), String::from("كتاب"));
        put(owner, key(surface), &record(surface, &normalized, &stem));
        let answer = recalled(owner, surface).expect("just stored");
        assert_eq!(answer, ("الكتاب".to_string(), "كتاب".to_string(), true, true));
        // A stem found in the stored normalized form only.
        let surface = "بالأمسِ";
        let (normalized, stem) = (String::from("بالامس"), String::from("امس"));
        put(owner, key(surface), &record(surface, &normalized, &stem));
        let answer = recalled(owner, surface).expect("just stored");
        assert_eq!(answer, ("بالامس".to_string(), "امس".to_string(), false, false));
    }

    #[test]
    fn tokens_too_long_for_a_slot_are_not_memoized() {
        let owner = new_owner();
        let long = "ك".repeat(CAPACITY / 2 + 1);
        put(owner, key(&long), &record(&long, &long, &long));
        assert!(recalled(owner, &long).is_none());
        let normalized = "ه".repeat(CAPACITY / 2);
        put(owner, key("كتاب"), &record("كتاب", &normalized, &normalized));
        assert!(recalled(owner, "كتاب").is_none());
    }

    #[test]
    fn a_busy_memo_is_passed_by() {
        let owner = new_owner();
        put(owner, key("كتاب"), &record("كتاب", "كتاب", "كتاب"));
        let inner = recall(owner, "كتاب", key("كتاب"), |_| {
            // Inside a recall, on the same thread: neither answers nor panics.
            put(owner, key("قلم"), &record("قلم", "قلم", "قلم"));
            touch(&[key("قلم")]);
            recalled(owner, "كتاب")
        });
        assert_eq!(inner, Some(None));
        assert!(recalled(owner, "قلم").is_none());
        assert!(recalled(owner, "كتاب").is_some());
    }
}
