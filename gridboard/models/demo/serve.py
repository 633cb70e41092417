"""Demo rows for those who come to serve, added by `demo.generate` after the ledger is in place.

Realistic proportions from the source: Zhangye paired 143 units with 60 communities (about 2.4 per
community); Anqing Daguan had about 1,800 in-service members report to 23 communities (about 78 per
community). Every in-service member belongs to a unit; most reported in and claimed a post; services
over the past year earn points by the default rule table; a few requests were escalated to a unit or
a department, some answered and resolved, some overdue and risen to the street.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from gridboard.models import names
from gridboard.models.clock import seeded_uid
from gridboard.models.escalation import DEFAULT_LIMITS
from gridboard.models.service import DEFAULT_POINT_RULES
from gridboard.models.store import Store

_UNIT_KIND = {
    "局": "government",
    "院": "institution",
    "校": "institution",
    "学": "institution",
    "馆": "institution",
    "公司": "state_enterprise",
    "行": "state_enterprise",
    "支行": "state_enterprise",
}
_PREFIXES = ("甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南县")
_POSTS = {
    "policy": ("政策宣传员", "反诈宣传岗", "垃圾分类宣传岗"),
    "environment": ("环境卫生整治岗", "楼道清理志愿岗"),
    "patrol": ("夜间治安巡逻岗", "平安建设巡查岗"),
    "elderly_disabled": ("助老服务岗", "独居老人陪伴岗", "助残服务岗"),
    "legal": ("法律咨询岗", "矛盾调解岗"),
    "health": ("健康义诊岗", "慢病随访岗"),
    "culture_sports": ("文艺活动岗", "青少年课业辅导岗"),
    "other": ("便民服务岗",),
}
_NEEDS = {
    "health": ("老年人义诊", "慢病健康讲座"),
    "legal": ("法律进社区讲座",),
    "environment": ("老旧小区环境整治",),
    "culture_sports": ("暑期青少年托管", "广场舞队伍指导"),
    "elderly_disabled": ("老年助餐点建设",),
    "policy": ("医保政策宣讲",),
    "patrol": ("节日期间安全巡查",),
}
_RESOURCES = {
    "health": ("医护人员义诊", "健康讲座"),
    "legal": ("律师志愿服务", "法律讲座"),
    "environment": ("清扫车辆支持",),
    "culture_sports": ("文体场地开放", "教师志愿辅导"),
    "elderly_disabled": ("助老志愿服务队",),
    "policy": ("政策宣讲团",),
    "patrol": ("巡逻志愿队",),
    "other": ("共建经费支持",),
}
_SKILLS = ("政策宣讲", "医疗护理", "法律咨询", "文艺特长", "电脑维修", "心理疏导", "财会", "教育辅导", "驾驶")
_TIMES = ("周六上午", "周日全天", "工作日晚上", "节假日", "每月两次")


def _kind(name: str) -> str:
    for key, kind in _UNIT_KIND.items():
        if name.endswith(key):
            return kind
    return "government"


class _Writer:
    def __init__(self, store: Store, rng: random.Random) -> None:
        self.store = store
        self.rng = rng
        self.rows: dict[str, list[tuple[Any, ...]]] = {}
        self.columns: dict[str, tuple[str, ...]] = {}
        self.next_id: dict[str, int] = {}
        self.written: dict[str, int] = {}

    def uid(self) -> str:
        return seeded_uid(self.rng)

    def add(self, table: str, stamp: str, **values: Any) -> int:
        if table not in self.next_id:
            self.next_id[table] = (self.store.scalar(f"SELECT max(id) FROM {table}") or 0) + 1
            self.columns[table] = tuple(values)
            self.rows[table] = []
        row_id = self.next_id[table]
        self.next_id[table] += 1
        self.rows[table].append((row_id, self.uid(), stamp, stamp, *values.values()))
        return row_id

    def write(self) -> dict[str, int]:
        for table, rows in self.rows.items():
            if not rows:
                continue
            cols = self.columns[table]
            self.store.conn.executemany(
                f"INSERT INTO {table} (id, uid, created_at, updated_at, {', '.join(cols)})"
                f" VALUES ({', '.join('?' * (len(cols) + 4))})",
                rows,
            )
            self.written[table] = self.written.get(table, 0) + len(rows)
        self.rows = {t: [] for t in self.rows}
        return dict(self.written)


def add(store: Store, *, seed: int, today: date) -> dict[str, int]:
    """Write the serve rows into the demo file being generated (inside its transaction)."""
    rng = random.Random(f"{seed}:serve")
    w = _Writer(store, rng)
    now = datetime.combine(today, datetime.min.time()) + timedelta(hours=17, minutes=30)

    def day(days_ago: int) -> str:
        return (today - timedelta(days=days_ago)).isoformat()

    def ts(moment: datetime) -> str:
        return moment.replace(microsecond=0).isoformat(sep=" ")

    communities = [r[0] for r in store.query("SELECT id FROM community ORDER BY id")]
    if not communities:
        return {}
    grids: dict[int, list[int]] = {}
    for r in store.query("SELECT id, community_id FROM grid ORDER BY id"):
        grids.setdefault(r["community_id"], []).append(r["id"])
    home_grid = {
        r["id"]: r["grid_id"]
        for r in store.query(
            "SELECT m.id, b.grid_id FROM member m JOIN household h ON h.id = m.home_household_id"
            " JOIN building b ON b.id = h.building_id WHERE m.kind = 'in_service'"
        )
    }
    members = store.query(
        "SELECT id, community_id, work_unit FROM member WHERE kind = 'in_service' AND active = 1 ORDER BY id"
    )

    # Units: 143 for 60 communities (Zhangye), at least the work units members already name.
    wanted = max(len(names.WORK_UNITS), round(143 * len(communities) / 60))
    unit_names = list(names.WORK_UNITS)
    i = 0
    while len(unit_names) < wanted:
        base = names.WORK_UNITS[i % len(names.WORK_UNITS)].removeprefix("市").removeprefix("区")
        unit_names.append(f"{_PREFIXES[(i // len(names.WORK_UNITS)) % len(_PREFIXES)]}{base}")
        i += 1
    units: list[tuple[int, str, int]] = []
    by_community: dict[int, list[int]] = {}
    stamp = ts(now - timedelta(days=700))
    for n, name in enumerate(unit_names):
        community = communities[n % len(communities)]
        start = today.replace(year=today.year - 1, month=1, day=1)
        unit_id = w.add(
            "org_unit",
            stamp,
            name=name,
            kind=_kind(name),
            contact_name=rng.choice(names.SURNAMES)[0] + rng.choice(("书记", "主任", "科长")),
            contact_phone=f"0936-{rng.randrange(8_000_000, 8_999_999)}",
            address="",
            community_id=community,
            contract_terms="1+N契约化共建：每季度至少开展一次共建活动，认领社区需求项目",
            contract_start=start.isoformat(),
            contract_end=date(start.year + 2, 12, 31).isoformat(),
            notes="",
        )
        units.append((unit_id, name, community))
        by_community.setdefault(community, []).append(unit_id)
    unit_by_name = {name: uid for uid, name, _c in units}

    # Members belong to units (most to one paired with the community they live in).
    member_unit: dict[int, int] = {}
    for m in members:
        local = by_community.get(m["community_id"], [])
        if m["work_unit"] in unit_by_name and (len(communities) == 1 or rng.random() < 0.4):
            unit_id = unit_by_name[m["work_unit"]]
        elif local and rng.random() < 0.7:
            unit_id = rng.choice(local)
        else:
            unit_id = rng.choice(units)[0]
        member_unit[m["id"]] = unit_id
    name_of = {u: n for u, n, _c in units}
    w.write()  # the units first: members point at them
    store.conn.executemany(
        "UPDATE member SET unit_id = ?, work_unit = ? WHERE id = ?",
        [(u, name_of[u], mid) for mid, u in member_unit.items()],
    )

    # Reporting in: the units' organisations, and about 85% of in-service members.
    slips: dict[str, int] = {}

    def slip(on: str) -> str:
        key = on.replace("-", "")
        slips[key] = slips.get(key, 0) + 1
        return f"BD{key}-{slips[key]:03d}"

    for unit_id, _name, community in units:
        on = day(rng.randrange(400, 700))
        w.add(
            "report_in",
            on + " 09:00:00",
            community_id=community,
            unit_id=unit_id,
            member_id=None,
            reported_on=on,
            work_unit=name_of[unit_id],
            skills="",
            available_time="",
            slip_no=slip(on),
            received_at=on + " 10:00:00",
            received_by="社区",
            withdrawn_at=None,
        )
    reported: list[tuple[int, int, str]] = []
    for m in members:
        if rng.random() >= 0.85:
            continue
        on = day(rng.randrange(7, 700))
        received = on + " 16:00:00" if rng.random() < 0.92 else None
        w.add(
            "report_in",
            on + " 09:30:00",
            community_id=m["community_id"],
            unit_id=member_unit[m["id"]],
            member_id=m["id"],
            reported_on=on,
            work_unit=name_of[member_unit[m["id"]]],
            skills="、".join(rng.sample(_SKILLS, rng.randint(1, 2))),
            available_time=rng.choice(_TIMES),
            slip_no=slip(on),
            received_at=received,
            received_by="社区" if received else "",
            withdrawn_at=None,
        )
        reported.append((m["id"], m["community_id"], on))

    # Posts per community (by category), claimed by the members who reported; at least one each.
    posts: dict[int, list[list[Any]]] = {}
    for community in communities:
        reporters = sum(1 for _m, c, _o in reported if c == community)
        for category, titles in _POSTS.items():
            for title in titles:
                places = max(2, round(reporters * 1.3 / 17) + rng.randint(0, 3))
                grid = rng.choice(grids[community]) if grids.get(community) and rng.random() < 0.5 else None
                post_id = w.add(
                    "service_post",
                    stamp,
                    community_id=community,
                    grid_id=grid,
                    category=category,
                    title=title,
                    description="",
                    places=places,
                    published_on=day(720),
                    closed_at=None,
                )
                posts.setdefault(community, []).append([post_id, places, 0, grid])
    member_posts: dict[int, list[tuple[int, int | None]]] = {}
    for member_id, community, on in reported:
        choices = posts.get(community, [])
        for _ in range(1 if rng.random() < 0.7 else 2):
            free = [p for p in choices if p[2] < p[1]]
            if not free:
                break
            chosen = rng.choice(free)
            if any(p == chosen[0] for p, _g in member_posts.get(member_id, [])):
                continue
            chosen[2] += 1
            w.add(
                "post_claim",
                on + " 10:00:00",
                post_id=chosen[0],
                member_id=member_id,
                claimed_on=on,
                ended_on=None,
            )
            member_posts.setdefault(member_id, []).append((chosen[0], chosen[3]))

    # Needs, resources and projects (三张清单).
    resources: dict[str, list[tuple[int, int]]] = {}
    for unit_id, _name, _community in units:
        for category in rng.sample(list(_RESOURCES), 2):
            rid = w.add(
                "unit_resource",
                stamp,
                unit_id=unit_id,
                category=category,
                title=rng.choice(_RESOURCES[category]),
                description="",
                offered_on=day(rng.randrange(300, 700)),
                withdrawn_at=None,
            )
            resources.setdefault(category, []).append((rid, unit_id))
    projects: list[int] = []
    for community in communities:
        for category, titles in _NEEDS.items():
            for title in titles:
                raised = rng.randrange(20, 600)
                matching = [
                    r for r, u in resources.get(category, []) if u in by_community.get(community, [])
                ] or [r for r, _u in resources.get(category, [])]
                done = matching and rng.random() < 0.45
                going = matching and not done and rng.random() < 0.5
                need_id = w.add(
                    "community_need",
                    stamp,
                    community_id=community,
                    grid_id=None,
                    category=category,
                    title=title,
                    description="",
                    raised_on=day(raised),
                    closed_at=day(max(0, raised - 60)) + " 17:00:00" if done else None,
                )
                if done or going:
                    progress = 100 if done else rng.choice((20, 40, 60, 80))
                    projects.append(
                        w.add(
                            "service_project",
                            stamp,
                            need_id=need_id,
                            resource_id=rng.choice(matching),
                            claimed_by=rng.choice(("community", "unit")),
                            title=title,
                            status="done" if done else "in_progress",
                            progress=progress,
                            started_on=day(max(0, raised - 10)),
                            finished_on=day(max(0, raised - 60)) if done else None,
                            notes="",
                        )
                    )

    # Services over the past year: a couple a month for each reported member, points by the rules.
    for member_id, community, on in reported:
        first = (today - date.fromisoformat(on)).days
        span = min(365, first)
        count = int(span / 30 * rng.uniform(0.8, 2.8))
        own = member_posts.get(member_id, [])
        for _ in range(count):
            ago = rng.randrange(0, max(1, span))
            kind = rng.choices(("post_shift", "visit", "project_task", "other"), (0.6, 0.25, 0.05, 0.1))[0]
            post, grid = rng.choice(own) if own and kind == "post_shift" else (None, home_grid.get(member_id))
            if kind == "post_shift" and post is None:
                kind = "other"
            hours = rng.choice((1, 1.5, 2, 2, 3, 4)) if kind != "visit" else 0
            each, per_hour = DEFAULT_POINT_RULES[kind]
            w.add(
                "service_record",
                day(ago) + " 18:00:00",
                member_id=member_id,
                unit_id=member_unit[member_id],
                community_id=community,
                grid_id=grid,
                kind=kind,
                served_on=day(ago),
                hours=hours,
                points=round(each + per_hour * hours, 2),
                post_id=post,
                project_id=rng.choice(projects) if kind == "project_task" and projects else None,
                request_id=None,
                visit_id=None,
                shift_id=None,
                note="",
                withdrawn_at=None,
            )

    # Escalations (社区吹哨、部门报到): a few of each community's requests of the past months.
    limits = DEFAULT_LIMITS
    requests = store.query(
        "SELECT r.id, r.uid, r.status, r.collected_at, r.resolved_at, g.community_id FROM request r"
        " JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id"
        " JOIN grid g ON g.id = b.grid_id WHERE r.archived_at IS NULL AND r.collected_at >= ?"
        " AND r.category IN ('repairs', 'property', 'hazard', 'dispute', 'parking')"
        " AND (r.collected_at >= ? OR r.status IN ('collected', 'dispatched', 'in_progress')) ORDER BY r.id",
        [ts(now - timedelta(days=365)), ts(now - timedelta(days=180))],
    )
    last_step = {
        r[0]: r[1] for r in store.query("SELECT request_id, max(at) FROM request_step GROUP BY request_id")
    }
    for r in requests:
        closed = r["status"] in ("resolved", "followed_up")
        if r["status"] == "in_progress":
            continue  # the demo's open whistles are hand-overs (dispatch) and answers (work started)
        if rng.random() >= (0.06 if closed else 0.3):
            continue
        collected = datetime.fromisoformat(r["collected_at"])
        local = by_community.get(r["community_id"], [])
        whistled: int | None = rng.choice(local) if local and rng.random() < 0.6 else None
        department = "" if whistled else rng.choice(("区住建局", "区城管局", "区市场监管局", "供热公司"))
        target = name_of[whistled] if whistled else department
        answered: datetime | None
        if closed:
            resolved = datetime.fromisoformat(r["resolved_at"])
            at = collected + (resolved - collected) / 4
            answered = at + (resolved - at) / 3
            resolved_at = ts(resolved)
        else:
            # Recent whistles: within the last days, after the request's last step.
            last = datetime.fromisoformat(last_step.get(r["id"], r["collected_at"]))
            at = max(last + timedelta(minutes=30), now - timedelta(hours=rng.uniform(3, 110)))
            if at >= now:
                continue
            answered = at + timedelta(hours=rng.uniform(2, 20)) if rng.random() < 0.75 else None
            if answered is not None and answered >= now:
                answered = None
            resolved_at = None
        answer_due = ts(at + timedelta(hours=limits["community"]["answer"]))
        resolve_due = ts(at + timedelta(hours=limits["community"]["resolve"]))
        w.add(
            "escalation",
            ts(at),
            request_id=r["id"],
            request_uid=r["uid"],
            level="community",
            unit_id=whistled,
            department=department,
            escalated_at=ts(at),
            answer_due_at=answer_due,
            resolve_due_at=resolve_due,
            answered_at=ts(answered) if answered else None,
            answer="已报到，安排人员上门处理" if answered else "",
            resolved_at=resolved_at,
            risen_at=None,
            previous_id=None,
            reason="社区无法单独解决",
            by_rule=0,
            withdrawn_at=None,
        )
        status = r["status"]
        # A closed request's whistle is kept in its escalation row (its steps are already written, in order).
        if not closed:
            step = "escalated" if status == "in_progress" else "dispatched"
            w.add(
                "request_step",
                ts(at),
                request_id=r["id"],
                step=step,
                at=ts(at),
                operator="社区",
                note="社区吹哨",
                member_id=None,
                department=target,
                due_at=resolve_due,
                rating=None,
            )
            if status == "collected":
                status = "dispatched"
            if answered is not None:
                step = "in_progress" if status == "dispatched" else "answered"
                w.add(
                    "request_step",
                    ts(answered),
                    request_id=r["id"],
                    step=step,
                    at=ts(answered),
                    operator="社区",
                    note="已报到，安排人员上门处理",
                    member_id=None,
                    department=target,
                    due_at=None,
                    rating=None,
                )
                status = "in_progress"
            store.execute(
                "UPDATE request SET assignee_department = ?, assignee_member_id = NULL, due_at = ?, status = ?,"
                " dispatched_at = coalesce(dispatched_at, ?), started_at = CASE WHEN ? = 'in_progress' THEN"
                " coalesce(started_at, ?) END WHERE id = ?",
                [target, resolve_due, status, ts(at), status, ts(answered) if answered else None, r["id"]],
            )
    return w.write()
