"""Undo that keeps identities: an action's rows as they were and as it left them (Anki's undo in the collection).

    done = undo.run(store, "Create a grid", ledger.create_grid, community_id=c, name="第二网格")
    done.result        # what the action returned (the new grid's id)
    done.changes       # what it changed (the same `Changes` the notifier emits)
    done.step.undo(store); done.step.redo(store)

`run` records, while the action runs inside one transaction, every row it touched: TEMP triggers on
this connection keep the first image of each row an UPDATE or DELETE touched, and rows above each
table's highest id before the action are the rows it inserted. The `Step` holds both images by table
and id, so undo puts back exactly the rows that were (same ids, same uids) and redo puts back exactly
the rows the action made: never new rows with new ids. No action writes its own inverse, so none can
forget one; an import or a whole dialog is one step. Tallies follow through their triggers; undo and
redo are written to the audit trail (action "undo"/"redo", old and new values), and the action's own
audit rows stay. A row changed since by something outside the step is never overwritten: the undo is
refused in words (`UndoConflict`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from gridboard.models import records, tallies
from gridboard.models.changes import Changes
from gridboard.models.clock import now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.rules import advance_tallies
from gridboard.models.store import Store

T = TypeVar("T")
# `progress(done, total)`, called between tables and before the commit; raising `errors.Cancelled`
# there rolls the whole undo or redo back (the file stays as it was).
Progress = Callable[[int, int], None]

# The file's machinery and derived data are not the user's rows: the audit trail keeps its history (an
# undo is recorded in it, never erased from it), tallies follow their triggers, operators and files'
# identities and travel records are not undone by an edit's undo.
_SKIPPED = frozenset({"audit_log", "operator", "operator_grid", "file_identity", "_sqlite_migrations"})
_SKIPPED_PREFIXES = ("tally_", "sqlite_", "travel_")
# Rows of these tables change what every view shows (cycles, the emergency's own rules, the tree of places).
_EVERYTHING = frozenset({"setting", "emergency", "community", "building"})
# Above this many rows one step is "everything" for the views (an import).
_MANY = 2000
_LOG = "gridboard_undo_log"  # TEMP tables: unqualified inside TEMP triggers
_ON = "gridboard_undo_on"
_CHUNK = 500

Image = tuple[Any, ...] | None  # a row's values in `Step.columns[table]` order; None: no such row


class UndoConflict(InvalidInput):
    """A row the step would put back was changed since by something that is not on the undo list."""


@dataclass(frozen=True)
class Step:
    """One user action's inverse: the rows it touched, by table and id, before and after it."""

    text: str
    columns: dict[str, tuple[str, ...]]
    before: dict[str, dict[int, Image]]
    after: dict[str, dict[int, Image]]

    def __bool__(self) -> bool:
        return any(self.before.values())

    @property
    def size(self) -> int:
        return sum(len(rows) for rows in self.before.values())

    def undo(self, store: Store, progress: Progress | None = None) -> Changes:
        """Put back the rows as they were before the action (same ids and uids)."""
        return _restore(store, self, have=self.after, want=self.before, action="undo", progress=progress)

    def redo(self, store: Store, progress: Progress | None = None) -> Changes:
        """Put back the rows as the action left them (the same rows again, never new ones)."""
        return _restore(store, self, have=self.before, want=self.after, action="redo", progress=progress)


@dataclass
class Done(Generic[T]):
    """What `run` gives back: the action's result, what it changed, and how to take it back."""

    result: T
    changes: Changes = field(default_factory=Changes)
    step: Step | None = None


def run(store: Store, text: str, action: Callable[..., T], /, *args: Any, **kwargs: Any) -> Done[T]:
    """Run `action(store, *args, **kwargs)` in one transaction and return it with its undo step.

    A failure leaves the file as it was (the transaction rolls back) and propagates. Inside another
    `run` (an action made of actions), the inner one is part of the outer step and has none itself.
    """
    pending = store.take_changes()
    try:
        if getattr(store, "_undo_recording", False):
            return Done(action(store, *args, **kwargs))
        _installed(store)  # before the transaction, when it can: its TEMP triggers then outlive a rollback
        with store.atomic():
            tops = _tops(store)
            _start(store, tops)
            try:
                result = action(store, *args, **kwargs)
                step = _collect(store, text, tops)
            finally:
                _stop(store, tops)
        if step.size > _MANY:
            store.changes.everything = True
        return Done(result, store.changes, step if step else None)
    finally:
        mine = store.take_changes()
        pending.merge(mine)
        store.changes = pending


# -- recording ----------------------------------------------------------------------------------------


def tables(store: Store) -> dict[str, tuple[str, ...]]:
    """The tables whose rows undo puts back, with their columns (id first)."""
    names = [
        row[0]
        for row in store.conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
    ]
    found: dict[str, tuple[str, ...]] = {}
    for name in names:
        if name in _SKIPPED or name.startswith(_SKIPPED_PREFIXES):
            continue
        columns = tuple(row[1] for row in store.conn.execute(f'PRAGMA main.table_info("{name}")').fetchall())
        if "id" in columns:
            found[name] = ("id", *(c for c in columns if c != "id"))
    return found


def _tops(store: Store) -> dict[str, tuple[tuple[str, ...], int]]:
    """Each table's columns and highest id, in one query."""
    found = _installed(store)
    sql = " UNION ALL ".join(f"SELECT '{name}', coalesce(max(id), 0) FROM main.\"{name}\"" for name in found)
    return {name: (found[name], int(top)) for name, top in store.conn.execute(sql).fetchall()}


def _installed(store: Store) -> dict[str, tuple[str, ...]]:
    """The recording triggers of this connection, made once (again when the file's schema changed).

    They stay, idle, between actions: each fires only while `_ON` holds its table's highest id from
    before the step, and only for rows up to it (rows the step inserted need no first image), so an
    action pays for no DDL and a write outside a step costs one look into an empty TEMP table."""
    conn = store.conn
    # Both versions: a rolled-back transaction takes TEMP objects made inside it away again.
    version = (
        conn.execute("PRAGMA main.schema_version").fetchone()[0],
        conn.execute("PRAGMA temp.schema_version").fetchone()[0],
    )
    cached = getattr(store, "_undo_installed", None)
    if cached is not None and cached[0] is conn and cached[1] == version:
        return cached[2]
    found = tables(store)
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {_LOG} (tbl TEXT, rid INTEGER, old TEXT, PRIMARY KEY (tbl, rid))"
    )
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_ON} (tbl TEXT PRIMARY KEY, top INTEGER) WITHOUT ROWID")
    for (name,) in conn.execute(
        "SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'gridboard_undo_%'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER temp."{name}"')
    for name, columns in found.items():
        image = "json_array(" + ", ".join(f'OLD."{c}"' for c in columns) + ")"
        for event in ("UPDATE", "DELETE"):
            conn.execute(
                f'CREATE TEMP TRIGGER "gridboard_undo_{event.lower()}_{name}" BEFORE {event} ON main."{name}"'
                f" WHEN OLD.id <= (SELECT top FROM {_ON} WHERE tbl = '{name}')"
                f" BEGIN INSERT OR IGNORE INTO {_LOG} VALUES ('{name}', OLD.id, {image}); END"
            )
    version = (version[0], conn.execute("PRAGMA temp.schema_version").fetchone()[0])
    store._undo_installed = (conn, version, found)  # type: ignore[attr-defined]
    return found


def _start(store: Store, tops: dict[str, tuple[tuple[str, ...], int]]) -> None:
    conn = store.conn
    conn.execute(f"DELETE FROM temp.{_LOG}")
    conn.executemany(
        f"INSERT INTO temp.{_ON} VALUES (?, ?)", [(name, top) for name, (_cols, top) in tops.items()]
    )
    store._undo_recording = True  # type: ignore[attr-defined]


def _stop(store: Store, tops: dict[str, tuple[tuple[str, ...], int]]) -> None:
    store._undo_recording = False  # type: ignore[attr-defined]
    if store.conn.in_transaction:  # else a RAISE(ROLLBACK) or a full disk ended it, and rolled these back
        store.conn.execute(f"DELETE FROM temp.{_ON}")
        store.conn.execute(f"DELETE FROM temp.{_LOG}")


def _collect(store: Store, text: str, tops: dict[str, tuple[tuple[str, ...], int]]) -> Step:
    conn = store.conn
    columns: dict[str, tuple[str, ...]] = {}
    before: dict[str, dict[int, Image]] = {}
    after: dict[str, dict[int, Image]] = {}
    touched: dict[str, dict[int, Image]] = {}
    for name, rid, old in conn.execute(f"SELECT tbl, rid, old FROM temp.{_LOG} ORDER BY tbl, rid").fetchall():
        if rid <= tops[name][1]:
            touched.setdefault(name, {})[int(rid)] = tuple(json.loads(old))
    grown = {name for name, (_cols, top) in _tops(store).items() if top > tops[name][1]}
    for name, (cols, top) in tops.items():
        if name not in grown and name not in touched:
            continue
        listed = ", ".join(f'"{c}"' for c in cols)
        was = touched.get(name, {})
        now: dict[int, Image] = {}
        for rid, *values in conn.execute(
            f'SELECT {listed} FROM main."{name}" WHERE id > ? ORDER BY id', [top]
        ):
            now[int(rid)] = (rid, *values)
        made = dict.fromkeys(now, None)
        for chunk in _chunks(list(was)):
            marks = ", ".join("?" for _ in chunk)
            for rid, *values in conn.execute(
                f'SELECT {listed} FROM main."{name}" WHERE id IN ({marks})', chunk
            ):
                now[int(rid)] = (rid, *values)
        old_rows: dict[int, Image] = {**made, **was}
        new_rows = {rid: now.get(rid) for rid in old_rows}
        kept = {rid for rid in old_rows if old_rows[rid] != new_rows[rid]}
        if kept:
            columns[name] = cols
            before[name] = {rid: old_rows[rid] for rid in sorted(kept)}
            after[name] = {rid: new_rows[rid] for rid in sorted(kept)}
    return Step(text, columns, before, after)


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# -- restoring ----------------------------------------------------------------------------------------


def _restore(
    store: Store,
    step: Step,
    *,
    have: dict[str, dict[int, Image]],
    want: dict[str, dict[int, Image]],
    action: str,
    progress: Progress | None = None,
) -> Changes:
    """Check the rows are as `have` says (but for when they were last changed), then make them `want`."""
    pending = store.take_changes()
    try:
        try:
            _restore_rows(store, step, have=have, want=want, action=action, progress=progress)
        except sqlite3.IntegrityError as error:  # the deferred foreign keys, at the commit
            if "FOREIGN KEY" not in str(error):
                raise
            raise UndoConflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{text}” cannot be taken back: records made since refer to it. Nothing was changed.",
                ),
                text=step.text,
            ) from error
        if step.size > _MANY:
            store.changes.everything = True
        return store.changes
    finally:
        mine = store.take_changes()
        pending.merge(mine)
        store.changes = pending


def _restore_rows(
    store: Store,
    step: Step,
    *,
    have: dict[str, dict[int, Image]],
    want: dict[str, dict[int, Image]],
    action: str,
    progress: Progress | None = None,
) -> None:
    tell = progress or (lambda _done, _total: None)
    with store.atomic():
        # Deferred: rows that refer to each other are put back in any order, and checked at the end.
        store.conn.execute("PRAGMA defer_foreign_keys = ON")
        stamp = now_iso()
        for name, rows in want.items():
            cols = step.columns[name]
            current = _current(store, name, cols, list(rows))
            skip = cols.index("updated_at") if "updated_at" in cols else None
            for rid in rows:
                if _without(current.get(rid), skip) != _without(have[name][rid], skip):
                    raise UndoConflict(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "“{text}” cannot be taken back: what it changed was changed again since. Nothing was changed.",
                        ),
                        text=step.text,
                    )
        # Children go before their parents and parents come back before their children, so each
        # tally trigger finds the building and grid of the row it counts.
        order = _parents_first(store, list(want))
        big = step.size > _MANY
        # A big step beside the file (an office's first import) is counted once afterwards, as the
        # import itself was; a few rows in a big file go through the tally triggers row by row.
        households = int(store.scalar("SELECT count(*) FROM main.household") or 0)
        # Steps: each table's rows removed, each table's rows put back, the count (and the commit).
        total, done = 2 * len(order) + 1, 0
        tell(done, total)
        with tallies.deferred(store.db) if big and step.size * 4 > households else nullcontext():
            for name in reversed(order):
                _put_back(
                    store, name, step, have[name], want[name], stamp, action, gone_only=True, summary=big
                )
                done += 1
                tell(done, total)
            for name in order:
                _put_back(
                    store, name, step, have[name], want[name], stamp, action, gone_only=False, summary=big
                )
                done += 1
                tell(done, total)
        if big:  # the trail says what the step did per table, as an import's own entry does
            for name in order:
                images = list(want[name].values())
                records.log(
                    store,
                    action,
                    name,
                    None,
                    None,
                    {
                        "step": step.text,
                        "rows": len(want[name]),
                        "removed": sum(1 for image in images if image is None),
                        "put_back": sum(
                            1
                            for rid, image in want[name].items()
                            if image is not None and have[name][rid] is None
                        ),
                        "changed": sum(
                            1
                            for rid, image in want[name].items()
                            if image is not None and have[name][rid] is not None
                        ),
                    },
                )
        if want.keys() & {"setting", "emergency"}:
            advance_tallies(store)  # the coverage tallies count by the cycles these rows set
        tell(total, total)  # the last moment a Cancel still leaves the file as it was


def _current(store: Store, name: str, cols: tuple[str, ...], ids: list[int]) -> dict[int, Image]:
    listed = ", ".join(f'"{c}"' for c in cols)
    found: dict[int, Image] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for rid, *values in store.conn.execute(
            f'SELECT {listed} FROM main."{name}" WHERE id IN ({marks})', chunk
        ):
            found[int(rid)] = (rid, *values)
    return found


def _without(image: Image, index: int | None) -> Image:
    if image is None or index is None:
        return image
    return image[:index] + image[index + 1 :]


def _parents_first(store: Store, names: list[str]) -> list[str]:
    """The tables in an order where every table comes after the tables its foreign keys point to."""
    parents = {
        name: {row[2] for row in store.conn.execute(f'PRAGMA main.foreign_key_list("{name}")')} - {name}
        for name in names
    }
    ordered: list[str] = []
    placed: set[str] = set()

    def place(name: str, seen: frozenset[str]) -> None:
        if name in placed or name in seen:
            return
        for parent in sorted(parents.get(name, ())):
            if parent in parents:
                place(parent, seen | {name})
        placed.add(name)
        ordered.append(name)

    for name in sorted(names):
        place(name, frozenset())
    return ordered


def _put_back(
    store: Store,
    name: str,
    step: Step,
    have: dict[int, Image],
    want: dict[int, Image],
    stamp: str,
    action: str,
    *,
    gone_only: bool,
    summary: bool,
) -> None:
    """Delete the rows `want` has not (`gone_only`), or put back the others as `want` has them; each
    row into the audit trail unless the step is summed up per table (`summary`)."""
    cols = step.columns[name]
    conn = store.conn
    stamped = cols.index("updated_at") if "updated_at" in cols else None
    listed = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    assignments = ", ".join(f'"{c}" = ?' for c in cols[1:])
    changes = store.changes
    gone: list[tuple[int]] = []
    back: list[list[Any]] = []
    edited: list[list[Any]] = []
    audit: list[tuple[str | None, dict[str, Any] | None, dict[str, Any] | None]] = []
    for rid, image in want.items():
        if gone_only != (image is None):
            continue
        old = have[rid]
        old_row = None if old is None else dict(zip(cols, old))
        new_row = None if image is None else dict(zip(cols, image))
        records._allowed(store, name, new_row if new_row is not None else old_row)
        _note(changes, name, old_row)
        _note(changes, name, new_row)
        if image is None:
            gone.append((rid,))
            audit.append(((old_row or {}).get("uid"), old_row, None))
            continue
        values = list(image)
        if stamped is not None:
            values[stamped] = stamp  # a row put back is changed now: a file it travels to takes it
        if old is None:
            back.append(values)
            audit.append((new_row.get("uid") if new_row else None, None, new_row))
        else:
            edited.append([*values[1:], rid])
            differs = {c for c, a, b in zip(cols, old, image) if a != b and c != "updated_at"}
            audit.append(
                (
                    (new_row or {}).get("uid"),
                    {c: v for c, v in (old_row or {}).items() if c in differs},
                    {c: v for c, v in (new_row or {}).items() if c in differs},
                )
            )
    if gone:
        conn.executemany(f'DELETE FROM main."{name}" WHERE id = ?', gone)
    if edited:
        conn.executemany(f'UPDATE main."{name}" SET {assignments} WHERE id = ?', edited)
    if back:
        conn.executemany(f'INSERT INTO main."{name}" ({listed}) VALUES ({marks})', back)
    if summary:
        return
    for uid, old_values, new_values in audit:
        records.log(store, action, name, uid, old_values, new_values)


_NOTED = {
    "household": "household",
    "building": "building",
    "grid": "grid",
    "member": "member",
    "request": "request",
}


def _note(changes: Changes, table: str, row: dict[str, Any] | None) -> None:
    changes.tables.add(table)
    if table in _EVERYTHING:
        changes.everything = True
    if row is None:
        return
    ids: dict[str, Any] = {}
    for kind in _NOTED.values():
        value = row.get("id") if table == kind else row.get(f"{kind}_id")
        if isinstance(value, int):
            ids[kind] = value
    changes.note(table, **ids)
