//! `sarf explain`: what the normalizer changed in a text, and why.

use std::io::{IsTerminal, Write};

use clap::Args;
use sarf::{Error, Normalizer};

use super::NormalizerArgs;

#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    /// Colour the output: auto (on a terminal), always, never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    color: String,
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

pub fn run(args: &ExplainArgs) -> Result<(), Error> {
    let normalizer = Normalizer::new(args.normalizer.config()?);
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal(),
    };
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
