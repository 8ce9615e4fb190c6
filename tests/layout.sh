#!/usr/bin/env bash
# The HTML report and the charts in a real browser: headless Chromium lays out the example
# reports (and the hostile fixture's) and both charts at 360, 400, 768 and 1280 px wide and tests/layout/measure.js checks
# that no element reaches past the viewport (not even inside a box that scrolls) and no two text
# boxes of a chart overlap or stick out of it. Then the report printed to PDF must hold every
# section, page after page (pdftotext). Skips, saying so, where chromium or pdftotext is missing
# (fails under CI=true); .ci/run installs both.
#
#   bash tests/layout.sh [JSP]          # JSP: the binary to test, default target/debug/jsp
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jsp="${1:-${CARGO_TARGET_DIR:-$root/target}/debug/jsp}"
for tool in chromium pdftotext python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        if [ "${CI:-}" = true ]; then
            echo "layout test: $tool is not installed, and under CI=true that fails" >&2
            exit 1
        fi
        echo "layout test SKIPPED: $tool is not installed (Debian: apt-get install chromium poppler-utils)"
        exit 0
    fi
done
[ -x "$jsp" ] || { echo "layout test: no binary at $jsp (cargo build first)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
answers=examples/manufacturer-answers.yaml
target=examples/manufacturer-target.toml
"$jsp" report "$answers" --target "$target" --by-reference --format html -o "$work/report.html"
"$jsp" report examples/provider-answers.yaml --format html -o "$work/provider.html"
"$jsp" chart "$answers" --target "$target" -o "$work/radar.svg"
"$jsp" chart "$answers" --target "$target" --kind bars -o "$work/bars.svg"
# Markup, long words and long level names from the hostile fixture, as a report and a radar.
hostile=tests/fixtures/hostile-html
"$jsp" --questionnaires "$hostile/questionnaires" report "$hostile/answers.yaml" --format html \
    -o "$work/hostile.html" 2>/dev/null
"$jsp" --questionnaires "$hostile/questionnaires" chart "$hostile/answers.yaml" \
    -o "$work/hostile-radar.svg" 2>/dev/null
for chart in radar bars hostile-radar; do
    printf '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{margin:0}img,svg{display:block}</style></head><body>%s</body></html>' \
        "$(cat "$work/$chart.svg")" > "$work/$chart.html"
done

browser() { # chromium ARGS..., with a throwaway profile and nothing from the network
    local profile
    profile="$(mktemp -d)"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
    rm -rf "$profile"
}

failed=0
for page in report provider hostile radar bars hostile-radar; do
    # The page with the measuring script before </body>.
    python3 - "$work/$page.html" tests/layout/measure.js "$work/$page-measured.html" <<'PY'
import sys
page, script, out = sys.argv[1:]
html = open(page, encoding="utf-8").read()
code = open(script, encoding="utf-8").read()
at = html.rindex("</body>")
open(out, "w", encoding="utf-8").write(html[:at] + "<script>" + code + "</script>" + html[at:])
PY
    for width in 360 400 768 1280; do
        printf '%s' "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"$page-measured.html\" style=\"width:${width}px;height:900px;border:0\"></iframe><script>addEventListener('message', (m) => { const pre = document.createElement('pre'); pre.id = 'layout-result'; pre.textContent = m.data; document.body.appendChild(pre); });</script></body></html>" > "$work/host-$page-$width.html"
        result="$(browser --window-size=1400,1000 --virtual-time-budget=10000 --dump-dom \
            "file://$work/host-$page-$width.html" | python3 -c '
import html, re, sys
found = re.findall(r"<pre id=\"layout-result\">(.*?)</pre>", sys.stdin.read(), re.S)
print(html.unescape(found[-1]) if found else "")')"
        if [ "$result" = "viewport $width" ]; then
            echo "ok   $page at $width px"
        else
            echo "FAIL $page at $width px:"
            echo "${result:-no measurement (the page did not load)}" | sed 's/^/     /'
            failed=1
        fi
    done
done

# Print to PDF: a clean document with every section, page after page.
browser --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$work/report.html" >/dev/null
pages="$(pdfinfo "$work/report.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')"
text="$(pdftotext -layout "$work/report.pdf" -)"
for heading in "Summary" "What to do next" "Domains at a glance" "Answers by domain" \
    "Unanswered questions" "By reference" "Legal duties not yet met" "Phase 1: to level"; do
    if ! grep -qF "$heading" <<<"$text"; then
        echo "FAIL pdf: no \"$heading\" in the printed report"
        failed=1
    fi
done
if [ "${pages:-0}" -lt 5 ]; then
    echo "FAIL pdf: $pages pages, expected at least 5 (each part starts a page)"
    failed=1
fi
if grep -q "file://" <<<"$text"; then
    echo "FAIL pdf: the browser's header or footer (a file:// address) is printed"
    failed=1
fi
[ "$failed" = 0 ] && echo "ok   pdf: $pages pages, every section present"
exit "$failed"
