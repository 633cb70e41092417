"""Pairings and scopes: every form, history kept, reassignment in one step, member loads."""

from __future__ import annotations

from datetime import date

import pytest

from gridboard.models import ledger, members, pairing, teams, undo
from gridboard.models.errors import InvalidInput
from gridboard.models.pairing import COVERED_SQL


def covered(store, household_id: int) -> bool:
    return bool(store.scalar(f"SELECT {COVERED_SQL} FROM household h WHERE h.id = ?", [household_id]))


def test_a_unit_scope_covers_households_added_to_it_later(small) -> None:
    store = small.store
    scope_id = pairing.give_scope(store, member_id=small.member, building_id=small.building, unit=2)
    assert all(covered(store, h) for h in pairing.member_household_ids(store, small.member))
    assert len(pairing.member_household_ids(store, small.member)) == 12
    later = ledger.add_household(store, building_id=small.building, unit=2, floor=7, room="701")
    elsewhere = ledger.add_household(store, building_id=small.building, unit=1, floor=7, room="701")
    assert covered(store, later) and not covered(store, elsewhere)
    assert later in pairing.member_household_ids(store, small.member)
    assert store.scalar("SELECT count(*) FROM scope") == 1 and scope_id


def test_floor_and_building_scopes(small) -> None:
    store = small.store
    pairing.give_scope(store, member_id=small.member, building_id=small.building, floor=3)
    assert len(pairing.member_household_ids(store, small.member)) == 4  # 2 units × 2 rooms
    other = ledger.add_member(store, community_id=small.community, name="李四", kind="building_head")
    pairing.give_scope(store, member_id=other, building_id=small.building)
    assert len(pairing.member_household_ids(store, other)) == 24
    with pytest.raises(InvalidInput):
        pairing.give_scope(store, member_id=other, building_id=small.building)
    with pytest.raises(InvalidInput):
        pairing.give_scope(store, member_id=other, building_id=small.building, unit=9)


def test_modes_are_chosen_from_the_shape_of_the_pairing(small) -> None:
    store = small.store
    a, b = small.household(1, "101"), small.household(1, "102")
    two = ledger.add_member(store, community_id=small.community, name="李四", kind="in_service")
    [first] = pairing.pair_households(store, member_id=small.member, household_ids=[a])
    [second] = pairing.pair_households(store, member_id=two, household_ids=[a])
    several = pairing.pair_households(store, member_id=two, household_ids=[a, b])
    modes = dict(store.execute("SELECT id, mode FROM pairing").fetchall())
    # The first pairing follows: its household has two members now (issue 18).
    assert modes[first] == "N+1" and modes[second] == "N+1"
    assert len(several) == 1 and modes[several[0]] == "1+N"  # already paired with a: skipped


def test_ending_a_pairing_keeps_its_history(small) -> None:
    store = small.store
    h = small.household(1, "502")
    [pid] = pairing.pair_households(store, member_id=small.member, household_ids=[h])
    ended = undo.run(store, "End", pairing.end_pairing, pid, reason="moved away", ended_on=date(2026, 1, 5))
    assert not covered(store, h)
    rows = pairing.member_pairings(store, small.member)
    assert [(r.id, r.ended_on, r.end_reason) for r in rows] == [(pid, "2026-01-05", "moved away")]
    assert pairing.household_pairings(store, h)[0].member_name == "张三"
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'pairing' AND action = 'end'") == 1
    with pytest.raises(InvalidInput):
        pairing.end_pairing(store, pid)
    ended.step.undo(store)
    assert covered(store, h)


def test_reassignment_moves_every_active_pairing_and_scope(small) -> None:
    store = small.store
    leaving = small.member
    taking = ledger.add_member(store, community_id=small.community, name="王五", kind="community_member")
    pairing.pair_households(
        store, member_id=leaving, household_ids=[small.household(1, "101"), small.household(1, "102")]
    )
    pairing.give_scope(store, member_id=leaving, building_id=small.building, unit=2, floor=4)
    # already taken over by the other member: only the old row ends
    pairing.pair_households(store, member_id=taking, household_ids=[small.household(1, "101")])
    [old_ended] = pairing.pair_households(store, member_id=leaving, household_ids=[small.household(1, "201")])
    pairing.end_pairing(store, old_ended, reason="earlier")
    before = set(pairing.member_household_ids(store, leaving))

    reassigned = undo.run(
        store,
        "Hand over",
        pairing.reassign_member,
        from_member_id=leaving,
        to_member_id=taking,
        reason="moved away",
    )
    done = reassigned.result

    assert pairing.member_household_ids(store, leaving) == []
    assert before <= set(pairing.member_household_ids(store, taking))
    assert len(done.ended_pairings) == 2 and len(done.new_pairings) == 1
    assert len(done.ended_scopes) == 1 and len(done.new_scopes) == 1
    history = pairing.member_pairings(store, leaving)
    assert len(history) == 4 and all(r.ended_on for r in history)
    assert {r.end_reason for r in history} == {"moved away", "earlier"}

    reassigned.step.undo(store)
    assert set(pairing.member_household_ids(store, leaving)) == before
    assert set(pairing.member_household_ids(store, taking)) == {small.household(1, "101")}


def test_reassign_to_an_inactive_member_is_refused(small) -> None:
    store = small.store
    gone = ledger.add_member(store, community_id=small.community, name="赵六", kind="volunteer", active=False)
    with pytest.raises(InvalidInput):
        pairing.reassign_member(store, from_member_id=small.member, to_member_id=gone)
    with pytest.raises(InvalidInput):
        pairing.pair_households(store, member_id=gone, household_ids=[small.household(1, "101")])


def test_member_loads_count_pairings_and_scopes_once_and_warn_over_the_limit(small) -> None:
    store = small.store
    from gridboard.models.settings import set_setting

    set_setting(store, "member_load_limit", 10)
    ledger.add_resident(store, household_id=small.household(2, "301"), name="刘奶奶", tags=["living_alone"])
    pairing.give_scope(store, member_id=small.member, building_id=small.building, unit=2)
    pairing.pair_households(
        store, member_id=small.member, household_ids=[small.household(2, "301"), small.household(1, "101")]
    )
    ledger.update_household(store, small.household(2, "601"), occupancy="vacant")
    [load] = members.member_loads(store)
    assert load.households == 12  # 12 in unit 2 (one vacant) + 1 paired in unit 1, 301 counted once
    assert load.priority == 1 and load.over_limit
    from gridboard.models.rules import member_coverage

    assert member_coverage(store, small.member).households == load.households


def test_mask_phone() -> None:
    from gridboard.models.masking import mask_phone

    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("") == ""


def test_grid_team_single_roles_hand_over_and_undo(small) -> None:
    store = small.store
    other = ledger.add_member(store, community_id=small.community, name="李四", kind="grid_worker")
    first = teams.assign_role(store, grid_id=small.grid, role="grid_worker", member_id=small.member)
    second = undo.run(
        store, "Assign", teams.assign_role, grid_id=small.grid, role="grid_worker", member_id=other
    )
    assert second.result.ended == (first.new_id,)
    teams.assign_role(store, grid_id=small.grid, role="assistant", member_id=small.member)
    teams.assign_role(store, grid_id=small.grid, role="assistant", member_id=other)
    teams.assign_role(
        store, grid_id=small.grid, role="unit_head", member_id=other, building_id=small.building, unit=2
    )
    team = teams.grid_team(store, small.grid)
    assert [(r.role, r.member_name) for r in team] == [
        ("grid_worker", "李四"),
        ("assistant", "张三"),
        ("assistant", "李四"),
        ("unit_head", "李四"),
    ]
    second.step.undo(store)
    assert next((r.role, r.member_name) for r in teams.grid_team(store, small.grid)) == (
        "grid_worker",
        "张三",
    )
    with pytest.raises(InvalidInput):
        teams.assign_role(
            store, grid_id=small.grid, role="unit_head", member_id=other, building_id=small.building
        )
