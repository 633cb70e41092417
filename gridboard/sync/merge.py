"""Bring every row of one gridboard file into another, matched by uid, never by name.

The rule, stated once:
- A row the receiving file does not have is added (its parents found by uid, its ids renumbered).
  Visits, request steps, roll calls, the audit log and ended pairings are rows like any other, so
  history is the union of both files. Nothing is ever deleted by a merge.
- A row both files have and hold alike is left alone.
- A row that differs: the later change (`updated_at`) wins. On the same second, the side that changed
  since the two files last met wins; if both did (or they never met), the value that sorts later,
  a fixed rule, so merging in either order gives the same file.
- A row changed on both sides since the files last met is a conflict: the winner is written, the
  other side's values are kept in `travel_conflict` (listed on screen and in an xlsx), never dropped.
  "Since" includes the meeting's own second (times are kept to the second).
- A few unique values name the same record on both sides (a tag's code, a resident's tag, one
  household per address): a row the other file added with a key this one holds is that record.

One transaction; the other file is only read (an older one is migrated on a copy first, a newer one
refused); the tallies are kept exact (counted once at the end for a big merge).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridboard.models import cipher, records, schema, tallies
from gridboard.models.clock import new_uid, now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP, Cancelled, InvalidInput, NotAGridboardFile
from gridboard.models.opening import open_store
from gridboard.models.store import Store, copy_database, inspect_readonly, sqlite_uri
from gridboard.sync.tables import DERIVED, RENAMED_ON_CLASH, Table, mergeable_tables

Progress = Callable[..., None]
# Above this many incoming rows (and when they are many next to the file) the tallies are counted
# once at the end instead of row by row (as the importer does).
DEFER_TALLIES_ABOVE = 5_000


@dataclass(frozen=True)
class Conflict:
    """One column of one record changed on both sides: what was kept and what lost (kept for review)."""

    table: str
    row_uid: str
    column: str
    kept: Any
    lost: Any
    kept_updated_at: str
    lost_updated_at: str
    lost_side: str  # "here": the receiving file's value lost; "there": the incoming value lost


@dataclass
class MergeResult:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    written: bool = False
    meeting_id: int | None = None
    peer_uid: str = ""
    up_to_date: bool = False  # nothing to bring: nothing was written

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    def summary(self) -> dict[str, Any]:
        return {
            "added": {k: v for k, v in self.added.items() if v},
            "updated": {k: v for k, v in self.updated.items() if v},
            "conflicts": len(self.conflicts),
        }


class _DryRun(Exception):
    """Raised inside the transaction to roll a preview back."""


def file_uid(store: Store, schema_name: str = "main") -> str:
    return str(store.scalar(f"SELECT uid FROM {schema_name}.file_identity ORDER BY id LIMIT 1") or "")


def renew_identity(store: Store) -> str:
    """Give the file a new identity (a copy that goes its own way: a checkout, a save-as)."""
    uid = new_uid()
    store.execute(
        "UPDATE file_identity SET uid = ?, made_at = ?, updated_at = ?", [uid, now_iso(), now_iso()]
    )
    return uid


@contextmanager
def current_copy(path: Path) -> Iterator[Path]:
    """`path` itself when it has this gridboard's schema; else a migrated copy in a temporary folder.

    Refuses (TooNewFile, NotAGridboardFile, DamagedFile) without writing a byte to `path`.
    """
    info = inspect_readonly(path, check="quick")
    if "_sqlite_migrations" not in info.tables:
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is marked as a gridboard file but holds no gridboard tables."
            ),
            path=str(path),
        )
    if not [name for name in schema.known_migration_names() if name not in info.applied]:
        yield path
        return
    folder = Path(tempfile.mkdtemp(prefix="gridboard-merge-"))
    try:
        copy = folder / path.name
        copy_database(path, copy)
        open_store(copy, check="none", operator="merge").close()
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def merge_file(
    store: Store,
    source: str | Path,
    *,
    kind: str = "merge",
    dry_run: bool = False,
    progress: Progress | None = None,
    pick: Callable[[Store, list[Table]], None] | None = None,
    grid_uid: str | None = None,
    tallies_by_caller: bool = False,
) -> MergeResult:
    """Merge the gridboard file at `source` into the open `store` (see the module's rule).

    `dry_run`: everything is worked out and rolled back, so the result is the exact preview.
    `pick(store, tables)`: fills `temp.pick_TABLE(id)` with the source rows to bring (a checkout);
    without it every row comes. `progress(done, total)` may raise Cancelled.
    `tallies_by_caller`: the caller has taken the tally triggers off and counts once when it is done
    (a roll-up of many files); this merge leaves the tallies alone.
    """
    source = Path(source)
    if store.path is not None and source.resolve() == Path(store.path).resolve():
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "A file cannot be merged into itself."))
    with current_copy(source) as path:
        return _merge_attached(
            store,
            path,
            name=source.name,
            kind=kind,
            dry_run=dry_run,
            progress=progress,
            pick=pick,
            grid_uid=grid_uid,
            tallies_by_caller=tallies_by_caller,
        )


def _merge_attached(
    store: Store,
    path: Path,
    *,
    name: str,
    kind: str,
    dry_run: bool,
    progress: Progress | None,
    pick: Callable[[Store, list[Table]], None] | None,
    grid_uid: str | None,
    tallies_by_caller: bool = False,
) -> MergeResult:
    conn = store.conn
    cipher.attach(conn, path, sqlite_uri(path, mode="ro"), "src")  # a protected source with its key
    conn.create_function("gb_uid", 0, new_uid)
    cancelled: list[Cancelled] = []
    if progress is not None:
        conn.set_progress_handler(lambda: _still_wanted(progress, cancelled), 50_000)
    result = MergeResult()
    try:
        peer = file_uid(store, "src")
        if peer and peer == file_uid(store):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{file} is a copy of this same file (it has the same identity), not another office's file.",
                ),
                file=name,
            )
        result.peer_uid = peer
        try:
            with store.atomic():
                _merge(
                    store,
                    result,
                    name=name,
                    kind=kind,
                    progress=progress,
                    pick=pick,
                    grid_uid=grid_uid,
                    tallies_by_caller=tallies_by_caller,
                )
                if dry_run:
                    raise _DryRun()
            result.written = True
        except _DryRun:
            result.written = False
        except sqlite3.OperationalError:
            if cancelled:
                raise cancelled[0] from None
            raise
    finally:
        if progress is not None:
            conn.set_progress_handler(None, 0)
        for table in [r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'")]:
            if table.startswith(("map_", "pick_")):
                conn.execute(f'DROP TABLE IF EXISTS temp."{table}"')
        conn.execute("DETACH DATABASE src")
    if result.written:
        store.changes.everything = True
    return result


def _still_wanted(progress: Progress, cancelled: list[Cancelled]) -> int:
    try:
        progress(0, 0)
    except Cancelled as error:
        cancelled.append(error)
        return 1
    return 0


def _last_met(store: Store, peer: str) -> tuple[str | None, str | None]:
    """(this file's clock, the other file's mark) when the two files last met; None when never."""
    here = store.one(
        "SELECT met_at, peer_mark FROM main.travel_meeting WHERE peer_uid = ? ORDER BY met_at DESC, id DESC LIMIT 1",
        [peer],
    )
    mine = file_uid(store)
    there = store.one(
        "SELECT met_at FROM src.travel_meeting WHERE peer_uid = ? ORDER BY met_at DESC, id DESC LIMIT 1",
        [mine],
    )
    since_here = here["met_at"] if here else None
    marks = [m for m in ((here["peer_mark"] if here else None), (there["met_at"] if there else None)) if m]
    return since_here, (max(marks) if marks else None)


def _merge(
    store: Store,
    result: MergeResult,
    *,
    name: str,
    kind: str,
    progress: Progress | None,
    pick: Callable[[Store, list[Table]], None] | None,
    grid_uid: str | None,
    tallies_by_caller: bool = False,
) -> None:
    tables = [t for t in mergeable_tables(store.conn) if _exists(store, "src", t.name)]
    since_here, since_there = _last_met(store, result.peer_uid)
    if pick is not None:
        pick(store, tables)
    cuts = _cuts(store)
    incoming = sum(_count(store, t, picked=pick is not None) for t in tables)
    others = (store.scalar("SELECT count(*) FROM main.household") or 0) + (
        store.scalar("SELECT count(*) FROM main.visit") or 0
    )
    bulk = incoming > DEFER_TALLIES_ABOVE and incoming * 4 > others
    decided = _decided(store)
    with tallies.deferred(store.db) if bulk and not tallies_by_caller else nullcontext():
        for index, table in enumerate(tables):
            added, updated, conflicts = _merge_table(
                store,
                table,
                picked=pick is not None,
                cuts=cuts,
                decided=decided,
                since_here=since_here,
                since_there=since_there,
            )
            result.added[table.name] = added
            result.updated[table.name] = updated
            result.conflicts.extend(conflicts)
            if progress is not None:
                progress(index + 1, len(tables) + 1)
        _refresh_derived(store)
    from gridboard.models.search import fill_initials

    fill_initials(store)
    if not (result.total_added or result.total_updated or result.conflicts):
        result.up_to_date = True
        raise _DryRun()  # nothing new: the file is left exactly as it was
    mark = _peer_mark(store, tables, picked=pick is not None)
    stamp = now_iso()
    meeting = records.insert(
        store,
        "travel_meeting",
        {
            "kind": kind,
            "peer_uid": result.peer_uid,
            "peer_name": name,
            "grid_uid": grid_uid,
            "met_at": stamp,
            "peer_mark": mark,
            "added": result.total_added,
            "updated": result.total_updated,
            "conflicts": len(result.conflicts),
            "operator": store.operator,
        },
        audit=False,
    )
    result.meeting_id = meeting
    store.conn.executemany(
        "INSERT INTO main.travel_conflict (uid, created_at, updated_at, meeting_id, table_name, row_uid,"
        " column_name, kept_value, lost_value, kept_updated_at, lost_updated_at, lost_side)"
        " VALUES (gb_uid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                stamp,
                stamp,
                meeting,
                c.table,
                c.row_uid,
                c.column,
                _text(c.kept),
                _text(c.lost),
                c.kept_updated_at,
                c.lost_updated_at,
                c.lost_side,
            )
            for c in result.conflicts
        ],
    )
    records.log(store, kind, "travel_meeting", None, None, {"file": name, **result.summary()})
    if progress is not None:
        progress(len(tables) + 1, len(tables) + 1)


def _exists(store: Store, schema_name: str, table: str) -> bool:
    return bool(
        store.scalar(f"SELECT 1 FROM {schema_name}.sqlite_master WHERE type = 'table' AND name = ?", [table])
    )


def _count(store: Store, table: Table, *, picked: bool) -> int:
    if picked:
        return int(store.scalar(f'SELECT count(*) FROM temp."pick_{table.name}"') or 0)
    return int(store.scalar(f'SELECT count(*) FROM src."{table.name}"') or 0)


def _cuts(store: Store) -> set[tuple[str, str, str]]:
    """References the other file does not carry (a checked-out grid's members' homes elsewhere)."""
    if not _exists(store, "src", "travel_cut"):
        return set()
    return {
        (r[0], r[1], r[2])
        for r in store.conn.execute("SELECT table_name, row_uid, column_name FROM src.travel_cut")
    }


def _decided(store: Store) -> set[tuple[str, str, str, str]]:
    """Incoming values already listed as lost in an earlier merge: (table, uid, column, updated_at)."""
    return {
        (r[0], r[1], r[2], r[3] or "")
        for r in store.conn.execute(
            "SELECT table_name, row_uid, column_name, lost_updated_at FROM main.travel_conflict"
            " WHERE lost_side = 'there'"
        )
    }


def _source_rows(table: Table, *, picked: bool) -> str:
    if picked:
        return f'(SELECT s.* FROM src."{table.name}" s JOIN temp."pick_{table.name}" p ON p.id = s.id)'
    return f'src."{table.name}"'


def _mapped(table: Table, alias: str = "s") -> tuple[dict[str, str], str]:
    """Each column's expression with references turned into this file's ids, and the joins they need."""
    expressions: dict[str, str] = {}
    joins = []
    for column in table.columns:
        parent = table.references.get(column)
        if parent is None:
            expressions[column] = f'{alias}."{column}"'
        else:
            join = f"j_{column}"
            joins.append(f'LEFT JOIN temp."map_{parent}" {join} ON {join}.s = {alias}."{column}"')
            expressions[column] = f"{join}.t"
    return expressions, " ".join(joins)


def _merge_table(
    store: Store,
    table: Table,
    *,
    picked: bool,
    cuts: set[tuple[str, str, str]],
    decided: set[tuple[str, str, str, str]],
    since_here: str | None,
    since_there: str | None,
) -> tuple[int, int, list[Conflict]]:
    conn = store.conn
    t = f'"{table.name}"'
    mapping = f'temp."map_{table.name}"'
    source = _source_rows(table, picked=picked)
    # new: 0 matched, 1 added, 2 matched and updated here
    conn.execute(
        f"CREATE TEMP TABLE {mapping[5:]} (s INTEGER PRIMARY KEY, t INTEGER NOT NULL, new INTEGER NOT NULL)"
    )
    conn.execute(
        f"INSERT INTO {mapping} SELECT s.id, x.id, 0 FROM {source} s JOIN main.{t} x ON x.uid = s.uid"
    )
    expressions, joins = _mapped(table)
    for columns, where in table.keys:
        s_rows = f"(SELECT * FROM {source} WHERE {where})" if where else source
        x_rows = f"(SELECT * FROM main.{t} WHERE {where})" if where else f"main.{t}"
        on = " AND ".join(f'x."{c}" = {expressions[c]}' for c in columns)
        conn.execute(
            f"INSERT OR IGNORE INTO {mapping} SELECT s.id, x.id, 0 FROM {s_rows} s {joins}"
            f" JOIN {x_rows} x ON {on}"
            f" WHERE s.id NOT IN (SELECT s FROM {mapping})"
            f" AND x.id NOT IN (SELECT t FROM {mapping})"
        )
    base = int(store.scalar(f"SELECT coalesce(max(id), 0) FROM main.{t}") or 0)
    conn.execute(
        f"INSERT INTO {mapping} SELECT s.id, {base} + row_number() OVER (ORDER BY s.id), 1 FROM {source} s"
        f" WHERE s.id NOT IN (SELECT s FROM {mapping})"
    )
    # Added rows, references renumbered (a self-reference finds its row in the map made just now).
    values = dict(expressions)
    values["id"] = "m.t"
    rename = RENAMED_ON_CLASH.get(table.name)
    if rename:
        values[rename] = (
            f'CASE WHEN EXISTS (SELECT 1 FROM main.{t} c WHERE c."{rename}" = s."{rename}")'
            f' THEN s."{rename}" || \'-\' || substr(s.uid, 1, 4) ELSE s."{rename}" END'
        )
    columns = ", ".join(f'"{c}"' for c in table.columns)
    added = conn.execute(
        f"INSERT INTO main.{t} ({columns}) SELECT {', '.join(values[c] for c in table.columns)}"
        f" FROM {mapping} m JOIN {source} s ON s.id = m.s {joins} WHERE m.new = 1 ORDER BY m.t"
    ).rowcount
    if picked:
        _record_cuts(store, table, source)
    # Rows both sides hold that differ.
    content = table.content
    if not content:
        return added, 0, []
    differs = " OR ".join(f'{expressions[c]} IS NOT x."{c}"' for c in content)
    rows = conn.execute(
        f"SELECT m.t, s.uid, s.updated_at, x.updated_at,"
        f" {', '.join(expressions[c] for c in content)}, {', '.join(f'x.{chr(34)}{c}{chr(34)}' for c in content)}"
        f" FROM {mapping} m JOIN {source} s ON s.id = m.s {joins} JOIN main.{t} x ON x.id = m.t"
        f" WHERE m.new = 0 AND ({differs})"
    ).fetchall()
    updated = 0
    conflicts: list[Conflict] = []
    n = len(content)
    for row in rows:
        target_id, uid, there_at, here_at = row[0], row[1], row[2] or "", row[3] or ""
        there = dict(zip(content, row[4 : 4 + n]))
        here = dict(zip(content, row[4 + n :]))
        for column in content:
            if (table.name, uid, column) in cuts:
                there[column] = here[column]
        diff = [c for c in content if there[c] != here[c]]
        if not diff:
            continue
        if all((table.name, uid, c, there_at) in decided for c in diff):
            continue  # this very version was listed as lost before: a second merge changes nothing
        # Times are kept to the second, so a change in the very second the files met may have come
        # before or after the meeting: it counts as changed (at worst a change made just before is
        # listed for review; one made just after is never missed).
        changed_here = since_here is None or here_at >= since_here
        changed_there = since_there is None or there_at >= since_there
        there_wins = (there_at, changed_there, _sort_key(there, diff)) > (
            here_at,
            changed_here,
            _sort_key(here, diff),
        )
        if (
            changed_here
            and changed_there
            and not _superseded(
                store, "src" if there_wins else "main", table.name, uid, here if there_wins else there, diff
            )
        ):
            winner, loser = (there, here) if there_wins else (here, there)
            for column in diff:
                conflicts.append(
                    Conflict(
                        table=table.name,
                        row_uid=uid,
                        column=column,
                        kept=winner[column],
                        lost=loser[column],
                        kept_updated_at=there_at if there_wins else here_at,
                        lost_updated_at=here_at if there_wins else there_at,
                        lost_side="here" if there_wins else "there",
                    )
                )
        if not there_wins:
            continue
        assignments = ", ".join(f'"{c}" = ?' for c in diff)
        try:
            with store.atomic():
                conn.execute(
                    f"UPDATE main.{t} SET {assignments}, updated_at = ? WHERE id = ?",
                    [*(there[c] for c in diff), there_at, target_id],
                )
        except sqlite3.IntegrityError:
            # The incoming value clashes with another record here (two households moved to one
            # address): this file's value stays and the incoming one is listed.
            conflicts[:] = [c for c in conflicts if c.row_uid != uid or c.table != table.name]
            conflicts.extend(
                Conflict(table.name, uid, c, here[c], there[c], here_at, there_at, "there") for c in diff
            )
            continue
        conn.execute(f"UPDATE {mapping} SET new = 2 WHERE t = ?", [target_id])
        records.log(store, "merge", table.name, uid, {c: here[c] for c in diff}, {c: there[c] for c in diff})
        updated += 1
    return added, updated, conflicts


def _superseded(
    store: Store, schema_name: str, table: str, uid: str, loser: dict[str, Any], diff: list[str]
) -> bool:
    """True when the winning side's audit trail shows it changed these very values (the loser's are
    what it had before): one side changed the record, the other did not, so there is no conflict."""
    seen: dict[str, list[Any]] = {c: [] for c in diff}
    for (old,) in store.conn.execute(
        f"SELECT old FROM {schema_name}.audit_log WHERE table_name = ? AND row_uid = ? AND old IS NOT NULL",
        [table, uid],
    ):
        try:
            values = json.loads(old)
        except ValueError:
            continue
        for column in diff:
            if column in values:
                seen[column].append(values[column])
    return all(any(_same(v, loser[c]) for v in seen[c]) for c in diff)


def _same(logged: Any, value: Any) -> bool:
    return logged == value or (value is not None and str(logged) == str(value))


def _sort_key(values: dict[str, Any], columns: list[str]) -> str:
    return json.dumps([values[c] for c in columns], ensure_ascii=False, default=str)


def _record_cuts(store: Store, table: Table, source: str) -> None:
    """In a checkout: the nullable references that point outside what was brought (left empty here)."""
    for column, parent in table.references.items():
        if column in table.notnull:
            continue
        store.conn.execute(
            "INSERT OR IGNORE INTO main.travel_cut (uid, created_at, updated_at, table_name, row_uid, column_name)"
            f" SELECT gb_uid(), datetime('now', 'localtime'), datetime('now', 'localtime'), ?, s.uid, ?"
            f' FROM {source} s WHERE s."{column}" IS NOT NULL'
            f' AND s."{column}" NOT IN (SELECT s FROM temp."map_{parent}")',
            [table.name, column],
        )


def _refresh_derived(store: Store) -> None:
    """Households that were here before and got new or changed visits, residents or tags: their last
    visit and risk tier again (added households came with theirs)."""
    from gridboard.models.ledger import refresh_priority_tier
    from gridboard.models.visits import refresh_visit_summary

    parts = []
    if _exists(store, "temp", "map_household"):
        parts.append("SELECT m.t AS id FROM temp.map_household m WHERE m.new = 2")
    for table, join in (
        ("visit", "JOIN main.visit v ON v.id = m.t"),
        ("resident", "JOIN main.resident v ON v.id = m.t"),
        (
            "resident_tag",
            "JOIN main.resident_tag rt ON rt.id = m.t JOIN main.resident v ON v.id = rt.resident_id",
        ),
    ):
        if _exists(store, "temp", f"map_{table}"):
            parts.append(f"SELECT v.household_id AS id FROM temp.map_{table} m {join} WHERE m.new != 0")
    if not parts:
        return
    sql = f"SELECT DISTINCT u.id FROM ({' UNION '.join(parts)}) u"
    if _exists(store, "temp", "map_household"):
        # Households added by this merge came with their own summary, true to the visits that came too.
        sql += " WHERE u.id NOT IN (SELECT t FROM temp.map_household WHERE new = 1)"
    ids = [r[0] for r in store.conn.execute(sql)]
    for household in ids:
        refresh_visit_summary(store, household)
        refresh_priority_tier(store, household)


def _peer_mark(store: Store, tables: list[Table], *, picked: bool) -> str | None:
    """The latest change the other file held when they met: its rows changed after this are news."""
    marks = [store.scalar(f"SELECT max(updated_at) FROM {_source_rows(t, picked=picked)} s") for t in tables]
    marks = [m for m in marks if m]
    return max(marks) if marks else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


__all__ = ["Conflict", "MergeResult", "merge_file", "current_copy", "file_uid", "renew_identity", "DERIVED"]
