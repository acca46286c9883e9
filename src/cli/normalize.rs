//! `sarf normalize`.

use std::path::Path;

use clap::Args;
use sarf::bulk::LineCut;
use sarf::{Error, Normalizer};

use super::NormalizerArgs;
use super::io::{BlockReport, Format, IoArgs, Place, Transform, process};
use super::records::rewrite_json_block;

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
    fn line_cut(&self) -> LineCut {
        self.normalizer.line_cut()
    }

    fn value(&self, text: &str, out: &mut String, report: &mut BlockReport) {
        if self.counts {
            self.normalizer.normalize_into_counting(text, out, &mut report.counts);
        } else {
            self.normalizer.normalize_into(text, out);
        }
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
            Format::Text if self.counts => {
                self.normalizer.normalize_into_counting(text, out, &mut report.counts);
                Ok(())
            }
            Format::Text => {
                self.normalizer.normalize_into(text, out);
                Ok(())
            }
            #[cfg(feature = "parquet")]
            Format::Parquet => unreachable!("Parquet files are read by column, not in blocks"),
            Format::Jsonl => {
                let counts = &mut report.counts;
                rewrite_json_block(
                    self.args,
                    &self.fields,
                    text,
                    (input, place.first_line),
                    out,
                    &mut report.bad_lines,
                    |value| {
                        let normalized = self.normalizer.normalize_counting(value, counts);
                        serde_json::to_string(&*normalized).expect("a string serializes")
                    },
                )
            }
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
