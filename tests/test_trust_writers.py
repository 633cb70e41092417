"""Every writer records the signed-in operator: visits, request steps, roll calls, declarations, Excel
imports (their per-row entries included), merges and checkins, settings. One test, run through each
write path; it fails when any audit row, or any row's own "who" column, names no operator."""

from __future__ import annotations

from pathlib import Path

from conftest import Small

from gridboard.exchange.importer import apply_import
from gridboard.exchange.reader import read_book
from gridboard.exchange.recognise import detect_layouts
from gridboard.models import emergency, operators, requests, visits
from gridboard.models.opening import open_store
from gridboard.models.settings import set_setting
from gridboard.sync.checkout import checkin, checkout

# Each table's own "who did it" column, where it has one.
WHO = {"visit": "entered_by", "request_step": "operator", "rollcall": "operator", "emergency": "declared_by"}


def _import(store, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    book = read_book(path)
    apply_import(store, book, detect_layouts(store, book))


def test_every_writer_records_the_signed_in_operator(small: Small, tmp_path: Path) -> None:
    store = small.store
    operators.create_operator(store, name="李书记", role="admin", secret="1357")
    session = operators.sign_in(store, "李书记", "1357")
    marker = store.scalar("SELECT max(id) FROM audit_log")
    before = {table: store.scalar(f"SELECT coalesce(max(id), 0) FROM {table}") for table in WHO}
    household = small.household(1, "101")

    # Visits: logged, corrected, withdrawn.
    visit = visits.log_visit(store, household_id=household, member_ids=[small.member], note="好")
    visits.correct_visit(store, visit, note="很好")
    visits.withdraw_visit(store, visits.log_visit(store, household_id=household), reason="重复")
    # Request steps, the whole loop.
    request = requests.raise_request(store, household_id=household, category="repairs", text="漏水")
    requests.dispatch_request(store, request, member_id=small.member)
    requests.start_request(store, request)
    requests.resolve_request(store, request, resolution="已修好")
    requests.follow_up_request(store, request, rating="satisfied")
    # Declarations and roll calls.
    declared = emergency.declare_emergency(store, name="暴雪", community_id=small.community)
    emergency.record_rollcall(store, emergency_id=declared, household_id=household, state="reached_safe")
    emergency.end_emergency(store, declared)
    # Settings.
    set_setting(store, "cycle_high_days", 5)
    # An Excel import: new residents, then the same sheet with a changed phone (per-row entries).
    _import(
        store, tmp_path, "a.csv", "住址,姓名,电话\n3-1-101,王建国,13812345678\n3-2-502,李四,13911112222\n"
    )
    _import(
        store, tmp_path, "b.csv", "住址,姓名,电话\n3-1-101,王建国,13800001111\n3-2-502,李四,13911112222\n"
    )
    assert (
        store.scalar(
            "SELECT count(*) FROM audit_log WHERE id > ? AND action = 'import' AND table_name = 'resident'",
            [marker],
        )
        >= 1
    )
    # The import's per-row entries keep numbers masked, as every other entry does.
    kept = " ".join(
        str(v) for r in store.execute("SELECT old, new FROM audit_log WHERE id > ?", [marker]) for v in r
    )
    assert "13812345678" not in kept and "138****5678" in kept
    # A grid checked out, worked on elsewhere, checked in (a merge).
    out = tmp_path / "grid.gridboard"
    checkout(store, grid_id=small.grid, out=out)
    laptop = open_store(out, operator="laptop")
    try:
        # A checked-out file carries no operators: its first start makes one (the same person here).
        operators.create_operator(laptop, name="李书记", role="admin", secret="1357")
        operators.sign_in(laptop, "李书记", "1357")
        visits.log_visit(laptop, household_id=small.household(2, "201"), note="笔记本上录入")
        laptop_rows = {r[0] for r in laptop.execute("SELECT uid FROM audit_log")}
    finally:
        laptop.close()
    checkin(store, out)

    written = store.query(
        "SELECT uid, action, table_name, operator, operator_uid, via FROM audit_log WHERE id > ?", [marker]
    )
    kinds = {(r["action"], r["table_name"]) for r in written}
    for expected in (
        ("insert", "visit"),
        ("correct", "visit"),
        ("withdraw", "visit"),
        ("insert", "request"),
        ("dispatch", "request"),
        ("insert", "rollcall"),
        ("insert", "emergency"),
        ("end", "emergency"),
        ("import", "import"),
        ("import", "resident"),
        ("checkin", "travel_meeting"),
    ):
        assert expected in kinds, expected
    # This file's own entries (the laptop's came in with their history, signed there too).
    nobody = [
        (r["action"], r["table_name"], r["operator"], r["operator_uid"], r["via"])
        for r in written
        if r["uid"] not in laptop_rows
        and (r["operator"], r["operator_uid"], r["via"]) != ("李书记", session.uid, "app")
    ]
    assert nobody == [], nobody
    # What came back from the laptop is in the trail, with the laptop's operator.
    back = [r for r in written if r["uid"] in laptop_rows and r["table_name"] == "visit"]
    assert back and all(r["operator"] == "李书记" and r["operator_uid"] for r in back)
    for table, column in WHO.items():
        names = {r[0] for r in store.execute(f"SELECT {column} FROM {table} WHERE id > ?", [before[table]])}
        assert names == {"李书记"}, (table, names)
