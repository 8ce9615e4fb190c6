#!/usr/bin/env bash
# Measures the real binary: one `jsp score` process, and `jsp aggregate` over 1,000 and 10,000
# generated answers files (wall time and peak memory). The README quotes its output.
# Needs hyperfine (apt-get install -y hyperfine; a loop is used without it) and GNU time
# (/usr/bin/time, apt-get install -y time).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin jsp --example generate
jsp=target/release/jsp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(uname -sm), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== one jsp score process (examples/manufacturer-answers.yaml)"
if command -v hyperfine >/dev/null; then
    hyperfine --shell=none --warmup 10 --runs 200 \
        "$jsp score examples/manufacturer-answers.yaml" 2>&1 | grep -E 'Time|Range'
else
    start=$(date +%s%N)
    for _ in $(seq 200); do "$jsp" score examples/manufacturer-answers.yaml >/dev/null; done
    echo "  mean: $(( ($(date +%s%N) - start) / 200000 )) µs over 200 runs"
fi

for count in 1000 10000; do
    target/release/examples/generate --questionnaire jsp-manufacturer --count "$count" \
        --out "$work/$count" --seed 1 2>/dev/null
    # The files are read once beforehand, so that every run finds them in the page cache.
    "$jsp" aggregate "$work/$count" --format csv >/dev/null
done
echo
echo "== jsp aggregate (best of 3 runs: wall time, CPU time, peak resident memory)"
for count in 1000 10000; do
    for format in table json csv; do
        best=""
        for _ in 1 2 3; do
            line=$(/usr/bin/time -f "%e %U %S %M" "$jsp" aggregate "$work/$count" \
                --format "$format" -o "$work/out" 2>&1 | tail -1)
            if [ -z "$best" ] || awk -v a="$line" -v b="$best" 'BEGIN { split(a, x); split(b, y); exit !(x[1] < y[1]) }'; then
                best=$line
            fi
        done
        awk -v c="$count" -v f="$format" -v t="$best" 'BEGIN {
            split(t, x)
            printf "%6d files  %-5s  wall %5.2f s  cpu %5.2f s  peak %5.1f MB\n", c, f, x[1], x[2] + x[3], x[4] / 1024
        }'
    done
done
