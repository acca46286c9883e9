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

use super::engine::{Event, Recorder};
use super::rules::Rule;

/// A letter that the rule collapses: the Arabic letters of U+0620..=U+064A,
/// U+066E..=U+06D3 and U+06D5, and those of Arabic Supplement U+0750..=U+077F.
/// Tatweel, digits, marks and punctuation are not letters.
fn is_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
        || matches!(c, '\u{06D5}' | '\u{0750}'..='\u{077F}')
}

/// Whether `text` may hold a run: three identical two-byte sequences in a
/// row, the shape of every letter the rule reads. Bytewise and branch-free
/// over 64-byte chunks, so the compiler vectorizes it; a hit is confirmed
/// by [`runs`].
fn may_have_run(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 6 {
        return false;
    }
    let last = bytes.len() - 6;
    let mut at = 0;
    while at <= last {
        let end = (at + 64).min(last + 1);
        let mut hit = false;
        for i in at..end {
            hit |= bytes[i] == bytes[i + 2]
                && bytes[i + 1] == bytes[i + 3]
                && bytes[i] == bytes[i + 4]
                && bytes[i + 1] == bytes[i + 5]
                && bytes[i] & 0xE0 == 0xC0;
        }
        if hit {
            return true;
        }
        at = end;
    }
    false
}

/// The byte ranges to delete: all but the first letter of each run of three
/// or more of the same letter.
fn runs(text: &str) -> Vec<Range<usize>> {
    let mut deletions = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let mut count = 1;
        while let Some(&(at, next)) = chars.peek() {
            if next != c {
                break;
            }
            count += 1;
            end = at + next.len_utf8();
            chars.next();
        }
        if count >= 3 && is_letter(c) {
            deletions.push(start + c.len_utf8()..end);
        }
    }
    deletions
}

/// Appends `text` with every run collapsed to `out` and returns `true`, or
/// returns `false` and leaves `out` alone when `text` has no run. Each
/// collapsed run is one change for `recorder`.
pub(crate) fn collapse<R: Recorder>(text: &str, out: &mut String, recorder: &mut R) -> bool {
    if !may_have_run(text) {
        return false;
    }
    let deletions = runs(text);
    if deletions.is_empty() {
        return false;
    }
    let start = out.len();
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
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::engine::NoRecord;

    fn run(text: &str) -> String {
        let mut out = String::new();
        if collapse(text, &mut out, &mut NoRecord) { out } else { text.to_string() }
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
            assert!(may_have_run(&text), "{pad}");
            assert_eq!(run(&text), format!("{}ب", "x".repeat(pad)));
        }
        assert!(!may_have_run("بب ب"));
    }
}
