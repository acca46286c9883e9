"""The Python module beside the Python tools users come from, on the same
lines: CAMeL Tools' normalization chain and PyStemmer (Snowball, in C).

    python scripts/bench_python_peers.py [MEGABYTES] [ROUNDS]

Needs the module installed (`maturin develop --release`, see README) and,
for the peers, `pip install camel-tools PyStemmer` (camel-tools' utils need
only `emoji` and `six` besides: `pip install --no-deps camel-tools` then
`pip install emoji six` keeps its model dependencies out). Reads the first
MEGABYTES (default 20) of ../shared/corpus/news-saudinewsnet.txt, times each
call over every line with `time.perf_counter`, results kept in a list,
and prints the median of ROUNDS (default 5) rounds, the loops taking turns,
with each figure's ratio to its peer. Each loop gets new string objects,
as a job reading its input has (CPython caches a string's UTF-8 form on
the first call that asks for it).
"""

import pathlib
import statistics
import sys
import time

import sarf

CORPUS = pathlib.Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def peers():
    """The peer loops that can be imported here, by name."""
    loops = {}
    try:
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )

        def camel(lines):
            return [
                normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(line))))
                for line in lines
            ]

        loops["CAMeL Tools chain, per line"] = camel
    except ImportError:
        print("camel-tools not installed: its loop is skipped", file=sys.stderr)
    try:
        import Stemmer

        snowball = Stemmer.Stemmer("arabic")
        loops["PyStemmer stemWords(line.split())"] = lambda lines: [
            snowball.stemWords(line.split()) for line in lines
        ]
    except ImportError:
        print("PyStemmer not installed: its loop is skipped", file=sys.stderr)
    return loops


def main():
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    lines, size = [], 0
    with open(CORPUS / "news-saudinewsnet.txt", encoding="utf-8") as corpus:
        for line in corpus:
            lines.append(line.rstrip("\n"))
            size += len(line.encode())
            if size >= megabytes * 1e6:
                break
    camel_normalizer = sarf.Normalizer("camel")
    search_normalizer = sarf.Normalizer("search")
    analyzer = sarf.Analyzer()
    loops = peers()
    loops.update(
        {
            'Normalizer("camel").normalize, per line': lambda ls: [camel_normalizer.normalize(x) for x in ls],
            'Normalizer("search").normalize, per line': lambda ls: [search_normalizer.normalize(x) for x in ls],
            'Normalizer("search").normalize_batch, 1 thread': lambda ls: search_normalizer.normalize_batch(ls, threads=1),
            'Normalizer("search").normalize_batch, 2 threads': lambda ls: search_normalizer.normalize_batch(ls, threads=2),
            "Analyzer().stems, per line": lambda ls: [analyzer.stems(x) for x in ls],
            "Analyzer().stems_batch, 1 thread": lambda ls: analyzer.stems_batch(ls, threads=1),
            "Analyzer().stems_batch, 2 threads": lambda ls: analyzer.stems_batch(ls, threads=2),
        }
    )
    times = {name: [] for name in loops}
    for _ in range(rounds):
        for name, loop in loops.items():
            # New string objects each time, as a job reading its input
            # has: none carries the UTF-8 copy a previous call cached.
            fresh = [line.encode().decode() for line in lines]
            start = time.perf_counter()
            result = loop(fresh)
            times[name].append(time.perf_counter() - start)
            del result
    median = {name: statistics.median(t) for name, t in times.items()}
    against = {
        "normalize": median.get("CAMeL Tools chain, per line"),
        "stem": median.get("PyStemmer stemWords(line.split())"),
        "batch": median.get('Normalizer("search").normalize, per line'),
    }
    print(f"{size / 1e6:.1f} MB, {len(lines)} lines, medians of {rounds} rounds")
    print(f"| call | median s | MB/s | against |\n|---|---:|---:|---|")
    for name, seconds in median.items():
        if "batch" in name and "normalize" in name:
            peer, base = "per-line normalize", against["batch"]
        elif "stem" in name.lower():
            peer, base = "PyStemmer", against["stem"]
        else:
            peer, base = "CAMeL Tools", against["normalize"]
        ratio = f"{base / seconds:.2f}x {peer}" if base and base is not seconds else ""
        print(f"| {name} | {seconds:.3f} | {size / 1e6 / seconds:.0f} | {ratio} |")


if __name__ == "__main__":
    main()
