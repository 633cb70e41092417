"""Widgets never write SQL: every statement lives in gridboard.models, named for what it answers."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_CALL = re.compile(r"\bstore\.(execute|query|one|scalar)\(|\.conn\.execute\(")


def test_ui_and_printing_call_the_model_layer_instead_of_sql() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("gridboard/ui", "gridboard/printing")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SQL_CALL.search(line)
    ]
    assert offenders == []
