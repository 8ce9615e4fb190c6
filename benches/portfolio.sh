#!/usr/bin/env bash
# Measures the real binary against the speed goals (README, "Speed"): one `jsp score` process
# against `jsp --version`; `jsp aggregate` over 1,000, 10,000 and 100,000 generated answers
# files (wall time, CPU time, peak memory) against a parse-only pass with the same reader
# (examples/parse_only.rs) and against a Python script on PyYAML's C loader that computes
# per-domain statistics (benches/aggregate.py). The README quotes its output.
# Needs GNU time (/usr/bin/time); hyperfine where installed (a loop is used without it);
# python3 with PyYAML built on libyaml (pip install pyyaml) for the comparison.
# Usage: benches/portfolio.sh [COUNT...] (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000 100000)

cargo build --release --quiet --bin jsp --example generate --example parse_only
out=${CARGO_TARGET_DIR:-target}/release
jsp=$out/jsp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(uname -sm), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== one process: jsp --version, jsp score examples/manufacturer-answers.yaml"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 20 --runs 300 "$jsp --version" \
        "$jsp score examples/manufacturer-answers.yaml" 2>&1 | grep -E 'Benchmark|Time|Range|±'
else
    for args in "--version" "score examples/manufacturer-answers.yaml"; do
        start=$(date +%s%N)
        # shellcheck disable=SC2086
        for _ in $(seq 300); do "$jsp" $args >/dev/null; done
        echo "  jsp $args: mean $(( ($(date +%s%N) - start) / 300000 )) µs over 300 runs"
    done
fi

# Best of 3 runs of a command: wall s, CPU s, peak MB.
best() {
    local best="" line
    for _ in 1 2 3; do
        line=$( { /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null; } 2>&1 | tail -1)
        if [ -z "$best" ] || awk -v a="$line" -v b="$best" 'BEGIN { split(a, x); split(b, y); exit !(x[1] < y[1]) }'; then
            best=$line
        fi
    done
    awk -v t="$best" 'BEGIN { split(t, x); printf "wall %6.2f s  cpu %6.2f s  peak %6.1f MB", x[1], x[2] + x[3], x[4] / 1024 }'
}

python_ok=$(python3 -c 'import yaml; print(int(yaml.__with_libyaml__))' 2>/dev/null || echo 0)
echo
echo "== per portfolio (best of 3 runs)"
for count in "${counts[@]}"; do
    "$out/examples/generate" --questionnaire jsp-manufacturer --count "$count" \
        --out "$work/$count" --seed 1 2>/dev/null
    # Read once beforehand, so that every run finds the files in the page cache.
    "$jsp" aggregate "$work/$count" --format csv >/dev/null
    printf '%7d files  jsp aggregate        %s\n' "$count" "$(best "$jsp" aggregate "$work/$count" --format json -o "$work/out.json")"
    printf '%7d files  parse only (jsp)     %s\n' "$count" "$(best "$out/examples/parse_only" "$work/$count")"
    if [ "$python_ok" = 1 ] && [ "$count" -le 10000 ]; then
        printf '%7d files  Python, PyYAML C     %s\n' "$count" "$(best python3 benches/aggregate.py questionnaires/jsp-manufacturer.yaml "$work/$count")"
    fi
    rm -rf "${work:?}/$count"
done
