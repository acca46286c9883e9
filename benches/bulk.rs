//! The bulk API on one and on two threads: `sarf::bulk::normalize_all` and
//! `stem_all` over the lines of real news text as separate documents, each
//! on a rayon pool of 1 and of 2 threads, so the ratio of the two is the
//! parallel speed-up. Results are dropped outside the timing (freeing a
//! million small strings is the caller's business, and serial), each
//! before the next call (see `timed_then_dropped`).
//! `stems_lent` runs the same analysis through
//! `Analyzer::for_each_token_ref` (in `bulk::map_in_order`, cut like the
//! others), which allocates nothing per token: the engine's own scaling,
//! apart from the allocator's.
//!
//! Run: `cargo bench --bench bulk` (add `-- --quick` for a fast pass).
//! `SARF_BENCH_BYTES` caps the input (default 16 MiB).

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sarf::{Analyzer, Normalizer, bulk};

fn bulk(c: &mut Criterion) {
    let normalizer = Normalizer::default();
    let analyzer = Analyzer::default();
    for (name, text) in common::inputs(&["news-saudinewsnet.txt"], 16 << 20) {
        // The fixture is small: repeat it so each pass has work for both threads.
        let text =
            if text.len() < 1 << 20 { text.repeat((1 << 20) / text.len() + 1) } else { text };
        let docs: Vec<&str> = text.lines().collect();
        let mut group = c.benchmark_group(format!("bulk/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            group.bench_function(format!("normalize_all/{threads}-threads"), |b| {
                timed_then_dropped(b, || pool.install(|| bulk::normalize_all(&normalizer, &docs)))
            });
            group.bench_function(format!("stem_all/{threads}-threads"), |b| {
                timed_then_dropped(b, || pool.install(|| bulk::stem_all(&analyzer, &docs)))
            });
            // The same analysis with the stems lent, not collected: the
            // engine's own scaling, without stem_all's String per token
            // (a third of its one-thread time, and the allocator scales
            // less well than the analyzer).
            group.bench_function(format!("stems_lent/{threads}-threads"), |b| {
                b.iter(|| {
                    pool.install(|| {
                        let lent = |(): &mut (), doc: &&str| {
                            let mut bytes = 0;
                            analyzer.for_each_token_ref(doc, |t| bytes += t.stem.len());
                            bytes
                        };
                        bulk::map_in_order(&docs, || (), lent).iter().sum::<usize>()
                    })
                })
            });
        }
        group.finish();
    }
}

/// Times `call`, dropping each result before the next call and outside
/// the timing: a caller that maps batch after batch frees one batch's
/// results before the next, and the allocator hands the same memory out
/// again. (`iter_with_large_drop` keeps every result of a sample until its
/// end, so each call wrote to fresh pages: normalize_all on one thread
/// measured anywhere from 1.2 to 2.7 GiB/s, depending on page faults.)
fn timed_then_dropped<T>(b: &mut criterion::Bencher<'_>, mut call: impl FnMut() -> T) {
    b.iter_custom(|iterations| {
        let mut total = std::time::Duration::ZERO;
        for _ in 0..iterations {
            let start = std::time::Instant::now();
            let result = call();
            total += start.elapsed();
            drop(std::hint::black_box(result));
        }
        total
    })
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = bulk
}
criterion_main!(benches);
