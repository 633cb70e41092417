"""`gridboard export service-cards|escalations FILE --quarter 2026Q4 --out x.xlsx` and `gridboard serve …`:
the quarter's feedback to work units, the street office's list, rising overdue escalations."""

from __future__ import annotations

import argparse

from gridboard.models import escalation as esc
from gridboard.models import serve_export, service
from gridboard.models.clock import today
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.opening import open_store

# Kinds `gridboard export` takes besides the exchange's own (commands/excel.py hands them here).
EXPORT_KINDS = ("service-cards", "escalations")


def _path(args: argparse.Namespace) -> str:
    path = getattr(args, "db", None) or args.file
    if not path:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Say which .gridboard file to export from."))
    return path


def run_export(args: argparse.Namespace) -> int:
    store = open_store(_path(args), allow_read_only=True)
    try:
        if args.kind == "service-cards":
            quarter = args.quarter or service.quarter_of(today())
            rows = serve_export.export_service_cards(store, quarter, args.out)
            print(f"{quarter}: {rows} services written to {args.out}")
        else:
            rows = serve_export.export_escalations(store, args.out, overdue_only=args.overdue)
            print(f"{rows} escalations written to {args.out}")
    finally:
        store.close()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="units, reporting in, service points and escalations")
    kinds = parser.add_subparsers(dest="serve_command", metavar="ACTION", required=True)
    p = kinds.add_parser(
        "rise", help="escalations past their time limit rise a level (community → street → district)"
    )
    p.add_argument("file", help="the .gridboard file")
    p.set_defaults(func=run_rise)
    p = kinds.add_parser(
        "print", help="print the quarterly feedback sheets or the street office's list to PDF"
    )
    p.add_argument("what", choices=("quarter-sheets", "escalations"))
    p.add_argument("file", help="the .gridboard file")
    p.add_argument("--quarter", help="e.g. 2026Q4 (default: this quarter)")
    p.add_argument("--overdue", action="store_true", help="only overdue escalations")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    p.set_defaults(func=run_print)


def run_rise(args: argparse.Namespace) -> int:
    store = open_store(args.file)
    try:
        risen = esc.rise_overdue(store)
    finally:
        store.close()
    print(f"{len(risen)} escalations rose a level")
    return 0


def run_print(args: argparse.Namespace) -> int:
    from gridboard.commands.print import ensure_gui_application

    app = ensure_gui_application()
    from gridboard.printing import layout, serve_documents
    from gridboard.ui.resources import install_translations

    install_translations(args.lang)
    layout.font_family()
    store = open_store(args.file, allow_read_only=True)
    try:
        if args.what == "quarter-sheets":
            document = serve_documents.quarter_document(store, args.quarter or service.quarter_of(today()))
        else:
            document = serve_documents.escalations_document(store, overdue_only=args.overdue)
        pages = layout.render_pdf(document, args.out)
    finally:
        store.close()
    print(f"{args.out}: {pages} pages")
    del app
    return 0
