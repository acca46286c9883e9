//! Stopwords in the lexicon stemmer: which words are function words, and
//! what stem each gets (the word itself, or an auxiliary verb's lemma).

use std::borrow::Cow;

use super::affixes::{AUXILIARY_VERBS, WEAK_SUFFIX, has_prefix, host_and_pronoun};
use super::analysis::{Analysis, Decision, whole};
use super::{StemMode, Stemmer, chars};
use crate::chars::WAW;

impl Stemmer {
    /// Whether `key` is a stopword, possibly after و or ف, or a
    /// preposition or particle with a pronoun (see [`host_and_pronoun`]);
    /// the length of the conjunction if so.
    pub(super) fn stopword_split(&self, key: &str) -> Option<usize> {
        if self.lexicons.is_stopword(key) {
            return Some(0);
        }
        let conjunction = ["\u{0648}", "\u{0641}"].iter().find_map(|p| {
            let rest = &key[if has_prefix(key, p) { p.len() } else { return None }..];
            (chars(rest) >= 2 && self.lexicons.is_stopword(rest)).then_some(p.len())
        });
        // A preposition or particle with a pronoun is a function word
        // too (فيكم, لديهم, وفيكم).
        conjunction.or_else(|| host_and_pronoun(key))
    }

    /// The analysis of a stopword: a preposition or particle with a
    /// pronoun is kept whole (فيهم is not ف + يهم, nor in search the
    /// commoner في: "in them" finds its verse where "in" does not); another
    /// stopword, its lexicon analysis when that leads to an auxiliary verb
    /// (كانت → كان, يكون → كان, see [`AUXILIARY_VERBS`]) or strips only و
    /// or ف (وإن → ان), so that the inflected forms of an auxiliary meet
    /// it (not in the `surface` mode); otherwise the word itself. A
    /// function word is never stemmed into a content word (ذلك is not ذل +
    /// ك) nor into another function word (أنتم is not أن + تم, لعل not ل +
    /// عل), and takes no accusative alef (اما is not ام + ا).
    pub(super) fn stopword_stem<'k>(&self, key: &'k str) -> Analysis<'k> {
        if host_and_pronoun(key).is_some() {
            return whole(Cow::Borrowed(key), Decision::Stopword).with_stopword(true);
        }
        let analysis = self.lexicon(key);
        let inflected = self.config.mode != StemMode::Surface
            && matches!(
                analysis.decision,
                Decision::KnownStem | Decision::VerbForm | Decision::Exception
            )
            && analysis.stem != key
            && analysis.suffix != WEAK_SUFFIX
            && self.lexicons.is_stopword(&analysis.stem)
            && (AUXILIARY_VERBS.contains(&&*analysis.stem)
                || (!analysis.prefix.is_empty()
                    && analysis.prefix.chars().all(|c| c == WAW || c == '\u{0641}')
                    && key[analysis.prefix.len()..] == *analysis.stem));
        if inflected {
            analysis.with_stopword(true)
        } else {
            whole(Cow::Borrowed(key), Decision::Stopword).with_stopword(true)
        }
    }
}
