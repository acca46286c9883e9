//! The `elongation` rule: a run of three or more of the same Arabic letter,
//! as social-media text stretches words for emphasis (جمييييل، كتييير،
//! هههههه), becomes one letter. Doubles stay (مميز), since Arabic writes a
//! doubled consonant twice only across a morpheme boundary and never three
//! times.
//!
//! It runs on the output of the other rules, so the letters it compares are
//! the folded ones (ىيي is a run once alef maksura is yeh) and marks or
//! tatweel between them have already gone where the configuration removes
//! them.

use std::ops::Range;

use super::record::{Event, Recorder};
use super::rules::Rule;

/// A letter that the rule collapses: the Arabic letters of U+0620..=U+064A,
/// U+066E..=U+06D3 and U+06D5, and those of Arabic Supplement U+0750..=U+077F.
/// Tatweel, digits, marks and punctuation are not letters.
fn is_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
        || matches!(c, '\u{06D5}' | '\u{0750}'..='\u{077F}')
}

/// Whether byte `i` starts three identical two-byte sequences led by
/// 0xD8..=0xDF (U+0600..=U+07FF, where every letter the rule reads lies;
/// such a lead byte always starts a character).
#[inline(always)]
fn starts_run(bytes: &[u8], i: usize) -> bool {
    bytes[i] & 0xF8 == 0xD8
        && bytes[i] == bytes[i + 2]
        && bytes[i + 1] == bytes[i + 3]
        && bytes[i] == bytes[i + 4]
        && bytes[i + 1] == bytes[i + 5]
}

/// Whether a run may start in `at..end`: the test of [`starts_run`] on
/// every position, without branches, so that the compiler vectorizes it.
fn chunk_may_start_run(bytes: &[u8], at: usize, end: usize) -> bool {
    let len = end - at;
    let (b0, b1) = (&bytes[at..at + len], &bytes[at + 1..at + 1 + len]);
    let (b2, b3) = (&bytes[at + 2..at + 2 + len], &bytes[at + 3..at + 3 + len]);
    let (b4, b5) = (&bytes[at + 4..at + 4 + len], &bytes[at + 5..at + 5 + len]);
    let mut hit = 0u8;
    for i in 0..len {
        hit |= u8::from(b0[i] == b2[i])
            & u8::from(b1[i] == b3[i])
            & u8::from(b0[i] == b4[i])
            & u8::from(b1[i] == b5[i])
            & u8::from(b0[i] & 0xF8 == 0xD8);
    }
    hit != 0
}

/// The byte ranges to delete: all but the first letter of each run of three
/// or more of the same letter. The text is scanned 64 bytes at a time for
/// the byte shape of a run; only a chunk that has one is looked at closely.
pub(crate) fn runs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut deletions = Vec::new();
    if bytes.len() < 6 {
        return deletions;
    }
    let n = bytes.len() - 5;
    let mut at = 0;
    while at < n {
        let end = (at + 64).min(n);
        if !chunk_may_start_run(bytes, at, end) {
            at = end;
            continue;
        }
        let mut i = at;
        while i < end {
            if !starts_run(bytes, i) {
                i += 1;
                continue;
            }
            let pair = [bytes[i], bytes[i + 1]];
            let mut stop = i + 6;
            while bytes.get(stop..stop + 2) == Some(&pair[..]) {
                stop += 2;
            }
            if text[i..i + 2].chars().next().is_some_and(is_letter) {
                deletions.push(i + 2..stop);
            }
            i = stop;
        }
        at = i.max(end);
    }
    deletions
}

/// Appends `text` without the bytes `deletions` names (from [`runs`]) to
/// `out`; each collapsed run is one change for `recorder`, with output
/// offsets counted from where `text` begins in `out`.
pub(crate) fn apply<R: Recorder>(
    text: &str,
    deletions: &[Range<usize>],
    out: &mut String,
    recorder: &mut R,
) {
    let start = out.len();
    out.reserve(text.len());
    let mut copied = 0;
    for range in deletions {
        out.push_str(&text[copied..range.start]);
        if R::ENABLED {
            let at = out.len() - start;
            recorder.record(Event { rule: Rule::Elongation, input: range.clone(), output: at..at });
        }
        copied = range.end;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::record::NoRecord;

    fn run(text: &str) -> String {
        let mut out = String::new();
        apply(text, &runs(text), &mut out, &mut NoRecord);
        out
    }

    #[test]
    fn runs_of_three_or_more_become_one_letter() {
        assert_eq!(run("جمييييل"), "جميل");
        assert_eq!(run("كتييير"), "كتير");
        assert_eq!(run("هههههه"), "ه");
        assert_eq!(run("ههه ووووو"), "ه و");
    }

    #[test]
    fn doubles_digits_and_other_scripts_stay() {
        for text in ["مميز", "الله", "٣٣٣", "sooo", "!!!", "ـــ", "\u{064E}\u{064E}\u{064E}", ""]
        {
            assert_eq!(run(text), text);
        }
    }

    #[test]
    fn the_byte_scan_finds_every_run() {
        // Runs at every alignment and at both ends of a 64-byte chunk.
        for pad in 0..70 {
            let text = format!("{}ببب", "x".repeat(pad));
            assert_eq!(run(&text), format!("{}ب", "x".repeat(pad)));
        }
        assert!(runs("بب ب").is_empty());
        // Runs back to back, and one that crosses a chunk's end.
        assert_eq!(run("بببتتتت"), "بت");
        let long = format!("{}{}", "x".repeat(60), "ه".repeat(40));
        assert_eq!(run(&long), format!("{}ه", "x".repeat(60)));
    }
}
