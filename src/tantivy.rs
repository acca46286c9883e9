//! tantivy integration (feature `tantivy`): a tokenizer that runs sarf's
//! whole pipeline, and a token filter for users who keep their own
//! tokenizer.
//!
//! Both are written against `tantivy-tokenizer-api`, the small crate whose
//! traits tantivy's `TextAnalyzer` accepts, so this feature does not pull
//! in tantivy itself.
//!
//! * [`ArabicTokenizer`] splits with [`crate::tokenize`] (Arabic letters and
//!   their marks stay together; tantivy's `SimpleTokenizer` would cut a word
//!   at every haraka, since marks are not alphanumeric), then normalizes and
//!   stems each token. Offsets point into the original text, so highlighting
//!   works; positions count the tokens of the original text, so a dropped
//!   stopword leaves a gap and phrase queries stay exact.
//! * [`ArabicFilter`] normalizes (and optionally stems) the tokens another
//!   tokenizer made, dropping tokens that normalize to nothing (a lone
//!   tatweel or diacritic).
//!
//! Register the tokenizer under a name and use that name in the schema:
//!
//! ```
//! use sarf::tantivy::{ANALYZER_NAME, ArabicTokenizer};
//! use tantivy::schema::{Schema, TextFieldIndexing, TextOptions};
//! use tantivy::tokenizer::{TextAnalyzer, TokenStream};
//!
//! let mut schema = Schema::builder();
//! let indexing = TextFieldIndexing::default().set_tokenizer(ANALYZER_NAME);
//! schema.add_text_field("text", TextOptions::default().set_indexing_options(indexing));
//! let index = tantivy::Index::create_in_ram(schema.build());
//! index.tokenizers().register(ANALYZER_NAME, TextAnalyzer::from(ArabicTokenizer::default()));
//!
//! let mut analyzer = index.tokenizers().get(ANALYZER_NAME).unwrap();
//! let mut tokens = analyzer.token_stream("والكتابُ");
//! assert_eq!(tokens.next().unwrap().text, "كتاب");
//! ```
//!
//! `tests/tantivy.rs` builds a real index this way, and
//! `examples/tantivy_search.rs` indexes a file and answers a query.

use std::borrow::Cow;
use std::collections::VecDeque;

use tantivy_tokenizer_api::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::analyze::Cursor;
use crate::{Analyzer, Normalizer, Preset, StemMode, Stemmer, TokenRef};

/// The name the docs and examples register [`ArabicTokenizer`] under.
pub const ANALYZER_NAME: &str = "sarf_arabic";

/// A tantivy tokenizer running sarf's tokenizer, normalizer and stemmer.
///
/// `Default` is the `search` normalizer with the lexicon stemmer, keeping
/// stopwords. [`ArabicTokenizer::lucene`] gives the tokens of Lucene's
/// ArabicNormalizer and ArabicStemmer, for indexes migrating from
/// Elasticsearch, OpenSearch or Solr.
#[derive(Clone, Debug)]
pub struct ArabicTokenizer {
    /// Never drops stopwords itself: this tokenizer does, so that it can
    /// count their positions.
    analyzer: Analyzer,
    drop_stopwords: bool,
    /// The current token and the ones waiting after it, reused from one
    /// text to the next so that their strings keep their buffers.
    token: Token,
    waiting: VecDeque<Token>,
}

impl Default for ArabicTokenizer {
    fn default() -> Self {
        ArabicTokenizer::new(Normalizer::default(), Some(Stemmer::default()))
    }
}

impl ArabicTokenizer {
    /// A tokenizer normalizing with `normalizer`, then stemming with
    /// `stemmer` if there is one. Stopwords are kept.
    pub fn new(normalizer: Normalizer, stemmer: Option<Stemmer>) -> ArabicTokenizer {
        let stemming = stemmer.is_some();
        let analyzer = Analyzer::new(normalizer, stemmer.unwrap_or_default()).stemming(stemming);
        ArabicTokenizer {
            analyzer,
            drop_stopwords: false,
            token: Token::default(),
            waiting: VecDeque::new(),
        }
    }

    /// Normalization with `preset`, no stemming.
    pub fn normalize_only(preset: Preset) -> ArabicTokenizer {
        ArabicTokenizer::new(Normalizer::from_preset(preset), None)
    }

    /// Normalization with `preset`, then the stemmer that goes with it
    /// ([`StemMode::for_preset`]: Lucene's after `lucene`, the `surface`
    /// mode after `quran`, the lexicon stemmer after any other).
    pub fn from_preset(preset: Preset) -> ArabicTokenizer {
        ArabicTokenizer::new(
            Normalizer::from_preset(preset),
            Some(Stemmer::with_mode(StemMode::for_preset(preset))),
        )
    }

    /// Lucene's ArabicNormalizer and ArabicStemmer on sarf's tokens.
    pub fn lucene() -> ArabicTokenizer {
        ArabicTokenizer::from_preset(Preset::Lucene)
    }

    /// Leaves out the stemmer's stopwords (positions still count them).
    /// Default: `false`.
    pub fn drop_stopwords(mut self, yes: bool) -> ArabicTokenizer {
        self.drop_stopwords = yes;
        self
    }
}

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream<'a> {
        self.token.reset();
        self.waiting.clear();
        ArabicTokenStream {
            analyzer: &self.analyzer,
            drop_stopwords: self.drop_stopwords,
            cursor: Cursor::new(text),
            position: 0,
            token: &mut self.token,
            waiting: &mut self.waiting,
        }
    }
}

/// The tokens of one text, from [`ArabicTokenizer`]: each analyzed when
/// the stream advances to it.
pub struct ArabicTokenStream<'a> {
    analyzer: &'a Analyzer,
    drop_stopwords: bool,
    cursor: Cursor<'a>,
    /// The position of the next token of the original text.
    position: usize,
    /// The current token (before the first `advance`, an empty one).
    token: &'a mut Token,
    /// Tokens analyzed and not yet reached: the parts after the first of
    /// a token that normalization split.
    waiting: &'a mut VecDeque<Token>,
}

impl ArabicTokenStream<'_> {
    /// Writes an analyzed token, at `position`, into `slot`.
    fn fill(slot: &mut Token, token: &TokenRef<'_>, position: usize) {
        slot.offset_from = token.start;
        slot.offset_to = token.end;
        slot.position = position;
        slot.position_length = 1;
        slot.text.clear();
        slot.text.push_str(token.stem);
    }
}

impl TokenStream for ArabicTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(next) = self.waiting.pop_front() {
            *self.token = next;
            return true;
        }
        loop {
            let mut emitted = 0;
            let (slot, waiting, position) =
                (&mut *self.token, &mut *self.waiting, &mut self.position);
            let drop_stopwords = self.drop_stopwords;
            let more = self.cursor.step(self.analyzer, &mut |token| {
                // Positions count the tokens of the original text, dropped
                // stopwords too, so that phrase queries stay exact.
                let this_position = *position;
                *position += 1;
                if drop_stopwords && token.stopword {
                    return;
                }
                if emitted == 0 {
                    Self::fill(slot, token, this_position);
                } else {
                    let mut later = Token::default();
                    Self::fill(&mut later, token, this_position);
                    waiting.push_back(later);
                }
                emitted += 1;
            });
            if emitted > 0 {
                return true;
            }
            if !more {
                return false;
            }
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A tantivy token filter that normalizes, and optionally stems, the tokens
/// of another tokenizer.
///
/// ```
/// use tantivy::tokenizer::{TextAnalyzer, TokenStream, WhitespaceTokenizer};
///
/// let mut analyzer = TextAnalyzer::builder(WhitespaceTokenizer::default())
///     .filter(sarf::tantivy::ArabicFilter::default())
///     .build();
/// let mut tokens = analyzer.token_stream("کتابها");
/// assert_eq!(tokens.next().unwrap().text, "كتاب");
/// ```
#[derive(Clone, Debug)]
pub struct ArabicFilter {
    normalizer: Normalizer,
    stemmer: Option<Stemmer>,
}

impl Default for ArabicFilter {
    /// The `search` normalizer and the lexicon stemmer.
    fn default() -> Self {
        ArabicFilter::new(Normalizer::default(), Some(Stemmer::default()))
    }
}

impl ArabicFilter {
    /// A filter normalizing with `normalizer`, then stemming with `stemmer`
    /// if there is one.
    pub fn new(normalizer: Normalizer, stemmer: Option<Stemmer>) -> ArabicFilter {
        ArabicFilter { normalizer, stemmer }
    }
}

impl TokenFilter for ArabicFilter {
    type Tokenizer<T: Tokenizer> = ArabicFilterTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ArabicFilterTokenizer<T> {
        ArabicFilterTokenizer { tokenizer, filter: self }
    }
}

/// Another tokenizer followed by an [`ArabicFilter`].
#[derive(Clone, Debug)]
pub struct ArabicFilterTokenizer<T> {
    tokenizer: T,
    filter: ArabicFilter,
}

impl<T: Tokenizer> Tokenizer for ArabicFilterTokenizer<T> {
    type TokenStream<'a> = ArabicFilterStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicFilterStream { tail: self.tokenizer.token_stream(text), filter: &self.filter }
    }
}

/// The token stream of an [`ArabicFilterTokenizer`].
pub struct ArabicFilterStream<'a, S> {
    tail: S,
    filter: &'a ArabicFilter,
}

impl<S: TokenStream> TokenStream for ArabicFilterStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            let normalized = match self.filter.normalizer.normalize(&token.text) {
                Cow::Borrowed(_) => None,
                Cow::Owned(text) => Some(text),
            };
            if let Some(text) = normalized {
                token.text = text;
            }
            if let Some(stemmer) = &self.filter.stemmer {
                // A borrowed stem is a slice of the token: the same text if
                // it is as long.
                let stem = match stemmer.stem(&token.text) {
                    Cow::Borrowed(stem) if stem.len() == token.text.len() => None,
                    stem => Some(stem.into_owned()),
                };
                if let Some(stem) = stem {
                    token.text = stem;
                }
            }
            if !token.text.is_empty() {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
