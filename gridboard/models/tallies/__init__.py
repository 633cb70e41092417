"""Tallies the dashboard reads instead of the raw rows, kept exact by SQLite triggers.

Every write path (the app's actions, Excel import, undo, the command line) goes through SQLite, so
triggers keep the tallies right whoever writes. Each module owns its tables (`TABLES`, `SCHEMA`), its
triggers (`TRIGGERS`) and `rebuild(db)`, which recomputes them from the raw rows: used by the
migration, after a bulk load (`deferred`) and by `verify`, which tests and `gridboard check` use to
prove the maintained rows equal a fresh count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gridboard.models.tallies import coverage, requests, visits

MODULES = (coverage, visits, requests)


def _trigger_names() -> list[str]:
    return [re.search(r"CREATE TRIGGER (\w+)", sql).group(1) for m in MODULES for sql in m.TRIGGERS]


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


def install(db: Any) -> None:
    """Create the tables and triggers and count everything once (the migration)."""
    for module in MODULES:
        for statement in module.SCHEMA.split(";\n"):
            if statement.strip():
                db.execute(statement)
    rebuild(db)
    create_triggers(db)


@contextmanager
def deferred(db: Any) -> Iterator[None]:
    """For a bulk load inside the caller's transaction: no triggers row by row, one rebuild at the end.

    If the load fails, the caller's rollback brings the triggers back with everything else.
    """
    drop_triggers(db)
    yield
    rebuild(db)
    create_triggers(db)


def _snapshot(db: Any, table: str) -> set[tuple[Any, ...]]:
    zero = ZERO_ROWS.get(table)
    where = f" WHERE NOT ({zero})" if zero else ""
    return set(db.execute(f"SELECT * FROM {table}{where}").fetchall())


def verify(db: Any) -> list[str]:
    """Differences between the maintained tallies and a fresh count (empty when they agree).

    Runs the rebuild inside a savepoint and rolls it back, so the file is left as it was.
    """
    tables = [t for m in MODULES for t in m.TABLES]
    kept = {t: _snapshot(db, t) for t in tables}
    db.execute("SAVEPOINT tally_verify")
    try:
        rebuild(db)
        fresh = {t: _snapshot(db, t) for t in tables}
    finally:
        db.execute("ROLLBACK TO tally_verify")
        db.execute("RELEASE tally_verify")
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
