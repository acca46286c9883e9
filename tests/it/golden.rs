//! Golden tests on the news fixture (a real article whose keyword line uses
//! Persian ک and ی): one hand-checked expected file per preset.

use sarf::{Normalizer, Preset};

use crate::read_data;

#[test]
fn each_preset_matches_its_expected_file() {
    let input = read_data("news-ar.txt");
    for preset in Preset::ALL {
        let expected = read_data(&format!("news-ar.{}.txt", preset.name()));
        let got = Normalizer::from_preset(preset).normalize(&input);
        for (n, (g, e)) in got.lines().zip(expected.lines()).enumerate() {
            assert_eq!(
                g,
                e,
                "preset {preset}, line {}: output differs from tests/data/news-ar.{preset}.txt",
                n + 1
            );
        }
        assert_eq!(got, expected, "preset {preset}: line count or line ends differ");
    }
}

#[test]
fn keyword_line_matches_the_body_after_search() {
    let input = read_data("news-ar.txt");
    let search = Normalizer::from_preset(Preset::Search);
    let keywords = input.lines().find(|l| l.contains('\u{06A9}')).expect("keyword line with keheh");
    let persian = keywords.rsplit(' ').take(2).collect::<Vec<_>>();
    let persian = format!("{} {}", persian[1], persian[0]);
    assert_eq!(
        persian,
        "\u{06A9}\u{0648}\u{0631}\u{06CC}\u{0627} \u{0627}\u{0644}\u{0634}\u{0645}\u{0627}\u{0644}\u{06CC}\u{0629}"
    );
    assert_eq!(search.normalize(&persian), search.normalize("كوريا الشمالية"));
}

#[test]
fn search_output_has_no_stripped_characters() {
    let out =
        Normalizer::from_preset(Preset::Search).normalize(&read_data("news-ar.txt")).into_owned();
    for c in out.chars() {
        let cp = c as u32;
        assert!(!(0x064B..=0x065F).contains(&cp), "diacritic U+{cp:04X} survived");
        assert!(
            !matches!(
                c,
                '\u{0640}'
                    | '\u{06A9}'
                    | '\u{06CC}'
                    | '\u{0629}'
                    | '\u{0649}'
                    | '\u{0623}'
                    | '\u{0625}'
                    | '\u{0622}'
            ),
            "U+{cp:04X} survived the search preset"
        );
    }
}
