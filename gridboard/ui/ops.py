"""The one way the UI runs a user action (Anki's CollectionOp): run it, show its trouble, push its undo, say what changed.

    visit_id = ops.run(window, tr("Log a visit"), visits.log_visit, household_id=h, parent=self)
    if visit_id is ops.FAILED: ...            # the trouble was shown in plain words; nothing changed

    ops.Op(window, tr("Import"), lambda store, progress: write_plan(store, plan, progress)) \
        .on(self).success(show_report).run_in_background(tr("Importing…"))

The action runs through `models.undo.run`, so it comes back with its `Step` (the rows it touched, as
they were and as it left it): that step, and only that, goes on `window.undo_stack`; undo and redo put
back the same rows with the same ids and uids. Expected trouble (a `KnownError`, or a locked, full or
read-only file, which the notifier turns into one) is shown once, here, on the widget given with
`parent=`/`.on()`; anything else is a bug and goes on to the crash dialog. Long work
(`run_in_background`) runs on its own connection in a worker thread behind `tasks.run_task`'s
progress dialog, and its step is undone on the window's connection like any other.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QWidget

from gridboard.models import operators, undo
from gridboard.models.errors import KnownError
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.ui import ask
from gridboard.ui.notifier import Notifier
from gridboard.ui.tasks import run_task

log = logging.getLogger(__name__)

T = TypeVar("T")

# A step this big is undone on a connection of its own behind a progress dialog (an import).
_BIG_STEP = 5000


class Host(Protocol):
    """What an operation needs of the main window."""

    store: Store
    notifier: Notifier
    undo_stack: QUndoStack


class Failed:
    """What `run` returns when the action was refused or cancelled (its trouble already shown)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "ops.FAILED"


FAILED = Failed()


class Op(Generic[T]):
    """One user action on the window's file: `action(store)` (or `action(store, progress)` in the
    background), one undo step named `text`."""

    def __init__(self, window: Host, text: str, action: Callable[..., T]) -> None:
        self.window = window
        self.text = text
        self.action = action
        self.parent: QWidget | None = None
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[KnownError], Any] | None = None

    def on(self, parent: QWidget | None) -> Op[T]:
        """Show its trouble on `parent` (a dialog that stays open), not on the window."""
        self.parent = parent
        return self

    def success(self, fn: Callable[[T], Any]) -> Op[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[KnownError], Any]) -> Op[T]:
        """Called after the trouble was shown (the file is as it was)."""
        self._failure = fn
        return self

    def run(self) -> T | Failed:
        """Now, in the GUI thread, on the window's connection."""
        try:
            done = self.window.notifier.perform(undo.run, self.text, self.action)
        except KnownError as error:
            return self._refused(error)
        return self._done(done)

    def run_in_background(self, title: str) -> T | Failed:
        """In a worker thread on a connection of its own (SQLite connections belong to their thread),
        behind a progress dialog with Cancel; the action gets `(store, progress)`. Waits for it."""
        store = self.window.store
        if store.path is None:  # an in-memory file: nothing to reopen, so here
            action = self.action
            self.action = lambda own: action(own, lambda *_args, **_kwargs: None)
            return self.run()
        text, action = self.text, self.action
        try:
            done = on_own_store(
                self.parent or _widget(self.window),
                title,
                store,
                lambda own, progress: undo.run(own, text, action, progress),
            )
        except KnownError as error:
            return self._refused(error)
        if done is None:  # cancelled: the transaction rolled back
            return FAILED
        self.window.store.changes.merge(done.changes)
        self.window.notifier.flush()
        return self._done(done)

    def _refused(self, error: KnownError) -> Failed:
        ask.show_error(self.parent or _widget(self.window), error)
        if self._failure is not None:
            self._failure(error)
        return FAILED

    def _done(self, done: undo.Done[T]) -> T:
        stack = getattr(self.window, "undo_stack", None)  # a test's stand-in window may have none
        if done.step is not None and stack is not None:
            stack.push(StepCommand(self.window, done.step))
        if self._success is not None:
            self._success(done.result)
        return done.result


def run(
    window: Host,
    text: str,
    action: Callable[..., T],
    /,
    *args: Any,
    parent: QWidget | None = None,
    **kwargs: Any,
) -> T | Failed:
    """`action(store, *args, **kwargs)` as one undoable step; its result, or FAILED (trouble shown)."""
    if args or kwargs:
        bound = action

        def action(store: Store) -> T:
            return bound(store, *args, **kwargs)

        action.__name__ = getattr(bound, "__name__", "action")
    return Op(window, text, action).on(parent).run()


class StepCommand(QUndoCommand):
    """An undo step of the model's (`models.undo.Step`) on the window's undo stack.

    A big step is undone or redone behind a progress dialog whose Cancel really cancels: the work
    rolls back (the file stays as it was) and the stack is put back where it was, so the step can be
    undone (or redone) again later."""

    def __init__(self, window: Host, step: undo.Step) -> None:
        super().__init__(step.text)
        self.window = window
        self.step = step
        self._done_already = True  # push() calls redo(): the action has just run
        self._undone_already = False  # a cancelled redo: the stack steps back over it, nothing to do

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._apply(self.step.redo)

    def undo(self) -> None:
        if self._undone_already:
            self._undone_already = False
            return
        self._apply(self.step.undo)

    def _apply(self, change: Callable[[Store], object]) -> None:
        try:
            if self.step.size > _BIG_STEP and self.window.store.path is not None:
                self._in_background(change)
            else:
                self.window.notifier.perform(change)
        except KnownError as error:
            log.info("undo step refused: %s: %s", self.step.text, error)
            self.setObsolete(True)  # the stack drops it: its rows are not as it left them
            ask.show_error(_widget(self.window), error)

    def _in_background(self, change: Callable[[Store], object]) -> None:
        method = change.__name__  # "undo" or "redo", run on the worker's own connection
        step = self.step
        if method == "undo":
            title = QCoreApplication.translate("Undo", "Taking back “{text}”…").format(text=step.text)
        else:
            title = QCoreApplication.translate("Undo", "Doing “{text}” again…").format(text=step.text)
        changes = on_own_store(
            _widget(self.window),
            title,
            self.window.store,
            lambda own, progress: getattr(step, method)(own, progress),
        )
        if changes is None:
            self._cancelled(method)
            return
        self.window.store.changes.merge(changes)
        self.window.notifier.flush()

    def _cancelled(self, method: str) -> None:
        """Cancel was pressed: nothing changed, so the stack goes back to where it was (the stack moves
        its index after this returns; stepping back is done once it has, over a command that then
        does nothing)."""
        stack = getattr(self.window, "undo_stack", None)
        if method == "undo":
            self._done_already = True
            text = QCoreApplication.translate("Undo", "Undo cancelled: “{text}” was not taken back.")
        else:
            self._undone_already = True
            text = QCoreApplication.translate("Undo", "Redo cancelled: “{text}” was not done again.")
        log.info("%s cancelled: %s", method, self.step.text)
        if stack is not None:
            QTimer.singleShot(0, stack.redo if method == "undo" else stack.undo)
        widget = _widget(self.window)
        if isinstance(widget, QMainWindow):
            widget.statusBar().showMessage(text.format(text=self.step.text), 10_000)


def on_own_store(
    parent: QWidget | None,
    title: str,
    store: Store,
    work: Callable[[Store, Callable[..., None]], T],
    *,
    adopt: bool = True,
    allow_read_only: bool = False,
) -> T | None:
    """`work(own_store, progress)` in a worker thread on a Store of its own, behind run_task's progress
    dialog and Cancel (None when cancelled; errors re-raised here, storage trouble as a KnownError).

    SQLite connections belong to their thread: the worker opens the same file itself, signed in as the
    same operator with the same role and grids (`adopt`). An in-memory file (nothing to reopen) is
    worked on here, in the GUI thread.
    """
    if store.path is None:
        return work(store, lambda *_args, **_kwargs: None)
    path, operator, session = store.path, store.operator, store.session

    def task(progress: Callable[..., None]) -> T:
        own = open_store(path, check="none", operator=operator, allow_read_only=allow_read_only)
        try:
            if adopt:
                operators.adopt(own, session)
            return work(own, progress)
        finally:
            own.close()

    return run_task(parent, title, task)


def host(obj: Any) -> Host:
    """The main window `obj` (a widget inside it, or its notifier) belongs to."""
    found = obj
    while found is not None:
        if all(hasattr(found, name) for name in ("store", "notifier", "undo_stack")):
            return found
        found = found.parent()
    raise LookupError(f"{obj!r} is not inside a main window")


def _widget(window: Host) -> QWidget | None:
    return window if isinstance(window, QWidget) else None
