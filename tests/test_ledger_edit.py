"""Editing the ledger: rooms adjusted, merged and added; moving out and in; removing archives."""

from __future__ import annotations

import pytest

from gridboard.models import ledger, pairing, undo
from gridboard.models.errors import InvalidInput


def test_edit_and_undo_a_household(small) -> None:
    store = small.store
    h = small.household(1, "502")
    old = ledger.update_household_checked(store, h, head_name="刘备", people=3, room="502A")
    assert old == {"head_name": "", "people": 0, "room": "502"}
    with pytest.raises(InvalidInput):
        ledger.update_household_checked(store, small.household(1, "501"), room="502A")
    ledger.update_household(store, h, **old)
    assert store.one("SELECT room, head_name FROM household WHERE id = ?", [h])["room"] == "502"


def test_move_out_makes_a_household_vacant_and_move_in_fills_it(small) -> None:
    store = small.store
    h = small.household(2, "301")
    ledger.add_resident(store, household_id=h, name="孙奶奶", tags=["living_alone"])
    ledger.update_household(store, h, head_name="孙奶奶", people=1)
    out = undo.run(store, "Move out", ledger.move_out, h)
    row = store.one("SELECT * FROM household WHERE id = ?", [h])
    assert row["occupancy"] == "vacant" and row["priority_tier"] == 0 and row["people"] == 0
    assert store.scalar("SELECT moved_out_at IS NOT NULL FROM resident WHERE household_id = ?", [h])
    came = undo.run(
        store,
        "Move in",
        ledger.move_in,
        h,
        residents=[
            ledger.NewResident("周强", phone="13500001234"),
            ledger.NewResident("周小宝", tags=("left_behind",)),
        ],
    )
    row = store.one("SELECT * FROM household WHERE id = ?", [h])
    assert (row["occupancy"], row["head_name"], row["people"], row["priority_tier"]) == (
        "lived_in",
        "周强",
        2,
        1,
    )
    came.step.undo(store)
    out.step.undo(store)
    row = store.one("SELECT * FROM household WHERE id = ?", [h])
    assert (row["occupancy"], row["head_name"], row["people"], row["priority_tier"]) == (
        "lived_in",
        "孙奶奶",
        1,
        2,
    )


def test_merge_rooms_and_undo(small) -> None:
    store = small.store
    a, b = small.household(1, "601"), small.household(1, "602")
    ledger.add_resident(store, household_id=b, name="钱多多")
    [pid] = pairing.pair_households(store, member_id=small.member, household_ids=[b])
    done = undo.run(store, "Merge rooms", ledger.merge_rooms, [a, b], room="601-602")
    assert store.scalar("SELECT archived_at IS NOT NULL FROM household WHERE id = ?", [b])
    assert store.scalar("SELECT household_id FROM resident WHERE name = '钱多多'") == a
    assert store.scalar("SELECT end_reason FROM pairing WHERE id = ?", [pid]) == "merged"
    assert store.scalar("SELECT room FROM household WHERE id = ?", [a]) == "601-602"
    done.step.undo(store)
    assert store.scalar("SELECT archived_at FROM household WHERE id = ?", [b]) is None
    assert store.scalar("SELECT household_id FROM resident WHERE name = '钱多多'") == b
    assert store.scalar("SELECT ended_on FROM pairing WHERE id = ?", [pid]) is None
    assert store.scalar("SELECT room FROM household WHERE id = ?", [a]) == "601"
    with pytest.raises(InvalidInput):
        ledger.merge_rooms(store, [a, small.household(2, "601")])


def test_removing_archives_and_a_covering_member_must_hand_over_first(small) -> None:
    store = small.store
    pairing.give_scope(store, member_id=small.member, building_id=small.building, unit=1)
    with pytest.raises(InvalidInput):
        ledger.archive(store, "member", small.member)
    archived = undo.run(store, "Remove", ledger.archive, "building", small.building)
    assert len(archived.result) == 25
    assert store.scalar("SELECT count(*) FROM household WHERE archived_at IS NULL") == 0
    assert store.scalar("SELECT count(*) FROM household") == 24  # nothing deleted
    archived.step.undo(store)
    assert store.scalar("SELECT count(*) FROM household WHERE archived_at IS NULL") == 24


def test_edit_rows_and_refuse_unknown_fields(small) -> None:
    store = small.store
    assert ledger.update_row(store, "grid", small.grid, name="第二网格") == {"name": "第一网格"}
    assert ledger.update_row(store, "member", small.member, kind="in_service", work_unit="市税务局") == {
        "kind": "community_member",
        "work_unit": "",
    }
    with pytest.raises(InvalidInput):
        ledger.update_row(store, "member", small.member, community_id=3)
    with pytest.raises(InvalidInput):
        ledger.update_row(store, "grid", small.grid, name="  ")
