"""Households by grid, by member and by special-group tag: counted now, and visited within cycle.

"Visited within cycle" depends on today: a household is in cycle while its last reached day is on
or after `today - cycle(tier)` (`rules.in_cycle_sql`). So each count row keeps `in_cycle` as of the
thresholds stored in `tally_clock`, and `tally_reached` keeps how many households were last reached
on each day. A read for other thresholds (another day, emergency cycles) adds or takes away only the
days between the stored and the wanted thresholds; `advance` moves the stored clock.

One SQL template, `_apply(sign, households)`, adds (+1) or takes away (-1) what a set of households
contributes to every tally. Each trigger takes the affected households away before a change and adds
them back after it, so no trigger needs to know what its change means for the counts.

Who covers a household (`tally_member_link`: active pairings and scopes, with how many of them) and
which special groups live in it (`tally_household_tag`: current residents per tag) are kept here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from gridboard.models.area import Area
from gridboard.models.clock import today
from gridboard.models.defaults import DEFAULTS
from gridboard.models.in_cycle import LIVED_IN, in_cycle_sql, since_sql

KINDS = ("grid", "member", "tag")
TIERS = (0, 1, 2)

TABLES = ("tally_member_link", "tally_household_tag", "tally_count", "tally_reached")
ZERO_ROWS = {
    "tally_count": "households = 0 AND paired = 0 AND residents = 0 AND in_cycle = 0",
    "tally_reached": "households = 0",
}

SCHEMA = """
CREATE TABLE tally_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    since_normal TEXT NOT NULL,
    since_priority TEXT NOT NULL,
    since_high TEXT NOT NULL
);
CREATE TABLE tally_member_link (
    household_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    ways INTEGER NOT NULL,
    PRIMARY KEY (household_id, member_id)
) WITHOUT ROWID;
CREATE INDEX tally_member_link_member ON tally_member_link(member_id);
CREATE TABLE tally_household_tag (
    household_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL,
    residents INTEGER NOT NULL,
    PRIMARY KEY (household_id, tag_id)
) WITHOUT ROWID;
CREATE TABLE tally_count (
    kind TEXT NOT NULL,
    subject INTEGER NOT NULL,
    grid_id INTEGER NOT NULL,
    tier INTEGER NOT NULL,
    households INTEGER NOT NULL,
    paired INTEGER NOT NULL,
    residents INTEGER NOT NULL,
    in_cycle INTEGER NOT NULL,
    PRIMARY KEY (kind, subject, grid_id, tier)
) WITHOUT ROWID;
CREATE INDEX tally_count_grid ON tally_count(kind, grid_id);
CREATE INDEX tally_count_behind ON tally_count(kind, households - in_cycle DESC, in_cycle * 1.0 / households, subject)
    WHERE kind = 'member_all';
CREATE TABLE tally_reached (
    kind TEXT NOT NULL,
    subject INTEGER NOT NULL,
    grid_id INTEGER NOT NULL,
    tier INTEGER NOT NULL,
    day TEXT NOT NULL,
    households INTEGER NOT NULL,
    PRIMARY KEY (kind, tier, day, subject, grid_id)
) WITHOUT ROWID
"""

# -- what a set of households contributes ------------------------------------------------------------

_LIVED = LIVED_IN.format(h="h")
_SINCE = f"(SELECT {since_sql('h', normal='since_normal', priority='since_priority', high='since_high')} FROM tally_clock)"
# The rule of models/in_cycle.py, as rules.in_cycle_sql uses it, 0 rather than NULL when never reached.
_IN_CYCLE = in_cycle_sql("h", _SINCE, never_reached_is_false=True)
_RESIDENTS = (
    "(SELECT count(*) FROM resident r WHERE r.household_id = h.id"
    " AND r.moved_out_at IS NULL AND r.archived_at IS NULL)"
)
_COVERED = "EXISTS (SELECT 1 FROM tally_member_link l WHERE l.household_id = h.id)"
_COUNTED = (
    "FROM household h JOIN building b ON b.id = h.building_id {join}"
    " WHERE h.archived_at IS NULL AND b.archived_at IS NULL AND ({households})"
)
# (kind, subject, join, paired, residents) per kind.
_MEMBER_LINKS = "JOIN tally_member_link l ON l.household_id = h.id"
# (kind, subject, join, paired, residents, by grid and tier) per kind. "member_all" is "member" summed
# over grids and tiers, one row per member, so the whole file's lagging members need no grouping;
# its days come from the "member" rows of tally_reached.
_KIND_SOURCES = (
    ("grid", "b.grid_id", "", f"{_LIVED} AND {_COVERED}", _RESIDENTS, True),
    ("member", "l.member_id", _MEMBER_LINKS, _LIVED, "0", True),
    ("member_all", "l.member_id", _MEMBER_LINKS, _LIVED, "0", False),
    ("tag", "t.tag_id", "JOIN tally_household_tag t ON t.household_id = h.id", "0", "t.residents", True),
)
_REACHED_KIND = {"member_all": "member"}
_ADD_COUNT = (
    " ON CONFLICT DO UPDATE SET households = households + excluded.households,"
    " paired = paired + excluded.paired, residents = residents + excluded.residents,"
    " in_cycle = in_cycle + excluded.in_cycle"
)


def _apply(sign: int, households: str) -> list[str]:
    """Statements adding (sign 1) or taking away (sign -1) the households matching `households`
    (an SQL condition on `h`; may use OLD/NEW in a trigger) from every count."""
    statements = []
    for kind, subject, join, paired, residents, by_grid_and_tier in _KIND_SOURCES:
        source = _COUNTED.format(join=join, households=households)
        grid, tier = ("b.grid_id", "h.priority_tier") if by_grid_and_tier else ("0", "0")
        statements.append(
            "INSERT INTO tally_count (kind, subject, grid_id, tier, households, paired, residents, in_cycle)"
            f" SELECT '{kind}', {subject}, {grid}, {tier}, {sign} * sum({_LIVED}),"
            f" {sign} * sum({paired}), {sign} * sum({residents}), {sign} * sum({_IN_CYCLE})"
            f" {source} GROUP BY 2, 3, 4{_ADD_COUNT}"
        )
        if kind in _REACHED_KIND:
            continue
        statements.append(
            "INSERT INTO tally_reached (kind, subject, grid_id, tier, day, households)"
            f" SELECT '{kind}', {subject}, b.grid_id, h.priority_tier, substr(h.last_reached_at, 1, 10),"
            f" {sign} * count(*) {source} AND {_LIVED} AND h.last_reached_at IS NOT NULL"
            " GROUP BY 2, 3, 4, 5 ON CONFLICT DO UPDATE SET households = households + excluded.households"
        )
    return statements


def sweep(db: Any) -> None:
    """Delete rows the triggers left at zero. Deleting them inside every trigger would cost a scan
    each time (SQLite allows no INDEXED BY in triggers); once when a file opens costs one."""
    for table, zero in ZERO_ROWS.items():
        db.execute(f"DELETE FROM {table} WHERE {zero}")


# -- who covers whom, which groups live where --------------------------------------------------------


def _scope_matches(scope: str) -> str:
    """Households (h) a scope row (OLD/NEW/s) covers: archived ones too (they are never counted)."""
    return (
        f"h.building_id = {scope}.building_id AND ({scope}.unit IS NULL OR h.unit = {scope}.unit)"
        f" AND ({scope}.floor IS NULL OR h.floor = {scope}.floor)"
    )


_ADD_LINK = " ON CONFLICT DO UPDATE SET ways = ways + excluded.ways"
_DROP_EMPTY_LINKS = "DELETE FROM tally_member_link WHERE household_id IN ({ids}) AND ways <= 0"


def _relink_scope(row: str, sign: int) -> str:
    if sign > 0:
        return (
            f"INSERT INTO tally_member_link (household_id, member_id, ways)"
            f" SELECT h.id, {row}.member_id, 1 FROM household h"
            f" WHERE {row}.ended_on IS NULL AND {_scope_matches(row)}{_ADD_LINK}"
        )
    return (
        f"UPDATE tally_member_link SET ways = ways - 1 WHERE member_id = {row}.member_id"
        f" AND {row}.ended_on IS NULL AND household_id IN"
        f" (SELECT h.id FROM household h WHERE {_scope_matches(row)})"
    )


def _relink_household(row: str, sign: int) -> str:
    """The scopes covering a household row's place (OLD/NEW), added or taken away."""
    matches = (
        f"s.ended_on IS NULL AND s.building_id = {row}.building_id"
        f" AND (s.unit IS NULL OR s.unit = {row}.unit) AND (s.floor IS NULL OR s.floor = {row}.floor)"
    )
    if sign > 0:
        return (
            f"INSERT INTO tally_member_link (household_id, member_id, ways)"
            f" SELECT {row}.id, s.member_id, count(*) FROM scope s WHERE {matches}"
            f" GROUP BY s.member_id{_ADD_LINK}"
        )
    return (
        "UPDATE tally_member_link SET ways = ways - (SELECT count(*) FROM scope s WHERE"
        f" s.member_id = tally_member_link.member_id AND {matches}) WHERE household_id = {row}.id"
    )


_ADD_TAG = " ON CONFLICT DO UPDATE SET residents = residents + excluded.residents"


def _retag(resident: str, sign: int) -> str:
    """A resident row's (OLD/NEW) tags added to / taken from its household, if the row is current."""
    return (
        "INSERT INTO tally_household_tag (household_id, tag_id, residents)"
        f" SELECT {resident}.household_id, rt.tag_id, {sign} FROM resident_tag rt"
        f" WHERE rt.resident_id = {resident}.id AND {resident}.moved_out_at IS NULL"
        f" AND {resident}.archived_at IS NULL{_ADD_TAG}"
    )


def _retag_one(link: str, sign: int) -> str:
    """One resident_tag row (OLD/NEW) added to / taken from its resident's household, if current."""
    return (
        "INSERT INTO tally_household_tag (household_id, tag_id, residents)"
        f" SELECT r.household_id, {link}.tag_id, {sign} FROM resident r WHERE r.id = {link}.resident_id"
        f" AND r.moved_out_at IS NULL AND r.archived_at IS NULL{_ADD_TAG}"
    )


_DROP_EMPTY_TAGS = "DELETE FROM tally_household_tag WHERE household_id IN ({ids}) AND residents <= 0"

# -- triggers ----------------------------------------------------------------------------------------


def _trigger(name: str, when: str, table: str, condition: str, body: list[str]) -> str:
    where = f" WHEN {condition}" if condition else ""
    statements = "".join(f"    {s};\n" for s in body)
    return f"CREATE TRIGGER {name} {when} ON {table}{where}\nBEGIN\n{statements}END"


def _changed(*columns: str) -> str:
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)


def _around(name: str, table: str, columns: tuple[str, ...], households: str, middle: list[str]) -> list[str]:
    """BEFORE UPDATE takes the households away, AFTER UPDATE changes links and adds them back."""
    of = f"UPDATE OF {', '.join(columns)}"
    changed = _changed(*columns)
    return [
        _trigger(f"{name}_before_update", f"BEFORE {of}", table, changed, _apply(-1, households)),
        _trigger(f"{name}_after_update", f"AFTER {of}", table, changed, [*middle, *_apply(1, households)]),
    ]


_HOUSEHOLD_COLUMNS = (
    "building_id",
    "unit",
    "floor",
    "occupancy",
    "priority_tier",
    "last_reached_at",
    "archived_at",
)


def _households_of(links: tuple[str, ...]) -> str:
    """In resident_tag triggers: the households of the OLD/NEW rows' residents."""
    return (
        "SELECT household_id FROM resident WHERE id IN (" + ", ".join(f"{r}.resident_id" for r in links) + ")"
    )


TRIGGERS: list[str] = [
    # Households.
    _trigger(
        "tally_household_insert",
        "AFTER INSERT",
        "household",
        "",
        [_relink_household("NEW", 1), *_apply(1, "h.id = NEW.id")],
    ),
    *_around(
        "tally_household",
        "household",
        _HOUSEHOLD_COLUMNS,
        "h.id = NEW.id",
        [
            _relink_household("OLD", -1),
            _relink_household("NEW", 1),
            _DROP_EMPTY_LINKS.format(ids="NEW.id"),
        ],
    ),
    _trigger(
        "tally_household_delete",
        "BEFORE DELETE",
        "household",
        "",
        [
            *_apply(-1, "h.id = OLD.id"),
            "DELETE FROM tally_member_link WHERE household_id = OLD.id",
            "DELETE FROM tally_household_tag WHERE household_id = OLD.id",
        ],
    ),
    # Buildings moving to another grid, archived or brought back.
    *_around("tally_building", "building", ("grid_id", "archived_at"), "h.building_id = NEW.id", []),
    # Pairings.
    _trigger(
        "tally_pairing_insert",
        "AFTER INSERT",
        "pairing",
        "NEW.ended_on IS NULL",
        [
            *_apply(-1, "h.id = NEW.household_id"),
            (
                "INSERT INTO tally_member_link (household_id, member_id, ways)"
                f" VALUES (NEW.household_id, NEW.member_id, 1){_ADD_LINK}"
            ),
            *_apply(1, "h.id = NEW.household_id"),
        ],
    ),
    _trigger(
        "tally_pairing_update",
        "AFTER UPDATE OF ended_on, member_id, household_id",
        "pairing",
        "(OLD.ended_on IS NULL) != (NEW.ended_on IS NULL) OR " + _changed("member_id", "household_id"),
        [
            *_apply(-1, "h.id IN (OLD.household_id, NEW.household_id)"),
            (
                "UPDATE tally_member_link SET ways = ways - 1 WHERE OLD.ended_on IS NULL"
                " AND household_id = OLD.household_id AND member_id = OLD.member_id"
            ),
            (
                "INSERT INTO tally_member_link (household_id, member_id, ways)"
                f" SELECT NEW.household_id, NEW.member_id, 1 WHERE NEW.ended_on IS NULL{_ADD_LINK}"
            ),
            _DROP_EMPTY_LINKS.format(ids="OLD.household_id, NEW.household_id"),
            *_apply(1, "h.id IN (OLD.household_id, NEW.household_id)"),
        ],
    ),
    _trigger(
        "tally_pairing_delete",
        "AFTER DELETE",
        "pairing",
        "OLD.ended_on IS NULL",
        [
            *_apply(-1, "h.id = OLD.household_id"),
            (
                "UPDATE tally_member_link SET ways = ways - 1"
                " WHERE household_id = OLD.household_id AND member_id = OLD.member_id"
            ),
            _DROP_EMPTY_LINKS.format(ids="OLD.household_id"),
            *_apply(1, "h.id = OLD.household_id"),
        ],
    ),
    # Scopes: every household of a building, unit or floor.
    _trigger(
        "tally_scope_insert",
        "AFTER INSERT",
        "scope",
        "NEW.ended_on IS NULL",
        [*_apply(-1, _scope_matches("NEW")), _relink_scope("NEW", 1), *_apply(1, _scope_matches("NEW"))],
    ),
    _trigger(
        "tally_scope_update",
        "AFTER UPDATE OF ended_on, member_id, building_id, unit, floor",
        "scope",
        "(OLD.ended_on IS NULL) != (NEW.ended_on IS NULL) OR "
        + _changed("member_id", "building_id", "unit", "floor"),
        [
            *_apply(-1, f"({_scope_matches('OLD')}) OR ({_scope_matches('NEW')})"),
            _relink_scope("OLD", -1),
            _relink_scope("NEW", 1),
            "DELETE FROM tally_member_link WHERE member_id IN (OLD.member_id, NEW.member_id) AND ways <= 0",
            *_apply(1, f"({_scope_matches('OLD')}) OR ({_scope_matches('NEW')})"),
        ],
    ),
    _trigger(
        "tally_scope_delete",
        "AFTER DELETE",
        "scope",
        "OLD.ended_on IS NULL",
        [
            *_apply(-1, _scope_matches("OLD")),
            _relink_scope("OLD", -1),
            "DELETE FROM tally_member_link WHERE member_id = OLD.member_id AND ways <= 0",
            *_apply(1, _scope_matches("OLD")),
        ],
    ),
    # Residents: the household's head count and its special groups.
    # A new resident has no tags yet (resident_tag rows need the resident first): one more head.
    _trigger(
        "tally_resident_insert",
        "AFTER INSERT",
        "resident",
        "NEW.moved_out_at IS NULL AND NEW.archived_at IS NULL",
        [
            (
                "INSERT INTO tally_count (kind, subject, grid_id, tier, households, paired, residents, in_cycle)"
                " SELECT 'grid', b.grid_id, b.grid_id, h.priority_tier, 0, 0, 1, 0"
                f" {_COUNTED.format(join='', households='h.id = NEW.household_id')}{_ADD_COUNT}"
            )
        ],
    ),
    _trigger(
        "tally_resident_before_update",
        "BEFORE UPDATE OF household_id, moved_out_at, archived_at",
        "resident",
        _changed("household_id", "moved_out_at", "archived_at"),
        _apply(-1, "h.id IN (OLD.household_id, NEW.household_id)"),
    ),
    _trigger(
        "tally_resident_after_update",
        "AFTER UPDATE OF household_id, moved_out_at, archived_at",
        "resident",
        _changed("household_id", "moved_out_at", "archived_at"),
        [
            _retag("OLD", -1),
            _retag("NEW", 1),
            _DROP_EMPTY_TAGS.format(ids="OLD.household_id, NEW.household_id"),
            *_apply(1, "h.id IN (OLD.household_id, NEW.household_id)"),
        ],
    ),
    _trigger(
        "tally_resident_before_delete", "BEFORE DELETE", "resident", "", _apply(-1, "h.id = OLD.household_id")
    ),
    _trigger(
        "tally_resident_after_delete",
        "AFTER DELETE",
        "resident",
        "",
        [
            _retag("OLD", -1),
            _DROP_EMPTY_TAGS.format(ids="OLD.household_id"),
            *_apply(1, "h.id = OLD.household_id"),
        ],
    ),
    # Tags given to or taken from a resident.
    *[
        _trigger(
            f"tally_resident_tag_{name}",
            f"AFTER {event}",
            "resident_tag",
            condition,
            [
                *_apply(-1, f"h.id IN ({_households_of(rows)})"),
                *[_retag_one(row, sign) for row, sign in zip(rows, signs)],
                _DROP_EMPTY_TAGS.format(ids=_households_of(rows)),
                *_apply(1, f"h.id IN ({_households_of(rows)})"),
            ],
        )
        for name, event, condition, rows, signs in (
            ("insert", "INSERT", "", ("NEW",), (1,)),
            (
                "update",
                "UPDATE OF resident_id, tag_id",
                _changed("resident_id", "tag_id"),
                ("OLD", "NEW"),
                (-1, 1),
            ),
            ("delete", "DELETE", "", ("OLD",), (-1,)),
        )
    ],
]

# -- counting from scratch ---------------------------------------------------------------------------


def rebuild(db: Any) -> None:
    """Recount every tally of this module from the raw rows (the clock stays as it is)."""
    if db.execute("SELECT count(*) FROM tally_clock").fetchone()[0] == 0:
        since = [(today() - timedelta(days=days)).isoformat() for days in _cycles_in_settings(db)]
        db.execute(
            "INSERT INTO tally_clock (id, since_normal, since_priority, since_high) VALUES (1, ?, ?, ?)",
            [since[0], since[1], since[2]],
        )
    for table in TABLES:
        db.execute(f"DELETE FROM {table}")
    db.execute(
        f"""
        INSERT INTO tally_member_link (household_id, member_id, ways)
        SELECT household_id, member_id, count(*) FROM (
            SELECT household_id, member_id FROM pairing WHERE ended_on IS NULL
            UNION ALL
            SELECT h.id, s.member_id FROM scope s JOIN household h ON {_scope_matches("s")}
            WHERE s.ended_on IS NULL
        ) WHERE true GROUP BY 1, 2
        """
    )
    db.execute(
        """
        INSERT INTO tally_household_tag (household_id, tag_id, residents)
        SELECT r.household_id, rt.tag_id, count(*) FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id
        WHERE r.moved_out_at IS NULL AND r.archived_at IS NULL GROUP BY 1, 2
        """
    )
    for statement in _apply(1, "true"):
        db.execute(statement)


def _cycles_in_settings(db: Any) -> tuple[int, int, int]:
    """The office's cycles (normal, priority, high) straight from the setting table."""
    values = {}
    for key in ("cycle_normal_days", "cycle_priority_days", "cycle_high_days"):
        row = db.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
        values[key] = int(row[0]) if row else int(DEFAULTS[key])
    return values["cycle_normal_days"], values["cycle_priority_days"], values["cycle_high_days"]


# -- the clock ---------------------------------------------------------------------------------------

Since = tuple[str, str, str]  # first in-cycle day by tier (normal, priority, high), YYYY-MM-DD


def clock(db: Any) -> Since:
    row = db.execute("SELECT since_normal, since_priority, since_high FROM tally_clock").fetchone()
    return (row[0], row[1], row[2])


def _window(stored: Since, wanted: Since) -> tuple[str, dict[str, Any]]:
    """SQL condition (on tally_reached r) and params for the days between two clocks, with the sign
    each tier's rows add to in_cycle when going from `stored` to `wanted` (as `:sign{tier}`)."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for tier, (old, new) in enumerate(zip(stored, wanted)):
        params[f"sign{tier}"] = 0
        if old == new:
            continue
        # Later thresholds drop the days passed over; earlier ones bring them in.
        params[f"sign{tier}"] = -1 if new > old else 1
        params[f"lo{tier}"], params[f"hi{tier}"] = min(old, new), max(old, new)
        clauses.append(f"(r.tier = {tier} AND r.day >= :lo{tier} AND r.day < :hi{tier})")
    return (" OR ".join(clauses) or "false"), params


_SIGN = "(CASE r.tier WHEN 2 THEN :sign2 WHEN 1 THEN :sign1 ELSE :sign0 END)"
SIGN_SQL = _SIGN


def catch_up_window(db: Any, since: Since) -> tuple[str, dict[str, Any]]:
    """The condition on tally_reached r (and its params, with SIGN_SQL's) for the days between the
    stored clock and `since`: "false" when the counts are already as of `since`."""
    return _window(clock(db), since)


def advance(db: Any, wanted: Since) -> None:
    """Move the stored clock (and every in_cycle) to `wanted`, in the caller's transaction."""
    stored = clock(db)
    if stored == wanted:
        return
    window, params = _window(stored, wanted)
    db.execute(
        f"""
        UPDATE tally_count SET in_cycle = tally_count.in_cycle + d.change FROM (
            SELECT r.kind, r.subject, r.grid_id, r.tier, sum(r.households * {_SIGN}) AS change
            FROM tally_reached r WHERE {window} GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT 'member_all', r.subject, 0, 0, sum(r.households * {_SIGN})
            FROM tally_reached r WHERE r.kind = 'member' AND ({window}) GROUP BY 2
        ) d
        WHERE tally_count.kind = d.kind AND tally_count.subject = d.subject
            AND tally_count.grid_id = d.grid_id AND tally_count.tier = d.tier
        """,
        params,
    )
    db.execute(
        "UPDATE tally_clock SET since_normal = ?, since_priority = ?, since_high = ?",
        [wanted[0], wanted[1], wanted[2]],
    )


# -- reading -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """Lived-in households of one grid, member or tag, and how many of them are in cycle."""

    households: int = 0
    paired: int = 0
    residents: int = 0  # current residents (of every household, vacant ones too; for a tag: carrying it)
    in_cycle: int = 0
    priority: int = 0  # households of a priority tier
    priority_in_cycle: int = 0


def counts(
    db: Any,
    kind: str,
    since: Since,
    *,
    area: Area | None = None,
    subjects: str | None = None,
    subject_params: Mapping[str, Any] | None = None,
) -> dict[int, Counts]:
    """Counts by subject (grid, member or tag id) within an area (the whole file, a community or a
    grid), in cycle as of `since`.

    `subjects` (SQL selecting ids, bound with `subject_params`) limits which subjects are counted.
    """

    within = Area.of(area)

    def where(alias: str) -> str:
        condition = within.grid_sql(f"{alias}.grid_id")[0]
        return condition if subjects is None else f"{condition} AND {alias}.subject IN ({subjects})"

    params = {**within.grid_sql("c.grid_id")[1], **(subject_params or {})}
    rows = db.execute(
        f"""
        SELECT c.subject, sum(c.households), sum(c.paired), sum(c.residents), sum(c.in_cycle),
            sum(c.households * (c.tier > 0)), sum(c.in_cycle * (c.tier > 0))
        FROM tally_count c WHERE c.kind = :kind AND {where("c")} GROUP BY c.subject
        """,
        {**params, "kind": kind},
    ).fetchall()
    found = {row[0]: Counts(*row[1:]) for row in rows}
    changes = _changes(db, kind, since, where("r"), params)
    for subject, change, priority_change in changes:
        was = found.get(subject, Counts())
        found[subject] = Counts(
            was.households,
            was.paired,
            was.residents,
            was.in_cycle + change,
            was.priority,
            was.priority_in_cycle + priority_change,
        )
    return found


def _changes(
    db: Any, kind: str, since: Since, area: str, params: dict[str, Any]
) -> list[tuple[int, int, int]]:
    """(subject, in_cycle change, priority in_cycle change) from the stored clock to `since`;
    `area` is a condition on tally_reached r."""
    window, window_params = _window(clock(db), since)
    if window == "false":
        return []
    return db.execute(
        f"""
        SELECT r.subject, sum(r.households * {_SIGN}), sum(r.households * {_SIGN} * (r.tier > 0))
        FROM tally_reached r WHERE r.kind = :kind AND ({window}) AND {area} GROUP BY r.subject
        """,
        {**params, **window_params, "kind": _REACHED_KIND.get(kind, kind)},
    ).fetchall()


def lagging_members(
    db: Any,
    since: Since,
    *,
    area: Area | None = None,
    limit: int | None = None,
) -> list[tuple[int, str, int, int]]:
    """(member id, name, households, in cycle) of members covering lived-in households in the area,
    most households not in cycle first (then the lowest share, then id)."""
    within = Area.of(area)
    condition, params = within.grid_sql("c.grid_id")
    changes = "SELECT 0 AS subject, 0 AS change WHERE false"  # no days to catch up on
    window, window_params = _window(clock(db), since)
    if window != "false":
        changes = (
            f"SELECT r.subject, sum(r.households * {_SIGN}) AS change FROM tally_reached r"
            f" WHERE r.kind = 'member' AND ({window}) AND {within.grid_sql('r.grid_id')[0]}"
            " GROUP BY r.subject"
        )
    if within.is_whole_file and window == "false":
        # The whole file as of the stored clock: the members furthest behind, read in index order.
        rows = db.execute(
            """
            SELECT c.subject, m.name, c.households, c.in_cycle FROM tally_count c
            JOIN member m ON m.id = c.subject
            WHERE c.kind = 'member_all' AND c.households > 0
            ORDER BY c.households - c.in_cycle DESC, c.in_cycle * 1.0 / c.households, c.subject
            LIMIT :limit
            """,
            {"limit": -1 if limit is None else limit},
        ).fetchall()
        return [tuple(row) for row in rows]
    if within.is_whole_file:
        # The whole file: one row per member, nothing to group.
        load = (
            "SELECT c.subject, c.households, c.in_cycle FROM tally_count c"
            " WHERE c.kind = 'member_all' AND c.households > 0"
        )
    else:
        # An area: its grids' rows, found through the grid index (the planner, without statistics,
        # would rather walk every member's rows in key order).
        load = (
            "SELECT c.subject, sum(c.households) AS households, sum(c.in_cycle) AS in_cycle"
            f" FROM tally_count c INDEXED BY tally_count_grid WHERE c.kind = 'member' AND {condition}"
            " GROUP BY c.subject HAVING sum(c.households) > 0"
        )
    rows = db.execute(
        f"""
        WITH changed AS ({changes}),
        load AS ({load}),
        behind AS (
            SELECT load.subject, load.households, load.in_cycle + coalesce(changed.change, 0) AS done
            FROM load LEFT JOIN changed ON changed.subject = load.subject
            ORDER BY load.households - done DESC, done * 1.0 / load.households, load.subject
            LIMIT :limit
        )
        SELECT behind.subject, m.name, behind.households, behind.done FROM behind
        JOIN member m ON m.id = behind.subject
        ORDER BY behind.households - behind.done DESC, behind.done * 1.0 / behind.households, behind.subject
        """,
        {**params, **window_params, "limit": -1 if limit is None else limit},
    ).fetchall()
    return [tuple(row) for row in rows]
