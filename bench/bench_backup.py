"""Benchmark: the day's backups of a big file (the city demo file), against today's full copies.

    python bench/bench_backup.py [--file /work/data/city.gridboard] [--folder DIR] [--gzip] [--gui]

On a copy of the file (the shared demo file is never written): the first day's pack (time, size), a
day of work done through the app's own actions (as many visits as the file's daily mean over its last
30 days, and household edits), the next day's pack (time, what it added), the kept set's size under
the schedule, and the restore round trip (integrity_check, tallies.verify, counts equal). `--gzip`
also makes the one-file gzip form (the form of the previous session; "back up now" still writes it).
`--gui`: opening the window with today's backup already made and with it due (the first open of the
day), to a painted window and to the dashboard's figures, and the longest the event loop was blocked
in the next 60 s while the backup ran behind it.

Timings are noisy on a loaded machine: read them beside the baselines measured in the same run.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gridboard.models import backup, tallies
from gridboard.models.opening import open_store
from gridboard.models.store import connect_read_only, copy_database

TODAY_FULL_COPIES = 14  # what the file's backups cost before: 14 full copies kept


def counts(path: Path) -> dict[str, int]:
    conn = connect_read_only(path)
    try:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "household",
                "resident",
                "member",
                "visit",
                "visit_member",
                "request",
                "request_step",
                "pairing",
            )
        }
    finally:
        conn.close()


def day_of_work(path: Path, visits_per_day: int | None) -> tuple[int, float]:
    """A day's visits and a few household edits, through the app's actions (triggers, audit)."""
    from gridboard.models import ledger, visits

    store = open_store(path, operator="bench")
    try:
        if visits_per_day is None:
            recent = store.scalar(
                "SELECT count(*) FROM visit WHERE visited_at >= date((SELECT max(visited_at) FROM visit), '-30 days')"
            )
            visits_per_day = max(1, int(recent) // 30)
        ids = [r[0] for r in store.conn.execute("SELECT id FROM household WHERE occupancy != 'vacant'")]
        rng = random.Random(7)
        when = datetime.now().replace(microsecond=0) - timedelta(hours=2)
        started = time.perf_counter()
        with store.atomic():
            for n in range(visits_per_day):
                visits.log_visit(
                    store,
                    household_id=rng.choice(ids),
                    visited_at=when + timedelta(seconds=n % 3600),
                    outcome="met",
                    note="走访",
                )
            for household in rng.sample(ids, 200):
                ledger.update_household(store, household, notes=f"已核实 {rng.randint(1, 999)}")
        return visits_per_day, time.perf_counter() - started
    finally:
        store.close()


def day_backup(path: Path, day: date | None = None) -> Path:
    store = open_store(path, operator="bench")
    try:
        made = backup.daily_backup(store, day=day)
    finally:
        store.close()
    assert made is not None
    return made


def kept_set_bound(full: int, day_delta: int, schedule: backup.Schedule) -> tuple[int, int]:
    """(days a year of backups keeps, an upper bound of the kept set's bytes): one full set of pieces,
    plus for each further kept pack at most the pieces changed since the kept one before it, which is
    at most the days between them times a day's delta, and never more than a full copy."""
    start = date(2026, 1, 1)
    days = [start + timedelta(days=n) for n in range(400)]
    kept = sorted(backup.kept_days(days, schedule))
    total = full
    for before, after in itertools.pairwise(kept):
        total += min(full, (after - before).days * day_delta)
    return len(kept), total


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=Path("/work/data/city.gridboard"))
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument(
        "--visits", type=int, default=None, help="visits in the day of work (default: the file's mean)"
    )
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--gui", action="store_true")
    parser.add_argument(
        "--gui-only", action="store_true", help="only the window's opens (the copy in --folder)"
    )
    args = parser.parse_args()
    folder = args.folder or Path(f"/tmp/gridboard-bench-backup-{os.getpid()}")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / args.file.name
    if not path.exists():
        t = time.perf_counter()
        copy_database(args.file, path)
        print(f"copied {args.file} in {time.perf_counter() - t:.0f} s")
    open_store(path, operator="bench").close()  # migrated to this version before anything is measured
    if args.gui_only:
        gui(path)
        return 0
    size = path.stat().st_size
    print(
        f"{path.name}: {size / 1e9:.2f} GB; before: {TODAY_FULL_COPIES} full copies kept = {TODAY_FULL_COPIES * size / 1e9:.1f} GB"
    )
    shutil.rmtree(backup.backup_folder(path), ignore_errors=True)

    if args.gzip:
        t = time.perf_counter()
        gz = backup.write_backup(path, folder / f"one{backup.SUFFIX}")
        gz_seconds = time.perf_counter() - t
        print(
            f"gzip form (one file): {gz.stat().st_size / 1e6:.0f} MB ({size / gz.stat().st_size:.2f}x smaller) in {gz_seconds:.0f} s"
        )
        gz.unlink()

    t = time.perf_counter()
    first = day_backup(path, date(2026, 3, 1))
    first_seconds = time.perf_counter() - t
    one = backup._read_meta(first)
    print(
        f"day 1 pack: {one['size'] / 1e6:.0f} MB ({size / one['size']:.2f}x smaller than the file) in {first_seconds:.0f} s"
    )

    visits_made, work_seconds = day_of_work(path, args.visits)
    print(
        f"a day of work: {visits_made:,} visits and 200 household edits through the app's actions ({work_seconds:.0f} s)"
    )
    t = time.perf_counter()
    second = day_backup(path, date(2026, 3, 2))
    second_seconds = time.perf_counter() - t
    two = backup._read_meta(second)
    print(
        f"day 2 pack: lists {two['size'] / 1e6:.0f} MB, added {two['added'] / 1e6:.1f} MB, in {second_seconds:.0f} s"
    )
    kept, bound = kept_set_bound(one["size"], two["added"], backup.SCHEDULE)
    before = TODAY_FULL_COPIES * size
    print(
        f"kept set, schedule {backup.SCHEDULE}: {kept} packs, at most {bound / 1e9:.2f} GB"
        f" = {bound / before:.2f} of before ({before / 1e9:.1f} GB); as {kept} gzip copies:"
        f" {kept * one['size'] / 1e9:.1f} GB"
    )
    chunks = sum(
        p.stat().st_size for p in (backup.backup_folder(path) / backup.CHUNKS).rglob("*") if p.is_file()
    )
    print(f"  on disk now (2 packs): {chunks / 1e6:.0f} MB of pieces")

    t = time.perf_counter()
    restored = backup.restore(second, folder / "restored.gridboard")
    restore_seconds = time.perf_counter() - t
    store = open_store(restored, operator="bench")
    try:
        integrity = store.scalar("PRAGMA integrity_check")
        problems = tallies.verify(store.db)
    finally:
        store.close()
    same = counts(restored) == counts(path)
    print(
        f"restore of day 2: {restore_seconds:.0f} s (indexes and tallies made again); integrity_check {integrity},"
        f" tallies.verify {problems or 'empty'}, counts equal: {same}"
    )
    restored.unlink()

    if args.gui:
        gui(path)
    return 0


def gui(path: Path) -> None:
    from PySide6.QtCore import QEventLoop

    from gridboard.ui.app import AppController, make_application

    app = make_application()

    def pump(until: float) -> float:
        """Run the event loop until `until`; the longest gap between two turns, in ms."""
        last = time.perf_counter()
        gap = 0.0
        while (now := time.perf_counter()) < until:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            gap = max(gap, now - last)
            last = now
        return 1000 * gap

    def one_open(due: bool) -> tuple[float, float, float]:
        today = backup.backup_path(path, date.today())
        if due:
            today.unlink(missing_ok=True)
            backup._meta_path(today).unlink(missing_ok=True)
        elif not today.exists():
            day_backup(path)
        controller = AppController()
        started = time.perf_counter()
        assert controller.open_path(path)
        window = controller.window
        while not window.isVisible():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        window.repaint()
        painted = time.perf_counter() - started
        view = window._views.get("dashboard")
        while view is not None and not view.up_to_date and time.perf_counter() - started < 300:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        figures = time.perf_counter() - started
        gap = pump(time.perf_counter() + 60)
        controller.backups.wait(1200)
        app.processEvents()
        controller.close()
        return 1000 * painted, 1000 * figures, gap

    for label, due in (
        ("another open (backup made)", False),
        ("first open of the day (backup due)", True),
        ("another open (backup made)", False),
    ):
        painted, figures, gap = one_open(due)
        print(
            f"{label}: window painted {painted:.0f} ms, dashboard figures {figures:.0f} ms,"
            f" longest event-loop block in the next 60 s {gap:.0f} ms"
        )


if __name__ == "__main__":
    raise SystemExit(main())
