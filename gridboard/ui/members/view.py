"""Members view: the list with loads and a load-limit warning, a member's page, and proposals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
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

from gridboard.models import board, ledger, members, vocab
from gridboard.models.changes import Changes
from gridboard.models.masking import mask_phone
from gridboard.models.members import MemberLoad
from gridboard.ui import labels
from gridboard.ui.members.page import MemberPage
from gridboard.ui.pairing.proposals import ProposalsPanel
from gridboard.ui.reader import WARM_AFTER_MS, ReadWorker
from gridboard.ui.tables import size_columns

# Tables whose changes can alter a member's row (load, visits, own fields).
_MEMBER_TABLES = {
    "member",
    "pairing",
    "scope",
    "household",
    "resident",
    "visit",
    "setting",
    "building",
    "grid_role",
}
WARN = QColor("#b3261e")

_ROOT = QModelIndex()


_FIRST = object()  # fill_communities: no earlier choice

PAGE = 100


class MembersModel(QAbstractTableModel):
    """The members shown, as ids in the order SQL sorted them (a city has tens of thousands); each
    row's details are fetched a page at a time as the view shows it. Sorting and filtering ask the
    list's reader for new ids (off the GUI thread for a file); the selection follows its member."""

    COLUMNS = 8

    def __init__(self, store: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ids: list[int] = []
        self._rows: dict[int, MemberLoad] = {}
        self.limit = 30
        self.show_phones = False
        self.sort_column = 4
        self.sort_order = Qt.SortOrder.DescendingOrder
        self.sort_requested: Callable[[], None] = lambda: None

    @property
    def rows(self) -> list[MemberLoad]:
        """Every row shown, in order (fetches them all: for small lists and tests)."""
        return [r for r in (self.row_at(i) for i in range(len(self.ids))) if r is not None]

    def set_ids(self, found: members.MemberIds) -> None:
        """New ids: the rows' details are read again; persistent indexes (the selection) follow their
        member, or are dropped with it."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        was = [self.ids[i.row()] if 0 <= i.row() < len(self.ids) else None for i in old]
        self.ids, self.limit = found.ids, found.limit
        self._rows.clear()
        # Only the few members selected or current are looked for (a C-level scan each), not a
        # position for every one of a city's 70,000.
        position: dict[int, int] = {}
        for member_id in {m for m in was if m is not None}:
            try:
                position[member_id] = self.ids.index(member_id)
            except ValueError:
                pass
        self.changePersistentIndexList(
            old,
            [
                self.index(position[m], i.column()) if m in position else QModelIndex()
                for m, i in zip(was, old)
            ],
        )
        self.layoutChanged.emit()

    def set_show_phones(self, on: bool) -> None:
        self.show_phones = on
        if self.ids:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.ids) - 1, 3))

    def row_of(self, member_id: int) -> int:
        try:
            return self.ids.index(member_id)
        except ValueError:
            return -1

    def row_at(self, row: int) -> MemberLoad | None:
        member_id = self.ids[row]
        if member_id not in self._rows and not self.store.closed:  # a late repaint after closing
            start = (row // PAGE) * PAGE
            for found in members.member_rows(self.store, self.ids[start : start + PAGE]):
                self._rows[found.id] = found
        return self._rows.get(member_id)

    def sort_key(self) -> tuple[str, bool]:
        return members.MEMBER_SORTS[self.sort_column], self.sort_order == Qt.SortOrder.DescendingOrder

    # -- Qt overrides ---------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
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
        if not index.isValid() or not 0 <= index.row() < len(self.ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (4, 5, 6):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        m = self.row_at(index.row())
        if m is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(WARN) if m.over_limit and column in (4, 7) else None
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
        return self.tr("Over the limit of {limit}").format(limit=self.limit) if m.over_limit else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self.sort_column, self.sort_order):
            return
        self.sort_column, self.sort_order = column, order
        self.sort_requested()


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
        self.model = MembersModel(window.store, self)
        self.table = QTableView(self)
        self.table.setObjectName("membersTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column, self.model.sort_order)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Column widths from the first rows only: measuring every row of a city reads every member.
        header.setResizeContentsPrecision(PAGE)
        self._sized = False
        layout.addWidget(self.table, 1)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.reload)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.over_only.toggled.connect(lambda _on: self.reload())
        self.show_phones.toggled.connect(self.model.set_show_phones)
        self.reader = ReadWorker(window.store, self, name="members")
        self.reader.finished.connect(self._found)
        self.reader.failed.connect(self._failed)
        window.closed.connect(self.reader.shutdown)
        # Its connection is opened once the window is up, so the first showing does not wait for it.
        QTimer.singleShot(WARM_AFTER_MS, self, self.reader.warm)
        self._pending: int | None = None
        self._select_after: int | None = None
        self.model.sort_requested = self.reload

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

    def query(self) -> members.MemberQuery:
        sort, descending = self.model.sort_key()
        kinds = sorted(vocab.MEMBER_KINDS, key=labels.member_kind) if sort == "kind" else ()
        return members.MemberQuery(
            community_id=self.community_id(),
            text=self.filter.text(),
            over_only=self.over_only.isChecked(),
            sort=sort,
            descending=descending,
            kind_order=tuple(kinds),
        )

    def reload(self) -> None:
        """Ask for the members shown (sorted and filtered in SQL, off the GUI thread for a file)."""
        self._filter_timer.stop()
        query = self.query()
        self._pending = self.reader.seq + 1
        self.reader.request(lambda store: members.member_ids(store, query))

    @property
    def up_to_date(self) -> bool:
        return self._pending is None

    def _found(self, seq: int, found: members.MemberIds) -> None:
        if seq != self.reader.seq:
            return
        self._pending = None
        self.model.set_ids(found)
        self.summary.setText(
            self.tr("{count} serving members · load limit {limit} households · {over} over the limit").format(
                count=found.total, limit=found.limit, over=found.over
            )
        )
        if not self._sized and found.ids:
            self._sized = True
            size_columns(self.table)
        wanted, self._select_after = self._select_after, None
        if wanted is not None:
            self.select_member(wanted)

    def _failed(self, seq: int, error: Exception) -> None:
        if seq != self.reader.seq:
            return
        self._pending = None
        raise error

    def member_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return None if not rows else int(rows[0].data(Qt.ItemDataRole.UserRole))

    def select_member(self, member_id: int) -> bool:
        """Select a member shown; one filtered out clears the filters (the list then comes back with it)."""
        if not self.up_to_date:
            self._select_after = member_id  # once the list has come
            return True
        row = self.model.row_of(member_id)
        if row < 0:
            if not self.filter.text() and not self.over_only.isChecked():
                return False
            self.filter.blockSignals(True)
            self.over_only.blockSignals(True)
            self.filter.clear()
            self.over_only.setChecked(False)
            self.filter.blockSignals(False)
            self.over_only.blockSignals(False)
            self._select_after = member_id
            self.reload()
            return True
        index = self.model.index(row, 0)
        self.table.selectRow(row)
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
        if not self.list.up_to_date:
            self.page.set_member(member_id)  # at once; the list selects them when it has come
        if not self.list.select_member(member_id):
            self.page.set_member(member_id)

    def show_proposals(self) -> None:
        self.tabs.setCurrentWidget(self.proposals)
        self._refresh_if_shown()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._refresh_if_shown()
