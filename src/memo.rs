//! The per-thread memos: the analyzer's (`analyze/memo.rs`, keyed by the
//! token as written) and the stemmer's (`stem/memo.rs`, keyed by the
//! word's key form), one mechanism with one budget.
//!
//! Running text repeats its words, so both remember recent answers. Each
//! thread keeps its own [`Table`] in a [`Memo`], so analyzers and stemmers
//! stay immutable and `Sync`. The table is made for that traffic:
//!
//! * each entry is one 64-byte cache line holding its key and its answer
//!   inline, so a probe follows no pointer;
//! * entries live in sets of [`WAYS`] lines; a new entry replaces the one
//!   of its set with the fewest hits, and each replacement halves the hits
//!   of the others, so a frequent word is not pushed out by the stream of
//!   rare words that share its set (half the words of a corpus occur
//!   once), while words no longer seen leave within a few replacements;
//! * entries carry the identity of their owner, one per settings of an
//!   analyzer or a stemmer ([`owner_of`]), so owners with different
//!   settings never see each other's answers and owners made alike share
//!   them.
//!
//! The set size and the budget are the ones measured best in BENCHMARKS.md
//! ("Tuning choices").

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex};
use std::thread::LocalKey;

use crate::chars::same_bytes;

/// The default budget of a thread's memo: 12 MiB (see [`set_memo_bytes`]
/// and BENCHMARKS.md, "The memos' budget").
pub const DEFAULT_MEMO_BYTES: usize = 12 << 20;

/// The budget set by [`set_memo_bytes`]; `usize::MAX` until then.
static MEMO_BYTES: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Sets the memory of each thread's memos: a thread that analyzes text (an
/// [`Analyzer`](crate::Analyzer), the tantivy tokenizer, `sarf stem`) has
/// a memo of the whole budget, keyed by the token as written, and a thread
/// that calls a [`Stemmer`](crate::Stemmer) itself (the tantivy stem
/// filter, Python's `Stemmer`) has one of a third of it, keyed by the
/// normalized word; an analyzer's stemmer does not use the latter. (Each
/// table is rounded down to whole sets of 64-byte lines, at least 512
/// bytes.) A thread makes a table when it first needs it, with the budget
/// of that moment, and keeps it until it ends: call this before the work
/// starts. Without a call, the environment variable `SARF_MEMO_MIB` (read
/// once) or [`DEFAULT_MEMO_BYTES`] (12 MiB) decides. A smaller budget costs
/// speed on repetitive text, never correctness: a remembered answer is
/// always the computed one.
pub fn set_memo_bytes(bytes: usize) {
    MEMO_BYTES.store(bytes.min(usize::MAX - 1), Ordering::Relaxed);
}

/// The budget in effect (see [`set_memo_bytes`]).
pub fn memo_bytes() -> usize {
    match MEMO_BYTES.load(Ordering::Relaxed) {
        usize::MAX => {
            static FROM_ENV: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
            *FROM_ENV.get_or_init(|| {
                std::env::var("SARF_MEMO_MIB")
                    .ok()
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .map_or(DEFAULT_MEMO_BYTES, |mib| mib.saturating_mul(1 << 20))
            })
        }
        bytes => bytes,
    }
}

/// The lines of a table given `1 / share` of the budget in effect.
fn lines_for(share: usize) -> usize {
    lines_of(memo_bytes(), share)
}

/// The lines of a table given `1 / share` of `budget` bytes: whole sets,
/// at least two, and at most `u32::MAX` sets (see [`Table::locate`]).
fn lines_of(budget: usize, share: usize) -> usize {
    let sets = (budget / share / 64 / WAYS).clamp(2, u32::MAX as usize);
    sets * WAYS
}

/// Lines per set.
pub(crate) const WAYS: usize = 4;

/// The bytes a line has for its key and whatever its answer stores.
pub(crate) const BYTES: usize = 45;

static NEXT_OWNER: AtomicU64 = AtomicU64::new(1);

/// A fresh owner identity (never 0, which marks an empty line).
pub(crate) fn new_owner() -> u64 {
    NEXT_OWNER.fetch_add(1, Ordering::Relaxed)
}

/// Owner identities by settings: the settings that decide every answer,
/// each given one identity the first time they are seen.
pub(crate) type Owners<K> = LazyLock<Mutex<HashMap<K, u64>>>;

/// The owner identity of `settings` in `owners`: the same for equal
/// settings, so that analyzers or stemmers made alike (one per request, per
/// task of a Dask job, a tokenizer beside an analyzer) share what they
/// remember, where a fresh identity each would start cold and crowd the
/// others' lines out. Settings must decide answers entirely; `None` (the
/// caller's lexicons were loaded from files, whose contents no settings
/// describe) gives a fresh identity, never shared.
pub(crate) fn owner_of<K: Hash + Eq>(owners: &Owners<K>, settings: Option<K>) -> u64 {
    let Some(settings) = settings else { return new_owner() };
    // A panic while the lock was held left the map whole (an insert
    // either happened or not): poisoning is ignored.
    let mut owners = owners.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    *owners.entry(settings).or_insert_with(new_owner)
}

/// One cache line: the key's owner and check value, the replacement
/// policy's hit count, the answer's fixed part `P` and the bytes (the key
/// first, then anything the answer stores).
#[derive(Clone, Copy)]
#[repr(C, align(64))]
pub(crate) struct Line<P: Copy> {
    /// 0: empty.
    owner: u64,
    check: u32,
    key_len: u8,
    /// Hits since the line was filled (saturating), halved each time
    /// another line of the set is replaced.
    hits: u8,
    pub answer: P,
    pub bytes: LineText,
}

/// A line's bytes: whole strings copied one after another, then zeros, so
/// valid UTF-8 throughout. Only [`LineBytes`] makes one.
#[derive(Clone, Copy)]
pub(crate) struct LineText([u8; BYTES]);

impl LineText {
    /// The stored string at `start..end` (a range [`LineBytes::push`]
    /// returned), or `""` for a range that is not on character boundaries.
    #[inline]
    pub fn get(&self, start: u8, end: u8) -> &str {
        let (start, end) = (start as usize, end as usize);
        // A boundary is the end or a byte that is not a continuation byte.
        let boundary = |i: usize| i == BYTES || self.0[i] as i8 >= -0x40;
        if start > end || end > BYTES || !boundary(start) || !boundary(end) {
            return "";
        }
        let bytes = &self.0[start..end];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: the whole array is valid UTF-8 (see the type's docs), and
        // a slice of valid UTF-8 cut at character boundaries is valid
        // UTF-8. The stored forms are read on every hit, where validating
        // costs (BENCHMARKS.md, "Tuning choices"). The memo's unit tests, the analyzer's
        // memo proptest and the `stem` fuzz target cover these reads.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

/// The bytes of a line under construction: the key, then what the answer
/// stores, each appended as a whole or not at all.
pub(crate) struct LineBytes {
    bytes: [u8; BYTES],
    len: usize,
    key_len: usize,
}

impl LineBytes {
    /// Starts with `key`; `None` if it does not fit.
    pub fn new(key: &str) -> Option<LineBytes> {
        let mut line = LineBytes { bytes: [0; BYTES], len: 0, key_len: key.len() };
        line.push(key)?;
        Some(line)
    }

    /// Appends `s`; its range in the bytes, or `None` if it does not fit.
    pub fn push(&mut self, s: &str) -> Option<(u8, u8)> {
        let end = self.len + s.len();
        self.bytes.get_mut(self.len..end)?.copy_from_slice(s.as_bytes());
        let range = (self.len as u8, end as u8);
        self.len = end;
        Some(range)
    }
}

/// Asks Linux to back the memory of `v`'s buffer with 2 MiB pages where
/// it can (transparent huge pages in `madvise` mode, the default of most
/// distributions); returns whether the kernel took the advice.
///
/// A probe lands on a random line of a table several MiB large: with 4 KiB
/// pages nearly every probe of a long run also misses the TLB (the gain is
/// in BENCHMARKS.md, "Tuning choices").
#[cfg(target_os = "linux")]
fn prefer_huge_pages<T>(v: &Vec<T>) -> bool {
    // madvise wants whole pages: the range grows out to the 4 KiB pages
    // that hold the buffer (the start's page also holds the allocator's
    // header, memory of this process that a huge page may back as well).
    const PAGE: usize = 4096;
    let start = v.as_ptr() as usize;
    let end = start + v.capacity() * std::mem::size_of::<T>();
    let (from, to) = (start & !(PAGE - 1), end.next_multiple_of(PAGE));
    // SAFETY: MADV_HUGEPAGE changes how the kernel backs mapped memory,
    // never what it holds, and the range is pages of this process's own
    // allocation; the call reads and writes nothing through the pointer.
    // An error (no THP in this kernel, another page size) only leaves the
    // pages small. The memo's tests, the analyzer's memo proptest and the
    // `stem` fuzz target run on tables made here.
    unsafe { libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE) == 0 }
}

#[cfg(not(target_os = "linux"))]
fn prefer_huge_pages<T>(_: &Vec<T>) -> bool {
    false
}

/// One thread's memo: its [`Table`], sized by the budget in effect when the
/// thread first uses it. Each user declares one in a `thread_local!` and
/// reaches it through [`with`].
pub(crate) struct Memo<P: Copy>(RefCell<Table<P>>);

impl<P: Copy> Memo<P> {
    /// A memo of `1 / share` of the budget; `empty` fills the answers of
    /// the empty lines.
    pub fn new(empty: P, share: usize) -> Memo<P> {
        Memo(RefCell::new(Table::new(empty, lines_for(share))))
    }
}

/// Runs `use_it` on this thread's table of `memo`. `None` when the table is
/// busy (a caller that analyzes text on this thread from inside a recall,
/// such as a visitor that calls an analyzer) or already gone (a thread's
/// destructors running): the caller then computes its answer and does not
/// remember it, which costs time, never correctness.
#[inline]
pub(crate) fn with<P: Copy, R>(
    memo: &'static LocalKey<Memo<P>>,
    use_it: impl FnOnce(&mut Table<P>) -> R,
) -> Option<R> {
    memo.try_with(|memo| memo.0.try_borrow_mut().ok().map(|mut table| use_it(&mut table)))
        .ok()
        .flatten()
}

/// A memo table; see the module docs.
pub(crate) struct Table<P: Copy> {
    /// The lines from `first` on are the table's; those before only put
    /// its start on a huge page's boundary.
    lines: Vec<Line<P>>,
    first: usize,
    /// The number of sets.
    sets: u64,
}

impl<P: Copy> Table<P> {
    /// An empty table; `empty` fills the answers of the empty lines.
    pub fn new(empty: P, lines: usize) -> Table<P> {
        assert!(lines.is_multiple_of(WAYS) && (2..=u32::MAX as usize).contains(&(lines / WAYS)));
        const { assert!(std::mem::size_of::<Line<P>>() == 64, "a line is one cache line") };
        let line = Line {
            owner: 0,
            check: 0,
            key_len: 0,
            hits: 0,
            answer: empty,
            bytes: LineText([0; BYTES]),
        };
        // Room to start the table on a 2 MiB boundary: a huge page backs
        // only a whole aligned 2 MiB. The advice comes before the lines
        // are written, so that the pages they fault in are huge ones;
        // without huge pages the table starts at the start, and the room
        // after it is never touched.
        const HUGE_PAGE: usize = 2 << 20;
        let mut table: Vec<Line<P>> = Vec::with_capacity(lines + HUGE_PAGE / 64);
        let first = if prefer_huge_pages(&table) {
            let start = table.as_ptr() as usize;
            (start.next_multiple_of(HUGE_PAGE) - start) / 64
        } else {
            0
        };
        table.resize(first + lines, line);
        Table { lines: table, first, sets: (lines / WAYS) as u64 }
    }

    /// The index in `lines` of the first line of a hash's set and the
    /// check value stored in the line. The set is the hash's high 32 bits,
    /// the best mixed, scaled to the number of sets (a multiply and a
    /// shift, where a power of two would take a mask: the table then uses
    /// the whole budget, not the power of two below it).
    #[inline]
    fn locate(&self, hash: u64) -> (usize, u32) {
        let set = ((hash >> 32) * self.sets) >> 32;
        (self.first + set as usize * WAYS, hash as u32)
    }

    /// Starts loading the sets of `hashes`: the table is larger than the
    /// caches, and a batch of requests issued together overlaps their trips
    /// to memory.
    ///
    /// On x86-64 with prefetch instructions, which retire at once, where
    /// loads would hold back everything behind them until the lines came
    /// (BENCHMARKS.md, "Tuning choices").
    #[inline]
    pub fn touch(&self, hashes: &[u64]) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            for &hash in hashes {
                let at = self.locate(hash).0;
                for line in &self.lines[at..at + WAYS] {
                    // SAFETY: SSE is part of every x86-64 CPU, and a
                    // prefetch is only a hint: it reads nothing into the
                    // program and never faults (the address is a line of
                    // the table anyway).
                    unsafe { _mm_prefetch::<_MM_HINT_T0>((line as *const Line<P>).cast()) };
                }
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let mut sum = 0;
            for &hash in hashes {
                let at = self.locate(hash).0;
                for line in &self.lines[at..at + WAYS] {
                    sum ^= line.owner;
                }
            }
            std::hint::black_box(sum);
        }
    }

    /// The line of `key` (whose hash is `hash`) from `owner`, counting a
    /// hit.
    #[inline]
    pub fn find(&mut self, owner: u64, hash: u64, key: &[u8]) -> Option<&Line<P>> {
        let (at, check) = self.locate(hash);
        // The check value first: it rules out the other lines of the set,
        // where the owner is usually the same.
        let line = self.lines[at..at + WAYS].iter_mut().find(|line| {
            line.check == check
                && line.key_len as usize == key.len()
                && line.owner == owner
                && same_bytes(&line.bytes.0[..key.len()], key)
        })?;
        line.hits = line.hits.saturating_add(1);
        Some(line)
    }

    /// Remembers `answer` and `bytes` (key first) for `owner` under `hash`,
    /// in an empty line of the set or in place of the one with the fewest
    /// hits.
    pub fn insert(&mut self, owner: u64, hash: u64, answer: P, bytes: LineBytes) {
        let (at, check) = self.locate(hash);
        let set = &mut self.lines[at..at + WAYS];
        let way = match set.iter().position(|line| line.owner == 0) {
            Some(way) => way,
            None => {
                let way = (0..WAYS).min_by_key(|&w| set[w].hits).unwrap_or(0);
                for line in set.iter_mut() {
                    line.hits /= 2;
                }
                way
            }
        };
        set[way] = Line {
            owner,
            check,
            key_len: bytes.key_len as u8,
            hits: 0,
            answer,
            bytes: LineText(bytes.bytes),
        };
    }

    /// The first line of `hash`'s set, for tests that fill a set.
    #[cfg(test)]
    pub fn set_of(&self, hash: u64) -> usize {
        self.locate(hash).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::hash;

    #[test]
    fn the_default_budget_gives_the_measured_sizes_and_any_budget_whole_sets() {
        assert_eq!(lines_of(DEFAULT_MEMO_BYTES, 1), crate::analyze::memo::LINES);
        assert_eq!(lines_of(DEFAULT_MEMO_BYTES, 3), crate::stem::memo::LINES);
        for budget in [0, 1, 600, 3 << 20, 100 << 20, usize::MAX - 1] {
            for share in [1, 3] {
                let lines = lines_of(budget, share);
                assert!(lines.is_multiple_of(WAYS) && lines >= 2 * WAYS, "{budget}");
                assert!(lines / WAYS <= u32::MAX as usize, "{budget}");
                assert!(lines * 64 <= (budget / share).max(2 * WAYS * 64), "{budget}");
            }
        }
    }

    #[test]
    fn every_set_of_a_table_is_reached_and_none_past_its_end() {
        // A table of 5 sets (not a power of two): hashes spread over all.
        let table = Table::new(0u8, 5 * WAYS);
        let mut seen = [false; 5];
        for i in 0..1000u64 {
            let at = table.set_of(hash(&i.to_le_bytes())) - table.first;
            assert_eq!(at % WAYS, 0);
            seen[at / WAYS] = true;
        }
        assert_eq!(seen, [true; 5]);
        assert_eq!(table.set_of(u64::MAX) - table.first, 4 * WAYS);
        assert_eq!(table.set_of(0) - table.first, 0);
    }

    fn line(key: &str) -> LineBytes {
        LineBytes::new(key).expect("fits")
    }

    #[test]
    fn a_frequent_key_outlives_rare_ones_in_its_set() {
        let mut table = Table::new(0u8, 1 << 10);
        let owner = new_owner();
        let frequent = "كتاب";
        let set = table.set_of(hash(frequent.as_bytes()));
        let rare: Vec<String> = (0..)
            .map(|i| format!("w{i}"))
            .filter(|w| table.set_of(hash(w.as_bytes())) == set)
            .take(2 * WAYS)
            .collect();
        table.insert(owner, hash(frequent.as_bytes()), 7, line(frequent));
        // Hits enough to outlast the replacements to come (each halves them).
        for _ in 0..100 {
            assert!(table.find(owner, hash(frequent.as_bytes()), frequent.as_bytes()).is_some());
        }
        for word in &rare {
            table.insert(owner, hash(word.as_bytes()), 1, line(word));
        }
        let found = table.find(owner, hash(frequent.as_bytes()), frequent.as_bytes());
        assert_eq!(found.map(|l| l.answer), Some(7), "the frequent key was replaced");
        let held =
            rare.iter().filter(|w| table.find(owner, hash(w.as_bytes()), w.as_bytes()).is_some());
        assert_eq!(held.count(), WAYS - 1);
        // Without hits, it leaves like any other.
        for word in &rare {
            table.insert(owner, hash(word.as_bytes()), 1, line(word));
        }
        assert!(table.find(owner, hash(frequent.as_bytes()), frequent.as_bytes()).is_none());
    }

    #[test]
    fn owners_and_lookalikes_are_kept_apart() {
        let mut table = Table::new(0u8, 1 << 10);
        let (one, two) = (new_owner(), new_owner());
        table.insert(one, hash("كتاب".as_bytes()), 1, line("كتاب"));
        assert!(table.find(two, hash("كتاب".as_bytes()), "كتاب".as_bytes()).is_none());
        assert!(table.find(one, hash("كتابا".as_bytes()), "كتابا".as_bytes()).is_none());
        assert!(table.find(one, hash("كتاب".as_bytes()), "كتاب".as_bytes()).is_some());
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn the_kernel_takes_the_huge_page_advice_unless_it_has_no_huge_pages() {
        let table: Vec<Line<u8>> = Vec::with_capacity(1 << 16);
        let thp = std::path::Path::new("/sys/kernel/mm/transparent_hugepage/enabled").exists();
        assert_eq!(prefer_huge_pages(&table), thp);
        // A table then starts on a huge page's boundary, and its sets are
        // its own lines.
        let mut table = Table::new(0u8, 1 << 15);
        let start = &table.lines[table.first] as *const Line<u8> as usize;
        assert_eq!(start.is_multiple_of(2 << 20), thp, "first line at {start:#x}");
        assert_eq!(table.lines.len(), table.first + (1 << 15));
        let owner = new_owner();
        for word in ["كتاب", "w1", "w2"] {
            table.insert(owner, hash(word.as_bytes()), 3, line(word));
            assert!(table.find(owner, hash(word.as_bytes()), word.as_bytes()).is_some());
        }
        assert!(table.lines[..table.first].iter().all(|line| line.owner == 0));
    }

    #[test]
    fn line_bytes_take_whole_strings_or_nothing() {
        assert!(LineBytes::new(&"ك".repeat(BYTES / 2 + 1)).is_none());
        let mut bytes = line("كتاب");
        assert_eq!(bytes.push("ال"), Some((8, 12)));
        assert_eq!(bytes.push(&"ه".repeat(BYTES)), None);
        let text = LineText(bytes.bytes);
        assert_eq!(text.get(8, 12), "ال");
        assert_eq!(text.get(0, 8), "كتاب");
        // Ranges off character boundaries or out of the line give "".
        assert_eq!(text.get(1, 8), "");
        assert_eq!(text.get(0, 7), "");
        assert_eq!(text.get(8, 4), "");
        assert_eq!(text.get(0, 200), "");
        // The unused rest of a line is zeros.
        assert!(text.get(12, BYTES as u8).bytes().all(|b| b == 0));
    }
}
