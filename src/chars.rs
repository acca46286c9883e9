//! Every code point `sarf` treats specially, spelled once and named with its
//! Unicode Character Database name, plus the predicates the rules are built
//! from, and the byte helpers the rest of the crate shares (`utf8_len`,
//! `same_bytes`): the crate's lowest module, which imports no other.
//!
//! Nothing else in the crate writes a bare Arabic letter or combining mark in
//! code: tables and rules refer to these constants, so each one can be
//! checked against the UCD (`UnicodeData.txt`) by its name.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

// --- Letters -------------------------------------------------------------

/// U+0620 ARABIC LETTER KASHMIRI YEH
pub const KASHMIRI_YEH: char = '\u{0620}';
/// U+0621 ARABIC LETTER HAMZA
pub const HAMZA: char = '\u{0621}';
/// U+0622 ARABIC LETTER ALEF WITH MADDA ABOVE (canonically U+0627 U+0653)
pub const ALEF_WITH_MADDA_ABOVE: char = '\u{0622}';
/// U+0623 ARABIC LETTER ALEF WITH HAMZA ABOVE (canonically U+0627 U+0654)
pub const ALEF_WITH_HAMZA_ABOVE: char = '\u{0623}';
/// U+0624 ARABIC LETTER WAW WITH HAMZA ABOVE (canonically U+0648 U+0654)
pub const WAW_WITH_HAMZA_ABOVE: char = '\u{0624}';
/// U+0625 ARABIC LETTER ALEF WITH HAMZA BELOW (canonically U+0627 U+0655)
pub const ALEF_WITH_HAMZA_BELOW: char = '\u{0625}';
/// U+0626 ARABIC LETTER YEH WITH HAMZA ABOVE (canonically U+064A U+0654)
pub const YEH_WITH_HAMZA_ABOVE: char = '\u{0626}';
/// U+0627 ARABIC LETTER ALEF
pub const ALEF: char = '\u{0627}';
/// U+0628 ARABIC LETTER BEH
pub const BEH: char = '\u{0628}';
/// U+0629 ARABIC LETTER TEH MARBUTA
pub const TEH_MARBUTA: char = '\u{0629}';
/// U+062C ARABIC LETTER JEEM
pub const JEEM: char = '\u{062C}';
/// U+062F ARABIC LETTER DAL
pub const DAL: char = '\u{062F}';
/// U+0630 ARABIC LETTER THAL
pub const THAL: char = '\u{0630}';
/// U+0631 ARABIC LETTER REH
pub const REH: char = '\u{0631}';
/// U+0632 ARABIC LETTER ZAIN
pub const ZAIN: char = '\u{0632}';
/// U+0640 ARABIC TATWEEL
pub const TATWEEL: char = '\u{0640}';
/// U+0641 ARABIC LETTER FEH
pub const FEH: char = '\u{0641}';
/// U+0643 ARABIC LETTER KAF
pub const KAF: char = '\u{0643}';
/// U+0644 ARABIC LETTER LAM
pub const LAM: char = '\u{0644}';
/// U+0647 ARABIC LETTER HEH
pub const HEH: char = '\u{0647}';
/// U+0648 ARABIC LETTER WAW
pub const WAW: char = '\u{0648}';
/// U+0649 ARABIC LETTER ALEF MAKSURA
pub const ALEF_MAKSURA: char = '\u{0649}';
/// U+064A ARABIC LETTER YEH
pub const YEH: char = '\u{064A}';
/// U+0670 ARABIC LETTER SUPERSCRIPT ALEF (the "dagger alef"; a combining mark)
pub const SUPERSCRIPT_ALEF: char = '\u{0670}';
/// U+0671 ARABIC LETTER ALEF WASLA
pub const ALEF_WASLA: char = '\u{0671}';
/// U+0672 ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE
pub const ALEF_WITH_WAVY_HAMZA_ABOVE: char = '\u{0672}';
/// U+0673 ARABIC LETTER ALEF WITH WAVY HAMZA BELOW
pub const ALEF_WITH_WAVY_HAMZA_BELOW: char = '\u{0673}';
/// U+0675 ARABIC LETTER HIGH HAMZA ALEF
pub const HIGH_HAMZA_ALEF: char = '\u{0675}';
/// U+067E ARABIC LETTER PEH
pub const PEH: char = '\u{067E}';
/// U+0686 ARABIC LETTER TCHEH
pub const TCHEH: char = '\u{0686}';
/// U+0698 ARABIC LETTER JEH
pub const JEH: char = '\u{0698}';
/// U+06A4 ARABIC LETTER VEH
pub const VEH: char = '\u{06A4}';
/// U+06A9 ARABIC LETTER KEHEH (the Persian and Urdu kaf)
pub const KEHEH: char = '\u{06A9}';
/// U+06AA ARABIC LETTER SWASH KAF
pub const SWASH_KAF: char = '\u{06AA}';
/// U+06AF ARABIC LETTER GAF
pub const GAF: char = '\u{06AF}';
/// U+06BE ARABIC LETTER HEH DOACHASHMEE
pub const HEH_DOACHASHMEE: char = '\u{06BE}';
/// U+06C0 ARABIC LETTER HEH WITH YEH ABOVE (canonically U+06D5 U+0654)
pub const HEH_WITH_YEH_ABOVE: char = '\u{06C0}';
/// U+06C1 ARABIC LETTER HEH GOAL
pub const HEH_GOAL: char = '\u{06C1}';
/// U+06C2 ARABIC LETTER HEH GOAL WITH HAMZA ABOVE (canonically U+06C1 U+0654)
pub const HEH_GOAL_WITH_HAMZA_ABOVE: char = '\u{06C2}';
/// U+06C3 ARABIC LETTER TEH MARBUTA GOAL
pub const TEH_MARBUTA_GOAL: char = '\u{06C3}';
/// U+06CC ARABIC LETTER FARSI YEH
pub const FARSI_YEH: char = '\u{06CC}';
/// U+06CD ARABIC LETTER YEH WITH TAIL
pub const YEH_WITH_TAIL: char = '\u{06CD}';
/// U+06D0 ARABIC LETTER E
pub const LETTER_E: char = '\u{06D0}';
/// U+06D2 ARABIC LETTER YEH BARREE
pub const YEH_BARREE: char = '\u{06D2}';
/// U+06D3 ARABIC LETTER YEH BARREE WITH HAMZA ABOVE (canonically U+06D2 U+0654)
pub const YEH_BARREE_WITH_HAMZA_ABOVE: char = '\u{06D3}';
/// U+06D5 ARABIC LETTER AE
pub const LETTER_AE: char = '\u{06D5}';

// --- Combining marks -----------------------------------------------------

/// U+064B ARABIC FATHATAN, first of the tanween/harakat/shadda/sukun run.
pub const FATHATAN: char = '\u{064B}';
/// U+0651 ARABIC SHADDA
pub const SHADDA: char = '\u{0651}';
/// U+0652 ARABIC SUKUN, last of the classic harakat run.
pub const SUKUN: char = '\u{0652}';
/// U+0653 ARABIC MADDAH ABOVE (combines with alef into U+0622)
pub const MADDAH_ABOVE: char = '\u{0653}';
/// U+0654 ARABIC HAMZA ABOVE (combines into U+0623, U+0624, U+0626, U+06C0, U+06C2, U+06D3)
pub const HAMZA_ABOVE: char = '\u{0654}';
/// U+0655 ARABIC HAMZA BELOW (combines with alef into U+0625)
pub const HAMZA_BELOW: char = '\u{0655}';
/// U+065F ARABIC WAVY HAMZA BELOW, last of the "other marks" run.
pub const WAVY_HAMZA_BELOW: char = '\u{065F}';

// --- Punctuation, digits, separators --------------------------------------

/// U+060C ARABIC COMMA
pub const ARABIC_COMMA: char = '\u{060C}';
/// U+061B ARABIC SEMICOLON
pub const ARABIC_SEMICOLON: char = '\u{061B}';
/// U+061F ARABIC QUESTION MARK
pub const ARABIC_QUESTION_MARK: char = '\u{061F}';
/// U+066A ARABIC PERCENT SIGN
pub const ARABIC_PERCENT_SIGN: char = '\u{066A}';
/// U+066B ARABIC DECIMAL SEPARATOR
pub const ARABIC_DECIMAL_SEPARATOR: char = '\u{066B}';
/// U+066C ARABIC THOUSANDS SEPARATOR
pub const ARABIC_THOUSANDS_SEPARATOR: char = '\u{066C}';
/// U+066D ARABIC FIVE POINTED STAR
pub const ARABIC_FIVE_POINTED_STAR: char = '\u{066D}';
/// U+06D4 ARABIC FULL STOP
pub const ARABIC_FULL_STOP: char = '\u{06D4}';
/// U+0660 ARABIC-INDIC DIGIT ZERO
pub const ARABIC_INDIC_ZERO: char = '\u{0660}';
/// U+06F0 EXTENDED ARABIC-INDIC DIGIT ZERO
pub const EXTENDED_ARABIC_INDIC_ZERO: char = '\u{06F0}';

// --- Invisible format controls --------------------------------------------

/// U+00AD SOFT HYPHEN
pub const SOFT_HYPHEN: char = '\u{00AD}';
/// U+061C ARABIC LETTER MARK
pub const ARABIC_LETTER_MARK: char = '\u{061C}';
/// U+200C ZERO WIDTH NON-JOINER
pub const ZWNJ: char = '\u{200C}';
/// U+200D ZERO WIDTH JOINER
pub const ZWJ: char = '\u{200D}';
/// U+200E LEFT-TO-RIGHT MARK
pub const LRM: char = '\u{200E}';
/// U+200F RIGHT-TO-LEFT MARK
pub const RLM: char = '\u{200F}';
/// U+202A LEFT-TO-RIGHT EMBEDDING (first of LRE, RLE, PDF, LRO, RLO)
pub const LRE: char = '\u{202A}';
/// U+202E RIGHT-TO-LEFT OVERRIDE (last of the embeddings and overrides)
pub const RLO: char = '\u{202E}';
/// U+2060 WORD JOINER
pub const WORD_JOINER: char = '\u{2060}';
/// U+2066 LEFT-TO-RIGHT ISOLATE (first of LRI, RLI, FSI, PDI)
pub const LRI: char = '\u{2066}';
/// U+2069 POP DIRECTIONAL ISOLATE (last of the isolates)
pub const PDI: char = '\u{2069}';
/// U+FEFF ZERO WIDTH NO-BREAK SPACE (the byte order mark)
pub const BOM: char = '\u{FEFF}';

// --- Predicates -------------------------------------------------------------

/// Tanween, harakat, shadda and sukun: U+064B ARABIC FATHATAN ..= U+0652 ARABIC SUKUN.
#[inline]
pub fn is_harakat(c: char) -> bool {
    (FATHATAN..=SUKUN).contains(&c)
}

/// The other combining marks of the Arabic block, U+0653 ARABIC MADDAH ABOVE
/// ..= U+065F ARABIC WAVY HAMZA BELOW (madda, hamza above/below, subscript
/// alef, inverted damma, noon ghunna mark, vowel signs).
#[inline]
pub fn is_other_arabic_mark(c: char) -> bool {
    (MADDAH_ABOVE..=WAVY_HAMZA_BELOW).contains(&c)
}

/// Honorific signs, Quranic annotation marks and the extended marks:
/// U+0610..=U+061A (ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM ..= ARABIC SMALL KASRA),
/// U+06D6..=U+06DC (ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA ..= ARABIC SMALL HIGH SEEN),
/// U+06DF..=U+06E8 (ARABIC SMALL HIGH ROUNDED ZERO ..= ARABIC SMALL HIGH NOON),
/// U+06EA..=U+06ED (ARABIC EMPTY CENTRE LOW STOP ..= ARABIC SMALL LOW MEEM),
/// U+08D3..=U+08E1 (ARABIC SMALL LOW WAW ..= ARABIC SMALL HIGH SIGN SAFHA),
/// U+08E3..=U+08FF (ARABIC TURNED DAMMA BELOW ..= ARABIC MARK SIDEWAYS NOON GHUNNA).
///
/// U+06DD ARABIC END OF AYAH, U+06DE ARABIC START OF RUB EL HIZB, U+06E9
/// ARABIC PLACE OF SAJDAH and U+08E2 ARABIC DISPUTED END OF AYAH are visible
/// symbols, not marks, and are not included.
#[inline]
pub fn is_quranic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}')
}

/// Arabic-Indic digits U+0660..=U+0669; returns the digit value.
#[inline]
pub fn arabic_indic_digit(c: char) -> Option<u32> {
    let v = (c as u32).wrapping_sub(ARABIC_INDIC_ZERO as u32);
    (v < 10).then_some(v)
}

/// Extended Arabic-Indic (Persian/Urdu) digits U+06F0..=U+06F9; returns the value.
#[inline]
pub fn extended_arabic_indic_digit(c: char) -> Option<u32> {
    let v = (c as u32).wrapping_sub(EXTENDED_ARABIC_INDIC_ZERO as u32);
    (v < 10).then_some(v)
}

/// Arabic presentation forms: U+FB50..=U+FDFF (Presentation Forms-A) and
/// U+FE70..=U+FEFE (Presentation Forms-B, without U+FEFF ZERO WIDTH NO-BREAK
/// SPACE, which is a format control).
#[inline]
pub fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// Invisible format controls stripped by the `format_controls` rule (ZWNJ
/// has its own rule): U+00AD SOFT HYPHEN, U+061C ARABIC LETTER MARK,
/// U+200D ZERO WIDTH JOINER, U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT
/// MARK, U+202A..=U+202E (embeddings, pop, overrides), U+2060 WORD JOINER,
/// U+2066..=U+2069 (isolates) and U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM).
///
/// U+200B ZERO WIDTH SPACE is *not* included: it marks a word boundary, and
/// deleting it would glue two words together.
#[inline]
pub fn is_format_control(c: char) -> bool {
    matches!(c, SOFT_HYPHEN | ARABIC_LETTER_MARK | ZWJ | LRM | RLM | WORD_JOINER | BOM)
        || (LRE..=RLO).contains(&c)
        || (LRI..=PDI).contains(&c)
}

/// The bases that canonical composition can combine with U+0653, U+0654 or
/// U+0655 (from `UnicodeData.txt`: the only Arabic canonical compositions).
#[inline]
pub fn is_compose_base(c: char) -> bool {
    matches!(c, ALEF | WAW | YEH | HEH_GOAL | YEH_BARREE | LETTER_AE)
}

/// U+0653 ARABIC MADDAH ABOVE, U+0654 ARABIC HAMZA ABOVE, U+0655 ARABIC
/// HAMZA BELOW: the marks that compose with a preceding base.
#[inline]
pub fn is_composing_mark(c: char) -> bool {
    matches!(c, MADDAH_ABOVE | HAMZA_ABOVE | HAMZA_BELOW)
}

/// Canonical composition of an Arabic base with U+0653/U+0654/U+0655, as in
/// `UnicodeData.txt` (and NFC); `None` where the pair does not compose.
#[inline]
pub fn compose(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        (ALEF, MADDAH_ABOVE) => ALEF_WITH_MADDA_ABOVE,
        (ALEF, HAMZA_ABOVE) => ALEF_WITH_HAMZA_ABOVE,
        (ALEF, HAMZA_BELOW) => ALEF_WITH_HAMZA_BELOW,
        (WAW, HAMZA_ABOVE) => WAW_WITH_HAMZA_ABOVE,
        (YEH, HAMZA_ABOVE) => YEH_WITH_HAMZA_ABOVE,
        (HEH_GOAL, HAMZA_ABOVE) => HEH_GOAL_WITH_HAMZA_ABOVE,
        (YEH_BARREE, HAMZA_ABOVE) => YEH_BARREE_WITH_HAMZA_ABOVE,
        (LETTER_AE, HAMZA_ABOVE) => HEH_WITH_YEH_ABOVE,
        _ => return None,
    })
}

/// The canonical combining class, 0 for starters.
#[inline]
pub fn combining_class(c: char) -> u8 {
    unicode_normalization::char::canonical_combining_class(c)
}

/// The length of the UTF-8 sequence that starts with the lead byte `b0`
/// (0xC0 or above).
#[inline(always)]
pub(crate) fn utf8_len(b0: u8) -> usize {
    match b0 {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

const FORMS_A: std::ops::RangeInclusive<u32> = 0xFB50..=0xFDFF;
const FORMS_B: std::ops::RangeInclusive<u32> = 0xFE70..=0xFEFE;

/// NFKC of every presentation form that has a compatibility decomposition,
/// computed once from `unicode-normalization` (e.g. U+FEFB ARABIC LIGATURE
/// LAM WITH ALEF ISOLATED FORM → U+0644 U+0627; U+FDF2 ARABIC LIGATURE ALLAH
/// ISOLATED FORM → U+0627 U+0644 U+0644 U+0647).
static PRESENTATION_FORMS: LazyLock<Vec<Option<Box<str>>>> = LazyLock::new(|| {
    FORMS_A
        .chain(FORMS_B)
        .map(|cp| {
            let c = char::from_u32(cp)?;
            let nfkc: String = std::iter::once(c).nfkc().collect();
            let mut one = [0; 4];
            (nfkc != *c.encode_utf8(&mut one)).then(|| nfkc.into_boxed_str())
        })
        .collect()
});

/// The expansion of a presentation form, or `None` if it has none (symbols
/// such as U+FDFD ARABIC LIGATURE BISMILLAH AR-RAHMAN AR-RAHEEM have no
/// decomposition in Unicode and are kept).
pub(crate) fn presentation_form(c: char) -> Option<&'static str> {
    let cp = c as u32;
    let index = if FORMS_A.contains(&cp) {
        cp - FORMS_A.start()
    } else if FORMS_B.contains(&cp) {
        cp - FORMS_B.start() + (FORMS_A.end() - FORMS_A.start() + 1)
    } else {
        return None;
    };
    PRESENTATION_FORMS[index as usize].as_deref()
}

/// `a == b`, compared inline a word at a time: keys are a few bytes long,
/// shorter than the cost of a call to `memcmp`. The last word overlaps the
/// one before it rather than ending in a loop over the leftover bytes (an
/// Arabic word of five to seven letters is 10 to 14 bytes: two loads each).
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let u64_at = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("8"));
    let u32_at = |s: &[u8], i: usize| u32::from_le_bytes(s[i..i + 4].try_into().expect("4"));
    match n {
        0 => true,
        1..4 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..8 => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        _ => {
            let mut i = 0;
            while i + 8 < n {
                if u64_at(a, i) != u64_at(b, i) {
                    return false;
                }
                i += 8;
            }
            u64_at(a, n - 8) == u64_at(b, n - 8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_table_agrees_with_nfc() {
        // Every Arabic-block pair that NFC composes must be in `compose`, and
        // nothing else: a Unicode upgrade that adds one fails here.
        for base in '\u{0600}'..='\u{06FF}' {
            for mark in [MADDAH_ABOVE, HAMZA_ABOVE, HAMZA_BELOW] {
                let nfc: Vec<char> = [base, mark].iter().copied().nfc().collect();
                let expected = (nfc.len() == 1).then(|| nfc[0]);
                assert_eq!(
                    compose(base, mark),
                    expected,
                    "U+{:04X} + U+{:04X}",
                    base as u32,
                    mark as u32
                );
            }
        }
    }

    #[test]
    fn compose_bases_are_exactly_those_that_compose() {
        for c in '\u{0600}'..='\u{06FF}' {
            let composes =
                [MADDAH_ABOVE, HAMZA_ABOVE, HAMZA_BELOW].iter().any(|&m| compose(c, m).is_some());
            assert_eq!(is_compose_base(c), composes, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn mark_ranges_are_nonspacing_marks() {
        for c in (FATHATAN..=WAVY_HAMZA_BELOW).chain(['\u{0670}']) {
            assert_ne!(combining_class(c), 0, "U+{:04X} should be a combining mark", c as u32);
        }
    }

    #[test]
    fn digits() {
        assert_eq!(arabic_indic_digit('\u{0660}'), Some(0));
        assert_eq!(arabic_indic_digit('\u{0669}'), Some(9));
        assert_eq!(arabic_indic_digit('\u{066A}'), None);
        assert_eq!(extended_arabic_indic_digit('\u{06F9}'), Some(9));
        assert_eq!(extended_arabic_indic_digit('\u{06EF}'), None);
    }

    #[test]
    fn presentation_forms_expand_to_base_letters() {
        assert_eq!(presentation_form('\u{FEFB}'), Some("\u{0644}\u{0627}"));
        assert_eq!(presentation_form('\u{FDF2}'), Some("\u{0627}\u{0644}\u{0644}\u{0647}"));
        assert_eq!(presentation_form('\u{FE8D}'), Some("\u{0627}"));
        assert_eq!(presentation_form('\u{FDFD}'), None);
        assert_eq!(presentation_form('\u{0627}'), None);
        for cp in FORMS_A.chain(FORMS_B) {
            if let Some(text) = char::from_u32(cp).and_then(presentation_form) {
                assert!(!text.chars().any(is_presentation_form), "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn same_bytes_is_slice_equality() {
        let words: [&[u8]; 7] =
            [b"", b"a", b"abcdefgh", b"abcdefgi", b"abcdefghij", b"abcdefghik", b"bbcdefghij"];
        for a in words {
            for b in words {
                assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
            }
        }
        // Every length up to three words, with one byte changed anywhere.
        let base: Vec<u8> = (1..=25).collect();
        for n in 0..=base.len() {
            let a = &base[..n];
            assert!(same_bytes(a, a), "{n}");
            for i in 0..n {
                let mut b = a.to_vec();
                b[i] ^= 0x80;
                assert!(!same_bytes(a, &b), "{n} {i}");
            }
        }
    }
}
