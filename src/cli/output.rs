//! Where results go: stdout, or a file written atomically (and compressed
//! when its name ends in .gz or .zst).
//!
//! A file output is written to a temporary file beside the target and
//! renamed over it only when everything succeeded, so an error or an
//! interruption never leaves a truncated file looking finished, and an
//! existing file is only replaced by a complete one. A target that exists
//! and is not a regular file (`/dev/null`, a named pipe, a terminal) is
//! written directly: renaming over it would replace the device or pipe
//! with a file.
//!
//! SIGINT, SIGTERM and SIGHUP remove every temporary file still being
//! written and end the process with status 130 (see
//! [`remove_temporaries_on_signals`]); only SIGKILL can leave one behind.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use sarf::Error;

/// The temporary files being written, for the signal handler to remove.
static TEMPORARIES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn forget_temporary(temp: &Path) {
    temporaries().retain(|t| t != temp);
}

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary files being written
/// (the targets stay as they were) and exits with status 130. The handler
/// holds the list's lock until it exits, so no output is renamed into place
/// after it starts; one renamed before is complete.
pub fn remove_temporaries_on_signals() {
    // If a handler cannot be installed (one already is), interruption
    // falls back to the default: the process ends, its temporaries stay.
    let _ = ctrlc::set_handler(|| {
        let list = temporaries();
        for temp in list.iter() {
            let _ = std::fs::remove_file(temp);
        }
        eprintln!("sarf: interrupted; temporary output removed");
        std::process::exit(130);
    });
}

/// The output buffer. A block's output (up to a few hundred KiB) is larger,
/// so `BufWriter` hands it to the file directly instead of copying it into
/// the buffer first; small outputs (many small files, short runs) are
/// still gathered; a buffer larger than a block would copy every block
/// (BENCHMARKS.md, "Tuning choices").
const BUFFER: usize = 128 << 10;

/// The bytes' way into the temporary file.
pub enum Sink {
    Plain(BufWriter<File>),
    Gzip(flate2::write::GzEncoder<BufWriter<File>>),
    Zstd(zstd::Encoder<'static, BufWriter<File>>),
}

/// An output stream; call [`Output::commit`] when done.
// One per output file, never moved in a loop: the size of the file variant
// does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    /// `temp` is empty when the target is written directly.
    File {
        sink: Option<Sink>,
        temp: PathBuf,
        target: PathBuf,
        flusher: Option<Flusher>,
    },
}

/// Starts the disk writes of a large output early, from a second thread,
/// so that the fsync before the rename has little left to wait for: on a
/// 240 MB output it took about as long as normalizing the text. The
/// thread starts with the first request: most outputs of a directory run
/// are small files that never make one.
pub struct Flusher {
    /// Bytes handed to the output since the last request.
    unsynced: u64,
    /// The file, until the thread takes it.
    file: Option<File>,
    wake: Option<std::sync::mpsc::SyncSender<()>>,
    thread: Option<std::thread::JoinHandle<io::Result<()>>>,
}

/// How many bytes are written between two requests to sync.
const FLUSH_EVERY: u64 = 32 << 20;

impl Flusher {
    fn new(file: &File) -> Option<Flusher> {
        let file = file.try_clone().ok()?;
        Some(Flusher { unsynced: 0, file: Some(file), wake: None, thread: None })
    }

    #[inline]
    fn wrote(&mut self, bytes: usize) {
        self.unsynced += bytes as u64;
        if self.unsynced >= FLUSH_EVERY {
            if let Some(file) = self.file.take() {
                self.start(file);
            }
            // A request still pending covers these bytes too.
            if let Some(wake) = &self.wake {
                let _ = wake.try_send(());
            }
            self.unsynced = 0;
        }
    }

    /// Starts the thread (if it cannot be started, the fsync before the
    /// rename does all the work).
    fn start(&mut self, file: File) {
        let (wake, requests) = std::sync::mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new().name("sarf-flush".into()).spawn(move || {
            while requests.recv().is_ok() {
                file.sync_data()?;
            }
            Ok(())
        });
        if let Ok(thread) = thread {
            (self.wake, self.thread) = (Some(wake), Some(thread));
        }
    }

    /// Waits for the last request; reports the first error it met.
    fn finish(&mut self) -> io::Result<()> {
        self.wake = None;
        match self.thread.take() {
            Some(thread) => thread.join().unwrap_or_else(|_| Err(io::Error::other("flush thread"))),
            None => Ok(()),
        }
    }
}

impl Drop for Flusher {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// Whether `path` exists and is something other than a regular file (or a
/// link to one).
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

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
        let (file, temp) = if is_special(target) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(|e| Error::from_io(Some(target), e))?;
            (file, PathBuf::new())
        } else {
            let temp = dir.join(format!(".{name}.sarf-{}.tmp", std::process::id()));
            // Listed before it exists, so that a signal never misses it.
            temporaries().push(temp.clone());
            let file = File::create(&temp).map_err(|e| {
                forget_temporary(&temp);
                Error::from_io(Some(&temp), e)
            })?;
            (file, temp)
        };
        let flusher = if temp.as_os_str().is_empty() { None } else { Flusher::new(&file) };
        let writer = BufWriter::with_capacity(BUFFER, file);
        let sink = if name.ends_with(".gz") {
            Sink::Gzip(flate2::write::GzEncoder::new(writer, flate2::Compression::default()))
        } else if name.ends_with(".zst") {
            Sink::Zstd(zstd::Encoder::new(writer, 3).map_err(|e| Error::from_io(Some(target), e))?)
        } else {
            Sink::Plain(writer)
        };
        Ok(Output::File { sink: Some(sink), temp, target: target.to_path_buf(), flusher })
    }

    /// The file being written, for error messages.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Output::Stdout(_) => None,
            Output::File { target, .. } => Some(target),
        }
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Output::File { flusher: Some(flusher), .. } = self {
            flusher.wrote(bytes.len());
        }
        match self {
            Output::Stdout(w) => w.write_all(bytes),
            Output::File { sink: Some(Sink::Plain(w)), .. } => w.write_all(bytes),
            Output::File { sink: Some(Sink::Gzip(w)), .. } => w.write_all(bytes),
            Output::File { sink: Some(Sink::Zstd(w)), .. } => w.write_all(bytes),
            Output::File { sink: None, .. } => Err(io::Error::other("output already committed")),
        }
    }

    /// Flushes and, for a file, finishes compression, syncs and moves it
    /// into place.
    pub fn commit(mut self) -> Result<(), Error> {
        match &mut self {
            Output::Stdout(w) => w.flush().map_err(|e| Error::from_io(None, e)),
            Output::File { sink, temp, target, flusher } => {
                let io = |e| Error::from_io(Some(target), e);
                let mut writer = match sink.take() {
                    Some(Sink::Plain(w)) => w,
                    Some(Sink::Gzip(w)) => w.finish().map_err(io)?,
                    Some(Sink::Zstd(w)) => w.finish().map_err(io)?,
                    None => return Ok(()),
                };
                writer.flush().map_err(io)?;
                if temp.as_os_str().is_empty() {
                    // A device or pipe: nothing to sync or rename.
                    return Ok(());
                }
                if let Some(flusher) = flusher {
                    flusher.finish().map_err(io)?;
                }
                writer.get_ref().sync_all().map_err(io)?;
                drop(writer);
                // Under the list's lock: a signal handler waits for it.
                let mut list = temporaries();
                std::fs::rename(&*temp, &*target).map_err(io)?;
                list.retain(|t| t != temp);
                drop(list);
                // Renamed: nothing left for `Drop` to remove.
                temp.clear();
                Ok(())
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Output::File { temp, .. } = self
            && !temp.as_os_str().is_empty()
        {
            let _ = std::fs::remove_file(&*temp);
            forget_temporary(temp);
        }
    }
}
