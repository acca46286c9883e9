//! The input/output engine shared by the text commands: inputs (files,
//! directories, stdin, `.gz`/`.zst`) read in blocks of whole lines, blocks
//! transformed in parallel on rayon's pool, results written in input order,
//! atomically, with statistics and a progress bar.
//!
//! The blocks come from the library's [`sarf::bulk::LineBlocks`]; the
//! pipeline around them (a reader thread, the workers, a writer thread,
//! a ring of slots) lives here rather than in `sarf::bulk` because each
//! of its stages is the binary's own: the reader walks directories and
//! decompresses, the writer writes to the binary's atomic outputs
//! (temporary files removed on a signal) and drives the progress bar, and
//! an error must reach the user in input order after everything before it
//! is written. A library user with documents in memory has
//! `sarf::bulk::map_in_order` and its wrappers instead.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sarf::bulk::{Block, DEFAULT_BLOCK_SIZE, LineBlocks, LineCut};
use sarf::{Error, RuleCounts};
use serde::Serialize;

use super::inputs::{FilePair, collect_files, open_input, refuse_overwriting_an_input};
use super::output::Output;

/// How input lines are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text, one document per line.
    Text,
    /// JSON Lines: only the `--field` string fields are rewritten.
    Jsonl,
    /// Parquet files: only the `--field` string columns are rewritten;
    /// every other column, the schema, the row groups and the codecs stay.
    #[cfg(feature = "parquet")]
    Parquet,
}

/// Where text comes from and goes to, and how the run reports.
#[derive(Args, Debug)]
pub struct IoArgs {
    /// Write to this file (atomically: a temporary file renamed into place
    /// on success), or to this directory when an input is a directory.
    /// A name ending in .gz or .zst is compressed.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Rewrite each input file in place (atomically).
    #[arg(long, conflicts_with = "output")]
    pub in_place: bool,
    /// Follow symbolic links met while walking a directory (by default
    /// they are skipped and counted; a link given by name is always
    /// read). Loops are reported and never entered; with --in-place,
    /// files outside the directories given are never written.
    #[arg(long)]
    pub follow: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping with an error.
    #[arg(long)]
    pub lossy: bool,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Input format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// With --format jsonl or parquet: a field (column) to rewrite
    /// (repeatable; default: text).
    #[arg(long = "field", value_name = "NAME")]
    pub fields: Vec<String>,
    /// With --format parquet: the codec of the written columns (default:
    /// each column keeps its own).
    #[cfg(feature = "parquet")]
    #[arg(long, value_enum, default_value = "keep")]
    pub compression: super::parquet::Codec,
    /// With --format jsonl: the longest record accepted, in bytes; a longer
    /// line is an error naming the file and line (a record must be whole
    /// in memory) [default: 268435456, 256 MiB].
    #[arg(long, value_name = "BYTES", default_value_t = 256 << 20)]
    pub max_record_bytes: usize,
    /// Carry on past malformed JSON lines and non-string fields, keeping
    /// them unchanged, and count them.
    #[arg(long)]
    pub skip_bad_lines: bool,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print a summary on stderr at the end.
    #[arg(long)]
    pub stats: bool,
    /// Write the summary as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub stats_json: Option<PathBuf>,
    /// Input files or directories (walked recursively); none or `-` reads stdin.
    /// Files ending in .gz or .zst are decompressed.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
}

impl IoArgs {
    /// The JSON fields to rewrite.
    pub fn fields(&self) -> Vec<String> {
        if self.fields.is_empty() { vec!["text".to_string()] } else { self.fields.clone() }
    }

    /// Whether rule counts are wanted.
    pub fn wants_counts(&self) -> bool {
        self.stats || self.stats_json.is_some()
    }
}

/// What a block transform reports besides its text.
#[derive(Default, Debug)]
pub struct BlockReport {
    pub counts: RuleCounts,
    pub bad_lines: u64,
    /// The output starts with a separator (a space between words) that
    /// belongs only if the line it continues has output already.
    pub joins_line: bool,
    /// The block's last line, when the next block continues it, has
    /// output (see [`Transform::line_cut`]).
    pub tail_has_output: bool,
}

/// Where a block lies in its input.
#[derive(Clone, Copy)]
pub struct Place {
    /// The block's first line number, for error messages.
    pub first_line: u64,
    /// Whether the block continues a line the previous block started
    /// (a line cut where [`Transform::line_cut`] allows).
    pub continues_line: bool,
}

/// The run's summary, for `--stats` and `--stats-json`.
#[derive(Default, Serialize)]
pub(super) struct Summary {
    pub(super) files: u64,
    pub(super) bytes_in: u64,
    pub(super) bytes_out: u64,
    pub(super) lines: u64,
    pub(super) invalid_utf8_replaced: u64,
    pub(super) bad_lines_skipped: u64,
    /// Symbolic links met in a directory walk and not followed, loops,
    /// and (with --in-place) files outside the directories given.
    pub(super) links_skipped: u64,
    pub(super) seconds: f64,
    pub(super) megabytes_per_second: f64,
    pub(super) rule_changes: RuleCounts,
}

/// A block transform: text of whole lines (or pieces of a long line) in,
/// text out.
pub trait Transform: Sync {
    /// Where a line too long for one block may be cut (text mode only):
    /// the transform of the pieces, written one after another, must be the
    /// transform of the whole line, but for a leading separator the writer
    /// drops when the line has no output yet ([`BlockReport::joins_line`]).
    fn line_cut(&self) -> LineCut {
        LineCut::Never
    }

    /// One string value of a Parquet column, transformed as one line of
    /// text would be (a value may hold line feeds).
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    fn value(&self, text: &str, out: &mut String, report: &mut BlockReport);

    fn apply(
        &self,
        text: &str,
        place: Place,
        input: Option<&Path>,
        out: &mut String,
        report: &mut BlockReport,
    ) -> Result<(), Error>;
}

/// One input: a file, or stdin (`None`).
type Input = Option<PathBuf>;

/// Runs `transform` over every input and writes the results.
pub fn process(args: &IoArgs, transform: &impl Transform) -> Result<(), Error> {
    let jobs = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::from_io(None, std::io::Error::other(e.to_string())))?;
    pool.install(|| run(args, transform))
}

fn run(args: &IoArgs, transform: &impl Transform) -> Result<(), Error> {
    #[cfg(feature = "parquet")]
    if args.format == Format::Parquet {
        return super::parquet::run(args, transform);
    }
    let started = Instant::now();
    let inputs: Vec<PathBuf> =
        if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs.clone() };
    let mut summary = Summary::default();
    let total_bytes: u64 =
        inputs.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    let progress = progress_bar(args, total_bytes);

    let has_dir = inputs.iter().any(|p| p.is_dir());
    if has_dir || args.in_place {
        // One output per input file: files run in parallel, each on its own.
        let Some(out_dir) =
            args.output.as_deref().or(if args.in_place { Some(Path::new("")) } else { None })
        else {
            return Err(usage("a directory input needs --output DIR (or --in-place)"));
        };
        let mut pairs = Vec::new();
        for input in &inputs {
            if input == Path::new("-") {
                return Err(usage("stdin cannot be combined with a directory input or --in-place"));
            }
            summary.links_skipped += collect_files(input, out_dir, args, &mut pairs)?;
        }
        for FilePair { input, output, .. } in &pairs {
            refuse_overwriting_an_input(Some(output), std::slice::from_ref(input), args.in_place)?;
        }
        // One piece per file: rayon would otherwise cut the list into
        // about two pieces per thread, and a thread done with its own
        // could only wait for the other's last piece.
        let results: Vec<Result<Summary, Error>> = pairs
            .par_iter()
            .with_max_len(1)
            .map(|FilePair { input, output, small }| {
                if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(|e| Error::from_io(Some(parent), e))?;
                }
                let mut one = Summary::default();
                let mut out = Output::open(Some(output))?;
                if *small {
                    copy_inline(args, transform, input, &mut out, &mut one, &progress)?;
                } else {
                    let inputs = [Some(input.clone())];
                    copy_through(args, transform, &inputs, &mut out, &mut one, &progress, false)?;
                }
                out.commit()?;
                Ok(one)
            })
            .collect();
        for result in results {
            merge(&mut summary, result?);
        }
    } else {
        refuse_overwriting_an_input(args.output.as_deref(), &inputs, false)?;
        let mut out = Output::open(args.output.as_deref())?;
        let inputs: Vec<Input> =
            inputs.iter().map(|p| (p != Path::new("-")).then(|| p.clone())).collect();
        copy_through(args, transform, &inputs, &mut out, &mut summary, &progress, true)?;
        out.commit()?;
    }
    progress.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.megabytes_per_second = summary.bytes_in as f64 / 1e6 / summary.seconds.max(1e-9);
    report(args, &summary)
}

pub(super) fn usage(message: &str) -> Error {
    Error::from_io(None, std::io::Error::new(std::io::ErrorKind::InvalidInput, message.to_string()))
}

/// Writes one transformed block (`block`, transformed into `output`) and
/// counts it:
/// its bytes and what its transform reported (lines are counted by
/// whoever split the input). `line_has_output` carries, from one piece of
/// a cut line to the next, whether the line has output yet.
fn write_block(
    out: &mut Output,
    summary: &mut Summary,
    progress: &ProgressBar,
    (block, line_has_output): (&Block, &mut bool),
    output: &str,
    (report, replaced): (BlockReport, u64),
) -> Result<(), Error> {
    let input = &block.bytes[..];
    let continued = block.continues_line && *line_has_output;
    let output = match output.strip_prefix(' ') {
        Some(rest) if report.joins_line && !continued => rest,
        _ => output,
    };
    *line_has_output = match (input.last(), memchr::memchr(b'\n', input)) {
        (Some(b'\n'), _) => false,
        (_, Some(_)) => report.tail_has_output,
        (_, None) => continued || report.tail_has_output,
    };
    out.write_all(output.as_bytes()).map_err(|e| Error::from_io(out.path(), e))?;
    summary.bytes_in += input.len() as u64;
    summary.bytes_out += output.len() as u64;
    summary.invalid_utf8_replaced += replaced;
    summary.bad_lines_skipped += report.bad_lines;
    summary.rule_changes.merge(&report.counts);
    progress.inc(input.len() as u64);
    Ok(())
}

fn merge(total: &mut Summary, one: Summary) {
    total.files += one.files;
    total.bytes_in += one.bytes_in;
    total.bytes_out += one.bytes_out;
    total.lines += one.lines;
    total.invalid_utf8_replaced += one.invalid_utf8_replaced;
    total.bad_lines_skipped += one.bad_lines_skipped;
    total.rule_changes.merge(&one.rule_changes);
}

/// The input's blocks of lines; in text mode, a line longer than a block
/// is cut where the transform allows; in JSON Lines mode, a record longer
/// than `--max-record-bytes` is an error.
fn line_blocks<R: Read>(
    args: &IoArgs,
    transform: &impl Transform,
    reader: R,
    name: Option<&Path>,
) -> LineBlocks<R> {
    let blocks = LineBlocks::new(reader, name, DEFAULT_BLOCK_SIZE);
    match args.format {
        Format::Jsonl => blocks.max_line(args.max_record_bytes),
        _ => blocks.cut_long_lines(transform.line_cut()),
    }
}

/// Decodes one block (strictly, or with `--lossy`) and transforms it into
/// `out`; returns the transform's report and the invalid sequences replaced.
fn transform_block(
    args: &IoArgs,
    transform: &impl Transform,
    block: &Block,
    name: Option<&Path>,
    out: &mut String,
) -> Result<(BlockReport, u64), Error> {
    let mut report = BlockReport::default();
    let (text, replaced) = if args.lossy {
        block.to_str_lossy()
    } else {
        (std::borrow::Cow::Borrowed(block.as_str(name)?), 0)
    };
    let place = Place { first_line: block.line, continues_line: block.continues_line };
    transform.apply(&text, place, name, out, &mut report)?;
    Ok((report, replaced))
}

/// Reads, transforms and writes one input block by block on this thread.
/// For the small files of a directory run, which run in parallel with
/// each other: the ring's three threads per file (reader, writer, the
/// pool's worker) cost more than the work itself (BENCHMARKS.md, "Tuning
/// choices").
fn copy_inline(
    args: &IoArgs,
    transform: &impl Transform,
    input: &Path,
    out: &mut Output,
    summary: &mut Summary,
    progress: &ProgressBar,
) -> Result<(), Error> {
    let mut blocks = line_blocks(args, transform, open_input(Some(input))?, Some(input));
    let (mut block, mut output) = (Block::default(), String::new());
    let mut line_has_output = false;
    while blocks.next_into(&mut block)? {
        output.clear();
        let outcome = transform_block(args, transform, &block, Some(input), &mut output)?;
        write_block(out, summary, progress, (&block, &mut line_has_output), &output, outcome)?;
    }
    summary.files += 1;
    summary.lines += blocks.lines();
    Ok(())
}

/// A block on its way round the ring: read, transformed, written, reused.
struct Slot {
    /// The block's place in the run (0 for the first), so that the writer
    /// puts the blocks back in order.
    seq: u64,
    /// The input it comes from (an index into the run's inputs).
    input: usize,
    block: Block,
    output: String,
    /// What transforming the block reported, or the error (reading or
    /// transforming it) that ends the run at this block.
    outcome: Result<(BlockReport, u64), Error>,
}

/// Reads the inputs one after another in blocks, transforms the blocks on
/// the pool's threads (one worker when not `parallel`), and writes the
/// results in input order.
///
/// A reader thread fills free slots with blocks; each worker takes the
/// next block as soon as it is done with its last one (no batch waits for
/// its slowest block); a writer thread writes the blocks in input order,
/// holding back any that finish early, and hands the slots back to the
/// reader. A fixed number of slots circulate, so memory stays at a few
/// blocks per worker (`DEFAULT_BLOCK_SIZE` in and out; in text mode a
/// longer line is cut into pieces, see [`Transform::line_cut`]) whatever
/// the input size or its lines' length. A block never spans two inputs (each
/// input's lines are numbered from 1), but the ring runs on from one input
/// into the next: a small file is one block among the others, and the
/// workers never wait at the end of an input for the writer to catch up.
/// The first error in input order (opening, reading or transforming) ends
/// the run, after everything before it is written.
fn copy_through(
    args: &IoArgs,
    transform: &impl Transform,
    inputs: &[Input],
    out: &mut Output,
    summary: &mut Summary,
    progress: &ProgressBar,
    parallel: bool,
) -> Result<(), Error> {
    use std::panic::AssertUnwindSafe;
    use std::sync::Mutex;
    use std::sync::mpsc::sync_channel;

    let workers = if parallel { rayon::current_num_threads() } else { 1 };
    // One block in each worker's hands, one queued for each, and two at
    // the reader and the writer.
    let slots = 2 * workers + 2;
    let (to_work, from_reader) = sync_channel::<Slot>(slots);
    let (to_reader, free) = sync_channel::<Slot>(slots);
    let (to_writer, from_work) = sync_channel::<Slot>(slots);
    for _ in 0..slots {
        let slot = Slot {
            seq: 0,
            input: 0,
            block: Block::default(),
            output: String::new(),
            outcome: Ok(Default::default()),
        };
        to_reader.send(slot).expect("the channel has room for every slot");
    }
    std::thread::scope(|scope| -> Result<(), Error> {
        // Reader: numbers and fills free slots, input after input, until
        // the last ends or one fails; returns the number of inputs opened
        // and of lines read (it counts them anyway, to number them).
        let reader = scope.spawn(move || {
            let (mut seq, mut opened, mut lines) = (0, 0, 0);
            // A slot taken for an input that turned out to have no more
            // blocks, kept for the next.
            let mut spare: Option<Slot> = None;
            'inputs: for (index, input) in inputs.iter().enumerate() {
                let name = input.as_deref();
                let mut blocks = match open_input(name) {
                    Ok(reader) => line_blocks(args, transform, reader, name),
                    Err(e) => {
                        // Its place in the order is here: reported after
                        // everything before it is written.
                        if let Some(mut slot) = spare.take().or_else(|| free.recv().ok()) {
                            (slot.seq, slot.input, slot.outcome) = (seq, index, Err(e));
                            let _ = to_work.send(slot);
                        }
                        break;
                    }
                };
                opened += 1;
                loop {
                    let Some(mut slot) = spare.take().or_else(|| free.recv().ok()) else {
                        break 'inputs;
                    };
                    let failed = match blocks.next_into(&mut slot.block) {
                        Ok(true) => false,
                        Ok(false) => {
                            lines += blocks.lines();
                            spare = Some(slot);
                            continue 'inputs;
                        }
                        Err(e) => {
                            slot.outcome = Err(e);
                            true
                        }
                    };
                    (slot.seq, slot.input) = (seq, index);
                    seq += 1;
                    if to_work.send(slot).is_err() || failed {
                        break 'inputs;
                    }
                }
            }
            (opened, lines)
        });
        // Writer: writes the blocks in order, then hands their slots back.
        let recycle = to_reader;
        let writer = scope.spawn(move || -> Result<Summary, Error> {
            let mut part = Summary::default();
            let mut early: Vec<Slot> = Vec::with_capacity(slots);
            let mut next = 0;
            let mut line_has_output = false;
            while let Ok(slot) = from_work.recv() {
                early.push(slot);
                while let Some(at) = early.iter().position(|slot| slot.seq == next) {
                    let mut slot = early.swap_remove(at);
                    let outcome = std::mem::replace(&mut slot.outcome, Ok(Default::default()))?;
                    write_block(
                        out,
                        &mut part,
                        progress,
                        (&slot.block, &mut line_has_output),
                        &slot.output,
                        outcome,
                    )?;
                    next += 1;
                    let _ = recycle.send(slot);
                }
            }
            Ok(part)
        });
        // Workers: take the next block, transform it, pass it on. An
        // error travels in its slot to the writer, which reports it in
        // input order; a worker stops when the reader or the writer has.
        // A transform that panics (a bug) is caught, so that its block
        // ends the run like an error: the other stages stop instead of
        // waiting for a block that never comes, and the panic goes on
        // once they have.
        let from_reader = Mutex::new(from_reader);
        let panicked = Mutex::new(None);
        let work = || {
            loop {
                let next =
                    from_reader.lock().map_err(|_| ()).and_then(|r| r.recv().map_err(|_| ()));
                let Ok(mut slot) = next else { break };
                if slot.outcome.is_ok() {
                    slot.output.clear();
                    let name = inputs[slot.input].as_deref();
                    let Slot { block, output, .. } = &mut slot;
                    let run =
                        AssertUnwindSafe(|| transform_block(args, transform, block, name, output));
                    slot.outcome = std::panic::catch_unwind(run).unwrap_or_else(|payload| {
                        if let Ok(mut first) = panicked.lock() {
                            first.get_or_insert(payload);
                        }
                        Err(Error::from_io(name, std::io::Error::other("the transform panicked")))
                    });
                }
                if to_writer.send(slot).is_err() {
                    break;
                }
            }
        };
        if parallel {
            rayon::broadcast(|_| work());
        } else {
            work();
        }
        // Release the other stages: the reader may wait to hand over a
        // block no worker will take, the writer for more blocks.
        drop(from_reader);
        drop(to_writer);
        let written = writer.join().expect("the writer thread does not panic");
        let (opened, lines) = reader.join().expect("the reader thread does not panic");
        if let Some(payload) = panicked.into_inner().ok().flatten() {
            std::panic::resume_unwind(payload);
        }
        let part = written?;
        merge(summary, part);
        summary.files += opened;
        summary.lines += lines;
        Ok(())
    })
}

pub(super) fn progress_bar(args: &IoArgs, total: u64) -> ProgressBar {
    if args.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

pub(super) fn report(args: &IoArgs, summary: &Summary) -> Result<(), Error> {
    if args.stats {
        let mut text = format!(
            "sarf: {} file(s), {} lines, {} -> {} bytes in {:.2} s ({:.1} MB/s)",
            summary.files,
            summary.lines,
            summary.bytes_in,
            summary.bytes_out,
            summary.seconds,
            summary.megabytes_per_second
        );
        if summary.invalid_utf8_replaced > 0 {
            text.push_str(&format!(
                ", {} invalid UTF-8 sequences replaced",
                summary.invalid_utf8_replaced
            ));
        }
        if summary.bad_lines_skipped > 0 {
            text.push_str(&format!(", {} bad lines kept unchanged", summary.bad_lines_skipped));
        }
        if summary.links_skipped > 0 {
            text.push_str(&format!(", {} symbolic links skipped", summary.links_skipped));
        }
        eprintln!("{text}");
        for (rule, n) in summary.rule_changes.iter() {
            eprintln!("  {:<20} {n:>12}  {}", rule.name(), rule.description());
        }
    }
    if let Some(path) = &args.stats_json {
        let json = serde_json::to_string_pretty(summary).expect("summary serializes");
        let mut out = Output::open(Some(path))?;
        out.write_all(json.as_bytes()).map_err(|e| Error::from_io(Some(path), e))?;
        out.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        io: IoArgs,
    }

    /// Copies its text, and panics on a block holding "boom": a stand-in
    /// for a bug in a transform.
    struct Explosive;

    impl Transform for Explosive {
        fn value(&self, text: &str, out: &mut String, _: &mut BlockReport) {
            assert!(!text.contains("boom"), "a bug in a transform");
            out.push_str(text);
        }

        fn apply(
            &self,
            text: &str,
            _: Place,
            _: Option<&Path>,
            out: &mut String,
            _: &mut BlockReport,
        ) -> Result<(), Error> {
            assert!(!text.contains("boom"), "a bug in a transform");
            out.push_str(text);
            Ok(())
        }
    }

    #[test]
    fn a_panicking_transform_ends_the_run_instead_of_hanging_it() {
        // The panic must reach the caller, whichever worker hits it, and
        // leave no output: the other stages must not wait forever for the
        // block that never comes.
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.txt");
        let line = "abcdefghij\n";
        let per_block = DEFAULT_BLOCK_SIZE / line.len();
        let text = [line.repeat(3 * per_block), "boom\n".into(), line.repeat(20 * per_block)];
        std::fs::write(&input, text.concat()).unwrap();
        ends_in_a_panic_leaving_no_output(&input, &[]);
    }

    /// Runs the binary's pipeline over `input` (the only file of its
    /// directory) with the `Explosive` transform and `args`, on one, two
    /// and three threads: each run must panic within 30 s and leave the
    /// directory as it was.
    fn ends_in_a_panic_leaving_no_output(input: &Path, args: &[&str]) {
        let dir = input.parent().unwrap();
        let output = dir.join("out");
        for jobs in ["1", "2", "3"] {
            let (input, output) = (input.to_str().unwrap(), output.to_str().unwrap());
            let all = ["sarf", "-q", "-j", jobs, "-o", output, input].into_iter();
            let cli = Cli::parse_from(all.chain(args.iter().copied()));
            let (done, finished) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let run = std::panic::AssertUnwindSafe(|| process(&cli.io, &Explosive));
                let _ = done.send(std::panic::catch_unwind(run).is_err());
            });
            let panicked = finished.recv_timeout(Duration::from_secs(30));
            assert_eq!(panicked, Ok(true), "-j {jobs}: the run hung or did not panic");
        }
        let names: Vec<_> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, [input.file_name().unwrap()], "output left behind");
    }

    #[cfg(feature = "parquet")]
    #[test]
    fn a_panicking_transform_ends_a_parquet_run_instead_of_hanging_it() {
        use std::sync::Arc;

        use arrow_array::{ArrayRef, RecordBatch, StringArray};
        use parquet::arrow::ArrowWriter;
        use parquet::file::properties::WriterProperties;

        // Row groups of 100 rows, the bad value in the sixth: decoders and
        // encoders of several row groups are busy when the panic comes.
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.parquet");
        let values: Vec<String> =
            (0..2_000).map(|i| if i == 555 { "boom".into() } else { format!("row {i}") }).collect();
        let column: ArrayRef = Arc::new(StringArray::from(values));
        let batch = RecordBatch::try_from_iter([("text", column)]).unwrap();
        let properties = WriterProperties::builder().set_max_row_group_row_count(Some(100)).build();
        let file = std::fs::File::create(&input).unwrap();
        let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(properties)).unwrap();
        writer.write(&batch).unwrap();
        writer.close().unwrap();
        ends_in_a_panic_leaving_no_output(&input, &["--format", "parquet", "--field", "text"]);
    }
}
