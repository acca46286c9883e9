//! The scanning engine: applies the compiled rules to a string.
//!
//! Most Arabic text needs few changes, so the engine never rebuilds every
//! character. It walks the bytes, skips ASCII, looks each two-byte character
//! of U+0600..=U+06FF up in a 256-entry table compiled from the config, and
//! only leaves the tight loop for characters the table marks as needing
//! work. Untouched runs are copied in bulk when (and only when) the first
//! change is found, which is what lets [`Normalizer::normalize`] return a
//! borrowed `Cow` for text that needs nothing.
//!
//! Context enters in two places, both handled here and nowhere else:
//! canonical composition (a base letter followed, possibly after marks that
//! do not block it, by U+0653/U+0654/U+0655) and the superscript alef after
//! alef maksura. Composition is resolved per *cluster*: a base and the
//! combining marks and deleted characters that follow it. It is found from
//! the composing mark, which is rare, rather than from the base, which is
//! common (alef, waw, yeh): the mark looks back to its base, and the output
//! written since the base is taken back and rebuilt. A cluster holds at most
//! [`MAX_RETAINED_MARKS`] kept marks (the Unicode stream-safe limit), and no
//! look-back crosses the end of a cluster already examined, so every
//! character is looked at a bounded number of times and the pass is linear.
//!
//! [`Normalizer::normalize`]: crate::Normalizer::normalize

use super::config::{NormalizerConfig, UnicodeForm};
use super::patch::{self, PatchTables};
#[cfg(target_arch = "x86_64")]
use super::record::NoRecord;
use super::record::{Event, Recorder};
use super::rules::{Fold, Rule, classify};
use super::scan::Scanner;
use super::writer::Writer;
use crate::chars::{
    ALEF, ALEF_MAKSURA, combining_class, compose, is_compose_base, is_composing_mark,
    presentation_form, utf8_len,
};
use crate::simd::SimdLevel;

mod compose;

/// The most combining marks kept after one base that composition looks
/// through (Unicode's stream-safe text format allows 30).
pub(crate) const MAX_RETAINED_MARKS: usize = 30;

/// The compiled rules: the config plus the table for U+0600..=U+06FF.
#[derive(Clone, Debug)]
pub(crate) struct Engine {
    config: NormalizerConfig,
    /// What the hot loop does with each character of U+0600..=U+06FF.
    quick: Box<[Quick; 256]>,
    /// The replacement of each `Quick::Replace` entry.
    replacement: Box<[char; 256]>,
    /// The UTF-8 bytes of each `Quick::Patch` entry's replacement.
    patch: Box<[[u8; 2]; 256]>,
    /// The full fold of each character of U+0600..=U+06FF.
    folds: Box<[Fold; 256]>,
    /// U+0080..=U+00FF, where news text has « and », which the
    /// `punctuation` rule makes ASCII quotes (a seventh of the 64-byte
    /// chunks of the news corpus hold one).
    latin1: FoldCache,
    /// U+2000..=U+207F, where news text has quotes and dashes the rules
    /// keep beside the format controls they strip (Persian text has a zero
    /// width non-joiner every hundred bytes): the scanner finds them all by
    /// their first two bytes.
    punctuation: FoldCache,
    /// U+FE70..=U+FEFF, the Arabic presentation forms of single letters
    /// (news text copied from PDFs has them).
    forms_b: FoldCache,
    /// Finds the characters that may need work: those whose table entry is
    /// not `Keep`, and those outside the Arabic block in a range some rule
    /// touches.
    scanner: Scanner,
    /// The 64-byte patch path's tables, when this CPU can run it (see
    /// `patch.rs`; always `None` off x86-64).
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    chunks: Option<PatchTables>,
    /// The SIMD level the paths above were built for.
    simd: SimdLevel,
}

/// The hot loop's view of one character of U+0600..=U+06FF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Quick {
    /// Unchanged.
    Keep,
    /// Removed, with no context to consider.
    Delete,
    /// Replaced by one character, with no context to consider.
    Replace,
    /// Replaced by a character of the same two-byte length: a patch.
    Patch,
    /// Anything else: handled by [`Engine::slow`].
    Slow,
}

const BLOCK_START: u32 = 0x0600;

/// What the rules do to each character of a range outside U+0600..=U+06FF
/// that text often holds, worked out once: each went through classify()
/// (and, in the chunk path, through `Engine::outside_of`) every time.
#[derive(Clone, Debug)]
struct FoldCache {
    start: u32,
    folds: Box<[Fold]>,
    /// What the chunk path does with each character.
    #[cfg(target_arch = "x86_64")]
    outside: Box<[patch::Outside]>,
}

/// The character `c`, a scalar value of a cached range.
fn char_at(c: u32) -> char {
    char::from_u32(c).expect("the cached ranges hold no surrogates")
}

impl FoldCache {
    /// The folds of the `len` characters from `start`; `outside` is filled
    /// in once the engine can work it out.
    fn new(config: &NormalizerConfig, start: u32, len: u32) -> FoldCache {
        FoldCache {
            start,
            folds: (start..start + len).map(|c| classify(config, char_at(c))).collect(),
            #[cfg(target_arch = "x86_64")]
            outside: Box::new([]),
        }
    }

    /// The characters of the cache, in order.
    #[cfg(target_arch = "x86_64")]
    fn chars(&self) -> impl Iterator<Item = char> {
        (self.start..self.start + self.folds.len() as u32).map(char_at)
    }

    /// The index of `c` in the cache, if it is there.
    #[inline(always)]
    fn index(&self, c: char) -> Option<usize> {
        let i = (c as u32).wrapping_sub(self.start) as usize;
        (i < self.folds.len()).then_some(i)
    }
}

/// Table index of a two-byte UTF-8 sequence whose lead byte is 0xD8..=0xDB,
/// i.e. a code point of U+0600..=U+06FF.
#[inline(always)]
fn block_index(lead: u8, cont: u8) -> usize {
    (((lead - 0xD8) as usize) << 6) | (cont & 0x3F) as usize
}

/// Whether a character outside U+0600..=U+06FF starting with these two bytes
/// could be touched by any rule: U+00AD, U+08C0..=U+08FF,
/// U+2000..=U+207F, U+FB40..=U+FEFF. Everything else is skipped unread.
#[inline(always)]
fn may_change_outside_block(b0: u8, b1: u8) -> bool {
    match b0 {
        0xC2 => b1 == 0xAD,
        0xE0 => b1 == 0xA3,
        0xE2 => b1 == 0x80 || b1 == 0x81,
        0xEF => (0xAD..=0xBB).contains(&b1),
        _ => false,
    }
}

/// Inputs of at least this many bytes take [`Engine::run_chunked`] where
/// the CPU allows.
#[cfg(target_arch = "x86_64")]
const MIN_CHUNKED: usize = 128;

/// Inputs up to this many bytes go through [`Engine::run_word`] first.
const MAX_WORD: usize = 64;

impl Engine {
    pub(crate) fn new(config: NormalizerConfig) -> Engine {
        Engine::with_simd(config, SimdLevel::in_use())
    }

    /// [`new`](Self::new), taking SIMD paths up to `level` only.
    pub(crate) fn with_simd(mut config: NormalizerConfig, level: SimdLevel) -> Engine {
        // Whole-text NFC/NFKC composes; the rules must not then leave
        // composable pairs behind, or a second pass would differ.
        config.compose |= config.unicode != UnicodeForm::None;
        let mut quick = Box::new([Quick::Keep; 256]);
        let mut replacement = Box::new(['\0'; 256]);
        let mut patch = Box::new([[0u8; 2]; 256]);
        let mut folds = Box::new([Fold::Keep; 256]);
        for i in 0..256 {
            let c = char::from_u32(BLOCK_START + i as u32).expect("U+06xx is a char");
            let fold = classify(&config, c);
            folds[i] = fold;
            quick[i] = match fold {
                _ if config.compose && is_composing_mark(c) => Quick::Slow,
                Fold::Keep => Quick::Keep,
                Fold::Delete(_) => Quick::Delete,
                // Every char of the table is two bytes long; a two-byte
                // replacement can be patched in place.
                Fold::Map(_, to) if to.len_utf8() == 2 => {
                    to.encode_utf8(&mut patch[i]);
                    Quick::Patch
                }
                Fold::Map(_, to) => {
                    replacement[i] = to;
                    Quick::Replace
                }
                Fold::FullAlef | Fold::Expand(..) => Quick::Slow,
            };
        }
        let scanner = Scanner::with_simd(
            |b0, b1| {
                if (0xD8..=0xDB).contains(&b0) {
                    quick[block_index(b0, b1)] != Quick::Keep
                } else {
                    may_change_outside_block(b0, b1)
                }
            },
            level,
        );
        let chunks = (level >= SimdLevel::Avx512 && patch::available()).then(|| {
            PatchTables::new(|i| match (quick[i], folds[i]) {
                (Quick::Keep, _) => patch::Entry::Keep,
                (Quick::Patch, _) => patch::Entry::Patch(patch[i]),
                (Quick::Replace, Fold::Map(_, to)) if to.is_ascii() => {
                    patch::Entry::Ascii(to as u8)
                }
                (Quick::Delete, _) => patch::Entry::Delete,
                _ => patch::Entry::General,
            })
        });
        #[cfg_attr(not(target_arch = "x86_64"), allow(unused_mut))]
        let mut engine = Engine {
            latin1: FoldCache::new(&config, 0x0080, 128),
            punctuation: FoldCache::new(&config, 0x2000, 128),
            forms_b: FoldCache::new(&config, 0xFE70, 144),
            config,
            quick,
            replacement,
            patch,
            folds,
            scanner,
            chunks,
            simd: level,
        };
        #[cfg(target_arch = "x86_64")]
        {
            let outside = |cache: &FoldCache| cache.chars().map(|c| engine.outside_of(c)).collect();
            let all = engine.caches().map(outside);
            [engine.latin1.outside, engine.punctuation.outside, engine.forms_b.outside] = all;
        }
        engine
    }

    pub(crate) fn config(&self) -> &NormalizerConfig {
        &self.config
    }

    pub(crate) fn simd_level(&self) -> SimdLevel {
        self.simd
    }

    /// The cached ranges outside the block.
    #[inline(always)]
    fn caches(&self) -> [&FoldCache; 3] {
        [&self.latin1, &self.punctuation, &self.forms_b]
    }

    #[inline]
    fn fold(&self, c: char) -> Fold {
        let i = (c as u32).wrapping_sub(BLOCK_START);
        if i < 256 {
            return self.folds[i as usize];
        }
        for cache in self.caches() {
            if let Some(i) = cache.index(c) {
                return cache.folds[i];
            }
        }
        classify(&self.config, c)
    }

    /// Whether the character outside U+0600..=U+06FF that starts at byte
    /// `at` of `bytes` may be changed: exact for two-byte characters (the
    /// scanner's table holds them whole: « and » are kept, U+00AD SOFT
    /// HYPHEN, which shares their lead byte, is not) and for U+2000..=U+207F
    /// (quotes and dashes are kept, format controls are not); for the rest,
    /// the scanner's test of the first two bytes.
    #[inline]
    fn may_change_at(&self, bytes: &[u8], at: usize) -> bool {
        match bytes[at..] {
            [0xE2, b1 @ (0x80 | 0x81), b2, ..] => {
                let i = ((b1 & 1) as usize) << 6 | (b2 & 0x3F) as usize;
                self.punctuation.folds[i] != Fold::Keep
            }
            [b0, b1, ..] => self.scanner.is_candidate(b0, b1),
            _ => true,
        }
    }

    /// What the chunk path may do with the character outside
    /// U+0600..=U+06FF that starts at byte `at` of `input`, one that
    /// [`may_change_at`](Self::may_change_at) confirmed: keep it, remove
    /// it or replace it by a character no longer than itself (context-free
    /// folds only; composition only concerns marks of the block), or leave
    /// it to the general path.
    #[cfg(target_arch = "x86_64")]
    fn outside(&self, input: &str, at: usize) -> patch::Outside {
        let c = input[at..].chars().next().expect("a character starts at `at`");
        for cache in self.caches() {
            if let Some(i) = cache.index(c) {
                return cache.outside[i];
            }
        }
        self.outside_of(c)
    }

    /// [`outside`](Self::outside) for `c`, worked out. A presentation
    /// form's expansion is context-free (see [`slow`](Self::slow)): the
    /// chunk path writes it when it is no longer than the form, as for one
    /// letter's forms (ﺔ U+FE94 ARABIC LETTER TEH MARBUTA FINAL FORM: three
    /// bytes, ه two); a ligature (ﻻ, لا) goes the general way.
    #[cfg(target_arch = "x86_64")]
    fn outside_of(&self, c: char) -> patch::Outside {
        let shorten = |to: &str| {
            let mut bytes = [0; 4];
            bytes[..to.len()].copy_from_slice(to.as_bytes());
            patch::Outside::Shorten { bytes, len: to.len() }
        };
        match self.fold(c) {
            Fold::Keep => patch::Outside::Keep,
            Fold::Delete(_) => shorten(""),
            Fold::Map(_, to) if to.len_utf8() <= c.len_utf8() => {
                shorten(to.encode_utf8(&mut [0; 4]))
            }
            Fold::Expand(_, text) => match self.expand(text) {
                expanded if expanded.len() <= c.len_utf8() => shorten(&expanded),
                _ => patch::Outside::General,
            },
            _ => patch::Outside::General,
        }
    }

    /// The rule of a `Delete` or `Replace` entry of the table.
    #[inline(always)]
    fn rule_at(&self, index: usize) -> Rule {
        match self.folds[index] {
            Fold::Delete(rule) | Fold::Map(rule, _) | Fold::Expand(rule, _) => rule,
            Fold::Keep | Fold::FullAlef => Rule::SuperscriptAlef,
        }
    }

    /// Applies the rules to `input`. Returns `false`, with `out` untouched,
    /// when nothing changed; otherwise appends the whole result to `out`.
    pub(crate) fn run<R: Recorder>(&self, input: &str, out: &mut String, recorder: &mut R) -> bool {
        if !R::ENABLED
            && input.len() <= MAX_WORD
            && let Some(changed) = self.run_word(input, out)
        {
            return changed;
        }
        #[cfg(target_arch = "x86_64")]
        if !R::ENABLED
            && input.len() >= MIN_CHUNKED
            && let Some(tables) = &self.chunks
        {
            // SAFETY: `chunks` is only set when the CPU has the
            // features `run_chunked` needs (`patch::available`).
            return unsafe { self.run_chunked(tables, input, out) };
        }
        let mut w = Writer::new(out);
        self.run_from(input, 0, &mut w, recorder);
        if w.changed {
            w.start(input, input.len());
        }
        w.changed
    }

    #[cfg(target_arch = "x86_64")]
    patch::with_chunk_features!(patch::for_chunk_features! {
        /// [`run`](Self::run) 64 bytes at a time (see `patch.rs`): chunks whose
        /// changes are context-free and make nothing longer are written in one
        /// piece, the characters that need more go through
        /// [`one`](Self::one), and the last bytes through the scanner's loop.
        fn run_chunked(&self, tables: &PatchTables, input: &str, out: &mut String) -> bool {
            let bytes = input.as_bytes();
            let mut w = Writer::new(out);
            let mut i = 0;
            while bytes.len() >= i + 65 {
                // `i` is a character boundary with 65 bytes after it.
                let may_change = |at| self.may_change_at(bytes, at);
                let outside = |at| self.outside(input, at);
                match patch::chunk(tables, bytes, i, may_change, outside) {
                    patch::Chunk::Unchanged { width } => {
                        // Once the output has started, an unchanged chunk
                        // among patched ones is written like them, in one
                        // store: deferring it made a `memcpy` call for each
                        // (a tenth of news chunks change nothing, most of
                        // them alone between two that do).
                        if w.changed && w.copied == i {
                            // A pending patch lies at or after `copied` and
                            // before `i`: none can be pending here.
                            debug_assert_eq!(w.n_patches, 0);
                            let unchanged = bytes[i..i + 64].try_into().expect("64 bytes");
                            w.append_patched(input, i, unchanged, width, width);
                        }
                        i += width;
                    }
                    patch::Chunk::Patched { bytes: patched, width, len } => {
                        if w.copied < i || w.n_patches > 0 || !w.changed {
                            w.start(input, i);
                        }
                        w.append_patched(input, i, &patched, width, len);
                        i += width;
                    }
                    patch::Chunk::General { mask, width } => {
                        i = self.candidates(input, i, mask, i + width, i, &mut w, &mut NoRecord);
                    }
                }
            }
            self.run_from(input, i, &mut w, &mut NoRecord);
            if w.changed {
                w.start(input, input.len());
            }
            w.changed
        }
    });

    /// The scanner's loop over `input` from `i`, a character boundary.
    #[inline(always)]
    fn run_from<R: Recorder>(
        &self,
        input: &str,
        mut i: usize,
        w: &mut Writer<'_>,
        recorder: &mut R,
    ) {
        let bytes = input.as_bytes();
        // Each window's candidates are handled before scanning on, so a
        // window is scanned once however many changes it holds.
        while let Some(window) = self.scanner.next_window(bytes, i) {
            i = self.candidates(input, window.base, window.mask, window.end, i, w, recorder);
        }
    }

    /// Handles the candidates of `mask` (bit `k`: the character at `base +
    /// k`) from input position `i` on, in a span that ends at `end`;
    /// returns where to go on, `end` or past it.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn candidates<R: Recorder>(
        &self,
        input: &str,
        base: usize,
        mut mask: u64,
        end: usize,
        mut i: usize,
        w: &mut Writer<'_>,
        recorder: &mut R,
    ) -> usize {
        while mask != 0 {
            let at = base + mask.trailing_zeros() as usize;
            mask &= mask - 1;
            // A candidate before `i` was consumed by the slow path's
            // look-ahead.
            if at >= i {
                i = self.one(input, at, w, recorder);
            }
        }
        i.max(end)
    }

    /// [`run`](Self::run) for a word (the analyzer normalizes one token at a
    /// time, most of them a few letters long), without the set-up of the
    /// general loop: characters are taken one by one and every change is
    /// written at once. Only the table's context-free entries (`Keep`,
    /// `Delete`, `Patch`, `Replace`) are handled here; `None`, with `out`
    /// as it was, when a character needs more (a `Slow` entry, a candidate
    /// outside the Arabic block), and the general loop then runs.
    #[inline]
    fn run_word(&self, input: &str, out: &mut String) -> Option<bool> {
        let bytes = input.as_bytes();
        let out_start = out.len();
        // Input before `copied` is in `out` (once something changed).
        let (mut i, mut copied, mut changed) = (0, 0, false);
        while let Some(&b0) = bytes.get(i) {
            if b0 < 0x80 {
                // No rule changes ASCII.
                i += 1;
                continue;
            }
            // Valid UTF-8: a continuation byte follows a lead byte.
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            if b0.wrapping_sub(0xD8) >= 4 {
                if self.may_change_at(bytes, i) {
                    out.truncate(out_start);
                    return None;
                }
                i += utf8_len(b0);
                continue;
            }
            let index = block_index(b0, b1);
            let quick = self.quick[index];
            if quick != Quick::Keep {
                let to = match (quick, self.folds[index]) {
                    (Quick::Delete, _) => None,
                    (Quick::Patch | Quick::Replace, Fold::Map(_, to)) => Some(to),
                    _ => {
                        out.truncate(out_start);
                        return None;
                    }
                };
                out.push_str(&input[copied..i]);
                if let Some(to) = to {
                    out.push(to);
                }
                copied = i + 2;
                changed = true;
            }
            i += 2;
        }
        if changed {
            out.push_str(&input[copied..]);
        }
        Some(changed)
    }

    /// Handles the candidate at `i`; returns where to go on.
    #[inline(always)]
    fn one<R: Recorder>(
        &self,
        input: &str,
        i: usize,
        w: &mut Writer<'_>,
        recorder: &mut R,
    ) -> usize {
        let bytes = input.as_bytes();
        let b0 = bytes[i];
        if b0.wrapping_sub(0xD8) < 4 {
            let index = block_index(b0, bytes[i + 1]);
            let quick = self.quick[index];
            if quick == Quick::Patch {
                w.patch(input, i, self.patch[index], self.rule_at(index), recorder);
                return i + 2;
            }
            if quick != Quick::Slow {
                let out_start = w.start(input, i);
                if quick == Quick::Replace {
                    w.out.push(self.replacement[index]);
                }
                w.finish(self.rule_at(index), i..i + 2, out_start, recorder);
                return i + 2;
            }
        }
        let c = input[i..].chars().next().expect("candidates start characters");
        self.slow(input, i, c, w, recorder)
    }

    /// Handles one character the table could not; returns where to go on.
    #[cold]
    fn slow<R: Recorder>(
        &self,
        input: &str,
        s: usize,
        c: char,
        w: &mut Writer<'_>,
        recorder: &mut R,
    ) -> usize {
        let e = s + c.len_utf8();
        if self.config.compose
            && is_composing_mark(c)
            && let Some(end) = self.compose_back(input, s, w, recorder)
        {
            return end;
        }
        match self.fold(c) {
            Fold::Keep => {}
            Fold::Delete(rule) => w.replace(input, s..e, "", rule, recorder),
            Fold::Map(rule, to) => {
                w.replace(input, s..e, to.encode_utf8(&mut [0; 4]), rule, recorder)
            }
            Fold::FullAlef if self.follows_alef_maksura(input, s) => {
                w.replace(input, s..e, "", Rule::SuperscriptAlef, recorder)
            }
            Fold::FullAlef => w.replace(
                input,
                s..e,
                ALEF.encode_utf8(&mut [0; 4]),
                Rule::SuperscriptAlef,
                recorder,
            ),
            Fold::Expand(rule, text) => w.replace(input, s..e, &self.expand(text), rule, recorder),
        }
        e
    }

    /// The output of a presentation form's expansion: each character folded.
    fn expand(&self, text: &str) -> String {
        let mut expanded = String::with_capacity(text.len());
        let mut previous = None;
        for x in text.chars() {
            match self.fold(x) {
                Fold::Keep => expanded.push(x),
                Fold::Delete(_) => {}
                Fold::Map(_, to) => expanded.push(to),
                Fold::FullAlef if previous == Some(ALEF_MAKSURA) => {}
                Fold::FullAlef => expanded.push(ALEF),
                // Expansions never hold presentation forms.
                Fold::Expand(..) => expanded.push(x),
            }
            if combining_class(x) == 0 {
                previous = Some(x);
            }
        }
        expanded
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::config::{Digits, Preset, Zwnj};
    use crate::normalize::record::NoRecord;

    /// The output of `run` on `text` after `prefix` already in the buffer,
    /// through the word path (no recorder) or the general loop (a recorder
    /// turns the word path off).
    fn run_both(engine: &Engine, prefix: &str, text: &str) -> [(bool, String); 2] {
        let (mut word, mut general) = (prefix.to_string(), prefix.to_string());
        let word_changed = engine.run(text, &mut word, &mut NoRecord);
        let general_changed = engine.run(text, &mut general, &mut Vec::new());
        [(word_changed, word), (general_changed, general)]
    }

    #[test]
    fn the_cached_folds_are_the_rules_folds() {
        let mut configs: Vec<_> = Preset::ALL.iter().map(|p| p.config()).collect();
        configs.push(NormalizerConfig::none());
        for config in configs {
            let engine = Engine::new(config.clone());
            for c in (0..=0xFFFF).filter_map(char::from_u32) {
                assert_eq!(engine.fold(c), classify(&config, c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn the_word_path_gives_the_general_answers() {
        let engine = Engine::new(Preset::Search.config());
        for text in
            ["كتاب", "أحمد", "مكتبةٌ", "٢٠٢٤", "کتاب", "كِتَابٌ", "ﻻ", "ا\u{0654}", "x\u{200C}y"]
        {
            let [word, general] = run_both(&engine, "..", text);
            assert_eq!(word, general, "{text}");
        }
        // Untouched, changed and general-loop words leave the buffer right.
        assert_eq!(run_both(&engine, "..", "كتاب")[0], (false, "..".to_string()));
        assert_eq!(run_both(&engine, "..", "أحمد")[0], (true, "..احمد".to_string()));
        assert_eq!(run_both(&engine, "..", "ا\u{0654}ب")[0], (true, "..اب".to_string()));
    }

    #[test]
    fn the_chunked_path_gives_the_general_answers() {
        let news = include_str!("../../tests/data/news-ar.txt");
        for preset in Preset::ALL {
            let engine = Engine::new(preset.config());
            let texts = [
                news,
                &news[..201],
                &"كتاب ".repeat(40),
                &"الكتابُ، ".repeat(30),
                // Deletions: harakat, tanween, shadda, sukun, tatweel.
                &"وَقَالَ الْمُعَلِّمُ كِتَابًا جَدِيـــدًا؛ ".repeat(8),
                // Outside the block, removed or shortened: ZWNJ, RLM,
                // presentation forms; Persian digits to ASCII.
                &"می\u{200C}خواهم ۱۲۳ \u{200F}ﺑﺎ ﻻ کتاب‌ها، ".repeat(8),
                // Single letters' presentation forms (written by the chunk
                // path, one followed by a composing hamza), an isolated
                // tanween form, a ligature (the general path's).
                &"ﺍﻟﻤﻤﻠﻜﺔ ﺍﻟﻌﺮﺑﻴﺔ ﺍ\u{0654}ﺣﻤﺪ \u{FE70}ﻻ ".repeat(6),
            ];
            for text in texts {
                let [fast, general] = run_both(&engine, "..", text);
                assert_eq!(fast, general, "{preset:?}");
            }
        }
    }

    #[test]
    fn a_character_outside_the_block_may_end_a_chunk() {
        // Each presentation form of U+FE70..=U+FEFF and a few other
        // characters the chunk path shortens, ending the first chunk
        // exactly; under `display`, U+FE70 ARABIC FATHATAN ISOLATED FORM
        // becomes a space and fathatan, three bytes for three (the
        // fuzzer's finding: a shift by 64).
        let others = ['\u{00AB}', '\u{00AD}', '\u{200F}', '\u{2013}', '\u{FEFF}'];
        let chars = (0xFE70..=0xFEFF).filter_map(char::from_u32).chain(others);
        for preset in Preset::ALL {
            let engine = Engine::new(preset.config());
            for c in chars.clone() {
                let text = "a".repeat(64 - c.len_utf8()) + &c.to_string() + &"كتابة ".repeat(8);
                let [fast, general] = run_both(&engine, "", &text);
                assert_eq!(fast, general, "{preset:?} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn a_chunk_cut_before_a_general_character_is_unchanged_when_its_prefix_is() {
        // Marks that compose with nothing, kept by `display`: the chunk is
        // cut before the first, and nothing changes anywhere.
        let engine = Engine::new(Preset::Display.config());
        let text = "كتاب ".repeat(5) + &"ب\u{0654}".repeat(12) + &"كتاب ".repeat(20);
        let [fast, general] = run_both(&engine, "", &text);
        assert_eq!(fast, general);
        assert!(!fast.0, "unchanged");
    }

    /// Text weighted toward Arabic letters and marks, so that many 64-byte
    /// chunks hold only same-length changes and deletions, with everything
    /// else now and then.
    fn chunky_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let range = |a: u32, b: u32| (a..=b).prop_map(|c| char::from_u32(c).expect("a char"));
        let other = proptest::sample::select(vec![
            ' ', '\n', 'a', '1', '.', '«', '»', '\u{00AD}', '\u{00A0}', 'é', '\u{0301}', '“', '”',
            '–', '\u{200C}', '\u{200D}', '\u{200F}', '\u{2066}', '中', '😀', '\u{FEFB}',
        ]);
        let c = prop_oneof![
            12 => range(0x0621, 0x064A),
            4 => range(0x0640, 0x0652),
            // Composing marks and the superscript alef: context.
            1 => range(0x0653, 0x0655),
            1 => range(0x0670, 0x0670),
            // Digits, separators and punctuation (ASCII under some rules).
            2 => range(0x0660, 0x066D),
            1 => range(0x06F0, 0x06F9),
            1 => proptest::sample::select(vec!['\u{060C}', '\u{061B}', '\u{061F}', '\u{06D4}']),
            2 => range(0x0600, 0x06FF),
            1 => range(0x08A0, 0x08FF),
            1 => range(0xFB50, 0xFEFF),
            4 => other,
        ];
        proptest::collection::vec(c, 40..260).prop_map(|v| v.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn the_chunked_path_gives_the_general_answers_on_any_text(
            preset in proptest::sample::select(Preset::ALL.to_vec()),
            // The switches that make ASCII out of two- and three-byte
            // characters, on or off.
            punctuation in proptest::bool::ANY,
            zwnj_space in proptest::bool::ANY,
            text in chunky_text(),
        ) {
            let mut config = preset.config();
            config.punctuation |= punctuation;
            if zwnj_space {
                config.zwnj = Zwnj::Space;
            }
            let [fast, general] = run_both(&Engine::new(config), "..", &text);
            proptest::prop_assert_eq!(fast, general);
        }

        #[test]
        fn the_word_path_gives_the_general_answers_on_any_word(
            preset in proptest::sample::select(Preset::ALL.to_vec()),
            ascii_digits in proptest::bool::ANY,
            text in "[\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{08A0}-\u{08FF}\u{FB50}-\u{FEFF}\u{200B}-\u{200F}\u{00AD} a1é\u{0301}]{0,24}",
        ) {
            let mut config = preset.config();
            if ascii_digits {
                config.digits = Digits::Ascii;
            }
            let [word, general] = run_both(&Engine::new(config), "..", &text);
            proptest::prop_assert_eq!(word, general);
        }
    }
}
