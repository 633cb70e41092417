"""The one Qt adapter between model actions and views: runs an action, then says what changed."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from gridboard.models.changes import Changes
from gridboard.models.errors import ReadOnlyFile, storage_error
from gridboard.models.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")


class Notifier(QObject):
    """Views connect to `changed`; every user action goes through `perform` (or calls `flush`)."""

    changed = Signal(object)  # Changes

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def perform(self, action: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a model action with the store and announce its changes, even if it failed halfway.

        A locked, full, read-only or vanished file (sqlite3 errors, OSError) comes back as a KnownError
        in plain words, like any other expected trouble: callers show it and keep their dialog open, so
        nothing typed is lost. Anything else is a bug and goes on to the crash dialog.
        """
        try:
            return action(self.store, *args, **kwargs)
        except (sqlite3.Error, OSError) as error:
            known = storage_error(error, self.store.path)
            read_only = self.store.read_only
            if (
                isinstance(known, ReadOnlyFile)
                and read_only is not None
                and read_only.reason in ("checking", "damaged")
            ):
                known = read_only.error(self.store.path)  # why: its check is still running, or found damage
            if known is None:
                raise
            log.warning("%s failed: %s", getattr(action, "__name__", action), error)
            raise known from error
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
