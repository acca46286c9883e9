//! See `sarf_fuzz::jsonl`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sarf_fuzz::jsonl(data));
