//! Transliterate any text both ways; see `sarf_fuzz::translit`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sarf_fuzz::translit(data));
