"""Whistle and escalate (社区吹哨、部门报到): a request the community cannot solve goes to a unit or a
department, which must answer (报到) and resolve within time limits; overdue, it rises a level.

Levels: community (the community's whistle to a unit or department) → street (街道) → district
(区级部门). Each escalation is a row of its own referring to the request by id and uid; rising
closes one row (`risen_at`) and opens the next level's (`previous_id`, `by_rule`). The request's
own loop is kept by `gridboard.models.requests`: a hand-over to a collected or dispatched request is
a dispatch to the target (the request's history shows "dispatched to …"); one in progress gets an
"escalated" step. Answering starts the work, resolving resolves the request. A request resolved
any other way closes its escalation too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from gridboard.models import records, service
from gridboard.models import requests as rq
from gridboard.models.addresses import short_address
from gridboard.models.clock import now_iso, when_or_now
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.settings import get_setting, set_setting
from gridboard.models.store import Store
from gridboard.models.vocab import OPEN_REQUEST_STATUSES

LEVELS = ("community", "street", "district")
LEVEL_NAMES = {"community": "社区吹哨", "street": "街道", "district": "区级部门"}

# Hours to answer (报到) and to resolve, by level: the defaults an office changes in settings.
DEFAULT_LIMITS: dict[str, dict[str, int]] = {
    "community": {"answer": 24, "resolve": 72},
    "street": {"answer": 24, "resolve": 120},
    "district": {"answer": 48, "resolve": 168},
}
LIMITS_KEY = "escalation_time_limits"
# Who an escalation rises to when it is overdue.
DEFAULT_TARGETS = {"street": "街道办事处", "district": "区级职能部门"}
TARGETS_KEY = "escalation_targets"

STATES = ("waiting", "answered", "answer_overdue", "resolve_overdue", "resolved", "risen", "withdrawn")


@dataclass(frozen=True)
class Escalation:
    id: int
    request_id: int
    request_uid: str
    community_name: str
    grid_name: str
    address: str
    category: str
    text: str
    level: str
    unit_id: int | None
    target: str
    escalated_at: str
    answer_due_at: str
    resolve_due_at: str
    answered_at: str | None
    answer: str
    resolved_at: str | None
    risen_at: str | None
    by_rule: bool
    reason: str
    state: str

    @property
    def overdue(self) -> bool:
        return self.state in ("answer_overdue", "resolve_overdue")

    @property
    def open(self) -> bool:
        return self.state in ("waiting", "answered", "answer_overdue", "resolve_overdue")


def limits(store: Store) -> dict[str, dict[str, int]]:
    saved = get_setting(store, LIMITS_KEY) or {}
    return {level: {**DEFAULT_LIMITS[level], **saved.get(level, {})} for level in LEVELS}


def set_limits(store: Store, new: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    for level, pair in new.items():
        records.require(level in LEVELS, QT_TRANSLATE_NOOP("Errors", "Unknown level {value}."), value=level)
        for key, hours in pair.items():
            records.require(
                key in ("answer", "resolve") and isinstance(hours, int) and 1 <= hours <= 24 * 90,
                QT_TRANSLATE_NOOP("Errors", "A time limit is 1 to 2160 hours, not {value}."),
                value=hours,
            )
    merged = {level: {**limits(store)[level], **new.get(level, {})} for level in LEVELS}
    for _level, pair in merged.items():
        records.require(
            pair["answer"] <= pair["resolve"],
            QT_TRANSLATE_NOOP("Errors", "The time to answer cannot be longer than the time to resolve."),
        )
    return set_setting(store, LIMITS_KEY, merged)


def targets(store: Store) -> dict[str, str]:
    return {**DEFAULT_TARGETS, **(get_setting(store, TARGETS_KEY) or {})}


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat(sep=" ")


def _due(start: str, hours: int) -> str:
    return _iso(_parse(start) + timedelta(hours=hours))


def _after_last_step(store: Store, request_id: int, when: str) -> str:
    last = store.scalar("SELECT max(at) FROM request_step WHERE request_id = ?", [request_id])
    return max(when, last) if last else when


def _step(
    store: Store,
    request_id: int,
    step: str,
    at: str,
    *,
    department: str = "",
    due_at: str | None = None,
    note: str = "",
) -> None:
    records.insert(
        store,
        "request_step",
        {
            "request_id": request_id,
            "step": step,
            "at": at,
            "operator": store.operator,
            "note": note,
            "department": department,
            "due_at": due_at,
        },
        audit=False,
    )


def _hand_over(store: Store, request: dict[str, Any], target: str, at: str, due: str, note: str) -> None:
    """The request goes to `target`: a dispatch when its loop allows one, else an "escalated" step."""
    if request["status"] in rq.ALLOWED_FROM["dispatch"]:
        rq.dispatch_request(store, request["id"], department=target, due_at=due, note=note, at=at)
    else:
        records.update(
            store, "request", request["id"], {"assignee_department": target, "due_at": due}, action="escalate"
        )
        _step(store, request["id"], "escalated", at, department=target, due_at=due, note=note)


def _open_escalation(store: Store, request_id: int) -> Any:
    return store.one(
        "SELECT * FROM escalation WHERE request_id = ? AND resolved_at IS NULL AND risen_at IS NULL"
        " AND withdrawn_at IS NULL ORDER BY id DESC LIMIT 1",
        [request_id],
    )


def escalate_request(
    store: Store,
    request_id: int,
    *,
    unit_id: int | None = None,
    department: str = "",
    level: str = "community",
    reason: str = "",
    at: str | datetime | None = None,
) -> int:
    """Blow the whistle: hand an open request to a unit or a department, with the level's limits to
    answer and to resolve. A request with an open escalation is not escalated twice."""
    department = department.strip()
    records.require(level in LEVELS, QT_TRANSLATE_NOOP("Errors", "Unknown level {value}."), value=level)
    records.require(
        (unit_id is None) != (not department),
        QT_TRANSLATE_NOOP("Errors", "Escalate a request to one unit or to one department."),
    )
    request = records.fetch(store, "request", request_id)
    records.require(
        request["archived_at"] is None and request["status"] in OPEN_REQUEST_STATUSES,
        QT_TRANSLATE_NOOP("Errors", "Request {number} is not open; only open requests are escalated."),
        number=request_id,
    )
    records.require(
        _open_escalation(store, request_id) is None,
        QT_TRANSLATE_NOOP(
            "Errors", "Request {number} is already escalated; it rises by itself when overdue."
        ),
        number=request_id,
    )
    target = department
    if unit_id is not None:
        unit = records.fetch(store, "org_unit", unit_id)
        records.require(
            unit["archived_at"] is None,
            QT_TRANSLATE_NOOP("Errors", "{name} is no longer a paired unit."),
            name=unit["name"],
        )
        target = unit["name"]
    when = rq.step_time(at)
    rq._step_time(store, request, when)
    with store.atomic():
        escalation_id = _insert(
            store,
            request,
            level=level,
            unit_id=unit_id,
            department=department,
            at=when,
            reason=reason.strip(),
            previous_id=None,
            by_rule=False,
        )
        row = records.fetch(store, "escalation", escalation_id)
        note = f"{LEVEL_NAMES[level]}: {reason.strip()}" if reason.strip() else LEVEL_NAMES[level]
        _hand_over(store, request, target, when, row["resolve_due_at"], note)
    _note(store, request)
    return escalation_id


def _insert(
    store: Store,
    request: dict[str, Any],
    *,
    level: str,
    unit_id: int | None,
    department: str,
    at: str,
    reason: str,
    previous_id: int | None,
    by_rule: bool,
) -> int:
    limit = limits(store)[level]
    return records.insert(
        store,
        "escalation",
        {
            "request_id": request["id"],
            "request_uid": request["uid"],
            "level": level,
            "unit_id": unit_id,
            "department": department,
            "escalated_at": at,
            "answer_due_at": _due(at, limit["answer"]),
            "resolve_due_at": _due(at, limit["resolve"]),
            "reason": reason,
            "previous_id": previous_id,
            "by_rule": int(by_rule),
        },
    )


def answer_escalation(
    store: Store, escalation_id: int, *, answer: str, at: str | datetime | None = None
) -> None:
    """The unit or department reports (报到) and answers: it has the request and says what it will do."""
    answer = answer.strip()
    records.require(bool(answer), QT_TRANSLATE_NOOP("Errors", "Say what the unit answered."))
    row = _current(store, escalation_id)
    records.require(
        row["answered_at"] is None, QT_TRANSLATE_NOOP("Errors", "This escalation was already answered.")
    )
    request = records.fetch(store, "request", row["request_id"])
    when = when_or_now(at)
    with store.atomic():
        records.update(
            store, "escalation", escalation_id, {"answered_at": when, "answer": answer}, action="answer"
        )
        if request["status"] == "dispatched":
            rq.start_request(store, request["id"], note=answer, at=when)
        else:
            _step(
                store,
                request["id"],
                "answered",
                _after_last_step(store, request["id"], when),
                department=_target(store, row),
                note=answer,
            )
    _note(store, request)


def resolve_escalation(
    store: Store,
    escalation_id: int,
    *,
    resolution: str,
    member_id: int | None = None,
    hours: float = 0.0,
    at: str | datetime | None = None,
) -> None:
    """The unit resolved the request; the member who did it (if named) gets the service on their card."""
    row = _current(store, escalation_id)
    request = records.fetch(store, "request", row["request_id"])
    when = when_or_now(at)
    with store.atomic():
        if row["answered_at"] is None:
            records.update(
                store,
                "escalation",
                escalation_id,
                {"answered_at": when, "answer": resolution.strip()},
                action="answer",
            )
        if request["status"] == "dispatched":
            rq.start_request(store, request["id"], at=when)
        rq.resolve_request(store, request["id"], resolution=resolution, at=when)
        records.update(store, "escalation", escalation_id, {"resolved_at": when}, action="resolve")
        if member_id is not None:
            service.record_service(
                store,
                member_id=member_id,
                kind="request",
                request_id=request["id"],
                served_on=when[:10],
                hours=hours,
                note=resolution.strip(),
            )
    _note(store, request)


def withdraw_escalation(store: Store, escalation_id: int) -> None:
    row = _current(store, escalation_id)
    with store.atomic():
        records.update(store, "escalation", escalation_id, {"withdrawn_at": now_iso()}, action="withdraw")
    _note(store, records.fetch(store, "request", row["request_id"]))


def _current(store: Store, escalation_id: int) -> Any:
    row = records.fetch(store, "escalation", escalation_id)
    records.require(
        row["resolved_at"] is None and row["risen_at"] is None and row["withdrawn_at"] is None,
        QT_TRANSLATE_NOOP("Errors", "This escalation is closed (resolved, risen a level or withdrawn)."),
    )
    return row


def _target(store: Store, row: Any) -> str:
    if row["unit_id"] is not None:
        return str(store.scalar("SELECT name FROM org_unit WHERE id = ?", [row["unit_id"]]) or "")
    return str(row["department"])


def _lapse(row: Any) -> str | None:
    """When the escalation ran out of time: the answer limit if unanswered, else the resolve limit."""
    if row["answered_at"] is None or row["answered_at"] > row["answer_due_at"]:
        return min(row["answer_due_at"], row["resolve_due_at"])
    return row["resolve_due_at"]


def rise_overdue(store: Store, *, now: str | datetime | None = None) -> list[int]:
    """Escalations past their limit rise a level (community → street → district), as often as their
    limits have passed by `now`; escalations whose request was resolved are closed. Returns the ids of
    the new escalations."""
    moment = when_or_now(now)
    risen: list[int] = []
    row: Any  # a row read, then the escalation it rose to (a dict)
    with store.atomic():
        for row in store.query(
            "SELECT e.id, e.request_id, r.resolved_at, r.status, r.archived_at FROM escalation e"
            " JOIN request r ON r.id = e.request_id WHERE e.resolved_at IS NULL AND e.risen_at IS NULL"
            " AND e.withdrawn_at IS NULL AND (r.status NOT IN ('collected', 'dispatched', 'in_progress')"
            " OR r.archived_at IS NOT NULL)"
        ):
            values = {"resolved_at": row["resolved_at"]} if row["resolved_at"] else {"withdrawn_at": moment}
            records.update(store, "escalation", row["id"], values, action="close")
        candidates: list[Any] = store.query(
            "SELECT * FROM escalation WHERE resolved_at IS NULL AND risen_at IS NULL AND withdrawn_at IS NULL"
            " AND level != 'district' AND (resolve_due_at <= :now OR (answered_at IS NULL AND answer_due_at <= :now))"
            " ORDER BY id",
            {"now": moment},
        )
        for row in candidates:
            while row is not None and row["level"] != "district":
                lapse = _lapse(row)
                if lapse is None or lapse > moment:
                    break
                request = records.fetch(store, "request", row["request_id"])
                level = LEVELS[LEVELS.index(row["level"]) + 1]
                target = targets(store)[level]
                at = _after_last_step(store, request["id"], lapse)
                records.update(store, "escalation", row["id"], {"risen_at": at}, action="rise")
                new_id = _insert(
                    store,
                    request,
                    level=level,
                    unit_id=None,
                    department=target,
                    at=at,
                    reason=row["reason"],
                    previous_id=row["id"],
                    by_rule=True,
                )
                new = records.fetch(store, "escalation", new_id)
                _hand_over(
                    store,
                    request,
                    target,
                    at,
                    new["resolve_due_at"],
                    f"{LEVEL_NAMES[row['level']]} → {LEVEL_NAMES[level]}",
                )
                _note(store, request)
                risen.append(new_id)
                row = new
    if risen:
        store.changes.note("escalation")
    return risen


def _note(store: Store, request: dict[str, Any]) -> None:
    building = store.scalar("SELECT building_id FROM household WHERE id = ?", [request["household_id"]])
    store.changes.note(
        "escalation", request=request["id"], household=request["household_id"], building=building
    )
    store.changes.note("request")


def _state(r: Any, now: str) -> str:
    if r["withdrawn_at"] is not None:
        return "withdrawn"
    if r["resolved_at"] is not None or r["request_status"] in ("resolved", "followed_up"):
        return "resolved"
    if r["risen_at"] is not None:
        return "risen"
    if r["answered_at"] is None:
        return "answer_overdue" if r["answer_due_at"] <= now else "waiting"
    return "resolve_overdue" if r["resolve_due_at"] <= now else "answered"


_SELECT = """
    SELECT e.*, r.status AS request_status, r.category, r.text, c.name AS community_name,
        g.name AS grid_name, b.name AS building_name, b.kind AS building_kind, h.unit AS h_unit, h.room,
        coalesce(u.name, e.department) AS target
    FROM escalation e JOIN request r ON r.id = e.request_id
    JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id
    JOIN grid g ON g.id = b.grid_id JOIN community c ON c.id = g.community_id
    LEFT JOIN org_unit u ON u.id = e.unit_id
"""


def _row(r: Any, now: str) -> Escalation:
    return Escalation(
        id=r["id"],
        request_id=r["request_id"],
        request_uid=r["request_uid"],
        community_name=r["community_name"],
        grid_name=r["grid_name"],
        address=short_address(r["building_name"], r["building_kind"], r["h_unit"], r["room"]),
        category=r["category"],
        text=r["text"],
        level=r["level"],
        unit_id=r["unit_id"],
        target=r["target"],
        escalated_at=r["escalated_at"],
        answer_due_at=r["answer_due_at"],
        resolve_due_at=r["resolve_due_at"],
        answered_at=r["answered_at"],
        answer=r["answer"],
        resolved_at=r["resolved_at"],
        risen_at=r["risen_at"],
        by_rule=bool(r["by_rule"]),
        reason=r["reason"],
        state=_state(r, now),
    )


def escalations(
    store: Store,
    *,
    open_only: bool = True,
    overdue_only: bool = False,
    level: str | None = None,
    unit_id: int | None = None,
    community_id: int | None = None,
    now: str | None = None,
    limit: int = 2000,
) -> list[Escalation]:
    """The street office's list: escalated items (the current level of each), overdue first."""
    moment = now or now_iso()
    where: list[str] = ["e.withdrawn_at IS NULL"]
    params: dict[str, Any] = {"now": moment}
    if open_only or overdue_only:
        where.append(
            "e.resolved_at IS NULL AND e.risen_at IS NULL AND r.status IN ('collected', 'dispatched',"
            " 'in_progress') AND r.archived_at IS NULL"
        )
    if overdue_only:
        where.append("(e.resolve_due_at <= :now OR (e.answered_at IS NULL AND e.answer_due_at <= :now))")
    if level is not None:
        where.append("e.level = :level")
        params["level"] = level
    if unit_id is not None:
        where.append("e.unit_id = :unit")
        params["unit"] = unit_id
    if community_id is not None:
        where.append("c.id = :community")
        params["community"] = community_id
    rows = store.query(
        f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY"
        " (e.resolve_due_at <= :now OR (e.answered_at IS NULL AND e.answer_due_at <= :now)) DESC,"
        f" e.resolve_due_at, e.id LIMIT {int(limit)}",
        params,
    )
    return [_row(r, moment) for r in rows]


def request_escalations(store: Store, request_id: int, *, now: str | None = None) -> list[Escalation]:
    """Every hand-over of one request, oldest first."""
    moment = now or now_iso()
    return [
        _row(r, moment) for r in store.query(f"{_SELECT} WHERE e.request_id = ? ORDER BY e.id", [request_id])
    ]


def get_escalation(store: Store, escalation_id: int, *, now: str | None = None) -> Escalation:
    row = store.one(f"{_SELECT} WHERE e.id = ?", [escalation_id])
    if row is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table="escalation", id=escalation_id
        )
    return _row(row, now or now_iso())


def escalation_counts(store: Store, *, now: str | None = None) -> dict[str, int]:
    """Open and overdue escalations by level (for the status bar and the street office)."""
    moment = now or now_iso()
    counts = {f"{kind}_{level}": 0 for level in LEVELS for kind in ("open", "overdue")}
    for row in store.query(
        "SELECT e.level, count(*) AS open, sum(e.resolve_due_at <= :now OR (e.answered_at IS NULL"
        " AND e.answer_due_at <= :now)) AS overdue FROM escalation e JOIN request r ON r.id = e.request_id"
        " WHERE e.withdrawn_at IS NULL AND e.resolved_at IS NULL AND e.risen_at IS NULL AND r.archived_at IS NULL"
        " AND r.status IN ('collected', 'dispatched', 'in_progress') GROUP BY e.level",
        {"now": moment},
    ):
        counts[f"open_{row['level']}"] = row["open"]
        counts[f"overdue_{row['level']}"] = row["overdue"] or 0
    return counts


def open_requests(store: Store, *, limit: int = 500) -> list[tuple[int, str]]:
    """(id, label) of open requests with no open escalation, for the escalate dialog's picker."""
    rows = store.query(
        "SELECT r.id, r.category, r.text FROM request r WHERE r.archived_at IS NULL AND r.status IN"
        " ('collected', 'dispatched', 'in_progress') AND NOT EXISTS (SELECT 1 FROM escalation e WHERE"
        " e.request_id = r.id AND e.resolved_at IS NULL AND e.risen_at IS NULL AND e.withdrawn_at IS NULL)"
        " ORDER BY r.due_at, r.id LIMIT ?",
        [limit],
    )
    return [(r["id"], f"#{r['id']} {r['text'][:30]}") for r in rows]
