//! A word's analysis: what was cut, what remains, and what decided.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// What decided a word's stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Decision {
    /// Not Arabic, or too short to cut: unchanged.
    Unchanged,
    /// A stopword (possibly after و or ف): unchanged.
    Stopword,
    /// A protected word (possibly after a proclitic): never cut.
    Protected,
    /// An exception entry mapped the (stripped) word to its stem (in the
    /// `surface` mode, the word is kept as written).
    Exception,
    /// The (stripped) word is a known stem.
    KnownStem,
    /// The (stripped) word is a verb form, mapped to its lemma (in the
    /// `surface` mode, kept as written).
    VerbForm,
    /// A nisba adjective the lexicons do not list, stemmed to the noun it
    /// derives from (إسرائيلية → اسرائيل, عسكريين → عسكر).
    Nisba,
    /// No lexicon knew it: the conservative cut.
    Fallback,
    /// The light10 rules.
    Light,
    /// The rules of Lucene's ArabicStemmer.
    Lucene,
}

impl Decision {
    /// What decided, in words (as `sarf explain --stem` prints it).
    pub fn description(self) -> &'static str {
        match self {
            Decision::Unchanged => "unchanged (not Arabic, or too short to cut)",
            Decision::Stopword => "stopword, kept whole",
            Decision::Protected => "protected word",
            Decision::Exception => "exception entry (irregular form)",
            Decision::KnownStem => "known stem",
            Decision::VerbForm => "verb form, mapped to its lemma",
            Decision::Nisba => "nisba adjective, stemmed to its noun",
            Decision::Fallback => "rule fallback (no lexicon knew it)",
            Decision::Light => "light10 rules",
            Decision::Lucene => "Lucene's ArabicStemmer rules",
        }
    }
}

/// A word's analysis: what was cut, what remains, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Analysis<'a> {
    /// The proclitics removed.
    pub prefix: Cow<'a, str>,
    /// The stem.
    pub stem: Cow<'a, str>,
    /// The enclitics or endings removed.
    pub suffix: Cow<'a, str>,
    /// What decided.
    pub decision: Decision,
    /// Whether the word is a stopword (possibly after و or ف). A stopword
    /// that is an inflected form of another stopword gets that stopword as
    /// its stem (كانت → كان); any other, a preposition with a pronoun
    /// (عليه) included, keeps its letters ([`Decision::Stopword`]).
    pub stopword: bool,
}

/// A split of `key` whose stem is not a slice of it.
pub(super) fn owned(
    key: &str,
    start: usize,
    end: usize,
    stem: String,
    decision: Decision,
) -> Analysis<'_> {
    Analysis {
        prefix: Cow::Borrowed(&key[..start]),
        stem: Cow::Owned(stem),
        suffix: Cow::Borrowed(&key[end..]),
        decision,
        stopword: false,
    }
}

pub(super) fn whole(word: Cow<'_, str>, decision: Decision) -> Analysis<'_> {
    Analysis {
        prefix: Cow::Borrowed(""),
        stem: word,
        suffix: Cow::Borrowed(""),
        decision,
        stopword: false,
    }
}

pub(super) fn split(key: &str, start: usize, end: usize, decision: Decision) -> Analysis<'_> {
    Analysis {
        prefix: Cow::Borrowed(&key[..start]),
        stem: Cow::Borrowed(&key[start..end]),
        suffix: Cow::Borrowed(&key[end..]),
        decision,
        stopword: false,
    }
}

impl<'k> Analysis<'k> {
    /// The same analysis, flagged as a stopword's or not.
    pub(super) fn with_stopword(mut self, yes: bool) -> Analysis<'k> {
        self.stopword = yes;
        self
    }

    /// Re-borrows an analysis of `key` from `word`, which is the same text.
    pub(super) fn rebind<'w>(self, word: &'w str) -> Analysis<'w> {
        let rebind = |part: Cow<'k, str>, at: usize| -> Cow<'w, str> {
            match part {
                Cow::Borrowed(s) => Cow::Borrowed(&word[at..at + s.len()]),
                Cow::Owned(s) => Cow::Owned(s),
            }
        };
        let prefix_len = self.prefix.len();
        let stem_end = word.len() - self.suffix.len();
        let stem_at = if matches!(self.stem, Cow::Borrowed(_)) { prefix_len } else { 0 };
        Analysis {
            stem: rebind(self.stem, stem_at),
            prefix: rebind(self.prefix, 0),
            suffix: rebind(self.suffix, stem_end),
            decision: self.decision,
            stopword: self.stopword,
        }
    }

    /// Copies out an analysis that borrows from a temporary key.
    pub(super) fn into_owned_from<'w>(self, _key: &str) -> Analysis<'w> {
        Analysis {
            prefix: Cow::Owned(self.prefix.into_owned()),
            stem: Cow::Owned(self.stem.into_owned()),
            suffix: Cow::Owned(self.suffix.into_owned()),
            decision: self.decision,
            stopword: self.stopword,
        }
    }
}
