//! Reading a row group: batches of rows through Arrow's reader, and, when
//! it finds invalid UTF-8 (Arrow's error names no place), the rewritten
//! columns again as raw bytes, to name the row or to replace the bytes.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::types::{Int8Type, Int16Type, Int32Type, Int64Type};
use arrow_array::types::{UInt8Type, UInt16Type, UInt32Type, UInt64Type};
use arrow_array::{
    ArrayRef, DictionaryArray, LargeStringArray, RecordBatch, StringArray, StringViewArray,
};
use arrow_schema::{DataType, Schema, SchemaRef};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use sarf::Error;

use super::{invalid, parquet_error};

/// Rows decoded at a time: memory holds a few batches of them per stage
/// and the encoded row groups, however large the row groups. (Rows of
/// articles run to kilobytes: 1,024 of them keep a batch to a few MB.)
pub(super) const BATCH_ROWS: usize = 1024;

/// A row group of the input: its index, its number of rows and the
/// file's row where it starts.
pub(super) struct Rows {
    pub(super) group: usize,
    pub(super) count: usize,
    pub(super) first: u64,
}

/// Hands each batch of a row group to `each` with how many invalid UTF-8
/// values it had replaced. Arrow's reader checks UTF-8 and cannot say
/// where it failed; when it fails, the rewritten columns of the rest of
/// the row group are read again as raw bytes, to name the row (or, with
/// `--lossy`, to replace the bad sequences).
pub(super) fn read_group(
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
pub(super) fn raw_group(
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
pub(super) fn typed_strings(
    strings: Vec<Option<String>>,
    data_type: &DataType,
    path: &Path,
) -> Result<ArrayRef, Error> {
    typed_strings_within(strings, data_type, path, i32::MAX as usize)
}

/// [`typed_strings`], refusing strings that take more than `limit` bytes
/// together in an array whose offsets are 32-bit (Arrow's builders would
/// panic): a batch rewritten longer than its input (NFKC turns ﷺ into
/// eighteen letters) may not fit where the input did.
fn typed_strings_within(
    strings: Vec<Option<String>>,
    data_type: &DataType,
    path: &Path,
    limit: usize,
) -> Result<ArrayRef, Error> {
    let offsets_32 = match data_type {
        DataType::Utf8 => true,
        DataType::Dictionary(_, values) => values.as_ref() == &DataType::Utf8,
        _ => false,
    };
    let total: usize = strings.iter().flatten().map(String::len).sum();
    if offsets_32 && total > limit {
        return Err(invalid(
            path,
            format!(
                "a batch of {} rewritten values takes {total} bytes, more than a {data_type} column holds in one array ({limit}); rewrite into a large_string column",
                strings.len()
            ),
        ));
    }
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
pub(super) fn rewritten_columns(
    path: &Path,
    schema: &Schema,
    fields: &[String],
) -> Result<Vec<usize>, Error> {
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

pub(super) fn is_string(data_type: &DataType) -> bool {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, values) => {
            matches!(values.as_ref(), DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_too_long_for_32_bit_offsets_are_an_error_not_a_panic() {
        let strings = || vec![Some("ﷺ".repeat(4)), None, Some("كتاب".to_string())];
        let path = Path::new("in.parquet");
        let dictionary = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
        for data_type in [DataType::Utf8, dictionary] {
            let error = typed_strings_within(strings(), &data_type, path, 19).unwrap_err();
            let message = error.message_with_causes();
            assert!(message.contains("takes 20 bytes"), "{message}");
            let array = typed_strings_within(strings(), &data_type, path, 20).unwrap();
            assert_eq!(array.len(), 3);
        }
        // 64-bit offsets hold them.
        let array = typed_strings_within(strings(), &DataType::LargeUtf8, path, 19).unwrap();
        assert_eq!(array.len(), 3);
    }
}
