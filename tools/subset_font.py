"""Rebuild resources/fonts/NotoSansSC-Subset.otf: Noto Sans CJK SC (OFL) cut to what names need.

Kept: the 通用规范汉字表 (8,105, including its 196 characters beyond the BMP), every character the
font has in CJK Unified Ideographs and Extension A, GB2312, ASCII, punctuation and the symbols we
print. Run when the character set needs to grow: `python tools/subset_font.py [SOURCE.ttc]`. Needs
fonttools (a developer's tool, not a dependency of the app) and Debian's fonts-noto-cjk. The app
itself only loads the result; tests/test_rare_names.py checks the coverage.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "fonts" / "NotoSansSC-Subset.otf"
TONGYONG = ROOT / "tests" / "data" / "tongyong_guifan_8105.txt"
BLOCKS = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF)]  # CJK Unified Ideographs, Extension A


def tongyong_chars() -> set[str]:
    """The 通用规范汉字表, from the list derived from Unihan's kTGH field."""
    lines = TONGYONG.read_text(encoding="utf-8").splitlines()
    return {c for line in lines if not line.startswith("#") for c in line.strip()}


def gb2312_chars() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def wanted_chars(cmap: dict[int, str]) -> str:
    chars = gb2312_chars() | tongyong_chars()
    chars |= {chr(c) for first, last in BLOCKS for c in range(first, last + 1) if c in cmap}
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK punctuation
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms
    chars |= set("●○■□▲△◆◇★☆✓✔✗✘→←↑↓·…—–‘’“”№℃×÷±≤≥²³")
    chars |= {chr(c) for c in range(0x2460, 0x2474)}  # circled numbers
    # Anything our translations or sources use beyond that (rare surnames, symbols).
    for path in [*ROOT.glob("resources/translations/*.ts"), *ROOT.glob("gridboard/**/*.py")]:
        chars |= {c for c in path.read_text(encoding="utf-8") if ord(c) > 0x2000}
    return "".join(sorted(chars))


# A family name of our own: were it still "Noto Sans CJK SC", Qt would pick the system's copy where
# one is installed (different glyph set; PDFs then map shared glyphs to Kangxi radicals, 一 → ⼀).
FAMILY = "Gridboard Sans SC"
POSTSCRIPT = "GridboardSansSC-Regular"


def rename(face) -> None:
    names = face["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 6):
            names.setName(POSTSCRIPT, record.nameID, record.platformID, record.platEncID, record.langID)
    cff = face["CFF "].cff
    cff.fontNames = [POSTSCRIPT]


def main() -> None:
    collection = TTCollection(str(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE))
    face = next(f for f in collection.fonts if "CJK SC" in f["name"].getDebugName(1))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=wanted_chars(face.getBestCmap()))
    subsetter.subset(face)
    rename(face)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    face.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
