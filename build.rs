//! Compiles the text lexicons in `dictionaries/` into FSTs in `OUT_DIR`,
//! which `src/stem/lexicons/mod.rs` embeds with `include_bytes!`. The text
//! format is read by `src/stem/lexicons/format.rs`, as at run time.
//!
//! The text files are already normalized, sorted by UTF-8 bytes and
//! deduplicated (`scripts/build_lexicons.py` writes them; a test checks
//! them), so this only builds: a `fst::Set` for each word list, and for the
//! exceptions and verb forms a `fst::Map` from form to the ordinal of its
//! stem in the stems set.

use std::path::Path;

/// The lexicon text format, shared with the run-time loader.
mod format {
    include!("src/stem/lexicons/format.rs");
}

fn entries(name: &str) -> Vec<String> {
    let path = Path::new("dictionaries").join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter_map(format::entry).map(str::to_owned).collect()
}

fn set(name: &str, out: &Path) -> Vec<String> {
    let words = entries(&format!("{name}.txt"));
    for pair in words.windows(2) {
        assert!(
            pair[0] < pair[1],
            "dictionaries/{name}.txt: {:?} before {:?}: not sorted or duplicated",
            pair[0],
            pair[1]
        );
    }
    let set = fst::Set::from_iter(words.iter()).expect("sorted input");
    std::fs::write(out.join(format!("{name}.fst")), set.as_fst().as_bytes()).expect("write fst");
    words
}

/// A `form<TAB>stem` file as a map from form to the stem's ordinal.
fn map(name: &str, stems: &[String], out: &Path) {
    let mut map = fst::MapBuilder::memory();
    for line in entries(&format!("{name}.txt")) {
        let (form, stem) = format::form_and_stem(&line)
            .unwrap_or_else(|| panic!("{name}.txt: no tab in {line:?}"));
        let ordinal = stems.binary_search_by(|s| s.as_str().cmp(stem)).unwrap_or_else(|_| {
            panic!("{name}.txt: the stem of {form:?}, {stem:?}, is not in stems.txt")
        });
        map.insert(form, ordinal as u64).unwrap_or_else(|e| panic!("{name}.txt at {form:?}: {e}"));
    }
    std::fs::write(out.join(format!("{name}.fst")), map.into_inner().expect("map"))
        .expect("write fst");
}

fn main() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let stems = set("stems", &out);
    set("stopwords", &out);
    set("protected", &out);
    map("exceptions", &stems, &out);
    map("verbs", &stems, &out);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/stem/lexicons/format.rs");
}
