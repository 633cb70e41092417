"""The office settings' values when the office has set none (a leaf: imports nothing from gridboard)."""

from __future__ import annotations

from typing import Any

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
