"""The Edit menu's ledger entries act on what the board shows, or say what to pick first."""

from __future__ import annotations

import pytest
from conftest import Small
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog

from gridboard.ui import ask
from gridboard.ui.board import BoardFeature

pytestmark = pytest.mark.gui


def _open_dialog(name: str) -> QDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def test_ledger_entries_act_on_the_board_or_say_what_to_pick(
    window, qtbot, small: Small, monkeypatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda parent, title, text, **k: told.append(text))
    board = window.features.get(BoardFeature)
    board.show_grid(small.grid)
    window.findChild(QAction, "actionEditBuilding").trigger()  # no building open yet
    assert told == ["请先在看板上打开一栋楼。"]
    assert _open_dialog("buildingDialog") is None
    board.show_building(small.building)
    window.findChild(QAction, "actionEditBuilding").trigger()
    dialog = _open_dialog("buildingDialog")
    assert dialog is not None and len(told) == 1
    dialog.reject()
    for action, name in (
        ("actionEditCommunity", "communityDialog"),
        ("actionNewGrid", "gridDialog"),
        ("actionEditGrid", "gridDialog"),
    ):
        window.findChild(QAction, action).trigger()
        opened = _open_dialog(name)
        assert opened is not None, action
        opened.reject()
        qtbot.waitUntil(lambda name=name: _open_dialog(name) is None)
    assert len(told) == 1
