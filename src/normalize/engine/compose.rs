//! Canonical composition and the superscript alef after alef maksura: the
//! two places where context enters the engine. A composing mark
//! (U+0653..=U+0655) looks back over the marks and deleted characters of its
//! cluster to the base letter, and the output written since the base is
//! taken back and rebuilt (see the engine's module docs).

use std::ops::Range;

use super::*;

/// The outcome of walking a cluster.
pub(super) struct Cluster {
    /// Where the cluster ends in the input.
    end: usize,
    /// Whether any mark composed with the base.
    composed: bool,
    /// The base letter after every composition and fold.
    base: char,
}

/// A step of a composition cluster, as [`Engine::walk_cluster`] sees it.
pub(super) enum Step {
    /// A combining mark composed with the base; `fold` is the rule that then
    /// changed the composed letter, if any.
    Compose { mark_end: usize, fold: Option<Rule> },
    /// A character removed by `rule`.
    Delete { input: Range<usize>, rule: Rule },
    /// A combining mark kept (possibly replaced, under `rule`).
    Retain { input: Range<usize>, output: char, rule: Option<Rule> },
    /// A presentation form written as the combining marks `text`.
    RetainText { input: Range<usize>, text: String },
}

/// What the main loop wrote for one starter: `head` then `base`.
pub(super) struct ItemOutput {
    /// Output before the base letter (from an expansion).
    head: String,
    /// The letter before folding: composition tries it first, so that
    /// U+06C1 U+0654 composes to U+06C2 before heh folding.
    raw: char,
    /// The letter as written.
    base: char,
    /// Combining marks written after the base (from an expansion).
    tail: String,
    rule: Option<Rule>,
}

impl ItemOutput {
    fn len(&self) -> usize {
        self.head.len() + self.base.len_utf8() + self.tail.len()
    }
}

impl Engine {
    /// Whether the superscript alef at `at` sits on an alef maksura (looking
    /// back over marks and deleted characters).
    pub(super) fn follows_alef_maksura(&self, input: &str, at: usize) -> bool {
        for c in input[..at].chars().rev().take(MAX_RETAINED_MARKS + 2) {
            if combining_class(c) != 0 || matches!(self.fold(c), Fold::Delete(_)) {
                continue;
            }
            return c == ALEF_MAKSURA
                || presentation_form(c).is_some_and(|text| text.ends_with(ALEF_MAKSURA));
        }
        false
    }

    /// How `c` at `at` takes part in a composition cluster.
    pub(super) fn member(&self, input: &str, at: usize, c: char) -> Member {
        match self.fold(c) {
            Fold::Delete(rule) => Member::Deleted(rule),
            Fold::Keep if combining_class(c) != 0 => Member::Mark(c, None),
            Fold::Map(rule, to) if combining_class(to) != 0 => Member::Mark(to, Some(rule)),
            Fold::FullAlef if self.follows_alef_maksura(input, at) => {
                Member::Deleted(Rule::SuperscriptAlef)
            }
            Fold::Expand(_, text) => {
                let expanded = self.expand(text);
                if expanded.chars().all(|x| combining_class(x) != 0) {
                    Member::Marks(expanded)
                } else {
                    Member::Starter
                }
            }
            _ => Member::Starter,
        }
    }

    /// What the main loop wrote for the starter `c` at `at`, split around
    /// its last starter, if that is a letter composition could extend.
    pub(super) fn item_output(&self, input: &str, at: usize, c: char) -> Option<ItemOutput> {
        let (head, raw, base, tail, rule) = match self.fold(c) {
            Fold::Keep => (String::new(), c, c, String::new(), None),
            Fold::Map(rule, to) => (String::new(), c, to, String::new(), Some(rule)),
            Fold::FullAlef if self.follows_alef_maksura(input, at) => return None,
            Fold::FullAlef => {
                (String::new(), ALEF, ALEF, String::new(), Some(Rule::SuperscriptAlef))
            }
            Fold::Expand(rule, text) => {
                let mut head = self.expand(text);
                let split = head.char_indices().rev().find(|&(_, x)| combining_class(x) == 0)?.0;
                let tail = head.split_off(split);
                let mut rest = tail.chars();
                let base = rest.next()?;
                let tail = rest.as_str().to_string();
                // The same letter before folding: the last starter of the
                // expansion that is not deleted.
                let raw = text.chars().rev().find(|&x| {
                    combining_class(x) == 0 && !matches!(self.fold(x), Fold::Delete(_))
                })?;
                (head, raw, base, tail, Some(rule))
            }
            Fold::Delete(_) => return None,
        };
        (is_compose_base(raw) || is_compose_base(base)).then_some(ItemOutput {
            head,
            raw,
            base,
            tail,
            rule,
        })
    }

    /// Called at a composing mark at `m`: if it belongs to the cluster of a
    /// base that it composes with, takes back the output written since that
    /// base, rebuilds the whole cluster, and returns where it ends.
    pub(super) fn compose_back<R: Recorder>(
        &self,
        input: &str,
        m: usize,
        w: &mut Writer<'_>,
        recorder: &mut R,
    ) -> Option<usize> {
        let floor = w.floor;
        if m < floor {
            // Inside a cluster already walked, in which nothing composed.
            return None;
        }
        // The base: the nearest character before `m` that is not a deleted
        // character or a kept combining mark.
        let mut retained = 0;
        let mut starter = None;
        for (offset, c) in input[floor..m].char_indices().rev() {
            match self.member(input, floor + offset, c) {
                Member::Deleted(_) => {}
                Member::Mark(..) => retained += 1,
                Member::Marks(text) => retained += text.chars().count(),
                Member::Starter => {
                    starter = Some((floor + offset, c));
                    break;
                }
            }
            if retained > MAX_RETAINED_MARKS {
                break;
            }
        }
        let Some((s0, c0)) = starter else {
            w.floor = m;
            return None;
        };
        let e0 = s0 + c0.len_utf8();
        let Some(item) = self.item_output(input, s0, c0) else {
            w.floor = m;
            return None;
        };
        let cluster = self.walk_cluster(input, e0, &item, |_| {});
        w.floor = cluster.end;
        if !cluster.composed {
            return None;
        }
        // Take back what was written for s0..m, newest first, as the
        // recorder holds it.
        w.start(input, m);
        let mut written = item.len();
        for (offset, c) in input[e0..m].char_indices().rev() {
            match self.member(input, e0 + offset, c) {
                Member::Deleted(rule) => recorder.retract(rule),
                Member::Mark(output, rule) => {
                    written += output.len_utf8();
                    if let Some(rule) = rule {
                        recorder.retract(rule);
                    }
                }
                Member::Marks(text) => {
                    written += text.len();
                    recorder.retract(Rule::PresentationForms);
                }
                Member::Starter => unreachable!("the look-back stopped at the first starter"),
            }
        }
        if let Some(rule) = item.rule {
            recorder.retract(rule);
        }
        let keep = w.out.len() - written;
        w.out.truncate(keep);
        w.copied = s0;
        Some(self.emit_cluster(input, s0..e0, item, w, recorder))
    }

    /// Writes the composed cluster that starts with `item` at input `span`.
    pub(super) fn emit_cluster<R: Recorder>(
        &self,
        input: &str,
        span: Range<usize>,
        item: ItemOutput,
        w: &mut Writer<'_>,
        recorder: &mut R,
    ) -> usize {
        if !R::ENABLED {
            // Only the output: the kept marks' text, not a step per mark
            // (a run of tens of thousands of marks would take megabytes).
            let mut marks = String::new();
            let cluster = self.walk_cluster(input, span.end, &item, |step| match step {
                Step::Retain { output, .. } => marks.push(output),
                Step::RetainText { text, .. } => marks.push_str(&text),
                Step::Compose { .. } | Step::Delete { .. } => {}
            });
            w.start(input, span.start);
            w.out.push_str(&item.head);
            w.out.push(cluster.base);
            w.out.push_str(&item.tail);
            w.out.push_str(&marks);
            w.copied = cluster.end;
            return cluster.end;
        }
        let mut steps = Vec::new();
        let cluster = self.walk_cluster(input, span.end, &item, |step| steps.push(step));
        let out_start = w.start(input, span.start);
        w.out.push_str(&item.head);
        w.out.push(cluster.base);
        w.out.push_str(&item.tail);
        let head_len = item.head.len() + cluster.base.len_utf8() + item.tail.len();
        let mut events = Vec::new();
        if let Some(rule) = item.rule {
            events.push(Event { rule, input: span.clone(), output: 0..head_len });
        }
        let mut marks_len = 0;
        for step in steps {
            let at = head_len + marks_len;
            match step {
                Step::Compose { mark_end, fold } => {
                    let output = 0..at;
                    let input = span.start..mark_end;
                    events.push(Event {
                        rule: Rule::Compose,
                        input: input.clone(),
                        output: output.clone(),
                    });
                    if let Some(rule) = fold {
                        events.push(Event { rule, input, output });
                    }
                }
                Step::Delete { input, rule } => events.push(Event { rule, input, output: at..at }),
                Step::Retain { input, output, rule } => {
                    w.out.push(output);
                    marks_len += output.len_utf8();
                    if let Some(rule) = rule {
                        events.push(Event { rule, input, output: at..head_len + marks_len });
                    }
                }
                Step::RetainText { input, text } => {
                    w.out.push_str(&text);
                    marks_len += text.len();
                    let rule = Rule::PresentationForms;
                    events.push(Event { rule, input, output: at..head_len + marks_len });
                }
            }
        }
        w.copied = cluster.end;
        for mut event in events {
            event.output = out_start + event.output.start..out_start + event.output.end;
            recorder.record(event);
        }
        cluster.end
    }

    /// Walks the cluster that follows `item` at `from`: deleted characters
    /// and combining marks, up to the next kept starter or the
    /// [`MAX_RETAINED_MARKS`]th kept mark.
    pub(super) fn walk_cluster(
        &self,
        input: &str,
        from: usize,
        item: &ItemOutput,
        mut visit: impl FnMut(Step),
    ) -> Cluster {
        let (mut raw, mut base) = (item.raw, item.base);
        let mut composed = false;
        let mut kept = KeptMarks::default();
        for mark in item.tail.chars() {
            kept.keep(mark);
        }
        let mut end = input.len();
        for (offset, c) in input[from..].char_indices() {
            let start = from + offset;
            let stop = start + c.len_utf8();
            if is_composing_mark(c) {
                let class = combining_class(c);
                let blocked = if class == 230 { kept.above } else { kept.below };
                let letter = compose(raw, c).or_else(|| compose(base, c));
                if let (false, Some(letter)) = (blocked, letter) {
                    let (folded, fold) = match self.fold(letter) {
                        Fold::Map(rule, to) => (to, Some(rule)),
                        _ => (letter, None),
                    };
                    raw = letter;
                    base = folded;
                    composed = true;
                    visit(Step::Compose { mark_end: stop, fold });
                    continue;
                }
            }
            match self.member(input, start, c) {
                Member::Deleted(rule) => visit(Step::Delete { input: start..stop, rule }),
                Member::Mark(output, rule) if kept.count < MAX_RETAINED_MARKS => {
                    kept.keep(output);
                    visit(Step::Retain { input: start..stop, output, rule });
                }
                Member::Marks(text) if kept.count + text.chars().count() <= MAX_RETAINED_MARKS => {
                    for mark in text.chars() {
                        kept.keep(mark);
                    }
                    visit(Step::RetainText { input: start..stop, text });
                }
                _ => {
                    end = start;
                    break;
                }
            }
        }
        Cluster { end, composed, base }
    }
}

/// The combining marks kept so far in a cluster. A kept mark blocks a later
/// composing mark of the same combining class (after canonical reordering,
/// it stands between that mark and the base).
#[derive(Default)]
pub(super) struct KeptMarks {
    count: usize,
    /// A kept mark of class 230 (above).
    above: bool,
    /// A kept mark of class 220 (below).
    below: bool,
}

impl KeptMarks {
    fn keep(&mut self, mark: char) {
        let class = combining_class(mark);
        self.count += 1;
        self.above |= class == 230;
        self.below |= class == 220;
    }
}

/// How a character takes part in a composition cluster.
pub(super) enum Member {
    /// Removed by a rule: transparent.
    Deleted(Rule),
    /// A kept combining mark, written as the char (changed by the rule, if any).
    Mark(char, Option<Rule>),
    /// A presentation form that expands to combining marks only (such as
    /// U+FE71 ARABIC TATWEEL WITH FATHATAN ABOVE once its tatweel is
    /// deleted): the marks join the cluster.
    Marks(String),
    /// Anything else ends a cluster (or is its base).
    Starter,
}
