"""What the merge needs to know of the schema, read from the file itself: tables, references, keys."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Each file's own bookkeeping, never carried from one file to another. Settings are each office's
# own (cycles, remembered layouts); tallies are derived and rebuilt.
LOCAL_TABLES = frozenset(
    {"setting", "file_identity", "travel_meeting", "travel_conflict", "travel_cut", "_sqlite_migrations"}
)
# Columns kept by the app from other rows (a household's last visit from its visits, its risk tier
# from its residents' tags, pinyin initials from names): recomputed after a merge, never a conflict.
DERIVED: dict[str, frozenset[str]] = {
    "household": frozenset({"priority_tier", "last_visit_at", "last_outcome", "last_reached_at"}),
    "resident": frozenset({"name_initials"}),
    "member": frozenset({"name_initials"}),
}
# References the schema does not declare (no REFERENCES clause) but which hold another row's id.
EXTRA_REFERENCES: dict[tuple[str, str], str] = {("supply_delivery", "request_item_id"): "request_item"}
# A unique column that names a different record on each side when two files chose the same value
# (printed sheet numbers run on in each file): the incoming row is renamed instead of matched.
RENAMED_ON_CLASH: dict[str, str] = {"printed_sheet": "sheet_no"}
FIXED = ("id", "uid", "created_at", "updated_at")


@dataclass
class Table:
    name: str
    columns: list[str]
    notnull: set[str]
    references: dict[str, str]  # column -> parent table
    keys: list[tuple[list[str], str | None]] = field(default_factory=list)  # natural keys, partial WHERE

    @property
    def content(self) -> list[str]:
        """The columns a merge compares: everything but the row's identity, stamps and derived values."""
        derived = DERIVED.get(self.name, frozenset())
        return [c for c in self.columns if c not in FIXED and c not in derived]


def mergeable_tables(conn: Any, schema: str = "main") -> list[Table]:
    """Every table with a uid, parents before children."""
    names = [
        r[0]
        for r in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    tables: dict[str, Table] = {}
    for name in names:
        if name in LOCAL_TABLES or name.startswith(("tally_", "sqlite_")):
            continue
        info = conn.execute(f'PRAGMA {schema}.table_info("{name}")').fetchall()
        columns = [r[1] for r in info]
        if "uid" not in columns or "id" not in columns:
            continue
        references = {r[3]: r[2] for r in conn.execute(f'PRAGMA {schema}.foreign_key_list("{name}")')}
        for (table, column), parent in EXTRA_REFERENCES.items():
            if table == name and column in columns:
                references.setdefault(column, parent)
        table = Table(name, columns, {r[1] for r in info if r[3]}, references)
        table.keys = _natural_keys(conn, schema, name)
        tables[name] = table
    return _parents_first(tables)


def _natural_keys(conn: Any, schema: str, name: str) -> list[tuple[list[str], str | None]]:
    keys = []
    for row in conn.execute(f'PRAGMA {schema}.index_list("{name}")').fetchall():
        index, unique, partial = row[1], row[2], row[4]
        if not unique:
            continue
        columns = [r[2] for r in conn.execute(f'PRAGMA {schema}.index_info("{index}")')]
        if None in columns or columns in (["uid"], ["id"]):
            continue  # an expression index, or the row's own identity
        if RENAMED_ON_CLASH.get(name) in columns:
            continue
        where = None
        if partial:
            sql = conn.execute(
                f"SELECT sql FROM {schema}.sqlite_master WHERE type = 'index' AND name = ?", [index]
            ).fetchone()[0]
            match = re.search(r"\bWHERE\b(.*)$", sql, re.S | re.I)
            where = match.group(1).strip() if match else None
        keys.append((columns, where))
    return keys


def _parents_first(tables: dict[str, Table]) -> list[Table]:
    ordered: list[Table] = []
    state: dict[str, int] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise RuntimeError(f"tables refer to each other in a loop: {' -> '.join(path)}")
        state[name] = 1
        for parent in tables[name].references.values():
            if parent in tables and parent != name:
                visit(parent, (*path, parent))
        state[name] = 2
        ordered.append(tables[name])

    for name in sorted(tables):
        visit(name, (name,))
    return ordered
