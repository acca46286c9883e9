//! Bulk processing: many documents in parallel, and large inputs as blocks
//! of whole lines.
//!
//! This is the only layer that knows about threads and streams. The
//! parallel functions run on rayon's pool, keep their results in input
//! order, and give each worker its own scratch buffers (`map_init`), so a
//! call allocates once per result, not per intermediate step.
//! [`LineBlocks`] reads input in large blocks that end on a line boundary,
//! so the normalizer (which never looks across a line feed) gives the same
//! result block by block as on the whole text. A line longer than a block
//! is cut where a [`LineCut`] allows (between words, or between letters),
//! so memory stays bounded by the block size whatever the input's lines.
//! The `sarf` binary is built on these.
//!
//! ```
//! use sarf::{Analyzer, Normalizer, bulk};
//!
//! let docs = ["الكتابُ", "كتابها", "hello"];
//! assert_eq!(bulk::normalize_all(&Normalizer::default(), &docs), ["الكتاب", "كتابها", "hello"]);
//! let stems = bulk::stem_all(&Analyzer::default(), &docs);
//! assert_eq!(stems, [vec!["كتاب"], vec!["كتاب"], vec!["hello"]]);
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Error;
use crate::{Analyzer, Normalizer, RuleCounts};

/// Normalizes every document in parallel; the results are in input order.
pub fn normalize_all<S: AsRef<str> + Sync>(normalizer: &Normalizer, docs: &[S]) -> Vec<String> {
    in_pieces(docs).map(|doc| normalizer.normalize(doc.as_ref()).into_owned()).collect()
}

/// Like [`normalize_all`], also counting the changes each rule made.
pub fn normalize_all_counting<S: AsRef<str> + Sync>(
    normalizer: &Normalizer,
    docs: &[S],
) -> (Vec<String>, RuleCounts) {
    let results: Vec<(String, RuleCounts)> = in_pieces(docs)
        .map(|doc| {
            let mut counts = RuleCounts::default();
            let mut out = String::new();
            normalizer.normalize_into_counting(doc.as_ref(), &mut out, &mut counts);
            (out, counts)
        })
        .collect();
    let mut total = RuleCounts::default();
    let texts = results
        .into_iter()
        .map(|(text, counts)| {
            total.merge(&counts);
            text
        })
        .collect();
    (texts, total)
}

/// The stems of every document's tokens, in parallel, in input order.
pub fn stem_all<S: AsRef<str> + Sync>(analyzer: &Analyzer, docs: &[S]) -> Vec<Vec<String>> {
    in_pieces(docs)
        .map(|doc| {
            // About one token per ten bytes of Arabic text: one allocation
            // for the list instead of a chain of reallocations.
            let mut stems = Vec::with_capacity(doc.as_ref().len() / 10 + 1);
            analyzer.for_each_token_ref(doc.as_ref(), |token| stems.push(token.stem.to_string()));
            stems
        })
        .collect()
}

/// Applies `f` to every item in parallel with a per-worker scratch value
/// made by `init` (reused across the items that worker handles); the
/// results are in input order. The building block of the functions above
/// and of the `sarf` binary.
pub fn map_in_order<T, U, S, I, F>(items: &[T], init: I, f: F) -> Vec<U>
where
    T: Sync,
    U: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, &T) -> U + Sync + Send,
{
    in_pieces(items).map_init(init, |scratch, item| f(scratch, item)).collect()
}

/// How finely the parallel functions cut their input: into at least this
/// many pieces per thread. Left to itself, rayon cuts a slice into about two
/// pieces per thread and cuts again only the pieces another thread steals,
/// so near the end the thread that runs out of work can only wait for the
/// other's last large piece (BENCHMARKS.md, "Tuning choices").
const PIECES_PER_THREAD: usize = 16;

/// A parallel iterator over `items` cut into [`PIECES_PER_THREAD`] pieces
/// per thread of the current pool (a piece holds one item at least).
pub(crate) fn in_pieces<T: Sync>(items: &[T]) -> rayon::iter::MaxLen<rayon::slice::Iter<'_, T>> {
    let pieces = rayon::current_num_threads() * PIECES_PER_THREAD;
    items.par_iter().with_max_len(items.len().div_ceil(pieces).max(1))
}

/// The default block size: large enough to amortize per-block overhead
/// (each block passes through three channels and a lock), small enough that
/// the blocks in flight stay in the cores' caches (BENCHMARKS.md, "Tuning
/// choices").
pub const DEFAULT_BLOCK_SIZE: usize = 256 << 10;

/// A block of lines read from an input.
#[derive(Debug, Default)]
pub struct Block {
    /// The bytes: whole lines, the last one ending in `\n` unless it is the
    /// end of the input; or, for a line longer than a block, a piece of it
    /// cut where the reader's [`LineCut`] allows.
    pub bytes: Vec<u8>,
    /// Byte offset of the block's first byte in the input.
    pub offset: u64,
    /// 1-based line number of the block's first line.
    pub line: u64,
    /// Whether the block starts inside a line: the previous block was a
    /// piece of a line too long for one block.
    pub continues_line: bool,
}

/// Where [`LineBlocks`] may cut a line too long for one block, so that a
/// transform applied to each piece gives, concatenated, what it gives on
/// the whole line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineCut {
    /// Never: a long line makes a block as long as itself (records that
    /// must be whole, such as JSON Lines).
    #[default]
    Never,
    /// After a space (U+0020), before an Arabic letter (U+0621..=U+063A,
    /// U+0641..=U+064A) or an ASCII letter or digit: between words, so
    /// that tokens, and rules that read a whole word, see whole words.
    BeforeWord,
    /// Where [`LineCut::BeforeWord`] may, or between two different Arabic
    /// letters: no character rule reads across such a pair (no mark or
    /// format control between them, nothing canonical composition joins)
    /// but `elongation`, whose runs are of folded letters. For normalizers
    /// without word-level rules or `elongation` ([`Normalizer::line_cut`]).
    BetweenLetters,
}

impl LineCut {
    /// The last position in `from..bytes.len()` where `bytes` may be cut
    /// (a position after which a whole character still lies in `bytes`),
    /// if any. Looks at each byte from `from` on once or twice.
    pub fn find(self, bytes: &[u8], from: usize) -> Option<usize> {
        if self == LineCut::Never {
            return None;
        }
        let from = from.max(2);
        (from..bytes.len().saturating_sub(1)).rev().find(|&at| self.allows(bytes, at))
    }

    /// Whether `bytes` may be cut at `at` (with `2 <= at < len - 1`).
    fn allows(self, bytes: &[u8], at: usize) -> bool {
        let letter_at = |i: usize| -> Option<u32> {
            let (lead, low) = (*bytes.get(i)?, *bytes.get(i + 1)?);
            if !(0xD8..=0xD9).contains(&lead) || low & 0xC0 != 0x80 {
                return None;
            }
            let c = (u32::from(lead & 0x1F) << 6) | u32::from(low & 0x3F);
            (matches!(c, 0x0621..=0x063A | 0x0641..=0x064A)).then_some(c)
        };
        let next = bytes[at];
        if bytes[at - 1] == b' ' && (next.is_ascii_alphanumeric() || letter_at(at).is_some()) {
            return true;
        }
        self == LineCut::BetweenLetters
            && matches!((letter_at(at - 2), letter_at(at)), (Some(a), Some(b)) if a != b)
    }
}

impl Block {
    /// The block as text, or an error naming `path`, the line and the byte
    /// offset of the first invalid byte.
    pub fn as_str(&self, path: Option<&Path>) -> Result<&str, Error> {
        // simdutf8 validates several times faster than std; std's slower
        // check only runs on failure, to find where.
        if let Ok(text) = simdutf8::basic::from_utf8(&self.bytes) {
            return Ok(text);
        }
        std::str::from_utf8(&self.bytes).map_err(|e| {
            let bad = e.valid_up_to();
            let line = self.line + memchr::memchr_iter(b'\n', &self.bytes[..bad]).count() as u64;
            Error::invalid_utf8(path, line, self.offset + bad as u64)
        })
    }

    /// The block as text with invalid sequences replaced by U+FFFD, and the
    /// number of replacements made.
    pub fn to_str_lossy(&self) -> (std::borrow::Cow<'_, str>, u64) {
        let text = String::from_utf8_lossy(&self.bytes);
        let replaced = match &text {
            std::borrow::Cow::Borrowed(_) => 0,
            // Count the U+FFFD written, less those already in the input
            // (EF BF BD is always a valid, original U+FFFD).
            std::borrow::Cow::Owned(s) => {
                let fffd = "\u{FFFD}".as_bytes();
                let after = memchr::memmem::find_iter(s.as_bytes(), fffd).count();
                let before = memchr::memmem::find_iter(&self.bytes, fffd).count();
                (after - before) as u64
            }
        };
        (text, replaced)
    }
}

/// Reads an input as [`Block`]s of whole lines.
///
/// A line longer than the block size is cut into pieces of about a block
/// where the reader's [`LineCut`] allows ([`LineBlocks::cut_long_lines`]);
/// a line with no such place, or any long line without a cut, makes a
/// block as long as itself: memory grows with the longest uncut stretch,
/// never with the input.
pub struct LineBlocks<R> {
    reader: R,
    block_size: usize,
    /// Bytes read past the last line feed of the previous block.
    carry: Vec<u8>,
    offset: u64,
    line: u64,
    path: Option<PathBuf>,
    done: bool,
    /// The longest line accepted, in bytes (see [`LineBlocks::max_line`]).
    max_line: usize,
    cut: LineCut,
    /// Whether the next block starts inside a line.
    mid_line: bool,
}

impl<R: Read> LineBlocks<R> {
    /// Reads `reader` (named `path` in errors, `None` for stdin) in blocks of
    /// about `block_size` bytes.
    pub fn new(reader: R, path: Option<&Path>, block_size: usize) -> Self {
        LineBlocks {
            reader,
            block_size: block_size.max(1),
            carry: Vec::new(),
            offset: 0,
            line: 1,
            path: path.map(Path::to_path_buf),
            done: false,
            max_line: usize::MAX,
            cut: LineCut::Never,
            mid_line: false,
        }
    }

    /// Cuts a line longer than the block size where `cut` allows, into
    /// blocks of about the block size ([`Block::continues_line`] marks
    /// the pieces after the first). Default: [`LineCut::Never`].
    pub fn cut_long_lines(mut self, cut: LineCut) -> Self {
        self.cut = cut;
        self
    }

    /// Makes a line longer than `bytes` (its line feed included) an error
    /// naming the input and the line, instead of a block as long as the
    /// line: for records that must be whole (JSON Lines), the bound on
    /// memory. Default: no limit.
    pub fn max_line(mut self, bytes: usize) -> Self {
        self.max_line = bytes.max(1);
        self
    }

    /// The next block, reusing `block`'s buffer; `Ok(false)` at the end.
    pub fn next_into(&mut self, block: &mut Block) -> Result<bool, Error> {
        // The buffer is overwritten in place, not cleared: its bytes are
        // initialized from its last use, so growing it back to the block
        // size zeroes only what it never held. Zeroing each block before
        // its read was a tenth of the reader thread's time.
        let buf = &mut block.bytes;
        let mut len = self.carry.len();
        if buf.len() < len {
            buf.resize(len, 0);
        }
        buf[..len].copy_from_slice(&self.carry);
        self.carry.clear();
        block.offset = self.offset;
        block.line = self.line;
        block.continues_line = std::mem::take(&mut self.mid_line);
        // Read until the block is full and ends on a line feed, or the input ends.
        let mut searched = 0;
        // Where the search for a cut goes on from: each byte is looked at
        // once or twice however long the line grows.
        let mut cut_searched = 0;
        loop {
            if !self.done && len < self.block_size {
                len = self.fill(buf, len, self.block_size)?;
                continue;
            }
            if let Some(last) = memchr::memrchr(b'\n', &buf[searched..len]) {
                let cut = searched + last + 1;
                self.carry.extend_from_slice(&buf[cut..len]);
                len = cut;
                break;
            }
            if self.done {
                break;
            }
            // One line longer than the block: cut it if it may be cut,
            // else keep reading it, up to the limit (the block holds that
            // line alone, from its start).
            if let Some(cut) = self.cut.find(&buf[..len], cut_searched).filter(|&cut| cut > 0) {
                self.carry.extend_from_slice(&buf[cut..len]);
                len = cut;
                self.mid_line = true;
                break;
            }
            cut_searched = len.saturating_sub(1);
            if len > self.max_line {
                return Err(self.too_long(self.line));
            }
            searched = len;
            len = self.fill(buf, len, len + self.block_size)?;
        }
        buf.truncate(len);
        if self.max_line != usize::MAX {
            self.check_line_lengths(buf)?;
        }
        self.offset += len as u64;
        self.line += memchr::memchr_iter(b'\n', buf).count() as u64;
        Ok(len > 0)
    }

    /// An error naming the first line of `block` (which starts at line
    /// `self.line`) longer than the limit, if any.
    fn check_line_lengths(&self, block: &[u8]) -> Result<(), Error> {
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', block).map(|at| at + 1).chain([block.len()]);
        for (n, end) in ends.enumerate() {
            if end - start > self.max_line {
                return Err(self.too_long(self.line + n as u64));
            }
            start = end;
        }
        Ok(())
    }

    fn too_long(&self, line: u64) -> Error {
        Error::bad_line(
            self.path.as_deref(),
            line,
            format!("the line is longer than the limit of {} bytes", self.max_line),
        )
    }

    /// The number of line feeds in the blocks returned so far.
    pub fn lines(&self) -> u64 {
        self.line - 1
    }

    /// Reads into `buf[len..want]` until it is full or the input ends, and
    /// returns the length filled. `buf` is first grown to `want` bytes if
    /// shorter (the only zeroing).
    fn fill(&mut self, buf: &mut Vec<u8>, mut len: usize, want: usize) -> Result<usize, Error> {
        if buf.len() < want {
            buf.resize(want, 0);
        }
        while len < want {
            match self.reader.read(&mut buf[len..want]) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(n) => len += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io(self.path.as_deref(), e)),
            }
        }
        Ok(len)
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn line_cuts_fall_between_words_or_letters() {
        let text = "كتب الكتاب ab 12 ،قال".as_bytes();
        let all = |cut: LineCut| {
            let (mut found, mut end) = (Vec::new(), text.len());
            while let Some(at) = cut.find(&text[..end], 0) {
                found.push(std::str::from_utf8(&text[..at]).unwrap());
                end = at + 1;
            }
            found
        };
        assert_eq!(all(LineCut::Never), Vec::<&str>::new());
        // Not before the comma-led word: U+060C ARABIC COMMA is no letter.
        assert_eq!(all(LineCut::BeforeWord), ["كتب الكتاب ab ", "كتب الكتاب ", "كتب "]);
        let letters = all(LineCut::BetweenLetters);
        // Between two different letters, and where BeforeWord cuts; never
        // between two of one letter or between a letter and a mark.
        assert!(letters.contains(&"كتب الكتاب ab 12 ،قا"));
        assert!(letters.contains(&"كت"));
        assert!(!letters.iter().any(|s| s.ends_with(' ') && !all(LineCut::BeforeWord).contains(s)));
        assert_eq!(LineCut::BetweenLetters.find("ببب".as_bytes(), 0), None);
        assert_eq!(LineCut::BetweenLetters.find("بَت".as_bytes(), 0), None);
    }

    #[test]
    fn a_long_line_is_cut_into_pieces_that_say_they_continue_it() {
        let line = "كتب الكتاب ".repeat(100);
        let input = format!("قصير\n{line}\nآخر\n");
        let mut reader =
            LineBlocks::new(input.as_bytes(), None, 64).cut_long_lines(LineCut::BeforeWord);
        let (mut block, mut joined, mut pieces) = (Block::default(), Vec::new(), Vec::new());
        while reader.next_into(&mut block).unwrap() {
            assert!(block.bytes.len() <= 64 + 24, "a piece of about a block");
            assert_eq!(block.offset, joined.len() as u64);
            pieces.push((block.line, block.continues_line, block.bytes.clone()));
            joined.extend_from_slice(&block.bytes);
        }
        assert_eq!(joined, input.as_bytes());
        assert!(pieces.len() > 20);
        // The first block ends inside line 2; every piece of it says so.
        for (n, (line, continues, bytes)) in pieces.iter().enumerate() {
            let starts_line = n == 0 || pieces[n - 1].2.ends_with(b"\n");
            assert_eq!(*continues, !starts_line, "piece {n}");
            if *continues {
                assert_eq!(*line, 2);
                assert!(std::str::from_utf8(bytes).unwrap().starts_with('ك'));
            }
        }
        assert_eq!(reader.lines(), 3);
        // Without a cut, the long line makes one block.
        assert_eq!(blocks(input.as_bytes(), 64).iter().filter(|b| b.2 == 2).count(), 1);
    }

    fn blocks(input: &[u8], size: usize) -> Vec<(Vec<u8>, u64, u64)> {
        let mut reader = LineBlocks::new(input, None, size);
        let mut block = Block::default();
        let mut all = Vec::new();
        while reader.next_into(&mut block).unwrap() {
            all.push((block.bytes.clone(), block.offset, block.line));
            let seen: usize = all.iter().map(|b| b.0.iter().filter(|&&c| c == b'\n').count()).sum();
            assert_eq!(reader.lines(), seen as u64);
        }
        all
    }

    #[test]
    fn parallel_work_is_cut_into_many_pieces_and_kept_in_order() {
        let items: Vec<usize> = (0..4448).collect();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        // `fold` starts one accumulator per piece run as a whole.
        let pieces = pool.install(|| in_pieces(&items).fold(|| (), |(), _| ()).count());
        assert!(pieces >= 2 * PIECES_PER_THREAD, "{pieces} pieces");
        let doubled = pool.install(|| map_in_order(&items, || (), |(), &n| 2 * n));
        assert_eq!(doubled, (0..4448).map(|n| 2 * n).collect::<Vec<_>>());
        // One item or none: nothing to cut, nothing to divide by zero.
        assert_eq!(pool.install(|| map_in_order(&[7], || (), |(), &n| n)), [7]);
        assert!(pool.install(|| map_in_order(&[] as &[u8], || (), |(), &n| n)).is_empty());
    }

    #[test]
    fn blocks_end_on_line_feeds_and_cover_the_input() {
        let input = b"one\ntwo\nthree\nfour";
        for size in 1..=input.len() + 1 {
            let all = blocks(input, size);
            let joined: Vec<u8> = all.iter().flat_map(|b| b.0.clone()).collect();
            assert_eq!(joined, input, "block size {size}");
            for (bytes, offset, line) in &all[..all.len() - 1] {
                assert_eq!(bytes.last(), Some(&b'\n'), "block size {size}");
                let before = &input[..*offset as usize];
                assert_eq!(*line, 1 + before.iter().filter(|&&b| b == b'\n').count() as u64);
            }
        }
    }

    /// A reader that hands out one to three bytes per call, is interrupted
    /// every third call, and fails for good after `fail_after` bytes.
    struct Trickle<'a> {
        input: &'a [u8],
        calls: usize,
        fail_after: usize,
        given: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.calls += 1;
            if self.calls.is_multiple_of(3) {
                return Err(io::ErrorKind::Interrupted.into());
            }
            if self.given >= self.fail_after {
                return Err(io::Error::other("disk on fire"));
            }
            let n = (1 + self.calls % 3).min(buf.len()).min(self.input.len());
            buf[..n].copy_from_slice(&self.input[..n]);
            self.input = &self.input[n..];
            self.given += n;
            Ok(n)
        }
    }

    #[test]
    fn short_and_interrupted_reads_give_the_same_blocks_and_errors_name_the_file() {
        let input = b"one\ntwo\nthree\nfour\nfive\nsix";
        for size in 1..=8 {
            let trickle = Trickle { input, calls: 0, fail_after: usize::MAX, given: 0 };
            let mut reader = LineBlocks::new(trickle, None, size);
            let mut block = Block::default();
            let mut all = Vec::new();
            while reader.next_into(&mut block).unwrap() {
                all.push((block.bytes.clone(), block.offset, block.line));
            }
            assert_eq!(all, blocks(input, size), "block size {size}");
        }
        let trickle = Trickle { input, calls: 0, fail_after: 10, given: 0 };
        let mut reader = LineBlocks::new(trickle, Some(Path::new("in.txt")), 4);
        let mut block = Block::default();
        let error = loop {
            match reader.next_into(&mut block) {
                Ok(more) => assert!(more, "the input ended before the error"),
                Err(e) => break e,
            }
        };
        let cause = std::error::Error::source(&error).map(|s| s.to_string()).unwrap_or_default();
        assert!(
            error.to_string().contains("in.txt") && cause == "disk on fire",
            "{error}: {cause}"
        );
    }

    #[test]
    fn a_line_longer_than_the_limit_is_an_error_naming_it() {
        let input = b"short\nline two\n".iter().copied().chain([b'x'; 5000]).collect::<Vec<u8>>();
        let mut blocks =
            LineBlocks::new(&input[..], Some(Path::new("in.jsonl")), 64).max_line(1000);
        let mut block = Block::default();
        let error = loop {
            match blocks.next_into(&mut block) {
                Ok(true) => continue,
                Ok(false) => panic!("a 5000-byte line passed a limit of 1000"),
                Err(e) => break e.to_string(),
            }
        };
        assert!(
            error.contains("in.jsonl") && error.contains('3') && error.contains("1000"),
            "{error}"
        );
        // Within the limit, the same line is one block.
        let mut blocks = LineBlocks::new(&input[..], None, 64).max_line(6000);
        let mut total = 0;
        while blocks.next_into(&mut block).unwrap() {
            total += block.bytes.len();
        }
        assert_eq!(total, input.len());
    }

    #[test]
    fn a_line_longer_than_the_block_is_one_block() {
        let all = blocks(b"abcdefghij\nk", 3);
        assert_eq!(all[0].0, b"abcdefghij\n");
        assert_eq!(all[1].0, b"k");
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let block =
            Block { bytes: b"ok\nok\nb\xFFd\n".to_vec(), offset: 100, line: 7, ..Block::default() };
        let err = block.as_str(Some(Path::new("in.txt"))).unwrap_err().to_string();
        assert_eq!(err, "invalid UTF-8 in in.txt at line 9, byte offset 107");
    }

    #[test]
    fn lossy_counts_only_new_replacements() {
        let mut bytes = "\u{FFFD}a".as_bytes().to_vec();
        bytes.extend([0xFF, 0xFF]);
        let block = Block { bytes, offset: 0, line: 1, ..Block::default() };
        let (text, replaced) = block.to_str_lossy();
        assert_eq!(text, "\u{FFFD}a\u{FFFD}\u{FFFD}");
        assert_eq!(replaced, 2);
    }
}
