"""Automatic daily backups of the open file, keeping the last 14."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from gridboard.models.store import FILE_SUFFIX, Store

KEEP = 14
Progress = Callable[[int, int], None]


def backup_folder(path: Path) -> Path:
    return path.with_name(f"{path.stem}-backups")


def backup_path(path: Path, day: date) -> Path:
    return backup_folder(path) / f"{path.stem}-{day.isoformat()}{FILE_SUFFIX}"


def needs_daily_backup(store: Store, day: date | None = None) -> bool:
    return store.path is not None and not backup_path(store.path, day or date.today()).exists()


def write_backup(store: Store, target: Path, progress: Progress | None = None) -> Path:
    """Copy the open file page by page (readers and writers may go on); a partial copy never remains.

    `progress(done_pages, total_pages)` may raise `Cancelled` to stop.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    dest = sqlite3.connect(str(partial))
    try:
        source.backup(
            dest,
            pages=512,
            progress=(lambda _status, remaining, total: progress(total - remaining, total)) if progress else None,
        )
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
