#!/usr/bin/env bash
# sarf's pipeline through the calls users make (Analyzer::analyze,
# for_each_token_ref, the tantivy tokenizer, the normalizer per line) beside
# Lucene++'s ArabicNormalizer + ArabicStemmer in the loop a C++ user writes,
# on the same lines, in alternating rounds; prints the median of each loop
# and its ratio to Lucene++.
#
#     scripts/bench_api.sh [FILE] [ROUNDS]
#
# FILE defaults to ../shared/corpus/news-saudinewsnet.txt, ROUNDS to 5.
# The Lucene++ loop (scripts/lucenepp/arabic_loop.cpp) needs Debian's
# liblucene++-dev and the Boost headers it includes:
#     apt-get install liblucene++-dev libboost-filesystem-dev libboost-date-time-dev \
#         libboost-thread-dev libboost-iostreams-dev libboost-regex-dev
# Without them, sarf's loops run alone. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/corpus/news-saudinewsnet.txt}
rounds=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cargo build --release --quiet --features tantivy --example api_speed
lucene=""
if [ -f /usr/include/lucene++/ArabicStemmer.h ]; then
    g++ -O2 -std=c++17 -o "$out/arabic_loop" scripts/lucenepp/arabic_loop.cpp \
        -llucene++ -llucene++-contrib
    lucene="$out/arabic_loop"
else
    echo "liblucene++-dev not installed: sarf's loops only" >&2
fi

for _ in $(seq "$rounds"); do
    [ -n "$lucene" ] && "$lucene" "$file" 1
    target/release/examples/api_speed "$file" 1
done > "$out/times"

python3 - "$out/times" <<'EOF'
import collections, statistics, sys
times = collections.defaultdict(list)
tokens = {}
for line in open(sys.argv[1]):
    tool, name, seconds, count, size = line.split()
    times[(tool, name)].append(float(seconds))
    if int(count):
        tokens[(tool, name)] = int(count)
median = {k: statistics.median(v) for k, v in times.items()}
base = {"stem": median.get(("lucene++", "normalize+stem")),
        "normalize": median.get(("lucene++", "normalize"))}
print(f"{'loop':<32} {'median s':>9} {'M tokens/s':>11} {'MB/s':>8} {'x Lucene++':>11}")
for (tool, name), s in median.items():
    n = tokens.get((tool, name))
    rate = f"{n / s / 1e6:.2f}" if n else "-"
    against = base["normalize" if name == "normalize" else "stem"]
    ratio = f"{against / s:.2f}" if against else "-"
    print(f"{tool + ' ' + name:<32} {s:>9.3f} {rate:>11} {int(size) / s / 1e6:>8.0f} {ratio:>11}")
EOF
