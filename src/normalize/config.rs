//! The normalizer's configuration: plain data, one field per rule, with named
//! presets.
//!
//! A [`NormalizerConfig`] is what users write in TOML or JSON; the
//! [`Normalizer`](crate::Normalizer) compiles it once into lookup tables.
//! Missing fields take the value of the `search` preset (the default), and
//! unknown fields are an error, so a typo never silently turns a rule off.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// What happens to tanween, harakat, shadda and sukun (U+064B..=U+0652) and
/// the other marks U+0653..=U+065F.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Diacritics {
    /// Remove them all (the `search` and `nlp` default).
    Strip,
    /// Remove them all but U+0651 ARABIC SHADDA, which marks a doubled
    /// consonant and distinguishes words such as درس / درّس.
    KeepShadda,
    /// Keep every mark (the `display` default).
    Keep,
}

/// What happens to U+0670 ARABIC LETTER SUPERSCRIPT ALEF (the dagger alef).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuperscriptAlef {
    /// Remove it, as modern spelling does for هٰذا → هذا.
    Strip,
    /// Leave it.
    Keep,
    /// Write it as a full U+0627 ARABIC LETTER ALEF, as Quranic Uthmani
    /// spelling needs (الرحمٰن → الرحمان); after U+0649 ALEF MAKSURA, where
    /// it only marks the maksura as pronounced alef (علىٰ), it is dropped.
    FullAlef,
}

/// How U+0649 ARABIC LETTER ALEF MAKSURA and yeh are unified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlefMaksura {
    /// Keep alef maksura and yeh distinct (`nlp`, `display`).
    Keep,
    /// Alef maksura becomes yeh (ى → ي, as Lucene's ArabicNormalizer does).
    ToYeh,
    /// Yeh becomes alef maksura (ي → ى); the direction some Egyptian-text
    /// pipelines prefer, since final ي is often written ى there.
    ToAlefMaksura,
}

/// Where digits are folded to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Digits {
    /// Leave every digit as written.
    Keep,
    /// Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits
    /// become ASCII `0`..`9`; U+066B ARABIC DECIMAL SEPARATOR becomes `.` and
    /// U+066C ARABIC THOUSANDS SEPARATOR becomes `,`.
    Ascii,
    /// Extended Arabic-Indic digits become Arabic-Indic (۴ → ٤); ASCII digits
    /// and the separators are left alone.
    ArabicIndic,
}

/// What happens to U+200C ZERO WIDTH NON-JOINER.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zwnj {
    /// Remove it (می‌خواهم → میخواهم), so the word matches the many texts
    /// written without it.
    Strip,
    /// Leave it: Persian uses it inside words, and it changes their shape.
    Keep,
    /// Turn it into an ASCII space, so a tokenizer splits there (what
    /// Lucene's PersianCharFilter does).
    Space,
}

/// The script the look-alike letters are folded towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Fold to Arabic letters: ک → ك, ی → ي (the default).
    Arabic,
    /// Fold to Persian letters: ك → ک, ي → ی, ى → ی.
    Persian,
}

/// An optional whole-text Unicode normalization applied before the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnicodeForm {
    /// None (the default): only the rules below apply, and text in other
    /// scripts passes through byte for byte.
    None,
    /// Unicode NFC on the whole text first.
    Nfc,
    /// Unicode NFKC on the whole text first (folds fullwidth Latin,
    /// superscripts, ligatures of every script...).
    Nfkc,
}

/// The rules of the normalizer, one field each. See the crate docs for the
/// exact code points of every rule and what each fold loses.
///
/// `Default` is the [`Preset::Search`] configuration.
///
/// ```
/// use sarf::{NormalizerConfig, Preset};
///
/// let config: NormalizerConfig = toml::from_str(r#"
///     teh_marbuta = false
///     diacritics = "keep_shadda"
/// "#).unwrap();
/// assert!(!config.teh_marbuta);
/// assert!(config.alef, "unset fields keep the search preset's value");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NormalizerConfig {
    /// Tanween, harakat, shadda, sukun and the other marks U+0653..=U+065F.
    /// Default: `strip`.
    pub diacritics: Diacritics,
    /// Strip the honorific signs, Quranic annotation marks and extended marks
    /// (U+0610..=U+061A, U+06D6..=U+06DC, U+06DF..=U+06E8, U+06EA..=U+06ED,
    /// U+08D3..=U+08E1, U+08E3..=U+08FF). Default: `true`.
    pub quranic_marks: bool,
    /// U+0670 ARABIC LETTER SUPERSCRIPT ALEF. Default: `strip`.
    pub superscript_alef: SuperscriptAlef,
    /// Strip U+0640 ARABIC TATWEEL (kashida). Default: `true`.
    pub tatweel: bool,
    /// Compose decomposed sequences (U+0627 U+0654 → U+0623, ...) so they
    /// give the same result as the precomposed letter. Default: `true`.
    pub compose: bool,
    /// Fold alef variants U+0622, U+0623, U+0625, U+0671, U+0672, U+0673,
    /// U+0675 to U+0627 ARABIC LETTER ALEF. Default: `true`.
    pub alef: bool,
    /// Unify U+0649 ALEF MAKSURA and yeh. Default: `to_yeh`.
    pub alef_maksura: AlefMaksura,
    /// Fold the yeh look-alikes U+06CC FARSI YEH, U+06D0 E, U+06CD YEH WITH
    /// TAIL, U+0620 KASHMIRI YEH, U+06D2 YEH BARREE (and U+06D3) to the
    /// target script's yeh. Default: `true`.
    pub yeh_lookalikes: bool,
    /// Fold U+0629 TEH MARBUTA (and U+06C3 TEH MARBUTA GOAL) to U+0647 HEH.
    /// Default: `true`.
    pub teh_marbuta: bool,
    /// Fold the heh look-alikes U+06C0, U+06C1, U+06C2, U+06D5, U+06BE to
    /// U+0647 ARABIC LETTER HEH. Default: `true`.
    pub heh_lookalikes: bool,
    /// Fold the kaf look-alikes U+06A9 KEHEH and U+06AA SWASH KAF to the
    /// target script's kaf. Default: `true`.
    pub kaf_lookalikes: bool,
    /// Fold the distinct Persian letters گ پ چ ژ ڤ to their nearest Arabic
    /// letters ك ب ج ز ف. Default: `false`.
    pub persian_letters: bool,
    /// Fold hamza on a carrier to the bare carrier: U+0624 → U+0648 WAW,
    /// U+0626 → yeh. Default: `false`.
    pub hamza_carriers: bool,
    /// Strip U+0621 ARABIC LETTER HAMZA. Default: `false`.
    pub lone_hamza: bool,
    /// Digits and the Arabic decimal/thousands separators. Default: `ascii`.
    pub digits: Digits,
    /// Decompose presentation forms U+FB50..=U+FDFF and U+FE70..=U+FEFE to
    /// base letters (compatibility decomposition then composition, from
    /// `unicode-normalization`). Default: `true`.
    pub presentation_forms: bool,
    /// Strip invisible format controls (see [`crate::chars::is_format_control`]).
    /// Default: `true`.
    pub format_controls: bool,
    /// U+200C ZERO WIDTH NON-JOINER. Default: `strip`.
    pub zwnj: Zwnj,
    /// Arabic punctuation to ASCII: ، → `,` ؛ → `;` ؟ → `?` ٪ → `%` ۔ → `.`
    /// ٭ → `*`. Default: `false`.
    pub punctuation: bool,
    /// The script look-alikes are folded towards. Default: `arabic`.
    pub script: Script,
    /// Whole-text Unicode normalization before the rules. Default: `none`.
    pub unicode: UnicodeForm,
}

impl Default for NormalizerConfig {
    fn default() -> Self {
        Preset::Search.config()
    }
}

impl NormalizerConfig {
    /// A configuration in which every rule is off: normalizing with it
    /// returns the input unchanged.
    pub fn none() -> Self {
        NormalizerConfig {
            diacritics: Diacritics::Keep,
            quranic_marks: false,
            superscript_alef: SuperscriptAlef::Keep,
            tatweel: false,
            compose: false,
            alef: false,
            alef_maksura: AlefMaksura::Keep,
            yeh_lookalikes: false,
            teh_marbuta: false,
            heh_lookalikes: false,
            kaf_lookalikes: false,
            persian_letters: false,
            hamza_carriers: false,
            lone_hamza: false,
            digits: Digits::Keep,
            presentation_forms: false,
            format_controls: false,
            zwnj: Zwnj::Keep,
            punctuation: false,
            script: Script::Arabic,
            unicode: UnicodeForm::None,
        }
    }

    /// Parses a configuration from TOML text; unknown keys are an error.
    pub fn from_toml_str(text: &str) -> Result<Self, Error> {
        toml::from_str(text).map_err(|e| Error::config(None, e.to_string()))
    }

    /// Parses a configuration from JSON text; unknown keys are an error.
    pub fn from_json_str(text: &str) -> Result<Self, Error> {
        serde_json::from_str(text).map_err(|e| Error::config(None, e.to_string()))
    }

    /// Reads a configuration file: JSON if the name ends in `.json`, TOML
    /// otherwise. Keys it does not set keep their `search` preset value;
    /// errors name the file.
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Self, Error> {
        Self::from_path_over(path, &NormalizerConfig::default())
    }

    /// Like [`from_path`](Self::from_path), but keys the file does not set
    /// keep their value in `base` (e.g. a preset chosen with `--preset`).
    pub fn from_path_over(
        path: impl AsRef<std::path::Path>,
        base: &NormalizerConfig,
    ) -> Result<Self, Error> {
        let path = path.as_ref();
        Self::from_table_over(read_table(path)?, base, Some(path))
    }

    /// Applies the rule settings in `table` over `base`; unknown keys are an
    /// error naming `path`.
    pub fn from_table_over(
        table: serde_json::Map<String, serde_json::Value>,
        base: &NormalizerConfig,
        path: Option<&std::path::Path>,
    ) -> Result<Self, Error> {
        let fail = |message: String| Error::config(path, message);
        let mut merged = serde_json::to_value(base).map_err(|e| fail(e.to_string()))?;
        if let serde_json::Value::Object(fields) = &mut merged {
            fields.extend(table);
        }
        serde_json::from_value(merged).map_err(|e| fail(e.to_string()))
    }
}

/// Reads a configuration file as a table: JSON if the name ends in `.json`,
/// TOML otherwise.
pub fn read_table(
    path: &std::path::Path,
) -> Result<serde_json::Map<String, serde_json::Value>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    let is_json = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
    let fail = |message: String| Error::config(Some(path), message);
    let value: serde_json::Value = if is_json {
        serde_json::from_str(&text).map_err(|e| fail(e.to_string()))?
    } else {
        toml::from_str(&text).map_err(|e| fail(e.to_string()))?
    };
    match value {
        serde_json::Value::Object(table) => Ok(table),
        _ => Err(fail("expected a table of settings".to_string())),
    }
}

/// Named configurations for the common uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Aggressive folding for retrieval (the default): every class Lucene's
    /// ArabicNormalizer folds (alef variants, alef maksura → yeh, teh marbuta
    /// → heh, tatweel, harakat) plus the other marks, Quranic marks,
    /// look-alike letters, digits to ASCII, presentation forms and invisible
    /// controls. Hamza on carriers is kept: folding ؤ/ئ conflates words such
    /// as سؤال/سوال less often than it helps recall, and Lucene keeps it too.
    Search,
    /// Conservative, for NLP: like `search` but keeps U+0629 TEH MARBUTA and
    /// U+0649 ALEF MAKSURA distinct, since they carry gender and part of
    /// speech that taggers and lemmatizers use.
    Nlp,
    /// Repairs only encoding-level noise: presentation forms, look-alike
    /// letters, tatweel, invisible controls (ZWNJ kept), decomposed
    /// sequences. Keeps diacritics, alef variants, teh marbuta, digits.
    Display,
}

impl Preset {
    /// Every preset, in documentation order.
    pub const ALL: [Preset; 3] = [Preset::Search, Preset::Nlp, Preset::Display];

    /// The preset's name as used by `--preset` and in config files.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Search => "search",
            Preset::Nlp => "nlp",
            Preset::Display => "display",
        }
    }

    /// The configuration this preset stands for.
    pub fn config(self) -> NormalizerConfig {
        let search = NormalizerConfig {
            diacritics: Diacritics::Strip,
            quranic_marks: true,
            superscript_alef: SuperscriptAlef::Strip,
            tatweel: true,
            compose: true,
            alef: true,
            alef_maksura: AlefMaksura::ToYeh,
            yeh_lookalikes: true,
            teh_marbuta: true,
            heh_lookalikes: true,
            kaf_lookalikes: true,
            persian_letters: false,
            hamza_carriers: false,
            lone_hamza: false,
            digits: Digits::Ascii,
            presentation_forms: true,
            format_controls: true,
            zwnj: Zwnj::Strip,
            punctuation: false,
            script: Script::Arabic,
            unicode: UnicodeForm::None,
        };
        match self {
            Preset::Search => search,
            Preset::Nlp => {
                NormalizerConfig { alef_maksura: AlefMaksura::Keep, teh_marbuta: false, ..search }
            }
            Preset::Display => NormalizerConfig {
                diacritics: Diacritics::Keep,
                quranic_marks: false,
                superscript_alef: SuperscriptAlef::Keep,
                alef: false,
                alef_maksura: AlefMaksura::Keep,
                teh_marbuta: false,
                digits: Digits::Keep,
                zwnj: Zwnj::Keep,
                ..search
            },
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Preset {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self, Error> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| Error::unknown_preset(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preset_names_round_trip() {
        for preset in Preset::ALL {
            assert_eq!(preset.name().parse::<Preset>().unwrap(), preset);
        }
        let err = "serch".parse::<Preset>().unwrap_err().to_string();
        assert!(err.contains("serch") && err.contains("search"), "{err}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let err = NormalizerConfig::from_toml_str("tatwel = true").unwrap_err();
        assert!(err.to_string().contains("tatwel"), "{err}");
        assert!(NormalizerConfig::from_json_str(r#"{"alefs": true}"#).is_err());
    }

    #[test]
    fn config_round_trips_through_toml_and_json() {
        for preset in Preset::ALL {
            let config = preset.config();
            let toml_text = toml::to_string(&config).unwrap();
            assert_eq!(NormalizerConfig::from_toml_str(&toml_text).unwrap(), config);
            let json = serde_json::to_string(&config).unwrap();
            assert_eq!(NormalizerConfig::from_json_str(&json).unwrap(), config);
        }
    }

    #[test]
    fn empty_config_is_search() {
        assert_eq!(NormalizerConfig::from_toml_str("").unwrap(), Preset::Search.config());
    }
}
