//! Normalization: the first stage of the pipeline.
//!
//! * [`config`]: the rules as plain data, and the presets;
//! * [`rules`]: what each rule does to one character;
//! * [`uthmani`]: the word-level rules that read Uthmani spelling;
//! * `engine`: the scanning loop that applies the compiled rules, with
//!   canonical composition in `engine::compose`, its output in `writer`
//!   (every unsafe byte write) and its change log in `record`;
//! * `elongation`: the rule that reads runs of letters in the output;
//! * [`report`]: counts, traces and offset maps.
//!
//! The order of application is fixed: the word-level Uthmani rules first
//! (they read the diacritics the other rules strip), then an optional
//! whole-text Unicode form (NFC/NFKC), then a single left-to-right pass in which presentation
//! forms expand, decomposed letters compose with their hamza or madda, and
//! every other rule applies to each character. Every rule's output is
//! already final under the same configuration, which is what makes the
//! normalizer idempotent.

pub mod config;
mod elongation;
mod engine;
pub(crate) mod patch;
mod record;
pub mod report;
pub mod rules;
pub(crate) mod scan;
pub mod uthmani;
mod writer;

use std::borrow::Cow;
use std::sync::Arc;

use crate::simd::SimdLevel;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

use self::config::{NormalizerConfig, Preset, UnicodeForm};
use self::engine::Engine;
use self::record::{Event, NoRecord, Recorder};
use self::report::{OffsetMap, RuleCounts, Trace};
use self::rules::Rule;
use self::uthmani::Orthography;
use crate::error::Error;

/// An Arabic-script normalizer, compiled from a [`NormalizerConfig`].
///
/// Cheap to clone (the compiled tables are shared) and `Send + Sync`, so one
/// normalizer serves every thread. Normalizing never fails and never panics.
///
/// ```
/// use std::borrow::Cow;
/// use sarf::{Normalizer, Preset};
///
/// let search = Normalizer::from_preset(Preset::Search);
/// // Persian keheh and yeh, a hamza seat and a teh marbuta, folded for search:
/// assert_eq!(search.normalize("کوریا الشمالیة"), "كوريا الشماليه");
/// // Text that needs nothing comes back borrowed.
/// assert!(matches!(search.normalize("كوريا"), Cow::Borrowed(_)));
///
/// let nlp = Normalizer::from_preset(Preset::Nlp);
/// assert_eq!(nlp.normalize("إلى المَدرسةِ"), "الى المدرسة");
/// ```
#[derive(Clone, Debug)]
pub struct Normalizer {
    engine: Arc<Engine>,
    /// The word-level Uthmani rules, when the configuration turns any on.
    words: Option<Arc<WordStage>>,
}

/// The word-level rules and the character rules that must run before them.
#[derive(Debug)]
struct WordStage {
    rules: Orthography,
    /// The rules that repair the encoding (presentation forms, invisible
    /// controls, composition, the Unicode form): the word-level rules read
    /// the text as the character rules will leave it.
    repair: Normalizer,
}

impl WordStage {
    fn new(config: &NormalizerConfig) -> Option<WordStage> {
        let rules = Orthography::from_config(config)?;
        let repair = Normalizer::new(NormalizerConfig {
            presentation_forms: config.presentation_forms,
            format_controls: config.format_controls,
            zwnj: config.zwnj,
            compose: config.compose,
            unicode: config.unicode,
            ..NormalizerConfig::none()
        });
        Some(WordStage { rules, repair })
    }

    /// Repairs, word-level rules, then `all`'s character rules, appended to
    /// `out`; `false` when nothing changed. Where the character rules keep
    /// marks the word-level rules read, and a fold brought a mark next to a
    /// new letter (a deleted hamza between a tatweel and its hamza mark),
    /// the three run again on their own output, up to [`MAX_ROUNDS`] times,
    /// so that normalizing twice gives the result of normalizing once.
    fn run<S: Log>(&self, all: &Normalizer, text: &str, out: &mut String, log: &mut S) -> bool {
        let Some((mut current, mut events)) = self.round::<S>(all, text) else {
            return false;
        };
        if !all.config().strips_every_mark_words_read() {
            for _ in 1..MAX_ROUNDS {
                let Some((next, more)) = self.round::<S>(all, &current) else {
                    break;
                };
                current = next;
                events = events.then(more);
            }
        }
        out.push_str(&current);
        *log = std::mem::take(log).then(events);
        true
    }

    /// One round: the text it gives and its changes, or `None` when it
    /// changes nothing.
    fn round<S: Log>(&self, all: &Normalizer, text: &str) -> Option<(String, S)> {
        let (mut repair, mut words, mut characters) = (S::default(), S::default(), S::default());
        let mut repaired = String::new();
        let text1 = if self.repair.run_characters(text, &mut repaired, &mut repair) {
            repaired.as_str()
        } else {
            text
        };
        let mut plain = String::new();
        let text2 =
            if self.rules.apply(text1, &mut plain, &mut words) { plain.as_str() } else { text1 };
        let mut out = String::new();
        if !all.run_characters(text2, &mut out, &mut characters) {
            if text2 == text {
                return None;
            }
            out.push_str(text2);
        }
        Some((out, repair.then(words).then(characters)))
    }
}

/// How many times at most the word stage runs on its own output.
const MAX_ROUNDS: usize = 4;

/// The changes of one stage, which can be followed by the next stage's.
trait Log: Recorder + Default {
    fn then(self, next: Self) -> Self;
}

impl Log for NoRecord {
    fn then(self, _: Self) -> Self {
        NoRecord
    }
}

impl Log for Vec<Event> {
    fn then(self, next: Self) -> Self {
        if self.is_empty() {
            return next;
        }
        compose(self, next)
    }
}

impl Default for Normalizer {
    /// The `search` preset.
    fn default() -> Self {
        Normalizer::from_preset(Preset::Search)
    }
}

impl Normalizer {
    /// Compiles `config`.
    pub fn new(config: NormalizerConfig) -> Normalizer {
        let words = WordStage::new(&config).map(Arc::new);
        Normalizer { engine: Arc::new(Engine::new(config)), words }
    }

    /// Compiles `config` to take SIMD paths up to `level` only (clamped to
    /// what the CPU has), whatever `SARF_SIMD` says: for checking and
    /// measuring each path on one machine. Every level gives the same
    /// output. See [`crate::simd`].
    pub fn with_simd_level(config: NormalizerConfig, level: SimdLevel) -> Normalizer {
        let level = level.min(SimdLevel::detected());
        let words = WordStage::new(&config).map(Arc::new);
        Normalizer { engine: Arc::new(Engine::with_simd(config, level)), words }
    }

    /// The SIMD level this normalizer's paths may use: the CPU's best,
    /// capped by `SARF_SIMD` or [`with_simd_level`](Self::with_simd_level).
    pub fn simd_level(&self) -> SimdLevel {
        self.engine.simd_level()
    }

    /// The normalizer for a named preset.
    pub fn from_preset(preset: Preset) -> Normalizer {
        Normalizer::new(preset.config())
    }

    /// Reads a TOML (or, for `*.json`, JSON) configuration file and compiles it.
    pub fn from_config_file(path: impl AsRef<std::path::Path>) -> Result<Normalizer, Error> {
        NormalizerConfig::from_path(path).map(Normalizer::new)
    }

    /// The configuration this normalizer was built from.
    pub fn config(&self) -> &NormalizerConfig {
        self.engine.config()
    }

    /// Where a line too long for one block may be cut so that the pieces'
    /// normalizations, concatenated, are the whole line's: between words
    /// when word-level rules (the `quran` preset) or `elongation` (which
    /// compares letters after their folds: آأأ is a run) are on, else
    /// between letters too (see [`LineCut`](crate::bulk::LineCut)).
    pub fn line_cut(&self) -> crate::bulk::LineCut {
        if self.words.is_some() || self.config().elongation {
            crate::bulk::LineCut::BeforeWord
        } else {
            crate::bulk::LineCut::BetweenLetters
        }
    }

    /// Normalizes `text`; borrowed when no rule changed anything, otherwise
    /// one allocation.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.normalize_recording(text, &mut NoRecord)
    }

    /// Appends the normalized `text` to `out`, for callers that reuse one
    /// buffer over many strings.
    ///
    /// ```
    /// let normalizer = sarf::Normalizer::default();
    /// let mut buffer = String::new();
    /// for line in ["أهلاً", "وسهلاً"] {
    ///     buffer.clear();
    ///     normalizer.normalize_into(line, &mut buffer);
    ///     assert!(!buffer.contains('\u{064B}'));
    /// }
    /// ```
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        if !self.normalize_into_if_changed(text, out) {
            out.push_str(text);
        }
    }

    /// Appends the normalized `text` to `out` and returns `true` if it
    /// differs from `text`; otherwise leaves `out` as it is and returns
    /// `false`. [`normalize`](Self::normalize) with a buffer of the
    /// caller's.
    pub(crate) fn normalize_into_if_changed(&self, text: &str, out: &mut String) -> bool {
        self.run(text, out, &mut NoRecord)
    }

    /// Like [`normalize`](Self::normalize), adding the number of changes
    /// each rule made to `counts`.
    pub fn normalize_counting<'a>(&self, text: &'a str, counts: &mut RuleCounts) -> Cow<'a, str> {
        self.normalize_recording(text, counts)
    }

    /// Like [`normalize_into`](Self::normalize_into), adding the number of
    /// changes each rule made to `counts`.
    pub fn normalize_into_counting(&self, text: &str, out: &mut String, counts: &mut RuleCounts) {
        if !self.run(text, out, counts) {
            out.push_str(text);
        }
    }

    /// Normalizes `text` and returns the map from offsets in the result back
    /// to offsets in `text`.
    pub fn normalize_with_offsets<'a>(&self, text: &'a str) -> (Cow<'a, str>, OffsetMap) {
        let mut events = Vec::new();
        let normalized = self.normalize_recording(text, &mut events);
        (normalized, OffsetMap::from_events(&events))
    }

    /// Normalizes `text` and reports every change: which rule, which input
    /// bytes, which output bytes.
    ///
    /// ```
    /// use sarf::{Normalizer, Rule};
    ///
    /// let trace = Normalizer::default().trace("کتاب");
    /// assert_eq!(trace.output(), "كتاب");
    /// let change = &trace.changes()[0];
    /// assert_eq!(change.rule, Rule::KafLookalikes);
    /// assert_eq!(change.input, 0..2);
    /// ```
    pub fn trace(&self, text: &str) -> Trace {
        let mut events = Vec::new();
        let output = self.normalize_recording(text, &mut events).into_owned();
        Trace::from_events(output, events)
    }

    fn normalize_recording<'a, R: Recorder>(
        &self,
        text: &'a str,
        recorder: &mut R,
    ) -> Cow<'a, str> {
        let mut out = String::new();
        if self.run(text, &mut out, recorder) { Cow::Owned(out) } else { Cow::Borrowed(text) }
    }

    /// Runs the word-level rules, the optional Unicode form, then the
    /// engine. Returns `false`, leaving `out` untouched, when nothing
    /// changed.
    fn run<R: Recorder>(&self, text: &str, out: &mut String, recorder: &mut R) -> bool {
        if !self.config().elongation {
            return self.run_rules(text, out, recorder);
        }
        // Runs of letters are read on the text the other rules give.
        let start = out.len();
        let mut events = Vec::new();
        let changed = if R::ENABLED {
            self.run_rules(text, out, &mut events)
        } else {
            self.run_rules(text, out, &mut NoRecord)
        };
        let deletions = elongation::runs(if changed { &out[start..] } else { text });
        if deletions.is_empty() {
            for event in events {
                recorder.record(event);
            }
            return changed;
        }
        let mut runs = Vec::new();
        if !changed {
            // The other rules left `text` as it was and `out` untouched:
            // the collapsed text is written there directly.
            elongation::apply(text, &deletions, out, &mut runs);
            for event in runs {
                recorder.record(event);
            }
            return true;
        }
        ELONGATION_SCRATCH.with(|scratch| {
            let mut own = String::new();
            let mut shared = scratch.try_borrow_mut().ok();
            // Re-entered (a recorder normalizing): a buffer of its own.
            let collapsed = shared.as_deref_mut().unwrap_or(&mut own);
            collapsed.clear();
            elongation::apply(&out[start..], &deletions, collapsed, &mut runs);
            if start == 0 {
                // `out` holds nothing else: swapped rather than copied.
                std::mem::swap(out, collapsed);
            } else {
                out.truncate(start);
                out.push_str(collapsed);
            }
        });
        if R::ENABLED {
            for event in events.then(runs) {
                recorder.record(event);
            }
        }
        true
    }

    /// Every rule but `elongation`: the word-level rules (if any), the
    /// optional Unicode form, then the engine.
    fn run_rules<R: Recorder>(&self, text: &str, out: &mut String, recorder: &mut R) -> bool {
        let Some(words) = &self.words else {
            return self.run_characters(text, out, recorder);
        };
        if R::ENABLED {
            let mut events = Vec::new();
            let changed = words.run(self, text, out, &mut events);
            for event in events {
                recorder.record(event);
            }
            changed
        } else {
            words.run(self, text, out, &mut NoRecord)
        }
    }

    /// Runs the optional Unicode form, then the engine. Returns `false`,
    /// leaving `out` untouched, when nothing changed.
    fn run_characters<R: Recorder>(&self, text: &str, out: &mut String, recorder: &mut R) -> bool {
        let form = self.config().unicode;
        if form == UnicodeForm::None {
            return self.engine.run(text, out, recorder);
        }
        // With a Unicode form, changes are collected first: the form may
        // rewrite spans around them.
        let start = out.len();
        let mut events = Vec::new();
        let pre = if is_in_form(form, text) { None } else { Some(apply_form(form, text)) };
        let changed = match pre.as_deref() {
            Some(pre) if pre != text => {
                if !self.engine.run(pre, out, &mut events) {
                    out.push_str(pre);
                }
                if R::ENABLED {
                    events = through_prepass(text, pre, events);
                }
                true
            }
            _ => self.engine.run(text, out, &mut events),
        };
        if changed && !is_in_form(form, &out[start..]) {
            // Deleting a control or mark can bring a base and a mark of
            // another script together (`e`, U+200E, U+0301): the form is
            // applied again so the result is in it. This is rare and is
            // reported coarsely, as one change over the whole text.
            let normalized = apply_form(form, &out[start..]);
            out.truncate(start);
            out.push_str(&normalized);
            for event in &mut events {
                event.output.start = event.output.start.min(normalized.len());
                event.output.end = event.output.end.min(normalized.len());
            }
            events.push(Event {
                rule: Rule::Unicode,
                input: 0..text.len(),
                output: 0..normalized.len(),
            });
        }
        if R::ENABLED {
            for event in events {
                recorder.record(event);
            }
        }
        changed
    }
}

thread_local! {
    /// The buffer the `elongation` rule writes into, kept between calls so
    /// that a long text costs no fresh allocation; it keeps the capacity of
    /// the longest text with a run this thread has normalized.
    static ELONGATION_SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Puts the changes of two passes in one run in terms of the first pass's
/// input and the second pass's output.
fn compose(first: Vec<Event>, second: Vec<Event>) -> Vec<Event> {
    let to_plain = OffsetMap::from_events(&first);
    let to_output = OffsetMap::from_events(&second);
    let mut events: Vec<Event> = first
        .into_iter()
        .map(|e| Event {
            output: to_output.output_offset(e.output.start)..to_output.output_offset(e.output.end),
            ..e
        })
        .chain(
            second.into_iter().map(|e| Event { input: to_plain.input_range(e.input.clone()), ..e }),
        )
        .collect();
    events.sort_by_key(|e| (e.input.start, e.input.end));
    events
}

fn is_in_form(form: UnicodeForm, text: &str) -> bool {
    match form {
        UnicodeForm::None => true,
        UnicodeForm::Nfc => is_nfc_quick(text.chars()) == IsNormalized::Yes,
        UnicodeForm::Nfkc => is_nfkc_quick(text.chars()) == IsNormalized::Yes,
    }
}

fn apply_form(form: UnicodeForm, text: &str) -> String {
    match form {
        UnicodeForm::None => text.to_string(),
        UnicodeForm::Nfc => text.nfc().collect(),
        UnicodeForm::Nfkc => text.nfkc().collect(),
    }
}

/// Maps the engine's `events`, whose input offsets are in `pre` (the text
/// after the whole-text Unicode form), in terms of `original`. The two differ
/// in one middle span; it is reported as a single [`Rule::Unicode`] change,
/// and every engine change overlapping it is reported as covering the whole
/// span, so the offset map stays exact outside it and coarse only within it.
fn through_prepass(original: &str, pre: &str, mut events: Vec<Event>) -> Vec<Event> {
    let mut mapped = Vec::with_capacity(events.len() + 1);
    let prefix = common_prefix(original, pre);
    let suffix = common_suffix(&original[prefix..], &pre[prefix..]);
    let (mut lo, mut hi) = (prefix, pre.len() - suffix);
    events.sort_by_key(|e| e.input.start);
    for _ in 0..2 {
        for e in &events {
            if e.input.start < hi.max(lo + 1) && e.input.end > lo {
                lo = lo.min(e.input.start);
                hi = hi.max(e.input.end);
            }
        }
    }
    // Where `lo` and `hi` land in the output: through the merged spans, as
    // changes may overlap (a composition covers the fold before it).
    let spans = OffsetMap::from_events(&events);
    let (out_lo, out_hi) = (spans.output_offset(lo), spans.output_offset(hi));
    let shift = original.len() as isize - pre.len() as isize;
    let mut unicode = Some(Event {
        rule: Rule::Unicode,
        input: lo..(hi as isize + shift) as usize,
        output: out_lo..out_hi,
    });
    for e in events {
        if e.input.end <= lo {
            mapped.push(e);
        } else if e.input.start < hi {
            // Inside the rewritten span: only the span's edges are known.
            if let Some(u) = unicode.take() {
                mapped.push(u);
            }
            let input = lo..(hi as isize + shift) as usize;
            mapped.push(Event { input, ..e });
        } else {
            if let Some(u) = unicode.take() {
                mapped.push(u);
            }
            let input =
                (e.input.start as isize + shift) as usize..(e.input.end as isize + shift) as usize;
            mapped.push(Event { input, ..e });
        }
    }
    if let Some(u) = unicode {
        mapped.push(u);
    }
    mapped
}

fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn common_suffix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().rev().zip(b.bytes().rev()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(a.len() - n) || !b.is_char_boundary(b.len() - n) {
        n -= 1;
    }
    n
}
