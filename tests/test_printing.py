"""Printouts rendered to PDF and read back with pdftotext: right households in walking order, masked
phones, page x of y, rows never split across pages; the command line; the print dialog."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gridboard.models import ledger, pairing, requests, sheets, teams, visits
from gridboard.models.errors import Cancelled
from gridboard.models.masking import mask_phone

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing"),
]

ARTIFACTS = Path(__file__).parent / "artifacts"


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def pdf_png(path: Path, name: str, *, first: int = 1, last: int = 1) -> Path:
    """Page images for looking at (tests/artifacts/NAME-N.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(first), "-l", str(last), str(path), str(ARTIFACTS / name)],
        check=True,
    )
    return ARTIFACTS / f"{name}-{first}.png"


def page_of(pages: list[str], text: str) -> int:
    found = [i for i, page in enumerate(pages) if text in page]
    assert len(found) == 1, f"{text!r} on pages {found}"
    return found[0]


@pytest.fixture
def ledger_(small):
    """The small community with names, phones, tags, a last visit and an open request."""
    store = small.store
    surnames = "王李张刘陈杨黄赵吴周徐孙"
    for index, (household_id,) in enumerate(store.execute("SELECT id FROM household ORDER BY id").fetchall()):
        ledger.update_household(
            store, household_id, head_name=f"{surnames[index % 12]}桂兰", phone=f"1381234{index:04d}"
        )
    h = small.household(1, "502")
    ledger.add_resident(store, household_id=h, name="李桂兰", tags=["living_alone", "chronic"])
    visits.log_visit(store, household_id=h, visited_at="2026-01-05 10:00:00", outcome="nobody_home")
    requests.raise_request(store, household_id=h, category="repairs", text="水管漏水")
    pairing.add_scope(store, member_id=small.member, building_id=small.building)
    worker = ledger.add_member(
        store, community_id=small.community, name="王网格", kind="grid_worker", phone="13900001111"
    )
    teams.assign_role(store, grid_id=small.grid, role="grid_worker", member_id=worker)
    store.take_changes()
    return small


def test_member_sheet_walks_in_order_masks_phones_and_numbers_pages(gui, ledger_, tmp_path) -> None:
    from gridboard.printing import documents, layout

    store = ledger_.store
    document = documents.member_sheet_document(
        store, ledger_.member, documents.SheetOptions(floor_order="top")
    )
    path = tmp_path / "member.pdf"
    count = layout.render_pdf(document, path)
    pages = pdf_pages(path)
    assert len(pages) == count >= 2
    number = document.sections[0].qr
    assert re.fullmatch(r"\d{6}-\d{3}", number)
    for index, page in enumerate(pages, start=1):
        assert f"第 {index} 页，共 {count} 页" in page
        assert number in page  # every loose page carries its sheet number
    text = "\n".join(pages)
    assert "幸福社区" in text and "第一网格" in text and "张三" in text and "入户走访记录单" in text

    rows = sheets.member_households(store, ledger_.member, floor_order="top")
    positions = [text.index(f"{r.address} ") for r in rows]
    assert positions == sorted(positions), "households out of walking order"
    assert rows[0].address == "3号楼1单元601"
    assert "13812340000" not in text and "138****0000" in text
    for r in rows:  # a row's number, address, head and phone stay on one page
        page = page_of(pages, f"{r.address} ")
        assert mask_phone(r.phone) in pages[page]
        assert re.search(rf"^\s*{r.position}\s+{re.escape(r.address)}", pages[page], re.MULTILINE)
    lonely = next(r for r in rows if r.tags)
    lonely_page = pages[page_of(pages, f"{lonely.address} ")]
    assert "独居老人" in lonely_page and "慢性" in lonely_page
    assert "2026-01-05" in lonely_page and "无人在家" in lonely_page and "维修" in lonely_page
    pdf_png(path, "print-member-sheet")


def test_unmasked_phones_when_the_operator_asks(gui, ledger_, tmp_path) -> None:
    from gridboard.printing import documents, layout

    document = documents.member_sheet_document(
        ledger_.store, ledger_.member, documents.SheetOptions(mask_phones=False), record=False
    )
    layout.render_pdf(document, tmp_path / "open.pdf")
    text = "".join(pdf_pages(tmp_path / "open.pdf"))
    assert "13812340000" in text and "****" not in text
    assert ledger_.store.scalar("SELECT count(*) FROM printed_sheet") == 0


def test_no_row_is_split_across_pages(gui, tmp_path) -> None:
    from gridboard.printing.layout import Column, Document, Heading, Section, Table, render_pdf

    # Rows of different heights whose last cell wraps over several lines.
    rows = [[f"A{i:03d}", "李桂兰", " ".join(["情况说明"] * (1 + i % 7)) + f" Z{i:03d}"] for i in range(120)]
    table = Table([Column("地址", 1), Column("户主", 1), Column("情况", 1.2)], rows, size=10)
    document = Document("rows", [Section([Heading("分页测试"), table], running_head="测试")])
    count = render_pdf(document, tmp_path / "rows.pdf")
    pages = pdf_pages(tmp_path / "rows.pdf")
    assert count == len(pages) > 3
    seen = []
    for i in range(120):
        start, end = page_of(pages, f"A{i:03d}"), page_of(pages, f"Z{i:03d}")
        assert start == end, f"row {i} split over pages {start + 1} and {end + 1}"
        seen.append(start)
    assert seen == sorted(seen)
    for page in pages[1:]:
        assert "户主" in page  # the table header repeats on every page


def test_building_list_floor_by_floor(gui, ledger_, tmp_path) -> None:
    from gridboard.printing import documents, layout

    store = ledger_.store
    ledger.update_household(store, ledger_.household(2, "602"), occupancy="vacant")
    document = documents.building_list_document(store, ledger_.building)
    layout.render_pdf(document, tmp_path / "building.pdf")
    pages = pdf_pages(tmp_path / "building.pdf")
    text = "\n".join(pages)
    assert "楼栋敲门走访清单" in text and "楼栋：3号楼" in text
    addresses = [f"3号楼{u}单元{f}0{r}" for u in (1, 2) for f in range(6, 0, -1) for r in (1, 2)]
    positions = [text.index(a) for a in addresses]
    assert positions == sorted(positions)
    assert "(空置)" in pages[page_of(pages, "3号楼2单元602")]
    pdf_png(tmp_path / "building.pdf", "print-building-list")


def test_grid_sheets_one_numbered_section_per_member(gui, ledger_, tmp_path) -> None:
    from gridboard.printing import documents, layout

    store = ledger_.store
    other = ledger.add_member(store, community_id=ledger_.community, name="阿福", kind="volunteer")
    pairing.end_scope(store, store.scalar("SELECT id FROM scope"))
    pairing.add_scope(store, member_id=ledger_.member, building_id=ledger_.building, unit=1)
    pairing.add_scope(store, member_id=other, building_id=ledger_.building, unit=2)
    document = documents.grid_sheets_document(store, ledger_.grid, by="member")
    assert [s.qr for s in document.sections] == [
        r[0] for r in store.execute("SELECT sheet_no FROM printed_sheet ORDER BY id")
    ]
    count = layout.render_pdf(document, tmp_path / "grid.pdf")
    pages = pdf_pages(tmp_path / "grid.pdf")
    first, second = (s.qr for s in document.sections)
    on_first = [i for i, p in enumerate(pages) if first in p]
    on_second = [i for i, p in enumerate(pages) if second in p]
    assert on_first and on_second and max(on_first) < min(on_second)  # sections never share a page
    assert on_first + on_second == list(range(count))
    assert "阿福" in pages[on_first[0]] and "3号楼2单元101" in pages[on_first[0]]
    assert "张三" in pages[on_second[0]] and "3号楼1单元101" in pages[on_second[0]]
    assert f"本单第 1/{len(on_first)} 页" in pages[on_first[0]]


def test_contact_table_in_large_type(gui, ledger_, tmp_path) -> None:
    from gridboard.printing import documents, layout

    document = documents.contact_table_document(ledger_.store, ledger_.building)
    assert layout.render_pdf(document, tmp_path / "contact.pdf") == 2  # a page per unit
    pages = pdf_pages(tmp_path / "contact.pdf")
    assert "对接服务联系表" in pages[0] and "3号楼1单元" in pages[0].replace(" ", "")
    for page in pages:
        assert "王网格" in page and "13900001111" in page  # members' own numbers are posted in full
        assert "张三" in page
        assert "0936-12345" in page and "12345" in page
    pdf_png(tmp_path / "contact.pdf", "print-contact-table")


def test_todays_requests_list(gui, ledger_, tmp_path) -> None:
    from gridboard.printing import documents, layout

    store = ledger_.store
    requests.raise_request(
        store, household_id=ledger_.household(2, "301"), category="medicine", text="代买降压药"
    )
    layout.render_pdf(documents.todays_requests_document(store), tmp_path / "requests.pdf")
    text = "\n".join(pdf_pages(tmp_path / "requests.pdf"))
    assert "代买降压药" in text and "买药就医" in text and "水管漏水" in text
    pdf_png(tmp_path / "requests.pdf", "print-requests-list")


def test_cancelled_render_leaves_no_file(gui, ledger_, tmp_path) -> None:
    from gridboard.printing import documents, layout

    document = documents.building_list_document(ledger_.store, ledger_.building, record=False)

    def progress(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        layout.render_pdf(document, tmp_path / "gone.pdf", progress)
    assert not (tmp_path / "gone.pdf").exists()


def test_command_line_prints_and_records(gui, ledger_, tmp_path, capsys) -> None:
    from gridboard.commands import print as command

    parser = argparse.ArgumentParser()
    command.register(parser.add_subparsers(dest="command"))
    path = str(ledger_.store.path)
    out = tmp_path / "cli.pdf"
    args = parser.parse_args(
        ["print", "member-sheet", path, "--member", "张三", "--order", "top", "--out", str(out)]
    )
    assert args.func(args) == 0
    number = ledger_.store.scalar("SELECT sheet_no FROM printed_sheet")
    assert f"sheets {number}" in capsys.readouterr().out
    assert "3号楼1单元601" in pdf_pages(out)[0]
    for argv in (
        ["print", "building-list", "--db", path, "--building", "3号楼", "--out", str(out)],
        [
            "print",
            "grid-sheets",
            path,
            "--grid",
            "第一网格",
            "--by",
            "building",
            "--no-record",
            "--out",
            str(out),
        ],
        [
            "print",
            "contact-table",
            path,
            "--building",
            str(ledger_.building),
            "--unit",
            "2",
            "--out",
            str(out),
        ],
        ["print", "requests-list", path, "--out", str(out)],
    ):
        args = parser.parse_args(argv)
        assert args.func(args) == 0
        assert pdf_pages(out)
    assert ledger_.store.scalar("SELECT count(*) FROM printed_sheet") == 2


def test_print_dialog_saves_a_pdf_in_the_background(gui, qtbot, ledger_, tmp_path, monkeypatch) -> None:
    from conftest import save_screenshot
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog

    from gridboard.ui.main_window import MainWindow

    window = MainWindow(ledger_.store)
    qtbot.addWidget(window)
    # The building map's menu offers this building's list and this unit's contact table.
    window.navigate("building", ledger_.building)
    menu = window.view("board")._map_menu(None, [ledger_.household(2, "301")])
    menu.findChild(QAction, "menuPrintContactTable").trigger()
    contact = window.findChild(QDialog, "printDialog")
    assert contact.kind() == "contact" and contact.choices()["building_id"] == ledger_.building
    assert contact.choices()["unit"] == 2
    contact.close()
    contact.deleteLater()
    menu.deleteLater()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "printDialog") is None)

    window.findChild(QAction, "actionPrintGridSheets").trigger()
    dialog = window.findChild(QDialog, "printDialog")
    assert dialog.kind() == "grid"
    dialog.grid_combo.setCurrentIndex(dialog.grid_combo.findData(ledger_.grid))
    dialog.by_combo.setCurrentIndex(dialog.by_combo.findData("building"))
    qtbot.mouseClick(dialog.mask_check, Qt.MouseButton.LeftButton, pos=dialog.mask_check.rect().center())
    assert not dialog.mask_check.isChecked()
    save_screenshot(dialog, "print_dialog")
    out = tmp_path / "dialog.pdf"
    monkeypatch.setattr("gridboard.ui.ask.save_file", lambda *a, **k: str(out))
    monkeypatch.setattr("gridboard.ui.ask.text", lambda *a, **k: "核对电话")  # why in full (asked once)
    with qtbot.waitSignal(window.notifier.changed):
        pages = dialog.save_pdf()
    assert pages and out.exists()
    text = "".join(pdf_pages(out))
    assert "13812340000" in text  # the operator chose full numbers for this print
    revealed = ledger_.store.one("SELECT operator, new FROM audit_log WHERE action = 'reveal'")
    assert "核对电话" in revealed["new"] and "print grid" in revealed["new"]
    dialog.mask_check.setChecked(True)
    assert dialog.last_document.sections[0].qr in dialog.status.text()

    # Cancelled while rendering: no file, and the sheet numbers are given back.
    def cancelled(document, path, progress=None):
        progress(1, 10)
        raise Cancelled()

    monkeypatch.setattr("gridboard.printing.layout.render_pdf", cancelled)
    before = ledger_.store.scalar("SELECT count(*) FROM printed_sheet")
    assert dialog.save_pdf(str(tmp_path / "cancelled.pdf")) is None
    assert "取消" in dialog.status.text()
    assert ledger_.store.scalar("SELECT count(*) FROM printed_sheet") == before
    monkeypatch.undo()

    # A preview closed without printing gives its sheet number back; a printed one keeps it.
    dialog.set_kind("member", ledger_.member)
    monkeypatch.setattr(type(dialog), "show_preview", lambda self, make: (make(lambda: None), False))
    before = ledger_.store.scalar("SELECT count(*) FROM printed_sheet")
    assert not dialog.preview()
    assert ledger_.store.scalar("SELECT count(*) FROM printed_sheet") == before
    monkeypatch.setattr(type(dialog), "show_preview", lambda self, make: (make(lambda: None), True))
    assert dialog.preview()
    assert ledger_.store.scalar("SELECT count(*) FROM printed_sheet") == before + 1


def test_print_preview_paints_the_document(gui, qtbot, ledger_) -> None:
    from conftest import save_screenshot
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from gridboard.printing import documents, layout

    document = documents.member_sheet_document(ledger_.store, ledger_.member, record=False)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    layout.configure(printer, document)
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    painted = []
    preview.paintRequested.connect(lambda p: painted.append(layout.render(document, p)))
    preview.resize(1100, 800)
    preview.show()
    qtbot.waitUntil(lambda: bool(painted))
    assert painted[0] >= 2
    save_screenshot(preview, "print_preview")


def test_grid_sheets_start_with_the_roster_during_an_emergency(gui, ledger_, tmp_path) -> None:
    from gridboard.models import emergency
    from gridboard.printing import documents, layout
    from gridboard.ui.printing.dialog import build_document

    store = ledger_.store
    choices = {"kind": "grid", "grid_id": ledger_.grid, "by": "building", "options": documents.SheetOptions()}
    plain = tmp_path / "plain.pdf"
    layout.render_pdf(build_document(store, choices), plain)
    assert "战时编组名单" not in "\n".join(pdf_pages(plain))

    crisis = emergency.declare_emergency(store, name="暴雪", community_id=ledger_.community)
    emergency.add_to_roster(
        store, emergency_id=crisis, grid_id=ledger_.grid, member_id=ledger_.member, role="temp_secretary"
    )
    during = tmp_path / "during.pdf"
    layout.render_pdf(build_document(store, choices), during)
    pages = pdf_pages(during)
    assert "战时编组名单" in pages[0] and "张三" in pages[0]
    assert "战时编组名单" not in "\n".join(pages[1:])
