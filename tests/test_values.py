"""One set of rules for values: what the editors and actions accept is what the importer reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from gridboard.exchange import export
from gridboard.exchange.importer import apply_import, detect_layouts
from gridboard.exchange.reader import read_book
from gridboard.models import ledger, pairing, values, visits
from gridboard.models.errors import InvalidInput
from gridboard.models.opening import open_store

TOO_LONG = "王" * 1_000_000


@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        ("household", "floor", -6),
        ("household", "floor", 999),
        ("household", "floor", 0),
        ("household", "unit", 77),
        ("household", "people", -5),
        ("household", "room", "  "),
        ("household", "room", "3单元/502室!"),
        ("resident", "birth_year", 3000),
        ("resident", "birth_year", 1850),
        ("resident", "id_number", "abc"),
        ("resident", "id_number", "110105194912310021"),  # check digit wrong
        ("resident", "phone", "call me maybe"),
        ("resident", "name", TOO_LONG),
        ("member", "phone", "call me maybe"),
    ],
)
def test_values_outside_their_rule_are_refused_with_a_message(small, call: str, field: str, value) -> None:
    store = small.store
    before = store.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(InvalidInput):
        if call == "household":
            args = {"building_id": small.building, "unit": 1, "floor": 3, "room": "9901", field: value}
            ledger.add_household(store, **args)
        elif call == "resident":
            ledger.add_resident(
                store, household_id=small.household(1, "101"), **{"name": "王丽", field: value}
            )
        else:
            ledger.add_member(
                store, community_id=small.community, name="李明", kind="cadre", **{field: value}
            )
    assert store.scalar("SELECT count(*) FROM audit_log") == before, "a refusal changes nothing"


def test_what_the_rules_allow(small) -> None:
    store = small.store
    basement = ledger.add_household(store, building_id=small.building, unit=1, floor=-1, room="B101")
    shop = ledger.add_household(store, building_id=small.building, unit=1, floor=1, room="18号商铺")
    resident = ledger.add_resident(
        store,
        household_id=basement,
        name="王\x00丽\u200b",
        phone="0931-8123456",
        id_number="11010519491231002x",
        birth_year=1949,
    )
    row = store.one("SELECT name, id_number FROM resident WHERE id = ?", [resident])
    assert tuple(row) == ("王丽", "11010519491231002X"), "NUL and zero-width characters never reach the file"
    assert store.scalar("SELECT room FROM household WHERE id = ?", [shop]) == "18号商铺"


def test_visits_before_2000_or_to_a_removed_household_are_refused(small) -> None:
    store = small.store
    household = small.household(1, "101")
    with pytest.raises(InvalidInput):
        visits.log_visit(store, household_id=household, visited_at="0001-01-01T10:00:00")
    ledger.archive(store, "household", small.household(1, "102"))
    with pytest.raises(InvalidInput):
        visits.log_visit(store, household_id=small.household(1, "102"))


def test_a_missing_member_is_a_message_not_a_crash(small) -> None:
    with pytest.raises(InvalidInput):
        pairing.pair_member(small.store, member_id=987654, household_id=small.household(1, "101"))


def test_the_same_ranges_in_the_importer() -> None:
    from gridboard.exchange import parsers as p

    assert p.parse_floor(values.FLOORS[0])[0] == values.FLOORS[0]
    assert p.parse_floor(values.FLOORS[0] - 1)[0] is None
    assert p.parse_unit(values.UNITS[1])[0] == values.UNITS[1]
    assert p.parse_unit(values.UNITS[1] + 1)[0] is None
    assert p.parse_count(values.PEOPLE[1] + 1)[0] is None


def test_the_apps_own_export_always_imports_again(small, tmp_path: Path) -> None:
    store = small.store
    basement = ledger.add_household(
        store, building_id=small.building, unit=2, floor=-1, room="B101", head_name="赵\x07四", people=2
    )
    ledger.add_resident(store, household_id=basement, name="赵四", phone="13812345678", birth_year=1950)
    ledger.add_resident(
        store, household_id=small.household(1, "101"), name="王建国", id_number="11010519491231002X"
    )
    out = tmp_path / "ledger.xlsx"
    export.export(store, "ledger", out, reveal=True)
    fresh = open_store(None)
    try:
        book = read_book(out)
        report = apply_import(fresh, book, detect_layouts(fresh, book))
        assert report.errors == []
        assert fresh.scalar("SELECT count(*) FROM resident") == 2
        assert fresh.scalar("SELECT floor FROM household WHERE room = 'B101'") == -1
        assert fresh.scalar("SELECT head_name FROM household WHERE room = 'B101'") == "赵四"
    finally:
        fresh.close()
