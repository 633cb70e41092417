"""The coverage dashboard feature ("一屏知全域"): tiles, charts, the four lists, overdue priority households.

`DashboardFeature` adds the "dashboard" view (Ctrl+4) and File → Export dashboard report. The view
is built when first shown, not while the window opens; pyqtgraph, which its charts need, is imported
in a thread soon after the window is up (`preload`), and the charts are made one at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QTimer

from gridboard.ui.features import Feature, LazyView

if TYPE_CHECKING:
    from gridboard.ui.dashboard.view import DashboardView
    from gridboard.ui.main_window import MainWindow

__all__ = ["DashboardFeature"]

# pyqtgraph is imported behind the window this long after it is made: not while the first view paints.
PRELOAD_DELAY_MS = 1500


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
        from gridboard.ui.dashboard import preload

        QTimer.singleShot(PRELOAD_DELAY_MS, preload.start)
