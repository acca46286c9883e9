//! Bench inputs shared by the benchmarks: the bundled news fixture, then
//! the named files of `../shared/corpus` that exist, each cut to
//! `SARF_BENCH_BYTES` (or `default_limit`) bytes at a char boundary.

use std::path::{Path, PathBuf};

/// `(file name, text)` for the fixture and each present corpus file.
pub fn inputs(corpus_files: &[&str], default_limit: usize) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = vec![root.join("tests/data/news-ar.txt")];
    let corpus = root.join("../shared/corpus");
    files.extend(corpus_files.iter().map(|name| corpus.join(name)).filter(|p| p.exists()));
    let limit = std::env::var("SARF_BENCH_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_limit);
    files
        .into_iter()
        .map(|path| {
            let mut text = std::fs::read_to_string(&path).expect("bench input is UTF-8");
            if text.len() > limit {
                let mut cut = limit;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
            }
            (path.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect()
}
