"""The bundled files are found in one place (gridboard.bundled), from a source checkout as installed."""

from __future__ import annotations

import ast
from pathlib import Path

from gridboard import bundled

ROOT = Path(__file__).resolve().parent.parent


def test_the_bundled_files_are_found() -> None:
    files = bundled.files()
    assert files.joinpath("fonts", "NotoSansSC-Subset.otf").is_file()
    assert files.joinpath("licenses", "index.json").is_file()
    assert any(entry.name.endswith(".qm") for entry in files.joinpath("translations").iterdir())


def test_nothing_reads_a_top_level_resources_package() -> None:
    """Installed, the folder is `gridboard.resources`: code asks gridboard.bundled, never "resources"."""
    for path in (ROOT / "gridboard").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert 'files("resources")' not in text, path
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Import):
                assert "resources" not in [a.name for a in node.names], path
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                assert node.module != "resources", path


def test_the_install_maps_the_folder_into_the_package() -> None:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert '"gridboard.resources": "resources"' in setup
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert (
        '"gridboard.resources" = [' in pyproject and 'include = ["gridboard*", "resources*"]' not in pyproject
    )
