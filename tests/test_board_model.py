"""The board's queries and actions, without Qt: tree counts, a building's cells, a household in full."""

from __future__ import annotations

import pytest
from conftest import Small

from gridboard.models import board, ledger, pairing, requests, rules, visits
from gridboard.models.errors import InvalidInput


def test_surname_and_markers() -> None:
    assert board.surname("王建国") == "王"
    assert board.surname("欧阳娜娜") == "欧阳"
    assert board.surname("  ") == ""
    assert board.sort_markers("困独困病") == "独病困"


def test_area_nodes_list_parents_before_children(small: Small) -> None:
    nodes = board.area_nodes(small.store)
    assert [(n.level, n.id) for n in nodes] == [
        ("community", small.community),
        ("grid", small.grid),
        ("building", small.building),
    ]
    assert nodes[2].parent_id == small.grid and nodes[1].parent_id == small.community


def test_building_counts_follow_visits(small: Small) -> None:
    store = small.store
    counts = board.building_counts(store)[small.building]
    assert (counts.households, counts.overdue, counts.visited_in_cycle) == (24, 24, 0)
    household = small.household(1, "502")
    ledger.set_resident_tags(
        store, ledger.add_resident(store, household_id=household, name="李桂兰"), ["living_alone"]
    )
    assert board.building_counts(store)[small.building].priority_overdue == 1
    visit = visits.log_visit(store, household_id=household, member_ids=[small.member])
    only = board.building_counts(store, [small.building])
    assert list(only) == [small.building]
    assert (only[small.building].overdue, only[small.building].visited_in_cycle) == (23, 1)
    assert only[small.building].priority_overdue == 0
    visits.withdraw_visit(store, visit, reason="mistake")
    assert board.building_counts(store, [small.building])[small.building].overdue == 24
    assert board.building_counts(store, []) == {}


def test_building_cells_carry_status_markers_requests_and_members(small: Small) -> None:
    store = small.store
    cells = board.building_cells(store, small.building)
    assert len(cells) == 24
    assert {c.status for c in cells} == {"not_paired"}
    # Top-left is unit 1, floor 1 first: the order the map lays them out in.
    assert [(c.unit, c.floor, c.room) for c in cells[:3]] == [(1, 1, "101"), (1, 1, "102"), (1, 2, "201")]

    household = small.household(2, "301")
    pairing.pair_member(store, member_id=small.member, household_id=household)
    other = ledger.add_member(store, community_id=small.community, name="李四", kind="building_head")
    pairing.add_scope(store, member_id=other, building_id=small.building, floor=3)
    ledger.update_household(store, household, head_name="欧阳娜娜")
    resident = ledger.add_resident(store, household_id=household, name="欧阳娜娜")
    ledger.set_resident_tags(store, resident, ["dibao", "disabled", "chronic"])
    requests.raise_request(store, household_id=household, category="repairs", text="水管漏水")

    (cell,) = board.cells(store, [household])
    assert cell.status == "never_visited"
    assert cell.surname == "欧阳"
    assert cell.markers == "残病困"
    assert cell.open_requests == 1
    assert cell.member_ids == (small.member, other)
    assert cell.priority_tier == 2

    visits.log_visit(store, household_id=household, member_ids=[small.member])
    (cell,) = board.cells(store, [household])
    assert cell.status == "ok"
    # The scope covers the whole third floor, so its other households are paired too.
    floor3 = [c for c in board.building_cells(store, small.building) if c.floor == 3]
    assert all(other in c.member_ids for c in floor3)
    assert board.cells(store, []) == []


def test_household_detail_shows_residents_pairings_visits_requests(small: Small) -> None:
    store = small.store
    household = small.household(1, "101")
    ledger.update_household(store, household, head_name="王建国", phone="13812345678", people=2)
    ledger.add_resident(store, household_id=household, name="王建国", birth_year=1941, tags=["aged_80"])
    first = pairing.pair_member(store, member_id=small.member, household_id=household)
    pairing.end_pairing(store, first, reason="moved away")
    second_member = ledger.add_member(store, community_id=small.community, name="赵六", kind="cadre")
    pairing.pair_member(store, member_id=second_member, household_id=household)
    kept = visits.log_visit(store, household_id=household, visited_at="2026-01-05 10:00:00", method="phone")
    gone = visits.log_visit(store, household_id=household, visited_at="2026-01-06 10:00:00")
    visits.withdraw_visit(store, gone, reason="typo")
    requests.raise_request(store, household_id=household, category="medicine", text="降压药")

    detail = board.household_detail(store, household)
    assert (detail.building_name, detail.unit, detail.room) == ("3号楼", 1, "101")
    assert detail.residents[0].tags == ("aged_80",)
    assert [p.member_name for p in detail.pairings] == ["赵六"]  # current ones only
    history = board.pairing_history(store, household)
    assert [p.member_name for p in history] == ["赵六", "张三"]
    assert history[0].ended_on is None and history[1].end_reason == "moved away"
    assert [v.id for v in detail.visits] == [gone, kept]
    assert detail.visits[0].withdrawn_at is not None
    assert [(r.category, r.text) for r in detail.requests] == [("medicine", "降压药")]
    assert detail.status == "overdue"  # January is long past a 30-day cycle


def test_set_building_position_is_audited_and_noted(small: Small) -> None:
    store = small.store
    assert board.set_building_position(store, small.building, x=120.0, y=40.0) == (None, None)
    assert board.set_building_position(store, small.building, x=200.0, y=80.0) == (120.0, 40.0)
    blocks = board.grid_blocks(store, small.grid)
    assert (blocks[0].plan_x, blocks[0].plan_y) == (200.0, 80.0)
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'place'") == 2
    changes = store.take_changes()
    assert small.building in changes.buildings and small.grid in changes.grids


def test_visit_defaults_come_from_pairing_and_last_visit(small: Small) -> None:
    store = small.store
    household = small.household(1, "201")
    defaults = board.visit_defaults(store, household)
    assert (defaults.member_ids, defaults.method, defaults.outcome) == ((), "in_person", "met")
    pairing.pair_member(store, member_id=small.member, household_id=household)
    visits.log_visit(store, household_id=household, method="phone", outcome="nobody_home")
    defaults = board.visit_defaults(store, household)
    assert (defaults.member_ids, defaults.method, defaults.outcome) == (
        (small.member,),
        "phone",
        "nobody_home",
    )


def test_log_visit_with_requests_is_one_transaction(small: Small) -> None:
    store = small.store
    household = small.household(2, "601")
    visit_id = board.log_visit_with_requests(
        store,
        household_id=household,
        member_ids=[small.member],
        new_requests=[
            board.RequestDraft("repairs", "楼道灯坏了"),
            board.RequestDraft("medicine", "代购药品", "urgent"),
        ],
    )
    rows = store.query("SELECT category, urgency, visit_id, source FROM request ORDER BY id")
    assert [tuple(r) for r in rows] == [
        ("repairs", "normal", visit_id, "visit"),
        ("medicine", "urgent", visit_id, "visit"),
    ]
    assert board.cells(store, [household])[0].open_requests == 2

    with pytest.raises(InvalidInput):
        board.log_visit_with_requests(
            store,
            household_id=household,
            new_requests=[board.RequestDraft("repairs"), board.RequestDraft("x")],
        )
    with pytest.raises(InvalidInput):  # a bad visit (in the future) leaves no request behind
        board.log_visit_with_requests(
            store,
            household_id=household,
            visited_at="2999-01-01 10:00:00",
            new_requests=[board.RequestDraft("repairs")],
        )
    assert store.scalar("SELECT count(*) FROM visit") == 1
    assert store.scalar("SELECT count(*) FROM request") == 2


def test_member_choices_are_active_members_of_the_community(small: Small) -> None:
    store = small.store
    ledger.add_member(store, community_id=small.community, name="退休", kind="volunteer", active=False)
    assert board.member_choices(store, small.community) == [(small.member, "张三")]


def test_building_counts_agree_with_the_rules_coverage(small: Small) -> None:
    """The tree's fast counts and rules.coverage are the same rule, across tiers and dates."""
    from datetime import date, timedelta

    store = small.store
    today = date.today()
    ids = [c.id for c in board.building_cells(store, small.building)]
    tags = (["living_alone"], ["aged_80"], [])
    for n, household in enumerate(ids):
        if n % 5 == 4:
            ledger.update_household(store, household, occupancy="vacant")
        resident = ledger.add_resident(store, household_id=household, name=f"居民{n}")
        ledger.set_resident_tags(store, resident, tags[n % 3])
        if n % 4:
            days_ago = (0, 6, 7, 8, 29, 30, 31, 89, 90, 91, 200)[n % 11]
            visits.log_visit(
                store,
                household_id=household,
                visited_at=f"{(today - timedelta(days=days_ago)).isoformat()} 09:30:00",
                outcome="nobody_home" if n % 7 == 0 else "met",
            )
    fast = board.building_counts(store)[small.building]
    (rule,) = rules.coverage(store, "building")
    assert (fast.households, fast.overdue, fast.priority_overdue, fast.visited_in_cycle) == (
        rule.households,
        rule.overdue,
        rule.priority_overdue,
        rule.visited_in_cycle,
    )
    assert 0 < fast.overdue < fast.households and fast.visited_in_cycle > 0


def test_template_rooms_are_not_surveyed_until_a_household_is_entered(db) -> None:
    """A new building's rooms start vacant (never "overdue"); entering someone makes them lived in."""
    community = ledger.create_community(db, name="新社区")
    grid = ledger.create_grid(db, community_id=community, name="一网格")
    building = ledger.create_building(
        db, grid_id=grid, name="新楼", number=1, units=1, floors=3, rooms_per_floor=2
    )
    rows = db.query("SELECT id, occupancy FROM household WHERE building_id = ? ORDER BY id", [building])
    assert {r["occupancy"] for r in rows} == {"vacant"}
    first, second = rows[0]["id"], rows[1]["id"]
    ledger.add_resident(db, household_id=first, name="李堃")
    ledger.update_household(db, second, head_name="王喆")
    assert db.scalar("SELECT occupancy FROM household WHERE id = ?", [first]) == "lived_in"
    assert db.scalar("SELECT occupancy FROM household WHERE id = ?", [second]) == "lived_in"
    assert (
        db.scalar("SELECT count(*) FROM household WHERE building_id = ? AND occupancy = 'vacant'", [building])
        == 4
    )
