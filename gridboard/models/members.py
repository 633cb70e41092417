"""The members list with each member's load (households, priority households, visited this cycle)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gridboard.models.rules import Cycles, current_cycles, in_cycle_sql, rule_params
from gridboard.models.settings import get_setting
from gridboard.models.store import Store

# Every (member, household) covered now, by pairing or by scope; one grouped pass over it gives
# every member's load at once (city scale: one statement, no per-member queries).
# Each kind of scope is joined on its own so every join uses the (building, unit, floor) index; a
# floor across all units goes through the unit numbers (an index cannot skip the unit column).
COVER_TEMPLATE = """
unit_no(u) AS (SELECT 1 UNION ALL SELECT u + 1 FROM unit_no WHERE u < 50),
cover(member_id, household_id) AS (
    SELECT member_id, household_id FROM pairing WHERE ended_on IS NULL {pairing_filter}
    UNION
    SELECT s.member_id, h.id FROM scope s CROSS JOIN household h ON h.building_id = s.building_id
    WHERE s.ended_on IS NULL AND s.unit IS NULL AND s.floor IS NULL AND h.archived_at IS NULL {scope_filter}
    UNION
    SELECT s.member_id, h.id FROM scope s CROSS JOIN household h
        ON h.building_id = s.building_id AND h.unit = s.unit
    WHERE s.ended_on IS NULL AND s.unit IS NOT NULL AND s.floor IS NULL AND h.archived_at IS NULL {scope_filter}
    UNION
    SELECT s.member_id, h.id FROM scope s CROSS JOIN household h
        ON h.building_id = s.building_id AND h.unit = s.unit AND h.floor = s.floor
    WHERE s.ended_on IS NULL AND s.unit IS NOT NULL AND s.floor IS NOT NULL AND h.archived_at IS NULL {scope_filter}
    UNION
    SELECT s.member_id, h.id FROM scope s CROSS JOIN building b ON b.id = s.building_id
        CROSS JOIN unit_no ON unit_no.u <= b.units
        CROSS JOIN household h ON h.building_id = s.building_id AND h.unit = unit_no.u AND h.floor = s.floor
    WHERE s.ended_on IS NULL AND s.unit IS NULL AND s.floor IS NOT NULL AND h.archived_at IS NULL {scope_filter}
)"""


def cover_cte(members_sql: str | None = None) -> str:
    """The `cover` CTE, limited when given to the members `members_sql` lists (ids or a SELECT of ids)."""
    if members_sql is None:
        return COVER_TEMPLATE.format(pairing_filter="", scope_filter="")
    return COVER_TEMPLATE.format(
        pairing_filter=f"AND member_id IN ({members_sql})", scope_filter=f"AND s.member_id IN ({members_sql})"
    )


COVER_CTE = cover_cte()


@dataclass(frozen=True)
class MemberLoad:
    id: int
    name: str
    kind: str
    branch: str
    phone: str
    work_unit: str
    active: bool
    households: int  # lived-in households covered now (vacant ones carry no load)
    priority: int
    visited_in_cycle: int
    over_limit: bool

    @property
    def visited_share(self) -> float | None:
        return self.visited_in_cycle / self.households if self.households else None

    @property
    def affiliation(self) -> str:
        """What lists show beside the name: an in-service member's work unit, else the branch."""
        return self.work_unit if self.kind == "in_service" and self.work_unit else self.branch


def load_limit(store: Store) -> int:
    return int(get_setting(store, "member_load_limit"))


def loads_by_member(store: Store, *, community_id: int | None = None) -> dict[int, int]:
    """Lived-in households each member (of a community) covers now; members with none are absent."""
    members_sql = None if community_id is None else "SELECT id FROM member WHERE community_id = :community"
    rows = store.execute(
        f"""WITH {cover_cte(members_sql)}
        SELECT c.member_id, count(*) FROM cover c JOIN household h ON h.id = c.household_id
        WHERE h.archived_at IS NULL AND h.occupancy != 'vacant' GROUP BY c.member_id""",
        {"community": community_id},
    ).fetchall()
    return {member_id: count for member_id, count in rows}


def member_loads(
    store: Store,
    *,
    community_id: int | None = None,
    include_inactive: bool = False,
    member_ids: list[int] | None = None,
    on: date | None = None,
    cycles: Cycles | None = None,
) -> list[MemberLoad]:
    """Every member (or the given ones) with their load, sorted by name."""
    params: dict[str, Any] = {**rule_params(cycles or current_cycles(store), on)}
    where = ["m.archived_at IS NULL"]
    if community_id is not None:
        where.append("m.community_id = :community")
        params["community"] = community_id
    if not include_inactive:
        where.append("m.active = 1")
    members_sql = None
    if member_ids is not None:
        marks = ",".join(f":m{i}" for i in range(len(member_ids)))
        where.append(f"m.id IN ({marks or 'NULL'})")
        params.update({f"m{i}": v for i, v in enumerate(member_ids)})
        members_sql = marks or "NULL"
    elif community_id is not None:
        members_sql = "SELECT id FROM member WHERE community_id = :community"
    limit = load_limit(store)
    rows = store.query(
        f"""WITH {cover_cte(members_sql)},
        load AS (
            SELECT c.member_id,
                count(*) AS households,
                sum(h.priority_tier > 0) AS priority,
                sum({in_cycle_sql()}) AS visited_in_cycle
            FROM cover c JOIN household h ON h.id = c.household_id
            WHERE h.archived_at IS NULL AND h.occupancy != 'vacant'
            GROUP BY c.member_id
        )
        SELECT m.id, m.name, m.kind, m.branch, m.phone, m.work_unit, m.active,
            coalesce(l.households, 0) AS households, coalesce(l.priority, 0) AS priority,
            coalesce(l.visited_in_cycle, 0) AS visited_in_cycle
        FROM member m LEFT JOIN load l ON l.member_id = m.id
        WHERE {' AND '.join(where)}
        ORDER BY m.name, m.id""",
        params,
    )
    return [
        MemberLoad(
            id=r["id"],
            name=r["name"],
            kind=r["kind"],
            branch=r["branch"],
            phone=r["phone"],
            work_unit=r["work_unit"],
            active=bool(r["active"]),
            households=r["households"],
            priority=r["priority"],
            visited_in_cycle=r["visited_in_cycle"],
            over_limit=r["households"] > limit,
        )
        for r in rows
    ]


def member(store: Store, member_id: int) -> dict[str, Any]:
    """One member's own fields plus where they live (building, unit, room) when known."""
    row = store.one(
        """SELECT m.*, h.building_id AS home_building_id, b.name AS home_building, h.unit AS home_unit,
            h.room AS home_room, g.name AS grid_name
        FROM member m LEFT JOIN household h ON h.id = m.home_household_id
        LEFT JOIN building b ON b.id = h.building_id LEFT JOIN grid g ON g.id = b.grid_id
        WHERE m.id = ?""",
        [member_id],
    )
    return dict(row) if row else {}


@dataclass(frozen=True)
class CoveredHousehold:
    id: int
    building_id: int
    building_name: str
    unit: int
    floor: int
    room: str
    head_name: str
    priority_tier: int
    occupancy: str
    last_reached_at: str | None


def covered_households(store: Store, member_id: int) -> list[CoveredHousehold]:
    from gridboard.models.pairing import MEMBER_HOUSEHOLDS_SQL

    rows = store.query(
        f"""SELECT h.id, h.building_id, b.name AS building_name, h.unit, h.floor, h.room, h.head_name,
            h.priority_tier, h.occupancy, h.last_reached_at
        FROM household h JOIN building b ON b.id = h.building_id
        WHERE h.id IN ({MEMBER_HOUSEHOLDS_SQL}) AND h.archived_at IS NULL
        ORDER BY b.number, b.id, h.unit, h.floor, h.room""",
        {"member": member_id},
    )
    return [CoveredHousehold(**dict(r)) for r in rows]


@dataclass(frozen=True)
class MemberVisit:
    visit_id: int
    household_id: int
    visited_at: str
    method: str
    outcome: str
    note: str
    building_name: str
    unit: int
    room: str
    withdrawn: bool


def member_visits(store: Store, member_id: int, *, limit: int = 500) -> list[MemberVisit]:
    """The member's visit record, newest first."""
    rows = store.query(
        """SELECT v.id AS visit_id, v.household_id, v.visited_at, v.method, v.outcome, v.note,
            b.name AS building_name, h.unit, h.room, v.withdrawn_at IS NOT NULL AS withdrawn
        FROM visit_member vm JOIN visit v ON v.id = vm.visit_id
        JOIN household h ON h.id = v.household_id JOIN building b ON b.id = h.building_id
        WHERE vm.member_id = ? ORDER BY v.visited_at DESC LIMIT ?""",
        [member_id, limit],
    )
    return [MemberVisit(**{**dict(r), "withdrawn": bool(r["withdrawn"])}) for r in rows]


def mask_phone(phone: str) -> str:
    """138****5678: lists show the least needed unless the operator asks."""
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
