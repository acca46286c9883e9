//! `sarf stem` and `sarf tokenize`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use sarf::{Analyzer, Error, LexiconFiles, Normalizer, StemMode, Stemmer, StemmerConfig};

use super::NormalizerArgs;
use super::io::{IoArgs, for_each_line, process};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Mode {
    /// light10 (Larkey et al.), the classic baseline.
    Light,
    /// Lexicon-guided light stemming.
    Lexicon,
}

#[derive(Args, Debug)]
pub struct StemArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    /// Stemming mode.
    #[arg(short, long, value_enum, default_value = "lexicon")]
    mode: Mode,
    /// The fewest characters a rule-based cut may leave.
    #[arg(long, value_name = "N", default_value_t = 3)]
    min_stem_len: usize,
    /// Leave stopwords out of the output.
    #[arg(long)]
    drop_stopwords: bool,
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

pub fn run(args: &StemArgs) -> Result<(), Error> {
    let stemmer = Stemmer::new(StemmerConfig {
        mode: match args.mode {
            Mode::Light => StemMode::Light,
            Mode::Lexicon => StemMode::Lexicon,
        },
        min_stem_len: args.min_stem_len,
        lexicons: LexiconFiles {
            stems: args.stems.clone(),
            stopwords: args.stopwords.clone(),
            protected: args.protected.clone(),
            exceptions: args.exceptions.clone(),
            verbs: args.verbs.clone(),
        },
    })?;
    let normalizer = Normalizer::new(args.normalizer.config()?);
    let analyzer = Analyzer::new(normalizer, stemmer).drop_stopwords(args.drop_stopwords);
    process(&args.io, |text, out| {
        for_each_line(text, out, |line, out| {
            let mut first = true;
            analyzer.for_each_token(line, |token| push_word(out, &mut first, &token.stem));
        })
    })
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
    process(&args.io, |text, out| {
        for_each_line(text, out, |line, out| {
            let mut first = true;
            if args.raw {
                sarf::tokenize::tokenize(line).for_each(|t| push_word(out, &mut first, t.text));
            } else {
                analyzer.for_each_token(line, |t| push_word(out, &mut first, &t.normalized));
            }
        })
    })
}

/// Appends `word`, after a space unless it is the line's first.
fn push_word(out: &mut String, first: &mut bool, word: &str) {
    if !std::mem::take(first) {
        out.push(' ');
    }
    out.push_str(word);
}
