"""Undo and redo from the Edit menu (ui/ops.py): one step per user action, the same rows brought back."""

from __future__ import annotations

import pytest
from conftest import Small, save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QUndoView

from gridboard.models import emergency as em
from gridboard.models import ledger, records, settings, tallies
from gridboard.models import requests as rq
from gridboard.ui import ask, main_window, ops
from gridboard.ui.editors import ledger_editors
from gridboard.ui.emergency import EmergencyFeature
from gridboard.ui.printing import PrintingFeature

pytestmark = pytest.mark.gui


def undo(window, times: int = 1) -> None:
    for _ in range(times):
        action = window.findChild(QAction, "actionUndo")
        assert action.isEnabled()
        action.trigger()


def redo(window, times: int = 1) -> None:
    for _ in range(times):
        action = window.findChild(QAction, "actionRedo")
        assert action.isEnabled()
        action.trigger()


def exact(store) -> None:
    assert tallies.verify(store.db) == []


def test_new_grid_then_a_building_in_it_undo_both_redo_both(window, qtbot, small: Small) -> None:
    """Issue 19's story: redo used to rebuild the building in the archived first grid, beside a new empty one."""
    store = small.store
    dialog = ledger_editors.new_grid(window, small.community)
    dialog.set_value("name", "第二网格")
    dialog.accept()
    grid_id = store.scalar("SELECT max(id) FROM grid")
    dialog = ledger_editors.new_building(window, grid_id)
    for key, value in {"name": "9号楼", "number": 9, "units": 1, "floors": 3, "rooms_per_floor": 2}.items():
        dialog.set_value(key, value)
    dialog.accept()
    building_id = store.scalar("SELECT max(id) FROM building")
    assert store.scalar("SELECT grid_id FROM building WHERE id = ?", [building_id]) == grid_id
    uids = (
        records.fetch(store, "grid", grid_id)["uid"],
        records.fetch(store, "building", building_id)["uid"],
    )
    assert window.undo_stack.count() == 2

    with qtbot.waitSignal(window.notifier.changed) as changed:
        undo(window)
    assert "building" in changed.args[0].tables
    board = window.view("board")
    assert not board.tree_model.has_building(building_id), "the tree of places lost the building again"
    undo(window)
    assert store.scalar("SELECT count(*) FROM grid") == 1
    assert store.scalar("SELECT count(*) FROM building") == 1
    exact(store)

    redo(window, 2)
    assert board.tree_model.has_building(building_id)
    assert store.scalar("SELECT count(*) FROM grid") == 2, "no new empty grid"
    grid, building = records.fetch(store, "grid", grid_id), records.fetch(store, "building", building_id)
    assert (grid["uid"], grid["archived_at"]) == (uids[0], None)
    assert (building["uid"], building["grid_id"]) == (uids[1], grid_id)
    assert store.scalar("SELECT count(*) FROM household WHERE building_id = ?", [building_id]) == 6
    exact(store)
    actions = [
        r[0] for r in store.query("SELECT action FROM audit_log WHERE table_name = 'grid' ORDER BY id")
    ]
    assert actions[-3:] == ["insert", "undo", "redo"]

    view = QUndoView(window.undo_stack)
    qtbot.addWidget(view)
    view.resize(360, 140)
    save_screenshot(view, "undo_steps")


def test_request_steps_undo_one_by_one_and_redo(window, qtbot, small: Small) -> None:
    from test_requests_gui import click_row, dialog_named, requests_view, shortcut

    store = small.store
    household = small.household(1, "101")
    window.navigate("household", household)
    from gridboard.ui.requests.dialogs import RaiseDialog

    raise_dialog = RaiseDialog(window.notifier, household, window)
    qtbot.addWidget(raise_dialog)
    raise_dialog.category.setCurrentIndex(raise_dialog.category.findData("repairs"))
    raise_dialog.text.insert("楼道灯不亮")
    raise_dialog.accept()
    request_id = store.scalar("SELECT id FROM request")
    uid = store.scalar("SELECT uid FROM request")
    view = requests_view(qtbot, window)
    qtbot.waitUntil(lambda: view.model.ids == [request_id])
    click_row(qtbot, view, 0)
    shortcut(qtbot, view, Qt.Key.Key_D)
    dispatch = dialog_named(qtbot, window, "dispatchDialog")
    dispatch.to_department.setChecked(True)
    dispatch.department.setCurrentText("物业公司")
    qtbot.keyClick(dispatch.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rq.get_request(store, request_id).status == "dispatched")
    assert view.start_selected()
    assert rq.get_request(store, request_id).status == "in_progress"
    steps = store.scalar("SELECT count(*) FROM request_step WHERE request_id = ?", [request_id])
    exact(store)

    undo(window)
    assert rq.get_request(store, request_id).status == "dispatched"
    undo(window)
    assert rq.get_request(store, request_id).status == "collected"
    undo(window)
    assert store.scalar("SELECT count(*) FROM request") == 0
    qtbot.waitUntil(lambda: view.model.ids == [])
    exact(store)
    redo(window, 3)
    assert store.scalar("SELECT uid FROM request WHERE id = ?", [request_id]) == uid
    assert rq.get_request(store, request_id).status == "in_progress"
    assert store.scalar("SELECT count(*) FROM request_step WHERE request_id = ?", [request_id]) == steps
    qtbot.waitUntil(lambda: view.model.ids == [request_id])
    exact(store)


def test_visit_cycles_dialog_is_undoable(window, qtbot, small: Small) -> None:
    from gridboard.ui.settings_dialog import CyclesDialog

    store = small.store
    before = settings.get_setting(store, "cycle_normal_days")
    dialog = CyclesDialog(window.notifier, window)
    qtbot.addWidget(dialog)
    dialog.spins["cycle_normal_days"].setValue(45)
    with qtbot.waitSignal(window.notifier.changed) as changed:
        dialog.accept()
    assert changed.args[0].everything and settings.get_setting(store, "cycle_normal_days") == 45
    exact(store)
    with qtbot.waitSignal(window.notifier.changed) as changed:
        undo(window)
    assert changed.args[0].everything, "every view shows figures counted by the cycles"
    assert settings.get_setting(store, "cycle_normal_days") == before
    exact(store)
    redo(window)
    assert settings.get_setting(store, "cycle_normal_days") == 45
    exact(store)


def test_a_step_whose_rows_changed_since_is_refused_and_dropped(
    window, qtbot, small: Small, monkeypatch
) -> None:
    store = small.store
    h = small.household(1, "502")
    assert ledger_editors.edit_row(window, "Edit", "household", h, {"head_name": "刘备"})
    ledger.update_household(store, h, head_name="关羽")  # not through the undo list (another window, say)
    shown: list[str] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: shown.append(str(error)))
    undo(window)
    assert shown and "cannot be taken back" in shown[0]
    assert store.scalar("SELECT head_name FROM household WHERE id = ?", [h]) == "关羽"
    assert window.undo_stack.count() == 0 and not window.findChild(QAction, "actionUndo").isEnabled()


def test_a_refused_action_leaves_no_step(window, small: Small, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: shown.append(str(error)))
    result = ops.run(window, "Bad", ledger.update_household_checked, small.household(1, "501"), room="502")
    assert result is ops.FAILED and not result and len(shown) == 1
    assert window.undo_stack.count() == 0


# -- the emergency desk ------------------------------------------------------------------------------


@pytest.fixture
def desk_window(gui, qtbot, small: Small, monkeypatch):
    monkeypatch.setattr(
        main_window,
        "FEATURES",
        ("gridboard.ui.board:BoardFeature", "gridboard.ui.emergency:EmergencyFeature"),
    )
    ledger.add_member(small.store, community_id=small.community, name="王干部", kind="cadre")
    small.store.take_changes()
    win = main_window.MainWindow(small.store)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_emergency_declared_rostered_and_supplied_undo_to_none_and_back(
    desk_window, qtbot, small: Small
) -> None:
    win, store = desk_window, small.store
    win.findChild(object, "actionDeclareEmergency").trigger()
    dialog = win.features.get(EmergencyFeature).dialog
    dialog.name_edit.setText("暴雪应急响应")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("blizzard"))
    ok = dialog.findChild(QDialogButtonBox, "declareButtons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    emergency = em.active_emergency(store)
    assert emergency is not None
    win.show_view("emergency")
    desk = win.features.get(EmergencyFeature).desk
    roster = desk.rosters
    desk.tabs.setCurrentWidget(roster)
    qtbot.mouseClick(win.findChild(object, "rosterAddButton"), Qt.MouseButton.LeftButton)
    assert roster.table.rowCount() == 1
    supplies = desk.supplies
    desk.tabs.setCurrentWidget(supplies)
    supplies.grids.setCurrentIndex(0)
    supplies.item.setEditText("饮用水")
    supplies.quantity.setValue(12)
    supplies.unit.setText("桶")
    qtbot.mouseClick(win.findChild(object, "recordDeliveryButton"), Qt.MouseButton.LeftButton)
    assert supplies.table.rowCount() == 1
    assert win.undo_stack.count() == 3
    exact(store)

    undo(win)
    qtbot.waitUntil(lambda: supplies.table.rowCount() == 0)
    undo(win)
    desk.tabs.setCurrentWidget(roster)
    qtbot.waitUntil(lambda: roster.table.rowCount() == 0)
    undo(win)
    assert em.active_emergency(store) is None
    qtbot.waitUntil(lambda: win.findChild(object, "actionDeclareEmergency").isEnabled())
    exact(store)

    redo(win, 3)
    again = em.active_emergency(store)
    assert again is not None and (again.id, again.uid) == (emergency.id, emergency.uid)
    assert store.scalar("SELECT count(*) FROM emergency_roster WHERE emergency_id = ?", [emergency.id]) == 1
    assert store.scalar("SELECT count(*) FROM supply_delivery") == 1
    exact(store)


# -- an import, and a returned sheet --------------------------------------------------------------------


@pytest.fixture
def exchange_window(gui, qtbot, small: Small, monkeypatch):
    monkeypatch.setattr(main_window, "FEATURES", ("gridboard.ui.exchange:ExchangeFeature",))
    win = main_window.MainWindow(small.store)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.mark.parametrize("in_background", [False, True], ids=["here", "own connection"])
def test_an_import_is_one_step(
    exchange_window, qtbot, small: Small, tmp_path, monkeypatch, in_background
) -> None:
    from test_exchange_gui import office_sheet, open_dialog

    win, store = exchange_window, small.store
    monkeypatch.setattr(ask, "inform", lambda *a, **k: None)
    if in_background:  # a big step (a real ledger's import) is undone behind a progress dialog
        monkeypatch.setattr(ops, "_BIG_STEP", 0)
    path = office_sheet(tmp_path / "台账.xlsx")
    wb = __import__("openpyxl").load_workbook(path)
    wb.active["G4"] = "1950-12"
    wb.save(path)
    dialog = open_dialog(win, qtbot, path, monkeypatch)
    dialog.set_field(5, "relation")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(win.notifier.changed):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    h = small.household(1, "101")
    assert store.scalar("SELECT head_name FROM household WHERE id = ?", [h]) == "王建国"
    residents = store.query("SELECT id, uid FROM resident ORDER BY id")
    assert len(residents) == 4 and win.undo_stack.count() == 1
    assert win.undo_stack.undoText() == dialog.windowTitle()
    exact(store)
    with qtbot.waitSignal(win.notifier.changed):
        undo(win)
    assert store.scalar("SELECT count(*) FROM resident") == 0
    assert store.scalar("SELECT head_name FROM household WHERE id = ?", [h]) == ""
    assert store.scalar("SELECT priority_tier FROM household WHERE id = ?", [h]) == 0
    exact(store)
    redo(win)
    assert [tuple(r) for r in store.query("SELECT id, uid FROM resident ORDER BY id")] == [
        tuple(r) for r in residents
    ]
    assert store.scalar("SELECT priority_tier FROM household WHERE id = ?", [h]) == 2
    exact(store)


def test_a_returned_sheet_entered_is_one_step(window, qtbot, small: Small) -> None:
    from gridboard.models import pairing, sheets

    store = small.store
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=1)
    (sheet,) = sheets.record_sheets(store, [sheets.member_sheet(store, small.member)])
    store.take_changes()
    dialog = window.features.get(PrintingFeature).entry_dialog()
    qtbot.addWidget(dialog)
    dialog.open_sheet(sheet.info.sheet_no)
    dialog.model.set_value(0, 3, "1")
    dialog.model.set_value(1, 3, "2")
    visit_ids = dialog.save()
    assert len(visit_ids) == 2 and sheets.load_sheet(store, sheet.info.sheet_no).entered == 2
    assert window.undo_stack.undoText() == f"录入回收走访单 {sheet.info.sheet_no}"
    exact(store)
    undo(window)
    assert store.scalar("SELECT count(*) FROM visit") == 0
    qtbot.waitUntil(lambda: dialog.model.index(0, 3).data() in ("", None))
    assert sheets.load_sheet(store, sheet.info.sheet_no).entered == 0
    exact(store)
    redo(window)
    assert [r[0] for r in store.query("SELECT id FROM visit ORDER BY id")] == sorted(visit_ids)
    assert sheets.load_sheet(store, sheet.info.sheet_no).entered == 2
    exact(store)
