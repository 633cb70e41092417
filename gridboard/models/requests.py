"""Residents' requests (诉求): the closed loop from collection to rating, time limits, lists and counts.

The loop (网格集单、支部派单、多方接单、群众评单):

    collected → dispatched → in_progress → resolved → followed_up
        ↑            ↺ (re-dispatch)                       │ rated dissatisfied
        └──────────────────── reopened ────────────────────┘

Every step is a `request_step` row (who, when, to whom, rating) and sets the request's `*_at` column;
a step the current state does not allow raises `IllegalTransition` and changes nothing. A request
entered by mistake is withdrawn (archived), never deleted. Each category has a time limit by urgency
(settings); an open request past its due time is overdue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gridboard.models import records, supplies
from gridboard.models.addresses import short_address
from gridboard.models.area import Area
from gridboard.models.clock import normalise_when, now_iso, when_or_now
from gridboard.models.errors import QT_TRANSLATE_NOOP, IllegalTransition, InvalidInput
from gridboard.models.settings import get_setting, set_setting
from gridboard.models.store import Store
from gridboard.models.vocab import (
    OPEN_REQUEST_STATUSES,
    RATINGS,
    REQUEST_CATEGORIES,
    REQUEST_SOURCES,
    REQUEST_STATUSES,
    REQUEST_URGENCIES,
)

_OPEN = ",".join(f"'{s}'" for s in OPEN_REQUEST_STATUSES)

# Step names in request_step (statuses plus the two that are not states of their own).
STEPS = (*REQUEST_STATUSES, "reopened", "withdrawn")

# Which statuses each action may start from.
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "dispatch": ("collected", "dispatched"),
    "start": ("dispatched",),
    "resolve": ("in_progress",),
    "follow_up": ("resolved",),
    "withdraw": OPEN_REQUEST_STATUSES,
}

# Why nothing but the allowed actions can happen now, by the request's state: one clear sentence
# that also says what the next step is.
_REFUSALS = {
    "collected": QT_TRANSLATE_NOOP(
        "Errors", "Request {number} has not been dispatched yet; dispatch it first."
    ),
    "dispatched": QT_TRANSLATE_NOOP(
        "Errors", "Request {number} is dispatched but work has not started; mark it in progress first."
    ),
    "in_progress": QT_TRANSLATE_NOOP("Errors", "Request {number} is being handled; resolve it first."),
    "resolved": QT_TRANSLATE_NOOP(
        "Errors", "Request {number} is resolved; what remains is the follow-up call and rating."
    ),
    "followed_up": QT_TRANSLATE_NOOP("Errors", "Request {number} is closed: it was followed up and rated."),
    "withdrawn": QT_TRANSLATE_NOOP("Errors", "Request {number} was withdrawn."),
}

# Time limits in hours, by category and urgency: the defaults an office can change in settings.
DEFAULT_TIME_LIMITS: dict[str, dict[str, int]] = {
    "medicine": {"normal": 24, "urgent": 8, "critical": 2},
    "repairs": {"normal": 72, "urgent": 24, "critical": 4},
    "property": {"normal": 72, "urgent": 24, "critical": 8},
    "parking": {"normal": 120, "urgent": 48, "critical": 24},
    "benefits": {"normal": 120, "urgent": 48, "critical": 24},
    "dispute": {"normal": 168, "urgent": 72, "critical": 24},
    "hazard": {"normal": 48, "urgent": 12, "critical": 2},
    "supplies": {"normal": 24, "urgent": 8, "critical": 2},
    "other": {"normal": 72, "urgent": 24, "critical": 8},
}
TIME_LIMITS_KEY = "request_time_limits"

# Departments requests are commonly dispatched to (domain data; the office edits its own list).
DEFAULT_DEPARTMENTS = (
    "社区居委会",
    "物业公司",
    "社区卫生服务站",
    "街道综治中心",
    "供热公司",
    "自来水公司",
    "燃气公司",
    "供电所",
    "派出所",
    "区城管局",
    "区民政局",
    "区住建局",
)
DEPARTMENTS_KEY = "request_departments"


# -- results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestRow:
    """A request as lists show it, with where it is and who has it."""

    id: int
    household_id: int
    building_id: int
    grid_id: int
    address: str
    head_name: str
    grid_name: str
    category: str
    urgency: str
    source: str
    hotline_ticket: str
    status: str
    text: str
    assignee_member_id: int | None
    assignee: str
    due_at: str | None
    collected_at: str
    dispatched_at: str | None
    started_at: str | None
    resolved_at: str | None
    followed_up_at: str | None
    reopened_at: str | None
    resolution: str
    rating: str | None
    reopen_count: int
    withdrawn: bool
    overdue: bool

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES and not self.withdrawn


@dataclass(frozen=True)
class Step:
    id: int
    step: str
    at: str
    operator: str
    note: str
    member_id: int | None
    member_name: str
    department: str
    due_at: str | None
    rating: str | None


@dataclass(frozen=True)
class RequestFilter:
    """What the requests list shows; empty tuples and None mean "any"."""

    statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    grid_id: int | None = None
    member_id: int | None = None
    department: str | None = None
    source: str | None = None
    # Age: collected at least / at most this many days ago.
    older_than_days: int | None = None
    newer_than_days: int | None = None
    overdue_only: bool = False
    household_id: int | None = None
    search: str = ""
    include_withdrawn: bool = False
    withdrawn_only: bool = False


@dataclass(frozen=True)
class RequestCounts:
    """Figures for the dashboard: the state now, and what happened since `since`."""

    open: int
    overdue: int
    open_by_category: dict[str, int]
    received: int
    by_category: dict[str, int]
    by_status: dict[str, int]
    resolved: int
    median_resolution_hours: float | None
    rated: int
    satisfied: int
    dissatisfied: int

    @property
    def satisfaction_rate(self) -> float | None:
        """Satisfied or basically satisfied, as a share of the requests rated."""
        return self.satisfied / self.rated if self.rated else None


@dataclass(frozen=True)
class TodaysList:
    """日清日结: what came in today, what is still open and due by tonight, and what was closed."""

    day: date
    received: list[RequestRow]
    due: list[RequestRow]
    closed_today: int
    followed_up_today: int
    still_open_received: int = field(default=0)


# -- settings: time limits and departments ------------------------------------------------------


def time_limits(store: Store) -> dict[str, dict[str, int]]:
    """Hours allowed per category and urgency (the defaults, with the office's changes)."""
    stored = get_setting(store, TIME_LIMITS_KEY) or {}
    return {
        category: {
            urgency: int(stored.get(category, {}).get(urgency, hours)) for urgency, hours in row.items()
        }
        for category, row in DEFAULT_TIME_LIMITS.items()
    }


def set_time_limits(store: Store, limits: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Store the office's time limits; returns the previous ones (for undo)."""
    for category, row in limits.items():
        records.require(
            category in REQUEST_CATEGORIES,
            QT_TRANSLATE_NOOP("Errors", "Unknown request category {value}."),
            value=category,
        )
        for urgency, hours in row.items():
            records.require(
                urgency in REQUEST_URGENCIES,
                QT_TRANSLATE_NOOP("Errors", "Unknown urgency {value}."),
                value=urgency,
            )
            records.require(
                1 <= int(hours) <= 24 * 365,
                QT_TRANSLATE_NOOP("Errors", "A time limit must be between 1 hour and a year, not {value}."),
                value=hours,
            )
    previous = time_limits(store)
    merged = {c: {**previous[c], **{u: int(h) for u, h in limits.get(c, {}).items()}} for c in previous}
    set_setting(store, TIME_LIMITS_KEY, merged)
    store.changes.note("request")
    return previous


def due_time(store: Store, category: str, urgency: str, start: str) -> str:
    hours = time_limits(store)[category][urgency]
    return _iso(_parse(start) + timedelta(hours=hours))


def departments(store: Store) -> list[str]:
    stored = get_setting(store, DEPARTMENTS_KEY)
    return list(stored) if stored else list(DEFAULT_DEPARTMENTS)


def set_departments(store: Store, names: Iterable[str]) -> list[str]:
    cleaned = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    records.require(bool(cleaned), QT_TRANSLATE_NOOP("Errors", "Keep at least one department in the list."))
    previous = departments(store)
    set_setting(store, DEPARTMENTS_KEY, cleaned)
    return previous


def assignable_members(store: Store) -> list[tuple[int, str, str]]:
    """Active members a request can be dispatched to: (id, name, kind)."""
    rows = store.query(
        "SELECT id, name, kind FROM member WHERE active = 1 AND archived_at IS NULL ORDER BY name, id"
    )
    return [(r["id"], r["name"], r["kind"]) for r in rows]


def grid_choices(store: Store) -> list[tuple[int, str]]:
    """Grids for the list's filter: (id, name), in the office's order."""
    rows = store.query("SELECT id, name FROM grid WHERE archived_at IS NULL ORDER BY sort_order, id")
    return [(r["id"], r["name"]) for r in rows]


def assignee_choices(store: Store) -> tuple[list[tuple[int, str]], list[str]]:
    """Who requests have gone to, for the list's filter: (members (id, name), departments)."""
    # One row of JSON, not a row per member: a city's twenty thousand rows one by one would hand
    # Python's lock to and from the GUI thread twenty thousand times (see `Store.ids`).
    text = store.conn.execute(
        "SELECT json_group_array(json_array(id, name)) FROM (SELECT m.id, m.name FROM member m"
        " WHERE m.id IN (SELECT DISTINCT assignee_member_id FROM request WHERE assignee_member_id IS NOT NULL)"
        " ORDER BY m.name, m.id)"
    ).fetchone()[0]
    members = [(int(i), name) for i, name in json.loads(text or "[]")]
    used = [
        r[0]
        for r in store.execute(
            "SELECT DISTINCT assignee_department FROM request WHERE assignee_department != ''"
        ).fetchall()
    ]
    listed = departments(store)
    return members, listed + sorted(set(used) - set(listed))


# -- the lifecycle ---------------------------------------------------------------------------------


def raise_request(
    store: Store,
    *,
    household_id: int,
    category: str,
    text: str = "",
    urgency: str = "normal",
    source: str = "visit",
    visit_id: int | None = None,
    hotline_ticket: str = "",
    at: str | None = None,
    items: Iterable[Any] = (),
    due_at: str | None = None,
) -> int:
    """Record a new request as collected (the first step of the loop); its due time comes from the
    category's time limit unless given. `items` (scarce supplies) are (item, quantity, unit) lines."""
    records.require(
        category in REQUEST_CATEGORIES,
        QT_TRANSLATE_NOOP("Errors", "Unknown request category {value}."),
        value=category,
    )
    records.require(
        urgency in REQUEST_URGENCIES, QT_TRANSLATE_NOOP("Errors", "Unknown urgency {value}."), value=urgency
    )
    records.require(
        source in REQUEST_SOURCES, QT_TRANSLATE_NOOP("Errors", "Unknown source {value}."), value=source
    )
    hotline_ticket = hotline_ticket.strip()
    records.require(
        source != "hotline" or bool(hotline_ticket),
        QT_TRANSLATE_NOOP("Errors", "A 12345 hotline request needs its ticket number."),
    )
    checked_items = supplies.check_items(items)
    household = records.fetch(store, "household", household_id)
    when = step_time(at)
    due = normalise_when(due_at) if due_at else due_time(store, category, urgency, when)
    records.require(due > when, QT_TRANSLATE_NOOP("Errors", "The due time must be after {when}."), when=when)
    with store.atomic():
        request_id = records.insert(
            store,
            "request",
            {
                "household_id": household_id,
                "visit_id": visit_id,
                "category": category,
                "text": text.strip(),
                "urgency": urgency,
                "source": source,
                "hotline_ticket": hotline_ticket,
                "status": "collected",
                "collected_at": when,
                "due_at": due,
            },
        )
        _step(store, request_id, "collected", when, due_at=due)
        if checked_items:
            supplies.add_request_items(store, request_id, checked_items)
    store.changes.note(
        "request", request=request_id, household=household_id, building=household["building_id"]
    )
    return request_id


def dispatch_request(
    store: Store,
    request_id: int,
    *,
    member_id: int | None = None,
    department: str = "",
    due_at: str | None = None,
    note: str = "",
    at: str | None = None,
) -> None:
    """Send a request to a member or to a department, with a due time (kept if not given)."""
    dispatch_requests(
        store, [request_id], member_id=member_id, department=department, due_at=due_at, note=note, at=at
    )


def dispatch_requests(
    store: Store,
    request_ids: Sequence[int],
    *,
    member_id: int | None = None,
    department: str = "",
    due_at: str | None = None,
    note: str = "",
    at: str | None = None,
) -> None:
    """Dispatch several requests to the same member or department at once: all of them or none."""
    department = department.strip()
    records.require(
        (member_id is None) != (not department),
        QT_TRANSLATE_NOOP("Errors", "Dispatch a request to one member or to one department."),
    )
    if member_id is not None:
        member = records.fetch(store, "member", member_id)
        records.require(
            bool(member["active"]) and member["archived_at"] is None,
            QT_TRANSLATE_NOOP("Errors", "{name} is no longer an active member."),
            name=member["name"],
        )
    records.require(bool(request_ids), QT_TRANSLATE_NOOP("Errors", "Choose at least one request."))
    due = normalise_when(due_at) if due_at else None
    with store.atomic():
        for request_id in dict.fromkeys(request_ids):
            request = _transition(store, request_id, "dispatch")
            when = _step_time(store, request, at)
            new_due = (
                due or request["due_at"] or due_time(store, request["category"], request["urgency"], when)
            )
            records.require(
                due is None or new_due > when,
                QT_TRANSLATE_NOOP("Errors", "The due time must be after {when}."),
                when=when,
            )
            records.update(
                store,
                "request",
                request_id,
                {
                    "status": "dispatched",
                    "assignee_member_id": member_id,
                    "assignee_department": department,
                    "due_at": new_due,
                    "dispatched_at": when,
                    "started_at": None,
                },
                action="dispatch",
            )
            _step(
                store,
                request_id,
                "dispatched",
                when,
                note=note,
                member_id=member_id,
                department=department,
                due_at=new_due,
            )
            _note_change(store, request)
    if member_id is not None:
        store.changes.members.add(member_id)


def start_request(store: Store, request_id: int, *, note: str = "", at: str | None = None) -> None:
    """Whoever took it has started work (接单)."""
    with store.atomic():
        request = _transition(store, request_id, "start")
        when = _step_time(store, request, at)
        records.update(
            store, "request", request_id, {"status": "in_progress", "started_at": when}, action="start"
        )
        _step(store, request_id, "in_progress", when, note=note)
    _note_change(store, request)


def resolve_request(
    store: Store,
    request_id: int,
    *,
    resolution: str,
    at: str | None = None,
    deliveries: dict[int, float] | None = None,
) -> None:
    """The request is dealt with; `resolution` says what was done. For scarce supplies, `deliveries`
    ({request_item id: quantity}) records what was handed over with it."""
    resolution = resolution.strip()
    records.require(
        bool(resolution), QT_TRANSLATE_NOOP("Errors", "Say what was done to resolve the request.")
    )
    with store.atomic():
        request = _transition(store, request_id, "resolve")
        when = _step_time(store, request, at)
        records.update(
            store,
            "request",
            request_id,
            {"status": "resolved", "resolved_at": when, "resolution": resolution},
            action="resolve",
        )
        _step(store, request_id, "resolved", when, note=resolution)
        for item_id, quantity in (deliveries or {}).items():
            if quantity > 0:
                records.require(
                    store.scalar("SELECT request_id FROM request_item WHERE id = ?", [item_id]) == request_id,
                    QT_TRANSLATE_NOOP("Errors", "That supplies item belongs to another request."),
                )
                supplies.record_delivery(store, request_item_id=item_id, quantity=quantity, delivered_at=when)
    _note_change(store, request)


def follow_up_request(
    store: Store, request_id: int, *, rating: str, note: str = "", at: str | None = None
) -> bool:
    """The call back (回访) with the resident's rating. A dissatisfied rating reopens the request,
    keeping its history, to be dispatched again. Returns True when it was reopened."""
    records.require(rating in RATINGS, QT_TRANSLATE_NOOP("Errors", "Unknown rating {value}."), value=rating)
    with store.atomic():
        request = _transition(store, request_id, "follow_up")
        when = _step_time(store, request, at)
        records.update(
            store,
            "request",
            request_id,
            {"status": "followed_up", "followed_up_at": when, "rating": rating},
            action="follow_up",
        )
        _step(store, request_id, "followed_up", when, note=note, rating=rating)
        reopened = rating == "dissatisfied"
        if reopened:
            due = due_time(store, request["category"], request["urgency"], when)
            records.update(
                store,
                "request",
                request_id,
                {
                    "status": "collected",
                    "reopened_at": when,
                    "reopen_count": request["reopen_count"] + 1,
                    "due_at": due,
                    "dispatched_at": None,
                    "started_at": None,
                    "resolved_at": None,
                    "followed_up_at": None,
                    "resolution": "",
                },
                action="reopen",
            )
            _step(store, request_id, "reopened", when, note=note, due_at=due)
    _note_change(store, request)
    return reopened


def withdraw_request(store: Store, request_id: int, *, reason: str = "", at: str | None = None) -> None:
    """A request entered by mistake or taken back by the resident: kept, but no longer counted."""
    with store.atomic():
        request = _transition(store, request_id, "withdraw")
        when = _step_time(store, request, at)
        records.update(store, "request", request_id, {"archived_at": when}, action="withdraw")
        _step(store, request_id, "withdrawn", when, note=reason.strip())
    _note_change(store, request)


def can(request: RequestRow | dict[str, Any], action: str) -> bool:
    """Whether `action` is allowed for a request now (for enabling buttons)."""
    status = request.status if isinstance(request, RequestRow) else request["status"]
    withdrawn = request.withdrawn if isinstance(request, RequestRow) else request["archived_at"] is not None
    return not withdrawn and status in ALLOWED_FROM[action]


def _transition(store: Store, request_id: int, action: str) -> dict[str, Any]:
    request = records.fetch(store, "request", request_id)
    state = "withdrawn" if request["archived_at"] is not None else request["status"]
    if state not in ALLOWED_FROM[action]:
        raise IllegalTransition(_REFUSALS.get(state, _REFUSALS["followed_up"]), number=request_id)
    return request


def _step_time(store: Store, request: dict[str, Any], at: str | None) -> str:
    """The step's time: now unless given, never before the request's previous step."""
    when = step_time(at)
    previous = store.scalar("SELECT max(at) FROM request_step WHERE request_id = ?", [request["id"]])
    if previous is not None and when < previous:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A step cannot be dated before the previous one ({previous})."),
            previous=previous,
        )
    return when


def step_time(at: str | datetime | None) -> str:
    """When a step happened: `clock.when_or_now`, and never in the future."""
    when = when_or_now(at)
    if when > now_iso():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A step cannot be in the future ({value})."), value=when
        )
    return when


def _step(
    store: Store,
    request_id: int,
    step: str,
    at: str,
    *,
    note: str = "",
    member_id: int | None = None,
    department: str = "",
    due_at: str | None = None,
    rating: str | None = None,
) -> int:
    return records.insert(
        store,
        "request_step",
        {
            "request_id": request_id,
            "step": step,
            "at": at,
            "operator": store.operator,
            "note": note,
            "member_id": member_id,
            "department": department,
            "due_at": due_at,
            "rating": rating,
        },
        audit=False,
    )


def _note_change(store: Store, request: dict[str, Any]) -> None:
    building = store.scalar("SELECT building_id FROM household WHERE id = ?", [request["household_id"]])
    store.changes.note("request", request=request["id"], household=request["household_id"], building=building)


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat(sep=" ")


# -- reading ---------------------------------------------------------------------------------------

_ROW_SELECT = """
    SELECT r.id, r.household_id, r.category, r.urgency, r.source, r.hotline_ticket, r.status, r.text,
        r.assignee_member_id, m.name AS member_name, r.assignee_department, r.due_at, r.collected_at,
        r.dispatched_at, r.started_at, r.resolved_at, r.followed_up_at, r.reopened_at, r.resolution,
        r.rating, r.reopen_count, r.archived_at,
        h.unit, h.room, h.head_name, b.id AS building_id, b.name AS building_name, b.kind AS building_kind,
        g.id AS grid_id, g.name AS grid_name
    FROM request r
    JOIN household h ON h.id = r.household_id
    JOIN building b ON b.id = h.building_id
    JOIN grid g ON g.id = b.grid_id
    LEFT JOIN member m ON m.id = r.assignee_member_id
"""


def _row(r: Any, now: str) -> RequestRow:
    withdrawn = r["archived_at"] is not None
    is_open = r["status"] in OPEN_REQUEST_STATUSES and not withdrawn
    return RequestRow(
        id=r["id"],
        household_id=r["household_id"],
        building_id=r["building_id"],
        grid_id=r["grid_id"],
        address=short_address(r["building_name"], r["building_kind"], r["unit"], r["room"]),
        head_name=r["head_name"],
        grid_name=r["grid_name"],
        category=r["category"],
        urgency=r["urgency"],
        source=r["source"],
        hotline_ticket=r["hotline_ticket"],
        status=r["status"],
        text=r["text"],
        assignee_member_id=r["assignee_member_id"],
        assignee=r["member_name"] or r["assignee_department"] or "",
        due_at=r["due_at"],
        collected_at=r["collected_at"],
        dispatched_at=r["dispatched_at"],
        started_at=r["started_at"],
        resolved_at=r["resolved_at"],
        followed_up_at=r["followed_up_at"],
        reopened_at=r["reopened_at"],
        resolution=r["resolution"],
        rating=r["rating"],
        reopen_count=r["reopen_count"],
        withdrawn=withdrawn,
        overdue=bool(is_open and r["due_at"] and r["due_at"] < now),
    )


def get_request(store: Store, request_id: int, *, now: str | None = None) -> RequestRow:
    row = store.one(_ROW_SELECT + " WHERE r.id = ?", [request_id])
    if row is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table="request", id=request_id
        )
    return _row(row, now or now_iso())


def fetch_rows(store: Store, request_ids: Sequence[int], *, now: str | None = None) -> dict[int, RequestRow]:
    """Rows for the given ids (the requests view fetches one page at a time)."""
    if not request_ids:
        return {}
    now = now or now_iso()
    marks = ",".join("?" for _ in request_ids)
    rows = store.query(_ROW_SELECT + f" WHERE r.id IN ({marks})", list(request_ids))
    return {r["id"]: _row(r, now) for r in rows}


def request_household(store: Store, request_id: int) -> int | None:
    """The household a request is for (None when there is no such request)."""
    return store.scalar("SELECT household_id FROM request WHERE id = ?", [request_id])


def household_place(store: Store, household_id: int) -> Any:
    """Where a household lives and who heads it: a row with building, kind, unit, room and head_name."""
    return store.one(
        "SELECT b.name AS building, b.kind, h.unit, h.room, h.head_name FROM household h"
        " JOIN building b ON b.id = h.building_id WHERE h.id = ?",
        [household_id],
    )


def request_steps(store: Store, request_id: int) -> list[Step]:
    """The request's timeline, oldest first."""
    rows = store.query(
        "SELECT s.*, m.name AS member_name FROM request_step s LEFT JOIN member m ON m.id = s.member_id"
        " WHERE s.request_id = ? ORDER BY s.at, s.id",
        [request_id],
    )
    return [
        Step(
            id=r["id"],
            step=r["step"],
            at=r["at"],
            operator=r["operator"],
            note=r["note"],
            member_id=r["member_id"],
            member_name=r["member_name"] or "",
            department=r["department"],
            due_at=r["due_at"],
            rating=r["rating"],
        )
        for r in rows
    ]


def household_requests(
    store: Store, household_id: int, *, open_only: bool = False, now: str | None = None
) -> list[RequestRow]:
    """A household's requests, newest first (the board's household panel lists them)."""
    sql = _ROW_SELECT + " WHERE r.household_id = ? AND r.archived_at IS NULL"
    if open_only:
        sql += f" AND r.status IN ({_OPEN})"
    now = now or now_iso()
    return [
        _row(r, now) for r in store.query(sql + " ORDER BY r.collected_at DESC, r.id DESC", [household_id])
    ]


def open_request_counts(store: Store, household_ids: list[int] | None = None) -> dict[int, int]:
    """Open requests per household (only households that have some)."""
    sql = f"SELECT household_id, count(*) FROM request WHERE status IN ({_OPEN}) AND archived_at IS NULL"
    params: list[int] = []
    if household_ids is not None:
        sql += f" AND household_id IN ({','.join('?' for _ in household_ids)})"
        params = list(household_ids)
    return dict(store.execute(sql + " GROUP BY household_id", params).fetchall())


# -- the list: filtering and the secretary's order --------------------------------------------------


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_sql(f: RequestFilter, now: str, *, own_grids: bool = False) -> tuple[str, dict[str, Any]]:
    """WHERE conditions over `request r` alone (no joins), so counting stays an index scan.
    `own_grids`: only requests of households in the buildings this connection sees (a 网格员's
    connection shows their grids' buildings only; the rows of others' would come back empty)."""
    clauses: list[str] = []
    if own_grids:
        clauses.append(
            "r.household_id IN (SELECT h.id FROM main.household h JOIN building b ON b.id = h.building_id)"
        )
    params: dict[str, Any] = {"now": now}
    if f.withdrawn_only:
        clauses.append("r.archived_at IS NOT NULL")
    elif not f.include_withdrawn:
        clauses.append("r.archived_at IS NULL")
    if f.statuses:
        marks = ",".join(f":status{i}" for i in range(len(f.statuses)))
        clauses.append(f"r.status IN ({marks})")
        params.update({f"status{i}": s for i, s in enumerate(f.statuses)})
    if f.categories:
        marks = ",".join(f":category{i}" for i in range(len(f.categories)))
        clauses.append(f"r.category IN ({marks})")
        params.update({f"category{i}": c for i, c in enumerate(f.categories)})
    if f.grid_id is not None:
        clauses.append(
            "r.household_id IN (SELECT h.id FROM household h JOIN building b ON b.id = h.building_id"
            " WHERE b.grid_id = :grid)"
        )
        params["grid"] = f.grid_id
    if f.member_id is not None:
        clauses.append("r.assignee_member_id = :member")
        params["member"] = f.member_id
    if f.department:
        clauses.append("r.assignee_department = :department")
        params["department"] = f.department
    if f.source:
        clauses.append("r.source = :source")
        params["source"] = f.source
    if f.household_id is not None:
        clauses.append("r.household_id = :household")
        params["household"] = f.household_id
    base = _parse(now)
    if f.older_than_days is not None:
        clauses.append("r.collected_at <= :older")
        params["older"] = _iso(base - timedelta(days=f.older_than_days))
    if f.newer_than_days is not None:
        clauses.append("r.collected_at >= :newer")
        params["newer"] = _iso(base - timedelta(days=f.newer_than_days))
    if f.overdue_only:
        clauses.append(f"r.status IN ({_OPEN}) AND r.archived_at IS NULL AND r.due_at < :now")
    if f.search.strip():
        clauses.append("(r.text LIKE :search ESCAPE '\\' OR r.hotline_ticket LIKE :search ESCAPE '\\')")
        params["search"] = f"%{_escape_like(f.search.strip())}%"
    return (" AND ".join(clauses) or "1"), params


# Overdue first (most overdue on top), then open ones by due time, then closed ones newest first.
_SECRETARY_ORDER = f"""
    ORDER BY (r.status IN ({_OPEN}) AND r.archived_at IS NULL AND r.due_at < :now) DESC,
        (r.status IN ({_OPEN}) AND r.archived_at IS NULL) DESC,
        CASE WHEN r.status IN ({_OPEN}) THEN r.due_at END,
        r.collected_at DESC, r.id DESC
"""


def request_ids(store: Store, f: RequestFilter = RequestFilter(), *, now: str | None = None) -> list[int]:
    """The ids of matching requests in the secretary's order (overdue on top)."""
    where, params = filter_sql(f, now or now_iso(), own_grids=_grids_only(store))
    # One row, not a row per request (`Store.ids`).
    return store.ids(f"SELECT r.id FROM request r WHERE {where} {_SECRETARY_ORDER}", params)


def _grids_only(store: Store) -> bool:
    session = store.session
    return session is not None and session.role == "grid_worker"


def count_requests(store: Store, f: RequestFilter = RequestFilter(), *, now: str | None = None) -> int:
    where, params = filter_sql(f, now or now_iso(), own_grids=_grids_only(store))
    return int(store.scalar(f"SELECT count(*) FROM request r WHERE {where}", params))


def overdue_requests(
    store: Store,
    *,
    within: Area | dict[str, int] | None = None,
    now: str | None = None,
    limit: int | None = None,
) -> list[RequestRow]:
    """Open requests past their due time, most overdue first (the secretary's and dashboard's list)."""
    now = now or now_iso()
    where, params = _within(within)
    params["now"] = now
    sql = (
        _ROW_SELECT
        + f" WHERE r.status IN ({_OPEN}) AND r.archived_at IS NULL AND r.due_at < :now {where}"
        + " ORDER BY r.due_at, r.id"
    )
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = int(limit)
    return [_row(r, now) for r in store.query(sql, params)]


def request_counts(
    store: Store,
    *,
    within: Area | dict[str, int] | None = None,
    since: str | date | None = None,
    now: str | None = None,
) -> RequestCounts:
    """Open and overdue now; received, by category and status, resolved (median hours) and rated since
    `since` (everything when None). `within`: {"community"|"grid"|"building": id}."""
    now = now or now_iso()
    where, params = _within(within)
    params["now"] = now
    params["since"] = str(since) if since is not None else ""
    joins = """
        FROM request r JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id
        JOIN grid g ON g.id = b.grid_id
    """
    base = f"{joins} WHERE r.archived_at IS NULL {where}"
    open_by_category: dict[str, int] = {}
    overdue = 0
    for row in store.query(
        f"SELECT r.category, count(*) AS n, sum(r.due_at < :now) AS late {base}"
        f" AND r.status IN ({_OPEN}) GROUP BY r.category",
        params,
    ):
        open_by_category[row["category"]] = row["n"]
        overdue += row["late"] or 0
    by_category: dict[str, int] = {}
    by_status: dict[str, int] = {}
    for row in store.query(
        f"SELECT r.category, r.status, count(*) AS n {base} AND r.collected_at >= :since"
        " GROUP BY r.category, r.status",
        params,
    ):
        by_category[row["category"]] = by_category.get(row["category"], 0) + row["n"]
        by_status[row["status"]] = by_status.get(row["status"], 0) + row["n"]
    resolved_where = f"{base} AND r.resolved_at IS NOT NULL AND r.resolved_at >= :since"
    resolved = int(store.scalar(f"SELECT count(*) {resolved_where}", params) or 0)
    median = None
    if resolved:
        hours = "(julianday(r.resolved_at) - julianday(r.collected_at)) * 24"
        middle = store.query(
            f"SELECT {hours} AS hours {resolved_where} ORDER BY hours LIMIT :take OFFSET :skip",
            {**params, "take": 2 - resolved % 2, "skip": (resolved - 1) // 2},
        )
        median = sum(r["hours"] for r in middle) / len(middle)
    rated_row = store.one_required(
        f"SELECT count(*) AS rated, sum(r.rating IN ('satisfied', 'basic')) AS good,"
        f" sum(r.rating = 'dissatisfied') AS bad {base} AND r.rating IS NOT NULL"
        " AND coalesce(r.followed_up_at, r.reopened_at) >= :since",
        params,
    )
    return RequestCounts(
        open=sum(open_by_category.values()),
        overdue=overdue,
        open_by_category=open_by_category,
        received=sum(by_category.values()),
        by_category=by_category,
        by_status=by_status,
        resolved=resolved,
        median_resolution_hours=median,
        rated=rated_row["rated"] or 0,
        satisfied=rated_row["good"] or 0,
        dissatisfied=rated_row["bad"] or 0,
    )


def todays_list(
    store: Store,
    day: date | str | None = None,
    *,
    within: Area | dict[str, int] | None = None,
    now: str | None = None,
) -> TodaysList:
    """日清日结 for one day: requests received that day, everything still open and due by the end of it
    (including overdue ones), and how many were closed (resolved) and followed up that day."""
    day = date.fromisoformat(day[:10]) if isinstance(day, str) else (day or date.today())
    now = now or now_iso()
    start, end = f"{day.isoformat()} 00:00:00", f"{(day + timedelta(days=1)).isoformat()} 00:00:00"
    where, params = _within(within)
    params.update({"start": start, "end": end})
    received = [
        _row(r, now)
        for r in store.query(
            _ROW_SELECT
            + f" WHERE r.archived_at IS NULL AND r.collected_at >= :start AND r.collected_at < :end"
            f" {where} ORDER BY r.collected_at, r.id",
            params,
        )
    ]
    due = [
        _row(r, now)
        for r in store.query(
            _ROW_SELECT + f" WHERE r.archived_at IS NULL AND r.status IN ({_OPEN}) AND r.due_at < :end"
            f" AND NOT (r.collected_at >= :start AND r.collected_at < :end) {where} ORDER BY r.due_at, r.id",
            params,
        )
    ]
    counts = store.one_required(
        f"""SELECT
            (SELECT count(*) FROM request_step s JOIN request r ON r.id = s.request_id
             JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id
             JOIN grid g ON g.id = b.grid_id
             WHERE s.step = 'resolved' AND s.at >= :start AND s.at < :end AND r.archived_at IS NULL {where})
                AS resolved,
            (SELECT count(*) FROM request_step s JOIN request r ON r.id = s.request_id
             JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id
             JOIN grid g ON g.id = b.grid_id
             WHERE s.step = 'followed_up' AND s.at >= :start AND s.at < :end AND r.archived_at IS NULL {where})
                AS followed""",
        params,
    )
    return TodaysList(
        day=day,
        received=received,
        due=due,
        closed_today=counts["resolved"] or 0,
        followed_up_today=counts["followed"] or 0,
        still_open_received=sum(1 for r in received if r.is_open),
    )


def _within(within: Area | dict[str, int] | None) -> tuple[str, dict[str, Any]]:
    return Area.of(within).and_sql()
