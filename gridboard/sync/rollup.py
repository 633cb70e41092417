"""A street file from its communities' files: each community kept apart, re-run to bring it up to date."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gridboard.models.store import Store
from gridboard.sync.merge import MergeResult, Progress, merge_file


def rollup(
    store: Store, files: Sequence[str | Path], *, dry_run: bool = False, progress: Progress | None = None
) -> list[tuple[Path, MergeResult]]:
    """Merge each community file into the street file `store`, one transaction per file.

    Rows are matched by uid only, so two communities' 第一网格 stay two grids, and a newer copy of a
    community file updates what the street file holds of it (nothing is ever deleted).
    """
    results = []
    total = len(files)
    for index, path in enumerate(files):
        def step(done: int, count: int, *_args: object, _index: int = index) -> None:
            if progress is not None:
                progress(_index * 100 + (100 * done // count if count else 0), total * 100)

        results.append((Path(path), merge_file(store, path, kind="rollup", dry_run=dry_run, progress=step)))
    if progress is not None:
        progress(total * 100, total * 100)
    return results
