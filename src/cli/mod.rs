//! Command-line interface: argument parsing, input and output handling.
//! The text processing itself is the library's.

mod dict;
mod explain;
mod io;
mod normalize;
mod output;
mod stem;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use sarf::{Error, NormalizerConfig, Preset};

const EXAMPLES: &str = "\
Examples:
  sarf normalize tests/data/news-ar.txt            normalize a file to stdout (search preset)
  sarf normalize --preset nlp -o clean.txt in.txt  conservative folding into clean.txt
  cat in.txt | sarf normalize --config rules.toml  rules from a TOML file, stdin to stdout
  sarf stem tests/data/news-ar.txt                 one line of stems per input line
  sarf stem --mode light --drop-stopwords in.txt   light10 stems, stopwords left out
  sarf tokenize --raw in.txt                       tokens as written, space-separated
  sarf explain 'کتابٌ'                              which rule changed what, and why
  sarf normalize -j 2 --stats -o out.txt.zst in.txt.gz   compressed in and out, 2 threads
  sarf normalize --format jsonl --field text --field title docs.jsonl
  sarf dict compile my-stems.txt -o my-stems.fst   a prebuilt lexicon for --stems";

/// Normalize, tokenize and stem Arabic-script text.
#[derive(Parser, Debug)]
#[command(name = "sarf", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Normalize text: one output line per input line, line endings kept.
    #[command(after_help = EXAMPLES)]
    Normalize(normalize::NormalizeArgs),
    /// Stem text: for each input line, its tokens normalized and stemmed,
    /// separated by single spaces.
    #[command(after_help = EXAMPLES)]
    Stem(stem::StemArgs),
    /// Tokenize text: for each input line, its tokens separated by single spaces.
    #[command(after_help = EXAMPLES)]
    Tokenize(stem::TokenizeArgs),
    /// Show what the normalizer changes in TEXT, change by change, and why.
    #[command(after_help = EXAMPLES)]
    Explain(explain::ExplainArgs),
    /// Lexicon tools.
    Dict(dict::DictArgs),
}

/// Options that choose the normalizer.
#[derive(Args, Debug)]
pub struct NormalizerArgs {
    /// Preset: search (aggressive folding for retrieval), nlp (keeps teh
    /// marbuta and alef maksura), display (repairs encoding noise only).
    #[arg(short, long, default_value = "search", value_parser = parse_preset)]
    preset: Preset,
    /// A TOML (or .json) file of rule settings; rules it does not set keep
    /// the preset's value. Unknown keys are an error.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
}

fn parse_preset(name: &str) -> Result<Preset, String> {
    name.parse().map_err(|e: Error| e.to_string())
}

impl NormalizerArgs {
    pub fn config(&self) -> Result<NormalizerConfig, Error> {
        let base = self.preset.config();
        match &self.config {
            Some(path) => NormalizerConfig::from_path_over(path, &base),
            None => Ok(base),
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize(args) => normalize::run(&args),
        Command::Stem(args) => stem::run(&args),
        Command::Tokenize(args) => stem::run_tokenize(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Dict(args) => dict::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            report(&e);
            ExitCode::FAILURE
        }
    }
}

/// Prints an error and its causes on one line.
fn report(error: &Error) {
    let mut message = format!("sarf: {error}");
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    eprintln!("{message}");
}
