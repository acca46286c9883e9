"""The DataFrame recipes of the README, run for real: a pandas column, a
Polars column (`map_batches` over `normalize_batch` and `stem_batch`), and a
Hugging Face `datasets` map with `batched=True`. Each must equal the
single-process result of the same calls, row for row, nulls kept."""

import pandas as pd
import polars as pl
import pytest
from datasets import Dataset

import sarf


@pytest.fixture
def texts(data):
    lines = [line for line in data("news-ar.txt").split("\n") if line]
    # Persian letters and diacritics on some rows, so that the folds work.
    return [line if i % 2 else line.replace("ك", "ک") + " كِتَابـــها" for i, line in enumerate(lines)]


def expected_normalized(texts):
    normalizer = sarf.Normalizer()
    return [normalizer.normalize(t) for t in texts]


def expected_stems(texts):
    analyzer = sarf.Analyzer()
    return [" ".join(analyzer.stems(t)) for t in texts]


def test_pandas_column(texts):
    df = pd.DataFrame({"id": range(len(texts)), "text": texts})
    # The recipe: one batch call per column (or per chunk of a large one).
    df["normalized"] = sarf.normalize_batch(df["text"].tolist())
    df["stems"] = [" ".join(s) for s in sarf.stem_batch(df["text"].tolist())]
    assert df["normalized"].tolist() == expected_normalized(texts)
    assert df["stems"].tolist() == expected_stems(texts)
    assert df["id"].tolist() == list(range(len(texts)))


def test_polars_column_with_nulls(texts):
    column = texts + [None]

    def normalize(series: pl.Series) -> pl.Series:
        values = series.to_list()
        present = [v for v in values if v is not None]
        done = iter(sarf.normalize_batch(present))
        return pl.Series([None if v is None else next(done) for v in values], dtype=pl.String)

    def stems(series: pl.Series) -> pl.Series:
        values = series.to_list()
        present = [v for v in values if v is not None]
        done = iter(sarf.stem_batch(present))
        return pl.Series(
            [None if v is None else " ".join(next(done)) for v in values], dtype=pl.String
        )

    df = pl.DataFrame({"text": column}).with_columns(
        pl.col("text").map_batches(normalize, return_dtype=pl.String).alias("normalized"),
        pl.col("text").map_batches(stems, return_dtype=pl.String).alias("stems"),
    )
    assert df["normalized"].to_list() == expected_normalized(texts) + [None]
    assert df["stems"].to_list() == expected_stems(texts) + [None]


def test_hugging_face_datasets_batched_map(texts):
    dataset = Dataset.from_dict({"id": list(range(len(texts))), "text": texts})

    def clean(batch):
        return {
            "normalized": sarf.normalize_batch(batch["text"], threads=1),
            "stems": [" ".join(s) for s in sarf.stem_batch(batch["text"], threads=1)],
        }

    done = dataset.map(clean, batched=True, batch_size=7)
    assert done["normalized"] == expected_normalized(texts)
    assert done["stems"] == expected_stems(texts)
    assert done["id"] == list(range(len(texts)))
    # With worker processes too: the objects pickle as their configuration.
    done = dataset.map(clean, batched=True, batch_size=7, num_proc=2)
    assert done["normalized"] == expected_normalized(texts)
