"""The dashboard screen: filters, headline tiles, charts, the four lists and overdue priority households."""

from __future__ import annotations

import errno
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import dashboard, outputs
from gridboard.models.changes import Changes
from gridboard.models.communities import CommunityRow
from gridboard.models.errors import KnownError
from gridboard.ui import ask, labels
from gridboard.ui.dashboard import preload
from gridboard.ui.dashboard.communities import CommunitiesBox
from gridboard.ui.dashboard.overdue import OverdueModel
from gridboard.ui.dashboard.worker import Beside, DashboardWorker, beside_job, compute_job
from gridboard.ui.tables import size_columns

if TYPE_CHECKING:
    from gridboard.ui.dashboard.charts import Chart

# Tables whose changes can move a figure on the dashboard.
WATCHED = {
    "visit",
    "request",
    "request_item",
    "supply_delivery",
    "pairing",
    "scope",
    "household",
    "resident",
    "resident_tag",
    "grid",
    "building",
    "member",
    "community",
    "tag",
    "emergency",
    "rollcall",
}
AREA_TABLES = {"grid", "community"}
# The charts in the order they are made (one per turn of the event loop, each well under 100 ms):
# key -> (class in charts.py, object name).
CHARTS = {
    "grids": ("GridCoverageChart", "dashGridChart"),
    "visits": ("VisitsChart", "dashVisitsChart"),
    "members": ("MemberLoadChart", "dashMemberChart"),
    "requests": ("RequestsByCategoryChart", "dashRequestsChart"),
    "ages": ("RequestAgeChart", "dashAgeChart"),
    "resolution": ("ResolutionTrendChart", "dashTrendChart"),
}
CHART_KEYS = tuple(CHARTS)
LIST_KINDS = ("population", "requests", "supplies", "groups")
BEHIND_REFRESH_MS = 200  # behind another view: this long after the last change, the figures are counted again
STEP_S = 0.03  # showing new figures: this long at most per turn of the event loop
RESIZED_REHEARSAL_MS = 300  # the window resized with the dashboard behind: drawn again this long after
SIZED_ROWS = 60  # a list's columns are sized from this many rows (a city lists 615 grids)


def percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.1f}%"


def duration(hours: float | None) -> str:
    if hours is None:
        return "—"
    if hours < 48:
        return QCoreApplication.translate("Dashboard", "{n} h").format(n=f"{hours:.1f}")
    return QCoreApplication.translate("Dashboard", "{n} days").format(n=f"{hours / 24:.1f}")


class Tile(QFrame):
    """One headline figure: a caption, a big number and a line of detail."""

    def __init__(self, key: str, caption: str, *, alert: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        background, border, color = (
            ("#fdecea", "#e05a4f", "#b3261e") if alert else ("#f7f8fa", "#d5d9e0", "#1f2d3d")
        )
        self.setStyleSheet(
            f"QFrame#tile_{key} {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.caption = QLabel(caption, self)
        self.caption.setStyleSheet("color: #555;")
        self.value = QLabel("…", self)
        self.value.setObjectName(f"tileValue_{key}")
        size = 26 if alert else 20
        self.value.setStyleSheet(f"font-size: {size}pt; font-weight: bold; color: {color};")
        self.detail = QLabel("", self)
        self.detail.setStyleSheet("color: #666;")
        for label in (self.caption, self.value, self.detail):
            layout.addWidget(label)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class DashboardView(QWidget):
    """一屏知全域: one screen for the whole area, refreshed by itself when something is saved."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("view_dashboard")
        self.window_ = window
        self.store = window.store
        self.data: dashboard.Dashboard | None = None
        self._charted: dict[str, Any] = {}  # what each chart shows now
        self._steps: list[Callable[[], None]] = []  # what is left of putting the newest figures on screen
        self._stepping = False
        self._drew = False  # this turn made a chart or gave one new figures
        self._rehearsed = False  # laid out and drawn once behind another view (`_rehearse_steps`)
        self._rehearsal: list[Callable[[], None]] = []
        self._watching_size = False  # the view's parent's resizes are watched
        self._resized_timer = QTimer(self)
        self._resized_timer.setSingleShot(True)
        self._resized_timer.setInterval(RESIZED_REHEARSAL_MS)
        self._resized_timer.timeout.connect(self._after_resize)
        self.list_keys: dict[str, list[tuple[Any, str]]] = {}
        self.list_tables: dict[str, QTableWidget] = {}
        self._filled: dict[str, tuple[list[str], list[list[Any]]]] = {}
        self.list_notes: dict[str, QLabel] = {}
        self.names_buttons: dict[str, QPushButton] = {}
        self._dirty = True
        self._pending: int | None = None
        self.worker = DashboardWorker(self.store, self, name="dashboard")
        self.worker.finished.connect(self._computed)
        self.worker.failed.connect(self._failed)
        # The communities compared and the points ranking are read on a connection of their own,
        # beside the figures.
        self.comparing = DashboardWorker(self.store, self, name="dashboard-beside")
        self.comparing.finished.connect(self._compared)
        self.comparing.failed.connect(self._compare_failed)
        self.community_rows: list[CommunityRow] | None = None
        self.points: dashboard.PointsRanking | None = None
        self._comparing: int | None = None
        self._compare_error: KnownError | None = None  # the communities compared could not be read
        self._figures_error: KnownError | None = None  # nor the figures
        # Changes in one turn of the event loop make one refresh; the workers keep only the newest
        # request waiting, so no longer delay is needed to gather a burst.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        # Behind another view the figures are brought up to date too, once the changes pause: the
        # next showing is then only a showing.
        self._behind_timer = QTimer(self)
        self._behind_timer.setSingleShot(True)
        self._behind_timer.setInterval(BEHIND_REFRESH_MS)
        self._behind_timer.timeout.connect(self._refresh_behind)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        self._build_bar(outer)
        # Below the bar: "preparing" until the screen is made, its figures in and drawn once behind
        # it (`_rehearse_steps`), then the screen. Made in front of the user, its first paint all at
        # once held the window 0.1-0.3 s.
        self.body_stack = QStackedWidget(self)
        self.body_stack.setObjectName("dashBodyStack")
        self.preparing = QLabel(self.tr("Preparing the dashboard…"), self.body_stack)
        self.preparing.setObjectName("dashPreparing")
        self.preparing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preparing.setStyleSheet("color: #777;")
        self.content = QWidget(self.body_stack)
        self.content.setObjectName("dashContent")
        body = QVBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        self.body_stack.addWidget(self.preparing)
        self.body_stack.addWidget(self.content)
        outer.addWidget(self.body_stack, 1)
        self._load_areas()
        # The figures are asked for first: the worker opens its connection and counts while the
        # rest of the screen is made.
        self.refresh()
        # The rest of the screen is made on the next turns of the event loop, a part each (all of it
        # at once held the first showing most of a second), before any figures go into it.
        self.charts: dict[str, Chart] = {}
        self._build_steps: list[Callable[[], None]] = [
            lambda: self._build_tiles(body),
            lambda: self._build_communities(body),
            lambda: self._build_body(body),
        ]
        self._stepping = True
        QTimer.singleShot(0, self, self._next_steps)
        window.notifier.changed.connect(self._on_changed)
        window.closed.connect(self.worker.shutdown)
        window.closed.connect(self.comparing.shutdown)

    # -- building -----------------------------------------------------------------------------------

    def _build_bar(self, outer: QVBoxLayout) -> None:
        bar = QHBoxLayout()
        self.community_box = QComboBox(self)
        self.community_box.setObjectName("dashCommunity")
        self.grid_box = QComboBox(self)
        self.grid_box.setObjectName("dashGrid")
        self.period_box = QComboBox(self)
        self.period_box.setObjectName("dashPeriod")
        for days, text in (
            (7, self.tr("Last 7 days")),
            (30, self.tr("Last 30 days")),
            (90, self.tr("Last 90 days")),
            (365, self.tr("Last 12 months")),
        ):
            self.period_box.addItem(text, days)
        self.period_box.setCurrentIndex(3)
        self.status = QLabel("", self)
        self.status.setObjectName("dashStatus")
        self.status.setStyleSheet("color: #777;")
        # Its width is what the bar leaves: a longer message never lays out (and repaints) the window.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pdf_button = QPushButton(self.tr("Export PDF report…"), self)
        self.pdf_button.setObjectName("dashExportPdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        for text, widget in (
            (self.tr("Community:"), self.community_box),
            (self.tr("Grid:"), self.grid_box),
            (self.tr("Period:"), self.period_box),
        ):
            bar.addWidget(QLabel(text, self))
            bar.addWidget(widget)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.pdf_button)
        outer.addLayout(bar)
        self.community_box.currentIndexChanged.connect(self._community_chosen)
        self.grid_box.currentIndexChanged.connect(self._filters_changed)
        self.period_box.currentIndexChanged.connect(self._filters_changed)

    def _build_tiles(self, outer: QVBoxLayout) -> None:
        tiles = QGridLayout()
        tiles.setSpacing(6)
        self.tiles: dict[str, Tile] = {}
        for column, (key, caption, alert) in enumerate(
            (
                ("priority_overdue", self.tr("Priority households overdue"), True),
                ("households", self.tr("Households"), False),
                ("paired", self.tr("Paired"), False),
                ("visited", self.tr("Visited within cycle"), False),
                ("visits_week", self.tr("Visits this week"), False),
                ("open_requests", self.tr("Open requests"), False),
                ("overdue_requests", self.tr("Overdue requests"), False),
                ("resolve_time", self.tr("Median time to resolve"), False),
                ("satisfaction", self.tr("Satisfaction"), False),
            )
        ):
            tile = Tile(key, caption, alert=alert, parent=self)
            self.tiles[key] = tile
            tiles.addWidget(tile, 0, column)
            tiles.setColumnStretch(column, 2 if alert else 1)
        outer.addLayout(tiles)

    def _build_communities(self, outer: QVBoxLayout) -> None:
        self.communities = CommunitiesBox(self)  # a street or city file: communities side by side
        self.communities.chosen.connect(
            lambda c: self.community_box.setCurrentIndex(self.community_box.findData(c))
        )
        outer.addWidget(self.communities)
        if self.community_rows is not None:
            self.communities.show_rows(self.community_rows)

    def _build_body(self, outer: QVBoxLayout) -> None:
        scroll = QScrollArea(self)
        scroll.setObjectName("dashScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Always there (the screen is taller than a window): the width laid out and drawn off screen
        # is the width shown, not one a scroll bar appearing later takes from.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        body = QWidget(scroll)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setSpacing(8)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # The charts are made after the rest of the screen, once pyqtgraph is imported (preload).
        self._chart_slots: dict[str, QVBoxLayout] = {}
        self._chart_buttons: dict[str, QPushButton] = {}
        self.visits_weekly = QComboBox(body)
        self.visits_weekly.setObjectName("dashVisitsStep")
        self.visits_weekly.addItem(self.tr("Per week"), True)
        self.visits_weekly.addItem(self.tr("Per day"), False)
        self.visits_weekly.currentIndexChanged.connect(self._show_visits)

        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self._build_steps += [
            lambda: self._add_chart_frames(grid, body),
            lambda: grid.addWidget(self._overdue_box(body), 0, 1),
            lambda: grid.addWidget(self._four_lists(body), 3, 0, 1, 2),
            *(lambda k=key, t=title: self._add_list_page(k, t) for key, title in self._list_titles()),
            lambda: grid.addWidget(self._points_box(body), 4, 0, 1, 2),
        ]

    def _add_chart_frames(self, grid: QGridLayout, body: QWidget) -> None:
        grid.addWidget(self._framed("grids", body), 0, 0)
        grid.addWidget(self._framed("visits", body, self.visits_weekly), 1, 0)
        grid.addWidget(self._framed("members", body), 1, 1)
        requests_row = QWidget(body)
        row = QHBoxLayout(requests_row)
        row.setContentsMargins(0, 0, 0, 0)
        for key in ("requests", "ages", "resolution"):
            row.addWidget(self._framed(key, requests_row), 3 if key == "requests" else 2)
        grid.addWidget(requests_row, 2, 0, 1, 2)

    def _framed(self, key: str, parent: QWidget, extra: QWidget | None = None) -> QWidget:
        """A place for a chart, with its own "Save as PNG" button; the chart comes in `_make_chart`."""
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addStretch(1)
        if extra is not None:
            top.addWidget(extra)
        button = QPushButton(self.tr("Save as PNG…"), box)
        button.setObjectName(f"dashSavePng_{key}")
        button.setFlat(True)
        button.setEnabled(False)
        button.clicked.connect(lambda _=False, k=key: self.save_chart(k))
        top.addWidget(button)
        layout.addLayout(top)
        waiting = QLabel(self.tr("Drawing the chart…"), box)
        waiting.setObjectName(f"dashChartWaiting_{key}")
        waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        waiting.setMinimumHeight(210)  # as tall as the chart to come: nothing jumps when it does
        waiting.setStyleSheet("color: #999; background: white;")
        layout.addWidget(waiting, 1)
        self._chart_slots[key] = layout
        self._chart_buttons[key] = button
        return box

    def _make_chart(self, key: str) -> None:
        """Make one chart in its place (pyqtgraph is imported by now) and show its figures if they are in."""
        from gridboard.ui.dashboard import charts

        kind, name = CHARTS[key]
        layout = self._chart_slots[key]
        box = layout.parentWidget()
        chart = getattr(charts, kind)(box)
        chart.setObjectName(name)
        if key == "grids":
            chart.gridClicked.connect(lambda grid_id: self.window_.navigate("grid", grid_id))
        elif key == "members":
            chart.memberClicked.connect(lambda member_id: self.window_.navigate("member", member_id))
        waiting = self.findChild(QLabel, f"dashChartWaiting_{key}")
        assert box is not None and waiting is not None
        layout.replaceWidget(waiting, chart)
        waiting.deleteLater()
        self.charts[key] = chart
        self._drew = True
        self._chart_buttons[key].setEnabled(True)
        if self.data is not None:
            self._steps.insert(0, lambda: self._show_chart(key))  # its figures in a step of their own

    @property
    def grid_chart(self) -> Any:
        return self.charts.get("grids")

    @property
    def member_chart(self) -> Any:
        return self.charts.get("members")

    def _overdue_box(self, parent: QWidget) -> QWidget:
        box = QGroupBox(self.tr("Overdue priority households"), parent)
        box.setObjectName("dashOverdueBox")
        self.overdue_box = box
        layout = QVBoxLayout(box)
        self.overdue_model = OverdueModel(self.store, self)
        self.overdue_view = QTableView(box)
        self.overdue_view.setObjectName("dashOverdueTable")
        self.overdue_view.setModel(self.overdue_model)
        self.overdue_view.setSortingEnabled(True)
        self.overdue_view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.overdue_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.overdue_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.overdue_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.overdue_view.verticalHeader().setDefaultSectionSize(22)
        # Sized once from the first rows (resizing to contents asks every row on every refresh).
        self.overdue_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.overdue_view.horizontalHeader().setStretchLastSection(True)
        self._overdue_sized = False
        self.overdue_view.clicked.connect(self._open_household)
        self.overdue_view.activated.connect(self._open_household)
        self.overdue_view.setMinimumHeight(200)
        layout.addWidget(self.overdue_view)
        return box

    def _four_lists(self, parent: QWidget) -> QWidget:
        """The box and its tabs; each tab's page is made in a step of its own (`_add_list_page`)."""
        box = QGroupBox(self.tr("The four lists (四项清单)"), parent)
        box.setObjectName("dashFourLists")
        layout = QVBoxLayout(box)
        self.four_tabs = QTabWidget(box)
        self.four_tabs.setObjectName("dashFourTabs")
        layout.addWidget(self.four_tabs)
        return box

    def _list_titles(self) -> tuple[tuple[str, str], ...]:
        return (
            ("population", self.tr("Population basics")),
            ("requests", self.tr("Residents' requests")),
            ("supplies", self.tr("Scarce supplies needed")),
            ("groups", self.tr("Special groups")),
        )

    def _add_list_page(self, key: str, title: str) -> None:
        from gridboard.ui.dashboard.names import attach_names

        page = QWidget(self.four_tabs)
        page_layout = QVBoxLayout(page)
        note = QLabel("", page)
        note.setObjectName(f"dashListNote_{key}")
        table = self._list_table(page, key, 170)
        page_layout.addWidget(note)
        page_layout.addWidget(table, 1)
        self.four_tabs.addTab(page, title)
        self.list_tables[key] = table
        self.list_notes[key] = note
        attach_names(self, key)

    def _points_box(self, parent: QWidget) -> QWidget:
        """双积分: this quarter's points by grid and by work unit (the serve view has other periods)."""
        box = QGroupBox(self.tr("Service points this quarter (双积分)"), parent)
        box.setObjectName("dashPoints")
        layout = QHBoxLayout(box)
        for key in ("points_grid", "points_unit"):
            table = self._list_table(box, key, 150)
            layout.addWidget(table, 1)
            self.list_tables[key] = table
        return box

    def _list_table(self, parent: QWidget, key: str, min_height: int) -> QTableWidget:
        """A read-only list filled by `_fill`: compact rows, sized from its first rows."""
        table = QTableWidget(parent)
        table.setObjectName(f"dashList_{key}")
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        table.setMinimumHeight(min_height)
        return table

    def _show_points(self) -> None:
        from gridboard.ui.serve.ranking import ranking_rows

        d, points = self.data, self.points
        if d is None or points is None:
            return  # shown once both are in
        communities = d.grid_communities()

        def grid_name(line: Any) -> str:
            return " · ".join(filter(None, (communities.get(line.key, ""), line.name)))

        for key, title, lines, name in (
            ("points_grid", self.tr("Grid"), points.by_grid, grid_name),
            ("points_unit", self.tr("Work unit"), points.by_unit, None),
        ):
            headers = [self.tr("No."), title, self.tr("Members"), self.tr("Services"), self.tr("Hours")]
            self._fill(key, [*headers, self.tr("Points")], ranking_rows(lines, name))

    # -- filters --------------------------------------------------------------------------------------

    def _load_areas(self) -> None:
        communities, self._grids = dashboard.area_choices(self.store)
        first_time = self.community_box.count() == 0
        current = self.community_box.currentData()
        self.community_box.blockSignals(True)
        self.community_box.clear()
        everything = dashboard.own_grids(self.store) is None  # a 网格员 looks at their own grids only
        if everything:
            self.community_box.addItem(self.tr("All communities"), None)
        for community_id, name in communities:
            self.community_box.addItem(name, community_id)
        if first_time and len(communities) > 1:
            # A street or city file opens on its first community; all of them is a deliberate choice
            # (the communities compared are shown either way).
            current = communities[0][0]
        index = self.community_box.findData(current)
        self.community_box.setCurrentIndex(max(index, 0))
        self.community_box.blockSignals(False)
        self._fill_grids()

    def _fill_grids(self) -> None:
        community = self.community_box.currentData()
        current = self.grid_box.currentData()
        self.grid_box.blockSignals(True)
        self.grid_box.clear()
        if dashboard.own_grids(self.store) is None:
            self.grid_box.addItem(self.tr("All grids"), None)
        several = len({community_id for _, community_id, _ in self._grids}) > 1
        if community is None and several:
            # Grids are chosen within a community (a city has hundreds, their names repeat).
            self.grid_box.setToolTip(self.tr("Choose a community to choose one of its grids"))
        else:
            self.grid_box.setToolTip("")
            for grid_id, community_id, name in self._grids:
                if community is None or community_id == community:
                    self.grid_box.addItem(name, grid_id)
        index = self.grid_box.findData(current)
        self.grid_box.setCurrentIndex(max(index, 0))
        self.grid_box.blockSignals(False)

    def _community_chosen(self) -> None:
        self._fill_grids()
        self._filters_changed()

    def _filters_changed(self) -> None:
        # The user's choice: asked for at once, so the workers count while the choice is painted.
        self._timer.stop()
        self.refresh()

    def filters(self) -> dashboard.Filters:
        return dashboard.Filters(
            community_id=self.community_box.currentData(),
            grid_id=self.grid_box.currentData(),
            period_days=int(self.period_box.currentData()),
        )

    # -- refreshing -----------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or changes.tables & AREA_TABLES:
            self._load_areas()
        if changes.everything or changes.tables & WATCHED:
            self._dirty = True
            if self.isVisible():
                self._timer.start()
            else:
                self._behind_timer.start()

    def _refresh_behind(self) -> None:
        if self._dirty and not self.isVisible() and not self.window_.isHidden():
            self.refresh()

    def refresh(self) -> None:
        """Recompute every figure (in the worker thread for a file); the screen updates when done."""
        self._dirty = False
        filters = self.filters()
        # Pending before asking: a file in memory answers within `request`.
        self._pending, self._comparing = self.worker.seq + 1, self.comparing.seq + 1
        self._say()
        self.worker.request(compute_job(filters))
        self.comparing.request(beside_job(filters))

    def _computed(self, seq: int, result: dashboard.Dashboard) -> None:
        if seq != self.worker.seq:
            return
        self._pending = None
        self._figures_error = None
        self.data = result
        self._say()
        self._show(result)

    def _compared(self, seq: int, beside: Beside) -> None:
        if seq != self.comparing.seq:
            return
        self._comparing = None
        self._compare_error = None
        self._say()
        if beside.community_rows != self.community_rows and not self.on_screen():
            self._rehearse_again()  # the communities' table above may move the charts: drawn again
        self.community_rows, self.points = beside.community_rows, beside.points
        for step in (self._show_points, self._show_communities):
            if step not in self._steps:
                self._steps.append(step)
        self._start_steps()

    def _compare_failed(self, seq: int, error: Exception) -> None:
        if seq == self.comparing.seq:
            self._comparing = None
            self._compare_error = self._known(error)
            self._say()

    def _failed(self, seq: int, error: Exception) -> None:
        if seq == self.worker.seq:
            self._pending = None
            self._figures_error = self._known(error)
            self._reveal()  # no figures to wait for: the screen, with the error in the status
            self._say()

    @staticmethod
    def _known(error: Exception) -> KnownError:
        if not isinstance(error, KnownError):
            raise error
        return error

    def _say(self) -> None:
        """The status: a reading's error until that reading succeeds (whichever of the two readers
        ends last), else "updating" or how new the figures are."""
        error = self._figures_error or self._compare_error
        if error is not None:
            text = labels.error_text(error)
        elif self._pending is not None:
            text = self.tr("Updating…")
        elif self.data is not None:
            text = self.tr("Figures as of {time}").format(time=self.data.filters.moment.strftime("%H:%M:%S"))
        else:
            text = ""
        self.status.setText(text)
        self.status.setToolTip(text if error is not None else "")  # the bar may cut an error short

    @property
    def up_to_date(self) -> bool:
        return (
            self._pending is None
            and self._comparing is None
            and not self._dirty
            and self.data is not None
            and not self._steps
            and not self._build_steps
            and len(self.charts) == len(CHART_KEYS)
            and self.revealed
        )

    @property
    def revealed(self) -> bool:
        """The screen is shown below the bar (not "preparing")."""
        return self.body_stack.currentWidget() is self.content

    def on_screen(self) -> bool:
        return self.isVisible() and self.revealed

    def _reveal(self) -> None:
        self.body_stack.setCurrentWidget(self.content)

    # -- showing --------------------------------------------------------------------------------------

    def _show(self, d: dashboard.Dashboard) -> None:
        """Put new figures on screen in steps, one turn of the event loop each (a city's lists and
        charts together take most of a second): the tiles first, then each chart and list."""
        self._steps = [
            self._show_tiles,
            self._show_overdue,
            *(lambda k=key: self._show_chart(k) for key in CHART_KEYS),
            *(lambda k=kind: self._show_list(k) for kind in LIST_KINDS),
            self._show_points,
            self._show_communities,
        ]
        self._start_steps()

    def _start_steps(self) -> None:
        """Run the chain of steps, unless it runs already (it takes what was added on its next turn)."""
        if not self._stepping:
            self._stepping = True
            self._next_steps()

    def _next_steps(self) -> None:
        """Build what is left of the screen, show the newest figures and make the charts: one chain of
        turns of the event loop (two chains would run in the same turn), each about STEP_S at most."""
        started = time.perf_counter()
        self._drew = False
        # A chart made or given new figures ends the turn: its first paint, in the same turn, costs
        # about as much again (pyqtgraph lays out its axes and bars then).
        while time.perf_counter() - started < STEP_S and not self._drew:
            step = self._next_step()
            if step is None:
                break
            step()
        if (
            not (self._build_steps or self._steps or self._rehearsed)
            and self.data is not None  # empty charts rehearsed would leave the first showing all to do
            and self._comparing is None  # nor before the communities' table above them is filled
            and len(self.charts) == len(CHART_KEYS)
        ):
            self._rehearsed = True
            self._rehearsal = self._rehearse_steps()
        if self._rehearsed and not self._rehearsal:
            self._reveal()  # made, filled and drawn once: shown
        if self._build_steps or self._steps or self._rehearsal or len(self.charts) < len(CHART_KEYS):
            # Waiting only for pyqtgraph's import: look again shortly, not on every turn.
            # A 1 ms timer, not a zero one: timers (and the next key press) get their turn between steps.
            waiting = not (self._build_steps or self._steps or preload.ready())
            QTimer.singleShot(40 if waiting else 1, self, self._next_steps)
        else:
            self._stepping = False

    def _next_step(self) -> Callable[[], None] | None:
        if self._build_steps:
            return self._build_steps.pop(0)
        if self._steps:
            return self._steps.pop(0)
        missing = [key for key in CHART_KEYS if key not in self.charts]
        if missing:
            if not preload.ready():
                preload.start()
                return None
            return lambda: self._make_chart(missing[0])
        if self._rehearsal:
            return self._rehearsal.pop(0)
        return None

    def _rehearse_steps(self) -> list[Callable[[], None]]:
        """Made and filled off screen (behind another view, or behind "preparing"): lay the screen out
        at the size it will be shown and draw each chart once into a throwaway pixmap, a step each, so
        that the first showing has only its own paint to do (a hidden widget is resized only when
        shown, and pyqtgraph lays out its axes and caches its bars on a chart's first paint: together
        about a tenth of a second)."""

        def lay_out() -> None:
            if self.on_screen():
                return
            if self.isVisible():
                # Behind "preparing": the screen takes the place it will have.
                self.content.setGeometry(self.body_stack.contentsRect())
                self.content.render(QPixmap(1, 1))  # delivers its pending resizes, its children's too
                return
            stack = self.parentWidget()
            if stack is None:
                return
            if not self._watching_size:
                self._watching_size = True
                stack.installEventFilter(self)  # a window resized meanwhile: rehearsed again (`eventFilter`)
            self._reveal()  # behind another view, the screen is what a showing will show
            page = stack.currentWidget() if isinstance(stack, QStackedWidget) else None
            self.setGeometry(page.geometry() if page is not None else stack.contentsRect())
            self.render(QPixmap(1, 1))  # delivers a hidden widget's pending resizes, its children's too

        def draw(chart: QWidget) -> None:
            if not self.on_screen():
                QWidget.render(chart, QPixmap(chart.size()))  # the widget, not pyqtgraph's scene render
            self._drew = True

        if self.on_screen():
            return []
        return [lay_out, *(lambda c=chart: draw(c) for chart in self.charts.values())]

    def _show_tiles(self) -> None:
        assert self.data is not None
        h = self.data.headline
        self.tiles["households"].set(f"{h.households:,}", self.tr("lived in"))
        self.tiles["paired"].set(percent(h.paired_share), self.tr("{n} households").format(n=f"{h.paired:,}"))
        self.tiles["visited"].set(
            percent(h.visited_share), self.tr("{n} households").format(n=f"{h.visited_in_cycle:,}")
        )
        self.tiles["priority_overdue"].set(
            f"{h.priority_overdue:,}", self.tr("of {n} priority households").format(n=f"{h.priority:,}")
        )
        change = h.visits_this_week - h.visits_last_week
        self.tiles["visits_week"].set(
            f"{h.visits_this_week:,}", self.tr("last week {n}").format(n=f"{h.visits_last_week:,}")
        )
        self.tiles["visits_week"].setToolTip(f"{change:+,}")
        self.tiles["open_requests"].set(f"{h.open_requests:,}", "")
        self.tiles["overdue_requests"].set(f"{h.overdue_requests:,}", self.tr("past their time limit"))
        self.tiles["resolve_time"].set(duration(h.median_resolve_hours), self.tr("in the period"))
        self.tiles["satisfaction"].set(percent(h.satisfaction), self.tr("{n} rated").format(n=f"{h.rated:,}"))

    def _show_communities(self) -> None:
        if self.community_rows is not None:
            self.communities.show_rows(self.community_rows)

    def _show_overdue(self) -> None:
        assert self.data is not None
        d, h = self.data, self.data.headline
        self.overdue_model.set_ids(d.overdue_priority, d.filters)
        if not self._overdue_sized and d.overdue_priority:
            self._overdue_sized = True
            size_columns(self.overdue_view)
        if len(d.overdue_priority) < h.priority_overdue:
            self.overdue_box.setTitle(
                self.tr("Overdue priority households: the first {shown} of {n}").format(
                    shown=f"{len(d.overdue_priority):,}", n=f"{h.priority_overdue:,}"
                )
            )
        else:
            self.overdue_box.setTitle(self.tr("Overdue priority households"))

    def _show_chart(self, key: str) -> None:
        # A chart is drawn again only when its figures changed: after a visit the requests' charts
        # stay as they are (each redraw rebuilds its items and legend, a tenth of a second or more).
        d = self.data
        assert d is not None
        if key == "visits":
            self._show_visits()
        elif key == "resolution":
            self._chart(key, d.resolution_trend, weekly=d.filters.weekly_trend)
        else:
            self._chart(
                key,
                {
                    "grids": d.grids,
                    "members": d.members,
                    "requests": d.requests_by_category_status,
                    "ages": d.open_request_ages,
                }[key],
            )

    def _chart(self, key: str, figures: Any, **options: Any) -> None:
        chart = self.charts.get(key)
        shown = (figures, options)
        if chart is None or self._charted.get(key) == shown:
            return
        self._charted[key] = shown
        chart.set_figures(figures, **options)
        self._drew = True
        if not self.on_screen():
            self._rehearse_again()  # given new figures off screen: drawn once again there

    def _show_visits(self) -> None:
        if self.data is None:
            return
        weekly = bool(self.visits_weekly.currentData())
        self._chart("visits", self.data.visits_by_week if weekly else self.data.visits_by_day, weekly=weekly)

    def _fill(self, key: str, headers: list[str], rows: list[list[Any]]) -> None:
        """Fill one of the four lists; a refresh that changes nothing in it touches nothing. A header
        sized to its contents re-measures every cell on every setItem (seconds on a city file): it is
        sized once, after the fill, from the first rows."""
        shown = (headers, rows)
        if self._filled.get(key) == shown:
            return
        self._filled[key] = shown
        table = self.list_tables[key]
        header = table.horizontalHeader()
        table.setUpdatesEnabled(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        try:
            table.clearContents()
            table.setColumnCount(len(headers))
            table.setHorizontalHeaderLabels(headers)
            table.setRowCount(len(rows))
            for r, values in enumerate(rows):
                for c, value in enumerate(values):
                    item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else str(value))
                    if isinstance(value, (int, float)):
                        item.setTextAlignment(right)
                    table.setItem(r, c, item)
            table.resizeColumnsToContents()
        finally:
            header.setStretchLastSection(True)
            table.setUpdatesEnabled(True)

    def _show_list(self, kind: str) -> None:
        """One of the four lists, and what each of its rows opens into (names.attach_names)."""
        assert self.data is not None
        lists = self.data.four_lists
        if kind == "population":
            communities = self.data.grid_communities()
            self.list_keys[kind] = [(g.id, g.name) for g in lists.by_grid]
            self.list_notes[kind].setText(
                self.tr("{households} households lived in, {residents} residents").format(
                    households=f"{lists.households:,}", residents=f"{lists.residents:,}"
                )
            )
            self._fill(
                kind,
                [
                    self.tr("Grid"),
                    self.tr("Households"),
                    self.tr("Residents"),
                    self.tr("Priority households"),
                ],
                [
                    [
                        " · ".join(filter(None, (communities.get(g.id, ""), g.name))),
                        g.households,
                        g.residents,
                        g.priority,
                    ]
                    for g in lists.by_grid
                ],
            )
        elif kind == "requests":
            by_count = sorted(lists.open_by_category.items(), key=lambda kv: -kv[1])
            self.list_keys[kind] = [(c, labels.request_category(c)) for c, _ in by_count]
            open_total = sum(lists.open_by_category.values())
            self.list_notes[kind].setText(self.tr("{n} requests open").format(n=f"{open_total:,}"))
            self._fill(
                kind,
                [self.tr("Category"), self.tr("Open")],
                [[labels.request_category(c), n] for c, n in by_count],
            )
        elif kind == "supplies":
            self.list_keys[kind] = [(s.item, s.item) for s in lists.supplies]
            self.list_notes[kind].setText(
                self.tr("Items on open scarce-supplies requests")
                if lists.supplies
                else self.tr("No scarce supplies are waiting.")
            )
            self._fill(
                kind,
                [
                    self.tr("Item"),
                    self.tr("Needed"),
                    self.tr("Delivered"),
                    self.tr("Outstanding"),
                    self.tr("Households"),
                ],
                [
                    [
                        f"{s.item}（{s.unit}）" if s.unit else s.item,
                        f"{s.needed:g}",
                        f"{s.delivered:g}",
                        f"{s.outstanding:g}",
                        s.households,
                    ]
                    for s in lists.supplies
                ],
            )
        else:
            self.list_keys[kind] = [(g.code, labels.tag_label(g.code, g.name)) for g in lists.special_groups]
            self.list_notes[kind].setText(
                self.tr("Residents by priority group, and their households' visits")
            )
            self._fill(
                kind,
                [
                    self.tr("Group"),
                    self.tr("Residents"),
                    self.tr("Households"),
                    self.tr("Visited within cycle"),
                ],
                [
                    [
                        labels.tag_label(g.code, g.name),
                        g.residents,
                        g.households,
                        f"{g.visited_in_cycle:,} ({percent(g.visited_in_cycle / g.households if g.households else None)})",
                    ]
                    for g in lists.special_groups
                ],
            )

    # -- actions --------------------------------------------------------------------------------------

    def _open_household(self, index) -> None:
        if index.isValid():
            self.window_.navigate("household", self.overdue_model.household_id(index.row()))

    def save_chart(self, key: str) -> str | None:
        if key not in self.charts:  # not drawn yet (its button is off until it is)
            return None
        title = self.charts[key].getPlotItem().titleLabel.text or key
        suggested = ask.file_name(self.area_title(), title, suffix=".png")
        path = ask.save_file(self, self.tr("Save chart as PNG"), self.tr("PNG images (*.png)"), suggested)
        if not path:
            return None
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            with outputs.replacing(path, "png") as partial:
                if not self.charts[key].grab().save(str(partial), "PNG"):
                    raise OSError(errno.EIO, "the image could not be written", path)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        return path

    def area_title(self) -> str:
        if self.grid_box.currentData() is not None:
            return f"{self.community_box.currentText() if self.community_box.currentData() else ''}{self.grid_box.currentText()}"
        if self.community_box.currentData() is not None:
            return self.community_box.currentText()
        return self.tr("All communities")

    def export_pdf(self) -> str | None:
        from gridboard.ui.dashboard.report import write_report

        if self.data is None:
            return None
        path = ask.save_file(
            self,
            self.tr("Export PDF report"),
            self.tr("PDF files (*.pdf)"),
            ask.file_name(self.tr("Dashboard"), self.area_title(), suffix=".pdf"),
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_report(path, self)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        except OSError as error:
            ask.warn(self, self.tr("Export PDF report"), str(error))
            return None
        return path

    # -- Qt overrides ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The view's parent resized while the view is hidden: laid out and drawn again behind, once
        # the resizing pauses (a rehearsal under way is for the size before).
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget() and not self.isVisible():
            self._rehearse_again()
            self._resized_timer.start()
        return False

    def _rehearse_again(self) -> None:
        self._rehearsed = False
        self._rehearsal = []

    def _after_resize(self) -> None:
        if not self.isVisible():
            self._start_steps()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._timer.start()
