"""Automatic daily backups of the open file, keeping the last 14."""

from __future__ import annotations

import errno
from collections.abc import Callable
from datetime import date
from pathlib import Path

from gridboard.models import cipher
from gridboard.models.store import APPLICATION_ID, FILE_SUFFIX, Store, connect, connect_read_only

KEEP = 14
Progress = Callable[[int, int], None]


def backup_folder(path: Path) -> Path:
    return path.with_name(f"{path.stem}-backups")


def backup_path(path: Path, day: date) -> Path:
    return backup_folder(path) / f"{path.stem}-{day.isoformat()}{FILE_SUFFIX}"


def needs_daily_backup(store: Store, day: date | None = None) -> bool:
    """True when today's copy is still to be made. A read-only Store makes none: the copy of gridboard
    that writes to the file makes them, and a read-only file does not change."""
    return (
        store.path is not None
        and store.read_only is None
        and not backup_path(store.path, day or date.today()).exists()
    )


def write_backup(store: Store, target: Path, progress: Progress | None = None) -> Path:
    """Copy the open file page by page (readers and writers may go on); a partial copy never remains.

    `progress(done_pages, total_pages)` may raise `Cancelled` to stop. A full disk or a missing folder
    raises sqlite3.Error or OSError: the caller warns and tries again later (the app opens regardless).
    """
    assert store.path is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    cipher.key_like(store.path, partial)  # a protected file's backup is protected the same way
    source = connect_read_only(store.path)
    try:
        dest = connect(partial, mode="rwc")
    except BaseException:
        source.close()
        raise
    try:
        source.backup(
            dest,
            pages=512,
            progress=(lambda _status, remaining, total: progress(total - remaining, total)) if progress else None,
        )
        # A copy of the wrong file (an unescaped path once gave an empty one) is no backup.
        if dest.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise OSError(errno.EIO, "the copy is not a gridboard file", str(partial))
        dest.close()
        partial.replace(target)
    except BaseException:
        dest.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    return target


def daily_backup(
    store: Store, *, day: date | None = None, keep: int = KEEP, progress: Progress | None = None
) -> Path | None:
    """Today's backup if there is none yet, then prune to the newest `keep`."""
    if store.path is None:
        return None
    day = day or date.today()
    target = backup_path(store.path, day)
    made = None
    if not target.exists():
        made = write_backup(store, target, progress)
    backups = sorted(backup_folder(store.path).glob(f"{store.path.stem}-????-??-??{FILE_SUFFIX}"))
    for old in backups[:-keep]:
        old.unlink()
    return made
