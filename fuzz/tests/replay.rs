//! Replays every seed and every kept finding of every target through the
//! same checks as the fuzz targets, so CI exercises them on a stable
//! toolchain in a few seconds.

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for dir in [root.join("corpus").join(target), root.join("regressions").join(target)] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{target}: {} fails", path.display());
            count += 1;
        }
    }
    assert!(count > 0, "no inputs for {target}");
}

#[test]
fn normalize() {
    replay("normalize", sarf_fuzz::normalize);
}

#[test]
fn tokenize() {
    replay("tokenize", sarf_fuzz::tokenize);
}

#[test]
fn stem() {
    replay("stem", sarf_fuzz::stem);
}

#[test]
fn lexicon() {
    replay("lexicon", sarf_fuzz::lexicon);
}

#[test]
fn config_text() {
    replay("config_text", sarf_fuzz::config_text);
}

#[test]
fn jsonl() {
    replay("jsonl", sarf_fuzz::jsonl);
}

#[test]
fn translit() {
    replay("translit", sarf_fuzz::translit);
}
