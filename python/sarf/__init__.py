"""sarf: fast, configurable normalization, tokenizing and lexicon-guided
light stemming of Arabic-script text (Arabic, Persian, Urdu).

    >>> import sarf
    >>> sarf.normalize("أَهْلًا بِالعَالَمِ — کوریا")
    'اهلا بالعالم — كوريا'
    >>> sarf.Analyzer().stems("والكتاب كتابها")
    ['كتاب', 'كتاب']

The classes are immutable and thread-safe; the batch functions release the
GIL and run in parallel, keeping input order. Objects pickle as their
configuration, so they travel to Dask, Spark or multiprocessing workers.
"""

from functools import lru_cache
from typing import Any, Iterable, Optional

from ._sarf import (
    Analyzer,
    Normalizer,
    Stemmer,
    __version__,
    memo_bytes,
    presets,
    set_memo_bytes,
    stem_modes,
    tokenize,
    translit,
)

__all__ = [
    "Analyzer",
    "Normalizer",
    "Stemmer",
    "memo_bytes",
    "normalize",
    "normalize_batch",
    "presets",
    "set_memo_bytes",
    "stem_batch",
    "stem_modes",
    "tokenize",
    "translit",
]


def _rebuild(cls: Any, kwargs: dict[str, Any]) -> Any:
    """Unpickles a sarf object from its constructor arguments."""
    return cls(**kwargs)


@lru_cache(maxsize=64)
def _normalizer(preset: str, rules: tuple[tuple[str, Any], ...]) -> Normalizer:
    return Normalizer(preset, **dict(rules))


@lru_cache(maxsize=64)
def _analyzer(
    preset: str, mode: Optional[str], drop_stopwords: bool, rules: tuple[tuple[str, Any], ...]
) -> Analyzer:
    return Analyzer(preset, mode=mode, drop_stopwords=drop_stopwords, **dict(rules))


def normalize(text: str, preset: str = "search", **rules: Any) -> str:
    """Normalizes one text with a preset and optional rule settings."""
    return _normalizer(preset, tuple(sorted(rules.items()))).normalize(text)


def normalize_batch(
    texts: Iterable[str], preset: str = "search", threads: Optional[int] = None, **rules: Any
) -> list[str]:
    """Normalizes a list of texts in parallel (GIL released), in order."""
    normalizer = _normalizer(preset, tuple(sorted(rules.items())))
    return normalizer.normalize_batch(list(texts), threads=threads)


def stem_batch(
    texts: Iterable[str],
    preset: str = "search",
    mode: Optional[str] = None,
    drop_stopwords: bool = False,
    threads: Optional[int] = None,
    **rules: Any,
) -> list[list[str]]:
    """The stems of each text's tokens, for a list of texts, in parallel
    (GIL released), in order."""
    analyzer = _analyzer(preset, mode, drop_stopwords, tuple(sorted(rules.items())))
    return analyzer.stems_batch(list(texts), threads=threads)
