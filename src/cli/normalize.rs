//! `sarf normalize`.

use std::path::Path;

use clap::Args;
use sarf::{Error, Normalizer};

use super::NormalizerArgs;
use super::io::{BlockReport, Format, IoArgs, Transform, for_each_line, process};
use sarf::jsonl::rewrite_fields;

#[derive(Args, Debug)]
pub struct NormalizeArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    #[command(flatten)]
    io: IoArgs,
}

struct Normalize<'a> {
    normalizer: Normalizer,
    args: &'a IoArgs,
    fields: Vec<String>,
    counts: bool,
}

impl Transform for Normalize<'_> {
    fn apply(
        &self,
        text: &str,
        first_line: u64,
        input: Option<&Path>,
        out: &mut String,
        report: &mut BlockReport,
    ) -> Result<(), Error> {
        match self.args.format {
            Format::Text if self.counts => {
                self.normalizer.normalize_into_counting(text, out, &mut report.counts);
                Ok(())
            }
            Format::Text => {
                self.normalizer.normalize_into(text, out);
                Ok(())
            }
            Format::Jsonl => for_each_line(text, out, |n, line, out| {
                let start = out.len();
                let result = rewrite_fields(line, &self.fields, out, |value| {
                    let normalized = self.normalizer.normalize_counting(value, &mut report.counts);
                    serde_json::to_string(&*normalized).expect("a string serializes")
                });
                match result {
                    Ok(()) => Ok(()),
                    Err(_) if self.args.skip_bad_lines => {
                        out.truncate(start);
                        out.push_str(line);
                        report.bad_lines += 1;
                        Ok(())
                    }
                    Err(message) => Err(Error::bad_line(input, first_line + n, message)),
                }
            }),
        }
    }
}

pub fn run(args: &NormalizeArgs) -> Result<(), Error> {
    let transform = Normalize {
        normalizer: Normalizer::new(args.normalizer.config()?),
        args: &args.io,
        fields: args.io.fields(),
        counts: args.io.wants_counts(),
    };
    process(&args.io, &transform)
}
