"""Undo that keeps identities (models/undo.py): the same rows come back, with the same ids and uids."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gridboard.models import emergency as em
from gridboard.models import ledger, records, settings, sheets, tallies, undo, visits
from gridboard.models import requests as rq
from gridboard.models.errors import InvalidInput
from gridboard.models.store import Store
from gridboard.models.undo import UndoConflict


def snapshot(store: Store, *tables: str) -> dict[str, list[tuple]]:
    """Every row of these tables but for when it was last changed (undo stamps the rows it puts back)."""
    shot = {}
    for table in tables:
        columns = [c for c in undo.tables(store)[table] if c != "updated_at"]
        listed = ", ".join(columns)
        shot[table] = [tuple(r) for r in store.query(f"SELECT {listed} FROM {table} ORDER BY id")]
    return shot


ALL = (
    "community",
    "grid",
    "building",
    "household",
    "resident",
    "resident_tag",
    "member",
    "pairing",
    "scope",
    "visit",
    "visit_member",
    "request",
    "request_step",
    "request_item",
    "setting",
    "emergency",
    "emergency_roster",
    "emergency_instruction",
    "emergency_feedback",
    "rollcall",
    "printed_sheet",
    "printed_sheet_row",
    "supply_delivery",
)


def exact(store: Store) -> None:
    assert tallies.verify(store.db) == []


def test_create_a_grid_then_a_building_undo_both_redo_both_gives_the_same_rows(small) -> None:
    """The story of issue 19: redo used to build the building again in the archived first grid."""
    store = small.store
    grids_before = snapshot(store, "grid", "building", "household")
    made_grid = undo.run(store, "New grid", ledger.create_grid, community_id=small.community, name="第二网格")
    grid_id = made_grid.result
    made_building = undo.run(
        store,
        "New building",
        ledger.create_building,
        grid_id=grid_id,
        name="9号楼",
        number=9,
        units=1,
        floors=3,
        rooms_per_floor=2,
        rooms="lived_in",
    )
    building_id = made_building.result
    made = snapshot(store, "grid", "building", "household")
    uids = (
        records.fetch(store, "grid", grid_id)["uid"],
        records.fetch(store, "building", building_id)["uid"],
    )
    assert made_grid.changes.tables >= {"grid"} and "building" in made_building.changes.tables
    assert made_building.step.size == 1 + 6  # the building and its six rooms

    made_building.step.undo(store)
    made_grid.step.undo(store)
    assert snapshot(store, "grid", "building", "household") == grids_before
    exact(store)

    made_grid.step.redo(store)
    made_building.step.redo(store)
    assert snapshot(store, "grid", "building", "household") == made
    building = records.fetch(store, "building", building_id)
    assert building["grid_id"] == grid_id and building["uid"] == uids[1]
    grid = records.fetch(store, "grid", grid_id)
    assert grid["uid"] == uids[0] and grid["archived_at"] is None
    assert store.scalar("SELECT count(*) FROM grid") == 2  # no new empty grid
    exact(store)


def test_undo_and_redo_are_in_the_audit_trail_and_the_action_stays(small) -> None:
    store = small.store
    h = small.household(1, "502")
    done = undo.run(store, "Edit household", ledger.update_household_checked, h, head_name="刘备")
    done.step.undo(store)
    done.step.redo(store)
    trail = store.query("SELECT action, old, new FROM audit_log WHERE table_name = 'household' ORDER BY id")
    assert [r["action"] for r in trail][-3:] == ["update", "undo", "redo"]
    assert "刘备" in trail[-2]["old"] and "刘备" in trail[-1]["new"]


def test_a_row_changed_since_is_never_overwritten(small) -> None:
    store = small.store
    h = small.household(1, "502")
    done = undo.run(store, "Edit household", ledger.update_household_checked, h, head_name="刘备")
    ledger.update_household(store, h, head_name="关羽")  # not through the undo list
    before = snapshot(store, *ALL)
    with pytest.raises(UndoConflict):
        done.step.undo(store)
    assert snapshot(store, *ALL) == before


def test_a_failed_action_leaves_nothing_and_no_step(small) -> None:
    store = small.store
    before = snapshot(store, *ALL)
    with pytest.raises(InvalidInput):
        undo.run(store, "Bad", ledger.update_household_checked, small.household(1, "501"), room="502")
    assert snapshot(store, *ALL) == before
    # Recording is off again: a write outside a step leaves nothing behind, and the next step works.
    ledger.update_household(store, small.household(1, "501"), head_name="刘备")
    assert store.conn.execute("SELECT count(*) FROM temp.gridboard_undo_log").fetchone()[0] == 0
    done = undo.run(store, "Edit", ledger.update_household, small.household(1, "502"), head_name="关羽")
    assert done.step.size == 1
    done.step.undo(store)
    assert store.scalar("SELECT head_name FROM household WHERE id = ?", [small.household(1, "502")]) == ""


def test_visits_logged_corrected_and_withdrawn_come_back(small) -> None:
    store = small.store
    h = small.household(1, "502")
    start = snapshot(store, *ALL)
    logged = undo.run(
        store,
        "Log",
        visits.log_visit,
        household_id=h,
        member_ids=[small.member],
        visited_at="2026-03-01 10:00",
    )
    after_log = snapshot(store, *ALL)
    corrected = undo.run(
        store, "Correct", visits.correct_visit, logged.result, outcome="nobody_home", note="没人"
    )
    after_correct = snapshot(store, *ALL)
    withdrawn = undo.run(store, "Withdraw", visits.withdraw_visit, logged.result, reason="记错了")
    exact(store)
    withdrawn.step.undo(store)
    assert snapshot(store, *ALL) == after_correct
    corrected.step.undo(store)
    assert snapshot(store, *ALL) == after_log
    assert store.scalar("SELECT last_reached_at FROM household WHERE id = ?", [h]) is not None
    exact(store)
    logged.step.undo(store)
    assert snapshot(store, *ALL) == start
    exact(store)
    for step in (logged, corrected, withdrawn):
        step.step.redo(store)
    assert store.scalar("SELECT withdrawn_at IS NOT NULL FROM visit WHERE id = ?", [logged.result])
    exact(store)


def test_request_steps_come_back_one_by_one(small) -> None:
    store = small.store
    h = small.household(2, "301")
    raised = undo.run(store, "Raise", rq.raise_request, household_id=h, category="repairs", text="水管漏水")
    rid = raised.result
    shots = [snapshot(store, *ALL)]
    steps = []
    for text, action, kwargs in [
        ("Dispatch", rq.dispatch_request, {"member_id": small.member}),
        ("Start", rq.start_request, {}),
        ("Resolve", rq.resolve_request, {"resolution": "换了水管"}),
    ]:
        steps.append(undo.run(store, text, action, rid, **kwargs).step)
        shots.append(snapshot(store, *ALL))
    assert rq.get_request(store, rid).status == "resolved"
    exact(store)
    for step, shot in zip(reversed(steps), reversed(shots[:-1])):
        step.undo(store)
        assert snapshot(store, *ALL) == shot
        exact(store)
    for step, shot in zip(steps, shots[1:]):
        step.redo(store)
        assert snapshot(store, *ALL) == shot
    assert rq.get_request(store, rid).status == "resolved"
    exact(store)


def test_a_returned_sheet_entered_is_one_step(small) -> None:
    store = small.store
    from gridboard.models import pairing

    pairing.pair_households(store, member_id=small.member, household_ids=[small.household(1, "502")])
    (sheet,) = sheets.record_sheets(store, [sheets.member_sheet(store, small.member)], day=date(2026, 3, 9))
    start = snapshot(store, *ALL)
    entries = [sheets.RowEntry(position=1, outcome="met", visited_at="2026-03-10")]
    done = undo.run(
        store, "Enter sheet", sheets.enter_returned_sheet, sheet_no=sheet.info.sheet_no, entries=entries
    )
    after = snapshot(store, *ALL)
    assert sheets.load_sheet(store, sheet.info.sheet_no).entered == 1
    done.step.undo(store)
    assert snapshot(store, *ALL) == start and sheets.load_sheet(store, sheet.info.sheet_no).entered == 0
    exact(store)
    done.step.redo(store)
    assert snapshot(store, *ALL) == after
    exact(store)


def test_a_setting_comes_back_and_the_tallies_follow_its_cycles(small) -> None:
    store = small.store
    visits.log_visit(
        store, household_id=small.household(1, "502"), member_ids=[small.member], visited_at="2026-01-01"
    )
    old = settings.get_setting(store, "cycle_normal_days")
    done = undo.run(store, "Cycles", settings.set_setting, "cycle_normal_days", 7)
    exact(store)
    assert done.changes.everything
    done.step.undo(store)
    assert settings.get_setting(store, "cycle_normal_days") == old
    exact(store)
    done.step.redo(store)
    assert settings.get_setting(store, "cycle_normal_days") == 7
    exact(store)


def test_emergency_desk_actions_come_back(small) -> None:
    store = small.store
    start = snapshot(store, *ALL)
    declared = undo.run(store, "Declare", em.declare_emergency, name="暴雪", kind="blizzard")
    eid = declared.result
    exact(store)
    rostered = undo.run(
        store,
        "Roster",
        em.add_to_roster,
        emergency_id=eid,
        grid_id=small.grid,
        member_id=small.member,
        role="volunteer",
    )
    called = undo.run(
        store,
        "Roll call",
        em.record_rollcall,
        emergency_id=eid,
        household_id=small.household(1, "502"),
        state="reached_safe",
    )
    issued = undo.run(store, "Instruction", em.issue_instruction, emergency_id=eid, text="清扫积雪")
    ended = undo.run(store, "End", em.end_emergency, eid)
    done = [declared, rostered, called, issued, ended]
    middle = snapshot(store, *ALL)
    exact(store)
    for each in reversed(done):
        each.step.undo(store)
        exact(store)
    assert snapshot(store, *ALL) == start
    for each in done:
        each.step.redo(store)
    assert snapshot(store, *ALL) == middle
    exact(store)


@pytest.mark.parametrize("big", [False, True], ids=["row by row", "counted once"])
def test_an_import_is_one_step(db: Store, tmp_path: Path, monkeypatch, big: bool) -> None:
    if big:  # a big step (a real ledger's import) is put back with the tallies counted once at the end
        monkeypatch.setattr(undo, "_MANY", 5)
    import openpyxl
    from test_import import office_workbook

    from gridboard.exchange.importer import apply_import, detect_layouts
    from gridboard.exchange.reader import read_book

    path = office_workbook(tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.delete_rows(8)  # the row without a room
    wb.save(path)
    book = read_book(path)
    layouts = detect_layouts(db, book)
    start = snapshot(db, *ALL)
    done = undo.run(db, "Import", apply_import, book, layouts)
    after = snapshot(db, *ALL)
    assert db.scalar("SELECT count(*) FROM household") >= 5 and done.changes and done.step.size > 5
    exact(db)
    done.step.undo(db)
    assert snapshot(db, *ALL) == start
    assert db.scalar("SELECT count(*) FROM household") == 0
    exact(db)
    done.step.redo(db)
    assert snapshot(db, *ALL) == after
    exact(db)
    trail = db.query(
        "SELECT action, row_uid, new FROM audit_log WHERE action IN ('undo', 'redo') AND table_name = 'resident'"
    )
    if big:  # one entry per table and direction, with the counts
        assert len(trail) == 2 and all(r["row_uid"] is None and '"rows": ' in r["new"] for r in trail)
    else:
        assert len(trail) == 2 * db.scalar("SELECT count(*) FROM resident")


def test_a_read_only_operator_cannot_undo(small) -> None:
    from gridboard.models import operators
    from gridboard.models.operators import NotAllowed

    store = small.store
    done = undo.run(
        store, "Edit", ledger.update_household_checked, small.household(1, "502"), head_name="刘备"
    )
    operators.create_operator(store, name="看看", role="read_only", secret="1357")
    operators.start_session(store, operators.find_operator(store, "看看").id, via="app")
    with pytest.raises(NotAllowed):
        done.step.undo(store)
    assert store.scalar("SELECT head_name FROM household WHERE id = ?", [small.household(1, "502")]) == "刘备"
