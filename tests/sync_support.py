"""Helpers for the merge tests: a controllable clock, small files, and a file's rows by uid."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from gridboard.models import clock, ledger, pairing
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.sync.merge import renew_identity
from gridboard.sync.tables import LOCAL_TABLES, mergeable_tables


class Clock:
    """Stands in for clock.now_iso in every module that imported it: each call one minute on."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> str:
        self.at += timedelta(minutes=1)
        return self.at.replace(microsecond=0).isoformat(sep=" ")


@contextmanager
def clock_at(start: datetime) -> Iterator[Clock]:
    fake = Clock(start)
    real = clock.now_iso
    patched = [m for m in list(sys.modules.values()) if getattr(m, "now_iso", None) is real]
    for module in patched:
        module.now_iso = fake  # type: ignore[attr-defined]
    try:
        yield fake
    finally:
        for module in patched:
            module.now_iso = real  # type: ignore[attr-defined]


def make_base(path: Path) -> None:
    """One community, two grids (one named like another community's), 24 households, three members."""
    store = open_store(path, create=True, operator="office")
    try:
        community = ledger.create_community(store, name="幸福社区")
        for g, name in enumerate(("第一网格", "第二网格")):
            grid = ledger.create_grid(store, community_id=community, name=name)
            building = ledger.create_building(
                store, grid_id=grid, name=f"{g + 1}号楼", number=g + 1, units=2, floors=3, rooms_per_floor=2
            )
            member = ledger.add_member(
                store, community_id=community, name=f"党员{g}", kind="community_member"
            )
            for h in store.query(
                "SELECT id FROM household WHERE building_id = ? ORDER BY id LIMIT 4", [building]
            ):
                pairing.pair_member(store, member_id=member, household_id=h["id"], mode="1+1")
    finally:
        store.close()


def copy_file(source: Path, target: Path, *, new_identity: bool = True) -> Path:
    """A copy that goes its own way (as a checkout does): same rows, its own identity."""
    shutil.copy(source, target)
    if new_identity:
        store = open_store(target, operator="copy")
        try:
            with store.atomic():
                renew_identity(store)
        finally:
            store.close()
    return target


def snapshot(
    store: Store, *, skip: tuple[str, ...] = ("audit_log",)
) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Every mergeable row by uid: its values with references written as the parent's uid (ids and
    stamps left out, since ids differ between files and merges write their own times)."""
    out: dict[str, dict[str, tuple[Any, ...]]] = {}
    for table in mergeable_tables(store.conn):
        if table.name in skip or table.name in LOCAL_TABLES:
            continue
        # Pinyin initials are a search cache, filled whenever a search or a write first needs them.
        columns = [c for c in table.columns if c not in ("id", "created_at", "updated_at", "name_initials")]
        select = []
        joins = []
        for column in columns:
            parent = table.references.get(column)
            if parent:
                alias = f"p_{column}"
                joins.append(f'LEFT JOIN "{parent}" {alias} ON {alias}.id = t."{column}"')
                select.append(f"{alias}.uid")
            else:
                select.append(f't."{column}"')
        rows = store.conn.execute(
            f'SELECT {", ".join(select)} FROM "{table.name}" t {" ".join(joins)}'
        ).fetchall()
        key = columns.index("uid")
        if table.name == "tag":  # builtin tags carry each file's own uid; their code is who they are
            key = columns.index("code")
        out[table.name] = {
            row[key]: tuple(v for i, v in enumerate(row) if i != columns.index("uid") or table.name != "tag")
            for row in rows
        }
    return out
