"""Benchmark: the requests view's item model on the city file, against a raw COUNT baseline.

    python bench/bench_requests.py [bench/data/city.gridboard]

For each filter it times (a) a raw `SELECT count(*)` with the same conditions (the baseline: the least
any list must do), and (b) what the view does when the filter changes: ask for the matching ids in the
secretary's order, reset the model, and fetch the first screenful of rows. Figures are medians of a
few runs, reported as milliseconds and as a ratio to the baseline measured in the same run.

What it measures: the item model off screen (no view paints it; the requests list on screen is
bench_screens.py's). The COUNT baseline reads no row's columns, so a ratio near 1 means the model adds
little to finding the rows, not that the screen is fast.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gridboard.models import requests as rq
from gridboard.models import schema
from gridboard.models.clock import now_iso
from gridboard.models.opening import open_store
from gridboard.models.vocab import OPEN_REQUEST_STATUSES
from gridboard.ui.requests.table_model import COLUMNS, RequestTableModel

RUNS = 5
SCREEN = 40  # rows visible at once


def median_ms(work, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def pending_steps(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        applied = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
    finally:
        conn.close()
    return [name for name in schema.known_migration_names() if name not in applied]


def main(path: Path) -> None:
    app = QApplication.instance() or QApplication([])
    del app
    # The file is shared: work on a copy if opening it would migrate it (the view itself only reads).
    tmp = None
    if pending_steps(path):
        tmp = Path(tempfile.mkdtemp()) / path.name
        shutil.copy(path, tmp)
    store = open_store(tmp or path, check="none")
    now = now_iso()
    total = store.scalar("SELECT count(*) FROM request")
    households = store.scalar("SELECT count(*) FROM household")
    grid = store.scalar("SELECT b.grid_id FROM request r JOIN household h ON h.id = r.household_id"
                        " JOIN building b ON b.id = h.building_id GROUP BY b.grid_id ORDER BY count(*) DESC LIMIT 1")  # fmt: skip
    member = store.scalar(
        "SELECT assignee_member_id FROM request WHERE assignee_member_id IS NOT NULL"
        " GROUP BY assignee_member_id ORDER BY count(*) DESC LIMIT 1"
    )
    print(f"file: {path} ({households:,} households, {total:,} requests)")

    filters = {
        "not closed (default)": rq.RequestFilter(statuses=(*OPEN_REQUEST_STATUSES, "resolved")),
        "everything": rq.RequestFilter(),
        "category repairs": rq.RequestFilter(categories=("repairs",)),
        "one grid": rq.RequestFilter(grid_id=grid),
        "one assignee": rq.RequestFilter(member_id=member),
        "12345 hotline": rq.RequestFilter(source="hotline"),
        "older than 30 days, open": rq.RequestFilter(statuses=OPEN_REQUEST_STATUSES, older_than_days=30),
        "overdue only": rq.RequestFilter(overdue_only=True),
        "search text": rq.RequestFilter(search="漏水"),
    }
    model = RequestTableModel(store)

    def show(f: rq.RequestFilter) -> None:
        model.set_filter(f)
        for row in range(min(SCREEN, model.rowCount())):
            for column in range(len(COLUMNS)):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    print(
        f"{'filter':28} {'rows':>8} {'raw COUNT ms':>13} {'raw ids ms':>11} {'view ms':>9}"
        f" {'view/COUNT':>11} {'view/ids':>9}"
    )
    ratios, overheads = [], []
    for name, f in filters.items():
        where, params = rq.filter_sql(f, now)
        sql = f"SELECT count(*) FROM request r WHERE {where}"
        count = store.scalar(sql, params)
        ids_sql = f"SELECT r.id FROM request r WHERE {where} {rq._SECRETARY_ORDER}"
        raw = median_ms(lambda sql=sql, params=params: store.scalar(sql, params))
        raw_ids = median_ms(lambda sql=ids_sql, params=params: store.conn.execute(sql, params).fetchall())
        view = median_ms(lambda f=f: show(f))
        assert model.rowCount() == count
        ratios.append(view / raw if raw else float("inf"))
        overheads.append(view / raw_ids if raw_ids else float("inf"))
        print(
            f"{name:28} {count:>8,} {raw:>13.1f} {raw_ids:>11.1f} {view:>9.1f}"
            f" {ratios[-1]:>11.1f} {overheads[-1]:>9.2f}"
        )
    plain = median_ms(lambda: store.scalar("SELECT count(*) FROM request"))
    scroll = median_ms(lambda: [model.row_at(r) for r in range(model.rowCount() - SCREEN, model.rowCount())])
    print(
        f"plain SELECT count(*) FROM request: {plain:.1f} ms; jump to the end of the last list: {scroll:.1f} ms"
    )
    print(
        f"median ratio view/raw COUNT: {statistics.median(ratios):.1f};"
        f" view/raw ordered ids: {statistics.median(overheads):.2f}"
    )
    store.close()
    if tmp is not None:
        shutil.rmtree(tmp.parent, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "data" / "city.gridboard"))
