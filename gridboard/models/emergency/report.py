"""The end-of-emergency report's figures: day by day roll call, visits, requests and supplies."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from gridboard.models.clock import parse_date
from gridboard.models.clock import today as today_
from gridboard.models.emergency.declaring import Emergency, get_emergency
from gridboard.models.emergency.deliveries import SupplyLine, scarce_supplies
from gridboard.models.emergency.rollcall import community_clause, priority_where
from gridboard.models.store import Store
from gridboard.models.vocab import REACHED_OUTCOMES

# -- the end-of-emergency report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DayFigures:
    day: date
    households_reached: int
    priority_households: int
    priority_reached: int
    rollcall_safe: int
    rollcall_needs_help: int
    rollcall_unreachable: int
    requests_raised: int
    requests_closed: int
    deliveries: int

    @property
    def priority_share(self) -> float | None:
        return self.priority_reached / self.priority_households if self.priority_households else None


@dataclass(frozen=True)
class Report:
    emergency: Emergency
    days: list[DayFigures]
    delivered_by_item: list[tuple[str, str, float]]  # item, unit, quantity
    supplies: list[SupplyLine] = field(default_factory=list)

    @property
    def total_requests_raised(self) -> int:
        return sum(d.requests_raised for d in self.days)

    @property
    def total_requests_closed(self) -> int:
        return sum(d.requests_closed for d in self.days)


def report_figures(store: Store, emergency_id: int, *, until: date | None = None) -> Report:
    """Day by day from the start to the end (or today): who was reached, requests, deliveries."""
    emergency = get_emergency(store, emergency_id)
    first = emergency.start_day
    last = parse_date(emergency.ended_at) or until or today_()
    last = max(last, first)
    # Everything counts from the declaration on, not from the start of its day: the same figures
    # the banner and the roll-call board showed at the time.
    span = {
        "first": emergency.started_at,
        "last": last.isoformat(),
        "after": (last + timedelta(days=1)).isoformat(),
        "community": emergency.community_id,
        "e": emergency_id,
    }
    area = """JOIN household h ON h.id = {t}.household_id JOIN building b ON b.id = h.building_id
              JOIN grid g ON g.id = b.grid_id"""
    # A literal community condition (not ":community IS NULL OR ...") lets SQLite start from the
    # community's households and seek their visits, instead of scanning the whole city's week.
    community = community_clause(emergency)
    reached = ",".join(f"'{o}'" for o in REACHED_OUTCOMES)

    def per_day(sql: str) -> dict[str, int]:
        return {r[0]: int(r[1] or 0) for r in store.query(sql, span)}

    households = per_day(
        f"""SELECT substr(v.visited_at, 1, 10) AS d, count(DISTINCT v.household_id) FROM visit v
            {area.format(t="v")} WHERE v.withdrawn_at IS NULL AND v.outcome IN ({reached})
            AND v.visited_at >= :first AND v.visited_at < :after {community} GROUP BY d"""
    )
    priority_total = int(
        store.scalar(
            f"""SELECT count(*) FROM household h JOIN building b ON b.id = h.building_id
                JOIN grid g ON g.id = b.grid_id WHERE {priority_where()} AND b.archived_at IS NULL
                {community}""",
            span,
        )
        or 0
    )
    states: dict[str, dict[str, int]] = {}
    # Each day's roll call as the banner counts it (rollcall_counts): the latest result of each
    # priority household on the board; "priority reached" is its safe plus needs-help.
    for r in store.query(
        f"""
        WITH last AS (
            SELECT r.household_id, r.day, r.state, row_number() OVER (PARTITION BY r.household_id, r.day
                ORDER BY r.at DESC, r.id DESC) AS n
            FROM rollcall r WHERE r.emergency_id = :e AND r.withdrawn_at IS NULL
        )
        SELECT l.day, l.state, count(*) AS c FROM last l JOIN household h ON h.id = l.household_id
        JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
        WHERE l.n = 1 AND {priority_where()} AND b.archived_at IS NULL {community}
        GROUP BY l.day, l.state
        """,
        span,
    ):
        states.setdefault(r["day"], {})[r["state"]] = r["c"]
    raised = per_day(
        f"""SELECT substr(q.collected_at, 1, 10) AS d, count(*) FROM request q {area.format(t="q")}
            WHERE q.archived_at IS NULL AND q.collected_at >= :first AND q.collected_at < :after
            {community} GROUP BY d"""
    )
    closed = per_day(
        f"""SELECT substr(q.resolved_at, 1, 10) AS d, count(*) FROM request q {area.format(t="q")}
            WHERE q.archived_at IS NULL AND q.resolved_at IS NOT NULL
            AND q.resolved_at >= :first AND q.resolved_at < :after {community} GROUP BY d"""
    )
    deliveries = per_day(
        f"""SELECT substr(d.delivered_at, 1, 10) AS day, count(*) FROM supply_delivery d
           JOIN grid g ON g.id = d.grid_id
           WHERE d.delivered_at >= :first AND d.delivered_at < :after {community} GROUP BY day"""
    )
    days = []
    day = first
    while day <= last:
        key = day.isoformat()
        counted = states.get(key, {})
        days.append(
            DayFigures(
                day=day,
                households_reached=households.get(key, 0),
                priority_households=priority_total,
                priority_reached=counted.get("reached_safe", 0) + counted.get("reached_needs_help", 0),
                rollcall_safe=counted.get("reached_safe", 0),
                rollcall_needs_help=counted.get("reached_needs_help", 0),
                rollcall_unreachable=counted.get("unreachable", 0),
                requests_raised=raised.get(key, 0),
                requests_closed=closed.get(key, 0),
                deliveries=deliveries.get(key, 0),
            )
        )
        day += timedelta(days=1)
    delivered = [
        (r["item"], r["unit"], float(r["q"]))
        for r in store.query(
            f"""SELECT d.item, d.unit, sum(d.quantity) AS q FROM supply_delivery d
               JOIN grid g ON g.id = d.grid_id
               WHERE d.delivered_at >= :first AND d.delivered_at < :after {community}
               GROUP BY d.item, d.unit ORDER BY d.item, d.unit""",
            span,
        )
    ]
    return Report(
        emergency=emergency,
        days=days,
        delivered_by_item=delivered,
        supplies=scarce_supplies(store, community_id=emergency.community_id),
    )
