#!/usr/bin/env bash
# Build the self-contained one-folder bundle: dist/gridboard/gridboard (needs `pip install -e ".[packaging]"`).
#   packaging/build_bundle.sh [DIST_DIR]      default DIST_DIR: build/dist
# Prints the bundle's folder and size. The work folder (build/pyinstaller) is kept, so a rebuild
# after a small change reuses PyInstaller's analysis.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="${1:-$ROOT/build/dist}"
WORK="${GRIDBOARD_PYI_WORK:-$ROOT/build/pyinstaller}"
PYTHON="${PYTHON:-python3}"

cd "$ROOT"
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "build_bundle.sh: PyInstaller is not installed; run: pip install -e \".[packaging]\"" >&2
  exit 3
fi
# The icons and compiled translations are part of the source tree; check they are there.
for f in resources/icons/gridboard-256.png resources/translations/core_zh_CN.qm; do
  [ -f "$f" ] || { echo "build_bundle.sh: $f is missing (run tools/make_icons.py / tools/i18n.py compile)" >&2; exit 3; }
done

# The small X11 helper libraries Qt's window needs (libxcb-cursor0, libxcb-icccm4...) are carried in
# the bundle when this machine has them, so a portable copy starts on a PC that lacks them; say which
# are not here (the .deb then depends on them and a portable copy needs them on the PC).
"$PYTHON" - <<'PY' || true
from gridboard.startup import missing_libraries
missing = missing_libraries()
if missing:
    print("build_bundle.sh: not on this machine, so not carried:", " ".join(sorted(set(missing.values()))))
PY

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" packaging/gridboard.spec

BUNDLE="$DIST/gridboard"
# Nothing a user needs: Python bytecode caches left by hooks.
find "$BUNDLE" -name "__pycache__" -type d -prune -exec rm -rf {} +
# Debug information a user never needs (a self-built libpython, the sqlcipher3 wheel: ~40 MB): dropped
# from the files that have it. Only the debug sections go (strip --strip-debug), symbols stay; files
# without them (the wheels' libraries, some patched by auditwheel) are not touched.
# (Never the gridboard executable: its archive is appended after the ELF data.)
if command -v strip >/dev/null && command -v readelf >/dev/null; then
  find "$BUNDLE" -type f \( -name "*.so" -o -name "*.so.*" \) -print0 |
    while IFS= read -r -d '' f; do
      # (grep reads all of readelf's output: with -q, pipefail would see readelf's SIGPIPE.)
      if readelf -S "$f" 2>/dev/null | grep '\.debug_info' >/dev/null; then strip --strip-debug "$f"; fi
    done
fi
echo "bundle: $BUNDLE"
echo "size: $(du -sh "$BUNDLE" | cut -f1) ($(du -sb "$BUNDLE" | cut -f1) bytes, $(find "$BUNDLE" -type f | wc -l) files)"
