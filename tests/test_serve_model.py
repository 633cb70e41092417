"""Units, reporting in, posts, points, quarterly sheets and escalation (issue 21): the model rules."""

from __future__ import annotations

import pytest

from gridboard.models import escalation as esc
from gridboard.models import ledger, records, service, units
from gridboard.models import requests as rq
from gridboard.models.errors import InvalidInput


def _unit(small, name="区税务局", **kw):
    return units.add_unit(
        small.store,
        name=name,
        kind="government",
        community_id=small.community,
        contract_terms="每季度开展一次共建活动",
        contract_start="2026-01-01",
        contract_end="2027-12-31",
        **kw,
    )


def _in_service(small, name, unit_id=None):
    member = ledger.add_member(
        small.store, community_id=small.community, name=name, kind="in_service", work_unit="区税务局"
    )
    if unit_id is not None:
        units.set_member_unit(small.store, member_id=member, unit_id=unit_id)
    return member


def test_a_unit_pairs_with_one_community_under_a_contract(small) -> None:
    unit = _unit(small)
    got = units.get_unit(small.store, unit)
    assert (got.community_name, got.contract_start, got.contract_end) == (
        "幸福社区",
        "2026-01-01",
        "2027-12-31",
    )
    assert got.contract_active(__import__("datetime").date(2026, 6, 1))
    assert not got.contract_active(__import__("datetime").date(2028, 1, 1))
    with pytest.raises(InvalidInput):
        units.add_unit(
            small.store,
            name="区水务局",
            community_id=small.community,
            contract_start="2026-05-01",
            contract_end="2026-01-01",
        )
    with pytest.raises(InvalidInput):
        units.add_unit(small.store, name="  ")
    # A community has N units: a second one pairs with the same community.
    units.add_unit(small.store, name="区水务局", community_id=small.community)
    assert [u.name for u in units.units(small.store, community_id=small.community)] == [
        "区水务局",
        "区税务局",
    ]


def test_a_members_work_unit_becomes_a_link(small) -> None:
    unit = _unit(small)
    member = _in_service(small, "李明")
    assert units.link_members_by_work_unit(small.store) == 1
    assert records.fetch(small.store, "member", member)["unit_id"] == unit
    units.update_unit(small.store, unit, name="区税务局第一分局")
    assert records.fetch(small.store, "member", member)["work_unit"] == "区税务局第一分局"
    assert units.unit_members(small.store, unit) == [(member, "李明", "in_service")]


def test_reporting_in_numbers_the_slip_receives_it_and_lists_who_has_not(small) -> None:
    unit = _unit(small)
    a = _in_service(small, "李明", unit)
    _in_service(small, "王芳", unit)
    report = units.report_in(
        small.store,
        community_id=small.community,
        member_id=a,
        reported_on="2026-10-08",
        skills="税务政策宣讲",
        available_time="周六上午",
    )
    slip = units.get_report(small.store, report)
    assert slip.slip_no == "BD20261008-001" and slip.unit_name == "区税务局" and slip.received_at is None
    units.receive_report(small.store, report)
    assert units.get_report(small.store, report).received_by == "tester"
    with pytest.raises(InvalidInput):
        units.receive_report(small.store, report)
    with pytest.raises(InvalidInput, match="already reported"):
        units.report_in(small.store, community_id=small.community, member_id=a)
    # The unit's own Party organisation reports too (no member).
    unit_slip = units.report_in(
        small.store, community_id=small.community, unit_id=unit, reported_on="2026-10-08"
    )
    assert units.get_report(small.store, unit_slip).slip_no == "BD20261008-002"
    has = units.reporting_list(small.store, unit_id=unit, reported=True)
    has_not = units.reporting_list(small.store, unit_id=unit, reported=False)
    assert [l.member_name for l in has] == ["李明"] and [l.member_name for l in has_not] == ["王芳"]
    assert units.get_unit(small.store, unit).reported == 1
    units.withdraw_report(small.store, report)
    assert units.get_unit(small.store, unit).reported == 0


def test_claiming_a_full_post_is_refused(small) -> None:
    post = service.publish_post(
        small.store,
        community_id=small.community,
        category="patrol",
        title="夜间治安巡逻",
        places=2,
        grid_id=small.grid,
    )
    members = [_in_service(small, name) for name in ("甲", "乙", "丙")]
    service.claim_post(small.store, post_id=post, member_id=members[0])
    with pytest.raises(InvalidInput, match="already claimed"):
        service.claim_post(small.store, post_id=post, member_id=members[0])
    service.claim_post(small.store, post_id=post, member_id=members[1])
    assert service.get_post(small.store, post).full
    before = small.store.scalar("SELECT count(*) FROM post_claim")
    with pytest.raises(InvalidInput, match="full"):
        service.claim_post(small.store, post_id=post, member_id=members[2])
    assert small.store.scalar("SELECT count(*) FROM post_claim") == before
    # Giving a place up frees it.
    service.release_claim(small.store, post_id=post, member_id=members[0])
    service.claim_post(small.store, post_id=post, member_id=members[2])
    assert [m[1] for m in service.post_members(small.store, post)] == ["乙", "丙"]
    with pytest.raises(InvalidInput):
        service.publish_post(small.store, community_id=small.community, category="nonsense", title="x")


def test_every_reported_member_holds_a_post_or_is_listed(small) -> None:
    unit = _unit(small)
    a = _in_service(small, "李明", unit)
    units.report_in(small.store, community_id=small.community, member_id=a, reported_on="2026-10-08")
    assert [m[1] for m in service.members_without_post(small.store)] == ["李明"]
    post = service.publish_post(
        small.store, community_id=small.community, category="policy", title="政策宣传"
    )
    service.claim_post(small.store, post_id=post, member_id=a)
    assert service.members_without_post(small.store) == []


def test_points_follow_the_rule_table(small) -> None:
    member = _in_service(small, "李明")
    first = service.record_service(
        small.store, member_id=member, kind="post_shift", hours=3, served_on="2026-10-10"
    )
    assert records.fetch(small.store, "service_record", first)["points"] == 1 + 1 * 3
    old = service.set_point_rule(small.store, kind="post_shift", points_each=2, points_per_hour=0.5)
    assert old.points(3) == 4
    second = service.record_service(
        small.store, member_id=member, kind="post_shift", hours=3, served_on="2026-10-11"
    )
    assert records.fetch(small.store, "service_record", second)["points"] == 2 + 0.5 * 3
    # A point already earned keeps its value when the table changes.
    assert records.fetch(small.store, "service_record", first)["points"] == 4
    with pytest.raises(InvalidInput):
        service.record_service(small.store, member_id=member, kind="post_shift", hours=25)
    with pytest.raises(InvalidInput):
        service.record_service(small.store, member_id=member, kind="post_shift", served_on="2999-01-01")


def test_a_need_met_by_a_resource_becomes_a_project(small) -> None:
    unit = _unit(small)
    need = service.raise_need(small.store, community_id=small.community, category="health", title="老人义诊")
    other = units.add_unit(small.store, name="市人民医院")
    far = service.offer_resource(small.store, unit_id=other, category="health", title="医生义诊")
    near = service.offer_resource(small.store, unit_id=unit, category="health", title="卫生讲座")
    service.offer_resource(small.store, unit_id=unit, category="legal", title="法律咨询")
    assert [r.id for r in service.matching_resources(small.store, need)] == [near, far]
    project = service.start_project(small.store, need_id=need, resource_id=near, claimed_by="unit")
    service.set_project_progress(small.store, project, progress=40)
    assert service.projects(small.store)[0].status == "in_progress"
    service.set_project_progress(small.store, project, progress=100)
    assert service.projects(small.store)[0].status == "done"
    assert service.needs(small.store) == []  # the need is met


def test_quarter_range() -> None:
    assert service.quarter_range("2026Q4") == ("2026-10-01", "2026-12-31")
    assert service.quarter_range("2026q1") == ("2026-01-01", "2026-03-31")
    with pytest.raises(InvalidInput):
        service.quarter_range("2026Q5")


def test_a_members_quarter_adds_up_to_what_its_sheet_prints(small) -> None:
    unit = _unit(small)
    member = _in_service(small, "李明", unit)
    units.report_in(small.store, community_id=small.community, member_id=member, reported_on="2026-10-08")
    for day, kind, hours in (
        ("2026-09-30", "post_shift", 2),
        ("2026-10-01", "post_shift", 2),
        ("2026-11-15", "visit", 0),
        ("2026-12-01", "other", 1.5),
    ):
        service.record_service(small.store, member_id=member, kind=kind, hours=hours, served_on=day)
    withdrawn = service.record_service(small.store, member_id=member, kind="visit", served_on="2026-11-16")
    service.withdraw_service(small.store, withdrawn)
    sheet = service.quarter_sheet(small.store, unit, "2026Q4")
    (line,) = sheet.members
    card = service.services(small.store, member_id=member, start=sheet.start, end=sheet.end)
    assert line.services == len(card) == 3
    assert line.hours == sum(c.hours for c in card) == 3.5
    assert line.points == sum(c.points for c in card) == (1 + 2) + 1 + 1.5
    assert line.reported_on == "2026-10-08" and sheet.points == line.points


def _request(small, at="2026-10-10 09:00:00"):
    return rq.raise_request(
        small.store, household_id=small.household(1, "101"), category="repairs", text="楼道灯坏了", at=at
    )


def test_escalation_rises_a_level_at_its_limit(small) -> None:
    unit = _unit(small)
    request = _request(small)
    first = esc.escalate_request(
        small.store, request, unit_id=unit, reason="社区无法解决", at="2026-10-10 10:00:00"
    )
    row = esc.get_escalation(small.store, first, now="2026-10-10 12:00:00")
    assert (row.level, row.target, row.state) == ("community", "区税务局", "waiting")
    assert row.answer_due_at == "2026-10-11 10:00:00" and row.resolve_due_at == "2026-10-13 10:00:00"
    assert rq.get_request(small.store, request).assignee == "区税务局"
    with pytest.raises(InvalidInput, match="already escalated"):
        esc.escalate_request(small.store, request, department="区住建局")
    # A minute before the answer limit nothing rises; at the limit it goes up to the street.
    assert esc.rise_overdue(small.store, now="2026-10-11 09:59:00") == []
    (street,) = esc.rise_overdue(small.store, now="2026-10-11 10:00:00")
    risen = esc.get_escalation(small.store, street, now="2026-10-11 10:00:00")
    assert (risen.level, risen.target, risen.by_rule) == ("street", "街道办事处", True)
    assert esc.get_escalation(small.store, first).state == "risen"
    # Left long enough it reaches the district, and goes no further.
    rises = esc.rise_overdue(small.store, now="2026-11-30 00:00:00")
    assert len(rises) == 1
    assert esc.get_escalation(small.store, rises[0]).level == "district"
    assert esc.rise_overdue(small.store, now="2026-11-30 00:00:00") == []
    # The street office's list shows the current level, overdue.
    (listed,) = esc.escalations(small.store, now="2026-11-30 00:00:00")
    assert listed.level == "district" and listed.state == "answer_overdue"
    # Each hand-over is in the request's history.
    departments = [s.department for s in rq.request_steps(small.store, request) if s.step == "dispatched"]
    assert departments == ["区税务局", "街道办事处", "区级职能部门"]


def test_an_answered_escalation_rises_only_at_its_resolve_limit(small) -> None:
    unit = _unit(small)
    request = _request(small)
    first = esc.escalate_request(small.store, request, unit_id=unit, at="2026-10-10 10:00:00")
    esc.answer_escalation(small.store, first, answer="已派人查看", at="2026-10-10 15:00:00")
    assert rq.get_request(small.store, request).status == "in_progress"
    assert esc.rise_overdue(small.store, now="2026-10-12 10:00:00") == []
    (street,) = esc.rise_overdue(small.store, now="2026-10-13 10:00:00")
    steps = [s.step for s in rq.request_steps(small.store, request)]
    assert steps == ["collected", "dispatched", "in_progress", "escalated"]
    esc.resolve_escalation(small.store, street, resolution="已更换灯泡", at="2026-10-14 10:00:00")
    assert rq.get_request(small.store, request).status == "resolved"
    assert esc.escalations(small.store) == []


def test_a_request_resolved_elsewhere_closes_its_escalation(small) -> None:
    request = _request(small)
    first = esc.escalate_request(small.store, request, department="区住建局", at="2026-10-10 10:00:00")
    rq.start_request(small.store, request, at="2026-10-10 11:00:00")
    rq.resolve_request(small.store, request, resolution="修好了", at="2026-10-10 12:00:00")
    assert esc.rise_overdue(small.store, now="2026-11-01 00:00:00") == []
    assert esc.get_escalation(small.store, first).state == "resolved"


def test_resolving_by_a_member_lands_on_their_card(small) -> None:
    unit = _unit(small)
    member = _in_service(small, "李明", unit)
    request = _request(small)
    first = esc.escalate_request(small.store, request, unit_id=unit, at="2026-10-10 10:00:00")
    esc.resolve_escalation(
        small.store, first, resolution="已修复", member_id=member, hours=2, at="2026-10-10 16:00:00"
    )
    (line,) = service.services(small.store, member_id=member)
    assert (line.kind, line.points, line.grid_name) == ("request", 3.0, "第一网格")


def test_limits_are_checked(small) -> None:
    with pytest.raises(InvalidInput):
        esc.set_limits(small.store, {"street": {"answer": 200, "resolve": 100}})
    esc.set_limits(small.store, {"street": {"answer": 12}})
    assert esc.limits(small.store)["street"] == {"answer": 12, "resolve": 120}


def test_duty_shifts_never_overlap_for_one_member_and_are_credited_once(small) -> None:
    from gridboard.models import duty

    post = duty.add_duty_post(
        small.store,
        community_id=small.community,
        kind="checkpoint",
        name="东门卡点",
        grid_id=small.grid,
        location="东门",
    )
    zone = duty.add_duty_post(
        small.store, community_id=small.community, kind="responsibility_zone", name="3号楼责任区"
    )
    shift = duty.add_shift(
        small.store, post_id=post, member_id=small.member, starts_at="2026-11-01 08:00", hours=8
    )
    with pytest.raises(InvalidInput, match="already on duty"):
        duty.add_shift(
            small.store, post_id=zone, member_id=small.member, starts_at="2026-11-01 15:00", hours=4
        )
    duty.add_shift(small.store, post_id=zone, member_id=small.member, starts_at="2026-11-01 16:00", hours=4)
    with pytest.raises(InvalidInput):
        duty.add_shift(
            small.store, post_id=zone, member_id=small.member, starts_at="2026-11-02 08:00", hours=30
        )
    (now,) = duty.on_duty_now(small.store, now="2026-11-01 12:00:00")
    assert (now.post_name, now.member_name) == ("东门卡点", "张三")
    assert duty.duty_posts(small.store, now="2026-11-01 12:00:00")[0].on_duty == "张三"
    record = duty.credit_shift(small.store, shift)
    assert duty.credit_shift(small.store, shift) == record
    row = records.fetch(small.store, "service_record", record)
    assert (row["kind"], row["hours"], row["points"], row["grid_id"]) == ("duty_shift", 8, 2 + 8, small.grid)


def test_instructions_in_normal_times_reach_grids_units_and_branches(small) -> None:
    from gridboard.models import emergency as em
    from gridboard.models import instructions as ins

    unit = _unit(small)
    notice = ins.issue(
        small.store,
        text="本周开展消防安全排查",
        community_id=small.community,
        grid_ids=[small.grid],
        unit_ids=[unit],
        branches=["第一网格党支部"],
        answer_within_hours=48,
        at="2026-11-01 09:00",
    )
    rows = ins.targets(small.store, notice, now="2026-11-02 09:00:00")
    assert sorted(t.kind for t in rows) == ["branch", "grid", "unit"]
    grid_target = next(t for t in rows if t.kind == "grid")
    ins.acknowledge(small.store, grid_target.id, at="2026-11-01 10:00")
    unit_target = next(t for t in rows if t.kind == "unit")
    ins.answer(small.store, unit_target.id, feedback="已排查3栋楼", at="2026-11-02 10:00")
    (row,) = ins.notices(small.store, now="2026-11-02 12:00:00")
    assert (row.targets, row.acknowledged, row.answered, row.overdue, row.emergency_id) == (3, 2, 1, 0, None)
    # Past its time the unanswered ones are listed to chase.
    late = ins.overdue_feedback(small.store, now="2026-11-03 09:00:00")
    assert sorted(t.name for t in late) == ["第一网格", "第一网格党支部"]
    # The emergency desk does not show instructions of normal times; its own still work.
    emergency = em.declare_emergency(small.store, name="暴雪", kind="blizzard", community_id=small.community)
    em.issue_instruction(small.store, emergency_id=emergency, text="逐户电话确认")
    assert [i.text for i in em.instructions(small.store, emergency)] == ["逐户电话确认"]
    with pytest.raises(InvalidInput):
        ins.issue(small.store, text="空", community_id=small.community)


def test_instructions_survive_the_m015_rebuild(tmp_path) -> None:
    import sqlite3

    from sqlite_utils import Database

    from gridboard.models import schema
    from gridboard.models.opening import open_store

    path = tmp_path / "old.gridboard"
    db = Database(sqlite3.connect(path), execute_plugins=False)
    schema.migrations.apply(db, stop_before="m015_serve")
    stamp = "2026-01-01 00:00:00"
    for sql, values in (
        (
            "INSERT INTO community (uid, created_at, updated_at, name) VALUES (?, ?, ?, ?)",
            ["c", stamp, stamp, "社区"],
        ),
        (
            "INSERT INTO grid (uid, created_at, updated_at, community_id, name) VALUES (?, ?, ?, 1, ?)",
            ["g", stamp, stamp, "一网格"],
        ),
        (
            "INSERT INTO emergency (uid, created_at, updated_at, name, started_at) VALUES (?, ?, ?, ?, ?)",
            ["e", stamp, stamp, "暴雪", stamp],
        ),
        (
            "INSERT INTO emergency_instruction (uid, created_at, updated_at, emergency_id, text, issued_at)"
            " VALUES (?, ?, ?, 1, ?, ?)",
            ["i", stamp, stamp, "排查", stamp],
        ),
        (
            "INSERT INTO emergency_feedback (uid, created_at, updated_at, instruction_id, grid_id, feedback, answered_at)"
            " VALUES (?, ?, ?, 1, 1, ?, ?)",
            ["f", stamp, stamp, "已完成", stamp],
        ),
    ):
        db.execute(sql, values)
    db.execute("PRAGMA application_id = 1196573762")
    db.conn.commit()
    db.close()
    store = open_store(path)
    assert store.one("SELECT uid, feedback, grid_id FROM emergency_feedback").__getitem__("uid") == "f"
    assert store.scalar("SELECT emergency_id FROM emergency_instruction WHERE uid = 'i'") == 1
    assert store.scalar("PRAGMA foreign_key_check") is None
    store.close()
