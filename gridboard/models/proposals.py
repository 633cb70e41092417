"""Unpaired priority households, each with a proposed member: nearest first, lowest load, under the limit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from gridboard.models import pairing
from gridboard.models.members import load_limit, loads_by_member
from gridboard.models.pairing import COVERED_SQL
from gridboard.models.store import Store

# How near a proposed member is to the household, nearest first.
NEARNESS = ("unit", "building", "grid")


@dataclass(frozen=True)
class Proposal:
    household_id: int
    building_id: int
    building_name: str
    grid_id: int
    grid_name: str
    unit: int
    floor: int
    room: str
    head_name: str
    priority_tier: int
    member_id: int | None
    member_name: str
    nearness: str | None  # "unit", "building", "grid", or None when nobody is free
    member_load: int  # the member's load once this proposal and the earlier ones are accepted


def unpaired_priority(store: Store, *, community_id: int | None = None) -> list[dict]:
    """Every lived-in priority household that no member covers now, highest tier first."""
    params: dict = {}
    where = ""
    if community_id is not None:
        where = "AND g.community_id = :community"
        params["community"] = community_id
    rows = store.query(
        f"""SELECT h.id, h.building_id, b.name AS building_name, b.grid_id, g.name AS grid_name,
            h.unit, h.floor, h.room, h.head_name, h.priority_tier
        FROM household h JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
        WHERE h.priority_tier > 0 AND h.occupancy != 'vacant' AND h.archived_at IS NULL
            AND b.archived_at IS NULL AND g.archived_at IS NULL {where} AND NOT {COVERED_SQL}
        ORDER BY h.priority_tier DESC, g.sort_order, g.id, b.number, b.id, h.unit, h.floor, h.room""",
        params,
    )
    return [dict(r) for r in rows]


def _anchors(store: Store, community_id: int | None) -> dict[int, set[tuple[int, int, int]]]:
    """Places each active member is at home in: (grid, building, unit) of their home, their scopes
    (unit 0 = the whole building) and the households they are paired with."""
    anchors: dict[int, set[tuple[int, int, int]]] = defaultdict(set)
    for member_id, grid_id, building_id, unit in store.execute(
        """SELECT m.id, b.grid_id, h.building_id, h.unit FROM member m
            JOIN household h ON h.id = m.home_household_id JOIN building b ON b.id = h.building_id
            WHERE m.active = 1 AND m.archived_at IS NULL AND (:community IS NULL OR m.community_id = :community)
        UNION
        SELECT m.id, b.grid_id, s.building_id, coalesce(s.unit, 0) FROM scope s
            JOIN member m ON m.id = s.member_id JOIN building b ON b.id = s.building_id
            WHERE s.ended_on IS NULL AND m.active = 1 AND m.archived_at IS NULL
                AND (:community IS NULL OR m.community_id = :community)
        UNION
        SELECT m.id, b.grid_id, h.building_id, h.unit FROM pairing p
            JOIN member m ON m.id = p.member_id JOIN household h ON h.id = p.household_id
            JOIN building b ON b.id = h.building_id
            WHERE p.ended_on IS NULL AND m.active = 1 AND m.archived_at IS NULL
                AND (:community IS NULL OR m.community_id = :community)""",
        {"community": community_id},
    ).fetchall():
        anchors[member_id].add((grid_id, building_id, unit))
    return anchors


def propose(store: Store, *, community_id: int | None = None, limit: int | None = None) -> list[Proposal]:
    """A member for every unpaired priority household.

    Candidates are members at home in the same unit, else the same building, else the same grid;
    among them the one with the lowest load (counting what is proposed before) wins, and nobody is
    proposed beyond the office's load limit. A household nobody can take gets member_id None.
    """
    cap = load_limit(store) if limit is None else limit
    households = unpaired_priority(store, community_id=community_id)
    if not households:
        return []
    loads = loads_by_member(store, community_id=community_id)
    names = dict(
        store.execute(
            "SELECT id, name FROM member WHERE ? IS NULL OR community_id = ?", [community_id, community_id]
        ).fetchall()
    )
    by_unit: dict[tuple[int, int], set[int]] = defaultdict(set)
    by_building: dict[int, set[int]] = defaultdict(set)
    by_grid: dict[int, set[int]] = defaultdict(set)
    for member_id, places in _anchors(store, community_id).items():
        for grid_id, building_id, unit in places:
            if unit:
                by_unit[(building_id, unit)].add(member_id)
            else:  # a whole-building scope is at home in every unit of it
                by_unit[(building_id, -1)].add(member_id)
            by_building[building_id].add(member_id)
            by_grid[grid_id].add(member_id)
    result = []
    for h in households:
        chosen, nearness = None, None
        for level, candidates in (
            (
                "unit",
                by_unit.get((h["building_id"], h["unit"]), set())
                | by_unit.get((h["building_id"], -1), set()),
            ),
            ("building", by_building.get(h["building_id"], set())),
            ("grid", by_grid.get(h["grid_id"], set())),
        ):
            free = [m for m in candidates if loads.get(m, 0) + 1 <= cap]
            if free:
                chosen = min(free, key=lambda m: (loads.get(m, 0), m))
                nearness = level
                break
        if chosen is not None:
            loads[chosen] = loads.get(chosen, 0) + 1
        result.append(
            Proposal(
                household_id=h["id"],
                building_id=h["building_id"],
                building_name=h["building_name"],
                grid_id=h["grid_id"],
                grid_name=h["grid_name"],
                unit=h["unit"],
                floor=h["floor"],
                room=h["room"],
                head_name=h["head_name"],
                priority_tier=h["priority_tier"],
                member_id=chosen,
                member_name=names.get(chosen, "") if chosen else "",
                nearness=nearness,
                member_load=loads.get(chosen, 0) if chosen else 0,
            )
        )
    return result


def accept_proposals(store: Store, choices: list[tuple[int, int]], *, reason: str = "") -> list[int]:
    """Pair each (household, member) chosen, all in one transaction; returns the new pairing ids."""
    created: list[int] = []
    with store.atomic():
        for household_id, member_id in choices:
            created += pairing.pair_households(
                store, member_id=member_id, household_ids=[household_id], reason=reason
            )
    return created
