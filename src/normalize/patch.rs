//! Sixty-four bytes at a time where every change is a same-length patch
//! or a deletion.
//!
//! In news text most changes replace one two-byte letter of U+0600..=U+06FF
//! by another (ة → ه, أ → ا, ى → ي): the output differs from the input
//! only in those two bytes. In diacritized text most changes delete a
//! two-byte mark (harakat, tanween, shadda, sukun, tatweel). On CPUs with
//! AVX-512 VBMI and VBMI2 (checked at run time), a chunk of 64 input bytes
//! is looked up in two 256-entry tables, one for the lead byte and one for
//! the continuation byte of the character starting at each position,
//! patched, compressed over the deleted characters (VBMI2's
//! `vpcompressb`), and written back in one store, with no branch per
//! change. A chunk holding anything else (a change of length, a character
//! with context, a candidate outside the Arabic block) is reported back
//! for the general path.
//!
//! The tables are built from the engine's per-character table: an entry
//! the engine keeps maps to the character itself, a patch to its two
//! bytes, a context-free deletion to 0xFE, and every other entry to 0xFF
//! (UTF-8 never contains either byte), which marks the chunk for the
//! general path. A unit test and a property
//! test check the engine with and without this path against each other,
//! and the `normalize` fuzz target compares it with the traced (general)
//! path on every input.

/// The lead and continuation bytes that each character of U+0600..=U+06FF
/// becomes, indexed like the engine's table; a lead of [`DELETED`] where
/// the character is removed, [`GENERAL`] where the general path must
/// decide.
/// The lead-table entry of a character the rules remove.
const DELETED: u8 = 0xFE;

/// The lead-table entry of a character the general path handles.
const GENERAL: u8 = 0xFF;

#[derive(Clone, Debug)]
pub(crate) struct PatchTables {
    pub lead: [u8; 256],
    pub cont: [u8; 256],
}

/// What one chunk needs.
#[cfg(target_arch = "x86_64")]
pub(crate) enum Chunk {
    /// Nothing changes in the first `width` bytes.
    Unchanged { width: usize },
    /// The first `len` bytes of `bytes` replace the input's first `width`
    /// (`len` is less where characters were deleted).
    Patched { bytes: [u8; 64], width: usize, len: usize },
    /// The general path must handle the candidates in `mask` (bit `k`:
    /// the character starting at offset `k`), the chunk being `width`
    /// bytes.
    General { mask: u64, width: usize },
}

impl PatchTables {
    /// The tables for an engine whose entry `i` (the character U+0600 +
    /// `i`) is kept (`keep(i)`), patched to two bytes (`patch(i)`),
    /// deleted with no context to consider (`delete(i)`), or none of these.
    pub(crate) fn new(
        keep: impl Fn(usize) -> bool,
        patch: impl Fn(usize) -> Option<[u8; 2]>,
        delete: impl Fn(usize) -> bool,
    ) -> Self {
        let mut tables = PatchTables { lead: [GENERAL; 256], cont: [GENERAL; 256] };
        for i in 0..256 {
            let own = [0xD8 + (i >> 6) as u8, 0x80 | (i & 0x3F) as u8];
            let to = if keep(i) { Some(own) } else { patch(i) };
            if let Some([lead, cont]) = to {
                tables.lead[i] = lead;
                tables.cont[i] = cont;
            } else if delete(i) {
                tables.lead[i] = DELETED;
            }
        }
        tables
    }
}

/// Whether this CPU can run [`chunk`].
pub(crate) fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vbmi")
            && std::arch::is_x86_feature_detected!("avx512vbmi2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// The chunk of `bytes` at `at`, which must be a character boundary with
/// at least 65 bytes from it. A chunk holding a character outside the
/// Arabic block that `may_change` confirms (given its offset in `bytes`)
/// goes to the general path. The chunk ends at the last character
/// boundary at or before `at + 64`, so its width is 61 to 64 bytes.
///
/// Callable from code compiled with the same target features only, which
/// calls it after [`available`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,avx512vbmi2")]
#[inline]
pub(crate) fn chunk(
    tables: &PatchTables,
    bytes: &[u8],
    at: usize,
    may_change: impl Fn(usize) -> bool,
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
    // Arabic text: each is confirmed one by one.
    let any_lead = _mm512_cmpeq_epi8_mask(
        _mm512_and_si512(b0, _mm512_set1_epi8(0xC0u8 as i8)),
        _mm512_set1_epi8(0xC0u8 as i8),
    );
    let mut others = any_lead & !leads & lanes;
    let mut unconfirmed = others;
    while unconfirmed != 0 {
        let k = unconfirmed.trailing_zeros();
        if !may_change(at + k as usize) {
            others &= !(1 << k);
        }
        unconfirmed &= unconfirmed - 1;
    }
    let idx = _mm512_or_si512(
        // The 16-bit shift cannot carry: each byte holds at most 3 before it.
        _mm512_slli_epi16::<6>(_mm512_and_si512(b0, _mm512_set1_epi8(3))),
        _mm512_and_si512(b1, _mm512_set1_epi8(0x3F)),
    );
    let lead = lookup(&tables.lead, idx);
    let cont = lookup(&tables.cont, idx);
    let general = leads & _mm512_cmpeq_epi8_mask(lead, _mm512_set1_epi8(GENERAL as i8));
    let deleted = leads & _mm512_cmpeq_epi8_mask(lead, _mm512_set1_epi8(DELETED as i8));
    let changed = leads & (_mm512_cmpneq_epi8_mask(lead, b0) | _mm512_cmpneq_epi8_mask(cont, b1));
    if general != 0 || others != 0 {
        return Chunk::General { mask: changed | general | others, width };
    }
    if changed == 0 {
        return Chunk::Unchanged { width };
    }
    // A deleted character's two bytes both go (its lead is before the
    // chunk's end, a character boundary, so its continuation is too).
    let kept = lanes & !(deleted | deleted << 1);
    // Each continuation byte comes from the lane before it: move `cont`
    // up one lane.
    let up_one = _mm512_set_epi8(
        62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40,
        39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17,
        16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0,
    );
    let cont_up = _mm512_permutexvar_epi8(up_one, cont);
    let patched =
        _mm512_mask_blend_epi8(changed << 1, _mm512_mask_blend_epi8(changed, b0, lead), cont_up);
    let packed = _mm512_maskz_compress_epi8(kept, patched);
    let mut out = [0u8; 64];
    // SAFETY: `out` is 64 writable bytes; the store is unaligned.
    unsafe { _mm512_storeu_si512(out.as_mut_ptr().cast(), packed) };
    Chunk::Patched { bytes: out, width, len: kept.count_ones() as usize }
}
