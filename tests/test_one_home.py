"""One home per rule (issue 19, item 1): address text, the risk tier, "in cycle", the emergency in
force, the supply-delivery writer, cancellation and the `Area` value; and no second copy of them."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from gridboard.models import (
    addresses,
    audit,
    demo,
    emergency,
    errors,
    ledger,
    requests,
    risk,
    rules,
    settings,
    sheets,
    stats,
    supplies,
    visits,
)
from gridboard.models.area import WHOLE_FILE, Area
from gridboard.models.in_cycle import in_cycle_sql
from gridboard.models.store import Store

PACKAGE = Path(__file__).resolve().parent.parent / "gridboard"


def _definitions() -> dict[str, list[str]]:
    """Every top-level function and class name in gridboard, with the modules defining it."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                found.setdefault(node.name, []).append(path.relative_to(PACKAGE).as_posix())
    return found


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("address_text", "models/addresses.py"),
        ("short_address", "models/addresses.py"),
        ("address", None),  # the two old copies in requests.py and emergency.py
        ("mask_phone", "models/masking.py"),
        ("mask_id", "models/masking.py"),
        ("new_uid", "models/clock.py"),
        ("seeded_uid", "models/clock.py"),
        ("normalise_when", "models/clock.py"),
        ("Cancelled", "models/errors.py"),
        ("active_emergency", "models/emergency/declaring.py"),
        ("active_emergency_row", "models/settings.py"),
        ("tier_sql", "models/risk.py"),
        ("in_cycle_sql", None),  # models/in_cycle.py, and rules' binding of it
        ("write_delivery", "models/supplies.py"),
        ("Area", "models/area.py"),
    ],
)
def test_each_rule_is_defined_once(name: str, home: str | None) -> None:
    homes = _definitions().get(name, [])
    if name == "in_cycle_sql":
        assert sorted(homes) == ["models/in_cycle.py", "models/rules.py"]
    elif home is None:
        assert homes == []
    else:
        assert homes == [home]


# -- address text -------------------------------------------------------------------------------------


def test_addresses_long_and_short_with_courtyards(db: Store) -> None:
    assert addresses.address_text("3号楼", "apartment", 2, "502") == "3号楼2单元502"
    assert addresses.address_text("东院", "courtyard", 1, "7") == "东院7号"
    assert addresses.short_address("3号楼", "apartment", 2, "502") == "3号楼 2-502"
    assert addresses.short_address("东院", "courtyard", 1, "7") == "东院 7"
    assert sheets.address_text is addresses.address_text
    # The SQL form says the same as the Python one, for both kinds of building.
    community = ledger.create_community(db, name="幸福社区")
    grid = ledger.create_grid(db, community_id=community, name="第一网格")
    ledger.create_building(db, grid_id=grid, name="3号楼", number=3, units=2, floors=5, rooms_per_floor=2)
    ledger.create_building(db, grid_id=grid, name="东院", kind="courtyard", floors=1, rooms_per_floor=3)
    rows = db.query(
        f"SELECT b.name, b.kind, h.unit, h.room, {addresses.short_address_sql('b', 'h')} AS text"
        " FROM household h JOIN building b ON b.id = h.building_id"
    )
    assert {r["kind"] for r in rows} == {"apartment", "courtyard"}
    for r in rows:
        assert r["text"] == addresses.short_address(r["name"], r["kind"], r["unit"], r["room"])


def test_the_audit_trail_names_a_courtyard_household_by_the_same_rule(db: Store) -> None:
    community = ledger.create_community(db, name="幸福社区")
    grid = ledger.create_grid(db, community_id=community, name="第一网格")
    building = ledger.create_building(
        db, grid_id=grid, name="东院", kind="courtyard", floors=1, rooms_per_floor=1
    )
    household = db.scalar("SELECT id FROM household WHERE building_id = ?", [building])
    ledger.add_resident(db, household_id=household, name="王伟")
    room = db.scalar("SELECT room FROM household WHERE id = ?", [household])
    expected = addresses.short_address("东院", "courtyard", 1, room)
    records = [entry.record for entry in audit.audit_rows(db, audit.AuditFilter(table="resident"))]
    assert records and all(record.endswith(expected) for record in records)


# -- the risk tier ------------------------------------------------------------------------------------


def test_the_risk_tier_one_rule_for_one_household_and_for_a_whole_file(small) -> None:
    store = small.store
    household = small.household(1, "101")
    alone = ledger.add_resident(store, household_id=household, name="李芳", tags=["empty_nest"])
    assert store.scalar("SELECT priority_tier FROM household WHERE id = ?", [household]) == 1
    ledger.set_resident_tags(store, alone, ["empty_nest", "living_alone"])
    assert store.scalar("SELECT priority_tier FROM household WHERE id = ?", [household]) == 2
    by_household = dict(store.execute(risk.TIERS_BY_HOUSEHOLD_SQL).fetchall())
    assert by_household == {household: 2}
    assert store.scalar(f"SELECT {risk.tier_sql('?')}", [household]) == 2
    assert store.scalar(f"SELECT {risk.tier_sql('?')}", [small.household(2, "101")]) == 0
    assert stats.stale_summaries(store)[0] == 0
    # A stored tier that disagrees with the rule is found.
    store.execute("UPDATE household SET priority_tier = 0 WHERE id = ?", [household])
    assert stats.stale_summaries(store) == (1, [household])


# -- in cycle -----------------------------------------------------------------------------------------


def test_in_cycle_is_one_rule_for_the_rules_and_the_tallies(small) -> None:
    store = small.store
    reached = small.household(1, "101")
    ledger.add_resident(store, household_id=reached, name="李芳")
    ledger.add_resident(store, household_id=small.household(1, "102"), name="张伟")  # lived in, never reached
    visits.log_visit(store, household_id=reached, visited_at=f"{date.today()} 09:00:00")
    cycles = rules.current_cycles(store)
    by_rules = store.scalar(
        f"SELECT count(*) FROM household h WHERE {rules.in_cycle_sql('h')}", rules.rule_params(cycles)
    )
    from gridboard.models.tallies import coverage

    kept = coverage.counts(store.db, "grid", cycles.since(date.today()))[small.grid]
    assert by_rules == kept.in_cycle == 1
    # Never reached: NULL for WHERE, 0 where a sum must not turn NULL.
    never = "(SELECT 'lived' AS occupancy, NULL AS last_reached_at, 0 AS priority_tier) x"
    assert store.scalar(f"SELECT {in_cycle_sql('x', repr('2026-01-01'))} FROM {never}") is None
    assert (
        store.scalar(
            f"SELECT {in_cycle_sql('x', repr('2026-01-01'), never_reached_is_false=True)} FROM {never}"
        )
        == 0
    )


# -- the emergency in force, deliveries, cancellation -------------------------------------------------


def test_the_emergency_in_force_is_one_query(small) -> None:
    store = small.store
    assert emergency.active_emergency(store) is None and settings.active_emergency_row(store) is None
    declared = emergency.declare_emergency(store, name="寒潮", cycle_priority_days=1, cycle_other_days=7)
    assert emergency.active_emergency(store).id == settings.active_emergency_row(store)["id"] == declared
    assert rules.current_cycles(store).emergency
    assert not hasattr(rules, "active_emergency")


def test_both_deliveries_are_written_by_one_writer(small, monkeypatch: pytest.MonkeyPatch) -> None:
    store = small.store
    written: list[dict] = []
    real = supplies.write_delivery

    def counting(store: Store, **row):
        written.append(row)
        return real(store, **row)

    monkeypatch.setattr(supplies, "write_delivery", counting)
    declared = emergency.declare_emergency(store, name="寒潮", cycle_priority_days=1, cycle_other_days=7)
    household = small.household(1, "101")
    request = requests.raise_request(store, household_id=household, category="supplies")
    [item] = supplies.add_request_items(store, request, [("胰岛素", 4, "支")])
    supplies.record_delivery(store, request_item_id=item, quantity=3)
    emergency.record_delivery(store, grid_id=small.grid, item=" 大米 ", unit="kg", quantity=6)
    assert [
        (w["item"], w["emergency_id"], w["request_item_id"] if "request_item_id" in w else None)
        for w in written
    ] == [
        ("胰岛素", declared, item),
        ("大米", declared, None),
    ]
    rows = store.query("SELECT item, delivered_by, request_item_id FROM supply_delivery ORDER BY id")
    assert [(r["item"], r["delivered_by"], r["request_item_id"]) for r in rows] == [
        ("胰岛素", store.operator, item),
        ("大米", store.operator, None),
    ]


def test_cancelling_is_one_error() -> None:
    assert demo.Cancelled is errors.Cancelled


# -- Area ---------------------------------------------------------------------------------------------


def test_area_reads_every_shape_and_writes_one_kind_of_sql() -> None:
    assert Area.of(None) is WHOLE_FILE and WHOLE_FILE.is_whole_file
    assert Area.of({"grid": 3}) == Area(grid=3)
    assert Area.of({"community": 1, "grid": None}) == Area(community=1)
    assert Area.of(Area(building=2)) == Area(building=2)
    with pytest.raises(ValueError):
        Area.of({"street": 1})
    assert Area(community=1, grid=3).as_dict() == {"community": 1, "grid": 3}
    assert WHOLE_FILE.and_sql() == ("", {})
    assert Area(grid=3).and_sql(grid="n.grid_id") == ("AND n.grid_id = :within_grid", {"within_grid": 3})
    assert Area(community=1, grid=3).conditions(prefix="") == (
        ["g.community_id = :community", "g.id = :grid"],
        {"community": 1, "grid": 3},
    )


def test_queries_take_an_area_or_the_old_dict_alike(small) -> None:
    store = small.store
    household = small.household(1, "101")
    ledger.add_resident(store, household_id=household, name="李芳")
    requests.raise_request(store, household_id=household, category="repairs")
    whole = requests.request_counts(store)
    assert whole == requests.request_counts(store, within=WHOLE_FILE)
    for area in (Area(grid=small.grid), {"grid": small.grid}, Area(community=small.community)):
        assert rules.total_coverage(store, within=area) == rules.total_coverage(store)
        assert requests.request_counts(store, within=area) == whole
    other = ledger.create_grid(store, community_id=small.community, name="第二网格")
    assert requests.request_counts(store, within=Area(grid=other)) != whole
    assert rules.total_coverage(store, within=Area(grid=other)).households == 0


def test_the_coverage_tallies_take_the_area_value(small) -> None:
    """tallies.coverage reads an Area (its rows are kept per grid) and agrees with the rules' SQL."""
    from gridboard.models.tallies import coverage

    store = small.store
    since = rules.current_cycles(store).since(date.today())
    other_community = ledger.create_community(store, name="和平社区")
    empty = ledger.create_grid(store, community_id=other_community, name="和平一网格")
    whole = coverage.counts(store.db, "grid", since)
    assert coverage.counts(store.db, "grid", since, area=Area(community=small.community)) == whole
    assert coverage.counts(store.db, "grid", since, area={"grid": small.grid}) == whole
    assert coverage.counts(store.db, "grid", since, area=Area(community=other_community)) == {}
    # Levels set together narrow each other: a grid outside the community holds nothing of it.
    assert (
        coverage.counts(store.db, "grid", since, area=Area(community=other_community, grid=small.grid)) == {}
    )
    assert (
        whole[small.grid].households == rules.total_coverage(store, within=Area(grid=small.grid)).households
    )
    assert empty not in whole
    assert Area(community=1).grid_sql("c.grid_id") == (
        "c.grid_id IN (SELECT id FROM grid WHERE community_id = :within_community)",
        {"within_community": 1},
    )
    assert WHOLE_FILE.grid_sql("r.grid_id") == ("true", {})
    with pytest.raises(ValueError):
        Area(building=2).grid_sql("c.grid_id")
