"""The roll-call board: today's state of every priority household, one keystroke each to record it.

Keys on the table: 1 reached and safe, 2 reached and needs help, 3 unreachable (then the cursor
moves to the next household), 0 or Delete withdraws today's result. Each result is an undoable
command and also a visit, so the board and the dashboard agree with the roll call.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import emergency as em
from gridboard.models.changes import Changes
from gridboard.models.clock import today
from gridboard.models.masking import mask_phone
from gridboard.models.rollcall_help import record_needs_help
from gridboard.ui import labels, ops
from gridboard.ui.emergency import texts

STATE_COLOURS = {
    "reached_safe": QColor("#d8f0d8"),
    "reached_needs_help": QColor("#ffe2b3"),
    "unreachable": QColor("#f6c9c9"),
    "not_tried": QColor("#ffffff"),
}
ALARM = QColor("#c62828")
KEYS = {Qt.Key.Key_1: "reached_safe", Qt.Key.Key_2: "reached_needs_help", Qt.Key.Key_3: "unreachable"}
# Tables whose change can move a household's roll-call state or place.
WATCHED = {"rollcall", "visit", "household", "resident", "emergency", "building", "grid", "member"}


class RollcallModel(QAbstractTableModel):
    """Rows of `emergency.rollcall_rows` for one emergency, one day and optionally one grid.

    The rows (one community's priority households, a few thousand at most) come from one query per
    refresh; `data()` never touches the file.
    """

    COLUMNS = ("state", "address", "head", "phone", "markers", "grid", "who", "when")

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.emergency_id: int | None = None
        self.grid_id: int | None = None
        self.day: date = today()
        self.rows: list[em.RollcallRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def reload(self) -> None:
        self.beginResetModel()
        self.day = today()
        self.rows = (
            em.rollcall_rows(self.store, self.emergency_id, day=self.day, grid_id=self.grid_id)
            if self.emergency_id is not None
            else []
        )
        self.endResetModel()

    def update_households(self, household_ids: set[int]) -> None:
        """Refresh only these households' rows (a keystroke touches one); re-sort if an alarm moved."""
        if self.emergency_id is None or not household_ids:
            return
        shown = {r.household_id for r in self.rows}
        wanted = household_ids & shown
        if not wanted:
            return
        fresh = {
            r.household_id: r
            for r in em.rollcall_rows(self.store, self.emergency_id, day=self.day, household_ids=wanted)
        }
        if len(fresh) != len(wanted):  # no longer a priority household: the whole list changes
            self.reload()
            return
        rows = [fresh.get(r.household_id, r) for r in self.rows]
        if any(fresh[r.household_id].alarm != r.alarm for r in self.rows if r.household_id in fresh):
            self.layoutAboutToBeChanged.emit()
            old_ids = [r.household_id for r in self.rows]
            self.rows = sorted(rows, key=lambda r: r.sort_key)
            place = {r.household_id: i for i, r in enumerate(self.rows)}
            for index in self.persistentIndexList():
                moved = self.index(place[old_ids[index.row()]], index.column())
                self.changePersistentIndex(index, moved)
            self.layoutChanged.emit()
            return
        self.rows = rows
        for i, r in enumerate(self.rows):
            if r.household_id in fresh:
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))

    def row_of(self, household_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.household_id == household_id), None)

    def headers(self) -> list[str]:
        return [
            self.tr("Today"),
            self.tr("Address"),
            self.tr("Head of household"),
            self.tr("Phone"),
            self.tr("Groups"),
            self.tr("Grid"),
            self.tr("Reached by"),
            self.tr("When"),
        ]

    def _text(self, row: em.RollcallRow, column: str) -> str:
        if column == "state":
            text = texts.state(row.state)
            return "⚠ " + self.tr("{state} (unreachable twice)").format(state=text) if row.alarm else text
        return {
            "address": row.address,
            "head": row.head_name,
            "phone": mask_phone(row.phone),
            "markers": row.markers,
            "grid": row.grid_name,
            "who": row.member_name or row.operator,
            "when": (row.at or "")[11:16],
        }[column]

    # -- Qt overrides --------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(STATE_COLOURS.get(row.state, QColor("#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole and row.alarm:
            return QBrush(ALARM)
        if role == Qt.ItemDataRole.FontRole and (row.alarm or column == "state"):
            return self._bold
        if role == Qt.ItemDataRole.UserRole:
            return row.household_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class RollcallTable(QTableView):
    """The table; number keys record, the cursor then moves on."""

    def __init__(self, view: RollcallView) -> None:
        super().__init__(view)
        self.view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.view.record_current(KEYS[key])
            return
        if key in (Qt.Key.Key_0, Qt.Key.Key_Delete):
            self.view.withdraw_current()
            return
        super().keyPressEvent(event)


class RollcallView(QWidget):
    """The "today" board of an active emergency (view key "rollcall")."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("rollcallView")
        self.main_window = window
        self.store = window.store
        self.model = RollcallModel(self.store, self)

        self.title = QLabel(self)
        self.title.setObjectName("rollcallTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("rollcallSummary")
        self.grid_combo = QComboBox(self)
        self.grid_combo.setObjectName("rollcallGridCombo")
        self.grid_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.grid_combo.currentIndexChanged.connect(self._grid_chosen)
        self.member_combo = QComboBox(self)
        self.member_combo.setObjectName("rollcallMemberCombo")
        self.member_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("rollcallMethodCombo")
        self.method_combo.addItem(self.tr("By phone"), "phone")
        self.method_combo.addItem(self.tr("In person"), "in_person")
        self.method_combo.addItem(self.tr("By WeChat"), "wechat")
        hint = QLabel(
            self.tr(
                "Keys: 1 reached, safe · 2 reached, needs help · 3 unreachable · 0 withdraw · Ctrl+Z undo"
            ),
            self,
        )
        hint.setObjectName("rollcallHint")

        self.table = RollcallTable(self)
        self.table.setObjectName("rollcallTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_household)
        # The state column fits its longest word in bold ("已联系·需帮助" was cut to "已联系·需…").
        bold = self.table.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max(
            metrics.horizontalAdvance(texts.state(code)) for code in (*em.RECORDED_STATES, "not_tried")
        )
        self.table.setColumnWidth(0, widest + 24)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Grid:"), self))
        top.addWidget(self.grid_combo)
        top.addWidget(QLabel(self.tr("Reached by:"), self))
        top.addWidget(self.member_combo)
        top.addWidget(self.method_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        window.notifier.changed.connect(self._changed)
        self.refresh(everything=True)

    # -- actions -------------------------------------------------------------------------------------------

    def current_household(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].household_id if index.isValid() else None

    def select_household(self, household_id: int) -> None:
        row = self.model.row_of(household_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def record_current(self, state: str) -> None:
        index = self.table.currentIndex()
        if self.model.emergency_id is None or not index.isValid():
            return
        if state == "reached_needs_help":
            self._ask_what_help(index.row())
            return
        self._record(index.row(), em.record_rollcall, state=state)

    def _ask_what_help(self, row: int) -> None:
        """Needs help: what help (and a request for it) is asked first; the result is recorded on OK."""
        from gridboard.ui.emergency.needs_help import NeedsHelpDialog

        dialog = NeedsHelpDialog(self.model.rows[row].address, self)
        self.help_dialog = dialog

        def answered() -> None:
            help_needed, category, urgency = dialog.answer()
            self._record(
                row,
                record_needs_help,
                help_needed=help_needed,
                request_category=category,
                request_urgency=urgency,
            )

        dialog.accepted.connect(answered)
        dialog.open()

    def _record(self, row: int, action, **values) -> None:
        state = values.get("state", "reached_needs_help")
        household_id = self.model.rows[row].household_id
        following = self.model.rows[row + 1].household_id if row + 1 < len(self.model.rows) else None
        if (
            ops.run(
                self.main_window,
                self.tr("Roll call: {state}").format(state=texts.state(state)),
                action,
                parent=self,
                emergency_id=self.model.emergency_id,
                household_id=household_id,
                method=self.method_combo.currentData(),
                member_id=self.member_combo.currentData(),
                **values,
            )
            is ops.FAILED
        ):
            return
        self.select_household(following if following is not None else household_id)

    def withdraw_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        if row.rollcall_id is None:
            return
        if (
            ops.run(
                self.main_window,
                self.tr("Withdraw roll-call result"),
                em.withdraw_rollcall,
                row.rollcall_id,
                parent=self,
            )
            is ops.FAILED
        ):
            return
        self.select_household(row.household_id)

    def _open_household(self, index: QModelIndex) -> None:
        if index.isValid():
            self.main_window.navigate("household", self.model.rows[index.row()].household_id)

    def _grid_chosen(self) -> None:
        self.model.grid_id = self.grid_combo.currentData()
        self._reload_keeping_place()

    # -- refreshing ------------------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.everything or changes.tables & {"grid", "emergency"}:
            self.refresh(everything=True)
        elif changes.tables <= {"rollcall", "visit", "visit_member"} and changes.households:
            self.model.update_households(changes.households)  # a keystroke: only its row
            self._summarise()
        elif changes.tables & WATCHED:
            self._reload_keeping_place()

    def refresh(self, *, everything: bool = False) -> None:
        current = em.active_emergency(self.store)
        self.model.emergency_id = current.id if current else None
        if everything:
            self._fill_grids(current)
        if current is None:
            self.title.setText(self.tr("No emergency in force: roll call starts when one is declared."))
        else:
            self.title.setText(
                self.tr("Roll call of priority households — {day}").format(day=today().isoformat())
            )
        self._reload_keeping_place()

    def _fill_grids(self, current: em.Emergency | None) -> None:
        chosen = self.grid_combo.currentData()
        self.grid_combo.blockSignals(True)
        self.grid_combo.clear()
        self.grid_combo.addItem(self.tr("All grids"), None)
        if current is not None:
            for grid_id, name in em.grids(self.store, current.id):
                self.grid_combo.addItem(name, grid_id)
        found = self.grid_combo.findData(chosen)
        self.grid_combo.setCurrentIndex(max(found, 0))
        self.model.grid_id = self.grid_combo.currentData()
        self.grid_combo.blockSignals(False)
        member = self.member_combo.currentData()
        self.member_combo.clear()
        self.member_combo.addItem(self.tr("(me, {operator})").format(operator=self.store.operator), None)
        if current is not None:
            for member_id, name, kind in em.roster_candidates(self.store, current.id):
                self.member_combo.addItem(f"{name}（{labels.member_kind(kind)}）", member_id)
        self.member_combo.setCurrentIndex(max(self.member_combo.findData(member), 0))

    def _reload_keeping_place(self) -> None:
        keep = self.current_household()
        self.model.reload()
        if keep is not None:
            self.select_household(keep)
        elif self.model.rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._summarise()

    def _summarise(self) -> None:
        rows = self.model.rows
        counts = {code: sum(r.state == code for r in rows) for code in em.ROLLCALL_STATES}
        alarms = sum(r.alarm for r in rows)
        self.summary.setText(
            self.tr(
                "{total} priority households · safe {safe} · needs help {help} · unreachable {unreachable}"
                " · not yet tried {untried} · unreachable twice: {alarms}"
            ).format(
                total=len(rows),
                safe=counts["reached_safe"],
                help=counts["reached_needs_help"],
                unreachable=counts["unreachable"],
                untried=counts["not_tried"],
                alarms=alarms,
            )
        )
