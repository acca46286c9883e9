//! The crate's one hash function, for the memos' keys and the lexicons'
//! tables alike: words of a few bytes, hashed eight bytes at a time.

/// A hash of a key, eight bytes at a time (the multiply and rotate of
/// rustc's FxHasher). Its low bits are weak: the lexicons' tables spread
/// it (splitmix64's finalizer) before taking slots and filter bits.
#[inline]
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0xF135_7AEA_2E62_A9C5;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        h = (h.rotate_left(26) ^ word).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(26) ^ tail_word(rest)).wrapping_mul(K);
    }
    h
}

/// The one to seven bytes of `rest` as a little-endian word, zero above.
///
/// Read with two overlapping loads (or three single bytes) rather than
/// copied into a zeroed buffer: that copy was a call to `memcpy` whose
/// byte stores the word load then waited on, a fifth of the time spent on
/// a remembered token (perf, news fixture). Overlapping bytes land on
/// their own positions twice, so the OR is exact.
#[inline(always)]
fn tail_word(rest: &[u8]) -> u64 {
    let len = rest.len();
    debug_assert!((1..8).contains(&len));
    if len >= 4 {
        let low = u32::from_le_bytes(rest[..4].try_into().expect("four bytes")) as u64;
        let high = u32::from_le_bytes(rest[len - 4..].try_into().expect("four bytes")) as u64;
        low | high << (8 * (len - 4))
    } else {
        rest[0] as u64
            | (rest[len / 2] as u64) << (8 * (len / 2))
            | (rest[len - 1] as u64) << (8 * (len - 1))
    }
}

/// The hash of `first` followed by `second`, joined on the stack (on the
/// heap beyond 160 bytes, longer than any word the stemmer looks up).
#[inline]
pub(crate) fn hash_joined(first: &[u8], second: &[u8]) -> u64 {
    let len = first.len() + second.len();
    let mut joined = [0u8; 160];
    match joined.get_mut(..len) {
        Some(both) => {
            both[..first.len()].copy_from_slice(first);
            both[first.len()..].copy_from_slice(second);
            hash(both)
        }
        None => hash(&[first, second].concat()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_hash_is_the_hash_of_the_joined_bytes() {
        let long = vec![b'x'; 300];
        for (first, second) in
            [(&b""[..], &b""[..]), (b"ab", b"cdefghij"), (b"abcdefghi", b""), (&long[..], b"yz")]
        {
            assert_eq!(hash_joined(first, second), hash(&[first, second].concat()));
        }
    }

    #[test]
    fn tail_words_are_the_bytes_zero_extended() {
        let bytes = [0x11, 0x82, 0xD9, 0x44, 0xA5, 0x06, 0xF7];
        for len in 1..8 {
            let mut word = [0; 8];
            word[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(tail_word(&bytes[..len]), u64::from_le_bytes(word), "{len} bytes");
        }
    }

    #[test]
    fn every_tail_length_counts_each_byte() {
        // Overlapping loads must not let two keys of one length collide
        // on a changed byte.
        for len in 1..=16 {
            let base = vec![0x41u8; len];
            for at in 0..len {
                let mut changed = base.clone();
                changed[at] = 0x42;
                assert_ne!(hash(&base), hash(&changed), "length {len}, byte {at}");
            }
        }
    }
}
