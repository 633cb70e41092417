"""The undo stack keeps at most UNDO_LIMIT steps (the oldest falls off and is freed), and Cancel on a long
undo or redo really cancels: the file stays as it was and the step can be taken back later."""

from __future__ import annotations

import gc
import weakref

import pytest
from conftest import Small, save_screenshot
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QPushButton

from gridboard.models import ledger, tallies, undo
from gridboard.models.errors import Cancelled
from gridboard.models.store import Store
from gridboard.ui import main_window, ops

pytestmark = pytest.mark.gui


@pytest.fixture
def board_window(gui, qtbot, small: Small, monkeypatch):
    monkeypatch.setattr(main_window, "FEATURES", ("gridboard.ui.board:BoardFeature",))
    window = main_window.MainWindow(small.store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_oldest_step_falls_off_and_is_freed(board_window, small: Small) -> None:
    window, stack = board_window, board_window.undo_stack
    assert stack.undoLimit() == main_window.UNDO_LIMIT == 100
    first = ops.run(window, "grid 0", ledger.create_grid, community_id=small.community, name="网格0")
    assert first is not ops.FAILED
    oldest = weakref.ref(stack.command(0).step)
    for n in range(1, main_window.UNDO_LIMIT + 5):
        assert ops.run(window, f"grid {n}", ledger.create_grid, community_id=small.community, name=f"网格{n}")
    assert stack.count() == main_window.UNDO_LIMIT
    assert stack.text(0) == "grid 5" and stack.undoText() == f"grid {main_window.UNDO_LIMIT + 4}"
    gc.collect()
    assert oldest() is None  # its rows (before and after) are not held any more
    steps = [stack.command(i).step for i in range(stack.count())]
    assert len({id(s) for s in steps}) == main_window.UNDO_LIMIT
    # Undo goes back as far as the limit, no further: the first grids stay.
    while stack.canUndo():
        stack.undo()
    assert stack.index() == 0
    names = {r[0] for r in small.store.query("SELECT name FROM grid WHERE archived_at IS NULL")}
    assert names == {"第一网格", "网格0", "网格1", "网格2", "网格3", "网格4"}


def test_an_undo_cancelled_in_its_own_thread_leaves_the_file_as_it_was(db: Store) -> None:
    community = ledger.create_community(db, name="幸福社区")
    grid = ledger.create_grid(db, community_id=community, name="第一网格")
    done = undo.run(
        db,
        "New building",
        ledger.create_building,
        rooms="lived_in",
        grid_id=grid,
        name="1号楼",
        number=1,
        units=4,
        floors=10,
        rooms_per_floor=2,
    )
    assert done.step is not None
    calls: list[tuple[int, int]] = []

    def cancel_half_way(n: int, total: int) -> None:
        calls.append((n, total))
        if n * 2 >= total:
            raise Cancelled()

    with pytest.raises(Cancelled):
        done.step.undo(db, cancel_half_way)
    assert db.scalar("SELECT count(*) FROM household WHERE building_id = ?", [done.result]) == 80
    assert tallies.verify(db.db) == []

    def cancel_at_the_end(n: int, total: int) -> None:
        if n == total:
            raise Cancelled()

    with pytest.raises(Cancelled):
        done.step.undo(db, cancel_at_the_end)
    assert db.scalar("SELECT count(*) FROM household WHERE building_id = ?", [done.result]) == 80
    done.step.undo(db, lambda n, total: calls.append((n, total)))  # not cancelled: taken back
    assert db.scalar("SELECT count(*) FROM household WHERE building_id = ?", [done.result]) == 0
    assert calls[-1][0] == calls[-1][1] and tallies.verify(db.db) == []


def _cancel_as_soon_as_shown(window) -> list[QProgressDialog]:
    """Press the progress dialog's Cancel the moment it exists (before its work can be done)."""
    pressed: list[QProgressDialog] = []
    poll = QTimer(window)
    poll.setInterval(0)

    def look() -> None:
        dialog = window.findChild(QProgressDialog, "taskProgress")
        if dialog is not None and not pressed:
            pressed.append(dialog)
            dialog.findChild(QPushButton).click()
            poll.stop()

    poll.timeout.connect(look)
    poll.start()
    return pressed


def test_cancel_on_a_long_undo_and_redo_really_cancels(
    board_window, qtbot, small: Small, monkeypatch
) -> None:
    window, stack, store = board_window, board_window.undo_stack, small.store
    monkeypatch.setattr(ops, "_BIG_STEP", 0)  # every step is undone behind the progress dialog
    building = ops.run(
        window,
        "New building",
        ledger.create_building,
        rooms="lived_in",
        grid_id=small.grid,
        name="9号楼",
        number=9,
        units=8,
        floors=30,
        rooms_per_floor=4,
    )
    assert building is not ops.FAILED

    def households() -> int:
        return int(store.scalar("SELECT count(*) FROM household WHERE building_id = ?", [building]))

    assert households() == 960 and stack.index() == 1
    undo_action = window.findChild(QAction, "actionUndo")
    redo_action = window.findChild(QAction, "actionRedo")

    pressed = _cancel_as_soon_as_shown(window)
    undo_action.trigger()
    assert pressed, "the undo ran behind a progress dialog"
    qtbot.waitUntil(lambda: stack.index() == 1)  # back where it was: the step can be undone later
    assert households() == 960 and stack.canUndo() and not stack.canRedo()
    assert "“New building”" in window.statusBar().currentMessage()
    save_screenshot(window, "undo_cancelled")
    assert tallies.verify(store.db) == []

    undo_action.trigger()  # not cancelled: taken back
    assert households() == 0 and stack.index() == 0

    pressed = _cancel_as_soon_as_shown(window)
    redo_action.trigger()
    assert pressed
    qtbot.waitUntil(lambda: stack.index() == 0)
    assert households() == 0 and stack.canRedo() and not stack.canUndo()
    redo_action.trigger()
    assert households() == 960 and stack.index() == 1
    assert tallies.verify(store.db) == []
