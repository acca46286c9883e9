//! `sarf translit`: Arabic script to and from the Buckwalter schemes.

use std::path::Path;

use clap::{Args, ValueEnum};
use sarf::Error;
use sarf::bulk::LineCut;
use sarf::translit::{Scheme, from_scheme, to_scheme};

use super::io::{BlockReport, Format, IoArgs, Place, Transform, process};
use super::records::rewrite_json_block;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum To {
    /// Buckwalter.
    Bw,
    /// Safe Buckwalter.
    Safebw,
    /// XML-safe Buckwalter.
    Xmlbw,
    /// Habash-Soudi-Buckwalter.
    Hsb,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum From {
    /// Buckwalter.
    Bw,
    /// Safe Buckwalter.
    Safebw,
    /// XML-safe Buckwalter.
    Xmlbw,
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false, id = "direction")]
pub struct TranslitArgs {
    /// Arabic script to this scheme (CAMeL Tools' ar2bw, ar2safebw,
    /// ar2xmlbw, ar2hsb).
    #[arg(long, value_enum, group = "direction")]
    to: Option<To>,
    /// This scheme to Arabic script (CAMeL Tools' bw2ar, safebw2ar, xmlbw2ar).
    #[arg(long, value_enum, group = "direction")]
    from: Option<From>,
    #[command(flatten)]
    io: IoArgs,
}

struct Translit<'a> {
    scheme: Scheme,
    to_arabic: bool,
    args: &'a IoArgs,
    fields: Vec<String>,
}

impl Translit<'_> {
    fn map<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.to_arabic { from_scheme(self.scheme, text) } else { to_scheme(self.scheme, text) }
    }
}

impl Transform for Translit<'_> {
    /// Character for character: any place between two characters would do.
    fn line_cut(&self) -> LineCut {
        LineCut::BetweenLetters
    }

    fn value(&self, text: &str, out: &mut String, _: &mut BlockReport) {
        out.push_str(&self.map(text));
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
            // Character for character: a line feed stays a line feed.
            Format::Text => {
                out.push_str(&self.map(text));
                Ok(())
            }
            Format::Jsonl => rewrite_json_block(
                self.args,
                &self.fields,
                text,
                (input, place.first_line),
                out,
                &mut report.bad_lines,
                |value| serde_json::to_string(&*self.map(value)).expect("a string serializes"),
            ),
            #[cfg(feature = "parquet")]
            Format::Parquet => unreachable!("Parquet files are read by column, not in blocks"),
        }
    }
}

pub fn run(args: &TranslitArgs) -> Result<(), Error> {
    let (scheme, to_arabic) = match (args.to, args.from) {
        (Some(to), _) => (
            match to {
                To::Bw => Scheme::Bw,
                To::Safebw => Scheme::SafeBw,
                To::Xmlbw => Scheme::XmlBw,
                To::Hsb => Scheme::Hsb,
            },
            false,
        ),
        (None, Some(from)) => (
            match from {
                From::Bw => Scheme::Bw,
                From::Safebw => Scheme::SafeBw,
                From::Xmlbw => Scheme::XmlBw,
            },
            true,
        ),
        (None, None) => return Err(Error::usage("translit needs --to SCHEME or --from SCHEME")),
    };
    let transform = Translit { scheme, to_arabic, args: &args.io, fields: args.io.fields() };
    process(&args.io, &transform)
}
