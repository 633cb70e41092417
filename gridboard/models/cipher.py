"""Protected files: SQLCipher (the `sqlcipher3` package) behind the one connection owner.

A protected file is encrypted page by page with a key derived from the office's passphrase; without
it the file reads as noise (its first 16 bytes are the salt, the rest ciphertext). The key is derived
once per file with scrypt (the salt is the file's own), kept in this process's memory only, and used
raw for every connection (SQLCipher's own KDF would cost ~0.3 s per connection, and a file is opened
by several: the checks, the window, worker threads). `store.connect` asks `key_for(path)`.

sqlcipher3's connections raise their own exception classes; `Connection` wraps one so that callers
see the standard `sqlite3` ones (`except sqlite3.Error` holds everywhere) and `sqlite3.Row` works.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Any

from gridboard.models.errors import QT_TRANSLATE_NOOP, KnownError, NotAGridboardFile
from gridboard.models.uri import sqlite_uri

try:  # the binary wheel; without it files simply cannot be protected
    import sqlcipher3.dbapi2 as _sc
except ImportError:  # pragma: no cover - a dependency, present in every install
    _sc = None

SALT_BYTES = 16
# scrypt: about 0.1 s and 32 MiB on an office PC, once per file per run.
_SCRYPT = {"n": 2**15, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}
_KEYS: dict[str, tuple[bytes, bytes]] = {}  # resolved path -> (key, salt)
# How protected files are laid out. Every layout here opens (`connect` tries the file's own, newest
# first, and remembers it per file); NEW_LAYOUT is what protecting a file makes. Measured on a street
# file (bench/bench_protected.py --layouts, 2026-12-02, a loaded 2-core machine, ratios against the
# plain copy in the same run): 16 KiB pages without HMAC open in 0.86-0.92x; with SQLCipher's
# per-page HMAC, open (which runs quick_check over every page) takes 2.2x with SHA-512, 1.35-1.52x
# with SHA-256 and 1.35x with SHA-1: over the 1.3x target, so new files stay without HMAC. What
# that gives up is tamper evidence per page (a changed page is caught by the quick_check as damage
# at best, not as forgery); what it keeps is the point of the feature: without the passphrase
# nothing in the file can be read. Turning the HMAC on for new files is NEW_LAYOUT = "hmac_sha256".
LAYOUTS: dict[str, tuple[str, ...]] = {
    # SQLCipher's per-page HMAC (SHA-512): a changed page is refused as tampering.
    "hmac": ("cipher_page_size = 16384", "cipher_use_hmac = ON", "cipher_hmac_algorithm = HMAC_SHA512"),
    "hmac_sha256": (
        "cipher_page_size = 16384",
        "cipher_use_hmac = ON",
        "cipher_hmac_algorithm = HMAC_SHA256",
    ),
    "hmac_sha1": ("cipher_page_size = 16384", "cipher_use_hmac = ON", "cipher_hmac_algorithm = HMAC_SHA1"),
    # No per-page HMAC: every file protected so far, and new ones while NEW_LAYOUT says so.
    "no_hmac": ("cipher_page_size = 16384", "cipher_use_hmac = OFF"),
}
NEW_LAYOUT = "no_hmac"  # how a newly protected file is laid out
_LAYOUT: dict[str, str] = {}  # resolved path -> the layout that opened it in this run
_ATTACHING = threading.Lock()


class PassphraseNeeded(NotAGridboardFile):
    """The file is not plain SQLite: it is protected (or not a gridboard file at all)."""


class WrongPassphrase(KnownError):
    """The passphrase does not open the file."""


class CannotProtect(KnownError):
    pass


def available() -> bool:
    return _sc is not None


def _name(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def derive(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, **_SCRYPT)


def read_salt(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


def unlock(path: str | os.PathLike[str], passphrase: str) -> None:
    """Remember the key of an existing protected file for this process (checked when it is opened)."""
    salt = read_salt(path)
    _KEYS[_name(path)] = (derive(passphrase, salt), salt)


def remember_new(path: str | os.PathLike[str], passphrase: str) -> None:
    """A new file to be made protected: a fresh salt, the key derived from the passphrase."""
    _check_passphrase(passphrase)
    salt = secrets.token_bytes(SALT_BYTES)
    remember(path, derive(passphrase, salt), salt)
    _LAYOUT.pop(_name(path), None)  # made new: the new layout


def remember(path: str | os.PathLike[str], key: bytes, salt: bytes, *, layout: str | None = None) -> None:
    _KEYS[_name(path)] = (key, salt)
    if layout is not None:  # a file written page by page in that layout (a restored backup)
        _LAYOUT[_name(path)] = layout


def forget(path: str | os.PathLike[str]) -> None:
    _KEYS.pop(_name(path), None)
    _LAYOUT.pop(_name(path), None)


def layout_of(path: str | os.PathLike[str]) -> str | None:
    """The layout that opened `path` in this run (None: not opened yet)."""
    return _LAYOUT.get(_name(path))


def _layouts_to_try(path: str | os.PathLike[str]) -> list[str]:
    known = _LAYOUT.get(_name(path))
    if known is not None:
        return [known]
    # A new (empty) file takes the new layout; an existing one is tried newest layout first.
    return [NEW_LAYOUT, *(name for name in LAYOUTS if name != NEW_LAYOUT)]


def key_for(path: str | os.PathLike[str]) -> tuple[bytes, bytes] | None:
    return _KEYS.get(_name(path))


def is_protected(path: str | os.PathLike[str]) -> bool:
    return key_for(path) is not None


def could_be_protected(path: str | os.PathLike[str]) -> bool:
    """Whole encrypted pages (a protected file is a multiple of its page size, 4 KiB at least)."""
    size = os.path.getsize(path)
    return size >= 4096 and size % 1024 == 0


def key_like(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """`target` (a backup, a copy before migrating) is protected with `source`'s key and salt."""
    found = key_for(source)
    if found is not None:
        _KEYS[_name(target)] = found
        # The same layout too: a backup copies pages, which must be laid out alike.
        _LAYOUT[_name(target)] = _LAYOUT.get(_name(source), NEW_LAYOUT)
    else:
        forget(target)


def connect(
    uri: str, path: str | os.PathLike[str], *, timeout: float, key: tuple[bytes, bytes]
) -> Connection:
    """A keyed SQLCipher connection to `uri`, looking like a sqlite3 one."""
    if _sc is None:
        raise CannotProtect(
            QT_TRANSLATE_NOOP("Errors", "This gridboard cannot open protected files (sqlcipher3 is missing).")
        )
    raw, salt = key
    layouts = _layouts_to_try(path)
    for number, layout in enumerate(layouts, start=1):
        conn = _call(_sc.connect, uri, uri=True, timeout=timeout, check_same_thread=False)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            # The key and the salt: for a new file they set its salt; for an existing one they must match.
            conn.execute(f"PRAGMA key = \"x'{raw.hex()}{salt.hex()}'\"")
            for setting in LAYOUTS[layout]:
                conn.execute(f"PRAGMA {setting}")
            wrapped = Connection(conn)
            check_key(path, wrapped, forget_key=number == len(layouts))
        except WrongPassphrase:
            conn.close()
            if number == len(layouts):
                raise
            continue
        except BaseException:
            conn.close()
            raise
        _LAYOUT[_name(path)] = layout
        return wrapped
    raise AssertionError("unreachable")


def check_key(path: str | os.PathLike[str], conn: Any, *, forget_key: bool = True) -> None:
    """Refuse, in words, a passphrase that does not open the file (nothing is changed)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB" or "not a database" in str(error):
            if forget_key:
                forget(path)
            raise WrongPassphrase(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "That passphrase does not open {path} (or the file is damaged, or it is not a gridboard file)."
                    " Nothing was changed.",
                ),
                path=str(path),
            ) from error
        raise


def attach(conn: Any, path: str | os.PathLike[str], uri: str, schema: str) -> None:
    """ATTACH another gridboard file (a merge's source) to `conn` as `schema`: a protected file with
    its own key and layout, a plain one with no key (on a protected connection an ATTACH without a
    KEY would take the main file's key)."""
    found = key_for(path)
    if not getattr(conn, "protected", False):
        conn.execute(f"ATTACH DATABASE ? AS {schema}", [uri])  # a plain connection reads plain files
        return
    if found is None:
        conn.execute(f"ATTACH DATABASE ? AS {schema} KEY ''", [uri])
        return
    if _name(path) not in _LAYOUT:
        _source_layout(Path(path), found)
    # ATTACH reads the file at once, with SQLCipher's default layout: the file's own is made the
    # default for that moment (every connection of ours sets its whole layout, so none depends on it).
    settings = [s.split(" = ") for s in LAYOUTS[_LAYOUT[_name(path)]]]
    with _ATTACHING:
        before = [
            (n, conn.execute(f"PRAGMA {n.replace('cipher_', 'cipher_default_', 1)}").fetchone())
            for n, _ in settings
        ]
        try:
            for name, value in settings:
                conn.execute(f"PRAGMA {name.replace('cipher_', 'cipher_default_', 1)} = {value}")
            conn.execute(f"ATTACH DATABASE ? AS {schema} KEY \"x'{found[0].hex()}{found[1].hex()}'\"", [uri])
        finally:
            for name, row in before:
                if row is not None:
                    conn.execute(f"PRAGMA {name.replace('cipher_', 'cipher_default_', 1)} = {row[0]}")


# -- making a protected copy, or a plain one -----------------------------------------------------------


def protect(source: Path, target: Path, passphrase: str) -> Path:
    """A new protected copy of the plain file `source` at `target` (the source stays as it is)."""
    _check_passphrase(passphrase)
    salt = secrets.token_bytes(SALT_BYTES)
    key = derive(passphrase, salt)
    if target.exists():
        raise CannotProtect(QT_TRANSLATE_NOOP("Errors", "{path} already exists."), path=str(target))
    # A consistent snapshot first, by the standard sqlite3 library that has the live file open: two
    # SQLite libraries on one live file in one process would release each other's POSIX locks.
    snapshot = target.with_name(target.name + ".snapshot")
    snapshot.unlink(missing_ok=True)
    _plain_copy(source, snapshot)
    try:
        return _export(snapshot, None, target, (key, salt))
    finally:
        snapshot.unlink(missing_ok=True)


def _plain_copy(source: Path, target: Path) -> None:
    """A consistent copy of a plain file, WAL included, by the standard sqlite3 library (SQLite's
    backup; `store.copy_database` does the same for any file, but `store` builds on this module)."""
    src = sqlite3.connect(sqlite_uri(source, mode="ro"), uri=True)
    try:
        dst = sqlite3.connect(sqlite_uri(target, mode="rwc"), uri=True)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def unprotect(source: Path, target: Path) -> Path:
    """A new plain copy of the protected (and unlocked) file `source` at `target`."""
    return _export(source, key_for(source), target, None)


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < 8:
        raise CannotProtect(QT_TRANSLATE_NOOP("Errors", "A passphrase has at least 8 characters."))


def _export(
    source: Path, source_key: tuple[bytes, bytes] | None, target: Path, target_key: tuple[bytes, bytes] | None
) -> Path:
    if _sc is None:
        raise CannotProtect(
            QT_TRANSLATE_NOOP("Errors", "This gridboard cannot protect files (sqlcipher3 is missing).")
        )
    if target.exists():
        raise CannotProtect(QT_TRANSLATE_NOOP("Errors", "{path} already exists."), path=str(target))
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = _call(_sc.connect, sqlite_uri(source, mode="ro"), uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source_key is not None:
            conn.execute(f"PRAGMA key = \"x'{source_key[0].hex()}{source_key[1].hex()}'\"")
            for setting in LAYOUTS[_LAYOUT.get(_name(source)) or _source_layout(source, source_key)]:
                conn.execute(f"PRAGMA {setting}")
        app_id, version = (
            conn.execute("PRAGMA application_id").fetchone()[0],
            conn.execute("PRAGMA user_version").fetchone()[0],
        )
        key_sql = "''" if target_key is None else f"\"x'{target_key[0].hex()}{target_key[1].hex()}'\""
        conn.execute(f"ATTACH DATABASE ? AS copy KEY {key_sql}", [str(partial)])
        if target_key is not None:
            for setting in LAYOUTS[NEW_LAYOUT]:
                conn.execute(f"PRAGMA copy.{setting}")
        conn.execute("SELECT sqlcipher_export('copy')")
        conn.execute(f"PRAGMA copy.application_id = {int(app_id)}")
        conn.execute(f"PRAGMA copy.user_version = {int(version)}")
        conn.commit()
        conn.execute("DETACH DATABASE copy")
    except _sc.Error as error:
        partial.unlink(missing_ok=True)
        raise _translate(error) from None
    finally:
        conn.close()
    partial.replace(target)
    if target_key is not None:
        remember(target, *target_key)
        _LAYOUT[_name(target)] = NEW_LAYOUT
    else:
        forget(target)
    return target


def _source_layout(source: Path, key: tuple[bytes, bytes]) -> str:
    """The layout a protected file opens with (trying each), for a file not opened in this run."""
    connect(sqlite_uri(source, mode="ro"), source, timeout=5, key=key).close()
    return _LAYOUT[_name(source)]


# -- sqlcipher3 looking like sqlite3 -------------------------------------------------------------------


def _translate(error: BaseException) -> BaseException:
    if _sc is None or not isinstance(error, _sc.Error):
        return error
    kind = getattr(sqlite3, type(error).__name__, sqlite3.DatabaseError)
    translated = kind(*error.args)
    for attribute in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(error, attribute):
            setattr(translated, attribute, getattr(error, attribute))
    return translated


def _call(fn, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - re-raised as the sqlite3 class of the same name
        translated = _translate(error)
        if translated is error:
            raise
        raise translated from None


class Cursor:
    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    @property
    def row_factory(self) -> Any:
        return self._cursor.row_factory

    @row_factory.setter
    def row_factory(self, factory: Any) -> None:
        self._cursor.row_factory = _sc.Row if factory is sqlite3.Row else factory

    def execute(self, sql: str, params: Any = ()) -> Cursor:
        _call(self._cursor.execute, sql, params)
        return self

    def executemany(self, sql: str, params: Any) -> Cursor:
        _call(self._cursor.executemany, sql, params)
        return self

    def fetchone(self) -> Any:
        return _call(self._cursor.fetchone)

    def fetchall(self) -> Any:
        return _call(self._cursor.fetchall)

    def fetchmany(self, size: int = 1) -> Any:
        return _call(self._cursor.fetchmany, size)

    def __iter__(self):
        while True:
            row = self.fetchone()
            if row is None:
                return
            yield row

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class Connection:
    """A sqlcipher3 connection that raises sqlite3's exceptions."""

    protected = True

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @property
    def row_factory(self) -> Any:
        return self._conn.row_factory

    @row_factory.setter
    def row_factory(self, factory: Any) -> None:
        self._conn.row_factory = _sc.Row if factory is sqlite3.Row else factory

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    @property
    def isolation_level(self) -> Any:
        return self._conn.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: Any) -> None:
        self._conn.isolation_level = value

    def cursor(self) -> Cursor:
        return Cursor(_call(self._conn.cursor))

    def execute(self, sql: str, params: Any = ()) -> Cursor:
        return Cursor(_call(self._conn.execute, sql, params))

    def executemany(self, sql: str, params: Any) -> Cursor:
        return Cursor(_call(self._conn.executemany, sql, params))

    def executescript(self, sql: str) -> Cursor:
        return Cursor(_call(self._conn.executescript, sql))

    def commit(self) -> None:
        _call(self._conn.commit)

    def rollback(self) -> None:
        _call(self._conn.rollback)

    def close(self) -> None:
        _call(self._conn.close)

    def backup(self, target: Any, **kwargs: Any) -> None:
        if not isinstance(target, Connection):
            raise CannotProtect(
                QT_TRANSLATE_NOOP("Errors", "A protected file is copied only to a protected copy.")
            )
        _call(self._conn.backup, target._conn, **kwargs)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._conn, name)
        if callable(attribute):
            return lambda *args, **kwargs: _call(attribute, *args, **kwargs)
        return attribute
