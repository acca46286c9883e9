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
    /// Remove only the eight classic marks U+064B ARABIC FATHATAN ..=
    /// U+0652 ARABIC SUKUN (tanween, harakat, shadda, sukun) and keep
    /// U+0653..=U+065F: exactly what Lucene's ArabicNormalizer and CAMeL
    /// Tools' `dediac_ar` remove (the `lucene` and `camel` presets).
    Classic,
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
    /// Write Uthmani text's dagger alef as plain spelling does (the `quran`
    /// preset): an alef after a letter (العٰلمين → العالمين), none in the
    /// words modern spelling writes without it (ذٰلك، هٰذا، لٰكن، إلٰه،
    /// الرحمٰن), and on an alef maksura or a voweless waw inside a word the
    /// alef replaces its seat (هدىٰكم → هداكم, الصلوٰة → الصلاة). Word-level;
    /// see [`crate::normalize::uthmani`].
    PlainSpelling,
}

/// Which alef variants fold to U+0627 ARABIC LETTER ALEF.
///
/// In a config file, `true` stands for `all` and `false` for `keep`, so
/// `alef = true` keeps working.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alef {
    /// No alef is folded.
    Keep,
    /// U+0622 ALEF WITH MADDA ABOVE, U+0623 ALEF WITH HAMZA ABOVE and U+0625
    /// ALEF WITH HAMZA BELOW: what Lucene's ArabicNormalizer folds.
    HamzaMadda,
    /// Those three and U+0671 ALEF WASLA: what CAMeL Tools'
    /// `normalize_alef_ar` folds.
    HamzaMaddaWasla,
    /// Those four and the rare U+0672 ALEF WITH WAVY HAMZA ABOVE, U+0673
    /// ALEF WITH WAVY HAMZA BELOW and U+0675 HIGH HAMZA ALEF (the default).
    All,
}

impl Alef {
    /// Every setting, from folding nothing to folding everything.
    pub const ALL: [Alef; 4] = [Alef::Keep, Alef::HamzaMadda, Alef::HamzaMaddaWasla, Alef::All];

    /// The setting's name in config files.
    pub fn name(self) -> &'static str {
        match self {
            Alef::Keep => "keep",
            Alef::HamzaMadda => "hamza_madda",
            Alef::HamzaMaddaWasla => "hamza_madda_wasla",
            Alef::All => "all",
        }
    }

    /// Whether this setting folds `c` to U+0627 ARABIC LETTER ALEF.
    pub fn folds(self, c: char) -> bool {
        let hamza_madda = matches!(c, '\u{0622}' | '\u{0623}' | '\u{0625}');
        match self {
            Alef::Keep => false,
            Alef::HamzaMadda => hamza_madda,
            Alef::HamzaMaddaWasla => hamza_madda || c == '\u{0671}',
            Alef::All => {
                hamza_madda || matches!(c, '\u{0671}' | '\u{0672}' | '\u{0673}' | '\u{0675}')
            }
        }
    }
}

impl<'de> Deserialize<'de> for Alef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AlefVisitor;

        impl serde::de::Visitor<'_> for AlefVisitor {
            type Value = Alef;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "true, false, \"keep\", \"hamza_madda\", \"hamza_madda_wasla\" or \"all\"",
                )
            }

            fn visit_bool<E: serde::de::Error>(self, all: bool) -> Result<Alef, E> {
                Ok(if all { Alef::All } else { Alef::Keep })
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Alef, E> {
                Alef::ALL.into_iter().find(|a| a.name() == name).ok_or_else(|| {
                    E::unknown_variant(name, &["keep", "hamza_madda", "hamza_madda_wasla", "all"])
                })
            }
        }

        deserializer.deserialize_any(AlefVisitor)
    }
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
/// use sarf::{Alef, NormalizerConfig, Preset};
///
/// let config: NormalizerConfig = toml::from_str(r#"
///     teh_marbuta = false
///     diacritics = "keep_shadda"
/// "#).unwrap();
/// assert!(!config.teh_marbuta);
/// assert_eq!(config.alef, Alef::All, "unset fields keep the search preset's value");
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
    /// Uthmani spelling: write a seatless hamza (U+0621 with a vowel mark,
    /// U+0654 ARABIC HAMZA ABOVE on U+0640 TATWEEL) on the seat plain
    /// spelling uses, and hamza with alef as U+0622 (ءامنوا → آمنوا).
    /// Default: `false` (on in `quran`).
    pub hamza_seats: bool,
    /// Uthmani spelling: U+06E5 ARABIC SMALL WAW, U+06E6 ARABIC SMALL YEH and
    /// U+06E7 ARABIC SMALL HIGH YEH become the letters plain spelling writes
    /// (يحيِۦ → يحيي), or nothing after a final pronoun ه (بهِۦ → به).
    /// Default: `false` (on in `quran`).
    pub small_letters: bool,
    /// Uthmani spelling: the article's lam merged into a following lam gets
    /// written back (ٱلَّيل → الليل); الذي، التي، الذين keep one lam.
    /// Default: `false` (on in `quran`).
    pub article_lam: bool,
    /// Strip U+0640 ARABIC TATWEEL (kashida). Default: `true`.
    pub tatweel: bool,
    /// Compose decomposed sequences (U+0627 U+0654 → U+0623, ...) so they
    /// give the same result as the precomposed letter. Default: `true`.
    pub compose: bool,
    /// Which alef variants (U+0622, U+0623, U+0625, U+0671, U+0672, U+0673,
    /// U+0675) fold to U+0627 ARABIC LETTER ALEF. Default: `all`.
    pub alef: Alef,
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
    /// Collapse a run of three or more of the same Arabic letter to one
    /// (جمييييل → جميل, هههههه → ه); doubles stay (مميز). Default: `true`
    /// (off in `nlp` and `display`).
    pub elongation: bool,
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
            hamza_seats: false,
            small_letters: false,
            article_lam: false,
            tatweel: false,
            compose: false,
            alef: Alef::Keep,
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
            elongation: false,
            punctuation: false,
            script: Script::Arabic,
            unicode: UnicodeForm::None,
        }
    }

    /// Whether the character rules strip every mark the word-level Uthmani
    /// rules read (vowels, hamza marks, the dagger alef, the small letters),
    /// so that their output gives those rules nothing more to read.
    pub(crate) fn strips_every_mark_words_read(&self) -> bool {
        self.diacritics == Diacritics::Strip
            && self.quranic_marks
            && self.superscript_alef != SuperscriptAlef::Keep
    }

    /// Parses a configuration from TOML text; unknown keys are an error.
    pub fn from_toml_str(text: &str) -> Result<Self, Error> {
        toml::from_str(text).map_err(|e| Error::config(None, "not valid TOML".into()).caused_by(e))
    }

    /// Parses a configuration from JSON text; unknown keys are an error.
    pub fn from_json_str(text: &str) -> Result<Self, Error> {
        serde_json::from_str(text)
            .map_err(|e| Error::config(None, "not valid JSON".into()).caused_by(e))
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
        let fail = |e: serde_json::Error| {
            Error::config(path, "a setting is unknown or has a wrong value".into()).caused_by(e)
        };
        let mut merged = serde_json::to_value(base).map_err(fail)?;
        if let serde_json::Value::Object(fields) = &mut merged {
            fields.extend(table);
        }
        serde_json::from_value(merged).map_err(fail)
    }
}

/// Reads a configuration file as a table: JSON if the name ends in `.json`,
/// TOML otherwise.
pub fn read_table(
    path: &std::path::Path,
) -> Result<serde_json::Map<String, serde_json::Value>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
    let is_json = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
    let fail = |message: &str| Error::config(Some(path), message.to_string());
    let value: serde_json::Value = if is_json {
        serde_json::from_str(&text).map_err(|e| fail("not valid JSON").caused_by(e))?
    } else {
        toml::from_str(&text).map_err(|e| fail("not valid TOML").caused_by(e))?
    };
    match value {
        serde_json::Value::Object(table) => Ok(table),
        _ => Err(fail("expected a table of settings")),
    }
}

/// Named configurations for the common uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
    /// Exactly Lucene's `ArabicNormalizer` (org.apache.lucene.analysis.ar),
    /// for indexes migrating from Elasticsearch, OpenSearch or Solr: U+0622,
    /// U+0623, U+0625 → U+0627; U+0649 → U+064A; U+0629 → U+0647; U+0640 and
    /// U+064B..=U+0652 removed; nothing else, one character at a time (no
    /// composition, so U+0627 U+0654 stays as written). With `sarf stem`,
    /// it also selects the [`StemMode::Lucene`](crate::StemMode::Lucene)
    /// stemmer.
    Lucene,
    /// Exactly CAMeL Tools' common normalization: `dediac_ar` (removes
    /// U+064B..=U+0652 and U+0670), then `normalize_alef_ar` (U+0622, U+0623,
    /// U+0625, U+0671 → U+0627), `normalize_alef_maksura_ar` (U+0649 →
    /// U+064A) and `normalize_teh_marbuta_ar` (U+0629 → U+0647). Tatweel is
    /// kept, as `dediac_ar` keeps it.
    Camel,
    /// Quranic and classical text in Uthmani spelling, read as plain
    /// (imla'i) spelling and then folded as `search` folds: the word-level
    /// rules `superscript_alef = "plain_spelling"`, `hamza_seats`,
    /// `small_letters` and `article_lam` (ٱلۡعَٰلَمِينَ → العالمين,
    /// ٱلصَّلَوٰةَ → الصلاه, ءَامَنُواْ → امنوا, شَيۡـًٔا → شيئا). Text in plain
    /// spelling comes out as `search` gives it, so one index holds both.
    Quran,
}

impl Preset {
    /// Every preset, in documentation order.
    pub const ALL: [Preset; 6] = [
        Preset::Search,
        Preset::Nlp,
        Preset::Display,
        Preset::Lucene,
        Preset::Camel,
        Preset::Quran,
    ];

    /// The preset's name as used by `--preset` and in config files.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Search => "search",
            Preset::Nlp => "nlp",
            Preset::Display => "display",
            Preset::Lucene => "lucene",
            Preset::Camel => "camel",
            Preset::Quran => "quran",
        }
    }

    /// The configuration this preset stands for.
    pub fn config(self) -> NormalizerConfig {
        let search = NormalizerConfig {
            diacritics: Diacritics::Strip,
            quranic_marks: true,
            superscript_alef: SuperscriptAlef::Strip,
            hamza_seats: false,
            small_letters: false,
            article_lam: false,
            tatweel: true,
            compose: true,
            alef: Alef::All,
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
            elongation: true,
            punctuation: false,
            script: Script::Arabic,
            unicode: UnicodeForm::None,
        };
        match self {
            Preset::Search => search,
            Preset::Nlp => NormalizerConfig {
                alef_maksura: AlefMaksura::Keep,
                teh_marbuta: false,
                elongation: false,
                ..search
            },
            Preset::Display => NormalizerConfig {
                diacritics: Diacritics::Keep,
                quranic_marks: false,
                superscript_alef: SuperscriptAlef::Keep,
                alef: Alef::Keep,
                alef_maksura: AlefMaksura::Keep,
                teh_marbuta: false,
                digits: Digits::Keep,
                zwnj: Zwnj::Keep,
                elongation: false,
                ..search
            },
            Preset::Lucene => NormalizerConfig {
                diacritics: Diacritics::Classic,
                tatweel: true,
                alef: Alef::HamzaMadda,
                alef_maksura: AlefMaksura::ToYeh,
                teh_marbuta: true,
                ..NormalizerConfig::none()
            },
            Preset::Camel => NormalizerConfig {
                diacritics: Diacritics::Classic,
                superscript_alef: SuperscriptAlef::Strip,
                alef: Alef::HamzaMaddaWasla,
                alef_maksura: AlefMaksura::ToYeh,
                teh_marbuta: true,
                ..NormalizerConfig::none()
            },
            Preset::Quran => NormalizerConfig {
                superscript_alef: SuperscriptAlef::PlainSpelling,
                hamza_seats: true,
                small_letters: true,
                article_lam: true,
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
        // The parser's own error, which names the key, is the source.
        let cause = std::error::Error::source(&err).expect("the TOML error is chained");
        assert!(cause.to_string().contains("tatwel"), "{err}: {cause}");
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
    fn alef_accepts_booleans_and_names() {
        let parse = |text: &str| NormalizerConfig::from_toml_str(text).unwrap().alef;
        assert_eq!(parse("alef = true"), Alef::All);
        assert_eq!(parse("alef = false"), Alef::Keep);
        for alef in Alef::ALL {
            assert_eq!(parse(&format!("alef = \"{}\"", alef.name())), alef);
        }
        let err = NormalizerConfig::from_toml_str("alef = \"wasla\"").unwrap_err();
        let cause = std::error::Error::source(&err).expect("the TOML error is chained").to_string();
        assert!(cause.contains("wasla") && cause.contains("hamza_madda"), "{err}: {cause}");
        let json = NormalizerConfig::from_json_str(r#"{"alef": false}"#).unwrap();
        assert_eq!(json.alef, Alef::Keep);
    }

    #[test]
    fn alef_settings_nest() {
        // Each setting folds a superset of the one before it.
        for c in '\u{0600}'..='\u{06FF}' {
            for pair in Alef::ALL.windows(2) {
                assert!(!pair[0].folds(c) || pair[1].folds(c), "{c:?} {pair:?}");
            }
        }
    }

    #[test]
    fn empty_config_is_search() {
        assert_eq!(NormalizerConfig::from_toml_str("").unwrap(), Preset::Search.config());
    }
}
