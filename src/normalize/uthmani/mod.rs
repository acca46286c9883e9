//! Uthmani (Quranic) spelling to plain (imla'i) spelling: the word-level
//! rules of the `quran` preset.
//!
//! The Uthmani script of printed Qurans (the King Fahd Complex's Hafs
//! edition, Tanzil's Uthmani text) spells many words differently from modern
//! plain spelling, beyond its diacritics: the long a is often a superscript
//! (dagger) alef, or sits on a waw or an alef maksura (الصلوٰة, هدىٰكم); hamza
//! is often written alone or on a tatweel where plain spelling gives it a
//! seat (شيـًٔا, القرءان); small waw and small yeh stand for letters that
//! plain spelling writes in full or not at all; the article's lam merges into
//! a following lam (ٱلَّيل). These rules read the diacritics that tell those
//! cases apart, so they run on each word before the character rules strip
//! the diacritics.
//!
//! Each rule is one [`Rule`] and one configuration switch:
//!
//! * `superscript_alef = "plain_spelling"`: U+0670 ARABIC LETTER SUPERSCRIPT
//!   ALEF becomes U+0627 ARABIC LETTER ALEF, except in the words modern
//!   spelling writes without it (the demonstratives هٰذا هٰؤلاء ذٰلك أولٰئك,
//!   لٰكن, إلٰه, الرحمٰن); on U+0649 ARABIC LETTER ALEF MAKSURA inside a word
//!   and on a voweless U+0648 ARABIC LETTER WAW it replaces its seat (هدىٰكم →
//!   هداكم, الصلوٰة → الصلاة); on a final alef maksura it is dropped (علىٰ).
//!   A voweless U+06CC ARABIC LETTER FARSI YEH after a letter, with a
//!   dagger alef, is read as alef maksura, as editions in Persian letters
//!   mean it (a yeh that is a consonant carries its vowel or starts the
//!   word).
//! * `hamza_seats`: U+0621 ARABIC LETTER HAMZA with a vowel mark, and U+0654
//!   ARABIC HAMZA ABOVE on U+0640 ARABIC TATWEEL, are written on the seat
//!   plain spelling uses, chosen from the vowels around them (شيـًٔا → شيئا,
//!   يسـَٔلون → يسألون, يستهزءون → يستهزئون); hamza and alef become U+0622
//!   ARABIC LETTER ALEF WITH MADDA ABOVE (ءامنوا → آمنوا); U+0655 ARABIC
//!   HAMZA BELOW and U+0654 on yeh or alef maksura become U+0626 (امريٕ →
//!   امرئ).
//! * `small_letters`: U+06E5 ARABIC SMALL WAW and U+06E6 ARABIC SMALL YEH
//!   become U+0648 and U+064A, and U+06E7 ARABIC SMALL HIGH YEH adds a U+064A
//!   (يحيِۦ → يحيي, النبيـۧن → النبيين), except after the pronoun ه at the
//!   end of a word, where they only lengthen its vowel (ءايٰتهِۦ → آياته).
//! * `article_lam`: the article written ٱلّ (U+0671 ARABIC LETTER ALEF
//!   WASLA, U+0644 ARABIC LETTER LAM with U+0651 ARABIC SHADDA) before a word
//!   that begins with lam gets its own lam back (ٱلَّيل → الليل), except in
//!   the relative pronouns الذي، التي، الذين, which plain spelling also
//!   writes with one lam.
//!
//! Every rule needs the marks of Uthmani text to fire, so text in plain
//! spelling passes through unchanged; and what a rule writes is never
//! rewritten by a second pass, so the normalizer stays idempotent.

mod cluster;
mod spelling;

use std::ops::Range;

use self::cluster::{Cluster, is_mark, is_word_letter, split_clusters};
use self::spelling::{article_lam, dagger_alef, hamza_seat, small_letter};
use super::config::{NormalizerConfig, SuperscriptAlef};
use super::record::{Event, Recorder};
use super::rules::Rule;
use crate::chars::*;

/// Which of the word-level rules a configuration turns on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Orthography {
    dagger_alef: bool,
    hamza_seats: bool,
    small_letters: bool,
    article_lam: bool,
    /// The character rules strip tatweel: one that seats nothing is
    /// transparent, its marks belonging to the letter before.
    tatweel_stripped: bool,
}

impl Orthography {
    /// The rules `config` turns on, or `None` when it turns on none.
    pub(crate) fn from_config(config: &NormalizerConfig) -> Option<Orthography> {
        let rules = Orthography {
            dagger_alef: config.superscript_alef == SuperscriptAlef::PlainSpelling,
            hamza_seats: config.hamza_seats,
            small_letters: config.small_letters,
            article_lam: config.article_lam,
            tatweel_stripped: config.tatweel,
        };
        let any =
            rules.dagger_alef || rules.hamza_seats || rules.small_letters || rules.article_lam;
        any.then_some(rules)
    }

    /// Appends `text` in plain spelling to `out` and returns `true`, or
    /// returns `false` and leaves `out` alone when no rule applies. Each
    /// change goes to `recorder`, with input offsets in `text` and output
    /// offsets in `out` (counted from where `text` began in it).
    pub(crate) fn apply<R: Recorder>(
        &self,
        text: &str,
        out: &mut String,
        recorder: &mut R,
    ) -> bool {
        let start = out.len();
        let mut copied = 0;
        let mut edits = Vec::new();
        let mut changed = false;
        let mut clusters = Vec::new();
        for word in words_with_triggers(text) {
            edits.clear();
            split_clusters(text, word.clone(), self.tatweel_stripped, &mut clusters);
            self.word_edits(text, &clusters, &mut edits);
            if edits.is_empty() {
                continue;
            }
            changed = true;
            edits.sort_by_key(|e| (e.range.start, e.range.end));
            for edit in &edits {
                if edit.range.start < copied {
                    // Inside a span another rule already rewrote (a madda
                    // alef made of a hamza and the alef after it).
                    continue;
                }
                out.push_str(&text[copied..edit.range.start]);
                let at = out.len() - start;
                out.push_str(edit.with);
                if R::ENABLED {
                    recorder.record(Event {
                        rule: edit.rule,
                        input: edit.range.clone(),
                        output: at..at + edit.with.len(),
                    });
                }
                copied = edit.range.end;
            }
        }
        if !changed {
            return false;
        }
        out.push_str(&text[copied..]);
        true
    }

    fn word_edits(&self, text: &str, word: &[Cluster], edits: &mut Vec<Edit>) {
        if self.article_lam {
            article_lam(word, edits);
        }
        let mut head = None;
        for (i, cluster) in word.iter().enumerate() {
            if self.dagger_alef && cluster.base == SUPERSCRIPT_ALEF {
                // A dagger alef with no letter to sit on.
                let range = cluster.base_range.clone();
                edits.push(Edit { rule: Rule::SuperscriptAlef, range, with: "" });
            }
            if cluster.repeated_marks {
                self.drop_repeated_marks(text, cluster, edits);
            }
            if self.hamza_seats {
                hamza_seat(word, i, edits);
            }
            if self.small_letters {
                small_letter(text, word, i, edits);
            }
            if self.dagger_alef && cluster.dagger.is_some() {
                dagger_alef(word, i, self.hamza_seats, &mut head, edits);
            }
        }
    }

    /// Deletes the dagger alefs and hamza marks after the first of each on
    /// one letter, which say nothing more, so that the rule reading the
    /// first leaves none behind.
    fn drop_repeated_marks(&self, text: &str, cluster: &Cluster, edits: &mut Vec<Edit>) {
        let (mut dagger, mut hamza) = (false, false);
        for (offset, c) in text[cluster.range.clone()].char_indices() {
            let at = cluster.range.start + offset;
            let range = at..at + c.len_utf8();
            match c {
                SUPERSCRIPT_ALEF if dagger && self.dagger_alef => {
                    edits.push(Edit { rule: Rule::SuperscriptAlef, range, with: "" })
                }
                HAMZA_ABOVE | HAMZA_BELOW if hamza && self.hamza_seats => {
                    edits.push(Edit { rule: Rule::HamzaSeats, range, with: "" })
                }
                SUPERSCRIPT_ALEF => dagger = true,
                HAMZA_ABOVE | HAMZA_BELOW => hamza = true,
                _ => {}
            }
        }
    }
}

/// The byte offset of the first trigger in `text`: a code point some rule
/// needs to fire, a vowel or other mark U+064B..=U+065F (a hamza is read
/// only with its vowel), U+0618..=U+061A ARABIC SMALL FATHA, DAMMA, KASRA,
/// the dagger alef, alef wasla, the small letters U+06E5..=U+06E8 or the
/// open tanween U+08F0..=U+08F2. Read from the UTF-8 bytes: text without
/// them (most modern text) costs one pass over its bytes.
fn next_trigger(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.windows(2).enumerate().position(|(at, pair)| match *pair {
        [0xD8, 0x98..=0x9A] | [0xD9, 0x8B..=0x9F] | [0xD9, 0xB0 | 0xB1] | [0xDB, 0xA5..=0xA8] => {
            true
        }
        [0xE0, 0xA3] => matches!(bytes.get(at + 2), Some(0xB0..=0xB2)),
        _ => false,
    })
}

/// One change: `range` of the input becomes `with`.
#[derive(Debug)]
struct Edit {
    rule: Rule,
    range: Range<usize>,
    with: &'static str,
}

/// The byte ranges of the words of `text` (runs of letters and marks)
/// that hold a trigger (see [`next_trigger`]), in order. Found from the
/// triggers, so that a text pays a walk over its characters only around
/// them: a modern text with a few tanween marks is read byte by byte once.
fn words_with_triggers(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let in_word = |c: char| is_word_letter(c) || is_mark(c);
    let mut from = 0;
    std::iter::from_fn(move || {
        // A trigger is a letter or a mark, so it lies inside a word.
        let at = from + next_trigger(&text[from..])?;
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_word(c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = text[at..]
            .char_indices()
            .find(|&(_, c)| !in_word(c))
            .map_or(text.len(), |(i, _)| at + i);
        from = end;
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word (run of letters and marks) of `text` that holds a
    /// trigger, found by walking every character.
    fn words_walked(text: &str) -> Vec<Range<usize>> {
        let in_word = |c: char| is_word_letter(c) || is_mark(c);
        let mut words = Vec::new();
        let mut start = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (start, in_word(c) && at < text.len()) {
                (None, true) => start = Some(at),
                (Some(from), false) => {
                    if next_trigger(&text[from..at]).is_some() {
                        words.push(from..at);
                    }
                    start = None;
                }
                _ => {}
            }
        }
        words
    }

    #[test]
    fn words_found_from_their_triggers_are_the_words_holding_one() {
        // Letters, marks that trigger and marks that do not, a wasla, a
        // small waw, an open tanween (three bytes), spaces and Latin.
        let pieces =
            ["ك", "ت", "ا", "\u{064E}", "\u{0670}", "\u{0671}", "\u{06E5}", "\u{08F0}", " ", "a"];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> =
                texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
            texts.extend(longer);
            texts.dedup();
            if texts.len() > 20_000 {
                break;
            }
        }
        for text in &texts {
            let found: Vec<_> = words_with_triggers(text).collect();
            assert_eq!(found, words_walked(text), "{text:?}");
        }
    }
}
