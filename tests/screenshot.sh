#!/usr/bin/env bash
# Renders the example reports and charts in headless Chromium, to look at them as a reader
# would: the HTML report at 1280 and 400 px wide, the markdown report as GitHub renders it
# (through cmark-gfm) at the same widths, and the two charts. Not part of `cargo test`.
#
#   bash tests/screenshot.sh [OUT_DIR]        # default: target/screenshots
#   bash tests/screenshot.sh docs             # the README's pictures
#
# Installs Debian's `chromium` and `cmark-gfm` with apt-get when they are missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/screenshots}"
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1 || ! command -v cmark-gfm >/dev/null 2>&1; then
    echo "installing chromium and cmark-gfm (Debian packages)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium cmark-gfm >/dev/null
fi

cd "$root"
# JSP=PATH renders with that binary instead of building one.
if [ -z "${JSP:-}" ]; then
    cargo build --quiet
fi
jsp="${JSP:-${CARGO_TARGET_DIR:-$root/target}/debug/jsp}"
answers=examples/manufacturer-answers.yaml
target=examples/manufacturer-target.toml
"$jsp" report "$answers" --target "$target" --format html --by-reference -o "$out/report.html"
"$jsp" chart "$answers" --target "$target" -o "$out/radar.svg"
"$jsp" chart "$answers" --target "$target" --kind bars -o "$out/bars.svg"
"$jsp" report examples/provider-answers.yaml --target examples/provider-target.toml \
    --format html -o "$out/provider.html"
"$jsp" report "$answers" --target "$target" --charts "$out" -o "$out/report.md"
# The markdown as a forge shows it: GitHub's renderer, GitHub's page width and font.
{
    printf '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
    printf '<style>body{font:16px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:980px;margin:0 auto;padding:16px;color:#1f2328}'
    printf 'table{border-collapse:collapse;display:block;overflow:auto;max-width:100%%}td,th{border:1px solid #d1d9e0;padding:6px 13px}'
    printf 'img{max-width:100%%}code{background:#eff1f3;padding:.1em .3em;border-radius:4px}</style></head><body>'
    cmark-gfm -e table -e autolink "$out/report.md"
    printf '</body></html>'
} > "$out/report-md.html"

# The same pages from their "Domains at a glance" section on: the charts and the scorecard.
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
for page, start in [("report", r'<section aria-labelledby="domains-at-a-glance">'),
                    ("report-md", r'<h2>Domains at a glance</h2>')]:
    html = open(f"{out}/{page}.html", encoding="utf-8").read()
    body = html.index("<body>") + len("<body>")
    at = html.index(start)
    if page == "report":
        html = html[:body] + "<main>" + html[at:]
    else:
        html = html[:body] + html[at:]
    open(f"{out}/{page}-glance.html", "w", encoding="utf-8").write(html)
PY

shoot() { # html png width height
    local profile
    profile="$(mktemp -d)"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" \
        --screenshot="$2" --window-size="$3,$4" "file://$1" 2>/dev/null
    rm -rf "$profile"
    echo "$2"
}

shoot "$out/report.html" "$out/report-1280.png" 1280 2400
shoot "$out/report.html" "$out/report-400.png" 400 3200
shoot "$out/report-glance.html" "$out/report-glance-1280.png" 1280 1800
shoot "$out/report-glance.html" "$out/report-glance-400.png" 400 2000
shoot "$out/report-md.html" "$out/report-md-1280.png" 1280 2400
shoot "$out/report-md.html" "$out/report-md-400.png" 400 3200
shoot "$out/report-md-glance.html" "$out/report-md-glance-1280.png" 1280 1800
shoot "$out/report-md-glance.html" "$out/report-md-glance-400.png" 400 2000
shoot "$out/provider.html" "$out/provider-1280.png" 1280 2000
shoot "$out/radar.svg" "$out/radar.png" 780 1000
shoot "$out/bars.svg" "$out/bars.png" 780 1200
