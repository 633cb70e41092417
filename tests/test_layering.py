"""gridboard.models stays Qt-free: every module imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_models_import_without_qt() -> None:
    script = f"""
import importlib, pkgutil, sys
sys.path.insert(0, {str(ROOT)!r})
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):
            raise ImportError('Qt is not allowed in gridboard.models: ' + name)
sys.meta_path.insert(0, Block())
import gridboard.models as m
for info in pkgutil.walk_packages(m.__path__, 'gridboard.models.'):
    importlib.import_module(info.name)
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
