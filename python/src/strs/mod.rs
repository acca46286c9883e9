//! Python strs in and out, and the transcoding between them and the UTF-8
//! the library works on.
//!
//! A call does its Python work on one thread, under the GIL, and a batch
//! call does its text work on every thread: the less of the first, the
//! more the threads share. Two ways to cross, chosen when the module is
//! built:
//!
//! * [`native`] (the default build, one per Python version): a str's
//!   characters are read where CPython keeps them (one, two or four bytes
//!   per character), with no copy and no codec, on whichever thread does
//!   the text work; a result is written by that thread in the form CPython
//!   keeps it, so that making the str under the GIL is an allocation and
//!   a copy.
//! * [`limited`] (the `abi3` feature: one wheel for every CPython from
//!   3.9, or PyPy): the limited API reads no str in place, so strs are
//!   taken and given back as UTF-16 through CPython's codec, its fastest.
//!
//! Either way simdutf transcodes to and from UTF-8, and a str with a lone
//! surrogate is refused with the error Python's own UTF-8 encoder gives.

use std::cell::RefCell;

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

#[cfg(feature = "abi3")]
mod limited;
#[cfg(feature = "abi3")]
pub(crate) use limited::{Chars, Held, Made, Piece};

#[cfg(not(feature = "abi3"))]
mod native;
#[cfg(not(feature = "abi3"))]
pub(crate) use native::{Chars, Held, Made, Piece};

/// Transcodes between a str's characters and UTF-8 with buffers reused
/// from one text to the next (one set per thread).
#[derive(Default)]
pub(crate) struct Transcoder {
    /// The input as UTF-8, when it is not UTF-8 already.
    utf8: Vec<u8>,
    /// Scratch space for reading the input.
    scratch: Vec<u16>,
    /// What a [`map`](Self::map) writes.
    out: String,
    /// The output as Python will take it.
    made: Made,
}

impl Transcoder {
    /// The UTF-8 of `chars`, lent until the next call; `None` for
    /// characters Python's UTF-8 encoder refuses (a lone surrogate).
    pub(crate) fn utf8_of<'a>(&'a mut self, chars: Chars<'a>) -> Option<&'a str> {
        chars.utf8(&mut self.utf8, &mut self.scratch)
    }

    /// Runs `f` on the UTF-8 of `chars` (see [`utf8_of`](Self::utf8_of))
    /// and a cleared buffer; when `f` returns `true`, the buffer's text as
    /// Python will take it, lent until the next call. `None` for
    /// characters Python refuses; `Some(None)` when `f` returns `false`.
    pub(crate) fn map(
        &mut self,
        chars: Chars<'_>,
        f: impl FnOnce(&str, &mut String) -> bool,
    ) -> Option<Option<&Made>> {
        let text = chars.utf8(&mut self.utf8, &mut self.scratch)?;
        self.out.clear();
        if !f(text, &mut self.out) {
            return Some(None);
        }
        self.made.write(&self.out);
        Some(Some(&self.made))
    }

    /// [`map`](Self::map), the result's buffer handed over for the caller
    /// to keep (rather than copied out; the next text gets a new one).
    pub(crate) fn map_owned(
        &mut self,
        chars: Chars<'_>,
        f: impl FnOnce(&str, &mut String) -> bool,
    ) -> Option<Option<Made>> {
        let changed = self.map(chars, f)?.is_some();
        Some(changed.then(|| std::mem::take(&mut self.made)))
    }
}

/// Runs `f` with this thread's transcoder, whose buffers single calls
/// reuse (a new one if `f` calls this again).
pub(crate) fn with_transcoder<T>(f: impl FnOnce(&mut Transcoder) -> T) -> T {
    thread_local! {
        static TRANSCODER: RefCell<Transcoder> = RefCell::default();
    }
    TRANSCODER.with(|transcoder| match transcoder.try_borrow_mut() {
        Ok(mut transcoder) => f(&mut transcoder),
        Err(_) => f(&mut Transcoder::default()),
    })
}

/// The error for a str whose characters [`Transcoder`] refused: Python's
/// own, from its UTF-8 encoder.
pub(crate) fn refused(text: &Bound<'_, PyString>) -> PyErr {
    match text.to_cow() {
        Err(error) => error,
        Ok(_) => PyUnicodeEncodeError::new_err("a str that cannot be encoded"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts with every kind of character: ASCII, Latin-1, the BMP beyond
    /// it, astral characters, a leading U+FEFF ZERO WIDTH NO-BREAK SPACE.
    pub(super) const TEXTS: [&str; 8] =
        ["", "abc", "é", "كتاب", "ک ی ۀ", "\u{1F600}x\u{10FFFF}", "\u{FEFF}é", "aé\u{FFFF}"];

    #[test]
    fn every_kind_of_character_round_trips() {
        let mut transcoder = Transcoder::default();
        let long = "كتاب a ".repeat(1000);
        for text in TEXTS.iter().copied().chain([long.as_str()]) {
            let chars = Chars::for_test(text);
            assert_eq!(transcoder.utf8_of(chars.chars()), Some(text), "{text:?}");
            let made = transcoder.map(chars.chars(), |text, out| {
                out.push_str(text);
                true
            });
            assert_eq!(made.flatten().expect("made").text(), text, "{text:?}");
        }
    }

    #[test]
    fn a_text_that_is_not_changed_is_not_made() {
        let mut transcoder = Transcoder::default();
        for text in TEXTS {
            let made = transcoder.map(Chars::for_test(text).chars(), |_, _| false);
            assert!(matches!(made, Some(None)), "{text:?}");
        }
    }
}
