//! sarf inside a real tantivy index (feature `tantivy`): documents indexed
//! in a temporary directory, queries parsed by tantivy's QueryParser, and
//! matches across the folds that matter for Arabic search.

use sarf::tantivy::{ANALYZER_NAME, ArabicFilter, ArabicTokenizer};
use sarf::{Analyzer, Normalizer, Preset, Stemmer, Zwnj};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{TextAnalyzer, TokenStream, WhitespaceTokenizer};
use tantivy::{Index, IndexWriter, TantivyDocument, doc};

struct TestIndex {
    index: Index,
    text: Field,
    id: Field,
    _dir: tempfile::TempDir,
}

/// The news fixture (one document per line, ids 0..) plus `extra`, indexed
/// on disk with `tokenizer` registered under sarf's name.
fn build(tokenizer: ArabicTokenizer, extra: &[&str]) -> TestIndex {
    let mut schema = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = schema
        .add_text_field("text", TextOptions::default().set_indexing_options(indexing).set_stored());
    let id = schema.add_u64_field("id", STORED);
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create_in_dir(dir.path(), schema.build()).unwrap();
    index.tokenizers().register(ANALYZER_NAME, TextAnalyzer::from(tokenizer));
    let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
    let fixture =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/news-ar.txt"))
            .unwrap();
    let docs = fixture.lines().chain(extra.iter().copied());
    for (n, body) in docs.enumerate() {
        writer.add_document(doc!(text => body, id => n as u64)).unwrap();
    }
    writer.commit().unwrap();
    TestIndex { index, text, id, _dir: dir }
}

impl TestIndex {
    /// The texts of the documents matching `query`, best first.
    fn search(&self, query: &str) -> Vec<String> {
        let searcher = self.index.reader().unwrap().searcher();
        let query =
            QueryParser::for_index(&self.index, vec![self.text]).parse_query(query).unwrap();
        let hits = searcher.search(&query, &TopDocs::with_limit(100).order_by_score()).unwrap();
        hits.into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).unwrap();
                assert!(doc.get_first(self.id).and_then(|v| v.as_u64()).is_some());
                doc.get_first(self.text).and_then(|v| v.as_str()).unwrap().to_string()
            })
            .collect()
    }
}

const BOOK: &str = "صدر كتاب جديد عن تاريخ المدينة";
const AHMAD: &str = "التقى أحمد بوزير الخارجية";
const ISLAM: &str = "محاضرة عن الإسلام والعلم";

#[test]
fn persian_keheh_and_yeh_find_the_arabic_spelling() {
    let index = build(ArabicTokenizer::normalize_only(Preset::Search), &[]);
    // The fixture's body writes كوريا الشمالية with Arabic ك and ي; its
    // keyword line uses Persian ک and ی. Each spelling finds the other.
    let persian = index.search("\"کوریا الشمالیة\"");
    let arabic = index.search("\"كوريا الشمالية\"");
    assert!(persian.len() >= 3, "{persian:?}");
    assert_eq!(persian, arabic);
    assert!(persian.iter().any(|d| d.contains("كوريا الشمالية")), "the Arabic spelling is found");
}

#[test]
fn diacritized_and_alef_variant_queries_match_plain_text() {
    let index = build(ArabicTokenizer::normalize_only(Preset::Search), &[BOOK, AHMAD, ISLAM]);
    assert_eq!(index.search("كِتَابٌ"), [BOOK]);
    assert_eq!(index.search("كتـــاب"), [BOOK], "tatweel");
    assert_eq!(index.search("احمد"), [AHMAD]);
    assert_eq!(index.search("إحمد"), [AHMAD]);
    assert_eq!(index.search("الاسلام"), [ISLAM]);
    assert_eq!(index.search("الأسلام"), [ISLAM]);
    // Without stemming, an affixed form is a different term.
    assert!(index.search("والكتاب").is_empty());
}

#[test]
fn stemming_matches_prefixed_and_suffixed_forms() {
    let index = build(ArabicTokenizer::default(), &[BOOK, AHMAD, ISLAM]);
    for query in ["كتاب", "والكتاب", "كتابها", "الكتاب", "بالكتاب", "كُتُبِهِم"]
    {
        assert_eq!(index.search(query), [BOOK], "{query}");
    }
    // And the other way: the fixture's معاهدة is found from its plural-less
    // forms with pronouns and proclitics.
    let treaty = index.search("والمعاهدة");
    assert!(treaty.len() >= 2 && treaty.iter().all(|d| d.contains("معاهدة")), "{treaty:?}");
    assert_eq!(index.search("معاهدتها"), treaty);
}

#[test]
fn lucene_tokenizer_gives_lucenes_terms() {
    let mut tokenizer = TextAnalyzer::from(ArabicTokenizer::lucene());
    let mut stream = tokenizer.token_stream("وبالكتاب والمعلمون كتابها فى مدرسةٍ");
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    assert_eq!(terms, ["بالكتاب", "معلم", "كتاب", "في", "مدرس"]);
    // Any preset brings the stemmer that goes with it.
    let terms = |preset: Preset| {
        let mut tokenizer = TextAnalyzer::from(ArabicTokenizer::from_preset(preset));
        let mut stream = tokenizer.token_stream("والمعلمون كتابها وزير");
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            terms.push(token.text.clone());
        }
        terms
    };
    // (Lucene's stemmer takes و off a four-letter word; the lexicon knows وزير.)
    assert_eq!(terms(Preset::Lucene), ["معلم", "كتاب", "زير"]);
    assert_eq!(terms(Preset::Search), ["معلم", "كتاب", "وزير"]);
    assert_eq!(terms(Preset::Nlp), ["معلم", "كتاب", "وزير"]);
}

#[test]
fn offsets_point_into_the_original_and_positions_count_dropped_stopwords() {
    let text = "ذهبَ الطالبُ إلى المدرسةِ";
    let mut tokenizer = TextAnalyzer::from(ArabicTokenizer::default().drop_stopwords(true));
    let mut stream = tokenizer.token_stream(text);
    let mut seen = Vec::new();
    while let Some(t) = stream.next() {
        seen.push((t.text.clone(), &text[t.offset_from..t.offset_to], t.position));
    }
    assert_eq!(
        seen,
        [
            ("ذهب".to_string(), "ذهبَ", 0),
            ("طالب".to_string(), "الطالبُ", 1),
            ("مدرسه".to_string(), "المدرسةِ", 3), // إلى (a stopword) was position 2
        ]
    );
}

/// The terms, offsets and positions of `text` through `tokenizer`.
fn stream(tokenizer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
    let mut stream = tokenizer.token_stream(text);
    let mut seen = Vec::new();
    while let Some(t) = stream.next() {
        seen.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
    }
    seen
}

#[test]
fn a_token_split_by_normalization_gives_each_part_in_turn() {
    // ZWNJ made a space: کتاب‌ها is two tokens, each with the whole
    // token's offsets and a position of its own.
    let mut config = Preset::Search.config();
    config.zwnj = Zwnj::Space;
    let normalizer = Normalizer::new(config);
    for drop_stopwords in [false, true] {
        let tokenizer = ArabicTokenizer::new(normalizer.clone(), Some(Stemmer::default()))
            .drop_stopwords(drop_stopwords);
        let mut tokenizer = TextAnalyzer::from(tokenizer);
        let text = "کتاب\u{200C}های جدید";
        let (book, new) = (&text[..text.find(' ').unwrap()], &text[text.find(' ').unwrap() + 1..]);
        let expected = [
            ("كتاب".to_string(), 0, book.len(), 0),
            ("هاي".to_string(), 0, book.len(), 1),
            ("جديد".to_string(), book.len() + 1, book.len() + 1 + new.len(), 2),
        ];
        assert_eq!(stream(&mut tokenizer, text), expected);
        // The same tokenizer on the next text starts afresh.
        assert_eq!(stream(&mut tokenizer, "جديد"), [("جديد".to_string(), 0, 8, 0)]);
        assert!(stream(&mut tokenizer, "").is_empty());
    }
}

#[test]
fn the_stream_gives_the_analyzers_tokens() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/news-ar.txt"))
            .expect("the news fixture");
    let mut config = Preset::Search.config();
    config.zwnj = Zwnj::Space;
    for normalizer in [Normalizer::default(), Normalizer::new(config)] {
        for drop_stopwords in [false, true] {
            let analyzer = Analyzer::new(normalizer.clone(), Stemmer::default());
            let tokenizer = ArabicTokenizer::new(normalizer.clone(), Some(Stemmer::default()))
                .drop_stopwords(drop_stopwords);
            let mut tokenizer = TextAnalyzer::from(tokenizer);
            for line in text.lines() {
                let mut expected = Vec::new();
                let mut position = 0;
                analyzer.for_each_token_ref(line, |t| {
                    if !(drop_stopwords && t.stopword) {
                        expected.push((t.stem.to_string(), t.start, t.end, position));
                    }
                    position += 1;
                });
                assert_eq!(stream(&mut tokenizer, line), expected, "{line}");
            }
        }
    }
}

#[test]
fn filter_normalizes_another_tokenizers_tokens() {
    let mut analyzer = TextAnalyzer::builder(WhitespaceTokenizer::default())
        .filter(ArabicFilter::new(Normalizer::from_preset(Preset::Search), None))
        .build();
    let mut stream = analyzer.token_stream("کتابٌ ـــ أحمد");
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    // The token made only of tatweel normalizes to nothing and is dropped.
    assert_eq!(terms, ["كتاب", "احمد"]);

    let mut stemming = TextAnalyzer::builder(WhitespaceTokenizer::default())
        .filter(ArabicFilter::default())
        .build();
    let mut stream = stemming.token_stream("والكتاب كتابها");
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    assert_eq!(terms, ["كتاب", "كتاب"]);
}

#[test]
fn empty_and_non_arabic_text() {
    let mut tokenizer = TextAnalyzer::from(ArabicTokenizer::default());
    assert!(tokenizer.token_stream("").next().is_none());
    let mut stream = tokenizer.token_stream("Hello, world 42");
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    assert_eq!(terms, ["Hello", "world", "42"]);
}

#[test]
fn plain_spelling_queries_find_uthmani_verses() {
    let verses = ["ٱلَّذِينَ يُؤۡمِنُونَ بِٱلۡغَيۡبِ وَيُقِيمُونَ ٱلصَّلَوٰةَ", "ذَٰلِكَ ٱلۡكِتَٰبُ لَا رَيۡبَ فِيهِ"];
    for tokenizer in [
        ArabicTokenizer::normalize_only(Preset::Quran),
        ArabicTokenizer::from_preset(Preset::Quran),
    ] {
        let index = build(tokenizer, &verses);
        assert_eq!(index.search("الصلاة"), [verses[0]]);
        assert_eq!(index.search("\"ذلك الكتاب\""), [verses[1]]);
    }
    // The search preset does not read the dagger alef as plain spelling does.
    let index = build(ArabicTokenizer::normalize_only(Preset::Search), &verses);
    assert!(index.search("الكتاب").is_empty());
}
