"""The demo's load: `generate` opens a new file, tunes the connection for one bulk load (pragmas,
secondary indexes dropped and rebuilt, tallies counted once), writes the batches in one transaction
and renames the file into place."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from gridboard.models import tallies
from gridboard.models.demo.plan import SCALES, Scale, plan
from gridboard.models.demo.producer import Job, in_a_process, in_this_process
from gridboard.models.demo.rows import INSERT_SQL, TABLES
from gridboard.models.demo.serve import add as add_serving
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput, KnownError
from gridboard.models.opening import open_store
from gridboard.models.store import Store

Progress = Callable[[int, int], None]

# SQLite's page cache while generating: big enough to hold the city file's uid indexes.
CACHE_KIB = 3_000_000


def generate(
    path: str | os.PathLike[str],
    scale: str = "community",
    *,
    seed: int = 1,
    today: date | None = None,
    households: int | None = None,
    progress: Progress | None = None,
    overwrite: bool = False,
    operator: str | None = None,
    parallel: bool | None = None,
) -> dict[str, int]:
    """Write a demo file at `path`; returns the number of rows written to each table.

    `progress(done, total)` is called after each grid and once when the file is in place; it may
    raise (for example `Cancelled`) to stop, and then no file is left behind. `households` overrides
    the scale's household count (for tests). `parallel` builds rows in a second process while this
    one writes them; by default only for street and city sizes. Safe to call from a worker thread:
    it opens its own connection.
    """
    if scale not in SCALES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Unknown scale {scale}; choose one of {choices}."),
            scale=scale,
            choices=", ".join(SCALES),
        )
    target = Path(path)
    if target.exists() and not overwrite:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "{path} already exists."), path=str(target))
    if not target.parent.is_dir():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "There is no folder {folder}."), folder=str(target.parent)
        )
    spec = SCALES[scale]
    if households is not None:
        spec = Scale(spec.communities, spec.grids, households)
    if parallel is None:
        parallel = spec.households >= 20_000 and (os.cpu_count() or 1) > 1
    layout = plan(spec, seed)
    total = sum(len(grids) for grids in layout) + 1
    partial = target.with_name(target.name + ".partial")
    _remove(partial)
    store = open_store(partial, create=True, operator=operator or "demo")
    counts = dict.fromkeys(TABLES, 0)
    try:
        indexes = _prepare_bulk(store, cache_kib=min(CACHE_KIB, 20_000 + spec.households * 12))
        job = Job(
            seed=seed,
            today=today or date.today(),
            scale=scale,
            plan=layout,
            tag_ids={r["code"]: r["id"] for r in store.query("SELECT id, code FROM tag")},
            first_ids={t: (store.scalar(f"SELECT max(id) FROM {t}") or 0) + 1 for t in TABLES},
            operator=store.operator,
        )
        batches = in_a_process(job) if parallel else in_this_process(job)
        try:
            # One transaction for the lot: each commit would rewrite every page of the uid indexes
            # that random uids scatter inserts over.
            # The dashboard's tallies are counted once at the end, not by triggers row by row.
            with store.atomic(), tallies.deferred(store.db):
                for done, batch in enumerate(batches, start=1):
                    for table, rows in batch.items():
                        store.conn.executemany(INSERT_SQL[table], rows)
                        counts[table] += len(rows)
                    if progress and done < total:
                        progress(done, total)
                # Those who come to serve (units, reporting in, posts, services, escalations): issue 21.
                counts.update(add_serving(store, seed=seed, today=job.today))
                for index in indexes:
                    store.execute(index["sql"])
        finally:
            batches.close()
        store.execute("PRAGMA ignore_check_constraints = OFF")
        store.execute("PRAGMA foreign_keys = ON")
        store.execute("PRAGMA journal_mode = WAL")
        store.close()
    except BaseException as error:
        store.close(checkpoint=False)  # lets go of the lock beside the partial file too
        _remove(partial)
        if isinstance(error, sqlite3.OperationalError):
            # The world's trouble (disk full, folder not writable), not a bug: say it plainly.
            raise KnownError(
                QT_TRANSLATE_NOOP("Errors", "Could not write {path} ({error})."),
                path=str(target),
                error=str(error),
            ) from error
        raise
    os.replace(partial, target)
    if progress:
        progress(total, total)
    return counts


def _prepare_bulk(store: Store, *, cache_kib: int) -> list[Any]:
    """Set the connection up for one bulk load; returns the secondary indexes it dropped."""
    # Nothing else sees the partial file and it is deleted if anything fails, so durability is not
    # needed until the end. CHECK constraints cost more than the insert itself, and foreign keys
    # hold by construction: PRAGMA integrity_check and foreign_key_check verify both (tests do).
    store.execute("PRAGMA journal_mode = MEMORY")
    store.execute("PRAGMA synchronous = OFF")
    store.execute("PRAGMA foreign_keys = OFF")
    store.execute("PRAGMA ignore_check_constraints = ON")
    store.execute(f"PRAGMA cache_size = -{cache_kib}")
    # The indexes built at the end may sort on helper threads (the producer is done by then).
    store.execute("PRAGMA threads = 2")
    # Secondary indexes are built once at the end (a sort) rather than row by row.
    indexes = store.query(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND sql NOT LIKE 'CREATE UNIQUE%'"
    )
    for index in indexes:
        store.execute(f"DROP INDEX {index['name']}")
    return indexes


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
