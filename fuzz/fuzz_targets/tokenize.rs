//! See `sarf_fuzz::tokenize`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sarf_fuzz::tokenize(data));
