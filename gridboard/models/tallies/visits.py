"""Visits per day by area and method, and distinct households reached per day and week (maintained by triggers).

One table, `tally_visit_day`, with a row per area (the three levels of `area.area_key`) and day:

- one column per visit method (`VISIT_METHODS`): the non-withdrawn visits of the day;
- `households`: the distinct households reached that day (a non-withdrawn visit whose outcome is in
  REACHED_OUTCOMES);
- `week_last`: how many of those were not reached again later in the same week (weeks start on
  Monday). The households reached in a week from day s onwards are the sum of `week_last` over the
  week's days from s: a whole week, or a period's first week cut at its start, comes exact from day
  rows alone.

A visit's day is `substr(visited_at, 1, 10)` when that is a real date (a visit without one is not
counted anywhere) and its week `date(day, 'weekday 0', '-6 days')`. Visits count whatever the
household's or building's `archived_at` (archiving does not erase charts), in the areas of the
household's current building and grid.

Triggers keep the rows exact: a visit inserted, changed or deleted adds the difference between its
old and new contribution; a household, building or grid that moves takes its contribution from the
old areas to the new ones (distinct households add up over disjoint sets of households, so a move
subtracts exactly what the moved households brought). Decrements may leave rows at zero (`ZERO_ROWS`).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from gridboard.models.tallies.area import COMMUNITY, area_key
from gridboard.models.vocab import REACHED_OUTCOMES, VISIT_METHODS

TABLES = ("tally_visit_day",)
METHODS = tuple(VISIT_METHODS)  # method codes double as column names
_VALUES = (*METHODS, "households", "week_last")
ZERO_ROWS = {"tally_visit_day": " AND ".join(f"{c} = 0" for c in _VALUES)}

_COLUMN_DEFS = ",\n    ".join(f"{c} INTEGER NOT NULL" for c in _VALUES)
SCHEMA = f"""
CREATE TABLE tally_visit_day (
    area TEXT NOT NULL,
    area_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    {_COLUMN_DEFS},
    PRIMARY KEY (area, area_id, day)
) WITHOUT ROWID
"""

_REACHED = ",".join(f"'{o}'" for o in REACHED_OUTCOMES)
_COLUMNS = ", ".join(_VALUES)
_ZEROS = ", ".join("0" for _ in METHODS)
_ADD = f"""
    ON CONFLICT (area, area_id, day) DO UPDATE SET {", ".join(f"{v} = {v} + excluded.{v}" for v in _VALUES)}"""


def _upsert(contributions: str, areas: str, join: str = "") -> str:
    """Add `contributions` (day, one column per value) times each area's sign to the rows of `areas`.

    Summed per row first, so what cancels out (a visit corrected within its day, a move between
    grids of one community) writes nothing.
    """
    return f"""
    INSERT INTO tally_visit_day (area, area_id, day, {_COLUMNS})
    SELECT m.area, m.area_id, c.day, {", ".join(f"sum(m.sign * c.{v})" for v in _VALUES)}
    FROM ({contributions}) c JOIN ({areas}) m {join}
    GROUP BY m.area, m.area_id, c.day HAVING {" OR ".join(f"sum(m.sign * c.{v}) != 0" for v in _VALUES)}
    {_ADD}"""


def _day(row: str) -> str:
    return f"substr({row}.visited_at, 1, 10)"


def _week(day: str) -> str:
    return f"date({day}, 'weekday 0', '-6 days')"


def _is_date(day: str) -> str:
    # With a modifier SQLite normalises (2026-02-30 becomes 2026-03-02): only real dates stay equal.
    return f"date({day}, '+0 days') = {day}"


def _counted(row: str) -> str:
    return f"{row}.withdrawn_at IS NULL AND {_is_date(_day(row))}"


def _reached(row: str) -> str:
    return f"{_counted(row)} AND {row}.outcome IN ({_REACHED})"


def _methods(row: str, sign: str = "1") -> str:
    return ", ".join(f"{sign} * ({row}.method = '{m}') AS {m}" for m in METHODS)


def _areas(households: str) -> str:
    """(area, area_id, sign 1, household) of the three areas of each household in `households`."""
    return f"""
        SELECT 'all' AS area, 0 AS area_id, 1 AS sign, h.id AS household FROM household h
            WHERE h.id IN ({households})
        UNION ALL SELECT 'community', g.community_id, 1, h.id FROM household h
            JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id WHERE h.id IN ({households})
        UNION ALL SELECT 'grid', b.grid_id, 1, h.id FROM household h
            JOIN building b ON b.id = h.building_id WHERE h.id IN ({households})"""


def _insert() -> str:
    """A new visit, the hot path (every visit logged, entered from a sheet or imported).

    Without grouping, for fewer writes: its day's row in each area gains the visit, and the
    household if the visit reached it and no other visit did that day. If it is now the
    household's last reached day of the week, that day gains a `week_last` and the former last day
    (if any) loses one.
    """
    day, week = _day("NEW"), _week(_day("NEW"))
    reached = f"NEW.outcome IN ({_REACHED})"  # the trigger runs only for a counted visit
    others = f"""(
        SELECT max({_day("v")}) AS last, max({_day("v")} = {day}) AS same_day FROM visit v
        WHERE v.household_id = NEW.household_id
            AND v.visited_at >= {week} AND v.visited_at < date({week}, '+7 days')
            AND v.id != NEW.id AND {_reached("v")}
    )"""
    return f"""
    INSERT INTO tally_visit_day (area, area_id, day, {_COLUMNS})
    SELECT a.area, a.area_id, c.day, {", ".join(f"c.{v}" for v in _VALUES)}
    FROM (
        SELECT {day} AS day, {_methods("NEW")},
            {reached} AND o.same_day IS NOT 1 AS households,
            {reached} AND (o.last IS NULL OR {day} > o.last) AS week_last
        FROM {others} o
        UNION ALL
        SELECT o.last, {_ZEROS}, 0, -1 FROM {others} o WHERE {reached} AND {day} > o.last
    ) c, ({_areas("NEW.household_id")}) a
    WHERE true
    {_ADD}"""


def _change(this_id: str, states: list[tuple[str, int]]) -> str:
    """What a visit's correction, withdrawal, restoring or deletion does to its households' rows.

    The trigger runs after the change, so the visits of a (household, week) before it are the other
    visits plus the OLD row, and after it the other visits plus the NEW row (sign -1 and +1). In each
    state every distinct day reached counts one household, and the week's last such day one
    `week_last`; the rows gain after minus before. Visits by method lose OLD and gain NEW. (The
    UNION of the days must stay a UNION: a day reached by several visits is one day.)
    """
    pairs = " UNION ".join(f"SELECT {r}.household_id AS h, {_week(_day(r))} AS w" for r, _ in states)
    own_days = " UNION ".join(
        f"SELECT {r}.household_id, {_week(_day(r))}, {sign}, {_day(r)} WHERE {_reached(r)}"
        for r, sign in states
    )
    own_visits = " UNION ALL ".join(
        f"SELECT {r}.household_id AS h, {_day(r)} AS day, {_methods(r, str(sign))},"
        f" 0 AS households, 0 AS week_last WHERE {_counted(r)}"
        for r, sign in states
    )
    contributions = f"""
        {own_visits}
        UNION ALL
        SELECT h, day, {_ZEROS}, sign, sign * (day = max(day) OVER (PARTITION BY h, w, sign))
        FROM (
            SELECT p.h, p.w, s.sign, {_day("v")} AS day
            FROM ({pairs}) p
            JOIN (SELECT -1 AS sign UNION ALL SELECT 1) s
            JOIN visit v ON v.household_id = p.h
                AND v.visited_at >= p.w AND v.visited_at < date(p.w, '+7 days')
            WHERE v.id != {this_id} AND {_reached("v")}
            UNION {own_days}
        )"""
    households = " UNION ".join(f"SELECT {r}.household_id" for r, _ in states)
    return _upsert(contributions, _areas(households), "ON m.household = c.h")


# Which column changes can move a visit's contribution (a note edit costs nothing).
_VISIT_CHANGED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}" for c in ("household_id", "visited_at", "method", "outcome", "withdrawn_at")
)


# -- moves ------------------------------------------------------------------------------------------


def _contributions(source: str) -> str:
    """(day, visits by method, households, week_last) of the visits `v` in `source` (FROM ... WHERE ...)."""
    return f"""
        SELECT {_day("v")} AS day, {_methods("v")}, 0 AS households, 0 AS week_last
        FROM {source} AND {_counted("v")}
        UNION ALL
        SELECT day, {_ZEROS}, 1, day = max(day) OVER (PARTITION BY household_id, {_week("day")})
        FROM (SELECT DISTINCT v.household_id, {_day("v")} AS day FROM {source} AND {_reached("v")})"""


def _grid_change(old_grid: str, new_grid: str) -> str:
    """(area, area_id, sign): the grid and community areas left (-1) and joined (+1); equal ones cancel."""
    return f"""
        SELECT 'grid' AS area, s.grid_id AS area_id, s.sign FROM (
            SELECT {old_grid} AS grid_id, -1 AS sign UNION ALL SELECT {new_grid}, 1
        ) s
        UNION ALL
        SELECT 'community', g.community_id, s.sign FROM (
            SELECT {old_grid} AS grid_id, -1 AS sign UNION ALL SELECT {new_grid}, 1
        ) s JOIN grid g ON g.id = s.grid_id"""


_HOUSEHOLD_MOVED = _upsert(
    _contributions("visit v WHERE v.household_id = NEW.id"),
    _grid_change(
        "(SELECT grid_id FROM building WHERE id = OLD.building_id)",
        "(SELECT grid_id FROM building WHERE id = NEW.building_id)",
    ),
)
_BUILDING_MOVED = _upsert(
    _contributions("household h JOIN visit v ON v.household_id = h.id WHERE h.building_id = NEW.id"),
    _grid_change("OLD.grid_id", "NEW.grid_id"),
)
# A grid's own rows are exactly what it brings to its community.
_GRID_MOVED = _upsert(
    f"SELECT day, {_COLUMNS} FROM tally_visit_day WHERE area = 'grid' AND area_id = NEW.id",
    "SELECT 'community' AS area, OLD.community_id AS area_id, -1 AS sign"
    " UNION ALL SELECT 'community', NEW.community_id, 1",
)

TRIGGERS: list[str] = [
    f"""CREATE TRIGGER tally_visits_insert AFTER INSERT ON visit WHEN {_counted("NEW")} BEGIN
    {_insert()};
END""",
    f"""CREATE TRIGGER tally_visits_update AFTER UPDATE ON visit WHEN {_VISIT_CHANGED} BEGIN
    {_change("NEW.id", [("OLD", -1), ("NEW", 1)])};
END""",
    f"""CREATE TRIGGER tally_visits_delete AFTER DELETE ON visit BEGIN
    {_change("OLD.id", [("OLD", -1)])};
END""",
    f"""CREATE TRIGGER tally_visits_household_moved AFTER UPDATE OF building_id ON household
    WHEN OLD.building_id IS NOT NEW.building_id BEGIN
    {_HOUSEHOLD_MOVED};
END""",
    f"""CREATE TRIGGER tally_visits_building_moved AFTER UPDATE OF grid_id ON building
    WHEN OLD.grid_id IS NOT NEW.grid_id BEGIN
    {_BUILDING_MOVED};
END""",
    f"""CREATE TRIGGER tally_visits_grid_moved AFTER UPDATE OF community_id ON grid
    WHEN OLD.community_id IS NOT NEW.community_id BEGIN
    {_GRID_MOVED};
END""",
]


# -- rebuild ----------------------------------------------------------------------------------------

# One day's counted visits (the covering index visit_period, no sort): household ids by method, and
# those reached (group_concat skips NULLs). Text lists, so Python handles a city's 3 million visits
# in C-level loops.
_DAY_VISITS = f"""
    SELECT {", ".join(f"group_concat(CASE WHEN method = '{m}' THEN household_id END)" for m in METHODS)},
        group_concat(CASE WHEN outcome IN ({_REACHED}) THEN household_id END)
    FROM visit WHERE withdrawn_at IS NULL AND visited_at >= ? AND visited_at < ?"""


def _ids(text: str | None) -> list[int]:
    return list(map(int, text.split(","))) if text else []


def _lookup(pairs: Iterable[tuple[int, int]]) -> Callable[[int], int]:
    """A function from household id to grid slot: indexing a list when ids are dense (as SQLite
    assigns them), three times faster than a dict over a city's visits; a dict otherwise."""
    table = dict(pairs)
    top = max(table, default=0)
    if top > 4 * len(table) + 1024:
        return table.__getitem__
    dense: list[int] = [0] * (top + 1)
    for household, grid_slot in table.items():
        dense[household] = grid_slot
    return dense.__getitem__


def _connection(db: Any) -> sqlite3.Connection:
    """The sqlite3 connection of a Store, a sqlite-utils Database, or a connection itself."""
    return getattr(db, "conn", db)


def rebuild(db: Any) -> None:
    """Recompute every row of this module's tables from the raw rows.

    Day by day over the visits, counting by grid in Python: SQLite groups only by sorting, and
    sorting a city's 3 million visits by grid (and again for distinct households) took over a
    minute where this takes seconds. Communities and the whole file are sums of their grids (each
    household is in one grid, so even distinct households add up).
    """
    db.execute("DELETE FROM tally_visit_day")
    if db.execute("SELECT 1 FROM visit WHERE withdrawn_at IS NULL LIMIT 1").fetchone() is None:
        return  # a new office's first import: no visits yet, and no need to map every household
    # Grid slots ordered by community, so a community's values (and the whole file's) are one run.
    grids = db.execute("SELECT id, community_id FROM grid ORDER BY community_id, id").fetchall()
    slot = {g: i for i, (g, _) in enumerate(grids)}
    slot_of = _lookup(
        (h, slot[g])
        for h, g in db.execute(
            "SELECT h.id, b.grid_id FROM household h JOIN building b ON b.id = h.building_id"
        )
    )
    width = len(_VALUES)
    days: list[str] = []
    counts: list[list[int]] = []  # per day: the values of each grid, grid slot * width + value
    week: list[tuple[int, set[int]]] = []  # (day index, households reached) of the current week's days
    monday = None

    def end_week() -> None:
        later: set[int] = set()
        for index, reached in reversed(week):
            for s, n in Counter(map(slot_of, reached - later)).items():
                counts[index][s * width + width - 1] = n
            later |= reached
        week.clear()

    bound = ""
    while True:
        first = db.execute(
            "SELECT min(visited_at) FROM visit WHERE withdrawn_at IS NULL AND visited_at >= ?", [bound]
        ).fetchone()[0]
        if first is None:
            break
        day = first[:10]
        valid, day_monday = db.execute(f"SELECT {_is_date(':d')}, {_week(':d')}", {"d": day}).fetchone()
        if not valid:
            bound = first + "\0"  # not a date: not counted (nor by the triggers); on to the next string
            continue
        bound = day[:-1] + chr(ord(day[-1]) + 1)  # just above every string that starts with `day`
        if day_monday != monday:
            end_week()
            monday = day_monday
        values = [0] * (len(grids) * width)
        *by_method, reached_text = db.execute(_DAY_VISITS, [day, bound]).fetchone()
        for m, text in enumerate(by_method):
            for s, n in Counter(map(slot_of, _ids(text))).items():
                values[s * width + m] = n
        reached = set(_ids(reached_text))
        for s, n in Counter(map(slot_of, reached)).items():
            values[s * width + len(METHODS)] = n
        week.append((len(days), reached))
        days.append(day)
        counts.append(values)
    end_week()

    runs: dict[int, list[int]] = {}  # community -> its first and last grid slot
    for i, (_, community) in enumerate(grids):
        runs.setdefault(community, [i, i])[1] = i
    areas = [
        ("all", 0, 0, len(grids) - 1),
        *(("community", c, first, last) for c, (first, last) in sorted(runs.items())),
        *(("grid", g, slot[g], slot[g]) for g in sorted(slot)),
    ]

    def totals(values: list[int], first: int, last: int) -> list[int]:
        if first == last:
            return values[first * width : (first + 1) * width]
        return [sum(values[first * width + v : (last + 1) * width : width]) for v in range(width)]

    rows = (
        (area, area_id, day, *sums)
        for area, area_id, first, last in areas  # in primary-key order, so SQLite appends
        for day, values in zip(days, counts)
        if any(sums := totals(values, first, last))
    )
    _connection(db).executemany(
        f"INSERT INTO tally_visit_day (area, area_id, day, {_COLUMNS}) VALUES (?, ?, ?, {', '.join('?' * width)})",
        rows,
    )


# -- reads ------------------------------------------------------------------------------------------

Series = dict[date, tuple[dict[str, int], int]]


def series(
    db: Any, community_id: int | None, grid_id: int | None, start: date, end: date
) -> tuple[Series, Series]:
    """Visits by method and distinct households reached, per day and per week, from start to end.

    Returns (days, weeks): every day from start to end, and every Monday from start's week to
    end's, each mapped to (visits by method, households reached). A week counts only its days in
    the period (the first one from start): exact as long as no visit is dated after `end` within
    end's week (visits cannot be logged in the future).
    """
    area, area_id = area_key(community_id, grid_id)
    first_monday = start - timedelta(days=start.weekday())
    days = {start + timedelta(days=i): (dict.fromkeys(METHODS, 0), 0) for i in range((end - start).days + 1)}
    weeks = {
        first_monday + timedelta(days=7 * i): (dict.fromkeys(METHODS, 0), 0)
        for i in range((end - first_monday).days // 7 + 1)
    }
    for day, *values, households, week_last in db.execute(
        f"SELECT day, {_COLUMNS} FROM tally_visit_day WHERE area = ? AND area_id = ? AND day BETWEEN ? AND ?",
        (area, area_id, start.isoformat(), end.isoformat()),
    ):
        when = date.fromisoformat(day)
        days[when] = (dict(zip(METHODS, values)), households)
        monday = when - timedelta(days=when.weekday())
        by_method, reached = weeks[monday]
        for method, n in zip(METHODS, values):
            by_method[method] += n
        weeks[monday] = (by_method, reached + week_last)
    return days, weeks


def _week_bounds(today: date) -> dict[str, str]:
    monday = today - timedelta(days=today.weekday())
    return {
        "this": monday.isoformat(),
        "last": (monday - timedelta(days=7)).isoformat(),
        "today": today.isoformat(),
    }


def _week_sums() -> str:
    visits = " + ".join(METHODS)
    return f"total(CASE WHEN day >= :this THEN {visits} END), total(CASE WHEN day < :this THEN {visits} END)"


def week_counts(db: Any, community_id: int | None, grid_id: int | None, today: date) -> tuple[int, int]:
    """Visits (any outcome) this week up to today, and all of last week (weeks start on Monday)."""
    area, area_id = area_key(community_id, grid_id)
    row = db.execute(
        f"SELECT {_week_sums()} FROM tally_visit_day WHERE area = :area AND area_id = :id"
        " AND day BETWEEN :last AND :today",
        {"area": area, "id": area_id, **_week_bounds(today)},
    ).fetchone()
    return int(row[0]), int(row[1])


def week_counts_by_community(db: Any, today: date) -> dict[int, tuple[int, int]]:
    """`week_counts` of every community at once (community id -> this week, last week)."""
    rows = db.execute(
        f"SELECT area_id, {_week_sums()} FROM tally_visit_day WHERE area = :area"
        " AND day BETWEEN :last AND :today GROUP BY area_id",
        {"area": COMMUNITY, **_week_bounds(today)},
    )
    return {community: (int(this), int(last)) for community, this, last in rows}
