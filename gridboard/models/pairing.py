"""Who covers whom: member–household pairings and floor/unit/building scopes, with history kept."""

from __future__ import annotations

from datetime import date

from gridboard.models import records
from gridboard.models.clock import today
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store
from gridboard.models.vocab import PAIRING_MODES

# SQL condition: household `h` is covered by an active pairing or scope (households added to a
# scope's building/unit/floor later are covered without any new row).
COVERED_SQL = """(
    EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = h.id AND p.ended_on IS NULL)
    OR EXISTS (SELECT 1 FROM scope s WHERE s.building_id = h.building_id AND s.ended_on IS NULL
               AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor))
)"""

# SQL: the households (id) a member covers now, by pairing or scope; bind :member twice.
MEMBER_HOUSEHOLDS_SQL = """
    SELECT p.household_id AS id FROM pairing p WHERE p.member_id = :member AND p.ended_on IS NULL
    UNION
    SELECT h.id FROM scope s JOIN household h ON h.building_id = s.building_id
        AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
    WHERE s.member_id = :member AND s.ended_on IS NULL AND h.archived_at IS NULL
"""


def pair_member(
    store: Store,
    *,
    member_id: int,
    household_id: int,
    mode: str = "1+1",
    started_on: date | None = None,
    reason: str = "",
) -> int:
    records.require(
        mode in PAIRING_MODES, QT_TRANSLATE_NOOP("Errors", "Unknown pairing mode {mode}."), mode=mode
    )
    active = store.scalar(
        "SELECT id FROM pairing WHERE member_id = ? AND household_id = ? AND ended_on IS NULL",
        [member_id, household_id],
    )
    if active:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "This member is already paired with this household."))
    household = records.fetch(store, "household", household_id)
    with store.atomic():
        pairing_id = records.insert(
            store,
            "pairing",
            {
                "member_id": member_id,
                "household_id": household_id,
                "mode": mode,
                "started_on": (started_on or today()).isoformat(),
                "reason": reason,
            },
        )
    store.changes.note("pairing", household=household_id, member=member_id, building=household["building_id"])
    return pairing_id


def end_pairing(store: Store, pairing_id: int, *, reason: str = "", ended_on: date | None = None) -> None:
    """End a pairing; the row stays as history."""
    pairing = records.fetch(store, "pairing", pairing_id)
    records.require(
        pairing["ended_on"] is None, QT_TRANSLATE_NOOP("Errors", "This pairing has already ended.")
    )
    household = records.fetch(store, "household", pairing["household_id"])
    with store.atomic():
        records.update(
            store,
            "pairing",
            pairing_id,
            {"ended_on": (ended_on or today()).isoformat(), "end_reason": reason},
            action="end",
        )
    store.changes.note(
        "pairing",
        household=pairing["household_id"],
        member=pairing["member_id"],
        building=household["building_id"],
    )


def add_scope(
    store: Store,
    *,
    member_id: int,
    building_id: int,
    unit: int | None = None,
    floor: int | None = None,
    started_on: date | None = None,
    reason: str = "",
) -> int:
    """包楼栋 (unit and floor None), 包单元 (unit set) or 包楼层 (floor set, unit optional)."""
    with store.atomic():
        scope_id = records.insert(
            store,
            "scope",
            {
                "member_id": member_id,
                "building_id": building_id,
                "unit": unit,
                "floor": floor,
                "started_on": (started_on or today()).isoformat(),
                "reason": reason,
            },
        )
    store.changes.note("scope", member=member_id, building=building_id)
    return scope_id


def end_scope(store: Store, scope_id: int, *, reason: str = "", ended_on: date | None = None) -> None:
    scope = records.fetch(store, "scope", scope_id)
    records.require(scope["ended_on"] is None, QT_TRANSLATE_NOOP("Errors", "This scope has already ended."))
    with store.atomic():
        records.update(
            store,
            "scope",
            scope_id,
            {"ended_on": (ended_on or today()).isoformat(), "end_reason": reason},
            action="end",
        )
    store.changes.note("scope", member=scope["member_id"], building=scope["building_id"])


def member_household_ids(store: Store, member_id: int) -> list[int]:
    return [r[0] for r in store.execute(MEMBER_HOUSEHOLDS_SQL, {"member": member_id}).fetchall()]


def household_member_ids(store: Store, household_id: int) -> list[int]:
    """Members covering a household now: paired ones first, then those with a scope over it."""
    rows = store.execute(
        """
        SELECT p.member_id FROM pairing p WHERE p.household_id = :h AND p.ended_on IS NULL
        UNION ALL
        SELECT s.member_id FROM scope s JOIN household h ON h.id = :h
        WHERE s.building_id = h.building_id AND s.ended_on IS NULL
          AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
        """,
        {"h": household_id},
    ).fetchall()
    seen: list[int] = []
    for (member_id,) in rows:
        if member_id not in seen:
            seen.append(member_id)
    return seen
