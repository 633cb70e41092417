"""Documents live in gridboard/printing and read labels from Qt-neutral modules (issue 19, item 6):
the document builders import nothing from gridboard.ui, and the labels need no widgets."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def test_nothing_in_printing_imports_from_the_ui() -> None:
    modules = sorted((ROOT / "gridboard" / "printing").rglob("*.py"))
    assert {p.name for p in modules} >= {"documents.py", "emergency.py", "layout.py", "serve_documents.py"}
    for path in modules:
        ui = sorted(m for m in _imports(path) if m.startswith("gridboard.ui") or m == "gridboard.ui")
        assert ui == [], (path.name, ui)
        assert "ui" not in {
            m.removeprefix("gridboard.") for m in _imports(path) if m.startswith("gridboard.")
        }


def test_the_labels_need_no_widgets() -> None:
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
class Block:
    def find_spec(self, name, path=None, target=None):
        if name in ('PySide6.QtWidgets', 'PySide6.QtGui') or name.startswith('gridboard.ui'):
            raise ImportError('not for labels: ' + name)
sys.meta_path.insert(0, Block())
from gridboard import emergency_labels, labels, serve_labels
print(labels.occupancy('vacant'), emergency_labels.kind('blizzard'), serve_labels.level('street'))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "Vacant Blizzard Street office", result.stderr


def test_the_screens_read_the_same_labels() -> None:
    from gridboard import emergency_labels, labels, serve_labels
    from gridboard.ui import labels as ui_labels
    from gridboard.ui.emergency import texts
    from gridboard.ui.serve import labels as ui_serve_labels

    assert ui_labels.occupancy is labels.occupancy and ui_labels.error_text is labels.error_text
    assert texts.role is emergency_labels.role
    assert ui_serve_labels.unit_kind is serve_labels.unit_kind
