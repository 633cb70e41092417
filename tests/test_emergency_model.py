"""Emergency mode in the model: cycles, roll call, rosters, instructions, supplies and the report."""

from __future__ import annotations

import random
from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from gridboard.models import emergency, ledger, pairing, requests, rules, supplies, undo, visits
from gridboard.models.errors import InvalidInput

TODAY = date.today()


def at(day: date, hour: int = 10) -> str:
    return f"{day.isoformat()} {hour:02d}:00:00"


def status_of(store, household_id: int, on: date) -> str:
    params = {"id": household_id, **rules.rule_params(rules.current_cycles(store), on)}
    return store.scalar(f"SELECT {rules.status_sql()} FROM household h WHERE h.id = :id", params)


@pytest.fixture
def town(small):
    """The small community with three priority households (paired) and one ordinary one."""
    store = small.store
    tags = {"1-501": "living_alone", "1-502": "aged_80", "2-301": "disabled"}
    homes = {}
    for place, tag in tags.items():
        unit, room = place.split("-")
        h = small.household(int(unit), room)
        ledger.add_resident(store, household_id=h, name=f"住户{room}", tags=[tag])
        pairing.pair_member(store, member_id=small.member, household_id=h)
        homes[place] = h
    ordinary = small.household(2, "101")
    ledger.add_resident(store, household_id=ordinary, name="普通户")
    pairing.pair_member(store, member_id=small.member, household_id=ordinary)
    homes["ordinary"] = ordinary
    store.take_changes()
    return SimpleNamespace(small=small, store=store, homes=homes)


def declare(store, **kwargs) -> int:
    return emergency.declare_emergency(
        store, name="暴雪应急", kind="blizzard", started_at=at(TODAY - timedelta(days=2), 8), **kwargs
    )


# -- cycles ----------------------------------------------------------------------------------------------


def test_priority_household_not_reached_today_is_overdue_tomorrow_morning(town) -> None:
    store, h = town.store, town.homes["1-502"]
    visits.log_visit(store, household_id=h, visited_at=at(TODAY - timedelta(days=1), 17))
    assert status_of(store, h, TODAY) == "ok"  # normal 30-day cycle: nothing due
    declare(store)
    cycles = rules.current_cycles(store)
    assert (cycles.priority, cycles.high, cycles.normal, cycles.emergency) == (1, 1, 3, True)
    # Reached yesterday: due today. Not reached today -> overdue tomorrow morning.
    assert status_of(store, h, TODAY) == "due_soon"
    assert status_of(store, h, TODAY + timedelta(days=1)) == "overdue"
    # Reached today (even late in the evening): fine tomorrow, overdue the day after.
    visits.log_visit(store, household_id=h, visited_at=at(TODAY, 0))
    assert status_of(store, h, TODAY + timedelta(days=1)) == "due_soon"
    assert status_of(store, h, TODAY + timedelta(days=2)) == "overdue"
    # The Python rule agrees with the SQL one.
    for offset in range(4):
        on = TODAY + timedelta(days=offset)
        assert status_of(store, h, on) == rules.household_status(
            occupancy="lived_in",
            covered=True,
            last_reached_at=at(TODAY, 0),
            tier=store.scalar("SELECT priority_tier FROM household WHERE id = ?", [h]),
            cycles=cycles,
            on=on,
        )


def test_others_every_three_days_and_cycles_restored_after_the_end(town) -> None:
    store, h = town.store, town.homes["ordinary"]
    visits.log_visit(store, household_id=h, visited_at=at(TODAY))
    emergency_id = declare(store)
    assert status_of(store, h, TODAY + timedelta(days=3)) == "due_soon"
    assert status_of(store, h, TODAY + timedelta(days=4)) == "overdue"
    emergency.end_emergency(store, emergency_id)
    assert not rules.current_cycles(store).emergency
    assert status_of(store, h, TODAY + timedelta(days=4)) == "ok"
    assert store.take_changes().everything


def test_declare_refuses_a_second_emergency_and_bad_input(town) -> None:
    store = town.store
    with pytest.raises(InvalidInput):
        emergency.declare_emergency(store, name=" ")
    with pytest.raises(InvalidInput):
        emergency.declare_emergency(store, name="x", kind="meteor")
    with pytest.raises(InvalidInput):
        emergency.declare_emergency(store, name="x", cycle_priority_days=5, cycle_other_days=2)
    with pytest.raises(InvalidInput):
        emergency.declare_emergency(store, name="x", started_at=at(TODAY + timedelta(days=1)))
    emergency_id = declare(store)
    with pytest.raises(InvalidInput):
        declare(store)
    current = emergency.active_emergency(store)
    assert current is not None and current.id == emergency_id and current.declared_by == "tester"
    assert current.community_id == town.small.community
    emergency.end_emergency(store, emergency_id)
    with pytest.raises(InvalidInput):
        emergency.end_emergency(store, emergency_id)
    assert emergency.active_emergency(store) is None


# -- roll call ---------------------------------------------------------------------------------------------


def test_rollcall_states_and_their_visits(town) -> None:
    store, homes = town.store, town.homes
    e = declare(store)
    rows = emergency.rollcall_rows(store, e)
    assert sorted(r.household_id for r in rows) == sorted(homes[p] for p in ("1-501", "1-502", "2-301"))
    assert {r.state for r in rows} == {"not_tried"}
    assert all(r.markers for r in rows)

    emergency.record_rollcall(
        store, emergency_id=e, household_id=homes["1-501"], state="reached_safe", member_id=town.small.member
    )
    emergency.record_rollcall(store, emergency_id=e, household_id=homes["1-502"], state="unreachable")
    needs = emergency.record_rollcall(
        store, emergency_id=e, household_id=homes["2-301"], state="reached_needs_help", method="in_person"
    )
    states = {r.household_id: r for r in emergency.rollcall_rows(store, e)}
    assert states[homes["1-501"]].state == "reached_safe"
    assert states[homes["1-501"]].member_name == "张三"
    assert states[homes["1-501"]].operator == "tester"
    assert states[homes["1-502"]].state == "unreachable"
    assert states[homes["2-301"]].state == "reached_needs_help"
    counts = emergency.rollcall_counts(store, e)
    assert counts == {
        "reached_safe": 1,
        "reached_needs_help": 1,
        "unreachable": 1,
        "not_tried": 0,
        "alarm": 0,
        "total": 3,
    }

    # Each result is a visit: reached ones reset the clock, "unreachable" is nobody home.
    last = {
        r["id"]: (r["last_outcome"], r["last_reached_at"])
        for r in store.query("SELECT id, last_outcome, last_reached_at FROM household")
    }
    assert last[homes["1-501"]][0] == "met" and last[homes["1-501"]][1][:10] == TODAY.isoformat()
    assert last[homes["1-502"]] == ("nobody_home", None)
    assert visits.household_visits(store, homes["2-301"])[0].method == "in_person"
    assert status_of(store, homes["1-501"], TODAY + timedelta(days=1)) == "due_soon"
    assert status_of(store, homes["1-502"], TODAY + timedelta(days=1)) == "never_visited"
    cov = rules.coverage(store, "grid")[0]
    assert cov.priority == 3 and cov.priority_overdue == 1

    # A wrong key is withdrawn with its visit, and the household is back to "not tried".
    withdrawn = undo.run(store, "Withdraw", emergency.withdraw_rollcall, needs)
    states = {r.household_id: r.state for r in emergency.rollcall_rows(store, e)}
    assert states[homes["2-301"]] == "not_tried"
    assert visits.household_visits(store, homes["2-301"]) == []
    assert withdrawn.step is not None
    withdrawn.step.undo(store)  # undo brings the result and its visit back
    states = {r.household_id: r.state for r in emergency.rollcall_rows(store, e)}
    assert states[homes["2-301"]] == "reached_needs_help"


def test_latest_attempt_of_the_day_wins_and_yesterday_is_not_today(town) -> None:
    store, h = town.store, town.homes["1-502"]
    e = declare(store)
    emergency.record_rollcall(
        store, emergency_id=e, household_id=h, state="reached_safe", at=at(TODAY - timedelta(days=1))
    )
    assert {r.household_id: r.state for r in emergency.rollcall_rows(store, e)}[h] == "not_tried"
    yesterday = emergency.rollcall_rows(store, e, day=TODAY - timedelta(days=1))
    assert {r.household_id: r.state for r in yesterday}[h] == "reached_safe"
    emergency.record_rollcall(store, emergency_id=e, household_id=h, state="unreachable", at=at(TODAY, 9))
    emergency.record_rollcall(store, emergency_id=e, household_id=h, state="reached_safe", at=at(TODAY, 11))
    assert {r.household_id: r.state for r in emergency.rollcall_rows(store, e)}[h] == "reached_safe"


def test_unreachable_twice_in_a_row_goes_to_the_top(town) -> None:
    store, homes = town.store, town.homes
    e = declare(store)
    last_in_order = emergency.rollcall_rows(store, e)[-1].household_id
    emergency.record_rollcall(
        store,
        emergency_id=e,
        household_id=last_in_order,
        state="unreachable",
        at=at(TODAY - timedelta(days=1)),
    )
    assert not any(r.alarm for r in emergency.rollcall_rows(store, e))
    emergency.record_rollcall(store, emergency_id=e, household_id=last_in_order, state="unreachable")
    rows = emergency.rollcall_rows(store, e)
    assert rows[0].household_id == last_in_order and rows[0].alarm
    assert sum(r.alarm for r in rows) == 1
    assert emergency.rollcall_counts(store, e)["alarm"] == 1
    yesterday = emergency.rollcall_counts(store, e, day=TODAY - timedelta(days=1))
    assert (yesterday["alarm"], yesterday["unreachable"], yesterday["not_tried"]) == (0, 1, 2)
    # Reached at last: the alarm clears.
    emergency.record_rollcall(store, emergency_id=e, household_id=last_in_order, state="reached_safe")
    assert not any(r.alarm for r in emergency.rollcall_rows(store, e))
    del homes


def test_rollcall_closed_after_the_end_and_rejects_unknown_states(town) -> None:
    store, h = town.store, town.homes["1-501"]
    e = declare(store)
    with pytest.raises(InvalidInput):
        emergency.record_rollcall(store, emergency_id=e, household_id=h, state="not_tried")
    emergency.end_emergency(store, e)
    with pytest.raises(InvalidInput):
        emergency.record_rollcall(store, emergency_id=e, household_id=h, state="reached_safe")


# -- rosters and instructions -------------------------------------------------------------------------------


def test_roster_one_secretary_one_role_each_and_gaps(town) -> None:
    store, small = town.store, town.small
    e = declare(store)
    cadre = ledger.add_member(store, community_id=small.community, name="王干部", kind="cadre")
    head = ledger.add_member(store, community_id=small.community, name="楼长李", kind="building_head")
    assert emergency.roster_gaps(store, e, small.grid) == list(emergency.CORE_ROLES)
    secretary = emergency.add_to_roster(
        store, emergency_id=e, grid_id=small.grid, member_id=small.member, role="temp_secretary"
    )
    emergency.add_to_roster(
        store,
        emergency_id=e,
        grid_id=small.grid,
        member_id=head,
        role=emergency.ROLE_FOR_KIND["building_head"],
    )
    with pytest.raises(InvalidInput):
        emergency.add_to_roster(
            store, emergency_id=e, grid_id=small.grid, member_id=cadre, role="temp_secretary"
        )
    with pytest.raises(InvalidInput):
        emergency.add_to_roster(store, emergency_id=e, grid_id=small.grid, member_id=head, role="volunteer")
    emergency.add_to_roster(
        store, emergency_id=e, grid_id=small.grid, member_id=cadre, role="cadre_sent_down"
    )
    team = emergency.roster(store, e, small.grid)
    assert [(m.member_name, m.role) for m in team] == [
        ("张三", "temp_secretary"),
        ("王干部", "cadre_sent_down"),
        ("楼长李", "building_head"),
    ]
    assert emergency.roster_gaps(store, e, small.grid) == ["community_worker", "grid_leader"]
    emergency.remove_from_roster(store, secretary)
    assert emergency.roster_gaps(store, e, small.grid)[0] == "temp_secretary"
    assert store.scalar("SELECT count(*) FROM emergency_roster") == 3  # history kept


def test_instructions_show_which_grids_have_not_answered(town) -> None:
    store, small = town.store, town.small
    second = ledger.create_grid(store, community_id=small.community, name="第二网格", sort_order=2)
    e = declare(store)
    i = emergency.issue_instruction(store, emergency_id=e, text="今晚八点前完成独居老人电话排查")
    only_first = emergency.issue_instruction(store, emergency_id=e, text="清点物资", grid_ids=[small.grid])
    [latest, first] = emergency.instructions(store, e)
    assert (latest.id, latest.grids, latest.answered) == (only_first, 1, 0)
    assert (first.grids, first.unanswered) == (2, 2)
    emergency.record_feedback(store, instruction_id=i, grid_id=second, feedback="已完成，2户需送药")
    rows = emergency.feedback_rows(store, i)
    assert [(r.grid_name, r.answered_at is None) for r in rows] == [("第一网格", True), ("第二网格", False)]
    assert emergency.instructions(store, e)[1].unanswered == 1
    with pytest.raises(InvalidInput):
        emergency.record_feedback(store, instruction_id=only_first, grid_id=second, feedback="x")


# -- supplies and the report ---------------------------------------------------------------------------------


def test_supply_totals_against_independent_counts(town, monkeypatch) -> None:
    store, small = town.store, town.small
    second = ledger.create_grid(store, community_id=small.community, name="第二网格", sort_order=2)
    e = declare(store)
    rng = random.Random(3)
    items = [("胰岛素", "支"), ("大米", "kg"), ("婴儿奶粉", "罐")]
    needs = [(rng.choice([small.grid, second]), *rng.choice(items), rng.randint(1, 9)) for _ in range(40)]
    deliveries = [
        (rng.choice([small.grid, second]), *rng.choice(items), rng.randint(1, 5)) for _ in range(30)
    ]

    def needed_by_grid_item(store, within=None):
        totals: dict = {}
        for grid, item, unit, q in needs:
            totals[(grid, item, unit)] = totals.get((grid, item, unit), 0) + q
        return [
            SimpleNamespace(grid_id=g, item=i, unit=u, needed=q, delivered=0.0)
            for (g, i, u), q in totals.items()
        ]

    # Needs stand in for the requests area's list; deliveries to a grid as a whole are real rows.
    monkeypatch.setattr(supplies, "needed_by_grid_item", needed_by_grid_item)
    for grid, item, unit, q in deliveries:
        emergency.record_delivery(store, grid_id=grid, item=item, unit=unit, quantity=q)
    lines = {(line.grid_id, line.item, line.unit): line for line in emergency.scarce_supplies(store)}
    for grid in (small.grid, second):
        for item, unit in items:
            need = sum(q for g, i, u, q in needs if (g, i, u) == (grid, item, unit))
            done = sum(q for g, i, u, q in deliveries if (g, i, u) == (grid, item, unit))
            line = lines.get((grid, item, unit))
            if not need and not done:
                assert line is None
                continue
            assert (line.needed, line.delivered, line.outstanding) == (need, done, max(need - done, 0))
    assert store.scalar("SELECT count(DISTINCT emergency_id) FROM supply_delivery") == 1
    report = emergency.report_figures(store, e)
    assert sum(q for _, _, q in report.delivered_by_item) == sum(q for *_, q in deliveries)
    assert report.days[-1].deliveries == len(deliveries)
    with pytest.raises(InvalidInput):
        emergency.record_delivery(store, grid_id=second, item="大米", quantity=0)


def test_report_figures_against_independent_counts(town) -> None:
    store, homes, small = town.store, town.homes, town.small
    e = declare(store)
    start = TODAY - timedelta(days=2)
    plan = {
        start: [("1-501", "reached_safe"), ("1-502", "unreachable")],
        start + timedelta(days=1): [
            ("1-501", "reached_safe"),
            ("1-502", "reached_needs_help"),
            ("2-301", "reached_safe"),
        ],
        TODAY: [("2-301", "unreachable")],
    }
    for day, results in plan.items():
        for place, state in results:
            emergency.record_rollcall(
                store, emergency_id=e, household_id=homes[place], state=state, at=at(day)
            )
    visits.log_visit(store, household_id=homes["ordinary"], visited_at=at(start + timedelta(days=1)))
    r1 = requests.raise_request(store, household_id=homes["1-502"], category="medicine", at=at(start))
    requests.raise_request(store, household_id=homes["2-301"], category="supplies", at=at(TODAY, 0))
    requests.dispatch_request(store, r1, member_id=small.member, due_at=at(TODAY, 23), at=at(TODAY, 0))
    requests.start_request(store, r1, at=at(TODAY, 0))
    requests.resolve_request(store, r1, resolution="送药上门", at=at(TODAY, 0))
    emergency.end_emergency(store, e)

    report = emergency.report_figures(store, e)
    assert [d.day for d in report.days] == [start, start + timedelta(days=1), TODAY]
    by_day = {d.day: d for d in report.days}
    for day, results in plan.items():
        reached = {p for p, s in results if s.startswith("reached")}
        figures = by_day[day]
        assert figures.priority_reached == len(reached)
        assert figures.priority_households == 3
        assert figures.rollcall_safe == sum(s == "reached_safe" for _, s in results)
        assert figures.rollcall_unreachable == sum(s == "unreachable" for _, s in results)
    assert by_day[start + timedelta(days=1)].households_reached == 4  # 3 priority + the ordinary one
    assert by_day[start + timedelta(days=1)].priority_share == 1.0
    assert (by_day[start].requests_raised, by_day[TODAY].requests_raised) == (1, 1)
    assert by_day[TODAY].requests_closed == 1
    assert (report.total_requests_raised, report.total_requests_closed) == (2, 1)


def test_supplies_list_builds_on_request_items(town) -> None:
    """Needs recorded on supplies requests, delivered against items or to the grid as a whole."""
    store, homes, small = town.store, town.homes, town.small
    supplies = pytest.importorskip("gridboard.models.supplies")
    if store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'request_item'") == 0:
        pytest.skip("request_item table not in the schema yet")
    declare(store)
    first = requests.raise_request(store, household_id=homes["1-501"], category="supplies")
    second = requests.raise_request(store, household_id=homes["2-301"], category="supplies")
    [insulin, rice] = supplies.add_request_items(store, first, [("胰岛素", 4, "支"), ("大米", 10, "kg")])
    supplies.add_request_items(store, second, [("胰岛素", 2, "支")])
    supplies.record_delivery(store, request_item_id=insulin, quantity=3)
    emergency.record_delivery(store, grid_id=small.grid, item="大米", unit="kg", quantity=6)
    lines = {(line.item, line.unit): line for line in emergency.scarce_supplies(store)}
    assert (lines[("胰岛素", "支")].needed, lines[("胰岛素", "支")].delivered) == (6, 3)
    assert lines[("胰岛素", "支")].outstanding == 3
    assert (lines[("大米", "kg")].needed, lines[("大米", "kg")].outstanding) == (10, 4)
    del rice


def test_rollcall_rows_for_some_households_match_the_whole_board(town) -> None:
    store, homes = town.store, town.homes
    e = declare(store)
    emergency.record_rollcall(store, emergency_id=e, household_id=homes["2-301"], state="unreachable")
    whole = {r.household_id: r for r in emergency.rollcall_rows(store, e)}
    some = emergency.rollcall_rows(store, e, household_ids={homes["2-301"], homes["ordinary"]})
    assert some == [whole[homes["2-301"]]]  # the ordinary household is not on the board
    assert emergency.rollcall_rows(store, e, household_ids=[]) == []
    assert sorted(whole.values(), key=lambda r: r.sort_key) == emergency.rollcall_rows(store, e)


def test_counts_agree_with_the_board_after_random_roll_calls(town) -> None:
    store, homes = town.store, town.homes
    e = declare(store)
    rng = random.Random(11)
    ids = list(homes.values())
    recorded: list[int] = []
    for step in range(40):
        day = TODAY - timedelta(days=rng.randint(0, 2))
        if recorded and rng.random() < 0.2:
            rid = recorded.pop(rng.randrange(len(recorded)))
            emergency.withdraw_rollcall(store, rid)
        else:
            recorded.append(
                emergency.record_rollcall(
                    store,
                    emergency_id=e,
                    household_id=rng.choice(ids),
                    state=rng.choice(emergency.RECORDED_STATES),
                    at=f"{day} {step % 24:02d}:00:00" if day < TODAY else f"{day} 00:{step:02d}:00",
                )
            )
        for on in (TODAY, TODAY - timedelta(days=1)):
            rows = emergency.rollcall_rows(store, e, day=on)
            expected = {s: sum(r.state == s for r in rows) for s in emergency.ROLLCALL_STATES}
            expected |= {"alarm": sum(r.alarm for r in rows), "total": len(rows)}
            assert emergency.rollcall_counts(store, e, day=on) == expected
