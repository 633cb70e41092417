"""Tallies the dashboard reads instead of the raw rows, kept exact by SQLite triggers.

Every write path (the app's actions, Excel import, undo, the command line) goes through SQLite, so
triggers keep the tallies right whoever writes. Each module owns its tables (`TABLES`, `SCHEMA`), its
triggers (`TRIGGERS`) and `rebuild(db)`, which recomputes them from the raw rows: used when a file's
tallies are older than this code (`ensure_current`, on every open), after a bulk load (`deferred`), by
`repair` (`gridboard check --repair`) and by `verify`, which tests and `gridboard check` use to prove
the maintained rows equal a fresh count.

Derived data with a lifecycle: the file keeps the fingerprint of the tally code that counted it
(`tally_state`, made here, not by a migration: it is derived like the counts). A file counted by other
triggers, an older version or a load that failed half way is recounted when it opens; migrations
carry their own frozen SQL and never run this code.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gridboard.models.tallies import coverage, requests, visits

MODULES = (coverage, visits, requests)


def _trigger_names() -> list[str]:
    names = [re.search(r"CREATE TRIGGER (\w+)", sql) for m in MODULES for sql in m.TRIGGERS]
    return [name.group(1) for name in names if name is not None]


def create_triggers(db: Any) -> None:
    for module in MODULES:
        for sql in module.TRIGGERS:
            db.execute(sql)


def drop_triggers(db: Any) -> None:
    for name in _trigger_names():
        db.execute(f"DROP TRIGGER IF EXISTS {name}")


def rebuild(db: Any) -> None:
    for module in MODULES:
        module.rebuild(db)


# Bump when `rebuild` counts differently with the same triggers; trigger SQL is in the fingerprint anyway.
VERSION = 1


def fingerprint() -> str:
    """What counted a file's tallies: this version and every trigger's SQL."""
    text = "\n".join([str(VERSION), *(sql for m in MODULES for sql in m.TRIGGERS)])
    return f"{VERSION}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def stored_fingerprint(db: Any) -> str | None:
    if not db.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'tally_state'").fetchone():
        return None
    row = db.execute("SELECT fingerprint FROM main.tally_state").fetchone()
    return row[0] if row else None


def _record(db: Any, value: str) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS main.tally_state (id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL)"
    )
    db.execute("INSERT OR REPLACE INTO main.tally_state (id, fingerprint) VALUES (1, ?)", [value])


def is_current(db: Any) -> bool:
    return stored_fingerprint(db) == fingerprint()


def repair(db: Any) -> None:
    """Triggers of this version and every count made again from the raw rows (in the caller's
    transaction). Safe to run on any file, any number of times."""
    drop_triggers(db)
    rebuild(db)
    create_triggers(db)
    _record(db, fingerprint())


def ensure_current(db: Any) -> bool:
    """Recount a file whose tallies another version (or a failed load) left behind; True if it did."""
    if is_current(db):
        return False
    repair(db)
    return True


@contextmanager
def deferred(db: Any) -> Iterator[None]:
    """For a bulk load inside the caller's transaction: no triggers row by row, one rebuild at the end.

    On every path the triggers are back when it ends. If the load fails, the fingerprint is cleared
    too, so a caller that keeps the transaction anyway leaves a file recounted on its next open; the
    usual rollback undoes all of it.
    """
    drop_triggers(db)
    try:
        yield
    except BaseException:
        create_triggers(db)
        _record(db, "")
        raise
    rebuild(db)
    create_triggers(db)
    _record(db, fingerprint())


def _snapshot(db: Any, schema: str, table: str) -> set[tuple[Any, ...]]:
    zero = ZERO_ROWS.get(table)
    where = f" WHERE NOT ({zero})" if zero else ""
    return set(db.execute(f"SELECT * FROM {schema}.{table}{where}").fetchall())


def verify(db: Any) -> list[str]:
    """Differences between the maintained tallies and a fresh count (empty when they agree).

    The fresh count goes into TEMP tables of the same names, which hide the file's own while it runs,
    so the file is never written: it works on a read-only file too (`gridboard check`)."""
    tables = [t for m in MODULES for t in m.TABLES]
    statements = [
        re.sub(r"^\s*CREATE TABLE", "CREATE TEMP TABLE", statement)
        for m in MODULES
        for statement in m.SCHEMA.split(";\n")
        if re.match(r"\s*CREATE TABLE", statement)
    ]
    # In a savepoint, rolled back: the TEMP tables go with it, and a caller's transaction (or none)
    # is left exactly as it was.
    db.execute("SAVEPOINT tally_verify")
    try:
        for statement in statements:
            db.execute(statement)
        db.execute("INSERT INTO temp.tally_clock SELECT * FROM main.tally_clock")
        rebuild(db)
        fresh = {t: _snapshot(db, "temp", t) for t in tables}
    finally:
        db.execute("ROLLBACK TO tally_verify")
        db.execute("RELEASE tally_verify")
    kept = {t: _snapshot(db, "main", t) for t in tables}
    problems = []
    for table in tables:
        for row in sorted(kept[table] - fresh[table], key=repr)[:5]:
            problems.append(f"{table}: kept {row} but a fresh count has no such row")
        for row in sorted(fresh[table] - kept[table], key=repr)[:5]:
            problems.append(f"{table}: a fresh count has {row} but it was not kept")
    return problems


# Rows a module may leave behind at zero (removing them row by row costs more than they do).
ZERO_ROWS: dict[str, str] = {}
for _module in MODULES:
    ZERO_ROWS.update(getattr(_module, "ZERO_ROWS", {}))
