//! Reading lexicon files (text or prebuilt `.fst`) and compiling text
//! lexicons to `.fst`, for `sarf dict compile`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use fst::Streamer;

use super::format;
use super::table::StemTable;
use super::{Bytes, FormMap, KEY_NORMALIZER};
use crate::error::Error;

pub(super) fn lexicon_error(path: &Path, line: Option<u64>, message: impl Into<String>) -> Error {
    Error::lexicon(path, line, message.into())
}

fn is_fst(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("fst"))
}

fn read_fst_set(path: &Path) -> Result<fst::Set<Bytes>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(Some(path), e))?;
    let set = fst::Set::new(Bytes::Owned(bytes))
        .map_err(|e| lexicon_error(path, None, "not a valid fst set").caused_by(e))?;
    // `Set::new` only checks the header; walking a corrupt FST can panic
    // (found by the `lexicon` fuzz target). The checksum that fst's builder
    // writes rules out corrupt or foreign files before any walk.
    set.as_fst()
        .verify()
        .map_err(|e| lexicon_error(path, None, "not a valid fst set (checksum)").caused_by(e))?;
    Ok(set)
}

/// The entries of a text lexicon: `(line number, entry)` for each line that
/// is not blank or a `#` comment.
fn text_entries(path: &Path) -> Result<Vec<(u64, String)>, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(Some(path), e))?;
    let mut entries = Vec::new();
    let mut offset = 0u64;
    for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = n as u64 + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        let text = std::str::from_utf8(line).map_err(|e| {
            lexicon_error(
                path,
                Some(number),
                format!("invalid UTF-8 at byte offset {}", offset + e.valid_up_to() as u64),
            )
        })?;
        // The whole line, its carriage return included, and its line feed.
        offset += raw.len() as u64 + 1;
        if let Some(entry) = format::entry(text) {
            entries.push((number, entry.to_string()));
        }
    }
    Ok(entries)
}

/// Normalizes one entry to key form; a malformed entry is an error.
fn key_of(path: &Path, line: u64, entry: &str) -> Result<String, Error> {
    if entry.chars().any(char::is_whitespace) {
        return Err(lexicon_error(path, Some(line), format!("{entry:?} is not a single word")));
    }
    let key = KEY_NORMALIZER.normalize(entry).into_owned();
    if key.is_empty() {
        return Err(lexicon_error(path, Some(line), format!("{entry:?} is empty once normalized")));
    }
    Ok(key)
}

pub(super) fn load_set(path: &Path) -> Result<fst::Set<Bytes>, Error> {
    if is_fst(path) {
        return read_fst_set(path);
    }
    let mut seen = HashSet::new();
    let mut keys = Vec::new();
    for (line, entry) in text_entries(path)? {
        let key = key_of(path, line, &entry)?;
        if !seen.insert(key.clone()) {
            return Err(lexicon_error(
                path,
                Some(line),
                format!("duplicate entry {entry:?} (as {key:?})"),
            ));
        }
        keys.push(key);
    }
    keys.sort_unstable();
    let set = fst::Set::from_iter(keys)
        .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    Ok(fst::Set::new(Bytes::Owned(set.into_fst().into_inner())).expect("just built"))
}

pub(super) fn load_form_map(path: &Path) -> Result<FormMap, Error> {
    let mut pairs = Vec::new();
    if is_fst(path) {
        // A prebuilt form map is an FST set of `form<TAB>stem` keys.
        let set = read_fst_set(path)?;
        let mut stream = set.stream();
        while let Some(key) = stream.next() {
            let text = std::str::from_utf8(key)
                .map_err(|_| lexicon_error(path, None, "an entry is not UTF-8"))?;
            let (form, stem) = format::form_and_stem(text)
                .ok_or_else(|| lexicon_error(path, None, format!("entry {text:?} has no tab")))?;
            pairs.push((form.to_string(), stem.to_string()));
        }
    } else {
        let mut seen = HashSet::new();
        for (line, entry) in text_entries(path)? {
            let Some((form, stem)) = format::form_and_stem(&entry) else {
                return Err(lexicon_error(
                    path,
                    Some(line),
                    format!("expected form<TAB>stem, got {entry:?}"),
                ));
            };
            let (form, stem) = (key_of(path, line, form)?, key_of(path, line, stem)?);
            if !seen.insert(form.clone()) {
                return Err(lexicon_error(path, Some(line), format!("duplicate form {form:?}")));
            }
            pairs.push((form, stem));
        }
    }
    pairs.sort_unstable();
    let mut stems: Vec<&str> = pairs.iter().map(|(_, s)| s.as_str()).collect();
    stems.sort_unstable();
    stems.dedup();
    let targets = fst::Set::from_iter(&stems)
        .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    let mut builder = fst::MapBuilder::memory();
    for (form, stem) in &pairs {
        // A stem's ordinal is its place among the sorted stems.
        let ordinal = stems.partition_point(|s| *s < stem.as_str()) as u64;
        builder
            .insert(form, ordinal)
            .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    }
    let bytes = builder
        .into_inner()
        .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
    let map = fst::Map::new(Bytes::Owned(bytes)).expect("just built");
    Ok(FormMap::new(map, Arc::new(StemTable::from_set(&targets))))
}

/// Compiles a text lexicon into the bytes of a prebuilt `.fst`: a set of
/// entries, or for a form map (exceptions, verb forms) a set of
/// `form<TAB>stem` keys. Entries are normalized and checked as when loading
/// text.
pub fn compile_text_lexicon(path: &Path, form_map: bool) -> Result<Vec<u8>, Error> {
    if form_map {
        let loaded = load_form_map(path)?;
        let mut keys = Vec::with_capacity(loaded.map.len());
        let mut stream = loaded.map.stream();
        while let Some((form, ordinal)) = stream.next() {
            let stem = loaded.targets.get(ordinal).unwrap_or("");
            keys.push(format!("{}\t{stem}", std::str::from_utf8(form).unwrap_or("")));
        }
        keys.sort_unstable();
        let set = fst::Set::from_iter(keys)
            .map_err(|e| lexicon_error(path, None, "cannot build its fst").caused_by(e))?;
        Ok(set.into_fst().into_inner())
    } else {
        Ok(load_set(path)?.as_fst().as_bytes().to_vec())
    }
}
