"""Roll call "reached, needs help": what help, recorded with the result, and raised as a request at once."""

from __future__ import annotations

from gridboard.models import emergency as em
from gridboard.models import records, requests
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.store import Store
from gridboard.models.vocab import REQUEST_CATEGORIES, REQUEST_URGENCIES


def record_needs_help(
    store: Store,
    *,
    emergency_id: int,
    household_id: int,
    help_needed: str,
    method: str = "phone",
    member_id: int | None = None,
    request_category: str | None = None,
    request_urgency: str = "urgent",
) -> tuple[int, int | None]:
    """The roll-call result "needs help" with what help (its note), and when a category is given a
    request for it in the same transaction: (roll-call id, request id or None)."""
    text = help_needed.strip()
    records.require(bool(text), QT_TRANSLATE_NOOP("Errors", "Say what help the household needs."))
    if request_category is not None:
        records.require(
            request_category in REQUEST_CATEGORIES and request_urgency in REQUEST_URGENCIES,
            QT_TRANSLATE_NOOP("Errors", "Choose the request's category and urgency."),
        )
    with store.atomic():
        rollcall_id = em.record_rollcall(
            store,
            emergency_id=emergency_id,
            household_id=household_id,
            state="reached_needs_help",
            method=method,
            member_id=member_id,
            note=text,
        )
        request_id = None
        if request_category is not None:
            visit_id = store.scalar("SELECT visit_id FROM rollcall WHERE id = ?", [rollcall_id])
            request_id = requests.raise_request(
                store,
                household_id=household_id,
                category=request_category,
                text=text,
                urgency=request_urgency,
                source="visit" if method == "in_person" else "phone",
                visit_id=visit_id,
            )
    return rollcall_id, request_id
