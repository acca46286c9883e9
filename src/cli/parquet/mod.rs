//! `--format parquet`: the named string columns of Parquet files rewritten
//! by a command's per-value transform, everything else kept: the other
//! columns, the schema and its metadata, the row order, the row groups (one
//! output row group per input row group, except that one encoding larger
//! than 32 MiB is written as several, cut after the batch of rows that
//! takes it past) and each column's compression codec unless
//! `--compression` sets one.
//!
//! A file streams in batches of rows through four stages, each on its own
//! threads: decoders read row groups, the calling thread rewrites each
//! batch in order (its values cut into pieces that rayon's pool transforms
//! in parallel and puts back in order), encoders encode and compress row
//! groups, and a writer appends them in order. A decoded or rewritten batch
//! may wait in its channel for the next stage, so that a stage starts on
//! its next batch while the next stage is still busy with the last; an
//! encoded row group is handed over only when the writer takes it. Decoding
//! and encoding, the slow stages, have as many threads as the pool (or the
//! file has row groups), row group g going to thread g % that number, so a
//! file of many row groups keeps every core busy; memory holds a few
//! batches and, per encoder, the row group it encodes and the one being
//! written, whatever the file's size. No stage's output depends on the
//! number of threads, so `-j` never changes the bytes written. Output is
//! atomic, as for text: a temporary file renamed into place once the last
//! row group is written.
//!
//! Strings are read as bytes and checked here, so that invalid UTF-8 is an
//! error naming the file, row group and row (or, with `--lossy`, replaced
//! and counted) rather than a decoder's error without a place.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Instant;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use clap::ValueEnum;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::arrow_writer::{
    ArrowColumnChunk, ArrowColumnWriter, ArrowRowGroupWriterFactory, compute_leaves,
};
use parquet::basic::{Compression, GzipLevel, ZstdLevel};
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;
use sarf::Error;

mod read;
mod rewrite;

use self::read::{Rows, read_group, rewritten_columns};
use self::rewrite::{Place, rewrite_batch};
use super::inputs::{collect_files, refuse_overwriting_an_input};
use super::io::{BlockReport, IoArgs, Summary, Transform, progress_bar, report, usage};
use super::output::Output;

/// The codec of the written columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Codec {
    /// Each column keeps the codec it had in the input.
    Keep,
    /// No compression.
    Uncompressed,
    /// Snappy (pyarrow's default).
    Snappy,
    /// Gzip at its default level.
    Gzip,
    /// Zstandard at its default level.
    Zstd,
    /// LZ4 in the raw block format (Parquet's LZ4_RAW).
    Lz4,
}

impl Codec {
    fn compression(self) -> Option<Compression> {
        Some(match self {
            Codec::Keep => return None,
            Codec::Uncompressed => Compression::UNCOMPRESSED,
            Codec::Snappy => Compression::SNAPPY,
            Codec::Gzip => Compression::GZIP(GzipLevel::default()),
            Codec::Zstd => Compression::ZSTD(ZstdLevel::default()),
            Codec::Lz4 => Compression::LZ4_RAW,
        })
    }
}

/// `--format parquet`: one output file per input file (the Parquet files of
/// an input directory, mirrored under the output directory), files in
/// parallel and each file's values in parallel.
pub fn run(args: &IoArgs, transform: &impl Transform) -> Result<(), Error> {
    let started = Instant::now();
    let mut summary = Summary::default();
    if args.inputs.is_empty() || args.inputs.iter().any(|p| p == Path::new("-")) {
        return Err(usage("--format parquet reads files, not stdin"));
    }
    let has_dir = args.inputs.iter().any(|p| p.is_dir());
    let mut pairs = Vec::new();
    if has_dir || args.in_place {
        let Some(out_dir) =
            args.output.as_deref().or(if args.in_place { Some(Path::new("")) } else { None })
        else {
            return Err(usage("a directory input needs --output DIR (or --in-place)"));
        };
        for input in &args.inputs {
            let mut found = Vec::new();
            summary.links_skipped += collect_files(input, out_dir, args, &mut found)?;
            pairs.extend(
                found
                    .into_iter()
                    .filter(|pair| !input.is_dir() || is_parquet_name(&pair.input))
                    .map(|pair| (pair.input, pair.output)),
            );
        }
    } else {
        let [input] = args.inputs.as_slice() else {
            return Err(usage("several Parquet files need a directory --output or --in-place"));
        };
        let Some(output) = args.output.clone() else {
            return Err(usage("--format parquet needs --output FILE (or --in-place)"));
        };
        pairs.push((input.clone(), output));
    }
    for (input, output) in &pairs {
        refuse_overwriting_an_input(Some(output), std::slice::from_ref(input), args.in_place)?;
    }
    let total_bytes: u64 =
        pairs.iter().filter_map(|(p, _)| std::fs::metadata(p).ok()).map(|m| m.len()).sum();
    let progress = progress_bar(args, total_bytes);
    let fields = args.fields();
    let results: Vec<Result<FileReport, Error>> = pairs
        .par_iter()
        .with_max_len(1)
        .map(|(input, output)| {
            if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| Error::from_io(Some(parent), e))?;
            }
            let report = rewrite_file(args, transform, &fields, args.compression, input, output)?;
            progress.inc(report.bytes_in);
            Ok(report)
        })
        .collect();
    for result in results {
        let one = result?;
        summary.files += 1;
        summary.bytes_in += one.bytes_in;
        summary.bytes_out += one.bytes_out;
        summary.lines += one.rows;
        summary.invalid_utf8_replaced += one.replaced;
        summary.bad_lines_skipped += one.report.bad_lines;
        summary.rule_changes.merge(&one.report.counts);
    }
    progress.finish_and_clear();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.megabytes_per_second = summary.bytes_in as f64 / 1e6 / summary.seconds.max(1e-9);
    report(args, &summary)
}

/// What one file's run reports.
#[derive(Default)]
pub struct FileReport {
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub rows: u64,
    pub replaced: u64,
    pub report: BlockReport,
}

/// An encoder holds a row group's encoded columns in memory until the row
/// group ends (Parquet stores each column of a row group in one piece). An
/// input row group that encodes larger than this is written as several, so
/// that memory stays bounded whatever the input's layout; smaller ones are
/// kept as they are.
const MAX_ROW_GROUP_BYTES: usize = 32 << 20;

/// Values per piece of work: enough to amortize rayon's hand-off, few
/// enough that a batch of [`read::BATCH_ROWS`] rows is cut into pieces
/// for every thread (stemming, the slow rewrite, runs on all of them).
const PIECE: usize = 512;

fn invalid(path: &Path, message: String) -> Error {
    Error::from_io(Some(path), io::Error::new(io::ErrorKind::InvalidData, message))
}

fn parquet_error(path: &Path, e: impl std::fmt::Display) -> Error {
    invalid(path, format!("not a readable Parquet file: {e}"))
}

/// Rewrites the `fields` columns of the Parquet file `input` into `output`
/// (a file path, written atomically).
pub fn rewrite_file(
    args: &IoArgs,
    transform: &impl Transform,
    fields: &[String],
    codec: Codec,
    input: &Path,
    output: &Path,
) -> Result<FileReport, Error> {
    let open = || File::open(input).map_err(|e| Error::from_io(Some(input), e));
    // The schema as written (string and dictionary types, metadata), then
    // the same schema with the rewritten columns read as bytes.
    let natural =
        ParquetRecordBatchReaderBuilder::try_new(open()?).map_err(|e| parquet_error(input, e))?;
    let schema = natural.schema().clone();
    let metadata = natural.metadata().clone();
    drop(natural);
    let columns = rewritten_columns(input, &schema, fields)?;
    let mut properties = WriterProperties::builder()
        .set_max_row_group_row_count(None)
        .set_max_row_group_bytes(Some(MAX_ROW_GROUP_BYTES))
        .set_key_value_metadata(None);
    match codec.compression() {
        Some(compression) => properties = properties.set_compression(compression),
        None => {
            if let Some(group) = metadata.row_groups().first() {
                for column in group.columns() {
                    properties = properties
                        .set_column_compression(column.column_path().clone(), column.compression());
                }
            }
        }
    }
    let mut out = Output::open(Some(output))?;
    let mut file_report = FileReport {
        bytes_in: std::fs::metadata(input).map(|m| m.len()).unwrap_or(0),
        ..FileReport::default()
    };
    let sink = Sink { out: &mut out, written: 0 };
    let cannot_write =
        |e: parquet::errors::ParquetError| invalid(output, format!("cannot write Parquet: {e}"));
    let (file_writer, factory) =
        ArrowWriter::try_new(sink, schema.clone(), Some(properties.build()))
            .and_then(ArrowWriter::into_serialized_writer)
            .map_err(cannot_write)?;
    let groups = metadata.num_row_groups();
    let counts: Vec<usize> =
        (0..groups).map(|g| metadata.row_group(g).num_rows().max(0) as usize).collect();
    // Row groups are decoded and encoded by as many threads each as the
    // pool has (or the file has row groups), taking turns.
    let lanes = rayon::current_num_threads().min(groups).max(1);
    // The file's row where each row group starts.
    let firsts: Vec<u64> = counts
        .iter()
        .scan(0u64, |first, &n| {
            let this = *first;
            *first += n as u64;
            Some(this)
        })
        .collect();
    let (schema, columns, factory) = (&schema, &columns, &factory);
    let (counts, firsts) = (&counts, &firsts);
    // Four stages joined by channels (a batch may wait in one, a row
    // group is handed over): decoders read the row groups; this thread
    // rewrites each batch, in order (on rayon's pool); encoders encode and
    // compress the row groups; the writer appends them in order. Decoders
    // and encoders take turns (row group g goes to lane g % lanes), so
    // that the slow stages run on every core.
    let written = std::thread::scope(|scope| -> Result<u64, Error> {
        let mut from_decoders = Vec::with_capacity(lanes);
        let mut decoders = Vec::with_capacity(lanes);
        for lane in 0..lanes {
            let (to_rewrite, decoded) = sync_channel::<Decoded>(1);
            from_decoders.push(decoded);
            decoders.push(scope.spawn(move || -> Result<(), Error> {
                for group in (lane..groups).step_by(lanes) {
                    let rows = Rows { group, count: counts[group], first: firsts[group] };
                    let mut each = |batch: RecordBatch, replaced: u64| -> Result<(), Error> {
                        // A closed channel means a later stage stopped on
                        // an error, which it reports.
                        let _ = to_rewrite.send(Decoded::Batch { batch, replaced });
                        Ok(())
                    };
                    read_group(open()?, input, &rows, schema, columns, args.lossy, &mut each)?;
                    if to_rewrite.send(Decoded::GroupEnd).is_err() {
                        break;
                    }
                }
                Ok(())
            }));
        }
        let mut to_encoders = Vec::with_capacity(lanes);
        let mut from_encoders = Vec::with_capacity(lanes);
        let mut encoders = Vec::with_capacity(lanes);
        for _ in 0..lanes {
            let (to_encoder, batches) = sync_channel::<Option<RecordBatch>>(1);
            let (to_writer, encoded) = sync_channel::<Encoded>(0);
            to_encoders.push(to_encoder);
            from_encoders.push(encoded);
            encoders.push(scope.spawn(move || {
                encode_groups(factory, schema, batches, to_writer).map_err(cannot_write)
            }));
        }
        let writer = scope.spawn(move || -> Result<Option<u64>, Error> {
            let mut file_writer = file_writer;
            for group in 0..groups {
                loop {
                    match from_encoders[group % lanes].recv() {
                        Ok(Encoded::RowGroup(chunks)) => {
                            let mut row_group =
                                file_writer.next_row_group().map_err(cannot_write)?;
                            for chunk in chunks {
                                chunk.append_to_row_group(&mut row_group).map_err(cannot_write)?;
                            }
                            row_group.close().map_err(cannot_write)?;
                        }
                        Ok(Encoded::GroupEnd) => break,
                        // An earlier stage stopped on an error.
                        Err(_) => return Ok(None),
                    }
                }
            }
            Ok(Some(file_writer.into_inner().map_err(cannot_write)?.written))
        });
        // Rewriting, row group after row group; where it stopped, if early.
        let mut rewritten = Ok(());
        let mut stopped_at = None;
        'groups: for group in 0..groups {
            let lane = group % lanes;
            loop {
                let message = match from_decoders[lane].recv() {
                    Ok(message) => message,
                    Err(_) => {
                        stopped_at = Some(lane);
                        break 'groups;
                    }
                };
                let batch = match message {
                    Decoded::Batch { batch, replaced } => {
                        file_report.replaced += replaced;
                        let place = Place { path: input, group };
                        rewrite_batch(transform, &batch, schema, columns, &place, &mut file_report)
                    }
                    Decoded::GroupEnd => {
                        if to_encoders[lane].send(None).is_err() {
                            break 'groups;
                        }
                        break;
                    }
                };
                match batch {
                    Ok(batch) => {
                        if to_encoders[lane].send(Some(batch)).is_err() {
                            break 'groups;
                        }
                    }
                    Err(e) => {
                        rewritten = Err(e);
                        break 'groups;
                    }
                }
            }
        }
        // Closing the channels ends the other stages, on an error too.
        drop((from_decoders, to_encoders));
        let mut decoded: Vec<Result<(), Error>> =
            decoders.into_iter().map(|d| joined(d.join())).collect();
        let encoded: Result<Vec<()>, Error> =
            encoders.into_iter().map(|e| joined(e.join())).collect();
        let written = joined(writer.join());
        // The first error in the order of the file: the encoders and the
        // writer fail on row groups already rewritten; then the row group
        // where rewriting stopped, on its decoder's error or its own. A
        // decoder's error on a later row group is never reached.
        encoded?;
        let written = written?;
        if let Some(lane) = stopped_at {
            std::mem::replace(&mut decoded[lane], Ok(()))?;
        }
        rewritten?;
        written.ok_or_else(|| invalid(output, "the Parquet writer stopped early".into()))
    })?;
    file_report.rows = counts.iter().map(|&n| n as u64).sum();
    file_report.bytes_out = written;
    out.commit()?;
    Ok(file_report)
}

/// What the decoder hands on: a batch of a row group's rows (with the
/// invalid UTF-8 sequences `--lossy` replaced in it), or the end of the
/// row group.
enum Decoded {
    Batch { batch: RecordBatch, replaced: u64 },
    GroupEnd,
}

/// What an encoder hands the writer: an output row group's column chunks,
/// or the end of the input row group.
enum Encoded {
    RowGroup(Vec<ArrowColumnChunk>),
    GroupEnd,
}

/// Encodes the row groups whose batches come through `batches` (`None`
/// ends a row group) into `to_writer`: one output row group per input row
/// group, cut after a batch that takes it past [`MAX_ROW_GROUP_BYTES`].
/// Returns when `batches` closes, or `to_writer` (the writer stopped).
fn encode_groups(
    factory: &ArrowRowGroupWriterFactory,
    schema: &SchemaRef,
    batches: Receiver<Option<RecordBatch>>,
    to_writer: SyncSender<Encoded>,
) -> parquet::errors::Result<()> {
    let close = |writers: Vec<ArrowColumnWriter>| -> parquet::errors::Result<Encoded> {
        let chunks: parquet::errors::Result<Vec<_>> =
            writers.into_iter().map(ArrowColumnWriter::close).collect();
        Ok(Encoded::RowGroup(chunks?))
    };
    let mut in_progress: Option<Vec<ArrowColumnWriter>> = None;
    for batch in batches.iter() {
        let Some(batch) = batch else {
            let done = match in_progress.take() {
                Some(writers) => to_writer.send(close(writers)?).is_ok(),
                None => true,
            };
            if !done || to_writer.send(Encoded::GroupEnd).is_err() {
                return Ok(());
            }
            continue;
        };
        let writers = match &mut in_progress {
            Some(writers) => writers,
            none => none.insert(factory.create_column_writers(0)?),
        };
        let mut leaves = writers.iter_mut();
        for (field, column) in schema.fields().iter().zip(batch.columns()) {
            for leaf in compute_leaves(field, column)? {
                if let Some(writer) = leaves.next() {
                    writer.write(&leaf)?;
                }
            }
        }
        let bytes: usize = writers.iter().map(ArrowColumnWriter::get_estimated_total_bytes).sum();
        if bytes >= MAX_ROW_GROUP_BYTES
            && let Some(writers) = in_progress.take()
            && to_writer.send(close(writers)?).is_err()
        {
            return Ok(());
        }
    }
    Ok(())
}

/// The result of a joined thread, its panic passed on.
fn joined<T>(result: std::thread::Result<T>) -> T {
    result.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The output file as `io::Write` for the Parquet writer, counting bytes.
struct Sink<'a> {
    out: &'a mut Output,
    written: u64,
}

impl io::Write for Sink<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.out.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Whether `path` is named as a Parquet file: the files a directory walk
/// rewrites.
pub fn is_parquet_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}
