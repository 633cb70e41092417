"""The coverage dashboard feature ("一屏知全域"): tiles, charts, the four lists, overdue priority households.

`DashboardFeature` adds the "dashboard" view (Ctrl+4) and File → Export dashboard report. The view
(and pyqtgraph, which its charts need) is built when first shown, not while the window opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication

from gridboard.ui.features import Feature, LazyView

if TYPE_CHECKING:
    from gridboard.ui.dashboard.view import DashboardView
    from gridboard.ui.main_window import MainWindow

__all__ = ["DashboardFeature"]


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
