"""Long work (import, printing, backup, demo data) in a worker thread with progress and cancel.

The work function gets a `progress(done, total, message="")` callback, which raises
`Cancelled` once the user has pressed Cancel. Work that touches the file opens its own Store in
the worker thread (an SQLite connection belongs to the thread that made it).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from gridboard.models.errors import Cancelled, KnownError, storage_error

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[..., None]


class _Worker(QObject, Generic[T]):
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self, work: Callable[[Progress], T]) -> None:
        super().__init__()
        self.work = work
        self.cancel_requested = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def report(self, done: int, total: int, message: str = "") -> None:
        if self.cancel_requested.is_set():
            raise Cancelled()
        self.progressed.emit(int(done), int(total), message)

    def run(self) -> None:
        try:
            self.result = self.work(self.report)
        except BaseException as error:  # noqa: BLE001 - handed back to the GUI thread to re-raise
            self.error = error
        finally:
            self.finished.emit()


class _Listener(QObject):
    """Lives in the GUI thread, so queued progress lands there (a plain function would run in the worker)."""

    def __init__(self, dialog: QProgressDialog, title: str) -> None:
        super().__init__()
        self.dialog = dialog
        self.title = title

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, message: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if message:
            self.dialog.setLabelText(f"{self.title}\n{message}")


def run_task(parent: QWidget | None, title: str, work: Callable[[Progress], T]) -> T | None:
    """Run `work` off the GUI thread behind a modal progress dialog; None when cancelled.

    Errors raised by `work` are re-raised here, in the GUI thread, so callers handle them as usual; a
    locked, full or read-only file (sqlite3 errors, OSError) comes back as a KnownError in plain words.
    Every task is written to the log with how long it took.
    """
    started = time.monotonic()
    log.info("task started: %s", title)
    dialog = QProgressDialog(title, QObject.tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("taskProgress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    worker: _Worker[T] = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    listener = _Listener(dialog, title)
    worker.progressed.connect(listener.show_progress, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.cancel_requested.set)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    seconds = time.monotonic() - started
    error = worker.error
    if isinstance(error, Cancelled):
        log.info("task cancelled after %.1f s: %s", seconds, title)
        return None
    if error is not None:
        known = storage_error(error) if isinstance(error, (sqlite3.Error, OSError)) else None
        if known is not None:
            log.warning("task failed after %.1f s: %s: %s", seconds, title, error)
            raise known from error
        if isinstance(error, KnownError):
            log.info("task refused after %.1f s: %s: %s", seconds, title, error)
        else:
            log.error("task failed after %.1f s: %s: %r", seconds, title, error)
        raise error
    log.info("task finished in %.1f s: %s", seconds, title)
    return worker.result
