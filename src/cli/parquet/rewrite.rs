//! Rewriting a batch: the named string columns through the command's
//! per-value transform, in parallel pieces put back in order; a dictionary
//! column's values only, its keys kept.

use std::path::Path;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{ArrowDictionaryKeyType, Int8Type, Int16Type, Int32Type, Int64Type};
use arrow_array::types::{UInt8Type, UInt16Type, UInt32Type, UInt64Type};
use arrow_array::{ArrayRef, DictionaryArray, RecordBatch};
use arrow_schema::{DataType, Field, SchemaRef};
use rayon::prelude::*;
use sarf::Error;

use super::read::typed_strings;
use super::{FileReport, PIECE, invalid};
use crate::cli::io::{BlockReport, Transform};

/// Where a batch's rows are, for error messages.
pub(super) struct Place<'a> {
    pub(super) path: &'a Path,
    pub(super) group: usize,
}

pub(super) fn rewrite_batch(
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

pub(super) fn rewrite_column(
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
pub(super) fn string_values<'a>(
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

pub(super) fn rebuild<K: ArrowDictionaryKeyType>(
    dict: &DictionaryArray<K>,
    values: ArrayRef,
    place: &Place<'_>,
) -> Result<ArrayRef, Error> {
    DictionaryArray::<K>::try_new(dict.keys().clone(), values)
        .map(|d| Arc::new(d) as ArrayRef)
        .map_err(|e| invalid(place.path, format!("row group {}: {e}", place.group)))
}

/// Transforms `values` in parallel pieces, in order; nulls stay null.
pub(super) fn rewrite_values(
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
