"""The members list's reading (issue 15): sorted keys cached while the file is unchanged, and never
stale after a change made here, by another connection, or under another operator's grid views."""

from __future__ import annotations

from conftest import Small

from gridboard.models import ledger, members, pairing, records
from gridboard.models.opening import open_store

BY_NAME = members.MemberQuery(sort="name", descending=False)


def test_a_cached_reading_follows_every_change(small: Small) -> None:
    store = small.store
    for name in ("赵六", "钱七", "孙八"):
        ledger.add_member(store, community_id=small.community, name=name, kind="volunteer")
    first = members.member_ids(store, BY_NAME).ids
    names = dict(store.execute("SELECT id, name FROM member").fetchall())
    assert first == sorted(names, key=lambda i: (names[i], i))
    assert members.member_ids(store, BY_NAME).ids == first  # read again unchanged
    # A change on this connection.
    added = ledger.add_member(store, community_id=small.community, name="阿九", kind="volunteer")
    again = members.member_ids(store, BY_NAME).ids
    names = dict(store.execute("SELECT id, name FROM member").fetchall())
    assert again == sorted(names, key=lambda i: (names[i], i)) and added in again
    # A change committed by another connection (the window's, while a worker reads).
    other = open_store(store.path, check="none", operator="tester")
    try:
        records.update(other, "member", added, {"active": 0})
    finally:
        other.close()
    assert added not in members.member_ids(store, BY_NAME).ids
    # Loads: a pairing changes the households sort's keys.
    before = {m.id: m.households for m in members.member_loads(store)}
    target = min(before, key=lambda i: (before[i], i))
    members.member_ids(store, members.MemberQuery())
    pairing.pair_households(store, member_id=target, household_ids=[small.household(1, "101")])
    loads = {m.id: m.households for m in members.member_loads(store)}
    assert loads[target] == before[target] + 1
    ordered = members.member_ids(store, members.MemberQuery()).ids
    by_name = sorted(loads, key=lambda i: (names[i], i))
    assert ordered == sorted(by_name, key=lambda i: -loads[i])
