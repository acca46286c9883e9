//! Which SIMD paths normalization may take, and the `SARF_SIMD` switch.
//!
//! Normalization has three paths that give the same bytes: a portable
//! loop, a scanner that finds the characters that may change sixteen bytes
//! at a time with SSSE3, and 64-byte chunks rewritten at once with AVX-512
//! (F, BW, VBMI, VBMI2, with POPCNT, LZCNT and BMI1). By default each
//! [`Normalizer`](crate::Normalizer) takes the best path the CPU has. The
//! environment variable `SARF_SIMD` (`auto`, `avx512`, `ssse3`, `none`),
//! read once per process, caps it, so that a slower path can be measured or
//! checked on a machine that has a faster one;
//! [`Normalizer::with_simd_level`](crate::Normalizer::with_simd_level) does
//! the same for one normalizer. A cap above what the CPU has is clamped to
//! it: [`Normalizer::simd_level`](crate::Normalizer::simd_level) says which
//! path a normalizer takes.

use std::fmt;
use std::sync::OnceLock;

use crate::error::Error;

/// A SIMD level, from none to the widest. Ordered: a level allows every
/// path below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum SimdLevel {
    /// The portable loop only.
    None,
    /// The SSSE3 scanner.
    Ssse3,
    /// The SSSE3 scanner and the AVX-512 chunks.
    Avx512,
}

/// The accepted values of `SARF_SIMD`, as error messages name them.
pub const SARF_SIMD_VALUES: &str = "auto, avx512, ssse3, none";

impl SimdLevel {
    /// The level's name, as `SARF_SIMD` and `sarf --version` spell it.
    pub fn name(self) -> &'static str {
        match self {
            SimdLevel::None => "none",
            SimdLevel::Ssse3 => "ssse3",
            SimdLevel::Avx512 => "avx512",
        }
    }

    /// The best level this CPU runs.
    pub fn detected() -> SimdLevel {
        static DETECTED: OnceLock<SimdLevel> = OnceLock::new();
        *DETECTED.get_or_init(|| {
            if crate::normalize::patch::available() {
                SimdLevel::Avx512
            } else if crate::normalize::scan::ssse3_available() {
                SimdLevel::Ssse3
            } else {
                SimdLevel::None
            }
        })
    }

    /// The level `SARF_SIMD` asks for: `Ok(None)` for `auto` or unset, an
    /// error naming the accepted values for anything else.
    pub fn requested() -> Result<Option<SimdLevel>, Error> {
        match std::env::var("SARF_SIMD") {
            Err(std::env::VarError::NotPresent) => Ok(None),
            Ok(value) => parse(&value),
            Err(std::env::VarError::NotUnicode(_)) => Err(invalid("(not UTF-8)")),
        }
    }

    /// The level normalizers take by default: `SARF_SIMD` (read once;
    /// `auto` or an invalid value leave the CPU's best) clamped to what the
    /// CPU has.
    pub fn in_use() -> SimdLevel {
        static IN_USE: OnceLock<SimdLevel> = OnceLock::new();
        *IN_USE.get_or_init(|| {
            let detected = SimdLevel::detected();
            SimdLevel::requested().ok().flatten().map_or(detected, |cap| cap.min(detected))
        })
    }
}

impl fmt::Display for SimdLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn parse(value: &str) -> Result<Option<SimdLevel>, Error> {
    match value.trim().to_ascii_lowercase().as_str() {
        "auto" | "" => Ok(None),
        "avx512" => Ok(Some(SimdLevel::Avx512)),
        "ssse3" => Ok(Some(SimdLevel::Ssse3)),
        "none" => Ok(Some(SimdLevel::None)),
        _ => Err(invalid(value)),
    }
}

fn invalid(value: &str) -> Error {
    Error::usage(&format!("invalid SARF_SIMD value {value:?}: expected one of {SARF_SIMD_VALUES}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_and_unknown_ones_name_the_accepted() {
        assert_eq!(parse("auto").unwrap(), None);
        assert_eq!(parse("AVX512").unwrap(), Some(SimdLevel::Avx512));
        assert_eq!(parse("ssse3").unwrap(), Some(SimdLevel::Ssse3));
        assert_eq!(parse("none").unwrap(), Some(SimdLevel::None));
        let message = parse("sse2").unwrap_err().to_string();
        assert!(message.contains("sse2") && message.contains(SARF_SIMD_VALUES), "{message}");
    }

    #[test]
    fn levels_are_ordered() {
        assert!(SimdLevel::None < SimdLevel::Ssse3 && SimdLevel::Ssse3 < SimdLevel::Avx512);
        assert!(SimdLevel::in_use() <= SimdLevel::detected());
    }
}
