//! The per-record helpers of the text transforms: a block cut into lines
//! (line endings kept), and a block of JSON Lines with named string fields
//! rewritten.

use std::path::Path;

use sarf::Error;

use super::io::IoArgs;

/// A block of JSON Lines with the named string fields of each line
/// rewritten by `rewrite` (see [`rewrite_json_line`]); `first_line` is the
/// block's first line number in `input`, for error messages.
pub fn rewrite_json_block(
    args: &IoArgs,
    fields: &[String],
    text: &str,
    (input, first_line): (Option<&Path>, u64),
    out: &mut String,
    bad_lines: &mut u64,
    mut rewrite: impl FnMut(&str) -> String,
) -> Result<(), Error> {
    for_each_line(text, out, |n, line, out| {
        rewrite_json_line(args, fields, (input, first_line + n), line, out, bad_lines, &mut rewrite)
    })
}

/// Rewrites the `--field` strings of one JSON Lines `line` with `rewrite`
/// (which returns JSON text) into `out`. A bad line is an error naming
/// `input` and `line_number`, or with `--skip-bad-lines` is copied
/// unchanged and counted in `report`.
fn rewrite_json_line(
    args: &IoArgs,
    fields: &[String],
    (input, line_number): (Option<&Path>, u64),
    line: &str,
    out: &mut String,
    bad_lines: &mut u64,
    rewrite: impl FnMut(&str) -> String,
) -> Result<(), Error> {
    let start = out.len();
    match sarf::jsonl::rewrite_fields(line, fields, out, rewrite) {
        Ok(()) => Ok(()),
        Err(_) if args.skip_bad_lines => {
            out.truncate(start);
            out.push_str(line);
            *bad_lines += 1;
            Ok(())
        }
        Err(message) => Err(Error::bad_line(input, line_number, message)),
    }
}

/// Calls `line` for each line of `text` without its line ending, then
/// appends that ending (LF, CRLF or none) to `out`.
pub fn for_each_line<E>(
    text: &str,
    out: &mut String,
    mut line: impl FnMut(u64, &str, &mut String) -> Result<(), E>,
) -> Result<(), E> {
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        let (body, ending) = match raw.strip_suffix("\r\n") {
            Some(body) => (body, "\r\n"),
            None => match raw.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (raw, ""),
            },
        };
        line(n as u64, body, out)?;
        out.push_str(ending);
    }
    Ok(())
}
