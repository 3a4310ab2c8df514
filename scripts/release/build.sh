#!/usr/bin/env bash
# The release artefact an office's server runs without a Swift toolchain:
#
#   bash scripts/release/build.sh [SCRATCH] [OUTDIR]
#
# builds `cchc` in release mode with the Swift runtime and Foundation linked in (--static-swift-stdlib) into SCRATCH
# (default ~/.cache/cchc-release-build), then packs OUTDIR/cchc-<version>-linux-<arch>.tar.gz (default OUTDIR: SCRATCH/dist):
# the binary, its resource bundle beside it (cchc_CCHCApp.resources: forms, demo, migrations' files, css, js), the
# systemd unit, an example environment file, INSTALL.md and DEBIAN-PACKAGES (the Debian packages the binary needs
# beyond a minimal system, worked out here from the libraries it links). Prints the tarball's path last.
#
# CCHC_VERSION sets the version (default: the UTC date and the commit, 20260124-1a2b3c4d).
# CCHC_RELEASE_BIN_DIR=DIR packs the cchc found in DIR instead of building (to test the packing and
# scripts/release/test_in_debian.sh with a debug build; such an artefact still needs the Swift runtime).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SCRATCH=$(mkdir -p "${1:-$HOME/.cache/cchc-release-build}" && cd "${1:-$HOME/.cache/cchc-release-build}" && pwd)
OUT=$(mkdir -p "${2:-$SCRATCH/dist}" && cd "${2:-$SCRATCH/dist}" && pwd)
COMMIT=$(git rev-parse --short=8 HEAD 2>/dev/null || echo unknown)
VERSION=${CCHC_VERSION:-$(date -u +%Y%m%d)-$COMMIT}
ARCH=$(uname -m)

if [ -n "${CCHC_RELEASE_BIN_DIR:-}" ]; then
  BIN_DIR=$(cd "$CCHC_RELEASE_BIN_DIR" && pwd)
  echo "packing the build in $BIN_DIR (not built here)"
else
  FLAGS=(-c release --static-swift-stdlib --scratch-path "$SCRATCH")
  swift build "${FLAGS[@]}" --product cchc
  BIN_DIR=$(swift build "${FLAGS[@]}" --show-bin-path)
fi
[ -x "$BIN_DIR/cchc" ] || { echo "no cchc in $BIN_DIR" >&2; exit 1; }
[ -d "$BIN_DIR/cchc_CCHCApp.resources" ] || { echo "no cchc_CCHCApp.resources beside $BIN_DIR/cchc" >&2; exit 1; }

# Each shared library the binary asks for, and the Debian package that holds it. A library not listed here
# stops the build: add it (and its package) so INSTALL.md and the Debian check stay true.
package_of() {
  case "$1" in
    libc.so.6|libm.so.6|libdl.so.2|libpthread.so.0|librt.so.1|libutil.so.1|ld-linux-*.so.*) echo libc6 ;;
    libstdc++.so.6) echo libstdc++6 ;;
    libgcc_s.so.1) echo libgcc-s1 ;;
    libz.so.1) echo zlib1g ;;
    libxml2.so.2) echo libxml2 ;;
    libcurl.so.4) echo libcurl4 ;;
    libsqlite3.so.0) echo libsqlite3-0 ;;
    *) return 1 ;;
  esac
}
MINIMAL="libc6 libstdc++6 libgcc-s1 zlib1g"   # present in every Debian system (debootstrap --variant=minbase)
is_swift() { [[ $1 == libswift* || $1 == libFoundation* || $1 == lib_Foundation* || $1 == libdispatch.so || $1 == libBlocksRuntime.so ]]; }
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
NEEDED=$(needed "$BIN_DIR/cchc")
# A dynamically linked (test) build: what the Swift libraries themselves need counts too (libxml2 for FoundationXML).
for lib in $NEEDED; do
  is_swift "$lib" || continue
  path=$(ldd "$BIN_DIR/cchc" | awk -v l="$lib" '$1 == l { print $3 }')
  [ -n "$path" ] && NEEDED+=$'\n'$(needed "$path")
done
NEEDED=$(printf '%s\n' "$NEEDED" | sort -u)
EXTRA=()
SWIFT_LIBS=()
for lib in $NEEDED; do
  if pkg=$(package_of "$lib"); then
    case " $MINIMAL ${EXTRA[*]} " in *" $pkg "*) ;; *) EXTRA+=("$pkg") ;; esac
  elif is_swift "$lib"; then
    SWIFT_LIBS+=("$lib")
  else
    echo "the binary needs $lib: say in scripts/release/build.sh (package_of) which Debian package holds it" >&2
    exit 1
  fi
done
if [ ${#SWIFT_LIBS[@]} -gt 0 ]; then
  if [ -z "${CCHC_RELEASE_BIN_DIR:-}" ]; then
    echo "the binary still needs the Swift runtime (${SWIFT_LIBS[*]}): was it linked with --static-swift-stdlib?" >&2
    exit 1
  fi
  echo "warning: this binary needs the Swift runtime (${SWIFT_LIBS[*]}); it will not start where Swift is not installed" >&2
fi

NAME="cchc-$VERSION-linux-$ARCH"
STAGE=$(mktemp -d /tmp/cchc-release.XXXXXX)
trap 'rm -rf "$STAGE"' EXIT
mkdir "$STAGE/$NAME"
cp "$BIN_DIR/cchc" "$STAGE/$NAME/cchc"
cp -R "$BIN_DIR/cchc_CCHCApp.resources" "$STAGE/$NAME/"
cp "$ROOT/scripts/release/cchc.service" "$ROOT/scripts/release/env.example" "$ROOT/scripts/release/INSTALL.md" "$STAGE/$NAME/"
printf '%s\n' "${EXTRA[@]}" | sed '/^$/d' > "$STAGE/$NAME/DEBIAN-PACKAGES"
{
  echo "cchc $VERSION"
  echo "commit $(git rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(. /etc/os-release && echo "$PRETTY_NAME") $ARCH"
  echo "$(swift --version 2>/dev/null | head -n 1)"
} > "$STAGE/$NAME/VERSION"
chmod 755 "$STAGE/$NAME/cchc"
tar -C "$STAGE" --owner=0 --group=0 -czf "$OUT/$NAME.tar.gz" "$NAME"
echo "needs beyond a minimal Debian: ${EXTRA[*]:-nothing}"
du -h "$OUT/$NAME.tar.gz" | cut -f1 | sed 's/^/size: /'
echo "$OUT/$NAME.tar.gz"
