"""The requests list as a thin item model: the matching ids in the secretary's order, rows fetched a page
at a time as they are shown (city files hold hundreds of thousands of requests)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gridboard.models import lists
from gridboard.models import requests as rq
from gridboard.models.clock import now_iso
from gridboard.models.store import Store
from gridboard.ui import labels

PAGE = 100
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_FILL = QColor("#fde7e4")
CLOSED_TEXT = QColor("#6b6b6b")
_OVERDUE_BRUSH, _CLOSED_BRUSH, _FILL_BRUSH = QBrush(OVERDUE_TEXT), QBrush(CLOSED_TEXT), QBrush(OVERDUE_FILL)
_BOLD: list[QFont] = []


def _bold() -> QFont:
    if not _BOLD:  # made once, after the application is
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        ID_ROLE,
        ROW_ROLE,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)

COLUMNS = ("number", "status", "category", "urgency", "address", "community", "grid", "text", "source",
           "assignee", "collected", "due", "age")  # fmt: skip


class RequestTableModel(QAbstractTableModel):
    """Rows are request ids; `data()` reads from a page cache, never the file on every call."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = rq.RequestFilter()
        self.now = now_iso()
        self.ids: list[int] = []
        # grid id -> community name when the file holds several communities (else empty: no column).
        self.communities: dict[int, str] = {}
        self._pages: dict[int, list[rq.RequestRow | None]] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # row -> its columns' texts, made when first shown
        self._headers = {
            "number": self.tr("No."),
            "status": self.tr("Status"),
            "category": self.tr("Category"),
            "urgency": self.tr("Urgency"),
            "address": self.tr("Household"),
            "community": self.tr("Community"),
            "grid": self.tr("Grid"),
            "text": self.tr("Request"),
            "source": self.tr("Source"),
            "assignee": self.tr("Assigned to"),
            "collected": self.tr("Received"),
            "due": self.tr("Due"),
            "age": self.tr("Age"),
        }

    # -- loading -------------------------------------------------------------------------------------

    def set_filter(self, request_filter: rq.RequestFilter) -> None:
        self.filter = request_filter
        self.reload()

    def reload(self) -> None:
        """Ask again which requests match (after a filter change or an action)."""
        now = now_iso()
        self.set_ids(
            rq.request_ids(self.store, self.filter, now=now), now, lists.grid_communities(self.store)
        )

    def set_ids(self, ids: list[int], now: str, communities: dict[int, str]) -> None:
        """The requests matching the filter, read (off the GUI thread or not) at `now`."""
        self.beginResetModel()
        self.now = now
        self.ids = ids
        self.communities = communities
        self._pages.clear()
        self._texts.clear()
        self.endResetModel()

    def refetch_rows(self) -> None:
        """The same requests in the same order, their rows read again as they are shown (after a
        change, before the list itself is read again)."""
        self.now = now_iso()
        self._pages.clear()
        self._texts.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def row_at(self, row: int) -> rq.RequestRow | None:
        if not 0 <= row < len(self.ids):
            return None
        page = row // PAGE
        if page not in self._pages:
            chunk = self.ids[page * PAGE : (page + 1) * PAGE]
            found = rq.fetch_rows(self.store, chunk, now=self.now)
            self._pages[page] = [found.get(i) for i in chunk]
        return self._pages[page][row % PAGE]

    def row_of(self, request_id: int) -> int:
        try:
            return self.ids.index(request_id)
        except ValueError:
            return -1

    # -- texts ------------------------------------------------------------------------------------------

    def age_text(self, row: rq.RequestRow) -> str:
        end = row.resolved_at if not row.is_open and row.resolved_at else self.now
        hours = (
            datetime.fromisoformat(end) - datetime.fromisoformat(row.collected_at)
        ).total_seconds() / 3600
        if hours < 24:
            return self.tr("{hours} h").format(hours=max(int(hours), 0))
        return self.tr("{days} d").format(days=int(hours // 24))

    def status_text(self, row: rq.RequestRow) -> str:
        if row.withdrawn:
            return self.tr("Withdrawn")
        text = labels.request_status(row.status)
        if row.overdue:
            text = self.tr("{status} · overdue").format(status=text)
        if row.reopen_count:
            text = self.tr("{status} (reopened)").format(status=text)
        return text

    def text_for(self, row: rq.RequestRow, column: str) -> str:
        if column == "number":
            return str(row.id)
        if column == "status":
            return self.status_text(row)
        if column == "category":
            return labels.request_category(row.category)
        if column == "urgency":
            return labels.request_urgency(row.urgency)
        if column == "address":
            return f"{row.address} {row.head_name}".strip()
        if column == "community":
            return self.communities.get(row.grid_id, "")
        if column == "grid":
            return row.grid_name
        if column == "text":
            return row.text
        if column == "source":
            return labels.request_source(row.source)
        if column == "assignee":
            return row.assignee
        if column == "collected":
            return row.collected_at[:10]
        if column == "due":
            return (row.due_at or "")[:16]
        if column == "age":
            return self.age_text(row)
        return ""

    # -- Qt overrides ------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._headers[COLUMNS[section]]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # A screenful is painted asking ~8 roles of each of ~400 cells: roles nobody answers return
        # at once, and a row's texts are made once, not once per role per paint.
        if role not in _ROLES or not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        number = index.row()
        row = self.row_at(number)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(number)
            if texts is None:
                texts = self._texts[number] = tuple(self.text_for(row, c) for c in COLUMNS)
            return texts[index.column()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "source" and row.hotline_ticket:
                return f"{labels.request_source(row.source)} {row.hotline_ticket}"
            return row.collected_at[:16] if column == "collected" else self.text_for(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.overdue:
                return _OVERDUE_BRUSH
            if not row.is_open:
                return _CLOSED_BRUSH
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return _FILL_BRUSH
        if role == Qt.ItemDataRole.FontRole and row.overdue and column in ("status", "due"):
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("number", "age"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
