"""pyqtgraph, which the dashboard's charts need, imported in a thread behind the window.

Its import takes a second or more (it copies Qt's namespaces); done in the GUI thread at the
dashboard's first showing it froze the window that long. The thread only imports (defines classes);
every chart is still made in the GUI thread, once `ready()`.
"""

from __future__ import annotations

import logging
import sys
import threading

log = logging.getLogger(__name__)

CHARTS = "gridboard.ui.dashboard.charts"
_done = threading.Event()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def start() -> None:
    """Begin importing the charts' module in the background (once; a no-op when it is loaded)."""
    global _thread
    with _lock:
        if _thread is not None or _done.is_set():
            return
        if CHARTS in sys.modules:
            _done.set()
            return
        _thread = threading.Thread(target=_load, name="import pyqtgraph", daemon=True)
        _thread.start()


def ready() -> bool:
    """The charts' module may be imported in the GUI thread without waiting."""
    return _done.is_set()


def _load() -> None:
    try:
        __import__(CHARTS)
    except Exception:  # noqa: BLE001 - the GUI thread's own import raises it again, where it is shown
        log.exception("importing the dashboard's charts failed")
    finally:
        _done.set()
