"""Keep the Simplified Chinese translation complete: extract, list missing, fill, compile.

Each area of the app keeps its own file, resources/translations/<area>_zh_CN.ts, so engineers
working on different areas never edit the same file. Usage:

    python tools/i18n.py extract AREA FILE.py [FILE.py ...]   # run lupdate for those sources
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


def extract(area: str, files: list[str]) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts_path(area))],
        check=True,
        cwd=ROOT,
    )


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
