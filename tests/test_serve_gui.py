"""The serve view driven as an office would (issue 21), and the scenario of the issue: a unit
reports in with three members, they claim posts and serve, a request is escalated to the unit and
resolved; the quarter's feedback sheet and the points ranking show it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import ARTIFACTS, save_screenshot
from openpyxl import load_workbook

from gridboard.models import duty, ledger, service, units
from gridboard.models import escalation as esc
from gridboard.models import requests as rq
from gridboard.models.clock import today
from gridboard.ui import ask
from gridboard.ui.requests import RequestsFeature

pytestmark = pytest.mark.gui


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from gridboard.ui.labels import error_text

    shown: list[str] = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: shown.append(error_text(error)))
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: shown.append(text))
    return shown


def _fill(dialog, **values) -> None:
    for key, value in values.items():
        dialog.set_value(key, value)
    dialog.accept()


def test_scenario_unit_reports_in_serves_and_resolves_an_escalated_request(
    window, small, errors, tmp_path, qtbot
) -> None:
    store = small.store
    view = window.view("serve")
    window.show_view("serve")
    # The unit pairs with the community under a contract.
    _fill(
        view.new_unit(),
        name="区税务局",
        community_id=small.community,
        contract_terms="每季度开展共建活动",
        contract_start="2026-01-01",
        contract_end="2027-12-31",
    )
    (unit,) = units.units(store)
    assert view.units_table.column_texts(0) == ["区税务局"]
    # Three in-service members whose work unit is written as text become the unit's members.
    members = [
        ledger.add_member(
            store, community_id=small.community, name=n, kind="in_service", work_unit="区税务局"
        )
        for n in ("李明", "王芳", "赵强")
    ]
    window.notifier.flush()
    view.link_members()
    assert units.get_unit(store, unit.id).members == 3
    # They report in; the list of who has not shrinks to nobody.
    for member in members:
        _fill(
            view.report_in(),
            member_id=member,
            community_id=small.community,
            skills="政策宣讲",
            available_time="周六上午",
        )
    view.units_table.select_id(unit.id)
    assert view.reporting_table.rowCount() == 3
    view.reported_filter.setCurrentIndex(view.reported_filter.findData(False))
    assert view.reporting_table.rowCount() == 0
    view.reported_filter.setCurrentIndex(0)
    # The community publishes posts; two claim the patrol, the third is refused (full) and takes another.
    view.tabs.setCurrentIndex(1)
    _fill(
        view.publish_post(), community_id=small.community, category="patrol", title="夜间治安巡逻", places=2
    )
    _fill(
        view.publish_post(),
        community_id=small.community,
        category="elderly_disabled",
        title="助老服务岗",
        places=3,
    )
    patrol, elderly = sorted(p.id for p in service.posts(store))
    assert view.without_post.text() != ""
    view.posts_table.select_id(patrol)
    for member in members:
        dialog = view.claim_post()
        _fill(dialog, member_id=member)
    assert len(errors) == 1 and ("full" in errors[0] or "满" in errors[0])
    dialog.reject()
    view.posts_table.select_id(elderly)
    _fill(view.claim_post(), member_id=members[2])
    assert service.members_without_post(store) == []
    # They serve: a shift at each post, hours and points by the rule table.
    view.tabs.setCurrentIndex(3)
    for member, post in zip(members, (patrol, patrol, elderly), strict=True):
        _fill(view.record_service(), member_id=member, kind="post_shift", post_id=post, hours="2")
    assert view.services_table.rowCount() == 3
    # A resident's request the community cannot solve is escalated to the unit, answered and resolved.
    request = rq.raise_request(
        store, household_id=small.household(1, "101"), category="benefits", text="咨询个税退税办理"
    )
    window.notifier.flush()
    window.show_view("requests")
    window.features.get(RequestsFeature).view.select_request(request)
    window.findChild(type(window.menu("requests").actions()[0]), "actionEscalateRequest").trigger()
    assert view.isVisible() and view.tabs.currentIndex() == 5
    _fill(view.dialog, unit_id=unit.id, reason="涉及税务政策")
    (escalated,) = esc.escalations(store)
    assert escalated.target == "区税务局" and escalated.state == "waiting"
    assert view.escalations_table.rowCount() == 1
    view.escalations_table.select_id(escalated.id)
    _fill(view.answer(), answer="已报到，安排李明上门解答")
    view.escalations_table.select_id(escalated.id)
    _fill(view.resolve(), resolution="已上门指导办理退税", member_id=members[0], hours="1")
    assert rq.get_request(store, request).status == "resolved"
    steps = [s.step for s in rq.request_steps(store, request)]
    assert steps == ["collected", "dispatched", "in_progress", "resolved"]
    assert errors == [errors[0]]
    # The request's history shows the hand-over to the unit and its answer.
    view.escalations_table.select_id(escalated.id)
    view.overdue_only.setChecked(False)
    window.navigate("request", request)
    window.features.get(RequestsFeature).view.select_request(request)
    qtbot.wait(20)
    history = window.features.get(RequestsFeature).view.detail.toPlainText()
    assert "区税务局" in history and "已报到，安排李明上门解答" in history
    save_screenshot(window, "serve_request_history")
    # The quarter's feedback sheet to the unit shows each member, and adds up.
    sheet = service.quarter_sheet(store, unit.id, service.quarter_of(today()))
    assert [(m.name, m.services) for m in sheet.members] == [("李明", 2), ("王芳", 1), ("赵强", 1)]
    assert sheet.points == 3 * (1 + 2) + 3 and sheet.reported == 3
    pdf = view.print_quarter(str(tmp_path / "sheet.pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "区税务局" in text and "李明" in text and "12" in text
    xlsx = view.export_quarter(str(tmp_path / "cards.xlsx"))
    book = load_workbook(xlsx, read_only=True)
    summary = list(book["汇总"].iter_rows(min_row=2, values_only=True))
    book.close()
    assert summary[0][0] == "区税务局" and summary[0][6] == 12
    # The points ranking shows the unit and the grid.
    view.tabs.setCurrentIndex(4)
    assert view.ranking.by_unit.column_texts(1) == ["区税务局"]
    assert view.ranking.by_unit.item(0, 5).text() == "12"
    assert view.ranking.by_grid.column_texts(1) == ["第一网格"]
    # And the dashboard's ranking (双积分, this quarter) shows the same, after its own refresh.
    dash = window.show_view("dashboard")
    qtbot.waitUntil(lambda: dash.up_to_date, timeout=15_000)
    by_unit = dash.list_tables["points_unit"]
    assert [by_unit.item(r, 1).text() for r in range(by_unit.rowCount())] == ["区税务局"]
    assert float(by_unit.item(0, 5).text()) == 12
    by_grid = dash.list_tables["points_grid"]
    assert [by_grid.item(r, 1).text() for r in range(by_grid.rowCount())] == ["第一网格"]


def test_screens_and_printouts_of_the_demo(gui, qtbot, community_demo, tmp_path, errors) -> None:
    """Every tab and printout on the community demo file, saved for a developer to look at."""
    from gridboard.models.opening import open_store
    from gridboard.ui.main_window import MainWindow

    store = open_store(community_demo)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("serve")
    view = window.view("serve")
    names = ["units", "posts", "projects", "services", "ranking", "escalations", "duty"]
    # A checkpoint with two shifts, one on now.
    community = ledger.first_community_id(store)
    _fill(view.new_duty_post(), kind="checkpoint", name="幸福小区东门卡点", location="东门")
    view.tabs.setCurrentIndex(6)
    view.duty_table.selectRow(0)
    candidates = [i for i, _n, k in duty.shift_candidates(store) if k == "cadre"]
    from datetime import datetime, timedelta

    start = (datetime.now() - timedelta(hours=2)).strftime("%Y-%m-%d %H:00")
    _fill(view.add_shift(), member_id=candidates[0], starts_at=start, hours=8)
    assert len(duty.on_duty_now(store)) == 1 and "1" in view.on_duty.text()
    for index, name in enumerate(names):
        view.tabs.setCurrentIndex(index)
        if name == "units":
            view.units_table.selectRow(0)
        if name == "posts":
            view.posts_table.selectRow(0)
        qtbot.wait(10)
        save_screenshot(window, f"serve_{name}")
    assert view.escalations_table.rowCount() > 0
    assert view.ranking.by_unit.rowCount() > 0 and community
    ARTIFACTS.mkdir(exist_ok=True)
    view.tabs.setCurrentIndex(0)
    view.units_table.selectRow(0)
    view.reporting_table.selectRow(0)
    outputs = {
        "serve_slip": view.print_slip(str(ARTIFACTS / "serve_slip.pdf")),
        "serve_quarter": view.print_quarter(str(ARTIFACTS / "serve_quarter.pdf")),
        "serve_escalations": view.print_escalations(str(ARTIFACTS / "serve_escalations.pdf")),
        "serve_roster": view.print_roster(str(ARTIFACTS / "serve_roster.pdf")),
    }
    for name, path in outputs.items():
        assert path and Path(path).stat().st_size > 1000, name
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", path, str(ARTIFACTS / name)], check=True
        )
    assert errors == []
    window.close()
    assert not view.clock.isActive() and not window.features.get(RequestsFeature).view.clock.isActive()
    store.close()


def test_an_instruction_in_normal_times_is_issued_acknowledged_and_answered(
    window, small, errors, qtbot
) -> None:
    view = window.view("serve")
    window.show_view("serve")
    view.tabs.setCurrentIndex(7)
    _fill(view.new_unit(), name="区税务局", community_id=small.community)
    _fill(
        view.issue_instruction(),
        text="本周开展燃气安全排查",
        grid_ids=[small.grid],
        unit_ids=[units.units(small.store)[0].id],
        answer_within_hours=24,
    )
    assert view.notices_table.rowCount() == 1
    view.notices_table.selectRow(0)
    assert sorted(view.targets_table.column_texts(0)) == ["区税务局", "第一网格"]
    view.targets_table.selectRow(0)
    assert view.acknowledge()
    view.targets_table.selectRow(0)
    _fill(view.record_feedback(), feedback="已完成排查")
    assert view.notices_table.item(0, 5).text() == "1"
    qtbot.wait(20)
    save_screenshot(window, "serve_instructions")
    assert errors == []
