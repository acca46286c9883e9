//! See `sarf_fuzz::stem`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sarf_fuzz::stem(data));
