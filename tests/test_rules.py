"""Visit rules at their boundaries, and coverage against counts made by hand."""

from __future__ import annotations

from datetime import date, timedelta

from gridboard.models import ledger, pairing, rules, undo, visits
from gridboard.models.rules import Cycles, household_status

TODAY = date(2026, 11, 27)


def status_of(store, household_id: int, on: date = TODAY) -> str:
    params = {"id": household_id, **rules.rule_params(rules.current_cycles(store), on)}
    return store.scalar(f"SELECT {rules.status_sql()} FROM household h WHERE h.id = :id", params)


def days_ago(n: int) -> str:
    return f"{(TODAY - timedelta(days=n)).isoformat()} 10:00:00"


def test_unpaired_then_never_visited_then_ok(small) -> None:
    h = small.household(1, "501")
    assert status_of(small.store, h) == "not_paired"
    pairing.pair_member(small.store, member_id=small.member, household_id=h)
    assert status_of(small.store, h) == "never_visited"
    visits.log_visit(small.store, household_id=h, member_ids=[small.member], visited_at=days_ago(1))
    assert status_of(small.store, h) == "ok"


def test_high_tier_day_seven_is_due_day_eight_is_overdue(small) -> None:
    store = small.store
    h = small.household(1, "301")
    ledger.add_resident(store, household_id=h, name="李奶奶", birth_year=1938, tags=["living_alone"])
    pairing.pair_member(store, member_id=small.member, household_id=h)
    visits.log_visit(store, household_id=h, visited_at="2026-11-01 09:00:00")
    assert status_of(store, h, date(2026, 11, 8)) == "due_soon"  # day 7: still within cycle
    assert status_of(store, h, date(2026, 11, 9)) == "overdue"  # day 8
    assert status_of(store, h, date(2026, 11, 4)) == "ok"  # more than 3 days before due
    assert status_of(store, h, date(2026, 11, 5)) == "due_soon"  # due within 3 days


def test_nobody_home_does_not_reset_the_clock(small) -> None:
    store = small.store
    h = small.household(2, "102")
    ledger.add_resident(store, household_id=h, name="赵", tags=["disabled"])
    pairing.pair_member(store, member_id=small.member, household_id=h)
    visits.log_visit(store, household_id=h, visited_at=days_ago(10))
    visits.log_visit(store, household_id=h, visited_at=days_ago(1), outcome="nobody_home")
    assert status_of(store, h) == "overdue"
    row = store.one("SELECT last_outcome, last_visit_at FROM household WHERE id = ?", [h])
    assert row["last_outcome"] == "nobody_home"  # shown, though it does not count
    assert row["last_visit_at"] == days_ago(1)


def test_cycles_by_tier_and_vacant(small) -> None:
    store = small.store
    normal, priority = small.household(1, "101"), small.household(1, "102")
    ledger.add_resident(store, household_id=priority, name="钱", tags=["veteran"])
    for h in (normal, priority):
        pairing.pair_member(store, member_id=small.member, household_id=h)
        visits.log_visit(store, household_id=h, visited_at=days_ago(31))
    assert status_of(store, priority) == "overdue"  # 30-day cycle
    assert status_of(store, normal) == "ok"  # 90-day cycle
    ledger.update_household(store, normal, occupancy="vacant")
    assert status_of(store, normal) == "vacant"


def test_scope_covers_household_added_later(small) -> None:
    store = small.store
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=2)
    later = ledger.add_household(store, building_id=small.building, unit=2, floor=6, room="603")
    elsewhere = ledger.add_household(store, building_id=small.building, unit=1, floor=6, room="603")
    assert status_of(store, later) == "never_visited"
    assert status_of(store, elsewhere) == "not_paired"
    assert later in pairing.member_household_ids(store, small.member)
    assert elsewhere not in pairing.member_household_ids(store, small.member)


def test_floor_scope_and_ended_scope(small) -> None:
    store = small.store
    scope = pairing.add_scope(store, member_id=small.member, building_id=small.building, floor=4)
    assert status_of(store, small.household(1, "401")) == "never_visited"
    assert status_of(store, small.household(2, "402")) == "never_visited"
    assert status_of(store, small.household(1, "301")) == "not_paired"
    pairing.end_scope(store, scope, reason="moved")
    assert status_of(store, small.household(1, "401")) == "not_paired"


def test_withdrawn_visit_no_longer_counts(small) -> None:
    store = small.store
    h = small.household(1, "201")
    pairing.pair_member(store, member_id=small.member, household_id=h)
    v = visits.log_visit(store, household_id=h, visited_at=days_ago(2))
    withdrawn = undo.run(store, "Withdraw", visits.withdraw_visit, v, reason="wrong household")
    assert status_of(store, h) == "never_visited"
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'withdraw'") == 1
    assert withdrawn.step is not None
    withdrawn.step.undo(store)
    assert status_of(store, h) == "ok"


def test_python_rule_matches_sql_rule() -> None:
    cycles = Cycles()
    assert (
        household_status(
            occupancy="lived_in",
            covered=True,
            last_reached_at="2026-11-01 09:00:00",
            tier=2,
            cycles=cycles,
            on=date(2026, 11, 8),
        )
        == "due_soon"
    )
    assert (
        household_status(
            occupancy="lived_in",
            covered=True,
            last_reached_at="2026-11-01 09:00:00",
            tier=2,
            cycles=cycles,
            on=date(2026, 11, 9),
        )
        == "overdue"
    )
    assert (
        household_status(occupancy="vacant", covered=False, last_reached_at=None, tier=0, cycles=cycles)
        == "vacant"
    )


def test_coverage_counts(small) -> None:
    store = small.store
    households = [r[0] for r in store.execute("SELECT id FROM household ORDER BY id")]
    assert len(households) == 24
    ledger.update_household(store, households[0], occupancy="vacant")
    for h in households[1:7]:
        pairing.pair_member(store, member_id=small.member, household_id=h)
    ledger.add_resident(store, household_id=households[1], name="孙", tags=["chronic"])
    ledger.add_resident(store, household_id=households[2], name="周", tags=["dibao"])
    for h in households[2:5]:
        visits.log_visit(store, household_id=h, visited_at=days_ago(3))
    [grid] = rules.coverage(store, "grid", on=TODAY)
    assert (grid.households, grid.paired, grid.visited_in_cycle) == (23, 6, 3)
    assert (grid.priority, grid.priority_overdue, grid.overdue) == (2, 1, 20)
    assert grid.band == "behind"  # 3/23 = 13%
    member = rules.member_coverage(store, small.member, on=TODAY)
    assert (member.households, member.visited_in_cycle, member.priority_overdue) == (6, 3, 1)
