#!/usr/bin/env bash
# Fuzzes each target for SECONDS (default 300) in turn, seeded from the test inputs, on the
# stable toolchain (cargo-fuzz needs nightly flags: RUSTC_BOOTSTRAP=1 allows them).
# Usage: fuzz/run.sh [SECONDS] [TARGET...]. Needs `cargo install cargo-fuzz`.
# A crash leaves its input in fuzz/artifacts/<target>/; keep it as a regression test.
# An input that takes over 2 s (10 s for yaml_mix) or 256 MB is a crash too: the goal is under
# 1 s and 100 MB for any input of the release binary, and the fuzzing build is instrumented and
# has debug assertions (the same 8 MiB input: 0.08 s in release, 2.4 s of CPU in yaml_mix).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(questionnaire answers target report yaml_mix workbook)
./seed.sh
for target in "${targets[@]}"; do
  echo "== $target, ${seconds}s"
  # yaml_mix builds files of up to 8 MiB and reads each three times (both answers readers and
  # the questionnaire reader) in a build about 30 times slower than the release one.
  timeout=2
  [ "$target" != yaml_mix ] || timeout=10
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" -- \
    -max_total_time="$seconds" -max_len=65536 -dict=yaml.dict -timeout="$timeout" \
    -rss_limit_mb=256 -print_final_stats=1
done
