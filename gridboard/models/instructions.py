"""Instructions in normal times (平时信息直达、应急一键响应): the community or street issues a work
instruction to grids, Party branches or units; each target acknowledges (收到) and reports back;
feedback past the instruction's time to answer is listed as overdue.

The same tables as the emergency desk's instructions (`emergency_instruction`, `emergency_feedback`,
widened by m015): an instruction issued during an emergency carries its `emergency_id` and the desk
shows it; one issued in normal times has none. `emergency.issue_instruction`/`record_feedback` keep
serving the desk; this module adds the other targets, the acknowledgement and the time limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from gridboard.models import records
from gridboard.models.clock import now_iso, when_or_now
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.store import Store


@dataclass(frozen=True)
class NoticeRow:
    id: int
    text: str
    issued_at: str
    issued_by: str
    due_at: str | None
    emergency_id: int | None
    targets: int
    acknowledged: int
    answered: int
    overdue: int


@dataclass(frozen=True)
class Target:
    id: int
    instruction_id: int
    kind: str  # grid, unit or branch
    name: str
    acknowledged_at: str | None
    answered_at: str | None
    answered_by: str
    feedback: str
    overdue: bool


def issue(
    store: Store,
    *,
    text: str,
    community_id: int | None = None,
    grid_ids: Sequence[int] = (),
    unit_ids: Sequence[int] = (),
    branches: Sequence[str] = (),
    answer_within_hours: int | None = 24,
    emergency_id: int | None = None,
    at: str | datetime | None = None,
) -> int:
    """Send an instruction to grids, units and/or branches, to be acknowledged and answered within
    `answer_within_hours` (None: no limit)."""
    text = text.strip()
    records.require(bool(text), QT_TRANSLATE_NOOP("Errors", "An instruction needs some text."))
    grid_ids, unit_ids = list(dict.fromkeys(grid_ids)), list(dict.fromkeys(unit_ids))
    branches = list(dict.fromkeys(b.strip() for b in branches if b.strip()))
    records.require(
        bool(grid_ids or unit_ids or branches),
        QT_TRANSLATE_NOOP("Errors", "Choose at least one grid, unit or branch."),
    )
    records.require(
        answer_within_hours is None or 1 <= answer_within_hours <= 24 * 90,
        QT_TRANSLATE_NOOP("Errors", "A time limit is 1 to 2160 hours, not {value}."),
        value=answer_within_hours,
    )
    when = when_or_now(at)
    due = None
    if answer_within_hours is not None:
        due = (datetime.fromisoformat(when) + timedelta(hours=answer_within_hours)).isoformat(sep=" ")
    with store.atomic():
        instruction_id = records.insert(
            store,
            "emergency_instruction",
            {
                "emergency_id": emergency_id,
                "community_id": community_id,
                "text": text,
                "issued_at": when,
                "issued_by": store.operator,
                "due_at": due,
            },
        )
        for grid_id in grid_ids:
            records.fetch(store, "grid", grid_id)
            records.insert(
                store,
                "emergency_feedback",
                {"instruction_id": instruction_id, "grid_id": grid_id},
                audit=False,
            )
        for unit_id in unit_ids:
            records.fetch(store, "org_unit", unit_id)
            records.insert(
                store,
                "emergency_feedback",
                {"instruction_id": instruction_id, "unit_id": unit_id},
                audit=False,
            )
        for branch in branches:
            records.insert(
                store, "emergency_feedback", {"instruction_id": instruction_id, "branch": branch}, audit=False
            )
    store.changes.note("emergency_instruction")
    return instruction_id


def acknowledge(store: Store, target_id: int, *, at: str | datetime | None = None) -> None:
    """The target has received the instruction (收到)."""
    row = records.fetch(store, "emergency_feedback", target_id)
    if row["acknowledged_at"] is not None:
        return
    with store.atomic():
        records.update(
            store, "emergency_feedback", target_id, {"acknowledged_at": when_or_now(at)}, action="acknowledge"
        )
    store.changes.note("emergency_instruction", grid=row["grid_id"])


def answer(store: Store, target_id: int, *, feedback: str, at: str | datetime | None = None) -> None:
    """The target's report back; acknowledges it too. A later one replaces it."""
    feedback = feedback.strip()
    records.require(bool(feedback), QT_TRANSLATE_NOOP("Errors", "Feedback needs some text."))
    row = records.fetch(store, "emergency_feedback", target_id)
    when = when_or_now(at)
    with store.atomic():
        records.update(
            store,
            "emergency_feedback",
            target_id,
            {
                "feedback": feedback,
                "answered_at": when,
                "answered_by": store.operator,
                "acknowledged_at": row["acknowledged_at"] or when,
            },
            action="feedback",
        )
    store.changes.note("emergency_instruction", grid=row["grid_id"])


def withdraw(store: Store, instruction_id: int) -> None:
    with store.atomic():
        records.update(
            store, "emergency_instruction", instruction_id, {"withdrawn_at": now_iso()}, action="withdraw"
        )
    store.changes.note("emergency_instruction")


def notices(
    store: Store, *, community_id: int | None = None, normal_times_only: bool = False, now: str | None = None
) -> list[NoticeRow]:
    """Instructions, newest first, with how many targets acknowledged, answered and are overdue."""
    moment = now or now_iso()
    where: list[str] = ["i.withdrawn_at IS NULL"]
    params: dict[str, Any] = {"now": moment}
    if normal_times_only:
        where.append("i.emergency_id IS NULL")
    if community_id is not None:
        where.append("(i.community_id IS NULL OR i.community_id = :community)")
        params["community"] = community_id
    rows = store.query(
        f"""SELECT i.id, i.text, i.issued_at, i.issued_by, i.due_at, i.emergency_id, count(f.id) AS targets,
            count(f.acknowledged_at) AS acknowledged, count(f.answered_at) AS answered,
            sum(f.answered_at IS NULL AND i.due_at IS NOT NULL AND i.due_at <= :now) AS overdue
        FROM emergency_instruction i LEFT JOIN emergency_feedback f ON f.instruction_id = i.id
        WHERE {" AND ".join(where)} GROUP BY i.id ORDER BY i.issued_at DESC, i.id DESC""",
        params,
    )
    return [NoticeRow(**{**dict(r), "overdue": r["overdue"] or 0}) for r in rows]


_TARGET_SELECT = """
    SELECT f.id, f.instruction_id, f.acknowledged_at, f.answered_at, f.answered_by, f.feedback,
        CASE WHEN f.grid_id IS NOT NULL THEN 'grid' WHEN f.unit_id IS NOT NULL THEN 'unit' ELSE 'branch' END AS kind,
        coalesce(g.name, u.name, f.branch) AS name,
        f.answered_at IS NULL AND i.due_at IS NOT NULL AND i.due_at <= :now AS overdue
    FROM emergency_feedback f JOIN emergency_instruction i ON i.id = f.instruction_id
    LEFT JOIN grid g ON g.id = f.grid_id LEFT JOIN org_unit u ON u.id = f.unit_id
"""


def _target(r: Any) -> Target:
    return Target(**{**dict(r), "overdue": bool(r["overdue"])})


def targets(store: Store, instruction_id: int, *, now: str | None = None) -> list[Target]:
    """Each target's acknowledgement and feedback, the unanswered first."""
    rows = store.query(
        f"{_TARGET_SELECT} WHERE f.instruction_id = :id ORDER BY f.answered_at IS NOT NULL, kind, name",
        {"id": instruction_id, "now": now or now_iso()},
    )
    return [_target(r) for r in rows]


def overdue_feedback(store: Store, *, now: str | None = None) -> list[Target]:
    """Targets that have not reported back by the instruction's time (the list to chase)."""
    rows = store.query(
        f"{_TARGET_SELECT} WHERE i.withdrawn_at IS NULL AND f.answered_at IS NULL AND i.due_at IS NOT NULL"
        " AND i.due_at <= :now ORDER BY i.due_at, f.id",
        {"now": now or now_iso()},
    )
    return [_target(r) for r in rows]


def branch_choices(store: Store) -> list[str]:
    """The Party branches members are in (grid branches, units' branches), for the target picker."""
    return [
        r[0]
        for r in store.query(
            "SELECT DISTINCT branch FROM member WHERE branch != '' AND archived_at IS NULL ORDER BY branch LIMIT 500"
        )
    ]
