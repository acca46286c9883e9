#!/usr/bin/env bash
# Wall time of `sarf stem` with -j 1 and -j 2 for several builds, the
# builds and settings taking turns within each round so that the machine's
# drift hits them alike; prints each build's medians and their ratio.
#
#   scripts/compare_builds.sh ROUNDS INPUT OUTPUT SARF_BINARY...
#
# OUTPUT is a file path or /dev/null. Copy each build's target/release/sarf
# aside first (e.g. `git stash; cargo build --release; cp target/release/sarf
# /tmp/sarf-before; git stash pop`).
set -euo pipefail
rounds=$1 input=$2 output=$3
shift 3
cat "$input" > /dev/null
for _ in $(seq "$rounds"); do
  for binary in "$@"; do
    for jobs in 1 2; do
      t=$( { /usr/bin/time -f "%e" "$binary" stem -q -j "$jobs" -o "$output" "$input"; } 2>&1 | tail -1)
      echo "$binary $jobs $t"
    done
  done
done | python3 -c '
import collections, statistics, sys
times = collections.defaultdict(list)
for line in sys.stdin:
    binary, jobs, t = line.split()
    times[binary, jobs].append(float(t))
for binary in dict.fromkeys(b for b, _ in times):
    one, two = (statistics.median(times[binary, j]) for j in ("1", "2"))
    print(f"{binary}: -j 1 {one:.3f} s, -j 2 {two:.3f} s, ratio {one / two:.2f}")
'
