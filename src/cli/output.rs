//! Where results go: stdout, or a file written atomically.
//!
//! A file output is written to a temporary file beside the target and
//! renamed over it only when everything succeeded, so an error or an
//! interruption never leaves a truncated file looking finished.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use sarf::Error;

/// An output stream; call [`Output::commit`] when done.
pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File { writer: BufWriter<File>, temp: PathBuf, target: PathBuf, committed: bool },
}

const BUFFER: usize = 1 << 20;

impl Output {
    /// Opens `path` for writing (`None` or `-` is stdout).
    pub fn open(path: Option<&Path>) -> Result<Output, Error> {
        let Some(target) = path.filter(|p| *p != Path::new("-")) else {
            return Ok(Output::Stdout(BufWriter::with_capacity(BUFFER, io::stdout())));
        };
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let name = target.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        let temp = dir.join(format!(".{name}.sarf-{}.tmp", std::process::id()));
        let file = File::create(&temp).map_err(|e| sarf::Error::from_io(Some(&temp), e))?;
        Ok(Output::File {
            writer: BufWriter::with_capacity(BUFFER, file),
            temp,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// The file being written, for error messages.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Output::Stdout(_) => None,
            Output::File { target, .. } => Some(target),
        }
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::File { writer, .. } => writer.write_all(bytes),
        }
    }

    /// Flushes and, for a file, moves it into place.
    pub fn commit(mut self) -> Result<(), Error> {
        match &mut self {
            Output::Stdout(w) => w.flush().map_err(|e| Error::from_io(None, e)),
            Output::File { writer, temp, target, committed } => {
                let io = |e| Error::from_io(Some(target), e);
                writer.flush().map_err(io)?;
                writer.get_ref().sync_all().map_err(io)?;
                std::fs::rename(&*temp, &*target).map_err(io)?;
                *committed = true;
                Ok(())
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Output::File { temp, committed: false, .. } = self {
            let _ = std::fs::remove_file(temp);
        }
    }
}
