"""What an action changed, so each view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    tables: set[str] = field(default_factory=set)
    households: set[int] = field(default_factory=set)
    buildings: set[int] = field(default_factory=set)
    grids: set[int] = field(default_factory=set)
    members: set[int] = field(default_factory=set)
    requests: set[int] = field(default_factory=set)
    # True when something changed that every view depends on (a file opened, settings, emergency).
    everything: bool = False

    def note(self, table: str, **ids: int | None) -> None:
        self.tables.add(table)
        for name, value in ids.items():
            if value is not None:
                getattr(self, name + "s").add(value)

    def merge(self, other: Changes) -> None:
        self.tables |= other.tables
        self.households |= other.households
        self.buildings |= other.buildings
        self.grids |= other.grids
        self.members |= other.members
        self.requests |= other.requests
        self.everything |= other.everything

    def __bool__(self) -> bool:
        return bool(self.tables) or self.everything
