//! The `sarf` command-line tool: see `sarf --help`.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
