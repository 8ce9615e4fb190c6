#!/bin/sh
# Installs a jsp release binary, its SHA-256 checked:
#   curl -fsSL https://github.com/@REPOSITORY@/releases/latest/download/install.sh | sh
#   sh install.sh [--version v0.1.0] [--to DIR]          (default: the latest, into ~/.local/bin)
# The release workflow writes the repository into the copy it publishes. JSP_DOWNLOAD_URL names
# a mirror of the releases instead (a folder per version, as on the releases page).
set -eu
repository="@REPOSITORY@"
version=latest
to="${HOME}/.local/bin"
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="$2"; shift 2 ;;
        --to) to="$2"; shift 2 ;;
        *) echo "install.sh: unknown argument $1 (use --version vX.Y.Z, --to DIR)" >&2; exit 2 ;;
    esac
done
fail() { echo "install.sh: $*" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) target=x86_64-unknown-linux-musl ;;
    Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-musl ;;
    Darwin-x86_64) target=x86_64-apple-darwin ;;
    Darwin-arm64) target=aarch64-apple-darwin ;;
    *) fail "no jsp release for $(uname -s) $(uname -m); build it with: cargo install --locked jsp" ;;
esac

base="${JSP_DOWNLOAD_URL:-https://github.com/$repository/releases/download}"
if [ "$version" = latest ]; then
    [ -z "${JSP_DOWNLOAD_URL:-}" ] || fail "with JSP_DOWNLOAD_URL, name the version: --version vX.Y.Z"
    # The releases page redirects latest to the newest tag.
    version="$(curl -fsSLI -o /dev/null -w '%{url_effective}' "https://github.com/$repository/releases/latest")"
    version="${version##*/}"
fi
case "$version" in v[0-9]*.[0-9]*.[0-9]*) ;; *) fail "not a release version: $version" ;; esac

name="jsp-$version-$target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
curl -fsSL -o "$work/$name.tar.gz" "$base/$version/$name.tar.gz" || fail "cannot download $base/$version/$name.tar.gz"
curl -fsSL -o "$work/$name.tar.gz.sha256" "$base/$version/$name.tar.gz.sha256" || fail "cannot download the checksum"
expected="$(cut -d ' ' -f 1 < "$work/$name.tar.gz.sha256")"
if command -v sha256sum >/dev/null 2>&1; then
    actual="$(sha256sum "$work/$name.tar.gz" | cut -d ' ' -f 1)"
else
    actual="$(shasum -a 256 "$work/$name.tar.gz" | cut -d ' ' -f 1)"
fi
[ "$expected" = "$actual" ] || fail "checksum mismatch for $name.tar.gz: expected $expected, got $actual; nothing installed"
tar -xzf "$work/$name.tar.gz" -C "$work"
mkdir -p "$to"
cp "$work/$name/jsp" "$to/jsp.new"
chmod 755 "$to/jsp.new"
mv "$to/jsp.new" "$to/jsp"
echo "installed $("$to/jsp" --version) into $to"
case ":$PATH:" in *":$to:"*) ;; *) echo "add $to to PATH to run jsp" ;; esac
