"""Small helpers every action uses: insert and update with uid/timestamps, and the audit trail."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from gridboard.models.clock import new_uid, now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.masking import mask_row
from gridboard.models.store import Store
from gridboard.models.values import clean_row


def insert(store: Store, table: str, values: dict[str, Any], *, audit: bool = True) -> int:
    """Insert one row with a fresh uid and timestamps (values cleaned and checked by `values.clean_row`);
    returns its integer id."""
    values = clean_row(table, values)
    _allowed(store, table, values)
    stamp = now_iso()
    row = {"uid": new_uid(), "created_at": stamp, "updated_at": stamp, **values}
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = _written(store, f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()), table)
    if audit:
        log(store, "insert", table, row["uid"], None, values)
    return int(cursor.lastrowid or 0)  # an INSERT always sets it


def fetch(store: Store, table: str, row_id: int | None) -> dict[str, Any]:
    row = store.one(f"SELECT * FROM {table} WHERE id = ?", [row_id])
    if row is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table=table, id=row_id)
    return dict(row)


def update(
    store: Store, table: str, row_id: int, values: dict[str, Any], *, action: str = "update"
) -> dict[str, Any]:
    """Update columns of one row, logging old and new values; returns the old row."""
    old = fetch(store, table, row_id)
    # Only what changes is checked: a value the file already holds is never refused on its way back.
    changed = {k: v for k, v in values.items() if old.get(k) != v}
    changed = {k: v for k, v in clean_row(table, changed).items() if old.get(k) != v}
    if not changed:
        return old
    _allowed(store, table, old)
    assignments = ", ".join(f"{column} = ?" for column in changed)
    _written(
        store,
        f"UPDATE {table} SET {assignments}, updated_at = ? WHERE id = ?",
        [*changed.values(), now_iso(), row_id],
        table,
    )
    log(store, action, table, old["uid"], {k: old[k] for k in changed}, changed)
    return old


def log(
    store: Store,
    action: str,
    table: str,
    row_uid: str | None,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
) -> None:
    """Append to the audit trail: who changed what, with old and new values, and the signed-in
    operator's uid and where the write came from ("app" or "cli"; "" with no one signed in)."""
    if action not in _ANYONE:
        _allowed(store, table, new if new is not None else old)
    store.execute(AUDIT_INSERT, audit_values(store, action, table, row_uid, old, new))


# One audit row: `audit_values` gives its parameters (a bulk writer, the importer, runs `AUDIT_INSERT`
# with many of them), so every writer records the signed-in operator and keeps numbers masked.
AUDIT_INSERT = (
    "INSERT INTO audit_log (uid, created_at, updated_at, at, operator, action, table_name,"
    " row_uid, old, new, operator_uid, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def audit_values(
    store: Store,
    action: str,
    table: str,
    row_uid: str | None,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    *,
    stamp: str | None = None,
) -> tuple[Any, ...]:
    """The parameters of AUDIT_INSERT: who (the operator's name, uid and where from), when, what."""
    session = getattr(store, "session", None)
    stamp = stamp or now_iso()
    return (
        new_uid(),
        stamp,
        stamp,
        stamp,
        store.operator,
        action,
        table,
        row_uid,
        None if old is None else json.dumps(mask_row(old), ensure_ascii=False, default=str),
        None if new is None else json.dumps(mask_row(new), ensure_ascii=False, default=str),
        None if session is None else session.uid,
        "" if session is None else session.via,
    )


# Audit rows any signed-in operator leaves (the action itself was checked where it was asked for).
_ANYONE = frozenset({"sign_in", "reveal"})


def _allowed(store: Store, table: str, row: dict[str, Any] | None) -> None:
    """The signed-in operator's role refuses, in words, what it may not write (operators.Session)."""
    session = getattr(store, "session", None)
    if session is not None:
        session.check_write(store, table, row)


def _written(store: Store, sql: str, params: list[Any], table: str) -> sqlite3.Cursor:
    """Run one write; a row pointing at a record that does not exist is a message, not a crash."""
    try:
        return store.execute(sql, params)
    except sqlite3.IntegrityError as error:
        if "FOREIGN KEY" not in str(error):
            raise
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "This {table} refers to a record that does not exist (any more)."),
            table=table,
        ) from error


def require(condition: bool, template: str, **params: Any) -> None:
    """Refuse with InvalidInput(template, **params) unless `condition` holds."""
    if not condition:
        raise InvalidInput(template, **params)


NAMED_TABLES = ("community", "grid", "building", "member", "resident", "tag")


def name_of(store: Store, table: str, row_id: int | None) -> str:
    """The `name` of one row of a named table ("" when there is none): what labels and titles show."""
    if table not in NAMED_TABLES:
        raise ValueError(f"{table} has no name column")
    if row_id is None:
        return ""
    return str(store.scalar(f"SELECT name FROM {table} WHERE id = ?", [row_id]) or "")
