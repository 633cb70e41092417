"""A street file from its communities' files: each community kept apart, re-run to bring it up to date."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gridboard.models import tallies
from gridboard.models.store import Store
from gridboard.sync.merge import MergeResult, Progress, merge_file

# Above this many files the tallies are counted once after the last one (each merge with triggers on,
# or its own recount of the whole street file, costs more as the file grows).
COUNT_ONCE_FROM = 2


def rollup(
    store: Store, files: Sequence[str | Path], *, dry_run: bool = False, progress: Progress | None = None
) -> list[tuple[Path, MergeResult]]:
    """Merge each community file into the street file `store`, one transaction per file; with
    several files the tallies are counted once, after the last.

    Rows are matched by uid only, so two communities' 第一网格 stay two grids, and a newer copy of a
    community file updates what the street file holds of it (nothing is ever deleted).
    """
    results: list[tuple[Path, MergeResult]] = []
    total = len(files)
    once = not dry_run and total >= COUNT_ONCE_FROM
    if once:
        # Triggers off and the file marked as counted by nobody: if this stops half way (a crash),
        # the file is counted again when it next opens (tallies.ensure_current).
        with store.atomic():
            tallies.drop_triggers(store.db)
            store.execute("UPDATE tally_state SET fingerprint = ''")
    try:
        for index, path in enumerate(files):

            def step(done: int, count: int, *_args: object, _index: int = index) -> None:
                if progress is not None:
                    progress(_index * 100 + (100 * done // count if count else 0), total * 100)

            merged = merge_file(
                store, path, kind="rollup", dry_run=dry_run, progress=step, tallies_by_caller=once
            )
            results.append((Path(path), merged))
    finally:
        if once:  # whatever happened, the files merged so far are counted and the triggers are back
            with store.atomic():
                tallies.repair(store.db)
    if progress is not None:
        progress(total * 100, total * 100)
    return results
