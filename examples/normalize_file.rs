//! Normalizes a file with a preset and prints the throughput: a quick
//! profiling harness (`cargo run --release --example normalize_file -- FILE [PRESET]`).

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: normalize_file FILE [PRESET] [REPEAT]");
    let preset: sarf::Preset = args.next().as_deref().unwrap_or("search").parse().expect("preset");
    let repeat: usize = args.next().map(|r| r.parse().expect("repeat")).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let normalizer = sarf::Normalizer::from_preset(preset);
    let mut out = String::with_capacity(text.len());
    let start = Instant::now();
    for _ in 0..repeat {
        out.clear();
        normalizer.normalize_into(&text, &mut out);
    }
    let seconds = start.elapsed().as_secs_f64() / repeat as f64;
    println!(
        "{:.0} MB/s ({} -> {} bytes)",
        text.len() as f64 / seconds / 1e6,
        text.len(),
        out.len()
    );
}
