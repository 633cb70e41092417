"""Importing office ledgers: read → recognise → rows into drafts → match against the file → one write.

    book = read_book(path)                          # reader: every sheet's cells
    layouts = detect_layouts(store, book)           # recognise: what each sheet and column is
    plan = plan_import(store, book, layouts, edits) # rows + match: problems, counts, the rows to write
    write_plan(store, plan)                         # all or nothing; ImportBlocked on any error

The preview shows the plan and the write writes that same plan, so the counts a preview shows are the
counts the import gives. `Edits` carry the office's corrections from the preview. Writes are bulk
(`executemany` with ids assigned by the plan); the audit log gets one summary entry per import plus
old/new values for each updated row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from gridboard.exchange.bulk import no_cyclic_gc
from gridboard.exchange.match import Matcher
from gridboard.exchange.plan import BLOCKED_MESSAGE, VOCABULARIES, Edits, ImportBlocked, Plan, Problem
from gridboard.exchange.reader import Book
from gridboard.exchange.recognise import (
    SheetLayout,
    apply_mapping_file,
    detect_layouts,
    remember_layouts,
    set_header_row,
)
from gridboard.exchange.rows import RowReader, column_letter
from gridboard.models import records, tallies
from gridboard.models.search import fill_initials
from gridboard.models.settings import get_setting, set_setting
from gridboard.models.store import Store

__all__ = [
    "Edits",
    "ImportBlocked",
    "Plan",
    "Problem",
    "SheetLayout",
    "apply_import",
    "apply_mapping_file",
    "column_letter",
    "detect_layouts",
    "plan_import",
    "preview",
    "remember_layouts",
    "set_header_row",
    "write_plan",
]

Progress = Callable[..., None]
VOCABULARY_SETTING = "import_vocabulary"
DEFER_TALLIES_ABOVE = 2000  # sheet rows


def remembered_words(store: Store) -> dict[tuple[str, str], str]:
    """Words the office mapped in earlier imports: (vocabulary, word) → code."""
    saved = get_setting(store, VOCABULARY_SETTING)
    words: dict[tuple[str, str], str] = {}
    if isinstance(saved, dict):
        for vocabulary, mapping in saved.items():
            if vocabulary in VOCABULARIES and isinstance(mapping, dict):
                words.update({(vocabulary, str(w)): str(c) for w, c in mapping.items()})
    return words


def remember_words(store: Store, words: dict[tuple[str, str], str]) -> None:
    if not words:
        return
    saved = get_setting(store, VOCABULARY_SETTING)
    merged: dict[str, dict[str, str]] = saved if isinstance(saved, dict) else {}
    for (vocabulary, word), code in words.items():
        merged.setdefault(vocabulary, {})[word] = code
    set_setting(store, VOCABULARY_SETTING, merged)


def _data_rows(book: Book, layouts: list[SheetLayout]) -> int:
    return sum(max(len(book.sheet(x.name).rows) - x.header_row - 1, 0) for x in layouts)


def plan_import(
    store: Store,
    book: Book,
    layouts: list[SheetLayout],
    edits: Edits | None = None,
    progress: Progress | None = None,
) -> Plan:
    """Every problem, the counts and the rows the import would write; writes nothing."""
    edits = edits or Edits()
    plan = Plan(book, layouts, edits)
    active = [x for x in layouts if x.kind in ("ledger", "members", "pairings")]
    total = max(_data_rows(book, active) * 2, 1)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and done % 1000 == 0:
            progress(min(done, total), total)

    known_tags = {
        r["name"]: r["code"] for r in store.query("SELECT code, name FROM tag WHERE archived_at IS NULL")
    }
    words = {**remembered_words(store), **edits.words}
    with no_cyclic_gc():
        drafts = RowReader(plan, known_tags, words).read(active, tick)
        Matcher(store, plan, drafts, tick).run()
    return plan


def _stale(store: Store, plan: Plan) -> bool:
    """True when the file gained rows since the plan chose its new ids (another window, the CLI)."""
    return any(
        int(store.scalar(f"SELECT coalesce(max(id), 0) FROM {table}")) != top
        for table, top in plan.basis.items()
    )


_BULK_TABLES = ("household", "resident", "resident_tag")


@contextmanager
def _bulk_write(store: Store, plan: Plan) -> Iterator[None]:
    """How a big plan is written. Its 100,000s of rows go through a larger page cache. A sheet large
    next to the file (a new office's first import) also counts the dashboard's tallies and builds the
    secondary indexes once afterwards, which beats keeping them row by row; a few rows into a big
    file, the opposite."""
    if plan.rows <= DEFER_TALLIES_ABOVE:
        yield
        return
    households = store.scalar("SELECT count(*) FROM household") or 0
    once_after = plan.rows * 4 > households
    before = int(store.scalar("PRAGMA cache_size"))
    store.conn.execute("PRAGMA cache_size = -262144")  # 256 MiB, given back when done
    try:
        with tallies.deferred(store.db) if once_after else nullcontext():
            with _indexes_rebuilt(store) if once_after else nullcontext():
                yield
    finally:
        store.conn.execute(f"PRAGMA cache_size = {before}")


@contextmanager
def _indexes_rebuilt(store: Store) -> Iterator[None]:
    """Drop the non-unique indexes of the tables a bulk import fills and create them again after it,
    from their own SQL, inside the import's transaction (a failure rolls the drop back too)."""
    marks = ",".join("?" for _ in _BULK_TABLES)
    saved = [
        (r["name"], r["sql"])
        for r in store.query(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks})"
            " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
            list(_BULK_TABLES),
        )
    ]
    for name, _sql in saved:
        store.conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in saved:
        store.conn.execute(sql)


def write_plan(store: Store, plan: Plan, progress: Progress | None = None) -> Plan:
    """Write the plan in one transaction; with any error, raise ImportBlocked and write nothing."""
    with store.atomic():
        if _stale(store, plan):
            plan = plan_import(store, plan.book, plan.layouts, plan.edits, progress)
        if plan.blocked:
            raise ImportBlocked(BLOCKED_MESSAGE, count=plan.errors_total)
        with _bulk_write(store, plan):
            total = len(plan.statements)
            for index, statement in enumerate(plan.statements):
                if len(statement.rows) == 1:
                    store.conn.execute(statement.sql, statement.rows[0])
                else:
                    store.conn.executemany(statement.sql, statement.rows)
                if progress is not None:
                    progress(index + 1, total)
            remember_layouts(store, [x for x in plan.layouts if x.kind != "skip"])
            remember_words(store, plan.edits.words)
            # Bulk inserts skip the per-row pinyin initials; fill them now so search finds the new names.
            fill_initials(store)
            records.log(
                store,
                "import",
                "import",
                None,
                None,
                {
                    "file": plan.book.path.name,
                    "rows": plan.rows,
                    "left_out": len(plan.left_out),
                    "summary": plan.summary(),
                },
            )
    plan.applied = True
    store.changes.everything = True
    return plan


# -- the two steps in one, for callers that need no preview -------------------------------------------


def preview(store: Store, book: Book, layouts: list[SheetLayout], progress: Progress | None = None) -> Plan:
    return plan_import(store, book, layouts, progress=progress)


def apply_import(
    store: Store, book: Book, layouts: list[SheetLayout], progress: Progress | None = None, **kwargs: Any
) -> Plan:
    with store.atomic():
        return write_plan(store, plan_import(store, book, layouts, kwargs.get("edits"), progress), progress)
