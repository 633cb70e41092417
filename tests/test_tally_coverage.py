"""The coverage tallies (grid, member, tag counts kept by triggers) against fresh counts from raw rows."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from gridboard.models import ledger, pairing, rules, tallies, visits
from gridboard.models.area import Area
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.models.tallies import coverage

TODAY = date(2026, 11, 27)


def since(store: Store, on: date = TODAY) -> coverage.Since:
    return rules.current_cycles(store).since(on)


def raw_grid_counts(store: Store, on: date) -> dict[int, tuple[int, int, int, int, int]]:
    """rules.coverage by grid (the board's own definition), with current residents by grid."""
    residents = dict(
        store.execute(
            """
            SELECT b.grid_id, count(*) FROM resident r JOIN household h ON h.id = r.household_id
            JOIN building b ON b.id = h.building_id
            WHERE h.archived_at IS NULL AND b.archived_at IS NULL
                AND r.moved_out_at IS NULL AND r.archived_at IS NULL
            GROUP BY 1
            """
        ).fetchall()
    )
    return {
        c.key: (c.households, c.paired, c.visited_in_cycle, c.priority, residents.get(c.key, 0))
        for c in rules.coverage(store, "grid", on=on)
        if c.households or residents.get(c.key)
    }


def kept_grid_counts(store: Store, on: date) -> dict[int, tuple[int, int, int, int, int]]:
    return {
        grid: (c.households, c.paired, c.in_cycle, c.priority, c.residents)
        for grid, c in coverage.counts(store.db, "grid", since(store, on)).items()
        if c.households or c.residents
    }


def raw_member_loads(store: Store, on: date, grid: int | None = None) -> dict[int, tuple[int, int]]:
    """Each member's lived-in households (pairings and scopes, each household once) and those in cycle."""
    rows = store.execute(
        f"""
        SELECT mh.member_id, sum(h.occupancy != 'vacant') AS lived, coalesce(sum({rules.in_cycle_sql()}), 0)
        FROM (
            SELECT member_id, household_id FROM pairing WHERE ended_on IS NULL
            UNION
            SELECT s.member_id, h.id FROM scope s JOIN household h ON h.building_id = s.building_id
                AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
            WHERE s.ended_on IS NULL
        ) mh JOIN household h ON h.id = mh.household_id JOIN building b ON b.id = h.building_id
        WHERE h.archived_at IS NULL AND b.archived_at IS NULL AND (:grid IS NULL OR b.grid_id = :grid)
        GROUP BY 1 HAVING lived > 0
        """,
        {**rules.rule_params(rules.current_cycles(store), on), "grid": grid},
    ).fetchall()
    return {member: (lived, done) for member, lived, done in rows}


def kept_member_loads(store: Store, on: date, grid: int | None = None) -> dict[int, tuple[int, int]]:
    found = coverage.lagging_members(store.db, since(store, on), area=Area(grid=grid))
    return {m: (h, done) for m, _, h, done in found}


def raw_tag_counts(store: Store, on: date) -> dict[int, tuple[int, int, int]]:
    params = rules.rule_params(rules.current_cycles(store), on)
    rows = store.execute(
        f"""
        SELECT rt.tag_id, count(DISTINCT r.id),
            count(DISTINCT CASE WHEN h.occupancy != 'vacant' THEN h.id END),
            count(DISTINCT CASE WHEN {rules.in_cycle_sql()} THEN h.id END)
        FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id
        JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id
        WHERE h.archived_at IS NULL AND b.archived_at IS NULL AND r.moved_out_at IS NULL AND r.archived_at IS NULL
        GROUP BY 1
        """,
        params,
    ).fetchall()
    return {tag: (residents, households, done) for tag, residents, households, done in rows}


def kept_tag_counts(store: Store, on: date) -> dict[int, tuple[int, int, int]]:
    return {
        tag: (c.residents, c.households, c.in_cycle)
        for tag, c in coverage.counts(store.db, "tag", since(store, on)).items()
        if c.residents or c.households
    }


def assert_tallies_exact(store: Store) -> None:
    assert tallies.verify(store.db) == []
    grid = store.scalar("SELECT min(id) FROM grid")
    for on in (TODAY, TODAY + timedelta(days=3), TODAY - timedelta(days=40)):
        assert kept_grid_counts(store, on) == raw_grid_counts(store, on)
        assert kept_tag_counts(store, on) == raw_tag_counts(store, on)
        assert kept_member_loads(store, on) == raw_member_loads(store, on)
        assert kept_member_loads(store, on, grid) == raw_member_loads(store, on, grid)


@pytest.fixture
def demo(community_demo: Path) -> Store:
    store = open_store(community_demo, check="none")
    yield store
    store.close()


def test_demo_file_tallies_match_raw_counts(demo: Store) -> None:
    assert_tallies_exact(demo)


def test_reading_at_another_clock_matches_advancing_it(demo: Store) -> None:
    later = since(demo, TODAY + timedelta(days=10))
    read = coverage.counts(demo.db, "grid", later)
    with demo.atomic():
        coverage.advance(demo.db, later)
    assert coverage.clock(demo.db) == later
    assert coverage.counts(demo.db, "grid", later) == read
    assert tallies.verify(demo.db) == []


def test_opening_a_file_moves_the_clock_to_today(community_demo: Path) -> None:
    store = open_store(community_demo, check="none")
    with store.atomic():
        coverage.advance(store.db, since(store, date.today() - timedelta(days=30)))
    store.close()
    store = open_store(community_demo, check="none")
    assert coverage.clock(store.db) == since(store, date.today())
    assert tallies.verify(store.db) == []
    store.close()


def test_lagging_members_come_most_behind_first(demo: Store) -> None:
    members = coverage.lagging_members(demo.db, since(demo), limit=10)
    behind = [households - done for _, _, households, done in members]
    assert len(members) == 10
    assert behind == sorted(behind, reverse=True)
    everyone = coverage.lagging_members(demo.db, since(demo))
    assert members == everyone[:10]
    assert max(h - d for _, _, h, d in everyone) == behind[0]


def _random_action(store: Store, rng: random.Random) -> str:
    """One ordinary action a secretary might take, chosen at random; returns its name."""

    def pick(sql: str) -> int | None:
        rows = store.execute(sql).fetchall()
        return rng.choice(rows)[0] if rows else None

    household = pick("SELECT id FROM household WHERE archived_at IS NULL ORDER BY random() LIMIT 5")
    member = pick("SELECT id FROM member ORDER BY random() LIMIT 5")
    building = pick("SELECT id FROM building ORDER BY random() LIMIT 5")
    action = rng.choice(
        [
            "visit",
            "visit",
            "withdraw",
            "pair",
            "end_pairing",
            "scope",
            "end_scope",
            "occupancy",
            "archive_household",
            "tags",
            "move_out",
            "add_resident",
            "add_household",
            "move_building",
            "archive_building",
        ]
    )
    if action == "visit":
        day = TODAY - timedelta(days=rng.randrange(0, 120))
        visits.log_visit(
            store,
            household_id=household,
            visited_at=f"{day.isoformat()} 10:00:00",
            outcome=rng.choice(["met", "met", "nobody_home", "refused"]),
        )
    elif action == "withdraw":
        visit = pick("SELECT id FROM visit WHERE withdrawn_at IS NULL ORDER BY visited_at DESC LIMIT 20")
        visits.withdraw_visit(store, visit, reason="录错了")
    elif action == "pair":
        if not store.scalar(
            "SELECT 1 FROM pairing WHERE member_id = ? AND household_id = ? AND ended_on IS NULL",
            [member, household],
        ):
            pairing.pair_member(store, member_id=member, household_id=household)
    elif action == "end_pairing":
        active = pick("SELECT id FROM pairing WHERE ended_on IS NULL ORDER BY random() LIMIT 1")
        pairing.end_pairing(store, active, reason="调整")
    elif action == "scope":
        units = store.scalar("SELECT units FROM building WHERE id = ?", [building])
        unit = rng.choice([None, rng.randrange(1, units + 1)])
        floor = rng.choice([None, None, 1, 2])
        pairing.add_scope(store, member_id=member, building_id=building, unit=unit, floor=floor)
    elif action == "end_scope":
        active = pick("SELECT id FROM scope WHERE ended_on IS NULL ORDER BY random() LIMIT 1")
        if active:
            pairing.end_scope(store, active, reason="调整")
    elif action == "occupancy":
        ledger.update_household(store, household, occupancy=rng.choice(["lived_in", "rented_out", "vacant"]))
    elif action == "archive_household":
        ledger.archive(store, "household", household)
    elif action == "tags":
        resident = pick(
            "SELECT id FROM resident WHERE moved_out_at IS NULL AND archived_at IS NULL ORDER BY random() LIMIT 3"
        )
        codes = [c for (c,) in store.execute("SELECT code FROM tag").fetchall()]
        ledger.set_resident_tags(store, resident, rng.sample(codes, rng.randrange(0, 3)))
    elif action == "move_out":
        ledger.move_out(store, household)
    elif action == "add_resident":
        codes = [c for (c,) in store.execute("SELECT code FROM tag").fetchall()]
        ledger.add_resident(store, household_id=household, name="新居民", tags=rng.sample(codes, 1))
    elif action == "add_household":
        floors = store.scalar("SELECT floors FROM building WHERE id = ?", [building])
        room = f"9{rng.randrange(100, 999)}"
        if ledger.household_at(store, building, 1, room) is None:
            ledger.add_household(
                store, building_id=building, unit=1, floor=rng.randrange(1, floors + 1), room=room
            )
    elif action == "move_building":
        grid = pick("SELECT id FROM grid ORDER BY random() LIMIT 3")
        store.execute("UPDATE building SET grid_id = ? WHERE id = ?", [grid, building])
    elif action == "archive_building":
        archived = store.scalar("SELECT archived_at FROM building WHERE id = ?", [building])
        store.execute(
            "UPDATE building SET archived_at = ? WHERE id = ?", [None if archived else "2026-11-01", building]
        )
    return action


def test_every_action_keeps_the_tallies_exact(demo: Store) -> None:
    rng = random.Random(20261127)
    done = set()
    for step in range(120):
        done.add(_random_action(demo, rng))
        if step % 20 == 19:
            assert_tallies_exact(demo)
    assert len(done) >= 14  # nearly every kind of action was taken


def test_a_failed_action_leaves_the_tallies_as_they_were(small) -> None:
    store = small.store
    household = small.household(1, "101")
    before = store.execute("SELECT * FROM tally_count").fetchall()
    with pytest.raises(RuntimeError, match="power"), store.atomic():
        pairing.pair_member(store, member_id=small.member, household_id=household)
        raise RuntimeError("the power went out")
    assert store.execute("SELECT * FROM tally_count").fetchall() == before
    assert tallies.verify(store.db) == []


def test_new_cycles_move_the_clock_and_keep_the_tallies_exact(demo: Store) -> None:
    from gridboard.models import emergency, settings

    settings.set_setting(demo, "cycle_normal_days", 60)
    assert coverage.clock(demo.db) == since(demo, date.today())
    emergency_id = emergency.declare_emergency(demo, name="寒潮", cycle_priority_days=1, cycle_other_days=7)
    assert coverage.clock(demo.db) == since(demo, date.today())
    assert rules.current_cycles(demo).priority == 1
    assert_tallies_exact(demo)
    emergency.end_emergency(demo, emergency_id)
    assert coverage.clock(demo.db) == since(demo, date.today())
    assert_tallies_exact(demo)


def test_visit_times_are_stored_in_one_form_the_tallies_and_rules_agree_on(demo: Store) -> None:
    household = demo.scalar(
        "SELECT id FROM household WHERE priority_tier = 1 AND occupancy != 'vacant' AND archived_at IS NULL"
        " ORDER BY last_reached_at LIMIT 1"
    )
    yesterday = date.today() - timedelta(days=1)
    for written in (f"{yesterday} 08", f"{yesterday}T09:30:00", f"{yesterday} 10:00:00.123456"):
        visit = visits.log_visit(demo, household_id=household, visited_at=written)
        stored = demo.scalar("SELECT visited_at FROM visit WHERE id = ?", [visit])
        assert len(stored) == 19 and stored.startswith(f"{yesterday} ")
    # Text the rules and the tallies read alike, even if written around the app.
    demo.execute("UPDATE household SET last_reached_at = ? WHERE id = ?", [f"{yesterday} 08", household])
    assert_tallies_exact(demo)


def test_a_grid_with_no_households_left_leaves_the_dashboard_at_once(demo: Store) -> None:
    from gridboard.models import dashboard

    grid = demo.scalar("SELECT min(id) FROM grid")
    for (building,) in demo.execute("SELECT id FROM building WHERE grid_id = ?", [grid]).fetchall():
        ledger.archive(demo, "building", building)
    shown = [row.key for row in dashboard.grid_coverage(demo, dashboard.Filters())]
    assert grid not in shown
    assert shown == [c.key for c in rules.coverage(demo, "grid") if c.households]
