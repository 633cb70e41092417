"""The dashboard's table of communities side by side (a street or city file), read beside the figures
(`worker.beside_job`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridboard.models.communities import CommunityRow

# The table shows this many rows before it scrolls (a city has over a hundred communities).
VISIBLE_ROWS = 8


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{100 * share:.1f}%"


class CommunitiesBox(QGroupBox):
    """Communities compared: one row each, the dashboard's own figures for it alone. Double-click a
    row to look at that community."""

    chosen = Signal(int)  # a community's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashCommunities")
        self.setTitle(self.tr("Communities compared"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.table = QTableWidget(self)
        self.table.setObjectName("dashCommunitiesTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table)
        self._shown: list[CommunityRow] | None = None
        # As tall as its rows: the charts below get the rest of the screen.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setVisible(False)

    def headers(self) -> list[str]:
        return [
            self.tr("Community"),
            self.tr("Grids"),
            self.tr("Households"),
            self.tr("Paired"),
            self.tr("Visited within cycle"),
            self.tr("Priority households overdue"),
            self.tr("Visits this week"),
            self.tr("Open requests"),
            self.tr("Overdue requests"),
        ]

    def show_rows(self, rows: list[CommunityRow]) -> None:
        """Show the communities' rows (hidden when there are none)."""
        self.setVisible(bool(rows))
        if rows == self._shown:
            return
        self._shown = rows
        table = self.table
        table.setSortingEnabled(False)
        table.setUpdatesEnabled(False)
        try:
            table.clearContents()
            table.setColumnCount(len(self.headers()))
            table.setHorizontalHeaderLabels(self.headers())
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                cells = [
                    (row.name, row.name),
                    (f"{row.grids:,}", row.grids),
                    (f"{row.households:,}", row.households),
                    (f"{_percent(row.paired_share)} ({row.paired:,})", row.paired_share or 0.0),
                    (f"{_percent(row.visited_share)} ({row.visited_in_cycle:,})", row.visited_share or 0.0),
                    (f"{row.priority_overdue:,}", row.priority_overdue),
                    (f"{row.visits_this_week:,}", row.visits_this_week),
                    (f"{row.open_requests:,}", row.open_requests),
                    (f"{row.overdue_requests:,}", row.overdue_requests),
                ]
                for c, (text, key) in enumerate(cells):
                    item = _Item(text, key)
                    if c == 0:
                        item.setData(Qt.ItemDataRole.UserRole, row.id)
                    else:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(r, c, item)
            table.resizeColumnsToContents()
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            shown = min(len(rows), VISIBLE_ROWS)
            height = header.sizeHint().height() + shown * table.verticalHeader().defaultSectionSize() + 4
            table.setFixedHeight(height)
            self.setFixedHeight(height + self.fontMetrics().height() + 20)  # the title and margins
        finally:
            table.setUpdatesEnabled(True)
            table.setSortingEnabled(True)

    def _double_clicked(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class _Item(QTableWidgetItem):
    """A cell that sorts by its figure, not by its text."""

    def __init__(self, text: str, key: object) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _Item) and type(self.key) is type(other.key):
            return self.key < other.key  # type: ignore[operator]
        return super().__lt__(other)
