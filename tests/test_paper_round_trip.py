"""The paper round trip finished (issue 18, item 6): the entry dialog says how to enter and moves down
the column or along the row; a request written on the sheet is raised in the same save; a visit already
typed on the board for the same household, member and day is not counted twice unless it was a second
visit; paper visits without a written time say so instead of 00:00."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gridboard.models import ledger, pairing, sheets, visits
from gridboard.models.sheets import RowEntry
from gridboard.ui.printing import PrintingFeature

pytestmark = pytest.mark.gui


@pytest.fixture
def sheet(small) -> sheets.Sheet:
    for index, (household_id,) in enumerate(
        small.store.execute("SELECT id FROM household ORDER BY id").fetchall()
    ):
        ledger.update_household(
            small.store, household_id, head_name="王李张刘陈杨黄赵吴周徐孙"[index % 12] + "桂兰"
        )
    pairing.add_scope(small.store, member_id=small.member, building_id=small.building, unit=1)
    (printed,) = sheets.record_sheets(small.store, [sheets.member_sheet(small.store, small.member)])
    small.store.take_changes()
    return printed


def request_rows(store, household_id: int) -> list[tuple]:
    return store.execute(
        "SELECT category, urgency, text, source, visit_id FROM request WHERE household_id = ?", [household_id]
    ).fetchall()


def test_model_a_typed_visit_is_not_counted_twice_and_a_written_request_is_raised(small, sheet) -> None:
    store = small.store
    first, second, third = (r.household_id for r in sheet.rows[:3])
    today = date.today().isoformat()
    typed = visits.log_visit(
        store, household_id=first, member_ids=[small.member], visited_at=f"{today} 09:30:00", note="看板录入"
    )
    visits.log_visit(store, household_id=second, member_ids=[small.member], visited_at=f"{today} 09:40:00")
    assert sheets.same_day_visits(store, [first, third], today, small.member) == {
        first: [(typed, f"{today} 09:30:00", "typed")]
    }
    ids = sheets.enter_returned_sheet(
        store,
        sheet_no=sheet.info.sheet_no,
        entries=[
            RowEntry(1, "met", note="水管漏了", request_category="repairs", request_urgency="urgent"),
            RowEntry(2, "met", second_visit=True),
            RowEntry(3, "met", visited_at=date.today()),
        ],
    )
    assert ids[0] == typed, "the row is the visit typed on the board"
    assert [v.id for v in visits.household_visits(store, first)] == [typed]
    (visit,) = visits.household_visits(store, first)
    assert visit.note == "看板录入；水管漏了"
    assert len(visits.household_visits(store, second)) == 2, "a second visit, said so, counts"
    assert request_rows(store, first) == [("repairs", "urgent", "水管漏了", "visit", typed)]
    (paper,) = visits.household_visits(store, third)
    assert paper.time_written is False and paper.source == "paper"
    assert visit.time_written is True


def open_dialog(qtbot, small, sheet):
    from gridboard.ui.main_window import MainWindow

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    dialog = window.features.get(PrintingFeature).entry_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.number_edit, sheet.info.sheet_no)
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    return window, dialog


def test_entry_dialog_along_the_row_with_a_request_and_a_visit_already_typed(
    gui, qtbot, small, sheet
) -> None:
    store = small.store
    first, second, third = (r.household_id for r in sheet.rows[:3])
    today = date.today().isoformat()
    typed = visits.log_visit(
        store, household_id=second, member_ids=[small.member], visited_at=f"{today} 10:05:00"
    )
    store.take_changes()
    window, dialog = open_dialog(qtbot, small, sheet)
    assert "1见面" in dialog.how.text() and "横着录" in dialog.direction_combo.itemText(1)
    model, table = dialog.model, dialog.table
    # The visit typed on the board this morning is shown on its row.
    assert "10:05" in model.index(1, 9).data() and model.index(0, 9).data() == ""

    # Along the row: outcome, method, then the next household's outcome.
    dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData("row"))
    assert table.currentIndex().row() == 0 and table.currentIndex().column() == 3
    qtbot.keyClick(table, Qt.Key.Key_1)  # row 1 met
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 4)
    qtbot.keyClick(table, Qt.Key.Key_2)  # by phone
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 3)
    qtbot.keyClick(table, Qt.Key.Key_1)  # row 2 met (the visit already typed)
    qtbot.keyClick(table, Qt.Key.Key_1)  # in person
    qtbot.keyClick(table, Qt.Key.Key_1)  # row 3 met
    qtbot.keyClick(table, Qt.Key.Key_3)  # WeChat
    assert (model.index(0, 4).data(), model.index(2, 4).data()) == ("电话", "微信")

    # Row 1: the note written on the sheet, raised as a repairs request (category 2), urgent (2).
    table.setCurrentIndex(model.index(0, 6))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    (editor,) = table.viewport().findChildren(QLineEdit)
    editor.insert("楼道灯坏了")  # typed through an input method (keyClicks sends ASCII only)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, 6).data() == "楼道灯坏了")
    table.setCurrentIndex(model.index(0, 7))
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 8)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert (model.index(0, 7).data(), model.index(0, 8).data()) == ("维修", "紧急")
    # Row 3's time was written on the sheet.
    table.setCurrentIndex(model.index(2, 5))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "08:15")
    # Saved with Ctrl+S while still typing: the time is kept, not lost.
    save_screenshot(dialog, "sheet_entry_round_trip")
    from test_no_english import english_words, widget_texts

    assert not [(where, t) for where, t in widget_texts(dialog) if english_words(t)]
    with qtbot.waitSignal(window.notifier.changed):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "3" in dialog.status.text()

    (v1,) = visits.household_visits(store, first)
    assert (v1.method, v1.source, v1.time_written, v1.visited_at[11:16]) == ("phone", "paper", False, "00:00")
    assert request_rows(store, first) == [("repairs", "urgent", "楼道灯坏了", "visit", v1.id)]
    assert [v.id for v in visits.household_visits(store, second)] == [typed], "not counted twice"
    (v3,) = visits.household_visits(store, third)
    assert (v3.visited_at[11:16], v3.time_written, v3.method) == ("08:15", True, "wechat")

    # On the board the paper visit says the time was not written, not 00:00.
    window.navigate("household", first)
    panel = window.view("board").panel
    shown = panel.visit_list.topLevelItem(0).text(0)
    assert shown == f"{today}（时间未写）" and "00:00" not in shown


def test_a_second_visit_ticked_counts(gui, qtbot, small, sheet) -> None:
    store = small.store
    second = sheet.rows[1].household_id
    today = date.today().isoformat()
    visits.log_visit(store, household_id=second, member_ids=[small.member], visited_at=f"{today} 10:05:00")
    store.take_changes()
    window, dialog = open_dialog(qtbot, small, sheet)
    model = dialog.model
    model.set_value(1, 3, "1")
    assert model.flags(model.index(1, 9)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(1, 9), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "第二次走访" in model.index(1, 9).data()
    with qtbot.waitSignal(window.notifier.changed):
        dialog.save()
    assert len(visits.household_visits(store, second)) == 2
    assert datetime.now().date().isoformat() == today
