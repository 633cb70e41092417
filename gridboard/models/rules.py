"""Visit rules: each household's cycle, due date and status; coverage figures and bands.

One SQL expression (`status_sql`) is the single definition of a household's status, used by the map,
the dashboard and the command line alike; `household_status` is the same rule in Python for one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gridboard.models import in_cycle
from gridboard.models.area import Area
from gridboard.models.clock import parse_date
from gridboard.models.clock import today as today_
from gridboard.models.pairing import COVERED_SQL, MEMBER_HOUSEHOLDS_SQL

# The cycles in force are the settings' (they move the tallies' clock when set); read here as rules.X too.
from gridboard.models.settings import Cycles as Cycles
from gridboard.models.settings import advance_tallies as advance_tallies
from gridboard.models.settings import current_cycles as current_cycles
from gridboard.models.store import Store
from gridboard.models.vocab import Tier, coverage_band


def cycle_sql(alias: str = "h") -> str:
    return f"(CASE {alias}.priority_tier WHEN 2 THEN :cycle_high WHEN 1 THEN :cycle_priority ELSE :cycle_normal END)"


def due_sql(alias: str = "h") -> str:
    """The due date (text YYYY-MM-DD), NULL when never reached."""
    return f"date({alias}.last_reached_at, '+' || {cycle_sql(alias)} || ' days')"


def status_sql(alias: str = "h") -> str:
    """SQL for a household's visit status; bind with `rule_params`."""
    due = due_sql(alias)
    covered = COVERED_SQL.replace("h.", f"{alias}.") if alias != "h" else COVERED_SQL
    return f"""(CASE
        WHEN {alias}.occupancy = 'vacant' THEN 'vacant'
        WHEN NOT {covered} THEN 'not_paired'
        WHEN {alias}.last_reached_at IS NULL THEN 'never_visited'
        WHEN {due} < :today THEN 'overdue'
        WHEN {due} <= :due_soon_until THEN 'due_soon'
        ELSE 'ok' END)"""


def _since_sql(alias: str) -> str:
    # Reached on or after this day ⇔ the due date (reached + cycle) is today or later; comparing the
    # stored text directly lets SQLite use an index on last_reached_at.
    return f"({in_cycle.since_sql(alias, normal=':since_normal', priority=':since_priority', high=':since_high')})"


def overdue_sql(alias: str = "h") -> str:
    """Overdue for a visit: lived in, and never reached or past the due date (pairing aside)."""
    return (
        f"({alias}.occupancy != 'vacant'"
        f" AND ({alias}.last_reached_at IS NULL OR {alias}.last_reached_at < {_since_sql(alias)}))"
    )


def overdue_priority_sql(alias: str = "h") -> str:
    """`priority_tier > 0 AND overdue_sql()`, spelt tier by tier: cheaper to test on a city's worth of
    priority households than the CASE of `overdue_sql`."""
    tiers = " OR ".join(
        f"({alias}.priority_tier = {tier} AND ({alias}.last_reached_at IS NULL"
        f" OR {alias}.last_reached_at < :since_{name}))"
        for tier, name in ((Tier.PRIORITY, "priority"), (Tier.HIGH, "high"))
    )
    return f"({alias}.occupancy != 'vacant' AND ({tiers}))"


def in_cycle_sql(alias: str = "h") -> str:
    """In cycle (models/in_cycle.py), with the days bound by `rule_params`."""
    return in_cycle.in_cycle_sql(alias, _since_sql(alias))


def rule_params(cycles: Cycles, on: date | None = None) -> dict[str, Any]:
    day = on or today_()
    since_normal, since_priority, since_high = cycles.since(day)
    return {
        "since_normal": since_normal,
        "since_priority": since_priority,
        "since_high": since_high,
        "cycle_high": cycles.high,
        "cycle_priority": cycles.priority,
        "cycle_normal": cycles.normal,
        "today": day.isoformat(),
        "due_soon_until": (day + timedelta(days=cycles.due_soon)).isoformat(),
    }


def due_date(last_reached_at: str | None, tier: int, cycles: Cycles) -> date | None:
    reached = parse_date(last_reached_at)
    return None if reached is None else reached + timedelta(days=cycles.days(tier))


def household_status(
    *,
    occupancy: str,
    covered: bool,
    last_reached_at: str | None,
    tier: int,
    cycles: Cycles,
    on: date | None = None,
) -> str:
    """The rule of `status_sql`, for one household in Python."""
    day = on or today_()
    if occupancy == "vacant":
        return "vacant"
    if not covered:
        return "not_paired"
    due = due_date(last_reached_at, tier, cycles)
    if due is None:
        return "never_visited"
    if due < day:
        return "overdue"
    if due <= day + timedelta(days=cycles.due_soon):
        return "due_soon"
    return "ok"


@dataclass(frozen=True)
class Coverage:
    """Coverage of one area (community, grid, building) or one member's households."""

    key: int
    name: str
    households: int  # lived-in households (vacant ones do not count)
    paired: int
    visited_in_cycle: int
    priority: int
    priority_overdue: int
    overdue: int

    @property
    def paired_share(self) -> float | None:
        return self.paired / self.households if self.households else None

    @property
    def visited_share(self) -> float | None:
        return self.visited_in_cycle / self.households if self.households else None

    @property
    def band(self) -> str:
        return coverage_band(self.visited_share)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "name": self.name,
            "households": self.households,
            "paired": self.paired,
            "paired_share": self.paired_share,
            "visited_in_cycle": self.visited_in_cycle,
            "visited_share": self.visited_share,
            "priority": self.priority,
            "priority_overdue": self.priority_overdue,
            "overdue": self.overdue,
            "band": self.band,
        }


_LEVELS = {
    "community": ("c.id", "c.name", "c.id"),
    "grid": ("g.id", "g.name", "g.sort_order, g.id"),
    "building": ("b.id", "b.name", "b.number, b.id"),
}


def coverage(
    store: Store,
    level: str,
    *,
    within: Area | dict[str, int] | None = None,
    on: date | None = None,
    cycles: Cycles | None = None,
) -> list[Coverage]:
    """Coverage by community, grid or building, optionally within a community/grid/building."""
    key, name, order = _LEVELS[level]
    where, params = _within(within)
    params.update(rule_params(cycles or current_cycles(store), on))
    sql = f"""
        SELECT {key} AS key, {name} AS name,
            sum(h.occupancy != 'vacant') AS households,
            sum(h.occupancy != 'vacant' AND {COVERED_SQL}) AS paired,
            sum({in_cycle_sql()}) AS visited_in_cycle,
            sum(h.occupancy != 'vacant' AND h.priority_tier > 0) AS priority,
            sum(h.priority_tier > 0 AND {overdue_sql()}) AS priority_overdue,
            sum({overdue_sql()}) AS overdue
        FROM household h
        JOIN building b ON b.id = h.building_id
        JOIN grid g ON g.id = b.grid_id
        JOIN community c ON c.id = g.community_id
        WHERE h.archived_at IS NULL AND b.archived_at IS NULL {where}
        GROUP BY {key} ORDER BY {order}
    """
    return [_coverage_row(r) for r in store.query(sql, params)]


def member_coverage(
    store: Store, member_id: int, *, on: date | None = None, cycles: Cycles | None = None
) -> Coverage:
    params = {"member": member_id, **rule_params(cycles or current_cycles(store), on)}
    row = store.one(
        f"""
        SELECT :member AS key, (SELECT name FROM member WHERE id = :member) AS name,
            sum(h.occupancy != 'vacant') AS households,
            sum(h.occupancy != 'vacant') AS paired,
            sum({in_cycle_sql()}) AS visited_in_cycle,
            sum(h.occupancy != 'vacant' AND h.priority_tier > 0) AS priority,
            sum(h.priority_tier > 0 AND {overdue_sql()}) AS priority_overdue,
            sum({overdue_sql()}) AS overdue
        FROM household h WHERE h.id IN ({MEMBER_HOUSEHOLDS_SQL})
        """,
        params,
    )
    return _coverage_row(row)


def total_coverage(
    store: Store, *, within: Area | dict[str, int] | None = None, on: date | None = None
) -> Coverage:
    rows = coverage(store, "community", within=within, on=on)
    return Coverage(
        key=0,
        name="",
        **{
            f: sum(getattr(r, f) for r in rows)
            for f in ("households", "paired", "visited_in_cycle", "priority", "priority_overdue", "overdue")
        },
    )


def _within(within: Area | dict[str, int] | None) -> tuple[str, dict[str, Any]]:
    return Area.of(within).and_sql(community="c.id")


def _coverage_row(row: Any) -> Coverage:
    return Coverage(
        key=row["key"],
        name=row["name"] or "",
        households=row["households"] or 0,
        paired=row["paired"] or 0,
        visited_in_cycle=row["visited_in_cycle"] or 0,
        priority=row["priority"] or 0,
        priority_overdue=row["priority_overdue"] or 0,
        overdue=row["overdue"] or 0,
    )
