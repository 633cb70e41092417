"""The dashboard's pyqtgraph charts: coverage bars (clickable), member load, visits over time, requests.

Charts take plain figures from `gridboard.models.dashboard`; they never read the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pyqtgraph as pg
import PySide6  # noqa: F401 - pyqtgraph picks the binding already imported
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gridboard.models import dashboard
from gridboard.models.vocab import REQUEST_STATUSES, VISIT_METHODS
from gridboard.ui import labels
from gridboard.ui.board.colors import BAND_COLORS

pg.setConfigOptions(antialias=True, background="w", foreground="#333333")

METHOD_COLORS = {"in_person": "#3b6fb6", "phone": "#8fb8e8", "wechat": "#4fb39a"}
STATUS_COLORS = {
    "collected": "#e05a4f",
    "dispatched": "#f08a3c",
    "in_progress": "#f6bf3b",
    "resolved": "#8fc97a",
    "followed_up": "#3f9b55",
}
HOUSEHOLDS_COLOR = "#7a3fa0"
LOAD_COLOR = "#c9ced6"
MAX_LABELS = 36


def _font(size: float = 8.5) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(size)
    return font


class _Bars(pg.BarGraphItem):
    """Bars that report a left click on bar i (x = i) through `on_click`."""

    def __init__(self, on_click: Callable[[int], None] | None = None, **opts) -> None:
        super().__init__(**opts)
        self.on_click = on_click
        self.count = len(opts.get("x", []))
        self.bar_width = float(opts.get("width", 0.8))

    def mouseClickEvent(self, ev) -> None:
        if self.on_click is None or ev.button() != Qt.MouseButton.LeftButton:
            return
        x = ev.pos().x()
        index = round(x)
        if 0 <= index < self.count and abs(x - index) <= self.bar_width / 2:
            ev.accept()
            self.on_click(index)


class Chart(pg.PlotWidget):
    """A plot with the app's (CJK) font, no pyqtgraph menus, and a fixed view (no panning)."""

    def __init__(self, title: str, parent=None) -> None:
        # Without pyqtgraph's context menu: its forms are made only if asked for (most of a chart's making).
        super().__init__(parent, enableMenu=False)
        self.setMinimumHeight(210)
        item = self.getPlotItem()
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(y=True, alpha=0.25)
        self.setTitleText(title)
        for name in ("bottom", "left"):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=_font())
            axis.setTextPen("#333333")
        self.legend: pg.LegendItem | None = None
        self._legend_key: tuple[object, ...] = ()

    def setTitleText(self, title: str) -> None:
        self.getPlotItem().setTitle(title, size="10pt", color="#222222")
        self.getPlotItem().titleLabel.item.setFont(_font(10))

    def reset(self) -> None:
        self.getPlotItem().clear()
        if self.legend is not None:
            self.legend.setVisible(False)  # kept: the next figures usually have the same legend

    def add_legend(self, entries: Sequence[tuple[str, str]], offset: tuple[float, float] = (-6, 2)) -> None:
        """A legend of colour swatches (color, text), drawn in the app font; the one shown already when
        it says the same (making one lays out a text item per entry, a good part of a redraw)."""
        key = (tuple(entries), offset)
        if self.legend is not None:
            if self._legend_key == key:
                self.legend.setVisible(True)
                return
            if self.legend.scene() is not None:
                self.legend.scene().removeItem(self.legend)
            self.legend = None
        self._legend_key = key
        # One row across the top, where each chart leaves headroom above its data (or where `offset` says).
        legend = pg.LegendItem(
            offset=offset, labelTextSize="8pt", brush=pg.mkBrush(255, 255, 255, 210), colCount=len(entries)
        )
        legend.setParentItem(self.getPlotItem().vb)
        for color, text in entries:
            sample = pg.BarGraphItem(x=[0], height=[1], width=1, brush=color, pen=pg.mkPen(None))
            legend.addItem(sample, text)
        for _, label in legend.items:
            label.item.setFont(_font(8))
        self.legend = legend

    def set_categories(self, names: Sequence[str], most: int = MAX_LABELS) -> None:
        step = max(1, -(-len(names) // most))
        ticks = [(i, name) for i, name in enumerate(names) if i % step == 0]
        self.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    def set_dates(self, days: Sequence[date], *, weekly: bool) -> None:
        ticks = []
        for i, day in enumerate(days):
            if len(days) <= 16:
                ticks.append((i, f"{day.month}/{day.day}"))
            elif weekly or len(days) > 62:
                if (day.day <= 7 if weekly else day.day == 1) and (day.month % 2 == 1 or len(days) < 30):
                    ticks.append((i, f"{day.year % 100:02d}/{day.month}"))
            elif day.weekday() == 0:
                ticks.append((i, f"{day.month}/{day.day}"))
        self.getPlotItem().getAxis("bottom").setTicks([ticks, []])


class GridCoverageChart(Chart):
    """Share visited within cycle per grid, coloured by band; clicking a bar emits its grid id."""

    gridClicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(QCoreApplication.translate("Dashboard", "Visited within cycle, by grid (%)"), parent)
        self.ids: list[int] = []
        self.bars: _Bars | None = None
        self.values: list[float] = []

    def set_figures(self, grids: Sequence[dashboard.AreaBar]) -> None:
        self.reset()
        self.ids = [g.id for g in grids]
        self.values = [100.0 * (g.share or 0.0) for g in grids]
        if not grids:
            return
        item = self.getPlotItem()
        # One item per band, each of one colour: pyqtgraph draws such an item with one drawRects call.
        # A brush per bar is drawn bar by bar, in Python (a city's 615 grids took 0.1 s to paint).
        for band, color in BAND_COLORS.items():
            x = [i for i, g in enumerate(grids) if g.band == band]
            if x:
                item.addItem(
                    pg.BarGraphItem(
                        x=x,
                        height=[self.values[i] for i in x],
                        width=0.7,
                        brush=color,
                        pen=pg.mkPen("#ffffff", width=0.5),
                    )
                )
        # Clicks are caught by invisible bars over all of them.
        self.bars = _Bars(
            self._clicked,
            x=list(range(len(grids))),
            height=self.values,
            width=0.7,
            brush=(0, 0, 0, 0),
            pen=None,
        )
        item.addItem(self.bars)
        for share in (60, 90):
            item.addItem(
                pg.InfiniteLine(pos=share, angle=0, pen=pg.mkPen("#999999", style=Qt.PenStyle.DashLine))
            )
        item.setYRange(0, 118, padding=0)
        item.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)], []])
        item.setXRange(-0.6, len(grids) - 0.4, padding=0)
        communities = [g.community for g in grids]
        if len(set(communities)) > 1:
            # Several communities: grid names repeat, so mark where each community's grids begin.
            starts = [(i, c) for i, c in enumerate(communities) if i == 0 or communities[i - 1] != c]
            step = max(1, -(-len(starts) // 16))
            self.getPlotItem().getAxis("bottom").setTicks([starts[::step], []])
        else:
            self.set_categories([g.name for g in grids], most=20)
        self.add_legend([(BAND_COLORS[b], labels.coverage_band(b)) for b in BAND_COLORS])
        assert self.legend is not None
        self.legend.setVisible(len(grids) <= 60)

    def bar_center(self, index: int):
        """Where bar `index` is on the widget (for clicking it)."""
        vb = self.getPlotItem().vb
        scene_point = vb.mapViewToScene(pg.Point(index, max(self.values[index] / 2, 1.0)))
        return self.mapFromScene(scene_point)

    def _clicked(self, index: int) -> None:
        self.gridClicked.emit(self.ids[index])


class MemberLoadChart(Chart):
    """The members with the most households not visited within cycle: load against households visited."""

    memberClicked = Signal(int)
    SHOWN = 12

    def __init__(self, parent=None) -> None:
        super().__init__(
            QCoreApplication.translate(
                "Dashboard", "Members furthest behind: households covered and visited"
            ),
            parent,
        )

        self.ids: list[int] = []
        self.values: list[float] = []

    def set_figures(self, members: Sequence[dashboard.AreaBar]) -> None:
        self.reset()
        shown = list(members[: self.SHOWN])
        self.ids = [m.id for m in shown]
        self.values = [float(m.households) for m in shown]
        if not shown:
            return
        x = list(range(len(shown)))
        item = self.getPlotItem()
        # Clicking a member's pair of bars (anywhere in its slot) opens the member's page.
        item.addItem(_Bars(self._clicked, x=x, height=self.values, width=0.8, brush=(0, 0, 0, 0), pen=None))
        item.addItem(
            pg.BarGraphItem(
                x=[i - 0.18 for i in x],
                height=[m.households for m in shown],
                width=0.36,
                brush=LOAD_COLOR,
                pen=pg.mkPen(None),
            )
        )
        item.addItem(
            pg.BarGraphItem(
                x=[i + 0.18 for i in x],
                height=[m.visited_in_cycle for m in shown],
                width=0.36,
                brushes=[pg.mkBrush(BAND_COLORS[m.band]) for m in shown],
                pen=pg.mkPen(None),
            )
        )
        item.setXRange(-0.6, len(shown) - 0.4, padding=0)
        item.setYRange(0, max(m.households for m in shown) * 1.25 + 1, padding=0)
        self.set_categories([m.name for m in shown])
        self.add_legend(
            [
                (LOAD_COLOR, QCoreApplication.translate("Dashboard", "Households covered")),
                (BAND_COLORS["complete"], QCoreApplication.translate("Dashboard", "Visited within cycle")),
            ]
        )
        self.setToolTip(QCoreApplication.translate("Dashboard", "Click a member's bars to open the member"))

    def bar_center(self, index: int):
        """Where member `index`'s bars are on the widget (for clicking them)."""
        vb = self.getPlotItem().vb
        return self.mapFromScene(vb.mapViewToScene(pg.Point(index, max(self.values[index] / 2, 0.5))))

    def _clicked(self, index: int) -> None:
        self.memberClicked.emit(self.ids[index])


class VisitsChart(Chart):
    """Visits per day or week, stacked by method, with the distinct households reached as a line."""

    def __init__(self, parent=None) -> None:
        super().__init__(QCoreApplication.translate("Dashboard", "Visits over time"), parent)
        self.setMinimumHeight(240)

    def set_figures(self, buckets: Sequence[dashboard.VisitBucket], *, weekly: bool) -> None:
        self.reset()
        title = (
            QCoreApplication.translate("Dashboard", "Visits per week, by method, and households reached")
            if weekly
            else QCoreApplication.translate("Dashboard", "Visits per day, by method, and households reached")
        )
        self.setTitleText(title)
        if not buckets:
            return
        item = self.getPlotItem()
        x = list(range(len(buckets)))
        base = [0.0] * len(buckets)
        for method in VISIT_METHODS:
            heights = [b.by_method.get(method, 0) for b in buckets]
            item.addItem(
                pg.BarGraphItem(
                    x=x,
                    y0=list(base),
                    height=heights,
                    width=0.85 if weekly else 1.0,
                    brush=METHOD_COLORS[method],
                    pen=pg.mkPen(None),
                )
            )
            base = [a + b for a, b in zip(base, heights, strict=True)]
        item.addItem(
            pg.PlotDataItem(
                x, [b.households_reached for b in buckets], pen=pg.mkPen(HOUSEHOLDS_COLOR, width=1.6)
            )
        )
        item.setXRange(-0.6, len(buckets) - 0.4, padding=0)
        item.setYRange(0, max(max(base), 1) * 1.22, padding=0)
        self.set_dates([b.start for b in buckets], weekly=weekly)
        self.add_legend(
            [(METHOD_COLORS[m], labels.visit_method(m)) for m in VISIT_METHODS]
            + [(HOUSEHOLDS_COLOR, QCoreApplication.translate("Dashboard", "Households reached"))]
        )


class RequestsByCategoryChart(Chart):
    """Requests received in the period, by category, stacked by status: one bar per row, the category
    names down the left, each on its own line, so they never run into each other."""

    def __init__(self, parent=None) -> None:
        super().__init__(
            QCoreApplication.translate("Dashboard", "Requests received, by category and status"), parent
        )
        item = self.getPlotItem()
        item.showGrid(x=True, y=False, alpha=0.25)
        item.getAxis("left").setStyle(autoExpandTextSpace=True)
        self.categories: list[str] = []

    def set_figures(self, by_category_status: dict[str, dict[str, int]]) -> None:
        self.reset()
        categories = sorted(by_category_status, key=lambda c: -sum(by_category_status[c].values()))
        self.categories = categories
        item = self.getPlotItem()
        if not categories:
            item.getAxis("left").setTicks([[], []])
            return
        # The largest at the top: row 0 is drawn highest.
        y = [len(categories) - 1 - i for i in range(len(categories))]
        base = [0.0] * len(categories)
        for status in REQUEST_STATUSES:
            widths = [by_category_status[c].get(status, 0) for c in categories]
            item.addItem(
                pg.BarGraphItem(
                    x0=list(base),
                    y=y,
                    width=widths,
                    height=0.66,
                    brush=STATUS_COLORS[status],
                    pen=pg.mkPen(None),
                )
            )
            base = [a + b for a, b in zip(base, widths, strict=True)]
        # Headroom above the top bar for the legend's row (it is taller than a bar row).
        item.setYRange(-0.6, len(categories) - 0.4 + 3.6, padding=0)
        item.setXRange(0, max(base) * 1.08 + 1, padding=0)
        item.getAxis("left").setTicks(
            [[(yy, labels.request_category(c)) for yy, c in zip(y, categories, strict=True)], []]
        )
        item.getAxis("bottom").setTicks(None)
        self.add_legend([(STATUS_COLORS[s], labels.request_status(s)) for s in REQUEST_STATUSES])


def age_bucket_label(index: int) -> str:
    return [
        QCoreApplication.translate("Dashboard", "< 1 day"),
        QCoreApplication.translate("Dashboard", "1–3 days"),
        QCoreApplication.translate("Dashboard", "3–7 days"),
        QCoreApplication.translate("Dashboard", "7–30 days"),
        QCoreApplication.translate("Dashboard", "> 30 days"),
    ][index]


class RequestAgeChart(Chart):
    """How long the open requests have been waiting."""

    def __init__(self, parent=None) -> None:
        super().__init__(QCoreApplication.translate("Dashboard", "Open requests by age"), parent)

    def set_figures(self, ages: Sequence[int]) -> None:
        self.reset()
        colors = ["#8fc97a", "#cfe07a", "#f6bf3b", "#f08a3c", "#e05a4f"]
        item = self.getPlotItem()
        item.addItem(
            pg.BarGraphItem(
                x=list(range(len(ages))),
                height=list(ages),
                width=0.7,
                brushes=[pg.mkBrush(c) for c in colors[: len(ages)]],
                pen=pg.mkPen(None),
            )
        )
        item.setXRange(-0.6, len(ages) - 0.4, padding=0)
        item.setYRange(0, max(max(ages, default=0), 1) * 1.1, padding=0)
        self.set_categories([age_bucket_label(i) for i in range(len(ages))])


class ResolutionTrendChart(Chart):
    """Median time to resolve (hours) per month or week, with how many were resolved."""

    def __init__(self, parent=None) -> None:
        super().__init__(QCoreApplication.translate("Dashboard", "Median time to resolve (hours)"), parent)

    def set_figures(self, points: Sequence[dashboard.TrendPoint], *, weekly: bool) -> None:
        self.reset()
        if not points:
            return
        item = self.getPlotItem()
        x = [i for i, p in enumerate(points) if p.median_hours is not None]
        y = [p.median_hours for p in points if p.median_hours is not None]
        item.addItem(
            pg.PlotDataItem(
                x,
                y,
                pen=pg.mkPen("#3b6fb6", width=2),
                symbol="o",
                symbolSize=5,
                symbolBrush="#3b6fb6",
                symbolPen=None,
            )
        )
        item.setXRange(-0.6, len(points) - 0.4, padding=0)
        item.setYRange(0, max(y, default=1) * 1.15 + 1, padding=0)
        ticks = [
            (i, f"{p.start.month}/{p.start.day}" if weekly else f"{p.start.year % 100:02d}/{p.start.month}")
            for i, p in enumerate(points)
        ]
        step = max(1, -(-len(ticks) // 12))
        self.getPlotItem().getAxis("bottom").setTicks([ticks[::step], []])
