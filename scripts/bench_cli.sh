#!/usr/bin/env bash
# End-to-end throughput and peak memory of `sarf normalize --preset search`
# from file to file, with 1 and 2 threads.
#
#   scripts/bench_cli.sh [SIZE_MB] [RUNS]
#
# Builds the release binary, makes an input of SIZE_MB (default 100) by
# repeating ../shared/corpus/news-saudinewsnet.txt, runs each setting RUNS
# times (default 5) and prints the median wall time, MB/s and the peak RSS
# (from /usr/bin/time). The input and outputs go to a temporary directory;
# each run writes a new output file (which sarf fsyncs before renaming).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-100}
runs=${2:-5}
corpus=../shared/corpus/news-saudinewsnet.txt
cargo build --release -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
input=$dir/input.txt
while [ "$(stat -c %s "$input" 2>/dev/null || echo 0)" -lt $((size_mb * 1000000)) ]; do
  cat "$corpus" >> "$input"
done
bytes=$(stat -c %s "$input")
echo "input: $bytes bytes"
for jobs in 1 2; do
  times=()
  rss=0
  for _ in $(seq "$runs"); do
    # A fresh output each run: replacing an existing file would add its
    # deletion to the time.
    rm -f "$dir/out.txt"
    out=$( { /usr/bin/time -f "%e %M" ./target/release/sarf normalize -q -j "$jobs" -o "$dir/out.txt" "$input"; } 2>&1 )
    times+=("${out% *}")
    r=${out#* }
    [ "$r" -gt "$rss" ] && rss=$r
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "jobs=$jobs median ${median}s $(awk -v b="$bytes" -v t="$median" 'BEGIN {printf "%.0f MB/s", b/1e6/t}') peak RSS ${rss} KB"
done
