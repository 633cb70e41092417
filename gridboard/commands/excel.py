"""`gridboard import`, `gridboard export` and `gridboard template`: the Excel exchange on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from gridboard.commands import service_cards
from gridboard.commands.audit import add_operator_argument, record_cli_reveal, sign_in_cli
from gridboard.exchange import export as exporter
from gridboard.exchange.importer import (
    Edits,
    Plan,
    apply_mapping_file,
    detect_layouts,
    plan_import,
    write_plan,
)
from gridboard.exchange.reader import read_book
from gridboard.exchange.templates import TEMPLATE_KINDS, write_template
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.opening import open_for_reading, open_store


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import", help="import households, residents, members, pairings from .xlsx/.csv"
    )
    p.add_argument("sheet", help="the .xlsx or .csv file to import")
    p.add_argument(
        "--into", "--db", dest="db", required=True, help="the .gridboard file (created if missing)"
    )
    p.add_argument("--dry-run", action="store_true", help="only report problems and counts; write nothing")
    add_operator_argument(p)
    p.add_argument(
        "--mapping",
        help='JSON: {"sheet or *": {"kind": "ledger", "columns": {"header": "field"}},'
        ' "words": {"tag": {"失独": "empty_nest"}, "member_kind": {"党小组长": "community_member"}}}',
    )
    p.set_defaults(func=run_import)

    p = subparsers.add_parser(
        "export", help="write a ledger, visits, requests or coverage report to .xlsx (or .csv)"
    )
    p.add_argument("kind", choices=(*exporter.EXPORT_KINDS, *service_cards.EXPORT_KINDS))
    p.add_argument("file", nargs="?", help="the .gridboard file")
    p.add_argument("--db", help="the .gridboard file (instead of the positional FILE)")
    p.add_argument("--out", required=True, help="the .xlsx to write (.csv: a CSV file per sheet)")
    p.add_argument("--from", dest="start", type=date.fromisoformat, help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", type=date.fromisoformat, help="last day (YYYY-MM-DD)")
    p.add_argument("--reveal", action="store_true", help="write phone and ID numbers unmasked")
    p.add_argument("--check", action="store_true", help="run the whole-file check first")
    p.add_argument("--quarter", help="service-cards: the quarter, e.g. 2026Q4 (default: this quarter)")
    p.add_argument("--overdue", action="store_true", help="escalations: only the overdue ones")
    p.add_argument(
        "--reason", help="why the numbers must be written in full (recorded; needed with --reveal)"
    )
    add_operator_argument(p)
    p.set_defaults(func=run_export)

    p = subparsers.add_parser("template", help="write a blank import workbook with an example row")
    p.add_argument("kind", choices=TEMPLATE_KINDS)
    p.add_argument("--out", required=True)
    p.set_defaults(func=run_template)


def print_report(plan: Plan, out=None) -> None:
    out = out or sys.stdout
    for layout in plan.skipped_sheets():
        print(f"sheet {layout.name}: skipped: {layout.skip_reason or 'marked not to import'}", file=out)
    for problem in plan.problems:
        kind = "error" if problem.severity == "error" else "warning"
        column = f" column {problem.column}" if problem.column else ""
        value = f" [{problem.value}]" if problem.value else ""
        print(f"{kind}: {problem.sheet} row {problem.row}{column}{value}: {problem.text()}", file=out)
    if plan.problems_cut:
        print(f"… and {plan.problems_cut} more problems not listed", file=out)
    for (vocabulary, word), unknown in sorted(plan.unknown.items()):
        print(
            f"unknown {vocabulary}: {word} ({unknown.count}; first {unknown.sheet} row {unknown.row})",
            file=out,
        )
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(plan.skipped_rows.items()) if why != "empty")
    if skipped:
        print(f"rows not data, skipped: {skipped}", file=out)
    print(
        f"{plan.rows} rows; {plan.errors_total} errors, {plan.warnings_total} warnings; {plan.summary()}",
        file=out,
    )


def run_import(args: argparse.Namespace) -> int:
    book = read_book(args.sheet)
    store = open_store(args.db, create=True)
    try:
        sign_in_cli(store, args.operator)
        layouts = detect_layouts(store, book)
        edits = Edits()
        if args.mapping:
            mapping = json.loads(Path(args.mapping).read_text(encoding="utf-8"))
            apply_mapping_file(layouts, mapping)
            for vocabulary, words in (mapping.get("words") or {}).items():
                edits.words.update({(vocabulary, word): code for word, code in words.items()})
        for layout in layouts:
            if layout.kind == "skip":
                continue
            fields = ", ".join(
                f"{layout.headers[i] if i < len(layout.headers) else i}→{f}"
                for i, f in sorted(layout.mapping.items())
            )
            print(f"sheet {layout.name}: {layout.kind}, header row {layout.header_row + 1}: {fields}")
        plan = plan_import(store, book, layouts, edits)
        if args.dry_run or plan.blocked:
            print_report(plan)
            if plan.blocked:
                print("nothing was written", file=sys.stderr)
                return 1
            return 0
        plan = write_plan(store, plan)
        print_report(plan)
        return 0
    finally:
        store.close()


def run_export(args: argparse.Namespace) -> int:
    if args.kind in service_cards.EXPORT_KINDS:
        return service_cards.run_export(args)
    db = args.db or args.file
    if not db:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Say which .gridboard file to export from."))
    # Export only reads: a file open in the app (or read only) is exported as it is, never adopted.
    # Reading needs no whole-file check (a damaged page is an error where it is read); asked, it runs.
    # Revealing numbers is recorded in the audit trail, which writes.
    if args.reveal:
        store = open_store(db)
    else:
        store = open_for_reading(db, check="quick" if getattr(args, "check", False) else "none")
    try:
        sign_in_cli(store, args.operator)
        if args.reveal:
            record_cli_reveal(store, what=f"export {args.kind}", reason=args.reason, target=args.out)
        rows = exporter.export(store, args.kind, args.out, start=args.start, end=args.end, reveal=args.reveal)
    finally:
        store.close()
    files = exporter.output_files(args.kind, args.out)
    print(f"{rows} rows written to {', '.join(map(str, files))}")
    return 0


def run_template(args: argparse.Namespace) -> int:
    write_template(args.kind, args.out)
    print(f"template written to {args.out}")
    return 0
