"""Requests by area: open ones now, collected per day by category and status, resolution times and
ratings per day; and the scarce supplies open requests still wait for (all maintained by triggers).

Tables with rows at the three area levels (`area.area_key`), for requests not withdrawn:

- `tally_request_open`: one row per open request (collected_at, due_at), and
  `tally_request_open_category`: open requests per category. Overdue and ages depend on "now", so
  they are counted at read time over index ranges of the (few) recent open requests.
- `tally_request_collected_day`: requests per collection day, category and status.
- `tally_request_resolved_day`: requests per resolution day and bucket of hours to resolve (a
  histogram; buckets are `_bucket_sql`).
- `tally_request_hours`: one row per resolved request: its bucket, month, hours. The median over any
  period is exact: the histogram says which bucket holds the middle request(s) and at what rank in
  it; one read of that bucket's rows in the period (in hours order within a month) gives the value.
- `tally_request_rated`: ratings (and satisfied ones) per follow-up day.
- `tally_request_collected_month` / `tally_request_resolved_month`: the same by month, for the whole
  file only, so that its year reads whole months from them and only the days of its first and last
  months from the day rows.

And one table not by area: `tally_supply_need`, the items (not removed) of open requests with their
household's building and grid and what was delivered against them (`supplies.needed_by_grid_item`).

An area's rows are those of requests whose household's building's current grid is in the area,
whatever the household's or building's `archived_at`. Triggers keep every row exact with the
rebuild's own SELECT over one request: an insert adds its contribution, a delete takes it away, an
update that changes it does both (OLD out, NEW in). A household, building or grid that moves makes
the grids and communities it left and joined be counted again. Counts may stay at zero where that
is rare or bounded (`ZERO_ROWS`); the reads skip them.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from gridboard.models.tallies.area import ALL, COMMUNITY, GRID, area_key
from gridboard.models.vocab import OPEN_REQUEST_STATUSES

# Ratings that count as satisfied in the satisfaction rate (满意率: 满意 + 基本满意).
SATISFIED_RATINGS = ("satisfied", "basic")
# Age buckets of open requests, in days: [lower, upper), contiguous from 0.
AGE_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 1), (1, 3), (3, 7), (7, 30), (30, None))
# The resolution trend is per week for periods up to this many days, per month beyond.
WEEKLY_TREND_DAYS = 90

_OPEN = ",".join(f"'{s}'" for s in OPEN_REQUEST_STATUSES)
_SATISFIED = ",".join(f"'{s}'" for s in SATISFIED_RATINGS)


def _bucket_sql(hours: str, per_doubling: int = 8, top: int = 1 << 20) -> str:
    """A bucket number that never decreases as hours grow: below 1 hour, slices of 1/per_doubling
    hour; above, `per_doubling` equal slices of each doubling (a bucket spans 1/per_doubling of its
    lower bound), up to `top` hours. Measured on the city file, 8 per doubling reads the fewest rows
    (histogram rows against the middle bucket's rows)."""
    cases, low, base = [f"WHEN {hours} < 1 THEN CAST({hours} * {per_doubling} AS INTEGER)"], 1, per_doubling
    while low < top:  # powers of two: the scaling is exact
        slice_ = f"CAST(({hours} - {low}) * {per_doubling} / {low} AS INTEGER)"
        cases.append(f"WHEN {hours} < {low * 2} THEN {base} + {slice_}")
        low, base = low * 2, base + per_doubling
    return f"CASE {' '.join(cases)} ELSE {base} END"


# What every tally reads, one row per request not withdrawn: its columns, hours to resolve (NULL
# until resolved) and where it is. `row` is the request table's alias, or OLD / NEW in a trigger.
_FIELDS = (
    "id",
    "category",
    "status",
    "collected_at",
    "due_at",
    "resolved_at",
    "followed_up_at",
    "reopened_at",
    "rating",
)


def _source(row: str, where: str = "1", *, place: bool = True) -> str:
    """`row` is "r" (the request table, `where` picking requests) or OLD / NEW in a trigger, where
    `place=False` leaves out the household's grid and community (the whole file's rows need neither)."""
    fields = ", ".join(f"{row}.{f} AS {f}" for f in _FIELDS)
    hours = f"(julianday({row}.resolved_at) - julianday({row}.collected_at)) * 24 AS hours"
    joins = "JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id"
    if row == "r":
        return (
            f"(SELECT {fields}, {hours}, b.grid_id, g.community_id FROM request r"
            f" JOIN household h ON h.id = r.household_id {joins} WHERE r.archived_at IS NULL AND {where})"
        )
    if not place:
        return f"(SELECT {fields}, {hours} WHERE {row}.archived_at IS NULL)"
    return (
        f"(SELECT {fields}, {hours}, b.grid_id, g.community_id FROM household h {joins}"
        f" WHERE h.id = {row}.household_id AND {row}.archived_at IS NULL)"
    )


# The rebuild stores the source once in this scratch table, empty otherwise: julianday is the costly
# part at city scale, and a TEMP table would be DDL, which rolled back (as verify does) makes SQLite
# parse the whole schema again.
_STAGE = "tally_request_source"
# The hours are read once per bucket (a FROM-less subquery is not flattened into the CASE).
_BUCKET = f"(SELECT {_bucket_sql('x')} FROM (SELECT r.hours AS x))"

TABLES = (
    "tally_request_open",
    "tally_request_open_category",
    "tally_request_collected_day",
    "tally_request_collected_month",
    "tally_request_resolved_day",
    "tally_request_resolved_month",
    "tally_request_hours",
    "tally_request_rated",
    "tally_supply_need",
)

SCHEMA = """
CREATE TABLE tally_request_open (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    collected_at TEXT NOT NULL,
    request_id INTEGER NOT NULL,
    due_at TEXT,
    PRIMARY KEY (area, area_id, collected_at, request_id)
) WITHOUT ROWID;
CREATE INDEX tally_request_open_due ON tally_request_open(area, area_id, due_at);
CREATE TABLE tally_request_open_category (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    category TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (area, area_id, category)
) WITHOUT ROWID;
CREATE TABLE tally_request_collected_day (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (area, area_id, day, category, status)
) WITHOUT ROWID;
CREATE TABLE tally_request_collected_month (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (area, area_id, month, category, status)
) WITHOUT ROWID;
CREATE TABLE tally_request_resolved_day (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (area, area_id, day, bucket)
) WITHOUT ROWID;
CREATE TABLE tally_request_resolved_month (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (area, area_id, month, bucket)
) WITHOUT ROWID;
CREATE TABLE tally_request_hours (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    month TEXT NOT NULL,
    hours REAL NOT NULL,
    day TEXT NOT NULL,
    request_id INTEGER NOT NULL,
    PRIMARY KEY (area, area_id, bucket, month, hours, day, request_id)
) WITHOUT ROWID;
CREATE TABLE tally_request_rated (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    rated INTEGER NOT NULL,
    satisfied INTEGER NOT NULL,
    PRIMARY KEY (area, area_id, day)
) WITHOUT ROWID;
CREATE TABLE tally_supply_need (
    grid_id INTEGER NOT NULL,
    item TEXT NOT NULL,
    unit TEXT NOT NULL,
    household_id INTEGER NOT NULL,
    request_id INTEGER NOT NULL,
    request_item_id INTEGER NOT NULL UNIQUE,
    building_id INTEGER NOT NULL,
    collected_at TEXT NOT NULL,
    quantity REAL NOT NULL,
    delivered REAL NOT NULL,
    PRIMARY KEY (grid_id, item, unit, household_id, request_id, request_item_id)
) WITHOUT ROWID;
CREATE INDEX tally_supply_need_request ON tally_supply_need(request_id);
CREATE TABLE tally_request_source (
    id INTEGER,
    category TEXT,
    status TEXT,
    collected_at TEXT,
    due_at TEXT,
    resolved_at TEXT,
    followed_up_at TEXT,
    reopened_at TEXT,
    rating TEXT,
    hours REAL,
    grid_id INTEGER,
    community_id INTEGER
);
CREATE INDEX supply_delivery_request_item ON supply_delivery(request_item_id)
"""


# -- what each table counts ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tally:
    table: str
    keys: dict[str, str]  # column: expression over the source row r (after area, area_id)
    values: dict[str, str]  # column: expression for one request (summed when `counts`)
    when: str  # which source rows it holds
    inputs: tuple[str, ...]  # request columns it reads (besides id, household_id, archived_at)
    counts: bool  # rows add up requests rather than hold one request each
    zeros: bool = False  # counts left at zero stay (few, and deleting them costs every change)
    levels: tuple[str, ...] = (ALL, COMMUNITY, GRID)

    @property
    def columns(self) -> str:
        return ", ".join(["area", "area_id", *self.keys, *self.values])


_RATED_AT = "coalesce(r.followed_up_at, r.reopened_at)"


# Month rows only for the whole file: a community's year of day rows is already few (measured on the
# city file: the biggest community reads as fast without them), and each level costs every change.
_PER_UNIT = {"day": (ALL, COMMUNITY, GRID), "month": (ALL,)}


def _per(unit: str, column: str) -> dict[str, str]:
    """The day (or month) of a time column, as the first key of a tally."""
    return {unit: f"substr({column}, 1, {10 if unit == 'day' else 7})"}


_TALLIES = (
    _Tally(
        "tally_request_open",
        {"collected_at": "r.collected_at", "request_id": "r.id"},
        {"due_at": "r.due_at"},
        f"r.status IN ({_OPEN})",
        ("status", "collected_at", "due_at"),
        counts=False,
    ),
    _Tally(
        "tally_request_open_category",
        {"category": "r.category"},
        {"n": "1"},
        f"r.status IN ({_OPEN})",
        ("status", "category"),
        counts=True,
        zeros=True,  # at most one per category and area
    ),
    *(
        _Tally(
            f"tally_request_collected_{unit}",
            {**_per(unit, "r.collected_at"), "category": "r.category", "status": "r.status"},
            {"n": "1"},
            "1",
            ("status", "category", "collected_at"),
            counts=True,
            levels=_PER_UNIT[unit],
        )
        for unit in ("day", "month")
    ),
    *(
        _Tally(
            f"tally_request_resolved_{unit}",
            {**_per(unit, "r.resolved_at"), "bucket": _BUCKET},
            {"n": "1"},
            "r.hours IS NOT NULL",
            ("resolved_at", "collected_at"),
            counts=True,
            zeros=True,  # only when a resolution is undone or changed (a reopened request)
            levels=_PER_UNIT[unit],
        )
        for unit in ("day", "month")
    ),
    _Tally(
        "tally_request_hours",
        {
            "bucket": _BUCKET,
            **_per("month", "r.resolved_at"),
            "hours": "r.hours",
            **_per("day", "r.resolved_at"),
            "request_id": "r.id",
        },
        {},
        "r.hours IS NOT NULL",
        ("resolved_at", "collected_at"),
        counts=False,
    ),
    _Tally(
        "tally_request_rated",
        _per("day", _RATED_AT),
        {"rated": "1", "satisfied": f"r.rating IN ({_SATISFIED})"},
        f"r.rating IS NOT NULL AND {_RATED_AT} IS NOT NULL",
        ("rating", "followed_up_at", "reopened_at"),
        counts=True,
        zeros=True,  # only when a rating is undone or moved to another day
    ),
)
ZERO_ROWS = {t.table: " AND ".join(f"{c} = 0" for c in t.values) for t in _TALLIES if t.zeros}

_AREA_IDS = {ALL: "0", COMMUNITY: "r.community_id", GRID: "r.grid_id"}


def _select(
    t: _Tally,
    source: str | dict[str, str],
    levels: tuple[str, ...] | None = None,
    *,
    sign: str = "",
    one: bool = False,
) -> str:
    """The tally's rows at `levels` from `source` (the scratch table, `_source(...)`, or one per
    level); `one`: the source holds one request, whose values are taken as they are (no sums)."""
    keys = ", ".join(t.keys.values())
    values = ", ".join(f"{sign}({v})" if one or not t.counts else f"sum({v})" for v in t.values.values())
    grouped = f" GROUP BY {', '.join(map(str, range(1, len(t.keys) + 3)))}" if t.counts and not one else ""
    return " UNION ALL ".join(
        f"SELECT '{level}', {_AREA_IDS[level]}, {keys}{', ' if values else ''}{values}"
        f" FROM {source[level] if isinstance(source, dict) else source} r WHERE {t.when}{grouped}"
        for level in levels or t.levels
    )


def _trigger_source(row: str) -> dict[str, str]:
    """One request (OLD or NEW) for each level's SELECT: the whole file's needs no joins."""
    return {ALL: _source(row, place=False), COMMUNITY: _source(row), GRID: _source(row)}


def _upsert(t: _Tally, select: str) -> str:
    sums = ", ".join(f"{c} = {c} + excluded.{c}" for c in t.values)
    return f"INSERT INTO {t.table} ({t.columns}) {select} ON CONFLICT DO UPDATE SET {sums}"


def _add(t: _Tally) -> list[str]:
    """Add the contribution of the request in trigger row NEW, at every level."""
    if t.counts:
        return [_upsert(t, _select(t, _trigger_source("NEW"), one=True))]
    # OR REPLACE: were a stale row ever left behind, a user's action must not fail on it.
    return [f"INSERT OR REPLACE INTO {t.table} ({t.columns}) {_select(t, _trigger_source('NEW'), one=True)}"]


def _match(t: _Tally) -> str:
    """The rows of the request in trigger row OLD: at ('all', 0), ('community', c) and ('grid', g).
    The IN lists let SQLite seek whole keys; the other combinations hold no row of this request."""
    source = _source("OLD", place=_placed(t))
    ids = {
        ALL: "0",
        COMMUNITY: f"(SELECT community_id FROM {source})",
        GRID: f"(SELECT grid_id FROM {source})",
    }
    areas = ", ".join(f"'{level}'" for level in t.levels)
    keys = f"({', '.join(t.keys)}) = (SELECT {', '.join(t.keys.values())} FROM {source} r WHERE {t.when})"
    return f"area IN ({areas}) AND area_id IN ({', '.join(ids[level] for level in t.levels)}) AND {keys}"


def _remove(t: _Tally) -> list[str]:
    """Take the contribution of the request in trigger row OLD away."""
    if not t.counts:
        return [f"DELETE FROM {t.table} WHERE {_match(t)}"]
    statements = [_upsert(t, _select(t, _trigger_source("OLD"), sign="-", one=True))]
    if not t.zeros:  # the rows just decremented, if at zero
        statements.append(f"DELETE FROM {t.table} WHERE {next(iter(t.values))} = 0 AND {_match(t)}")
    return statements


def _move(t: _Tally) -> list[str]:
    """A request changed: its old contribution out, its new one in."""
    if not t.counts:
        return [*_remove(t), *_add(t)]
    # One statement for both (rows whose keys did not change get -1 and +1), then rows at zero go.
    old = _select(t, _trigger_source("OLD"), sign="-", one=True)
    statements = [_upsert(t, f"{old} UNION ALL {_select(t, _trigger_source('NEW'), one=True)}")]
    if not t.zeros:
        statements.append(f"DELETE FROM {t.table} WHERE {next(iter(t.values))} = 0 AND {_match(t)}")
    return statements


def _on(expression: str, row: str) -> str:
    """A tally expression over the source row r, on trigger row OLD or NEW instead."""
    hours = f"((julianday({row}.resolved_at) - julianday({row}.collected_at)) * 24)"
    return re.sub(r"\br\.", f"{row}.", re.sub(r"\br\.hours\b", hours, expression))


def _contribution_changed(t: _Tally) -> str:
    """Whether an update changes what the request adds to the tally (most updates do not)."""
    expressions = [t.when, *t.keys.values(), *t.values.values()]
    household = ["OLD.household_id IS NOT NEW.household_id"] if _placed(t) else []
    return " OR ".join(
        [
            *household,
            "(OLD.archived_at IS NULL) IS NOT (NEW.archived_at IS NULL)",
            *(f"({_on(e, 'OLD')}) IS NOT ({_on(e, 'NEW')})" for e in expressions),
        ]
    )


def _placed(t: _Tally) -> bool:
    """Whether the tally has rows by community or grid (then where the household lives matters)."""
    return t.levels != (ALL,)


def _recount(level: str, ids: str, where: str) -> list[str]:
    """Count the areas `ids` (SQL list) of a level again from the raw rows; `where` (on the source's
    r, h, b, g) picks their requests."""
    statements = []
    for t in (t for t in _TALLIES if level in t.levels):
        statements.append(f"DELETE FROM {t.table} WHERE area = '{level}' AND area_id IN ({ids})")
        statements.append(f"INSERT INTO {t.table} ({t.columns}) {_select(t, _source('r', where), (level,))}")
    return statements


def _trigger(name: str, event: str, statements: list[str], when: str | None = None) -> str:
    condition = f" WHEN {when}" if when else ""
    return f"CREATE TRIGGER {name} {event}{condition} BEGIN {'; '.join(statements)}; END"


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _request_triggers() -> list[str]:
    triggers = []
    for t in _TALLIES:
        columns = ", ".join(("id", *(["household_id"] if _placed(t) else []), "archived_at", *t.inputs))
        triggers += [
            _trigger(f"{t.table}_insert", "AFTER INSERT ON request", _add(t)),
            _trigger(f"{t.table}_delete", "AFTER DELETE ON request", _remove(t)),
            _trigger(
                f"{t.table}_update",
                f"AFTER UPDATE OF {columns} ON request",
                _move(t),
                _contribution_changed(t),
            ),
        ]
    return triggers


def _grid_of(building: str) -> str:
    return f"(SELECT grid_id FROM building WHERE id = {building})"


def _community_of(building: str) -> str:
    return (
        "(SELECT g2.community_id FROM building b2 JOIN grid g2 ON g2.id = b2.grid_id"
        f" WHERE b2.id = {building})"
    )


def _move_triggers() -> list[str]:
    # A household, building or grid that moves: the grids and communities it left and joined are
    # counted again (a grid holds a few hundred requests, a community a few thousand; moves are rare).
    old_grid, new_grid = _grid_of("OLD.building_id"), _grid_of("NEW.building_id")
    old_community, new_community = _community_of("OLD.building_id"), _community_of("NEW.building_id")
    grid_community = "(SELECT community_id FROM grid WHERE id = {})"
    old_grid_community, new_grid_community = (
        grid_community.format("OLD.grid_id"),
        grid_community.format("NEW.grid_id"),
    )
    return [
        _trigger(
            "tally_request_household_grid",
            "AFTER UPDATE OF building_id ON household",
            _recount(GRID, f"{old_grid}, {new_grid}", f"b.grid_id IN ({old_grid}, {new_grid})"),
            f"{old_grid} IS NOT {new_grid}",
        ),
        _trigger(
            "tally_request_household_community",
            "AFTER UPDATE OF building_id ON household",
            _recount(
                COMMUNITY,
                f"{old_community}, {new_community}",
                f"g.community_id IN ({old_community}, {new_community})",
            ),
            f"{old_community} IS NOT {new_community}",
        ),
        _trigger(
            "tally_request_building_grid",
            "AFTER UPDATE OF grid_id ON building",
            _recount(GRID, "OLD.grid_id, NEW.grid_id", "b.grid_id IN (OLD.grid_id, NEW.grid_id)"),
            "OLD.grid_id IS NOT NEW.grid_id",
        ),
        _trigger(
            "tally_request_building_community",
            "AFTER UPDATE OF grid_id ON building",
            _recount(
                COMMUNITY,
                f"{old_grid_community}, {new_grid_community}",
                f"g.community_id IN ({old_grid_community}, {new_grid_community})",
            ),
            f"{old_grid_community} IS NOT {new_grid_community}",
        ),
        _trigger(
            "tally_request_grid_community",
            "AFTER UPDATE OF community_id ON grid",
            _recount(
                COMMUNITY,
                "OLD.community_id, NEW.community_id",
                "g.community_id IN (OLD.community_id, NEW.community_id)",
            ),
            "OLD.community_id IS NOT NEW.community_id",
        ),
    ]


# -- scarce supplies still needed ------------------------------------------------------------------

# The items (not removed) of open requests, with where the household lives and what was delivered.
_SUPPLY_SELECT = f"""
    SELECT ri.id, ri.request_id, r.household_id, h.building_id, b.grid_id, r.collected_at, ri.item,
        ri.unit, ri.quantity,
        coalesce((SELECT sum(d.quantity) FROM supply_delivery d WHERE d.request_item_id = ri.id), 0)
    FROM request_item ri JOIN request r ON r.id = ri.request_id
    JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id
    WHERE ri.archived_at IS NULL AND r.archived_at IS NULL AND r.status IN ({_OPEN}) AND {{where}}
"""
_SUPPLY_INSERT = (
    "INSERT INTO tally_supply_need (request_item_id, request_id, household_id, building_id, grid_id,"
    " collected_at, item, unit, quantity, delivered)" + _SUPPLY_SELECT
)
_DELIVERED = (
    "UPDATE tally_supply_need SET delivered = coalesce((SELECT sum(d.quantity) FROM supply_delivery d"
    " WHERE d.request_item_id = tally_supply_need.request_item_id), 0) WHERE request_item_id = {}"
)
_REQUEST_OPEN = "({0}.status IN (" + _OPEN + ") AND {0}.archived_at IS NULL)"


def _supply_triggers() -> list[str]:
    # No trigger on deleting a request: its items' foreign key forbids deleting it before them.
    item_columns = "id, request_id, item, unit, quantity, archived_at"
    request_columns = ("id", "household_id", "collected_at")
    return [
        _trigger(
            "tally_supply_item_insert",
            "AFTER INSERT ON request_item",
            [_SUPPLY_INSERT.format(where="ri.id = NEW.id")],
        ),
        _trigger(
            "tally_supply_item_update",
            f"AFTER UPDATE OF {item_columns} ON request_item",
            [
                "DELETE FROM tally_supply_need WHERE request_item_id = OLD.id",
                _SUPPLY_INSERT.format(where="ri.id = NEW.id"),
            ],
        ),
        _trigger(
            "tally_supply_item_delete",
            "AFTER DELETE ON request_item",
            ["DELETE FROM tally_supply_need WHERE request_item_id = OLD.id"],
        ),
        _trigger(
            "tally_supply_request_update",
            "AFTER UPDATE OF status, archived_at, id, household_id, collected_at ON request",
            [
                "DELETE FROM tally_supply_need WHERE request_id = OLD.id",
                _SUPPLY_INSERT.format(where="ri.request_id = NEW.id"),
            ],
            f"{_REQUEST_OPEN.format('OLD')} IS NOT {_REQUEST_OPEN.format('NEW')}"
            f" OR {_changed(request_columns)}",
        ),
        _trigger(
            "tally_supply_delivery_insert",
            "AFTER INSERT ON supply_delivery",
            [_DELIVERED.format("NEW.request_item_id")],
            "NEW.request_item_id IS NOT NULL",
        ),
        _trigger(
            "tally_supply_delivery_update",
            "AFTER UPDATE OF request_item_id, quantity ON supply_delivery",
            [_DELIVERED.format("OLD.request_item_id"), _DELIVERED.format("NEW.request_item_id")],
        ),
        _trigger(
            "tally_supply_delivery_delete",
            "AFTER DELETE ON supply_delivery",
            [_DELIVERED.format("OLD.request_item_id")],
            "OLD.request_item_id IS NOT NULL",
        ),
        _trigger(
            "tally_supply_household_move",
            "AFTER UPDATE OF building_id ON household",
            [
                (
                    "UPDATE tally_supply_need SET building_id = NEW.building_id,"
                    " grid_id = (SELECT grid_id FROM building WHERE id = NEW.building_id)"
                    " WHERE household_id = NEW.id"
                )
            ],
            "OLD.building_id IS NOT NEW.building_id",
        ),
        _trigger(
            "tally_supply_building_move",
            "AFTER UPDATE OF grid_id ON building",
            ["UPDATE tally_supply_need SET grid_id = NEW.grid_id WHERE building_id = NEW.id"],
            "OLD.grid_id IS NOT NEW.grid_id",
        ),
    ]


TRIGGERS: list[str] = [*_request_triggers(), *_move_triggers(), *_supply_triggers()]


def rebuild(db: Any) -> None:
    """Recompute every row of this module's tables from the raw rows."""
    db.execute(f"DELETE FROM {_STAGE}")
    db.execute(f"INSERT INTO {_STAGE} SELECT * FROM {_source('r')}")
    for t in _TALLIES:
        db.execute(f"DELETE FROM {t.table}")
        db.execute(f"INSERT INTO {t.table} ({t.columns}) {_select(t, _STAGE)}")
    db.execute(f"DELETE FROM {_STAGE}")
    db.execute("DELETE FROM tally_supply_need")
    db.execute(_SUPPLY_INSERT.format(where="1"))


# -- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestFigures:
    """The dashboard's request figures for an area: the state now, and what happened in the period."""

    open: int  # open requests now (not withdrawn)
    overdue: int  # of those, past their due time
    open_by_category: dict[str, int]
    ages: list[int]  # open requests per AGE_BUCKETS
    by_category_status: dict[str, dict[str, int]]  # collected in the period
    resolved: int  # resolved in the period
    median_hours: float | None  # hours from collection to resolution, over those
    rated: int  # rated in the period (followed up, or reopened by a dissatisfied rating)
    satisfied: int  # of those, SATISFIED_RATINGS
    trend: list[tuple[date, int, float | None]]  # (week or month start, resolved, median hours)


def figures(
    db: Any, community_id: int | None, grid_id: int | None, start: date, today: date, now: str
) -> RequestFigures:
    """Request figures for an area (a grid wins over its community; neither: the whole file) and the
    period [start, today]; `now` (ISO text) decides which open requests are overdue and their ages."""
    area = area_key(community_id, grid_id)
    open_by_category, overdue, ages = _open(db, area, now)
    by_category_status: dict[str, dict[str, int]] = defaultdict(dict)
    for (_, category, status), n in _summed(
        db, "collected", "category, status", area, [start], today
    ).items():
        by_category_status[category][status] = n
    rated, satisfied = db.execute(
        "SELECT coalesce(sum(rated), 0), coalesce(sum(satisfied), 0) FROM tally_request_rated"
        " WHERE area = ? AND area_id = ? AND day >= ?",
        [*area, start.isoformat()],
    ).fetchone()
    trend, resolved, median = _resolution(db, area, start, today)
    return RequestFigures(
        open=sum(open_by_category.values()),
        overdue=overdue,
        open_by_category=open_by_category,
        ages=ages,
        by_category_status=dict(by_category_status),
        resolved=resolved,
        median_hours=median,
        rated=rated,
        satisfied=satisfied,
        trend=trend,
    )


def _open(db: Any, area: tuple[str, int], now: str) -> tuple[dict[str, int], int, list[int]]:
    """Open requests by category, how many are overdue, and how many fall in each age bucket.

    Overdue ones are counted as all but those not due yet, and ages from the younger side, so each
    count reads an index range of recent requests only. An age under `hi` days is a collection time
    after now minus `hi` days (compared as text, like due_at with now)."""
    by_category = dict(
        db.execute(
            "SELECT category, n FROM tally_request_open_category WHERE area = ? AND area_id = ? AND n != 0",
            area,
        ).fetchall()
    )
    moment = datetime.fromisoformat(now)
    cutoffs = [(moment - timedelta(days=hi)).isoformat(sep=" ") for _, hi in AGE_BUCKETS if hi is not None]
    where = "FROM tally_request_open WHERE area = :area AND area_id = :area_id"
    younger = ", ".join(
        f"(SELECT count(*) {where} AND collected_at > :cutoff{i})" for i in range(len(cutoffs))
    )
    not_due, no_due, *below = db.execute(
        f"SELECT (SELECT count(*) {where} AND due_at >= :now), (SELECT count(*) {where} AND due_at IS NULL),"
        f" {younger}",
        {"area": area[0], "area_id": area[1], "now": now, **{f"cutoff{i}": c for i, c in enumerate(cutoffs)}},
    ).fetchone()
    total = sum(by_category.values())
    ages = [hi - lo for lo, hi in zip([0, *below], [*below, total])]
    return by_category, total - not_due - no_due, ages


def open_by_community(db: Any, now: str) -> dict[int, tuple[int, int]]:
    """Open requests of every community at once (community id -> open, overdue): `_open`'s counts,
    overdue being past a due time before `now`."""
    rows = db.execute(
        "SELECT area_id, count(*), count(CASE WHEN due_at < :now THEN 1 END) FROM tally_request_open"
        " WHERE area = :area GROUP BY area_id",
        {"area": COMMUNITY, "now": now},
    )
    return {community: (open_, overdue) for community, open_, overdue in rows}


def _month_after(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _spans(first: date, last: date) -> tuple[tuple[str, str] | None, list[tuple[str, str]]]:
    """[first, last] as its whole months ("YYYY-MM" bounds, or None) and the day ranges left over."""
    month_start = first if first.day == 1 else _month_after(first)  # of the first whole month
    after = last + timedelta(days=1)
    month_end = last if after.day == 1 else last.replace(day=1) - timedelta(days=1)  # of the last one
    if month_start > month_end:
        return None, [(first.isoformat(), last.isoformat())]
    days = []
    if first < month_start:
        days.append((first.isoformat(), (month_start - timedelta(days=1)).isoformat()))
    if month_end < last:
        days.append(((month_end + timedelta(days=1)).isoformat(), last.isoformat()))
    return (month_start.isoformat()[:7], month_end.isoformat()[:7]), days


def _summed(
    db: Any, name: str, keys: str, area: tuple[str, int], starts: list[date], last: date
) -> dict[tuple[Any, ...], int]:
    """Sums of n by (span start, *keys) from tally_request_{name}_month/_day, for the consecutive
    spans starting at `starts` and ending at `last`: for the whole file, whole months from the month
    rows (a few hundred for a year of a city) and the days left over from the day rows. One statement."""
    parts, params = [], []
    for span, end in zip(starts, [*(s - timedelta(days=1) for s in starts[1:]), last]):
        months, days = _spans(span, end) if area[0] == ALL else (None, [(span.isoformat(), end.isoformat())])
        if months:
            one = months[0] == months[1]  # "=" lets the primary key's order do the grouping
            parts.append(
                f"SELECT ?, {keys}, sum(n) FROM tally_request_{name}_month WHERE area = ? AND area_id = ?"
                f" AND {'month = ?' if one else 'month BETWEEN ? AND ?'} GROUP BY {keys}"
            )
            params += [span.isoformat(), *area, *months[: 2 - one]]
        for day_range in days:
            parts.append(
                f"SELECT ?, {keys}, sum(n) FROM tally_request_{name}_day"
                f" WHERE area = ? AND area_id = ? AND day BETWEEN ? AND ? GROUP BY {keys}"
            )
            params += [span.isoformat(), *area, *day_range]
    sums: dict[tuple[Any, ...], int] = defaultdict(int)
    for row in db.execute(" UNION ALL ".join(parts), params):
        sums[row[:-1]] += row[-1]
    return sums


def _resolution(
    db: Any, area: tuple[str, int], start: date, today: date
) -> tuple[list[tuple[date, int, float | None]], int, float | None]:
    """The trend points (weeks or months, the first cut at start), and the period's resolved count
    and exact median hours."""
    weekly = (today - start).days + 1 <= WEEKLY_TREND_DAYS
    points = [start - timedelta(days=start.weekday()) if weekly else start.replace(day=1)]
    while True:
        following = points[-1] + timedelta(days=7) if weekly else _month_after(points[-1])
        if following > today:
            break
        points.append(following)
    spans = [start, *points[1:]]  # each point's first day in the period
    histograms: dict[date, dict[int, int]] = defaultdict(dict)
    whole: dict[int, int] = defaultdict(int)
    for (span, bucket), n in _summed(db, "resolved", "bucket", area, spans, today).items():
        histograms[date.fromisoformat(span)][bucket] = n
        whole[bucket] += n
    trend = []
    for point, first, end in zip(points, spans, [*(s - timedelta(days=1) for s in spans[1:]), today]):
        histogram = histograms.get(first, {})
        trend.append((point, sum(histogram.values()), _median(db, area, histogram, first, end)))
    return trend, sum(whole.values()), _median(db, area, whole, start, today)


def _median(
    db: Any, area: tuple[str, int], histogram: dict[int, int], first: date, last: date
) -> float | None:
    """The exact median hours of the requests resolved from `first` to `last` (days, inclusive),
    given how many of them fall in each bucket: only the middle ones' bucket is read."""
    n = sum(histogram.values())
    if not n:
        return None
    ranks = sorted({(n - 1) // 2, n // 2})  # one middle rank, or two to average
    values = []
    below = 0
    for bucket in sorted(histogram):
        inside = [rank - below for rank in ranks if below <= rank < below + histogram[bucket]]
        if inside:
            values += _ranked_hours(db, area, bucket, first, last, inside)
        below += histogram[bucket]
        if below > ranks[-1]:
            break
    return statistics.median(values)


def _ranked_hours(
    db: Any, area: tuple[str, int], bucket: int, first: date, last: date, ranks: list[int]
) -> list[float]:
    """The hours at these ranks (0 = fewest) among a bucket's requests resolved from first to last."""
    days = [first.isoformat(), last.isoformat()]
    if days[0][:7] == days[1][:7]:
        # Within one month the primary key lists the hours in order: no sorting.
        rows = db.execute(
            "SELECT hours FROM tally_request_hours WHERE area = ? AND area_id = ? AND bucket = ?"
            " AND month = ? AND day BETWEEN ? AND ? ORDER BY hours LIMIT ? OFFSET ?",
            [*area, bucket, days[0][:7], *days, ranks[-1] - ranks[0] + 1, ranks[0]],
        ).fetchall()
        return [rows[rank - ranks[0]][0] for rank in ranks]
    # Across months the bucket's rows of the period (a small share of them) are sorted here.
    hours = sorted(
        h
        for (h,) in db.execute(
            "SELECT hours FROM tally_request_hours WHERE area = ? AND area_id = ? AND bucket = ?"
            " AND month BETWEEN ? AND ? AND day BETWEEN ? AND ?",
            [*area, bucket, days[0][:7], days[1][:7], *days],
        )
    )
    return [hours[rank] for rank in ranks]
