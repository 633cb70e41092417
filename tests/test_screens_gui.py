"""What the user waits for (issue 15): a big file's check behind the window, lists sorted by the right key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bad_day_support import digest
from conftest import save_screenshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from gridboard.models import board
from gridboard.models import store as store_module
from gridboard.models.errors import DamagedFile, KnownError, ReadOnlyFile
from gridboard.models.opening import open_store
from gridboard.ui import ask, labels
from gridboard.ui.app import AppController
from gridboard.ui.main_window import MainWindow
from gridboard.ui.serve import ServeFeature

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(monkeypatch) -> list[KnownError]:
    errors: list[KnownError] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: errors.append(error))
    return errors


@pytest.fixture
def deferred(monkeypatch) -> None:
    """Every file counts as big: its whole-file check runs behind the window."""
    monkeypatch.setattr(store_module, "DEFER_CHECK_BYTES", 0)


def test_a_big_file_is_read_only_until_its_check_passes(gui, qtbot, small, deferred, shown) -> None:
    path = small.store.path
    household = small.household(1, "101")
    small.store.close()
    before = digest(path)
    controller = AppController()
    assert controller.open_path(path)
    window, store = controller.window, controller.store
    # The window is up before the check has run: read only, and it says why.
    assert store.read_only is not None and store.read_only.reason == "checking"
    assert window.findChild(QFrame, "readOnlyBanner").isVisible()
    assert "Checking" in window.read_only_text() or "检查" in window.read_only_text()
    with pytest.raises(ReadOnlyFile) as refused:
        window.notifier.perform(board.log_visit_with_requests, household_id=household)
    assert "still being checked" in str(refused.value)
    assert digest(path) == before  # nothing written while it is checked, not even the tallies' clock
    qtbot.waitUntil(lambda: store.read_only is None, timeout=20_000)
    assert window.findChild(QFrame, "readOnlyBanner") is None
    assert "read only" not in window.windowTitle() and "只读" not in window.windowTitle()
    visit = window.notifier.perform(board.log_visit_with_requests, household_id=household)
    assert store.scalar("SELECT household_id FROM visit WHERE id = ?", [visit]) == household
    assert not shown
    controller.close()


def _scribble_over_a_data_page(path: Path, table: str) -> None:
    """Damage one page of a table, leaving the header and the schema readable."""
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT max(pageno) FROM dbstat WHERE name = ?", [table]).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    start = (page - 1) * size
    data[start : start + size] = b"\x5a" * size
    path.write_bytes(bytes(data))


def test_damage_found_behind_the_window_keeps_the_file_read_only(gui, qtbot, small, deferred, shown) -> None:
    path = small.store.path
    household = small.household(1, "101")
    small.store.close()
    _scribble_over_a_data_page(path, "audit_log")  # nothing on screen reads it
    before = digest(path)
    controller = AppController()
    assert controller.open_path(path)  # the header and schema are fine: the window opens
    window, store = controller.window, controller.store
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert isinstance(shown[-1], DamagedFile)
    assert store.read_only is not None and store.read_only.reason == "damaged"
    banner = window.findChild(QFrame, "readOnlyBanner")
    assert banner is not None and banner.isVisible()
    save_screenshot(window, "screens_damaged_banner")
    with pytest.raises(DamagedFile):
        window.notifier.perform(board.log_visit_with_requests, household_id=household)
    controller.close()
    assert digest(path) == before
    assert not lockfile_held(path)


def test_damage_the_first_view_reads_refuses_the_file_as_before(gui, qtbot, small, deferred, shown) -> None:
    path = small.store.path
    small.store.close()
    _scribble_over_a_data_page(path, "household")
    before = digest(path)
    controller = AppController()
    assert not controller.open_path(path)
    assert isinstance(shown[-1], DamagedFile) and controller.window is None
    assert digest(path) == before
    # The lock went with it.
    assert not lockfile_held(path)


def lockfile_held(path: Path) -> bool:
    from gridboard.models import lockfile

    try:
        lockfile.acquire(path, "tester").release()
    except lockfile.Held:
        return True
    return False


def test_closing_the_window_stops_the_check(gui, qtbot, small, deferred) -> None:
    path = small.store.path
    small.store.close()
    controller = AppController()
    assert controller.open_path(path)
    check = controller.file_check
    assert check is not None
    controller.close()
    assert not check.running
    # The lock went with the window: the file opens for writing again.
    again = open_store(path)
    assert again.read_only is None
    again.close()


# -- sorting by the right key ------------------------------------------------------------------------


def _sort_keys(column: int):
    return (
        lambda m: m.name,
        lambda m: labels.member_kind(m.kind),
        lambda m: m.affiliation,
        lambda m: m.phone,
        lambda m: m.households,
        lambda m: m.priority,
        lambda m: m.visited_in_cycle,
        lambda m: m.households,
    )[column]


def test_sorting_the_members_sorts_by_each_columns_key(gui, qtbot, community_demo, qtmodeltester) -> None:
    store = open_store(community_demo, operator="tester")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    window.show_view("members")
    view = window.view("members").list
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() > 100)
    # Busiest first by default.
    households = [m.households for m in view.model.rows]
    assert households == sorted(households, reverse=True) and households[0] > households[-1]
    chosen = view.model.rows[len(households) // 2].id
    view.select_member(chosen)
    for column in range(view.model.COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            view.table.sortByColumn(column, order)
            qtbot.waitUntil(lambda: view.up_to_date)
            rows = view.model.rows
            keys = [_sort_keys(column)(m) for m in rows]
            assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder), (column, order)
            assert len({m.id for m in rows}) == len(rows) == view.model.rowCount()
            assert view.member_id() == chosen  # the selection follows its member
    qtmodeltester.check(view.model)
    # Sorted by name, the filter keeps the order and only matching members.
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: view.up_to_date)
    surname = view.model.rows[0].name[0]
    qtbot.keyClicks(view.filter, "") if surname.isascii() else view.filter.setText(surname)
    qtbot.waitUntil(lambda: view.up_to_date and 0 < view.model.rowCount() < len(households))
    names = [m.name for m in view.model.rows]
    assert names == sorted(names)
    assert all(
        surname in m.name or surname in m.branch or surname in m.work_unit or surname in m.phone[-4:]
        for m in view.model.rows
    )
    view.filter.clear()
    view.over_only.setChecked(True)
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() < len(households))
    assert all(m.over_limit for m in view.model.rows)
    window.close()
    store.close()


# -- command-line tools that only read ----------------------------------------------------------------


def test_reading_commands_skip_the_whole_file_check_and_check_does_not(small, tmp_path: Path, capsys) -> None:
    from gridboard import cli

    path = small.store.path
    small.store.close()
    _scribble_over_a_data_page(path, "audit_log")  # stats and export never read it
    before = digest(path)
    assert cli.main(["stats", str(path)]) == 0
    assert cli.main(["export", "ledger", str(path), "--out", str(tmp_path / "ledger.xlsx")]) == 0
    capsys.readouterr()
    # Asked, or `check`: the damage is found.
    assert cli.main(["stats", str(path), "--check"]) == 2
    assert cli.main(["check", str(path)]) == 2
    assert "damaged" in capsys.readouterr().err
    assert digest(path) == before


# -- print preview ------------------------------------------------------------------------------------


def test_the_print_preview_shows_pages_as_they_are_drawn(gui, qtbot, community_demo) -> None:
    from gridboard.printing import documents
    from gridboard.ui.printing.preview import PreviewDialog

    store = open_store(community_demo, operator="tester")
    grid = store.scalar("SELECT id FROM grid ORDER BY id LIMIT 1")
    document = documents.grid_sheets_document(store, grid, by="building", record=False)
    dialog = PreviewDialog(document)
    qtbot.addWidget(dialog)
    dialog.show()
    # The dialog is up at once; pages arrive from the worker while the window stays responsive.
    assert dialog.shown_pages < 3
    qtbot.waitUntil(lambda: dialog.shown_pages >= 2 and dialog.total > 0, timeout=30_000)
    assert dialog.total > 10
    first = dialog.findChild(QLabel, "previewPage_1")
    assert first is not None and first.pixmap().width() > first.pixmap().height()  # landscape A4
    save_screenshot(dialog, "screens_print_preview")
    dialog.reject()  # closing stops the drawing
    qtbot.waitUntil(lambda: not dialog.pages.worker_thread.is_alive(), timeout=5_000)
    assert not dialog.printed
    store.close()


def test_a_big_files_tree_counts_its_households_behind_the_window(gui, qtbot, small, monkeypatch) -> None:
    """A street or city file's tree shows its structure at once and its counts when they come; a
    visit saved meanwhile is counted too once they have."""
    from gridboard.ui.board import tree as tree_module

    monkeypatch.setattr(tree_module, "COUNT_BEHIND_BYTES", 0)  # every file counts as big
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    model = window.view("board").tree_model
    community = model.index(0, 0)
    assert model.counting is not None  # nothing counted in the GUI thread
    assert model.index(0, 1).data() == "…"
    household = small.household(1, "101")
    window.notifier.perform(board.log_visit_with_requests, household_id=household)
    # Opened down to the building and chosen while counting: the counts' arrival keeps both.
    tree = window.view("board").tree
    building = model.index_for("building", small.building)
    tree.expand(building.parent().parent())
    tree.expand(building.parent())
    tree.setCurrentIndex(building)
    qtbot.waitUntil(lambda: model.counting is None, timeout=20_000)
    expected = board.building_counts(small.store)[small.building]
    assert model.index(0, 1).data() == str(expected.households) == "24"
    assert tree.isExpanded(building.parent()) and tree.currentIndex() == building
    assert building.siblingAtColumn(1).data() == "24"  # a building's own row is counted too
    assert model.index(0, 2, community.parent()).data() == (str(expected.overdue) if expected.overdue else "")
    assert expected.visited_in_cycle == 1  # the visit saved while the file was being counted


def test_the_emergency_desk_reads_only_the_tab_on_screen(gui, qtbot, small) -> None:
    from gridboard.models import emergency as em
    from gridboard.models import ledger

    # In a file of two communities a grid's roster is chosen among the members of the grid's
    # community (read by the community's index: the old "? IS NULL OR" form walked a city's members).
    other = ledger.create_community(small.store, name="和平社区")
    other_grid = ledger.create_grid(small.store, community_id=other, name="第九网格")
    stranger = ledger.add_member(small.store, community_id=other, name="王五", kind="community_member")
    emergency = em.declare_emergency(small.store, name="暴雪")
    assert [m for m, _, _ in em.roster_candidates(small.store, emergency)] == [small.member]
    assert [m for m, _, _ in em.roster_candidates(small.store, emergency, small.grid)] == [small.member]
    assert [m for m, _, _ in em.roster_candidates(small.store, emergency, other_grid)] == [stranger]
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    desk = window.show_view("emergency")
    qtbot.waitExposed(desk)
    assert desk.tabs.currentWidget() is desk.rosters
    assert desk.rosters.candidates == [(small.member, "community_member")]
    assert desk.supplies in desk._stale_tabs and desk.instructions in desk._stale_tabs
    desk.tabs.setCurrentWidget(desk.supplies)
    assert desk.supplies not in desk._stale_tabs
    assert desk.supplies.item.count() > 0  # read when shown: the common items at least


def test_the_serve_view_is_built_when_first_shown_and_its_clock_runs_before(gui, qtbot, small) -> None:
    from PySide6.QtCore import QTimer

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    assert "serve" in window._factories  # not built while the window opened
    clock = window.findChild(QTimer, "serveClock")
    assert clock is not None and clock.isActive()  # escalations rise by rule all the same
    view = window.show_view("serve")
    assert view.clock is clock and window.features.get(ServeFeature).view.get() is view
    window.close()
    assert not clock.isActive()


def test_printing_while_the_file_is_being_checked_numbers_nothing_and_writes_nothing(
    gui, qtbot, small, deferred, shown, monkeypatch
) -> None:
    """A window still checking its file is read only: a printout made meanwhile is not numbered
    (numbering writes), and closing its preview has nothing to give back."""
    from gridboard.models import pairing
    from gridboard.ui.file_check import FileCheck

    pairing.add_scope(small.store, member_id=small.member, building_id=small.building, unit=1)
    path = small.store.path
    small.store.close()
    monkeypatch.setattr(FileCheck, "start", lambda self: None)  # the check is still running
    before = digest(path)
    controller = AppController()
    assert controller.open_path(path)
    window, store = controller.window, controller.store
    assert store.read_only is not None and store.read_only.reason == "checking"
    from gridboard.ui.printing import PrintingFeature

    dialog = window.features.get(PrintingFeature).print_dialog("grid", target_id=small.grid)
    dialog.set_kind("grid", small.grid)
    previewed: list = []
    monkeypatch.setattr(
        type(dialog),
        "show_preview",
        lambda self, make: (previewed.append(make(lambda: None)) or previewed[-1], False),
    )
    assert not dialog.preview()
    assert previewed and previewed[0].sections, "the grid's sheets were made"
    assert all(not section.qr for section in previewed[0].sections)
    assert not shown
    assert digest(path) == before
    dialog.close()
    controller.close()


def test_the_boards_splitter_is_saved_once_dragging_stops(gui, qtbot, small) -> None:
    """Each save flushes the settings file to disk: not one per pixel of a drag."""
    from PySide6.QtCore import QSettings

    from gridboard.ui.board.view import SPLITTER_KEY

    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    board_view = window.view("board")
    QSettings().remove(SPLITTER_KEY)
    splitter = board_view.splitter
    for x in (300, 320, 340):
        splitter.moveSplitter(x, 1)
    assert QSettings().value(SPLITTER_KEY) is None  # not while dragging
    qtbot.waitUntil(lambda: QSettings().value(SPLITTER_KEY) is not None, timeout=5_000)
    assert QSettings().value(SPLITTER_KEY) == splitter.saveState()
    splitter.moveSplitter(360, 1)  # dragged just before closing: kept too
    moved = splitter.saveState()
    window.close()
    assert QSettings().value(SPLITTER_KEY) == moved
