"""Guards against a Qt binding that leaks references to None (PySide6 6.12.0 on Python 3.11 aborts)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QWidget

pytestmark = pytest.mark.gui


def test_void_calls_do_not_leak_none(qapp) -> None:
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setObjectName("probe")
    assert abs(sys.getrefcount(None) - before) < 100
