#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>, not in git) from the test inputs:
# the bad-input corpus, the fixtures, the examples and the built-in questionnaires.
set -euo pipefail
cd "$(dirname "$0")/.."
for target in questionnaire answers target report yaml_mix workbook; do mkdir -p "fuzz/corpus/$target"; done
seed() { cp "$2" "fuzz/corpus/$1/$(echo "$2" | tr / _)"; }
for f in tests/cmd/*.in/q.yaml tests/fixtures/questionnaires/*.yaml questionnaires/*.yaml; do
  seed questionnaire "$f"
done
for f in tests/cmd/*.in/a.yaml tests/fixtures/*.yaml examples/manufacturer*.yaml; do
  seed answers "$f"
done
for f in tests/cmd/*.in/t.toml examples/*.toml; do
  seed target "$f"
done
for f in tests/cmd/workbook-*.in/w.xlsx tests/fuzz-regressions/workbook/*.xlsx; do
  seed workbook "$f"
done
# The report target reads a questionnaire and its answers, split at a line `---8<---`.
q=tests/fixtures/questionnaires/acme-lite.yaml
for f in tests/fixtures/*.yaml tests/cmd/answers-*.in/a.yaml; do
  { cat "$q"; printf '\n---8<---\n'; cat "$f"; } > "fuzz/corpus/report/$(echo "$f" | tr / _)"
done
for f in tests/fuzz-regressions/yaml_mix/*; do
  seed yaml_mix "$f"
done
