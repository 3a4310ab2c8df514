#!/usr/bin/env bash
# The release artefact runs where no Swift is installed:
#
#   bash scripts/release/test_in_debian.sh ~/.cache/cchc-release-build/dist/cchc-VERSION-linux-ARCH.tar.gz
#
# makes a minimal Debian root file system with debootstrap (the host's suite, variant minbase, plus only the packages
# the archive's DEBIAN-PACKAGES names; cached under ~/.cache/cchc-debian-root, so a rerun takes seconds), copies it,
# installs the archive there as its INSTALL.md says (/opt/cchc, user cchc, /etc/cchc/env, SQLite in /var/lib/cchc) and,
# chrooted as user cchc: `cchc migrate --yes`, `cchc serve --env production` through a symlink on PATH, the login page
# (200, "Đăng nhập"), `cchc backup` while serving, `cchc migrate --yes` again. Needs root (chroot, mount). Exits non-zero
# on any failure and removes its copy.
#
# CCHC_DEBIAN_SUITE (the host's), CCHC_DEBIAN_MIRROR (deb.debian.org), CCHC_DEBIAN_PORT (18790).
# CCHC_TEST_SWIFT_LIBS=DIR copies DIR's shared libraries into the root and points LD_LIBRARY_PATH at them: only to test
# this script with a dynamically linked debug build.
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 cchc-VERSION-linux-ARCH.tar.gz" >&2
  exit 2
fi
[ "$(id -u)" = 0 ] || { echo "needs root (debootstrap, chroot, mount)" >&2; exit 2; }
TARBALL=$(readlink -f "$1")
NAME=$(basename "$TARBALL" .tar.gz)
SUITE=${CCHC_DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
MIRROR=${CCHC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PORT=${CCHC_DEBIAN_PORT:-18790}
if ! command -v debootstrap >/dev/null 2>&1 && [ ! -x /usr/sbin/debootstrap ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq debootstrap >/dev/null
fi
export PATH="$PATH:/usr/sbin:/sbin"
tar -tzf "$TARBALL" "$NAME/cchc" "$NAME/cchc_CCHCApp.resources" "$NAME/DEBIAN-PACKAGES" >/dev/null \
  || { echo "$TARBALL: not a cchc release archive (expected $NAME/cchc, its resources, DEBIAN-PACKAGES)" >&2; exit 1; }
PACKAGES=$(tar -xzOf "$TARBALL" "$NAME/DEBIAN-PACKAGES" | xargs)

# The cached root: minbase and exactly the archive's packages, made once per suite, architecture and package list.
CACHE=${CCHC_DEBIAN_CACHE:-$HOME/.cache/cchc-debian-root}
PKG_KEY=${PACKAGES// /+}
BASE="$CACHE/$SUITE-$(dpkg --print-architecture)-minbase${PKG_KEY:++$PKG_KEY}"
if [ ! -e "$BASE/.complete" ]; then
  echo "debootstrap $SUITE (minbase${PACKAGES:+ + $PACKAGES}) into $BASE (once)"
  mkdir -p "$CACHE"
  rm -rf --one-file-system "$BASE.partial"
  debootstrap --variant=minbase ${PACKAGES:+--include=${PACKAGES// /,}} "$SUITE" "$BASE.partial" "$MIRROR" > "$CACHE/debootstrap.log" 2>&1 \
    || { tail -n 20 "$CACHE/debootstrap.log" >&2; exit 1; }
  chroot "$BASE.partial" apt-get clean
  touch "$BASE.partial/.complete"
  rm -rf --one-file-system "$BASE"
  mv "$BASE.partial" "$BASE"
fi

WORK=$(mktemp -d /tmp/cchc-debian.XXXXXX)
R="$WORK/root"
SERVER_PID=
cleanup() {
  local status=$?
  [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  # Whatever still runs inside this copy's root was started here: stop it by its id before unmounting.
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$R" ] && kill "${proc#/proc/}" 2>/dev/null || true
  done
  umount -R "$R/dev" 2>/dev/null || true
  umount "$R/proc" 2>/dev/null || true
  if [ -n "$(findmnt -rn -o TARGET | grep -F "$R/" || true)" ]; then
    echo "still mounted under $R: left in place" >&2
  elif [ -z "${CCHC_KEEP:-}" ]; then
    rm -rf --one-file-system "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
cp -a "$BASE" "$R"

# No Swift anywhere in the root.
if [ -n "$(find "$R" -xdev \( -name 'swift' -o -name 'libswiftCore.so*' \) -print -quit)" ]; then
  echo "the Debian root holds Swift: it is not the clean system this check needs" >&2
  exit 1
fi

# Installed as INSTALL.md says.
tar -xzf "$TARBALL" -C "$R/opt"
ln -sfn "/opt/$NAME" "$R/opt/cchc"
ln -sfn /opt/cchc/cchc "$R/usr/local/bin/cchc"
chroot "$R" useradd --system --home-dir /var/lib/cchc --shell /usr/sbin/nologin cchc
chroot "$R" install -d -o cchc -g cchc -m 0750 /var/lib/cchc /var/backups/cchc
mkdir -p "$R/etc/cchc"
printf '%s\n' "DATABASE_URL=sqlite:///var/lib/cchc/cchc.sqlite" CCHC_HOST=127.0.0.1 "CCHC_PORT=$PORT" CCHC_AUTO_MIGRATE=false \
  > "$R/etc/cchc/env"
chroot "$R" sh -c 'chown root:cchc /etc/cchc/env && chmod 0640 /etc/cchc/env'
LIBPATH=
if [ -n "${CCHC_TEST_SWIFT_LIBS:-}" ]; then
  mkdir -p "$R/opt/swift-runtime"
  cp -a "$CCHC_TEST_SWIFT_LIBS"/*.so* "$R/opt/swift-runtime/"
  LIBPATH=/opt/swift-runtime
  echo "test mode: the Swift runtime copied from $CCHC_TEST_SWIFT_LIBS into the root"
fi

mount -t proc proc "$R/proc"
mount -t tmpfs -o mode=0755,size=1m tmpfs "$R/dev"
for node in null zero random urandom; do
  touch "$R/dev/$node"
  mount --bind "/dev/$node" "$R/dev/$node"
done
mkdir -p "$R/dev/shm"
mount -t tmpfs -o mode=1777,size=16m tmpfs "$R/dev/shm"

# A command as user cchc with the service's settings, like INSTALL.md's cchc_cmd. `exec`: run in the background, the
# job's PID is then the server's own (chroot, env and sh each exec the next).
as_cchc() { (exec_as_cchc "$@"); }
exec_as_cchc() {
  exec chroot --userspec=cchc:cchc "$R" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/var/lib/cchc LD_LIBRARY_PATH="$LIBPATH" \
    /bin/sh -c 'cd /var/lib/cchc && set -a && . /etc/cchc/env && set +a && exec "$@" --env production' cchc "$@"
}

MISSING=$(chroot "$R" /usr/bin/env LD_LIBRARY_PATH="$LIBPATH" ldd "/opt/$NAME/cchc" | grep 'not found' || true)
if [ -n "$MISSING" ]; then
  echo "cchc cannot start in a clean $SUITE with only ${PACKAGES:-no extra packages}: these libraries are missing" >&2
  echo "$MISSING" >&2
  exit 1
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "port $PORT is already in use: stop whatever listens there first (or set CCHC_DEBIAN_PORT)" >&2
  exit 1
fi
echo "cchc migrate --yes"
as_cchc /opt/cchc/cchc migrate --yes > "$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
echo "cchc serve --env production (through /usr/local/bin/cchc)"
exec_as_cchc cchc serve > "$WORK/serve.log" 2>&1 &
SERVER_PID=$!
CODE=
for _ in $(seq 1 240); do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "cchc serve exited:" >&2; tail -n 30 "$WORK/serve.log" >&2; exit 1; }
  CODE=$(curl -s -o "$WORK/login.html" -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)
  [ "$CODE" = 200 ] && break
  sleep 0.5
done
[ "$CODE" = 200 ] || { echo "the login page did not answer 200 (last: $CODE)" >&2; tail -n 30 "$WORK/serve.log" >&2; exit 1; }
grep -q 'Đăng nhập' "$WORK/login.html" || { echo "the login page does not say 'Đăng nhập'" >&2; exit 1; }
CSS=$(curl -s -w '\n%{http_code}' "http://127.0.0.1:$PORT/assets/app.css")
[ "${CSS##*$'\n'}" = 200 ] && [ ${#CSS} -gt 1000 ] || { echo "the stylesheet (a resource beside the binary) is not served" >&2; exit 1; }
echo "login page: 200, 'Đăng nhập', stylesheet served"

echo "cchc backup while serving"
as_cchc /opt/cchc/cchc backup /var/backups/cchc/check.db > "$WORK/backup.log" 2>&1 || { cat "$WORK/backup.log" >&2; exit 1; }
[ "$(head -c 15 "$R/var/backups/cchc/check.db")" = "SQLite format 3" ] || { echo "the backup is not an SQLite file" >&2; exit 1; }
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
echo "cchc migrate --yes (the upgrade step, nothing new to do)"
as_cchc /opt/cchc/cchc migrate --yes > "$WORK/migrate2.log" 2>&1 || { cat "$WORK/migrate2.log" >&2; exit 1; }
if [ -n "$LIBPATH" ]; then
  echo "$NAME runs in a clean Debian $SUITE root with ${PACKAGES:-no extra packages} and the Swift runtime copied in (test mode)"
else
  echo "$NAME runs in a clean Debian $SUITE root with ${PACKAGES:-no extra packages} and no Swift"
fi
