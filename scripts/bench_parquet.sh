#!/usr/bin/env bash
# Parquet beside JSON Lines on the same rows: wall time (median of N runs)
# and peak RSS of `sarf normalize` and `sarf stem` (Parquet in one row group
# and in row groups of 1,000 rows), and the memory of a large file of one
# row group.
#
#   scripts/bench_parquet.sh [CORPUS.txt] [RUNS]
#
# Needs python3 with pyarrow (the .ci/run virtual environment has it:
# `. target/ci-venv/bin/activate`) and a release build (`cargo build --release`).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/news-saudinewsnet.txt}
runs=${2:-3}
sarf=target/release/sarf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$corpus" "$work" <<'PY'
import json, sys
import pyarrow as pa, pyarrow.parquet as pq
corpus, work = sys.argv[1], sys.argv[2]
lines = [l for l in open(corpus, encoding="utf-8").read().split("\n") if l]
table = pa.table({"id": list(range(len(lines))), "text": lines})
pq.write_table(table, f"{work}/rows.parquet")
# The same rows in row groups of 1,000, as dataset exports often cut them.
pq.write_table(table, f"{work}/rows1k.parquet", row_group_size=1000)
with open(f"{work}/rows.jsonl", "w", encoding="utf-8") as f:
    for i, l in enumerate(lines):
        f.write(json.dumps({"id": i, "text": l}, ensure_ascii=False) + "\n")
pq.write_table(pa.concat_tables([table] * 17), f"{work}/big.parquet")
print(f"{len(lines)} rows; big.parquet: {pq.ParquetFile(f'{work}/big.parquet').metadata.num_row_groups} row group(s)")
PY
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for cmd in normalize stem; do
  for fmt in jsonl parquet parquet1k; do
    in="$work/rows.$fmt"
    [ "$fmt" = parquet1k ] && in="$work/rows1k.parquet"
    times=$(for _ in $(seq "$runs"); do
      /usr/bin/time -f "%e %M" "$sarf" "$cmd" -q --format "${fmt%1k}" --field text "$in" -o "$work/out.${fmt%1k}" 2>&1 >/dev/null | tail -1
    done)
    echo "$cmd $fmt: median $(cut -d' ' -f1 <<<"$times" | median) s, peak RSS $(cut -d' ' -f2 <<<"$times" | median) KB"
  done
done
echo
/usr/bin/time -f "normalize big.parquet ($(du -h "$work/big.parquet" | cut -f1)): %e s, peak RSS %M KB" \
  "$sarf" normalize -q --format parquet --field text "$work/big.parquet" -o "$work/big.out.parquet"
