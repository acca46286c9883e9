//! `--format parquet`: the named string columns of Parquet files rewritten
//! by a command's per-value transform, everything else kept: the other
//! columns, the schema and its metadata, the row order, the row groups (one
//! output row group per input row group, except that one encoding larger
//! than 32 MiB is written as several) and each column's compression codec
//! unless `--compression` sets one.
//!
//! A file streams in batches of rows, decoded on a thread of their own one
//! batch ahead of the rewriting and encoding: memory holds two decoded
//! batches and the row group being written, whatever the file's size. The values of
//! a row group are cut into pieces that rayon's pool transforms in
//! parallel and puts back in order, so `-j` never changes the bytes
//! written. Output is atomic, as for text: a temporary file renamed into
//! place once the last row group is written.
//!
//! Strings are read as bytes and checked here, so that invalid UTF-8 is an
//! error naming the file, row group and row (or, with `--lossy`, replaced
//! and counted) rather than a decoder's error without a place.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use arrow_array::cast::AsArray;
use arrow_array::types::{ArrowDictionaryKeyType, Int8Type, Int16Type, Int32Type, Int64Type};
use arrow_array::types::{UInt8Type, UInt16Type, UInt32Type, UInt64Type};
use arrow_array::{
    ArrayRef, DictionaryArray, LargeStringArray, RecordBatch, StringArray, StringViewArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use clap::ValueEnum;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::{ArrowWriter, ProjectionMask};
use parquet::basic::{Compression, GzipLevel, ZstdLevel};
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;
use sarf::Error;

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

/// The writer holds a row group's encoded columns in memory until the row
/// group ends (Parquet stores each column of a row group in one piece). An
/// input row group that encodes larger than this is written as several, so
/// that memory stays bounded whatever the input's layout; smaller ones are
/// kept as they are.
const MAX_ROW_GROUP_BYTES: usize = 32 << 20;

/// Values per piece of work: enough to amortize rayon's hand-off, few
/// enough that both threads get several pieces of a row group.
const PIECE: usize = 2048;

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
    {
        let sink = Sink { out: &mut out, written: 0 };
        let mut writer = ArrowWriter::try_new(sink, schema.clone(), Some(properties.build()))
            .map_err(|e| invalid(output, format!("cannot write Parquet: {e}")))?;
        let mut first_row = 0u64;
        for group in 0..metadata.num_row_groups() {
            let rows = metadata.row_group(group).num_rows().max(0) as usize;
            let group_rows = Rows { group, count: rows, first: first_row };
            // Decoding runs on its own thread, a few batches ahead of the
            // rewriting and encoding here: the two halves of the work
            // overlap instead of taking turns.
            let file = open()?;
            std::thread::scope(|scope| -> Result<(), Error> {
                let (send, receive) = std::sync::mpsc::sync_channel::<(RecordBatch, u64)>(1);
                let (schema, columns, lossy) = (&schema, &columns, args.lossy);
                let group_rows = &group_rows;
                let decoder = scope.spawn(move || {
                    let mut each = |batch: RecordBatch, replaced: u64| -> Result<(), Error> {
                        // A closed channel means the writer stopped on an
                        // error, which it reports.
                        let _ = send.send((batch, replaced));
                        Ok(())
                    };
                    read_group(file, input, group_rows, schema, columns, lossy, &mut each)
                });
                let mut written = Ok(());
                for (batch, replaced) in receive.iter() {
                    file_report.replaced += replaced;
                    let place = Place { path: input, group };
                    written =
                        rewrite_batch(transform, &batch, schema, columns, &place, &mut file_report)
                            .and_then(|rewritten| {
                                writer.write(&rewritten).map_err(|e| {
                                    invalid(output, format!("cannot write Parquet: {e}"))
                                })
                            });
                    if written.is_err() {
                        break;
                    }
                }
                drop(receive);
                let decoded =
                    decoder.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                decoded.and(written)
            })?;
            first_row += rows as u64;
            // One output row group per input row group.
            writer.flush().map_err(|e| invalid(output, format!("cannot write Parquet: {e}")))?;
        }
        file_report.rows = first_row;
        let sink = writer
            .into_inner()
            .map_err(|e| invalid(output, format!("cannot write Parquet: {e}")))?;
        file_report.bytes_out = sink.written;
    }
    out.commit()?;
    Ok(file_report)
}

/// Rows decoded at a time: memory holds two batches of them (the one being
/// written and the next) and the writer's encoded row group, however large
/// the row groups.
const BATCH_ROWS: usize = 2048;

/// A row group of the input: its index, its number of rows and the
/// file's row where it starts.
struct Rows {
    group: usize,
    count: usize,
    first: u64,
}

/// Hands each batch of a row group to `each` with how many invalid UTF-8
/// values it had replaced. Arrow's reader checks UTF-8 and cannot say
/// where it failed; when it fails, the rewritten columns of the rest of
/// the row group are read again as raw bytes, to name the row (or, with
/// `--lossy`, to replace the bad sequences).
fn read_group(
    file: File,
    path: &Path,
    rows: &Rows,
    schema: &SchemaRef,
    columns: &[usize],
    lossy: bool,
    each: &mut dyn FnMut(RecordBatch, u64) -> Result<(), Error>,
) -> Result<(), Error> {
    let group = rows.group;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| parquet_error(path, e))?
        .with_row_groups(vec![group])
        .with_batch_size(BATCH_ROWS.min(rows.count.max(1)))
        .build()
        .map_err(|e| parquet_error(path, e))?;
    let mut done = 0;
    for batch in reader {
        match batch {
            Ok(batch) => {
                done += batch.num_rows();
                each(batch, 0)?;
            }
            Err(e) if e.to_string().to_lowercase().contains("utf") => {
                let (batch, replaced) = raw_group(path, rows, schema, columns, lossy)?;
                return each(batch.slice(done, rows.count - done), replaced);
            }
            Err(e) => {
                return Err(invalid(path, format!("row group {group}: cannot be read: {e}")));
            }
        }
    }
    Ok(())
}

/// Row group `group` with its rewritten columns read as raw bytes (see
/// [`read_group`]).
fn raw_group(
    path: &Path,
    rows: &Rows,
    schema: &SchemaRef,
    columns: &[usize],
    lossy: bool,
) -> Result<(RecordBatch, u64), Error> {
    let (group, first_row, rows) = (rows.group, rows.first, rows.count);
    use parquet::column::reader::ColumnReader;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    let file = File::open(path).map_err(|e| Error::from_io(Some(path), e))?;
    let reader = SerializedFileReader::new(file).map_err(|e| parquet_error(path, e))?;
    let descr = reader.metadata().file_metadata().schema_descr_ptr();
    let row_group = reader.get_row_group(group).map_err(|e| parquet_error(path, e))?;
    let mut replaced = 0;
    let mut rewritten: Vec<(usize, ArrayRef)> = Vec::new();
    for &i in columns {
        let field = schema.field(i);
        let leaf = (0..descr.num_columns())
            .find(|&k| descr.column(k).path().parts() == [field.name().as_str()])
            .ok_or_else(|| {
                invalid(path, format!("column {:?} is not a plain column", field.name()))
            })?;
        let max_def = descr.column(leaf).max_def_level();
        let ColumnReader::ByteArrayColumnReader(mut column) =
            row_group.get_column_reader(leaf).map_err(|e| parquet_error(path, e))?
        else {
            return Err(invalid(path, format!("column {:?} is not stored as bytes", field.name())));
        };
        let (mut defs, mut values) = (Vec::new(), Vec::new());
        let mut read = 0;
        while read < rows {
            let (records, _, _) = column
                .read_records(rows - read, Some(&mut defs), None, &mut values)
                .map_err(|e| parquet_error(path, e))?;
            if records == 0 {
                break;
            }
            read += records;
        }
        let mut next = values.iter();
        let mut strings: Vec<Option<String>> = Vec::with_capacity(rows);
        for row in 0..read {
            let present = max_def == 0 || defs.get(row).is_some_and(|&d| d == max_def);
            let Some(bytes) = present.then(|| next.next()).flatten() else {
                strings.push(None);
                continue;
            };
            let bytes = bytes.data();
            match std::str::from_utf8(bytes) {
                Ok(text) => strings.push(Some(text.to_string())),
                Err(_) if lossy => {
                    replaced += 1;
                    strings.push(Some(String::from_utf8_lossy(bytes).into_owned()));
                }
                Err(e) => {
                    return Err(invalid(
                        path,
                        format!(
                            "column {:?}, row group {group}, row {} of the file ({row} of the row group): invalid UTF-8 at byte {} of the value (--lossy replaces it)",
                            field.name(),
                            first_row + row as u64,
                            e.valid_up_to()
                        ),
                    ));
                }
            }
        }
        rewritten.push((i, typed_strings(strings, field.data_type(), path)?));
    }
    // The other columns through Arrow's reader, as usual.
    let others: Vec<usize> = (0..schema.fields().len()).filter(|i| !columns.contains(i)).collect();
    let mut arrays: Vec<Option<ArrayRef>> = vec![None; schema.fields().len()];
    if !others.is_empty() {
        let file = File::open(path).map_err(|e| Error::from_io(Some(path), e))?;
        let builder =
            ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| parquet_error(path, e))?;
        let mask = ProjectionMask::roots(builder.parquet_schema(), others.iter().copied());
        let mut reader = builder
            .with_row_groups(vec![group])
            .with_batch_size(rows.max(1))
            .with_projection(mask)
            .build()
            .map_err(|e| parquet_error(path, e))?;
        let batch = reader
            .next()
            .transpose()
            .map_err(|e| invalid(path, format!("row group {group}: cannot be read: {e}")))?;
        if let Some(batch) = batch {
            for (k, &i) in others.iter().enumerate() {
                arrays[i] = Some(batch.column(k).clone());
            }
        }
    }
    for (i, array) in rewritten {
        arrays[i] = Some(array);
    }
    let arrays: Vec<ArrayRef> = arrays
        .into_iter()
        .collect::<Option<_>>()
        .ok_or_else(|| invalid(path, format!("row group {group}: a column is missing")))?;
    let batch = RecordBatch::try_new(schema.clone(), arrays)
        .map_err(|e| invalid(path, format!("row group {group}: {e}")))?;
    Ok((batch, replaced))
}

/// `strings` as an array of the string type `data_type`.
fn typed_strings(
    strings: Vec<Option<String>>,
    data_type: &DataType,
    path: &Path,
) -> Result<ArrayRef, Error> {
    let iter = strings.iter().map(|s| s.as_deref());
    Ok(match data_type {
        DataType::Utf8 => Arc::new(StringArray::from_iter(iter)),
        DataType::LargeUtf8 => Arc::new(LargeStringArray::from_iter(iter)),
        DataType::Utf8View => Arc::new(StringViewArray::from_iter(iter)),
        DataType::Dictionary(key, _) => match key.as_ref() {
            DataType::Int8 => Arc::new(iter.collect::<DictionaryArray<Int8Type>>()),
            DataType::Int16 => Arc::new(iter.collect::<DictionaryArray<Int16Type>>()),
            DataType::Int32 => Arc::new(iter.collect::<DictionaryArray<Int32Type>>()),
            DataType::Int64 => Arc::new(iter.collect::<DictionaryArray<Int64Type>>()),
            DataType::UInt8 => Arc::new(iter.collect::<DictionaryArray<UInt8Type>>()),
            DataType::UInt16 => Arc::new(iter.collect::<DictionaryArray<UInt16Type>>()),
            DataType::UInt32 => Arc::new(iter.collect::<DictionaryArray<UInt32Type>>()),
            DataType::UInt64 => Arc::new(iter.collect::<DictionaryArray<UInt64Type>>()),
            other => return Err(invalid(path, format!("dictionary key type {other}"))),
        },
        other => return Err(invalid(path, format!("unexpected type {other}"))),
    })
}

/// The indexes of the columns named by `fields`, each a string column.
fn rewritten_columns(path: &Path, schema: &Schema, fields: &[String]) -> Result<Vec<usize>, Error> {
    fields
        .iter()
        .map(|name| {
            let (index, field) = schema.column_with_name(name).ok_or_else(|| {
                let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
                invalid(path, format!("no column {name:?} (columns: {})", names.join(", ")))
            })?;
            if is_string(field.data_type()) {
                Ok(index)
            } else {
                Err(invalid(
                    path,
                    format!("column {name:?} is {}, not a string column", field.data_type()),
                ))
            }
        })
        .collect()
}

fn is_string(data_type: &DataType) -> bool {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, values) => {
            matches!(values.as_ref(), DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
        }
        _ => false,
    }
}

/// Where a batch's rows are, for error messages.
struct Place<'a> {
    path: &'a Path,
    group: usize,
}

fn rewrite_batch(
    transform: &impl Transform,
    batch: &RecordBatch,
    schema: &SchemaRef,
    columns: &[usize],
    place: &Place<'_>,
    report: &mut FileReport,
) -> Result<RecordBatch, Error> {
    let mut arrays: Vec<ArrayRef> = batch.columns().to_vec();
    for &i in columns {
        let field = schema.field(i);
        arrays[i] = rewrite_column(transform, field, batch.column(i), place, report)?;
    }
    RecordBatch::try_new(schema.clone(), arrays)
        .map_err(|e| invalid(place.path, format!("row group {}: {e}", place.group)))
}

fn rewrite_column(
    transform: &impl Transform,
    field: &Field,
    column: &ArrayRef,
    place: &Place<'_>,
    report: &mut FileReport,
) -> Result<ArrayRef, Error> {
    let strings = |column| string_values(column, field, place);
    match field.data_type() {
        DataType::Dictionary(key, value_type) => {
            // Only the dictionary's values are rewritten; the keys stay.
            macro_rules! dictionary {
                ($key:ty) => {{
                    let dict: &DictionaryArray<$key> = column.as_dictionary();
                    let values = strings(dict.values())?;
                    let rewritten = rewrite_values(transform, &values, report);
                    rebuild(dict, typed_strings(rewritten, value_type, place.path)?, place)
                }};
            }
            match key.as_ref() {
                DataType::Int8 => dictionary!(Int8Type),
                DataType::Int16 => dictionary!(Int16Type),
                DataType::Int32 => dictionary!(Int32Type),
                DataType::Int64 => dictionary!(Int64Type),
                DataType::UInt8 => dictionary!(UInt8Type),
                DataType::UInt16 => dictionary!(UInt16Type),
                DataType::UInt32 => dictionary!(UInt32Type),
                DataType::UInt64 => dictionary!(UInt64Type),
                other => Err(invalid(place.path, format!("dictionary key type {other}"))),
            }
        }
        data_type => {
            let values = strings(column)?;
            typed_strings(rewrite_values(transform, &values, report), data_type, place.path)
        }
    }
}

/// The values of a string array, of any of Arrow's three string types.
fn string_values<'a>(
    column: &'a ArrayRef,
    field: &Field,
    place: &Place<'_>,
) -> Result<Vec<Option<&'a str>>, Error> {
    Ok(match column.data_type() {
        DataType::Utf8 => column.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => column.as_string::<i64>().iter().collect(),
        DataType::Utf8View => column.as_string_view().iter().collect(),
        other => {
            return Err(invalid(
                place.path,
                format!("column {:?}: unexpected type {other}", field.name()),
            ));
        }
    })
}

fn rebuild<K: ArrowDictionaryKeyType>(
    dict: &DictionaryArray<K>,
    values: ArrayRef,
    place: &Place<'_>,
) -> Result<ArrayRef, Error> {
    DictionaryArray::<K>::try_new(dict.keys().clone(), values)
        .map(|d| Arc::new(d) as ArrayRef)
        .map_err(|e| invalid(place.path, format!("row group {}: {e}", place.group)))
}

/// Transforms `values` in parallel pieces, in order; nulls stay null.
fn rewrite_values(
    transform: &impl Transform,
    values: &[Option<&str>],
    report: &mut FileReport,
) -> Vec<Option<String>> {
    let pieces: Vec<(Vec<Option<String>>, BlockReport)> = values
        .par_chunks(PIECE)
        .map(|chunk| {
            let mut piece_report = BlockReport::default();
            let out = chunk
                .iter()
                .map(|value| {
                    value.map(|text| {
                        let mut rewritten = String::with_capacity(text.len());
                        transform.value(text, &mut rewritten, &mut piece_report);
                        rewritten
                    })
                })
                .collect();
            (out, piece_report)
        })
        .collect();
    let mut all = Vec::with_capacity(values.len());
    for (strings, piece_report) in pieces {
        all.extend(strings);
        report.report.counts.merge(&piece_report.counts);
        report.report.bad_lines += piece_report.bad_lines;
    }
    all
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
