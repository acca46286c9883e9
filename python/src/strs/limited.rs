//! Strs in and out through UTF-16, with the limited API only (the `abi3`
//! build).
//!
//! CPython keeps an Arabic str as 16-bit code units, so its UTF-16 codec
//! is close to a copy where its UTF-8 codec transcodes each character (20
//! MB of news: 8 ms to encode the lines as UTF-16 against 24 ms as UTF-8,
//! 9 ms to decode against 30). So strs are taken as UTF-16 under the GIL,
//! transcoded to UTF-8 for the library with simdutf, and results go back
//! as UTF-16 for Python to decode.
//!
//! Python's strict UTF-16 encoder refuses lone surrogates, as its UTF-8
//! encoder does, so a str that reaches the library is valid Unicode and a
//! call fails where Python's codec fails (`UnicodeEncodeError`).
//!
//! simdutf's transcoders and CPython's UTF-16 decoder take raw pointers:
//! the three `unsafe` blocks below are the module's only ones, each with
//! its argument, and the UTF-8 simdutf makes is checked before it becomes
//! a `str`.

use std::marker::PhantomData;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString};

/// Python's codec: `utf-16`, which CPython encodes and decodes without a
/// look-up in its codec registry (`utf-16-le` takes one, and a call of
/// Python code, per text). It writes a byte order mark and then the code
/// units in the machine's order, the order simdutf's `utf16` functions
/// read; it reads the mark, and the order it gives.
const CODEC: &str = "utf-16";

/// U+FEFF ZERO WIDTH NO-BREAK SPACE as a byte order mark.
const BYTE_ORDER_MARK: u16 = 0xFEFF;

/// A str's UTF-16 code units in the machine's order, as bytes.
#[derive(Clone, Copy)]
pub(crate) struct Chars<'a>(&'a [u8]);

impl<'a> Chars<'a> {
    /// The UTF-8 of the code units, written in `utf8` (`aligned` holds a
    /// copy of unaligned units). A lone surrogate, which Python's strict
    /// encoder never writes, becomes U+FFFD REPLACEMENT CHARACTER.
    pub(super) fn utf8<'b>(self, utf8: &'b mut Vec<u8>, aligned: &mut Vec<u16>) -> Option<&'b str>
    where
        'a: 'b,
    {
        // Python's bytes objects are 2-aligned in practice; else a copy.
        let units: &[u16] = match bytemuck::try_cast_slice(self.0) {
            Ok(units) => units,
            Err(_) => {
                aligned.clear();
                aligned.extend(self.0.chunks_exact(2).map(|p| u16::from_ne_bytes([p[0], p[1]])));
                aligned
            }
        };
        // Three UTF-8 bytes at most per UTF-16 unit.
        if utf8.len() < 3 * units.len() {
            utf8.resize(3 * units.len(), 0);
        }
        // SAFETY: `units` is valid for reads of its length; `utf8` holds at
        // least three bytes per unit, more than any conversion of them
        // writes, and does not overlap `units`.
        let written = unsafe {
            simdutf::convert_utf16_to_utf8(units.as_ptr(), units.len(), utf8.as_mut_ptr())
        };
        let written = if written == 0 && !units.is_empty() {
            let text: String = char::decode_utf16(units.iter().copied())
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
            utf8.clear();
            utf8.extend_from_slice(text.as_bytes());
            text.len()
        } else {
            written
        };
        match simdutf8::basic::from_utf8(&utf8[..written]) {
            Ok(text) => Some(text),
            Err(_) => unreachable!("simdutf wrote invalid UTF-8 from valid UTF-16"),
        }
    }

    /// Code units of a Rust string, as Python's codec would give them.
    #[cfg(test)]
    pub(super) fn for_test(text: &str) -> TestChars {
        TestChars(text.encode_utf16().flat_map(u16::to_ne_bytes).collect())
    }
}

/// The owner of a test's [`Chars`].
#[cfg(test)]
pub(super) struct TestChars(Vec<u8>);

#[cfg(test)]
impl TestChars {
    pub(super) fn chars(&self) -> Chars<'_> {
        Chars(&self.0)
    }
}

/// One str held for a call on this thread: its UTF-16, encoded by Python.
pub(crate) struct Held<'py>(Bound<'py, PyBytes>);

impl<'py> Held<'py> {
    /// `text` encoded by Python (under the GIL).
    pub(crate) fn of(text: &Bound<'py, PyString>) -> PyResult<Held<'py>> {
        static NAMES: PyOnceLock<(Py<PyString>, Py<PyString>)> = PyOnceLock::new();
        let py = text.py();
        let (encode, codec) = NAMES.get_or_init(py, || {
            (PyString::intern(py, "encode").unbind(), PyString::intern(py, CODEC).unbind())
        });
        let bytes = text.call_method1(encode.bind(py), (codec.bind(py),))?;
        Ok(Held(bytes.cast_into()?))
    }

    /// The code units, without the byte order mark; they can be read
    /// without the GIL.
    pub(crate) fn chars(&self) -> Chars<'_> {
        Chars(self.0.as_bytes().get(2..).unwrap_or_default())
    }
}

/// Some texts of a batch, in order: their UTF-16 back to back (owned;
/// the lifetime is the native build's, whose pieces borrow).
pub(crate) struct Piece<'t> {
    utf16: Vec<u8>,
    ends: Vec<usize>,
    texts: PhantomData<&'t ()>,
}

impl<'t> Piece<'t> {
    /// The texts from `texts[start]` until they hold `bytes` bytes of
    /// UTF-16 or number `count`, and where the next piece starts.
    pub(crate) fn read(
        texts: &'t [Bound<'_, PyString>],
        start: usize,
        bytes: usize,
        count: usize,
    ) -> PyResult<(Piece<'t>, usize)> {
        let mut piece =
            Piece { utf16: Vec::with_capacity(bytes), ends: Vec::new(), texts: PhantomData };
        let mut end = start;
        while end < texts.len() && piece.utf16.len() < bytes && piece.ends.len() < count {
            piece.utf16.extend_from_slice(Held::of(&texts[end])?.chars().0);
            piece.ends.push(piece.utf16.len());
            end += 1;
        }
        Ok((piece, end))
    }

    /// The texts' code units, in order.
    pub(crate) fn chars(&self) -> impl Iterator<Item = Chars<'_>> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(from, &to)| Chars(&self.utf16[from..to]))
    }
}

/// A text as a byte order mark and UTF-16 code units in the machine's
/// order, for Python's decoder.
#[derive(Clone, Default)]
pub(crate) struct Made {
    units: Vec<u16>,
}

impl Made {
    /// Writes `text`.
    pub(super) fn write(&mut self, text: &str) {
        // The mark, then at most one UTF-16 unit per byte of UTF-8.
        self.units.resize(1 + text.len(), 0);
        self.units[0] = BYTE_ORDER_MARK;
        let out = &mut self.units[1..];
        // SAFETY: `text` is valid for reads of its length; `out` holds at
        // least one unit per byte of it, more than its conversion writes,
        // and does not overlap it. (The validating conversion: faster than
        // simdutf's `convert_valid_utf8_to_utf16` on Arabic text.)
        let written =
            unsafe { simdutf::convert_utf8_to_utf16(text.as_ptr(), text.len(), out.as_mut_ptr()) };
        if written == 0 && !text.is_empty() {
            unreachable!("simdutf found a str invalid");
        }
        self.units.truncate(1 + written);
    }

    /// The str, decoded by Python.
    pub(crate) fn to_str<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let utf16: &[u8] = bytemuck::cast_slice(&self.units);
        let length = pyo3::ffi::Py_ssize_t::try_from(utf16.len())
            .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("text too long for Python"))?;
        // SAFETY: `utf16` is valid for reads of `length` bytes for the whole
        // call, which holds the GIL (`py`); a null `errors` asks for strict
        // decoding and a null `byteorder` for the byte order mark to be
        // read. The result is a new reference, or null with Python's error
        // set, which `from_owned_ptr_or_err` takes. (Through a bytes object
        // and pyo3's safe `PyString::from_encoded_object`, each result cost
        // an allocation and a copy more.)
        let decoded = unsafe {
            Bound::from_owned_ptr_or_err(
                py,
                pyo3::ffi::PyUnicode_DecodeUTF16(
                    utf16.as_ptr().cast(),
                    length,
                    std::ptr::null(),
                    std::ptr::null_mut(),
                ),
            )
        }?;
        Ok(decoded.cast_into()?)
    }

    /// The characters, for tests.
    #[cfg(test)]
    pub(super) fn text(&self) -> String {
        assert_eq!(self.units.first(), Some(&BYTE_ORDER_MARK));
        String::from_utf16(&self.units[1..]).expect("valid UTF-16")
    }
}

#[cfg(test)]
mod tests {
    use super::super::Transcoder;
    use super::super::tests::TEXTS;
    use super::*;

    #[test]
    fn unaligned_code_units_read_the_same() {
        let mut transcoder = Transcoder::default();
        for text in TEXTS {
            let mut shifted = vec![0];
            shifted.extend(&Chars::for_test(text).0);
            assert_eq!(transcoder.utf8_of(Chars(&shifted[1..])), Some(text), "{text:?}");
        }
    }

    #[test]
    fn a_lone_surrogate_becomes_a_replacement_character() {
        let mut transcoder = Transcoder::default();
        let units = [0xD800u16, u16::from(b'a')];
        assert_eq!(transcoder.utf8_of(Chars(bytemuck::cast_slice(&units))), Some("\u{FFFD}a"));
    }
}
