"""The points ranking (双积分) by grid and by work unit, for the quarter or the year: its own widget,
shown in the serve view and available to the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gridboard.models import service
from gridboard.models.clock import today
from gridboard.models.store import Store


def ranking_rows(
    lines: list[service.RankLine], name: Callable[[service.RankLine], str] | None = None
) -> list[list[Any]]:
    """The ranking's rows as both the serve view and the dashboard show them: No., name, members,
    services, hours, points."""
    return [
        [
            i,
            name(line) if name is not None else line.name,
            line.members,
            line.services,
            float(line.hours or 0),
            float(line.points or 0),
        ]
        for i, line in enumerate(lines, 1)
    ]


class RankingWidget(QWidget):
    """Two lists side by side: grids and units, most points first."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from gridboard.ui.serve.view import Table

        self.setObjectName("pointsRanking")
        self.store = store
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        self.period = QComboBox(self)
        self.period.setObjectName("rankingPeriod")
        quarter = service.quarter_of(today())
        self.period.addItem(self.tr("This quarter ({quarter})").format(quarter=quarter), quarter)
        self.period.addItem(self.tr("This year"), "year")
        self.period.addItem(self.tr("All time"), None)
        self.period.currentIndexChanged.connect(lambda _=0: self.refresh())
        bar.addWidget(self.period)
        bar.addStretch(1)
        layout.addLayout(bar)
        lists = QHBoxLayout()
        headers = [
            self.tr("No."),
            "",
            self.tr("Members"),
            self.tr("Services"),
            self.tr("Hours"),
            self.tr("Points"),
        ]
        self.by_grid = Table("rankingByGrid", [headers[0], self.tr("Grid"), *headers[2:]], self)
        self.by_unit = Table("rankingByUnit", [headers[0], self.tr("Unit"), *headers[2:]], self)
        for title, table in ((self.tr("By grid"), self.by_grid), (self.tr("By unit"), self.by_unit)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>", self))
            column.addWidget(table)
            lists.addLayout(column)
        layout.addLayout(lists, 1)

    def period_range(self) -> tuple[str | None, str | None]:
        value = self.period.currentData()
        if value is None:
            return None, None
        if value == "year":
            return f"{today().year}-01-01", f"{today().year}-12-31"
        return service.quarter_range(value)

    def refresh(self) -> None:
        start, end = self.period_range()
        for by, table in (("grid", self.by_grid), ("unit", self.by_unit)):
            lines = service.ranking(self.store, by, start=start, end=end, limit=50)
            table.fill(ranking_rows(lines), [line.key for line in lines])
