"""Benchmark: a roll-up of ten community files and a checkin of a grid with 1,000 new visits, each
against copying the same rows with bare SQL (`INSERT … SELECT` over ATTACH) in the same run.

    python bench/bench_travel.py [--households 600] [--communities 10]

Timings are noisy on a loaded machine: read the ratios, and the absolute figures beside them.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gridboard.models import demo, tallies  # noqa: E402
from gridboard.models.opening import open_store  # noqa: E402
from gridboard.models.store import sqlite_uri  # noqa: E402
from gridboard.sync import checkout as travel  # noqa: E402
from gridboard.sync.rollup import rollup  # noqa: E402
from gridboard.sync.tables import mergeable_tables  # noqa: E402


def bare_copy(target: Path, sources: list[Path], *, only_new: bool = False, triggers: bool = True) -> float:
    """Every mergeable table copied with INSERT … SELECT, ids shifted past the target's (no matching,
    no conflicts, no tallies kept): the floor any merge is measured against."""
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    if not triggers:  # the raw floor: the tallies are left wrong, which no real writer may do
        tallies.drop_triggers(conn)
    started = time.perf_counter()
    for source in sources:
        conn.execute("ATTACH DATABASE ? AS src", [sqlite_uri(source, mode="ro")])
        conn.execute("BEGIN")
        tables = mergeable_tables(conn)
        offsets = {t.name: conn.execute(f'SELECT coalesce(max(id), 0) FROM main."{t.name}"').fetchone()[0] for t in tables}
        for t in tables:
            values = []
            for c in t.columns:
                if c == "id":
                    values.append(f"s.id + {offsets[t.name]}")
                elif c in t.references and t.references[c] in offsets:
                    values.append(f's."{c}" + {offsets[t.references[c]]}')
                else:
                    values.append(f's."{c}"')
            where = f' WHERE s.uid NOT IN (SELECT uid FROM main."{t.name}")' if only_new else ""
            conn.execute(
                f'INSERT OR IGNORE INTO main."{t.name}" ({", ".join(chr(34) + c + chr(34) for c in t.columns)})'
                f' SELECT {", ".join(values)} FROM src."{t.name}" s{where}'
            )
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=600)
    parser.add_argument("--communities", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="gridboard-bench-travel-"))
    try:
        files = []
        for seed in range(1, args.communities + 1):
            path = folder / f"community-{seed}.gridboard"
            demo.generate(path, "community", seed=seed, households=args.households)
            files.append(path)
        empty = folder / "empty.gridboard"
        open_store(empty, create=True).close()

        # Roll-up of the community files into a new street file.
        shutil.copy(empty, folder / "street.gridboard")
        street = open_store(folder / "street.gridboard", operator="bench")
        started = time.perf_counter()
        results = rollup(street, files)
        merge_seconds = time.perf_counter() - started
        rows = sum(r.total_added for _p, r in results)
        assert tallies.verify(street.db) == []
        street.close()
        shutil.copy(empty, folder / "bare.gridboard")
        bare_seconds = bare_copy(folder / "bare.gridboard", files)
        shutil.copy(empty, folder / "raw.gridboard")
        raw_seconds = bare_copy(folder / "raw.gridboard", files, triggers=False)
        print(f"rollup of {len(files)} community files ({rows:,} rows): merge {merge_seconds:.2f} s,"
              f" bare INSERT…SELECT {bare_seconds:.2f} s (tally triggers on), ratio {merge_seconds / bare_seconds:.2f}x;"
              f" without triggers {raw_seconds:.2f} s, ratio {merge_seconds / raw_seconds:.2f}x")

        # Checkin of a grid with 1,000 new visits.
        office_path = folder / "office.gridboard"
        shutil.copy(files[0], office_path)
        office = open_store(office_path, operator="bench")
        grid = travel.find_grid(office, "第一网格")
        laptop_path = folder / "grid1.gridboard"
        travel.checkout(office, grid_id=grid, out=laptop_path)
        office.close()
        laptop = open_store(laptop_path, operator="bench")
        households = [r[0] for r in laptop.conn.execute("SELECT id FROM household WHERE occupancy != 'vacant'")]
        when = datetime.now().replace(microsecond=0) - timedelta(hours=3)
        from gridboard.models import visits

        with laptop.atomic():
            for n in range(1000):
                visits.log_visit(laptop, household_id=households[n % len(households)],
                                 visited_at=when + timedelta(seconds=n), outcome="met")
        laptop.close()
        bare_office = folder / "office-bare.gridboard"
        shutil.copy(office_path, bare_office)
        office = open_store(office_path, operator="bench")
        started = time.perf_counter()
        result = travel.checkin(office, laptop_path)
        checkin_seconds = time.perf_counter() - started
        assert result.added["visit"] == 1000 and tallies.verify(office.db) == []
        office.close()
        raw_office = folder / "office-raw.gridboard"
        shutil.copy(bare_office, raw_office)
        bare_checkin = bare_copy(bare_office, [laptop_path], only_new=True)
        raw_checkin = bare_copy(raw_office, [laptop_path], only_new=True, triggers=False)
        print(f"checkin of a grid with 1,000 new visits: merge {checkin_seconds:.2f} s,"
              f" bare INSERT…SELECT {bare_checkin:.2f} s (tally triggers on), ratio {checkin_seconds / bare_checkin:.2f}x;"
              f" without triggers {raw_checkin:.2f} s, ratio {checkin_seconds / raw_checkin:.2f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
