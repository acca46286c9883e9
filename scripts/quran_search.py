#!/usr/bin/env python3
"""Verse search: do words typed in plain spelling find their verse in Uthmani
text?  Each query is 3 to 5 consecutive words of a verse in plain (imla'i)
spelling; the one relevant document is the same verse as written in Uthmani
script, among all the verses.  Each analyzer is a shell command that reads
one text per line on stdin and writes its terms, space-separated, one line
per input line; it analyzes both the verses and the queries.  BM25 (k1 1.2,
b 0.75) ranks the verses; the script prints MRR@10 and recall@1/@10, with a
verse that ties with the relevant one counted as ranked before it, and MRR@10
again with ties counted after it (identical verses, such as the refrain of
Ar-Rahman, cannot be told apart: the two figures bracket any tie-breaking).

    quran_search.py UTHMANI PLAIN NAME=COMMAND [NAME=COMMAND ...]

UTHMANI and PLAIN hold the same verses line for line, except that PLAIN may
leave a few out (as ../shared/corpus/quran-hafs-imlai.txt does); they are
aligned as ../shared/eval/quran_spelling.py aligns them. Queries are drawn
with a fixed seed, so runs compare.

e.g.    scripts/quran_search.py ../shared/corpus/quran-hafs-uthmani.txt \\
            ../shared/corpus/quran-hafs-imlai.txt \\
            "search=target/release/sarf tokenize -q" \\
            "quran=target/release/sarf tokenize --preset quran -q"

Python 3 standard library only.
"""
import difflib, math, random, shlex, subprocess, sys
from collections import Counter, defaultdict


def read(path):
    with open(path, encoding="utf-8") as f:
        return [l for l in f.read().split("\n") if l and not l.startswith("#")]


def run(cmd, lines):
    p = subprocess.run(shlex.split(cmd), input="\n".join(lines) + "\n", capture_output=True, text=True)
    out = p.stdout.split("\n")[: len(lines)]
    if p.returncode != 0 or len(out) != len(lines):
        sys.exit(f"{cmd}: exit {p.returncode}, {len(out)} lines for {len(lines)}: {p.stderr[:300]}")
    return out


def align(uthmani, plain):
    """Pairs (i, j) of the same verse, skipping verses PLAIN leaves out, by
    word overlap after stripping marks (so that no analyzer decides it)."""
    def letters(line):
        return "".join(c for c in line if not ("\u064b" <= c <= "\u065f" or "\u06d6" <= c <= "\u06ed" or c in "\u0670\u0640"))
    u = [letters(l).split() for l in uthmani]
    m = [letters(l).split() for l in plain]
    sim = lambda a, b: difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    pairs, i, j = [], 0, 0
    while i < len(u) and j < len(m):
        if i + 1 < len(u) and len(u) - i > len(m) - j and sim(u[i + 1], m[j]) > sim(u[i], m[j]):
            i += 1
            continue
        pairs.append((i, j))
        i += 1
        j += 1
    return pairs


def queries(plain, pairs, seed=20261204):
    rng = random.Random(seed)
    out = []
    for i, j in pairs:
        words = plain[j].split()
        if len(words) < 3:
            continue
        n = rng.randint(3, min(5, len(words)))
        start = rng.randint(0, len(words) - n)
        out.append((i, " ".join(words[start:start + n])))
    return out


def bm25_ranks(doc_terms, query_terms, relevant, k1=1.2, b=0.75):
    docs = [Counter(line.split()) for line in doc_terms]
    lengths = [sum(d.values()) for d in docs]
    avg = sum(lengths) / len(lengths)
    postings = defaultdict(list)
    for k, d in enumerate(docs):
        for t, f in d.items():
            postings[t].append((k, f))
    n = len(docs)
    ranks = []
    for q, rel in zip(query_terms, relevant):
        scores = defaultdict(float)
        for t in set(q.split()):
            plist = postings.get(t)
            if not plist:
                continue
            idf = math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5))
            for k, f in plist:
                scores[k] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * lengths[k] / avg))
        mine = scores.get(rel, 0.0)
        if mine == 0.0:
            ranks.append((None, None))
            continue
        above = sum(1 for k, s in scores.items() if k != rel and s > mine)
        tied = sum(1 for k, s in scores.items() if k != rel and s == mine)
        ranks.append((1 + above + tied, 1 + above))
    return ranks


def mrr(ranks):
    return sum(1 / r for r in ranks if r and r <= 10) / len(ranks)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    uthmani, plain = read(sys.argv[1]), read(sys.argv[2])
    pairs = align(uthmani, plain)
    qs = queries(plain, pairs)
    print(f"verses={len(uthmani)} queries={len(qs)}")
    for spec in sys.argv[3:]:
        name, _, cmd = spec.partition("=")
        docs = run(cmd, uthmani)
        terms = run(cmd, [q for _, q in qs])
        both = bm25_ranks(docs, terms, [i for i, _ in qs])
        ranks = [against for against, _ in both]
        r1 = sum(1 for r in ranks if r == 1) / len(ranks)
        r10 = sum(1 for r in ranks if r and r <= 10) / len(ranks)
        vocab = len({t for d in docs for t in d.split()})
        print(f"{name}: MRR@10 {mrr(ranks):.3f} (ties after: {mrr([f for _, f in both]):.3f})  "
              f"recall@1 {r1:.3f}  recall@10 {r10:.3f}  distinct terms {vocab}")


if __name__ == "__main__":
    main()
