//! Normalize under arbitrary configs; see `sarf_fuzz::normalize`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sarf_fuzz::normalize(data));
