"""Long work (import, printing, backup, demo data) in a worker thread with progress and cancel.

The work function gets a `progress(done, total, message="")` callback, which raises
`Cancelled` once the user has pressed Cancel. Work that touches the file opens its own Store in
the worker thread (an SQLite connection belongs to the thread that made it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from gridboard.models.errors import Cancelled

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

    Errors raised by `work` are re-raised here, in the GUI thread, so callers handle them as usual.
    """
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
    if isinstance(worker.error, Cancelled):
        return None
    if worker.error is not None:
        raise worker.error
    return worker.result
