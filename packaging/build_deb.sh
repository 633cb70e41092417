#!/usr/bin/env bash
# Build the .deb for Debian/UOS/Kylin desktops (x86_64) from the one-folder bundle:
#   packaging/build_deb.sh [BUNDLE_DIR] [OUT_DIR]
# BUNDLE_DIR defaults to the old-base bundle build/dist-compat/gridboard, built first by
# build_compat.sh when missing (Debian 11 base: starts on glibc 2.28 and newer, carries SQLite 3.40;
# needs root and debootstrap). GRIDBOARD_BUNDLE=host: build/dist/gridboard by build_bundle.sh
# instead, quick, but only for desktops with this machine's glibc or newer.
# OUT_DIR defaults to build/deb. Needs dpkg-deb (apt-get install dpkg-dev). Prints the .deb's path and size.
#
# What it installs: the bundle under /opt/gridboard, /usr/bin/gridboard (a symlink), the desktop
# entry (网格党员联系户结对看板) with the icon in every hicolor size, and the .gridboard file type
# (shared-mime-info), so a double-click opens a file. There are no maintainer scripts: Debian's
# shared-mime-info, desktop-file-utils and the icon cache refresh themselves through dpkg triggers,
# and removing or purging the package takes only what it installed; users' files, settings, logs
# and backups in their home folders are never touched.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODE="${GRIDBOARD_BUNDLE:-compat}"
case "$MODE" in
  compat) BUNDLE="${1:-$ROOT/build/dist-compat/gridboard}"; BUILDER=build_compat.sh ;;
  host) BUNDLE="${1:-$ROOT/build/dist/gridboard}"; BUILDER=build_bundle.sh ;;
  *) echo "build_deb.sh: GRIDBOARD_BUNDLE is compat (the default) or host, not $MODE" >&2; exit 2 ;;
esac
OUT="${2:-$ROOT/build/deb}"
PYTHON="${PYTHON:-python3}"

command -v dpkg-deb >/dev/null || { echo "build_deb.sh: dpkg-deb not found; apt-get install dpkg-dev" >&2; exit 3; }
command -v objdump >/dev/null || { echo "build_deb.sh: objdump not found; apt-get install binutils" >&2; exit 3; }
if [ ! -x "$BUNDLE/gridboard" ]; then
  "$ROOT/packaging/$BUILDER" "$(dirname "$BUNDLE")"
fi

VERSION="$(cd "$ROOT" && "$PYTHON" -c 'import gridboard; print(gridboard.__version__)')"
STAGE="$OUT/stage"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/gridboard"

cp -a "$BUNDLE" "$STAGE/opt/gridboard"
ln -s /opt/gridboard/gridboard "$STAGE/usr/bin/gridboard"
install -m 644 "$ROOT/packaging/linux/gridboard.desktop" "$STAGE/usr/share/applications/gridboard.desktop"
install -m 644 "$ROOT/packaging/linux/gridboard-mime.xml" "$STAGE/usr/share/mime/packages/gridboard.xml"
for size in 16 24 32 48 64 128 256 512; do
  for kind in apps mimetypes; do
    dir="$STAGE/usr/share/icons/hicolor/${size}x${size}/$kind"
    mkdir -p "$dir"
    name=gridboard.png; [ "$kind" = mimetypes ] && name=application-x-gridboard.png
    install -m 644 "$ROOT/resources/icons/gridboard-$size.png" "$dir/$name"
  done
done
mkdir -p "$STAGE/usr/share/icons/hicolor/scalable/apps"
install -m 644 "$ROOT/resources/icons/gridboard.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/gridboard.svg"
cat > "$STAGE/usr/share/doc/gridboard/copyright" <<TXT
gridboard $VERSION: MIT licence. It carries Python, Qt/PySide6 (LGPL-3.0), the Noto Sans CJK SC font
(SIL OFL 1.1) and other libraries; each one's licence text is in
/opt/gridboard/_internal/resources/licenses/ and shown in Help → About.
TXT

# Depends: the system libraries Qt's window needs that the bundle does not carry (from the same table
# the app's start-up check uses), and the C library version its binaries were built against.
DEPENDS="$(cd "$ROOT" && "$PYTHON" - "$STAGE/opt/gridboard" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "packaging")
from glibc_needs import report
from gridboard.startup import LIBRARIES
bundle = Path(sys.argv[1])
carried = {p.name for p in bundle.rglob("*.so*")}
packages = sorted({pkg for soname, pkg in LIBRARIES.items() if soname not in carried})
# The newest GLIBC_ symbol version any ELF file in the bundle needs (objdump -p).
glibc = report(bundle)["needs"] or "2.17"
print(", ".join([f"libc6 (>= {glibc})", *packages]))
PY
)"
SIZE_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<CTRL
Package: gridboard
Version: $VERSION
Architecture: amd64
Maintainer: gridboard developers <gridboard@invalid>
Installed-Size: $SIZE_KB
Depends: $DEPENDS
Recommends: shared-mime-info, desktop-file-utils
Section: office
Priority: optional
Description: 网格党员联系户结对看板 - grid-level member-household pairing board
 A desktop application for community offices: grids, buildings and households,
 which Party members are paired with which households, every home visit and
 every resident's request until it is closed, in one local file. Works with no
 network at all. Self-contained: carries its own Python and Qt.
CTRL

DEB="$OUT/gridboard_${VERSION}_amd64.deb"
rm -f "$DEB"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
rm -rf "$STAGE"
echo "deb: $DEB"
echo "size: $(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes; installed $SIZE_KB KB)"
