#!/usr/bin/env bash
# A bare Debian 11 (bullseye, glibc 2.31) root to install the .deb into and run the program in
# (tests/test_packaging.py), as on an office desktop that has an old C library and no Python:
# only the desktop libraries every such desktop has (OpenGL/EGL, fontconfig, xkbcommon, D-Bus, GLib),
# and Debian 11's own SQLite 3.34 (libsqlite3-0, on every desktop), which the bundle must not pick up.
#   packaging/make_test_root.sh            prints the root's folder
# Kept in $GRIDBOARD_COMPAT_CACHE (default /var/cache/gridboard-compat)/bullseye-run; first time ~3 min.
# Needs root and debootstrap.
set -euo pipefail
CACHE="${GRIDBOARD_COMPAT_CACHE:-/var/cache/gridboard-compat}"
MIRROR="${GRIDBOARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
RUNROOT="$CACHE/bullseye-run"
[ "$(id -u)" = 0 ] || { echo "make_test_root.sh: needs root (debootstrap)" >&2; exit 3; }
command -v debootstrap >/dev/null || { echo "make_test_root.sh: apt-get install debootstrap" >&2; exit 3; }
if [ ! -f "$RUNROOT/.gridboard-root" ]; then
  mkdir -p "$CACHE"
  rm -rf "$RUNROOT"
  debootstrap --variant=minbase --include=libegl1,libgl1,libxkbcommon0,libfontconfig1,libdbus-1-3,libglib2.0-0,libx11-xcb1,libsqlite3-0 \
    bullseye "$RUNROOT" "$MIRROR" >"$CACHE/debootstrap-run.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap-run.log" >&2; echo "make_test_root.sh: debootstrap failed" >&2; exit 1; }
  # An office clerk's home folder; documents there must outlive an uninstall.
  chroot "$RUNROOT" useradd -m -s /bin/bash office 2>/dev/null || mkdir -p "$RUNROOT/home/office"
  echo "bullseye $(date -u +%F)" >"$RUNROOT/.gridboard-root"
fi
# (A root made before libsqlite3-0 was on the list gets it now.)
if ! chroot "$RUNROOT" dpkg -s libsqlite3-0 >/dev/null 2>&1; then
  cp -L /etc/resolv.conf "$RUNROOT/etc/resolv.conf" 2>/dev/null || true
  chroot "$RUNROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends libsqlite3-0' >&2
fi
echo "$RUNROOT"
