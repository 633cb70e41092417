"""Column widths for big item views, measured on a few rows instead of every row Qt would ask."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView


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
