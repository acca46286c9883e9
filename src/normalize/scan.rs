//! Finding the characters that may need work.
//!
//! A [`Scanner`] holds one bit per pair of leading bytes: set where a
//! character starting with those two bytes may be changed by the config.
//! Pairs starting with ASCII or a continuation byte are never set, so only
//! character starts are found, and no byte needs decoding.
//!
//! On x86-64 CPUs with SSSE3 (all of them since 2006; checked at run time)
//! sixteen positions are tested at once. For a character of U+0600..=U+06FF
//! (lead byte 0xD8..=0xDB) the pair's bit is looked up with two `pshufb`
//! table lookups: the lead's two low bits and the continuation's bits 4-5
//! pick one of 16 table rows, its low nibble picks the bit in the row. The
//! few lead bytes of other ranges some rule touches (at most four) are
//! flagged by comparison, then confirmed from the bitmap. Everywhere else,
//! and for the last sixteen bytes, a portable loop tests eight positions per
//! branch. Both give the same answer; a unit test checks them against each
//! other on every lead byte and on random text.

/// The candidate test, compiled from a table of the pairs that may need
/// work.
#[derive(Clone, Debug)]
// Off x86-64 only the portable loop runs, which reads `bits` alone.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub(crate) struct Scanner {
    /// A bit per `(b0 << 8) | b1` pair.
    bits: Box<[u64; 1024]>,
    /// For U+0600..=U+06FF: row `(lead & 3) << 2 | (cont >> 4 & 3)`, bit
    /// `cont & 15`, split in the low and high eight bits of each row.
    rows_lo: [u8; 16],
    rows_hi: [u8; 16],
    /// Lead bytes outside 0xD8..=0xDB with some candidate pair; unused
    /// entries hold 0xFF, which never occurs in UTF-8.
    other_leads: [u8; 4],
    /// Whether the SIMD scan may be used (and `other_leads` holds them all).
    simd: bool,
}

impl Scanner {
    /// A scanner for the pairs `is_candidate` accepts; `is_candidate` is
    /// only asked about lead bytes 0xC2..=0xF4 and continuation bytes.
    #[cfg(test)]
    pub(crate) fn new(is_candidate: impl Fn(u8, u8) -> bool) -> Scanner {
        Scanner::with_simd(is_candidate, crate::simd::SimdLevel::in_use())
    }

    /// `Scanner::new` (tests only), with the SSSE3 scan only if `level` allows it
    /// (and the CPU has it).
    pub(crate) fn with_simd(
        is_candidate: impl Fn(u8, u8) -> bool,
        level: crate::simd::SimdLevel,
    ) -> Scanner {
        let mut bits = Box::new([0u64; 1024]);
        let mut rows_lo = [0u8; 16];
        let mut rows_hi = [0u8; 16];
        let mut other_leads = Vec::new();
        for b0 in 0xC2..=0xF4u8 {
            for b1 in 0x80..=0xBFu8 {
                if !is_candidate(b0, b1) {
                    continue;
                }
                let pair = (b0 as usize) << 8 | b1 as usize;
                bits[pair >> 6] |= 1 << (pair & 63);
                if (0xD8..=0xDB).contains(&b0) {
                    let row = ((b0 & 3) << 2 | (b1 >> 4 & 3)) as usize;
                    let bit = b1 & 15;
                    if bit < 8 {
                        rows_lo[row] |= 1 << bit;
                    } else {
                        rows_hi[row] |= 1 << (bit - 8);
                    }
                } else if !other_leads.contains(&b0) {
                    other_leads.push(b0);
                }
            }
        }
        let simd =
            other_leads.len() <= 4 && level >= crate::simd::SimdLevel::Ssse3 && ssse3_available();
        let mut leads = [0xFF; 4];
        for (slot, lead) in leads.iter_mut().zip(&other_leads) {
            *slot = *lead;
        }
        Scanner { bits, rows_lo, rows_hi, other_leads: leads, simd }
    }

    /// Whether the character starting with bytes `b0 b1` may need work.
    #[inline(always)]
    pub(crate) fn is_candidate(&self, b0: u8, b1: u8) -> bool {
        let pair = (b0 as usize) << 8 | b1 as usize;
        self.bits[pair >> 6] >> (pair & 63) & 1 != 0
    }

    /// The first candidate position at or after `from`, or `bytes.len()`.
    #[cfg(test)]
    fn next(&self, bytes: &[u8], from: usize) -> usize {
        match self.next_window(bytes, from) {
            Some(window) => window.base + window.mask.trailing_zeros() as usize,
            None => bytes.len(),
        }
    }

    /// The next window at or after `from` that holds a candidate, with every
    /// candidate in it; `None` at the end of `bytes`.
    #[inline]
    pub(crate) fn next_window(&self, bytes: &[u8], from: usize) -> Option<Window> {
        // Short texts (single words) never fill a vector: skip its setup.
        #[cfg(target_arch = "x86_64")]
        if self.simd && bytes.len() >= from + 17 {
            // SAFETY: `simd` is only set when the CPU has SSSE3.
            return unsafe { self.next_window_ssse3(bytes, from) };
        }
        self.next_window_portable(bytes, from)
    }

    /// Every byte position is tested, not every character: a test needs no
    /// decoding, so the loop has no data-dependent step and runs eight
    /// positions per branch.
    #[inline(always)]
    fn next_window_portable(&self, bytes: &[u8], from: usize) -> Option<Window> {
        let mut i = from;
        while let Some(window) = bytes.get(i..i + 9) {
            let mut mask = 0u64;
            for k in 0..8 {
                mask |= (self.is_candidate(window[k], window[k + 1]) as u64) << k;
            }
            if mask != 0 {
                return Some(Window { base: i, mask, end: i + 8 });
            }
            i += 8;
        }
        while let Some(&b0) = bytes.get(i) {
            if self.is_candidate(b0, bytes.get(i + 1).copied().unwrap_or(0)) {
                return Some(Window { base: i, mask: 1, end: i + 1 });
            }
            i += 1;
        }
        None
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    fn next_window_ssse3(&self, bytes: &[u8], from: usize) -> Option<Window> {
        use std::arch::x86_64::*;

        let rows_lo = load16(&self.rows_lo);
        let rows_hi = load16(&self.rows_hi);
        let bit_of_nibble = load16(&[1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128]);
        let [l0, l1, l2, l3] = self.other_leads.map(|b| _mm_set1_epi8(b as i8));
        let block_lead = _mm_set1_epi8(0xD8u8 as i8);
        let top_six = _mm_set1_epi8(0xFCu8 as i8);
        let low_two = _mm_set1_epi8(3);
        let low_nibble = _mm_set1_epi8(15);
        let seven = _mm_set1_epi8(7);
        let zero = _mm_setzero_si128();

        // Candidate and other-lead masks of the sixteen positions at `at`
        // (bytes `at..at + 17` must exist).
        let classify = |at: usize| -> (u64, u64) {
            let b0 = load16(&bytes[at..at + 16]);
            let b1 = load16(&bytes[at + 1..at + 17]);
            // Row: (b0 & 3) << 2 | (b1 >> 4) & 3. The 16-bit shifts move bits
            // across byte lanes, but the masks keep only bits that stayed.
            let row = _mm_or_si128(
                _mm_slli_epi16::<2>(_mm_and_si128(b0, low_two)),
                _mm_and_si128(_mm_srli_epi16::<4>(b1), low_two),
            );
            let nibble = _mm_and_si128(b1, low_nibble);
            // The row's low or high half, by the nibble's top bit.
            let high_half = _mm_cmpgt_epi8(nibble, seven);
            let row_bits = _mm_or_si128(
                _mm_and_si128(high_half, _mm_shuffle_epi8(rows_hi, row)),
                _mm_andnot_si128(high_half, _mm_shuffle_epi8(rows_lo, row)),
            );
            let bit = _mm_shuffle_epi8(bit_of_nibble, nibble);
            let in_table = _mm_xor_si128(
                _mm_cmpeq_epi8(_mm_and_si128(row_bits, bit), zero),
                _mm_set1_epi8(-1),
            );
            let is_block = _mm_cmpeq_epi8(_mm_and_si128(b0, top_six), block_lead);
            let other = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(b0, l0), _mm_cmpeq_epi8(b0, l1)),
                _mm_or_si128(_mm_cmpeq_epi8(b0, l2), _mm_cmpeq_epi8(b0, l3)),
            );
            let hits = _mm_or_si128(_mm_and_si128(is_block, in_table), other);
            (_mm_movemask_epi8(hits) as u32 as u64, _mm_movemask_epi8(other) as u32 as u64)
        };
        // Exact for the block; the other leads are confirmed from the bitmap.
        let confirm = |base: usize, mut mask: u64, others: u64| -> u64 {
            let mut unconfirmed = mask & others;
            while unconfirmed != 0 {
                let k = unconfirmed.trailing_zeros();
                let at = base + k as usize;
                if !self.is_candidate(bytes[at], bytes[at + 1]) {
                    mask &= !(1 << k);
                }
                unconfirmed &= unconfirmed - 1;
            }
            mask
        };

        let mut i = from;
        // Sixty-four positions per window while the text lasts: most
        // windows of Arabic news hold a change, so fewer, wider windows
        // mean fewer round trips to the caller.
        while bytes.len() >= i + 65 {
            let (mut mask, mut others) = (0, 0);
            for part in 0..4 {
                let (m, o) = classify(i + 16 * part);
                mask |= m << (16 * part);
                others |= o << (16 * part);
            }
            if mask != 0 {
                let mask = confirm(i, mask, others);
                if mask != 0 {
                    return Some(Window { base: i, mask, end: i + 64 });
                }
            }
            i += 64;
        }
        while bytes.len() >= i + 17 {
            let (mask, others) = classify(i);
            if mask != 0 {
                let mask = confirm(i, mask, others);
                if mask != 0 {
                    return Some(Window { base: i, mask, end: i + 16 });
                }
            }
            i += 16;
        }
        self.next_window_portable(bytes, i)
    }
}

/// Candidates found together: bit `k` of `mask` is set when position
/// `base + k` is one. No position in `base..end` outside the mask is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    pub base: usize,
    pub mask: u64,
    pub end: usize,
}

/// Sixteen bytes as a vector.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn load16(bytes: &[u8]) -> std::arch::x86_64::__m128i {
    let bytes: &[u8; 16] = bytes[..16].try_into().expect("sixteen bytes");
    // SAFETY: `bytes` is sixteen readable bytes; the load is unaligned.
    unsafe { std::arch::x86_64::_mm_loadu_si128(bytes.as_ptr().cast()) }
}

/// Whether this CPU has SSSE3.
pub(crate) fn ssse3_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("ssse3")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scanner for a pseudo-random set of pairs, and the portable answer.
    fn scanners() -> Vec<Scanner> {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut all = vec![
            Scanner::new(|_, _| false),
            Scanner::new(|b0, _| (0xD8..=0xDB).contains(&b0)),
            Scanner::new(|b0, b1| matches!((b0, b1), (0xD8, 0xA9) | (0xEF, _) | (0xE2, 0x80))),
        ];
        for _ in 0..20 {
            let (a, b, c) = (random(), random(), random());
            let lead = 0xC2 + (c % 0x33) as u8;
            all.push(Scanner::new(move |b0, b1| {
                let block = (0xD8..=0xDB).contains(&b0)
                    && (if b1 & 64 == 0 { a } else { b }) >> (b1 & 63) & 1 == 1;
                block || (b0 == lead && b1 & 1 == 0)
            }));
        }
        all
    }

    fn text(seed: u64) -> Vec<u8> {
        let pieces = [
            "ة", "ا", "ل", "ك", "ي", "ى", "أ", "ً", "ـ", "۱", "ک", "a", " ", "\n", "\u{200C}",
            "\u{FEFB}", "\u{08D4}", "\u{00AD}", "“", "😀", "ۀ", "ٱ", "é", "中",
        ];
        let mut s = String::new();
        let mut x = seed | 1;
        for _ in 0..300 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        s.into_bytes()
    }

    #[test]
    fn simd_and_portable_scans_agree() {
        for scanner in scanners() {
            for seed in 0..40 {
                let bytes = text(seed);
                // Both scans, window by window, must mark the same positions.
                let mut marked = [Vec::new(), Vec::new()];
                for (n, portable) in [false, true].into_iter().enumerate() {
                    let mut from = 0;
                    loop {
                        let window = if portable {
                            scanner.next_window_portable(&bytes, from)
                        } else {
                            scanner.next_window(&bytes, from)
                        };
                        let Some(window) = window else { break };
                        assert!(window.mask != 0 && window.base >= from);
                        let width = window.end - window.base;
                        assert!(width == 64 || window.mask >> width == 0);
                        marked[n].extend(
                            (0..64).filter(|k| window.mask >> k & 1 == 1).map(|k| window.base + k),
                        );
                        from = window.end;
                    }
                }
                let exact: Vec<usize> = (0..bytes.len())
                    .filter(|&i| {
                        scanner.is_candidate(bytes[i], bytes.get(i + 1).copied().unwrap_or(0))
                    })
                    .collect();
                assert_eq!(marked[0], exact, "seed {seed}");
                assert_eq!(marked[1], exact, "seed {seed}");
            }
        }
    }

    #[test]
    fn every_block_pair_is_found_at_every_offset() {
        let scanner = Scanner::new(|b0, b1| (0xD8..=0xDB).contains(&b0) && b1 % 3 == 0);
        for b0 in 0xD8..=0xDBu8 {
            for b1 in 0x80..=0xBFu8 {
                for offset in 0..98 {
                    let mut bytes = vec![b'a'; 100];
                    bytes[offset] = b0;
                    bytes[offset + 1] = b1;
                    let expected = if b1 % 3 == 0 { offset } else { bytes.len() };
                    assert_eq!(scanner.next(&bytes, 0), expected, "{b0:X} {b1:X} at {offset}");
                }
            }
        }
    }

    #[test]
    fn simd_is_used_where_available() {
        #[cfg(target_arch = "x86_64")]
        assert_eq!(
            Scanner::new(|_, _| false).simd,
            crate::simd::SimdLevel::in_use() >= crate::simd::SimdLevel::Ssse3
        );
        assert!(!Scanner::with_simd(|_, _| false, crate::simd::SimdLevel::None).simd);
    }
}
