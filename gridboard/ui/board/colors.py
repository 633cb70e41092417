"""The board's palette: a colour per visit status and per coverage band, and the legend that explains them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gridboard.models.vocab import VISIT_STATUSES
from gridboard.ui import labels

# (fill, text) for each visit status: red for overdue, amber for due soon, green for done, grey for vacant.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "vacant": ("#e4e4e4", "#9a9a9a"),
    "not_paired": ("#8fa3b0", "#ffffff"),
    "never_visited": ("#b07cc6", "#ffffff"),
    "overdue": ("#e05a4f", "#ffffff"),
    "due_soon": ("#f6bf3b", "#3a2a00"),
    "ok": ("#5fb36a", "#ffffff"),
}

BAND_COLORS: dict[str, str] = {
    "complete": "#5fb36a",
    "nearly": "#b5d56a",
    "behind": "#f6bf3b",
    "not_started": "#e05a4f",
}

SELECTION = QColor("#1746a2")
HIGHLIGHT = QColor("#111111")
MARKER = QColor("#b3261e")
BADGE = QColor("#c62828")


_FILLS = {status: QColor(fill) for status, (fill, _) in STATUS_COLORS.items()}
_TEXTS = {status: QColor(text) for status, (_, text) in STATUS_COLORS.items()}
STATUS_TEXT_COLORS = _TEXTS  # shared: never change these


def status_fill(status: str) -> QColor:
    """A shared colour: copy it (QColor(c)) before changing it."""
    return _FILLS.get(status, _FILLS["vacant"])


def status_text(status: str) -> QColor:
    return _TEXTS.get(status, _TEXTS["vacant"])


def band_fill(band: str) -> QColor:
    return QColor(BAND_COLORS.get(band, BAND_COLORS["not_started"]))


def swatch(color: str, text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(
        f'<span style="background-color:{color}; color:{color};">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{text}'
    )
    return label


class StatusLegend(QWidget):
    """Always visible under the map: what each colour, marker and badge means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLegend")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 2, 6, 2)
        rows.setSpacing(1)
        layout = QHBoxLayout()
        layout.setSpacing(14)
        for status in VISIT_STATUSES:
            layout.addWidget(swatch(STATUS_COLORS[status][0], labels.visit_status(status), self))
        layout.addStretch(1)
        rows.addLayout(layout)
        layout = QHBoxLayout()
        rows.addLayout(layout)
        self.markers = QLabel(self)
        self.markers.setObjectName("markerLegend")
        self.markers.setTextFormat(Qt.TextFormat.RichText)
        self.markers.setWordWrap(True)
        layout.addWidget(self.markers, 1)
        self.set_markers([])

    def set_markers(self, legend: list[tuple[str, str]]) -> None:
        """Every marker the map can show (`board.marker_legend`), each with the groups it stands for."""
        import html

        parts = [
            f'<span style="color:#b3261e; background:#ffffff"><b>{html.escape(m)}</b></span>&nbsp;{html.escape(names)}'
            for m, names in legend
        ]
        parts.append(
            '<span style="color:#c62828"><b>●2</b></span>&nbsp;' + html.escape(self.tr("open requests"))
        )
        self.markers.setText(" · ".join(parts))
        self.markers.setToolTip(self.tr("Markers in the corner of a room: its residents' special groups."))


class BandLegend(QWidget):
    """The coverage bands that colour the site plan's buildings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bandLegend")
        # Two rows, so the board fits a 1366-pixel office screen beside the tree and the panel.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 2, 6, 2)
        rows.setSpacing(1)
        layout = QHBoxLayout()
        layout.setSpacing(14)
        layout.addWidget(QLabel(self.tr("Visited within cycle:"), self))
        for band, color in BAND_COLORS.items():
            layout.addWidget(swatch(color, labels.coverage_band(band), self))
        layout.addStretch(1)
        rows.addLayout(layout)
        hint = QLabel(self.tr("Drag a building to arrange the plan; click it to open its floor map."), self)
        hint.setObjectName("sitePlanHint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666666;")
        rows.addWidget(hint)
