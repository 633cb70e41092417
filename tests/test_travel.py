"""A grid to a laptop and back, and communities rolled up into a street (issue 17's scenarios)."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gridboard.cli import main as cli
from gridboard.models import dashboard, demo, ledger, requests, rules, tallies, visits
from gridboard.models.errors import KnownError
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.models.vocab import OPEN_REQUEST_STATUSES
from gridboard.sync import checkout as travel
from gridboard.sync.conflicts import conflict_rows
from gridboard.sync.rollup import rollup

_DEMO: dict[int, Path] = {}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("travel-demo")


def community(demo_dir: Path, seed: int, target: Path) -> Path:
    """A copy of a small demo community made once per seed."""
    if seed not in _DEMO:
        path = demo_dir / f"community-{seed}.gridboard"
        demo.generate(path, "community", seed=seed, households=300)
        _DEMO[seed] = path
    shutil.copy(_DEMO[seed], target)
    return target


def uids(store: Store, table: str) -> list[str]:
    return [r[0] for r in store.conn.execute(f"SELECT uid FROM {table}")]


def test_a_grid_checked_out_worked_on_and_checked_in(demo_dir: Path, tmp_path: Path) -> None:
    office_path = community(demo_dir, 1, tmp_path / "office.gridboard")
    laptop_path = tmp_path / "grid1.gridboard"
    office = open_store(office_path, operator="书记")
    try:
        grid = travel.find_grid(office, "第一网格")
        result, out = travel.checkout(office, grid_id=grid, out=laptop_path)
        assert out.grid_id == grid and travel.checked_out_grids(office).keys() == {grid}
        households = [
            r[0]
            for r in office.conn.execute(
                "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id WHERE b.grid_id = ?"
                " AND h.archived_at IS NULL AND h.occupancy != 'vacant' ORDER BY h.id",
                [grid],
            )
        ]
        assert result.added["household"] >= len(households)
        edited = households[0]
        edited_uid = office.scalar("SELECT uid FROM household WHERE id = ?", [edited])
        office_visits_before = set(uids(office, "visit"))
    finally:
        office.close()

    # No pause: work may begin in the checkout's own second (see the test after this one).
    # On the laptop, no network: visits, a request and a household edit in the grid.
    now = datetime.now().replace(microsecond=0)
    laptop = open_store(laptop_path, operator="网格员")
    try:
        assert laptop.scalar("SELECT count(*) FROM grid") >= 1
        ids = {
            r["id"]: r["uid"]
            for r in laptop.query(
                "SELECT id, uid FROM household WHERE archived_at IS NULL AND occupancy != 'vacant' ORDER BY id"
            )
        }
        mine = [h for h, u in ids.items() if u != edited_uid][:5]
        for h in mine:
            visits.log_visit(laptop, household_id=h, visited_at=now - timedelta(hours=2), outcome="met")
        requests.raise_request(laptop, household_id=mine[0], category=_category(), text="楼道灯坏了")
        here = laptop.scalar("SELECT id FROM household WHERE uid = ?", [edited_uid])
        ledger.update_household(laptop, here, notes="网格员：独居，女儿在外地")
        laptop_visits = set(uids(laptop, "visit"))
    finally:
        laptop.close()

    # Meanwhile in the office: other visits in the same grid, and an edit of the same household.
    office = open_store(office_path, operator="书记")
    try:
        for h in households[5:8]:
            visits.log_visit(office, household_id=h, visited_at=now - timedelta(hours=1), outcome="met")
        ledger.update_household(office, edited, notes="办公室：已登记低保")
        office_visits = set(uids(office, "visit"))

        preview = travel.checkin(office, laptop_path, dry_run=True)
        assert not preview.written and preview.added["visit"] == 5 and preview.added["request"] == 1
        assert set(uids(office, "visit")) == office_visits  # the preview wrote nothing

        back = travel.checkin(office, laptop_path)
        all_visits = uids(office, "visit")
        assert len(all_visits) == len(set(all_visits))  # each visit once
        assert set(all_visits) == office_visits | laptop_visits
        assert len(set(all_visits) - office_visits_before) == 8
        # The household edited on both sides: one value kept, the other listed for review.
        listed = [c for c in conflict_rows(office) if c.table == "household" and c.column == "notes"]
        assert len(listed) == 1
        assert {listed[0].kept, listed[0].lost} == {"网格员：独居，女儿在外地", "办公室：已登记低保"}
        assert back.conflicts and travel.checked_out_grids(office) == {}
        assert tallies.verify(office.db) == []
        _dashboard_agrees_with_raw_rows(office)

        # A second checkin of the same file changes nothing.
        counts = {
            t: office.scalar(f"SELECT count(*) FROM {t}")
            for t in ("visit", "request", "travel_conflict", "audit_log", "travel_meeting")
        }
        again = travel.checkin(office, laptop_path)
        assert again.up_to_date and not again.written
        assert counts == {t: office.scalar(f"SELECT count(*) FROM {t}") for t in counts}
    finally:
        office.close()


def test_changes_in_the_checkouts_own_second_are_not_missed(demo_dir: Path, tmp_path: Path) -> None:
    """Times are kept to the second. An edit on each side stamped with the very second of the
    checkout (as a quick worker or a busy office can make) is still a change since the files met:
    the conflict is listed and neither value is lost."""
    office_path = community(demo_dir, 1, tmp_path / "office.gridboard")
    laptop_path = tmp_path / "grid1.gridboard"
    office = open_store(office_path, operator="书记")
    try:
        grid = travel.find_grid(office, "第一网格")
        travel.checkout(office, grid_id=grid, out=laptop_path)
        met_at = office.scalar("SELECT met_at FROM travel_meeting WHERE kind = 'checkout'")
        edited = office.scalar(
            "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id WHERE b.grid_id = ?"
            " AND h.archived_at IS NULL ORDER BY h.id LIMIT 1",
            [grid],
        )
        edited_uid = office.scalar("SELECT uid FROM household WHERE id = ?", [edited])
        ledger.update_household(office, edited, notes="办公室：同一秒")
        # The office's edit in the checkout's second (the clock may have moved on since: pinned back).
        office.execute("UPDATE household SET updated_at = ? WHERE id = ?", [met_at, edited])
        office.conn.commit()
    finally:
        office.close()
    laptop = open_store(laptop_path, operator="网格员")
    try:
        here = laptop.scalar("SELECT id FROM household WHERE uid = ?", [edited_uid])
        ledger.update_household(laptop, here, notes="网格员：同一秒")
        laptop_met = laptop.scalar("SELECT max(met_at) FROM travel_meeting")
        mark = office_mark = None
        check = open_store(office_path, operator="书记", allow_read_only=True)
        try:
            office_mark = check.scalar("SELECT peer_mark FROM travel_meeting WHERE kind = 'checkout'")
        finally:
            check.close()
        mark = max(m for m in (laptop_met, office_mark) if m)
        laptop.execute("UPDATE household SET updated_at = ? WHERE id = ?", [mark, here])
        laptop.conn.commit()
    finally:
        laptop.close()
    office = open_store(office_path, operator="书记")
    try:
        back = travel.checkin(office, laptop_path)
        listed = [c for c in back.conflicts if c.table == "household" and c.row_uid == edited_uid]
        assert [(c.column, {c.kept, c.lost}) for c in listed] == [
            ("notes", {"办公室：同一秒", "网格员：同一秒"})
        ]
        kept = office.scalar("SELECT notes FROM household WHERE id = ?", [edited])
        assert kept == listed[0].kept
        assert tallies.verify(office.db) == []
    finally:
        office.close()


def _category() -> str:
    from gridboard.models.vocab import REQUEST_CATEGORIES

    return next(iter(REQUEST_CATEGORIES))


def _dashboard_agrees_with_raw_rows(store: Store) -> None:
    board = dashboard.compute(store)
    lived = store.query(
        "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id"
        " WHERE h.archived_at IS NULL AND b.archived_at IS NULL AND h.occupancy != 'vacant'"
    )
    assert board.headline.households == len(lived)
    by_sql = rules.coverage(store, "community")
    assert board.headline.visited_in_cycle == sum(c.visited_in_cycle for c in by_sql)
    assert board.headline.paired == sum(c.paired for c in by_sql)
    open_requests = [
        r
        for r in store.query("SELECT status, archived_at FROM request")
        if r["status"] in OPEN_REQUEST_STATUSES and r["archived_at"] is None
    ]
    assert board.headline.open_requests == len(open_requests)


def test_checkout_command_line(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = community(demo_dir, 1, tmp_path / "office.gridboard")
    laptop = tmp_path / "grid1.gridboard"
    assert cli(["checkout", str(office), "--grid", "第一网格", "--out", str(laptop)]) == 0
    assert "第一网格" in capsys.readouterr().out
    assert cli(["checkout", str(office), "--grid", "第一网格", "--out", str(laptop)]) == 2  # exists
    assert cli(["checkin", str(laptop), "--into", str(office), "--conflicts", str(tmp_path / "c.xlsx")]) == 0
    assert cli(["checkin", str(laptop), "--into", str(office)]) == 0
    assert "up to date" in capsys.readouterr().out
    assert (
        cli(["checkout", str(office), "--grid", "没有这个网格", "--out", str(tmp_path / "x.gridboard")]) == 2
    )


def test_two_communities_roll_up_into_a_street(demo_dir: Path, tmp_path: Path) -> None:
    a = community(demo_dir, 1, tmp_path / "a.gridboard")
    b = community(demo_dir, 2, tmp_path / "b.gridboard")
    tables = ("community", "grid", "household", "resident", "member", "visit", "request", "pairing")
    sums = dict.fromkeys(tables, 0)
    for path in (a, b):
        store = open_store(path)
        for t in tables:
            sums[t] += store.scalar(f"SELECT count(*) FROM {t}")
        store.close()
    street = open_store(tmp_path / "street.gridboard", create=True, operator="街道")
    try:
        rollup(street, [a, b])
        assert {t: street.scalar(f"SELECT count(*) FROM {t}") for t in tables} == sums
        assert street.scalar("SELECT count(*) FROM grid WHERE name = '第一网格'") == 2
        assert street.scalar("SELECT count(DISTINCT community_id) FROM grid WHERE name = '第一网格'") == 2
        assert tallies.verify(street.db) == []
        # The dashboard's grids say which community they are in, and the communities compare.
        from gridboard.models.communities import community_rows

        bars = dashboard.compute(street).grids
        assert all(bar.community for bar in bars)
        rows = community_rows(street)
        assert (
            len(rows) == 2
            and sum(r.households for r in rows) == dashboard.compute(street).headline.households
        )
    finally:
        street.close()

    # A newer community file brings the street file up to date; re-running with no news changes nothing.
    store = open_store(a, operator="社区")
    household = store.scalar("SELECT id FROM household WHERE occupancy != 'vacant' LIMIT 1")
    visits.log_visit(store, household_id=household, outcome="met")
    ledger.update_household(store, household, notes="新情况")
    store.close()
    street = open_store(tmp_path / "street.gridboard", operator="街道")
    try:
        results = rollup(street, [a, b])
        assert results[0][1].added.get("visit") == 1 and results[0][1].updated.get("household") == 1
        assert results[1][1].up_to_date
        assert street.scalar("SELECT count(*) FROM visit") == sums["visit"] + 1
        assert not conflict_rows(street)
        assert tallies.verify(street.db) == []
    finally:
        street.close()


def test_a_rollup_that_stops_half_way_leaves_the_tallies_counted_and_their_triggers_back(
    demo_dir: Path, tmp_path: Path
) -> None:
    """A roll-up counts the tallies once after its last file (triggers off meanwhile): a file that
    cannot be merged stops it, and what was merged before is counted, with the triggers back."""
    a = community(demo_dir, 1, tmp_path / "a.gridboard")
    broken = tmp_path / "broken.gridboard"
    broken.write_bytes(b"not a gridboard file at all" * 100)
    street = open_store(tmp_path / "street.gridboard", create=True, operator="街道")
    try:
        with pytest.raises(KnownError):
            rollup(street, [a, broken])
        assert street.scalar("SELECT count(*) FROM community") == 1  # the first file is in
        assert tallies.is_current(street.db) and tallies.verify(street.db) == []
        triggers = {
            r[0] for r in street.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        assert set(tallies._trigger_names()) <= triggers
        # The triggers work again: a visit logged now moves the tallies as it should.
        household = street.scalar("SELECT id FROM household WHERE occupancy != 'vacant' LIMIT 1")
        visits.log_visit(street, household_id=household, outcome="met")
        assert tallies.verify(street.db) == []
    finally:
        street.close()
