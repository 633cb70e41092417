"""Big item views: column widths measured on a few rows instead of every row Qt would ask, and
combo boxes of many choices."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QTableView

_ROOT = QModelIndex()


def size_columns(view: QTableView, *, sample: int = 30, widest: int = 320, skip_last: bool = True) -> None:
    """Each column as wide as its header and the display text of the first `sample` rows.

    Qt's resize-to-contents asks every role of every cell it measures (a Python `data()` call each),
    and in ResizeToContents mode it measures again on every change: on a city file, seconds.
    """
    model = view.model()
    if model is None:
        return
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    rows = min(sample, model.rowCount())
    columns = model.columnCount() - (1 if skip_last and header.stretchLastSection() else 0)
    for column in range(columns):
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(row, column).data() or "") for row in range(rows)]
        width = max(metrics.horizontalAdvance(text) for text in texts) + 24
        header.resizeSection(column, min(width, widest))


class Choices(QAbstractListModel):
    """A combo box's choices as one Python list of (text, data): a city's twenty thousand assignees are
    set in one call (no `addItem` each), and `findData` is a dict lookup, not a `data()` call per row.
    Give the combo a size policy that does not measure every item (see `use_choices`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, Any]] = []
        self._rows: dict[Any, int] = {}

    def set_items(self, items: list[tuple[str, Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self._rows = {}
        for row, (_text, data) in enumerate(items):
            self._rows.setdefault(data, row)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return self.items[index.row()][0]
        if role == Qt.ItemDataRole.UserRole:
            return self.items[index.row()][1]
        return None

    def match(
        self,
        start: QModelIndex | QPersistentModelIndex,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Any = Qt.MatchFlag.MatchExactly,
    ) -> list[QModelIndex]:
        if role == Qt.ItemDataRole.UserRole:
            try:
                row = self._rows.get(value, -1)
            except TypeError:  # an unhashable value is no choice of ours
                row = -1
            return [self.index(row, 0)] if row >= 0 else []
        return super().match(start, role, value, hits, flags)


def use_choices(combo: QComboBox, *, length: int = 12) -> Choices:
    """Give `combo` a Choices model and a width that is not measured over every item."""
    model = Choices(combo)
    combo.setModel(model)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(length)
    return model


def communities_shown(store: Any, chosen_community: int | None) -> dict[int, str]:
    """grid id -> community name for a list whose grids come from several communities: empty (no
    community column) when the list shows one chosen community or the file holds only one."""
    from gridboard.models import lists

    return {} if chosen_community is not None else lists.grid_communities(store)
