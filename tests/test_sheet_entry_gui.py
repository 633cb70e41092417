"""Entering a returned sheet by keyboard: the visits appear on the building map, and a second entry
of the same rows is refused."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from gridboard.models import ledger, pairing, sheets, visits
from gridboard.models.errors import KnownError
from gridboard.models.opening import open_store
from gridboard.ui import labels
from gridboard.ui.printing import PrintingFeature

pytestmark = pytest.mark.gui


@pytest.fixture
def window(gui, qtbot, small):
    from gridboard.ui.main_window import MainWindow

    store = small.store
    for index, (household_id,) in enumerate(store.execute("SELECT id FROM household ORDER BY id").fetchall()):
        ledger.update_household(
            store, household_id, head_name="王李张刘陈杨黄赵吴周徐孙"[index % 12] + "桂兰"
        )
    store.take_changes()
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def host(gui, qtbot, small):
    """What the entry dialog needs of a main window (its file and notifier), without the features."""
    from PySide6.QtWidgets import QWidget

    from gridboard.ui.notifier import Notifier

    widget = QWidget()
    widget.store = small.store
    widget.notifier = Notifier(small.store, widget)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def sheet(small) -> sheets.Sheet:
    pairing.add_scope(small.store, member_id=small.member, building_id=small.building, unit=1)
    (printed,) = sheets.record_sheets(small.store, [sheets.member_sheet(small.store, small.member)])
    return printed


def status_on_map(window, household_id: int) -> str:
    """What the building map shows for a household."""
    cell = window.view("board").floor_map.cell(household_id)
    assert cell is not None, "the household's building is not on the map"
    return cell.status


def test_enter_a_returned_sheet_by_keyboard(qtbot, small, sheet, window, monkeypatch) -> None:
    window.navigate("building", small.building)
    first, second, third = (r.household_id for r in sheet.rows[:3])
    assert status_on_map(window, first) == "never_visited"

    # A second dialog, opened on the same sheet before the first one saves (a colleague, or a
    # forgotten window), will try to enter the same row later.
    stale = window.features.get(PrintingFeature).entry_dialog()
    qtbot.addWidget(stale)

    window.findChild(QAction, "actionEnterReturnedSheet").trigger()
    dialog = next(d for d in window.findChildren(type(stale)) if d is not stale)
    qtbot.addWidget(dialog)
    # Typed (or scanned) with full-width digits, as a Chinese input method may send them.
    qtbot.keyClicks(dialog.number_edit, sheet.info.sheet_no[:6])
    dialog.number_edit.insert(
        "－" + sheet.info.sheet_no[7:].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    )
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == len(sheet.rows) == 12
    assert dialog.model.index(0, 1).data() == sheet.rows[0].address
    assert "张三" in dialog.info.text()
    assert dialog.member_combo.currentData() == small.member

    table = dialog.table
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_1)  # row 1: met
    qtbot.keyClick(table, Qt.Key.Key_2)  # row 2: nobody home
    qtbot.keyClick(table, Qt.Key.Key_1)  # row 3: met…
    table.setCurrentIndex(dialog.model.index(2, 4))
    qtbot.keyClick(table, Qt.Key.Key_2)  # …by phone
    table.setCurrentIndex(dialog.model.index(0, 6))
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the note of row 1
    (editor,) = table.viewport().findChildren(QLineEdit)
    qtbot.keyClicks(editor, "ok")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits it on its next turn
    qtbot.waitUntil(lambda: dialog.model.index(0, 6).data() == "ok")
    assert dialog.model.index(0, 3).data() == "见面"
    assert dialog.model.index(1, 3).data() == "无人在家"
    assert dialog.model.index(2, 4).data() == "电话"
    save_screenshot(dialog, "sheet_entry")

    stale.open_sheet(sheet.info.sheet_no)
    stale.model.set_value(0, 3, "1")
    stale.model.set_value(3, 3, "2")

    with qtbot.waitSignal(window.notifier.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "3" in dialog.status.text()

    # The map shows the visits: met households are visited within their cycle; nobody home is not.
    assert status_on_map(window, first) == "ok"
    assert status_on_map(window, second) == "never_visited"
    assert status_on_map(window, third) == "ok"
    (visit,) = visits.household_visits(small.store, first)
    assert (visit.source, visit.sheet_no, visit.member_ids, visit.note) == (
        "paper",
        sheet.info.sheet_no,
        (small.member,),
        "ok",
    )
    assert visits.household_visits(small.store, third)[0].method == "phone"

    # Entered rows are grey and take no more keys.
    assert dialog.model.index(0, 3).data() == "已录入：见面"
    assert not dialog.model.flags(dialog.model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable
    table.setCurrentIndex(dialog.model.index(0, 3))
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert dialog.model.entries(dialog.date_edit.date().toPython()) == []
    save_screenshot(dialog, "sheet_entry_saved")

    # The other dialog had row 1 typed too: it saw the save and dropped it, showing the row as entered.
    assert stale.model.index(0, 3).data() == "已录入：见面"
    assert [e.position for e in stale.model.entries(date.today())] == [4]

    # Row 4 is meanwhile entered by another program on the same file; the other dialog's save is then
    # refused as a whole, and it shows row 4 as entered.
    other = open_store(small.store.path, operator="colleague")
    sheets.enter_returned_sheet(other, sheet_no=sheet.info.sheet_no, entries=[sheets.RowEntry(4, "met")])
    other.close()
    shown = []
    monkeypatch.setattr("gridboard.ui.ask.show_error", lambda parent, error: shown.append(error))
    count = small.store.scalar("SELECT count(*) FROM visit")
    assert stale.save() is None
    assert len(shown) == 1 and isinstance(shown[0], KnownError)
    assert "已经录入" in labels.error_text(shown[0])
    assert small.store.scalar("SELECT count(*) FROM visit") == count
    assert stale.model.index(3, 3).data() == "已录入：见面"
    assert stale.model.entries(date.today()) == []


def test_unknown_number_and_nothing_to_save(qtbot, host, sheet) -> None:
    from gridboard.ui.printing import SheetEntryDialog

    dialog = SheetEntryDialog(host)
    qtbot.addWidget(dialog)
    assert not dialog.open_sheet("000000-999")
    assert "000000-999" in dialog.info.text() and not dialog.save_button.isEnabled()
    assert dialog.open_sheet(sheet.info.sheet_no)
    assert dialog.save() is None
    assert dialog.status.text()


def test_entry_model(qtmodeltester, qtbot, host, sheet) -> None:
    from gridboard.ui.printing.entry import SheetEntryModel

    model = SheetEntryModel()
    model.set_rows(list(sheet.rows))
    assert model.set_value(0, 3, "nobody_home")
    assert model.set_value(1, 5, "2026-01-02")
    assert not model.set_value(1, 5, "tomorrow")
    assert not model.set_value(1, 3, "maybe")
    qtmodeltester.check(model)
