"""Posts, needs, resources and projects (三张清单), service records and points (双积分).

The community publishes service posts by category with the places each has; members claim them
(认领岗位: a full post is refused; offices require at least one post per reported member, which
`members_without_post` lists). Units offer resources; a need met by a resource becomes a project
(双向认领: claimed by the community or by the unit) with its progress. Each service a member gives
lands on their service card (`service_record`) with hours and points computed by the rule table
the community edits (`point_rules`); points are fixed when the service is recorded, as a points
card is. `quarter_sheet` is the quarterly feedback to a work unit; `ranking` ranks grids and units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gridboard.models import records
from gridboard.models.area import WHOLE_FILE, Area
from gridboard.models.clock import now_iso, parse_date
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store

# 政策宣传、环境整治、治安巡逻、助老助残、法律咨询、健康医疗、文化体育、其他
POST_CATEGORIES = {
    "policy": "政策宣传",
    "environment": "环境整治",
    "patrol": "治安巡逻",
    "elderly_disabled": "助老助残",
    "legal": "法律咨询",
    "health": "健康医疗",
    "culture_sports": "文化体育",
    "other": "其他",
}

# What a service was: a household visit, a shift at a post, a request handled, a project task.
SERVICE_KINDS = {
    "visit": "走访入户",
    "post_shift": "岗位服务",
    "request": "办理诉求",
    "project_task": "项目任务",
    "duty_shift": "应急值守",
    "other": "其他服务",
}

# The default rule table (the community edits its own): points for each service plus per hour.
DEFAULT_POINT_RULES: dict[str, tuple[float, float]] = {
    "visit": (1.0, 0.0),
    "post_shift": (1.0, 1.0),
    "request": (3.0, 0.0),
    "project_task": (2.0, 1.0),
    "duty_shift": (2.0, 1.0),
    "other": (0.0, 1.0),
}

PROJECT_STATUSES = {"planned": "计划中", "in_progress": "实施中", "done": "已完成", "dropped": "已终止"}


@dataclass(frozen=True)
class Post:
    id: int
    community_id: int
    community_name: str
    grid_id: int | None
    grid_name: str
    category: str
    title: str
    description: str
    places: int
    claimed: int
    published_on: str
    closed_at: str | None

    @property
    def full(self) -> bool:
        return self.claimed >= self.places

    @property
    def open_places(self) -> int:
        return max(0, self.places - self.claimed)


@dataclass(frozen=True)
class Need:
    id: int
    community_id: int
    community_name: str
    category: str
    title: str
    description: str
    raised_on: str
    closed_at: str | None
    projects: int


@dataclass(frozen=True)
class Resource:
    id: int
    unit_id: int
    unit_name: str
    category: str
    title: str
    description: str
    offered_on: str
    projects: int


@dataclass(frozen=True)
class Project:
    id: int
    title: str
    need_id: int
    need_title: str
    resource_id: int
    resource_title: str
    unit_name: str
    community_name: str
    claimed_by: str
    status: str
    progress: int
    started_on: str
    finished_on: str | None
    notes: str


@dataclass(frozen=True)
class PointRule:
    kind: str
    points_each: float
    points_per_hour: float

    def points(self, hours: float) -> float:
        return round(self.points_each + self.points_per_hour * hours, 2)


@dataclass(frozen=True)
class ServiceLine:
    id: int
    member_id: int
    member_name: str
    unit_id: int | None
    unit_name: str
    grid_name: str
    kind: str
    served_on: str
    hours: float
    points: float
    what: str
    note: str


@dataclass(frozen=True)
class SheetMember:
    """One member's row on a unit's quarterly feedback sheet."""

    member_id: int
    name: str
    reported_on: str | None
    community_name: str
    posts: str
    services: int
    hours: float
    points: float
    by_kind: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class QuarterSheet:
    unit_id: int
    unit_name: str
    community_name: str
    quarter: str
    start: str
    end: str
    members: list[SheetMember]

    @property
    def services(self) -> int:
        return sum(m.services for m in self.members)

    @property
    def hours(self) -> float:
        return round(sum(m.hours for m in self.members), 2)

    @property
    def points(self) -> float:
        return round(sum(m.points for m in self.members), 2)

    @property
    def reported(self) -> int:
        return sum(1 for m in self.members if m.reported_on)


@dataclass(frozen=True)
class RankLine:
    key: int
    name: str
    members: int
    services: int
    hours: float
    points: float


def _day(value: str | date | None) -> str:
    if value in (None, ""):
        return date.today().isoformat()
    try:
        return (parse_date(value) or date.today()).isoformat()
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "{value} is not a date."), value=value) from None


def _category(category: str) -> None:
    records.require(
        category in POST_CATEGORIES,
        QT_TRANSLATE_NOOP("Errors", "Unknown service category {value}."),
        value=category,
    )


def _title(title: str) -> str:
    title = title.strip()
    records.require(bool(title), QT_TRANSLATE_NOOP("Errors", "Give it a title."))
    records.require(len(title) <= 80, QT_TRANSLATE_NOOP("Errors", "A title has at most 80 characters."))
    return title


# -- posts and claims (认领岗位) -----------------------------------------------------------------------


def publish_post(
    store: Store,
    *,
    community_id: int,
    category: str,
    title: str,
    places: int = 1,
    grid_id: int | None = None,
    description: str = "",
    published_on: str | date | None = None,
) -> int:
    """A service post the community publishes, with how many people it needs."""
    _category(category)
    records.require(
        isinstance(places, int) and 1 <= places <= 999,
        QT_TRANSLATE_NOOP("Errors", "A post needs 1 to 999 places, not {value}."),
        value=places,
    )
    records.fetch(store, "community", community_id)
    if grid_id is not None:
        records.require(
            store.scalar("SELECT community_id FROM grid WHERE id = ?", [grid_id]) == community_id,
            QT_TRANSLATE_NOOP("Errors", "That grid is not in this community."),
        )
    with store.atomic():
        post_id = records.insert(
            store,
            "service_post",
            {
                "community_id": community_id,
                "grid_id": grid_id,
                "category": category,
                "title": _title(title),
                "description": description.strip(),
                "places": places,
                "published_on": _day(published_on),
            },
        )
    store.changes.note("service_post")
    return post_id


def close_post(store: Store, post_id: int) -> None:
    with store.atomic():
        records.update(store, "service_post", post_id, {"closed_at": now_iso()}, action="close")
    store.changes.note("service_post")


def claim_post(store: Store, *, post_id: int, member_id: int, claimed_on: str | date | None = None) -> int:
    """A member claims a post (认领岗位). A closed or full post, or one already claimed by the same
    member, is refused."""
    post = get_post(store, post_id)
    member = records.fetch(store, "member", member_id)
    records.require(
        bool(member["active"]) and member["archived_at"] is None,
        QT_TRANSLATE_NOOP("Errors", "{name} is no longer an active member."),
        name=member["name"],
    )
    records.require(
        post.closed_at is None, QT_TRANSLATE_NOOP("Errors", "The post {title} is closed."), title=post.title
    )
    records.require(
        store.scalar(
            "SELECT 1 FROM post_claim WHERE post_id = ? AND member_id = ? AND ended_on IS NULL",
            [post_id, member_id],
        )
        is None,
        QT_TRANSLATE_NOOP("Errors", "{name} has already claimed {title}."),
        name=member["name"],
        title=post.title,
    )
    records.require(
        not post.full,
        QT_TRANSLATE_NOOP("Errors", "The post {title} is full: all {places} places are claimed."),
        title=post.title,
        places=post.places,
    )
    with store.atomic():
        claim_id = records.insert(
            store, "post_claim", {"post_id": post_id, "member_id": member_id, "claimed_on": _day(claimed_on)}
        )
    store.changes.note("service_post", member=member_id)
    return claim_id


def release_claim(store: Store, *, post_id: int, member_id: int, on: str | date | None = None) -> None:
    """A member gives a post up; the claim's history is kept."""
    claim = store.scalar(
        "SELECT id FROM post_claim WHERE post_id = ? AND member_id = ? AND ended_on IS NULL",
        [post_id, member_id],
    )
    records.require(claim is not None, QT_TRANSLATE_NOOP("Errors", "That member has not claimed this post."))
    with store.atomic():
        records.update(store, "post_claim", claim, {"ended_on": _day(on)}, action="release")
    store.changes.note("service_post", member=member_id)


_POST_SELECT = """
    SELECT p.id, p.community_id, c.name AS community_name, p.grid_id, coalesce(g.name, '') AS grid_name,
        p.category, p.title, p.description, p.places, p.published_on, p.closed_at,
        (SELECT count(*) FROM post_claim pc WHERE pc.post_id = p.id AND pc.ended_on IS NULL) AS claimed
    FROM service_post p JOIN community c ON c.id = p.community_id LEFT JOIN grid g ON g.id = p.grid_id
"""


def get_post(store: Store, post_id: int) -> Post:
    row = store.one(f"{_POST_SELECT} WHERE p.id = ?", [post_id])
    if row is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table="service_post", id=post_id
        )
    return Post(**dict(row))


def posts(store: Store, *, community_id: int | None = None, open_only: bool = True) -> list[Post]:
    where, params = ["1"], []
    if open_only:
        where.append("p.closed_at IS NULL")
    if community_id is not None:
        where.append("p.community_id = ?")
        params.append(community_id)
    rows = store.query(f"{_POST_SELECT} WHERE {' AND '.join(where)} ORDER BY p.category, p.id", params)
    return [Post(**dict(r)) for r in rows]


def post_members(store: Store, post_id: int) -> list[tuple[int, str, str]]:
    """(member id, name, work unit) of those holding the post now."""
    return [
        (r["id"], r["name"], r["work_unit"])
        for r in store.query(
            "SELECT m.id, m.name, m.work_unit FROM post_claim pc JOIN member m ON m.id = pc.member_id"
            " WHERE pc.post_id = ? AND pc.ended_on IS NULL ORDER BY pc.claimed_on, pc.id",
            [post_id],
        )
    ]


def member_posts(store: Store, member_id: int) -> list[Post]:
    ids = [
        r[0]
        for r in store.query(
            "SELECT post_id FROM post_claim WHERE member_id = ? AND ended_on IS NULL ORDER BY id", [member_id]
        )
    ]
    return [get_post(store, i) for i in ids]


def members_without_post(store: Store, *, community_id: int | None = None) -> list[tuple[int, str, str]]:
    """Members who reported in but hold no post yet (offices require at least one each)."""
    sql = (
        "SELECT DISTINCT m.id, m.name, m.work_unit FROM report_in r JOIN member m ON m.id = r.member_id"
        " WHERE r.withdrawn_at IS NULL AND m.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM post_claim pc"
        " WHERE pc.member_id = m.id AND pc.ended_on IS NULL)"
    )
    params: list[Any] = []
    if community_id is not None:
        sql += " AND r.community_id = ?"
        params.append(community_id)
    return [(r["id"], r["name"], r["work_unit"]) for r in store.query(sql + " ORDER BY m.name, m.id", params)]


# -- needs, resources, projects (三张清单, 双向认领) --------------------------------------------------------


def raise_need(
    store: Store,
    *,
    community_id: int,
    category: str,
    title: str,
    description: str = "",
    grid_id: int | None = None,
    raised_on: str | date | None = None,
) -> int:
    _category(category)
    records.fetch(store, "community", community_id)
    with store.atomic():
        need_id = records.insert(
            store,
            "community_need",
            {
                "community_id": community_id,
                "grid_id": grid_id,
                "category": category,
                "title": _title(title),
                "description": description.strip(),
                "raised_on": _day(raised_on),
            },
        )
    store.changes.note("community_need")
    return need_id


def offer_resource(
    store: Store,
    *,
    unit_id: int,
    category: str,
    title: str,
    description: str = "",
    offered_on: str | date | None = None,
) -> int:
    _category(category)
    records.fetch(store, "org_unit", unit_id)
    with store.atomic():
        resource_id = records.insert(
            store,
            "unit_resource",
            {
                "unit_id": unit_id,
                "category": category,
                "title": _title(title),
                "description": description.strip(),
                "offered_on": _day(offered_on),
            },
        )
    store.changes.note("unit_resource")
    return resource_id


def start_project(
    store: Store,
    *,
    need_id: int,
    resource_id: int,
    claimed_by: str = "community",
    title: str | None = None,
    started_on: str | date | None = None,
) -> int:
    """A need met by a resource becomes a project (双向认领: the community claims a unit's resource, or
    a unit claims a community's need)."""
    need = records.fetch(store, "community_need", need_id)
    resource = records.fetch(store, "unit_resource", resource_id)
    records.require(
        claimed_by in ("community", "unit"),
        QT_TRANSLATE_NOOP("Errors", "Unknown claim {value}."),
        value=claimed_by,
    )
    records.require(need["closed_at"] is None, QT_TRANSLATE_NOOP("Errors", "This need is already closed."))
    records.require(
        resource["withdrawn_at"] is None, QT_TRANSLATE_NOOP("Errors", "This resource is no longer offered.")
    )
    with store.atomic():
        project_id = records.insert(
            store,
            "service_project",
            {
                "need_id": need_id,
                "resource_id": resource_id,
                "claimed_by": claimed_by,
                "title": _title(title or need["title"]),
                "started_on": _day(started_on),
            },
        )
    store.changes.note("service_project")
    return project_id


def set_project_progress(
    store: Store, project_id: int, *, progress: int, notes: str | None = None, on: str | date | None = None
) -> None:
    """Progress 0–100; 100 finishes the project (and closes its need), more than 0 starts it."""
    records.require(
        isinstance(progress, int) and 0 <= progress <= 100,
        QT_TRANSLATE_NOOP("Errors", "Progress is 0 to 100, not {value}."),
        value=progress,
    )
    project = records.fetch(store, "service_project", project_id)
    values: dict[str, Any] = {"progress": progress}
    if notes is not None:
        values["notes"] = notes.strip()
    if progress >= 100:
        values.update(status="done", finished_on=_day(on))
    elif progress > 0:
        values.update(status="in_progress", finished_on=None)
    with store.atomic():
        records.update(store, "service_project", project_id, values, action="progress")
        if progress >= 100:
            records.update(
                store, "community_need", project["need_id"], {"closed_at": now_iso()}, action="close"
            )
    store.changes.note("service_project")


def needs(store: Store, *, community_id: int | None = None, open_only: bool = True) -> list[Need]:
    where, params = ["1"], []
    if open_only:
        where.append("n.closed_at IS NULL")
    if community_id is not None:
        where.append("n.community_id = ?")
        params.append(community_id)
    rows = store.query(
        f"""SELECT n.id, n.community_id, c.name AS community_name, n.category, n.title, n.description,
            n.raised_on, n.closed_at,
            (SELECT count(*) FROM service_project p WHERE p.need_id = n.id AND p.status != 'dropped') AS projects
        FROM community_need n JOIN community c ON c.id = n.community_id
        WHERE {" AND ".join(where)} ORDER BY n.raised_on DESC, n.id DESC""",
        params,
    )
    return [Need(**dict(r)) for r in rows]


def resources(store: Store, *, unit_id: int | None = None, category: str | None = None) -> list[Resource]:
    where: list[str] = ["r.withdrawn_at IS NULL"]
    params: list[Any] = []
    if unit_id is not None:
        where.append("r.unit_id = ?")
        params.append(unit_id)
    if category is not None:
        where.append("r.category = ?")
        params.append(category)
    rows = store.query(
        f"""SELECT r.id, r.unit_id, u.name AS unit_name, r.category, r.title, r.description, r.offered_on,
            (SELECT count(*) FROM service_project p WHERE p.resource_id = r.id AND p.status != 'dropped')
                AS projects
        FROM unit_resource r JOIN org_unit u ON u.id = r.unit_id
        WHERE {" AND ".join(where)} ORDER BY r.category, u.name, r.id""",
        params,
    )
    return [Resource(**dict(r)) for r in rows]


def matching_resources(store: Store, need_id: int) -> list[Resource]:
    """按需定单: the resources of the need's category, those of the community's own units first."""
    need = records.fetch(store, "community_need", need_id)
    found = resources(store, category=need["category"])
    paired = {
        r[0] for r in store.query("SELECT id FROM org_unit WHERE community_id = ?", [need["community_id"]])
    }
    return sorted(found, key=lambda r: (r.unit_id not in paired, r.projects, r.id))


def projects(store: Store, *, community_id: int | None = None) -> list[Project]:
    where, params = "1", []
    if community_id is not None:
        where = "n.community_id = ?"
        params.append(community_id)
    rows = store.query(
        f"""SELECT p.id, p.title, p.need_id, n.title AS need_title, p.resource_id, r.title AS resource_title,
            u.name AS unit_name, c.name AS community_name, p.claimed_by, p.status, p.progress, p.started_on,
            p.finished_on, p.notes
        FROM service_project p JOIN community_need n ON n.id = p.need_id
        JOIN unit_resource r ON r.id = p.resource_id JOIN org_unit u ON u.id = r.unit_id
        JOIN community c ON c.id = n.community_id
        WHERE {where} ORDER BY p.status = 'done', p.started_on DESC, p.id DESC""",
        params,
    )
    return [Project(**dict(r)) for r in rows]


# -- points (双积分) ---------------------------------------------------------------------------------


def point_rules(store: Store) -> dict[str, PointRule]:
    """The rule table: the community's own rows over the defaults."""
    rules = {k: PointRule(k, each, hour) for k, (each, hour) in DEFAULT_POINT_RULES.items()}
    for r in store.query("SELECT kind, points_each, points_per_hour FROM point_rule"):
        rules[r["kind"]] = PointRule(r["kind"], float(r["points_each"]), float(r["points_per_hour"]))
    return rules


def set_point_rule(store: Store, *, kind: str, points_each: float, points_per_hour: float) -> PointRule:
    """Change one row of the rule table; services recorded from now on earn by it. Returns the old rule."""
    records.require(
        kind in SERVICE_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown service kind {value}."), value=kind
    )
    records.require(
        0 <= points_each <= 1000 and 0 <= points_per_hour <= 1000,
        QT_TRANSLATE_NOOP("Errors", "Points are between 0 and 1000."),
    )
    old = point_rules(store)[kind]
    row = store.scalar("SELECT id FROM point_rule WHERE kind = ?", [kind])
    values = {"points_each": float(points_each), "points_per_hour": float(points_per_hour)}
    with store.atomic():
        if row is None:
            records.insert(store, "point_rule", {"kind": kind, **values})
        else:
            records.update(store, "point_rule", row, values)
    store.changes.note("point_rule")
    return old


def record_service(
    store: Store,
    *,
    member_id: int,
    kind: str,
    served_on: str | date | None = None,
    hours: float = 0.0,
    post_id: int | None = None,
    project_id: int | None = None,
    request_id: int | None = None,
    visit_id: int | None = None,
    shift_id: int | None = None,
    note: str = "",
    community_id: int | None = None,
) -> int:
    """One service on a member's card, with points by the rule table now. The grid is the post's,
    the request's or visit's household's, else the member's home's."""
    records.require(
        kind in SERVICE_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown service kind {value}."), value=kind
    )
    try:
        hours = float(hours)
    except (TypeError, ValueError):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{value} is not a number of hours."), value=hours
        ) from None
    records.require(
        0 <= hours <= 24,
        QT_TRANSLATE_NOOP("Errors", "Hours of one service are 0 to 24, not {value}."),
        value=hours,
    )
    day = _day(served_on)
    records.require(
        day <= date.today().isoformat(),
        QT_TRANSLATE_NOOP("Errors", "A service cannot be in the future ({value})."),
        value=day,
    )
    member = records.fetch(store, "member", member_id)
    grid_id = None
    if post_id is not None:
        post = records.fetch(store, "service_post", post_id)
        grid_id = post["grid_id"]
        community_id = community_id or post["community_id"]
    household = None
    if request_id is not None:
        household = store.scalar("SELECT household_id FROM request WHERE id = ?", [request_id])
        records.require(household is not None, QT_TRANSLATE_NOOP("Errors", "No such request."))
    elif visit_id is not None:
        household = store.scalar("SELECT household_id FROM visit WHERE id = ?", [visit_id])
        records.require(household is not None, QT_TRANSLATE_NOOP("Errors", "No such visit."))
    elif grid_id is None:
        household = member["home_household_id"]
    if grid_id is None and household is not None:
        place = store.one(
            "SELECT g.id, g.community_id FROM household h JOIN building b ON b.id = h.building_id"
            " JOIN grid g ON g.id = b.grid_id WHERE h.id = ?",
            [household],
        )
        if place is not None:
            grid_id = place["id"]
            community_id = community_id or place["community_id"]
    if project_id is not None:
        records.fetch(store, "service_project", project_id)
    points = point_rules(store)[kind].points(hours)
    with store.atomic():
        record_id = records.insert(
            store,
            "service_record",
            {
                "member_id": member_id,
                "unit_id": member["unit_id"],
                "community_id": community_id or member["community_id"],
                "grid_id": grid_id,
                "kind": kind,
                "served_on": day,
                "hours": round(hours, 2),
                "points": points,
                "post_id": post_id,
                "project_id": project_id,
                "request_id": request_id,
                "visit_id": visit_id,
                "shift_id": shift_id,
                "note": note.strip(),
            },
        )
    store.changes.note("service_record", member=member_id)
    return record_id


def withdraw_service(store: Store, record_id: int) -> None:
    """A service entered by mistake: kept, no longer counted."""
    row = records.fetch(store, "service_record", record_id)
    with store.atomic():
        records.update(store, "service_record", record_id, {"withdrawn_at": now_iso()}, action="withdraw")
    store.changes.note("service_record", member=row["member_id"])


def quarter_range(quarter: str) -> tuple[str, str]:
    """'2026Q4' → ('2026-10-01', '2026-12-31')."""
    text = quarter.strip().upper()
    try:
        year, q = int(text[:4]), int(text.split("Q", 1)[1])
        if text[4] != "Q" or not 1 <= q <= 4 or not 2000 <= year <= 2100:
            raise ValueError
    except (ValueError, IndexError):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{value} is not a quarter; write it like 2026Q4."), value=quarter
        ) from None
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
    return start.isoformat(), date.fromordinal(end.toordinal() - 1).isoformat()


def quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def services(
    store: Store,
    *,
    member_id: int | None = None,
    unit_id: int | None = None,
    start: str | None = None,
    end: str | None = None,
    limit: int | None = 500,
) -> list[ServiceLine]:
    """Service card lines, newest first."""
    where: list[str] = ["s.withdrawn_at IS NULL"]
    params: list[Any] = []
    for column, value in (("s.member_id", member_id), ("s.unit_id", unit_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if start:
        where.append("s.served_on >= ?")
        params.append(start)
    if end:
        where.append("s.served_on <= ?")
        params.append(end)
    sql = f"""SELECT s.id, s.member_id, m.name AS member_name, s.unit_id, coalesce(u.name, '') AS unit_name,
            coalesce(g.name, '') AS grid_name, s.kind, s.served_on, s.hours, s.points, s.note,
            coalesce(p.title, pr.title, CASE WHEN s.request_id IS NOT NULL THEN '#' || s.request_id END, '') AS what
        FROM service_record s JOIN member m ON m.id = s.member_id LEFT JOIN org_unit u ON u.id = s.unit_id
        LEFT JOIN grid g ON g.id = s.grid_id LEFT JOIN service_post p ON p.id = s.post_id
        LEFT JOIN service_project pr ON pr.id = s.project_id
        WHERE {" AND ".join(where)} ORDER BY s.served_on DESC, s.id DESC"""
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [ServiceLine(**dict(r)) for r in store.query(sql, params)]


def quarter_sheet(store: Store, unit_id: int, quarter: str) -> QuarterSheet:
    """The quarterly feedback sheet to a work unit: each member's reporting, posts, services, hours
    and points in the quarter (服务登记卡 反馈)."""
    start, end = quarter_range(quarter)
    unit = store.one(
        "SELECT u.name, coalesce(c.name, '') AS community FROM org_unit u"
        " LEFT JOIN community c ON c.id = u.community_id WHERE u.id = ?",
        [unit_id],
    )
    if unit is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table="org_unit", id=unit_id
        )
    # Everyone who is a member of the unit now, and anyone who served for it in the quarter.
    rows = store.query(
        """
        SELECT m.id, m.name,
            (SELECT r.reported_on FROM report_in r WHERE r.member_id = m.id AND r.withdrawn_at IS NULL
                ORDER BY r.id LIMIT 1) AS reported_on,
            (SELECT c.name FROM report_in r JOIN community c ON c.id = r.community_id
                WHERE r.member_id = m.id AND r.withdrawn_at IS NULL ORDER BY r.id LIMIT 1) AS community_name
        FROM member m
        WHERE (m.unit_id = :unit AND m.archived_at IS NULL) OR m.id IN (SELECT member_id FROM service_record
            WHERE unit_id = :unit AND withdrawn_at IS NULL AND served_on BETWEEN :start AND :end)
        ORDER BY m.name, m.id
        """,
        {"unit": unit_id, "start": start, "end": end},
    )
    totals: dict[int, dict[str, Any]] = {}
    for r in store.query(
        "SELECT member_id, kind, count(*) AS n, sum(hours) AS hours, sum(points) AS points FROM service_record"
        " WHERE unit_id = ? AND withdrawn_at IS NULL AND served_on BETWEEN ? AND ? GROUP BY member_id, kind",
        [unit_id, start, end],
    ):
        t = totals.setdefault(r["member_id"], {"n": 0, "hours": 0.0, "points": 0.0, "kinds": {}})
        t["n"] += r["n"]
        t["hours"] += r["hours"] or 0
        t["points"] += r["points"] or 0
        t["kinds"][r["kind"]] = r["n"]
    post_titles: dict[int, list[str]] = {}
    for r in store.query(
        "SELECT pc.member_id, p.title FROM post_claim pc JOIN service_post p ON p.id = pc.post_id"
        " JOIN member m ON m.id = pc.member_id WHERE pc.claimed_on <= ? AND (pc.ended_on IS NULL OR"
        " pc.ended_on >= ?) AND (m.unit_id = ? OR m.id IN (SELECT member_id FROM service_record WHERE unit_id = ?))"
        " ORDER BY pc.id",
        [end, start, unit_id, unit_id],
    ):
        post_titles.setdefault(r["member_id"], []).append(r["title"])
    members = []
    for r in rows:
        t = totals.get(r["id"], {"n": 0, "hours": 0.0, "points": 0.0, "kinds": {}})
        members.append(
            SheetMember(
                member_id=r["id"],
                name=r["name"],
                reported_on=r["reported_on"],
                community_name=r["community_name"] or "",
                posts="、".join(post_titles.get(r["id"], [])),
                services=t["n"],
                hours=round(t["hours"], 2),
                points=round(t["points"], 2),
                by_kind=dict(t["kinds"]),
            )
        )
    return QuarterSheet(
        unit_id, unit["name"], unit["community"], quarter.strip().upper(), start, end, members
    )


def quarter_sheets(store: Store, quarter: str) -> list[QuarterSheet]:
    """Every unit's sheet for the quarter (units with members or services)."""
    start, end = quarter_range(quarter)
    ids = [
        r[0]
        for r in store.query(
            "SELECT id FROM org_unit u WHERE archived_at IS NULL AND (EXISTS (SELECT 1 FROM member m WHERE"
            " m.unit_id = u.id) OR EXISTS (SELECT 1 FROM service_record s WHERE s.unit_id = u.id AND"
            " s.served_on BETWEEN ? AND ?)) ORDER BY name, id",
            [start, end],
        )
    ]
    return [quarter_sheet(store, unit_id, quarter) for unit_id in ids]


def ranking(
    store: Store,
    by: str,
    *,
    start: str | None = None,
    end: str | None = None,
    limit: int = 20,
    grids: frozenset[int] | None = None,
    area: Area = WHOLE_FILE,
) -> list[RankLine]:
    """Points ranking by 'grid' or by 'unit' (most points first) over a period (default: all time);
    `grids`: only services in those grids (a 网格员's); `area`: only the area's services. Grids rank
    their own services (a community's grids are its grids); units rank the services a community was
    served (a duty post's may be in a grid of the next community), or a grid's."""
    records.require(by in ("grid", "unit"), QT_TRANSLATE_NOOP("Errors", "Rank by grid or by unit."))
    table = "grid" if by == "grid" else "org_unit"
    if by == "grid" or area.grid is not None:
        within, params = area.grid_sql("s.grid_id")
    else:  # the community served, or the whole file
        clauses, params = Area(community=area.community).conditions(community="s.community_id")
        within = " AND ".join(clauses) or "true"
    where = ["s.withdrawn_at IS NULL", within]
    if grids is not None:
        where.append(f"s.grid_id IN ({','.join(str(int(g)) for g in sorted(grids)) or 'NULL'})")
    if start:
        where.append("s.served_on >= :start")
        params["start"] = start
    if end:
        where.append("s.served_on <= :end")
        params["end"] = end
    rows = store.query(
        f"""SELECT t.id AS key, t.name, count(DISTINCT s.member_id) AS members, count(*) AS services,
            round(sum(s.hours), 2) AS hours, round(sum(s.points), 2) AS points
        FROM service_record s JOIN {table} t ON t.id = s.{by}_id
        WHERE {" AND ".join(where)}
        GROUP BY t.id ORDER BY points DESC, services DESC, t.id LIMIT :limit""",
        {**params, "limit": int(limit)},
    )
    return [RankLine(**dict(r)) for r in rows]
