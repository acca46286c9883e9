//! JSON Lines: rewriting named string fields while keeping every other
//! field's text, and the field order, as they were. The `sarf` binary's
//! `--format jsonl` is built on this.
//!
//! ```
//! let mut out = String::new();
//! let line = r#"{"id": 7, "text": "الكتابُ", "n": 2.50}"#;
//! sarf::jsonl::rewrite_fields(line, &["text".to_string()], &mut out, |text| {
//!     serde_json::to_string(&sarf::Normalizer::default().normalize(text)).unwrap()
//! }).unwrap();
//! assert_eq!(out, r#"{"id":7,"text":"الكتاب","n":2.50}"#);
//! ```

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The fields of one JSON object, in order, values left as raw JSON text.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// Rewrites the string fields named in `names` with `rewrite` (which
/// returns the new value as JSON text) and appends the line to `out`.
/// Fields not named, and named fields that are absent, keep their text;
/// whitespace between fields is not kept. A line that is not a JSON object,
/// or a named field that is not a string, is an error (a message; `out`
/// may then hold part of the line).
pub fn rewrite_fields(
    line: &str,
    names: &[String],
    out: &mut String,
    mut rewrite: impl FnMut(&str) -> String,
) -> Result<(), String> {
    if line.trim().is_empty() {
        out.push_str(line);
        return Ok(());
    }
    let Fields(fields) = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    out.push('{');
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(name).expect("a string serializes"));
        out.push(':');
        if names.iter().any(|n| n == name) {
            let text: String = serde_json::from_str(value.get())
                .map_err(|_| format!("field {name:?} is not a string"))?;
            out.push_str(&rewrite(&text));
        } else {
            out.push_str(value.get());
        }
    }
    out.push('}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(line: &str, names: &[&str]) -> Result<String, String> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let mut out = String::new();
        rewrite_fields(line, &names, &mut out, |s| {
            serde_json::to_string(&s.to_uppercase()).unwrap()
        })?;
        Ok(out)
    }

    #[test]
    fn only_named_string_fields_change() {
        let line = r#"{"id": 7, "text": "abc", "meta": {"x": [1, 2.50]}, "title": "t"}"#;
        assert_eq!(
            upper(line, &["text"]).unwrap(),
            r#"{"id":7,"text":"ABC","meta":{"x": [1, 2.50]},"title":"t"}"#
        );
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(upper("{not json", &["text"]).unwrap_err().contains("malformed"));
        assert!(upper(r#"{"text": 5}"#, &["text"]).unwrap_err().contains("not a string"));
        assert!(upper("[1, 2]", &["text"]).is_err());
    }
}
