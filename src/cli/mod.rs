//! Command-line interface: argument parsing, input and output handling.
//! The text processing itself is the library's.

mod dict;
mod explain;
mod inputs;
mod io;
mod normalize;
mod output;
#[cfg(feature = "parquet")]
mod parquet;
mod records;
mod stem;
mod translit;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use sarf::{Error, NormalizerConfig, Preset};

const EXAMPLES: &str = "\
Examples:
  sarf normalize tests/data/news-ar.txt            normalize a file to stdout (search preset)
  sarf normalize --preset nlp -o clean.txt in.txt  conservative folding into clean.txt
  cat in.txt | sarf normalize --config rules.toml  rules from a TOML file, stdin to stdout
  sarf stem tests/data/news-ar.txt                 one line of stems per input line
  sarf stem --mode light --drop-stopwords in.txt   light10 stems, stopwords left out
  sarf stem --preset lucene in.txt                 the tokens Lucene's ArabicAnalyzer stems
  sarf tokenize --raw in.txt                       tokens as written, space-separated
  sarf explain 'کتابٌ'                              which rule changed what, and why
  sarf normalize -j 2 --stats -o out.txt.zst in.txt.gz   compressed in and out, 2 threads
  sarf normalize --format jsonl --field text --field title docs.jsonl
  sarf dict compile my-stems.txt -o my-stems.fst   a prebuilt lexicon for --stems
  sarf translit --to bw in.txt                      Arabic script to Buckwalter (--from bw: back)";

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
    /// Transliterate: Arabic script to a Buckwalter scheme (--to), or back
    /// (--from), character for character as CAMeL Tools' mappers.
    #[command(after_help = EXAMPLES)]
    Translit(translit::TranslitArgs),
    /// Lexicon tools.
    Dict(dict::DictArgs),
}

/// Options that choose the normalizer: a preset, a config file over it,
/// then individual rule switches over both.
#[derive(Args, Debug)]
pub struct NormalizerArgs {
    /// Preset: search (aggressive folding for retrieval), nlp (keeps teh
    /// marbuta and alef maksura), display (repairs encoding noise only),
    /// lucene (Lucene's ArabicNormalizer exactly; with `sarf stem`, also
    /// Lucene's ArabicStemmer), camel (CAMeL Tools' dediacritization and
    /// alef, alef maksura, teh marbuta normalization exactly), quran
    /// (Uthmani Quranic spelling read as plain spelling, then folded as
    /// search).
    #[arg(short, long, default_value = "search", value_parser = parse_preset)]
    preset: Preset,
    /// A TOML (or .json) file of rule settings; rules it does not set keep
    /// the preset's value. Unknown keys are an error. For `sarf stem`, a
    /// `[stemmer]` table in it holds the stemmer's settings.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Keep all diacritics (diacritics = "keep").
    #[arg(long, help_heading = "Rule switches")]
    keep_diacritics: bool,
    /// Strip diacritics but keep shadda (diacritics = "keep_shadda").
    #[arg(long, help_heading = "Rule switches")]
    keep_shadda: bool,
    /// Keep teh marbuta distinct from heh (teh_marbuta = false).
    #[arg(long, help_heading = "Rule switches")]
    keep_teh_marbuta: bool,
    /// Keep alef maksura distinct from yeh (alef_maksura = "keep").
    #[arg(long, help_heading = "Rule switches")]
    keep_alef_maksura: bool,
    /// Fold hamza on waw and yeh to the bare letter (hamza_carriers = true).
    #[arg(long, help_heading = "Rule switches")]
    fold_hamza: bool,
    /// Fold Arabic punctuation to ASCII (punctuation = true).
    #[arg(long, help_heading = "Rule switches")]
    punctuation: bool,
    /// Collapse a letter repeated three or more times to one, as in
    /// جمييييل → جميل (elongation = true; on in search and quran).
    #[arg(long, help_heading = "Rule switches", conflicts_with = "keep_elongation")]
    elongation: bool,
    /// Keep letters repeated for emphasis as written (elongation = false).
    #[arg(long, help_heading = "Rule switches")]
    keep_elongation: bool,
    /// Digits: keep, ascii, arabic_indic.
    #[arg(long, value_name = "TO", help_heading = "Rule switches")]
    digits: Option<String>,
    /// Zero width non-joiner: strip, keep, space.
    #[arg(long, value_name = "HOW", help_heading = "Rule switches")]
    zwnj: Option<String>,
    /// Fold look-alikes towards: arabic, persian.
    #[arg(long, value_name = "SCRIPT", help_heading = "Rule switches")]
    script: Option<String>,
    /// Whole-text Unicode form first: none, nfc, nfkc.
    #[arg(long, value_name = "FORM", help_heading = "Rule switches")]
    unicode: Option<String>,
}

fn parse_preset(name: &str) -> Result<Preset, String> {
    name.parse().map_err(|e: Error| e.to_string())
}

impl NormalizerArgs {
    /// The normalizer configuration, and the config file's `[stemmer]`
    /// table if it has one.
    pub fn configs(&self) -> Result<(NormalizerConfig, Option<serde_json::Value>), Error> {
        let mut table = match &self.config {
            Some(path) => sarf::normalize::config::read_table(path)?,
            None => serde_json::Map::new(),
        };
        let stemmer = table.remove("stemmer");
        let switches: [(bool, &str, serde_json::Value); 8] = [
            (self.keep_diacritics, "diacritics", "keep".into()),
            (self.keep_shadda, "diacritics", "keep_shadda".into()),
            (self.keep_teh_marbuta, "teh_marbuta", false.into()),
            (self.keep_alef_maksura, "alef_maksura", "keep".into()),
            (self.fold_hamza, "hamza_carriers", true.into()),
            (self.punctuation, "punctuation", true.into()),
            (self.elongation, "elongation", true.into()),
            (self.keep_elongation, "elongation", false.into()),
        ];
        for (on, key, value) in switches {
            if on {
                table.insert(key.to_string(), value);
            }
        }
        for (value, key) in [
            (&self.digits, "digits"),
            (&self.zwnj, "zwnj"),
            (&self.script, "script"),
            (&self.unicode, "unicode"),
        ] {
            if let Some(value) = value {
                table.insert(key.to_string(), value.replace('-', "_").into());
            }
        }
        let config = NormalizerConfig::from_table_over(
            table,
            &self.preset.config(),
            self.config.as_deref(),
        )?;
        Ok((config, stemmer))
    }

    /// The preset chosen (before the config file and switches).
    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// The normalizer configuration.
    pub fn config(&self) -> Result<NormalizerConfig, Error> {
        self.configs().map(|(config, _)| config)
    }
}

/// The version line, and on a line of its own the SIMD level that
/// normalization uses here (`SARF_SIMD` and the CPU decide it).
fn version() -> &'static str {
    let text = format!("{}\nsimd: {}", env!("CARGO_PKG_VERSION"), sarf::SimdLevel::in_use());
    Box::leak(text.into_boxed_str())
}

/// An unknown `SARF_SIMD`, or one that asks for a path this CPU lacks, is
/// an error rather than a silent fallback: whoever set it wants that path.
fn check_simd_request() -> Result<(), Error> {
    let detected = sarf::SimdLevel::detected();
    match sarf::SimdLevel::requested()? {
        Some(level) if level > detected => Err(Error::usage(&format!(
            "SARF_SIMD={level} asks for a path this CPU lacks (the best it runs is {detected})"
        ))),
        _ => Ok(()),
    }
}

pub fn main() -> ExitCode {
    let command = Cli::command().version(version());
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if let Err(e) = check_simd_request() {
        report(&e);
        return ExitCode::FAILURE;
    }
    output::remove_temporaries_on_signals();
    let result = match cli.command {
        Command::Normalize(args) => normalize::run(&args),
        Command::Stem(args) => stem::run(&args),
        Command::Tokenize(args) => stem::run_tokenize(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Translit(args) => translit::run(&args),
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
    eprintln!("sarf: {}", error.message_with_causes());
}
