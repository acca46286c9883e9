//! The lookup structures behind the lexicons: every key of an FST in an
//! open-addressing hash table with a Bloom filter in front, and the stems'
//! strings by ordinal.

use fst::Streamer;

use crate::chars::same_bytes;
use crate::hash::hash;

/// Every key of an FST in an open-addressing hash table, for lookups at
/// run time.
///
/// The FST is how lexicons are built, stored, embedded and shipped (`sarf
/// dict compile`); for the stemmer's many point lookups (a few dozen
/// candidate stems per word, nearly all absent) a hash probe is several
/// times cheaper than an FST walk. The table is built by streaming the FST
/// once, and a lookup is exact: a slot holds a 32-bit fingerprint of the
/// key's hash, so a miss rarely touches the key bytes, and a fingerprint
/// match is confirmed by comparing the key.
#[derive(Clone)]
pub(super) struct KeyTable {
    /// Per slot: the fingerprint (high 32 bits) and the key's index + 1
    /// (low 32 bits); 0 is an empty slot. At most half full.
    slots: Vec<u64>,
    mask: usize,
    /// The keys back to back; key `i` ends at `ends[i]`.
    pub(super) text: Vec<u8>,
    pub(super) ends: Vec<u32>,
    /// The FST's output for each key (0 for a set).
    values: Vec<u64>,
    /// The keys' filter. Most lookups are misses (every candidate stem of
    /// a word is tried), and the filter (64 KiB for the stems) answers
    /// most of them from cache where the slots (1 MiB) would cost a trip
    /// to memory.
    filter: Filter,
}

/// A blocked Bloom filter of key hashes: two bits in one 64-bit word per
/// key, about 16 bits per key; no false negatives.
#[derive(Clone)]
pub(crate) struct Filter {
    words: Vec<u64>,
}

impl Filter {
    /// An empty filter sized for `keys` keys.
    pub(super) fn for_keys(keys: usize) -> Filter {
        Filter { words: vec![0; (keys.max(8) * 2).next_power_of_two() / 8] }
    }

    /// The word and the two bits of a spread hash. Slot indices use the
    /// low bits of a spread hash and fingerprints the high 32; the filter
    /// takes bits 20 to 31 for its two bits and the high bits for its word.
    #[inline(always)]
    fn bits(&self, spread: usize) -> (usize, u64) {
        let word = (spread as u64 >> 40) as usize & (self.words.len() - 1);
        let bits = 1 << ((spread >> 20) & 63) | 1 << ((spread >> 26) & 63);
        (word, bits)
    }

    pub(super) fn insert(&mut self, spread: usize) {
        let (word, bits) = self.bits(spread);
        self.words[word] |= bits;
    }

    /// Whether a spread hash may have been inserted.
    #[inline(always)]
    fn may_contain(&self, spread: usize) -> bool {
        let (word, bits) = self.bits(spread);
        self.words[word] & bits == bits
    }

    /// Whether the hash `hash` may have been inserted.
    #[inline(always)]
    pub(crate) fn may_contain_hash(&self, hash: u64) -> bool {
        self.may_contain(spread(hash).0)
    }
}

/// Where a hash probes first, and its fingerprint. splitmix64's finalizer
/// spreads the hash's weak bits.
#[inline]
pub(super) fn spread(hash: u64) -> (usize, u32) {
    let mut z = hash.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z as usize, (z >> 32) as u32)
}

impl KeyTable {
    /// The table of every key of an FST, streamed once.
    pub(super) fn from_fst<D: AsRef<[u8]>>(fst: &fst::raw::Fst<D>) -> KeyTable {
        let capacity = (fst.len().max(8) * 2).next_power_of_two();
        let mut table = KeyTable {
            slots: vec![0; capacity],
            mask: capacity - 1,
            text: Vec::new(),
            ends: Vec::with_capacity(fst.len()),
            values: Vec::with_capacity(fst.len()),
            filter: Filter::for_keys(fst.len()),
        };
        let mut stream = fst.stream();
        while let Some((key, output)) = stream.next() {
            table.text.extend_from_slice(key);
            table.ends.push(table.text.len() as u32);
            table.values.push(output.value());
            let index = table.ends.len() as u64; // index + 1
            let (mut at, fingerprint) = spread(hash(key));
            table.filter.insert(at);
            loop {
                let slot = &mut table.slots[at & table.mask];
                if *slot == 0 {
                    *slot = (fingerprint as u64) << 32 | index;
                    break;
                }
                at += 1;
            }
        }
        table
    }

    /// The number of keys.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn key(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The indices of the keys whose fingerprint matches `hash`, in probe
    /// order: none when the filter rules the hash out.
    #[inline]
    pub(super) fn matching(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        let (mut at, fingerprint) = spread(hash);
        let mut done = !self.filter.may_contain(at);
        std::iter::from_fn(move || {
            while !done {
                let slot = self.slots[at & self.mask];
                at += 1;
                if slot == 0 {
                    done = true;
                } else if (slot >> 32) as u32 == fingerprint {
                    return Some((slot as u32 - 1) as usize);
                }
            }
            None
        })
    }

    /// The value of `key`, whose hash is `hash`.
    #[inline]
    pub(super) fn get(&self, key: &[u8], hash: u64) -> Option<u64> {
        let i = self.matching(hash).find(|&i| same_bytes(self.key(i), key))?;
        Some(self.values[i])
    }

    /// Whether `first` followed by `second`, whose hash is `hash`, is
    /// a key: a lookup of the two joined, without joining them.
    #[inline]
    pub(super) fn contains_joined(&self, first: &[u8], second: &[u8], hash: u64) -> bool {
        self.matching(hash).any(|i| {
            let key = self.key(i);
            key.len() == first.len() + second.len()
                && same_bytes(&key[..first.len()], first)
                && same_bytes(&key[first.len()..], second)
        })
    }

    /// Whether some key may have the hash `hash`: no false negatives,
    /// and a false positive only on a 32-bit fingerprint collision.
    #[inline]
    pub(super) fn may_contain(&self, hash: u64) -> bool {
        self.matching(hash).next().is_some()
    }
}

/// A sorted list of strings in one buffer, indexed by ordinal.
pub(super) struct StemTable {
    text: String,
    pub(super) ends: Vec<u32>,
}

impl StemTable {
    /// The keys of a table streamed from a set (in the set's order).
    pub(super) fn from_keys(keys: &KeyTable) -> StemTable {
        StemTable {
            text: String::from_utf8_lossy(&keys.text).into_owned(),
            ends: keys.ends.clone(),
        }
    }

    pub(super) fn from_set<D: AsRef<[u8]>>(set: &fst::Set<D>) -> StemTable {
        let mut table = StemTable { text: String::new(), ends: Vec::with_capacity(set.len()) };
        let mut stream = set.stream();
        while let Some(key) = stream.next() {
            table.text.push_str(std::str::from_utf8(key).unwrap_or(""));
            table.ends.push(table.text.len() as u32);
        }
        table
    }

    pub(super) fn get(&self, ordinal: u64) -> Option<&str> {
        let i = usize::try_from(ordinal).ok()?;
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }
}
