//! Transliteration between Arabic script and the Buckwalter family of
//! ASCII schemes, character for character as CAMeL Tools' built-in
//! mappers (`ar2bw`, `ar2safebw`, `ar2xmlbw`, `ar2hsb`, `bw2ar`,
//! `safebw2ar`, `xmlbw2ar`) do it.
//!
//! Each character is mapped on its own; a character outside the scheme's
//! map passes through unchanged (digits, punctuation, Latin letters in
//! Arabic text; Arabic letters the scheme has no symbol for, such as
//! U+06A9 ARABIC LETTER KEHEH). The tables in `tables.rs` are generated
//! from CAMeL Tools' own map files by `scripts/build_translit.py`.
//!
//! ```
//! use sarf::translit::{Scheme, from_scheme, to_scheme};
//!
//! assert_eq!(to_scheme(Scheme::Bw, "كِتَابٌ"), "kitaAbN");
//! assert_eq!(from_scheme(Scheme::Bw, "kitaAbN"), "كِتَابٌ");
//! assert_eq!(to_scheme(Scheme::SafeBw, "أين"), "Oyn");
//! assert_eq!(to_scheme(Scheme::Bw, "2024 abc"), "2024 abc"); // borrowed: nothing to map
//! ```
//!
//! What is lost: nothing within a scheme's map (each map is one to one,
//! and `from_scheme(s, &to_scheme(s, text))` gives `text` back for Arabic
//! text), but a transliterated text that already held the scheme's ASCII
//! symbols (Latin words in Arabic text) cannot be told apart from
//! transliterated letters on the way back.

mod tables;

use std::borrow::Cow;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// A transliteration scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Scheme {
    /// Buckwalter (`bw`): `'|>&<}AbptvjHxd*rzs$SDTZEg_fqklmnhwYyFNKaui~o``{`.
    Bw,
    /// Safe Buckwalter (`safebw`): no characters special in XML, shells
    /// or regular expressions.
    SafeBw,
    /// XML-safe Buckwalter (`xmlbw`).
    XmlBw,
    /// Habash-Soudi-Buckwalter (`hsb`), with non-ASCII Latin letters;
    /// Arabic to HSB only.
    Hsb,
}

impl Scheme {
    /// Every scheme.
    pub const ALL: [Scheme; 4] = [Scheme::Bw, Scheme::SafeBw, Scheme::XmlBw, Scheme::Hsb];

    /// The scheme's name, as CAMeL Tools and `sarf translit` spell it.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Bw => "bw",
            Scheme::SafeBw => "safebw",
            Scheme::XmlBw => "xmlbw",
            Scheme::Hsb => "hsb",
        }
    }

    /// The scheme named `name`, if any.
    pub fn from_name(name: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.name() == name)
    }

    fn forth_table(self) -> &'static [(char, char)] {
        match self {
            Scheme::Bw => &tables::AR2BW,
            Scheme::SafeBw => &tables::AR2SAFEBW,
            Scheme::XmlBw => &tables::AR2XMLBW,
            Scheme::Hsb => &tables::AR2HSB,
        }
    }

    /// Whether the scheme can be read back into Arabic script: all but HSB,
    /// as in CAMeL Tools' built-in mappers, whose ways back are exactly
    /// the ways there read backwards (`scripts/build_translit.py` checks).
    pub fn reversible(self) -> bool {
        self != Scheme::Hsb
    }
}

/// A map as a direct lookup over the characters below `LIMIT` (every
/// source character of the seven maps is below U+0700).
struct Lookup {
    to: Vec<Option<char>>,
}

const LIMIT: usize = 0x0700;

impl Lookup {
    fn new(pairs: impl IntoIterator<Item = (char, char)>) -> Lookup {
        let mut to = vec![None; LIMIT];
        for (from, into) in pairs {
            assert!((from as usize) < LIMIT, "a map's source character above U+06FF");
            to[from as usize] = Some(into);
        }
        Lookup { to }
    }

    fn get(&self, c: char) -> Option<char> {
        self.to.get(c as usize).copied().flatten()
    }

    /// `text` with every mapped character replaced; borrowed when none is.
    fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let Some(first) = text.char_indices().find(|&(_, c)| self.get(c).is_some_and(|m| m != c))
        else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        out.push_str(&text[..first.0]);
        for c in text[first.0..].chars() {
            out.push(self.get(c).unwrap_or(c));
        }
        Cow::Owned(out)
    }
}

static TO: LazyLock<[Lookup; 4]> =
    LazyLock::new(|| Scheme::ALL.map(|s| Lookup::new(s.forth_table().iter().copied())));

static FROM: LazyLock<[Option<Lookup>; 4]> = LazyLock::new(|| {
    Scheme::ALL
        .map(|s| s.reversible().then(|| Lookup::new(s.forth_table().iter().map(|&(a, b)| (b, a)))))
});

fn index(scheme: Scheme) -> usize {
    Scheme::ALL.iter().position(|&s| s == scheme).expect("every scheme is in ALL")
}

/// Arabic script to `scheme` (CAMeL Tools' `ar2bw`, `ar2safebw`,
/// `ar2xmlbw`, `ar2hsb`). Borrowed when nothing is mapped.
pub fn to_scheme(scheme: Scheme, text: &str) -> Cow<'_, str> {
    TO[index(scheme)].apply(text)
}

/// `scheme` to Arabic script (CAMeL Tools' `bw2ar`, `safebw2ar`,
/// `xmlbw2ar`); for HSB, which has no built-in way back, the text
/// unchanged. Borrowed when nothing is mapped.
pub fn from_scheme(scheme: Scheme, text: &str) -> Cow<'_, str> {
    match &FROM[index(scheme)] {
        Some(lookup) => lookup.apply(text),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_map_is_sorted_and_one_to_one_so_it_reads_backwards() {
        for scheme in Scheme::ALL {
            let to = scheme.forth_table();
            assert!(to.windows(2).all(|w| w[0].0 < w[1].0), "{scheme:?}: unsorted");
            let mut targets: Vec<char> = to.iter().map(|p| p.1).collect();
            targets.sort_unstable();
            targets.dedup();
            assert_eq!(targets.len(), to.len(), "{scheme:?}: two letters share a symbol");
            if scheme.reversible() {
                let low = targets.iter().all(|&c| (c as usize) < LIMIT);
                assert!(low, "{scheme:?}: a symbol above the way back's lookup");
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for scheme in Scheme::ALL {
            assert_eq!(Scheme::from_name(scheme.name()), Some(scheme));
        }
        assert_eq!(Scheme::from_name("buckwalter"), None);
    }
}
