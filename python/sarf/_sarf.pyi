"""Type stubs of the Rust extension `sarf._sarf` (see `src/lib.rs`)."""

import os
from typing import Any, Literal, Mapping, Sequence, TypedDict, final

__all__ = [
    "Analyzer",
    "Normalizer",
    "Stemmer",
    "memo_bytes",
    "presets",
    "set_memo_bytes",
    "stem_modes",
    "tokenize",
    "translit",
    "__version__",
]

__version__: str

class _Token(TypedDict):
    surface: str
    start: int
    end: int
    normalized: str
    stem: str
    kind: Literal["arabic", "number", "other"]
    stopword: bool

class _Analysis(TypedDict):
    prefix: str
    stem: str
    suffix: str
    decision: str
    stopword: bool

@final
class Normalizer:
    """A normalizer: `Normalizer(preset="search", config=None, **rules)`."""

    def __new__(
        cls,
        preset: str = "search",
        config: Mapping[str, Any] | str | os.PathLike[str] | None = None,
        **rules: Any,
    ) -> "Normalizer": ...
    def normalize(self, text: str) -> str:
        """The normalized text; `text` itself when the normalizer leaves it as
        it is."""
    def normalize_batch(self, texts: Sequence[str], threads: int | None = None) -> list[str]:
        """Normalizes every text in parallel, without the GIL; results in order.
        A text the normalizer leaves as it is comes back as the same object."""
    @property
    def config(self) -> dict[str, Any]:
        """The full configuration, every rule by name."""
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Stemmer:
    """A stemmer: `Stemmer(mode="lexicon", min_stem_len=3, **lexicons)`."""

    def __new__(
        cls, mode: str = "lexicon", min_stem_len: int = 3, **lexicons: str | os.PathLike[str]
    ) -> "Stemmer": ...
    def stem(self, word: str) -> str:
        """The stem of a normalized word."""
    def analyze(self, word: str) -> _Analysis:
        """The analysis of a normalized word."""
    def is_stopword(self, word: str) -> bool:
        """Whether the lexicons list the (normalized) word as a stopword."""
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Analyzer:
    """Tokenize, normalize and stem raw text."""

    def __new__(
        cls,
        preset: str = "search",
        mode: str | None = None,
        drop_stopwords: bool = False,
        stem: bool = True,
        config: Mapping[str, Any] | str | os.PathLike[str] | None = None,
        **rules: Any,
    ) -> "Analyzer": ...
    def analyze(self, text: str) -> list[_Token]:
        """The tokens of `text` with offsets, normalized form and stem."""
    def stems(self, text: str) -> list[str]:
        """The stems of `text`'s tokens, in order."""
    def stems_batch(self, texts: Sequence[str], threads: int | None = None) -> list[list[str]]:
        """The stems of every text, in parallel without the GIL; in order."""
    def __reduce__(self) -> tuple[Any, ...]: ...

def tokenize(text: str) -> list[tuple[str, int, int]]:
    """The tokens of `text` as `(text, start, end)` tuples."""

def presets() -> list[str]:
    """The names of the normalizer presets."""

def stem_modes() -> list[str]:
    """The stemmer modes."""

def set_memo_bytes(bytes: int) -> None:
    """Sets the budget of each thread's memo of recent words (a thread that
    calls a Stemmer itself has one of a third of it)."""

def memo_bytes() -> int:
    """The budget of each thread's memo of recent words."""

def translit(text: str, to: str | None = None, from_: str | None = None) -> str:
    """Transliterates `text` to a Buckwalter scheme (`to=`) or back (`from_=`)."""
