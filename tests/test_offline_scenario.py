"""A whole working day with the network gone: open a file, import the office's ledger, log visits,
print visit sheets, run an emergency (roll call, door-knocking lists) and write its report.

Every way of making a socket raises; the test also checks nothing tried and no Qt network module
was loaded. Covered steps: open (new file + window), import (the File → Import dialog of
gridboard.ui.exchange, and gridboard.exchange's importer), visits, print (gridboard.printing grid
visit sheets), emergency (declare, roll call by keyboard, door-knocking lists, instruction,
delivery), end and report (PDF + xlsx).
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from gridboard.models import emergency as em
from gridboard.models import visits
from gridboard.models.opening import open_store
from gridboard.ui import ask, main_window
from gridboard.ui.emergency import EmergencyFeature
from gridboard.ui.exchange import ExchangeFeature

pytestmark = pytest.mark.gui

LEDGER_HEADERS = (
    "社区", "网格", "楼栋", "单元", "门牌号", "户主姓名", "人口数", "居住状态", "姓名", "与户主关系",
    "性别", "出生年月", "联系电话", "身份证号", "人员类别", "备注",
)  # fmt: skip
PEOPLE = (
    ("第一网格", "3号楼", 1, "101", "王秀英", "独居老人"),
    ("第一网格", "3号楼", 1, "102", "李桂兰", "高龄老人、慢性病"),
    ("第一网格", "3号楼", 2, "201", "张建国", ""),
    ("第一网格", "3号楼", 2, "202", "赵淑珍", "残疾"),
    ("第二网格", "5号楼", 1, "301", "陈大爷", "空巢老人"),
    ("第二网格", "5号楼", 1, "302", "刘小宝", "留守儿童"),
    ("第二网格", "5号楼", 1, "401", "孙立", ""),
)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to make a socket or resolve a name fails, and is remembered."""
    attempts: list[str] = []

    def refuse(name: str):
        def raise_(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network disabled in this test ({name})")

        return raise_

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs) -> None:
            attempts.append("socket")
            raise OSError("network disabled in this test (socket)")

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    attempts.clear()
    return attempts


def write_ledger(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "居民台账"
    sheet.append(LEDGER_HEADERS)
    for n, (grid, building, unit, room, name, tags) in enumerate(PEOPLE):
        sheet.append(
            ["幸福社区", grid, building, unit, room, name, 1, "自住", name, "户主", "女", "1945-03",
             f"1381234{n:04d}", "", tags, ""]
        )  # fmt: skip
    members = book.create_sheet("党员名册")
    members.append(("社区", "网格", "党员姓名", "党员类别", "所在支部", "工作单位", "联系电话", "联系户"))
    members.append(
        (
            "幸福社区",
            "第一网格",
            "李明",
            "在职党员",
            "第一网格党支部",
            "市税务局",
            "13912345678",
            "3-1-101、3-1-102、3-2-202",
        )
    )
    members.append(
        ("幸福社区", "第二网格", "周红", "社区党员", "第二网格党支部", "", "13900001111", "5-1-301、5-1-302")
    )
    book.save(path)
    return path


def test_a_whole_day_offline(gui, qtbot, tmp_path, monkeypatch, no_network) -> None:
    from gridboard.exchange.importer import apply_import, detect_layouts, preview
    from gridboard.exchange.reader import read_book

    # Open: a new community file, in the window.
    path = tmp_path / "幸福社区.gridboard"
    store = open_store(path, create=True, operator="值班员")
    win = main_window.MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)

    # Import the office's Excel ledger through the import dialog (check, then import in a worker),
    # then the whole workbook (ledger again, matched not duplicated, and members) through the API.
    ledger_path = write_ledger(tmp_path / "台账.xlsx")
    said: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(ask, "show_error", lambda parent, error: said.append(f"error: {error}"))
    exchange = win.features.get(ExchangeFeature)
    only_ledger = tmp_path / "居民台账.xlsx"
    book = load_workbook(ledger_path)
    del book["党员名册"]
    book.save(only_ledger)
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: str(only_ledger))
    exchange.import_action.trigger()
    dialog = exchange.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.apply_button.isEnabled(), said
    with qtbot.waitSignal(win.notifier.changed, timeout=20000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert store.scalar("SELECT count(*) FROM household") == len(PEOPLE)
    book = read_book(ledger_path)
    layouts = detect_layouts(store, book)
    assert not preview(store, book, layouts).errors
    apply_import(store, book, layouts)
    win.notifier.refresh_all()
    households = {r["head_name"]: r["id"] for r in store.query("SELECT id, head_name FROM household")}
    assert set(households) >= {p[4] for p in PEOPLE}
    assert store.scalar("SELECT count(*) FROM household") == len(PEOPLE)  # the re-import matched, no copies
    priority = store.scalar("SELECT count(*) FROM household WHERE priority_tier > 0")
    assert priority == 5

    # Log visits.
    member = store.scalar("SELECT id FROM member WHERE name = '李明'")
    win.notifier.perform(visits.log_visit, household_id=households["王秀英"], member_ids=[member])
    win.notifier.perform(
        visits.log_visit, household_id=households["张建国"], member_ids=[member], outcome="nobody_home"
    )

    # Print the grid's visit sheets.
    from gridboard.printing.documents import grid_sheets_document
    from gridboard.printing.layout import render_pdf

    grid = store.scalar("SELECT id FROM grid WHERE name = '第一网格'")
    sheets = tmp_path / "走访单.pdf"
    assert render_pdf(grid_sheets_document(store, grid), sheets) >= 1

    # An emergency declared through the menu.
    win.findChild(object, "actionDeclareEmergency").trigger()
    dialog = win.features.get(EmergencyFeature).dialog
    dialog.name_edit.setText("暴雪应急响应")
    ok = dialog.findChild(QDialogButtonBox, "declareButtons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert win.findChild(object, "emergencyBanner").isVisible()

    # Roll call by keyboard: every priority household, all safe but the last.
    view = win.show_view("rollcall")
    assert len(view.model.rows) == priority
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    for _ in range(priority - 1):
        qtbot.keyClick(view.table, Qt.Key.Key_1)
    qtbot.keyClick(view.table, Qt.Key.Key_3)
    counts = em.rollcall_counts(store, em.active_emergency(store).id)
    assert (counts["reached_safe"], counts["unreachable"]) == (priority - 1, 1)

    # Door-knocking lists, an instruction and a delivery.
    outputs = iter([tmp_path / "敲门清单.pdf", tmp_path / "指令.pdf", tmp_path / "报告.pdf"])
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(next(outputs)))
    monkeypatch.setattr(ask, "confirm", lambda *a, **k: True)
    win.findChild(object, "actionPrintDoorknock").trigger()
    assert (tmp_path / "敲门清单.pdf").exists()
    current = em.active_emergency(store)
    instruction = win.notifier.perform(em.issue_instruction, emergency_id=current.id, text="清点独居老人用药")
    assert win.features.get(EmergencyFeature).print_instruction(instruction) is not None
    win.notifier.perform(em.record_delivery, grid_id=grid, item="饮用水", quantity=10, unit="桶")

    # End the emergency and write the report.
    win.findChild(object, "actionEndEmergency").trigger()
    assert em.active_emergency(store) is None
    assert (tmp_path / "报告.pdf").exists() and (tmp_path / "报告.xlsx").exists()

    win.close()
    store.close()
    assert no_network == [], f"something tried the network: {no_network}"
    assert "PySide6.QtNetwork" not in sys.modules


def test_no_module_imports_a_network_library() -> None:
    """gridboard opens no network connection in any mode: no source file even imports one."""
    import re

    banned = re.compile(
        r"^\s*(?:import|from)\s+(socket|ssl|urllib\.request|http\.client|ftplib|smtplib|requests|httpx"
        r"|PySide6\.QtNetwork|PySide6\.QtWebEngine\w*|PySide6\.QtWebSockets)\b"
        r"|^\s*from\s+PySide6\s+import\s+.*\b(QtNetwork|QtWebSockets|QtWebEngine\w*)\b",
        re.MULTILINE,
    )
    root = Path(__file__).resolve().parent.parent / "gridboard"
    found = [
        f"{source.relative_to(root)}: {match.group(0).strip()}"
        for source in root.rglob("*.py")
        for match in banned.finditer(source.read_text(encoding="utf-8"))
    ]
    assert found == []
