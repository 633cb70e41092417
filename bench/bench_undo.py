"""What recording an undo step costs (models/undo.py), against the same work without it, in the same run.

    python bench/bench_undo.py [--households 5000] [--visits 200]

Two cases: many small actions (visits logged one by one on a copy of the community demo file) and one
big one (a ledger workbook of N households imported into a fresh file, made with bench_import's
generator), then that import's undo and redo. Figures are absolute seconds and ratios to the plain run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_import import make_workbook  # noqa: E402

from gridboard.exchange.importer import detect_layouts, plan_import, write_plan  # noqa: E402
from gridboard.exchange.reader import read_book  # noqa: E402
from gridboard.models import undo, visits  # noqa: E402
from gridboard.models.opening import open_store  # noqa: E402

DEMO = Path("/work/data/community.gridboard")


def visits_case(folder: Path, count: int) -> None:
    results = {}
    for kind in ("plain", "recorded"):
        path = folder / f"{kind}.gridboard"
        shutil.copy(DEMO, path)
        store = open_store(path, operator="bench")
        households = [r[0] for r in store.query(f"SELECT id FROM household ORDER BY id LIMIT {count}")]
        started = time.perf_counter()
        for h in households:
            if kind == "plain":
                visits.log_visit(store, household_id=h, visited_at="2026-03-01 10:00")
            else:
                undo.run(store, "Log", visits.log_visit, household_id=h, visited_at="2026-03-01 10:00")
        results[kind] = time.perf_counter() - started
        store.close()
    per = {k: v / count * 1000 for k, v in results.items()}
    print(
        f"log_visit x{count}: plain {per['plain']:.2f} ms each, recorded {per['recorded']:.2f} ms each,"
        f" ratio {results['recorded'] / results['plain']:.2f}"
    )


def import_case(folder: Path, households: int) -> None:
    book_path = folder / "ledger.xlsx"
    make_workbook(book_path, households)
    book = read_book(book_path)
    results = {}
    for kind in ("plain", "recorded"):
        store = open_store(folder / f"import-{kind}.gridboard", create=True, operator="bench")
        layouts = detect_layouts(store, book)
        plan = plan_import(store, book, layouts)
        started = time.perf_counter()
        if kind == "plain":
            write_plan(store, plan)
        else:
            done = undo.run(store, "Import", write_plan, plan)
        results[kind] = time.perf_counter() - started
        if kind == "recorded":
            print(f"import step: {done.step.size} rows")
            started = time.perf_counter()
            done.step.undo(store)
            results["undo"] = time.perf_counter() - started
            started = time.perf_counter()
            done.step.redo(store)
            results["redo"] = time.perf_counter() - started
        store.close()
    print(
        f"write_plan of {households} households: plain {results['plain']:.2f} s, recorded {results['recorded']:.2f} s,"
        f" ratio {results['recorded'] / results['plain']:.2f}; undo {results['undo']:.2f} s, redo {results['redo']:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=5000)
    parser.add_argument("--visits", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        visits_case(folder, args.visits)
        import_case(folder, args.households)


if __name__ == "__main__":
    main()
