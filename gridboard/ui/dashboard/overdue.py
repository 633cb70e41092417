"""Overdue priority households: a sortable table model holding ids, fetching the rows shown in pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from gridboard.models import dashboard
from gridboard.models.store import Store

PAGE = 100
# Column -> sort key of dashboard.OVERDUE_SORTS (tags and last reached sort like days overdue).
SORT_KEYS = ("overdue", "address", "grid", "head", "tier", "overdue", "overdue")
Index = QModelIndex | QPersistentModelIndex


class OverdueModel(QAbstractTableModel):
    """Rows are household ids (most overdue first by default); row details come from the store as shown."""

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.filters = dashboard.Filters()
        self.ids: list[int] = []
        self._rows: dict[int, dashboard.OverdueRow] = {}
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._computed = False  # no figures yet: a sort only records the user's choice

    def set_ids(self, ids: list[int], filters: dashboard.Filters) -> None:
        """New figures: the default order from the computation, or re-sorted to the user's choice."""
        self.beginResetModel()
        self.filters = filters
        self._computed = True
        self._rows.clear()
        if self._default_order():
            self.ids = list(ids)
        else:
            self.ids = self._sorted_ids()
        self.endResetModel()

    def household_id(self, row: int) -> int:
        return self.ids[row]

    def row_at(self, row: int) -> dashboard.OverdueRow | None:
        household = self.ids[row]
        if household not in self._rows and not self.store.closed:  # a late repaint after closing
            start = (row // PAGE) * PAGE
            for found in dashboard.overdue_rows(self.store, self.ids[start : start + PAGE], self.filters):
                self._rows[found.id] = found
        return self._rows.get(household)

    def _default_order(self) -> bool:
        return self.sort_column == 0 and self.sort_order == Qt.SortOrder.AscendingOrder

    def _sorted_ids(self) -> list[int]:
        return dashboard.overdue_priority_ids(
            self.store,
            self.filters,
            sort=SORT_KEYS[self.sort_column],
            descending=self.sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _text(self, row: dashboard.OverdueRow, column: int) -> str:
        if column == 0:
            if row.days_overdue is None:
                return self.tr("Never visited")
            return self.tr("{days} days").format(days=row.days_overdue)
        if column == 1:
            return row.address
        if column == 2:
            return row.grid
        if column == 3:
            return row.head_name
        if column == 4:
            return self.tr("High") if row.tier >= 2 else self.tr("Priority")
        if column == 5:
            return row.tags
        return (row.last_reached_at or "")[:10] or self.tr("—")

    # -- Qt overrides --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SORT_KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (
            self.tr("Overdue by"),
            self.tr("Address"),
            self.tr("Grid"),
            self.tr("Head of household"),
            self.tr("Tier"),
            self.tr("Groups"),
            self.tr("Last reached"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == 0 and (row.days_overdue is None or row.days_overdue > 30):
                return QBrush(QColor("#b3261e"))
            return None
        return self._text(row, index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        if not self._computed:
            return
        self.beginResetModel()
        self.ids = self._sorted_ids()
        self.endResetModel()
