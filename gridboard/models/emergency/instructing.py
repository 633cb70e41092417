"""An emergency's instructions (一键响应) and each grid's feedback, kept offline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from gridboard.models import records
from gridboard.models.clock import when_or_now
from gridboard.models.emergency.declaring import Emergency, get_emergency, grids
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store

# -- instructions and feedback (一键响应, offline) ------------------------------------------------------------


@dataclass(frozen=True)
class Instruction:
    id: int
    text: str
    issued_at: str
    issued_by: str
    grids: int
    answered: int

    @property
    def unanswered(self) -> int:
        return self.grids - self.answered


@dataclass(frozen=True)
class Feedback:
    id: int
    instruction_id: int
    grid_id: int
    grid_name: str
    feedback: str
    answered_at: str | None
    answered_by: str


def issue_instruction(
    store: Store,
    *,
    emergency_id: int,
    text: str,
    grid_ids: list[int] | None = None,
    at: str | datetime | None = None,
) -> int:
    """Record an instruction to some grids (all of them when `grid_ids` is None), awaiting feedback."""
    records.require(bool(text.strip()), QT_TRANSLATE_NOOP("Errors", "An instruction needs some text."))
    emergency = get_emergency(store, emergency_id)
    records.require(emergency.active, QT_TRANSLATE_NOOP("Errors", "This emergency has already ended."))
    targets = (
        [g for g, _ in grids(store, emergency_id)] if grid_ids is None else list(dict.fromkeys(grid_ids))
    )
    records.require(bool(targets), QT_TRANSLATE_NOOP("Errors", "Choose at least one grid."))
    with store.atomic():
        instruction_id = records.insert(
            store,
            "emergency_instruction",
            {
                "emergency_id": emergency_id,
                "text": text.strip(),
                "issued_at": when_or_now(at),
                "issued_by": store.operator,
            },
        )
        for grid_id in targets:
            records.fetch(store, "grid", grid_id)
            records.insert(
                store,
                "emergency_feedback",
                {"instruction_id": instruction_id, "grid_id": grid_id},
                audit=False,
            )
    store.changes.note("emergency_instruction")
    return instruction_id


def record_feedback(
    store: Store, *, instruction_id: int, grid_id: int, feedback: str, at: str | datetime | None = None
) -> None:
    """A grid's answer to an instruction (brought back on paper or by phone); a later one replaces it."""
    records.require(bool(feedback.strip()), QT_TRANSLATE_NOOP("Errors", "Feedback needs some text."))
    row = store.one(
        "SELECT id FROM emergency_feedback WHERE instruction_id = ? AND grid_id = ?",
        [instruction_id, grid_id],
    )
    if row is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "This instruction was not sent to that grid."))
    with store.atomic():
        records.update(
            store,
            "emergency_feedback",
            row["id"],
            {
                "feedback": feedback.strip(),
                "answered_at": when_or_now(at),
                "answered_by": store.operator,
            },
            action="feedback",
        )
    store.changes.note("emergency_instruction", grid=grid_id)


def instructions(store: Store, emergency_id: int) -> list[Instruction]:
    rows = store.query(
        """
        SELECT i.id, i.text, i.issued_at, i.issued_by, count(f.id) AS grids,
            count(f.answered_at) AS answered
        FROM emergency_instruction i LEFT JOIN emergency_feedback f ON f.instruction_id = i.id
        WHERE i.emergency_id = ? AND i.withdrawn_at IS NULL
        GROUP BY i.id ORDER BY i.issued_at DESC, i.id DESC
        """,
        [emergency_id],
    )
    return [Instruction(**{k: r[k] for k in Instruction.__dataclass_fields__}) for r in rows]


def feedback_rows(store: Store, instruction_id: int) -> list[Feedback]:
    """Each grid's answer, the unanswered ones first."""
    rows = store.query(
        """
        SELECT f.id, f.instruction_id, f.grid_id, g.name AS grid_name, f.feedback, f.answered_at,
            f.answered_by
        FROM emergency_feedback f JOIN grid g ON g.id = f.grid_id
        WHERE f.instruction_id = ?
        ORDER BY f.answered_at IS NOT NULL, g.sort_order, g.id
        """,
        [instruction_id],
    )
    return [Feedback(**{k: r[k] for k in Feedback.__dataclass_fields__}) for r in rows]


def get_instruction(store: Store, instruction_id: int) -> Instruction:
    row = store.one_required(
        """SELECT i.id, i.text, i.issued_at, i.issued_by, count(f.id) AS grids, count(f.answered_at) AS answered
           FROM emergency_instruction i LEFT JOIN emergency_feedback f ON f.instruction_id = i.id
           WHERE i.id = ? GROUP BY i.id""",
        [instruction_id],
    )
    if row is None:
        records.fetch(store, "emergency_instruction", instruction_id)  # raises the usual "No ... with id"
    return Instruction(**{k: row[k] for k in Instruction.__dataclass_fields__})


def instruction_emergency(store: Store, instruction_id: int) -> Emergency:
    row = records.fetch(store, "emergency_instruction", instruction_id)
    return get_emergency(store, row["emergency_id"])
