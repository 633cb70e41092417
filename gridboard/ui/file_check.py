"""The whole-file check of a big file, run after its window is up; the file stays read only until it passes."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

from PySide6.QtCore import QObject, Signal

from gridboard.models.errors import QT_TRANSLATE_NOOP, Cancelled, DamagedFile, KnownError, storage_error
from gridboard.models.opening import finish_opening
from gridboard.models.store import Store, check_failed, check_file

log = logging.getLogger(__name__)


class FileCheck(QObject):
    """Runs `store.check_file` in a thread of its own (its own connection). When it passes, the Store
    becomes writable (`finish_opening`) and `passed` is emitted; when it finds damage, the Store stays
    read only for good (`check_failed`) and `failed(error)` is emitted. `cancel()` stops it."""

    passed = Signal()
    failed = Signal(object)  # KnownError
    _finished = Signal(object)  # from the thread: None or the error

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.done = False
        self.error: KnownError | None = None
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = 0.0
        self._finished.connect(self._done)

    def start(self) -> None:
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="file-check", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop the check (the window closes or another file opens); the Store stays as it is."""
        self._cancel.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and not self.done

    def _progress(self, _done: int, _total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def _run(self) -> None:
        path = self.store.path
        try:
            check_file(path, self._progress)
        except Cancelled:
            return
        except KnownError as error:
            self._finished.emit(error)
        except (sqlite3.Error, OSError) as error:
            self._finished.emit(
                storage_error(error, path)
                or DamagedFile(
                    QT_TRANSLATE_NOOP("Errors", "{path} is damaged ({error})."),
                    path=str(path),
                    error=str(error),
                )
            )
        else:
            self._finished.emit(None)

    def _done(self, error: KnownError | None) -> None:
        self._thread = None
        if self._cancel.is_set():
            return
        seconds = time.monotonic() - self._started
        if error is None:
            try:
                finish_opening(self.store)
            except KnownError as trouble:
                error = trouble
        self.done = True
        if error is None:
            log.info("file check passed in %.1f s: %s is writable", seconds, self.store.path)
            self.passed.emit()
            return
        log.warning("file check failed after %.1f s: %s", seconds, error)
        self.error = error
        check_failed(self.store, str(error.params.get("error", "")) or str(error))
        self.failed.emit(error)
