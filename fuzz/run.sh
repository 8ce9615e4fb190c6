#!/usr/bin/env bash
# Fuzzes each target for SECONDS (default 300) in turn, seeded from the test inputs, on the
# stable toolchain (cargo-fuzz needs nightly flags: RUSTC_BOOTSTRAP=1 allows them).
# Usage: fuzz/run.sh [SECONDS] [TARGET...]. Needs `cargo install cargo-fuzz`.
# A crash leaves its input in fuzz/artifacts/<target>/; keep it as a regression test.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(questionnaire answers target report workbook)
./seed.sh
for target in "${targets[@]}"; do
  echo "== $target, ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=512 -print_final_stats=1
done
