//! The integration test binary: golden files, named cases, one test per
//! rule, properties, and the command-line tool.

mod adversarial;
mod cases;
mod cli;
mod cli_files;
mod compat;
mod golden;
mod properties;
mod reference;
mod rules;
mod simd;
mod stem;
mod stem_classes;
mod translit;
mod uthmani;

use std::path::{Path, PathBuf};

/// A file under `tests/data/`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

pub fn read_data(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap_or_else(|e| panic!("tests/data/{name}: {e}"))
}

/// Code points as `U+XXXX` for assertion messages about invisible text.
pub fn codepoints(s: &str) -> String {
    s.chars().map(|c| format!("U+{:04X}", c as u32)).collect::<Vec<_>>().join(" ")
}
