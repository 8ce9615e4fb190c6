#!/usr/bin/env bash
# The tools the distribution checks need, installed once per machine and kept there: `cargo
# install` puts them in ~/.cargo/bin and pre-commit goes into a venv under ~/.cache, both of which
# a CI machine may keep between runs, so only the first run on a machine pays for the build.
# Sourced by tests/dist/run.sh; sets DIST_PYTHON and puts the tools on PATH.
set -euo pipefail

cargo_tool() { # crate version subcommand
    if cargo "$3" --version 2>/dev/null | grep -qF "$2"; then return; fi
    echo "dist: installing $1 $2 (once per machine; kept in ~/.cargo/bin)"
    # Built for these checks, not for speed: without LTO and at opt-level 1, to shorten the first
    # install on a fresh machine (cargo-deny took 21 minutes here with its own profile).
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
        CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=false \
        cargo install --locked --quiet "$1" --version "$2"
}
cargo_tool cargo-deny 0.20.2 deny
# The SBOM of the release (dist/sbom.sh); the release workflow installs the same version.
cargo_tool cargo-cyclonedx 0.5.9 cyclonedx

venv="${XDG_CACHE_HOME:-$HOME/.cache}/jsp-dist/venv"
if ! "$venv/bin/pre-commit" --version 2>/dev/null | grep -qF 4.7.0; then
    echo "dist: installing pre-commit 4.7.0 into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check pre-commit==4.7.0
fi
export PATH="$venv/bin:$PATH"
export DIST_PYTHON="$venv/bin/python"
