"""`gridboard audit FILE [--since DATE] [--operator NAME] [--json]`, and `--operator` for commands that write."""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import closing
from dataclasses import asdict
from datetime import date
from typing import TextIO

from gridboard.models import audit, operators
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store, open_read_only


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("audit", help="who changed what, when (the audit trail, masked; read only)")
    p.add_argument("file", nargs="?", metavar="FILE", help="the .gridboard file")
    p.add_argument("--db", help="the .gridboard file (instead of the positional FILE)")
    p.add_argument("--since", type=date.fromisoformat, help="from this day (YYYY-MM-DD)")
    p.add_argument("--until", type=date.fromisoformat, help="up to and including this day (YYYY-MM-DD)")
    p.add_argument("--operator", help="only what this operator did")
    p.add_argument("--action", help="only this kind of action (insert, update, reveal, sign_in, purge…)")
    p.add_argument("--limit", type=int, default=100_000, help="at most this many entries, newest first")
    p.add_argument("--json", action="store_true", help="machine-readable output (one JSON array)")
    p.set_defaults(func=run_audit)


def add_operator_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--operator",
        default=os.environ.get("GRIDBOARD_OPERATOR") or None,
        help="who is writing: one of the file's operators, recorded as coming from the command line"
        " (default: $GRIDBOARD_OPERATOR)",
    )


def sign_in_cli(store: Store, name: str | None) -> None:
    """The file's operator NAME for this command; every row it writes says it came from the command line."""
    if store.read_only is None:
        operators.session_for_cli(store, name)


def record_cli_reveal(store: Store, *, what: str, reason: str | None, target: str) -> None:
    """`--reveal`/`--show-phones`: allowed by the operator's role, with `--reason`, written to the trail."""
    if store.read_only is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Numbers can be shown in full only where that can be recorded: this file is read only here.",
            )
        )
    audit.record_reveal(store, what=what, reason=reason or "", target=target)


def run_audit(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    path = args.db or args.file
    if not path:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Name the .gridboard file to look at."))
    f = audit.AuditFilter(
        operator=args.operator, since=args.since, until=args.until, action=args.action, limit=args.limit
    )
    with closing(open_read_only(path, check="none")) as store:
        entries = audit.audit_rows(store, f)
    if args.json:
        json.dump([_jsonable(e) for e in entries], out, ensure_ascii=False, indent=1)
        print(file=out)
        return 0
    for e in entries:
        via = " (command line)" if e.via == "cli" else ""
        record = f" {e.record}" if e.record else ""
        print(f"{e.at[:19]}  {e.operator}{via}  {e.action} {e.table}{record}  {e.summary()}", file=out)
    print(f"{len(entries)} entries", file=out)
    return 0


def _jsonable(e: audit.AuditEntry) -> dict:
    data = asdict(e)
    data["changes"] = [{"column": c["column"], "old": c["old"], "new": c["new"]} for c in data["changes"]]
    return data
