//! The whole pipeline on raw text: tokenize, normalize, stem, in one pass
//! that keeps each token's place in the original.
//!
//! Raw text is tokenized first and each token normalized on its own, so a
//! token's offsets are exact in the original text with no offset map to
//! consult, and unchanged tokens are never copied. (Normalization rules only
//! look inside a word, so this gives the same tokens as normalizing the
//! whole text first, except that a ZWNJ turned into a space splits the
//! token it was in; both halves then carry the whole token's offsets.)

use std::borrow::Cow;

pub(crate) mod memo;

use crate::stem::{Decision, Stemmer};
use crate::tokenize::{Token, TokenKind, Tokens, tokenize};
use crate::{Normalizer, Preset};

/// One analyzed token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalyzedToken<'a> {
    /// The token as written in the original text.
    pub surface: &'a str,
    /// Byte offset of the token in the original text.
    pub start: usize,
    /// Byte offset just past the token in the original text.
    pub end: usize,
    /// The normalized token.
    pub normalized: Cow<'a, str>,
    /// The stem (Arabic tokens) or the normalized token (numbers, other
    /// scripts).
    pub stem: Cow<'a, str>,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Whether the stemmer's lexicon lists it as a stopword.
    pub stopword: bool,
}

/// One analyzed token, lent by [`Analyzer::for_each_token_ref`] for the
/// length of a call: its strings borrow from the text or from the
/// analyzer's scratch space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenRef<'t> {
    /// The token as written in the original text.
    pub surface: &'t str,
    /// Byte offset of the token in the original text.
    pub start: usize,
    /// Byte offset just past the token in the original text.
    pub end: usize,
    /// The normalized token.
    pub normalized: &'t str,
    /// The stem (Arabic tokens) or the normalized token (numbers, other
    /// scripts).
    pub stem: &'t str,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Whether the stemmer's lexicon lists it as a stopword.
    pub stopword: bool,
}

/// Tokenizer, normalizer and stemmer together.
///
/// Repeated tokens are answered from a per-thread memo keyed by the token
/// as written (by default 12 MiB per thread that analyzes, see
/// [`set_memo_bytes`](crate::set_memo_bytes); allocated on first use).
/// Analyzers of the same settings share their answers, so one made per
/// request or per task starts from what the others remembered on that
/// thread; others see only their own. A memoized answer is exactly the
/// computed one. For callers that copy each token's
/// strings somewhere of their own, [`for_each_token_ref`](Self::for_each_token_ref)
/// allocates nothing for remembered tokens.
///
/// ```
/// use sarf::Analyzer;
///
/// let text = "وأكدت الحكومةُ أنّ المدارسَ ستفتح";
/// let analyzer = Analyzer::default();
/// let stems: Vec<String> = analyzer.analyze(text).into_iter().map(|t| t.stem.into_owned()).collect();
/// // أن is a stopword: kept as written (or dropped with `drop_stopwords`).
/// assert_eq!(stems, ["اكد", "حكومه", "ان", "مدرسه", "فتح"]);
/// let tokens = analyzer.analyze(text);
/// assert_eq!(&text[tokens[1].start..tokens[1].end], "الحكومةُ");
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    normalizer: Normalizer,
    stemmer: Stemmer,
    drop_stopwords: bool,
    stemming: bool,
    /// Whether the normalizer writes the stemmer's key form (it is the
    /// `search` preset), so tokens need no second normalization.
    key_form: bool,
    /// Identifies this analyzer's answers in the per-thread memo; a change
    /// of settings that changes answers takes a new one.
    id: u64,
}

impl Default for Analyzer {
    /// The `search` normalizer and the default (lexicon) stemmer, keeping
    /// stopwords.
    fn default() -> Self {
        Analyzer::new(Normalizer::from_preset(Preset::Search), Stemmer::default())
    }
}

impl Analyzer {
    /// An analyzer from its parts; stopwords are kept.
    pub fn new(normalizer: Normalizer, stemmer: Stemmer) -> Analyzer {
        let key_form = normalizer.config() == &Preset::Search.config();
        let id = memo::owner(normalizer.config(), &stemmer, true);
        Analyzer { normalizer, stemmer, drop_stopwords: false, stemming: true, key_form, id }
    }

    /// Turns stemming off (`false`) or on (the default). Without it, each
    /// token's `stem` is its normalized form; the stemmer's lexicons still
    /// tell stopwords.
    pub fn stemming(mut self, yes: bool) -> Analyzer {
        self.stemming = yes;
        self.id = memo::owner(self.normalizer.config(), &self.stemmer, yes);
        self
    }

    /// Drops stopwords from the output. Default: `false`.
    pub fn drop_stopwords(mut self, yes: bool) -> Analyzer {
        self.drop_stopwords = yes;
        self
    }

    /// The normalizer.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// The stemmer.
    pub fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// Analyzes `text` into its tokens, in order.
    pub fn analyze<'a>(&self, text: &'a str) -> Vec<AnalyzedToken<'a>> {
        // Arabic prose averages over ten bytes a token (space included):
        // room for one every eight bytes spares most regrowth.
        let mut tokens = Vec::with_capacity(text.len() / 8 + 1);
        self.analyze_into(text, &mut tokens);
        tokens
    }

    /// Appends the tokens of `text` to `out`.
    pub fn analyze_into<'a>(&self, text: &'a str, out: &mut Vec<AnalyzedToken<'a>>) {
        self.for_each_token(text, |token| out.push(token));
    }

    /// Calls `f` with each token of `text`, in order, allocating nothing
    /// for tokens that normalization and stemming leave borrowed.
    pub fn for_each_token<'a>(&self, text: &'a str, mut f: impl FnMut(AnalyzedToken<'a>)) {
        // A string of the token that lies in `text` is borrowed from it;
        // any other (changed by normalization or stemming) is copied.
        let keep = |s: &str| match memo::slice_range(text, s) {
            Some(range) => Cow::Borrowed(&text[range]),
            None => Cow::Owned(s.to_string()),
        };
        self.for_each_token_ref(text, |t| {
            f(AnalyzedToken {
                surface: &text[t.start..t.end],
                start: t.start,
                end: t.end,
                normalized: keep(t.normalized),
                stem: keep(t.stem),
                kind: t.kind,
                stopword: t.stopword,
            })
        });
    }

    /// Calls `f` with each token of `text`, in order, lent for the call:
    /// the normalized form and the stem borrow from `text` or from the
    /// analyzer's scratch space, so nothing is allocated for a token the
    /// analyzer has seen before. For callers that copy the strings
    /// somewhere of their own (an index, an output buffer).
    ///
    /// ```
    /// use sarf::Analyzer;
    ///
    /// let mut line = String::new();
    /// Analyzer::default().for_each_token_ref("المكتبةُ الجديدة", |t| {
    ///     line.push_str(t.stem);
    ///     line.push(' ');
    /// });
    /// assert_eq!(line, "مكتبه جديد ");
    /// ```
    pub fn for_each_token_ref(&self, text: &str, mut f: impl FnMut(&TokenRef<'_>)) {
        let mut cursor = Cursor::new(text);
        while cursor.step(self, &mut f) {}
    }

    /// Analyzes one token of the original text, whose memo key is `key`,
    /// normalizing it into `scratch` if the memo does not know it.
    #[inline]
    fn analyze_token(
        &self,
        token: Token<'_>,
        key: u64,
        scratch: &mut String,
        f: &mut impl FnMut(&TokenRef<'_>),
    ) {
        let recalled = memo::recall(self.id, token.text, key, |r| {
            self.emit(f, token, r.normalized, r.kind, r.stem, r.stopword);
        });
        if recalled.is_some() {
            return;
        }
        scratch.clear();
        if !self.normalizer.normalize_into_if_changed(token.text, scratch) {
            // The usual case: one token, borrowed all the way.
            let normalized = token.text;
            let (stem, stopword) = self.stem(normalized, token.kind);
            self.remember(token.text, key, normalized, &stem, token.kind, stopword);
            self.emit(f, token, normalized, token.kind, &stem, stopword);
        } else {
            // Normalization may split the token (a ZWNJ made a space).
            let mut parts = tokenize(scratch);
            let first = parts.next();
            let only = first.filter(|_| parts.clone().next().is_none());
            for part in first.into_iter().chain(parts) {
                let (stem, stopword) = self.stem(part.text, part.kind);
                if only.is_some() {
                    self.remember(token.text, key, part.text, &stem, part.kind, stopword);
                }
                self.emit(f, token, part.text, part.kind, &stem, stopword);
            }
        }
    }

    /// The stem of a normalized token and whether it is a stopword.
    fn stem<'n>(&self, normalized: &'n str, kind: TokenKind) -> (Cow<'n, str>, bool) {
        if kind != TokenKind::Arabic {
            return (Cow::Borrowed(normalized), false);
        }
        if !self.stemming {
            return (
                Cow::Borrowed(normalized),
                self.stemmer.is_stopword_in(normalized, self.key_form),
            );
        }
        let analysis = self.stemmer.analyze_in(normalized, self.key_form, false);
        // The Lucene stemmer stems stopwords too (Lucene's analyzer drops
        // them before stemming), so they are looked up here.
        let stopword = match analysis.decision {
            Decision::Lucene => self.stemmer.is_stopword_in(normalized, self.key_form),
            _ => analysis.stopword,
        };
        (analysis.stem, stopword)
    }

    fn remember(
        &self,
        surface: &str,
        key: u64,
        normalized: &str,
        stem: &str,
        kind: TokenKind,
        stopword: bool,
    ) {
        memo::put(self.id, key, &memo::Record { surface, normalized, stem, kind, stopword });
    }

    /// Hands one token to `f`, unless it is a stopword to drop.
    fn emit(
        &self,
        f: &mut impl FnMut(&TokenRef<'_>),
        token: Token<'_>,
        normalized: &str,
        kind: TokenKind,
        stem: &str,
        stopword: bool,
    ) {
        if stopword && self.drop_stopwords {
            return;
        }
        f(&TokenRef {
            surface: token.text,
            start: token.start,
            end: token.end,
            normalized,
            stem,
            kind,
            stopword,
        });
    }
}

/// How many tokens go through the memo at a time: the memo lines of a
/// batch are loaded together (see `memo::touch`).
const BATCH: usize = 16;

/// The analysis of a text one token of the original at a time, for
/// callers that pull tokens (the tantivy token stream) rather than take
/// them in a visitor: [`Analyzer::for_each_token_ref`] is a loop over
/// [`step`](Self::step).
pub(crate) struct Cursor<'t> {
    tokens: Tokens<'t>,
    /// The current batch: its tokens, their memo keys, how many there
    /// are and the index of the next one.
    batch: [Token<'t>; BATCH],
    keys: [u64; BATCH],
    len: usize,
    next: usize,
    /// Where tokens the memo does not know are normalized, reused.
    scratch: String,
}

impl<'t> Cursor<'t> {
    pub(crate) fn new(text: &'t str) -> Cursor<'t> {
        let none = Token { text: "", start: 0, end: 0, kind: TokenKind::Other };
        Cursor {
            tokens: tokenize(text),
            batch: [none; BATCH],
            keys: [0; BATCH],
            len: 0,
            next: 0,
            scratch: String::new(),
        }
    }

    /// Analyzes the next token of the text with `analyzer`, calling `f`
    /// with what it gives: one analyzed token, none for a stopword the
    /// analyzer drops, several when normalization splits it (a ZWNJ made a
    /// space). `false` when no token is left.
    #[inline]
    pub(crate) fn step(&mut self, analyzer: &Analyzer, f: &mut impl FnMut(&TokenRef<'_>)) -> bool {
        if self.next == self.len {
            self.len = 0;
            for token in self.tokens.by_ref().take(BATCH) {
                (self.batch[self.len], self.keys[self.len]) = (token, memo::key(token.text));
                self.len += 1;
            }
            self.next = 0;
            if self.len == 0 {
                return false;
            }
            memo::touch(&self.keys[..self.len]);
        }
        let (token, key) = (self.batch[self.next], self.keys[self.next]);
        self.next += 1;
        analyzer.analyze_token(token, key, &mut self.scratch, f);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visitor_may_analyze_text_itself() {
        let analyzer = Analyzer::default();
        let text = "والكتاب المدرسي، الكتاب";
        let expected = analyzer.analyze(text);
        // Twice, so that the outer pass runs from the memo too.
        for _ in 0..2 {
            let mut seen = Vec::new();
            analyzer.for_each_token_ref(text, |token| {
                let inner = analyzer.analyze(token.surface);
                assert_eq!(inner.len(), 1);
                assert_eq!(
                    (&*inner[0].normalized, &*inner[0].stem),
                    (token.normalized, token.stem)
                );
                seen.push(token.stem.to_string());
            });
            let stems: Vec<String> = expected.iter().map(|t| t.stem.to_string()).collect();
            assert_eq!(seen, stems);
        }
    }

    #[test]
    fn analyzers_of_the_same_settings_share_their_memo_entries_and_no_others() {
        use crate::stem::{StemMode, StemmerConfig};
        let made = || Analyzer::default();
        assert_eq!(made().id, made().id, "one per request: the same entries");
        assert_eq!(made().id, made().drop_stopwords(true).id, "dropping is after the memo");
        let nlp = Analyzer::new(Normalizer::from_preset(Preset::Nlp), Stemmer::default());
        let light = Analyzer::new(Normalizer::default(), Stemmer::with_mode(StemMode::Light));
        let unstemmed = made().stemming(false);
        let ids = [made().id, nlp.id, light.id, unstemmed.id];
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                assert_ne!(a, b, "settings that change answers change the identity");
            }
        }
        assert_eq!(unstemmed.stemming(true).id, made().id);
        // Lexicons loaded from files may differ from any others.
        let dir = tempfile::tempdir().unwrap();
        let stems = dir.path().join("stems.txt");
        std::fs::write(&stems, "كتاب\n").unwrap();
        let config = StemmerConfig {
            lexicons: crate::LexiconFiles { stems: Some(stems), ..Default::default() },
            ..StemmerConfig::default()
        };
        let loaded = || Analyzer::new(Normalizer::default(), Stemmer::new(config.clone()).unwrap());
        assert_ne!(loaded().id, loaded().id);
        assert_ne!(loaded().id, made().id);
        // Alternating on one thread, each gives its own answers.
        let text = "والكتابان المدرسيان كانت";
        let expected: Vec<Vec<String>> =
            [made(), nlp.clone(), light.clone(), made().stemming(false)]
                .iter()
                .map(|a| a.analyze(text).into_iter().map(|t| t.stem.into_owned()).collect())
                .collect();
        for _ in 0..3 {
            for (analyzer, want) in
                [made(), nlp.clone(), light.clone(), made().stemming(false)].iter().zip(&expected)
            {
                let got: Vec<String> =
                    analyzer.analyze(text).into_iter().map(|t| t.stem.into_owned()).collect();
                assert_eq!(&got, want);
            }
        }
        assert_ne!(expected[0], expected[3]);
    }

    #[test]
    fn unchanged_strings_are_borrowed_from_the_text_computed_or_remembered() {
        let analyzer = Analyzer::default();
        // والكتاب needs no normalization and its stem is a slice of it;
        // المكتبةُ changes (teh marbuta, damma).
        let text = "والكتاب المكتبةُ";
        for pass in 0..2 {
            let tokens = analyzer.analyze(text);
            assert!(matches!(tokens[0].normalized, Cow::Borrowed("والكتاب")), "pass {pass}");
            assert!(matches!(tokens[0].stem, Cow::Borrowed("كتاب")), "pass {pass}");
            assert!(matches!(&tokens[1].normalized, Cow::Owned(s) if s == "المكتبه"));
            assert!(matches!(&tokens[1].stem, Cow::Owned(s) if s == "مكتبه"));
        }
    }

    #[test]
    fn lent_tokens_are_the_analyzed_tokens() {
        let analyzer = Analyzer::default().drop_stopwords(true);
        let text = "قال الوزيرُ إنّ المدارسَ ستفتح في ٢٠٢٤م COVID";
        for _ in 0..2 {
            let mut lent = Vec::new();
            analyzer.for_each_token_ref(text, |t| {
                lent.push((
                    t.surface.to_string(),
                    t.start,
                    t.normalized.to_string(),
                    t.stem.to_string(),
                ))
            });
            let analyzed: Vec<_> = analyzer
                .analyze(text)
                .into_iter()
                .map(|t| {
                    (t.surface.to_string(), t.start, t.normalized.into_owned(), t.stem.into_owned())
                })
                .collect();
            assert_eq!(lent, analyzed);
            assert!(!lent.is_empty());
        }
    }
}
