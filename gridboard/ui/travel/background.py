"""Work that runs beside the window without a dialog (the day's backup): a thread, and a signal when done."""

from __future__ import annotations

import ctypes
import os
import platform
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

# Linux's ioprio_set (no wrapper in Python): best effort, lowest of its 8 levels, for one thread.
_IOPRIO_SET = {"x86_64": 251, "aarch64": 30, "i686": 289, "i386": 289}
_IOPRIO_WHO_PROCESS = 1
_IOPRIO_BEST_EFFORT_LOWEST = (2 << 13) | 7
# Not 19: a thread that low loses the CPU while it holds Python's GIL, and the window's thread waits
# for it (the city file's backup under load, bench 2026-12-02: a 5 ms heartbeat's longest gap 227-347 ms
# at nice 19, 80-96 ms at nice 10, 132 ms at 0; the dashboard shown meanwhile 1.59x slower at nice 0).
LOW_NICE = 10


def lower_this_threads_priority() -> bool:
    """The calling thread yields the CPU and the disk to the window's (and the office's other work):
    on Linux the thread's nice value and I/O priority, on Windows its background mode (both lower
    CPU and I/O priority). The backup then takes longer on a busy PC, never the window. True when done."""
    try:
        if sys.platform == "win32":
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            thread_mode_background_begin = 0x00010000
            return bool(kernel32.SetThreadPriority(kernel32.GetCurrentThread(), thread_mode_background_begin))
        if sys.platform.startswith("linux"):
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, LOW_NICE)  # a Linux thread is a task of its own
            number = _IOPRIO_SET.get(platform.machine())
            if number is not None:
                libc = ctypes.CDLL(None, use_errno=True)
                libc.syscall(number, _IOPRIO_WHO_PROCESS, tid, _IOPRIO_BEST_EFFORT_LOWEST)
            return True
    except (OSError, AttributeError, ValueError):  # pragma: no cover - a platform that says no
        return False
    return False


class Background(QObject):
    """Runs one job at a time in a thread of its own, at low CPU and I/O priority;
    `finished(error or None)` arrives in the GUI thread.

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
            lower_this_threads_priority()
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
