"""A worker's second connection to an open file (`operators.open_alongside`, through `store.open_again`)
is only a connection: none of the first open's checks again, the same operator's restrictions, read
only when the window's Store is; and the ordered ids read as one row are the rows' order."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import Small

from gridboard.models import ledger, members, operators, records, visits
from gridboard.models import requests as rq
from gridboard.models import store as store_module
from gridboard.models.errors import KnownError
from gridboard.models.operators import NotAllowed
from gridboard.models.store import ReadOnly


def test_a_second_connection_checks_nothing_again_and_sees_what_the_first_wrote(
    small: Small, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first open checked the file and holds its lock: a worker's connection does neither again.
    def no_second_check(*args, **kwargs):
        raise AssertionError("the file was checked again")

    monkeypatch.setattr(store_module, "inspect_readonly", no_second_check)
    monkeypatch.setattr(store_module.lockfile, "acquire", no_second_check)
    worker = operators.open_alongside(small.store)
    try:
        assert worker.lock is None and worker.read_only is None
        assert worker.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert worker.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        ledger.update_household(small.store, small.household(1, "101"), head_name="王五")
        assert (
            worker.scalar("SELECT head_name FROM household WHERE id = ?", [small.household(1, "101")])
            == "王五"
        )
    finally:
        worker.close(checkpoint=False)
    assert not small.store.closed and small.store.lock is not None  # the window's lock is its own


def test_a_read_only_operator_cannot_write_through_the_second_connection(small: Small) -> None:
    operators.create_operator(small.store, name="只看", role="read_only", secret="1111")
    operators.sign_in(small.store, "只看", "1111")
    worker = operators.open_alongside(small.store)
    try:
        assert (worker.session.role, worker.operator) == ("read_only", "只看")
        with pytest.raises(NotAllowed):
            visits.log_visit(worker, household_id=small.household(1, "101"))
        with pytest.raises(NotAllowed):
            rq.raise_request(worker, household_id=small.household(1, "101"), category="repairs", text="x")
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            worker.execute("UPDATE household SET head_name = 'x'")
        assert worker.scalar("SELECT count(*) FROM main.visit") == 0
    finally:
        worker.close(checkpoint=False)


def test_a_grid_worker_sees_only_their_grids_through_the_second_connection(small: Small) -> None:
    store = small.store
    grid2 = ledger.create_grid(store, community_id=small.community, name="第二网格")
    ledger.create_building(
        store, rooms="lived_in", grid_id=grid2, name="8号楼", number=8, units=1, floors=2, rooms_per_floor=1
    )
    theirs = int(
        store.scalar(
            "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id WHERE b.grid_id = ?",
            [grid2],
        )
    )
    other = ledger.add_member(store, community_id=small.community, name="李四", kind="community_member")
    mine_request = rq.raise_request(store, household_id=small.household(1, "101"), category="repairs")
    rq.raise_request(store, household_id=theirs, category="repairs")
    operators.create_operator(
        store, name="网格员甲", role="grid_worker", secret="2222", grid_ids=[small.grid]
    )
    operators.sign_in(store, "网格员甲", "2222")
    worker = operators.open_alongside(store)
    try:
        mine = store.scalar(
            "SELECT count(*) FROM main.household h JOIN main.building b ON b.id = h.building_id"
            " WHERE b.grid_id = ?",
            [small.grid],
        )
        # Households are reached through their buildings, which are their grids' only.
        seen = "SELECT count(*) FROM household h JOIN building b ON b.id = h.building_id"
        assert worker.scalar(seen) == mine == 24 and store.scalar(seen) == 24
        assert worker.scalar("SELECT count(*) FROM grid") == 1
        # The requests list's reading: their grid's requests only.
        assert rq.request_ids(worker, rq.RequestFilter()) == [mine_request]
        assert other not in members.member_ids(worker, members.MemberQuery()).ids
        with pytest.raises(NotAllowed):
            visits.log_visit(worker, household_id=theirs)
    finally:
        worker.close(checkpoint=False)


def test_a_window_still_being_checked_gets_a_read_only_second_connection(small: Small) -> None:
    store = small.store
    was = store.read_only
    store.read_only = ReadOnly("checking")
    try:
        worker = operators.open_alongside(store)
    finally:
        store.read_only = was
    try:
        assert worker.read_only is not None and worker.read_only.reason == "checking"
        assert worker.scalar("SELECT count(*) FROM household") == 24
        with pytest.raises((sqlite3.OperationalError, KnownError)):
            records.update(worker, "household", small.household(1, "101"), {"head_name": "x"})
    finally:
        worker.close()
    assert store.scalar("SELECT head_name FROM household WHERE id = ?", [small.household(1, "101")]) != "x"


def test_ids_read_as_one_row_keep_the_order_of_the_rows(small: Small) -> None:
    store = small.store
    households = [small.household(u, r) for u in (1, 2) for r in ("101", "102", "201", "202", "301")]
    for i, household in enumerate(households * 3):
        rq.raise_request(
            store,
            household_id=household,
            category=("repairs", "medicine")[i % 2],
            at=f"2026-11-{1 + i % 28:02d} 09:00:00",
        )
    now = "2026-12-01 12:00:00"
    for f in (rq.RequestFilter(), rq.RequestFilter(categories=("medicine",)), rq.RequestFilter(search="zz")):
        where, params = rq.filter_sql(f, now)
        one_by_one = [
            r[0]
            for r in store.execute(f"SELECT r.id FROM request r WHERE {where} {rq._SECRETARY_ORDER}", params)
        ]
        assert rq.request_ids(store, f, now=now) == one_by_one
    assert rq.request_ids(store, rq.RequestFilter(search="zz"), now=now) == []
    assert len(rq.request_ids(store, rq.RequestFilter(), now=now)) == 30
