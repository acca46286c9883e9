//! How a batch call runs: the Python work on the calling thread, the text
//! work on a pool and on the calling thread, overlapping.
//!
//! A batch call's Python work (reading each str, making each result's
//! objects) needs the GIL and so runs on one thread; its text work
//! (transcoding, normalizing, stemming) runs without it. Done one after
//! the other, the call costs the Python work plus the text work shared by
//! the threads. [`run`] overlaps them instead: the calling thread reads the
//! texts piece by piece and hands each piece to a pool of `threads - 1`
//! threads, or works on it itself (the GIL released) when the pool has
//! enough pieces in hand, and between pieces takes the finished ones back,
//! in order, to make their results. So `threads` threads work, never more:
//! a pool as large as `threads` beside a calling thread that waited for it
//! ran three threads on two cores, and its `normalize_batch` ran at 1.2x
//! to 1.4x the per-line loop's speed where this runs at 1.7x
//! (BENCHMARKS.md, "The Python module"). Pieces in flight are bounded, so
//! memory holds a few pieces whatever the batch's size.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::strs::{Chars, Piece, Transcoder, refused, with_transcoder};

/// A piece of a batch holds texts until their characters take this many
/// bytes: big enough that handing it to the pool costs little beside its
/// work, small enough that the threads get many pieces.
const PIECE_BYTES: usize = 64 * 1024;

/// A piece holds at most this many texts (short texts: tweets, titles).
const PIECE_TEXTS: usize = 512;

/// Pieces in flight per thread of the pool.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// The piece of `texts` that starts at `start`, read under the GIL, and
/// where the next one starts.
fn read<'t>(texts: &'t [Bound<'_, PyString>], start: usize) -> PyResult<(Piece<'t>, usize)> {
    Piece::read(texts, start, PIECE_BYTES, PIECE_TEXTS)
}

/// `work` on each text of `piece`, with this thread's transcoder: its
/// result, or `None` for characters Python refuses.
fn results<R>(
    piece: &Piece<'_>,
    work: &impl Fn(&mut Transcoder, Chars<'_>) -> Option<R>,
) -> Vec<Option<R>> {
    with_transcoder(|transcoder| piece.chars().map(|chars| work(transcoder, chars)).collect())
}

/// A piece's results, or the panic of the work on it.
type Done<R> = std::thread::Result<Vec<Option<R>>>;

/// The pieces the pool has finished, handed on in order.
struct InOrder<R> {
    /// Where the pool sends each piece's number and results. An `Option`
    /// so that a wait can move it into a closure without the GIL.
    receiver: Option<Receiver<(usize, Done<R>)>>,
    /// Finished pieces by number, from the next one to hand on.
    waiting: VecDeque<Option<Vec<Option<R>>>>,
    /// The number of the next piece to hand on, and of its first text.
    next_piece: usize,
    next_text: usize,
    /// Pieces taken back from the pool.
    received: usize,
}

impl<R: Send> InOrder<R> {
    /// Takes back a finished piece, if one is there (or, with `wait`, when
    /// one is, the GIL released meanwhile for other Python threads), and
    /// hands every text's result that is now next in order to `finish`.
    fn take_back(
        &mut self,
        py: Python<'_>,
        wait: bool,
        finish: &mut impl FnMut(usize, Option<R>) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(receiver) = self.receiver.take() else { return Ok(()) };
        let (receiver, done) = if wait {
            py.detach(move || {
                let done = receiver.recv().ok();
                (receiver, done)
            })
        } else {
            let done = receiver.try_recv().ok();
            (receiver, done)
        };
        self.receiver = Some(receiver);
        let Some((number, done)) = done else { return Ok(()) };
        self.received += 1;
        let results = done.unwrap_or_else(|panic| resume_unwind(panic));
        self.put(number, results, finish)
    }

    /// Hands on piece `number`'s results, and those of the pieces after it
    /// that were waiting for it.
    fn put(
        &mut self,
        number: usize,
        results: Vec<Option<R>>,
        finish: &mut impl FnMut(usize, Option<R>) -> PyResult<()>,
    ) -> PyResult<()> {
        let slot = number - self.next_piece;
        if self.waiting.len() <= slot {
            self.waiting.resize_with(slot + 1, || None);
        }
        self.waiting[slot] = Some(results);
        while let Some(Some(_)) = self.waiting.front() {
            let Some(Some(results)) = self.waiting.pop_front() else { break };
            self.next_piece += 1;
            for result in results {
                finish(self.next_text, result)?;
                self.next_text += 1;
            }
        }
        Ok(())
    }
}

/// Runs `work` on the characters of each of `texts` on `threads` threads
/// (this one and a pool of the others, see [`pool_of`]), and `finish` on
/// each text's index and result, in order, on this thread, with the GIL.
/// `work` gets the worker's [`Transcoder`] and returns `None` for
/// characters Python refuses, which fails the call with Python's error.
/// With one thread, this thread does all the work, piece after piece,
/// without the GIL.
pub(crate) fn run<'py, R, W, F>(
    py: Python<'py>,
    threads: Option<usize>,
    texts: &[Bound<'py, PyString>],
    work: W,
    mut finish: F,
) -> PyResult<()>
where
    R: Send,
    W: Fn(&mut Transcoder, Chars<'_>) -> Option<R> + Sync,
    F: FnMut(usize, R) -> PyResult<()>,
{
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => default_threads(),
    };
    let mut finish = |i: usize, result: Option<R>| match result {
        Some(result) => finish(i, result),
        None => Err(refused(&texts[i])),
    };
    if threads == 1 {
        let mut start = 0;
        while start < texts.len() {
            let (piece, end) = read(texts, start)?;
            for (i, result) in (start..end).zip(py.detach(|| results(&piece, &work))) {
                finish(i, result)?;
            }
            start = end;
        }
        return Ok(());
    }
    // The calling thread is one of the threads: it works on a piece
    // itself whenever the pool has enough in hand.
    let pool = pool_of(threads - 1)?;
    let (sender, receiver) = channel::<(usize, Done<R>)>();
    let mut in_order = InOrder {
        receiver: Some(receiver),
        waiting: VecDeque::new(),
        next_piece: 0,
        next_text: 0,
        received: 0,
    };
    let limit = IN_FLIGHT_PER_THREAD * pool.current_num_threads();
    pool.in_place_scope(|scope| -> PyResult<()> {
        // Pieces numbered in order, and those handed to the pool.
        let (mut start, mut number, mut sent) = (0, 0, 0);
        while start < texts.len() {
            let (piece, end) = read(texts, start)?;
            start = end;
            if sent - in_order.received >= limit {
                let done = py.detach(|| results(&piece, &work));
                in_order.put(number, done, &mut finish)?;
            } else {
                let (sender, work) = (sender.clone(), &work);
                scope.spawn(move |_| {
                    let done = catch_unwind(AssertUnwindSafe(|| results(&piece, work)));
                    // A closed channel means the call stopped on an error.
                    let _ = sender.send((number, done));
                });
                sent += 1;
            }
            number += 1;
            in_order.take_back(py, false, &mut finish)?;
        }
        while in_order.received < sent {
            in_order.take_back(py, true, &mut finish)?;
        }
        Ok(())
    })
}

/// What rayon's global pool would have: `RAYON_NUM_THREADS` when it is a
/// positive number, else one thread per core.
fn default_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// The pools made for `threads=N`, with the process that made them.
type Pools = Vec<(u32, usize, Arc<rayon::ThreadPool>)>;

static POOLS: Mutex<Pools> = Mutex::new(Vec::new());

/// Pools of sizes asked for lately: at most this many are kept.
const KEPT_POOLS: usize = 4;

/// The pool of `n` threads that batch calls run on, made once per process
/// and size: its threads keep their per-thread memos from one call to the
/// next, where a new pool per call would start each call with cold memos
/// (12 MiB to fault in, the vocabulary to learn again).
///
/// Never rayon's global pool: a process forked after using it (a
/// `multiprocessing` worker) would inherit it without its threads and wait
/// forever, where this makes the child its own.
fn pool_of(n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    // A forked child inherits the parent's pools without their threads:
    // forget them (dropping one would signal threads that do not exist).
    for (_, _, stale) in pools.extract_if(.., |(owner, _, _)| *owner != pid) {
        std::mem::forget(stale);
    }
    if let Some((_, _, pool)) = pools.iter().find(|(_, size, _)| *size == n) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let pool = Arc::new(pool);
    if pools.len() == KEPT_POOLS {
        pools.remove(0);
    }
    pools.push((pid, n, Arc::clone(&pool)));
    Ok(pool)
}
