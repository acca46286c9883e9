//! See `sarf_fuzz::config_text`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sarf_fuzz::config_text(data));
