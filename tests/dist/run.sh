#!/usr/bin/env bash
# The distribution checks, from .ci/run: the crate packages, its dependencies pass cargo-deny,
# and every way of shipping jsp (action, component, hook, image, release) works with the jsp
# built from this tree. Each step prints what it ran; any failure fails CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
# Every temporary folder of these checks (mirrors, runners, images' files) goes, pass or fail.
TMPDIR="$(mktemp -d)"
export TMPDIR
chmod 755 "$TMPDIR" # the image test runs jsp as its user, 65532, in a folder below
trap 'rm -rf "$TMPDIR"' EXIT
source tests/dist/tools.sh

echo "dist: cargo package (the crate as crates.io would get it, built from its own files)"
cargo package --locked --allow-dirty --quiet

echo "dist: cargo deny check licenses bans sources"
cargo deny --locked check licenses bans sources
# The advisory database is a git repository on GitHub: checked only where a copy is already on
# this machine (cargo-deny keeps it in ~/.cargo/advisory-dbs), never fetched here.
if compgen -G "$HOME/.cargo/advisory-dbs/*/.git" >/dev/null; then
    cargo deny --locked check --disable-fetch advisories
else
    echo "dist: SKIPPED cargo deny check advisories: no RustSec database on this machine" \
        "and it cannot be fetched here; run \`cargo deny check advisories\` where GitHub is reachable"
fi

cargo build --locked --quiet --bin jsp
target_dir="$(cargo metadata --format-version 1 --no-deps | "$DIST_PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
export JSP_BIN="$target_dir/debug/jsp" JSP_REPO="$repo"

# The release's build for this machine, as the workflow's build job does it: static (musl) when
# rustup has or can add that target, which the action, the installer and the image take.
musl=x86_64-unknown-linux-musl
if rustup target list --installed 2>/dev/null | grep -qx "$musl" || rustup target add "$musl" >/dev/null 2>&1; then
    release_target="$musl"
else
    release_target="$(rustc -vV | sed -n 's/^host: //p')"
    echo "dist: SKIPPED the static build: rustup cannot add $musl here; packaging $release_target"
fi
release_dir="$(mktemp -d)"
echo "dist: dist/package.sh $release_target v0.1.0"
bash dist/package.sh "$release_target" v0.1.0 "$release_dir" >/dev/null
echo "dist: dist/sbom.sh v0.1.0 (CycloneDX)"
bash dist/sbom.sh v0.1.0 "$release_dir" >/dev/null
export JSP_RELEASE_DIR="$release_dir" JSP_RELEASE_TARGET="$release_target"

# podman builds the image without a daemon, and FROM scratch needs no registry.
if ! command -v podman >/dev/null; then
    echo "dist: installing podman (Debian)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman; } >/dev/null 2>&1 ||
        echo "dist: podman cannot be installed here; the image test will be skipped"
fi

# The artifacts' tests: each runs an artifact as its host would, with this jsp.
PYTHONPATH=tests/dist "$DIST_PYTHON" tests/dist/check.py test_action test_precommit test_gitlab test_container test_release
