#!/usr/bin/env bash
# Runs the README's examples, and every format of every command on the shipped examples, with
# one jsp binary, and keeps what each prints and writes: run it before and after a change and
# compare the two folders with `diff -r` to see every byte the change moved.
#
#   bash tests/examples.sh target/release/jsp /tmp/before
set -uo pipefail
jsp=$(realpath "$1")
out=$(realpath -m "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$out" && mkdir -p "$out/files"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tests" "$work/docs"
cp -r "$root/examples" "$root/questionnaires" "$work/"
cp -r "$root/tests/fixtures" "$work/tests/"
cd "$work" || exit 2
touch "$work/.start"
export COLUMNS=100 NO_COLOR=1
n=0
run() {
  n=$((n + 1))
  local name
  name=$(printf '%03d' "$n")
  printf '%s\n' "$*" >"$out/$name.cmd"
  "$jsp" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr" </dev/null
  echo "exit $?" >>"$out/$name.cmd"
}
m=examples/manufacturer-answers.yaml
p=examples/provider-answers.yaml
part=examples/manufacturer-partial-answers.yaml
t=examples/manufacturer-target.toml
roles=examples/targets-by-role.toml
fq=tests/fixtures/questionnaires
# The README's examples, as written there.
run list
run show jsp-manufacturer --format markdown
run score "$p"
run score "$m" --target "$t"
run report "$part" --format json -o partial.json
run report "$m" --target "$t" --format html --by-reference -o report.html
run chart "$m" --target "$t" -o radar.svg
run chart "$m" --kind bars -o bars.svg
run report "$m" -o docs/assessment.md --charts docs/charts
run show jsp-manufacturer --by-reference
run show jsp-provider --by-reference --format markdown
run report "$m" --by-reference
run roadmap tests/fixtures/acme-answers.yaml --target tests/fixtures/acme-target.toml --questionnaires "$fq"
run roadmap "$part" --target "$roles" --format csv -o plan.csv
run roadmap "$p" --target "$roles" --format markdown
run --questionnaires "$fq" diff tests/fixtures/acme-answers-2025.yaml tests/fixtures/acme-answers.yaml
run aggregate 'examples/manufacturer-*answers.yaml' --top 3
run schema answers
run schema questionnaire
run export "$m" --format xlsx --target "$t" -o assessment.xlsx
run import assessment.xlsx -o assessment-back.yaml
# Every format of every command.
for f in table json markdown junit; do run score "$m" --target "$t" --format "$f"; done
run score "$m" --min-level 3 --min-score 4 --format junit
run score "$p" --require hph-cpg-essential --format junit
run score "$m" --target "$t" --out junit=junit.xml --out markdown=score.md --out json=score.json
for f in markdown json html; do run report "$m" --target "$t" --format "$f"; done
for f in table markdown json csv junit; do run evidence "$m" --target "$t" --as-of 2026-12-01 --format "$f"; done
run score "$m" --target "$t" --as-of 2026-12-01 --fail-on-stale-evidence
run score "$m" --target "$t" --as-of 2026-12-01 --fail-on-stale-evidence --format junit
run validate "$m" "$p" --as-of 2026-12-01
run report "$m" --as-of 2026-12-01 --history --format html -o history.html
for f in markdown json html; do run report "$p" --format "$f" --by-reference; done
run report "$part" --target "$roles" --format html
run chart "$p" --kind radar
run chart "$part" --target "$roles" --kind bars
run list --format json
for q in jsp-manufacturer jsp-provider; do
  for f in table markdown json; do run show "$q" --format "$f"; run show "$q" --by-reference --format "$f"; done
  run show "$q" --by-reference --format csv
done
for f in table markdown json csv; do run roadmap "$m" --target "$t" --format "$f"; done
for f in table markdown json; do run --questionnaires "$fq" diff tests/fixtures/acme-answers-2025.yaml tests/fixtures/acme-answers.yaml --format "$f"; done
for f in table markdown json csv; do run aggregate examples/manufacturer-answers.yaml "$part" --format "$f"; done
run aggregate examples --keep-going
run validate examples questionnaires
run validate "$t" "$roles"
for k in target config; do run schema "$k"; done
run man
run man score
run completions bash
run --questionnaires "$fq" score tests/fixtures/acme-answers.yaml --target tests/fixtures/acme-target.toml --format markdown
run score "$m" --require eu-mdr-annex-i
# The custom model: named scales, continuous scoring, level descriptions and criteria.
cq=examples/custom-model/questionnaires
ca=examples/custom-model/answers.yaml
ct=examples/custom-model/target.toml
for f in table markdown json; do run --questionnaires "$cq" show delivery-assurance --format "$f"; done
for f in table markdown json junit; do run --questionnaires "$cq" score "$ca" --target "$ct" --format "$f"; done
for f in markdown json html; do run --questionnaires "$cq" report "$ca" --target "$ct" --format "$f"; done
for f in table markdown json csv; do run --questionnaires "$cq" roadmap "$ca" --target "$ct" --format "$f"; done
run --questionnaires "$cq" score "$ca"
run --questionnaires "$cq" validate "$ca" "$ct" "$cq"
for f in table markdown json csv; do run --questionnaires "$cq" aggregate "$ca" --format "$f"; done
for f in table markdown json; do run --questionnaires "$cq" diff "$ca" "$ca" --format "$f"; done
# Without a target: next steps and the roadmap aim every question at its full value.
for f in markdown json html; do run --questionnaires "$cq" report "$ca" --format "$f"; done
for f in table markdown json csv; do run --questionnaires "$cq" roadmap "$ca" --format "$f"; done
# What the commands wrote.
find . -newer .start -type f ! -path './examples/*' ! -path './questionnaires/*' ! -path './tests/*' -print0 |
  while IFS= read -r -d '' f; do mkdir -p "$out/files/$(dirname "$f")"; cp "$f" "$out/files/$f"; done
echo "$n commands; outputs in $out"
