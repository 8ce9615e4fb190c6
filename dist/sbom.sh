#!/usr/bin/env bash
# The SBOM of jsp itself: every crate linked into the binary, as CycloneDX 1.5 JSON.
#   dist/sbom.sh VERSION [OUT]   ->   OUT/jsp-VERSION.cdx.json
# cargo-cyclonedx reads Cargo.lock; dev-dependencies are left out (they are not shipped).
set -euo pipefail
version="$1" out="${2:-dist/out}"
cd "$(dirname "$0")/.."
mkdir -p "$out"
cargo cyclonedx --format json --spec-version 1.5 --no-build-deps --override-filename "jsp-$version.cdx" >/dev/null
mv "jsp-$version.cdx.json" "$out/"
echo "$out/jsp-$version.cdx.json"
