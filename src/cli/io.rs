//! The input/output loop shared by the text commands: read each input in
//! blocks of whole lines, turn each block into output text, write it.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;
use sarf::Error;
use sarf::bulk::{Block, DEFAULT_BLOCK_SIZE, LineBlocks};

use super::output::Output;

/// Where text comes from and goes to.
#[derive(Args, Debug)]
pub struct IoArgs {
    /// Write to this file (atomically: a temporary file renamed into place
    /// on success) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping with an error.
    #[arg(long)]
    pub lossy: bool,
    /// Input files; none or `-` reads stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

/// Runs `transform` over every block of every input, appending to a reused
/// output buffer, and writes the results in order.
pub fn process(args: &IoArgs, mut transform: impl FnMut(&str, &mut String)) -> Result<(), Error> {
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
                transform(&block.to_str_lossy().0, &mut out);
            } else {
                transform(block.as_str(name)?, &mut out);
            }
            output.write_all(out.as_bytes()).map_err(|e| Error::from_io(output.path(), e))?;
        }
    }
    output.commit()
}

/// Calls `line` for each line of `text` without its line ending, then
/// appends that ending (LF, CRLF or none) to `out`.
pub fn for_each_line(text: &str, out: &mut String, mut line: impl FnMut(&str, &mut String)) {
    for raw in text.split_inclusive('\n') {
        let (body, ending) = match raw.strip_suffix("\r\n") {
            Some(body) => (body, "\r\n"),
            None => match raw.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (raw, ""),
            },
        };
        line(body, out);
        out.push_str(ending);
    }
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
