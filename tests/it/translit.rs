//! `sarf::translit` against CAMeL Tools' own map files
//! (`tests/data/camel-charmaps/`, a transcription of the package's
//! `charmaps/*_map.json`): the reference below applies them as
//! `CharMapper.map_string` does, each character on its own, characters
//! outside the map passing through.

use std::collections::HashMap;

use proptest::prelude::*;
use sarf::translit::{Scheme, from_scheme, to_scheme};

use crate::{data, read_data};

/// CAMeL Tools' `CharMapper.builtin_mapper(name).map_string`, from its map file.
fn camel(name: &str) -> impl Fn(&str) -> String {
    let json: serde_json::Value =
        serde_json::from_str(&read_data(&format!("camel-charmaps/{name}_map.json"))).unwrap();
    assert!(json["default"].is_null(), "{name}: characters outside the map pass through");
    let map: HashMap<char, String> = json["charMap"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.chars().next().unwrap(), v.as_str().unwrap().to_string()))
        .collect();
    move |text: &str| {
        text.chars().map(|c| map.get(&c).cloned().unwrap_or_else(|| c.to_string())).collect()
    }
}

const TO: [(Scheme, &str); 4] = [
    (Scheme::Bw, "ar2bw"),
    (Scheme::SafeBw, "ar2safebw"),
    (Scheme::XmlBw, "ar2xmlbw"),
    (Scheme::Hsb, "ar2hsb"),
];
const FROM: [(Scheme, &str); 3] =
    [(Scheme::Bw, "bw2ar"), (Scheme::SafeBw, "safebw2ar"), (Scheme::XmlBw, "xmlbw2ar")];

#[test]
fn the_fixture_and_its_diacritized_forms_match_camel_tools() {
    let fixture = read_data("news-ar.txt");
    let diacritized = "وَقَرَأَ الطُّلَّابُ كُتُبَهُمْ فِي المَكْتَبَةِ، إِنَّ الْحَيَاةَ جَمِيلَةٌ ٱلرَّحْمَٰنِ";
    for (scheme, name) in TO {
        let reference = camel(name);
        for text in [fixture.as_str(), diacritized] {
            assert_eq!(to_scheme(scheme, text), reference(text), "{name}");
        }
    }
    for (scheme, name) in FROM {
        let reference = camel(name);
        let transliterated = to_scheme(scheme, diacritized).into_owned();
        assert_eq!(from_scheme(scheme, &transliterated), reference(&transliterated), "{name}");
        assert_eq!(from_scheme(scheme, &transliterated), diacritized, "{name}: round trip");
    }
    assert!(data("camel-charmaps/LICENSE").exists(), "the maps' licence travels with them");
}

fn mixed_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        6 => (0x0600u32..=0x06FF).prop_map(|c| char::from_u32(c).unwrap()),
        3 => (0x20u32..=0x7E).prop_map(|c| char::from_u32(c).unwrap()),
        1 => any::<char>(),
    ];
    proptest::collection::vec(c, 0..60).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn any_text_matches_camel_tools_and_arabic_round_trips(text in mixed_text()) {
        for (scheme, name) in TO {
            prop_assert_eq!(to_scheme(scheme, &text), camel(name)(&text), "{}", name);
        }
        for (scheme, name) in FROM {
            prop_assert_eq!(from_scheme(scheme, &text), camel(name)(&text), "{}", name);
            // Arabic-script text without the schemes' ASCII symbols comes back.
            let arabic: String = text.chars().filter(|c| !c.is_ascii()).collect();
            let there = to_scheme(scheme, &arabic).into_owned();
            prop_assert_eq!(from_scheme(scheme, &there), arabic.as_str(), "{} round trip", name);
        }
    }
}
