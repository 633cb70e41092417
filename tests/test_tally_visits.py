"""The visit tallies (visits by day and method, households reached by day and week) against raw visit rows."""

from __future__ import annotations

import contextlib
import random
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridboard.models import ledger, tallies, undo, visits
from gridboard.models.errors import InvalidInput
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.models.tallies import visits as tally
from gridboard.models.vocab import REACHED_OUTCOMES, VISIT_METHODS, VISIT_OUTCOMES

TODAY = date.today()  # log_visit refuses visits after the real today
START = TODAY - timedelta(days=20)  # three or four weeks, the first one cut at START


# -- an independent count from the raw rows ---------------------------------------------------------


def raw_visits(
    store: Store, community_id: int | None, grid_id: int | None
) -> list[tuple[int, date, str, str]]:
    """(household, day, method, outcome) of the area's non-withdrawn visits, archived households too."""
    rows = store.execute(
        """
        SELECT v.household_id, substr(v.visited_at, 1, 10), v.method, v.outcome, b.grid_id, g.community_id
        FROM visit v JOIN household h ON h.id = v.household_id
        JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
        WHERE v.withdrawn_at IS NULL
        """
    ).fetchall()
    return [
        (h, when, method, outcome)
        for h, day, method, outcome, grid, community in rows
        if (grid == grid_id if grid_id is not None else community_id is None or community == community_id)
        and (when := real_date(day)) is not None
    ]


def real_date(text: str) -> date | None:
    """A visit's day, or None when its visited_at does not start with a real date (not counted)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if day.isoformat() == text else None


def raw_series(store: Store, community_id: int | None, grid_id: int | None, start: date, end: date):
    rows = [r for r in raw_visits(store, community_id, grid_id) if start <= r[1] <= end]

    def reached(first: date, last: date) -> int:
        return len({h for h, day, _, outcome in rows if first <= day <= last and outcome in REACHED_OUTCOMES})

    days, weeks = {}, {}
    day = start
    while day <= end:
        by_method = dict.fromkeys(VISIT_METHODS, 0)
        for _, when, method, _ in rows:
            by_method[method] += when == day
        days[day] = (by_method, reached(day, day))
        day += timedelta(days=1)
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        by_method = dict.fromkeys(VISIT_METHODS, 0)
        for _, when, method, _ in rows:
            by_method[method] += monday <= when <= monday + timedelta(days=6)
        weeks[monday] = (by_method, reached(max(monday, start), min(monday + timedelta(days=6), end)))
        monday += timedelta(days=7)
    return days, weeks


def raw_week_counts(store: Store, community_id: int | None, grid_id: int | None, today: date):
    monday = today - timedelta(days=today.weekday())
    days = [r[1] for r in raw_visits(store, community_id, grid_id)]
    return (
        sum(monday <= d <= today for d in days),
        sum(monday - timedelta(days=7) <= d < monday for d in days),
    )


def areas(store: Store) -> list[tuple[int | None, int | None]]:
    """Every dashboard area of the file: the whole file, each community, each grid."""
    communities = [(c, None) for (c,) in store.execute("SELECT id FROM community").fetchall()]
    grids = [(None, g) for (g,) in store.execute("SELECT id FROM grid").fetchall()]
    return [(None, None), *communities, *grids]


def assert_reads_match_raw(store: Store, start: date = START, end: date = TODAY) -> None:
    for community_id, grid_id in areas(store):
        assert tally.series(store, community_id, grid_id, start, end) == raw_series(
            store, community_id, grid_id, start, end
        ), (community_id, grid_id)
        assert tally.week_counts(store, community_id, grid_id, end) == raw_week_counts(
            store, community_id, grid_id, end
        ), (community_id, grid_id)


def assert_exact(store: Store) -> None:
    """The visit tallies equal a fresh count (tallies.verify, this module's tables: the others have their tests)."""
    assert [p for p in tallies.verify(store) if p.split(":")[0] in tally.TABLES] == []


def at(days_ago: int, hour: int = 10) -> str:
    return f"{(TODAY - timedelta(days=days_ago)).isoformat()} {hour:02d}:00:00"


def on_weekday(weekday: int, weeks_ago: int = 1) -> date:
    """A day of an earlier week (0 = Monday)."""
    monday = TODAY - timedelta(days=TODAY.weekday() + 7 * weeks_ago)
    return monday + timedelta(days=weekday)


# -- examples ---------------------------------------------------------------------------------------


def test_a_household_counts_once_per_day_and_week(small) -> None:
    store = small.store
    h = small.household(1, "101")
    monday, wednesday = on_weekday(0), on_weekday(2)
    first = visits.log_visit(store, household_id=h, visited_at=f"{monday} 09:00:00")
    second = visits.log_visit(store, household_id=h, visited_at=f"{monday} 15:00:00", method="phone")
    third = visits.log_visit(store, household_id=h, visited_at=f"{wednesday} 10:00:00")
    visits.log_visit(store, household_id=h, visited_at=f"{wednesday} 11:00:00", outcome="nobody_home")
    days, weeks = tally.series(store, None, small.grid, monday, TODAY)
    assert days[monday] == ({"in_person": 1, "phone": 1, "wechat": 0}, 1)
    assert days[wednesday] == ({"in_person": 2, "phone": 0, "wechat": 0}, 1)
    assert weeks[monday][1] == 1
    # The same week seen from Tuesday on still holds the household (reached again on Wednesday).
    assert tally.series(store, None, small.grid, monday + timedelta(days=1), TODAY)[1][monday][1] == 1

    withdrawn = undo.run(store, "Withdraw", visits.withdraw_visit, first)
    assert tally.series(store, small.community, None, monday, TODAY)[0][monday] == (
        {"in_person": 0, "phone": 1, "wechat": 0},
        1,
    )
    visits.withdraw_visit(store, second)
    visits.withdraw_visit(store, third)
    days, weeks = tally.series(store, None, None, monday, TODAY)
    assert days[monday][1] == 0 and days[wednesday] == ({"in_person": 1, "phone": 0, "wechat": 0}, 0)
    assert weeks[monday][1] == 0
    assert withdrawn.step is not None
    withdrawn.step.undo(store)
    assert tally.series(store, None, None, monday, TODAY)[1][monday][1] == 1
    assert_exact(store)
    assert_reads_match_raw(store, monday, TODAY)


def test_the_first_week_counts_only_households_reached_from_the_start(small) -> None:
    store = small.store
    a, b = small.household(1, "101"), small.household(1, "102")
    visits.log_visit(store, household_id=a, visited_at=f"{on_weekday(0)} 10:00:00")  # before the start
    visits.log_visit(store, household_id=b, visited_at=f"{on_weekday(3)} 10:00:00")
    start = on_weekday(2)
    assert tally.series(store, None, None, start, TODAY)[1][on_weekday(0)][1] == 1
    assert tally.series(store, None, None, on_weekday(0), TODAY)[1][on_weekday(0)][1] == 2
    assert_reads_match_raw(store, start, TODAY)


def test_corrections_move_visits_between_days_weeks_and_methods(small) -> None:
    store = small.store
    h = small.household(2, "302")
    visit = visits.log_visit(store, household_id=h, visited_at=at(9), outcome="nobody_home")
    visits.correct_visit(store, visit, outcome="met")
    visits.correct_visit(store, visit, visited_at=at(2), method="wechat")
    visits.correct_visit(store, visit, note="only the note: no tally work")
    days, _ = tally.series(store, None, None, START, TODAY)
    assert days[TODAY - timedelta(days=9)] == (dict.fromkeys(VISIT_METHODS, 0), 0)
    assert days[TODAY - timedelta(days=2)] == ({"in_person": 0, "phone": 0, "wechat": 1}, 1)
    assert_exact(store)
    assert_reads_match_raw(store)


def test_visits_this_week_and_last_week(small) -> None:
    store = small.store
    monday = TODAY - timedelta(days=TODAY.weekday())
    for day in (monday - timedelta(days=8), monday - timedelta(days=7), monday - timedelta(days=1), monday):
        visits.log_visit(store, household_id=small.household(1, "101"), visited_at=f"{day} 10:00:00")
    visits.log_visit(
        store, household_id=small.household(1, "102"), visited_at=f"{TODAY} 08:00:00", outcome="refused"
    )
    assert tally.week_counts(store, None, None, TODAY) == (2, 2)
    assert tally.week_counts(store, None, small.grid, TODAY) == (2, 2)
    assert tally.week_counts(store, small.community + 1000, None, TODAY) == (0, 0)


def test_raw_statements_several_rows_at_once_and_deletes(small) -> None:
    """Any write path keeps the tallies: one UPDATE over several visits, a DELETE, archiving."""
    store = small.store
    h = small.household(1, "201")
    for days_ago in (3, 3, 4, 11):
        visits.log_visit(store, household_id=h, visited_at=at(days_ago))
    store.execute("UPDATE visit SET withdrawn_at = '2026-01-01 00:00:00' WHERE household_id = ?", [h])
    assert_exact(store)
    store.execute("UPDATE visit SET withdrawn_at = NULL, outcome = 'refused' WHERE household_id = ?", [h])
    assert_exact(store)
    ledger.archive(store, "household", h)  # archived households keep their history in the charts
    # The last visit (alone in its week), then one of the two on one day (the other still reaches h).
    for visit in (store.scalar("SELECT max(id) FROM visit"), store.scalar("SELECT min(id) FROM visit")):
        store.execute("DELETE FROM visit_member WHERE visit_id = ?", [visit])
        store.execute("DELETE FROM visit WHERE id = ?", [visit])
        assert_exact(store)
    assert_reads_match_raw(store)


def test_visits_without_a_real_date_or_already_withdrawn_count_nowhere(small) -> None:
    store = small.store
    h = small.household(1, "101")
    for visited_at, withdrawn_at in (
        ("2026-02-30 10:00:00", None),
        ("soon", None),
        ("", None),
        (at(3), "2026-01-01 00:00:00"),
    ):
        store.execute(
            "INSERT INTO visit (uid, created_at, updated_at, household_id, visited_at, method, outcome,"
            " withdrawn_at) VALUES (?, '', '', ?, ?, 'phone', 'met', ?)",
            [f"raw-{visited_at}-{withdrawn_at}", h, visited_at, withdrawn_at],
        )
    assert store.scalar("SELECT count(*) FROM tally_visit_day") == 0
    store.execute("UPDATE visit SET visited_at = ?, withdrawn_at = NULL WHERE visited_at = 'soon'", [at(2)])
    assert sum(tally.week_counts(store, None, None, TODAY)) == 1
    assert_exact(store)
    assert_reads_match_raw(store)


def test_moves_take_the_visits_to_the_new_areas(small) -> None:
    store = small.store
    other_community = ledger.create_community(store, name="和平社区")
    far_grid = ledger.create_grid(store, community_id=other_community, name="第二网格")
    near_grid = ledger.create_grid(store, community_id=small.community, name="第三网格")
    hs = [small.household(1, "101"), small.household(1, "102"), small.household(2, "101")]
    for i, h in enumerate(hs):
        visits.log_visit(store, household_id=h, visited_at=at(i + 1))
        visits.log_visit(store, household_id=h, visited_at=at(i + 2), outcome="nobody_home")
    store.execute("UPDATE building SET grid_id = ? WHERE id = ?", [near_grid, small.building])
    assert tally.week_counts(store, None, small.grid, TODAY) == (0, 0)
    assert_exact(store)
    store.execute("UPDATE grid SET community_id = ? WHERE id = ?", [other_community, near_grid])
    assert tally.series(store, small.community, None, START, TODAY)[0][TODAY - timedelta(days=1)][1] == 0
    assert_exact(store)
    second = ledger.create_building(
        store, rooms="lived_in", grid_id=far_grid, name="5号楼", number=5, units=1, floors=1
    )
    store.execute("UPDATE household SET building_id = ?, room = 'x' WHERE id = ?", [second, hs[0]])
    assert tally.series(store, None, far_grid, START, TODAY)[0][TODAY - timedelta(days=1)][1] == 1
    assert_exact(store)
    assert_reads_match_raw(store)


# -- random sequences through the real model functions ----------------------------------------------

# Few households and days, so visits often share a household's day or week.
DAYS_AGO = st.sampled_from([0, 1, 2, 3, 6, 7, 9, 13, 20, 27])
OPERATIONS = st.one_of(
    st.tuples(
        st.just("log"),
        st.integers(0, 3),
        DAYS_AGO,
        st.integers(8, 17),
        st.sampled_from(sorted(VISIT_METHODS)),
        st.sampled_from(sorted(VISIT_OUTCOMES)),
    ),
    st.tuples(st.sampled_from(["withdraw", "restore", "delete"]), st.integers(0, 50)),
    st.tuples(
        st.just("correct"),
        st.integers(0, 50),
        st.one_of(st.none(), DAYS_AGO),
        st.one_of(st.none(), st.sampled_from(sorted(VISIT_METHODS))),
        st.one_of(st.none(), st.sampled_from(sorted(VISIT_OUTCOMES))),
    ),
    st.tuples(st.just("withdraw_household"), st.integers(0, 7)),
    st.tuples(
        st.just("raw_date"), st.integers(0, 50), st.sampled_from(["2026-02-30 10:00:00", "soon", 1, 6, 13])
    ),
    st.tuples(st.just("raw_household"), st.integers(0, 50), st.integers(0, 7)),
    st.tuples(st.just("move_household"), st.integers(0, 7), st.integers(0, 2)),
    st.tuples(st.just("move_building"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("move_grid"), st.integers(0, 2), st.integers(0, 1)),
)


def _world(small) -> tuple[list[int], list[int], list[int], list[int]]:
    """Two communities, three grids, three buildings; eight households to visit."""
    store = small.store
    communities = [small.community, ledger.create_community(store, name="和平社区")]
    grids = [
        small.grid,
        ledger.create_grid(store, community_id=communities[0], name="第二网格"),
        ledger.create_grid(store, community_id=communities[1], name="第三网格"),
    ]
    buildings = [small.building] + [
        ledger.create_building(
            store,
            rooms="lived_in",
            grid_id=grid,
            name=f"{n}号楼",
            number=n,
            units=1,
            floors=2,
            rooms_per_floor=2,
        )
        for n, grid in ((5, grids[1]), (6, grids[2]))
    ]
    households = [
        h
        for building in buildings
        for (h,) in store.execute(
            "SELECT id FROM household WHERE building_id = ? ORDER BY id LIMIT 3", [building]
        ).fetchall()
    ][:8]
    return communities, grids, buildings, households


def _apply(store: Store, op: tuple, world: tuple[list[int], list[int], list[int], list[int]]) -> None:
    communities, grids, buildings, households = world
    ids = [i for (i,) in store.execute("SELECT id FROM visit ORDER BY id").fetchall()]
    live = [i for (i,) in store.execute("SELECT id FROM visit WHERE withdrawn_at IS NULL ORDER BY id")]
    withdrawn = sorted(set(ids) - set(live))
    kind = op[0]
    if kind == "log":
        _, h, days_ago, hour, method, outcome = op
        visits.log_visit(
            store, household_id=households[h], visited_at=at(days_ago, hour), method=method, outcome=outcome
        )
    elif kind == "withdraw" and live:
        visits.withdraw_visit(store, live[op[1] % len(live)])
    elif kind == "restore" and withdrawn:
        # As undo puts a withdrawn visit back: its row as it was, by SQL (the triggers keep the counts).
        store.execute(
            "UPDATE visit SET withdrawn_at = NULL, withdrawn_reason = '' WHERE id = ?",
            [withdrawn[op[1] % len(withdrawn)]],
        )
    elif kind == "delete" and ids:
        visit = ids[op[1] % len(ids)]
        store.execute("DELETE FROM visit_member WHERE visit_id = ?", [visit])
        store.execute("DELETE FROM visit WHERE id = ?", [visit])
    elif kind == "correct" and ids:
        _, i, days_ago, method, outcome = op
        values = {
            "visited_at": at(days_ago, 9) if days_ago is not None else None,
            "method": method,
            "outcome": outcome,
        }
        values = {k: v for k, v in values.items() if v is not None} or {"note": "corrected"}
        visits.correct_visit(store, ids[i % len(ids)], **values)
    elif kind == "withdraw_household":
        store.execute(
            "UPDATE visit SET withdrawn_at = '2026-01-01 00:00:00' WHERE household_id = ?",
            [households[op[1]]],
        )
    elif kind == "raw_date" and ids:  # any writer: dates that are not real dates count nowhere
        when = op[2] if isinstance(op[2], str) else at(op[2], 12)
        store.execute("UPDATE visit SET visited_at = ? WHERE id = ?", [when, ids[op[1] % len(ids)]])
    elif kind == "raw_household" and ids:
        store.execute(
            "UPDATE visit SET household_id = ? WHERE id = ?", [households[op[2]], ids[op[1] % len(ids)]]
        )
    elif kind == "move_household":
        h = households[op[1]]
        store.execute(
            "UPDATE household SET building_id = ?, unit = 1, room = ? WHERE id = ?",
            [buildings[op[2]], f"moved-{h}", h],
        )
    elif kind == "move_building":
        store.execute("UPDATE building SET grid_id = ? WHERE id = ?", [grids[op[2]], buildings[op[1]]])
    elif kind == "move_grid":
        store.execute("UPDATE grid SET community_id = ? WHERE id = ?", [communities[op[2]], grids[op[1]]])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(OPERATIONS, min_size=8, max_size=30))
def test_random_operations_keep_the_tallies_exact(small, operations) -> None:
    store = small.store
    # Each example runs in a savepoint rolled back at the end: the same small file every time.
    store.execute("SAVEPOINT example")
    try:
        world = _world(small)
        for op in operations:
            with contextlib.suppress(InvalidInput):  # an action refusing (a raw date it rejects) is fine
                _apply(store, op, world)
        assert_exact(store)
        assert_reads_match_raw(store)
    finally:
        store.execute("ROLLBACK TO example")
        store.execute("RELEASE example")


# -- a demo file ------------------------------------------------------------------------------------


def test_many_logged_visits_on_the_demo_file(community_demo: Path) -> None:
    store = open_store(community_demo, operator="tester", check="none")
    try:
        assert_exact(store)  # the demo was loaded with the triggers dropped, then rebuilt
        rng = random.Random(6)
        households = [h for (h,) in store.execute("SELECT id FROM household ORDER BY id").fetchall()]
        logged = []
        for _ in range(300):
            logged.append(
                visits.log_visit(
                    store,
                    household_id=rng.choice(households[:40]),  # few households: repeats within days
                    visited_at=at(rng.randrange(15), rng.randrange(8, 18)),
                    method=rng.choice(sorted(VISIT_METHODS)),
                    outcome=rng.choice(sorted(VISIT_OUTCOMES)),
                )
            )
        for visit in logged[::7]:
            visits.withdraw_visit(store, visit)
        assert_exact(store)
        grid = store.scalar(
            "SELECT b.grid_id FROM household h JOIN building b ON b.id = h.building_id WHERE h.id = ?",
            [households[0]],
        )
        community = store.scalar("SELECT community_id FROM grid WHERE id = ?", [grid])
        for community_id, grid_id in ((None, None), (community, None), (None, grid)):
            assert tally.series(store, community_id, grid_id, START, TODAY) == raw_series(
                store, community_id, grid_id, START, TODAY
            )
            assert tally.week_counts(store, community_id, grid_id, TODAY) == raw_week_counts(
                store, community_id, grid_id, TODAY
            )
        # Grid rows add up to their community and to the whole file.
        visits_sql = " + ".join(VISIT_METHODS)
        totals = dict(
            store.execute(f"SELECT area, sum({visits_sql}) FROM tally_visit_day GROUP BY area").fetchall()
        )
        assert totals["all"] == totals["community"] == totals["grid"]
        assert totals["all"] == store.scalar("SELECT count(*) FROM visit WHERE withdrawn_at IS NULL")
    finally:
        store.close()


def test_series_unused_fields_stay_zero(small) -> None:
    days, weeks = tally.series(small.store, None, None, START, TODAY)
    assert len(days) == 21 and all(v == (dict.fromkeys(VISIT_METHODS, 0), 0) for v in days.values())
    assert min(weeks) <= START and all(m.weekday() == 0 for m in weeks)
