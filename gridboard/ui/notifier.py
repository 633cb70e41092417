"""The one Qt adapter between model actions and views: runs an action, then says what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from gridboard.models.changes import Changes
from gridboard.models.store import Store

T = TypeVar("T")


class Notifier(QObject):
    """Views connect to `changed`; every user action goes through `perform` (or calls `flush`)."""

    changed = Signal(object)  # Changes

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def perform(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a model action with the store and announce its changes, even if it failed halfway."""
        try:
            return action(self.store, *args, **kwargs)
        finally:
            self.flush()

    def flush(self) -> Changes:
        changes = self.store.take_changes()
        if changes:
            self.changed.emit(changes)
        return changes

    def refresh_all(self) -> None:
        self.store.take_changes()
        self.changed.emit(Changes(everything=True))
