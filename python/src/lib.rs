//! Python bindings of sarf (the `sarf._sarf` extension; `sarf/__init__.py`
//! re-exports it).
//!
//! Everything here converts between Python and the library and nothing
//! else: the text processing is `sarf`'s. Strs cross with as little
//! Python work as the build allows (the `strs` module); batch functions
//! run their text work on `threads` threads, the calling thread among them
//! between its Python work (the `batch` module), keeping input order.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use sarf::tokenize::TokenKind;
use sarf::{Analyzer, NormalizerConfig, Preset, StemMode, StemmerConfig};

mod batch;
mod strs;

use strs::{Chars, Held, Made, Transcoder};

/// sarf errors become `ValueError` (bad settings) with sarf's message and
/// its causes (the parser's own message), as the `sarf` binary prints them.
fn py_err(error: sarf::Error) -> PyErr {
    PyValueError::new_err(error.message_with_causes())
}

fn parse_preset(name: &str) -> PyResult<Preset> {
    name.parse().map_err(py_err)
}

/// A Python dict (or keyword arguments) as a JSON object, through Python's
/// own `json` module so that every JSON-able value converts the same way.
fn to_json_map(
    py: Python<'_>,
    dict: Option<&Bound<'_, PyDict>>,
) -> PyResult<serde_json::Map<String, serde_json::Value>> {
    let Some(dict) = dict else {
        return Ok(serde_json::Map::new());
    };
    let text: String = py.import("json")?.call_method1("dumps", (dict,))?.extract()?;
    serde_json::from_str(&text).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The normalizer configuration from a preset, an optional `config` (a dict
/// of rule settings, or the path of a TOML/JSON file) and keyword rules,
/// each over the one before.
fn normalizer_config(
    py: Python<'_>,
    preset: &str,
    config: Option<&Bound<'_, PyAny>>,
    rules: Option<&Bound<'_, PyDict>>,
) -> PyResult<NormalizerConfig> {
    let mut table = match config {
        None => serde_json::Map::new(),
        Some(obj) if obj.is_instance_of::<PyDict>() => to_json_map(py, Some(obj.cast()?))?,
        Some(obj) => {
            let path: PathBuf = obj.extract().map_err(|_| {
                PyValueError::new_err("config must be a dict of rule settings or a file path")
            })?;
            sarf::normalize::config::read_table(&path).map_err(py_err)?
        }
    };
    table.extend(to_json_map(py, rules)?);
    NormalizerConfig::from_table_over(table, &parse_preset(preset)?.config(), None).map_err(py_err)
}

fn stemmer_config(
    py: Python<'_>,
    mode: &str,
    min_stem_len: usize,
    lexicons: Option<&Bound<'_, PyDict>>,
) -> PyResult<StemmerConfig> {
    let mut table = to_json_map(py, lexicons)?;
    table.insert("mode".into(), mode.into());
    table.insert("min_stem_len".into(), min_stem_len.into());
    serde_json::from_value(serde_json::Value::Object(table))
        .map_err(|e| PyValueError::new_err(format!("invalid stemmer settings: {e}")))
}

/// A text's stems back to back in one string, with each one's end and
/// hash ([`stem_hash`]): what the parallel part of a call makes, with no
/// allocation per token.
struct JoinedStems {
    joined: String,
    ends: Vec<(usize, u64)>,
}

/// Stems made into Python strs, by hash ([`stem_hash`]), with their text.
type StemStrs = HashMap<u64, (Box<str>, Py<PyString>), Passthrough>;

/// The stems made into Python strs lately, kept from call to call for
/// every call of the process (under the GIL): texts share most of their
/// stems, and making a str decodes its UTF-8 again. A call adds every
/// stem it makes; after it, a table holding more than [`KEPT_STEMS`] is
/// emptied ([`forget_stems`]).
static STEM_STRS: Mutex<Option<StemStrs>> = Mutex::new(None);

/// The most stems [`STEM_STRS`] keeps (a few MB of strs).
const KEPT_STEMS: usize = 1 << 15;

/// Empties [`STEM_STRS`] if it holds more than [`KEPT_STEMS`]: a large
/// batch keeps its stems for its own texts, not for the calls after it.
fn forget_stems() {
    if let Ok(mut shared) = STEM_STRS.try_lock()
        && let Some(made) = shared.as_mut()
        && made.len() > KEPT_STEMS
    {
        made.clear();
    }
}

/// The Python list of `stems`. Python strings are made under the GIL, on
/// one thread: each distinct stem once, then shared through
/// [`STEM_STRS`]. This part does not run in parallel, so it does little
/// per token: a probe with the hash made before, a comparison, and a slot
/// of a list made at its length.
fn stem_list<'py>(py: Python<'py>, stems: &JoinedStems) -> PyResult<Bound<'py, PyList>> {
    // Busy only when this thread is inside a call already (a finalizer the
    // garbage collector ran): that call gets a table of its own.
    let mut shared = STEM_STRS.try_lock().ok();
    let mut own = StemStrs::default();
    let made = match shared.as_deref_mut() {
        Some(shared) => shared.get_or_insert_with(StemStrs::default),
        None => &mut own,
    };
    let mut start = 0;
    PyList::new(
        py,
        stems.ends.iter().map(|&(end, hash)| {
            let text = &stems.joined[start..end];
            start = end;
            match made.get(&hash) {
                Some((made_text, string)) if same_text(made_text, text) => string.bind(py).clone(),
                // Another stem with the same hash, made again each time.
                Some(_) => PyString::new(py, text),
                None => {
                    let string = PyString::new(py, text);
                    made.insert(hash, (text.into(), string.clone().unbind()));
                    string
                }
            }
        }),
    )
}

/// A text the normalizer left as it is: the object itself if it is a
/// `str`, else (a subclass such as `numpy.str_`) a `str` of it, so that
/// every result is a plain `str`.
fn unchanged(text: Bound<'_, PyString>) -> PyResult<Bound<'_, PyString>> {
    if text.is_exact_instance_of::<PyString>() { Ok(text) } else { text.str() }
}

/// `a == b`, compared inline: stems are a few bytes long, shorter than the
/// cost of a call to `memcmp` (a tenth of a batch's work under the GIL).
#[inline]
fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// A stem's hash, made where the stems are (in parallel), so that the map
/// of distinct stems built under the GIL hashes nothing: with std's hasher
/// there, `stems_batch` spent most of its time on one thread (see
/// [`Passthrough`]).
fn stem_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    // FxHash: a few instructions per word where std's SipHash took 4% of a
    // batch; a collision costs a str made again, never a wrong one.
    rustc_hash::FxBuildHasher.hash_one(text)
}

/// The hasher of a map keyed by [`stem_hash`]: the key's hash as it is.
type Passthrough = std::hash::BuildHasherDefault<PassthroughHasher>;

#[derive(Default)]
struct PassthroughHasher(u64);

impl std::hash::Hasher for PassthroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not called for a `u64` key; any other key still hashes correctly.
        for &byte in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }
}

/// Byte offsets of `text` to Python string indices (code points), for
/// offsets that come in order; counting resumes where the last one ended.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
    /// The previous offset asked for before the last, and its index: the
    /// parts of a token split by normalization (a ZWNJ turned into a space)
    /// all carry the whole token's start again.
    earlier: (usize, usize),
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets { text, byte: 0, chars: 0, earlier: (0, 0) }
    }

    /// The code point index of byte offset `at`.
    fn at(&mut self, at: usize) -> usize {
        if at == self.byte {
            return self.chars;
        }
        if at < self.byte {
            if at == self.earlier.0 {
                return self.earlier.1;
            }
            // Not expected from in-order tokens; count from the start.
            return self.text[..at].chars().count();
        }
        self.earlier = (self.byte, self.chars);
        self.chars += self.text[self.byte..at].chars().count();
        self.byte = at;
        self.chars
    }
}

/// A normalizer: `Normalizer(preset="search", config=None, **rules)`.
///
/// `config` is a dict of rule settings or the path of a TOML/JSON file;
/// keyword arguments set single rules (`teh_marbuta=False`,
/// `diacritics="keep_shadda"`); each applies over the one before.
#[pyclass(frozen, module = "sarf", name = "Normalizer")]
struct PyNormalizer {
    inner: sarf::Normalizer,
}

#[pymethods]
impl PyNormalizer {
    #[new]
    #[pyo3(signature = (preset = "search", config = None, **rules))]
    fn new(
        py: Python<'_>,
        preset: &str,
        config: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let config = normalizer_config(py, preset, config, rules)?;
        Ok(PyNormalizer { inner: sarf::Normalizer::new(config) })
    }

    /// The normalized text; `text` itself when the normalizer leaves it as
    /// it is.
    fn normalize<'py>(&self, text: Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
        let held = Held::of(&text)?;
        strs::with_transcoder(|transcoder| {
            match transcoder.map(held.chars(), |text, out| self.normalize_into(text, out)) {
                Some(Some(made)) => made.to_str(text.py()),
                Some(None) => unchanged(text.clone()),
                None => Err(strs::refused(&text)),
            }
        })
    }

    /// Normalizes every text in parallel, without the GIL; results in order.
    /// A text the normalizer leaves as it is comes back as the same object.
    #[pyo3(signature = (texts, threads = None))]
    fn normalize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, PyString>>> {
        let mut normalized = Vec::with_capacity(texts.len());
        let work = |transcoder: &mut Transcoder, chars: Chars<'_>| {
            transcoder.map_owned(chars, |text, out| self.normalize_into(text, out))
        };
        batch::run(py, threads, &texts, work, |i, made: Option<Made>| {
            normalized.push(match made {
                Some(made) => made.to_str(py)?,
                None => unchanged(texts[i].clone())?,
            });
            Ok(())
        })?;
        Ok(normalized)
    }

    /// The full configuration, every rule by name.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &serde_json::to_string(self.inner.config()).expect("config serializes"))
    }

    /// Pickled as its full configuration, so workers of Dask, Spark or
    /// multiprocessing rebuild the same normalizer.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let cls = py.get_type::<PyNormalizer>();
        let kwargs = self.config(py)?;
        let rebuild = py.import("sarf")?.getattr("_rebuild")?;
        (rebuild, (cls, kwargs)).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        format!("Normalizer({:?})", self.inner.config())
    }
}

fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

impl PyNormalizer {
    /// Normalizes `text` into `out` (cleared); whether that changed it.
    fn normalize_into(&self, text: &str, out: &mut String) -> bool {
        self.inner.normalize_into(text, out);
        out != text
    }
}

/// A stemmer: `Stemmer(mode="lexicon", min_stem_len=3, **lexicons)`.
///
/// `mode` is `lexicon`, `light` (light10), `lucene` (Lucene's
/// ArabicStemmer) or `surface` (the lexicon stemmer's cuts, nothing mapped
/// to a lemma). Lexicon keyword arguments (`stems`, `stopwords`,
/// `protected`, `exceptions`, `verbs`) name files replacing the embedded
/// lexicons. Words should be normalized first.
#[pyclass(frozen, module = "sarf", name = "Stemmer")]
struct PyStemmer {
    inner: sarf::Stemmer,
}

#[pymethods]
impl PyStemmer {
    #[new]
    #[pyo3(signature = (mode = "lexicon", min_stem_len = 3, **lexicons))]
    fn new(
        py: Python<'_>,
        mode: &str,
        min_stem_len: usize,
        lexicons: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let config = stemmer_config(py, mode, min_stem_len, lexicons)?;
        Ok(PyStemmer { inner: sarf::Stemmer::new(config).map_err(py_err)? })
    }

    /// The stem of a normalized word.
    fn stem(&self, word: &str) -> String {
        self.inner.stem(word).into_owned()
    }

    /// The analysis of a normalized word: a dict with `prefix`, `stem`,
    /// `suffix`, `decision` (which rule or lexicon decided: `known_stem`,
    /// `exception`, `verb_form`, `nisba`, `protected`, `stopword`,
    /// `fallback`...) and `stopword` (whether the word is one; an
    /// inflected stopword still has its stem: كانت → كان).
    fn analyze<'py>(&self, py: Python<'py>, word: &str) -> PyResult<Bound<'py, PyDict>> {
        let analysis = self.inner.analyze(word);
        let dict = PyDict::new(py);
        dict.set_item("prefix", &*analysis.prefix)?;
        dict.set_item("stem", &*analysis.stem)?;
        dict.set_item("suffix", &*analysis.suffix)?;
        let decision = serde_json::to_value(analysis.decision).expect("decision serializes");
        dict.set_item("decision", decision.as_str())?;
        dict.set_item("stopword", analysis.stopword)?;
        Ok(dict)
    }

    /// Whether the lexicons list the (normalized) word as a stopword.
    fn is_stopword(&self, word: &str) -> bool {
        self.inner.is_stopword(word)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let config = serde_json::to_string(self.inner.config()).expect("config serializes");
        let kwargs = json_to_py(py, &config)?;
        let rebuild = py.import("sarf")?.getattr("_rebuild")?;
        (rebuild, (py.get_type::<PyStemmer>(), kwargs)).into_pyobject(py)
    }

    fn __repr__(&self) -> String {
        format!("Stemmer({:?})", self.inner.config())
    }
}

/// The whole pipeline on raw text: tokenize, normalize, stem.
///
/// `Analyzer(preset="search", mode=None, drop_stopwords=False, stem=True,
/// config=None, **rules)`; `mode` defaults to `lucene` with the `lucene`
/// preset, to `surface` with `quran` and to `lexicon` otherwise, as `sarf
/// stem` does.
#[pyclass(frozen, module = "sarf", name = "Analyzer")]
struct PyAnalyzer {
    inner: Analyzer,
    /// The arguments it was made from, for pickling.
    args: Py<PyDict>,
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (preset = "search", mode = None, drop_stopwords = false, stem = true, config = None, **rules))]
    fn new(
        py: Python<'_>,
        preset: &str,
        mode: Option<&str>,
        drop_stopwords: bool,
        stem: bool,
        config: Option<&Bound<'_, PyAny>>,
        rules: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let normalizer = sarf::Normalizer::new(normalizer_config(py, preset, config, rules)?);
        let default_mode = sarf::StemMode::for_preset(parse_preset(preset)?).name();
        let stemmer_config = stemmer_config(py, mode.unwrap_or(default_mode), 3, None)?;
        let stemmer = sarf::Stemmer::new(stemmer_config).map_err(py_err)?;
        let inner =
            Analyzer::new(normalizer, stemmer).drop_stopwords(drop_stopwords).stemming(stem);
        let args = PyDict::new(py);
        args.set_item("preset", preset)?;
        args.set_item("mode", mode)?;
        args.set_item("drop_stopwords", drop_stopwords)?;
        args.set_item("stem", stem)?;
        args.set_item("config", config)?;
        if let Some(rules) = rules {
            args.update(rules.as_mapping())?;
        }
        Ok(PyAnalyzer { inner, args: args.unbind() })
    }

    /// The tokens of `text`: dicts with `surface`, `start`, `end` (string
    /// indices into `text`, so `text[start:end] == surface`), `normalized`,
    /// `stem`, `kind` (`arabic`, `number`, `other`) and `stopword`.
    ///
    /// The keys are made into Python strings once per process, and each
    /// distinct word once per call (texts repeat their words): a key and a
    /// value str per field took most of the time (2 µs per token on news).
    fn analyze<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let mut offsets = CharOffsets::new(text);
        let mut out = Vec::new();
        let mut failure = None;
        let mut made: HashMap<Box<str>, Bound<'py, PyString>> = HashMap::new();
        let mut string = |s: &str| match made.get(s) {
            Some(string) => string.clone(),
            None => made.entry(s.into()).or_insert_with(|| PyString::new(py, s)).clone(),
        };
        let keys = [
            pyo3::intern!(py, "surface"),
            pyo3::intern!(py, "start"),
            pyo3::intern!(py, "end"),
            pyo3::intern!(py, "normalized"),
            pyo3::intern!(py, "stem"),
            pyo3::intern!(py, "kind"),
            pyo3::intern!(py, "stopword"),
        ];
        let kinds =
            [pyo3::intern!(py, "arabic"), pyo3::intern!(py, "number"), pyo3::intern!(py, "other")];
        self.inner.for_each_token_ref(text, |t| {
            let dict = PyDict::new(py);
            let start = offsets.at(t.start);
            let end = offsets.at(t.end);
            let kind = match t.kind {
                TokenKind::Arabic => kinds[0],
                TokenKind::Number => kinds[1],
                TokenKind::Other => kinds[2],
            };
            let result = (|| {
                dict.set_item(keys[0], string(t.surface))?;
                dict.set_item(keys[1], start)?;
                dict.set_item(keys[2], end)?;
                dict.set_item(keys[3], string(t.normalized))?;
                dict.set_item(keys[4], string(t.stem))?;
                dict.set_item(keys[5], kind)?;
                dict.set_item(keys[6], t.stopword)
            })();
            match result {
                Ok(()) => out.push(dict),
                Err(e) => failure = Some(e),
            }
        });
        match failure {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    /// The stems of `text`'s tokens, in order.
    ///
    /// Made like one text of [`stems_batch`](Self::stems_batch): no
    /// allocation per token on the Rust side, and each distinct stem made
    /// into a str once (a String and a str per token took twice as long on
    /// a news article).
    fn stems<'py>(&self, text: Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
        let held = Held::of(&text)?;
        let stems =
            strs::with_transcoder(|t| t.utf8_of(held.chars()).map(|s| self.joined_stems(s)));
        let stems = stems.ok_or_else(|| strs::refused(&text))?;
        let list = stem_list(text.py(), &stems);
        forget_stems();
        list
    }

    /// The stems of every text, in parallel without the GIL; in order.
    #[pyo3(signature = (texts, threads = None))]
    fn stems_batch<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        // Each text's stems back to back in one string, with their ends
        // and hashes: no allocation per token (a String per token was a
        // third of `bulk::stem_all`'s time on one thread), and the hashing
        // done on the pool rather than under the GIL below.
        let work = |transcoder: &mut Transcoder, chars: Chars<'_>| {
            transcoder.utf8_of(chars).map(|text| self.joined_stems(text))
        };
        let mut lists = Vec::with_capacity(texts.len());
        batch::run(py, threads, &texts, work, |_, stems: JoinedStems| {
            lists.push(stem_list(py, &stems)?);
            Ok(())
        })?;
        forget_stems();
        PyList::new(py, lists)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("sarf")?.getattr("_rebuild")?;
        (rebuild, (py.get_type::<PyAnalyzer>(), self.args.bind(py).copy()?)).into_pyobject(py)
    }
}

impl PyAnalyzer {
    /// The stems of `text`'s tokens back to back, with their ends and
    /// hashes.
    fn joined_stems(&self, text: &str) -> JoinedStems {
        let mut joined = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(text.len() / 10 + 1);
        self.inner.for_each_token_ref(text, |t| {
            joined.push_str(t.stem);
            ends.push((joined.len(), stem_hash(t.stem)));
        });
        JoinedStems { joined, ends }
    }
}

/// The tokens of `text` as `(text, start, end)` tuples, with string indices
/// into `text`. Each distinct token is made into a str once per call.
#[pyfunction]
fn tokenize<'py>(py: Python<'py>, text: &str) -> Vec<(Bound<'py, PyString>, usize, usize)> {
    let mut offsets = CharOffsets::new(text);
    let mut made: HashMap<&str, Bound<'py, PyString>> = HashMap::new();
    sarf::tokenize::tokenize(text)
        .map(|t| {
            let start = offsets.at(t.start);
            let token = made.entry(t.text).or_insert_with(|| PyString::new(py, t.text)).clone();
            (token, start, offsets.at(t.end))
        })
        .collect()
}

/// The names of the normalizer presets.
#[pyfunction]
fn presets() -> Vec<&'static str> {
    Preset::ALL.iter().map(|p| p.name()).collect()
}

/// The stemmer modes.
#[pyfunction]
fn stem_modes() -> Vec<&'static str> {
    StemMode::ALL.iter().map(|m| m.name()).collect()
}

/// Transliterates `text`: Arabic script to a scheme (`to="bw"`, `"safebw"`,
/// `"xmlbw"` or `"hsb"`), or a scheme back to Arabic script (`from_="bw"`,
/// `"safebw"` or `"xmlbw"`), character for character as CAMeL Tools'
/// built-in mappers; characters outside the map pass through.
#[pyfunction]
#[pyo3(signature = (text, to = None, from_ = None))]
fn translit(text: &str, to: Option<&str>, from_: Option<&str>) -> PyResult<String> {
    use sarf::translit::{Scheme, from_scheme, to_scheme};
    let scheme = |name: &str, back: bool| {
        Scheme::from_name(name).filter(|s| !back || s.reversible()).ok_or_else(|| {
            let accepted: Vec<&str> = Scheme::ALL
                .into_iter()
                .filter(|s| !back || s.reversible())
                .map(Scheme::name)
                .collect();
            let accepted = accepted.join(", ");
            PyValueError::new_err(format!("unknown scheme {name:?}: expected one of {accepted}"))
        })
    };
    match (to, from_) {
        (Some(name), None) => Ok(to_scheme(scheme(name, false)?, text).into_owned()),
        (None, Some(name)) => Ok(from_scheme(scheme(name, true)?, text).into_owned()),
        _ => Err(PyValueError::new_err("give exactly one of to= and from_=")),
    }
}

/// Sets the memory, in bytes, of each thread's memo of recent words
/// (default 12 MiB, or `SARF_MEMO_MIB`): a thread that analyzes has a memo
/// of this size, and one that calls a `Stemmer` one of a third of it. A
/// thread sizes its tables when it first analyzes or stems: call this
/// before the work starts. Smaller costs speed on repetitive text, never
/// correctness.
#[pyfunction]
fn set_memo_bytes(bytes: usize) {
    sarf::set_memo_bytes(bytes);
}

/// The budget, in bytes, of each thread's memo of recent words (see
/// `set_memo_bytes`).
#[pyfunction]
fn memo_bytes() -> usize {
    sarf::memo_bytes()
}

#[pymodule]
fn _sarf(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyNormalizer>()?;
    m.add_class::<PyStemmer>()?;
    m.add_class::<PyAnalyzer>()?;
    m.add_function(wrap_pyfunction!(tokenize, m)?)?;
    m.add_function(wrap_pyfunction!(presets, m)?)?;
    m.add_function(wrap_pyfunction!(stem_modes, m)?)?;
    m.add_function(wrap_pyfunction!(set_memo_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(translit, m)?)?;
    m.add_function(wrap_pyfunction!(memo_bytes, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
