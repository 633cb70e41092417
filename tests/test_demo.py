"""The demo generator: a small file's invariants, determinism, summaries, cancelling, and sizes."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from gridboard.models import demo, ledger, names, visits
from gridboard.models.errors import InvalidInput
from gridboard.models.opening import open_store
from gridboard.models.stats import stale_summaries
from gridboard.models.store import Store
from gridboard.models.vocab import (
    GRID_ROLES,
    MEMBER_KINDS,
    PAIRING_MODES,
    REQUEST_CATEGORIES,
    REQUEST_STATUSES,
    VISIT_METHODS,
    VISIT_OUTCOMES,
    VISIT_SOURCES,
)

TODAY = date(2026, 11, 27)
NOW = "2026-11-27 17:30:00"  # the generator's "now" on TODAY


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "small.gridboard"
    demo.generate(path, "test", seed=7, today=TODAY)
    return path


@pytest.fixture
def store(small_file: Path) -> Iterator[Store]:
    s = open_store(small_file, check="none")
    yield s
    s.close()


def column(store: Store, sql: str) -> set:
    return {r[0] for r in store.execute(sql)}


def digest(path: Path, tables: tuple[str, ...] = ("household", "resident", "visit", "request_step")) -> str:
    conn = sqlite3.connect(path)
    h = hashlib.sha256()
    for table in tables:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
            h.update(repr(row).encode())
    conn.close()
    return h.hexdigest()


def test_file_is_sound_although_checks_were_off_while_loading(store: Store) -> None:
    # The generator loads with CHECK constraints and foreign keys off; both must still hold.
    assert store.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert store.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.scalar("PRAGMA journal_mode") == "wal"
    indexes = column(store, "SELECT name FROM sqlite_master WHERE type = 'index'")
    assert {"visit_household", "visit_date", "household_building_place", "resident_household"} <= indexes
    assert store.scalar("SELECT value FROM setting WHERE key = 'demo'") is not None


def test_every_household_sits_in_one_building_and_grid(store: Store) -> None:
    households = store.scalar("SELECT count(*) FROM household")
    placed = store.scalar(
        "SELECT count(DISTINCT h.id) FROM household h JOIN building b ON b.id = h.building_id"
        " JOIN grid g ON g.id = b.grid_id JOIN community c ON c.id = g.community_id"
    )
    assert households == placed > 500
    # Rooms follow the building's template: floor then index (502), bungalows just numbered.
    for kind, floor, room in store.execute(
        "SELECT b.kind, h.floor, h.room FROM household h JOIN building b ON b.id = h.building_id"
    ):
        assert room == ledger.room_label(kind, floor, int(room) % 100 if kind == "apartment" else int(room))
    shapes = store.query("SELECT * FROM building")
    assert {b["kind"] for b in shapes} >= {"apartment"}
    for b in shapes:
        expected = sum(s.floors * s.rooms_per_floor for s in ledger.unit_shapes(dict(b)).values())
        assert store.scalar("SELECT count(*) FROM household WHERE building_id = ?", [b["id"]]) == expected
        assert re.fullmatch(r"\d+号[楼院]", b["name"])


def test_every_kind_of_row_is_present(store: Store) -> None:
    assert column(store, "SELECT mode FROM pairing") == set(PAIRING_MODES)
    levels = column(
        store,
        "SELECT CASE WHEN floor IS NOT NULL THEN 'floor' WHEN unit IS NOT NULL THEN 'unit'"
        " ELSE 'building' END FROM scope",
    )
    assert levels == {"building", "unit", "floor"}
    assert column(store, "SELECT kind FROM member") == set(MEMBER_KINDS)
    assert column(store, "SELECT role FROM grid_role") == set(GRID_ROLES)
    # A well-run office closes its requests: only the last three weeks' may still be open, and the
    # small file has a handful of those (the community demo below shows every status).
    assert column(store, "SELECT status FROM request") >= {"resolved", "followed_up"}
    assert column(store, "SELECT category FROM request") <= set(REQUEST_CATEGORIES)
    assert {"satisfied", "basic", "dissatisfied"} <= column(store, "SELECT rating FROM request_step")
    assert "reopened" in column(store, "SELECT step FROM request_step")
    assert column(store, "SELECT method FROM visit") == set(VISIT_METHODS)
    assert column(store, "SELECT outcome FROM visit") == set(VISIT_OUTCOMES)
    assert column(store, "SELECT source FROM visit") == set(VISIT_SOURCES)
    assert column(store, "SELECT occupancy FROM household") == {"lived_in", "rented_out", "vacant"}
    assert {"living_alone", "empty_nest", "aged_80", "chronic", "disabled"} <= column(
        store, "SELECT t.code FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id"
    )
    assert store.scalar("SELECT count(*) FROM member WHERE kind = 'in_service' AND work_unit = ''") == 0
    assert store.scalar("SELECT count(*) FROM pairing WHERE ended_on IS NOT NULL") > 0


def test_summary_columns_equal_what_the_per_row_functions_compute(small_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.gridboard"
    shutil.copy(small_file, copy)
    store = open_store(copy, check="none")
    columns = "id, priority_tier, last_visit_at, last_outcome, last_reached_at"
    before = store.query(f"SELECT {columns} FROM household ORDER BY id")
    assert stale_summaries(store) == (0, [])
    with store.atomic():
        for (household_id,) in store.execute("SELECT id FROM household").fetchall():
            ledger.refresh_priority_tier(store, household_id)
            visits.refresh_visit_summary(store, household_id)
    after = store.query(f"SELECT {columns} FROM household ORDER BY id")
    assert [tuple(r) for r in before] == [tuple(r) for r in after]
    assert {r["priority_tier"] for r in after} == {0, 1, 2}
    # And the check notices when they go wrong.
    store.execute(
        "UPDATE household SET last_reached_at = NULL WHERE id = (SELECT max(household_id) FROM visit)"
    )
    assert stale_summaries(store)[0] == 1
    store.close()


def test_people_and_tags_agree(store: Store) -> None:
    mismatched = store.scalar(
        "SELECT count(*) FROM household h WHERE people != (SELECT count(*) FROM resident r"
        " WHERE r.household_id = h.id AND r.moved_out_at IS NULL)"
    )
    assert mismatched == 0
    assert (
        store.scalar(
            "SELECT count(*) FROM resident WHERE household_id IN"
            " (SELECT id FROM household WHERE occupancy = 'vacant') AND moved_out_at IS NULL"
        )
        == 0
    )
    alone = store.query(
        "SELECT r.birth_year, h.people FROM resident r JOIN household h ON h.id = r.household_id"
        " JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id"
        " WHERE t.code = 'living_alone'"
    )
    assert alone and all(r["people"] == 1 and TODAY.year - r["birth_year"] >= 65 for r in alone)
    aged = column(
        store,
        "SELECT r.birth_year FROM resident r JOIN resident_tag rt ON rt.resident_id = r.id"
        " JOIN tag t ON t.id = rt.tag_id WHERE t.code = 'aged_80'",
    )
    assert aged and max(aged) <= TODAY.year - 80
    assert 1 <= min(column(store, "SELECT people FROM household WHERE occupancy != 'vacant'"))
    assert max(column(store, "SELECT people FROM household")) <= 5


def test_names_phones_and_ids_look_real(store: Store) -> None:
    residents = store.query("SELECT name, gender, birth_year, phone, id_number FROM resident")
    assert all(2 <= len(r["name"]) <= 4 for r in residents)
    assert any(len(r["name"]) == 2 for r in residents) and any(len(r["name"]) == 3 for r in residents)
    surnames = [r["name"][0] for r in residents]
    top = max(set(surnames), key=surnames.count)
    assert top in "王李张刘陈"
    for r in residents:
        assert r["phone"] == "" or re.fullmatch(r"1[358]\d{9}", r["phone"])
        if r["id_number"]:
            number = r["id_number"]
            assert len(number) == 18 and number[6:10] == str(r["birth_year"])
            assert names.id_check_digit(number[:17]) == number[17]
            assert int(number[16]) % 2 == (1 if r["gender"] == "M" else 0)
    assert names.id_check_digit("11010519491231002") == "X"  # GB 11643's published example
    assert column(store, "SELECT name FROM community") == {"幸福社区"}
    assert column(store, "SELECT name FROM grid") == {"第一网格", "第二网格"}


def test_rows_have_uuid4_uids_and_ordered_stamps(store: Store) -> None:
    seen: set[str] = set()
    for table in (
        "household",
        "resident",
        "member",
        "pairing",
        "visit",
        "visit_member",
        "request",
        "request_step",
        "printed_sheet",
    ):
        for uid, created, updated in store.execute(f"SELECT uid, created_at, updated_at FROM {table}"):
            assert uuid.UUID(uid).version == 4 and str(uuid.UUID(uid)) == uid
            assert uid not in seen
            seen.add(uid)
            assert created <= updated <= NOW


def test_visits_and_requests_run_in_time_order(store: Store) -> None:
    assert store.scalar("SELECT max(visited_at) FROM visit") <= NOW
    assert store.scalar("SELECT min(visited_at) FROM visit") >= "2024-11-27"
    # Priority households are visited more often, and some households never.
    per_tier = dict(
        store.execute(
            "SELECT h.priority_tier, count(v.id) * 1.0 / count(DISTINCT h.id) FROM household h"
            " JOIN visit v ON v.household_id = h.id GROUP BY h.priority_tier"
        ).fetchall()
    )
    assert per_tier[2] > per_tier[1] > per_tier[0]
    assert store.scalar(
        "SELECT count(*) FROM household WHERE occupancy != 'vacant' AND last_visit_at IS NULL"
    )
    for request in store.query("SELECT * FROM request"):
        steps = store.query("SELECT * FROM request_step WHERE request_id = ? ORDER BY id", [request["id"]])
        times = [s["at"] for s in steps]
        assert times == sorted(times) and times[0] == request["collected_at"] and times[-1] <= NOW
        last = steps[-1]["step"]
        assert request["status"] == ("collected" if last == "reopened" else last)
        stamps = [
            request[c]
            for c in ("collected_at", "dispatched_at", "started_at", "resolved_at", "followed_up_at")
        ]
        reached = [s for s in stamps if s is not None]
        assert (
            reached == sorted(reached) and len(reached) == list(REQUEST_STATUSES).index(request["status"]) + 1
        )
        assert request["due_at"] > request["collected_at"]
        if request["source"] == "hotline":
            assert request["hotline_ticket"]
    # Paper visits came back on printed sheets, each on its own row.
    paper = store.query("SELECT id, sheet_no FROM visit WHERE source = 'paper'")
    assert paper and all(v["sheet_no"] for v in paper)
    on_sheets = store.query(
        "SELECT v.id FROM visit v JOIN printed_sheet s ON s.sheet_no = v.sheet_no"
        " JOIN printed_sheet_row r ON r.sheet_id = s.id AND r.visit_id = v.id"
    )
    assert len(on_sheets) == len(paper)


def test_same_seed_same_file_other_seed_other_file(tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{n}.gridboard" for n in "abc")
    demo.generate(a, "test", seed=3, today=TODAY, households=300)
    demo.generate(b, "test", seed=3, today=TODAY, households=300)
    demo.generate(c, "test", seed=4, today=TODAY, households=300)
    assert digest(a) == digest(b) != digest(c)


def test_producer_process_writes_the_same_file(tmp_path: Path) -> None:
    inline, piped = tmp_path / "inline.gridboard", tmp_path / "piped.gridboard"
    demo.generate(inline, "test", seed=5, today=TODAY, households=200, parallel=False)
    demo.generate(piped, "test", seed=5, today=TODAY, households=200, parallel=True)
    assert digest(inline) == digest(piped)


def test_progress_counts_grids_and_can_cancel(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    path = tmp_path / "p.gridboard"
    counts = demo.generate(
        path, "test", today=TODAY, households=200, progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (3, 3) and [d for d, _ in seen] == [1, 2, 3]
    assert (
        counts["household"] == sqlite3.connect(path).execute("SELECT count(*) FROM household").fetchone()[0]
    )

    def cancel(done: int, total: int) -> None:
        raise demo.Cancelled()

    target = tmp_path / "cancelled.gridboard"
    with pytest.raises(demo.Cancelled):
        demo.generate(target, "test", today=TODAY, households=200, progress=cancel)
    assert list(tmp_path.glob("cancelled*")) == []


def test_refuses_to_overwrite_or_unknown_scale(tmp_path: Path) -> None:
    path = tmp_path / "there.gridboard"
    path.write_bytes(b"keep me")
    with pytest.raises(InvalidInput, match="already exists"):
        demo.generate(path, "test", households=100)
    assert path.read_bytes() == b"keep me"
    with pytest.raises(InvalidInput, match="Unknown scale"):
        demo.generate(tmp_path / "x.gridboard", "country")
    with pytest.raises(InvalidInput, match="no folder"):
        demo.generate(tmp_path / "missing" / "x.gridboard", "test")


def test_planned_sizes_of_street_and_city() -> None:
    for scale, communities, grids, households in (("street", 10, 120, 50_000), ("city", 60, 615, 250_000)):
        layout = demo.plan(demo.SCALES[scale], seed=1)
        assert len(layout) == communities and sum(map(len, layout)) == grids
        assert abs(sum(map(sum, layout)) - households) < households * 0.03
        assert all(200 <= n <= 600 for grid_targets in layout for n in grid_targets)


@pytest.mark.slow
def test_community_scale_sizes(tmp_path: Path) -> None:
    path = tmp_path / "community.gridboard"
    counts = demo.generate(path, "community", seed=1, today=TODAY)
    assert counts["community"] == 1 and counts["grid"] == 12
    assert 4_500 <= counts["household"] <= 5_500
    assert 9 <= counts["visit"] / counts["household"] <= 15  # ~3,000,000 visits for 250,000 households
    store = open_store(path, check="none")
    lived_in = store.scalar("SELECT count(*) FROM household WHERE occupancy != 'vacant'")
    shares = {
        code: n / lived_in
        for code, n in store.execute(
            "SELECT t.code, count(DISTINCT r.household_id) FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id"
            " JOIN resident r ON r.id = rt.resident_id WHERE r.moved_out_at IS NULL GROUP BY t.code"
        )
    }
    assert 0.02 <= shares["living_alone"] <= 0.045 and 0.05 <= shares["chronic"] <= 0.11
    assert 0.01 <= shares["disabled"] <= 0.03 and 0.02 <= shares["aged_80"] <= 0.07
    occupancy = dict(store.execute("SELECT occupancy, count(*) FROM household GROUP BY occupancy").fetchall())
    assert 0.8 <= occupancy["lived_in"] / counts["household"] <= 0.9
    floors = column(store, "SELECT floors FROM building")
    assert 1 in floors and 6 in floors and max(floors) >= 18
    store.close()


def test_the_community_demo_looks_like_a_well_run_office(community_demo_template: Path) -> None:
    """Issue 18: most requests closed within their limits, a few open and overdue, none left for years;
    every status of the loop shows."""
    store = open_store(community_demo_template, check="none")
    try:
        assert column(store, "SELECT status FROM request") == set(REQUEST_STATUSES)
        open_ = "status IN ('collected', 'dispatched', 'in_progress') AND archived_at IS NULL"
        total = store.scalar("SELECT count(*) FROM request")
        opened = store.scalar(f"SELECT count(*) FROM request WHERE {open_}")
        overdue = store.scalar(
            f"SELECT count(*) FROM request WHERE {open_} AND due_at < :now", {"now": now_text()}
        )
        within = store.scalar("SELECT avg(resolved_at <= due_at) FROM request WHERE resolved_at IS NOT NULL")
        oldest = store.scalar(f"SELECT min(collected_at) FROM request WHERE {open_}")
        assert total > 1000 and 5 <= opened <= 60 and 1 <= overdue <= 30, (opened, overdue)
        assert within > 0.75
        assert oldest > (date.today() - timedelta(days=30)).isoformat()
    finally:
        store.close()


def now_text() -> str:
    from datetime import datetime

    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")
