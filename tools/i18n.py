"""Keep the Simplified Chinese translation complete: extract, list missing, fill, compile.

Each area of the app keeps its own file, resources/translations/<area>_zh_CN.ts, so engineers
working on different areas never edit the same file. The sources of an area are listed, one path per
line, in resources/translations/<area>.files; a new area is a new .files list. Usage:

    python tools/i18n.py extract AREA|all [FILE.py ...]       # lupdate the area's sources (or FILEs)
    python tools/i18n.py missing AREA                         # JSON of untranslated strings
    python tools/i18n.py fill AREA TRANSLATIONS.json          # {"source": "译文"} or {"Context": {...}}
    python tools/i18n.py compile                              # every .ts -> .qm (what the app loads)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def ts_path(area: str) -> Path:
    return TRANSLATIONS / f"{area}_zh_CN.ts"


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def area_files(area: str) -> list[str]:
    listing = TRANSLATIONS / f"{area}.files"
    if not listing.exists():
        raise SystemExit(f"{listing} does not exist: list the area's source files there, one per line")
    return [line.strip() for line in listing.read_text(encoding="utf-8").splitlines() if line.strip()]


def areas() -> list[str]:
    return sorted(path.name.removesuffix(".files") for path in TRANSLATIONS.glob("*.files"))


def known_translations() -> dict[str, dict[str, str]]:
    """Every finished translation in every area, so a string moved or shared between areas keeps its text."""
    known: dict[str, dict[str, str]] = {}
    for path in TRANSLATIONS.glob("*_zh_CN.ts"):
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished":
                    continue
                text = "".join(translation.itertext()).strip()
                if text:
                    known.setdefault(name, {})[message.findtext("source") or ""] = text
    return known


def extract(area: str, files: list[str]) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    known = known_translations()
    for name in areas() if area == "all" else [area]:
        sources = files or area_files(name)
        subprocess.run(
            [tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts_path(name))],
            check=True,
            cwd=ROOT,
        )
        fill(name, known)


def unfinished(path: Path) -> dict[str, dict[str, str]]:
    result: dict[str, dict[str, str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if translation is None or translation.get("type") == "unfinished" or not text:
                result.setdefault(name, {})[message.findtext("source") or ""] = ""
    return result


def fill(area: str, mapping: dict) -> int:
    """Fill translations; a flat {source: text} applies in every context. Returns how many were filled."""
    path = ts_path(area)
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = mapping.get(name, {}).get(source) if isinstance(mapping.get(name), dict) else None
            if text is None and isinstance(mapping.get(source), str):
                text = mapping[source]
            if not text:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                form = ET.SubElement(translation, "numerusform")
                form.text = text  # Chinese has a single plural form
            else:
                translation.text = text
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def compile_all() -> None:
    for path in sorted(TRANSLATIONS.glob("*_zh_CN.ts")):
        subprocess.run(
            [tool("lrelease"), "-silent", str(path), "-qm", str(path.with_suffix(".qm"))], check=True
        )


def main(argv: list[str]) -> None:
    command, *rest = argv or ["help"]
    if command == "extract":
        extract(rest[0], rest[1:])
    elif command == "missing":
        print(json.dumps(unfinished(ts_path(rest[0])), ensure_ascii=False, indent=1))
    elif command == "fill":
        print(fill(rest[0], json.loads(Path(rest[1]).read_text(encoding="utf-8"))), "filled")
    elif command == "compile":
        compile_all()
    else:
        print(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
