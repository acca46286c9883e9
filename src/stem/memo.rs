//! The stemmer's per-thread memo of recent analyses (a
//! [`crate::memo::Memo`]), keyed by the word's key form.
//!
//! A lexicon analysis costs several lookups; running text repeats its
//! words. Entries carry the identity of the stemmer that made them, so a
//! remembered answer is exactly the one the stemmer would compute. A line
//! holds the key and, when the stem is not a slice of it (an exception, a
//! verb's lemma), the stem.

use std::sync::{Arc, LazyLock};

use super::lexicons::Lexicons;
use super::{Decision, StemmerConfig};
use crate::hash::hash;
use crate::memo::{self, LineBytes, Memo};

/// The identity of a stemmer's entries: one per mode and shortest stem
/// for the embedded lexicons (see [`memo::owner_of`]), a fresh one for
/// lexicons loaded from files.
pub(crate) fn owner(config: &StemmerConfig, lexicons: &Arc<Lexicons>) -> u64 {
    static OWNERS: memo::Owners<(super::StemMode, usize)> = LazyLock::new(Default::default);
    let settings = (config.mode, config.min_stem_len);
    memo::owner_of(&OWNERS, Lexicons::are_embedded(lexicons).then_some(settings))
}

/// The fixed part of a cached analysis.
#[derive(Clone, Copy)]
struct Fixed {
    prefix_len: u8,
    suffix_len: u8,
    /// 0: the stem is the key without its prefix and suffix; otherwise
    /// the stem is stored after the key, this many bytes.
    stem_len: u8,
    decision: Decision,
    stopword: bool,
}

/// An analysis as lengths into the key, or a stem of its own (`S` is
/// `String` when read, `&str` when written).
pub(crate) struct Entry<S> {
    pub prefix_len: usize,
    pub suffix_len: usize,
    /// `None`: the stem is `key[prefix_len..key.len() - suffix_len]`.
    pub stem: Option<S>,
    pub decision: Decision,
    pub stopword: bool,
}

const EMPTY: Fixed = Fixed {
    prefix_len: 0,
    suffix_len: 0,
    stem_len: 0,
    decision: Decision::Unchanged,
    stopword: false,
};

thread_local! {
    static MEMO: Memo<Fixed> = Memo::new(EMPTY, 3);
}

/// Lines of the table with the default budget (a third of it, see
/// [`crate::memo::set_memo_bytes`]): 64k lines, 4 MiB.
#[cfg(test)]
pub(crate) const LINES: usize = 1 << 16;

/// The remembered analysis of `key` by stemmer `stemmer`, if any.
pub(crate) fn recall(stemmer: u64, key: &str) -> Option<Entry<String>> {
    memo::with(&MEMO, |table| {
        let line = table.find(stemmer, hash(key.as_bytes()), key.as_bytes())?;
        let Fixed { prefix_len, suffix_len, stem_len, decision, stopword } = line.answer;
        let stem = (stem_len > 0).then(|| {
            let start = key.len() as u8;
            line.bytes.get(start, start + stem_len).to_string()
        });
        Some(Entry {
            prefix_len: prefix_len.into(),
            suffix_len: suffix_len.into(),
            stem,
            decision,
            stopword,
        })
    })
    .flatten()
}

/// Remembers the analysis of `key`, if it fits in a line.
pub(crate) fn put(stemmer: u64, key: &str, entry: Entry<&str>) {
    let Some(mut bytes) = LineBytes::new(key) else { return };
    let stem_len = match entry.stem {
        Some(stem) if !stem.is_empty() => match bytes.push(stem) {
            Some((start, end)) => end - start,
            None => return,
        },
        _ => 0,
    };
    // Keys fit in a line, so their affixes' lengths fit in a byte.
    let fixed = Fixed {
        prefix_len: entry.prefix_len as u8,
        suffix_len: entry.suffix_len as u8,
        stem_len,
        decision: entry.decision,
        stopword: entry.stopword,
    };
    memo::with(&MEMO, |table| table.insert(stemmer, hash(key.as_bytes()), fixed, bytes));
}
