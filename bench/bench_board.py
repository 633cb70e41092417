"""Benchmark the pairing board on the city-scale file: open a 33×6×4 building map, log a visit.

Each figure is set against a raw baseline measured in the same run:

- map built and painted (one query for the building's 792 cells, layout, a synchronous paint of the
  view) against painting the same number of plain rectangles in a bare QWidget;
- a logged visit visible on the map (the model action with its audit rows and summary, the notifier,
  the board refreshing its tree row, cell, heading and panel, and a synchronous repaint) against a
  bare SQL insert of one visit row with its commit, into a table of the same shape without triggers
  (the visit table's own triggers keep the tallies: counting them in the baseline flattered the ratio).

Only the board feature is installed (the other views are not built); bench_screens.py times the whole
window with every feature.

Usage:  python bench/bench_board.py [CITY_FILE] [--rounds N]
The city file is copied first (the benchmark adds a building and visits to the copy).
Targets: map ≤ 50 ms, visit visible ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from gridboard.models import board, ledger, pairing
from gridboard.models.clock import new_uid, now_iso
from gridboard.models.opening import open_store
from gridboard.models.store import Store, copy_database

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "city.gridboard"
FLOORS, UNITS, ROOMS = 33, 6, 4


class PlainRectangles(QWidget):
    """The baseline: the same number of cells as plain filled rectangles."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.resize(1200, 900)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        columns = UNITS * ROOMS
        for i in range(self.count):
            row, column = divmod(i, columns)
            painter.fillRect(QRectF(10 + column * 36, 10 + row * 26, 34, 24), QColor("#5fb36a"))
        painter.end()


class Timer:
    """Wall-clock and this process's CPU time of each round: on a busy machine the CPU time shows
    the work itself; the wall time adds waiting (for the CPU, and for the disk on a commit)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __enter__(self) -> Self:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall.append(time.perf_counter() - self._wall)
        self.cpu.append(time.process_time() - self._cpu)

    def text(self) -> str:
        return (
            f"wall median {1000 * statistics.median(self.wall):6.1f} ms (min {1000 * min(self.wall):5.1f})"
            f" · cpu median {1000 * statistics.median(self.cpu):6.1f} ms"
        )

    def ratio(self, baseline: Timer) -> str:
        wall = statistics.median(self.wall) / statistics.median(baseline.wall)
        cpu = statistics.median(self.cpu) / max(statistics.median(baseline.cpu), 1e-6)
        return f"= {wall:.1f}× baseline (wall), {cpu:.1f}× (cpu)"


def find_or_make_building(store: Store) -> int:
    found = store.scalar(
        "SELECT id FROM building WHERE floors = ? AND units = ? AND rooms_per_floor = ?"
        " AND unit_layout IN ('{}', '') AND archived_at IS NULL LIMIT 1",
        [FLOORS, UNITS, ROOMS],
    )
    if found:
        return int(found)
    grid = store.scalar("SELECT id FROM grid ORDER BY id LIMIT 1")
    building = ledger.create_building(
        store,
        rooms="lived_in",
        grid_id=grid,
        name="99号楼",
        number=99,
        units=UNITS,
        floors=FLOORS,
        rooms_per_floor=ROOMS,
    )
    community = store.scalar("SELECT community_id FROM grid WHERE id = ?", [grid])
    member = store.scalar("SELECT id FROM member WHERE community_id = ? LIMIT 1", [community])
    pairing.add_scope(store, member_id=member, building_id=building)  # 包楼栋: every household paired
    store.take_changes()
    return building


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument(
        "--in-place", action="store_true", help="work on FILE itself (a private copy) instead of copying it"
    )
    args = parser.parse_args()
    source = Path(args.file)
    if not source.exists():
        print(f"{source} is missing: python -m gridboard demo --scale city --out {source}")
        return 2

    from gridboard.ui import main_window
    from gridboard.ui.app import make_application

    app = make_application()
    work = Path(tempfile.mkdtemp(prefix="bench-board-"))
    try:
        path = source if args.in_place else work / "city.gridboard"
        if not args.in_place:
            copy_database(source, path)
        store = open_store(path, check="none")
        households = store.scalar("SELECT count(*) FROM household")
        visits_total = store.scalar("SELECT count(*) FROM visit")
        building = find_or_make_building(store)
        cells_count = store.scalar("SELECT count(*) FROM household WHERE building_id = ?", [building])
        print(
            f"file: {households:,} households, {visits_total:,} visits; building {building}: {cells_count} cells"
        )

        # The board alone, as the other features' views are theirs to measure.
        main_window.FEATURES = ("gridboard.ui.board:BoardFeature",)
        started = time.perf_counter()
        window = main_window.MainWindow(store)
        window.resize(1500, 950)
        window.show()
        app.processEvents()
        print(
            f"main window with the area tree (one grouped count over the file): {1000 * (time.perf_counter() - started):.0f} ms"
        )
        view = window.view("board")
        floor_map = view.floor_map

        # -- map built and painted ------------------------------------------------------------------
        baseline = PlainRectangles(cells_count)
        baseline.show()
        app.processEvents()
        view.open_building(building)  # the map page is showing from the first round on
        app.processEvents()
        base, built, fitted, opened = Timer(), Timer(), Timer(), Timer()
        for _ in range(args.rounds):
            with base:
                baseline.repaint()

            floor_map.set_building(None, [])  # force a fresh build every round
            with built:
                floor_map.set_building(building, board.building_cells(store, building))
                floor_map.viewport().repaint()

            floor_map.fit()
            with fitted:
                floor_map.viewport().repaint()  # every one of the cells painted

            view.show_site_plan()
            app.processEvents()
            with opened:
                view.open_building(building)  # the whole user path: tree, heading, coverage, map
                floor_map.viewport().repaint()
        print(f"baseline: paint {cells_count} plain rectangles       {base.text()}")
        print(f"map built (1 query) and painted, default zoom {built.text()} {built.ratio(base)}")
        print(f"  repaint, whole building in view            {fitted.text()} {fitted.ratio(base)}")
        print(f"  open from the site plan (tree, heading)    {opened.text()}")

        # -- a logged visit visible on the map --------------------------------------------------------
        candidates = [c.id for c in floor_map.cells.values() if c.status != "ok" and c.occupancy != "vacant"]
        candidates = candidates[: args.rounds]
        member = pairing.household_member_ids(store, candidates[0])
        bare, logged = Timer(), Timer()
        # The same row and commit (WAL, synchronous=FULL) into a file of its own without triggers.
        scratch = sqlite3.connect(str(work / "scratch.db"))
        scratch.execute("PRAGMA journal_mode = WAL")
        scratch.execute("PRAGMA synchronous = FULL")
        scratch.execute(
            "CREATE TABLE visit (id INTEGER PRIMARY KEY, uid TEXT, created_at TEXT, updated_at TEXT,"
            " household_id INTEGER, visited_at TEXT, method TEXT, outcome TEXT)"
        )
        for household_id in candidates:
            stamp = now_iso()
            with bare, scratch:
                scratch.execute(
                    "INSERT INTO visit (uid, created_at, updated_at, household_id, visited_at, method, outcome)"
                    " VALUES (?, ?, ?, ?, ?, 'in_person', 'met')",
                    [new_uid(), stamp, stamp, household_id, stamp],
                )

            view.select_household(household_id)
            floor_map.viewport().repaint()
            app.processEvents()
            with logged:
                window.notifier.perform(
                    board.log_visit_with_requests, household_id=household_id, member_ids=member
                )
                app.processEvents()  # the pending repaint of that one cell (and the tree row) happens here
            assert floor_map.cells[household_id].status == "ok", floor_map.cells[household_id]
        scratch.close()
        print(f"baseline: bare insert of a visit + commit (no triggers) {bare.text()}")
        print(f"visit logged and visible on the map           {logged.text()} {logged.ratio(bare)}")
        window.close()
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
