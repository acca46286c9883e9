import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def data():
    """Reads a file from the repository's tests/data/."""
    return lambda name: (REPO / "tests" / "data" / name).read_text(encoding="utf-8")


@pytest.fixture
def sarf_bin():
    """The `sarf` binary: $SARF_BIN, else the newest of target/{debug,release}/sarf
    (built by `cargo test --all-features`, as .ci/run does first)."""
    import os
    if os.environ.get("SARF_BIN"):
        return os.environ["SARF_BIN"]
    built = [REPO / "target" / kind / "sarf" for kind in ("debug", "release")]
    built = [p for p in built if p.exists()]
    if not built:
        pytest.fail("no sarf binary: run `cargo build` first or set SARF_BIN")
    return str(max(built, key=lambda p: p.stat().st_mtime))
