"""The import plan: what a ledger would change, every problem found, and the office's corrections.

`importer.plan_import` builds a `Plan` without writing; the preview shows it and `importer.write_plan`
writes that same plan in one transaction. The office's corrections in the preview (a cell typed again,
a row left out, an unknown word mapped) are `Edits`, and a new plan is made with them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gridboard.exchange.reader import Book
from gridboard.exchange.recognise import SheetLayout
from gridboard.models.errors import QT_TRANSLATE_NOOP, KnownError

# Beyond this many problems the preview lists no more (it says how many there were in all).
MAX_PROBLEMS = 2000

# Words in a ledger the office maps to one of ours: what kind of word it is → the field it fills.
VOCABULARIES = ("tag", "member_kind", "occupancy")
KEEP_AS_NOTE = "note"  # an unknown tag kept as a note on the resident
IGNORE = "ignore"


class ImportBlocked(KnownError):
    """The sheet has errors; nothing was written."""


@dataclass
class Problem:
    sheet: str
    row: int  # the row number as the spreadsheet shows it (1-based)
    column: str  # column letter and header, e.g. "F 联系电话"
    value: str
    reason: str  # English template, context "Exchange"; may hold {fields} filled from params
    severity: str = "error"  # "error" blocks the import, "warning" does not
    params: dict[str, Any] = field(default_factory=dict)
    column_index: int | None = None  # 0-based, for correcting the cell in the preview
    word: tuple[str, str] | None = None  # (vocabulary, word) when an unknown word can be mapped

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        """The reason with its fields filled, in the user's language when `translate` is given (the
        English wording when a translation's fields do not fit)."""
        if translate is not None:
            try:
                text = translate(self.reason)
                return text.format(**self.params) if self.params else text
            except (KeyError, IndexError, ValueError):
                pass
        return self.reason.format(**self.params) if self.params else self.reason

    def located_text(self, translate: Callable[[str], str] | None = None) -> str:
        """ "F 出生日期: reason": the text with the column it is about."""
        return f"{self.column}: {self.text(translate)}" if self.column else self.text(translate)


@dataclass
class Unknown:
    """A word no vocabulary knows, with how often and where first it was seen."""

    vocabulary: str
    word: str
    count: int
    sheet: str
    row: int


@dataclass
class Edits:
    """The office's corrections, made in the preview and applied on reading the rows."""

    cells: dict[tuple[str, int, int], Any] = field(default_factory=dict)  # (sheet, row, column) → value
    # (sheet, row) → why: rows the office chose not to import, with the problem that made them choose.
    left_out: dict[tuple[str, int], str] = field(default_factory=dict)
    words: dict[tuple[str, str], str] = field(default_factory=dict)  # (vocabulary, word) → code

    def copy(self) -> Edits:
        return Edits(dict(self.cells), dict(self.left_out), dict(self.words))


@dataclass
class Statement:
    """One SQL statement and the rows it runs for (executemany), in the order the plan writes them."""

    sql: str
    rows: list[tuple[Any, ...]]


@dataclass
class Plan:
    book: Book
    layouts: list[SheetLayout]
    edits: Edits
    problems: list[Problem] = field(default_factory=list)
    errors_total: int = 0
    warnings_total: int = 0
    counts: dict[str, Counter] = field(default_factory=dict)
    unknown: dict[tuple[str, str], Unknown] = field(default_factory=dict)
    rows: int = 0  # data rows read
    skipped_rows: Counter = field(default_factory=Counter)  # reason → rows (合计 rows, notes under the table)
    left_out: list[tuple[str, int]] = field(default_factory=list)  # rows the office left out
    statements: list[Statement] = field(default_factory=list)
    basis: dict[str, int] = field(default_factory=dict)  # table → max(id) the plan's new ids follow
    touched_households: list[int] = field(default_factory=list)
    applied: bool = False

    # -- problems --------------------------------------------------------------------------------

    def add_problem(self, problem: Problem) -> None:
        if problem.severity == "error":
            self.errors_total += 1
        else:
            self.warnings_total += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [x for x in self.problems if x.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [x for x in self.problems if x.severity == "warning"]

    @property
    def blocked(self) -> bool:
        return self.errors_total > 0

    @property
    def problems_cut(self) -> int:
        """Problems found but not listed (beyond MAX_PROBLEMS)."""
        return self.errors_total + self.warnings_total - len(self.problems)

    @property
    def unknown_tags(self) -> Counter:
        return Counter({u.word: u.count for (v, _w), u in self.unknown.items() if v == "tag"})

    # -- counts ----------------------------------------------------------------------------------

    def count(self, kind: str, what: str) -> int:
        return self.counts.get(kind, Counter())[what]

    def add_count(self, kind: str, what: str, n: int = 1) -> None:
        counts = self.counts.get(kind)
        if counts is None:
            counts = self.counts[kind] = Counter()
        counts[what] += n

    def summary(self) -> str:
        """Plain English summary for the command line and the audit log."""
        parts = []
        for kind in (
            "community",
            "grid",
            "building",
            "household",
            "resident",
            "member",
            "pairing",
            "scope",
        ):
            c = self.counts.get(kind)
            if c and sum(c.values()):
                parts.append(
                    f"{kind}: {c['added']} added, {c['updated']} updated, {c['unchanged']} unchanged"
                    if kind in ("household", "resident", "member", "pairing", "scope")
                    else f"{kind}: {c['added']} added"
                )
        return "; ".join(parts) or "nothing to import"

    def skipped_sheets(self) -> list[SheetLayout]:
        return [x for x in self.layouts if x.kind == "skip"]


BLOCKED_MESSAGE = QT_TRANSLATE_NOOP(
    "Errors", "The import was stopped by {count} problem(s) in the sheet; nothing was written."
)
