"""Office settings stored in the file (visit cycles, load limit, language...), and the visit cycles
in force (the office's, or an active emergency's own).

The cycles live here, not in `rules`, because changing a cycle setting moves the coverage tallies'
clock in the same transaction: `rules` reads these, and nothing here reads `rules`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from gridboard.models import records
from gridboard.models.clock import now_iso
from gridboard.models.clock import today as today_
from gridboard.models.defaults import DEFAULTS
from gridboard.models.store import Store
from gridboard.models.tallies import coverage as coverage_tally
from gridboard.models.vocab import Tier

__all__ = [
    "DEFAULTS",
    "Cycles",
    "active_emergency_row",
    "advance_tallies",
    "current_cycles",
    "get_setting",
    "set_setting",
]


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
            # The dashboard's tallies follow the new cycles.
            advance_tallies(store)
    store.changes.everything = True
    return previous


# -- the visit cycles in force ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cycles:
    """Visit cycle in days for each risk tier, and how near the due date counts as "due soon"."""

    high: int = DEFAULTS["cycle_high_days"]
    priority: int = DEFAULTS["cycle_priority_days"]
    normal: int = DEFAULTS["cycle_normal_days"]
    due_soon: int = DEFAULTS["due_soon_days"]
    emergency: bool = False

    def days(self, tier: int) -> int:
        return {Tier.HIGH: self.high, Tier.PRIORITY: self.priority}.get(Tier(tier), self.normal)

    def since(self, on: date) -> tuple[str, str, str]:
        """The first day a household must have been reached on to be in cycle on `on`, by tier
        (normal, priority, high), as YYYY-MM-DD."""
        normal, priority, high = (on - timedelta(days=d) for d in (self.normal, self.priority, self.high))
        return normal.isoformat(), priority.isoformat(), high.isoformat()


def active_emergency_row(store: Store, community_id: int | None = None) -> dict[str, Any] | None:
    """The emergency in force for a community (or the whole file), as a row; `emergency.active_emergency`
    is the same as a dataclass."""
    row = store.one(
        "SELECT * FROM emergency WHERE ended_at IS NULL"
        " AND (community_id IS NULL OR ? IS NULL OR community_id = ?)"
        " ORDER BY started_at DESC LIMIT 1",
        [community_id, community_id],
    )
    return None if row is None else dict(row)


def current_cycles(store: Store, community_id: int | None = None) -> Cycles:
    """The office's cycles; during an emergency its own cycles replace them."""
    emergency = active_emergency_row(store, community_id)
    due_soon = int(get_setting(store, "due_soon_days"))
    if emergency:
        days = int(emergency["cycle_priority_days"])
        return Cycles(
            high=days,
            priority=days,
            normal=int(emergency["cycle_other_days"]),
            due_soon=min(due_soon, days),
            emergency=True,
        )
    return Cycles(
        high=int(get_setting(store, "cycle_high_days")),
        priority=int(get_setting(store, "cycle_priority_days")),
        normal=int(get_setting(store, "cycle_normal_days")),
        due_soon=due_soon,
    )


def advance_tallies(store: Store, on: date | None = None) -> None:
    """Move the coverage tallies' clock to today's cycles and drop their rows left at zero, so reads
    have fewer days to catch up on and fewer rows to read. (Reads are right either way.) Writes
    nothing when the clock is current, so a second connection opening the file never waits."""
    wanted = current_cycles(store).since(on or today_())
    if coverage_tally.clock(store.db) == wanted:
        return
    with store.atomic():
        coverage_tally.advance(store.db, wanted)
        coverage_tally.sweep(store.db)
