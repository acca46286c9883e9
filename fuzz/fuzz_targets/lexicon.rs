//! See `sarf_fuzz::lexicon`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sarf_fuzz::lexicon(data));
