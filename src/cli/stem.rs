//! `sarf stem` and `sarf tokenize`.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use sarf::bulk::LineCut;
use sarf::{Analyzer, Error, Normalizer, StemMode, Stemmer, StemmerConfig};

use super::NormalizerArgs;
use super::io::{BlockReport, Format, IoArgs, Place, Transform, process};
use super::records::{for_each_line, rewrite_json_block};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Mode {
    /// light10 (Larkey et al.), the classic baseline.
    Light,
    /// Lexicon-guided light stemming.
    Lexicon,
    /// Lucene's ArabicStemmer exactly (the default with `--preset lucene`).
    Lucene,
    /// The lexicon stemmer's cuts with nothing mapped to a lemma (the
    /// default with `--preset quran`).
    Surface,
}

#[derive(Args, Debug)]
pub struct StemArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    /// Stemming mode [default: lexicon; lucene with `--preset lucene`, surface with `--preset quran`].
    #[arg(short, long, value_enum)]
    mode: Option<Mode>,
    /// The fewest characters a rule-based cut may leave [default: 3].
    #[arg(long, value_name = "N")]
    min_stem_len: Option<usize>,
    /// Leave stopwords out of the output.
    #[arg(long)]
    drop_stopwords: bool,
    /// Memory each worker's memos of recent words may take, in MiB
    /// [default: 12, or SARF_MEMO_MIB].
    #[arg(long, value_name = "MIB")]
    memo_mib: Option<usize>,
    /// Known stems, replacing the embedded list (text, or .fst from `sarf dict compile`).
    #[arg(long, value_name = "FILE")]
    stems: Option<PathBuf>,
    /// Stopwords, replacing the embedded list.
    #[arg(long, value_name = "FILE")]
    stopwords: Option<PathBuf>,
    /// Protected words (never stemmed), replacing the embedded list.
    #[arg(long, value_name = "FILE")]
    protected: Option<PathBuf>,
    /// Exceptions (form<TAB>stem), replacing the embedded list.
    #[arg(long, value_name = "FILE")]
    exceptions: Option<PathBuf>,
    /// Verb forms (form<TAB>lemma), replacing the embedded list.
    #[arg(long, value_name = "FILE")]
    verbs: Option<PathBuf>,
    #[command(flatten)]
    io: IoArgs,
}

/// One token in `--format jsonl` output.
#[derive(serde::Serialize)]
struct JsonToken<'a> {
    surface: &'a str,
    start: usize,
    end: usize,
    normalized: &'a str,
    stem: &'a str,
}

/// What `sarf stem` or `sarf tokenize` writes for each token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Emit {
    Stems,
    Normalized,
    Raw,
}

struct Words<'a> {
    analyzer: Analyzer,
    args: &'a IoArgs,
    fields: Vec<String>,
    emit: Emit,
}

impl Words<'_> {
    /// The words of one line, space-separated; the first preceded by a
    /// space too unless `first`. Returns whether it wrote a word.
    fn line(&self, line: &str, out: &mut String, mut first: bool) -> bool {
        let mut wrote = false;
        let mut push = |word: &str| {
            if !std::mem::take(&mut first) {
                out.push(' ');
            }
            out.push_str(word);
            wrote = true;
        };
        match self.emit {
            Emit::Raw => sarf::tokenize::tokenize(line).for_each(|t| push(t.text)),
            Emit::Normalized => self.analyzer.for_each_token_ref(line, |t| push(t.normalized)),
            Emit::Stems => self.analyzer.for_each_token_ref(line, |t| push(t.stem)),
        }
        wrote
    }

    /// A field's tokens as a JSON array with offsets into the field.
    fn tokens_json(&self, value: &str) -> String {
        let mut tokens = Vec::new();
        self.analyzer.for_each_token(value, |t| tokens.push(t));
        let json: Vec<JsonToken<'_>> = tokens
            .iter()
            .map(|t| JsonToken {
                surface: t.surface,
                start: t.start,
                end: t.end,
                normalized: &t.normalized,
                stem: if self.emit == Emit::Stems { &t.stem } else { &t.normalized },
            })
            .collect();
        serde_json::to_string(&json).expect("tokens serialize")
    }
}

impl Transform for Words<'_> {
    /// Between words: a piece that continues a line starts its first word
    /// with the space that joins it to the line's words so far, which the
    /// writer drops when there are none.
    fn line_cut(&self) -> LineCut {
        LineCut::BeforeWord
    }

    fn value(&self, text: &str, out: &mut String, _: &mut BlockReport) {
        self.line(text, out, true);
    }

    fn apply(
        &self,
        text: &str,
        place: Place,
        input: Option<&Path>,
        out: &mut String,
        report: &mut BlockReport,
    ) -> Result<(), Error> {
        match self.args.format {
            Format::Text => for_each_line(text, out, |n, line, out| {
                let continues = n == 0 && place.continues_line;
                let wrote = self.line(line, out, !continues);
                report.joins_line |= continues && wrote;
                report.tail_has_output = wrote;
                Ok(())
            }),
            Format::Jsonl => rewrite_json_block(
                self.args,
                &self.fields,
                text,
                (input, place.first_line),
                out,
                &mut report.bad_lines,
                |value| self.tokens_json(value),
            ),
            #[cfg(feature = "parquet")]
            Format::Parquet => unreachable!("Parquet files are read by column, not in blocks"),
        }
    }
}

/// The stemmer settings of the config file's `[stemmer]` table, with the
/// mode the preset implies when the table does not set one: Lucene's
/// normalizer is followed by Lucene's stemmer, as its ArabicAnalyzer does.
pub(super) fn stemmer_config(
    normalizer: &NormalizerArgs,
) -> Result<(sarf::NormalizerConfig, StemmerConfig), Error> {
    let (normalizer_config, stemmer_table) = normalizer.configs()?;
    let mut config: StemmerConfig = match stemmer_table.clone() {
        Some(table) => serde_json::from_value(table).map_err(|e| {
            Error::usage(&format!("invalid [stemmer] settings in the config file: {e}"))
        })?,
        None => StemmerConfig::default(),
    };
    let mode_in_file = stemmer_table.as_ref().is_some_and(|t| t.get("mode").is_some());
    if !mode_in_file {
        config.mode = StemMode::for_preset(normalizer.preset());
    }
    Ok((normalizer_config, config))
}

pub fn run(args: &StemArgs) -> Result<(), Error> {
    // The config file's [stemmer] table first, then the options over it.
    let (normalizer_config, mut config) = stemmer_config(&args.normalizer)?;
    if let Some(mode) = args.mode {
        config.mode = match mode {
            Mode::Light => StemMode::Light,
            Mode::Lexicon => StemMode::Lexicon,
            Mode::Lucene => StemMode::Lucene,
            Mode::Surface => StemMode::Surface,
        };
    }
    if let Some(min) = args.min_stem_len {
        config.min_stem_len = min;
    }
    let files = &mut config.lexicons;
    let options = [
        (&args.stems, &mut files.stems),
        (&args.stopwords, &mut files.stopwords),
        (&args.protected, &mut files.protected),
        (&args.exceptions, &mut files.exceptions),
        (&args.verbs, &mut files.verbs),
    ];
    for (option, file) in options {
        if option.is_some() {
            file.clone_from(option);
        }
    }
    if let Some(mib) = args.memo_mib {
        sarf::set_memo_bytes(mib.saturating_mul(1 << 20));
    }
    let stemmer = Stemmer::new(config)?;
    let normalizer = Normalizer::new(normalizer_config);
    let analyzer = Analyzer::new(normalizer, stemmer).drop_stopwords(args.drop_stopwords);
    let words = Words { analyzer, args: &args.io, fields: args.io.fields(), emit: Emit::Stems };
    process(&args.io, &words)
}

#[derive(Args, Debug)]
pub struct TokenizeArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    /// Print tokens as written instead of normalized.
    #[arg(long)]
    raw: bool,
    #[command(flatten)]
    io: IoArgs,
}

pub fn run_tokenize(args: &TokenizeArgs) -> Result<(), Error> {
    let analyzer = Analyzer::new(Normalizer::new(args.normalizer.config()?), Stemmer::default());
    let emit = if args.raw { Emit::Raw } else { Emit::Normalized };
    let words = Words { analyzer, args: &args.io, fields: args.io.fields(), emit };
    process(&args.io, &words)
}
