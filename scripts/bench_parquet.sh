#!/usr/bin/env bash
# Parquet beside JSON Lines on the same rows: wall time (median of N runs)
# and peak RSS of `sarf normalize` and `sarf stem` (Parquet in one row group
# and in row groups of 1,000 rows with pyarrow's default codec, snappy; in
# row groups of 1,000 uncompressed and with zstd; JSON Lines plain and
# compressed with zstd, in and out), and the memory of a large file of one
# row group.
#
#   scripts/bench_parquet.sh [CORPUS.txt] [RUNS]
#
# Needs python3 with pyarrow (the .ci/run virtual environment has it:
# `. target/ci-venv/bin/activate`), the zstd command and a release build
# (`cargo build --release`).
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
for codec in ["none", "zstd"]:
    pq.write_table(table, f"{work}/rows1k-{codec}.parquet", row_group_size=1000, compression=codec)
with open(f"{work}/rows.jsonl", "w", encoding="utf-8") as f:
    for i, l in enumerate(lines):
        f.write(json.dumps({"id": i, "text": l}, ensure_ascii=False) + "\n")
pq.write_table(pa.concat_tables([table] * 17), f"{work}/big.parquet")
print(f"{len(lines)} rows; big.parquet: {pq.ParquetFile(f'{work}/big.parquet').metadata.num_row_groups} row group(s)")
PY
zstd -q -f "$work/rows.jsonl" -o "$work/rows.jsonl.zst"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# label, format, input, output
variants=(
  "jsonl jsonl rows.jsonl out.jsonl"
  "jsonl.zst jsonl rows.jsonl.zst out.jsonl.zst"
  "parquet(1-group,snappy) parquet rows.parquet out.parquet"
  "parquet(1k,snappy) parquet rows1k.parquet out.parquet"
  "parquet(1k,none) parquet rows1k-none.parquet out.parquet"
  "parquet(1k,zstd) parquet rows1k-zstd.parquet out.parquet"
)
for cmd in normalize stem; do
  for variant in "${variants[@]}"; do
    read -r label fmt in out <<<"$variant"
    times=$(for _ in $(seq "$runs"); do
      /usr/bin/time -f "%e %M" "$sarf" "$cmd" -q --format "$fmt" --field text "$work/$in" -o "$work/$out" 2>&1 >/dev/null | tail -1
    done)
    echo "$cmd $label: median $(cut -d' ' -f1 <<<"$times" | median) s, peak RSS $(cut -d' ' -f2 <<<"$times" | median) KB"
  done
done
echo
/usr/bin/time -f "normalize big.parquet ($(du -h "$work/big.parquet" | cut -f1)): %e s, peak RSS %M KB" \
  "$sarf" normalize -q --format parquet --field text "$work/big.parquet" -o "$work/big.out.parquet"
