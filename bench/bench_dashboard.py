"""Benchmark: every dashboard figure on a city-scale file, against the cheapest queries reading the same rows.

    python bench/bench_dashboard.py [FILE] [--repeat 5] [--screenshot OUT.png]

FILE defaults to bench/data/city.gridboard (make it with
`python -m gridboard demo --scale city --out bench/data/city.gridboard`; opening it the first time
migrates it, which counts the tallies once). Two baselines, each one SQL statement run on the same
connection in the same run:

- raw rows: counts the rows the figures describe (households, residents, tags, pairings, requests,
  and the period's visits through their index): what any dashboard reading raw rows must at least read;
- tally rows: counts the rows the dashboard now reads (the area's tallies for the period, and the
  priority households the overdue list looks at).

Figures are medians of --repeat runs after one warm-up. With --screenshot it also opens the dashboard
offscreen on FILE and saves what a user sees.

What it measures: `dashboard.compute` in this thread. It never puts the figures on screen (tiles,
charts, the four lists, the overdue table: 6–7 s on a city file before issue 15), so it cannot show
what a user waits for; bench_screens.py times the dashboard shown and refreshed after a visit. The
"raw rows" baseline counts whole tables (hundreds of thousands of rows), far more than the figures
need, which makes the ratio look better than it is; the "tally rows" baseline is the honest one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gridboard.models import dashboard, rules
from gridboard.models.opening import open_store
from gridboard.models.tallies.area import area_key

RAW_BASELINE = """
SELECT
    (SELECT count(*) FROM household WHERE archived_at IS NULL),
    (SELECT count(*) FROM resident WHERE moved_out_at IS NULL),
    (SELECT count(*) FROM resident_tag),
    (SELECT count(*) FROM pairing WHERE ended_on IS NULL),
    (SELECT count(*) FROM request WHERE archived_at IS NULL),
    (SELECT count(*) FROM visit WHERE withdrawn_at IS NULL AND visited_at >= :start)
"""

TALLY_BASELINE = """
SELECT
    (SELECT count(*) FROM tally_count WHERE {grids}),
    (SELECT count(*) FROM tally_visit_day WHERE area = :area AND area_id = :area_id AND day >= :start),
    (SELECT count(*) FROM tally_request_open WHERE area = :area AND area_id = :area_id),
    (SELECT count(*) FROM tally_request_collected_day
        WHERE area = :area AND area_id = :area_id AND day >= :start),
    (SELECT count(*) FROM tally_request_resolved_day
        WHERE area = :area AND area_id = :area_id AND day >= :start),
    (SELECT count(*) FROM tally_request_rated WHERE area = :area AND area_id = :area_id AND day >= :start),
    (SELECT count(*) FROM tally_supply_need WHERE {grids}),
    (SELECT count(*) FROM household WHERE archived_at IS NULL AND priority_tier > 0)
"""


def _grids(filters: dashboard.Filters) -> str:
    if filters.grid_id is not None:
        return f"grid_id = {int(filters.grid_id)}"
    if filters.community_id is not None:
        return f"grid_id IN (SELECT id FROM grid WHERE community_id = {int(filters.community_id)})"
    return "true"


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
    dashboard.tune_for_reads(store)  # the dashboard worker's connection settings
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
        area, area_id = area_key(filters.community_id, filters.grid_id)
        params = {"start": filters.start.isoformat(), "area": area, "area_id": area_id}
        raw = timed(lambda p=params: store.execute(RAW_BASELINE, p).fetchall(), repeat)
        tally_sql = TALLY_BASELINE.format(grids=_grids(filters))
        tally = timed(lambda p=params, q=tally_sql: store.execute(q, p).fetchall(), repeat)
        total = timed(lambda f=filters: dashboard.compute(store, f), repeat)
        print(
            f"\n{label}: all figures {total:.1f} ms; baseline raw rows {raw:.1f} ms ({total / raw:.2f}×),"
            f" tally rows {tally:.1f} ms ({total / tally:.2f}×)"
        )
        cycles = rules.current_cycles(store, filters.community_id)
        rule_params = rules.rule_params(cycles, filters.today)
        parts = {
            "grid coverage and population": lambda f=filters, c=cycles: dashboard.grid_coverage(store, f, c),
            "members furthest behind": lambda f=filters, c=cycles: dashboard.member_bars(store, f, c),
            "visits by day and week": lambda f=filters: dashboard.visit_series(store, f),
            "visits this/last week": lambda f=filters: dashboard.visits_in_weeks(store, f),
            "requests (open, ages, categories, resolution, ratings)": lambda f=filters: (
                dashboard.request_figures(store, f)
            ),
            "special groups": lambda f=filters, c=cycles: dashboard.special_groups(store, f, c),
            "scarce supplies": lambda f=filters: dashboard.supplies_needed(store, f),
            "overdue priority ids (first 1,000)": lambda f=filters, p=rule_params: (
                dashboard.overdue_priority_ids(store, f, params=p)
            ),
        }
        for name, fn in parts.items():
            print(f"    {name:56s} {timed(fn, max(1, repeat // 2)):8.1f} ms")
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
