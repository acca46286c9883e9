// The text format of a lexicon file, in one place for the run-time loader
// (`load.rs`) and for `build.rs`, which includes this file with `include!`:
// plain `std` code, no imports.
//
// One entry a line; blank lines and lines whose first non-blank character
// is `#` are skipped; white space around an entry is not part of it (a
// Windows line end included). An entry of a form map (exceptions, verb
// forms) is `form<TAB>stem`.

/// The entry a line of a lexicon file holds, if any.
pub fn entry(line: &str) -> Option<&str> {
    let entry = line.trim();
    (!entry.is_empty() && !entry.starts_with('#')).then_some(entry)
}

/// The form and the stem of a form map's entry, each trimmed; `None` if
/// the entry has no tab.
pub fn form_and_stem(entry: &str) -> Option<(&str, &str)> {
    let (form, stem) = entry.split_once('\t')?;
    Some((form.trim(), stem.trim()))
}
