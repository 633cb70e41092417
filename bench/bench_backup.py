"""Benchmark: the day's backups of a big file (the city demo file), against today's full copies.

    python bench/bench_backup.py [--file /work/data/city.gridboard] [--folder DIR] [--gzip] [--gui]
                                 [--protect] [--rounds N]

On a copy of the file (the shared demo file is never written): the first day's pack (time, size), a
day of work done through the app's own actions (as many visits as the file's daily mean over its last
30 days, and household edits), the next day's pack (time, what it added), the kept set's size under
the schedule, and the restore round trip (integrity_check, tallies.verify, counts equal). `--gzip`
also makes the one-file gzip form (the form of the previous session; "back up now" still writes it).
`--gui`: opening the window with today's backup already made and with it due (the first open of the
day), to a painted window and to the dashboard's figures, and the longest the event loop was blocked
in the next 60 s while the backup ran behind it.

`--protect`: the same on a protected copy of the file (its sealed packs: pieces cut from the pages'
plaintext in memory, sealed with AES-256-GCM).

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
    parser.add_argument(
        "--protect", action="store_true", help="measure a protected copy of the file (sealed packs)"
    )
    parser.add_argument("--gui", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="--gui: rounds of (made, due) opens")
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
    if args.protect:
        from gridboard.models import cipher

        protected = path.with_name(f"{path.stem}-protected{path.suffix}")
        if not protected.exists():
            t = time.perf_counter()
            cipher.protect(path, protected, "bench passphrase")
            print(f"protected copy made in {time.perf_counter() - t:.0f} s")
        else:
            cipher.unlock(protected, "bench passphrase")
        path = protected
    if args.gui_only:
        gui(path, args.rounds)
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
    print(f"sealed (a protected file's pack): {backup.is_sealed(first)}")
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
    restored = backup.restore(second, folder / "restored.gridboard", open_file=path)
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
        gui(path, args.rounds)
    return 0


def gui(path: Path, rounds: int = 3) -> None:
    """Opens in the real window, alternating "backup made" and "backup due" (the first open of the
    day), `rounds` of each: to a painted window, to the dashboard's figures, to the end of the
    whole-file check; then a 5 ms heartbeat timer runs until the day's backup is done (or as long
    as the due open's backup took, when none is due) and its longest gap says how long the event
    loop was blocked."""
    from PySide6.QtCore import QEventLoop, QTimer

    from gridboard.ui.app import AppController, make_application

    app = make_application()
    # Opening asks who is working (a modal dialog): the bench's operator signs in with a PIN.
    from gridboard.models import operators
    from gridboard.ui import ask
    from gridboard.ui.trust import signin

    store = open_store(path, check="none")
    try:
        if operators.find_operator(store, "bench") is None:
            operators.create_operator(store, name="bench", role="admin", secret="2468")
    finally:
        store.close()
    signin.sign_in_on_open = lambda parent, store: bool(operators.sign_in(store, "bench", "2468"))
    ask.show_error = lambda *a, **k: print("error dialog:", a[1:], file=sys.stderr)  # type: ignore[assignment]

    def wait_until(done, limit: float) -> None:
        end = time.perf_counter() + limit
        while not done() and time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    def heartbeat(done, at_least: float, limit: float = 1800, work=None) -> tuple[float, float, int]:
        """Run the event loop with a 5 ms timer until `done()` (and `at_least` seconds have gone);
        the longest gap between two beats and the seconds it ran, and how many beats were > 50 ms.
        `work`, if given, runs 5 s in (work in the window while the backup runs)."""
        beats: list[float] = [time.perf_counter()]
        if work is not None:
            QTimer.singleShot(5000, work)
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: beats.append(time.perf_counter()))
        timer.start()
        started = beats[0]
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(100)

        def check() -> None:
            now = time.perf_counter()
            if (done() and now - started >= at_least) or now - started > limit:
                loop.quit()

        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        timer.stop()
        poll.stop()
        gaps = [b - a for a, b in itertools.pairwise(beats)]
        return 1000 * max(gaps), time.perf_counter() - started, sum(g > 0.05 for g in gaps)

    def one_open(due: bool, backup_seconds: float) -> dict:
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
        wait_until(window.isVisible, 300)
        window.repaint()
        painted = time.perf_counter() - started
        view = window._views.get("dashboard")
        wait_until(lambda: view is None or view.up_to_date, 300)
        figures = time.perf_counter() - started
        check = controller.file_check
        wait_until(lambda: check is None or check.done, 600)
        checked = time.perf_counter() - started
        if due:
            wait_until(lambda: controller.backups.running, 30)
            assert controller.backups.running, "the day's backup did not start"
        # Work in the window while the backup runs: the dashboard shown (its figures from the file).
        shown: list[float] = []

        def show_dashboard() -> None:
            t = time.perf_counter()
            view = window.show_view("dashboard")
            wait_until(lambda: getattr(view, "up_to_date", True), 300)
            window.repaint()
            shown.append(1000 * (time.perf_counter() - t))

        gap, ran, long_gaps = heartbeat(
            lambda: not controller.backups.running and bool(shown),
            at_least=0 if due else backup_seconds,
            work=show_dashboard,
        )
        controller.backups.wait(1200)
        app.processEvents()
        made = today.exists()
        controller.close()
        return {
            "painted": 1000 * painted,
            "figures": 1000 * figures,
            "checked": 1000 * checked,
            "gap": gap,
            "ran": ran,
            "long_gaps": long_gaps,
            "made": made,
            "dashboard": shown[0] if shown else float("nan"),
        }

    results: dict[bool, list[dict]] = {False: [], True: []}
    backup_seconds = 30.0
    for round_ in range(rounds):
        for due in (False, True):
            result = one_open(due, backup_seconds)
            if due:
                backup_seconds = result["ran"]
            results[due].append(result)
            label = "first open of the day (backup due)" if due else "another open (backup made)"
            print(
                f"round {round_ + 1}, {label}: painted {result['painted']:.0f} ms, dashboard figures"
                f" {result['figures']:.0f} ms, file check done {result['checked']:.0f} ms; heartbeat over"
                f" {result['ran']:.0f} s{' (the backup running)' if due else ''}: longest gap"
                f" {result['gap']:.0f} ms, {result['long_gaps']} gaps over 50 ms (the dashboard shown 5 s"
                f" in: {result['dashboard']:.0f} ms); today's pack made: {result['made']}",
                flush=True,
            )
    for key in ("painted", "checked", "gap", "dashboard"):
        made, due = (sorted(r[key] for r in results[d]) for d in (False, True))
        print(
            f"median {key}: backup made {made[len(made) // 2]:.0f} ms, backup due {due[len(due) // 2]:.0f} ms"
            f" (due/made {due[len(due) // 2] / made[len(made) // 2]:.2f})"
        )


if __name__ == "__main__":
    raise SystemExit(main())
