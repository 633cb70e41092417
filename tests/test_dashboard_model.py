"""Every dashboard figure against counts made here, in plain Python, from the raw rows of a hand-made file."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest

from gridboard.models import dashboard, ledger, pairing, requests, supplies, visits
from gridboard.models.dashboard import Filters

NOW = datetime.now().replace(microsecond=0)
TODAY = NOW.date()
CYCLE = {2: 7, 1: 30, 0: 90}  # the default cycles by tier (settings)
REACHED = {"met", "refused"}
OPEN = {"collected", "dispatched", "in_progress"}


def ago(days: int, hour: int = 9) -> str:
    return f"{(TODAY - timedelta(days=days)).isoformat()} {hour:02d}:00:00"


@dataclass
class Area:
    store: object
    communities: list[int]
    grids: list[int]
    members: list[int]


@pytest.fixture
def area(db) -> Area:
    s = db
    a = ledger.create_community(s, name="幸福社区")
    b = ledger.create_community(s, name="和平社区")
    g1 = ledger.create_grid(s, community_id=a, name="第一网格", sort_order=1)
    g2 = ledger.create_grid(s, community_id=a, name="第二网格", sort_order=2)
    g3 = ledger.create_grid(s, community_id=b, name="东网格", sort_order=1)
    b1 = ledger.create_building(
        s, rooms="lived_in", grid_id=g1, name="1号楼", number=1, units=1, floors=3, rooms_per_floor=2
    )
    b2 = ledger.create_building(
        s, rooms="lived_in", grid_id=g2, name="2号楼", number=2, units=2, floors=2, rooms_per_floor=1
    )
    b3 = ledger.create_building(
        s, rooms="lived_in", grid_id=g3, name="东院", number=3, kind="courtyard", rooms_per_floor=3
    )

    def hh(building: int) -> list[int]:
        return [
            r[0] for r in s.execute("SELECT id FROM household WHERE building_id = ? ORDER BY id", [building])
        ]

    h1, h2, h3 = hh(b1), hh(b2), hh(b3)
    ledger.update_household(s, h1[5], occupancy="vacant")
    ledger.add_resident(
        s, household_id=h1[0], name="李奶奶", birth_year=1938, tags=["living_alone", "aged_80"]
    )
    ledger.add_resident(s, household_id=h1[1], name="王伯", birth_year=1950, tags=["veteran"])
    ledger.add_resident(s, household_id=h1[1], name="王婶", birth_year=1952)
    ledger.add_resident(s, household_id=h1[2], name="赵", tags=["disabled"])
    ledger.add_resident(s, household_id=h2[0], name="钱", tags=["dibao"])
    ledger.add_resident(s, household_id=h2[1], name="孙", tags=["chronic"])
    ledger.add_resident(s, household_id=h3[0], name="周", tags=["left_behind"])
    moved = ledger.add_resident(s, household_id=h3[1], name="吴", tags=["disabled"])
    s.execute("UPDATE resident SET moved_out_at = ? WHERE id = ?", [ago(5), moved])
    ledger.refresh_priority_tier(s, h3[1])
    ledger.add_resident(s, household_id=h1[5], name="空置户旧户主", tags=["aged_80"])

    m1 = ledger.add_member(s, community_id=a, name="张三", kind="community_member")
    m2 = ledger.add_member(s, community_id=a, name="李四", kind="grid_worker")
    m3 = ledger.add_member(s, community_id=b, name="王五", kind="volunteer")
    for h in (h1[0], h1[1], h1[2], h1[5]):
        pairing.pair_member(s, member_id=m1, household_id=h, started_on=TODAY - timedelta(days=500))
    ended = pairing.pair_member(s, member_id=m1, household_id=h1[3], started_on=TODAY - timedelta(days=500))
    pairing.end_pairing(s, ended, reason="搬走")
    pairing.add_scope(s, member_id=m2, building_id=b2, unit=1)
    pairing.pair_member(s, member_id=m3, household_id=h3[0])

    def visit(h: int, days: int, method: str = "in_person", outcome: str = "met", hour: int = 9) -> int:
        return visits.log_visit(
            s, household_id=h, member_ids=[m1], visited_at=ago(days, hour), method=method, outcome=outcome
        )

    visit(h1[0], 3)
    visit(h1[0], 12, "phone")
    visit(h1[1], 40)
    visit(h1[1], 2, outcome="nobody_home")
    visit(h1[2], 1, "wechat")
    visit(h1[2], 1, "phone", hour=15)  # twice the same day: one household reached
    visit(h1[3], 200)
    visit(h1[4], 0, "phone", "refused")
    wrong = visit(h2[0], 5)
    visits.withdraw_visit(s, wrong, reason="录错")
    visit(h2[0], 29)
    visit(h2[1], 8)
    visit(h2[1], 9, "wechat")
    visit(h3[0], 6)
    visit(h3[2], 400)
    visit(h3[2], 100, outcome="nobody_home")

    r1 = requests.raise_request(s, household_id=h1[0], category="medicine", at=ago(20))
    requests.dispatch_request(s, r1, member_id=m1, at=ago(20, 10))
    requests.start_request(s, r1, at=ago(20, 11))
    requests.resolve_request(s, r1, resolution="送药上门", at=ago(19, 15))
    requests.follow_up_request(s, r1, rating="satisfied", at=ago(18))
    r2 = requests.raise_request(s, household_id=h1[1], category="repairs", at=ago(10))
    requests.dispatch_request(s, r2, department="物业", at=ago(10, 11))
    requests.start_request(s, r2, at=ago(9))
    requests.resolve_request(s, r2, resolution="已修好", at=ago(3))
    requests.follow_up_request(s, r2, rating="basic", at=ago(2))
    r3 = requests.raise_request(s, household_id=h2[0], category="repairs", at=ago(40))
    requests.dispatch_request(s, r3, department="物业", at=ago(40, 10))
    requests.start_request(s, r3, at=ago(39))
    requests.resolve_request(s, r3, resolution="已修好", at=ago(35))
    requests.follow_up_request(s, r3, rating="dissatisfied", at=ago(34))  # reopens
    requests.raise_request(s, household_id=h2[1], category="supplies", at=ago(2), items=[("降压药", 2, "盒")])
    requests.raise_request(s, household_id=h3[0], category="supplies", at=ago(5), items=[("降压药", 1, "盒")])
    r6 = requests.raise_request(s, household_id=h3[0], category="dispute", at=ago(60))
    requests.dispatch_request(s, r6, department="司法所", at=ago(60, 12))
    requests.start_request(s, r6, at=ago(59))
    requests.raise_request(s, household_id=h1[4], category="benefits", at=ago(0, 0))
    r8 = requests.raise_request(s, household_id=h3[2], category="other", at=ago(400))
    requests.dispatch_request(s, r8, member_id=m3, at=ago(400, 10))
    requests.start_request(s, r8, at=ago(399))
    requests.resolve_request(s, r8, resolution="已办", at=ago(390))
    s.take_changes()
    return Area(s, [a, b], [g1, g2, g3], [m1, m2, m3])


# -- the independent counts -------------------------------------------------------------------------


class Raw:
    """Every table's rows as dicts, and the rules recomputed by hand."""

    def __init__(self, store) -> None:
        def rows(table: str) -> list[dict]:
            return [dict(r) for r in store.query(f"SELECT * FROM {table}")]

        self.grids = {r["id"]: r for r in rows("grid")}
        self.buildings = {r["id"]: r for r in rows("building")}
        self.households = {r["id"]: r for r in rows("household")}
        self.residents = rows("resident")
        self.tags = {r["id"]: r for r in rows("tag")}
        self.resident_tags = rows("resident_tag")
        self.pairings = rows("pairing")
        self.scopes = rows("scope")
        self.visits = [v for v in rows("visit") if v["withdrawn_at"] is None]
        self.requests = rows("request")
        self.items = rows("request_item")
        self.members = {r["id"]: r for r in rows("member")}
        live = {r["id"]: r for r in self.residents if r["moved_out_at"] is None and r["archived_at"] is None}
        self.live = live
        self.tier = defaultdict(int)
        for rt in self.resident_tags:
            if rt["resident_id"] in live:
                h = live[rt["resident_id"]]["household_id"]
                self.tier[h] = max(self.tier[h], self.tags[rt["tag_id"]]["tier"])
        self.reached: dict[int, date] = {}
        for v in self.visits:
            if v["outcome"] in REACHED:
                day = date.fromisoformat(v["visited_at"][:10])
                self.reached[v["household_id"]] = max(self.reached.get(v["household_id"], day), day)

    def grid_of(self, h: int) -> int:
        return self.buildings[self.households[h]["building_id"]]["grid_id"]

    def in_area(self, h: int, f: Filters) -> bool:
        g = self.grids[self.grid_of(h)]
        return (f.community_id in (None, g["community_id"])) and (f.grid_id in (None, g["id"]))

    def lived_in(self, f: Filters) -> list[int]:
        return [h for h, r in self.households.items() if r["occupancy"] != "vacant" and self.in_area(h, f)]

    def members_of(self, h: int) -> set[int]:
        r = self.households[h]
        found = {p["member_id"] for p in self.pairings if p["household_id"] == h and p["ended_on"] is None}
        for s in self.scopes:
            if (
                s["ended_on"] is None
                and s["building_id"] == r["building_id"]
                and s["unit"] in (None, r["unit"])
                and s["floor"] in (None, r["floor"])
            ):
                found.add(s["member_id"])
        return found

    def due(self, h: int) -> date | None:
        reached = self.reached.get(h)
        return None if reached is None else reached + timedelta(days=CYCLE[self.tier[h]])

    def in_cycle(self, h: int) -> bool:
        due = self.due(h)
        return self.households[h]["occupancy"] != "vacant" and due is not None and due >= TODAY

    def overdue(self, h: int) -> bool:
        due = self.due(h)
        return self.households[h]["occupancy"] != "vacant" and (due is None or due < TODAY)

    def visits_in(self, f: Filters, start: date, end: date) -> list[dict]:
        return [
            v
            for v in self.visits
            if self.in_area(v["household_id"], f) and start <= date.fromisoformat(v["visited_at"][:10]) <= end
        ]

    def requests_in(self, f: Filters) -> list[dict]:
        return [r for r in self.requests if r["archived_at"] is None and self.in_area(r["household_id"], f)]


def filter_sets(area: Area) -> list[Filters]:
    a, _ = area.communities
    _, g2, g3 = area.grids
    return [
        Filters(now=NOW),
        Filters(community_id=a, now=NOW, period_days=30),
        Filters(community_id=a, grid_id=g2, now=NOW, period_days=90),
        Filters(grid_id=g3, now=NOW, period_days=7),
    ]


# -- tests ------------------------------------------------------------------------------------------


def test_headline_grid_and_member_figures(area: Area) -> None:
    raw = Raw(area.store)
    for f in filter_sets(area):
        d = dashboard.compute(area.store, f)
        lived = raw.lived_in(f)
        h = d.headline
        assert h.households == len(lived)
        assert h.paired == sum(1 for x in lived if raw.members_of(x))
        assert h.visited_in_cycle == sum(1 for x in lived if raw.in_cycle(x))
        assert h.priority == sum(1 for x in lived if raw.tier[x] > 0)
        assert h.priority_overdue == sum(1 for x in lived if raw.tier[x] > 0 and raw.overdue(x))
        monday = TODAY - timedelta(days=TODAY.weekday())
        assert h.visits_this_week == len(raw.visits_in(f, monday, TODAY))
        assert h.visits_last_week == len(
            raw.visits_in(f, monday - timedelta(days=7), monday - timedelta(days=1))
        )

        expected_grids = {}
        for x in lived:
            n, done = expected_grids.get(raw.grid_of(x), (0, 0))
            expected_grids[raw.grid_of(x)] = (n + 1, done + raw.in_cycle(x))
        assert {b.id: (b.households, b.visited_in_cycle) for b in d.grids} == expected_grids
        for bar in d.grids:
            n, done = expected_grids[bar.id]
            assert bar.band == (
                "complete"
                if done / n >= 0.9
                else "nearly"
                if done / n >= 0.6
                else "behind"
                if done / n >= 0.1
                else "not_started"
            )

        expected_members = defaultdict(lambda: [0, 0])
        for x in lived:
            for m in raw.members_of(x):
                expected_members[m][0] += 1
                expected_members[m][1] += raw.in_cycle(x)
        assert {b.id: [b.households, b.visited_in_cycle] for b in d.members} == dict(expected_members)
        behind = [b.households - b.visited_in_cycle for b in d.members]
        assert behind == sorted(behind, reverse=True)  # the lagging member comes first


def test_visits_over_time_by_day_and_week(area: Area) -> None:
    raw = Raw(area.store)
    for f in filter_sets(area):
        d = dashboard.compute(area.store, f)
        start = TODAY - timedelta(days=f.period_days - 1)
        assert [b.start for b in d.visits_by_day] == [start + timedelta(days=i) for i in range(f.period_days)]
        for bucket in d.visits_by_day:
            day_visits = raw.visits_in(f, bucket.start, bucket.start)
            assert bucket.by_method == {
                m: sum(v["method"] == m for v in day_visits) for m in ("in_person", "phone", "wechat")
            }
            assert bucket.households_reached == len(
                {v["household_id"] for v in day_visits if v["outcome"] in REACHED}
            )
        assert d.visits_by_week[0].start == start - timedelta(days=start.weekday())
        for bucket in d.visits_by_week:
            assert bucket.start.weekday() == 0
            week = raw.visits_in(f, max(bucket.start, start), bucket.start + timedelta(days=6))
            assert bucket.visits == len(week)
            assert bucket.households_reached == len(
                {v["household_id"] for v in week if v["outcome"] in REACHED}
            )
        assert sum(b.visits for b in d.visits_by_day) == len(raw.visits_in(f, start, TODAY))


def test_request_figures(area: Area) -> None:
    raw = Raw(area.store)
    now = NOW.isoformat(sep=" ")
    for f in filter_sets(area):
        d = dashboard.compute(area.store, f)
        start = (TODAY - timedelta(days=f.period_days - 1)).isoformat()
        rows = raw.requests_in(f)
        open_rows = [r for r in rows if r["status"] in OPEN]
        assert d.headline.open_requests == len(open_rows)
        assert d.headline.overdue_requests == sum(1 for r in open_rows if r["due_at"] and r["due_at"] < now)
        assert d.four_lists.open_by_category == dict(Counter(r["category"] for r in open_rows))
        ages = [0] * 5
        for r in open_rows:
            age = (NOW - datetime.fromisoformat(r["collected_at"])).total_seconds() / 86400
            ages[0 if age < 1 else 1 if age < 3 else 2 if age < 7 else 3 if age < 30 else 4] += 1
        assert d.open_request_ages == ages
        in_period = [r for r in rows if r["collected_at"] >= start]
        expected = defaultdict(dict)
        for (category, status), n in Counter((r["category"], r["status"]) for r in in_period).items():
            expected[category][status] = n
        assert d.requests_by_category_status == dict(expected)
        hours = [
            (
                datetime.fromisoformat(r["resolved_at"]) - datetime.fromisoformat(r["collected_at"])
            ).total_seconds()
            / 3600
            for r in rows
            if r["resolved_at"] and r["resolved_at"] >= start
        ]
        if hours:
            assert d.headline.median_resolve_hours == pytest.approx(statistics.median(hours), abs=0.01)
        else:
            assert d.headline.median_resolve_hours is None
        assert sum(p.resolved for p in d.resolution_trend) == len(hours)
        rated = [r for r in rows if r["rating"] and (r["followed_up_at"] or r["reopened_at"]) >= start]
        assert d.headline.rated == len(rated)
        assert d.headline.satisfied == sum(r["rating"] in ("satisfied", "basic") for r in rated)


def test_four_lists(area: Area) -> None:
    raw = Raw(area.store)
    for f in filter_sets(area):
        d = dashboard.compute(area.store, f)
        lists = d.four_lists
        lived = raw.lived_in(f)
        assert lists.households == len(lived)
        in_area = {h for h in raw.households if raw.in_area(h, f)}
        assert lists.residents == sum(1 for r in raw.live.values() if r["household_id"] in in_area)
        by_grid = {g.id: (g.households, g.residents, g.priority) for g in lists.by_grid}
        expected = {}
        for g in {raw.grid_of(h) for h in in_area}:
            homes = [h for h in in_area if raw.grid_of(h) == g]
            expected[g] = (
                sum(1 for h in homes if h in lived),
                sum(1 for r in raw.live.values() if r["household_id"] in homes),
                sum(1 for h in homes if h in lived and raw.tier[h] > 0),
            )
        assert by_grid == expected
        # Special groups: per tag, current residents, their lived-in households, those in cycle.
        groups = {g.code: (g.residents, g.households, g.visited_in_cycle) for g in lists.special_groups}
        want = {}
        for tag_id, tag in raw.tags.items():
            people = {
                rt["resident_id"]
                for rt in raw.resident_tags
                if rt["tag_id"] == tag_id
                and rt["resident_id"] in raw.live
                and raw.live[rt["resident_id"]]["household_id"] in in_area
            }
            if not people:
                continue
            homes = {raw.live[p]["household_id"] for p in people}
            homes_lived = {h for h in homes if raw.households[h]["occupancy"] != "vacant"}
            want[tag["code"]] = (len(people), len(homes_lived), sum(raw.in_cycle(h) for h in homes_lived))
        assert groups == want
        # Scarce supplies: items of open requests, by item.
        needed = defaultdict(float)
        open_ids = {r["id"] for r in raw.requests_in(f) if r["status"] in OPEN}
        for item in raw.items:
            if item["request_id"] in open_ids and item["archived_at"] is None:
                needed[(item["item"], item["unit"])] += item["quantity"]
        assert {(s.item, s.unit): s.needed for s in lists.supplies} == dict(needed)


def test_overdue_priority_households_most_overdue_first(area: Area) -> None:
    raw = Raw(area.store)
    for f in filter_sets(area):
        d = dashboard.compute(area.store, f)
        lived = raw.lived_in(f)
        expected = [h for h in lived if raw.tier[h] > 0 and raw.overdue(h)]
        assert sorted(d.overdue_priority) == sorted(expected)
        assert len(d.overdue_priority) == d.headline.priority_overdue
        keys = [(raw.due(h) is not None, raw.due(h) or date.min) for h in d.overdue_priority]
        assert keys == sorted(keys)
        rows = dashboard.overdue_rows(area.store, d.overdue_priority, f)
        assert [r.id for r in rows] == d.overdue_priority
        for row in rows:
            due = raw.due(row.id)
            assert row.days_overdue == (None if due is None else (TODAY - due).days)
            assert row.tier == raw.tier[row.id]
        by_head = dashboard.overdue_priority_ids(area.store, f, sort="address", descending=True)
        assert sorted(by_head) == sorted(expected)
        # A city lists only the first of them, in the same order.
        first = dashboard.overdue_priority_ids(area.store, f, limit=2)
        assert first == d.overdue_priority[:2]


def test_a_visit_moves_the_figures(area: Area) -> None:
    f = Filters(now=NOW)
    before = dashboard.compute(area.store, f)
    target = before.overdue_priority[0]
    visits.log_visit(area.store, household_id=target, visited_at=ago(0))
    after = dashboard.compute(area.store, f)
    assert after.headline.visited_in_cycle == before.headline.visited_in_cycle + 1
    assert after.headline.priority_overdue == before.headline.priority_overdue - 1
    assert after.headline.visits_this_week == before.headline.visits_this_week + 1
    assert target not in after.overdue_priority


def test_supplies_come_from_the_requests_list(area: Area) -> None:
    f = Filters(now=NOW)
    expected = supplies.totals_by_item(supplies.needed_by_grid_item(area.store))
    assert dashboard.compute(area.store, f).four_lists.supplies == expected


def test_empty_file(db) -> None:
    d = dashboard.compute(db, Filters(now=NOW, period_days=7))
    assert d.headline.households == 0 and d.headline.paired_share is None
    assert d.grids == [] and d.members == [] and d.overdue_priority == []
    assert len(d.visits_by_day) == 7 and all(b.visits == 0 for b in d.visits_by_day)


def test_most_overdue_first_reads_only_the_first_households(community_demo) -> None:
    """The quick way to the first N (tier by tier, merged) lists what sorting them all lists."""
    from gridboard.models.opening import open_store

    store = open_store(community_demo, check="none")
    grid = store.scalar("SELECT min(id) FROM grid")
    # Six priority households last reached long ago on one day, the first by address the latest in
    # the day: the most overdue, due together, so a cut among them must go by address.
    same_day = [
        row[0]
        for row in store.execute(
            """SELECT h.id FROM household h JOIN building b ON b.id = h.building_id
            WHERE h.priority_tier = 1 AND h.occupancy != 'vacant' AND h.archived_at IS NULL
                AND h.last_reached_at IS NOT NULL
            ORDER BY b.number, b.id, h.unit, h.room LIMIT 6"""
        )
    ]
    for position, household in enumerate(same_day):
        store.execute(
            "UPDATE household SET last_reached_at = ? WHERE id = ?",
            [f"2020-01-01 {17 - position:02d}:00:00", household],
        )
    never = store.scalar(
        "SELECT count(*) FROM household WHERE priority_tier > 0 AND occupancy != 'vacant'"
        " AND archived_at IS NULL AND last_reached_at IS NULL"
    )
    assert dashboard.overdue_priority_ids(store, Filters(), limit=never + 2)[-2:] == same_day[:2]
    sizes = []
    for f in (
        Filters(),
        Filters(now=datetime(2026, 12, 20, 9, 0)),
        Filters(now=datetime(2027, 2, 1, 9, 0)),
        Filters(grid_id=grid, now=datetime(2027, 2, 1, 9, 0)),
    ):
        everyone = dashboard.overdue_priority_ids(store, f, limit=None)
        sizes.append(len(everyone))
        for limit in (1, 7, 50, 1000):
            assert dashboard.overdue_priority_ids(store, f, limit=limit) == everyone[:limit]
    assert max(sizes) > 1000  # the limit was reached, with ties on the last day read
    store.close()
