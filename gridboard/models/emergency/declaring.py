"""Declaring and ending an emergency (战时状态): its kinds, the `Emergency` value, the one in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from gridboard.models import records, rules, settings
from gridboard.models.clock import today as today_
from gridboard.models.clock import when_or_now
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store

# Kinds of emergency (codes stored in the file) with their Chinese names.
EMERGENCY_KINDS = {
    "epidemic": "疫情防控",
    "blizzard": "暴雪",
    "power_cut": "停电",
    "flood": "洪涝",
    "heat": "高温",
    "other": "其他",
}


@dataclass(frozen=True)
class Emergency:
    id: int
    uid: str
    community_id: int | None
    name: str
    kind: str
    started_at: str
    ended_at: str | None
    declared_by: str
    cycle_priority_days: int
    cycle_other_days: int

    @property
    def active(self) -> bool:
        return self.ended_at is None

    @property
    def start_day(self) -> date:
        return date.fromisoformat(self.started_at[:10])


def emergency_of(row: Any) -> Emergency:
    return Emergency(**{f: row[f] for f in Emergency.__dataclass_fields__})


# -- declaring and ending ------------------------------------------------------------------------------


def declare_emergency(
    store: Store,
    *,
    name: str,
    kind: str = "other",
    started_at: str | datetime | None = None,
    declared_by: str | None = None,
    community_id: int | None = None,
    cycle_priority_days: int = 1,
    cycle_other_days: int = 3,
) -> int:
    """Put the community on an emergency footing; its cycles replace the normal ones at once."""
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "An emergency needs a name."))
    records.require(
        kind in EMERGENCY_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown kind of emergency {value}."), value=kind
    )
    records.require(
        1 <= cycle_priority_days <= cycle_other_days <= 30,
        QT_TRANSLATE_NOOP(
            "Errors",
            "Emergency cycles must be 1–30 days, priority households no less often than others.",
        ),
    )
    if settings.active_emergency_row(store, community_id) is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "An emergency is already in force; end it before declaring another.")
        )
    when = when_or_now(started_at)
    records.require(
        when[:10] <= today_().isoformat(),
        QT_TRANSLATE_NOOP("Errors", "An emergency cannot start in the future ({value})."),
        value=when,
    )
    if community_id is None:
        community_id = store.scalar("SELECT min(id) FROM community WHERE archived_at IS NULL")
    with store.atomic():
        emergency_id = records.insert(
            store,
            "emergency",
            {
                "community_id": community_id,
                "name": name.strip(),
                "kind": kind,
                "started_at": when,
                "declared_by": (declared_by or store.operator).strip(),
                "cycle_priority_days": cycle_priority_days,
                "cycle_other_days": cycle_other_days,
            },
        )
        # The dashboard's tallies follow the emergency's cycles (reads would catch up anyway).
        rules.advance_tallies(store)
    store.changes.note("emergency")
    store.changes.everything = True  # every household's status follows the new cycles
    return emergency_id


def end_emergency(store: Store, emergency_id: int, *, ended_at: str | datetime | None = None) -> None:
    """Back to normal cycles; everything recorded during the emergency is kept for the report."""
    current = get_emergency(store, emergency_id)
    records.require(current.active, QT_TRANSLATE_NOOP("Errors", "This emergency has already ended."))
    when = when_or_now(ended_at)
    records.require(
        when >= current.started_at,
        QT_TRANSLATE_NOOP("Errors", "An emergency cannot end before it started ({value})."),
        value=when,
    )
    with store.atomic():
        records.update(store, "emergency", emergency_id, {"ended_at": when}, action="end")
        rules.advance_tallies(store)
    store.changes.note("emergency")
    store.changes.everything = True


def get_emergency(store: Store, emergency_id: int) -> Emergency:
    return emergency_of(records.fetch(store, "emergency", emergency_id))


def active_emergency(store: Store, community_id: int | None = None) -> Emergency | None:
    row = settings.active_emergency_row(store, community_id)
    return None if row is None else emergency_of(row)


def list_emergencies(store: Store) -> list[Emergency]:
    return [emergency_of(r) for r in store.query("SELECT * FROM emergency ORDER BY started_at DESC, id DESC")]


def latest_emergency(store: Store) -> Emergency | None:
    """The one in force, else the most recently started (for the report after the end)."""
    emergencies = list_emergencies(store)
    active = [e for e in emergencies if e.active]
    return (active or emergencies or [None])[0]  # type: ignore[list-item]


def grids(store: Store, emergency_id: int) -> list[tuple[int, str]]:
    """The grids an emergency covers (its community's, or all), in their order."""
    emergency = get_emergency(store, emergency_id)
    return [
        (r["id"], r["name"])
        for r in store.query(
            "SELECT g.id, g.name FROM grid g WHERE g.archived_at IS NULL"
            " AND (? IS NULL OR g.community_id = ?) ORDER BY g.sort_order, g.id",
            [emergency.community_id, emergency.community_id],
        )
    ]
