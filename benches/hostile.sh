#!/usr/bin/env bash
# Time and peak memory of `jsp` refusing hostile input (README, "Hardening"). Builds the
# release binary, writes each input into a temporary folder, and prints one row per case:
# the input's size, the exit code, the wall time and the peak resident memory.
# Usage: benches/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cargo build --release --quiet
jsp=${CARGO_TARGET_DIR:-$PWD/target}/release/jsp
questionnaires=$PWD/tests/fixtures/questionnaires
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

python3 - <<'PY'
levels = 9
with open("alias-bomb.yaml", "w") as f:
    f.write('questionnaire: acme-lite\na0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n')
    for i in range(1, levels + 1):
        f.write("a%d: &a%d [%s]\n" % (i, i, ",".join(["*a%d" % (i - 1)] * 9)))
open("deep-flow-200k.yaml", "w").write("questionnaire: x\nanswers: " + "[" * 200_000 + "]" * 200_000 + "\n")
open("deep-flow-8mb.yaml", "w").write("questionnaire: x\nanswers: " + "[" * 4_190_000 + "\n")
open("deep-block-1m.yaml", "w").write("questionnaire: x\nanswers:\n" + "- " * 1_000_000 + "x\n")
with open("unknown-answers-8mb.yaml", "w") as f:
    f.write("questionnaire: acme-lite\nanswers:\n")
    for i in range(420_000):
        f.write("  zz-%06d: all\n" % i)
with open("unknown-domains-8mb.toml", "w") as f:
    f.write("[domains]\n")
    for i in range(500_000):
        f.write("zz-%06d = 2\n" % i)
with open("questionnaire-10k.yaml", "w") as f:
    f.write('id: big\ntitle: Big\nversion: "1"\nrole: test\ndomains:\n')
    for d in range(100):
        f.write("  - id: d%d\n    title: Domain %d\n    questions:\n" % (d, d))
        for q in range(100):
            f.write("      - {id: d%d-q%d, level: %d, text: Question %d of domain %d}\n" % (d, q, 2 + q % 4, q, d))
PY
# A file of hundreds of megabytes: only the first 8 MiB + 1 byte is ever read.
# yes ends on a closed pipe (exit 141), as it should.
yes 'questionnaire: acme-lite' | head -c 300000000 > huge-300mb.yaml || true
cp "$questionnaires/../acme-answers.yaml" answers.yaml

printf '%-28s %10s %5s %8s %9s\n' case bytes exit seconds peak-MB
run() {
  local name=$1 file=$2
  shift 2
  local stats code seconds kb
  # time's own line comes last on stderr, after jsp's message.
  stats=$(/usr/bin/time -f '%x %e %M' "$jsp" --questionnaires "$questionnaires" "$@" 2>&1 >/dev/null | tail -1) || true
  read -r code seconds kb <<<"$stats"
  printf '%-28s %10s %5s %8s %9.1f\n' "$name" "$(stat -c %s "$file")" "$code" "$seconds" "$(echo "$kb / 1024" | bc -l)"
}
run alias-bomb alias-bomb.yaml score alias-bomb.yaml
run deep-flow-200k deep-flow-200k.yaml score deep-flow-200k.yaml
run deep-flow-8mb deep-flow-8mb.yaml score deep-flow-8mb.yaml
run deep-block-1m deep-block-1m.yaml score deep-block-1m.yaml
run huge-300mb huge-300mb.yaml score huge-300mb.yaml
run unknown-answers-8mb unknown-answers-8mb.yaml score unknown-answers-8mb.yaml
run unknown-domains-8mb unknown-domains-8mb.toml score answers.yaml --target unknown-domains-8mb.toml
run questionnaire-10k-show questionnaire-10k.yaml show questionnaire-10k.yaml

# The hostile YAML set: every file is refused or read, each in well under a second and 100 MB.
python3 "$root/benches/hostile-set.py" set >/dev/null
for file in set/*; do
  run "$(basename "$file" .yaml)" "$file" score "$file"
done
