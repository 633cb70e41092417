"""A grid's member sheets read in a few queries for the whole grid (issue 15): the same sheets, rows,
order and positions as one member's sheet at a time."""

from __future__ import annotations

from gridboard.models import pairing, sheets
from gridboard.models.opening import open_store


def one_at_a_time(store, grid_id: int, floor_order: str) -> list[sheets.Sheet]:
    made = [
        sheets.member_sheet(store, m, grid_id=grid_id, floor_order=floor_order)
        for m in sheets.grid_members(store, grid_id)
    ]
    return [s for s in made if s.rows]


def test_a_grids_member_sheets_are_each_members_own_sheet(community_demo) -> None:
    store = open_store(community_demo, operator="tester")
    try:
        grids = [g for (g,) in store.execute("SELECT id FROM grid ORDER BY id LIMIT 3")]
        # A scope too (a member covering a unit's third floor), and a pairing ended: neither counted twice.
        building, grid = store.conn.execute(
            "SELECT b.id, b.grid_id FROM building b WHERE b.grid_id = ? ORDER BY b.id LIMIT 1", [grids[0]]
        ).fetchone()
        member = store.scalar("SELECT id FROM member WHERE archived_at IS NULL ORDER BY id LIMIT 1")
        pairing.add_scope(store, member_id=member, building_id=building, unit=1, floor=3)
        for grid_id in grids:
            for order in ("bottom", "top"):
                batched = sheets.grid_sheets(store, grid_id, by="member", floor_order=order)
                assert batched == one_at_a_time(store, grid_id, order)
        assert len(batched) > 5 and sum(len(s.rows) for s in batched) > 100
        assert any(s.info.member_id == member for s in sheets.grid_sheets(store, grid, by="member"))
    finally:
        store.close()
