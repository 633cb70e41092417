"""Reading the audit trail: who did what, when, to which record, old → new (masked), and reveals.

The viewer (Tools → 操作记录), each household's own history, its .xlsx export and `gridboard audit` all
read `audit_rows`. Values pass through `masking` like every other screen: an old phone number is never
shown more fully than a current one would be.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gridboard.models import operators, records
from gridboard.models.addresses import short_address_sql
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.masking import HIDDEN_COLUMNS, mask_value
from gridboard.models.store import Store

# Tables whose rows belong to one household (by household_id).
HOUSEHOLD_TABLES = ("resident", "visit", "request", "pairing", "rollcall")


@dataclass(frozen=True)
class AuditFilter:
    operator: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive
    grid_id: int | None = None
    household_id: int | None = None
    action: str | None = None
    table: str | None = None
    limit: int = 1000


@dataclass(frozen=True)
class Change:
    column: str
    old: str
    new: str
    was: bool = False  # an update: show old → new even when the old value was empty


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    operator: str
    via: str
    action: str
    table: str
    row_uid: str | None
    record: str  # which record, in words (an address, a name)
    changes: tuple[Change, ...] = field(default_factory=tuple)

    def summary(self, labels: dict[str, str] | None = None) -> str:
        """old → new, one column after another (masked); `labels` name the columns in words."""
        parts = []
        for c in self.changes:
            column = (labels or {}).get(c.column, c.column)
            if not c.old and not c.new:
                continue  # an empty column of a new row says nothing
            if c.was or (c.old and c.new):
                parts.append(f"{column}: {c.old or '—'} → {c.new or '—'}")
            else:
                parts.append(f"{column}: {c.new or c.old}")
        return "; ".join(parts)


def _where(store: Store, f: AuditFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.operator:
        clauses.append("a.operator = ?")
        params.append(f.operator)
    if f.since:
        clauses.append("a.at >= ?")
        params.append(f.since.isoformat())
    if f.until:
        clauses.append("a.at < ?")
        params.append((f.until + timedelta(days=1)).isoformat())
    if f.action:
        clauses.append("a.action = ?")
        params.append(f.action)
    if f.table:
        clauses.append("a.table_name = ?")
        params.append(f.table)
    if f.household_id is not None or f.grid_id is not None:
        if f.household_id is not None:
            households = "SELECT ? AS id"
            area_params: list[Any] = [f.household_id]
        else:
            households = "SELECT h.id FROM main.household h JOIN main.building b ON b.id = h.building_id WHERE b.grid_id = ?"
            area_params = [f.grid_id]
        unions = ["SELECT uid FROM main.household WHERE id IN (SELECT id FROM hh)"] + [
            f"SELECT uid FROM main.{t} WHERE household_id IN (SELECT id FROM hh)" for t in HOUSEHOLD_TABLES
        ]
        if f.grid_id is not None:
            unions += [
                "SELECT uid FROM main.building WHERE grid_id = ?",
                "SELECT uid FROM main.grid WHERE id = ?",
            ]
        clauses.append(f"a.row_uid IN (WITH hh AS ({households}) {' UNION ALL '.join(unions)})")
        params += area_params
        if f.grid_id is not None:
            params += [f.grid_id, f.grid_id]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def audit_rows(store: Store, f: AuditFilter = AuditFilter()) -> list[AuditEntry]:
    """The newest entries first, at most `f.limit`."""
    _may_read(store, f)
    where, params = _where(store, f)
    rows = store.query(
        "SELECT a.id, a.at, a.operator, a.via, a.action, a.table_name, a.row_uid, a.old, a.new"
        f" FROM main.audit_log a{where} ORDER BY a.at DESC, a.id DESC LIMIT ?",
        [*params, f.limit],
    )
    labels = _labels(store, rows)
    return [_entry(r, labels.get((r["table_name"], r["row_uid"]), "")) for r in rows]


def count_rows(store: Store, f: AuditFilter = AuditFilter()) -> int:
    where, params = _where(store, f)
    return int(store.scalar(f"SELECT count(*) FROM main.audit_log a{where}", params))


def operators_in_log(store: Store) -> list[str]:
    return [
        r[0]
        for r in store.execute("SELECT DISTINCT operator FROM main.audit_log ORDER BY operator").fetchall()
    ]


def actions_in_log(store: Store) -> list[str]:
    return [
        r[0] for r in store.execute("SELECT DISTINCT action FROM main.audit_log ORDER BY action").fetchall()
    ]


def _may_read(store: Store, f: AuditFilter) -> None:
    session = operators.session_or_none(store)
    if session is None or session.may("audit"):
        return
    # A grid worker sees the history of a household of their own grids, nothing else.
    if (
        session.role == "grid_worker"
        and f.household_id is not None
        and session._own_household(store, f.household_id)
    ):
        return
    raise operators.NotAllowed(
        QT_TRANSLATE_NOOP("Errors", "{name}'s role does not allow reading the audit trail."),
        name=session.name,
    )


def _decode(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _entry(r: Any, label: str) -> AuditEntry:
    old, new = _decode(r["old"]), _decode(r["new"])
    changes: list[Change] = []
    if isinstance(old, dict) or isinstance(new, dict):
        old_d = old if isinstance(old, dict) else {}
        new_d = new if isinstance(new, dict) else {}
        for column in dict.fromkeys([*old_d, *new_d]):
            if column in HIDDEN_COLUMNS:
                continue
            changes.append(
                Change(
                    column,
                    mask_value(column, old_d.get(column)),
                    mask_value(column, new_d.get(column)),
                    isinstance(old, dict) and isinstance(new, dict),
                )
            )
    elif old is not None or new is not None:
        changes.append(Change("", mask_value("", old), mask_value("", new)))
    return AuditEntry(
        r["id"],
        r["at"],
        r["operator"],
        r["via"] or "",
        r["action"],
        r["table_name"],
        r["row_uid"],
        label,
        tuple(changes),
    )


def _labels(store: Store, rows: list[Any]) -> dict[tuple[str, str | None], str]:
    """Which record each row is about, in words (an address; a resident's or member's name)."""
    wanted: dict[str, set[str]] = {}
    for r in rows:
        if r["row_uid"]:
            wanted.setdefault(r["table_name"], set()).add(r["row_uid"])
    labels: dict[tuple[str, str | None], str] = {}
    address = short_address_sql("b", "h")
    for table, uids in wanted.items():
        marks = ",".join("?" for _ in uids)
        if table == "household":
            sql = f"SELECT h.uid, {address} FROM main.household h JOIN main.building b ON b.id = h.building_id WHERE h.uid IN ({marks})"
        elif table in HOUSEHOLD_TABLES:
            extra = "x.name || ' · ' || " if table == "resident" else ""
            sql = (
                f"SELECT x.uid, {extra}{address} FROM main.{table} x JOIN main.household h ON h.id = x.household_id"
                f" JOIN main.building b ON b.id = h.building_id WHERE x.uid IN ({marks})"
            )
        elif table in records.NAMED_TABLES or table == "operator":
            sql = f"SELECT uid, name FROM main.{table} WHERE uid IN ({marks})"
        else:
            continue
        try:
            for uid, text in store.execute(sql, list(uids)).fetchall():
                labels[(table, uid)] = str(text or "")
        except Exception:  # noqa: BLE001 - a table this file does not have (yet): no label
            continue
    return labels


# -- reveal ------------------------------------------------------------------------------------------


def record_reveal(
    store: Store, *, what: str, reason: str, target: str = "", count: int | None = None
) -> None:
    """Showing numbers in full ("reveal") for one export or print: allowed by role, a reason given,
    written to the audit trail with what was revealed."""
    operators.require(store, "reveal")
    reason = (reason or "").strip()
    records.require(bool(reason), QT_TRANSLATE_NOOP("Errors", "Say why the numbers must be shown in full."))
    with store.atomic():
        records.log(
            store,
            "reveal",
            "export",
            None,
            None,
            {
                "what": what,
                "reason": reason,
                "file": os.path.basename(target) if target else "",
                "rows": count,
            },
        )


# -- export --------------------------------------------------------------------------------------------

AUDIT_COLUMNS = (
    ("时间", 20.0),
    ("操作人", 12.0),
    ("来源", 8.0),
    ("操作", 12.0),
    ("表", 14.0),
    ("记录", 28.0),
    ("变更（旧 → 新，已遮蔽）", 70.0),
)


def export_audit(
    store: Store,
    path: str | os.PathLike[str],
    f: AuditFilter = AuditFilter(limit=1_000_000),
    *,
    words: Callable[[AuditEntry], Sequence[str]] | None = None,
) -> int:
    """The filtered trail to .xlsx, masked as on screen; returns the number of rows written.
    `words(entry)` gives a row's seven cells in words (the viewer's); without it, the codes."""
    from openpyxl import Workbook

    from gridboard.models.outputs import replacing

    entries = audit_rows(store, f)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("操作记录")
    from openpyxl.utils import get_column_letter

    for index, (_title, width) in enumerate(AUDIT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([title for title, _ in AUDIT_COLUMNS])
    for e in entries:
        cells = words(e) if words else (e.at, e.operator, e.via, e.action, e.table, e.record, e.summary())
        sheet.append([_cell(str(c)) for c in cells])
    with replacing(path, "xlsx") as partial:
        book.save(partial)
    return len(entries)


def _cell(text: str) -> str:
    # A value that starts like a formula is written as text (the export's own guard).
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
