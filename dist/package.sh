#!/usr/bin/env bash
# Builds jsp for one target and packages it as the release does:
#   dist/package.sh TARGET VERSION [OUT]
# writes OUT/jsp-VERSION-TARGET.tar.gz (jsp-VERSION-TARGET/ with jsp, README, licenses) and its
# .sha256 (`sha256sum -c` format). The release workflow runs it on each target's runner;
# tests/dist runs it for this machine's target.
set -euo pipefail
target="$1" version="$2" out="${3:-dist/out}"
cd "$(dirname "$0")/.."
cargo build --release --locked --target "$target"
target_dir="${CARGO_TARGET_DIR:-target}"
exe=jsp; [[ "$target" == *windows* ]] && exe=jsp.exe
name="jsp-$version-$target"
stage="$(mktemp -d)"
mkdir "$stage/$name"
cp "$target_dir/$target/release/$exe" README.md LICENSE-MIT LICENSE-APACHE "$stage/$name/"
mkdir -p "$out"
# With GNU tar (Linux, Windows' Git Bash): sorted names, fixed owner and times, so the same
# binary gives the same archive. macOS's tar has no such options.
same=()
tar --version 2>/dev/null | grep -q GNU && same=(--sort=name --owner=0 --group=0 --numeric-owner --mtime=@0)
tar -C "$stage" "${same[@]}" -cf - "$name" \
    | gzip -n -9 > "$out/$name.tar.gz"
rm -rf "$stage"
(cd "$out" && if command -v sha256sum >/dev/null; then sha256sum "$name.tar.gz"; else shasum -a 256 "$name.tar.gz"; fi) \
    > "$out/$name.tar.gz.sha256"
echo "$out/$name.tar.gz"
