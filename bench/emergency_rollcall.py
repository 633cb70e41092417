"""Emergency mode at city scale: the roll-call board, recording results, the report.

    python bench/emergency_rollcall.py [bench/data/city.gridboard]

Works on a copy of the file. Each figure is reported as a ratio against a raw baseline measured in
the same run: a plain SELECT of the same priority households (address columns only, no state).

What it measures: the roll-call model and report; the board on screen is not painted here.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gridboard.models import emergency as em
from gridboard.models.opening import open_store


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/data/city.gridboard")
    work = Path(tempfile.mkdtemp()) / "city.gridboard"
    shutil.copy(source, work)
    store = open_store(work, operator="bench")
    for e in em.list_emergencies(store):
        if e.active:
            store.execute("UPDATE emergency SET ended_at = started_at WHERE id = ?", [e.id])
    households = store.scalar("SELECT count(*) FROM household")
    communities = store.scalar("SELECT count(*) FROM community")
    community = store.scalar("SELECT id FROM community ORDER BY id LIMIT 1")
    start_day = date.today() - timedelta(days=6)
    e = em.declare_emergency(
        store, name="bench", kind="blizzard", started_at=f"{start_day} 08:00:00", community_id=community
    )

    raw_sql = """SELECT h.id, h.unit, h.room, h.head_name, h.phone, b.name, g.name FROM household h
        JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
        WHERE h.priority_tier > 0 AND h.occupancy != 'vacant' AND h.archived_at IS NULL
        AND g.community_id = ? ORDER BY g.sort_order, b.number, h.unit, h.floor, h.room"""
    raw, rows = timed(lambda: store.query(raw_sql, [community]))
    print(
        f"file: {households} households, {communities} communities; community {community}: {len(rows)} priority"
    )

    # Six days of roll call in this community: every priority household each day, 10% unreachable.
    rng = random.Random(1)
    ids = [r[0] for r in rows]
    t0 = time.perf_counter()
    n = 0
    for offset in range(6):
        day = start_day + timedelta(days=offset)
        with store.atomic():
            for i, h in enumerate(ids):
                state = "unreachable" if rng.random() < 0.1 else "reached_safe"
                em.record_rollcall(
                    store,
                    emergency_id=e,
                    household_id=h,
                    state=state,
                    at=f"{day} {8 + i % 10:02d}:{i % 60:02d}:00",
                )
                n += 1
    per_record = (time.perf_counter() - t0) / n
    store.take_changes()

    board, board_rows = timed(lambda: em.rollcall_rows(store, e))
    grid = store.scalar("SELECT min(id) FROM grid WHERE community_id = ?", [community])
    one_grid, grid_rows = timed(lambda: em.rollcall_rows(store, e, grid_id=grid))
    raw_grid, _ = timed(
        lambda: store.query(raw_sql.replace("AND g.community_id = ?", "AND g.id = ?"), [grid])
    )
    report, _ = timed(lambda: em.report_figures(store, e), repeat=1)
    raw_insert, _ = timed(
        lambda: store.execute(
            "INSERT INTO visit (uid, created_at, updated_at, household_id, visited_at, method, outcome)"
            " VALUES (hex(randomblob(16)), '', '', ?, ?, 'phone', 'met')",
            [ids[0], f"{date.today()} 08:00:00"],
        ),
        repeat=20,
    )
    alarms = sum(r.alarm for r in board_rows)
    print(f"roll-call rows recorded: {n} (each also a visit)")
    print(f"raw baseline: select {len(rows)} priority households  {raw * 1000:8.1f} ms")
    print(
        f"roll-call board, whole community ({len(board_rows)} rows, {alarms} alarms): {board * 1000:8.1f} ms"
        f" = {board / raw:5.1f}x raw"
    )
    print(
        f"roll-call board, one grid ({len(grid_rows)} rows): {one_grid * 1000:8.1f} ms = {one_grid / raw_grid:5.1f}x raw"
    )
    print(
        f"record one result (+visit, audit): {per_record * 1000:8.2f} ms = {per_record / raw_insert:5.1f}x a raw insert"
    )
    print(f"end-of-emergency report (7 days): {report * 1000:8.1f} ms = {report / raw:5.1f}x raw select")
    store.close()
    shutil.rmtree(work.parent)


if __name__ == "__main__":
    main()
