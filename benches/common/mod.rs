//! What the benchmarks share: criterion's settings, and the inputs (the
//! bundled news fixture, then the named files of `../shared/corpus` that
//! exist, each cut to `SARF_BENCH_BYTES` (or a default) bytes at a char
//! boundary). Each bench uses what it needs of this module.
#![allow(dead_code)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};

/// No plots (drawing them took most of a `--quick` run) and a short
/// warm-up: with `-- --quick`, all the benches run in about half a minute,
/// short enough to run before committing to a hot path.
pub fn criterion() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
}

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

/// The machine's limits on `text`, measured in `group` beside the code
/// under test: a memcpy of its bytes and `std::str::from_utf8` over them.
pub fn bench_limits(group: &mut BenchmarkGroup<'_, WallTime>, text: &str) {
    let mut copy = vec![0u8; text.len()];
    group.bench_function("memcpy", |b| {
        b.iter(|| {
            copy.copy_from_slice(black_box(text.as_bytes()));
            black_box(&copy);
        })
    });
    group.bench_function("from_utf8", |b| {
        b.iter(|| assert!(std::str::from_utf8(black_box(text.as_bytes())).is_ok()))
    });
}
