"""The import dialog, export and template menus, driven as a user would."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from gridboard.exchange import importer
from gridboard.ui import ask, main_window
from gridboard.ui.exchange import ExchangeFeature, ExportOptions
from gridboard.ui.exchange.dialog import ImportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def window(gui, qtbot, small, monkeypatch):
    monkeypatch.setattr(main_window, "FEATURES", ("gridboard.ui.exchange:ExchangeFeature",))
    win = main_window.MainWindow(small.store)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def said(monkeypatch):
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: messages.append((title, text)))
    monkeypatch.setattr(ask, "show_error", lambda parent, error: messages.append(("error", str(error))))
    monkeypatch.setattr(
        ask, "discard_unsaved", lambda parent, text: messages.append(("discard", text)) or True
    )
    return messages


def office_sheet(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "一网格台账"
    ws.append(["幸福社区第一网格重点人群台账"])
    ws.merge_cells("A1:I1")
    ws.append(["序号", "楼号", "单元", "房号", "户主", "身份", "出生年月", "手机号", "人员类别"])
    ws.append([1, "3号楼", "1单元", "101", "王建国", "户主", "1948年3月", 13812345678.0, "独居、慢病"])
    ws.append([2, "3号楼", "1单元", "102", "李秀英", "户主", "1950-13", "138 1234 5679", "残疾人"])
    ws.append(
        [3, "3号楼", "2单元", "601", "张伟", "户主", datetime(1980, 3, 12), "+86 139 1234 5678", "孤寡 吸毒"]
    )
    ws.append([4, "3号楼", "2单元", "502", "赵四", "户主", 21230, "0936-1234567", "低保户"])
    wb.save(path)
    return path


def open_dialog(window, qtbot, path: Path, monkeypatch) -> ImportDialog:
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: str(path))
    window.findChild(QAction, "actionImport").trigger()
    dialog = window.features.get(ExchangeFeature).dialog
    assert dialog is not None and dialog.objectName() == "importDialog"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_mapping_preview_and_import(window, qtbot, small, tmp_path, monkeypatch, said, qtmodeltester) -> None:
    threads: list[bool] = []
    real_write = importer.write_plan

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_write(*args, **kwargs)

    monkeypatch.setattr("gridboard.ui.exchange.dialog.write_plan", spy)
    dialog = open_dialog(window, qtbot, office_sheet(tmp_path / "台账.xlsx"), monkeypatch)
    assert dialog.header_row.value() == 2
    assert dialog.kind.currentData() == "ledger"
    # 户主 is recognised; 身份 (here the relation) is not the member kind it usually means: the user fixes it.
    assert dialog.mapping.cellWidget(4, 2).currentData() == "head_name"
    dialog.set_field(5, "relation")
    assert dialog.layout_now.mapping[5] == "relation"
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None
    qtmodeltester.check(dialog.problems_model)
    model = dialog.problems_model
    first = [model.data(model.index(0, c)) for c in range(6)]
    assert first[:5] == ["错误", "一网格台账", 4, "G 出生年月", "1950-13"]
    assert not dialog.apply_button.isEnabled(), "an error blocks the import"
    assert "吸毒" in dialog.summary.text()
    dialog.resize(1000, 640)
    save_screenshot(dialog, "import_mapping")
    # The office fixes the sheet, checks again, and imports.
    wb = openpyxl.load_workbook(tmp_path / "台账.xlsx")
    wb.active["G4"] = "1950-12"
    wb.save(tmp_path / "台账.xlsx")
    dialog.reject()
    dialog = open_dialog(window, qtbot, tmp_path / "台账.xlsx", monkeypatch)
    dialog.set_field(5, "relation")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.apply_button.isEnabled()
    assert (
        small.store.scalar("SELECT head_name FROM household WHERE id = ?", [small.household(1, "101")]) == ""
    )
    with qtbot.waitSignal(window.notifier.changed):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert threads == [False], "the import ran in a worker thread"
    assert said and "4" in said[-1][1]
    store = small.store
    assert (
        store.scalar("SELECT head_name FROM household WHERE id = ?", [small.household(1, "101")]) == "王建国"
    )
    assert store.scalar("SELECT count(*) FROM resident") == 4
    assert store.scalar("SELECT priority_tier FROM household WHERE id = ?", [small.household(1, "101")]) == 2
    # The same layout next time: the user's fix is remembered.
    other = office_sheet(tmp_path / "下月台账.xlsx")
    dialog = open_dialog(window, qtbot, other, monkeypatch)
    assert dialog.mapping.cellWidget(5, 2).currentData() == "relation"
    assert dialog.remembered.text()


def test_exports_and_templates_from_the_menu(window, qtbot, small, tmp_path, monkeypatch, said) -> None:
    from gridboard.models import ledger

    ledger.add_resident(
        small.store, household_id=small.household(1, "101"), name="王建国", phone="13812345678"
    )
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(target))
    monkeypatch.setattr(ExportOptions, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.findChild(QAction, "actionExport_ledger").trigger()
    rows = list(openpyxl.load_workbook(target).active.iter_rows(min_row=2, values_only=True))
    assert ("王建国", "138****5678") in {(r[11], r[14]) for r in rows}
    for kind in ("visits", "requests", "coverage"):
        target.unlink()
        window.findChild(QAction, f"actionExport_{kind}").trigger()
        assert target.exists(), kind
    target.unlink()
    window.findChild(QAction, "actionTemplate_members").trigger()
    assert openpyxl.load_workbook(target).sheetnames == ["党员名册", "填写说明"]
    assert said == []


def ledger_needing_help(path: Path) -> Path:
    """A roster with a word gridboard does not know, a date that does not exist and a row to leave out."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "一网格"
    ws.append(["幸福社区第一网格居民花名册"])
    ws.merge_cells("A1:H1")
    ws.append(["序号", "户号", "家庭住址", "姓名", "与户主关系", "出生日期", "联系电话", "人员类别"])
    ws.append([1, "H001", "幸福小区3-1-101", "王建国", "户主", "1948-03-02", "13812345678（本人）", "失独"])
    ws.append([2, None, None, "李秀英", "配偶", "1950-02-30", "", "慢性病"])
    ws.append([3, "H002", "幸福小区3-1-102", "张伟", "户主", "1980-03-12", "", ""])
    ws.append([4, "H009", None, "赵四", "子", "2001-05-01", "", ""])
    ws.append(["合计", None, None, "4人"])
    wb.save(path)
    return path


def test_the_office_finishes_the_import_in_the_dialog(
    window, qtbot, small, tmp_path, monkeypatch, said
) -> None:
    dialog = open_dialog(window, qtbot, ledger_needing_help(tmp_path / "花名册.xlsx"), monkeypatch)
    assert dialog.kind.currentData() == "ledger"
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    report = dialog.report
    assert report is not None and report.blocked
    errors = {(x.row, x.column.split()[0]) for x in report.errors}
    assert errors == {(4, "F"), (6, "B")}, "the impossible date and the 户号 pointing nowhere"
    assert not dialog.apply_button.isEnabled()
    assert dialog.words.isVisible() and dialog.words.item(0, 0).text() == "失独"
    save_screenshot(dialog, "import_problems")

    def select(row: int) -> None:
        model = dialog.problems_model
        index = next(i for i, x in enumerate(model.problems) if x.row == row and x.severity == "error")
        dialog.problems.setCurrentIndex(model.index(index, 0))

    # The date is typed again in the dialog; the row whose 户号 points nowhere is left out.
    select(4)
    assert dialog.fix_value.text() == "1950-02-30"
    dialog.fix_value.clear()
    qtbot.keyClicks(dialog.fix_value, "1950-02-28")
    qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert {x.row for x in dialog.report.errors} == {6}
    select(6)
    qtbot.mouseClick(dialog.leave_out_button, Qt.MouseButton.LeftButton)
    assert not dialog.report.blocked and dialog.apply_button.isEnabled()
    # The unknown word is mapped to a tag; the plan follows.
    dialog.map_word("tag", "失独", "empty_nest")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert not dialog.report.unknown
    store = small.store
    with qtbot.waitSignal(window.notifier.changed):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert dialog.result_report is not None and dialog.result_report.applied
    wang = store.one(
        "SELECT r.birth_year, r.phone, r.phone_note, h.register_no, b.estate FROM resident r"
        " JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id WHERE r.name = '王建国'"
    )
    assert tuple(wang) == (1948, "13812345678", "本人", "H001", "幸福小区")
    assert store.scalar("SELECT birth_year FROM resident WHERE name = '李秀英'") == 1950
    assert store.scalar("SELECT count(*) FROM resident WHERE name IN ('赵四', '4人')") == 0
    tags = store.scalar(
        "SELECT group_concat(t.code) FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id"
        " JOIN resident r ON r.id = rt.resident_id WHERE r.name = '王建国'"
    )
    assert tags == "empty_nest"
    # The left-out row goes to a workbook the office can fix and bring back.
    target = tmp_path / "未导入.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(target))
    qtbot.mouseClick(dialog.save_left_out_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(target)["一网格"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "户号", "家庭住址") and rows[1][3] == "赵四" and "H009" in rows[1][-1]
    # The word's mapping is remembered for the next file.
    again = open_dialog(window, qtbot, ledger_needing_help(tmp_path / "下月.xlsx"), monkeypatch)
    qtbot.mouseClick(again.check_button, Qt.MouseButton.LeftButton)
    assert not again.report.unknown
