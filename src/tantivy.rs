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

use tantivy_tokenizer_api::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::{Analyzer, Normalizer, Preset, StemMode, Stemmer};

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
    /// The tokens of the current text, reused from one text to the next.
    tokens: Vec<Token>,
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
        ArabicTokenizer { analyzer, drop_stopwords: false, tokens: Vec::new() }
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
        let mut used = 0;
        let mut position = 0;
        let tokens = &mut self.tokens;
        let drop_stopwords = self.drop_stopwords;
        self.analyzer.for_each_token_ref(text, |token| {
            let this_position = position;
            position += 1;
            if drop_stopwords && token.stopword {
                return;
            }
            if used == tokens.len() {
                tokens.push(Token::default());
            }
            let slot = &mut tokens[used];
            slot.offset_from = token.start;
            slot.offset_to = token.end;
            slot.position = this_position;
            slot.position_length = 1;
            slot.text.clear();
            slot.text.push_str(token.stem);
            used += 1;
        });
        ArabicTokenStream { tokens: &mut self.tokens[..used], next: 0, empty: Token::default() }
    }
}

/// The tokens of one text, from [`ArabicTokenizer`].
pub struct ArabicTokenStream<'a> {
    tokens: &'a mut [Token],
    /// Index of the token after the current one.
    next: usize,
    /// What `token` gives before the first `advance` or for an empty text.
    empty: Token,
}

impl TokenStream for ArabicTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        self.next.checked_sub(1).and_then(|i| self.tokens.get(i)).unwrap_or(&self.empty)
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            Some(i) if i < self.tokens.len() => &mut self.tokens[i],
            _ => &mut self.empty,
        }
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
