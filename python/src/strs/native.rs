//! Strs read and made where CPython keeps their characters (PEP 393: one,
//! two or four bytes a character, the narrowest that holds the str's
//! largest). Not in the limited API, hence not in the `abi3` build.
//!
//! A str is immutable and stays where it is while a reference to it
//! lives, so its characters can be read on any thread, without the GIL,
//! for as long as the caller holds the str: [`Chars`] borrows them for
//! that long. A result is written by the thread that makes it in the
//! narrowest form ([`Made`]), and becomes a str under the GIL with
//! `PyUnicode_New` and a copy.
//!
//! The `unsafe` blocks below read a str, make one, and call simdutf's
//! transcoders (raw pointers, in [`transcode`]), each with its argument;
//! the UTF-8 the transcoders make is checked before it becomes a `str`.

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// A str's characters, borrowed from it: one byte each (U+0000 to
/// U+00FF), two (U+0000 to U+FFFF) or four.
#[derive(Clone, Copy)]
pub(crate) enum Chars<'a> {
    Latin1(&'a [u8]),
    Ucs2(&'a [u16]),
    Ucs4(&'a [u32]),
}

impl<'a> Chars<'a> {
    /// The characters of `text`, for as long as `text` is borrowed.
    fn of(text: &'a Bound<'_, PyString>) -> PyResult<Chars<'a>> {
        let ptr = text.as_ptr();
        // SAFETY: `ptr` is a str (its `Bound` says so) with a reference
        // held for 'a, so it is neither freed nor moved for 'a; CPython
        // changes a str's characters in place only while its one reference
        // is its creator's (`unicode_modifiable`), and the one borrowed here
        // makes at least two. `PyUnicode_READY` (a no-op from 3.12) runs
        // under the GIL that `Bound` proves and gives a str its canonical
        // form, after which `PyUnicode_DATA` points to `PyUnicode_GET_LENGTH`
        // characters of `PyUnicode_KIND` bytes each, aligned for that size.
        unsafe {
            if ffi::PyUnicode_READY(ptr) != 0 {
                return Err(PyErr::fetch(text.py()));
            }
            let len = usize::try_from(ffi::PyUnicode_GET_LENGTH(ptr)).unwrap_or(0);
            if len == 0 {
                return Ok(Chars::Latin1(&[]));
            }
            let data = ffi::PyUnicode_DATA(ptr);
            Ok(match ffi::PyUnicode_KIND(ptr) {
                ffi::PyUnicode_1BYTE_KIND => {
                    Chars::Latin1(std::slice::from_raw_parts(data.cast::<u8>(), len))
                }
                ffi::PyUnicode_2BYTE_KIND => {
                    Chars::Ucs2(std::slice::from_raw_parts(data.cast::<u16>(), len))
                }
                _ => Chars::Ucs4(std::slice::from_raw_parts(data.cast::<u32>(), len)),
            })
        }
    }

    /// The bytes the characters take.
    fn size(self) -> usize {
        match self {
            Chars::Latin1(units) => units.len(),
            Chars::Ucs2(units) => 2 * units.len(),
            Chars::Ucs4(units) => 4 * units.len(),
        }
    }

    /// The characters as UTF-8: borrowed when they are ASCII, else written
    /// in `utf8`. `None` when one is a surrogate, which Python's UTF-8
    /// encoder refuses (two of them in a row are two characters, not a
    /// pair).
    pub(super) fn utf8<'b>(self, utf8: &'b mut Vec<u8>, _: &mut Vec<u16>) -> Option<&'b str>
    where
        'a: 'b,
    {
        let written = match self {
            Chars::Latin1(units) if units.is_ascii() => return std::str::from_utf8(units).ok(),
            Chars::Latin1(units) => transcode::latin1_to_utf8(units, utf8),
            Chars::Ucs2(units) => {
                // Without a short-cut, so that the loop is vectorized.
                if units.iter().fold(false, |any, &unit| any | (unit & 0xF800 == 0xD800)) {
                    return None;
                }
                transcode::utf16_to_utf8(units, utf8)?
            }
            Chars::Ucs4(units) => transcode::utf32_to_utf8(units, utf8)?,
        };
        match simdutf8::basic::from_utf8(&utf8[..written]) {
            Ok(text) => Some(text),
            Err(_) => unreachable!("simdutf wrote invalid UTF-8 from valid characters"),
        }
    }

    /// Characters of a Rust string, as a str of them would have them.
    #[cfg(test)]
    pub(super) fn for_test(text: &str) -> TestChars {
        let max = text.chars().map(u32::from).max().unwrap_or(0);
        if max < 0x100 {
            TestChars::Latin1(text.chars().map(|c| c as u8).collect())
        } else if max < 0x10000 {
            TestChars::Ucs2(text.chars().map(|c| c as u16).collect())
        } else {
            TestChars::Ucs4(text.chars().map(u32::from).collect())
        }
    }
}

/// The owner of a test's [`Chars`].
#[cfg(test)]
pub(super) enum TestChars {
    Latin1(Vec<u8>),
    Ucs2(Vec<u16>),
    Ucs4(Vec<u32>),
}

#[cfg(test)]
impl TestChars {
    pub(super) fn chars(&self) -> Chars<'_> {
        match self {
            TestChars::Latin1(units) => Chars::Latin1(units),
            TestChars::Ucs2(units) => Chars::Ucs2(units),
            TestChars::Ucs4(units) => Chars::Ucs4(units),
        }
    }
}

/// One str held for a call on this thread.
pub(crate) struct Held<'t>(Chars<'t>);

impl<'t> Held<'t> {
    pub(crate) fn of(text: &'t Bound<'_, PyString>) -> PyResult<Held<'t>> {
        Chars::of(text).map(Held)
    }

    pub(crate) fn chars(&self) -> Chars<'t> {
        self.0
    }
}

/// Some texts of a batch, in order, their characters borrowed.
pub(crate) struct Piece<'t> {
    chars: Vec<Chars<'t>>,
}

impl<'t> Piece<'t> {
    /// The texts from `texts[start]` until they hold `bytes` bytes of
    /// characters or number `count`, and where the next piece starts.
    pub(crate) fn read(
        texts: &'t [Bound<'_, PyString>],
        start: usize,
        bytes: usize,
        count: usize,
    ) -> PyResult<(Piece<'t>, usize)> {
        let (mut chars, mut size) = (Vec::new(), 0);
        let mut end = start;
        while end < texts.len() && size < bytes && chars.len() < count {
            let text = Chars::of(&texts[end])?;
            size += text.size();
            chars.push(text);
            end += 1;
        }
        Ok((Piece { chars }, end))
    }

    /// The texts' characters, in order.
    pub(crate) fn chars(&self) -> impl Iterator<Item = Chars<'t>> + '_ {
        self.chars.iter().copied()
    }
}

/// A text written in the form a str of it has: its characters in the
/// narrowest units that hold them.
#[derive(Clone, Default)]
pub(crate) struct Made {
    /// The units, stored in `u32`s so that every width is aligned.
    units: Vec<u32>,
    /// The number of characters.
    len: usize,
    /// The largest character the width holds: 0x7F (ASCII, one byte),
    /// 0xFF (one byte), 0xFFFF (two) or 0x10FFFF (four); the str is made
    /// with it, and CPython compares strs of different widths as unequal,
    /// so it must be the narrowest.
    maxchar: u32,
}

impl Made {
    /// Writes `text` in the narrowest units.
    pub(super) fn write(&mut self, text: &str) {
        // The largest byte tells the widest character: below 0x80 ASCII;
        // 0xC2 and 0xC3 lead U+0080 to U+00FF; 0xC4 to 0xEF lead the rest
        // of the BMP, and 0xF0 and above the characters beyond it
        // (continuation bytes are 0x80 to 0xBF).
        let top = text.bytes().fold(0, u8::max);
        let (maxchar, width) = match top {
            0..0x80 => (0x7F, 1),
            0x80..0xC4 => (0xFF, 1),
            0xC4..0xF0 => (0xFFFF, 2),
            _ => (0x10_FFFF, 4),
        };
        // At most one unit a byte of UTF-8.
        self.units.resize((text.len() * width).div_ceil(4), 0);
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut self.units);
        self.len = match width {
            _ if maxchar == 0x7F => {
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                text.len()
            }
            1 => transcode::utf8_to_latin1(text, bytes),
            2 => transcode::utf8_to_utf16(text, bytemuck::cast_slice_mut(&mut self.units)),
            _ => transcode::utf8_to_utf32(text, &mut self.units),
        };
        self.maxchar = maxchar;
    }

    /// The str, made under the GIL.
    pub(crate) fn to_str<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let width = match self.maxchar {
            0x7F | 0xFF => 1,
            0xFFFF => 2,
            _ => 4,
        };
        let bytes: &[u8] = bytemuck::cast_slice(&self.units);
        let bytes = &bytes[..self.len * width];
        let len = ffi::Py_ssize_t::try_from(self.len)
            .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("text too long for Python"))?;
        // SAFETY: the GIL is held (`py`). `PyUnicode_New` returns a new
        // reference to a str of `len` characters of the width `maxchar`
        // calls for, not yet shared with anyone, or null with Python's
        // error set (taken by `from_owned_ptr_or_err`). Its data holds
        // `len * width` bytes, which `bytes` fills exactly without
        // overlapping it; the characters there are the narrowest form of
        // the text (see `maxchar`), as CPython requires of a str.
        unsafe {
            let made = Bound::from_owned_ptr_or_err(py, ffi::PyUnicode_New(len, self.maxchar))?;
            let data = ffi::PyUnicode_DATA(made.as_ptr()).cast::<u8>();
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), data, bytes.len());
            Ok(made.cast_into_unchecked())
        }
    }

    /// The characters, for tests.
    #[cfg(test)]
    pub(super) fn text(&self) -> String {
        let bytes: &[u8] = bytemuck::cast_slice(&self.units);
        match self.maxchar {
            0x7F | 0xFF => bytes[..self.len].iter().map(|&b| char::from(b)).collect(),
            0xFFFF => {
                let units: &[u16] = bytemuck::cast_slice(&self.units);
                units[..self.len].iter().map(|&u| char::from_u32(u.into()).unwrap()).collect()
            }
            _ => self.units[..self.len].iter().map(|&u| char::from_u32(u).unwrap()).collect(),
        }
    }

    #[cfg(test)]
    pub(super) fn maxchar(&self) -> u32 {
        self.maxchar
    }
}

/// simdutf's transcoders behind slices: each sizes its output for the
/// most its input can make.
mod transcode {
    /// Latin-1 into `utf8` (two bytes a character at most); the bytes
    /// written.
    pub(super) fn latin1_to_utf8(units: &[u8], utf8: &mut Vec<u8>) -> usize {
        grow(utf8, 2 * units.len());
        // SAFETY (here and in each function below): the input is valid for
        // reads of its length; the output, which does not overlap it, is
        // valid for writes of at least as many units as any conversion of
        // that input writes (checked just before).
        unsafe { simdutf::convert_latin1_to_utf8(units.as_ptr(), units.len(), utf8.as_mut_ptr()) }
    }

    /// UTF-16 without surrogates into `utf8` (three bytes a unit at
    /// most); `None` if simdutf finds it invalid.
    pub(super) fn utf16_to_utf8(units: &[u16], utf8: &mut Vec<u8>) -> Option<usize> {
        grow(utf8, 3 * units.len());
        let written =
            // SAFETY: as above.
        unsafe { simdutf::convert_utf16_to_utf8(units.as_ptr(), units.len(), utf8.as_mut_ptr()) };
        (written > 0 || units.is_empty()).then_some(written)
    }

    /// UTF-32 into `utf8` (four bytes a unit at most); `None` for a
    /// surrogate.
    pub(super) fn utf32_to_utf8(units: &[u32], utf8: &mut Vec<u8>) -> Option<usize> {
        grow(utf8, 4 * units.len());
        let written =
            // SAFETY: as above.
        unsafe { simdutf::convert_utf32_to_utf8(units.as_ptr(), units.len(), utf8.as_mut_ptr()) };
        (written > 0 || units.is_empty()).then_some(written)
    }

    /// `text`, all below U+0100, as Latin-1 in `out` (one byte a byte of
    /// `text` at most); the characters written.
    pub(super) fn utf8_to_latin1(text: &str, out: &mut [u8]) -> usize {
        assert!(out.len() >= text.len());
        // SAFETY: as above.
        unsafe { simdutf::convert_utf8_to_latin1(text.as_ptr(), text.len(), out.as_mut_ptr()) }
    }

    /// `text`, all in the BMP, as UTF-16 in `out` (one unit a byte at
    /// most); the units written.
    pub(super) fn utf8_to_utf16(text: &str, out: &mut [u16]) -> usize {
        assert!(out.len() >= text.len());
        // SAFETY: as above.
        unsafe { simdutf::convert_utf8_to_utf16(text.as_ptr(), text.len(), out.as_mut_ptr()) }
    }

    /// `text` as UTF-32 in `out` (one unit a byte at most); the units
    /// written.
    pub(super) fn utf8_to_utf32(text: &str, out: &mut [u32]) -> usize {
        assert!(out.len() >= text.len());
        // SAFETY: as above.
        unsafe { simdutf::convert_utf8_to_utf32(text.as_ptr(), text.len(), out.as_mut_ptr()) }
    }

    /// Makes `buffer` at least `len` long.
    fn grow(buffer: &mut Vec<u8>, len: usize) {
        if buffer.len() < len {
            buffer.resize(len, 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Transcoder;
    use super::super::tests::TEXTS;
    use super::*;

    #[test]
    fn results_are_written_in_the_narrowest_width() {
        let mut transcoder = Transcoder::default();
        for text in TEXTS {
            let made = transcoder.map(Chars::for_test("").chars(), |_, out| {
                out.push_str(text);
                true
            });
            let max = text.chars().map(u32::from).max().unwrap_or(0);
            let expected = match max {
                0..0x80 => 0x7F,
                0x80..0x100 => 0xFF,
                0x100..0x10000 => 0xFFFF,
                _ => 0x10_FFFF,
            };
            assert_eq!(made.flatten().expect("made").maxchar(), expected, "{text:?}");
        }
    }

    #[test]
    fn surrogates_are_refused_alone_or_in_pairs() {
        let mut transcoder = Transcoder::default();
        for units in [&[0xD800u16, 0x61][..], &[0x61, 0xDFFF], &[0xD83D, 0xDE00]] {
            assert_eq!(transcoder.utf8_of(Chars::Ucs2(units)), None, "{units:x?}");
        }
        for units in [&[0xD800u32, 0x1F600][..], &[0x1F600, 0xDC00]] {
            assert_eq!(transcoder.utf8_of(Chars::Ucs4(units)), None, "{units:x?}");
        }
    }
}
