//! Indexes a text file with tantivy, one document per non-empty line, using
//! sarf's Arabic tokenizer, then answers a query with highlighted snippets.
//!
//! ```sh
//! cargo run --release --features tantivy --example tantivy_search -- \
//!     tests/data/news-ar.txt 'کوریا الشمالیة'
//! ```
//!
//! Add `--lucene` to index with Lucene's ArabicNormalizer and ArabicStemmer
//! instead of sarf's defaults.

use std::error::Error;

use sarf::tantivy::{ANALYZER_NAME, ArabicTokenizer};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexWriter, TantivyDocument, doc};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let lucene = args.iter().any(|a| a == "--lucene");
    args.retain(|a| a != "--lucene");
    let [path, query] = args.as_slice() else {
        return Err("usage: tantivy_search [--lucene] FILE QUERY".into());
    };

    let mut schema = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = schema
        .add_text_field("text", TextOptions::default().set_indexing_options(indexing).set_stored());
    let line = schema.add_u64_field("line", tantivy::schema::STORED);

    let dir = tempfile::tempdir()?;
    let index = Index::create_in_dir(dir.path(), schema.build())?;
    let tokenizer = if lucene { ArabicTokenizer::lucene() } else { ArabicTokenizer::default() };
    index.tokenizers().register(ANALYZER_NAME, TextAnalyzer::from(tokenizer));

    let mut writer: IndexWriter = index.writer(50_000_000)?;
    let content = std::fs::read_to_string(path)?;
    for (n, body) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        writer.add_document(doc!(text => body, line => n as u64 + 1))?;
    }
    writer.commit()?;

    let searcher = index.reader()?.searcher();
    let query = QueryParser::for_index(&index, vec![text]).parse_query(query)?;
    let mut snippets = SnippetGenerator::create(&searcher, &*query, text)?;
    snippets.set_max_num_chars(120);
    for (score, address) in searcher.search(&query, &TopDocs::with_limit(5).order_by_score())? {
        let found: TantivyDocument = searcher.doc(address)?;
        let n = found.get_first(line).and_then(|v| v.as_u64()).unwrap_or(0);
        let snippet = snippets.snippet_from_doc(&found);
        println!("{score:.3}  line {n}: {}", snippet.to_html());
    }
    Ok(())
}
