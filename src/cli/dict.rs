//! `sarf dict`: lexicon tools.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use sarf::Error;

use super::output::Output;

#[derive(Args, Debug)]
pub struct DictArgs {
    #[command(subcommand)]
    command: DictCommand,
}

#[derive(Subcommand, Debug)]
enum DictCommand {
    /// Compile a text lexicon into a prebuilt .fst for `sarf stem --stems FILE.fst` and the like.
    Compile {
        /// The text lexicon: one entry per line, `#` comments.
        input: PathBuf,
        /// The .fst file to write.
        #[arg(short, long, value_name = "PATH")]
        output: PathBuf,
        /// The input maps forms to stems (`form<TAB>stem`), as exceptions and verb forms do.
        #[arg(long)]
        form_map: bool,
    },
}

pub fn run(args: &DictArgs) -> Result<(), Error> {
    match &args.command {
        DictCommand::Compile { input, output, form_map } => {
            let bytes = sarf::stem::lexicons::compile_text_lexicon(input, *form_map)?;
            let mut out = Output::open(Some(output))?;
            out.write_all(&bytes).map_err(|e| Error::from_io(Some(output), e))?;
            out.commit()
        }
    }
}
