"""Less kept: residents who moved out more than N years ago are removed for good (preview first).

The one exception to "nothing with history is deleted": personal information kept longer than it is
needed is itself a risk (PIPL). Their rows and tags go; the audit trail keeps that they existed, with
their values blanked, and one `purge` entry says who purged how many, and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gridboard.models import operators, records
from gridboard.models.addresses import short_address_sql
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.masking import mask_text
from gridboard.models.store import Store


@dataclass(frozen=True)
class PurgeCandidate:
    id: int
    name: str  # masked as any list shows it
    moved_out_at: str
    address: str


def _cutoff(years: int, today: date | None) -> str:
    today = today or date.today()
    try:
        return today.replace(year=today.year - years).isoformat()
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28).isoformat()


def purge_preview(store: Store, *, years: int, today: date | None = None) -> list[PurgeCandidate]:
    """Who would be removed: moved out before today minus `years` years."""
    records.require(
        years >= 1, QT_TRANSLATE_NOOP("Errors", "Keep residents at least one year after they move out.")
    )
    rows = store.query(
        f"SELECT r.id, r.name, r.moved_out_at, {short_address_sql('b', 'h')} AS address"
        " FROM main.resident r JOIN main.household h ON h.id = r.household_id JOIN main.building b ON b.id = h.building_id"
        " WHERE r.moved_out_at IS NOT NULL AND r.moved_out_at < ? ORDER BY r.moved_out_at, r.id",
        [_cutoff(years, today)],
    )
    return [PurgeCandidate(r["id"], mask_text(r["name"]), r["moved_out_at"][:10], r["address"]) for r in rows]


def purge_moved_out(store: Store, *, years: int, reason: str, today: date | None = None) -> int:
    """Remove them (administrators only); returns how many."""
    operators.require(store, "purge")
    reason = (reason or "").strip()
    records.require(bool(reason), QT_TRANSLATE_NOOP("Errors", "Say why these residents are purged."))
    candidates = purge_preview(store, years=years, today=today)
    ids = [c.id for c in candidates]
    with store.atomic():
        uids = [
            r[0]
            for r in store.execute(
                "SELECT uid FROM main.resident WHERE id IN (SELECT value FROM json_each(?))", [_json(ids)]
            ).fetchall()
        ]
        store.execute(
            "DELETE FROM main.resident_tag WHERE resident_id IN (SELECT value FROM json_each(?))",
            [_json(ids)],
        )
        store.execute("DELETE FROM main.resident WHERE id IN (SELECT value FROM json_each(?))", [_json(ids)])
        # The trail keeps that something happened to them, not what they were.
        store.execute(
            "UPDATE main.audit_log SET old = NULL, new = '{\"purged\": true}'"
            " WHERE table_name = 'resident' AND row_uid IN (SELECT value FROM json_each(?))",
            [_json(uids)],
        )
        records.log(
            store,
            "purge",
            "resident",
            None,
            None,
            {"rows": len(ids), "moved_out_before": _cutoff(years, today), "years": years, "reason": reason},
        )
    store.changes.note("resident")
    store.changes.everything = True
    return len(ids)


def _json(values: list) -> str:
    import json

    return json.dumps(values)
