"""Work that runs beside the window without a dialog (the day's backup): a thread, and a signal when done."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class Background(QObject):
    """Runs one job at a time in a thread of its own; `finished(error or None)` arrives in the GUI thread.

    The job must not touch the window's Store connection (SQLite connections belong to their thread):
    the backup opens the file through a connection of its own.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, work: Callable[[], Any]) -> bool:
        if self.running:
            return False

        def run() -> None:
            outcome: BaseException | None = None
            try:
                work()
            except BaseException as error:  # noqa: BLE001 - handed to the GUI thread, which reports it
                outcome = error
            try:
                self.finished.emit(outcome)
            except RuntimeError:
                pass  # the window (and this object) closed while the work ran: nobody is left to tell

        self._thread = threading.Thread(target=run, name="gridboard-background", daemon=True)
        self._thread.start()
        return True

    def wait(self, seconds: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(seconds)
