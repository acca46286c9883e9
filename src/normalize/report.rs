//! What the normalizer tells about its work: per-rule counts, a per-change
//! trace, and the map from output offsets back to input offsets.

use std::ops::Range;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::record::{Event, Recorder};
use super::rules::Rule;

/// How many changes each rule made, summed over every call it was passed to.
///
/// ```
/// use sarf::{Normalizer, Rule, RuleCounts};
///
/// let mut counts = RuleCounts::default();
/// Normalizer::default().normalize_counting("مَدْرَسَة", &mut counts);
/// assert_eq!(counts.get(Rule::Diacritics), 4);
/// assert_eq!(counts.get(Rule::TehMarbuta), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleCounts {
    counts: [u64; Rule::ALL.len()],
}

impl RuleCounts {
    /// The number of changes made by `rule`.
    pub fn get(&self, rule: Rule) -> u64 {
        self.counts[rule.index()]
    }

    /// The number of changes made by all rules.
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The rules that changed something, with their counts, in rule order.
    pub fn iter(&self) -> impl Iterator<Item = (Rule, u64)> + '_ {
        Rule::ALL.into_iter().map(|r| (r, self.get(r))).filter(|&(_, n)| n > 0)
    }

    /// Adds `other`'s counts to these (to merge counts from several threads).
    pub fn merge(&mut self, other: &RuleCounts) {
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
    }

    pub(crate) fn add(&mut self, rule: Rule, n: u64) {
        self.counts[rule.index()] += n;
    }
}

impl Serialize for RuleCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (rule, n) in self.iter() {
            map.serialize_entry(rule.name(), &n)?;
        }
        map.end()
    }
}

impl Recorder for RuleCounts {
    const ENABLED: bool = true;
    #[inline]
    fn record(&mut self, event: Event) {
        self.add(event.rule, 1);
    }
    fn retract(&mut self, rule: Rule) {
        self.counts[rule.index()] -= 1;
    }
}

/// One change made by one rule: the bytes `input` of the original text
/// became the bytes `output` of the normalized text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// The rule that made the change.
    pub rule: Rule,
    /// Byte range in the original text.
    pub input: Range<usize>,
    /// Byte range in the normalized text (empty for a deletion).
    pub output: Range<usize>,
}

/// Everything the normalizer did to one string: see
/// [`Normalizer::trace`](crate::Normalizer::trace).
#[derive(Clone, Debug)]
pub struct Trace {
    pub(crate) output: String,
    pub(crate) changes: Vec<Change>,
    pub(crate) offsets: OffsetMap,
}

impl Trace {
    /// The normalized text.
    pub fn output(&self) -> &str {
        &self.output
    }

    /// The changes, in the order the normalizer made them (by input
    /// position, except that a composition is reported after the marks it
    /// looked through).
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The offset map from the output back to the input.
    pub fn offsets(&self) -> &OffsetMap {
        &self.offsets
    }

    /// The counts of the changes per rule.
    pub fn counts(&self) -> RuleCounts {
        let mut counts = RuleCounts::default();
        for change in &self.changes {
            counts.add(change.rule, 1);
        }
        counts
    }
}

/// A replaced span: `input` became `output`; everything between spans is
/// copied unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    in_start: usize,
    in_end: usize,
    out_start: usize,
    out_end: usize,
}

/// Maps byte offsets in normalized text back to byte offsets in the original,
/// so that a search engine can highlight the text the user actually has.
///
/// Offsets inside unchanged runs map exactly. A position inside a replaced
/// span maps to the span's start (for a range start) or end (for a range
/// end), so a mapped range always covers whole original characters; marks
/// and controls deleted right after a range's end are included in it.
///
/// ```
/// use sarf::Normalizer;
///
/// let original = "ٱلْكِتَابُ جَمِيلٌ";
/// let (normalized, map) = Normalizer::default().normalize_with_offsets(original);
/// assert_eq!(normalized, "الكتاب جميل");
/// let word = normalized.find("جميل").unwrap();
/// let range = map.input_range(word..word + "جميل".len());
/// assert_eq!(&original[range], "جَمِيلٌ");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    spans: Vec<Span>,
}

impl OffsetMap {
    /// The input offset where output offset `at` starts.
    pub fn input_offset(&self, at: usize) -> usize {
        let k = self.spans.partition_point(|s| s.out_start <= at);
        match k.checked_sub(1).map(|k| self.spans[k]) {
            None => at,
            Some(span) if at < span.out_end => span.in_start,
            Some(span) => span.in_end + (at - span.out_end),
        }
    }

    /// The input offset where an output range ending at `at` ends.
    pub fn input_end_offset(&self, at: usize) -> usize {
        let k = self.spans.partition_point(|s| s.out_start < at);
        // A deletion right at `at` belongs to the text before it.
        if let Some(next) = self.spans.get(k)
            && next.out_start == at
            && next.out_end == at
        {
            return next.in_end;
        }
        match k.checked_sub(1).map(|k| self.spans[k]) {
            None => at,
            Some(span) if at <= span.out_end => span.in_end,
            Some(span) => span.in_end + (at - span.out_end),
        }
    }

    /// The input range that produced the output range `output`.
    pub fn input_range(&self, output: Range<usize>) -> Range<usize> {
        let start = self.input_offset(output.start);
        let end = self.input_end_offset(output.end).max(start);
        start..end
    }

    /// The output offset of input offset `at`, which must not lie strictly
    /// inside a replaced span (one inside maps to the span's end).
    pub(crate) fn output_offset(&self, at: usize) -> usize {
        let k = self.spans.partition_point(|s| s.in_start < at);
        match k.checked_sub(1).map(|k| self.spans[k]) {
            None => at,
            Some(span) if at <= span.in_end => span.out_end,
            Some(span) => span.out_end + (at - span.in_end),
        }
    }

    /// Whether the output is a byte-for-byte copy of the input.
    pub fn is_identity(&self) -> bool {
        self.spans.is_empty()
    }

    /// Adds a change; changes arrive in input order, except that one may
    /// start before the previous ones (a composition), in which case they
    /// are merged into one span.
    pub(crate) fn push(&mut self, input: Range<usize>, output: Range<usize>) {
        let mut span = Span {
            in_start: input.start,
            in_end: input.end,
            out_start: output.start,
            out_end: output.end,
        };
        while let Some(last) = self.spans.last().copied() {
            let overlaps = span.in_start < last.in_end || span.in_start <= last.in_start;
            let touches_deletion = span.in_start == last.in_end
                && (span.out_start == span.out_end || last.out_start == last.out_end);
            if !(overlaps || touches_deletion) {
                break;
            }
            self.spans.pop();
            span = Span {
                in_start: span.in_start.min(last.in_start),
                in_end: span.in_end.max(last.in_end),
                out_start: span.out_start.min(last.out_start),
                out_end: span.out_end.max(last.out_end),
            };
        }
        self.spans.push(span);
    }
}

impl OffsetMap {
    /// The map for the changes the engine reported.
    pub(crate) fn from_events(events: &[Event]) -> OffsetMap {
        let mut map = OffsetMap::default();
        for event in events {
            map.push(event.input.clone(), event.output.clone());
        }
        map
    }
}

impl Trace {
    pub(crate) fn from_events(output: String, events: Vec<Event>) -> Trace {
        let offsets = OffsetMap::from_events(&events);
        let changes = events
            .into_iter()
            .map(|e| Change { rule: e.rule, input: e.input, output: e.output })
            .collect();
        Trace { output, changes, offsets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(spans: &[(Range<usize>, Range<usize>)]) -> OffsetMap {
        let mut map = OffsetMap::default();
        for (i, o) in spans {
            map.push(i.clone(), o.clone());
        }
        map
    }

    #[test]
    fn identity_outside_spans() {
        let m = map(&[(4..6, 4..4)]);
        assert_eq!(m.input_offset(0), 0);
        assert_eq!(m.input_offset(3), 3);
        assert_eq!(m.input_offset(4), 6, "a start skips the deleted bytes");
        assert_eq!(m.input_end_offset(4), 6, "an end takes the deleted bytes with it");
        assert_eq!(m.input_offset(5), 7);
    }

    #[test]
    fn inside_a_replacement_maps_to_its_edges() {
        // 6 input bytes became 2 output bytes at 10..12.
        let m = map(&[(10..16, 10..12)]);
        assert_eq!(m.input_offset(11), 10);
        assert_eq!(m.input_end_offset(11), 16);
        assert_eq!(m.input_range(10..12), 10..16);
        assert_eq!(m.input_offset(12), 16);
    }

    #[test]
    fn overlapping_changes_merge() {
        let m = map(&[(0..2, 0..2), (2..4, 2..2), (0..6, 0..2)]);
        assert_eq!(m.spans.len(), 1);
        assert_eq!(m.input_range(0..2), 0..6);
    }

    #[test]
    fn adjacent_replacements_stay_apart() {
        let m = map(&[(0..2, 0..2), (2..4, 2..4)]);
        assert_eq!(m.spans.len(), 2);
        assert_eq!(m.input_offset(2), 2);
    }
}
