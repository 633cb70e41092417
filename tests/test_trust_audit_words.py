"""The audit viewer and its .xlsx export show every kind of action, kind of record, field and coded
value in Chinese words, masked by the one masking rule: no raw code, no number in full."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import TESTER, TESTER_PIN, Small, save_screenshot
from openpyxl import load_workbook

from gridboard.models import audit, emergency, ledger, operators, pairing, purge, requests, visits
from gridboard.models.settings import set_setting
from gridboard.ui import ask
from gridboard.ui.trust import TrustFeature

pytestmark = pytest.mark.gui

# Letters that may stand in a masked, translated trail: the masked ID's check letter, the PIN, the
# operator "tester"'s own name, an .xlsx file's suffix.
ALLOWED = re.compile(r"PIN|tester|\.xlsx|\d+X\b|\*X\b")
CODE = re.compile(r"[A-Za-z_]{2,}")


def _every_kind_of_change(small: Small) -> None:
    store = small.store
    household = small.household(1, "101")
    ledger.update_household(store, household, head_name="刘芳", phone="13812345678", occupancy="rented_out")
    ledger.update_household(store, household, phone="0931-8123456", notes="女儿电话13511112222 座机8765432")
    resident = ledger.add_resident(
        store,
        household_id=household,
        name="刘奶奶",
        gender="F",
        birth_year=1940,
        phone="13900001111",
        id_number="110101194001011234",
        tags=["living_alone", "disabled"],
    )
    ledger.update_household(store, small.household(1, "102"), occupancy="vacant")
    member = ledger.add_member(
        store, community_id=small.community, name="王五", kind="in_service", phone="13700002222"
    )
    pairing.pair_member(store, member_id=member, household_id=household)
    pairing.add_scope(store, member_id=small.member, building_id=small.building, unit=2)
    visit = visits.log_visit(
        store, household_id=household, method="phone", outcome="nobody_home", note="身份证110101199001011234"
    )
    visits.log_visit(store, household_id=household, method="wechat", outcome="met", member_ids=[member])
    visits.withdraw_visit(store, visit, reason="记错了")
    request = requests.raise_request(
        store,
        household_id=household,
        category="repairs",
        text="漏水 13600003333",
        urgency="urgent",
        source="hotline",
        hotline_ticket="热线工单甲",
    )
    requests.dispatch_request(store, request, member_id=small.member)
    requests.start_request(store, request)
    requests.resolve_request(store, request, resolution="已修好")
    requests.follow_up_request(store, request, rating="satisfied")
    declared = emergency.declare_emergency(store, name="暴雪", kind="blizzard", community_id=small.community)
    emergency.record_rollcall(
        store, emergency_id=declared, household_id=household, state="reached_needs_help"
    )
    emergency.end_emergency(store, declared)
    set_setting(store, "cycle_high_days", 5)
    worker = operators.create_operator(
        store, name="网格员甲", role="grid_worker", secret="2222", grid_ids=[small.grid]
    )
    operators.update_operator(store, worker, role="read_only")
    operators.set_secret(store, worker, secret="secret words", secret_kind="password")
    operators.archive_operator(store, worker)
    audit.record_reveal(store, what="export ledger", reason="民政核对", target="/tmp/居民台账.xlsx", count=3)
    ledger.add_resident(store, household_id=small.household(2, "201"), name="赵搬走", phone="13955556666")
    ledger.move_out(
        store, small.household(2, "201"), when=(date.today() - timedelta(days=6 * 366)).isoformat()
    )
    purge.purge_moved_out(store, years=5, reason="超过保存年限")
    del resident
    operators.sign_in(store, TESTER, TESTER_PIN, via="cli")


def _raw(text: str) -> list[str]:
    return CODE.findall(ALLOWED.sub("", text))


def test_no_raw_code_and_no_number_in_full(
    gui, qtbot, window, small: Small, tmp_path: Path, monkeypatch
) -> None:
    _every_kind_of_change(small)
    dialog = window.features.get(TrustFeature).open_audit()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    model = dialog.model
    assert model.rowCount() > 30
    cells = [
        str(model.data(model.index(r, c)) or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    shown = "\n".join(cells)
    raw = sorted({w for c in cells for w in _raw(c)})
    assert raw == [], raw
    # Masked by the one rule: no 11-digit mobile, 7–8-digit local number or ID number in full.
    for number in (
        "13812345678",
        "13511112222",
        "8765432",
        "13900001111",
        "110101194001011234",
        "110101199001011234",
        "13600003333",
        "8123456",
    ):
        assert number not in shown
    for words in (
        "出租",
        "空置",
        "电话",
        "无人在家",
        "紧急",
        "满意",
        "已联系·需帮助",
        "暴雪",
        "网格员",
        "只读",
        "独居",
        "录入人: tester",
        "清除 · 居民",
        "命令行",
        "显示完整号码",
        "导出 · 居民台账",
    ):
        assert words in shown, words
    # The kinds to filter by are words too.
    kinds = [dialog.action_combo.itemText(i) for i in range(dialog.action_combo.count())]
    assert kinds and not [k for k in kinds if _raw(k)]
    dialog.resize(1300, 640)
    save_screenshot(dialog, "trust_audit_viewer_words")
    # The .xlsx export says the same.
    out = tmp_path / "audit.xlsx"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: str(out))
    monkeypatch.setattr(ask, "inform", lambda *a, **k: None)
    dialog.export()
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    exported = [str(c) for row in rows[1:] for c in row if c]
    assert len(rows) - 1 == model.rowCount()
    raw = sorted({w for c in exported for w in _raw(c)})
    assert raw == [], raw
    assert not [n for n in ("13812345678", "110101194001011234") if any(n in c for c in exported)]
