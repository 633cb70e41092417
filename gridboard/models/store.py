"""The one owner of the connection: opens a gridboard file safely, migrates it, refuses bad ones."""

from __future__ import annotations

import getpass
import logging
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from gridboard.models import cipher, lockfile, schema
from gridboard.models.changes import Changes
from gridboard.models.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    DamagedFile,
    FileLocked,
    KnownError,
    NotAGridboardFile,
    ReadOnlyFile,
    TooNewFile,
    storage_error,
)

# The one way to name a file to SQLite, also read as store.sqlite_uri.
from gridboard.models.uri import sqlite_uri as sqlite_uri

# PRAGMA application_id marks a gridboard file ("GRDB").
APPLICATION_ID = 0x47524442
SQLITE_HEADER = b"SQLite format 3\x00"
FILE_SUFFIX = ".gridboard"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadOnly:
    """Why a Store is open read only: "locked" (another copy writes to it), "file" or "folder";
    "checking" (its integrity check is still running: it becomes writable when that passes) or
    "damaged" (the check found damage: `problem` says what)."""

    reason: str
    holder: lockfile.Holder | None = None
    problem: str = ""

    def error(self, path: Path) -> KnownError:
        """The refusal for a caller that needs to write."""
        if self.reason == "checking":
            return ReadOnlyFile(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is still being checked (a few seconds on a big file); until the check has"
                    " passed nothing can be changed. Nothing was saved: try again in a moment.",
                ),
                path=str(path),
            )
        if self.reason == "damaged":
            return DamagedFile(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is damaged ({error}); gridboard will not change it. You can look, print and"
                    " export; restore a backup to go on working.",
                ),
                path=str(path),
                error=self.problem,
            )
        if self.reason == "locked":
            holder = self.holder or lockfile.Holder()
            return FileLocked(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is open for writing in another copy of gridboard ({operator} on {host}, since"
                    " {since}). Close it there first, or open it read only.",
                ),
                path=str(path),
                operator=holder.operator or "?",
                host=holder.host or "?",
                since=holder.since or "?",
            )
        return ReadOnlyFile(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} cannot be changed: the file or its folder is read only (a CD, a protected share,"
                " a read-only copy). Copy it to a folder you can write to.",
            ),
            path=str(path),
        )


@dataclass
class _FileInfo:
    """What `inspect_readonly` found in a file."""

    tables: set[str] = field(default_factory=set)
    applied: list[str] = field(default_factory=list)
    user_version: int = 0


def connect(path: str | os.PathLike[str], *, mode: str = "rw", immutable: bool = False) -> sqlite3.Connection:
    """A connection to `path` with mode "ro", "rw" or "rwc" (create); never creates a file unless asked."""
    params: dict[str, Any] = {"mode": mode}
    if immutable:
        params["immutable"] = 1
    key = cipher.key_for(path)
    if key is not None:  # a protected file (issue 16): its key was given to `open_store` in this run
        return cipher.connect(sqlite_uri(path, **params), path, timeout=5, key=key)  # type: ignore[return-value]
    return sqlite3.connect(sqlite_uri(path, **params), uri=True, timeout=5, check_same_thread=False)


def connect_read_only(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A read-only connection, also to a WAL file on a read-only disk or in a read-only folder."""
    conn = connect(path, mode="ro")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        conn.close()
        wal = Path(os.fspath(path) + "-wal")
        cannot_open = str(getattr(error, "sqlite_errorname", "")).startswith("SQLITE_CANTOPEN")
        if not cannot_open or (wal.exists() and wal.stat().st_size > 0):
            raise
    # SQLite cannot make the -shm file beside it. Nothing is waiting in a -wal file and nobody here can
    # write the file, so reading it as it lies on the disk is exact.
    conn = connect(path, mode="ro", immutable=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


class Store:
    """An open gridboard file. Model functions take it as their first argument."""

    def __init__(
        self,
        db: Database,
        path: Path | None,
        operator: str,
        *,
        read_only: ReadOnly | None = None,
        lock: lockfile.WriteLock | None = None,
    ) -> None:
        self.db = db
        self.path = path
        self.operator = operator
        # The signed-in operator (operators.Session) with their role; None: the name above, no role.
        self.session: Any = None
        self.changes = Changes()
        self.read_only = read_only
        self.lock = lock
        self.saved_at: datetime | None = None  # the last commit made through this Store
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def take_changes(self) -> Changes:
        """What actions changed since the last call; the Qt notifier turns it into a signal."""
        changes, self.changes = self.changes, Changes()
        return changes

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """One transaction (a savepoint when nested): all of it lands or none of it.

        The outer one begins IMMEDIATE: the write lock is taken first, waiting up to the busy timeout
        for another writer, instead of reading first and failing at once when it tries to write.
        """
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"gridboard_{secrets.token_hex(8)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) or a full disk may have ended it already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self.saved_at = datetime.now()

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

    def one_required(self, sql: str, params: Any = ()) -> sqlite3.Row:
        """`one` for a row that must be there (a record just read or written): its absence is a bug."""
        row = self.one(sql, params)
        if row is None:
            raise LookupError(f"no row where one was required: {sql.strip()[:200]}")
        return row

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def ids(self, sql: str, params: Any = ()) -> list[int]:
        """The integer column `id` of `sql`'s rows, in its order, read as one row: a city's tens of
        thousands of rows fetched one by one hand Python's lock to and from the GUI thread at every
        row (a worker's reading then slows the window's painting, and the painting the reading).
        SQLite feeds an aggregate the rows of an ordered subquery in that order."""
        value = self.conn.execute(f"SELECT group_concat(id) FROM ({sql})", params).fetchone()[0]
        return [int(i) for i in value.split(",")] if value else []

    def close(self, *, checkpoint: bool = True) -> None:
        """Close the connection and let go of the lock (`checkpoint=False`: a reader's quick exit)."""
        if self._closed:
            return
        self._closed = True
        try:
            if checkpoint and self.read_only is None:
                # Fold the WAL back into the main file so a copied file is complete.
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        finally:
            self.db.close()
            if self.lock is not None:
                self.lock.release()
                self.lock = None


def _always_current(conn: sqlite3.Connection) -> bool:
    return True


def _nothing(target: Any) -> None:
    return None


@dataclass(frozen=True)
class OnOpen:
    """What the domain does to a file as it opens for writing, handed to `open_store` by its caller
    (`gridboard.models.opening` gives the app's), so this module needs nothing from the domain.

    `is_current(conn)`: is the file's derived data counted by this code? (A deferred check opens a file
    that is not only after checking it, since bringing it current writes.) `bring_current(db)`: after
    the migrations, in one transaction, recount what is not current. `after(store)`: then, on the
    writable Store (the tallies' clock moves to today).
    """

    is_current: Callable[[sqlite3.Connection], bool] = _always_current
    bring_current: Callable[[Database], None] = _nothing
    after: Callable[[Store], None] = _nothing


# A file opened with nothing done on top (the schema and its migrations only).
BARE = OnOpen()


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
    allow_read_only: bool = False,
    passphrase: str | None = None,
    on_open: OnOpen,
) -> Store:
    """Open (or with create=True, make) a gridboard file; `on_open` is what the domain does on top.

    `passphrase` opens a protected file (or, with create=True, makes a new file protected); a wrong
    one is `cipher.WrongPassphrase`, a protected file opened without one `cipher.PassphraseNeeded`.

    Refuses, without writing a byte, a file that is not SQLite, not gridboard's (even an empty SQLite
    file another program made), damaged, or written by a newer gridboard. Before migrating an older
    file it copies it beside itself. `check` is "quick" (PRAGMA quick_check), "full" (integrity_check),
    "none", or "deferred": a big file that needs no migration opens at once after its header and
    schema checks, read only (`read_only.reason == "checking"`) with the write lock already taken;
    the caller runs `check_file` in a worker and then `finish_opening` (or `check_failed`). The check takes seconds on a city-sized file, so the app opens files in a worker thread:
    `progress` is called while it runs and may raise `Cancelled`. The Store may then be handed to
    another thread, as long as one thread uses it at a time.

    A file that another copy of gridboard has open for writing (see `lockfile`), or that cannot be
    written (a read-only file, folder or disk), is refused with a message, or with
    `allow_read_only=True` opened read only: `store.read_only` then says why.
    """
    operator = operator or default_operator()
    if path is None:
        db = Database(memory=True, execute_plugins=False)
        _configure(db)
        schema.migrations.apply(db)
        _mark(db)
        store = Store(db, None, operator)
        with store.atomic():
            on_open.bring_current(db)
        return store

    path = Path(path)
    if path.is_dir():
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a gridboard file."), path=str(path)
        )
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "There is no gridboard file at {path}."), path=str(path)
        )
    if not exists and not path.parent.is_dir():
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "There is no folder {folder}."), folder=str(path.parent)
        )
    if passphrase:
        cipher.unlock(path, passphrase) if exists else cipher.remember_new(path, passphrase)
    deferred = check == "deferred"
    if deferred and exists and path.stat().st_size < DEFER_CHECK_BYTES:
        check, deferred = "quick", False  # a small file is checked in well under a second
    info = (
        inspect_readonly(path, check="none" if deferred else check, progress=progress)
        if exists
        else _FileInfo()
    )
    read_only = _cannot_write(path, exists)
    lock = None
    if read_only is None:
        try:
            lock = lockfile.acquire(path, operator)
        except lockfile.Held as held:
            read_only = ReadOnly("locked", held.holder)
        except lockfile.Unsupported as error:
            log.warning("no lock on %s (%s): a second copy could not be told apart", path, error)
        except OSError:
            read_only = ReadOnly("folder")
    if read_only is not None:
        if not exists or not allow_read_only:
            raise read_only.error(path)
        # Opened read only, never written here: a deferred check is not needed (a damaged page shows
        # up as an error where it is read).
        log.info("opening %s read only (%s)", path, read_only.reason)
        return _open_read_only(path, info, operator, read_only)
    if deferred:
        known = schema.known_migration_names()
        if any(name not in info.applied for name in known) or not _current(path, on_open):
            # Migrating (or recounting tallies another version made) writes: the file is checked first.
            inspect_readonly(path, check="quick", progress=progress)
        else:
            try:
                store = _open_read_only(path, info, operator, ReadOnly("checking"))
            except BaseException:
                if lock is not None:
                    lock.release()
                raise
            store.lock = lock
            return store
    try:
        return _open_writable(path, exists=exists, operator=operator, lock=lock, on_open=on_open)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _current(path: Path, on_open: OnOpen) -> bool:
    conn = connect(path, mode="ro")
    try:
        return on_open.is_current(conn)
    finally:
        conn.close()


# Files smaller than this are checked before they open even when the check is "deferred".
DEFER_CHECK_BYTES = 64 * 1024 * 1024


def check_file(path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None) -> None:
    """The whole-file check (PRAGMA quick_check) on a connection of its own, for a worker thread:
    raises DamagedFile, or Cancelled when `progress` does. `progress` is asked rarely: each call takes
    Python's lock from the GUI thread, which a check behind the window must not slow down."""
    inspect_readonly(Path(path), check="quick", progress=progress, progress_every=2_000_000)


def finish_opening(store: Store, *, on_open: OnOpen) -> None:
    """After the deferred check passed: the Store becomes writable (the same object, a new read-write
    connection; the lock was taken on open) and the tallies' clock moves to today."""
    if store.read_only is None or store.read_only.reason != "checking" or store.path is None:
        return
    conn = None
    try:
        conn = connect(store.path, mode="rw")
        db = Database(conn, execute_plugins=False)
        _configure(db)
        _mark(db)
    except (sqlite3.Error, OSError) as error:
        if conn is not None:
            conn.close()
        raise storage_error(error, store.path) or DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} could not be opened ({error})."),
            path=str(store.path),
            error=str(error),
        ) from error
    old, store.db = store.db, db
    store.read_only = None
    old.close()
    with store.atomic():
        on_open.bring_current(db)  # current already (checked before opening); a no-op read
    on_open.after(store)


def check_failed(store: Store, problem: str) -> None:
    """The deferred check found damage: the Store stays read only for good and lets go of the lock."""
    store.read_only = ReadOnly("damaged", problem=problem)
    if store.lock is not None:
        store.lock.release()
        store.lock = None


def _open_writable(
    path: Path, *, exists: bool, operator: str, lock: lockfile.WriteLock | None, on_open: OnOpen
) -> Store:
    conn: sqlite3.Connection | None = None
    try:
        conn = connect(path, mode="rw" if exists else "rwc")
        db = Database(conn, execute_plugins=False)
        if not exists:
            # Marked before anything else is written, so even a file cut short while it was being
            # made is known as ours (every other SQLite file without the mark is refused).
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _configure(db)
        pending = schema.migrations.pending(db)
        if exists and pending:
            backup_before_migration(path, pending[0].name)
        schema.migrations.apply(db)
        _mark(db)
        store = Store(db, path, operator, lock=lock)
        # Derived data first: tallies counted by another version (or by none yet) are counted again.
        with store.atomic():
            on_open.bring_current(db)
        on_open.after(store)
    except (sqlite3.Error, OSError) as error:
        if conn is not None:
            conn.close()
        known = storage_error(error, path)
        if known is not None:
            raise known from error
        raise DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} could not be opened ({error})."),
            path=str(path),
            error=str(error),
        ) from error
    return store


def _cannot_write(path: Path, exists: bool) -> ReadOnly | None:
    """Why this file could not be written here, if it could not (asked before SQLite tries)."""
    folder = path.parent
    if exists and not os.access(path, os.W_OK):
        return ReadOnly("file")
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        # SQLite needs the folder for its -wal and -shm files, and we for the lock.
        return ReadOnly("folder")
    return None


def _open_read_only(path: Path, info: _FileInfo, operator: str, read_only: ReadOnly) -> Store:
    known = schema.known_migration_names()
    if [name for name in known if name not in info.applied]:
        raise ReadOnlyFile(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} was made by an older gridboard and must be upgraded before it can be opened,"
                " but it cannot be changed here. Copy it to a folder you can write to, or close the"
                " copy of gridboard that has it open, and open it again.",
            ),
            path=str(path),
        )
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as error:
        raise storage_error(error, path) or DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read ({error})."), path=str(path), error=str(error)
        ) from error
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return Store(Database(conn, execute_plugins=False), path, operator, read_only=read_only)


def open_read_only(path: str | os.PathLike[str], *, check: str = "quick", operator: str = "check") -> Store:
    """The file as a read-only Store after every check `open_store` makes: no lock, no migration, no write.

    For `gridboard check` and `stats`, which must never change a file (a read-only one included).
    """
    target = Path(path)
    if not target.is_file() or target.stat().st_size == 0:
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "There is no gridboard file at {path}."), path=str(target)
        )
    info = inspect_readonly(target, check=check)
    if "_sqlite_migrations" not in info.tables:
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is marked as a gridboard file but holds no gridboard tables (it was never"
                " finished). Nothing in it can be read.",
            ),
            path=str(target),
        )
    try:
        conn = connect_read_only(target)
    except sqlite3.Error as error:
        raise storage_error(error, target) or DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read ({error})."),
            path=str(target),
            error=str(error),
        ) from error
    return Store(Database(conn, execute_plugins=False), target, operator, read_only=ReadOnly("file"))


def open_for_reading(
    path: str | os.PathLike[str], *, check: str = "none", operator: str = "reader", on_open: OnOpen
) -> Store:
    """A Store for a command that only reads (export, a printout that records nothing): never written,
    so no whole-file check unless asked (a damaged page is an error where it is read). A file from an
    older gridboard is upgraded first, which writes, so it is checked and opened as `open_store` does."""
    target = Path(path)
    if target.is_file() and target.stat().st_size > 0:
        info = inspect_readonly(target, check="none")
        if any(name not in info.applied for name in schema.known_migration_names()):
            return open_store(target, allow_read_only=True, operator=operator, on_open=on_open)
    return open_read_only(target, check=check, operator=operator)


def open_again(store: Store) -> Store:
    """Another connection to a file `store` has open (a worker thread's own): the first open checked
    its header, schema steps and integrity, migrated it and holds its lock, so none of that is done
    again (on a city file it cost about 200 ms per worker); only this connection's own settings.
    Read only when `store` is (a file still being checked, locked elsewhere, on a read-only disk or
    damaged), with the same reason; it holds no lock of its own."""
    if store.path is None:
        raise NotAGridboardFile(QT_TRANSLATE_NOOP("Errors", "This file has no path to open again."))
    path = store.path
    try:
        if store.read_only is not None:
            conn = connect_read_only(path)
        else:
            conn = connect(path, mode="rw")
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            if store.read_only is None:
                conn.execute("PRAGMA synchronous = FULL")  # journal_mode WAL is the file's own
        except BaseException:
            conn.close()
            raise
    except (sqlite3.Error, OSError) as error:
        raise storage_error(error, path) or DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} could not be opened ({error})."),
            path=str(path),
            error=str(error),
        ) from error
    return Store(Database(conn, execute_plugins=False), path, store.operator, read_only=store.read_only)


def _configure(db: Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA busy_timeout = 5000")


def _mark(db: Database) -> None:
    """Our application id and schema marker; written only when they change (opening writes nothing else)."""
    version = len(schema.known_migration_names())
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if db.execute("PRAGMA user_version").fetchone()[0] != version:
        db.execute(f"PRAGMA user_version = {version}")
    db.conn.commit()


def inspect_readonly(
    path: Path,
    *,
    check: str,
    progress: Callable[[int, int], None] | None = None,
    progress_every: int = 10_000,
) -> _FileInfo:
    """All the checks that must pass before we open the file for writing (they never write)."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER) and not cipher.is_protected(path):
        if cipher.could_be_protected(path):
            raise cipher.PassphraseNeeded(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is protected with a passphrase (or it is not a gridboard file: it is not an"
                    " SQLite database).",
                ),
                path=str(path),
            )
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a gridboard file (it is not an SQLite database)."),
            path=str(path),
        )
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as error:
        raise DamagedFile(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read ({error})."), path=str(path), error=str(error)
        ) from error
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as error:
            raise DamagedFile(
                QT_TRANSLATE_NOOP("Errors", "{path} is damaged and cannot be read ({error})."),
                path=str(path),
                error=str(error),
            ) from error
        if app_id != APPLICATION_ID:
            if tables:
                raise NotAGridboardFile(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{path} is an SQLite database, but not a gridboard file"
                        " (it holds tables such as {tables}).",
                    ),
                    path=str(path),
                    tables=", ".join(sorted(tables)[:3]),
                )
            raise NotAGridboardFile(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is an empty SQLite database made by another program, not a gridboard file."
                    " gridboard leaves it as it is; to start a new community, choose a new file name.",
                ),
                path=str(path),
            )
        known = schema.known_migration_names()
        if user_version > len(known):
            raise TooNewFile(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} was written by a newer version of gridboard (schema {version}; this one"
                    " knows {known}). Open it with that version; this one will not change it.",
                ),
                path=str(path),
                version=user_version,
                known=len(known),
            )
        if check != "none":
            pragma = "integrity_check" if check == "full" else "quick_check"
            cancelled: list[Cancelled] = []
            if progress is not None:
                conn.set_progress_handler(lambda: _still_wanted(progress, cancelled), progress_every)
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
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            try:
                applied = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'gridboard'"
                    )
                ]
            except sqlite3.DatabaseError as error:
                raise DamagedFile(
                    QT_TRANSLATE_NOOP("Errors", "{path} is damaged ({error})."),
                    path=str(path),
                    error=str(error),
                ) from error
            unknown = [name for name in applied if name not in known]
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
        return _FileInfo(tables=tables, applied=applied, user_version=user_version)
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
    """A consistent copy, including anything still in the WAL (protected like its source)."""
    cipher.key_like(source, target)
    src = connect_read_only(source)
    try:
        dst = connect(target, mode="rwc")
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
