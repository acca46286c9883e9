//! `sarf normalize`.

use clap::Args;
use sarf::{Error, Normalizer};

use super::NormalizerArgs;
use super::io::{IoArgs, process};

#[derive(Args, Debug)]
pub struct NormalizeArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    #[command(flatten)]
    io: IoArgs,
}

pub fn run(args: &NormalizeArgs) -> Result<(), Error> {
    let normalizer = Normalizer::new(args.normalizer.config()?);
    process(&args.io, |text, out| normalizer.normalize_into(text, out))
}
