//! The engine's output: written lazily (nothing until the first change),
//! untouched input copied in runs, same-length replacements held back as
//! patches. Every unsafe byte write of the normalizer is in this file.

use std::ops::Range;

use super::record::{Event, Recorder};
use super::rules::Rule;

/// The most same-length replacements held back before the run they sit in
/// is copied (see [`Writer::patch`]).
const MAX_PATCHES: usize = 32;

/// Lazily materialized output: nothing is written until the first change,
/// then untouched input is copied in runs.
///
/// Most changes in news text replace one two-byte letter by another (ة → ه,
/// أ → ا, ى → ي). Those are held back as patches, and the run they sit in is
/// copied with one `memcpy` when something else needs writing; the patches
/// are then written over their two bytes. That turns a copy call per change
/// into one per 32 changes.
pub(super) struct Writer<'o> {
    pub(super) out: &'o mut String,
    /// `out.len()` when the call started; event offsets are relative to it.
    pub(super) base: usize,
    /// Input bytes before this index are already reflected in `out`.
    pub(super) copied: usize,
    pub(super) changed: bool,
    /// Composition never looks back before this input offset: everything
    /// before it belongs to a cluster already examined.
    pub(super) floor: usize,
    /// Pending same-length replacements at or after `copied`: input offset
    /// and the two bytes that replace the two there.
    pub(super) patches: [(usize, [u8; 2]); MAX_PATCHES],
    pub(super) n_patches: usize,
}

impl Writer<'_> {
    pub(super) fn new(out: &mut String) -> Writer<'_> {
        let base = out.len();
        Writer {
            out,
            base,
            copied: 0,
            changed: false,
            floor: 0,
            patches: [(0, [0; 2]); MAX_PATCHES],
            n_patches: 0,
        }
    }

    /// Brings the output up to input position `at`; returns the relative
    /// output position there.
    #[inline]
    pub(super) fn start(&mut self, input: &str, at: usize) -> usize {
        if !self.changed {
            self.changed = true;
            self.out.reserve(input.len());
        }
        let run_start = self.out.len();
        copy_run(self.out, input, self.copied, at);
        if self.n_patches > 0 {
            self.apply_patches(run_start);
        }
        self.copied = at;
        self.out.len() - self.base
    }

    /// Writes the pending patches over the run just copied at `run_start`.
    #[cold]
    pub(super) fn apply_patches(&mut self, run_start: usize) {
        let copied = self.copied;
        // SAFETY: each patch overwrites the two bytes of a two-byte UTF-8
        // sequence (lead byte 0xD8..=0xDB, one continuation byte) with the
        // two bytes of another two-byte sequence (`Engine::new` only makes
        // patches from chars whose `len_utf8()` is 2), at a char boundary
        // inside the run just copied, so the string stays valid UTF-8.
        // Proptest properties and the `normalize` fuzz target check every
        // output, and debug builds re-validate below.
        let bytes = unsafe { self.out.as_mut_vec() };
        for &(pos, patch) in &self.patches[..self.n_patches] {
            let at = run_start + (pos - copied);
            bytes[at..at + 2].copy_from_slice(&patch);
        }
        debug_assert!(std::str::from_utf8(&bytes[run_start..]).is_ok());
        self.n_patches = 0;
    }

    /// Appends the first `len` bytes of `patched`: the input's whole
    /// characters from `at` (where the output has been brought up to) to
    /// `at + width`, with same-length patches applied and deleted
    /// characters left out.
    #[cfg(target_arch = "x86_64")]
    #[inline]
    pub(super) fn append_patched(
        &mut self,
        input: &str,
        at: usize,
        patched: &[u8; 64],
        width: usize,
        len: usize,
    ) {
        debug_assert_eq!(self.copied, at);
        debug_assert!(input.is_char_boundary(at + width));
        debug_assert!(len <= width);
        // SAFETY: `patched[..len]` is `input[at..at + width]`, whole
        // characters, with some two-byte sequences of U+0600..=U+06FF
        // replaced by the two bytes of another character (`PatchTables`
        // holds only the engine's patches, made from chars whose
        // `len_utf8()` is 2, and the characters themselves) or by one
        // ASCII byte, some characters outside the block replaced by the
        // UTF-8 of a char no longer than themselves (`Engine::outside`
        // encodes it), and some removed whole (all of a removed
        // character's bytes go, and all of a replaced one's beyond its
        // replacement), so it is valid UTF-8; the bytes past `len` are cut
        // off before the borrow ends. That argument rests on the chunk's
        // mask arithmetic, so `patch::chunk` checks its output in release
        // builds too (`patch::is_utf8`) and panics on a bug before
        // anything is written; unchanged chunks are the input's bytes.
        let bytes = unsafe { self.out.as_mut_vec() };
        // A fixed-size copy, then cut back: no call to `memcpy`.
        let start = bytes.len();
        bytes.extend_from_slice(patched);
        bytes.truncate(start + len);
        self.copied = at + width;
    }

    /// Replaces the two-byte character at input `pos` by the two bytes
    /// `patch`, without copying anything yet.
    #[inline]
    pub(super) fn patch<R: Recorder>(
        &mut self,
        input: &str,
        pos: usize,
        patch: [u8; 2],
        rule: Rule,
        recorder: &mut R,
    ) {
        if !self.changed {
            self.changed = true;
            self.out.reserve(input.len());
        }
        if self.n_patches == MAX_PATCHES {
            self.start(input, pos);
        }
        self.patches[self.n_patches] = (pos, patch);
        self.n_patches += 1;
        if R::ENABLED {
            let at = self.out.len() - self.base + (pos - self.copied);
            recorder.record(Event { rule, input: pos..pos + 2, output: at..at + 2 });
        }
    }

    /// Ends a replacement of `input` that began at relative output
    /// `out_start`, recording it under `rule`.
    #[inline]
    pub(super) fn finish<R: Recorder>(
        &mut self,
        rule: Rule,
        input: Range<usize>,
        out_start: usize,
        recorder: &mut R,
    ) {
        self.copied = input.end;
        if R::ENABLED {
            let output = out_start..self.out.len() - self.base;
            recorder.record(Event { rule, input, output });
        }
    }

    pub(super) fn replace<R: Recorder>(
        &mut self,
        source: &str,
        input: Range<usize>,
        text: &str,
        rule: Rule,
        recorder: &mut R,
    ) {
        let out_start = self.start(source, input.start);
        self.out.push_str(text);
        self.finish(rule, input, out_start, recorder);
    }
}

/// Appends `input[from..to]` (both char boundaries) to `out`.
///
/// In diacritized text every other character is deleted, so most runs
/// between changes are a letter or two: a fixed sixteen-byte move then
/// costs far less than a call to `memcpy`.
#[inline(always)]
fn copy_run(out: &mut String, input: &str, from: usize, to: usize) {
    let run = to - from;
    if run <= 16 && from + 16 <= input.len() {
        // SAFETY: sixteen bytes of valid UTF-8 are appended, then cut back
        // to `run`, which ends at a char boundary of `input` (`to`), so the
        // string is valid UTF-8 again before the borrow ends. The proptests
        // and the `normalize` fuzz target check every output, and debug
        // builds re-validate below.
        let bytes = unsafe { out.as_mut_vec() };
        let len = bytes.len();
        bytes.extend_from_slice(&input.as_bytes()[from..from + 16]);
        bytes.truncate(len + run);
        debug_assert!(std::str::from_utf8(&bytes[len..]).is_ok());
    } else {
        out.push_str(&input[from..to]);
    }
}
