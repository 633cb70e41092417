"""The one owner of the connection: opens a gridboard file safely, migrates it, refuses bad ones."""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from gridboard.models import schema
from gridboard.models.changes import Changes
from gridboard.models.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    DamagedFile,
    FileLocked,
    NotAGridboardFile,
    TooNewFile,
)

# PRAGMA application_id marks a gridboard file ("GRDB").
APPLICATION_ID = 0x47524442
SQLITE_HEADER = b"SQLite format 3\x00"
FILE_SUFFIX = ".gridboard"


class Store:
    """An open gridboard file. Model functions take it as their first argument."""

    def __init__(self, db: Database, path: Path | None, operator: str) -> None:
        self.db = db
        self.path = path
        self.operator = operator
        self.changes = Changes()

    def take_changes(self) -> Changes:
        """What actions changed since the last call; the Qt notifier turns it into a signal."""
        changes, self.changes = self.changes, Changes()
        return changes

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """One transaction (a savepoint when nested): all of it lands or none of it."""
        with self.db.atomic():
            yield self

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.db.execute(sql, params)

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params).fetchall()

    def one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        try:
            # Fold the WAL back into the main file so a copied file is complete.
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        self.db.close()


def default_operator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems; audit still needs a name
        return "operator"


def open_store(
    path: str | os.PathLike[str] | None,
    *,
    create: bool = False,
    operator: str | None = None,
    check: str = "quick",
    progress: Callable[[int, int], None] | None = None,
) -> Store:
    """Open (or with create=True, make) a gridboard file.

    Refuses, without writing a byte, a file that is not SQLite, not gridboard's, damaged, or written
    by a newer gridboard. Before migrating an older file it copies it beside itself.
    `check` is "quick" (PRAGMA quick_check), "full" (integrity_check) or "none". The check takes
    seconds on a city-sized file, so the app opens files in a worker thread: `progress` is called
    while it runs and may raise `Cancelled`. The Store may then be handed to another thread, as
    long as one thread uses it at a time.
    """
    operator = operator or default_operator()
    if path is None:
        db = Database(memory=True, execute_plugins=False)
        _configure(db)
        schema.migrations.apply(db)
        _mark(db)
        return Store(db, None, operator)

    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "There is no gridboard file at {path}."), path=str(path)
        )
    if exists:
        inspect_readonly(path, check=check, progress=progress)
    try:
        conn = sqlite3.connect(str(path), timeout=5, check_same_thread=False)
        db = Database(conn, execute_plugins=False)
        _configure(db)
        pending = schema.migrations.pending(db)
        if exists and pending:
            backup_before_migration(path, pending[0].name)
        schema.migrations.apply(db)
        _mark(db)
        store = Store(db, path, operator)
        # Imported here: rules needs the Store class this module defines.
        from gridboard.models.rules import advance_tallies

        advance_tallies(store)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise FileLocked(
                QT_TRANSLATE_NOOP("Errors", "{path} is in use by another program ({error})."),
                path=str(path),
                error=str(error),
            ) from error
        raise DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} could not be opened ({error})."),
            path=str(path),
            error=str(error),
        ) from error
    return store


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA busy_timeout = 5000")


def _mark(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {len(schema.known_migration_names())}")
    db.conn.commit()


def inspect_readonly(path: Path, *, check: str, progress: Callable[[int, int], None] | None = None) -> None:
    """All the checks that must pass before we open the file for writing."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a gridboard file (it is not an SQLite database)."),
            path=str(path),
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        raise DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read ({error})."), path=str(path), error=str(error)
        ) from error
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as error:
            raise DamagedFile(
                QT_TRANSLATE_NOOP("Errors", "{path} is damaged and cannot be read ({error})."),
                path=str(path),
                error=str(error),
            ) from error
        if app_id != APPLICATION_ID and tables:
            raise NotAGridboardFile(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is an SQLite database, but not a gridboard file"
                    " (it holds tables such as {tables}).",
                ),
                path=str(path),
                tables=", ".join(sorted(tables)[:3]),
            )
        if check != "none":
            pragma = "integrity_check" if check == "full" else "quick_check"
            cancelled: list[Cancelled] = []
            if progress is not None:
                conn.set_progress_handler(lambda: _still_wanted(progress, cancelled), 10_000)
            try:
                problems = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
            except sqlite3.DatabaseError as error:
                if cancelled:
                    raise cancelled[0] from None
                raise DamagedFile(
                    QT_TRANSLATE_NOOP("Errors", "{path} is damaged ({error})."),
                    path=str(path),
                    error=str(error),
                ) from error
            if problems != ["ok"]:
                raise DamagedFile(
                    QT_TRANSLATE_NOOP("Errors", "{path} is damaged ({error})."),
                    path=str(path),
                    error="; ".join(problems[:3]),
                )
        if "_sqlite_migrations" in tables:
            applied = [
                r[0]
                for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'gridboard'")
            ]
            unknown = [name for name in applied if name not in schema.known_migration_names()]
            if unknown:
                raise TooNewFile(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{path} was written by a newer version of gridboard (schema"
                        " step {step}). Open it with that version; this one will not change it.",
                    ),
                    path=str(path),
                    step=unknown[0],
                )
    finally:
        conn.close()


def _still_wanted(progress: Callable[[int, int], None], cancelled: list[Cancelled]) -> int:
    """SQLite progress handler: a non-zero answer interrupts the statement."""
    try:
        progress(0, 0)
    except Cancelled as error:
        cancelled.append(error)
        return 1
    return 0


def schema_version(store: Store) -> tuple[int, int]:
    """(steps applied, steps this gridboard knows)."""
    applied = store.scalar("SELECT count(*) FROM _sqlite_migrations WHERE migration_set = 'gridboard'")
    return applied, len(schema.known_migration_names())


def backup_before_migration(path: Path, next_step: str) -> Path:
    target = path.with_name(f"{path.stem}.before-{next_step}{path.suffix or FILE_SUFFIX}")
    copy_database(path, target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy, including anything still in the WAL."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
