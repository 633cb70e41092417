"""The request tallies (open, collected, resolved with exact medians, rated) and the scarce supplies
still needed, against independent counts from the raw rows, through random request lifecycles."""

from __future__ import annotations

import random
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from gridboard.models import ledger, records, requests, supplies, tallies
from gridboard.models.errors import IllegalTransition
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.models.tallies import requests as tally
from gridboard.models.vocab import OPEN_REQUEST_STATUSES, RATINGS, REQUEST_CATEGORIES

NOW = datetime.now().replace(microsecond=0) - timedelta(minutes=1)  # steps may not be in the future
TODAY = NOW.date()
NOW_TEXT = NOW.isoformat(sep=" ")
ITEMS = [("降压药", "盒"), ("口罩", "个"), ("大米", "kg"), ("大米", "袋")]
OPEN = ",".join(f"'{s}'" for s in OPEN_REQUEST_STATUSES)


# -- an independent count from the raw rows ---------------------------------------------------------


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def raw_requests(store: Store, community_id: int | None, grid_id: int | None) -> list[dict]:
    """The area's requests not withdrawn (households and buildings archived or not)."""
    rows = store.query(
        """
        SELECT r.*, b.grid_id, g.community_id FROM request r JOIN household h ON h.id = r.household_id
        JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
        WHERE r.archived_at IS NULL
        """
    )
    return [
        dict(r)
        for r in rows
        if (r["grid_id"] == grid_id if grid_id is not None else community_id in (None, r["community_id"]))
    ]


def _median_hours(rows: list[dict]) -> float | None:
    hours = [(_time(r["resolved_at"]) - _time(r["collected_at"])).total_seconds() / 3600 for r in rows]
    return statistics.median(hours) if hours else None


def expected_figures(store: Store, community_id: int | None, grid_id: int | None, start: date) -> dict:
    rows = raw_requests(store, community_id, grid_id)
    open_rows = [r for r in rows if r["status"] in OPEN_REQUEST_STATUSES]
    ages = [0] * len(tally.AGE_BUCKETS)
    for r in open_rows:
        age = NOW - _time(r["collected_at"])
        ages[
            next(i for i, (_, hi) in enumerate(tally.AGE_BUCKETS) if hi is None or age < timedelta(days=hi))
        ] += 1
    by_category_status: dict = defaultdict(Counter)
    for r in rows:
        if start <= date.fromisoformat(r["collected_at"][:10]) <= TODAY:
            by_category_status[r["category"]][r["status"]] += 1
    resolved = [
        r for r in rows if r["resolved_at"] and start <= date.fromisoformat(r["resolved_at"][:10]) <= TODAY
    ]
    weekly = (TODAY - start).days + 1 <= tally.WEEKLY_TREND_DAYS
    trend, point = [], start - timedelta(days=start.weekday()) if weekly else start.replace(day=1)
    while point <= TODAY:
        following = point + timedelta(days=7) if weekly else (point + timedelta(days=32)).replace(day=1)
        inside = [r for r in resolved if point <= date.fromisoformat(r["resolved_at"][:10]) < following]
        trend.append((point, len(inside), _median_hours(inside)))
        point = following
    rated = [
        r
        for r in rows
        if r["rating"] is not None
        and (r["followed_up_at"] or r["reopened_at"]) is not None
        and date.fromisoformat((r["followed_up_at"] or r["reopened_at"])[:10]) >= start
    ]
    return {
        "open": len(open_rows),
        "overdue": sum(r["due_at"] is not None and r["due_at"] < NOW_TEXT for r in open_rows),
        "open_by_category": dict(Counter(r["category"] for r in open_rows)),
        "ages": ages,
        "by_category_status": {c: dict(s) for c, s in by_category_status.items()},
        "resolved": len(resolved),
        "median_hours": _median_hours(resolved),
        "rated": len(rated),
        "satisfied": sum(r["rating"] in tally.SATISFIED_RATINGS for r in rated),
        "trend": trend,
    }


def _close(a: float | None, b: float | None) -> bool:
    """julianday's hours against exact seconds: equal but for float rounding."""
    return a == b or (a is not None and b is not None and abs(a - b) < 1e-6)


def assert_figures_match_raw(store: Store, periods: tuple[int, ...] = (365, 90, 45, 7)) -> None:
    communities = [(c, None) for (c,) in store.execute("SELECT id FROM community").fetchall()]
    grids = [(None, g) for (g,) in store.execute("SELECT id FROM grid").fetchall()]
    for community_id, grid_id in [(None, None), *communities, *grids]:
        for days in periods:
            start = TODAY - timedelta(days=days - 1)
            got = tally.figures(store, community_id, grid_id, start, TODAY, NOW_TEXT)
            want = expected_figures(store, community_id, grid_id, start)
            where = (community_id, grid_id, days)
            for name in ("open", "overdue", "open_by_category", "ages", "by_category_status"):
                assert getattr(got, name) == want[name], (name, where)
            for name in ("resolved", "rated", "satisfied"):
                assert getattr(got, name) == want[name], (name, where)
            assert _close(got.median_hours, want["median_hours"]), where
            assert [p[:2] for p in got.trend] == [p[:2] for p in want["trend"]], where
            assert all(_close(g[2], w[2]) for g, w in zip(got.trend, want["trend"])), where


def expected_needs(store: Store, within: dict[str, int]) -> list[tuple]:
    """The 紧缺物资 list from the raw rows: items of open requests, by grid, item and unit."""
    rows = store.query(
        f"""
        SELECT ri.id, ri.item, ri.unit, ri.quantity, r.id AS request, r.household_id, b.id AS building,
            g.id AS grid, g.name, g.sort_order, g.community_id,
            (SELECT total(quantity) FROM supply_delivery d WHERE d.request_item_id = ri.id) AS delivered
        FROM request_item ri JOIN request r ON r.id = ri.request_id JOIN household h ON h.id = r.household_id
        JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id
        WHERE ri.archived_at IS NULL AND r.archived_at IS NULL
            AND r.status IN ({OPEN})
        """
    )
    groups: dict = {}
    for r in rows:
        if any(r[column] != value for column, value in _where(within)):
            continue
        acc = groups.setdefault(
            (r["grid"], r["item"], r["unit"]), [r["sort_order"], r["name"], 0.0, 0.0, set(), set()]
        )
        acc[2] += r["quantity"]
        acc[3] += min(r["delivered"], r["quantity"])
        acc[4].add(r["request"])
        acc[5].add(r["household_id"])
    needs = [
        (grid, name, item, unit, needed, done, len(reqs), len(households), order)
        for (grid, item, unit), (order, name, needed, done, reqs, households) in groups.items()
    ]
    needs.sort(key=lambda n: (n[8], n[0], -(n[4] - n[5]), n[2], n[3]))
    return [n[:8] for n in needs]


def _where(within: dict[str, int]) -> list[tuple[str, int]]:
    return [
        ({"community": "community_id", "grid": "grid", "building": "building"}[k], v)
        for k, v in within.items()
    ]


def assert_needs_match_raw(store: Store) -> None:
    places = store.execute(
        "SELECT DISTINCT g.community_id, g.id, b.id FROM building b JOIN grid g ON g.id = b.grid_id"
    )
    withins = [{}]
    for community, grid, building in places.fetchall():
        withins += [{"community": community}, {"grid": grid}, {"building": building}]
    for within in withins:
        got = supplies.needed_by_grid_item(store, within=within)
        assert [
            (n.grid_id, n.grid_name, n.item, n.unit, n.needed, n.delivered, n.requests, n.households)
            for n in got
        ] == expected_needs(store, within), within
        # The dashboard's list by item alone, in one query (quantities here add up exactly).
        assert supplies.needed_by_item(store, within=within) == supplies.totals_by_item(got), within


def _rows(store: Store, table: str) -> set[tuple]:
    zero = tally.ZERO_ROWS.get(table)
    return set(store.execute(f"SELECT * FROM {table}" + (f" WHERE NOT ({zero})" if zero else "")).fetchall())


def requests_exact(store: Store) -> bool:
    """tallies.verify for this module's tables alone (cheaper, to check after every single write)."""
    kept = {t: _rows(store, t) for t in tally.TABLES}
    store.execute("SAVEPOINT tally_requests")
    try:
        tally.rebuild(store)
        fresh = {t: _rows(store, t) for t in tally.TABLES}
    finally:
        store.execute("ROLLBACK TO tally_requests")
        store.execute("RELEASE tally_requests")
    return kept == fresh


# -- a small world and random lifecycles -------------------------------------------------------------


@dataclass
class World:
    store: Store
    communities: list[int]
    grids: list[int]
    buildings: list[int]
    households: list[int]
    member: int


def make_world(store: Store) -> World:
    communities = [ledger.create_community(store, name=name) for name in ("幸福社区", "和平社区")]
    grids = [
        ledger.create_grid(store, community_id=communities[0], name="第一网格"),
        ledger.create_grid(store, community_id=communities[0], name="第二网格", sort_order=1),
        ledger.create_grid(store, community_id=communities[1], name="第一网格"),
    ]
    buildings = [
        ledger.create_building(
            store, rooms="lived_in", grid_id=grid, name=f"{n}号楼", number=n, floors=2, rooms_per_floor=2
        )
        for n, grid in enumerate([grids[0], grids[0], grids[1], grids[2]], start=1)
    ]
    households = [h for (h,) in store.execute("SELECT id FROM household ORDER BY id").fetchall()]
    member = ledger.add_member(store, community_id=communities[0], name="张三", kind="community_member")
    return World(store, communities, grids, buildings, households, member)


def _iso(moment: datetime) -> str:
    return moment.isoformat(sep=" ")


def _next_step(store: Store, request_id: int, rng: random.Random) -> str:
    """A time after the request's last step (steps never go back), never after NOW."""
    last = _time(
        store.scalar(
            "SELECT coalesce(max(s.at), r.collected_at) FROM request r"
            " LEFT JOIN request_step s ON s.request_id = r.id WHERE r.id = ?",
            [request_id],
        )
    )
    return _iso(min(last + timedelta(minutes=rng.choice([0, 7, 90, 600, 2000, 5000, 20000])), NOW))


def _pick(store: Store, rng: random.Random, sql: str) -> int | None:
    ids = [r for (r,) in store.execute(sql).fetchall()]
    return rng.choice(ids) if ids else None


def _raise(w: World, rng: random.Random) -> None:
    category = rng.choice([*REQUEST_CATEGORIES, "supplies", "supplies"])
    items = []
    if category == "supplies":
        lines = [rng.choice(ITEMS) for _ in range(rng.randint(1, 3))]
        items = [(item, rng.choice([1, 2, 0.5, 3.5, 10]), unit) for item, unit in lines]
    # Mostly within the last year and a bit, some right now (ages under a day), some at exact hours.
    collected = NOW - timedelta(
        minutes=rng.choice([0, 30, rng.randint(0, 600_000), rng.randint(0, 40) * 1440])
    )
    requests.raise_request(
        w.store,
        household_id=rng.choice(w.households),
        category=category,
        urgency=rng.choice(["normal", "urgent", "critical"]),
        at=_iso(collected),
        items=items,
    )


def _step(w: World, rng: random.Random) -> None:
    store = w.store
    request_id = _pick(store, rng, "SELECT id FROM request WHERE archived_at IS NULL")
    if request_id is None:
        return
    status = store.scalar("SELECT status FROM request WHERE id = ?", [request_id])
    at = _next_step(store, request_id, rng)
    try:
        if status in ("collected", "dispatched") and rng.random() < 0.8:
            if rng.random() < 0.5:
                requests.dispatch_request(store, request_id, member_id=w.member, at=at)
            else:
                requests.dispatch_request(store, request_id, department="物业公司", at=at)
        elif status == "dispatched":
            requests.start_request(store, request_id, at=at)
        elif status == "in_progress":
            deliveries = {
                item.id: rng.choice([0, 1, item.quantity, item.quantity + 2])
                for item in supplies.request_items(store, request_id)
            }
            requests.resolve_request(store, request_id, resolution="已办结", at=at, deliveries=deliveries)
        elif status == "resolved":
            requests.follow_up_request(store, request_id, rating=rng.choice(list(RATINGS)), at=at)
        elif rng.random() < 0.3:
            requests.withdraw_request(store, request_id, at=at)
    except IllegalTransition:
        pass


def _import(w: World, rng: random.Random) -> None:
    """A request written in one go in any state (as an import or undo would), not step by step."""
    collected = NOW - timedelta(minutes=rng.randint(0, 600_000))
    later = [_iso(min(collected + timedelta(minutes=rng.randint(0, 9000) * k), NOW)) for k in (1, 2, 3)]
    status = rng.choice(["collected", "in_progress", "resolved", "followed_up", "followed_up"])
    records.insert(
        w.store,
        "request",
        {
            "household_id": rng.choice(w.households),
            "category": rng.choice(list(REQUEST_CATEGORIES)),
            "status": status,
            "collected_at": _iso(collected),
            "due_at": later[0],
            "resolved_at": later[1] if status in ("resolved", "followed_up") else None,
            "followed_up_at": later[2] if status == "followed_up" else None,
            "rating": rng.choice(list(RATINGS)) if status == "followed_up" else None,
            "archived_at": rng.choice([None, None, None, later[0]]),
        },
    )


def _raw_change(w: World, rng: random.Random) -> None:
    """Writes that do not go through the request functions (an import, a repair, a future feature)."""
    store = w.store
    pool = rng.choice(["1", "resolved_at IS NOT NULL", "rating IS NOT NULL"])
    request_id = _pick(store, rng, f"SELECT id FROM request WHERE {pool}")
    if request_id is None:
        return
    moment = _iso(NOW - timedelta(minutes=rng.randint(0, 500_000)))
    change = rng.choice(
        [
            ("category = ?", [rng.choice(list(REQUEST_CATEGORIES))]),
            ("collected_at = ?", [moment]),
            ("due_at = ?", [rng.choice([None, moment])]),
            ("household_id = ?", [rng.choice(w.households)]),
            ("archived_at = ?", [rng.choice([None, moment])]),
            ("status = ?, resolved_at = ?", ["resolved", moment]),
            ("resolved_at = NULL", []),
            ("rating = ?, followed_up_at = ?", ["basic", moment]),
            ("rating = ?", [rng.choice([None, *RATINGS])]),
            ("reopened_at = ?", [rng.choice([None, moment])]),
            ("followed_up_at = ?", [rng.choice([None, moment])]),
            (
                "status = ?, category = ?, household_id = ?",
                [rng.choice(OPEN_REQUEST_STATUSES), "supplies", rng.choice(w.households)],
            ),
        ]
    )
    store.execute(f"UPDATE request SET {change[0]} WHERE id = ?", [*change[1], request_id])


def _delete_request(w: World, rng: random.Random) -> None:
    store = w.store
    request_id = _pick(store, rng, "SELECT id FROM request")
    if request_id is not None:
        store.execute("DELETE FROM request_step WHERE request_id = ?", [request_id])
        store.execute("DELETE FROM request_item WHERE request_id = ?", [request_id])
        store.execute("DELETE FROM request WHERE id = ?", [request_id])


def _supplies(w: World, rng: random.Random) -> None:
    store = w.store
    item_id = _pick(
        store,
        rng,
        "SELECT ri.id FROM request_item ri JOIN request r ON r.id = ri.request_id"
        f" WHERE ri.archived_at IS NULL {'AND r.status IN (' + OPEN + ')' if rng.random() < 0.7 else ''}",
    )
    request_id = _pick(store, rng, "SELECT id FROM request WHERE archived_at IS NULL")
    delivery_id = _pick(store, rng, "SELECT id FROM supply_delivery")
    choice = rng.randrange(8)
    if choice == 7 and item_id:
        store.execute("DELETE FROM request_item WHERE id = ?", [item_id])
    elif choice == 0 and item_id:
        supplies.record_delivery(store, request_item_id=item_id, quantity=rng.choice([1, 2.5]))
    elif choice == 1 and item_id:
        supplies.remove_request_item(store, item_id)
    elif choice == 2 and request_id:
        item, unit = rng.choice(ITEMS)
        supplies.add_request_items(store, request_id, [(item, rng.choice([1, 4]), unit)])
    elif choice == 3 and item_id:
        item, unit = rng.choice(ITEMS)
        store.execute(
            "UPDATE request_item SET item = ?, unit = ?, quantity = 3 WHERE id = ?", [item, unit, item_id]
        )
    elif choice == 4 and delivery_id:
        store.execute(
            "UPDATE supply_delivery SET quantity = 0.5, request_item_id = ? WHERE id = ?",
            [item_id, delivery_id],
        )
    elif choice == 5 and delivery_id:
        store.execute("DELETE FROM supply_delivery WHERE id = ?", [delivery_id])
    elif choice == 6:
        store.execute("UPDATE request_item SET archived_at = NULL")


def _move(w: World, rng: random.Random) -> None:
    """A household to another building, a building to another grid, a grid to another community."""
    store = w.store
    choice = rng.randrange(3)
    if choice == 0:
        household = _pick(store, rng, f"SELECT household_id FROM request WHERE status IN ({OPEN})")
        household = household or rng.choice(w.households)
        store.execute(
            "UPDATE household SET building_id = ?, room = room || 'm' || id WHERE id = ?",
            [rng.choice(w.buildings), household],
        )
    elif choice == 1:
        store.execute(
            "UPDATE building SET grid_id = ? WHERE id = ?", [rng.choice(w.grids), rng.choice(w.buildings)]
        )
    else:
        store.execute(
            "UPDATE grid SET community_id = ? WHERE id = ?", [rng.choice(w.communities), rng.choice(w.grids)]
        )


ACTIONS = [
    (_raise, 5),
    (_import, 2),
    (_step, 12),
    (_raw_change, 3),
    (_delete_request, 2),
    (_supplies, 4),
    (_move, 2),
]


def run_random(w: World, rng: random.Random, steps: int) -> None:
    actions, weights = zip(*ACTIONS)
    for _ in range(steps):
        action = rng.choices(actions, weights)[0]
        action(w, rng)
        if action is _move:  # right away: a later move recounts whole areas and would hide a miss
            assert requests_exact(w.store)


# -- tests ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_lifecycles_keep_the_tallies_exact(db: Store, seed: int) -> None:
    rng = random.Random(seed)
    world = make_world(db)
    run_random(world, rng, 150)
    assert tallies.verify(db) == []
    assert_figures_match_raw(db)
    assert_needs_match_raw(db)
    run_random(world, rng, 150)
    assert tallies.verify(db) == []
    assert_figures_match_raw(db, periods=(365, 30))
    assert_needs_match_raw(db)


def test_each_column_changed_alone_keeps_the_tallies_exact(db: Store) -> None:
    world = make_world(db)
    run_random(world, random.Random(4), 120)
    # A request of each kind: open, resolved, followed up, reopened, withdrawn, with supplies items.
    kinds = [
        "status IN (" + OPEN + ")",
        "status = 'resolved'",
        "status = 'followed_up'",
        "reopened_at IS NOT NULL",
        "archived_at IS NOT NULL",
        "id IN (SELECT request_id FROM request_item)",
    ]
    chosen: list[int] = []
    for kind in kinds:
        others = ",".join(map(str, chosen)) or "0"
        chosen += [
            r for (r,) in db.execute(f"SELECT id FROM request WHERE {kind} AND id NOT IN ({others}) LIMIT 1")
        ]
    assert len(chosen) == len(kinds)
    earlier, later = _iso(NOW - timedelta(days=100, minutes=7)), _iso(NOW - timedelta(hours=5))
    values = {
        "category": ["supplies", "hazard"],
        "status": ["collected", "in_progress", "resolved", "followed_up"],
        "collected_at": [earlier, later],
        "due_at": [None, later, earlier],
        "resolved_at": [later, None, earlier],
        "followed_up_at": [later, None],
        "reopened_at": [earlier, None],
        "rating": ["satisfied", "dissatisfied", None],
        "archived_at": [later, None],
        "household_id": [world.households[0], world.households[-1]],  # other grids and communities
    }
    for request_id in chosen:
        for column, options in values.items():
            original = db.scalar(f"SELECT {column} FROM request WHERE id = ?", [request_id])
            for value in [*options, original]:  # each column changed from the request's own state
                db.execute(f"UPDATE request SET {column} = ? WHERE id = ?", [value, request_id])
                assert requests_exact(db), (request_id, column, value)
    assert_figures_match_raw(db, periods=(365, 30))
    assert_needs_match_raw(db)


def test_the_median_is_exact_across_buckets_and_months(small) -> None:
    store = small.store
    h = small.household(1, "101")
    # Hours to resolve: 3, 100 (an even count: the mean of the two), then 5 more (odd: the middle one).
    for hours, days_ago in ((3, 40), (100, 70), (5, 3)):
        collected = NOW - timedelta(days=days_ago)
        request_id = requests.raise_request(store, household_id=h, category="repairs", at=_iso(collected))
        requests.dispatch_request(store, request_id, department="物业公司", at=_iso(collected))
        requests.start_request(store, request_id, at=_iso(collected))
        requests.resolve_request(
            store, request_id, resolution="修好了", at=_iso(collected + timedelta(hours=hours))
        )
        if hours == 100:
            figures = tally.figures(store, None, small.grid, TODAY - timedelta(days=364), TODAY, NOW_TEXT)
            assert (figures.resolved, figures.median_hours) == (2, pytest.approx(51.5))
    figures = tally.figures(store, small.community, None, TODAY - timedelta(days=364), TODAY, NOW_TEXT)
    assert (figures.resolved, figures.median_hours) == (3, pytest.approx(5))
    assert sum(p[1] for p in figures.trend) == 3
    assert tally.figures(store, None, None, TODAY, TODAY, NOW_TEXT).median_hours is None


def test_reopened_and_withdrawn_requests(small) -> None:
    store = small.store
    h = small.household(2, "202")
    collected = NOW - timedelta(days=10)
    request_id = requests.raise_request(store, household_id=h, category="medicine", at=_iso(collected))
    requests.dispatch_request(store, request_id, member_id=small.member, at=_iso(collected))
    requests.start_request(store, request_id, at=_iso(collected))
    requests.resolve_request(
        store, request_id, resolution="送药上门", at=_iso(collected + timedelta(hours=2))
    )
    assert requests.follow_up_request(
        store, request_id, rating="dissatisfied", at=_iso(NOW - timedelta(days=1))
    )
    figures = tally.figures(store, None, None, TODAY - timedelta(days=29), TODAY, NOW_TEXT)
    # Reopened: open again (and overdue or not by its new due time), no longer resolved, but rated.
    assert (figures.open, figures.resolved, figures.rated, figures.satisfied) == (1, 0, 1, 0)
    assert figures.by_category_status == {"medicine": {"collected": 1}}
    assert figures.ages == [0, 0, 0, 1, 0]
    requests.withdraw_request(store, request_id, at=_iso(NOW))
    figures = tally.figures(store, None, None, TODAY - timedelta(days=29), TODAY, NOW_TEXT)
    assert (figures.open, figures.rated, figures.by_category_status) == (0, 0, {})
    assert tallies.verify(store) == []


def test_the_demo_file_counts_agree_with_its_rows(community_demo) -> None:
    store = open_store(community_demo, check="none")
    try:
        assert tallies.verify(store) == []
        grid = store.scalar("SELECT min(id) FROM grid")
        community = store.scalar("SELECT min(id) FROM community")
        start = TODAY - timedelta(days=364)
        for community_id, grid_id in ((None, None), (community, None), (None, grid)):
            got = tally.figures(store, community_id, grid_id, start, TODAY, NOW_TEXT)
            want = expected_figures(store, community_id, grid_id, start)
            assert (got.open, got.overdue, got.ages, got.resolved, got.rated) == (
                want["open"],
                want["overdue"],
                want["ages"],
                want["resolved"],
                want["rated"],
            )
            assert _close(got.median_hours, want["median_hours"])
        assert_needs_match_raw(store)
    finally:
        store.close()
