"""The Simplified Chinese translation is complete, compiled, and covers every string in the sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402

needs_tools = pytest.mark.skipif(
    not (shutil.which("pyside6-lupdate") and shutil.which("pyside6-lrelease")), reason="Qt tools missing"
)


def translated_messages() -> set[tuple[str, str]]:
    found = set()
    for path in TRANSLATIONS.glob("*_zh_CN.ts"):
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") is None:
                    if "".join(translation.itertext()).strip():
                        found.add((name, message.findtext("source") or ""))
    return found


def test_no_unfinished_translation() -> None:
    files = list(TRANSLATIONS.glob("*_zh_CN.ts"))
    assert files
    for path in files:
        assert i18n.unfinished(path) == {}, f"{path.name} has untranslated strings"


@needs_tools
def test_every_source_string_is_translated(tmp_path: Path) -> None:
    sources = [str(p) for p in (ROOT / "gridboard").rglob("*.py")]
    probe = tmp_path / "all_zh_CN.ts"
    subprocess.run(
        ["pyside6-lupdate", "-locations", "none", *sources, "-ts", str(probe)],
        check=True,
        capture_output=True,
    )
    done = translated_messages()
    missing = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in ET.parse(probe).getroot().iter("context")
        for message in context.iter("message")
        if (context.findtext("name"), message.findtext("source")) not in done
    ]
    assert missing == [], f"{len(missing)} strings have no Chinese translation, e.g. {missing[:10]}"


@needs_tools
def test_compiled_translations_are_current(tmp_path: Path) -> None:
    for ts in TRANSLATIONS.glob("*_zh_CN.ts"):
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(fresh)], check=True)
        shipped = ts.with_suffix(".qm")
        assert shipped.exists(), f"{shipped.name} missing: run python tools/i18n.py compile"
        assert shipped.read_bytes() == fresh.read_bytes(), f"{shipped.name} stale: run tools/i18n.py compile"
