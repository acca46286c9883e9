//! `sarf normalize`.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use sarf::Error;
use sarf::Normalizer;
use sarf::bulk::{Block, DEFAULT_BLOCK_SIZE, LineBlocks};

use super::NormalizerArgs;
use super::output::Output;

#[derive(Args, Debug)]
pub struct NormalizeArgs {
    #[command(flatten)]
    normalizer: NormalizerArgs,
    /// Write to this file (atomically: a temporary file renamed into place
    /// on success) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping with an error.
    #[arg(long)]
    lossy: bool,
    /// Input files; none or `-` reads stdin.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
}

pub fn run(args: &NormalizeArgs) -> Result<(), Error> {
    let normalizer = Normalizer::new(args.normalizer.config()?);
    let inputs: Vec<PathBuf> =
        if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    refuse_overwriting_an_input(args.output.as_deref(), &inputs)?;
    let mut output = Output::open(args.output.as_deref())?;
    let mut out = String::new();
    let mut block = Block::default();
    for input in &inputs {
        let (reader, name): (Box<dyn Read>, Option<&Path>) = if input == Path::new("-") {
            (Box::new(std::io::stdin().lock()), None)
        } else {
            let file = File::open(input).map_err(|e| Error::from_io(Some(input), e))?;
            (Box::new(file), Some(input.as_path()))
        };
        let mut blocks = LineBlocks::new(reader, name, DEFAULT_BLOCK_SIZE);
        while blocks.next_into(&mut block)? {
            out.clear();
            if args.lossy {
                normalizer.normalize_into(&block.to_str_lossy().0, &mut out);
            } else {
                normalizer.normalize_into(block.as_str(name)?, &mut out);
            }
            output.write_all(out.as_bytes()).map_err(|e| Error::from_io(output.path(), e))?;
        }
    }
    output.commit()
}

/// An output path that names one of the inputs would destroy it.
fn refuse_overwriting_an_input(output: Option<&Path>, inputs: &[PathBuf]) -> Result<(), Error> {
    let Some(output) = output.filter(|p| *p != Path::new("-")) else { return Ok(()) };
    let Ok(target) = output.canonicalize() else { return Ok(()) };
    for input in inputs {
        if input.canonicalize().is_ok_and(|i| i == target) {
            return Err(Error::from_io(
                Some(output),
                std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "output is also an input; refusing to overwrite it",
                ),
            ));
        }
    }
    Ok(())
}
