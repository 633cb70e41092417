"""`gridboard checkout`, `checkin`, `rollup` and `merge`: files that travel between offices and laptops."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gridboard.models.opening import open_store
from gridboard.sync import checkout as travel
from gridboard.sync.conflicts import write_conflicts_xlsx
from gridboard.sync.merge import MergeResult, merge_file
from gridboard.sync.rollup import rollup


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("checkout", help="write a file holding one grid, for a laptop (借出网格)")
    p.add_argument("file", metavar="FILE", help="the office's .gridboard file")
    p.add_argument("--grid", required=True, help="the grid's name (or uid)")
    p.add_argument("--community", help="the community, when several have a grid of that name")
    p.add_argument("--out", required=True, help="the new .gridboard file for the laptop")
    p.set_defaults(func=run_checkout)

    p = subparsers.add_parser("checkin", help="bring back what was done in a checked-out file (交回网格)")
    p.add_argument("file", metavar="GRIDFILE", help="the checked-out .gridboard file")
    p.add_argument("--into", required=True, help="the office's .gridboard file")
    _common(p)
    p.set_defaults(func=run_checkin)

    p = subparsers.add_parser("rollup", help="combine community files into a street file (合并社区文件)")
    p.add_argument("files", nargs="+", metavar="COMMUNITY", help="community .gridboard files")
    p.add_argument("--into", required=True, help="the street .gridboard file (made when missing)")
    _common(p)
    p.set_defaults(func=run_rollup)

    p = subparsers.add_parser("merge", help="merge another gridboard file into a file, matched by uid")
    p.add_argument("file", metavar="OTHER", help="the file to bring in (only read)")
    p.add_argument("--into", required=True, help="the .gridboard file that receives it")
    _common(p)
    p.set_defaults(func=run_merge)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    p.add_argument("--conflicts", metavar="XLSX", help="also write every conflict kept so far to this .xlsx")


def _report(name: str, result: MergeResult, dry_run: bool, out=None) -> None:
    out = out or sys.stdout
    if result.up_to_date:
        print(f"{name}: nothing new; the file is up to date.", file=out)
        return
    verb = "would add" if dry_run else "added"
    added = ", ".join(f"{n:,} {t}" for t, n in result.added.items() if n) or "nothing"
    updated = ", ".join(f"{n:,} {t}" for t, n in result.updated.items() if n) or "nothing"
    print(
        f"{name}: {verb} {added}; updated {updated}; {len(result.conflicts)} conflicts kept for review",
        file=out,
    )


def _conflicts(store, args: argparse.Namespace) -> None:
    if args.conflicts:
        count = write_conflicts_xlsx(store, args.conflicts)
        print(f"{count} conflicts written to {args.conflicts}")


def run_checkout(args: argparse.Namespace) -> int:
    store = open_store(args.file)
    try:
        grid = travel.find_grid(store, args.grid, args.community)
        result, out = travel.checkout(store, grid_id=grid, out=Path(args.out))
    finally:
        store.close()
    households = result.added.get("household", 0)
    print(
        f"{args.out}: grid {out.grid_name} ({out.community_name}) checked out, {households:,} households,"
        f" {result.added.get('visit', 0):,} visits, {result.added.get('request', 0):,} open requests"
    )
    return 0


def run_checkin(args: argparse.Namespace) -> int:
    store = open_store(args.into)
    try:
        result = travel.checkin(store, Path(args.file), dry_run=args.dry_run)
        _report(Path(args.file).name, result, args.dry_run)
        _conflicts(store, args)
    finally:
        store.close()
    return 0


def run_rollup(args: argparse.Namespace) -> int:
    store = open_store(args.into, create=True)
    try:
        for path, result in rollup(store, args.files, dry_run=args.dry_run):
            _report(path.name, result, args.dry_run)
        _conflicts(store, args)
    finally:
        store.close()
    return 0


def run_merge(args: argparse.Namespace) -> int:
    store = open_store(args.into)
    try:
        result = merge_file(store, args.file, dry_run=args.dry_run)
        _report(Path(args.file).name, result, args.dry_run)
        _conflicts(store, args)
    finally:
        store.close()
    return 0
