//! `sarf explain`: what the normalizer changed in a text, and why; with
//! `--stem`, how each word of it was stemmed, and what decided.

use std::io::{IsTerminal, Write};

use clap::Args;
use sarf::tokenize::TokenKind;
use sarf::{Analyzer, Decision, Error, Normalizer, StemMode, Stemmer};

use super::NormalizerArgs;

#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    /// Colour the output: auto (on a terminal), always, never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    color: String,
    /// Explain the stems instead: for each word, its normalized form, the
    /// proclitics, the stem, the suffixes, and what decided.
    #[arg(long)]
    stem: bool,
    /// The text to explain.
    text: String,
}

/// Code points as `U+0623 أ`, marks and invisible characters shown by
/// their code point only.
fn describe(text: &str) -> String {
    if text.is_empty() {
        return "(nothing)".to_string();
    }
    text.chars()
        .map(|c| {
            let visible = !c.is_control()
                && sarf::chars::combining_class(c) == 0
                && !sarf::chars::is_format_control(c)
                && c != '\u{200C}';
            if visible { format!("U+{:04X} {c}", c as u32) } else { format!("U+{:04X}", c as u32) }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `sarf explain --stem`: one line per word.
fn explain_stems(args: &ExplainArgs, color: bool) -> Result<String, Error> {
    let (normalizer_config, stemmer_config) = super::stem::stemmer_config(&args.normalizer)?;
    let stemmer = Stemmer::new(stemmer_config)?;
    // The analyzer only tokenizes and normalizes: each word's analysis
    // comes from the stemmer below, once.
    let analyzer =
        Analyzer::new(Normalizer::new(normalizer_config), stemmer.clone()).stemming(false);
    let (bold, reset) = if color { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
    let show = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
    let mut out = format!(
        "{bold}{:<14} {:<14} {:<8} {:<12} {:<8} decided by{reset}\n",
        "word", "normalized", "prefix", "stem", "suffix"
    );
    // The surface mode keeps what the lexicons would map.
    let surface = stemmer.config().mode == StemMode::Surface;
    for token in analyzer.analyze(&args.text) {
        let (prefix, stem, suffix, decided) = if token.kind == TokenKind::Arabic {
            let analysis = stemmer.analyze(&token.normalized);
            let mut decided = match analysis.decision {
                Decision::VerbForm if surface => "verb form, kept as written (surface mode)",
                Decision::Exception if surface => "exception entry, kept as written (surface mode)",
                decision => decision.description(),
            }
            .to_string();
            if analysis.stopword && analysis.decision != Decision::Stopword {
                decided.push_str("; a stopword");
            }
            (
                analysis.prefix.into_owned(),
                analysis.stem.into_owned(),
                analysis.suffix.into_owned(),
                decided,
            )
        } else {
            (String::new(), token.stem.to_string(), String::new(), "not an Arabic word".to_string())
        };
        out.push_str(&format!(
            "{:<14} {:<14} {:<8} {bold}{:<12}{reset} {:<8} {decided}\n",
            token.surface,
            token.normalized,
            show(&prefix),
            stem,
            show(&suffix)
        ));
    }
    Ok(out)
}

pub fn run(args: &ExplainArgs) -> Result<(), Error> {
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal(),
    };
    if args.stem {
        let out = explain_stems(args, color)?;
        return std::io::stdout().write_all(out.as_bytes()).map_err(|e| Error::from_io(None, e));
    }
    let normalizer = Normalizer::new(args.normalizer.config()?);
    let (bold, rule_color, reset) =
        if color { ("\x1b[1m", "\x1b[33m", "\x1b[0m") } else { ("", "", "") };
    let trace = normalizer.trace(&args.text);
    let mut out = String::new();
    out.push_str(&format!(
        "{bold}input:{reset}  {}\n{bold}output:{reset} {}\n",
        args.text,
        trace.output()
    ));
    if trace.changes().is_empty() {
        out.push_str("no rule changed anything\n");
    }
    for change in trace.changes() {
        let from = &args.text[change.input.clone()];
        let to = &trace.output()[change.output.clone()];
        out.push_str(&format!(
            "bytes {:>3}..{:<3} {rule_color}{:<18}{reset} {} -> {}   ({})\n",
            change.input.start,
            change.input.end,
            change.rule.name(),
            describe(from),
            describe(to),
            change.rule.description()
        ));
    }
    let counts = trace.counts();
    if counts.total() > 0 {
        let summary: Vec<String> = counts.iter().map(|(rule, n)| format!("{rule} {n}")).collect();
        out.push_str(&format!("{bold}changes:{reset} {}\n", summary.join(", ")));
    }
    std::io::stdout().write_all(out.as_bytes()).map_err(|e| Error::from_io(None, e))
}
