"""Members view: the list with loads and a load-limit warning, a member's page, and proposals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import board, ledger, members
from gridboard.models.changes import Changes
from gridboard.models.masking import mask_phone
from gridboard.models.members import MemberLoad
from gridboard.ui import labels
from gridboard.ui.members.page import MemberPage
from gridboard.ui.pairing.proposals import ProposalsPanel

# Tables whose changes can alter a member's row (load, visits, own fields).
_MEMBER_TABLES = {"member", "pairing", "scope", "household", "resident", "visit", "setting", "building", "grid_role"}
WARN = QColor("#b3261e")

_ROOT = QModelIndex()


_FIRST = object()  # fill_communities: no earlier choice

class MembersModel(QAbstractTableModel):
    """One row per member (a city has a few tens of thousands): loads come from one grouped query."""

    COLUMNS = 8

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[MemberLoad] = []
        self.limit = 30
        self.show_phones = False

    def set_rows(self, rows: list[MemberLoad], limit: int) -> None:
        self.beginResetModel()
        self.rows, self.limit = rows, limit
        self.endResetModel()

    def set_show_phones(self, on: bool) -> None:
        self.show_phones = on
        if self.rows:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.rows) - 1, 3))

    def row_of(self, member_id: int) -> int:
        return next((i for i, m in enumerate(self.rows) if m.id == member_id), -1)

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Branch / work unit"),
            self.tr("Phone"),
            self.tr("Households"),
            self.tr("Priority"),
            self.tr("Visited this cycle"),
            self.tr("Load"),
        )[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return m.name
            if column == 1:
                return labels.member_kind(m.kind)
            if column == 2:
                return m.affiliation
            if column == 3:
                return m.phone if self.show_phones else mask_phone(m.phone)
            if column == 4:
                return m.households
            if column == 5:
                return m.priority
            if column == 6:
                share = m.visited_share
                return f"{m.visited_in_cycle}" + ("" if share is None else f"  ({share:.0%})")
            if column == 7:
                return self.tr("Over the limit of {limit}").format(limit=self.limit) if m.over_limit else ""
        if role == Qt.ItemDataRole.UserRole:
            return m.id
        if role == Qt.ItemDataRole.UserRole + 1:  # sort key
            return (m.name, labels.member_kind(m.kind), self.data(index), m.phone, m.households, m.priority,
                    m.visited_in_cycle, m.households)[column]
        if role == Qt.ItemDataRole.ForegroundRole and m.over_limit and column in (4, 7):
            return QBrush(WARN)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.over_only = False
        self.setSortRole(Qt.ItemDataRole.UserRole + 1)

    def set_text(self, text: str) -> None:
        self.text = text.strip().lower()
        self.invalidateFilter()

    def set_over_only(self, on: bool) -> None:
        self.over_only = on
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        m = self.sourceModel().rows[row]
        if self.over_only and not m.over_limit:
            return False
        if not self.text:
            return True
        return any(self.text in field.lower() for field in (m.name, m.branch, m.work_unit, m.phone[-4:]))


class MembersList(QWidget):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersList")
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.community = QComboBox(self)
        self.community.setObjectName("communityCombo")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("membersFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name, branch, work unit or phone tail…"))
        self.filter.setClearButtonEnabled(True)
        self.over_only = QCheckBox(self.tr("Only over the limit"), self)
        self.over_only.setObjectName("overLimitOnly")
        self.show_phones = QCheckBox(self.tr("Show phone numbers"), self)
        self.show_phones.setObjectName("showPhones")
        self.new_button = QPushButton(self.tr("New member…"), self)
        self.new_button.setObjectName("newMemberButton")
        for w in (self.community, self.filter, self.over_only, self.show_phones, self.new_button):
            bar.addWidget(w)
        bar.setStretch(1, 1)
        layout.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("membersSummary")
        layout.addWidget(self.summary)
        self.model = MembersModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("membersTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.over_only.toggled.connect(self.proxy.set_over_only)
        self.show_phones.toggled.connect(self.model.set_show_phones)

    def community_id(self) -> int | None:
        return self.community.currentData()

    def fill_communities(self) -> None:
        # On the first fill there is no choice to keep: open on the first community, never on "all"
        # (an empty combo's currentData() is None, which is also the data of "All communities").
        current = self.community.currentData() if self.community.count() else _FIRST
        self.community.blockSignals(True)
        self.community.clear()
        rows = board.community_choices(self.window_.store)
        # A city file holds dozens of communities: show one at a time (all of them on request).
        for community_id, name in rows:
            self.community.addItem(name, community_id)
        if len(rows) != 1:
            self.community.addItem(self.tr("All communities"), None)
        self.community.setCurrentIndex(0 if current is _FIRST else max(self.community.findData(current), 0))
        self.community.setVisible(len(rows) > 1)
        self.community.blockSignals(False)

    def reload(self) -> None:
        store = self.window_.store
        selected = self.member_id()
        rows = members.member_loads(store, community_id=self.community_id())
        self.model.set_rows(rows, members.load_limit(store))
        over = sum(m.over_limit for m in rows)
        self.summary.setText(
            self.tr("{count} serving members · load limit {limit} households · {over} over the limit").format(
                count=len(rows), limit=self.model.limit, over=over
            )
        )
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_member(selected)

    def member_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else int(rows[0].data(Qt.ItemDataRole.UserRole))

    def select_member(self, member_id: int) -> bool:
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            self.over_only.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True


class MembersView(QWidget):
    """The "members" view: list + page on one tab, unpaired priority households on the other."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersView")
        self.window_ = window
        self._dirty = True
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("membersTabs")
        layout.addWidget(self.tabs)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("membersSplitter")
        self.list = MembersList(window, splitter)
        self.page = MemberPage(window, splitter)
        splitter.addWidget(self.list)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.tabs.addTab(splitter, self.tr("Members"))
        self.proposals = ProposalsPanel(window, self)
        self.tabs.addTab(self.proposals, self.tr("Unpaired priority households"))
        self.list.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.proposals.community_id = self.list.community_id
        self.list.community.currentIndexChanged.connect(lambda _i: self._community_changed())
        self.list.show_phones.toggled.connect(self.page.set_show_phones)
        self.list.new_button.clicked.connect(lambda _=False: self._new_member())
        self.tabs.currentChanged.connect(lambda _i: self._refresh_if_shown())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_if_shown)
        window.notifier.changed.connect(self._changed)

    def _new_member(self) -> None:
        from gridboard.ui.editors import ledger_editors

        community = self.list.community_id() or ledger.first_community_id(self.window_.store)
        if community is not None:
            ledger_editors.new_member(self.window_, community)

    def _community_changed(self) -> None:
        self.list.reload()
        self.proposals.mark_dirty()
        self._refresh_if_shown()

    def _selected(self) -> None:
        self.page.set_member(self.list.member_id())

    def _changed(self, changes: Changes) -> None:
        if changes.everything or changes.tables & _MEMBER_TABLES:
            self._dirty = True
            self.proposals.mark_dirty()
            self.page.changed(changes)
            self._timer.start()

    def _refresh_if_shown(self) -> None:
        if not self.isVisible():
            return
        if self._dirty:
            self._dirty = False
            self.list.fill_communities()
            self.list.reload()
        if self.tabs.currentWidget() is self.proposals:
            self.proposals.refresh_if_dirty()

    def show_member(self, member_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self._refresh_if_shown()
        if not self.list.select_member(member_id):
            self.page.set_member(member_id)

    def show_proposals(self) -> None:
        self.tabs.setCurrentWidget(self.proposals)
        self._refresh_if_shown()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._refresh_if_shown()
