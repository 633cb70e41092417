"""The dashboard screen: it refreshes by itself after a visit, bars and rows open the board, charts and the
PDF report are written, and the community demo looks right (tests/artifacts/dashboard_community.png)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt

from gridboard.models import ledger, pairing, visits
from gridboard.models.opening import open_store
from gridboard.ui import ask
from gridboard.ui.dashboard.report import OVERDUE_ROWS, write_report
from gridboard.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
WAIT = 60_000


def days_ago(n: int) -> str:
    return f"{(date.today() - timedelta(days=n)).isoformat()} 10:00:00"


def open_dashboard(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1400, 1000)
    window.show()
    view = window.show_view("dashboard")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT)
    return window, view


@pytest.fixture
def setup(gui, qtbot, small):
    store = small.store
    ledger.add_resident(store, household_id=small.household(1, "101"), name="李秀英", tags=["living_alone"])
    ledger.update_household(store, small.household(1, "101"), head_name="李秀英")
    ledger.add_resident(store, household_id=small.household(1, "102"), name="王伯", tags=["veteran"])
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=1)
    visits.log_visit(store, household_id=small.household(1, "201"), visited_at=days_ago(3))
    store.take_changes()
    window, view = open_dashboard(qtbot, store)
    return small, window, view


def test_a_logged_visit_moves_the_tiles_and_the_grid_bar(setup, qtbot) -> None:
    small, window, view = setup
    assert view.tiles["households"].value.text() == "24"
    assert view.tiles["visited"].value.text() == "4.2%"  # 1 of 24
    assert view.tiles["priority_overdue"].value.text() == "2"
    assert view.grid_chart.values == [pytest.approx(100 / 24)]
    window.notifier.perform(
        visits.log_visit,
        household_id=small.household(1, "101"),
        member_ids=[small.member],
        visited_at=days_ago(0),
    )
    qtbot.waitUntil(lambda: view.tiles["visited"].value.text() == "8.3%", timeout=WAIT)
    assert view.tiles["priority_overdue"].value.text() == "1"
    assert view.grid_chart.values == [pytest.approx(200 / 24)]
    assert view.overdue_model.rowCount() == 1


def test_clicking_a_bar_opens_the_grid_on_the_board(setup, qtbot) -> None:
    small, window, view = setup
    opened: list[int] = []
    board_grid = window.navigators["grid"]  # the board's navigator
    window.navigators["grid"] = lambda grid_id: (opened.append(grid_id), board_grid(grid_id))
    chart = view.grid_chart
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_center(0))
    assert opened == [small.grid]
    assert window.current_view_key() == "board"
    assert window.view("board").grid_id == small.grid


def test_overdue_table_sorts_and_opens_the_household(setup, qtbot, qtmodeltester) -> None:
    _, window, view = setup
    model = view.overdue_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "从未走访"  # never visited comes first (Chinese UI)
    opened: list[int] = []
    window.navigators["household"] = opened.append
    table = view.overdue_view
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 1))
    first = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert first == sorted(first)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 1))
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == sorted(first, reverse=True)
    qtmodeltester.check(model)
    rect = table.visualRect(model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [model.household_id(0)]


def _section_center(header, section: int):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_filters_narrow_the_figures(setup, qtbot) -> None:
    small, window, view = setup
    other = ledger.create_grid(small.store, community_id=small.community, name="第二网格")
    window.notifier.perform(
        ledger.create_building,
        grid_id=other,
        name="9号楼",
        number=9,
        units=1,
        floors=2,
        rooms_per_floor=2,
        rooms="lived_in",
    )
    qtbot.waitUntil(lambda: view.up_to_date and view.tiles["households"].value.text() == "28", timeout=WAIT)
    assert view.grid_box.count() == 3  # all, 第一网格, 第二网格
    view.grid_box.setCurrentIndex(view.grid_box.findData(other))
    qtbot.waitUntil(lambda: view.up_to_date and view.tiles["households"].value.text() == "4", timeout=WAIT)
    assert view.tiles["visited"].value.text() == "0.0%"
    view.period_box.setCurrentIndex(0)  # last 7 days
    qtbot.waitUntil(lambda: view.up_to_date and len(view.data.visits_by_day) == 7, timeout=WAIT)


def test_charts_save_as_png_and_the_report_is_one_a4_page(setup, qtbot, monkeypatch, tmp_path: Path) -> None:
    _, _, view = setup
    target = tmp_path / "grids.png"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(target))
    qtbot.mouseClick(view.findChild(type(view.pdf_button), "dashSavePng_grids"), Qt.MouseButton.LeftButton)
    assert target.stat().st_size > 1000
    pdf = tmp_path / "report.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(pdf))
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
        assert "A4" in info
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "重点户" in text and "幸福社区" not in text  # Chinese renders; all-area title
        assert "李**" in text and "李秀英" not in text  # names shortened on paper


def test_screenshot_of_the_community_demo(gui, qtbot, community_demo: Path, tmp_path: Path) -> None:
    store = open_store(community_demo, check="none")
    try:
        window, view = open_dashboard(qtbot, store)
        window.resize(1440, 1500)
        qtbot.waitUntil(lambda: view.grid_chart.width() > 700, timeout=WAIT)
        assert int(view.tiles["households"].value.text().replace(",", "")) > 4000
        assert len(view.grid_chart.ids) == 12
        save_screenshot(window, "dashboard_community")
        # A city's list is cut (dashboard.OVERDUE_LISTED): the box and the report count them all.
        d = view.data
        total = d.headline.priority_overdue
        assert total > 100 and len(d.overdue_priority) == total
        d.overdue_priority = d.overdue_priority[:50]
        view._show(d)
        assert view.overdue_box.title() == f"超期未访重点户：列出最靠前的 50 户，共 {total:,} 户"
        if shutil.which("pdftotext"):
            pdf = tmp_path / "report.pdf"
            write_report(str(pdf), view)
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            assert f"另有 {total - OVERDUE_ROWS:,} 户" in text
        window.close()
    finally:
        store.close()


def test_the_four_lists_keep_their_content_and_order_after_a_refresh(setup, qtbot) -> None:
    small, window, view = setup
    table = view.list_tables["groups"]

    def shown() -> list[list[str]]:
        return [
            [table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())
        ]

    before, first_item = shown(), table.item(0, 0)
    assert before, "the special groups list has rows"
    view.refresh()
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT)
    assert shown() == before
    assert table.item(0, 0) is first_item, "a refresh that changes nothing leaves the list untouched"
    # A real change fills the list again, in the same order of rows.
    window.notifier.perform(
        ledger.add_resident, household_id=small.household(2, "101"), name="赵老兵", tags=["veteran"]
    )
    qtbot.waitUntil(lambda: shown() != before, timeout=WAIT)
    assert [row[0] for row in shown()] == [row[0] for row in before]
