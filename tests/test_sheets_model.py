"""Printed sheets in the model: walking order, numbers, and entering a returned sheet exactly once."""

from __future__ import annotations

from datetime import date

import pytest

from gridboard.models import ledger, pairing, requests, rules, sheets, visits
from gridboard.models.errors import InvalidInput


def _rooms(rows: list[sheets.SheetRow]) -> list[str]:
    return [f"{r.unit}-{r.room}" for r in rows]


def test_mask_phone() -> None:
    from gridboard.models.masking import mask_phone

    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("138 1234 1234") == "138****1234"
    assert mask_phone("0936-8123456") == "0936-*****56"
    assert mask_phone("") == ""


def test_normalise_sheet_no() -> None:
    assert sheets.normalise_sheet_no(" ２６１１２７－００３ ") == "261127-003"
    assert sheets.normalise_sheet_no("gridboard:sheet:261127-003\n") == "261127-003"


def test_member_sheet_walks_building_unit_floor_room(small) -> None:
    store = small.store
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=2)
    pairing.pair_member(store, member_id=small.member, household_id=small.household(1, "302"))
    pairing.pair_member(store, member_id=small.member, household_id=small.household(1, "101"))
    up = sheets.member_households(store, small.member, floor_order="bottom")
    assert _rooms(up) == ["1-101", "1-302"] + [f"2-{f}0{r}" for f in range(1, 7) for r in (1, 2)]
    down = sheets.member_households(store, small.member, floor_order="top")
    assert _rooms(down) == ["1-302", "1-101"] + [f"2-{f}0{r}" for f in range(6, 0, -1) for r in (1, 2)]
    assert [r.position for r in down] == list(range(1, len(down) + 1))
    assert down[0].address == "3号楼1单元302"


def test_rows_carry_tags_last_visit_and_open_requests(small) -> None:
    store = small.store
    h = small.household(1, "502")
    ledger.update_household(store, h, head_name="李桂兰", phone="13812341234")
    ledger.add_resident(store, household_id=h, name="李桂兰", tags=["living_alone", "chronic"])
    pairing.pair_member(store, member_id=small.member, household_id=h)
    visits.log_visit(store, household_id=h, visited_at="2026-01-05 10:00:00", outcome="nobody_home")
    requests.raise_request(store, household_id=h, category="repairs", text="水管漏水")
    (row,) = sheets.member_households(store, small.member)
    assert row.head_name == "李桂兰"
    assert set(row.tags) == {"独居老人", "慢性病"}
    assert row.last_visit_at.startswith("2026-01-05") and row.last_outcome == "nobody_home"
    assert row.open_requests == ("repairs",)


def test_building_sheet_lists_every_household_vacant_too(small) -> None:
    store = small.store
    ledger.update_household(store, small.household(2, "602"), occupancy="vacant")
    sheet = sheets.building_sheet(store, small.building, floor_order="top")
    assert len(sheet.rows) == 24
    assert _rooms(sheet.rows)[:3] == ["1-601", "1-602", "1-501"]
    assert sheet.info.building_name == "3号楼" and sheet.info.community_name == "幸福社区"
    # A member's visit sheet leaves vacant homes out.
    pairing.add_scope(store, member_id=small.member, building_id=small.building)
    assert len(sheets.member_households(store, small.member)) == 23


def test_grid_sheets_by_member_and_by_building(small) -> None:
    store = small.store
    other = ledger.add_member(store, community_id=small.community, name="阿福", kind="volunteer")
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=1)
    pairing.add_scope(store, member_id=other, building_id=small.building, unit=2, floor=3)
    by_member = sheets.grid_sheets(store, small.grid, by="member")
    # Pinyin order: 阿福 (a fu) before 张三 (zhang san).
    assert [s.info.member_name for s in by_member] == ["阿福", "张三"]
    assert [len(s.rows) for s in by_member] == [2, 12]
    by_building = sheets.grid_sheets(store, small.grid, by="building")
    assert [s.info.building_name for s in by_building] == ["3号楼"]


def test_record_numbers_sheets_and_enter_once(small) -> None:
    store = small.store
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=1)
    day = date(2026, 3, 9)
    first, second = sheets.record_sheets(
        store,
        [sheets.member_sheet(store, small.member), sheets.building_sheet(store, small.building)],
        day=day,
    )
    assert (first.info.sheet_no, second.info.sheet_no) == ("260309-001", "260309-002")
    (third,) = sheets.record_sheets(store, [sheets.member_sheet(store, small.member)], day=day)
    assert third.info.sheet_no == "260309-003"

    loaded = sheets.load_sheet(store, "２６０３０９－００１")
    assert [r.household_id for r in loaded.rows] == [r.household_id for r in first.rows]
    assert loaded.info.member_name == "张三" and loaded.entered == 0

    entries = [
        sheets.RowEntry(position=1, outcome="met", visited_at="2026-03-10", note="身体好"),
        sheets.RowEntry(position=2, outcome="nobody_home", method="phone", visited_at="2026-03-10"),
    ]
    visit_ids = sheets.enter_returned_sheet(store, sheet_no="260309-001", entries=entries)
    assert len(visit_ids) == 2
    visit = visits.household_visits(store, first.rows[0].household_id)[0]
    assert (visit.source, visit.sheet_no, visit.member_ids, visit.note) == (
        "paper",
        "260309-001",
        (small.member,),
        "身体好",
    )
    assert sheets.load_sheet(store, "260309-001").entered == 2

    before = store.scalar("SELECT count(*) FROM visit")
    with pytest.raises(InvalidInput) as refused:
        sheets.enter_returned_sheet(
            store,
            sheet_no="260309-001",
            entries=[sheets.RowEntry(position=3, outcome="met"), sheets.RowEntry(position=2, outcome="met")],
        )
    assert refused.value.params["rows"] == "2"
    assert store.scalar("SELECT count(*) FROM visit") == before  # all or nothing

    # A withdrawn visit frees its row for the correction.
    visits.withdraw_visit(store, visit_ids[1], reason="wrong row")
    sheets.enter_returned_sheet(
        store, sheet_no="260309-001", entries=[sheets.RowEntry(position=2, outcome="met")]
    )
    assert sheets.load_sheet(store, "260309-001").entered == 2


def test_entered_visits_change_the_household_status(small) -> None:
    store = small.store
    pairing.add_scope(store, member_id=small.member, building_id=small.building)
    (sheet,) = sheets.record_sheets(store, [sheets.building_sheet(store, small.building)])
    target = sheet.rows[0].household_id

    def status() -> str:
        params = {"id": target, **rules.rule_params(rules.current_cycles(store))}
        return store.scalar(f"SELECT {rules.status_sql()} FROM household h WHERE h.id = :id", params)

    assert status() == "never_visited"
    sheets.enter_returned_sheet(
        store,
        sheet_no=sheet.info.sheet_no,
        entries=[sheets.RowEntry(position=1, outcome="met")],
        member_ids=[small.member],
    )
    assert status() == "ok"


def test_refusals(small) -> None:
    store = small.store
    with pytest.raises(InvalidInput):
        sheets.load_sheet(store, "999999-001")
    (sheet,) = sheets.record_sheets(store, [sheets.building_sheet(store, small.building)])
    with pytest.raises(InvalidInput):
        sheets.enter_returned_sheet(store, sheet_no=sheet.info.sheet_no, entries=[sheets.RowEntry(99, "met")])
    with pytest.raises(InvalidInput):
        sheets.enter_returned_sheet(
            store,
            sheet_no=sheet.info.sheet_no,
            entries=[sheets.RowEntry(1, "met"), sheets.RowEntry(1, "met")],
        )
    with pytest.raises(InvalidInput):
        sheets.enter_returned_sheet(
            store, sheet_no=sheet.info.sheet_no, entries=[sheets.RowEntry(1, "maybe")]
        )
    with pytest.raises(InvalidInput):
        sheets.walking_order_sql("sideways")
    assert store.scalar("SELECT count(*) FROM visit") == 0


def test_discard_unprinted_keeps_entered_sheets(small) -> None:
    store = small.store
    a, b = sheets.record_sheets(
        store, [sheets.building_sheet(store, small.building), sheets.building_sheet(store, small.building)]
    )
    sheets.enter_returned_sheet(
        store, sheet_no=b.info.sheet_no, entries=[sheets.RowEntry(1, "met")], member_ids=[]
    )
    sheets.discard_unprinted(store, [a.info.sheet_no, b.info.sheet_no])
    assert [r[0] for r in store.execute("SELECT sheet_no FROM printed_sheet")] == [b.info.sheet_no]


def test_unit_contacts(small) -> None:
    from gridboard.models import teams

    store = small.store
    worker = ledger.add_member(
        store, community_id=small.community, name="王网格", kind="grid_worker", phone="13900001111"
    )
    head = ledger.add_member(
        store, community_id=small.community, name="赵单元", kind="unit_head", phone="13900002222"
    )
    teams.assign_role(store, grid_id=small.grid, role="grid_worker", member_id=worker)
    teams.assign_role(
        store, grid_id=small.grid, role="unit_head", member_id=head, building_id=small.building, unit=2
    )
    pairing.pair_member(store, member_id=small.member, household_id=small.household(2, "502"))
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=2, floor=1)
    unit1 = sheets.unit_contacts(store, small.building, 1)
    assert [(c.role, c.name) for c in unit1.contacts] == [("grid_worker", "王网格")]
    unit2 = sheets.unit_contacts(store, small.building, 2)
    assert [(c.role, c.name) for c in unit2.contacts] == [
        ("grid_worker", "王网格"),
        ("unit_head", "赵单元"),
        ("paired", "张三"),
    ]
    assert unit2.contacts[-1].rooms == ("101", "102", "502")
    assert unit2.hotline == "0936-12345"
    assert sheets.building_units(store, small.building) == [1, 2]
    # A unit head also paired in the unit is listed once, with the rooms.
    pairing.pair_member(store, member_id=head, household_id=small.household(2, "601"))
    contacts = sheets.unit_contacts(store, small.building, 2).contacts
    assert [(c.role, c.name, c.rooms) for c in contacts][1:] == [
        ("unit_head", "赵单元", ("601",)),
        ("paired", "张三", ("101", "102", "502")),
    ]
