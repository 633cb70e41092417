"""Rebuild resources/fonts/NotoSansSC-Subset.otf: Noto Sans CJK SC (OFL) cut to GB2312 + ASCII.

Run once when the character set needs to grow: `python tools/subset_font.py`. Needs fonttools and
Debian's fonts-noto-cjk. The app itself only loads the result.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "NotoSansSC-Subset.otf"


def gb2312_chars() -> set[str]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def wanted_chars() -> str:
    chars = gb2312_chars()
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK punctuation
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms
    chars |= set("●○■□▲△◆◇★☆✓✔✗✘→←↑↓·…—–‘’“”№℃×÷±≤≥²³")
    chars |= {chr(c) for c in range(0x2460, 0x2474)}  # circled numbers
    # Anything our translations or sources use beyond that (rare surnames, symbols).
    root = TARGET.parent.parent.parent
    for path in [*root.glob("resources/translations/*.ts"), *root.glob("gridboard/**/*.py")]:
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
    collection = TTCollection(str(SOURCE))
    face = next(f for f in collection.fonts if "SC" in f["name"].getDebugName(1))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=wanted_chars())
    subsetter.subset(face)
    rename(face)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    face.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
