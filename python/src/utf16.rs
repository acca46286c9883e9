//! Python strs in and out through UTF-16.
//!
//! A call does its Python work on one thread, under the GIL, and a batch
//! call does its text work on every thread: the less of the first, the
//! more the threads share. CPython keeps an Arabic str as 16-bit code units,
//! so its UTF-16 codec is close to a copy where its UTF-8 codec transcodes
//! each character (20 MB of news: 8 ms to encode the lines as UTF-16
//! against 24 ms as UTF-8, 9 ms to decode against 30; BENCHMARKS.md, "The
//! Python module"). So strs are taken as UTF-16 under the GIL, transcoded
//! to UTF-8 for the library with simdutf (4 ms for the same 20 MB, on the
//! pool in a batch call), and results go back as UTF-16 for Python to
//! decode.
//!
//! Python's strict UTF-16 encoder refuses lone surrogates, as its UTF-8
//! encoder does, so a str that reaches the library is valid Unicode and a
//! call fails where it failed before (`UnicodeEncodeError`).
//!
//! simdutf's transcoders and CPython's UTF-16 decoder take raw pointers:
//! the three `unsafe` blocks below are the crate's only ones, each with its
//! argument, and the UTF-8 simdutf makes is checked before it becomes a
//! `str`.

use std::cell::RefCell;

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

/// A str's code units, in the machine's order, after a byte order mark.
pub(crate) struct Utf16<'py>(Bound<'py, PyBytes>);

impl<'py> Utf16<'py> {
    /// `text` encoded by Python (under the GIL).
    pub(crate) fn encode(text: &Bound<'py, PyString>) -> PyResult<Utf16<'py>> {
        static NAMES: PyOnceLock<(Py<PyString>, Py<PyString>)> = PyOnceLock::new();
        let py = text.py();
        let (encode, codec) = NAMES.get_or_init(py, || {
            (PyString::intern(py, "encode").unbind(), PyString::intern(py, CODEC).unbind())
        });
        let bytes = text.call_method1(encode.bind(py), (codec.bind(py),))?;
        Ok(Utf16(bytes.cast_into()?))
    }

    /// The code units as bytes, without the byte order mark; they can be
    /// read without the GIL.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_bytes().get(2..).unwrap_or_default()
    }
}

/// Transcodes between UTF-16 and UTF-8 with buffers reused from one text
/// to the next (one set per thread).
#[derive(Default)]
pub(crate) struct Transcoder {
    /// A copy of unaligned input, as code units.
    aligned: Vec<u16>,
    /// The input as UTF-8.
    utf8: Vec<u8>,
    /// What a [`map`](Self::map) writes.
    out: String,
    /// The output as a byte order mark and code units.
    units: Vec<u16>,
}

impl Transcoder {
    /// The UTF-8 of `utf16` (code units in the machine's order, as bytes),
    /// lent until the next call. A lone surrogate, which Python's strict
    /// encoder never writes, becomes U+FFFD REPLACEMENT CHARACTER.
    pub(crate) fn utf8_of(&mut self, utf16: &[u8]) -> &str {
        utf8_of(utf16, &mut self.aligned, &mut self.utf8)
    }

    /// Runs `f` on the UTF-8 of `utf16` (see [`utf8_of`](Self::utf8_of))
    /// and a cleared buffer; when `f` returns `true`, the buffer's text as
    /// a byte order mark and code units in the machine's order, as bytes
    /// lent until the next call.
    pub(crate) fn map(
        &mut self,
        utf16: &[u8],
        f: impl FnOnce(&str, &mut String) -> bool,
    ) -> Option<&[u8]> {
        let text = utf8_of(utf16, &mut self.aligned, &mut self.utf8);
        self.out.clear();
        f(text, &mut self.out).then(|| utf16_of(&self.out, &mut self.units))
    }
}

/// [`Transcoder::utf8_of`], with its buffers.
fn utf8_of<'b>(utf16: &[u8], aligned: &mut Vec<u16>, utf8: &'b mut Vec<u8>) -> &'b str {
    // Python's bytes objects are 2-aligned in practice; else a copy.
    let units: &[u16] = match bytemuck::try_cast_slice(utf16) {
        Ok(units) => units,
        Err(_) => {
            aligned.clear();
            aligned.extend(utf16.chunks_exact(2).map(|p| u16::from_ne_bytes([p[0], p[1]])));
            aligned
        }
    };
    // Three UTF-8 bytes at most per UTF-16 unit.
    if utf8.len() < 3 * units.len() {
        utf8.resize(3 * units.len(), 0);
    }
    // SAFETY: `units` is valid for reads of its length; `utf8` holds at
    // least three bytes per unit, more than any conversion of them writes,
    // and does not overlap `units`.
    let written =
        unsafe { simdutf::convert_utf16_to_utf8(units.as_ptr(), units.len(), utf8.as_mut_ptr()) };
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
        Ok(text) => text,
        Err(_) => unreachable!("simdutf wrote invalid UTF-8 from valid UTF-16"),
    }
}

/// `text` as a byte order mark and UTF-16 code units in the machine's
/// order, as bytes, written in `units`.
fn utf16_of<'b>(text: &str, units: &'b mut Vec<u16>) -> &'b [u8] {
    // The mark, then at most one UTF-16 unit per byte of UTF-8.
    if units.len() < 1 + text.len() {
        units.resize(1 + text.len(), 0);
    }
    units[0] = BYTE_ORDER_MARK;
    let out = &mut units[1..];
    // SAFETY: `text` is valid for reads of its length; `out` holds at least
    // one unit per byte of it, more than its conversion writes, and does
    // not overlap it. (The validating conversion: faster than simdutf's
    // `convert_valid_utf8_to_utf16` on Arabic text.)
    let written =
        unsafe { simdutf::convert_utf8_to_utf16(text.as_ptr(), text.len(), out.as_mut_ptr()) };
    if written == 0 && !text.is_empty() {
        unreachable!("simdutf found a str invalid");
    }
    bytemuck::cast_slice(&units[..1 + written])
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

/// The str of bytes made by [`Transcoder::map`], decoded by Python.
pub(crate) fn decode<'py>(py: Python<'py>, utf16: &[u8]) -> PyResult<Bound<'py, PyString>> {
    let length = pyo3::ffi::Py_ssize_t::try_from(utf16.len())
        .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("text too long for Python"))?;
    // SAFETY: `utf16` is valid for reads of `length` bytes for the whole
    // call, which holds the GIL (`py`); a null `errors` asks for strict
    // decoding and a null `byteorder` for the byte order mark to be read.
    // The result is a new reference, or null with Python's error set, which
    // `from_owned_ptr_or_err` takes. (Through a bytes object and pyo3's safe
    // `PyString::from_encoded_object`, each result cost an allocation and a
    // copy more: BENCHMARKS.md, "The Python module".)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_utf16_round_trip_every_kind_of_character() {
        let mut transcoder = Transcoder::default();
        let long = "كتاب a ".repeat(1000);
        let texts = ["", "abc", "كتاب", "ک ی ۀ", "\u{1F600}x\u{10FFFF}", "\u{FEFF}é", &long];
        for text in texts {
            let utf16 = transcoder.map(&[], |_, out| {
                out.push_str(text);
                true
            });
            let utf16 = utf16.map(<[u8]>::to_vec).unwrap_or_default();
            let units: Vec<u16> =
                utf16.chunks_exact(2).map(|p| u16::from_ne_bytes([p[0], p[1]])).collect();
            let expected: Vec<u16> =
                [BYTE_ORDER_MARK].into_iter().chain(text.encode_utf16()).collect();
            assert_eq!(units, expected, "{text:?}");
            assert_eq!(transcoder.utf8_of(&utf16[2..]), text, "{text:?}");
            // Unaligned bytes read the same.
            let mut shifted = vec![0];
            shifted.extend(&utf16[2..]);
            assert_eq!(transcoder.utf8_of(&shifted[1..]), text, "{text:?}");
        }
    }

    #[test]
    fn a_lone_surrogate_becomes_a_replacement_character() {
        let mut transcoder = Transcoder::default();
        let units = [0xD800u16, u16::from(b'a')];
        assert_eq!(transcoder.utf8_of(bytemuck::cast_slice(&units)), "\u{FFFD}a");
    }
}
