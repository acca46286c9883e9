//! The rules, one character at a time.
//!
//! `classify` is the specification of every context-free fold: given a
//! configuration and one character, what becomes of it. The engine compiles
//! it into a table for U+0600..=U+06FF and calls it directly elsewhere; the
//! only context-dependent behaviours (canonical composition and the
//! superscript alef after alef maksura) live in the engine.

use serde::{Deserialize, Serialize};

use super::config::{
    AlefMaksura, Diacritics, Digits, NormalizerConfig, Script, SuperscriptAlef, Zwnj,
};
use crate::chars::*;

/// A named rule of the normalizer. Each one matches the
/// [`NormalizerConfig`] field of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each variant is documented by its config field
#[non_exhaustive]
pub enum Rule {
    Diacritics,
    QuranicMarks,
    SuperscriptAlef,
    HamzaSeats,
    SmallLetters,
    ArticleLam,
    Tatweel,
    Compose,
    Alef,
    AlefMaksura,
    YehLookalikes,
    TehMarbuta,
    HehLookalikes,
    KafLookalikes,
    PersianLetters,
    HamzaCarriers,
    LoneHamza,
    Digits,
    PresentationForms,
    FormatControls,
    Zwnj,
    Elongation,
    Punctuation,
    Unicode,
}

impl Rule {
    /// Every rule, in the order the crate documentation lists them.
    pub const ALL: [Rule; 24] = [
        Rule::Diacritics,
        Rule::QuranicMarks,
        Rule::SuperscriptAlef,
        Rule::HamzaSeats,
        Rule::SmallLetters,
        Rule::ArticleLam,
        Rule::Tatweel,
        Rule::Compose,
        Rule::Alef,
        Rule::AlefMaksura,
        Rule::YehLookalikes,
        Rule::TehMarbuta,
        Rule::HehLookalikes,
        Rule::KafLookalikes,
        Rule::PersianLetters,
        Rule::HamzaCarriers,
        Rule::LoneHamza,
        Rule::Digits,
        Rule::PresentationForms,
        Rule::FormatControls,
        Rule::Zwnj,
        Rule::Elongation,
        Rule::Punctuation,
        Rule::Unicode,
    ];

    /// The rule's name: the same as its configuration field.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Diacritics => "diacritics",
            Rule::QuranicMarks => "quranic_marks",
            Rule::SuperscriptAlef => "superscript_alef",
            Rule::HamzaSeats => "hamza_seats",
            Rule::SmallLetters => "small_letters",
            Rule::ArticleLam => "article_lam",
            Rule::Tatweel => "tatweel",
            Rule::Compose => "compose",
            Rule::Alef => "alef",
            Rule::AlefMaksura => "alef_maksura",
            Rule::YehLookalikes => "yeh_lookalikes",
            Rule::TehMarbuta => "teh_marbuta",
            Rule::HehLookalikes => "heh_lookalikes",
            Rule::KafLookalikes => "kaf_lookalikes",
            Rule::PersianLetters => "persian_letters",
            Rule::HamzaCarriers => "hamza_carriers",
            Rule::LoneHamza => "lone_hamza",
            Rule::Digits => "digits",
            Rule::PresentationForms => "presentation_forms",
            Rule::FormatControls => "format_controls",
            Rule::Zwnj => "zwnj",
            Rule::Elongation => "elongation",
            Rule::Punctuation => "punctuation",
            Rule::Unicode => "unicode",
        }
    }

    /// One line on what the rule does, for `sarf explain` and reports.
    pub fn description(self) -> &'static str {
        match self {
            Rule::Diacritics => "removes tanween, harakat, shadda, sukun and marks U+0653..U+065F",
            Rule::QuranicMarks => "removes honorific signs and Quranic annotation marks",
            Rule::SuperscriptAlef => "removes the superscript (dagger) alef or writes it as alef",
            Rule::HamzaSeats => "writes a seatless Uthmani hamza on its plain-spelling seat",
            Rule::SmallLetters => "writes Uthmani small waw and yeh as letters, or drops them",
            Rule::ArticleLam => "writes back the article's lam merged into a following lam",
            Rule::Tatweel => "removes tatweel (kashida) used to stretch words",
            Rule::Compose => "composes a letter and a combining hamza or madda into one letter",
            Rule::Alef => "folds alef with hamza, madda or wasla to bare alef",
            Rule::AlefMaksura => "unifies alef maksura and yeh",
            Rule::YehLookalikes => "folds Farsi, Urdu and other yeh look-alikes to one yeh",
            Rule::TehMarbuta => "folds teh marbuta to heh",
            Rule::HehLookalikes => "folds heh look-alikes (heh goal, ae, heh with yeh) to heh",
            Rule::KafLookalikes => "folds keheh and swash kaf to one kaf",
            Rule::PersianLetters => "folds the Persian letters gaf, peh, tcheh, jeh, veh to Arabic",
            Rule::HamzaCarriers => "folds hamza on waw or yeh to the bare carrier",
            Rule::LoneHamza => "removes the lone hamza",
            Rule::Digits => "folds Arabic-Indic digits and separators",
            Rule::PresentationForms => "decomposes presentation forms and ligatures",
            Rule::FormatControls => "removes invisible format and bidi controls",
            Rule::Zwnj => "removes the zero width non-joiner or turns it into a space",
            Rule::Elongation => "collapses a letter repeated three or more times to one",
            Rule::Punctuation => "folds Arabic punctuation to ASCII",
            Rule::Unicode => "applies whole-text Unicode NFC or NFKC",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What one rule does to one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Unchanged.
    Keep,
    /// Removed by the rule.
    Delete(Rule),
    /// Replaced by one character.
    Map(Rule, char),
    /// Replaced by several characters (presentation forms), each of which
    /// still goes through [`classify`].
    Expand(Rule, &'static str),
    /// U+0670 under `superscript_alef = "full_alef"`: an alef, or nothing
    /// after alef maksura; the engine decides from context.
    FullAlef,
}

/// The yeh every yeh-like letter folds to: alef maksura when the config
/// folds towards it, else the target script's yeh.
fn yeh_target(config: &NormalizerConfig) -> char {
    match (config.alef_maksura, config.script) {
        (AlefMaksura::ToAlefMaksura, _) => ALEF_MAKSURA,
        (_, Script::Arabic) => YEH,
        (_, Script::Persian) => FARSI_YEH,
    }
}

fn kaf_target(config: &NormalizerConfig) -> char {
    match config.script {
        Script::Arabic => KAF,
        Script::Persian => KEHEH,
    }
}

/// Turns "replace with `to`" into `Keep` when `to` is the character itself.
fn map_unless_same(c: char, rule: Rule, to: char) -> Fold {
    if c == to { Fold::Keep } else { Fold::Map(rule, to) }
}

/// The fate of `c` under `config`, ignoring context. The result of a `Map`
/// is itself `Keep` under the same config (the folds reach a fixed point in
/// one step), which the tests check for every code point.
pub(crate) fn classify(config: &NormalizerConfig, c: char) -> Fold {
    match c {
        _ if is_harakat(c) || is_other_arabic_mark(c) => match config.diacritics {
            Diacritics::Keep => Fold::Keep,
            Diacritics::KeepShadda if c == SHADDA => Fold::Keep,
            Diacritics::Classic if is_other_arabic_mark(c) => Fold::Keep,
            _ => Fold::Delete(Rule::Diacritics),
        },
        _ if is_quranic_mark(c) => {
            if config.quranic_marks {
                Fold::Delete(Rule::QuranicMarks)
            } else {
                Fold::Keep
            }
        }
        SUPERSCRIPT_ALEF => match config.superscript_alef {
            SuperscriptAlef::Strip => Fold::Delete(Rule::SuperscriptAlef),
            SuperscriptAlef::Keep => Fold::Keep,
            // What the word-level rule leaves (nothing, in words it read)
            // is treated as `full_alef`.
            SuperscriptAlef::FullAlef | SuperscriptAlef::PlainSpelling => Fold::FullAlef,
        },
        TATWEEL if config.tatweel => Fold::Delete(Rule::Tatweel),
        _ if config.alef.folds(c) => Fold::Map(Rule::Alef, ALEF),
        ALEF_MAKSURA => match config.alef_maksura {
            AlefMaksura::ToYeh => Fold::Map(
                Rule::AlefMaksura,
                yeh_target(&NormalizerConfig { alef_maksura: AlefMaksura::Keep, ..*config }),
            ),
            _ => Fold::Keep,
        },
        YEH => {
            if config.alef_maksura == AlefMaksura::ToAlefMaksura {
                Fold::Map(Rule::AlefMaksura, ALEF_MAKSURA)
            } else if config.yeh_lookalikes {
                map_unless_same(c, Rule::YehLookalikes, yeh_target(config))
            } else {
                Fold::Keep
            }
        }
        FARSI_YEH | LETTER_E | YEH_WITH_TAIL | KASHMIRI_YEH | YEH_BARREE
            if config.yeh_lookalikes =>
        {
            map_unless_same(c, Rule::YehLookalikes, yeh_target(config))
        }
        // Farsi yeh is the Persian yeh itself: with the look-alike fold off,
        // only an explicit "to alef maksura" touches it.
        FARSI_YEH if config.alef_maksura == AlefMaksura::ToAlefMaksura => {
            Fold::Map(Rule::AlefMaksura, ALEF_MAKSURA)
        }
        YEH_BARREE_WITH_HAMZA_ABOVE if config.yeh_lookalikes => {
            let to = if config.hamza_carriers { yeh_target(config) } else { YEH_WITH_HAMZA_ABOVE };
            Fold::Map(Rule::YehLookalikes, to)
        }
        YEH_WITH_HAMZA_ABOVE if config.hamza_carriers => {
            Fold::Map(Rule::HamzaCarriers, yeh_target(config))
        }
        WAW_WITH_HAMZA_ABOVE if config.hamza_carriers => Fold::Map(Rule::HamzaCarriers, WAW),
        HAMZA if config.lone_hamza => Fold::Delete(Rule::LoneHamza),
        TEH_MARBUTA if config.teh_marbuta => Fold::Map(Rule::TehMarbuta, HEH),
        // The Urdu teh marbuta goal follows the Arabic teh marbuta: heh where
        // that is folded, teh marbuta where it is kept distinct.
        TEH_MARBUTA_GOAL if config.heh_lookalikes => {
            Fold::Map(Rule::HehLookalikes, if config.teh_marbuta { HEH } else { TEH_MARBUTA })
        }
        HEH_WITH_YEH_ABOVE | HEH_GOAL | HEH_GOAL_WITH_HAMZA_ABOVE | LETTER_AE | HEH_DOACHASHMEE
            if config.heh_lookalikes =>
        {
            Fold::Map(Rule::HehLookalikes, HEH)
        }
        KAF | KEHEH | SWASH_KAF if config.kaf_lookalikes => {
            map_unless_same(c, Rule::KafLookalikes, kaf_target(config))
        }
        GAF if config.persian_letters => Fold::Map(Rule::PersianLetters, kaf_target(config)),
        PEH if config.persian_letters => Fold::Map(Rule::PersianLetters, BEH),
        TCHEH if config.persian_letters => Fold::Map(Rule::PersianLetters, JEEM),
        JEH if config.persian_letters => Fold::Map(Rule::PersianLetters, ZAIN),
        VEH if config.persian_letters => Fold::Map(Rule::PersianLetters, FEH),
        _ if arabic_indic_digit(c).is_some() => match config.digits {
            Digits::Ascii => Fold::Map(Rule::Digits, ascii_digit(arabic_indic_digit(c))),
            _ => Fold::Keep,
        },
        _ if extended_arabic_indic_digit(c).is_some() => {
            let value = extended_arabic_indic_digit(c);
            match config.digits {
                Digits::Ascii => Fold::Map(Rule::Digits, ascii_digit(value)),
                Digits::ArabicIndic => Fold::Map(
                    Rule::Digits,
                    char::from_u32(ARABIC_INDIC_ZERO as u32 + value.unwrap_or(0)).unwrap_or(c),
                ),
                Digits::Keep => Fold::Keep,
            }
        }
        ARABIC_DECIMAL_SEPARATOR if config.digits == Digits::Ascii => Fold::Map(Rule::Digits, '.'),
        ARABIC_THOUSANDS_SEPARATOR if config.digits == Digits::Ascii => {
            Fold::Map(Rule::Digits, ',')
        }
        ARABIC_COMMA if config.punctuation => Fold::Map(Rule::Punctuation, ','),
        ARABIC_SEMICOLON if config.punctuation => Fold::Map(Rule::Punctuation, ';'),
        ARABIC_QUESTION_MARK if config.punctuation => Fold::Map(Rule::Punctuation, '?'),
        ARABIC_PERCENT_SIGN if config.punctuation => Fold::Map(Rule::Punctuation, '%'),
        ARABIC_FULL_STOP if config.punctuation => Fold::Map(Rule::Punctuation, '.'),
        ARABIC_FIVE_POINTED_STAR if config.punctuation => Fold::Map(Rule::Punctuation, '*'),
        ZWNJ => match config.zwnj {
            Zwnj::Strip => Fold::Delete(Rule::Zwnj),
            Zwnj::Keep => Fold::Keep,
            Zwnj::Space => Fold::Map(Rule::Zwnj, ' '),
        },
        _ if config.format_controls && is_format_control(c) => Fold::Delete(Rule::FormatControls),
        _ if config.presentation_forms && is_presentation_form(c) => match presentation_form(c) {
            Some(expansion) => Fold::Expand(Rule::PresentationForms, expansion),
            None => Fold::Keep,
        },
        _ => Fold::Keep,
    }
}

fn ascii_digit(value: Option<u32>) -> char {
    char::from_digit(value.unwrap_or(0), 10).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Preset;

    fn configs() -> Vec<NormalizerConfig> {
        let mut all: Vec<_> = Preset::ALL.iter().map(|p| p.config()).collect();
        all.push(NormalizerConfig::none());
        for script in [Script::Arabic, Script::Persian] {
            for alef_maksura in [AlefMaksura::Keep, AlefMaksura::ToYeh, AlefMaksura::ToAlefMaksura]
            {
                for hamza_carriers in [false, true] {
                    for teh_marbuta in [false, true] {
                        all.push(NormalizerConfig {
                            script,
                            alef_maksura,
                            hamza_carriers,
                            teh_marbuta,
                            persian_letters: true,
                            lone_hamza: true,
                            punctuation: true,
                            zwnj: Zwnj::Space,
                            ..Preset::Search.config()
                        });
                    }
                }
            }
        }
        all
    }

    /// One application of `classify` to `c`, expansions included, as the
    /// engine does it outside of composition.
    fn apply_once(config: &NormalizerConfig, c: char) -> String {
        let one = |c: char| match classify(config, c) {
            Fold::Keep => Some(c),
            Fold::Delete(_) => None,
            Fold::Map(_, to) => Some(to),
            Fold::FullAlef => Some(ALEF),
            Fold::Expand(..) => panic!("expansion of U+{:04X} holds another expansion", c as u32),
        };
        match classify(config, c) {
            Fold::Expand(_, text) => text.chars().filter_map(one).collect(),
            _ => one(c).into_iter().collect(),
        }
    }

    #[test]
    fn folds_reach_a_fixed_point_in_one_step() {
        // Whatever a rule writes must be left alone by the same config, or
        // the normalizer would not be idempotent.
        for config in configs() {
            for cp in 0..=0x10FFFF {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                for t in apply_once(&config, c).chars() {
                    let again = classify(&config, t);
                    assert_eq!(
                        again,
                        Fold::Keep,
                        "U+{cp:04X} → U+{:04X} is changed again under {config:?}",
                        t as u32
                    );
                }
            }
        }
    }

    #[test]
    fn rule_names_match_config_fields() {
        let fields = toml::to_string(&NormalizerConfig::default()).unwrap();
        for rule in Rule::ALL {
            assert!(fields.contains(&format!("{} =", rule.name())), "{rule} is not a config field");
        }
    }
}
