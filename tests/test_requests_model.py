"""The request loop in the model: steps, refusals, time limits, lists, counts and scarce supplies."""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlite_utils import Database

from gridboard.models import ledger, supplies
from gridboard.models import requests as rq
from gridboard.models.errors import IllegalTransition, InvalidInput
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.models.vocab import OPEN_REQUEST_STATUSES, RATINGS, REQUEST_CATEGORIES, REQUEST_URGENCIES

T0 = datetime(2026, 3, 2, 8, 0, 0)


def ts(minutes: int) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat(sep=" ")


def test_full_loop_records_who_and_when(small) -> None:
    store = small.store
    household = small.household(1, "101")
    request = rq.raise_request(
        store, household_id=household, category="repairs", text="楼道灯不亮", source="walk_in", at=ts(0)
    )
    assert rq.get_request(store, request).due_at == ts(72 * 60)  # repairs, normal: 72 hours
    rq.dispatch_request(store, request, department="物业公司", at=ts(10))
    rq.start_request(store, request, at=ts(20))
    rq.resolve_request(store, request, resolution="已更换灯泡", at=ts(300))
    assert rq.follow_up_request(store, request, rating="satisfied", at=ts(600)) is False
    row = rq.get_request(store, request)
    assert row.status == "followed_up" and row.assignee == "物业公司" and row.rating == "satisfied"
    assert (row.collected_at, row.dispatched_at, row.started_at, row.resolved_at, row.followed_up_at) == (
        ts(0),
        ts(10),
        ts(20),
        ts(300),
        ts(600),
    )
    steps = rq.request_steps(store, request)
    assert [s.step for s in steps] == ["collected", "dispatched", "in_progress", "resolved", "followed_up"]
    assert {s.operator for s in steps} == {"tester"}
    assert steps[1].department == "物业公司" and steps[3].note == "已更换灯泡"
    assert store.take_changes().requests == {request}


def test_dissatisfied_rating_reopens_and_keeps_history(small) -> None:
    store = small.store
    request = rq.raise_request(store, household_id=small.household(2, "302"), category="property", at=ts(0))
    rq.dispatch_request(store, request, member_id=small.member, at=ts(5))
    rq.start_request(store, request, at=ts(6))
    rq.resolve_request(store, request, resolution="已联系物业", at=ts(60))
    assert rq.follow_up_request(store, request, rating="dissatisfied", note="还是没人打扫", at=ts(120))
    row = rq.get_request(store, request)
    assert row.status == "collected" and row.reopen_count == 1 and row.reopened_at == ts(120)
    assert row.rating == "dissatisfied" and row.resolved_at is None
    assert row.due_at == ts(120 + 72 * 60)  # a fresh time limit from the reopening
    assert [s.step for s in rq.request_steps(store, request)][-2:] == ["followed_up", "reopened"]
    assert rq.open_request_counts(store) == {small.household(2, "302"): 1}
    # It goes round again.
    rq.dispatch_request(store, request, department="社区居委会", at=ts(130))
    assert rq.get_request(store, request).status == "dispatched"


@pytest.mark.parametrize(
    ("action", "reason"),
    [
        (lambda s, r: rq.start_request(s, r), "has not been dispatched yet"),
        (lambda s, r: rq.resolve_request(s, r, resolution="x"), "has not been dispatched yet"),
        (lambda s, r: rq.follow_up_request(s, r, rating="satisfied"), "has not been dispatched yet"),
    ],
)
def test_illegal_steps_are_refused_with_a_reason_and_change_nothing(small, action, reason) -> None:
    store = small.store
    request = rq.raise_request(store, household_id=small.household(1, "101"), category="other")
    before = (dict(store.one("SELECT * FROM request")), store.scalar("SELECT count(*) FROM audit_log"))
    with pytest.raises(IllegalTransition, match=reason):
        action(store, request)
    after = (dict(store.one("SELECT * FROM request")), store.scalar("SELECT count(*) FROM audit_log"))
    assert before == after
    assert len(rq.request_steps(store, request)) == 1


def test_hotline_needs_a_ticket_and_dispatch_needs_one_assignee(small) -> None:
    store = small.store
    household = small.household(1, "101")
    with pytest.raises(InvalidInput, match="ticket"):
        rq.raise_request(store, household_id=household, category="parking", source="hotline")
    request = rq.raise_request(
        store, household_id=household, category="parking", source="hotline", hotline_ticket="202603020001"
    )
    with pytest.raises(InvalidInput, match="one member or to one department"):
        rq.dispatch_request(store, request, member_id=small.member, department="物业公司")
    with pytest.raises(InvalidInput, match="one member or to one department"):
        rq.dispatch_request(store, request)


def test_bulk_dispatch_is_all_or_nothing(small) -> None:
    store = small.store
    ids = [
        rq.raise_request(store, household_id=small.household(1, room), category="repairs", at=ts(0))
        for room in ("101", "102", "201")
    ]
    rq.dispatch_request(store, ids[2], member_id=small.member, at=ts(1))
    rq.start_request(store, ids[2], at=ts(2))
    with pytest.raises(IllegalTransition, match=f"Request {ids[2]} is being handled"):
        rq.dispatch_requests(store, ids, department="物业公司", at=ts(3))
    assert [rq.get_request(store, i).status for i in ids] == ["collected", "collected", "in_progress"]
    rq.dispatch_requests(store, ids[:2], department="物业公司", due_at=ts(600), at=ts(3))
    rows = [rq.get_request(store, i) for i in ids[:2]]
    assert {(r.status, r.assignee, r.due_at) for r in rows} == {("dispatched", "物业公司", ts(600))}


def test_steps_cannot_go_back_in_time_or_into_the_future(small) -> None:
    store = small.store
    request = rq.raise_request(store, household_id=small.household(1, "101"), category="other", at=ts(100))
    with pytest.raises(InvalidInput, match="before the previous one"):
        rq.dispatch_request(store, request, department="物业公司", at=ts(50))
    with pytest.raises(InvalidInput, match="future"):
        rq.dispatch_request(store, request, department="物业公司", at="2999-01-01 00:00:00")
    assert rq.get_request(store, request).status == "collected"


def test_time_limits_are_editable_and_set_the_due_time(small) -> None:
    store = small.store
    assert rq.time_limits(store)["medicine"]["critical"] == 2
    previous = rq.set_time_limits(store, {"medicine": {"critical": 1}})
    assert previous["medicine"]["critical"] == 2
    assert rq.time_limits(store)["medicine"] == {"normal": 24, "urgent": 8, "critical": 1}
    request = rq.raise_request(
        store, household_id=small.household(1, "101"), category="medicine", urgency="critical", at=ts(0)
    )
    assert rq.get_request(store, request).due_at == ts(60)
    with pytest.raises(InvalidInput):
        rq.set_time_limits(store, {"medicine": {"critical": 0}})
    assert rq.departments(store)[0] == "社区居委会"
    rq.set_departments(store, ["物业公司", " ", "供热公司", "物业公司"])
    assert rq.departments(store) == ["物业公司", "供热公司"]


def test_overdue_requests_come_first_in_the_secretarys_order(small) -> None:
    store = small.store
    h = small.household
    late = rq.raise_request(store, household_id=h(1, "101"), category="hazard", urgency="critical", at=ts(0))
    fresh = rq.raise_request(store, household_id=h(1, "102"), category="benefits", at=ts(10))
    later = rq.raise_request(store, household_id=h(2, "101"), category="repairs", at=ts(20))
    done = rq.raise_request(store, household_id=h(2, "102"), category="hazard", urgency="critical", at=ts(30))
    rq.dispatch_request(store, done, department="物业公司", at=ts(31))
    rq.start_request(store, done, at=ts(32))
    rq.resolve_request(store, done, resolution="已清理", at=ts(33))
    now = ts(6 * 60)  # six hours on: only the critical hazard (2 hours) is overdue
    assert rq.request_ids(store, now=now) == [late, later, fresh, done]
    assert [r.id for r in rq.overdue_requests(store, now=now)] == [late]
    assert rq.count_requests(store, rq.RequestFilter(overdue_only=True), now=now) == 1
    assert rq.get_request(store, late, now=now).overdue
    assert not rq.get_request(store, done, now=now).overdue  # resolved: the clock stopped


def test_filters(small) -> None:
    store = small.store
    h = small.household
    a = rq.raise_request(store, household_id=h(1, "101"), category="repairs", text="水管 100%漏", at=ts(0))
    b = rq.raise_request(
        store, household_id=h(1, "102"), category="parking", source="hotline", hotline_ticket="T-1", at=ts(0)
    )
    c = rq.raise_request(store, household_id=h(2, "101"), category="repairs", source="phone", at=ts(3 * 1440))
    rq.dispatch_request(store, a, member_id=small.member, at=ts(10))
    rq.withdraw_request(store, c, reason="重复登记", at=ts(3 * 1440 + 5))
    now = ts(4 * 1440)

    def ids(**kw) -> set[int]:
        return set(rq.request_ids(store, rq.RequestFilter(**kw), now=now))

    assert ids() == {a, b}
    assert ids(include_withdrawn=True) == {a, b, c}
    assert ids(statuses=("dispatched",)) == {a}
    assert ids(categories=("parking",)) == {b}
    assert ids(grid_id=small.grid) == {a, b}
    assert ids(grid_id=small.grid + 99) == set()
    assert ids(member_id=small.member) == {a}
    assert ids(source="hotline") == {b}
    assert ids(older_than_days=3) == {a, b}
    assert ids(newer_than_days=2, include_withdrawn=True) == {c}
    assert ids(search="100%") == {a}
    assert ids(search="%") == {a}  # a literal percent sign, not a wildcard
    assert ids(search="T-1") == {b}
    assert ids(household_id=h(1, "102")) == {b}


def test_counts_for_the_dashboard(small) -> None:
    store = small.store
    h = small.household
    ids = [
        rq.raise_request(store, household_id=h(1, room), category=cat, at=ts(0))
        for room, cat in (("101", "repairs"), ("102", "repairs"), ("201", "benefits"), ("202", "medicine"))
    ]
    for i, (hours, rating) in enumerate(((2, "satisfied"), (4, "basic"), (10, "dissatisfied"))):
        rq.dispatch_request(store, ids[i], department="物业公司", at=ts(1))
        rq.start_request(store, ids[i], at=ts(1))
        rq.resolve_request(store, ids[i], resolution="ok", at=ts(hours * 60))
        rq.follow_up_request(store, ids[i], rating=rating, at=ts(hours * 60 + 1))
    counts = rq.request_counts(store, now=ts(25 * 60))
    assert counts.open == 2  # the dissatisfied one reopened, and the medicine one
    assert counts.overdue == 1  # medicine: 24 hours
    assert counts.open_by_category == {"benefits": 1, "medicine": 1}
    assert counts.by_category == {"repairs": 2, "benefits": 1, "medicine": 1}
    assert counts.by_status == {"followed_up": 2, "collected": 2}
    assert counts.resolved == 2 and counts.median_resolution_hours == pytest.approx(3.0)
    assert (counts.rated, counts.satisfied, counts.dissatisfied) == (3, 2, 1)
    assert counts.satisfaction_rate == pytest.approx(2 / 3)
    assert rq.request_counts(store, within={"grid": small.grid + 1}, now=ts(0)).open == 0
    assert rq.request_counts(store, since="2030-01-01", now=ts(0)).received == 0


def test_todays_list(small) -> None:
    store = small.store
    h = small.household
    yesterday = rq.raise_request(store, household_id=h(1, "101"), category="medicine", at=ts(0))
    not_due = rq.raise_request(store, household_id=h(1, "102"), category="dispute", at=ts(0))
    today_a = rq.raise_request(store, household_id=h(2, "101"), category="repairs", at=ts(1440 + 60))
    today_b = rq.raise_request(store, household_id=h(2, "102"), category="hazard", at=ts(1440 + 90))
    for i in (today_b,):
        rq.dispatch_request(store, i, department="物业公司", at=ts(1440 + 100))
        rq.start_request(store, i, at=ts(1440 + 101))
        rq.resolve_request(store, i, resolution="已清理", at=ts(1440 + 200))
    listing = rq.todays_list(store, (T0 + timedelta(days=1)).date(), now=ts(1440 + 600))
    assert [r.id for r in listing.received] == [today_a, today_b]
    assert [r.id for r in listing.due] == [yesterday]  # medicine, 24 h: due this morning
    assert not_due not in [r.id for r in listing.due]
    assert listing.closed_today == 1 and listing.still_open_received == 1


def test_household_requests_for_the_board_panel(small) -> None:
    store = small.store
    household = small.household(1, "101")
    first = rq.raise_request(store, household_id=household, category="repairs", at=ts(0))
    second = rq.raise_request(store, household_id=household, category="benefits", at=ts(5))
    rq.withdraw_request(store, first, at=ts(6))
    assert [r.id for r in rq.household_requests(store, household)] == [second]
    assert rq.open_request_counts(store, [household]) == {household: 1}


def test_supplies_add_up_per_grid_and_item(small) -> None:
    store = small.store
    h = small.household
    other_grid = ledger.create_grid(store, community_id=small.community, name="第二网格")
    other_building = ledger.create_building(
        store, rooms="lived_in", grid_id=other_grid, name="5号楼", units=1, floors=2
    )
    far = store.scalar("SELECT id FROM household WHERE building_id = ?", [other_building])
    a = rq.raise_request(
        store,
        household_id=h(1, "101"),
        category="supplies",
        items=[("医用氧气", 2, "瓶"), ("降压药", 3, "盒")],
    )
    rq.raise_request(store, household_id=h(1, "102"), category="supplies", items=[("医用氧气", 1, "瓶")])
    rq.raise_request(
        store, household_id=far, category="supplies", items=[supplies.SupplyItem("婴幼儿奶粉", 4, "罐")]
    )
    oxygen = next(i for i in supplies.request_items(store, a) if i.item == "医用氧气")
    supplies.record_delivery(store, request_item_id=oxygen.id, quantity=1)
    supplies.record_delivery(store, request_item_id=oxygen.id, quantity=5)  # more than asked: capped
    needs = {(n.grid_name, n.item): n for n in supplies.needed_by_grid_item(store)}
    assert set(needs) == {("第一网格", "医用氧气"), ("第一网格", "降压药"), ("第二网格", "婴幼儿奶粉")}
    assert (needs["第一网格", "医用氧气"].needed, needs["第一网格", "医用氧气"].delivered) == (3, 2)
    assert needs["第一网格", "医用氧气"].outstanding == 1 and needs["第一网格", "医用氧气"].households == 2
    assert [n.item for n in supplies.needed_by_grid_item(store, within={"grid": other_grid})] == [
        "婴幼儿奶粉"
    ]
    totals = supplies.totals_by_item(supplies.needed_by_grid_item(store))
    assert totals[0].item == "婴幼儿奶粉" and totals[0].outstanding == 4
    with pytest.raises(InvalidInput, match="more than zero"):
        rq.raise_request(store, household_id=far, category="supplies", items=[("饮用水", 0, "桶")])
    # A withdrawn request's items no longer count.
    rq.withdraw_request(store, a)
    assert ("第一网格", "降压药") not in {(n.grid_name, n.item) for n in supplies.needed_by_grid_item(store)}


def test_supplies_work_on_the_demo_file(community_demo) -> None:
    store = open_store(community_demo, operator="tester")
    try:
        before = rq.count_requests(store)
        household = store.scalar("SELECT id FROM household WHERE occupancy != 'vacant' LIMIT 1")
        rq.raise_request(store, household_id=household, category="supplies", items=[("口罩", 10, "个")])
        assert rq.count_requests(store) == before + 1
        assert any(n.item == "口罩" for n in supplies.needed_by_grid_item(store))
        counts = rq.request_counts(store)
        assert counts.open > 0 and counts.rated > 0 and counts.median_resolution_hours
    finally:
        store.close()


# -- the state machine -------------------------------------------------------------------------------

# Which step may follow which in a request's timeline.
NEXT_STEPS = {
    "collected": {"dispatched", "withdrawn"},
    "dispatched": {"dispatched", "in_progress", "withdrawn"},
    "in_progress": {"resolved", "withdrawn"},
    "resolved": {"followed_up"},
    "followed_up": {"reopened"},
    "reopened": {"dispatched", "withdrawn"},
    "withdrawn": set(),
}
STATUS_AFTER = {
    "collected": "collected",
    "dispatched": "dispatched",
    "in_progress": "in_progress",
    "resolved": "resolved",
    "followed_up": "followed_up",
    "reopened": "collected",
}


_MACHINE_TEMPLATE: list[Store] = []


def _fresh_machine_store() -> Store:
    """An in-memory copy of a small community made once (migrating for every example is slow)."""
    if not _MACHINE_TEMPLATE:
        store = open_store(None, operator="machine")
        community = ledger.create_community(store, name="幸福社区")
        grid = ledger.create_grid(store, community_id=community, name="第一网格")
        ledger.create_building(store, rooms="lived_in", grid_id=grid, name="1号楼", units=1, floors=2)
        for name in "甲乙":
            ledger.add_member(store, community_id=community, name=name, kind="grid_worker")
        _MACHINE_TEMPLATE.append(store)
    conn = sqlite3.connect(":memory:")
    _MACHINE_TEMPLATE[0].conn.backup(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    return Store(Database(conn), None, "machine")


class RequestLoop(RuleBasedStateMachine):
    """Random sequences of actions against the loop; the invariants hold after every one."""

    requests = Bundle("requests")

    @initialize()
    def setup(self) -> None:
        self.store = _fresh_machine_store()
        self.households = [r[0] for r in self.store.query("SELECT id FROM household ORDER BY id")]
        self.members = [r[0] for r in self.store.query("SELECT id FROM member ORDER BY id")]
        self.clock = 0
        self.history: dict[int, list[tuple]] = {}

    def teardown(self) -> None:
        store = getattr(self, "store", None)
        if store is not None:
            store.close()

    def tick(self, minutes: int) -> str:
        self.clock += minutes
        return ts(self.clock)

    def snapshot(self, request_id: int) -> tuple:
        row = dict(self.store.one("SELECT * FROM request WHERE id = ?", [request_id]))
        steps = [tuple(s.__dict__.values()) for s in rq.request_steps(self.store, request_id)]
        items = self.store.scalar("SELECT count(*) FROM audit_log")
        return row, steps, items

    def attempt(self, request_id: int, action: str, call) -> None:
        """Run `call`; if the state forbids `action`, it must be refused and change nothing."""
        row = self.store.one("SELECT status, archived_at FROM request WHERE id = ?", [request_id])
        allowed = row["archived_at"] is None and row["status"] in rq.ALLOWED_FROM[action]
        before = self.snapshot(request_id)
        if allowed:
            call()
        else:
            with pytest.raises(IllegalTransition):
                call()
            assert self.snapshot(request_id) == before

    # A few requests each, so that sequences go deep into each one's loop.
    @precondition(lambda self: self.store.scalar("SELECT count(*) FROM request") < 3)
    @rule(
        target=requests,
        household=st.integers(0, 3),
        category=st.sampled_from(sorted(REQUEST_CATEGORIES)),
        urgency=st.sampled_from(sorted(REQUEST_URGENCIES)),
        minutes=st.integers(0, 300),
    )
    def raise_one(self, household: int, category: str, urgency: str, minutes: int) -> int:
        return rq.raise_request(
            self.store,
            household_id=self.households[household],
            category=category,
            urgency=urgency,
            at=self.tick(minutes),
        )

    @rule(request=requests, to_member=st.booleans(), minutes=st.integers(0, 300))
    def dispatch(self, request: int, to_member: bool, minutes: int) -> None:
        at = self.tick(minutes)
        kwargs = {"member_id": self.members[0]} if to_member else {"department": "物业公司"}
        self.attempt(request, "dispatch", lambda: rq.dispatch_request(self.store, request, at=at, **kwargs))

    @rule(chosen=st.lists(requests, min_size=1, max_size=4, unique=True), minutes=st.integers(0, 60))
    def bulk_dispatch(self, chosen: list[int], minutes: int) -> None:
        at = self.tick(minutes)
        states = [self.store.one("SELECT status, archived_at FROM request WHERE id = ?", [i]) for i in chosen]
        allowed = all(s["archived_at"] is None and s["status"] in rq.ALLOWED_FROM["dispatch"] for s in states)
        before = [self.snapshot(i) for i in chosen]
        if allowed:
            rq.dispatch_requests(self.store, chosen, member_id=self.members[1], at=at)
        else:
            with pytest.raises(IllegalTransition):
                rq.dispatch_requests(self.store, chosen, member_id=self.members[1], at=at)
            assert [self.snapshot(i) for i in chosen] == before

    @rule(request=requests, minutes=st.integers(0, 300))
    def start(self, request: int, minutes: int) -> None:
        at = self.tick(minutes)
        self.attempt(request, "start", lambda: rq.start_request(self.store, request, at=at))

    @rule(request=requests, minutes=st.integers(0, 3000))
    def resolve(self, request: int, minutes: int) -> None:
        at = self.tick(minutes)
        self.attempt(
            request, "resolve", lambda: rq.resolve_request(self.store, request, resolution="已办", at=at)
        )

    @rule(request=requests, rating=st.sampled_from(sorted(RATINGS)), minutes=st.integers(0, 3000))
    def follow_up(self, request: int, rating: str, minutes: int) -> None:
        at = self.tick(minutes)
        self.attempt(
            request, "follow_up", lambda: rq.follow_up_request(self.store, request, rating=rating, at=at)
        )

    @rule(request=requests, minutes=st.integers(0, 60))
    def withdraw(self, request: int, minutes: int) -> None:
        at = self.tick(minutes)
        self.attempt(request, "withdraw", lambda: rq.withdraw_request(self.store, request, at=at))

    def _advance(self, request: int, rating: str, minutes: int) -> None:
        row = self.store.one("SELECT status, archived_at FROM request WHERE id = ?", [request])
        at = self.tick(minutes)
        status = "withdrawn" if row["archived_at"] else row["status"]
        if status in ("collected", "withdrawn"):
            self.attempt(
                request,
                "dispatch",
                lambda: rq.dispatch_request(self.store, request, department="物业公司", at=at),
            )
        elif status == "dispatched":
            self.attempt(request, "start", lambda: rq.start_request(self.store, request, at=at))
        elif status == "in_progress":
            self.attempt(
                request, "resolve", lambda: rq.resolve_request(self.store, request, resolution="已办", at=at)
            )
        else:
            self.attempt(
                request, "follow_up", lambda: rq.follow_up_request(self.store, request, rating=rating, at=at)
            )

    # Two rules that take the next step, so long loops and reopenings come up often.
    @rule(request=requests, rating=st.sampled_from(sorted(RATINGS)), minutes=st.integers(0, 600))
    def advance(self, request: int, rating: str, minutes: int) -> None:
        self._advance(request, rating, minutes)

    @rule(request=requests, rating=st.sampled_from(sorted(RATINGS)), minutes=st.integers(0, 600))
    def advance_again(self, request: int, rating: str, minutes: int) -> None:
        self._advance(request, rating, minutes)

    @rule(request=requests, back=st.integers(1, 10_000))
    def backdated_step_is_refused(self, request: int, back: int) -> None:
        last = self.store.scalar("SELECT max(at) FROM request_step WHERE request_id = ?", [request])
        at = (datetime.fromisoformat(last) - timedelta(minutes=back)).isoformat(sep=" ")
        before = self.snapshot(request)
        with pytest.raises((InvalidInput, IllegalTransition)):
            rq.dispatch_request(self.store, request, department="物业公司", at=at)
        assert self.snapshot(request) == before

    @invariant()
    def timelines_follow_the_loop(self) -> None:
        if not hasattr(self, "store"):
            return
        for (request_id,) in self.store.query("SELECT id FROM request"):
            row = self.store.one("SELECT * FROM request WHERE id = ?", [request_id])
            steps = rq.request_steps(self.store, request_id)
            names = [s.step for s in steps]
            # No step skipped silently: every step follows from the one before.
            assert names[0] == "collected" and names.count("collected") == 1
            for before, after in itertools.pairwise(names):
                assert after in NEXT_STEPS[before], names
            # A follow-up is followed by a reopening exactly when it was rated dissatisfied.
            for i, s in enumerate(steps):
                if s.step == "followed_up":
                    reopened = i + 1 < len(steps) and steps[i + 1].step == "reopened"
                    assert reopened == (s.rating == "dissatisfied")
            # Timestamps never go backwards, and the row agrees with its timeline.
            ats = [s.at for s in steps]
            assert ats == sorted(ats)
            assert row["collected_at"] == ats[0]
            assert row["reopen_count"] == names.count("reopened")
            last = names[-1]
            if last == "withdrawn":
                assert row["archived_at"] == ats[-1]
                assert row["status"] == STATUS_AFTER[names[-2]]
            else:
                assert row["archived_at"] is None and row["status"] == STATUS_AFTER[last]
            current = [
                row["reopened_at"] or row["collected_at"],
                row["dispatched_at"],
                row["started_at"],
                row["resolved_at"],
                row["followed_up_at"],
            ]
            present = [t for t in current if t is not None]
            assert present == sorted(present)
            assert row["due_at"] is not None
            # A reopened request keeps its history: the old timeline is a prefix of the new one.
            seen = [(s.id, s.step, s.at, s.rating) for s in steps]
            old = self.history.get(request_id, [])
            assert seen[: len(old)] == old
            self.history[request_id] = seen

    @invariant()
    def open_counts_agree(self) -> None:
        if not hasattr(self, "store"):
            return
        counts = rq.open_request_counts(self.store)
        expected: dict[int, int] = {}
        for row in self.store.query("SELECT household_id, status, archived_at FROM request"):
            if row["status"] in OPEN_REQUEST_STATUSES and row["archived_at"] is None:
                expected[row["household_id"]] = expected.get(row["household_id"], 0) + 1
        assert counts == expected
        assert sum(counts.values()) == rq.request_counts(self.store, now=ts(10**7)).open


RequestLoop.TestCase.settings = settings(
    max_examples=35, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_request_loop = RequestLoop.TestCase


def test_today_default_day_is_today(small) -> None:
    assert rq.todays_list(small.store).day == date.today()
