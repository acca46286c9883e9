//! Arabic-script normalization (and, in later stages, tokenizing and stemming).
#![deny(missing_docs)]

pub mod bulk;
pub mod chars;
mod error;
pub mod normalize;

pub use error::{Error, ErrorKind};
pub use normalize::Normalizer;
pub use normalize::config::{
    AlefMaksura, Diacritics, Digits, NormalizerConfig, Preset, Script, SuperscriptAlef,
    UnicodeForm, Zwnj,
};
pub use normalize::report::{Change, OffsetMap, RuleCounts, Trace};
pub use normalize::rules::Rule;
