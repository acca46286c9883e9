//! A word of Uthmani text read as clusters: each letter with the marks
//! that follow it, and what those marks say (its vowel, tanween, shadda, a
//! dagger alef, a hamza mark). The spelling rules read words only through
//! these clusters.

use std::ops::Range;

use crate::chars::*;

pub(super) const FATHA: char = '\u{064E}';
pub(super) const DAMMA: char = '\u{064F}';
pub(super) const KASRA: char = '\u{0650}';
pub(super) const DAMMATAN: char = '\u{064C}';
pub(super) const KASRATAN: char = '\u{064D}';
/// U+08F0 ARABIC OPEN FATHATAN, U+08F1 ARABIC OPEN DAMMATAN, U+08F2 ARABIC
/// OPEN KASRATAN: the tanween of the King Fahd Complex's encoding.
pub(super) const OPEN_FATHATAN: char = '\u{08F0}';
pub(super) const OPEN_DAMMATAN: char = '\u{08F1}';
pub(super) const OPEN_KASRATAN: char = '\u{08F2}';
/// U+0618 ARABIC SMALL FATHA, U+0619 ARABIC SMALL DAMMA, U+061A ARABIC
/// SMALL KASRA.
pub(super) const SMALL_FATHA: char = '\u{0618}';
pub(super) const SMALL_DAMMA: char = '\u{0619}';
pub(super) const SMALL_KASRA: char = '\u{061A}';
/// U+06DF ARABIC SMALL HIGH ROUNDED ZERO, U+06E0 ARABIC SMALL HIGH UPRIGHT
/// RECTANGULAR ZERO, U+06E1 ARABIC SMALL HIGH DOTLESS HEAD OF KHAH: the
/// signs of a silent letter or of a vowelless consonant in Uthmani text.
pub(super) const SMALL_HIGH_ROUNDED_ZERO: char = '\u{06DF}';
pub(super) const SMALL_HIGH_UPRIGHT_RECTANGULAR_ZERO: char = '\u{06E0}';
pub(super) const SMALL_HIGH_DOTLESS_HEAD_OF_KHAH: char = '\u{06E1}';
pub(super) const SMALL_WAW: char = '\u{06E5}';
pub(super) const SMALL_YEH: char = '\u{06E6}';
pub(super) const SMALL_HIGH_YEH: char = '\u{06E7}';
pub(super) const SMALL_HIGH_NOON: char = '\u{06E8}';

/// A letter (or tatweel, or small letter) and the marks that follow it.
#[derive(Clone, Debug)]
pub(super) struct Cluster {
    pub(super) base: char,
    /// The byte range of the base letter.
    pub(super) base_range: Range<usize>,
    /// The byte range of the whole cluster.
    pub(super) range: Range<usize>,
    pub(super) vowel: Vowel,
    /// A tanween (rather than a short vowel) gave `vowel`.
    pub(super) tanween: bool,
    pub(super) shadda: bool,
    /// The byte range of the dagger alef, if the cluster has one.
    pub(super) dagger: Option<Range<usize>>,
    /// The byte range of U+0654 ARABIC HAMZA ABOVE or U+0655 ARABIC HAMZA
    /// BELOW, if the cluster has one.
    pub(super) hamza_mark: Option<Range<usize>>,
    /// The hamza mark is U+0655 ARABIC HAMZA BELOW.
    pub(super) hamza_below: bool,
    /// The cluster has U+06E7 ARABIC SMALL HIGH YEH or U+06E8 ARABIC SMALL
    /// HIGH NOON.
    pub(super) small_high: bool,
    /// A second dagger alef or hamza mark follows the first.
    pub(super) repeated_marks: bool,
    /// The indexes of the nearest letter clusters before and after this
    /// one in its word (see [`link_letters`]).
    pub(super) prev_letter: Option<usize>,
    pub(super) next_letter: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Vowel {
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
pub(super) fn is_mark(c: char) -> bool {
    is_harakat(c)
        || is_other_arabic_mark(c)
        || c == SUPERSCRIPT_ALEF
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}')
        || matches!(c, '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{08D3}'..='\u{08FF}')
}

/// A character that makes up words: the Arabic letters, tatweel and the
/// small waw and yeh (the marks go with them).
pub(super) fn is_word_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}')
        || matches!(c, SMALL_WAW | SMALL_YEH | '\u{06EE}' | '\u{06EF}' | '\u{06FA}'..='\u{06FF}')
        || matches!(c, '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
}

/// Splits `word` into clusters of a letter and its marks. Marks before the
/// first letter form a cluster of their own, based on the first mark. With
/// `tatweel_stripped`, a tatweel that seats no hamza or small high letter
/// is no cluster of its own: its marks go to the letter before, where they
/// will be once the tatweel is gone (see [`merge_bare_tatweel`]).
pub(super) fn split_clusters(
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
pub(super) fn link_letters(clusters: &mut [Cluster]) {
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
/// seats nothing but a dagger alef, which then sits on the letter before
/// (where the King Fahd Complex's encoding writes it: Tanzil's هَـٰذَا is
/// its هَٰذَا), unless that letter has a dagger alef of its own.
pub(super) fn merge_bare_tatweel(clusters: &mut Vec<Cluster>) {
    let [.., before, last] = clusters.as_slice() else {
        return;
    };
    if last.base != TATWEEL || last.hamza_mark.is_some() || last.small_high {
        return;
    }
    if last.dagger.is_some() && before.dagger.is_some() {
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
        before.dagger = before.dagger.take().or(tatweel.dagger);
        before.repeated_marks |= tatweel.repeated_marks;
    }
}

pub(super) fn new_cluster(base: char, range: Range<usize>) -> Cluster {
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

pub(super) fn add_mark(cluster: &mut Cluster, c: char, range: Range<usize>) {
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
pub(super) fn letter_class(c: char) -> char {
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
pub(super) fn skeleton(word: &[Cluster]) -> impl Iterator<Item = (char, usize)> + '_ {
    word.iter()
        .enumerate()
        .filter(|(_, c)| c.is_letter() && !matches!(c.base, SMALL_WAW | SMALL_YEH))
        .map(|(i, c)| (letter_class(c.base), i))
}

/// The first letters of `word`'s [`skeleton`], as many as
/// [`super::spelling::is_written_without_alef`] reads: three proclitics and the longest
/// entry of [`super::spelling::WITHOUT_ALEF`]. Found once per word, so that a long word
/// with many dagger alefs costs one pass, not one per dagger.
pub(super) fn skeleton_head(word: &[Cluster]) -> Vec<(char, usize)> {
    skeleton(word).take(3 + 4).collect()
}

/// Letters that do not join the letter after them.
pub(super) fn joins_next(c: char) -> bool {
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
pub(super) fn is_yeh(c: char) -> bool {
    matches!(
        c,
        YEH | ALEF_MAKSURA | FARSI_YEH | YEH_WITH_TAIL | LETTER_E | KASHMIRI_YEH | YEH_BARREE
    ) || matches!(c, YEH_WITH_HAMZA_ABOVE | YEH_BARREE_WITH_HAMZA_ABOVE | SMALL_YEH)
}

/// The index of the nearest letter cluster after `i`, small waw and yeh
/// included.
pub(super) fn next_letter(word: &[Cluster], i: usize) -> Option<usize> {
    word[i].next_letter
}

pub(super) fn prev_letter(word: &[Cluster], i: usize) -> Option<usize> {
    word[i].prev_letter
}

pub(super) fn is_waw(c: &Cluster) -> bool {
    matches!(c.base, WAW | SMALL_WAW)
}
