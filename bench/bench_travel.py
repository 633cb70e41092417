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


def bare_copy(
    target: Path, sources: list[Path], *, only_new: bool = False, triggers: bool = True, recount: bool = False
) -> float:
    """Every mergeable table copied with INSERT … SELECT, ids shifted past the target's (no matching,
    no conflicts): the floor any merge is measured against.

    The same work as the merge means the same rows and tallies left exact: either the tally triggers
    on (`triggers`), or off and one recount at the end (`recount`, as the merge does for a big one).
    Triggers off and no recount is only the raw copy: its tallies are wrong, which no writer may leave.
    """
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    if not triggers:
        tallies.drop_triggers(conn)
    started = time.perf_counter()
    for source in sources:
        conn.execute("ATTACH DATABASE ? AS src", [sqlite_uri(source, mode="ro")])
        conn.execute("BEGIN")
        tables = mergeable_tables(conn)
        offsets = {
            t.name: conn.execute(f'SELECT coalesce(max(id), 0) FROM main."{t.name}"').fetchone()[0]
            for t in tables
        }
        for t in tables:
            values = []
            for c in t.columns:
                parent = t.references.get(c)
                if only_new and c == "id":
                    values.append("NULL")  # a new row gets the next id here
                elif c == "id":
                    values.append(f"s.id + {offsets[t.name]}")
                elif only_new and parent in offsets:
                    # Its parent may be a row this file already had: found by uid, as the merge does.
                    values.append(
                        f'(SELECT x.id FROM main."{parent}" x WHERE x.uid ='
                        f' (SELECT p.uid FROM src."{parent}" p WHERE p.id = s."{c}"))'
                    )
                elif parent in offsets:
                    values.append(f's."{c}" + {offsets[parent]}')
                else:
                    values.append(f's."{c}"')
            where = f' WHERE s.uid NOT IN (SELECT uid FROM main."{t.name}")' if only_new else ""
            conn.execute(
                f'INSERT OR IGNORE INTO main."{t.name}" ({", ".join(chr(34) + c + chr(34) for c in t.columns)})'
                f' SELECT {", ".join(values)} FROM src."{t.name}" s{where}'
            )
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    if recount:
        conn.execute("BEGIN")
        tallies.rebuild(conn)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    if recount:
        tallies.create_triggers(conn)
        assert tallies.verify(conn) == [], "the bare copy's tallies must be exact too"
    elif triggers:
        assert tallies.verify(conn) == [], "the bare copy's tallies must be exact too"
    conn.close()
    return seconds


def report(what: str, merge: float, with_triggers: float, recounted: float, raw: float) -> None:
    honest = min(with_triggers, recounted)
    print(
        f"{what}: merge {merge:.2f} s; bare INSERT…SELECT with tallies exact: triggers on {with_triggers:.2f} s,"
        f" triggers off + one recount {recounted:.2f} s -> honest ratio {merge / honest:.2f}x"
        f" (target <= 3x); raw copy, tallies left wrong: {raw:.2f} s ({merge / raw:.2f}x, not the same work)"
    )


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
        shutil.copy(empty, folder / "recount.gridboard")
        recount_seconds = bare_copy(folder / "recount.gridboard", files, triggers=False, recount=True)
        shutil.copy(empty, folder / "raw.gridboard")
        raw_seconds = bare_copy(folder / "raw.gridboard", files, triggers=False)
        report(
            f"rollup of {len(files)} community files ({rows:,} rows)",
            merge_seconds,
            bare_seconds,
            recount_seconds,
            raw_seconds,
        )

        # Checkin of a grid with 1,000 new visits.
        office_path = folder / "office.gridboard"
        shutil.copy(files[0], office_path)
        office = open_store(office_path, operator="bench")
        grid = travel.find_grid(office, "第一网格")
        laptop_path = folder / "grid1.gridboard"
        travel.checkout(office, grid_id=grid, out=laptop_path)
        office.close()
        laptop = open_store(laptop_path, operator="bench")
        households = [
            r[0] for r in laptop.conn.execute("SELECT id FROM household WHERE occupancy != 'vacant'")
        ]
        when = datetime.now().replace(microsecond=0) - timedelta(hours=3)
        from gridboard.models import visits

        with laptop.atomic():
            for n in range(1000):
                visits.log_visit(
                    laptop,
                    household_id=households[n % len(households)],
                    visited_at=when + timedelta(seconds=n),
                    outcome="met",
                )
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
        recount_office = folder / "office-recount.gridboard"
        shutil.copy(bare_office, raw_office)
        shutil.copy(bare_office, recount_office)
        bare_checkin = bare_copy(bare_office, [laptop_path], only_new=True)
        recount_checkin = bare_copy(
            recount_office, [laptop_path], only_new=True, triggers=False, recount=True
        )
        raw_checkin = bare_copy(raw_office, [laptop_path], only_new=True, triggers=False)
        report(
            "checkin of a grid with 1,000 new visits",
            checkin_seconds,
            bare_checkin,
            recount_checkin,
            raw_checkin,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
