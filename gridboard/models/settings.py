"""Office settings stored in the file (visit cycles, load limit, language...)."""

from __future__ import annotations

import json
from typing import Any

from gridboard.models import records
from gridboard.models.clock import now_iso
from gridboard.models.store import Store

DEFAULTS: dict[str, Any] = {
    # Visit cycles in days, by risk tier (vocab.Tier).
    "cycle_high_days": 7,
    "cycle_priority_days": 30,
    "cycle_normal_days": 90,
    "due_soon_days": 3,
    # The most households one member should carry before the office is warned.
    "member_load_limit": 30,
    # The window locks after this many idle minutes and asks for the PIN again (0: never).
    "lock_after_minutes": 10,
}


def get_setting(store: Store, key: str) -> Any:
    value = store.scalar("SELECT value FROM setting WHERE key = ?", [key])
    if value is None:
        return DEFAULTS.get(key)
    return json.loads(value)


def set_setting(store: Store, key: str, value: Any) -> Any:
    """Store a setting; returns the previous value (for undo)."""
    previous = get_setting(store, key)
    encoded = json.dumps(value, ensure_ascii=False)
    with store.atomic():
        row = store.one("SELECT id FROM setting WHERE key = ?", [key])
        if row is None:
            records.insert(store, "setting", {"key": key, "value": encoded})
        else:
            store.execute(
                "UPDATE setting SET value = ?, updated_at = ? WHERE id = ?", [encoded, now_iso(), row["id"]]
            )
            records.log(store, "update", "setting", key, {"value": previous}, {"value": value})
        if key.startswith("cycle_"):
            # Imported here: rules reads settings. The dashboard's tallies follow the new cycles.
            from gridboard.models.rules import advance_tallies

            advance_tallies(store)
    store.changes.everything = True
    return previous
