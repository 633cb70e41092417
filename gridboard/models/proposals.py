"""Unpaired priority households, each with a proposed member: nearest first, lowest load, under the limit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from gridboard.models import pairing
from gridboard.models.clock import today
from gridboard.models.members import load_limit
from gridboard.models.pairing import COVERED_SQL
from gridboard.models.rules import current_cycles
from gridboard.models.store import Store
from gridboard.models.tallies import coverage as coverage_tally

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


def _anchors(
    store: Store, community_id: int | None, grid_ids: list[int]
) -> dict[int, set[tuple[int, int, int]]]:
    """Places each active member is at home in, within the given grids: (grid, building, unit) of
    their home, their scopes (unit 0 = the whole building) and the households they are paired with.
    Only the grids of the households proposed for are read (a city's community has thousands of
    pairings elsewhere that could never be a candidate)."""
    anchors: dict[int, set[tuple[int, int, int]]] = defaultdict(set)
    if not grid_ids:
        return anchors
    # Few grids (one community's): named; very many (a whole city's): all of them, within SQLite's
    # limit on bound values.
    few = len(grid_ids) <= 500
    params: dict = {f"g{i}": g for i, g in enumerate(grid_ids)} if few else {}
    in_grids = f"b.grid_id IN ({','.join(f':g{i}' for i in range(len(grid_ids)))})" if few else "1"
    serving = "m.active = 1 AND m.archived_at IS NULL"
    if community_id is not None:
        serving += " AND m.community_id = :community"
        params["community"] = community_id
    # Homes from the members (no index leads from a household to who lives there); scopes and
    # pairings from the grids' buildings (CROSS JOIN keeps SQLite to that order).
    for member_id, grid_id, building_id, unit in store.execute(
        f"""SELECT m.id, b.grid_id, h.building_id, h.unit FROM member m
            JOIN household h ON h.id = m.home_household_id JOIN building b ON b.id = h.building_id
            WHERE {serving} AND {in_grids}
        UNION
        SELECT m.id, b.grid_id, s.building_id, coalesce(s.unit, 0) FROM building b
            CROSS JOIN scope s ON s.building_id = b.id AND s.ended_on IS NULL
            CROSS JOIN member m ON m.id = s.member_id
            WHERE {in_grids} AND {serving}
        UNION
        SELECT m.id, b.grid_id, h.building_id, h.unit FROM building b
            CROSS JOIN household h ON h.building_id = b.id
            CROSS JOIN pairing p ON p.household_id = h.id AND p.ended_on IS NULL
            CROSS JOIN member m ON m.id = p.member_id
            WHERE {in_grids} AND {serving}""",
        params,
    ).fetchall():
        anchors[member_id].add((grid_id, building_id, unit))
    return anchors


def _loads(store: Store, member_ids: set[int]) -> dict[int, int]:
    """Lived-in households each of these members covers now (members with none are absent)."""
    if not member_ids:
        return {}
    marks = ",".join(str(int(m)) for m in sorted(member_ids))
    counts = coverage_tally.counts(
        store.db,
        "member",
        current_cycles(store).since(today()),
        subjects=f"SELECT id FROM member WHERE id IN ({marks})",
    )
    return {member_id: c.households for member_id, c in counts.items() if c.households}


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
    by_unit: dict[tuple[int, int], set[int]] = defaultdict(set)
    by_building: dict[int, set[int]] = defaultdict(set)
    by_grid: dict[int, set[int]] = defaultdict(set)
    anchors = _anchors(store, community_id, sorted({h["grid_id"] for h in households}))
    for member_id, places in anchors.items():
        for grid_id, building_id, unit in places:
            if unit:
                by_unit[(building_id, unit)].add(member_id)
            else:  # a whole-building scope is at home in every unit of it
                by_unit[(building_id, -1)].add(member_id)
            by_building[building_id].add(member_id)
            by_grid[grid_id].add(member_id)
    loads = _loads(store, set(anchors))
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
        result.append((h, chosen, nearness, loads.get(chosen, 0) if chosen else 0))
    chosen_ids = sorted({c for _h, c, _n, _l in result if c is not None})
    names = (
        dict(
            store.execute(
                f"SELECT id, name FROM member WHERE id IN ({','.join(str(int(m)) for m in chosen_ids)})"
            ).fetchall()
        )
        if chosen_ids
        else {}
    )
    return [
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
            member_load=load,
        )
        for h, chosen, nearness, load in result
    ]


def accept_proposals(store: Store, choices: list[tuple[int, int]], *, reason: str = "") -> list[int]:
    """Pair each (household, member) chosen, all in one transaction; returns the new pairing ids."""
    created: list[int] = []
    with store.atomic():
        for household_id, member_id in choices:
            created += pairing.pair_households(
                store, member_id=member_id, household_ids=[household_id], reason=reason
            )
    return created
