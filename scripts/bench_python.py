"""Batch calls of the Python module as a map step makes them: the same
analyzer settings, many calls of a few hundred lines each.

    python scripts/bench_python.py [LINES] [PER_CALL]

Needs the module installed (see README: `maturin develop --release` in a
virtual environment) and ../shared/corpus/news-saudinewsnet.txt. Takes
the file's first LINES lines (default 20000) in calls of PER_CALL
(default 500), and prints the best of three passes for `stem_batch` and
`normalize_batch` with threads=1 and with the default.
"""

import pathlib
import sys
import time

import sarf

CORPUS = pathlib.Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    per_call = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    text = (CORPUS / "news-saudinewsnet.txt").read_text(encoding="utf-8")
    lines = text.split("\n")[:count]
    parts = [lines[i : i + per_call] for i in range(0, len(lines), per_call)]
    size = sum(len(line.encode()) for line in lines) / 1e6
    print(f"{size:.1f} MB in {len(parts)} calls of {per_call} lines")
    for name, call in [("stem_batch", sarf.stem_batch), ("normalize_batch", sarf.normalize_batch)]:
        for threads in [1, None]:
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                for part in parts:
                    call(part, threads=threads)
                best = min(best, time.perf_counter() - start)
            print(f"{name} threads={threads}: {best:.3f} s")


if __name__ == "__main__":
    main()
