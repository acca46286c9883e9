//! Where the text and Parquet commands read and write: the files of a
//! directory walk with their mirrored output paths, the opening of an input
//! (stdin, plain, `.gz`, `.zst`), and the refusal to overwrite an input.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use sarf::Error;
use sarf::bulk::DEFAULT_BLOCK_SIZE;

use super::io::IoArgs;

/// One file of a directory run and where its output goes.
pub(super) struct FilePair {
    pub(super) input: PathBuf,
    pub(super) output: PathBuf,
    /// A regular file of at most four blocks (from the walk's metadata).
    pub(super) small: bool,
}

/// The files under `root` (itself if a file), in name order, with their
/// output paths: mirrored under `out_dir`, or the file itself for
/// `--in-place`. Returns how many symbolic links (and loops, and with
/// `--in-place` files outside `root`) were skipped, each also named on
/// stderr when followed links were asked for.
pub(super) fn collect_files(
    root: &Path,
    out_dir: &Path,
    args: &IoArgs,
    pairs: &mut Vec<FilePair>,
) -> Result<u64, Error> {
    // A file given by name, symbolic link or not, is read as usual.
    let meta = std::fs::metadata(root).map_err(|e| Error::from_io(Some(root), e))?;
    if !meta.is_dir() {
        let output = if args.in_place {
            root.to_path_buf()
        } else {
            out_dir.join(root.file_name().unwrap_or_default())
        };
        pairs.push(FilePair { input: root.to_path_buf(), output, small: is_small(&meta) });
        return Ok(0);
    }
    // With --in-place and --follow, a link may lead out of the tree: its
    // files are skipped, so that nothing outside `root` is rewritten.
    let real_root = if args.in_place && args.follow {
        Some(std::fs::canonicalize(root).map_err(|e| Error::from_io(Some(root), e))?)
    } else {
        None
    };
    let mut skipped = 0;
    let walk = walkdir::WalkDir::new(root).follow_links(args.follow).sort_by_file_name();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) if e.loop_ancestor().is_some() => {
                let path = e.path().unwrap_or(root);
                eprintln!("sarf: {}: a symbolic link loop, not entered", path.display());
                skipped += 1;
                continue;
            }
            Err(e) => return Err(walk_error(e, root)),
        };
        let path = entry.path();
        if entry.file_type().is_symlink() {
            // Only reached without --follow.
            skipped += 1;
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        if let Some(real_root) = &real_root {
            let real = std::fs::canonicalize(path).map_err(|e| Error::from_io(Some(path), e))?;
            if !real.starts_with(real_root) {
                eprintln!(
                    "sarf: {}: leads outside {} ({}), not rewritten in place",
                    path.display(),
                    root.display(),
                    real.display()
                );
                skipped += 1;
                continue;
            }
        }
        let meta = entry.metadata().map_err(|e| walk_error(e, path))?;
        let output = if args.in_place {
            path.to_path_buf()
        } else {
            out_dir.join(path.strip_prefix(root).unwrap_or(path))
        };
        pairs.push(FilePair { input: path.to_path_buf(), output, small: is_small(&meta) });
    }
    Ok(skipped)
}

/// A walk's error as the crate's, naming the path it concerns (`or` when
/// walkdir names none).
fn walk_error(e: walkdir::Error, or: &Path) -> Error {
    let path = e.path().unwrap_or(or).to_path_buf();
    let io = e.into_io_error().unwrap_or_else(|| std::io::Error::other("walk failed"));
    Error::from_io(Some(&path), io)
}

/// Small enough that `copy_inline` beats the ring: a regular file of a few
/// blocks.
pub(super) fn is_small(meta: &std::fs::Metadata) -> bool {
    meta.is_file() && meta.len() <= 4 * DEFAULT_BLOCK_SIZE as u64
}

/// The bytes of `path` (stdin for `None`), decompressed by its extension.
pub(super) fn open_input(path: Option<&Path>) -> Result<Box<dyn Read + Send>, Error> {
    let Some(path) = path else { return Ok(Box::new(std::io::stdin())) };
    let file = File::open(path).map_err(|e| Error::from_io(Some(path), e))?;
    let name = path.to_string_lossy();
    Ok(if name.ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(std::io::BufReader::new(file)))
    } else if name.ends_with(".zst") {
        Box::new(zstd::Decoder::new(file).map_err(|e| Error::from_io(Some(path), e))?)
    } else {
        Box::new(file)
    })
}

/// An output path that names one of the inputs would destroy it, unless
/// that is what `--in-place` asks for.
pub(super) fn refuse_overwriting_an_input(
    output: Option<&Path>,
    inputs: &[PathBuf],
    in_place: bool,
) -> Result<(), Error> {
    if in_place {
        return Ok(());
    }
    let Some(output) = output.filter(|p| *p != Path::new("-")) else { return Ok(()) };
    let Ok(target) = output.canonicalize() else { return Ok(()) };
    for input in inputs {
        if input.canonicalize().is_ok_and(|i| i == target) {
            return Err(Error::from_io(
                Some(output),
                std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "output is also an input; refusing to overwrite it (use --in-place)",
                ),
            ));
        }
    }
    Ok(())
}
