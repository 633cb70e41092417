"""Figures that agree: the emergency report counts what the banner counted (from the declaration on),
and the dashboard's scarce supplies show what the emergency desk shows as delivered."""

from __future__ import annotations

from datetime import date

from gridboard.models import dashboard, emergency, ledger, pairing, visits

TODAY = date.today()


def at(hour: int, minute: int = 0) -> str:
    return f"{TODAY.isoformat()} {hour:02d}:{minute:02d}:00"


def priority_homes(small) -> list[int]:
    homes = []
    for unit, room, tag in (
        (1, "501", "living_alone"),
        (1, "502", "aged_80"),
        (2, "301", "disabled"),
        (2, "302", "chronic"),
    ):
        h = small.household(unit, room)
        ledger.add_resident(small.store, household_id=h, name=f"住户{room}", tags=[tag])
        pairing.pair_member(small.store, member_id=small.member, household_id=h)
        homes.append(h)
    small.store.take_changes()
    return homes


def test_report_and_banner_count_the_same_priority_households(small) -> None:
    store = small.store
    homes = priority_homes(small)
    # The morning's ordinary visits, before anyone declared anything: not part of the emergency.
    for h in homes:
        visits.log_visit(store, household_id=h, member_ids=[small.member], visited_at=at(8))
    e = emergency.declare_emergency(store, name="暴雪", kind="blizzard", started_at=at(10))
    emergency.record_rollcall(
        store, emergency_id=e, household_id=homes[0], state="reached_safe", at=at(10, 30)
    )
    emergency.record_rollcall(
        store, emergency_id=e, household_id=homes[1], state="reached_needs_help", at=at(10, 40)
    )
    emergency.record_rollcall(
        store, emergency_id=e, household_id=homes[2], state="unreachable", at=at(10, 50)
    )
    banner = emergency.rollcall_counts(store, e, day=TODAY)
    report = emergency.report_figures(store, e, until=TODAY)
    today = report.days[-1]
    assert today.day == TODAY
    assert banner["reached_safe"] + banner["reached_needs_help"] == today.priority_reached == 2
    assert banner["total"] == today.priority_households == 4
    assert banner["unreachable"] == today.rollcall_unreachable == 1
    # Households reached by visits count from the declaration: the two roll calls that reached someone.
    assert today.households_reached == 2


def test_dashboard_supplies_show_deliveries_to_a_whole_grid_as_the_desk_does(small) -> None:
    from gridboard.models import requests

    store = small.store
    homes = priority_homes(small)
    e = emergency.declare_emergency(store, name="暴雪", kind="blizzard", started_at=at(0, 1))
    requests.raise_request(store, household_id=homes[0], category="supplies", items=[("大米", 10, "袋")])
    emergency.record_delivery(store, emergency_id=e, grid_id=small.grid, item="大米", quantity=4, unit="袋")
    desk = {(s.item, s.unit): (s.needed, s.delivered) for s in emergency.scarce_supplies(store)}
    board = dashboard.compute(store, dashboard.Filters())
    shown = {(s.item, s.unit): (s.needed, s.delivered) for s in board.four_lists.supplies}
    assert desk[("大米", "袋")] == (10.0, 4.0)
    assert shown[("大米", "袋")] == desk[("大米", "袋")]
    # The same for the grid and the community the dashboard can be narrowed to.
    for filters in (dashboard.Filters(community_id=small.community), dashboard.Filters(grid_id=small.grid)):
        shown = {
            (s.item, s.unit): (s.needed, s.delivered)
            for s in dashboard.compute(store, filters).four_lists.supplies
        }
        assert shown[("大米", "袋")] == (10.0, 4.0)
