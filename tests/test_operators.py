"""Operators: signing in, roles held by the model itself, and every writer recording who did it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import TESTER, TESTER_PIN, Small

from gridboard.models import emergency, ledger, operators, requests, visits
from gridboard.models.opening import open_store
from gridboard.models.operators import NotAllowed, WrongSecret


def _two_grids(small: Small) -> tuple[int, int]:
    """A second grid with its own building; returns (a household of grid 1, a household of grid 2)."""
    grid2 = ledger.create_grid(small.store, community_id=small.community, name="第二网格")
    building2 = ledger.create_building(
        small.store, grid_id=grid2, name="8号楼", number=8, units=1, floors=2, rooms_per_floor=1
    )
    other = int(small.store.scalar("SELECT id FROM household WHERE building_id = ? LIMIT 1", [building2]))
    return small.household(1, "101"), other


def test_pin_is_kept_as_an_argon2_hash_never_in_clear(small: Small) -> None:
    row = small.store.one("SELECT secret_hash FROM operator WHERE name = ?", [TESTER])
    assert row["secret_hash"].startswith("$argon2")
    assert TESTER_PIN not in row["secret_hash"]


def test_sign_in_checks_the_pin(small: Small) -> None:
    store = small.store
    operators.create_operator(store, name="李娜", role="worker", secret="135790")
    with pytest.raises(WrongSecret):
        operators.sign_in(store, "李娜", "000000")
    with pytest.raises(WrongSecret):
        operators.sign_in(store, "nobody", "135790")
    session = operators.sign_in(store, "李娜", "135790")
    assert (session.name, session.role, store.operator) == ("李娜", "worker", "李娜")
    last = store.one("SELECT operator, operator_uid, action, via FROM audit_log ORDER BY id DESC LIMIT 1")
    assert dict(last) == {"operator": "李娜", "operator_uid": session.uid, "action": "sign_in", "via": "app"}
    assert operators.verify(store, session.operator_id, "135790")
    assert not operators.verify(store, session.operator_id, "1357")


def test_secrets_have_rules(small: Small) -> None:
    for secret, kind in (("12", "pin"), ("abcd", "pin"), ("short", "password")):
        with pytest.raises(operators.InvalidInput):
            operators.create_operator(
                small.store, name="王伟", role="worker", secret=secret, secret_kind=kind
            )
    operators.create_operator(
        small.store, name="王伟", role="worker", secret="long enough", secret_kind="password"
    )
    assert operators.sign_in(small.store, "王伟", "long enough").role == "worker"


def test_the_first_operator_is_the_administrator(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.gridboard", create=True)
    try:
        assert not operators.has_operators(store)
        with pytest.raises(operators.InvalidInput):
            operators.create_operator(store, name="书记", role="worker", secret="1234")
        operators.create_operator(store, name="书记", role="admin", secret="1234")
        assert operators.has_operators(store)
    finally:
        store.close()


def test_only_an_administrator_manages_operators(small: Small) -> None:
    store = small.store
    operators.create_operator(store, name="李娜", role="worker", secret="1357")
    operators.sign_in(store, "李娜", "1357")
    with pytest.raises(NotAllowed):
        operators.create_operator(store, name="赵六", role="worker", secret="1357")
    with pytest.raises(NotAllowed):
        from gridboard.models.settings import set_setting

        set_setting(store, "cycle_high_days", 5)


def test_a_file_keeps_one_administrator(small: Small) -> None:
    tester = operators.find_operator(small.store, TESTER)
    with pytest.raises(operators.InvalidInput):
        operators.update_operator(small.store, tester.id, role="worker")
    with pytest.raises(operators.InvalidInput):
        operators.archive_operator(small.store, tester.id)


def test_read_only_cannot_write_through_the_model(small: Small) -> None:
    store = small.store
    household = small.household(1, "101")
    operators.create_operator(store, name="只看", role="read_only", secret="1111")
    operators.sign_in(store, "只看", "1111")
    before = store.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(NotAllowed):
        visits.log_visit(store, household_id=household)
    with pytest.raises(NotAllowed):
        ledger.update_household(store, household, head_name="改名")
    # Below the actions, SQLite itself refuses the connection's writes.
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        store.execute("UPDATE household SET head_name = 'x' WHERE id = ?", [household])
    assert store.scalar("SELECT count(*) FROM audit_log") == before
    # Looking still works.
    assert store.scalar("SELECT count(*) FROM household") > 0


def test_grid_worker_sees_and_changes_only_their_grids(small: Small) -> None:
    store = small.store
    mine, theirs = _two_grids(small)
    operators.create_operator(
        store, name="网格员甲", role="grid_worker", secret="2222", grid_ids=[small.grid]
    )
    operators.sign_in(store, "网格员甲", "2222")
    # Sees: only the own grid's grids, buildings, households, residents.
    assert [r["id"] for r in store.query("SELECT id FROM grid")] == [small.grid]
    ids = {
        r["id"] for r in store.query("SELECT h.id FROM household h JOIN building b ON b.id = h.building_id")
    }
    assert mine in ids and theirs not in ids
    with pytest.raises(NotAllowed):
        visits.log_visit(store, household_id=theirs)
    # Changes: visits and requests in the own grid.
    visit = visits.log_visit(store, household_id=mine, note="好")
    assert store.scalar("SELECT last_visit_at FROM household WHERE id = ?", [mine]) is not None
    request = requests.raise_request(store, household_id=mine, category="repairs", text="漏水")
    assert request > 0 and visit > 0
    # Not the ledger, not another grid (even by a direct write).
    with pytest.raises(NotAllowed):
        ledger.update_household(store, mine, head_name="改名")
    with pytest.raises(NotAllowed):
        ledger.create_grid(store, community_id=small.community, name="第三网格")
    with pytest.raises(NotAllowed):
        records_insert_visit(store, theirs)
    with pytest.raises(sqlite3.DatabaseError):
        store.execute("UPDATE household SET head_name = 'x' WHERE id = ?", [mine])
    # Signing out (switching operator) lifts the views.
    operators.start_session(store, operators.find_operator(store, TESTER).id)
    assert len(store.query("SELECT id FROM grid")) == 2


def records_insert_visit(store, household_id: int) -> int:
    from gridboard.models import records

    return records.insert(
        store,
        "visit",
        {
            "household_id": household_id,
            "visited_at": "2026-01-01 10:00:00",
            "method": "phone",
            "outcome": "met",
        },
    )


def test_every_writer_records_the_signed_in_operator(small: Small) -> None:
    store = small.store
    operators.create_operator(store, name="李娜", role="worker", secret="1357")
    session = operators.sign_in(store, "李娜", "1357")
    household = small.household(1, "101")
    visit = visits.log_visit(store, household_id=household)
    request = requests.raise_request(store, household_id=household, category="repairs", text="漏水")
    requests.dispatch_request(store, request, member_id=small.member)
    declared = emergency.declare_emergency(store, name="暴雪", community_id=small.community)
    emergency.record_rollcall(store, emergency_id=declared, household_id=household, state="reached_safe")
    assert store.scalar("SELECT entered_by FROM visit WHERE id = ?", [visit]) == "李娜"
    assert {r[0] for r in store.execute("SELECT operator FROM request_step").fetchall()} == {"李娜"}
    assert store.scalar("SELECT declared_by FROM emergency") == "李娜"
    assert store.scalar("SELECT operator FROM rollcall") == "李娜"
    rows = store.query(
        "SELECT operator, operator_uid, via FROM audit_log WHERE id > (SELECT max(id) FROM"
        " audit_log WHERE action = 'sign_in')"
    )
    assert rows and {(r["operator"], r["operator_uid"], r["via"]) for r in rows} == {
        ("李娜", session.uid, "app")
    }


def test_a_file_from_before_operators_opens_and_has_none(tmp_path: Path) -> None:
    source = Path(__file__).parent / "data" / "v1.gridboard"
    path = tmp_path / "old.gridboard"
    shutil.copy(source, path)
    store = open_store(path)
    try:
        assert not operators.has_operators(store)
        assert store.scalar("SELECT count(*) FROM audit_log WHERE operator_uid IS NOT NULL") == 0
    finally:
        store.close()


def test_command_line_operator_must_be_one_of_the_files(small: Small) -> None:
    store = small.store
    operators.end_session(store)
    with pytest.raises(NotAllowed):
        operators.session_for_cli(store, "someone")
    session = operators.session_for_cli(store, TESTER)
    assert session.via == "cli"
    visits.log_visit(store, household_id=small.household(1, "101"))
    last = store.one("SELECT operator, via, new FROM audit_log ORDER BY id DESC LIMIT 1")
    assert (last["operator"], last["via"]) == (TESTER, "cli")
    assert json.loads(last["new"])["entered_by"] == TESTER
