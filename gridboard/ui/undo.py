"""Undo for every edit made in the session: one QUndoCommand per user action, calling model functions.

    done = undoable(window, tr("Pair a member"),
                    lambda store: pairing.pair_households(store, member_id=m, household_ids=ids),
                    lambda store, created: pairing.retract_pairings(store, created))

runs the action once through the notifier (a KnownError is shown and nothing is pushed), then
pushes a command on `window.undo_stack`; undo calls `undo(store, result)`, redo runs `do` again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from gridboard.models.errors import KnownError
from gridboard.models.store import Store
from gridboard.ui import ask

T = TypeVar("T")
_NOT_YET = object()


class ActionCommand(QUndoCommand):
    """Runs `do(store)` on redo and `undo(store, result)` on undo, both through the notifier."""

    def __init__(
        self,
        notifier: Any,
        text: str,
        do: Callable[[Store], T],
        undo: Callable[[Store, T], None],
        *,
        done: Any = _NOT_YET,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self.notifier = notifier
        self.do = do
        self.undo_fn = undo
        self.result = done
        self.parent_widget = parent_widget
        self._skip_first = done is not _NOT_YET

    def redo(self) -> None:
        if self._skip_first:
            self._skip_first = False
            return
        try:
            self.result = self.notifier.perform(self.do)
        except KnownError as error:
            self.setObsolete(True)
            ask.show_error(self.parent_widget, error)

    def undo(self) -> None:
        try:
            self.notifier.perform(self.undo_fn, self.result)
        except KnownError as error:
            self.setObsolete(True)
            ask.show_error(self.parent_widget, error)


def undoable(
    window: Any,
    text: str,
    do: Callable[[Store], T],
    undo: Callable[[Store, T], None],
    *,
    parent: QWidget | None = None,
) -> T | None:
    """Do it now; if it worked, make it undoable. Returns the action's result (None when refused,
    so actions that return nothing should return True)."""
    parent = parent or window
    try:
        result = window.notifier.perform(do)
    except KnownError as error:
        ask.show_error(parent, error)
        return None
    window.undo_stack.push(ActionCommand(window.notifier, text, do, undo, done=result, parent_widget=window))
    return result


def edit_row(window: Any, text: str, table: str, row_id: int, values: dict[str, Any]) -> bool:
    """Edit a ledger row (ledger.update_row / update_household_checked), undoably."""
    from gridboard.models import ledger

    def do(store: Store) -> dict[str, Any]:
        if table == "household":
            return ledger.update_household_checked(store, row_id, **values)
        return ledger.update_row(store, table, row_id, **values)

    def back(store: Store, old: dict[str, Any]) -> None:
        if table == "household":
            ledger.update_household(store, row_id, **old)
        else:
            ledger.update_row(store, table, row_id, **old)

    return undoable(window, text, do, back) is not None
