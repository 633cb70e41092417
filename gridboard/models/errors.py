"""Expected trouble from the world, shown to the user in plain words (bugs stay plain exceptions).

Messages are English templates marked with QT_TRANSLATE_NOOP so lupdate collects them into the
"Errors" context; the UI shows `error.translated(translate)` in the user's language.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation without importing Qt; returns it unchanged."""
    return text


class KnownError(Exception):
    """An error the user can understand and act on.

    `template` is an English sentence with {named} fields; `params` fill them.
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)

    def translated(self, translate: Callable[[str], str]) -> str:
        text = translate(self.template) or self.template
        try:
            return text.format(**self.params) if self.params else text
        except (KeyError, IndexError, ValueError):
            return str(self)


class NotAGridboardFile(KnownError):
    """The file is not a gridboard file at all."""


class DamagedFile(KnownError):
    """The file is a gridboard file but fails SQLite's integrity check or cannot be read."""


class TooNewFile(KnownError):
    """The file was written by a newer gridboard; we refuse it rather than damage it."""


class StorageError(KnownError):
    """The disk or another program refused a read or a write; nothing was changed."""


class FileLocked(StorageError):
    """Another program holds the file (another copy of gridboard, an import, a copy tool...)."""


class DiskFull(StorageError):
    """No room left on the disk (or the file reached its size limit)."""


class ReadOnlyFile(StorageError):
    """The file, its folder or the disk cannot be written, or it is open read only here."""


class StorageFailed(StorageError):
    """The disk failed to read or write (a USB stick pulled out, a network folder gone)."""


class InvalidInput(KnownError):
    """A value given by the user (or a file) breaks a rule; nothing was changed."""


class IllegalTransition(InvalidInput):
    """A request step that its current state does not allow."""


class Cancelled(Exception):
    """Raised from a progress callback when the user cancels long work; nothing is kept."""


def storage_error(error: BaseException, path: str | os.PathLike[str] | None = None) -> KnownError | None:
    """Expected trouble from the disk or another program, as a KnownError in plain words; None for a bug.

    The one place that reads sqlite3's and the operating system's error codes: the UI (notifier, tasks,
    crash handler) and the command line both call it.
    """
    if isinstance(error, KnownError):
        return error
    where = str(path) if path else ""
    if isinstance(error, sqlite3.Error):
        name = str(getattr(error, "sqlite_errorname", "") or "")
        text = str(error)
        where = where or "gridboard"
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
            return FileLocked(BUSY, path=where)
        if name.startswith("SQLITE_FULL") or "is full" in text:
            return DiskFull(FULL, path=where)
        if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly database" in text:
            return ReadOnlyFile(READ_ONLY, path=where)
        if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "disk I/O error" in text:
            return StorageFailed(IO_FAILED, path=where, error=text)
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
            return DamagedFile(DAMAGED_NOW, path=where, error=text)
        return None
    if isinstance(error, OSError):
        where = str(error.filename) if error.filename else where or "gridboard"
        reason = error.strerror or str(error)
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), getattr(errno, "EFBIG", -1)):
            return DiskFull(FULL, path=where)
        if error.errno == errno.EROFS:
            return ReadOnlyFile(READ_ONLY, path=where)
        if isinstance(error, PermissionError):
            return ReadOnlyFile(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} could not be written: permission denied. If it is open in another program"
                    " (Excel, WPS, a PDF viewer), close it there; otherwise choose another folder.",
                ),
                path=where,
            )
        if isinstance(error, (FileNotFoundError, NotADirectoryError, IsADirectoryError)):
            return StorageFailed(
                QT_TRANSLATE_NOOP("Errors", "{path} could not be found or made ({error}). Check the folder."),
                path=where,
                error=reason,
            )
        return StorageFailed(IO_FAILED, path=where, error=reason)
    return None


BUSY = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} is busy: another copy of gridboard or an import is writing to it."
    " Nothing was saved. Wait a moment and try again.",
)
FULL = QT_TRANSLATE_NOOP(
    "Errors",
    "There is no room left on the disk for {path}. Nothing was saved."
    " Free some space (empty the recycle bin, move old files away) and try again.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} cannot be changed: it is read only here. Nothing was saved.",
)
IO_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} could not be read or written ({error}). Check that the USB stick or network folder is"
    " still there, then try again. Nothing was saved.",
)
DAMAGED_NOW = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} is damaged ({error}). Stop working on it: close gridboard and open the latest backup.",
)
