"""`gridboard import`, `gridboard export` and `gridboard template`: the Excel exchange on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from gridboard.exchange import export as exporter
from gridboard.exchange.importer import Report, apply_import, apply_mapping_file, detect_layouts, preview
from gridboard.exchange.reader import read_book
from gridboard.exchange.templates import TEMPLATE_KINDS, write_template
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import", help="import households, residents, members, pairings from .xlsx/.csv"
    )
    p.add_argument("sheet", help="the .xlsx or .csv file to import")
    p.add_argument(
        "--into", "--db", dest="db", required=True, help="the .gridboard file (created if missing)"
    )
    p.add_argument("--dry-run", action="store_true", help="only report problems and counts; write nothing")
    p.add_argument(
        "--mapping", help='JSON: {"sheet or *": {"kind": "ledger", "columns": {"header": "field"}}}'
    )
    p.set_defaults(func=run_import)

    p = subparsers.add_parser("export", help="write a ledger, visits, requests or coverage report to .xlsx")
    p.add_argument("kind", choices=exporter.EXPORT_KINDS)
    p.add_argument("file", nargs="?", help="the .gridboard file")
    p.add_argument("--db", help="the .gridboard file (instead of the positional FILE)")
    p.add_argument("--out", required=True, help="the .xlsx to write")
    p.add_argument("--from", dest="start", type=date.fromisoformat, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=date.fromisoformat, help="last day (YYYY-MM-DD)")
    p.add_argument("--reveal", action="store_true", help="write phone and ID numbers unmasked")
    p.set_defaults(func=run_export)

    p = subparsers.add_parser("template", help="write a blank import workbook with an example row")
    p.add_argument("kind", choices=TEMPLATE_KINDS)
    p.add_argument("--out", required=True)
    p.set_defaults(func=run_template)


def print_report(report: Report, out=None) -> None:
    out = out or sys.stdout
    for problem in report.problems:
        kind = "error" if problem.severity == "error" else "warning"
        column = f" column {problem.column}" if problem.column else ""
        value = f" [{problem.value}]" if problem.value else ""
        print(f"{kind}: {problem.sheet} row {problem.row}{column}{value}: {problem.text()}", file=out)
    if report.unknown_tags:
        words = ", ".join(f"{w} ({n})" for w, n in report.unknown_tags.most_common())
        print(f"unknown tags: {words}", file=out)
    print(
        f"{report.rows} rows; {len(report.errors)} errors, {len(report.warnings)} warnings; {report.summary()}",
        file=out,
    )


def run_import(args: argparse.Namespace) -> int:
    book = read_book(args.sheet)
    store = open_store(args.db, create=True)
    try:
        layouts = detect_layouts(store, book)
        if args.mapping:
            apply_mapping_file(layouts, json.loads(Path(args.mapping).read_text(encoding="utf-8")))
        for layout in layouts:
            fields = ", ".join(
                f"{layout.headers[i] if i < len(layout.headers) else i}→{f}"
                for i, f in sorted(layout.mapping.items())
            )
            print(f"sheet {layout.name}: {layout.kind}, header row {layout.header_row + 1}: {fields}")
        report = preview(store, book, layouts)
        if args.dry_run or report.errors:
            print_report(report)
            if report.errors:
                print("nothing was written", file=sys.stderr)
                return 1
            return 0
        report = apply_import(store, book, layouts)
        print_report(report)
        return 0
    finally:
        store.close()


def run_export(args: argparse.Namespace) -> int:
    db = args.db or args.file
    if not db:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Say which .gridboard file to export from."))
    store = open_store(db)
    try:
        rows = exporter.export(store, args.kind, args.out, start=args.start, end=args.end, reveal=args.reveal)
    finally:
        store.close()
    print(f"{rows} rows written to {args.out}")
    return 0


def run_template(args: argparse.Namespace) -> int:
    write_template(args.kind, args.out)
    print(f"template written to {args.out}")
    return 0
