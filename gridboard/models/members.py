"""The members list with each member's load (households, priority households, visited this cycle)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gridboard.models.clock import today
from gridboard.models.rules import Cycles, current_cycles
from gridboard.models.settings import get_setting
from gridboard.models.store import Store
from gridboard.models.tallies import coverage as coverage_tally


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


def _member_counts(
    store: Store, members_sql: str | None, params: dict[str, Any], cycles: Cycles, on: date | None
) -> dict[int, coverage_tally.Counts]:
    """The coverage tallies of members (all, or those `members_sql` selects)."""
    return coverage_tally.counts(
        store.db,
        "member",
        cycles.since(on or today()),
        subjects=members_sql,
        subject_params=params,
    )


def loads_by_member(store: Store, *, community_id: int | None = None) -> dict[int, int]:
    """Lived-in households each member (of a community) covers now; members with none are absent."""
    members_sql = None if community_id is None else "SELECT id FROM member WHERE community_id = :community"
    counts = _member_counts(store, members_sql, {"community": community_id}, current_cycles(store), None)
    return {member_id: c.households for member_id, c in counts.items() if c.households}


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
    params: dict[str, Any] = {}
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
    counts = _member_counts(store, members_sql, params, cycles or current_cycles(store), on)
    limit = load_limit(store)
    rows = store.query(
        f"""SELECT m.id, m.name, m.kind, m.branch, m.phone, m.work_unit, m.active FROM member m
        WHERE {' AND '.join(where)} ORDER BY m.name, m.id""",
        params,
    )
    none = coverage_tally.Counts()
    loads = []
    for r in rows:
        c = counts.get(r["id"], none)
        loads.append(
            MemberLoad(
                id=r["id"],
                name=r["name"],
                kind=r["kind"],
                branch=r["branch"],
                phone=r["phone"],
                work_unit=r["work_unit"],
                active=bool(r["active"]),
                households=c.households,
                priority=c.priority,
                visited_in_cycle=c.in_cycle,
                over_limit=c.households > limit,
            )
        )
    return loads


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
