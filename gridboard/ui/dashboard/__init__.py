"""The coverage dashboard feature ("一屏知全域"): tiles, charts, the four lists, overdue priority households.

`DashboardFeature` adds the "dashboard" view (Ctrl+4) and File → Export dashboard report. The view
is not built while the window opens: pyqtgraph, which its charts need, is imported in a thread as the
window is made (`preload`, started by `AppController.open_path` once the operator has signed in; else
soon after the window is up), then
the view is built behind the board, a part per turn of the event loop (each well under 100 ms), and
its figures counted in its worker. Ctrl+4 then only shows it. Asked for sooner, it is built the same
way behind "preparing" below its filters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QTimer

from gridboard.ui.features import Feature, LazyView

if TYPE_CHECKING:
    from gridboard.ui.dashboard.view import DashboardView
    from gridboard.ui.main_window import MainWindow

__all__ = ["DashboardFeature"]

# If the opening did not import pyqtgraph (a window made directly), it is imported this long after the
# window is made: not while the first view paints.
PRELOAD_DELAY_MS = 1500
WARM_POLL_MS = 200  # then how often to look whether the import is done, to build the view behind


class DashboardFeature:
    needs: ClassVar[tuple[type[Feature], ...]] = ()

    def __init__(self, window: MainWindow) -> None:
        def build() -> DashboardView:
            from gridboard.ui.dashboard.view import DashboardView

            return DashboardView(window)

        self.view: LazyView[DashboardView] = LazyView(
            window, "dashboard", QCoreApplication.translate("Dashboard", "Dashboard"), build, "Ctrl+4"
        )
        window.add_action(
            "file",
            "actionDashboardReport",
            QCoreApplication.translate("Dashboard", "Export dashboard &report (PDF)…"),
            lambda: self.view.show().export_pdf(),
        )
        self._window_closed = False
        window.closed.connect(self._closed)
        self._warming = QTimer(window)
        self._warming.setInterval(WARM_POLL_MS)
        self._warming.timeout.connect(self._warm)
        QTimer.singleShot(PRELOAD_DELAY_MS, window, self._start_warming)

    def _closed(self) -> None:
        self._window_closed = True
        self._warming.stop()

    def _start_warming(self) -> None:
        from gridboard.ui.dashboard import preload

        if self._window_closed:
            return
        preload.start()
        self._warming.start()

    def _warm(self) -> None:
        """Build the view behind the window once pyqtgraph is imported (the first Ctrl+4 then only shows it)."""
        from gridboard.ui.dashboard import preload

        if self._window_closed or self.view.built() is not None:
            self._warming.stop()
        elif preload.ready():
            self._warming.stop()
            self.view.get()
