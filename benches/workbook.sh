#!/usr/bin/env bash
# Measures the workbook round trip on a full assessment (examples/manufacturer-answers.yaml: nearly
# every question answered, with notes and evidence): `jsp export --format xlsx`, `jsp import`,
# and `jsp score` of the same file beside them, with the release binary. The README quotes its
# output. Uses hyperfine where installed (apt-get install -y hyperfine), else a loop; GNU time
# (/usr/bin/time) for the peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin jsp
jsp=${CARGO_TARGET_DIR:-target}/release/jsp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
m=examples/manufacturer-answers.yaml

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(uname -sm), load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$jsp" export "$m" -o "$work/w.xlsx"
echo "workbook: $(stat -c %s "$work/w.xlsx") bytes from $(stat -c %s "$m") bytes of answers"

measure() {
    local name=$1
    shift
    echo
    echo "== $name: $*"
    if command -v hyperfine >/dev/null; then
        hyperfine --shell=none --warmup 5 --runs 100 "$*" 2>&1 | grep -E 'Time|Range'
    else
        local start
        start=$(date +%s%N)
        for _ in $(seq 100); do $* >/dev/null; done
        echo "  mean: $(( ($(date +%s%N) - start) / 100000 )) µs over 100 runs"
    fi
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "  peak resident memory: %M KB" $* 2>&1 >/dev/null | tail -1
    fi
}

measure "export" "$jsp" export "$m" --format xlsx -o "$work/out.xlsx" --force
measure "import" "$jsp" import "$work/w.xlsx" -o "$work/back.yaml" --force
measure "score, for comparison" "$jsp" score "$m"
