#!/usr/bin/env bash
# End-to-end throughput and peak memory of the binary, from file to file
# and from file to /dev/null, on one core and with 1 and 2 worker threads.
#
#   scripts/bench_cli.sh [SIZE_MB] [RUNS] [COMMAND]
#
# Builds the release binary, makes an input of SIZE_MB (default 100) by
# repeating ../shared/corpus/news-saudinewsnet.txt, and runs `sarf COMMAND
# -q` (default: normalize; `stem` for the stemming pipeline) RUNS times
# (default 5) in each setting, the settings taking turns within each round
# so that the machine's drift hits them alike. Prints each setting's median
# wall time, MB/s, peak RSS (from /usr/bin/time) and its speed-up over
# `-j 1` to the same sink. The settings:
#
# - one core: `taskset -c 0 sarf ... -j 1`, every thread of the process
#   (reader, worker, writer) on one core;
# - -j 1: one worker; the reader and writer threads may use a second core;
# - -j 2: two workers.
#
# A file output is new each run (sarf fsyncs it before renaming it into
# place; replacing an existing file would add its deletion to the time).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-100}
runs=${2:-5}
command=${3:-normalize}
corpus=../shared/corpus/news-saudinewsnet.txt
cargo build --release -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
input=$dir/input.txt
while [ "$(stat -c %s "$input" 2>/dev/null || echo 0)" -lt $((size_mb * 1000000)) ]; do
  cat "$corpus" >> "$input"
done
bytes=$(stat -c %s "$input")
echo "sarf $command, input: $bytes bytes, $runs rounds"
settings=("one-core file" "j1 file" "j2 file" "one-core null" "j1 null" "j2 null")
declare -A times rss
for _ in $(seq "$runs"); do
  for setting in "${settings[@]}"; do
    read -r threads sink <<< "$setting"
    pin=()
    jobs=${threads#j}
    if [ "$threads" = one-core ]; then
      pin=(taskset -c 0)
      jobs=1
    fi
    out=/dev/null
    if [ "$sink" = file ]; then
      out=$dir/out.txt
      rm -f "$out"
    fi
    result=$( { /usr/bin/time -f "%e %M" "${pin[@]}" ./target/release/sarf "$command" -q -j "$jobs" -o "$out" "$input"; } 2>&1 )
    times[$setting]="${times[$setting]:-} ${result% *}"
    r=${result#* }
    [ "$r" -gt "${rss[$setting]:-0}" ] && rss[$setting]=$r
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for setting in "${settings[@]}"; do
  read -r threads sink <<< "$setting"
  m=$(median "${times[$setting]}")
  base=$(median "${times[j1 $sink]}")
  printf '%-14s median %6ss %6s MB/s  peak RSS %6s KB  %s x -j 1\n' "$setting" "$m" \
    "$(awk -v b="$bytes" -v t="$m" 'BEGIN {printf "%.0f", b/1e6/t}')" "${rss[$setting]}" \
    "$(awk -v a="$base" -v t="$m" 'BEGIN {printf "%.2f", a/t}')"
done
