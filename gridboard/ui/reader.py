"""Reads off the GUI thread (dashboard figures, the members list), on the worker's own connection.

One Python thread owns one read connection (an SQLite connection belongs to the thread that made
it). Requests coalesce: while a computation runs, only the newest waiting request is kept, and a
result is delivered only if no newer request was made meanwhile. An in-memory store (no path) is
computed in the GUI thread, as it cannot be opened twice.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from gridboard.models import dashboard, operators
from gridboard.models.store import Store

Job = Callable[[Store], Any]


class ReadWorker(QObject):
    """`request(job)` runs `job(store)` in the worker; `finished(seq, result)` / `failed(seq, error)`."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, store: Store, parent: QObject | None = None, *, name: str = "reader") -> None:
        super().__init__(parent)
        self.store = store
        self.name = name
        self.seq = 0
        self._jobs: queue.Queue[tuple[int, Job] | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def request(self, job: Job) -> int:
        self.seq += 1
        if self.store.path is None:
            try:
                result = job(self.store)
            except Exception as error:  # noqa: BLE001 - reported through `failed` like the threaded path
                self.failed.emit(self.seq, error)
            else:
                self.finished.emit(self.seq, result)
            return self.seq
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        self._jobs.put((self.seq, job))
        return self.seq

    def shutdown(self) -> None:
        """Stop the thread (it closes its connection); waits for a running computation to end."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        store: Store | None = None
        try:
            while True:
                item = self._jobs.get()
                # Skip to the newest request; a stop request wins.
                while item is not None and not self._jobs.empty():
                    item = self._jobs.get()
                if item is None:
                    return
                seq, job = item
                try:
                    if store is None:
                        # The same operator, role and grid views as the window's own connection.
                        store = operators.open_alongside(self.store)
                        # Reads only: a big page cache and memory-mapped pages for city-sized files.
                        dashboard.tune_for_reads(store)
                    result = job(store)
                except Exception as error:  # noqa: BLE001 - handed to the GUI thread
                    if seq == self.seq:
                        self.failed.emit(seq, error)
                else:
                    if seq == self.seq:
                        self.finished.emit(seq, result)
        finally:
            if store is not None:
                store.close(checkpoint=False)
