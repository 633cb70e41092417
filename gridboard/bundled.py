"""Where gridboard's bundled files (fonts, translations, icons, licence texts) are read from: one place.

Installed from a wheel they are the package `gridboard.resources` (pyproject/setup.py map the repo's
top-level resources/ folder there, so nothing named `resources` lands in site-packages). In a source
checkout and in the PyInstaller bundle they are the resources/ folder beside the gridboard package.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_BESIDE = Path(__file__).resolve().parent.parent / "resources"


def files() -> Traversable:
    """The folder of bundled files; read it with .joinpath("fonts", NAME) and the like."""
    # Ours, not some other program's `resources`: the licence index is gridboard's own.
    if (_BESIDE / "licenses" / "index.json").is_file() and (_BESIDE / "translations").is_dir():
        return _BESIDE
    return resources.files("gridboard.resources")
