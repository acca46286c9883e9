#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), two at a time.
#
#   scripts/fuzz.sh [SECONDS]
#
# cargo-fuzz needs nightly-only flags; this machine has one stable
# toolchain, so RUSTC_BOOTSTRAP=1 lets stable rustc accept them. Install
# cargo-fuzz once with `cargo install cargo-fuzz --locked`. Findings land
# in fuzz/artifacts/<target>/; copy each (minimized with `cargo fuzz tmin`)
# into fuzz/regressions/<target>/ once fixed, where `cargo test` in fuzz/
# (run by .ci/run) replays it with the seeds.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}
export RUSTC_BOOTSTRAP=1
targets=(normalize tokenize stem translit lexicon config_text jsonl)
cargo fuzz build
status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  pids=()
  for t in "${targets[@]:i:2}"; do
    # New inputs go to a work corpus under target/; the seeds stay as they are.
    mkdir -p "target/corpus/$t" "corpus/$t"
    cargo fuzz run "$t" "target/corpus/$t" "corpus/$t" -- -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 \
      > "/tmp/fuzz-$t.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
done
for t in "${targets[@]}"; do
  echo "$t: $(grep -E '^#[0-9]+.*(DONE|pulse)' "/tmp/fuzz-$t.log" | tail -1)"
done
exit $status
