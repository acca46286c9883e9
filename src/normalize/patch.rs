//! Sixty-four bytes at a time where every change is context-free and
//! makes nothing longer.
//!
//! In news text most changes replace one two-byte letter of U+0600..=U+06FF
//! by another (ة → ه, أ → ا, ى → ي): the output differs from the input
//! only in those two bytes. In diacritized text most changes delete a
//! two-byte mark (harakat, tanween, shadda, sukun, tatweel); in Persian
//! text, the zero width non-joiner goes or becomes a space. On CPUs with
//! AVX-512 VBMI and VBMI2 (checked at run time), a chunk of 64 input bytes
//! is looked up in two 256-entry tables, one for the lead byte and one for
//! the continuation byte of the character starting at each position,
//! patched, compressed over the bytes that go (VBMI2's `vpcompressb`), and
//! written back in one store, with no branch per change in the block. The
//! rare characters outside the block that a rule touches are asked about
//! one by one: removed, or replaced by a character no longer than
//! themselves, they are patched in too. A character that needs anything
//! else (context, an expansion) goes to the general path, with the whole
//! chunk when it holds few changes, else alone, the characters before it
//! taking the fast way.
//!
//! The tables are built from the engine's per-character table: an entry
//! the engine keeps maps to the character itself, a patch to its two
//! bytes, a replacement by one ASCII byte to [`ASCII`] and that byte, a
//! context-free deletion to [`DELETED`], and every other entry to
//! [`GENERAL`] (UTF-8 never contains those three bytes), which marks the
//! chunk for the general path. A unit test and a property test check the
//! engine with and without this path against each other, and the
//! `normalize` fuzz target compares it with the traced (general) path on
//! every input.

/// The lead-table entry of a character replaced by one ASCII byte, which
/// the continuation table holds.
const ASCII: u8 = 0xFD;

/// The lead-table entry of a character the rules remove.
const DELETED: u8 = 0xFE;

/// The lead-table entry of a character the general path handles.
const GENERAL: u8 = 0xFF;

/// A chunk holding a character only the general path handles goes to it
/// whole when it holds at most this many changes in all; otherwise the
/// characters before that one go the fast way, and it goes alone.
#[cfg(target_arch = "x86_64")]
const FEW: u32 = 4;

/// The lead and continuation bytes that each character of U+0600..=U+06FF
/// becomes, indexed like the engine's table (see the module docs).
#[derive(Clone, Debug)]
pub(crate) struct PatchTables {
    pub lead: [u8; 256],
    pub cont: [u8; 256],
}

/// What the rules do to one character of U+0600..=U+06FF, as far as the
/// chunk path is concerned.
pub(crate) enum Entry {
    Keep,
    /// Replaced by a two-byte character.
    Patch([u8; 2]),
    /// Replaced by one ASCII character.
    Ascii(u8),
    /// Removed, with no context to consider.
    Delete,
    /// Anything else.
    General,
}

/// What the rules do to a character outside U+0600..=U+06FF, as far as
/// the chunk path is concerned.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outside {
    Keep,
    /// Replaced by the first `len` bytes of `bytes` (a UTF-8 character no
    /// longer than the one replaced), or removed when `len` is 0; no
    /// context to consider.
    Shorten {
        bytes: [u8; 4],
        len: usize,
    },
    /// Anything else.
    General,
}

/// What one chunk needs.
#[cfg(target_arch = "x86_64")]
pub(crate) enum Chunk {
    /// Nothing changes in the first `width` bytes.
    Unchanged { width: usize },
    /// The first `len` bytes of `bytes` replace the input's first `width`
    /// (`len` is less where characters were removed or shortened).
    Patched { bytes: [u8; 64], width: usize, len: usize },
    /// The general path must handle the candidates in `mask` (bit `k`:
    /// the character starting at offset `k`), the chunk being `width`
    /// bytes.
    General { mask: u64, width: usize },
}

impl PatchTables {
    /// The tables for an engine that does `entry(i)` to the character
    /// U+0600 + `i`.
    pub(crate) fn new(entry: impl Fn(usize) -> Entry) -> Self {
        let mut tables = PatchTables { lead: [GENERAL; 256], cont: [GENERAL; 256] };
        for i in 0..256 {
            let own = [0xD8 + (i >> 6) as u8, 0x80 | (i & 0x3F) as u8];
            [tables.lead[i], tables.cont[i]] = match entry(i) {
                Entry::Keep => own,
                Entry::Patch(bytes) => bytes,
                Entry::Ascii(byte) => [ASCII, byte],
                Entry::Delete => [DELETED, GENERAL],
                Entry::General => [GENERAL, GENERAL],
            };
        }
        tables
    }
}

/// Calls macro `$then` with `$args` and the CPU features the chunk path
/// is compiled for, each a string literal: the one place they are named
/// (`tt`s, since `is_x86_feature_detected!` matches its literal's tokens).
#[cfg(target_arch = "x86_64")]
macro_rules! with_chunk_features {
    ($($then:ident)::+ ! $args:tt) => {
        $($then)::+! { $args "avx512f" "avx512bw" "avx512vbmi" "avx512vbmi2" "popcnt" "lzcnt" "bmi1" }
    };
}

/// Compiles the item in braces for the chunk path's CPU features (through
/// [`with_chunk_features`]); code may call it only after [`available`].
#[cfg(target_arch = "x86_64")]
macro_rules! for_chunk_features {
    ({ $item:item } $($feature:tt)*) => {
        $(#[target_feature(enable = $feature)])*
        $item
    };
}

/// Whether this CPU has all the chunk path's features (through
/// [`with_chunk_features`]).
#[cfg(target_arch = "x86_64")]
macro_rules! chunk_features_detected {
    ({} $($feature:tt)*) => {
        true $(&& std::arch::is_x86_feature_detected!($feature))*
    };
}

#[cfg(target_arch = "x86_64")]
pub(crate) use {for_chunk_features, with_chunk_features};

#[cfg(target_arch = "x86_64")]
with_chunk_features!(for_chunk_features! {
    /// [`is_utf8_vector`] on 64 bytes in memory.
    #[cfg(test)]
    fn is_utf8(bytes: &[u8; 64], len: usize) -> bool {
        // SAFETY: `bytes` holds 64 bytes; an unaligned load.
        let v = unsafe { std::arch::x86_64::_mm512_loadu_si512(bytes.as_ptr().cast()) };
        is_utf8_vector(v, len)
    }
});

#[cfg(target_arch = "x86_64")]
with_chunk_features!(for_chunk_features! {
    /// Whether the first `len` bytes of `v` (`len <= 64`) is valid UTF-8: the check
    /// [`chunk`] makes on every output it gives. Output that holds
    /// only ASCII and two-byte sequences (patched Arabic text) is checked
    /// with three masks: each lead byte C2..=DF followed by one
    /// continuation byte, each continuation byte after one, nothing else
    /// above 7F. Anything else goes to simdutf8, which costs several times
    /// more on 64 bytes (BENCHMARKS.md, "Tuning choices").
    #[inline]
    fn is_utf8_vector(v: std::arch::x86_64::__m512i, len: usize) -> bool {
        use std::arch::x86_64::*;

        let live: u64 = if len >= 64 { !0 } else { (1 << len) - 1 };
        let at_least = |b: u8| _mm512_cmpge_epu8_mask(v, _mm512_set1_epi8(b as i8)) & live;
        let (c0, c2, e0) = (at_least(0xC0), at_least(0xC2), at_least(0xE0));
        if e0 != 0 {
            let mut bytes = [0u8; 64];
            // SAFETY: `bytes` is 64 writable bytes; an unaligned store.
            unsafe { _mm512_storeu_si512(bytes.as_mut_ptr().cast(), v) };
            return simdutf8::basic::from_utf8(&bytes[..len.min(64)]).is_ok();
        }
        let lead = c2;
        let continuation = at_least(0x80) & !c0;
        // No C0 or C1 (overlong leads), no lead at the end, and the
        // continuations exactly where the leads' second bytes are.
        c0 == c2 && lead & (1 << 63) == 0 && lead << 1 == continuation
    }
});

/// Whether this CPU can run [`chunk`].
pub(crate) fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        with_chunk_features!(chunk_features_detected! {})
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[cfg(target_arch = "x86_64")]
with_chunk_features!(for_chunk_features! {
    /// The chunk of `bytes` at `at`, which must be a character boundary with
    /// at least 65 bytes from it. For a character outside the Arabic block,
    /// given its offset in `bytes`, `may_change` says whether a rule may
    /// touch it, and if so `outside` says what happens to it. The chunk
    /// ends at the last character boundary at or before `at + 64`, so its
    /// width is 61 to 64 bytes; see [`FEW`] for a chunk holding a character
    /// that needs the general path.
    ///
    /// Callable from code compiled with the same target features only, which
    /// calls it after [`available`].
    #[inline]
    pub(crate) fn chunk(
        tables: &PatchTables,
        bytes: &[u8],
        at: usize,
        may_change: impl Fn(usize) -> bool,
        outside: impl Fn(usize) -> Outside,
    ) -> Chunk {
        use std::arch::x86_64::*;

        let window: &[u8; 65] = bytes[at..at + 65].try_into().expect("65 bytes");
        // SAFETY (all loads): `window` holds 65 bytes, so both 64-byte loads
        // at offsets 0 and 1 are in bounds; they are unaligned loads. The
        // table loads read 64 of the 256 bytes of each table.
        let (b0, b1) = unsafe {
            (
                _mm512_loadu_si512(window.as_ptr().cast()),
                _mm512_loadu_si512(window[1..].as_ptr().cast()),
            )
        };
        // The chunk ends where a character starts: back over the continuation
        // bytes that end the window (lane `k` of `b1` is byte `k + 1`).
        let continuations = _mm512_cmpeq_epi8_mask(
            _mm512_and_si512(b1, _mm512_set1_epi8(0xC0u8 as i8)),
            _mm512_set1_epi8(0x80u8 as i8),
        );
        let width = 64 - continuations.leading_ones() as usize;
        let lanes: u64 = if width == 64 { !0 } else { (1 << width) - 1 };
        let table = |t: &[u8; 256], part: usize| unsafe {
            _mm512_loadu_si512(t[64 * part..64 * part + 64].as_ptr().cast())
        };
        // Entry `idx` of a 256-byte table, per lane: two 128-entry lookups,
        // bit 7 of the index choosing between them.
        let lookup = |t: &[u8; 256], idx: __m512i| {
            let low = _mm512_permutex2var_epi8(table(t, 0), idx, table(t, 1));
            let high = _mm512_permutex2var_epi8(table(t, 2), idx, table(t, 3));
            _mm512_mask_blend_epi8(_mm512_movepi8_mask(idx), low, high)
        };

        // Lead bytes of U+0600..=U+06FF: 0xD8..=0xDB. Their entry index is the
        // lead's low two bits and the continuation's low six.
        let leads = _mm512_cmpeq_epi8_mask(
            _mm512_and_si512(b0, _mm512_set1_epi8(0xFCu8 as i8)),
            _mm512_set1_epi8(0xD8u8 as i8),
        ) & lanes;
        // Other lead bytes (0xC0 and above, outside the block) are rare in
        // Arabic text: each is asked about one by one, out of line.
        let any_lead = _mm512_cmpeq_epi8_mask(
            _mm512_and_si512(b0, _mm512_set1_epi8(0xC0u8 as i8)),
            _mm512_set1_epi8(0xC0u8 as i8),
        );
        // Most of them are kept (« » “ ” in Arabic, the non-joiner in Persian
        // under most presets): the engine's quick exact test sorts those out
        // inline.
        let mut others = any_lead & !leads & lanes;
        let mut changing = 0u64;
        while others != 0 {
            let k = others.trailing_zeros();
            if may_change(at + k as usize) {
                changing |= 1 << k;
            }
            others &= others - 1;
        }
        let outside =
            if changing == 0 { None } else { outside_changes(window, at, changing, &outside) };
        let (changed_outside, general_outside) = match &outside {
            Some(o) => (o.changed, o.general),
            None => (0, 0),
        };
        let idx = _mm512_or_si512(
            // The 16-bit shift cannot carry: each byte holds at most 3 before it.
            _mm512_slli_epi16::<6>(_mm512_and_si512(b0, _mm512_set1_epi8(3))),
            _mm512_and_si512(b1, _mm512_set1_epi8(0x3F)),
        );
        // Arabic text mostly holds U+0600..=U+067F (entries 0..=127): the
        // tables' upper halves are looked up only when a character of
        // U+0680..=U+06FF (Persian and Urdu letters, extended digits) is in
        // the chunk.
        let (lead, cont) = if leads & _mm512_movepi8_mask(idx) == 0 {
            let half = |t: &[u8; 256]| _mm512_permutex2var_epi8(table(t, 0), idx, table(t, 1));
            (half(&tables.lead), half(&tables.cont))
        } else {
            (lookup(&tables.lead, idx), lookup(&tables.cont, idx))
        };
        let marked = |marker: u8| leads & _mm512_cmpeq_epi8_mask(lead, _mm512_set1_epi8(marker as i8));
        let general = marked(GENERAL);
        let changed = leads & (_mm512_cmpneq_epi8_mask(lead, b0) | _mm512_cmpneq_epi8_mask(cont, b1));
        // A character only the general path handles (rare: the masks are cut
        // back only then).
        let (mut width, mut lanes) = (width, lanes);
        let (mut changed, mut changed_outside) = (changed, changed_outside);
        let stop = general | general_outside;
        if stop != 0 {
            // With few changes beside it, a whole chunk costs the general path
            // less than the chunk path's second call.
            let candidates = changed | changed_outside;
            if candidates.count_ones() <= FEW {
                return Chunk::General { mask: candidates, width };
            }
            let first = stop.trailing_zeros() as usize;
            if first == 0 {
                return Chunk::General { mask: 1, width: crate::chars::utf8_len(window[0]) };
            }
            (width, lanes) = (first, (1 << first) - 1);
            // Only the lanes kept below make bytes, but the changes beyond
            // the cut must not count for the prefix.
            (changed, changed_outside) = (changed & lanes, changed_outside & lanes);
        }
        if changed == 0 && changed_outside == 0 {
            return Chunk::Unchanged { width };
        }
        let (deleted, ascii) = (marked(DELETED), marked(ASCII));
        // Each continuation byte comes from the lane before it: move `cont`
        // up one lane.
        let up_one = _mm512_set_epi8(
            62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40,
            39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17,
            16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0,
        );
        let cont_up = _mm512_permutexvar_epi8(up_one, cont);
        // Patches: the lead from `lead`, the continuation from `cont`; an
        // ASCII replacement: its byte from `cont` where the lead was.
        let mut patched =
            _mm512_mask_blend_epi8(changed << 1, _mm512_mask_blend_epi8(changed, b0, lead), cont_up);
        if ascii != 0 {
            patched = _mm512_mask_blend_epi8(ascii, patched, cont);
        }
        let mut dropped = deleted | deleted << 1 | ascii << 1;
        if let Some(o) = &outside {
            // SAFETY: `o.bytes` is 64 readable bytes; the load is unaligned.
            patched = unsafe { _mm512_mask_loadu_epi8(patched, o.shortened, o.bytes.as_ptr().cast()) };
            dropped |= o.dropped;
        }
        // A deleted character's two bytes go, an ASCII replacement's second
        // byte (a lead before the chunk's end, a boundary, has its
        // continuation in the chunk too) and a shortened character's tail.
        let kept = lanes & !dropped;
        // Most chunks of undiacritized text only replace letters: nothing to
        // pack, and the compress is the chunk's slowest instruction.
        let packed =
            if dropped & lanes == 0 { patched } else { _mm512_maskz_compress_epi8(kept, patched) };
        let len = kept.count_ones() as usize;
        // The output's validity rests on the masks above: checked in
        // release builds too, so that a bug in them panics here instead of
        // putting bytes that are not UTF-8 in a `String`.
        assert!(
            is_utf8_vector(packed, len),
            "sarf: the 64-byte path made invalid UTF-8 from input bytes {at}.. (a bug)"
        );
        let mut out = [0u8; 64];
        // SAFETY: `out` is 64 writable bytes; the store is unaligned.
        unsafe { _mm512_storeu_si512(out.as_mut_ptr().cast(), packed) };
        Chunk::Patched { bytes: out, width, len }
    }
});

/// What happens to the characters outside the block that start at the
/// offsets of `others` in a chunk: bit `k` of `changed`, the character at
/// `k` changes, of `general`, it needs the general path; byte `k` of the
/// output comes from `bytes` (bit `k` of `shortened`) or goes (of
/// `dropped`).
#[cfg(target_arch = "x86_64")]
struct OutsideChanges {
    changed: u64,
    general: u64,
    shortened: u64,
    dropped: u64,
    bytes: [u8; 64],
}

/// Asks `outside` about each character of `others` in the chunk `window`
/// at `at`; `None` when none changes after all.
#[cfg(target_arch = "x86_64")]
#[inline(never)]
fn outside_changes(
    window: &[u8; 65],
    at: usize,
    mut others: u64,
    outside: &impl Fn(usize) -> Outside,
) -> Option<OutsideChanges> {
    let mut o = OutsideChanges { changed: 0, general: 0, shortened: 0, dropped: 0, bytes: [0; 64] };
    while others != 0 {
        let k = others.trailing_zeros() as usize;
        others &= others - 1;
        match outside(at + k) {
            Outside::Keep => {}
            Outside::General => {
                o.changed |= 1 << k;
                o.general |= 1 << k;
            }
            Outside::Shorten { bytes: new, len } => {
                // The character lies whole in the chunk (which ends on a
                // boundary), and `len` is at most its length.
                let old = crate::chars::utf8_len(window[k]);
                debug_assert!(len <= old && k + old <= 64);
                o.changed |= 1 << k;
                o.bytes[k..k + len].copy_from_slice(&new[..len]);
                // `n` bits from bit `from`: none when `n` is 0, whatever
                // `from` (64 for a character replaced by one as long,
                // ending the chunk).
                let span = |from: usize, n: usize| match n {
                    0 => 0,
                    n => (u64::MAX >> (64 - n)) << from,
                };
                o.shortened |= span(k, len);
                o.dropped |= span(k + len, old - len);
            }
        }
    }
    (o.changed != 0).then_some(o)
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;

    #[test]
    fn the_output_check_agrees_with_std_on_every_length() {
        if !available() {
            eprintln!(
                "!! SKIPPED: this CPU lacks the AVX-512 chunk path; its UTF-8 check is untested here"
            );
            return;
        }
        let pieces: [&[u8]; 14] = [
            b"a",
            "\u{0643}".as_bytes(),
            "\u{00E9}".as_bytes(),
            "\u{200C}".as_bytes(),
            "\u{1F600}".as_bytes(),
            b"\xD9",
            b"\x83",
            b"\xC0\x80",
            b"\xC1\xBF",
            b"\xE0\x80\x80",
            b"\xED\xA0\x80",
            b"\xF5\x80\x80\x80",
            b"\xFF",
            b" ",
        ];
        // Deterministic pseudo-random sequences of the pieces.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            let mut bytes = Vec::new();
            while bytes.len() < 64 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mostly valid Arabic and ASCII, sometimes a bad piece.
                let pick = if seed.is_multiple_of(4) {
                    (seed >> 8) as usize % 14
                } else {
                    (seed >> 8) as usize % 2
                };
                bytes.extend_from_slice(pieces[pick]);
            }
            let chunk: [u8; 64] = bytes[..64].try_into().unwrap();
            for len in 0..=64 {
                let std = std::str::from_utf8(&chunk[..len]).is_ok();
                // SAFETY: `available` said this CPU has the features.
                let ours = unsafe { is_utf8(&chunk, len) };
                assert_eq!(ours, std, "{:x?}", &chunk[..len]);
            }
        }
    }
}
