"""Reads off the GUI thread (dashboard figures, the members list), on the worker's own connection.

One Python thread owns one read connection (an SQLite connection belongs to the thread that made
it). Requests coalesce: while a computation runs, only the newest waiting request is kept, and a
result is delivered only if no newer request was made meanwhile. An in-memory store (no path) is
computed in the GUI thread, as it cannot be opened twice.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from gridboard.models import dashboard, operators
from gridboard.models.store import Store

Job = Callable[[Store], Any]
_WARM = -1  # the sequence number of `warm`'s item: never the newest request
# Views open their readers' connections this long after they are made (the window has opened).
WARM_AFTER_MS = 1500
SHUTDOWN_LOOK_S = 0.01  # a reader shutting down interrupts its connection's statements this often

log = logging.getLogger(__name__)


class ReadWorker(QObject):
    """`request(job)` runs `job(store)` in the worker; `finished(seq, result)` / `failed(seq, error)`."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, store: Store, parent: QObject | None = None, *, name: str = "reader") -> None:
        super().__init__(parent)
        self.store = store
        self.name = name
        self.seq = 0
        self._jobs: queue.Queue[tuple[int, Job | None] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stopped = False  # shut down: `warm` and `request` start nothing again
        self._reading: Store | None = None  # the worker's connection while it is open
        self._reading_lock = threading.Lock()  # held to interrupt it, and to close it

    def request(self, job: Job) -> int:
        self.seq += 1
        if self._stopped:
            return self.seq  # the window closed: nothing is read or delivered any more
        if self.store.path is None:
            try:
                result = job(self.store)
            except Exception as error:  # noqa: BLE001 - reported through `failed` like the threaded path
                self.failed.emit(self.seq, error)
            else:
                self.finished.emit(self.seq, result)
            return self.seq
        self._start()
        self._jobs.put((self.seq, job))
        return self.seq

    def warm(self) -> None:
        """Open the worker's connection now, in its thread (at an idle moment after the window has
        opened), so that its first reading does not wait for it. Nothing is delivered."""
        if self.store.path is None or self.store.closed or self._stopped or self._thread is not None:
            return
        self._start()
        self._jobs.put((_WARM, None))

    def shutdown(self) -> None:
        """Stop the thread (it closes its connection). A running query is interrupted, so closing the
        window or switching files does not wait for a city's count to end; its result is dropped."""
        self._stopped = True
        if self._thread is not None:
            self._jobs.put(None)
            # Interrupted until it ends: a job of many statements starts another after the first.
            while self._thread.is_alive():
                with self._reading_lock:
                    if self._reading is not None:
                        self._reading.conn.interrupt()  # safe from another thread (sqlite3_interrupt)
                self._thread.join(SHUTDOWN_LOOK_S)
            self._thread = None

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

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
                        with self._reading_lock:
                            self._reading = store
                    if job is None:
                        continue  # warmed: the connection is open
                    result = job(store)
                except Exception as error:  # noqa: BLE001 - handed to the GUI thread
                    if job is None:
                        log.info("a reader's connection could not be opened ahead: %s", error)
                        store = None  # the first reading opens it and says why not
                    elif seq == self.seq and not self._stopped:
                        self.failed.emit(seq, error)
                else:
                    if seq == self.seq and not self._stopped:
                        self.finished.emit(seq, result)
        finally:
            with self._reading_lock:
                self._reading = None
                if store is not None:
                    store.close(checkpoint=False)
