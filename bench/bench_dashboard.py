"""Benchmark: every dashboard figure on a city-scale file, against the cheapest query reading the same rows.

    python bench/bench_dashboard.py [FILE] [--repeat 5] [--screenshot OUT.png]

FILE defaults to bench/data/city.gridboard (make it with
`python -m gridboard demo --scale city --out bench/data/city.gridboard`). The baseline is one SQL
statement that counts the rows the dashboard reads (households, residents, tags, pairings, requests,
and the period's visits through the same index), run on the same connection in the same run; figures
are medians of --repeat runs after one warm-up. With --screenshot it also opens the dashboard
offscreen on FILE and saves what a user sees.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gridboard.models import dashboard, requests, rules
from gridboard.models.store import open_store

BASELINE = """
SELECT
    (SELECT count(*) FROM household WHERE archived_at IS NULL),
    (SELECT count(*) FROM resident WHERE moved_out_at IS NULL),
    (SELECT count(*) FROM resident_tag),
    (SELECT count(*) FROM pairing WHERE ended_on IS NULL),
    (SELECT count(*) FROM request WHERE archived_at IS NULL),
    (SELECT count(*) FROM visit WHERE withdrawn_at IS NULL AND visited_at >= :start)
"""


def timed(fn, repeat: int) -> float:
    fn()  # warm-up: pages into the cache, like a second look at the dashboard
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def bench(path: Path, repeat: int) -> None:
    store = open_store(path, check="none")
    # The same connection settings as the dashboard's worker thread.
    store.execute("PRAGMA cache_size = -65536")
    store.execute("PRAGMA mmap_size = 536870912")
    households = store.scalar("SELECT count(*) FROM household")
    visit_rows = store.scalar("SELECT count(*) FROM visit")
    print(f"{path.name}: {households:,} households, {visit_rows:,} visits")
    first_community = store.scalar("SELECT min(id) FROM community")
    first_grid = store.scalar("SELECT min(id) FROM grid")
    for label, filters in (
        ("whole file, 12 months", dashboard.Filters()),
        ("one community, 12 months", dashboard.Filters(community_id=first_community)),
        ("one grid, 30 days", dashboard.Filters(grid_id=first_grid, period_days=30)),
    ):
        base = timed(
            lambda f=filters: store.execute(BASELINE, {"start": f.start.isoformat()}).fetchall(), repeat
        )
        total = timed(lambda f=filters: dashboard.compute(store, f), repeat)
        # The baseline reads whole tables (the area's rows need the same joins the dashboard makes).
        print(
            f"\n{label}: all figures {total:.0f} ms; baseline (whole tables) {base:.0f} ms; ratio {total / base:.1f}×"
        )
        cycles = rules.current_cycles(store, filters.community_id)
        params = rules.rule_params(cycles, filters.today)
        coverage = dashboard.grid_coverage(store, filters, cycles)
        parts = {
            "grid coverage (rules.coverage)": lambda f=filters, c=cycles: dashboard.grid_coverage(
                store, f, c
            ),
            "member load": lambda f=filters, p=params: dashboard.member_bars(store, f, p),
            "visits by day and week": lambda f=filters: dashboard.visit_series(store, f),
            "visits this/last week": lambda f=filters: dashboard.visits_in_weeks(store, f),
            "requests (request_counts)": lambda f=filters: requests.request_counts(
                store, within=f.within(), since=f.start.isoformat()
            ),
            "requests (request_counts + ages, categories, trend)": lambda f=filters: (
                dashboard.request_figures(store, f)
            ),
            "population": lambda f=filters, c=coverage: dashboard.population(store, f, c),
            "special groups": lambda f=filters, p=params: dashboard.special_groups(store, f, p),
            "scarce supplies": lambda f=filters: dashboard.supplies_needed(store, f),
            "overdue priority ids": lambda f=filters, p=params: dashboard.overdue_priority_ids(
                store, f, params=p
            ),
        }
        for name, fn in parts.items():
            print(f"    {name:52s} {timed(fn, max(1, repeat // 2)):8.0f} ms")
    store.close()


def screenshot(path: Path, out: Path) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings

    from gridboard.ui.app import make_application
    from gridboard.ui.main_window import MainWindow
    from gridboard.ui.resources import install_translations

    app = make_application()
    QSettings().setValue("language", "zh_CN")
    install_translations("zh_CN")
    store = open_store(path, check="none")
    window = MainWindow(store)
    window.resize(1440, 1500)
    window.show()
    view = window.show_view("dashboard")
    start = time.perf_counter()
    while not view.up_to_date:
        app.processEvents()
        time.sleep(0.01)
    print(f"dashboard on screen after {(time.perf_counter() - start) * 1000:.0f} ms (worker thread)")
    QCoreApplication.processEvents()
    window.grab().save(str(out))
    print(f"saved {out}")
    window.close()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "bench" / "data" / "city.gridboard"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--no-bench", action="store_true")
    args = parser.parse_args()
    path = Path(args.file)
    if not path.exists():
        raise SystemExit(f"{path} is missing: python -m gridboard demo --scale city --out {path}")
    if not args.no_bench:
        bench(path, args.repeat)
    if args.screenshot:
        screenshot(path, args.screenshot)


if __name__ == "__main__":
    main()
