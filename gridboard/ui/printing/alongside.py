"""The print dialog's own connection to the window's file, for its workers.

Opening a second connection (the same operator, role and grids: `operators.open_alongside`) took
50–300 ms, which every preview and every PDF used to wait for. The dialog opens it in the background
when it opens, so a preview starts at once; one worker uses it at a time; it is closed (in the
background too) when the dialog closes. An in-memory file (tests) cannot be opened twice: the
window's own store is used.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from gridboard.models import operators
from gridboard.models.store import Store

log = logging.getLogger(__name__)


class AlongsideStore:
    def __init__(self, store: Store, warm: Callable[[], None] | None = None) -> None:
        self.window_store = store
        self._warm = warm
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._closed = False
        self._opened = threading.Event()
        self._started = False
        self._start_lock = threading.Lock()
        if store.path is None:
            self._store = store
            self._started = True
            self._opened.set()

    def start(self) -> None:
        """Open it in the background (once); `use` opens it if this was not called."""
        with self._start_lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._open, name="print-store", daemon=True).start()

    def _open(self) -> None:
        try:
            self._store = operators.open_alongside(self.window_store)
        except BaseException:  # noqa: BLE001 - `use` opens it again and says why
            self._store = None
        finally:
            self._opened.set()
        if self._warm is not None:
            try:
                self._warm()
            except Exception:  # noqa: BLE001 - only a head start: the printout itself says what is wrong
                log.exception("warming up for printing")

    @contextmanager
    def use(self) -> Iterator[Store]:
        """The connection, for one worker at a time (waits for it to be open)."""
        self.start()
        self._opened.wait()
        with self._lock:
            if self._closed:  # the dialog was closed, and is printing again: open it again
                self._closed = False
            store = self._store
            if store is not self.window_store:
                if store is None or operators.session_or_none(store) is not operators.session_or_none(
                    self.window_store
                ):
                    # Not opened (it failed), or the operator changed since: open it again here.
                    if store is not None:
                        store.close(checkpoint=False)
                    self._store = store = None
                    self._store = store = operators.open_alongside(self.window_store)
            yield store

    def close(self) -> None:
        """Close the connection once no worker uses it, without waiting for that here."""

        with self._start_lock:
            if not self._started:
                self._started = self._closed = True
                return

        def close() -> None:
            self._opened.wait()
            with self._lock:
                self._closed = True
                if self._store is not None and self._store is not self.window_store:
                    self._store.close(checkpoint=False)
                self._store = None

        if self.window_store.path is None:
            close()
        else:
            threading.Thread(target=close, name="print-store-close", daemon=True).start()
