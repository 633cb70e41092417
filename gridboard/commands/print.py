"""`gridboard print member-sheet|building-list|grid-sheets|contact-table|requests-list … --out FILE.pdf`.

The same documents and layout code as the app's Print menu; the sheets printed are numbered and
recorded (unless --no-record), so the paper that comes back can be entered by its number.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from gridboard.commands.audit import add_operator_argument, record_cli_reveal, sign_in_cli
from gridboard.models import ledger
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.opening import open_for_reading, open_store
from gridboard.models.store import Store

KINDS = ("member-sheet", "building-list", "grid-sheets", "contact-table", "requests-list")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "print", help="print visit sheets, door-knocking lists, contact tables to PDF"
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)

    def common(p: argparse.ArgumentParser, *, sheets: bool = True) -> None:
        p.add_argument("file", nargs="?", help="the .gridboard file")
        p.add_argument("--db", help="the .gridboard file (instead of the positional FILE)")
        p.add_argument("--out", required=True, help="the PDF to write")
        p.add_argument("--lang", default="zh_CN", help="language of the printout: zh_CN (default) or en")
        if sheets:
            p.add_argument("--order", choices=("bottom", "top"), default=None, help="walk floors up or down")
            p.add_argument("--period", help="the period printed in the header (default: this month)")
            p.add_argument("--show-phones", action="store_true", help="print residents' phones unmasked")
            p.add_argument("--no-record", action="store_true", help="do not number and record the sheets")
            p.add_argument(
                "--reason", help="why phones must be printed in full (recorded; needed with --show-phones)"
            )
        add_operator_argument(p)
        p.set_defaults(func=run_print)

    p = kinds.add_parser("member-sheet", help="a member's visit sheet: every household they cover")
    p.add_argument("--member", required=True, help="member id or name")
    common(p)
    p = kinds.add_parser("building-list", help="a building's door-knocking list, floor by floor")
    p.add_argument("--building", required=True, help="building id or name")
    common(p)
    p = kinds.add_parser("grid-sheets", help="a grid's sheets, one per member or per building")
    p.add_argument("--grid", required=True, help="grid id or name")
    p.add_argument("--by", choices=("member", "building"), default="member")
    common(p)
    p = kinds.add_parser("contact-table", help="the contact table for a unit entrance (对接服务联系表)")
    p.add_argument("--building", required=True, help="building id or name")
    p.add_argument("--unit", type=int, help="only this unit (default: one page per unit)")
    common(p, sheets=False)
    p = kinds.add_parser("requests-list", help="the day's requests list (received, still open and due)")
    p.add_argument("--day", help="the day (YYYY-MM-DD, default today)")
    p.add_argument("--grid", help="only this grid (id or name)")
    common(p, sheets=False)


def find_id(store: Store, table: str, value: str) -> int:
    """A row by id, or by its exact name when that names exactly one."""
    value = value.strip()
    if value.isdigit() and ledger.row_exists(store, table, int(value)):
        return int(value)
    ids = ledger.active_ids_named(store, table, value)
    if not ids:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No {table} is called {name}."), table=table, name=value
        )
    if len(ids) > 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Several {table}s are called {name}; give one of the ids {ids}."),
            table=table,
            name=value,
            ids=", ".join(map(str, ids)),
        )
    return ids[0]


def ensure_gui_application() -> Any:
    """Fonts and painting need a QGuiApplication; with no display, use the offscreen platform."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def run_print(args: argparse.Namespace) -> int:
    path = args.db or args.file
    if not path:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Name the .gridboard file to print from."))
    app = ensure_gui_application()
    from gridboard.printing import documents, layout
    from gridboard.ui.resources import install_translations

    install_translations(args.lang)
    layout.font_family()
    # Recording the sheets writes; printing without recording works on a file open elsewhere, or read only.
    records = args.kind not in ("contact-table", "requests-list") and not args.no_record
    # Numbering the sheets (or recording that phones were shown) writes, so the file is checked
    # first; a printout that only reads is not.
    writes = records or getattr(args, "show_phones", False)
    store = open_store(path) if writes else open_for_reading(path)
    try:
        sign_in_cli(store, args.operator)
        if getattr(args, "show_phones", False):
            record_cli_reveal(store, what=f"print {args.kind}", reason=args.reason, target=args.out)
        if args.kind == "requests-list":
            grid = find_id(store, "grid", args.grid) if args.grid else None
            document = documents.todays_requests_document(store, args.day, grid_id=grid)
        elif args.kind == "contact-table":
            document = documents.contact_table_document(
                store, find_id(store, "building", args.building), args.unit
            )
        else:
            default_order = "top" if args.kind == "building-list" else "bottom"
            options = documents.SheetOptions(
                floor_order=args.order or default_order, mask_phones=not args.show_phones, period=args.period
            )
            record = not args.no_record
            if args.kind == "member-sheet":
                member = find_id(store, "member", args.member)
                document = documents.member_sheet_document(store, member, options, record=record)
            elif args.kind == "building-list":
                building = find_id(store, "building", args.building)
                document = documents.building_list_document(store, building, options, record=record)
            else:
                grid = find_id(store, "grid", args.grid)
                from gridboard.printing.emergency import roster_before_sheets

                document = documents.grid_sheets_document(
                    store, grid, options, by=args.by, record=record, before=roster_before_sheets(store, grid)
                )
        pages = layout.render_pdf(document, args.out)
    finally:
        store.close()
    numbers = [s.qr for s in document.sections if s.qr]
    if len(numbers) > 3:
        numbers = [numbers[0], "…", numbers[-1], f"({len(numbers)} sheets)"]
    print(f"{args.out}: {pages} pages" + (f"; sheets {' '.join(numbers)}" if numbers else ""))
    del app
    return 0
