#!/usr/bin/env bash
# Renders the HTML report of the example assessment in headless Chromium, to look at it as a
# reader would: one PNG at 1280 px wide and one at 400 px (a phone). Not part of `cargo test`.
#
#   bash tests/screenshot.sh [OUT_DIR]        # default: target/screenshots
#
# Installs Debian's `chromium` with apt-get when it is missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/screenshots}"
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium (Debian package)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
fi

cd "$root"
cargo build --quiet
jsp="$root/target/debug/jsp"
"$jsp" report examples/manufacturer-answers.yaml --target examples/manufacturer-target.toml \
    --format html --by-reference -o "$out/report.html"
"$jsp" chart examples/manufacturer-answers.yaml --target examples/manufacturer-target.toml -o "$out/radar.svg"
"$jsp" chart examples/manufacturer-answers.yaml --target examples/manufacturer-target.toml --kind bars -o "$out/bars.svg"
"$jsp" report examples/provider-answers.yaml --target examples/provider-target.toml \
    --format html -o "$out/provider.html"

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

shoot "$out/report.html" "$out/report-1280.png" 1280 2000
shoot "$out/report.html" "$out/report-400.png" 400 2000
shoot "$out/provider.html" "$out/provider-1280.png" 1280 2000
shoot "$out/radar.svg" "$out/radar.png" 780 760
shoot "$out/bars.svg" "$out/bars.png" 780 880
