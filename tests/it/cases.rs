//! Replays `tests/data/cases.toml` through the library.

use sarf::{Normalizer, NormalizerConfig, Preset};
use serde::Deserialize;

use crate::{codepoints, read_data};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub preset: String,
    #[serde(default)]
    pub config: Option<toml::Table>,
    pub input: String,
    pub expected: String,
    #[allow(dead_code)]
    pub why: String,
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

pub fn load() -> Vec<Case> {
    let cases: Cases = toml::from_str(&read_data("cases.toml")).expect("cases.toml parses");
    cases.case
}

impl Case {
    /// The case's configuration: the preset with the overrides applied.
    pub fn config(&self) -> NormalizerConfig {
        let preset: Preset = self.preset.parse().expect("known preset");
        let mut value = toml::Table::try_from(preset.config()).expect("config serializes");
        if let Some(overrides) = &self.config {
            value.extend(overrides.clone());
        }
        value.try_into().unwrap_or_else(|e| panic!("case {:?}: bad config: {e}", self.name))
    }
}

#[test]
fn named_cases() {
    let cases = load();
    assert!(cases.len() >= 20, "cases.toml lost cases");
    for case in cases {
        let normalizer = Normalizer::new(case.config());
        let got = normalizer.normalize(&case.input);
        assert_eq!(
            got,
            case.expected,
            "case {:?}\n  got      {}\n  expected {}",
            case.name,
            codepoints(&got),
            codepoints(&case.expected)
        );
        // Every case's output is already normalized.
        assert_eq!(normalizer.normalize(&got), got, "case {:?} is not idempotent", case.name);
    }
}
