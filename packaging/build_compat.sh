#!/usr/bin/env bash
# Build the bundle on an old base, so that it starts on office desktops with an old C library
# (UOS V20: glibc 2.28; Kylin V10 and Debian 11: 2.31). The bundle that build_bundle.sh makes on
# this machine needs this machine's glibc (Debian 12: 2.36).
#   packaging/build_compat.sh [DIST_DIR]        default DIST_DIR: build/dist-compat
# packaging/build_deb.sh runs this when build/dist-compat/gridboard is missing: the .deb is of this bundle.
#
# Needs root (chroot, mount), debootstrap and binutils (apt-get install debootstrap binutils), and
# the package registries (Debian's archive and PyPI). Steps, each kept in a cache so the next build
# reuses it ($GRIDBOARD_COMPAT_CACHE, default /var/cache/gridboard-compat):
#   1. a Debian 11 (bullseye, glibc 2.31) build root, by debootstrap      (first time: ~5-8 min)
#   1b. SQLite 3.40 from Debian 12's source package (Debian 11's 3.34 is too old for gridboard's
#      SQL), in the interpreter's lib folder                                    (first time: ~1.5 min)
#   2. CPython 3.11 compiled in it from Debian 12's python3.11 source package, with Debian's
#      security patches, built so that it needs no glibc newer than 2.28 (the C functions of glibc
#      2.29-2.31 are turned off in configure, and the maths functions that glibc 2.29 re-versioned
#      are linked at their old versions: packaging/compat/glibc228.h)            (first time: ~10 min)
#   3. a venv in the root with the project's dependencies, taking only wheels built for glibc
#      <= 2.28 (manylinux_2_28: PySide6-Essentials 6.9, the newest such)        (each build: ~2 min)
#   4. PyInstaller with packaging/gridboard.spec, as build_bundle.sh does       (each build: ~4 min)
#   5. libdbus-1 and libsystemd left to the desktop; packaging/compat/old_maths.py on the carried
#      Debian 11 libraries that ask for glibc 2.29's
#      maths functions; then packaging/glibc_needs.py fails when any ELF file needs glibc > 2.28
# A bundle-only build (DIST_DIR/gridboard) takes 1-5 min once the cache is there (2-core machine, loaded).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="${1:-$ROOT/build/dist-compat}"
CACHE="${GRIDBOARD_COMPAT_CACHE:-/var/cache/gridboard-compat}"
MIRROR="${GRIDBOARD_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
TARGET="${GRIDBOARD_GLIBC_TARGET:-2.28}"
SUITE=bullseye
BROOT="$CACHE/$SUITE-build"
PYPREFIX=/opt/python3.11
JOBS="${GRIDBOARD_COMPAT_JOBS:-$(nproc)}"

say() { echo "build_compat.sh: $*" >&2; }
HOST_HINT="(GRIDBOARD_BUNDLE=host packaging/build_deb.sh builds a quick one for this machine's glibc instead)"
[ "$(id -u)" = 0 ] || { say "needs root (debootstrap, chroot, mount) $HOST_HINT"; exit 3; }
for tool in debootstrap objdump; do
  command -v "$tool" >/dev/null || { say "$tool not found; apt-get install debootstrap binutils $HOST_HINT"; exit 3; }
done
mkdir -p "$CACHE"
T0=$SECONDS

# What the build root needs: a C compiler and the headers CPython's modules build against, the
# libraries Qt loads (so PyInstaller can import PySide6 while it analyses), and the small X11 helper
# libraries the bundle carries (see build_bundle.sh).
BUILD_PACKAGES=build-essential,libssl-dev,libffi-dev,zlib1g-dev,libbz2-dev,liblzma-dev,libsqlite3-dev,uuid-dev
BUILD_PACKAGES+=,xz-utils,binutils,ca-certificates,libegl1,libgl1,libxkbcommon0,libfontconfig1,libdbus-1-3
BUILD_PACKAGES+=,libglib2.0-0,libxcb-cursor0,libxkbcommon-x11-0,libxcb-icccm4,libxcb-image0,libxcb-keysyms1
BUILD_PACKAGES+=,libxcb-randr0,libxcb-render-util0,libxcb-shape0,libxcb-xkb1,libxcb-util1,libx11-xcb1
# Qt's print support plugin talks to CUPS: carried, as build_bundle.sh carries this machine's.
BUILD_PACKAGES+=,libcups2
# tclsh makes SQLite's amalgamation (step 1b).
BUILD_PACKAGES+=,tcl8.6

# 1. The build root.
if [ ! -f "$BROOT/.gridboard-root" ]; then
  say "making the $SUITE build root in $BROOT (debootstrap)"
  rm -rf "$BROOT"
  debootstrap --variant=minbase --include="$BUILD_PACKAGES" "$SUITE" "$BROOT" "$MIRROR" >"$CACHE/debootstrap-build.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap-build.log" >&2; say "debootstrap failed (log: $CACHE/debootstrap-build.log)"; exit 1; }
  echo "$SUITE $(date -u +%F)" >"$BROOT/.gridboard-root"
  say "build root ready after $((SECONDS - T0)) s"
fi

MOUNTED=()
cleanup() {
  local i
  for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTED[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
for m in proc dev; do
  if ! mountpoint -q "$BROOT/$m"; then
    if [ "$m" = proc ]; then mount -t proc proc "$BROOT/proc"; else mount --bind /dev "$BROOT/dev"; fi
    MOUNTED+=("$BROOT/$m")
  fi
done
cp -L /etc/resolv.conf "$BROOT/etc/resolv.conf" 2>/dev/null || true
# pip in the root trusts what this machine trusts (a network whose HTTPS goes through a proxy with
# its own certificate authority has it in this machine's bundle, not in Debian 11's).
HOST_CA="${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}"
CA_ENV=()
if [ -f "$HOST_CA" ]; then
  cp -L "$HOST_CA" "$BROOT/etc/ssl/host-ca-certificates.crt"
  CA_ENV=(PIP_CERT=/etc/ssl/host-ca-certificates.crt SSL_CERT_FILE=/etc/ssl/host-ca-certificates.crt)
fi
in_root() {
  chroot "$BROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TMPDIR=/tmp "${CA_ENV[@]}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

# 1b. SQLite from Debian 12's source package (3.40.1): Debian 11's 3.34 is too old for gridboard's
# SQL (UPDATE ... FROM, RETURNING, ...). Built into $PYPREFIX/lib, where the interpreter's _sqlite3
# looks first (its RUNPATH), with Debian 12's compile options and its fixes to the SQL engine;
# PyInstaller then carries this libsqlite3.so.0, not Debian 11's.                 (first time: ~3 min)
SQLITE_WANT="${GRIDBOARD_SQLITE_MIN:-3.40}"
if ! [ -f "$BROOT$PYPREFIX/lib/libsqlite3.so.0" ] || ! grep -q "^bookworm " "$BROOT$PYPREFIX/lib/sqlite-source.txt" 2>/dev/null; then
  T1=$SECONDS
  mkdir -p "$BROOT/build/sqlite" "$BROOT/opt/compat" "$BROOT$PYPREFIX/lib" "$BROOT$PYPREFIX/include"
  install -m 644 "$ROOT/packaging/compat/glibc228.h" "$BROOT/opt/compat/glibc228.h"
  echo "deb-src $MIRROR bookworm main" >"$BROOT/etc/apt/sources.list.d/bookworm-src.list"
  in_root apt-get update -qq
  # tclsh makes the one-file amalgamation (sqlite3.c) from the source tree.
  in_root bash -c 'command -v tclsh >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tcl8.6 >/dev/null'
  in_root bash -c 'cd /build/sqlite && rm -rf sqlite3-* sqlite3_* && apt-get source --download-only -qq sqlite3' >/dev/null
  cat >"$BROOT/build/sqlite/build.sh" <<BUILD
set -e
cd /build/sqlite
version=\$(ls sqlite3_*.dsc | sed 's/^sqlite3_\(.*\)\.dsc\$/\1/')
tar xJf sqlite3_*.orig.tar.xz
cd sqlite3-*/
tar xJf ../sqlite3_*.debian.tar.xz
# Debian's fixes to the engine itself (src/, ext/): its build-system patches are for its own packaging.
applied=""
for p in \$(sed 's/#.*//' debian/patches/series); do
  if ! grep '^+++ ' "debian/patches/\$p" | awk '{print \$2}' | sed 's|^[^/]*/||' | grep -qv -E '^(src|ext|test)/'; then
    patch -p1 -s --forward --no-backup-if-mismatch <"debian/patches/\$p"
    applied="\$applied \$p"
  fi
done
echo "SQLite \$version, Debian patches applied:\$applied"
./configure -q --disable-tcl >/dev/null
make -s sqlite3.c >/dev/null
# Debian 12's compile options (debian/rules, and what its configure adds), plus glibc228.h.
gcc -O2 -fPIC -fno-strict-aliasing -include /opt/compat/glibc228.h -shared \\
  -DSQLITE_SECURE_DELETE -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS \\
  -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE=1 -DSQLITE_SOUNDEX=1 -DSQLITE_ENABLE_UNLOCK_NOTIFY \\
  -DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ALLOW_ROWID_IN_VIEW \\
  -DSQLITE_ENABLE_UPDATE_DELETE_LIMIT=1 -DSQLITE_ENABLE_LOAD_EXTENSION -DSQLITE_ENABLE_JSON1 \\
  -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS3_TOKENIZER=1 -DSQLITE_USE_URI=1 \\
  -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_ENABLE_PREUPDATE_HOOK -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_STMTVTAB \\
  -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_TEMP_STORE=1 \\
  -DHAVE_ISNAN=1 -DHAVE_USLEEP=1 -DHAVE_LOCALTIME_R=1 -DHAVE_GMTIME_R=1 -DHAVE_FDATASYNC=1 -DHAVE_STRCHRNUL=1 \\
  -DHAVE_POSIX_FALLOCATE=1 -DHAVE_MALLOC_H=1 \\
  -Wl,-soname,libsqlite3.so.0 -Wl,--as-needed sqlite3.c -lm -ldl -lpthread -o $PYPREFIX/lib/libsqlite3.so.0
ln -sf libsqlite3.so.0 $PYPREFIX/lib/libsqlite3.so
install -m 644 sqlite3.h sqlite3ext.h $PYPREFIX/include/
echo "bookworm \$version" >$PYPREFIX/lib/sqlite-source.txt
BUILD
  in_root bash /build/sqlite/build.sh 2>&1 | tee "$CACHE/sqlite-build.log" >&2 || true
  [ -f "$BROOT$PYPREFIX/lib/sqlite-source.txt" ] || { say "SQLite did not build (log: $CACHE/sqlite-build.log)"; exit 1; }
  rm -rf "$BROOT/build/sqlite"
  say "SQLite $(cut -d' ' -f2 "$BROOT$PYPREFIX/lib/sqlite-source.txt") built in $((SECONDS - T1)) s"
fi

# 2. CPython 3.11 from Debian 12's source package.
# (A half-done earlier build counts as none: the interpreter must import what the bundle needs.)
if ! in_root $PYPREFIX/bin/python3.11 -c "import pyexpat, _elementtree, _sqlite3, _ssl, _ctypes, pip" 2>/dev/null; then
  T1=$SECONDS
  mkdir -p "$BROOT/build/cpython" "$BROOT/opt/compat"
  install -m 644 "$ROOT/packaging/compat/glibc228.h" "$BROOT/opt/compat/glibc228.h"
  # The source package only (deb-src), signed with Debian's archive key, which the build root has.
  # (bookworm main carries the point releases' security fixes; debian-security's pool may lag.)
  echo "deb-src $MIRROR bookworm main" >"$BROOT/etc/apt/sources.list.d/bookworm-src.list"
  in_root apt-get update -qq
  in_root bash -c 'cd /build/cpython && rm -rf Python-3.11* python3.11_* && apt-get source --download-only -qq python3.11' >/dev/null
  cat >"$BROOT/build/cpython/build.sh" <<BUILD
set -e
cd /build/cpython
tar xzf python3.11_*.orig.tar.gz
cd Python-3.11.*/
tar xJf ../python3.11_*.debian.tar.xz
# Debian's own fixes and security patches: those after its layout changes (multiarch,
# dist-packages...), which do not belong in a bundle.
applied=0 failed=""
for p in \$(sed -n '/^shutdown-deadlock.diff/,\$p' debian/patches/series | sed 's/#.*//'); do
  if patch -p1 -s --forward --no-backup-if-mismatch <"debian/patches/\$p" >/dev/null 2>&1; then
    applied=\$((applied + 1))
  else
    failed="\$failed \$p"
  fi
done
echo "Debian patches applied: \$applied; not applied:\${failed:- none}"
# glibc 2.29-2.31 functions CPython uses when configure finds them: turned off, so the
# interpreter needs no glibc newer than 2.28.
./configure -q --prefix=$PYPREFIX --enable-shared --with-ensurepip=no \\
  CFLAGS='-O2 -include /opt/compat/glibc228.h' LDFLAGS='-Wl,-rpath,$PYPREFIX/lib' \\
  ac_cv_func_sem_clockwait=no ac_cv_func_pthread_cond_clockwait=no \\
  ac_cv_func_posix_spawn_file_actions_addchdir_np=no \\
  LIBSQLITE3_CFLAGS='-I$PYPREFIX/include' LIBSQLITE3_LIBS='-L$PYPREFIX/lib -lsqlite3' >/dev/null
make -s -j$JOBS >/dev/null 2>make-warnings.log || { tail -40 make-warnings.log; exit 1; }
make -s install >/dev/null 2>>make-warnings.log || { tail -40 make-warnings.log; exit 1; }
# pyexpat (and _elementtree, which needs it: openpyxl reads .xlsx with them) came out missing from
# this build (seen 2026-12-02; the cause not found yet): build them by hand from the same sources,
# with the same bundled expat 2.5 and flags, when they do not import.
if ! $PYPREFIX/bin/python3.11 -c "import pyexpat, _elementtree" 2>/dev/null; then
  I="-I. -IInclude -IInclude/internal -IModules/expat"
  F="-O2 -fwrapv -DNDEBUG -include /opt/compat/glibc228.h -fPIC -DHAVE_EXPAT_CONFIG_H -DXML_POOR_ENTROPY"
  DYN=$PYPREFIX/lib/python3.11/lib-dynload
  for f in xmlparse xmltok xmlrole; do gcc \$F \$I -c Modules/expat/\$f.c -o /tmp/\$f.o; done
  gcc \$F \$I -DPy_BUILD_CORE_MODULE -c Modules/pyexpat.c -o /tmp/pyexpat.o
  gcc -shared /tmp/pyexpat.o /tmp/xmlparse.o /tmp/xmltok.o /tmp/xmlrole.o -lm -o \$DYN/pyexpat.cpython-311-x86_64-linux-gnu.so
  gcc \$F \$I -DPy_BUILD_CORE_MODULE -c Modules/_elementtree.c -o /tmp/_elementtree.o
  gcc -shared /tmp/_elementtree.o -o \$DYN/_elementtree.cpython-311-x86_64-linux-gnu.so
  rm -f \$DYN/*_failed.so /tmp/xml*.o /tmp/pyexpat.o /tmp/_elementtree.o
  echo "pyexpat and _elementtree built by hand"
fi
$PYPREFIX/bin/python3.11 -m ensurepip --default-pip >/dev/null
# Everything gridboard and its libraries import from the standard library's compiled modules.
$PYPREFIX/bin/python3.11 -c "import pyexpat, _elementtree, _sqlite3, _ssl, _ctypes, zlib, _bz2, _lzma, _uuid, _decimal, _hashlib, pip"
BUILD
  in_root bash /build/cpython/build.sh 2>&1 | tee "$CACHE/cpython-build.log" >&2 || true
  in_root $PYPREFIX/bin/python3.11 -c "import pyexpat, _sqlite3, pip" || { say "CPython did not build (log: $CACHE/cpython-build.log)"; exit 1; }
  rm -rf "$BROOT/build/cpython"
  say "CPython $(in_root $PYPREFIX/bin/python3.11 -c 'import sys; print(sys.version.split()[0])') built in $((SECONDS - T1)) s"
fi

# The interpreter's sqlite3 must use that SQLite, not Debian 11's.
SQLITE_HAVE="$(in_root $PYPREFIX/bin/python3.11 -c 'import sqlite3; print(sqlite3.sqlite_version)')"
in_root $PYPREFIX/bin/python3.11 -c "import sqlite3, sys; sys.exit(sqlite3.sqlite_version_info < tuple(map(int, '$SQLITE_WANT'.split('.'))))" \
  || { say "the interpreter's sqlite3 uses SQLite $SQLITE_HAVE, older than $SQLITE_WANT"; exit 1; }
say "CPython's sqlite3 uses SQLite $SQLITE_HAVE"

# 3. The project's source and its dependencies, wheels for glibc <= TARGET only.
T2=$SECONDS
rm -rf "$BROOT/src"
mkdir -p "$BROOT/src"
tar -C "$ROOT" --exclude=__pycache__ --exclude='*.pyc' -cf - pyproject.toml README.md gridboard resources packaging \
  | tar -C "$BROOT/src" -xf -
VENV=/opt/gbvenv
SITE="$(in_root $PYPREFIX/bin/python3.11 -c 'print("lib/python3.11/site-packages")')"
if [ ! -x "$BROOT$VENV/bin/pip" ]; then
  rm -rf "${BROOT:?}$VENV"
  in_root $PYPREFIX/bin/python3.11 -m venv "$VENV"
fi
# PEP 600: pip asks this module which manylinux_2_X wheels the machine can take.
cat >"$BROOT$VENV/$SITE/_manylinux.py" <<PY
"""Only wheels for glibc <= $TARGET (gridboard's compat build: the bundle must run on it)."""
def manylinux_compatible(major, minor, arch):
    return (major, minor) <= tuple(int(x) for x in "$TARGET".split("."))
PY
# The project's dependencies and PyInstaller, read from pyproject.toml (the source itself is
# analysed from /src, as build_bundle.sh does).
in_root "$VENV/bin/python" -c 'import tomllib; p = tomllib.load(open("/src/pyproject.toml", "rb"))["project"]
print("\n".join(p["dependencies"] + p["optional-dependencies"]["packaging"]))' >"$BROOT/src/requirements.txt"
in_root "$VENV/bin/python" -m pip install -q --disable-pip-version-check --only-binary=:all: \
  -r /src/requirements.txt 2>&1 | grep -v -i "warning: running pip as" >&2 || true
in_root "$VENV/bin/python" -c "import PySide6, numpy, sqlcipher3, argon2, python_calamine, PyInstaller" \
  || { say "the dependencies did not install in the build root"; exit 1; }
say "dependencies installed in $((SECONDS - T2)) s: $(in_root "$VENV/bin/python" -m pip list --format=freeze 2>/dev/null | grep -i -E '^(pyside6[-_]essentials|numpy|pyinstaller)=' | tr '\n' ' ')"

# 4. PyInstaller, through build_bundle.sh, inside the root.
T3=$SECONDS
in_root bash -c "cd /src && PYTHON=$VENV/bin/python GRIDBOARD_PYI_WORK=/build/pyinstaller packaging/build_bundle.sh /src/build/dist" >&2
rm -rf "$DIST/gridboard"
mkdir -p "$DIST"
mv "$BROOT/src/build/dist/gridboard" "$DIST/gridboard"
say "PyInstaller took $((SECONDS - T3)) s"

# 5. D-Bus comes from the desktop, not the bundle: Debian 11's libdbus-1 pulls in libsystemd, which
# needs glibc 2.30 (gettid), and every desktop has libdbus-1-3 (the .deb depends on it; a portable
# copy's start-up check names it when missing).
rm -f "$DIST/gridboard/_internal/libdbus-1.so.3" "$DIST/gridboard/_internal/libsystemd.so.0"
# The Debian 11 libraries PyInstaller carried (libsqlite3, libpng16...) that ask for glibc 2.29
# only for the re-versioned maths functions: pointed at the old versions (packaging/compat/old_maths.py).
python3 - "$DIST/gridboard" "$TARGET" "$ROOT/packaging" <<'PY' >&2
import subprocess, sys
from pathlib import Path
bundle, target, packaging = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
sys.path.insert(0, packaging)
from glibc_needs import report
too_new = report(bundle, target)["too_new"]
if too_new:
    subprocess.run([sys.executable, f"{packaging}/compat/old_maths.py", *(str(bundle / f) for f in too_new)])
PY
# Nothing in it may need a newer glibc than the oldest office desktop has.
python3 "$ROOT/packaging/glibc_needs.py" "$DIST/gridboard" --max "$TARGET" >&2 \
  || { say "the bundle needs a glibc newer than $TARGET (above)"; exit 1; }
echo "$SUITE glibc<=$TARGET" >"$DIST/gridboard/_internal/base.txt"
echo "bundle: $DIST/gridboard"
echo "size: $(du -sh "$DIST/gridboard" | cut -f1) ($(du -sb "$DIST/gridboard" | cut -f1) bytes, $(find "$DIST/gridboard" -type f | wc -l) files)"
echo "built in $((SECONDS - T0)) s"
