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

use std::ops::Range;

use super::config::{NormalizerConfig, SuperscriptAlef};
use super::record::{Event, Recorder};
use super::rules::Rule;
use crate::chars::*;

const FATHA: char = '\u{064E}';
const DAMMA: char = '\u{064F}';
const KASRA: char = '\u{0650}';
const DAMMATAN: char = '\u{064C}';
const KASRATAN: char = '\u{064D}';
/// U+08F0 ARABIC OPEN FATHATAN, U+08F1 ARABIC OPEN DAMMATAN, U+08F2 ARABIC
/// OPEN KASRATAN: the tanween of the King Fahd Complex's encoding.
const OPEN_FATHATAN: char = '\u{08F0}';
const OPEN_DAMMATAN: char = '\u{08F1}';
const OPEN_KASRATAN: char = '\u{08F2}';
/// U+0618 ARABIC SMALL FATHA, U+0619 ARABIC SMALL DAMMA, U+061A ARABIC
/// SMALL KASRA.
const SMALL_FATHA: char = '\u{0618}';
const SMALL_DAMMA: char = '\u{0619}';
const SMALL_KASRA: char = '\u{061A}';
/// U+06DF ARABIC SMALL HIGH ROUNDED ZERO, U+06E0 ARABIC SMALL HIGH UPRIGHT
/// RECTANGULAR ZERO, U+06E1 ARABIC SMALL HIGH DOTLESS HEAD OF KHAH: the
/// signs of a silent letter or of a vowelless consonant in Uthmani text.
const SMALL_HIGH_ROUNDED_ZERO: char = '\u{06DF}';
const SMALL_HIGH_UPRIGHT_RECTANGULAR_ZERO: char = '\u{06E0}';
const SMALL_HIGH_DOTLESS_HEAD_OF_KHAH: char = '\u{06E1}';
const SMALL_WAW: char = '\u{06E5}';
const SMALL_YEH: char = '\u{06E6}';
const SMALL_HIGH_YEH: char = '\u{06E7}';
const SMALL_HIGH_NOON: char = '\u{06E8}';

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

/// A letter (or tatweel, or small letter) and the marks that follow it.
#[derive(Clone, Debug)]
struct Cluster {
    base: char,
    /// The byte range of the base letter.
    base_range: Range<usize>,
    /// The byte range of the whole cluster.
    range: Range<usize>,
    vowel: Vowel,
    /// A tanween (rather than a short vowel) gave `vowel`.
    tanween: bool,
    shadda: bool,
    /// The byte range of the dagger alef, if the cluster has one.
    dagger: Option<Range<usize>>,
    /// The byte range of U+0654 ARABIC HAMZA ABOVE or U+0655 ARABIC HAMZA
    /// BELOW, if the cluster has one.
    hamza_mark: Option<Range<usize>>,
    /// The hamza mark is U+0655 ARABIC HAMZA BELOW.
    hamza_below: bool,
    /// The cluster has U+06E7 ARABIC SMALL HIGH YEH or U+06E8 ARABIC SMALL
    /// HIGH NOON.
    small_high: bool,
    /// A second dagger alef or hamza mark follows the first.
    repeated_marks: bool,
    /// The indexes of the nearest letter clusters before and after this
    /// one in its word (see [`link_letters`]).
    prev_letter: Option<usize>,
    next_letter: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Vowel {
    /// No mark: a long-vowel letter, or text without diacritics.
    None,
    /// A sukun or one of the Uthmani signs of a vowelless letter.
    Sukun,
    Fatha,
    Damma,
    Kasra,
}

impl Cluster {
    fn is_letter(&self) -> bool {
        self.base != TATWEEL && is_word_letter(self.base)
    }
}

/// A mark that belongs to the letter before it.
fn is_mark(c: char) -> bool {
    is_harakat(c)
        || is_other_arabic_mark(c)
        || c == SUPERSCRIPT_ALEF
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}')
        || matches!(c, '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}')
}

/// A character that makes up words: the Arabic letters, tatweel and the
/// small waw and yeh (the marks go with them).
fn is_word_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}')
        || matches!(c, SMALL_WAW | SMALL_YEH | '\u{06EE}' | '\u{06EF}' | '\u{06FA}'..='\u{06FF}')
        || matches!(c, '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
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

/// Splits `word` into clusters of a letter and its marks. Marks before the
/// first letter form a cluster of their own, based on the first mark. With
/// `tatweel_stripped`, a tatweel that seats no hamza, dagger alef or small
/// high letter is no cluster of its own: its marks go to the letter before,
/// where they will be once the tatweel is gone.
fn split_clusters(
    text: &str,
    word: Range<usize>,
    tatweel_stripped: bool,
    clusters: &mut Vec<Cluster>,
) {
    clusters.clear();
    for (offset, c) in text[word.clone()].char_indices() {
        let at = word.start + offset;
        let range = at..at + c.len_utf8();
        match clusters.last_mut() {
            Some(cluster) if is_mark(c) => add_mark(cluster, c, range),
            _ => {
                if tatweel_stripped && clusters.len() >= 2 {
                    merge_bare_tatweel(clusters);
                }
                clusters.push(new_cluster(c, range));
            }
        }
    }
    if tatweel_stripped && clusters.len() >= 2 {
        merge_bare_tatweel(clusters);
    }
    link_letters(clusters);
}

/// Gives each cluster the indexes of the nearest letter clusters before
/// and after it, in two passes: rules ask for them at every cluster, and a
/// search from each would make a long word without letters (a run of
/// tatweels seating hamzas) quadratic.
fn link_letters(clusters: &mut [Cluster]) {
    let mut last = None;
    for (i, cluster) in clusters.iter_mut().enumerate() {
        cluster.prev_letter = last;
        if cluster.is_letter() {
            last = Some(i);
        }
    }
    let mut next = None;
    for (i, cluster) in clusters.iter_mut().enumerate().rev() {
        cluster.next_letter = next;
        if cluster.is_letter() {
            next = Some(i);
        }
    }
}

/// Folds the last cluster into the one before it if it is a tatweel that
/// seats nothing.
fn merge_bare_tatweel(clusters: &mut Vec<Cluster>) {
    let Some(last) = clusters.last() else {
        return;
    };
    if last.base != TATWEEL || last.hamza_mark.is_some() || last.dagger.is_some() || last.small_high
    {
        return;
    }
    let Some(tatweel) = clusters.pop() else {
        return;
    };
    if let Some(before) = clusters.last_mut() {
        before.range.end = tatweel.range.end;
        before.vowel = before.vowel.max(tatweel.vowel);
        before.tanween |= tatweel.tanween;
        before.shadda |= tatweel.shadda;
    }
}

fn new_cluster(base: char, range: Range<usize>) -> Cluster {
    Cluster {
        base,
        base_range: range.clone(),
        range,
        vowel: Vowel::None,
        tanween: false,
        shadda: false,
        dagger: None,
        hamza_mark: None,
        hamza_below: false,
        small_high: false,
        repeated_marks: false,
        prev_letter: None,
        next_letter: None,
    }
}

fn add_mark(cluster: &mut Cluster, c: char, range: Range<usize>) {
    cluster.range.end = range.end;
    match c {
        FATHA | SMALL_FATHA => cluster.vowel = cluster.vowel.max(Vowel::Fatha),
        DAMMA | SMALL_DAMMA => cluster.vowel = cluster.vowel.max(Vowel::Damma),
        KASRA | SMALL_KASRA => cluster.vowel = cluster.vowel.max(Vowel::Kasra),
        FATHATAN | OPEN_FATHATAN => {
            cluster.vowel = cluster.vowel.max(Vowel::Fatha);
            cluster.tanween = true;
        }
        DAMMATAN | OPEN_DAMMATAN => {
            cluster.vowel = cluster.vowel.max(Vowel::Damma);
            cluster.tanween = true;
        }
        KASRATAN | OPEN_KASRATAN => {
            cluster.vowel = cluster.vowel.max(Vowel::Kasra);
            cluster.tanween = true;
        }
        SUKUN
        | SMALL_HIGH_ROUNDED_ZERO
        | SMALL_HIGH_UPRIGHT_RECTANGULAR_ZERO
        | SMALL_HIGH_DOTLESS_HEAD_OF_KHAH => cluster.vowel = cluster.vowel.max(Vowel::Sukun),
        // U+06E2 ARABIC SMALL HIGH MEEM ISOLATED FORM and U+06ED ARABIC
        // SMALL LOW MEEM turn the vowel before them into tanween
        // (pronounced m before b).
        '\u{06E2}' | '\u{06ED}' => cluster.tanween = cluster.vowel != Vowel::None,
        SHADDA => cluster.shadda = true,
        SUPERSCRIPT_ALEF if cluster.dagger.is_some() => cluster.repeated_marks = true,
        SUPERSCRIPT_ALEF => cluster.dagger = Some(range),
        HAMZA_ABOVE | HAMZA_BELOW if cluster.hamza_mark.is_some() => cluster.repeated_marks = true,
        HAMZA_ABOVE | HAMZA_BELOW => {
            cluster.hamza_mark = Some(range);
            cluster.hamza_below = c == HAMZA_BELOW;
        }
        SMALL_HIGH_YEH | SMALL_HIGH_NOON => cluster.small_high = true,
        _ => {}
    }
}

/// The letter `c` stands for whatever the character rules fold it to: the
/// alef, yeh, kaf and heh variants as one letter each, so that the words the
/// rules recognise are recognised in any script or folding.
fn letter_class(c: char) -> char {
    match c {
        ALEF_WASLA | ALEF_WITH_HAMZA_ABOVE | ALEF_WITH_HAMZA_BELOW | ALEF_WITH_MADDA_ABOVE => ALEF,
        KEHEH | SWASH_KAF => KAF,
        HEH_GOAL | HEH_DOACHASHMEE | LETTER_AE | HEH_WITH_YEH_ABOVE => HEH,
        YEH_WITH_HAMZA_ABOVE | YEH_BARREE_WITH_HAMZA_ABOVE => YEH_WITH_HAMZA_ABOVE,
        _ if is_yeh(c) => YEH,
        other => other,
    }
}

/// The letters of a word as plain spelling would read them without the
/// rules (see [`letter_class`]), with the index of the cluster of each.
fn skeleton(word: &[Cluster]) -> impl Iterator<Item = (char, usize)> + '_ {
    word.iter()
        .enumerate()
        .filter(|(_, c)| c.is_letter() && !matches!(c.base, SMALL_WAW | SMALL_YEH))
        .map(|(i, c)| (letter_class(c.base), i))
}

/// The first letters of `word`'s [`skeleton`], as many as
/// [`is_written_without_alef`] reads: three proclitics and the longest
/// entry of [`WITHOUT_ALEF`]. Found once per word, so that a long word
/// with many dagger alefs costs one pass, not one per dagger.
fn skeleton_head(word: &[Cluster]) -> Vec<(char, usize)> {
    skeleton(word).take(3 + 4).collect()
}

/// The words modern spelling writes without the alef that Uthmani spelling
/// marks with a dagger alef: the demonstratives (هٰذا، هٰذه، هٰؤلاء، هٰكذا،
/// ذٰلك، أولٰئك), لٰكن, إلٰه, الرحمٰن and, where an edition marks it, اللّٰه.
/// Each entry is the letters of the word from its start, with `^` after the
/// letter that carries the dagger; up to three proclitic letters may come
/// before it (see [`is_proclitic`]), and any suffix after it.
const WITHOUT_ALEF: [&str; 9] =
    ["ه^ذ", "ه^ؤ", "ه^كذ", "ذ^لك", "اول^ئ", "ل^كن", "ال^ه", "لل^ه", "رحم^ن"];

/// The letters a word may start with before one of [`WITHOUT_ALEF`]: the
/// conjunctions و ف, the prepositions ب ك ل, the interrogative أ and the
/// article ال.
fn is_proclitic(c: char) -> bool {
    matches!(letter_class(c), WAW | FEH | BEH | KAF | LAM | ALEF)
}

/// Whether the dagger alef on cluster `at` is one modern spelling leaves
/// unwritten.
/// `head` is the start of the word's [`skeleton`], found once per word
/// ([`skeleton_head`]).
fn is_written_without_alef(head: &[(char, usize)], at: usize) -> bool {
    let letters = head;
    WITHOUT_ALEF.iter().any(|entry| {
        let (before, after) = entry.split_once('^').unwrap_or((entry, ""));
        let marked = before.chars().count() - 1;
        (0..=3.min(letters.len())).any(|skip| {
            let rest = &letters[skip..];
            letters[..skip].iter().all(|&(c, _)| is_proclitic(c))
                && rest.len() > marked
                && rest[marked].1 == at
                && rest
                    .iter()
                    .map(|&(c, _)| c)
                    .take(before.chars().count() + after.chars().count())
                    .eq(before.chars().chain(after.chars()))
        })
    })
}

fn dagger_alef(
    word: &[Cluster],
    i: usize,
    hamza_seats: bool,
    head: &mut Option<Vec<(char, usize)>>,
    edits: &mut Vec<Edit>,
) {
    let cluster = &word[i];
    let Some(dagger) = cluster.dagger.clone() else {
        return;
    };
    let rule = Rule::SuperscriptAlef;
    match cluster.base {
        // هدىٰكم → هداكم; علىٰ stays على.
        ALEF_MAKSURA => {
            if next_letter(word, i).is_some() {
                edits.push(Edit { rule, range: cluster.base_range.clone(), with: "\u{0627}" });
            }
            edits.push(Edit { rule, range: dagger, with: "" });
        }
        // الصلوٰة → الصلاة, الربوٰا → الربا: the waw only seats the alef.
        WAW if cluster.vowel == Vowel::None && !cluster.shadda => {
            edits.push(Edit { rule, range: cluster.base_range.clone(), with: "\u{0627}" });
            edits.push(Edit { rule, range: dagger, with: "" });
            if let Some(next) = word.get(i + 1)
                && next.base == ALEF
                && matches!(next.vowel, Vowel::None | Vowel::Sukun)
            {
                edits.push(Edit { rule, range: next.range.clone(), with: "" });
            }
        }
        // A hamza with a dagger alef (ٱلۡـَٰٔن) is the madda alef that
        // `hamza_seats` writes.
        TATWEEL | HAMZA
            if hamza_seats && (cluster.base == HAMZA || cluster.hamza_mark.is_some()) => {}
        _ if is_written_without_alef(head.get_or_insert_with(|| skeleton_head(word)), i) => {
            edits.push(Edit { rule, range: dagger, with: "" })
        }
        _ => edits.push(Edit { rule, range: dagger, with: "\u{0627}" }),
    }
}

/// Letters that do not join the letter after them.
fn joins_next(c: char) -> bool {
    !matches!(
        c,
        ALEF | ALEF_WASLA
            | ALEF_WITH_HAMZA_ABOVE
            | ALEF_WITH_HAMZA_BELOW
            | ALEF_WITH_MADDA_ABOVE
            | DAL
            | THAL
            | REH
            | ZAIN
            | WAW
            | WAW_WITH_HAMZA_ABOVE
            | HAMZA
    )
}

/// U+064A ARABIC LETTER YEH and the letters the `yeh_lookalikes` and
/// `alef_maksura` rules fold into it or from it, and the yeh seats of hamza
/// that `hamza_carriers` folds into it.
fn is_yeh(c: char) -> bool {
    matches!(
        c,
        YEH | ALEF_MAKSURA | FARSI_YEH | YEH_WITH_TAIL | LETTER_E | KASHMIRI_YEH | YEH_BARREE
    ) || matches!(c, YEH_WITH_HAMZA_ABOVE | YEH_BARREE_WITH_HAMZA_ABOVE | SMALL_YEH)
}

/// The index of the nearest letter cluster after `i`, small waw and yeh
/// included.
fn next_letter(word: &[Cluster], i: usize) -> Option<usize> {
    word[i].next_letter
}

fn prev_letter(word: &[Cluster], i: usize) -> Option<usize> {
    word[i].prev_letter
}

fn is_waw(c: &Cluster) -> bool {
    matches!(c.base, WAW | SMALL_WAW)
}

/// Where a hamza without a seat goes, following plain spelling's rules.
fn hamza_seat(word: &[Cluster], i: usize, edits: &mut Vec<Edit>) {
    let rule = Rule::HamzaSeats;
    let cluster = &word[i];
    match cluster.base {
        HAMZA if cluster.vowel != Vowel::None => {}
        TATWEEL if cluster.hamza_mark.is_some() => {}
        // A yeh with a hamza: the yeh seat, ئ, whatever the yeh's shape.
        _ if is_yeh(cluster.base) && cluster.hamza_mark.is_some() => {
            let mark = cluster.hamza_mark.clone().unwrap_or_default();
            {
                // تلقآيِٕ → تلقاء: a final hamza after a long ā sits on the
                // line; elsewhere on the tooth (امريٕ → امرئ).
                let after_alef = prev_letter(word, i)
                    .is_some_and(|k| matches!(word[k].base, ALEF | ALEF_WITH_MADDA_ABOVE));
                let final_hamza = next_letter(word, i).is_none();
                let seat = if after_alef && final_hamza { "\u{0621}" } else { "\u{0626}" };
                edits.push(Edit { rule, range: cluster.base_range.clone(), with: seat });
                edits.push(Edit { rule, range: mark, with: "" });
            }
            return;
        }
        _ => return,
    }
    let prev = prev_letter(word, i).map(|k| &word[k]);
    let next = next_letter(word, i).map(|k| &word[k]);
    let own = cluster.vowel;
    // A long ā before the hamza: an alef (a fatha written on it, as some
    // texts do, belongs to the letter before) or a dagger alef.
    let long_alef =
        prev.is_some_and(|p| matches!(p.base, ALEF | ALEF_WITH_MADDA_ABOVE) || p.dagger.is_some());
    // A long ū: a waw without a vowel of its own, or with a sukun after a
    // damma (مُرُوْءَة).
    let long_waw = prev_letter(word, i).is_some_and(|k| {
        let p = &word[k];
        let after_damma = prev_letter(word, k).is_some_and(|j| word[j].vowel == Vowel::Damma);
        p.base == WAW
            && !p.shadda
            && (p.vowel == Vowel::None || p.vowel == Vowel::Sukun && after_damma)
    });
    // The vowel before the hamza; a yeh before it counts as a kasra.
    let before = match prev {
        None => Vowel::None,
        Some(p) if is_yeh(p.base) => Vowel::Kasra,
        Some(p) => p.vowel,
    };
    let final_alef =
        |k: usize| word.get(k).is_some_and(|n| n.base == ALEF) && next_letter(word, k).is_none();
    if let Some(dagger) = cluster.dagger.clone() {
        // A hamza with a dagger alef is the madda alef (ٱلۡـَٰٔن → الآن,
        // سوءٰت → سوآت), or ئا after a kasra.
        let seat = if before == Vowel::Kasra { "\u{0626}\u{0627}" } else { "\u{0622}" };
        edits.push(Edit { rule, range: cluster.base_range.clone(), with: seat });
        edits.push(Edit { rule, range: dagger, with: "" });
        if let Some(mark) = cluster.hamza_mark.clone() {
            edits.push(Edit { rule, range: mark, with: "" });
        }
        return;
    }
    let vowel_alef = own == Vowel::Fatha
        && !cluster.tanween
        && word.get(i + 1).is_some_and(|n| matches!(n.base, ALEF | ALEF_WITH_MADDA_ABOVE));
    // After a one-letter proclitic the madda alef starts the word
    // (بِـَٔايٰتنا → بآياتنا).
    let after_proclitic = prev_letter(word, i) == Some(0) && is_proclitic(word[0].base);
    if vowel_alef
        && (long_alef && prev.is_some_and(|p| p.dagger.is_some())
            || after_proclitic
            || !long_alef && matches!(before, Vowel::None | Vowel::Sukun | Vowel::Fatha))
    {
        let alef = &word[i + 1];
        // رءا → رأى: a verb's final alef after the hamza is written ى.
        let with = if before == Vowel::Fatha && !after_proclitic && final_alef(i + 1) {
            "\u{0623}\u{0649}"
        } else {
            // ءامنوا → آمنوا, القرءان → القرآن, يٰـَٔادم → ياآدم.
            "\u{0622}"
        };
        edits.push(Edit { rule, range: cluster.range.start..alef.range.end, with });
        return;
    }
    let seat = if let Some(prev) = prev {
        if next.is_none() && cluster.base == HAMZA {
            // A final hamza keeps to the line.
            return;
        } else if cluster.tanween && own == Vowel::Fatha && final_alef(i + 1) {
            if before == Vowel::Fatha {
                // خطـًٔا → خطأ: after a fatha the hamza takes the alef seat
                // and the alef of tanween is not written again.
                edits.push(Edit { rule, range: word[i + 1].range.clone(), with: "" });
                "\u{0623}"
            } else if joins_next(prev.base) {
                // شيـًٔا → شيئا, but جزءًا: the tooth only where the letter
                // before joins it.
                "\u{0626}"
            } else {
                "\u{0621}"
            }
        } else if long_alef || long_waw {
            // After a long ā or ū, plain spelling writes the hamza on the
            // line unless a kasra calls for the tooth (اسرائيل).
            match own {
                Vowel::Kasra => "\u{0626}",
                Vowel::Damma if !next.is_some_and(is_waw) && long_alef => "\u{0624}",
                _ => "\u{0621}",
            }
        } else {
            match own.max(before) {
                Vowel::Kasra => "\u{0626}",
                // Before the waw of a long ū, ؤو is avoided: the tooth where
                // the letter before joins (مسئولا، يئوده), else the line (رءوف).
                Vowel::Damma if next.is_some_and(is_waw) => {
                    if joins_next(prev.base) {
                        "\u{0626}"
                    } else {
                        "\u{0621}"
                    }
                }
                Vowel::Damma => "\u{0624}",
                Vowel::Fatha => "\u{0623}",
                Vowel::Sukun | Vowel::None => "\u{0621}",
            }
        }
    } else {
        // At the start of a word: أ or إ.
        match own {
            Vowel::Kasra => "\u{0625}",
            Vowel::Fatha | Vowel::Damma => "\u{0623}",
            Vowel::Sukun | Vowel::None => "\u{0621}",
        }
    };
    if cluster.base != HAMZA || seat != "\u{0621}" {
        edits.push(Edit { rule, range: cluster.base_range.clone(), with: seat });
    }
    if let Some(mark) = cluster.hamza_mark.clone() {
        edits.push(Edit { rule, range: mark, with: "" });
    }
}

/// Small waw and small yeh as letters, or dropped after the final pronoun ه.
fn small_letter(text: &str, word: &[Cluster], i: usize, edits: &mut Vec<Edit>) {
    let rule = Rule::SmallLetters;
    let cluster = &word[i];
    if matches!(cluster.base, SMALL_WAW | SMALL_YEH) {
        let after_pronoun =
            i > 0 && letter_class(word[i - 1].base) == HEH && next_letter(word, i).is_none();
        if after_pronoun {
            edits.push(Edit { rule, range: cluster.range.clone(), with: "" });
            return;
        }
        let letter = if cluster.base == SMALL_WAW { "\u{0648}" } else { "\u{064A}" };
        edits.push(Edit { rule, range: cluster.base_range.clone(), with: letter });
    }
    if !cluster.small_high {
        return;
    }
    let mut seat = (cluster.base == TATWEEL).then(|| cluster.base_range.clone());
    for (offset, c) in text[cluster.range.clone()].char_indices() {
        let letter = match c {
            SMALL_HIGH_YEH => "\u{064A}",
            SMALL_HIGH_NOON => "\u{0646}",
            _ => continue,
        };
        let at = cluster.range.start + offset;
        edits.push(Edit { rule, range: at..at + c.len_utf8(), with: "" });
        // On a tatweel, the letter takes the tatweel's place.
        let end = cluster.range.end;
        let range = seat.take().unwrap_or(end..end);
        edits.push(Edit { rule, range, with: letter });
    }
}

/// The relative pronouns plain spelling writes with the article's lam
/// alone: الذي، الذين، التي (their letters after the lam).
const ONE_LAM: [&str; 3] = ["ذي", "ذين", "تي"];

/// ٱلّ before a lam: the article's own lam, written back.
fn article_lam(word: &[Cluster], edits: &mut Vec<Edit>) {
    let Some(wasla) = word.iter().take(3).position(|c| c.base == ALEF_WASLA) else {
        return;
    };
    if !word[..wasla].iter().all(|c| is_proclitic(c.base)) {
        return;
    }
    let Some(lam) = word.get(wasla + 1).filter(|c| c.base == LAM && c.shadda) else {
        return;
    };
    let rest: String = skeleton(&word[wasla + 2..]).map(|(c, _)| c).collect();
    if lam.dagger.is_none() && ONE_LAM.contains(&rest.as_str()) {
        return;
    }
    let at = lam.range.start;
    edits.push(Edit { rule: Rule::ArticleLam, range: at..at, with: "\u{0644}" });
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
    fn the_skeleton_head_holds_every_letter_an_entry_reads() {
        let longest = WITHOUT_ALEF.iter().map(|e| e.chars().filter(|&c| c != '^').count()).max();
        // skeleton_head takes three proclitics and four letters.
        assert_eq!(longest, Some(4));
        let mut clusters = Vec::new();
        let text = "وَلَلَٰكِنَّ";
        split_clusters(text, 0..text.len(), true, &mut clusters);
        assert_eq!(skeleton_head(&clusters).len(), 5);
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
