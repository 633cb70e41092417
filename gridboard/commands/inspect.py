"""`gridboard check FILE` and `gridboard stats FILE [--json]`: look at a file without changing it
(`check --repair` alone writes: it counts the dashboard's tallies again)."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from contextlib import closing
from datetime import date
from typing import TextIO

from gridboard.models import tallies
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.opening import open_store
from gridboard.models.rules import Coverage
from gridboard.models.stats import FileStats, file_stats, stale_summaries
from gridboard.models.store import Store, open_read_only, schema_version
from gridboard.models.vocab import REQUEST_STATUSES


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="check a file's integrity and schema version (read only)")
    _file_arguments(p)
    p.add_argument("--quick", action="store_true", help="PRAGMA quick_check instead of the full check")
    p.add_argument(
        "--repair", action="store_true", help="count the dashboard's tallies again from the raw rows (writes)"
    )
    p.set_defaults(func=run_check)

    p = subparsers.add_parser("stats", help="totals and coverage by community and grid (read only)")
    _file_arguments(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--on", type=date.fromisoformat, help="the day coverage is counted on (default today)")
    p.add_argument(
        "--check", action="store_true", help="run the whole-file check first (`gridboard check` always does)"
    )
    p.set_defaults(func=run_stats)


def _file_arguments(p: argparse.ArgumentParser) -> None:
    # --db as well, like the other commands: `gridboard CMD FILE` alone is read as opening FILE.
    p.add_argument("file", nargs="?", metavar="FILE", help="the .gridboard file")
    p.add_argument("--db", help="the .gridboard file (instead of the positional FILE)")


def _path(args: argparse.Namespace) -> str:
    path = args.db or args.file
    if not path:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Name the .gridboard file to look at."))
    return str(path)


def open_readonly(path: str, *, check: str) -> Store:
    """The file as a read-only Store, after the same checks `open_store` makes (and no migration).

    `check` and `stats` must never change a file, not even migrate it, so they do not use open_store;
    they work on read-only files and folders, and on a file another copy of gridboard has open.
    """
    return open_read_only(path, check=check)


def run_check(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """0 when all is well, 1 when the file is readable but inconsistent; damage raises (exit 2)."""
    out = out or sys.stdout
    path = _path(args)
    if args.repair:
        repair_tallies(path, out)
    with closing(open_readonly(path, check="quick" if args.quick else "full")) as store:
        print(f"{path}: {'quick' if args.quick else 'integrity'} check ok", file=out)
        applied, known = schema_version(store)
        note = "" if applied == known else " (older: it will be upgraded when the app opens it)"
        print(f"schema: step {applied} of {known}{note}", file=out)
        problems = 0
        orphans = store.conn.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            problems += 1
            tables = sorted({row[0] for row in orphans})
            print(f"problem: {len(orphans)} rows point at missing rows (in {', '.join(tables)})", file=out)
        stale, ids = stale_summaries(store)
        if stale:
            problems += 1
            shown = ", ".join(map(str, ids))
            print(
                f"problem: {stale} households' risk tier or last visit is out of date (ids {shown})", file=out
            )
        if not tallies.is_current(store.db):
            print(
                "tallies: counted by another version; they are counted again when the app opens the file",
                file=out,
            )
        else:
            wrong = tallies.verify(store.db)
            if wrong:
                problems += 1
                print(
                    f"problem: the dashboard's tallies differ from a fresh count ({len(wrong)} rows), e.g.",
                    file=out,
                )
                for line in wrong[:3]:
                    print(f"  {line}", file=out)
                print("  `gridboard check --repair FILE` counts them again", file=out)
        print("ok" if not problems else f"{problems} problem(s) found", file=out)
    return 0 if not problems else 1


def repair_tallies(path: str, out: TextIO) -> None:
    """Count the tallies again (the one repair that writes; the file's own checks run first)."""
    with closing(open_store(path)) as store:
        with store.atomic():
            tallies.repair(store.db)
    print(f"{path}: tallies counted again", file=out)


def run_stats(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    path = _path(args)
    # It only reads: the header and schema are checked, the whole file only when asked.
    with closing(open_readonly(path, check="quick" if getattr(args, "check", False) else "none")) as store:
        stats = file_stats(store, on=args.on)
        applied, known = schema_version(store)
    if args.json:
        data = {"file": path, "schema": {"applied": applied, "known": known}, **stats.as_dict()}
        json.dump(data, out, ensure_ascii=False, indent=2)
        print(file=out)
    else:
        write_stats(stats, out, title=f"{path} (schema step {applied} of {known})")
    return 0


def write_stats(stats: FileStats, out: TextIO, *, title: str) -> None:
    t = stats.totals
    print(title, file=out)
    print(f"coverage counted on {stats.on.isoformat()}", file=out)
    print(file=out)
    rows = [
        ("communities", t.communities),
        ("grids", t.grids),
        ("buildings", t.buildings),
        ("households", t.households),
        ("  lived in", t.households_lived_in),
        ("  priority", t.priority_households),
        ("residents", t.residents),
        ("members", t.members),
        ("pairings", t.pairings),
        ("scopes", t.scopes),
        ("visits", t.visits),
        ("requests", t.requests),
        ("  open", t.open_requests),
    ]
    rows += [(f"  {status}", stats.requests_by_status[status]) for status in REQUEST_STATUSES]
    write_table(out, ("totals", ""), [(label, f"{n:,}") for label, n in rows], right=(1,))
    print(file=out)
    headers = (
        "community",
        "grid",
        "households",
        "paired",
        "%",
        "visited",
        "%",
        "priority",
        "overdue",
        "all overdue",
        "band",
    )
    table = [_coverage_cells("(all)", "", stats.total)]
    for c in stats.communities:
        table.append(_coverage_cells(c.name, "(all)", c))
    for g in stats.grids:
        table.append(_coverage_cells(g.community, g.coverage.name, g.coverage))
    print(
        "coverage of lived-in households: paired now, visited within their cycle, priority overdue", file=out
    )
    write_table(out, headers, table, right=tuple(range(2, 10)))


def _coverage_cells(community: str, grid: str, c: Coverage) -> tuple[str, ...]:
    def share(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    return (
        community,
        grid,
        f"{c.households:,}",
        f"{c.paired:,}",
        share(c.paired_share),
        f"{c.visited_in_cycle:,}",
        share(c.visited_share),
        f"{c.priority:,}",
        f"{c.priority_overdue:,}",
        f"{c.overdue:,}",
        c.band,
    )


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_table(
    out: TextIO, headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()
) -> None:
    widths = [max(display_width(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        parts = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - display_width(cell))
            parts.append(pad + cell if i in right else cell + pad)
        return "  ".join(parts).rstrip()

    print(line(headers), file=out)
    print(line(["-" * w for w in widths]), file=out)
    for row in rows:
        print(line(row), file=out)
