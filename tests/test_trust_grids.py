"""A 网格员 sees their own grids' figures everywhere: on the window's connection and on every worker's
own connection (the dashboard's figures, the members list, the emergency report, exports)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import TESTER, Small

from gridboard.models import dashboard, emergency, ledger, members, operators, pairing, requests, visits
from gridboard.models.operators import NotAllowed

GRID_WORKER, GRID_WORKER_PIN = "网格员甲", "2222"


def _two_grids(small: Small) -> dict[str, int]:
    """Grid 1 (24 lived-in households, one visit, one request, its member 张三 on unit 1) and grid 2
    (2 lived-in households, two visits, two requests, its own member 李四)."""
    store = small.store
    grid2 = ledger.create_grid(store, community_id=small.community, name="第二网格")
    building2 = ledger.create_building(
        store, rooms="lived_in", grid_id=grid2, name="8号楼", number=8, units=1, floors=2, rooms_per_floor=1
    )
    theirs = [int(r[0]) for r in store.execute("SELECT id FROM household WHERE building_id = ?", [building2])]
    mine = small.household(1, "101")
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=1)
    other_member = ledger.add_member(
        store, community_id=small.community, name="李四", kind="community_member"
    )
    pairing.pair_member(store, member_id=other_member, household_id=theirs[0])
    # Ten minutes ago: before an emergency declared now (times are kept to the second).
    earlier = (datetime.now() - timedelta(minutes=10)).strftime("%Y-%m-%d %H:%M:%S")
    visits.log_visit(store, household_id=mine, member_ids=[small.member], visited_at=earlier)
    for household in theirs:
        visits.log_visit(store, household_id=household, member_ids=[other_member], visited_at=earlier)
    requests.raise_request(store, household_id=mine, category="repairs", text="漏水", at=earlier)
    for household in theirs:
        requests.raise_request(store, household_id=household, category="repairs", text="停电", at=earlier)
    operators.create_operator(
        store, name=GRID_WORKER, role="grid_worker", secret=GRID_WORKER_PIN, grid_ids=[small.grid]
    )
    store.take_changes()
    return {"grid2": grid2, "mine": mine, "theirs": theirs[0], "other_member": other_member}


def test_a_workers_own_connection_carries_the_operator_and_the_grids(small: Small) -> None:
    store = small.store
    made = _two_grids(small)
    everything = dashboard.compute(store)
    assert (everything.headline.households, everything.headline.visits_this_week) == (26, 3)
    assert everything.headline.open_requests == 3

    operators.sign_in(store, GRID_WORKER, GRID_WORKER_PIN)
    worker = operators.open_alongside(store)  # what the dashboard's, the members list's reader opens
    try:
        assert (worker.session.name, worker.operator) == (GRID_WORKER, GRID_WORKER)
        for connection in (store, worker):
            # The whole file, the community, or another grid: their own grid's figures only.
            for asked in (
                dashboard.Filters(),
                dashboard.Filters(community_id=small.community),
                dashboard.Filters(grid_id=made["grid2"]),
            ):
                d = dashboard.compute(connection, asked)
                assert d.filters.grid_id == small.grid
                h = d.headline
                assert (h.households, h.visits_this_week, h.open_requests) == (24, 1, 1)
                assert [g.id for g in d.grids] == [small.grid]
                assert {m.id for m in d.members} <= {small.member}
                assert sum(p.households for p in d.four_lists.by_grid) == 24
            assert dashboard.area_choices(connection) == (
                [(small.community, "幸福社区")],
                [(small.grid, small.community, "第一网格")],
            )
            # The members list: members of their grids only.
            ids = members.member_ids(connection, members.MemberQuery()).ids
            assert small.member in ids and made["other_member"] not in ids
        # The worker's connection writes as the window's does: nothing in another grid.
        with pytest.raises(NotAllowed):
            visits.log_visit(worker, household_id=made["theirs"])
        with pytest.raises(NotAllowed):
            ledger.update_household(worker, made["mine"], head_name="改名")
        assert worker.scalar("SELECT count(*) FROM main.visit") == 3  # nothing was written
    finally:
        worker.close()

    # An administrator again: the whole file; their writes land (no transaction was left open by
    # the grid worker's views).
    operators.start_session(store, operators.find_operator(store, TESTER).id)
    assert not store.conn.in_transaction
    ledger.update_household(store, made["theirs"], head_name="王五")
    assert not store.conn.in_transaction
    again = operators.open_alongside(store)
    try:
        assert dashboard.compute(again).headline.households == 26
        assert again.scalar("SELECT head_name FROM household WHERE id = ?", [made["theirs"]]) == "王五"
        assert made["other_member"] in members.member_ids(again, members.MemberQuery()).ids
    finally:
        again.close()


def test_a_read_only_operators_worker_cannot_write(small: Small) -> None:
    import sqlite3

    operators.create_operator(small.store, name="只看", role="read_only", secret="1111")
    operators.sign_in(small.store, "只看", "1111")
    worker = operators.open_alongside(small.store)
    try:
        with pytest.raises(NotAllowed):
            visits.log_visit(worker, household_id=small.household(1, "101"))
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            worker.execute("UPDATE household SET head_name = 'x'")
    finally:
        worker.close()


def test_the_emergency_report_counts_their_grids(small: Small) -> None:
    store = small.store
    made = _two_grids(small)
    declared = emergency.declare_emergency(store, name="暴雪", community_id=small.community)
    emergency.record_rollcall(store, emergency_id=declared, household_id=made["mine"], state="reached_safe")
    emergency.record_rollcall(store, emergency_id=declared, household_id=made["theirs"], state="reached_safe")
    visits.log_visit(store, household_id=made["theirs"])
    for household in (made["mine"], made["theirs"]):
        requests.raise_request(store, household_id=household, category="repairs", text="断水")
    whole = emergency.report_figures(store, declared)
    operators.sign_in(store, GRID_WORKER, GRID_WORKER_PIN)
    worker = operators.open_alongside(store)
    try:
        own = emergency.report_figures(worker, declared)
    finally:
        worker.close()
    # Reached since the declaration: one household in each grid (grid 1's by its roll call).
    assert sum(d.households_reached for d in whole.days) == 2
    assert sum(d.households_reached for d in own.days) == 1
    assert (whole.total_requests_raised, own.total_requests_raised) == (2, 1)


# -- through the window ---------------------------------------------------------------------------------


@pytest.mark.gui
def test_a_grid_worker_sees_their_grids_figures_in_the_window(
    gui, qtbot, small: Small, tmp_path: Path
) -> None:
    from conftest import save_screenshot

    from gridboard.ui.main_window import MainWindow

    made = _two_grids(small)
    operators.sign_in(small.store, GRID_WORKER, GRID_WORKER_PIN)
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    view = window.show_view("dashboard")
    # The figures come from the dashboard's worker thread, on its own connection.
    qtbot.waitUntil(lambda: view.up_to_date, timeout=60_000)
    assert view.worker._thread is not None
    assert view.tiles["households"].value.text() == "24"
    assert view.tiles["visits_week"].value.text() == "1"
    assert view.tiles["open_requests"].value.text() == "1"
    boxes = [view.community_box.itemText(i) for i in range(view.community_box.count())]
    grids = [view.grid_box.itemText(i) for i in range(view.grid_box.count())]
    assert boxes == ["幸福社区"] and grids == ["第一网格"]
    save_screenshot(window, "trust_grid_worker_dashboard")
    # A reader's own connection (the dashboard's, the members list's), asked for the whole file,
    # answers as the signed-in 网格员 for their grid.
    from gridboard.ui.reader import ReadWorker

    reader = ReadWorker(window.store)
    answers: list = []
    reader.finished.connect(lambda seq, result: answers.append(result))
    reader.request(lambda s: (s.session.name, dashboard.compute(s).headline.households))
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    reader.shutdown()
    assert answers[-1] == (GRID_WORKER, 24)

    page = window.show_view("members")
    listing = page.findChild(type(page), None) or page
    from gridboard.ui.members.view import MembersList

    members_list = window.findChild(MembersList)
    qtbot.waitUntil(lambda: members_list.up_to_date, timeout=60_000)
    model = members_list.model
    names = {model.row_at(row).name for row in range(model.rowCount())}
    assert names == {"张三"} and listing is not None
    assert made["other_member"] not in model.ids
