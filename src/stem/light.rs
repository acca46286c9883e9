//! The stemmers that use no lexicon: light10 and Lucene's ArabicStemmer,
//! each a fixed sequence of affix cuts.

use super::affixes::{
    LIGHT10_ARTICLES, LIGHT10_SUFFIXES, LIGHT10_WAW, has_prefix, has_suffix, lucene_prefixes,
};
use super::{Analysis, Decision, chars, split};

/// light10 on a key.
pub(super) fn light10(key: &str) -> Analysis<'_> {
    let mut start = 0;
    let mut end = key.len();
    if has_prefix(key, LIGHT10_WAW) && chars(&key[LIGHT10_WAW.len()..]) >= 3 {
        start = LIGHT10_WAW.len();
    }
    if let Some(article) = LIGHT10_ARTICLES.iter().find(|a| has_prefix(&key[start..], a))
        && chars(&key[start + article.len()..]) >= 2
    {
        start += article.len();
    }
    for suffix in LIGHT10_SUFFIXES {
        if has_suffix(&key[start..end], suffix) && chars(&key[start..end - suffix.len()]) >= 2 {
            end -= suffix.len();
        }
    }
    split(key, start, end, Decision::Light)
}

/// Lucene's ArabicStemmer on a word as given. Lucene measures lengths in
/// UTF-16 code units (Java `char`s); so does this.
pub(super) fn lucene(word: &str) -> Analysis<'_> {
    // Every affix is made of two-byte Arabic letters, one unit each.
    let units = |affix: &str| affix.len() / 2;
    let mut len = word.encode_utf16().count();
    let mut start = 0;
    let prefix = lucene_prefixes().find(|p| {
        let long_enough = if units(p) == 1 { len >= 4 } else { len >= units(p) + 2 };
        long_enough && has_prefix(word, p)
    });
    if let Some(prefix) = prefix {
        start = prefix.len();
        len -= units(prefix);
    }
    let mut end = word.len();
    for suffix in LIGHT10_SUFFIXES {
        if len >= units(suffix) + 2 && has_suffix(&word[start..end], suffix) {
            end -= suffix.len();
            len -= units(suffix);
        }
    }
    split(word, start, end, Decision::Lucene)
}
