//! The recording protocol: each change a rule makes, as an [`Event`], goes
//! to a [`Recorder`]. The plain `normalize` path records into [`NoRecord`],
//! whose calls compile away; counts, traces and offset maps record into
//! their own types.

use std::ops::Range;

use super::rules::Rule;

/// One change made by a rule: `input` (bytes of the text given to the
/// engine) became `output` (bytes relative to the start of this call's
/// output).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Event {
    pub rule: Rule,
    pub input: Range<usize>,
    pub output: Range<usize>,
}

/// Receives the changes as they happen. The plain `normalize` path uses
/// [`NoRecord`], whose calls compile away.
pub(crate) trait Recorder {
    const ENABLED: bool;
    fn record(&mut self, event: Event);
    /// Takes back the most recently recorded change, which was made by
    /// `rule`: a composition found later rewrites what was already written.
    fn retract(&mut self, rule: Rule);
}

#[derive(Default)]
pub(crate) struct NoRecord;

impl Recorder for NoRecord {
    const ENABLED: bool = false;
    #[inline]
    fn record(&mut self, _: Event) {}
    #[inline]
    fn retract(&mut self, _: Rule) {}
}

impl Recorder for Vec<Event> {
    const ENABLED: bool = true;
    fn record(&mut self, event: Event) {
        self.push(event);
    }
    fn retract(&mut self, rule: Rule) {
        let last = self.pop();
        debug_assert_eq!(last.map(|e| e.rule), Some(rule));
    }
}
