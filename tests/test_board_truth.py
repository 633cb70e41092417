"""The board tells the truth: markers with a legend for each, not confusable with 空置, tooltips with
the groups in full, pairing modes that follow what household and member have, 全部转交 that does
not copy the leaving reason."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from gridboard.models import board, ledger, pairing, schema
from gridboard.models.opening import open_store


def test_every_marker_has_a_legend_entry_and_none_reads_as_vacant(db) -> None:
    legend = dict(board.marker_legend(db))
    markers = db.query("SELECT DISTINCT marker FROM tag WHERE marker != '' AND archived_at IS NULL")
    assert {r["marker"] for r in markers} == set(legend)
    assert {"独", "巢", "高", "残", "病", "困", "幼", "孕", "军"} <= set(legend)
    assert "空" not in legend  # 空 is the colour 空置 (vacant)
    assert legend["困"] == "低保、低保边缘、特困"
    assert legend["巢"] == "空巢老人"


def test_a_file_from_before_gets_the_new_empty_nest_marker(tmp_path) -> None:
    path = tmp_path / "old.gridboard"
    db = Database(sqlite3.connect(path), execute_plugins=False)
    schema.migrations.apply(db, stop_before="m014_chinese")
    db.execute("UPDATE tag SET marker = '空' WHERE code = 'empty_nest'")
    db.execute("PRAGMA application_id = 1196573762")
    db.conn.commit()
    db.close()
    store = open_store(path)
    assert store.scalar("SELECT marker FROM tag WHERE code = 'empty_nest'") == "巢"
    store.close()


def test_cells_carry_the_groups_in_full(small) -> None:
    h = small.household(1, "101")
    ledger.add_resident(small.store, household_id=h, name="王喆", tags=["empty_nest", "chronic"])
    ledger.add_resident(small.store, household_id=h, name="李玥", tags=["dibao"])
    cell = next(c for c in board.building_cells(small.store, small.building) if c.id == h)
    assert cell.groups == "空巢老人、慢性病、低保"
    assert set(cell.markers) == {"巢", "病", "困"}


def test_pairing_modes_follow_the_household_and_the_member(small) -> None:
    store = small.store
    h1, h2 = small.household(1, "101"), small.household(1, "102")
    other = ledger.add_member(store, community_id=small.community, name="李四", kind="volunteer")
    first = pairing.pair_member(store, member_id=small.member, household_id=h1)
    mode = lambda pid: store.scalar("SELECT mode FROM pairing WHERE id = ?", [pid])
    assert mode(first) == "1+1"
    second = pairing.pair_member(store, member_id=other, household_id=h1)
    assert mode(first) == mode(second) == "N+1"  # the first pairing follows
    pairing.end_pairing(store, second)
    assert mode(first) == "1+1"
    third = pairing.pair_member(store, member_id=small.member, household_id=h2)
    assert mode(first) == mode(third) == "1+N"


def test_handing_over_does_not_copy_the_leaving_reason(small) -> None:
    store = small.store
    taking = ledger.add_member(store, community_id=small.community, name="李四", kind="volunteer")
    pairing.pair_member(store, member_id=small.member, household_id=small.household(1, "101"))
    done = pairing.reassign_member(store, from_member_id=small.member, to_member_id=taking, reason="搬离")
    [new] = done.new_pairings
    assert store.scalar("SELECT reason FROM pairing WHERE id = ?", [new]) == ""
    assert {r.end_reason for r in pairing.member_pairings(store, small.member)} == {"搬离"}


@pytest.mark.gui
def test_legend_and_tooltip_on_the_board(window, qtbot, small) -> None:
    from conftest import save_screenshot

    h = small.household(1, "101")
    ledger.add_resident(small.store, household_id=h, name="王喆", tags=["empty_nest", "veteran"])
    small.store.take_changes()
    from gridboard.models.changes import Changes

    window.notifier.changed.emit(Changes(everything=True))
    view = window.view("board")
    window.navigate("household", h)
    legend = view.status_legend.markers.text()
    for marker, names in board.marker_legend(small.store):
        assert marker in legend and names in legend
    tip = view.floor_map.tooltip(h)
    assert "空巢老人、退役军人" in tip
    window.resize(1350, 688)
    qtbot.wait(50)
    save_screenshot(window, "board_legend_1366")
