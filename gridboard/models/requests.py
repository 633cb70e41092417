"""Residents' requests (诉求): raising them, and counting the open ones per household.

The full lifecycle (dispatch, progress, resolve, follow-up, ratings, time limits) builds on this.
"""

from __future__ import annotations

from gridboard.models import records
from gridboard.models.clock import now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.store import Store
from gridboard.models.vocab import (
    OPEN_REQUEST_STATUSES,
    REQUEST_CATEGORIES,
    REQUEST_SOURCES,
    REQUEST_URGENCIES,
)

_OPEN = ",".join(f"'{s}'" for s in OPEN_REQUEST_STATUSES)


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
) -> int:
    """Record a new request as collected (the first step of the loop)."""
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
    household = records.fetch(store, "household", household_id)
    when = at or now_iso()
    with store.atomic():
        request_id = records.insert(
            store,
            "request",
            {
                "household_id": household_id,
                "visit_id": visit_id,
                "category": category,
                "text": text,
                "urgency": urgency,
                "source": source,
                "hotline_ticket": hotline_ticket,
                "status": "collected",
                "collected_at": when,
            },
        )
        records.insert(
            store,
            "request_step",
            {"request_id": request_id, "step": "collected", "at": when, "operator": store.operator},
            audit=False,
        )
    store.changes.note(
        "request", request=request_id, household=household_id, building=household["building_id"]
    )
    return request_id


def open_request_counts(store: Store, household_ids: list[int] | None = None) -> dict[int, int]:
    """Open requests per household (only households that have some)."""
    sql = f"SELECT household_id, count(*) FROM request WHERE status IN ({_OPEN}) AND archived_at IS NULL"
    params: list[int] = []
    if household_ids is not None:
        sql += f" AND household_id IN ({','.join('?' for _ in household_ids)})"
        params = list(household_ids)
    return dict(store.execute(sql + " GROUP BY household_id", params).fetchall())
