"""Unpaired priority households with a proposed member: accept one by one, all at once, or change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import proposals, records
from gridboard.models.members import load_limit
from gridboard.models.proposals import Proposal
from gridboard.ui import ask, ops
from gridboard.ui.reader import ReadWorker
from gridboard.ui.tables import size_columns

TIER_COLORS = {2: QColor("#b3261e"), 1: QColor("#b26a00")}

_ROOT = QModelIndex()


class ProposalsModel(QAbstractTableModel):
    COLUMNS = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Proposal] = []
        self.limit = 30
        self.changed_to: dict[int, tuple[int, str]] = {}  # household -> (member, name) chosen instead

    def set_rows(self, rows: list[Proposal]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.changed_to = {k: v for k, v in self.changed_to.items() if any(r.household_id == k for r in rows)}
        self.endResetModel()

    def member_for(self, row: int) -> int | None:
        p = self.rows[row]
        return self.changed_to.get(p.household_id, (p.member_id, ""))[0]

    def change(self, row: int, member_id: int, name: str) -> None:
        self.changed_to[self.rows[row].household_id] = (member_id, name)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Grid"),
            self.tr("Household"),
            self.tr("Head"),
            self.tr("Risk"),
            self.tr("Proposed member"),
            self.tr("Why"),
            self.tr("Their load"),
        )[section]

    def nearness(self, code: str | None) -> str:
        return {
            "unit": self.tr("Same unit"),
            "building": self.tr("Same building"),
            "grid": self.tr("Same grid"),
            "changed": self.tr("Chosen by you"),
        }.get(code or "", self.tr("Nobody has room"))

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        column = index.column()
        changed = self.changed_to.get(p.household_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return p.grid_name
            if column == 1:
                return f"{p.building_name} {p.unit}-{p.room}"
            if column == 2:
                return p.head_name
            if column == 3:
                return self.tr("High") if p.priority_tier >= 2 else self.tr("Priority")
            if column == 4:
                return changed[1] if changed else (p.member_name or "—")
            if column == 5:
                return self.nearness("changed" if changed else p.nearness)
            if column == 6:
                return "" if changed or p.member_id is None else f"{p.member_load} / {self.limit}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 3:
                return QBrush(TIER_COLORS.get(p.priority_tier, QColor("#333333")))
            if column in (4, 5) and p.member_id is None and not changed:
                return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.UserRole:
            return p.household_id
        return None


class ProposalsPanel(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalsPanel")
        self.window_ = window
        self._dirty = True
        # Which community to propose for (the members view sets it to its own choice; None is all).
        self.community_id: Callable[[], int | None] = lambda: None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("proposalsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ProposalsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("proposalsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("acceptSelectedButton", self.tr("Accept selected"), self.accept_selected),
            ("acceptAllButton", self.tr("Accept all"), self.accept_all),
            ("changeMemberButton", self.tr("Change member…"), self.change_member),
            ("refreshProposalsButton", self.tr("Propose again"), self.refresh),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        layout.addLayout(row)
        self._pending: int | None = None
        self._sized = False
        self.reader = ReadWorker(window.store, self, name="proposals")
        self.reader.finished.connect(self._proposed)
        self.reader.failed.connect(self._failed)
        window.closed.connect(self.reader.shutdown)

    def mark_dirty(self) -> None:
        self._dirty = True

    def refresh_if_dirty(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Propose again: computed off the GUI thread for a file (a city's community takes a while)."""
        self._dirty = False
        community = self.community_id()
        self._pending = self.reader.seq + 1
        self.reader.request(
            lambda store: (proposals.propose(store, community_id=community), load_limit(store))
        )

    @property
    def up_to_date(self) -> bool:
        return self._pending is None and not self._dirty

    def _proposed(self, seq: int, result: tuple[list[Proposal], int]) -> None:
        if seq != self.reader.seq:
            return
        self._pending = None
        rows, limit = result
        self.model.limit = limit
        self.model.set_rows(rows)
        nobody = sum(p.member_id is None for p in rows)
        self.summary.setText(
            self.tr(
                "{count} priority households have nobody covering them. Each has a proposed member: same unit "
                "first, then same building, then same grid; lowest load first, never over the limit."
            ).format(count=len(rows))
            + ("" if not nobody else " " + self.tr("{n} have nobody with room left.").format(n=nobody))
        )
        if not self._sized and rows:
            self._sized = True
            size_columns(self.table, skip_last=False)
        self.buttons["acceptAllButton"].setEnabled(
            any(p.member_id for p in rows) or bool(self.model.changed_to)
        )

    def _failed(self, seq: int, error: Exception) -> None:
        if seq != self.reader.seq:
            return
        self._pending = None
        raise error

    def _choices(self, rows: list[int]) -> list[tuple[int, int]]:
        choices = []
        for row in rows:
            member_id = self.model.member_for(row)
            if member_id is not None:
                choices.append((self.model.rows[row].household_id, member_id))
        return choices

    def _accept(self, choices: list[tuple[int, int]]) -> bool:
        if not choices:
            return False
        reason = self.tr("Priority household")
        done = ops.run(
            self.window_,
            self.tr("Accept {count} proposed pairings").format(count=len(choices)),
            lambda s: proposals.accept_proposals(s, choices, reason=reason),
            parent=self,
        )
        self.refresh()
        return done is not ops.FAILED

    def accept_selected(self) -> bool:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return self._accept(self._choices(rows))

    def accept_all(self) -> bool:
        return self._accept(self._choices(list(range(len(self.model.rows)))))

    def change_member(self) -> Any:
        from gridboard.ui.pairing.dialogs import ChooseMemberDialog

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            ask.inform(self, self.tr("Change member"), self.tr("Select a household in the list first."))
            return None
        row = rows[0].row()
        dialog = ChooseMemberDialog(
            self.window_, self.tr("Change member"), current=self.model.member_for(row)
        )

        def chosen() -> None:
            if dialog.chosen is not None:
                name = records.name_of(self.window_.store, "member", dialog.chosen)
                self.model.change(row, dialog.chosen, name)

        dialog.accepted.connect(chosen)
        return dialog.open_modal()

    def _open(self, index: QModelIndex) -> None:
        self.window_.navigate("household", self.model.rows[index.row()].household_id)
