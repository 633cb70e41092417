"""Unpaired priority households get the nearest member with the lowest load, never over the limit."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from gridboard.models import ledger, proposals, undo
from gridboard.models.opening import open_store
from gridboard.models.settings import set_setting
from gridboard.models.store import Store


def add_priority(small, unit: int, room: str) -> int:
    h = small.household(unit, room)
    ledger.add_resident(small.store, household_id=h, name="孙奶奶", tags=["living_alone"])
    return h


def test_nearest_member_first_then_lowest_load(small) -> None:
    store = small.store
    # 张三 (small.member) lives in unit 1; 李四 in unit 2; 王五 in another building of the grid.
    ledger.update_row(store, "member", small.member, home_household_id=small.household(1, "101"))
    li = ledger.add_member(
        store,
        community_id=small.community,
        name="李四",
        kind="community_member",
        home_household_id=small.household(2, "101"),
    )
    other = ledger.create_building(
        store, rooms="lived_in", grid_id=small.grid, name="4号楼", number=4, floors=2
    )
    wang = ledger.add_member(
        store,
        community_id=small.community,
        name="王五",
        kind="volunteer",
        home_household_id=store.scalar("SELECT id FROM household WHERE building_id = ?", [other]),
    )
    unit1 = add_priority(small, 1, "502")
    unit2 = add_priority(small, 2, "502")
    far = store.scalar("SELECT id FROM household WHERE building_id = ? ORDER BY id DESC", [other])
    ledger.add_resident(store, household_id=far, name="周爷爷", tags=["aged_80"])
    found = {p.household_id: p for p in proposals.propose(store)}
    assert (found[unit1].member_id, found[unit1].nearness) == (small.member, "unit")
    assert (found[unit2].member_id, found[unit2].nearness) == (li, "unit")
    assert (found[far].member_id, found[far].nearness) == (wang, "unit")
    # With no room left for anyone, nobody is proposed.
    set_setting(store, "member_load_limit", 0)
    assert all(p.member_id is None for p in proposals.propose(store))


def test_accept_all_in_one_transaction(small) -> None:
    store = small.store
    ledger.update_row(store, "member", small.member, home_household_id=small.household(1, "101"))
    wanted = [add_priority(small, 1, room) for room in ("201", "301", "401")]
    found = proposals.propose(store)
    assert {p.household_id for p in found} == set(wanted)
    accepted = undo.run(
        store, "Accept", proposals.accept_proposals, [(p.household_id, p.member_id) for p in found]
    )
    assert len(accepted.result) == 3
    assert proposals.unpaired_priority(store) == []
    accepted.step.undo(store)
    assert len(proposals.unpaired_priority(store)) == 3


_EMPTY: list[Store] = []


def _fresh() -> Store:
    """A migrated in-memory file, copied from one made once (migrating each time is slow)."""
    if not _EMPTY:
        _EMPTY.append(open_store(None, operator="tester"))
    conn = sqlite3.connect(":memory:")
    _EMPTY[0].conn.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return Store(Database(conn), None, "tester")


def _community(homes, priority):
    """A fresh small community: 3号楼 (2 units) and 4号楼 (1 unit), members living at `homes`."""
    store = _fresh()
    community = ledger.create_community(store, name="幸福社区")
    grid = ledger.create_grid(store, community_id=community, name="第一网格")
    buildings = [
        ledger.create_building(
            store,
            rooms="lived_in",
            grid_id=grid,
            name="3号楼",
            number=3,
            units=2,
            floors=3,
            rooms_per_floor=2,
        ),
        ledger.create_building(
            store,
            rooms="lived_in",
            grid_id=grid,
            name="4号楼",
            number=4,
            units=1,
            floors=3,
            rooms_per_floor=2,
        ),
    ]

    def household(place):
        b, u, room = place
        return store.scalar(
            "SELECT id FROM household WHERE building_id = ? AND unit = ? AND room = ?",
            [buildings[b], u, room],
        )

    where = {}
    for i, place in enumerate(homes):
        m = ledger.add_member(
            store,
            community_id=community,
            name=f"党员{i}",
            kind="community_member",
            home_household_id=household(place),
        )
        where[m] = (buildings[place[0]], place[1])
    targets = {}
    for place in priority:
        h = household(place)
        ledger.add_resident(store, household_id=h, name="孙奶奶", tags=["living_alone"])
        targets[h] = (buildings[place[0]], place[1])
    return store, where, targets


PLACES = st.sampled_from([(0, 1), (0, 2), (1, 1)])
ROOMS = st.sampled_from(["101", "102", "201", "202", "301", "302"])


@settings(max_examples=30, deadline=None)
@given(
    homes=st.lists(st.builds(lambda p, r: (*p, r), PLACES, ROOMS), min_size=0, max_size=5),
    priority=st.lists(st.builds(lambda p, r: (*p, r), PLACES, ROOMS), min_size=1, max_size=12, unique=True),
    limit=st.integers(0, 4),
)
def test_proposals_never_exceed_the_limit_and_prefer_the_nearest(homes, priority, limit) -> None:
    store, where, targets = _community(homes, priority)
    set_setting(store, "member_load_limit", limit)
    loads = dict.fromkeys(where, 0)
    for p in proposals.propose(store):
        building, unit = targets[p.household_id]
        free = [m for m in where if loads[m] < limit]
        levels = {
            "unit": [m for m in free if where[m] == (building, unit)],
            "building": [m for m in free if where[m][0] == building],
            "grid": free,
        }
        nearest = next((level for level in ("unit", "building", "grid") if levels[level]), None)
        assert p.nearness == nearest
        if nearest is None:
            assert p.member_id is None
            continue
        assert p.member_id in levels[nearest]
        assert loads[p.member_id] == min(loads[m] for m in levels[nearest])
        loads[p.member_id] += 1
        assert loads[p.member_id] <= limit
        assert p.member_load == loads[p.member_id]
    store.close()
