//! The crate's one error type.
//!
//! Normalizing, tokenizing and stemming never fail; only building engines
//! from configuration, loading data and doing I/O do. Messages are lowercase,
//! name the input and, where there is one, the place in it (line and byte
//! offset), and chain the underlying error (an I/O error, a parser's error)
//! through `source()` rather than repeating its message.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from building a [`Normalizer`](crate::Normalizer), reading a
/// configuration, or the bulk I/O layer.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    /// The parser's or library's own error behind a configuration or
    /// lexicon error, returned by `source()`.
    cause: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// What went wrong, with where.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file (or stdin/stdout) failed.
    Io {
        /// The file, if the error concerns one (`None` for stdin/stdout).
        path: Option<PathBuf>,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A configuration could not be parsed or has an unknown key.
    Config {
        /// The configuration file, if read from one.
        path: Option<PathBuf>,
        /// The parser's message.
        message: String,
    },
    /// A preset name that does not exist.
    UnknownPreset {
        /// The name that was asked for.
        name: String,
    },
    /// A lexicon file that cannot be used.
    Lexicon {
        /// The lexicon file.
        path: PathBuf,
        /// 1-based line number, where the problem is on one line.
        line: Option<u64>,
        /// What is wrong.
        message: String,
    },
    /// A line of input that cannot be processed (malformed JSON Lines, a
    /// field that is not a string).
    BadLine {
        /// The input file (`None` for stdin).
        path: Option<PathBuf>,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// Input that is not valid UTF-8.
    InvalidUtf8 {
        /// The input file (`None` for stdin).
        path: Option<PathBuf>,
        /// 1-based line number of the bad bytes.
        line: u64,
        /// 0-based byte offset of the first bad byte from the start of the input.
        byte_offset: u64,
    },
}

impl Error {
    fn new(kind: ErrorKind) -> Error {
        Error { kind, cause: None }
    }

    /// This error, with `cause` (a parser's error) as its `source()`.
    pub(crate) fn caused_by(
        mut self,
        cause: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.cause = Some(Box::new(cause));
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The message and those of its causes, joined by `: `, on one line:
    /// what the `sarf` binary and the Python module show.
    ///
    /// ```
    /// let err = sarf::NormalizerConfig::from_toml_str("tatwel = true").unwrap_err();
    /// let shown = err.message_with_causes();
    /// assert!(shown.starts_with("invalid configuration: not valid TOML: "), "{shown}");
    /// assert!(shown.contains("tatwel"), "{shown}");
    /// ```
    pub fn message_with_causes(&self) -> String {
        let mut message = self.to_string();
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        message
    }

    pub(crate) fn io(path: Option<&Path>, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Io { path: path.map(Path::to_path_buf), source })
    }

    /// An I/O error on `path` (`None` for the standard streams), for callers
    /// that do their own I/O around the library, such as the `sarf` binary.
    pub fn from_io(path: Option<&Path>, source: std::io::Error) -> Error {
        Error::io(path, source)
    }

    /// Whether this is a write to a closed pipe, which command-line tools
    /// treat as a normal end (`sarf ... | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.kind, ErrorKind::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub(crate) fn config(path: Option<&Path>, message: String) -> Error {
        Error::new(ErrorKind::Config { path: path.map(Path::to_path_buf), message })
    }

    pub(crate) fn unknown_preset(name: &str) -> Error {
        Error::new(ErrorKind::UnknownPreset { name: name.to_string() })
    }

    pub(crate) fn lexicon(path: &Path, line: Option<u64>, message: String) -> Error {
        Error::new(ErrorKind::Lexicon { path: path.to_path_buf(), line, message })
    }

    /// A line of input that cannot be processed, for callers that parse
    /// lines themselves (the binary's JSON Lines mode).
    pub fn bad_line(path: Option<&Path>, line: u64, message: String) -> Error {
        Error::new(ErrorKind::BadLine { path: path.map(Path::to_path_buf), line, message })
    }

    /// A usage error: options that cannot be combined, a missing option.
    pub fn usage(message: &str) -> Error {
        Error::new(ErrorKind::Config { path: None, message: message.to_string() })
    }

    pub(crate) fn invalid_utf8(path: Option<&Path>, line: u64, byte_offset: u64) -> Error {
        Error::new(ErrorKind::InvalidUtf8 { path: path.map(Path::to_path_buf), line, byte_offset })
    }
}

struct Input<'a>(Option<&'a Path>);

impl fmt::Display for Input<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(path) => write!(f, "{}", path.display()),
            None => f.write_str("<stdin>"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Io { path: Some(path), .. } => write!(f, "i/o error on {}", path.display()),
            ErrorKind::Io { path: None, .. } => f.write_str("i/o error on a standard stream"),
            ErrorKind::Config { path: Some(path), message } => {
                write!(f, "invalid configuration in {}: {}", path.display(), message.trim_end())
            }
            ErrorKind::Config { path: None, message } => {
                write!(f, "invalid configuration: {}", message.trim_end())
            }
            ErrorKind::UnknownPreset { name } => {
                let names: Vec<&str> = crate::Preset::ALL.iter().map(|p| p.name()).collect();
                write!(f, "unknown preset {name:?} (expected one of: {})", names.join(", "))
            }
            ErrorKind::Lexicon { path, line: Some(line), message } => {
                write!(f, "invalid lexicon {} at line {line}: {message}", path.display())
            }
            ErrorKind::Lexicon { path, line: None, message } => {
                write!(f, "invalid lexicon {}: {message}", path.display())
            }
            ErrorKind::BadLine { path, line, message } => {
                write!(f, "bad line in {} at line {line}: {message}", Input(path.as_deref()))
            }
            ErrorKind::InvalidUtf8 { path, line, byte_offset } => write!(
                f,
                "invalid UTF-8 in {} at line {line}, byte offset {byte_offset}",
                Input(path.as_deref())
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => self.cause.as_deref().map(|cause| cause as _),
        }
    }
}
