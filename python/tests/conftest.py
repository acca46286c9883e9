import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def data():
    """Reads a file from the repository's tests/data/."""
    return lambda name: (REPO / "tests" / "data" / name).read_text(encoding="utf-8")
