"""Enter a returned sheet: type or scan its number, and its rows appear in printed order for fast
keyboard entry of what was written on them.

In the Outcome column 1 = met, 2 = nobody home, 3 = refused, 0 clears; in the Method column
1 = in person, 2 = phone, 3 = WeChat; each key moves down the column or along the row, as the operator
chooses. What was written in 情况及诉求 can be raised as a request (category 1–9, urgency 1–3) in the same
save. A visit already typed for the household by the same member that day is shown, and the row is
linked to it rather than counted twice unless ticked as a second visit. Rows already entered are shown
grey and cannot be entered again; saving turns the filled rows into visits (source "paper sheet",
with the sheet number), all or none; a visit without a written time says so instead of 00:00.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import sheets as sheet_model
from gridboard.models.changes import Changes
from gridboard.models.errors import KnownError
from gridboard.models.sheets import RowEntry, Sheet, SheetRow
from gridboard.models.vocab import REQUEST_CATEGORIES, REQUEST_URGENCIES
from gridboard.ui import ask, labels, ops

NUMBER, ADDRESS, HEAD, OUTCOME, METHOD, DATE, NOTE, CATEGORY, URGENCY, EARLIER = range(10)
COLUMNS = 10
OUTCOME_KEYS = {"1": "met", "2": "nobody_home", "3": "refused", "0": None}
METHOD_KEYS = {"1": "in_person", "2": "phone", "3": "wechat", "0": None}
# A request written on the sheet: its category by digit (vocab's order), its urgency 1–3.
CATEGORY_KEYS: dict[str, str | None] = {str(i): c for i, c in enumerate(REQUEST_CATEGORIES, 1)} | {"0": None}
URGENCY_KEYS: dict[str, str | None] = {str(i): u for i, u in enumerate(REQUEST_URGENCIES, 1)} | {"0": None}
DIGIT_KEYS = {OUTCOME: OUTCOME_KEYS, METHOD: METHOD_KEYS, CATEGORY: CATEGORY_KEYS, URGENCY: URGENCY_KEYS}
FIELDS = {
    OUTCOME: "outcome",
    METHOD: "method",
    DATE: "date",
    NOTE: "note",
    CATEGORY: "category",
    URGENCY: "urgency",
}

Index = QModelIndex | QPersistentModelIndex


class SheetEntryModel(QAbstractTableModel):
    """The rows of one printed sheet and what has been typed for them (not yet saved)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SheetRow] = []
        self.pending: dict[int, dict[str, Any]] = {}  # position -> outcome, method, date, note...
        self.default_method = "in_person"
        # Visits already typed for a row's household by the same member on the sheet's day.
        self.earlier: dict[int, list[tuple[int, str, str]]] = {}

    def set_rows(self, rows: list[SheetRow], *, keep_pending: bool = False) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if keep_pending:
            open_positions = {r.position for r in rows if r.visit_id is None}
            self.pending = {p: v for p, v in self.pending.items() if p in open_positions}
        else:
            self.pending = {}
        self.endResetModel()

    def row_at(self, row: int) -> SheetRow:
        return self.rows[row]

    def entries(self, default_day: date) -> list[RowEntry]:
        """What will be saved: every row with an outcome, in sheet order."""
        result = []
        for row in self.rows:
            values = self.pending.get(row.position, {})
            if row.visit_id is not None or not values.get("outcome"):
                continue
            result.append(
                RowEntry(
                    position=row.position,
                    outcome=values["outcome"],
                    method=values.get("method") or self.default_method,
                    visited_at=_when(values.get("date"), default_day),
                    note=values.get("note", ""),
                    second_visit=bool(values.get("second")),
                    request_category=values.get("category"),
                    request_urgency=values.get("urgency") or "normal",
                )
            )
        return result

    def set_earlier(self, earlier: dict[int, list[tuple[int, str, str]]]) -> None:
        self.earlier = earlier
        if self.rows:
            self.dataChanged.emit(self.index(0, EARLIER), self.index(len(self.rows) - 1, EARLIER))

    def earlier_of(self, row: SheetRow) -> list[tuple[int, str, str]]:
        return self.earlier.get(row.household_id, [])

    def set_value(self, row: int, column: int, value: Any) -> bool:
        return self.setData(self.index(row, column), value, Qt.ItemDataRole.EditRole)

    def _headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Address"),
            self.tr("Head of household"),
            self.tr("Outcome (1 met, 2 nobody home, 3 refused)"),
            self.tr("Method (1 in person, 2 phone, 3 WeChat)"),
            self.tr("Date, time (if not the default)"),
            self.tr("Situation and requests"),
            self.tr("Request category (1–9)"),
            self.tr("Urgency (1–3)"),
            self.tr("Already typed that day"),
        ]

    # -- Qt overrides ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < COLUMNS
        ):
            return self._headers()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == CATEGORY:
                return "  ".join(
                    f"{i} {labels.request_category(c)}" for i, c in enumerate(REQUEST_CATEGORIES, 1)
                )
            if section == URGENCY:
                return "  ".join(
                    f"{i} {labels.request_urgency(u)}" for i, u in enumerate(REQUEST_URGENCIES, 1)
                )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.rows[index.row()]
        if row.visit_id is not None:
            return flags
        if index.column() == EARLIER:
            if self.earlier_of(row):
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            return flags
        if index.column() >= OUTCOME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = index.column()
        values = self.pending.get(row.position, {})
        entered = row.visit_id is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NUMBER:
                return str(row.position)
            if column == ADDRESS:
                return row.address
            if column == HEAD:
                return row.head_name
            if entered:
                if column != OUTCOME:
                    return ""
                return self.tr("Entered: {outcome}").format(
                    outcome=labels.visit_outcome(row.entered_outcome or "")
                )
            if column == OUTCOME:
                return labels.visit_outcome(values["outcome"]) if values.get("outcome") else ""
            if column == METHOD:
                if values.get("method"):
                    return labels.visit_method(values["method"])
                return labels.visit_method(self.default_method) if values.get("outcome") else ""
            if column == DATE:
                return values.get("date", "")
            if column == NOTE:
                return values.get("note", "")
            if column == CATEGORY:
                return labels.request_category(values["category"]) if values.get("category") else ""
            if column == URGENCY:
                if not values.get("category"):
                    return ""
                return labels.request_urgency(values.get("urgency") or "normal")
            if column == EARLIER:
                earlier = self.earlier_of(row)
                if not earlier:
                    return ""
                first = earlier[0]
                text = self.tr("{time} {source}").format(
                    time=first[1][11:16], source=labels.visit_source(first[2])
                )
                return (
                    self.tr("{earlier}: entered as a second visit").format(earlier=text)
                    if values.get("second")
                    else self.tr("{earlier}: this row is that visit").format(earlier=text)
                )
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and column == EARLIER
            and not entered
            and self.earlier_of(row)
        ):
            return Qt.CheckState.Checked if values.get("second") else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            key = FIELDS.get(column)
            return values.get(key, "") if key else self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ForegroundRole and entered:
            return QColor(130, 130, 130)
        if role == Qt.ItemDataRole.BackgroundRole:
            if entered:
                return QColor(236, 236, 236)
            if values.get("outcome"):
                return QColor(226, 242, 226)
        if role == Qt.ItemDataRole.ToolTipRole and entered:
            return self.tr("Already entered from this sheet; withdraw that visit to enter it again.")
        if role == Qt.ItemDataRole.ToolTipRole and column == EARLIER and self.earlier_of(row):
            return self.tr(
                "A visit to this household by the same member on this day is already in the file. "
                "Saving links this row to it instead of counting it twice; tick the box if the member "
                "really went a second time."
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.rows[index.row()] if index.isValid() else None
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == EARLIER:
            if row is None or not (self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable):
                return False
            values = dict(self.pending.get(row.position, {}))
            values["second"] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.pending[row.position] = values
            self.dataChanged.emit(index, index)
            return True
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        assert row is not None
        values = dict(self.pending.get(row.position, {}))
        text = "" if value is None else str(value).strip()
        if column in DIGIT_KEYS:
            keys = DIGIT_KEYS[column]
            code = keys.get(text, text or None)
            if code is not None and code not in keys.values():
                return False
            values[FIELDS[column]] = code
        elif column == DATE:
            if text:
                text = _day_and_time(text)
                if text is None:
                    return False
            values["date"] = text
        elif column == NOTE:
            values["note"] = str(value or "")
        self.pending[row.position] = values
        self.dataChanged.emit(self.index(index.row(), OUTCOME), self.index(index.row(), COLUMNS - 1))
        return True


def _when(typed: str | None, default_day: date) -> str | date:
    """A row's date as saved: its own day (and time), a time on the default day, or the default day."""
    if not typed:
        return default_day
    if len(typed) <= 5:
        return f"{default_day.isoformat()} {typed}"
    return typed


def _day_and_time(text: str) -> str | None:
    """ "2026-12-01", "2026-12-01 14:30" or "14:30" (the default day) as stored; None if not a time
    or in the future. A day alone means the time was not written."""
    from datetime import datetime, time

    text = text.replace("：", ":").strip()
    try:
        if len(text) <= 5 and ":" in text:
            moment = datetime.combine(date.today(), time.fromisoformat(text.zfill(5)))
            return moment.strftime("%H:%M")
        if len(text) > 10:
            moment = datetime.fromisoformat(text)
            if moment > datetime.now():
                return None
            return moment.strftime("%Y-%m-%d %H:%M")
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return None if day > date.today() else day.isoformat()


class _ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for the outcome and method columns (for the mouse; keys 0–3 are faster)."""

    def __init__(self, choices: list[tuple[str, str | None]], parent: QWidget) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("entryChoiceEditor")
        for text, code in self.choices:
            combo.addItem(text, code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or None)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        model.setData(index, editor.currentData() or "0", Qt.ItemDataRole.EditRole)


class EntryTable(QTableView):
    """A digit in a digit column (outcome, method, request category, urgency) sets the value and moves
    on: down the column ("column", the default), or along the row ("row": outcome → method → the
    next household's outcome; category → urgency → the next household's outcome)."""

    direction = "column"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        text = event.text()
        if (
            index.isValid()
            and index.column() in DIGIT_KEYS
            and self.state() != QAbstractItemView.State.EditingState
        ):
            keys = DIGIT_KEYS[index.column()]
            if text in keys or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                code = keys.get(text)
                if self.model().setData(index, code or "0", Qt.ItemDataRole.EditRole):
                    self._advance(index)
                event.accept()
                return
        super().keyPressEvent(event)

    def _advance(self, index: QModelIndex) -> None:
        column = index.column()
        if self.direction == "row":
            if column in (OUTCOME, CATEGORY):
                self.setCurrentIndex(self.model().index(index.row(), column + 1))
                return
            self._next_open_row(index, OUTCOME)
            return
        self._next_open_row(index, column)

    def _next_open_row(self, index: QModelIndex, column: int | None = None) -> None:
        model = self.model()
        column = index.column() if column is None else column
        for row in range(index.row() + 1, model.rowCount()):
            target = model.index(row, column)
            if model.flags(target) & Qt.ItemFlag.ItemIsEditable:
                self.setCurrentIndex(target)
                return


class SheetEntryDialog(QDialog):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setObjectName("sheetEntryDialog")
        self.window_ = window
        self.notifier = window.notifier
        self.store = window.store
        self.sheet: Sheet | None = None
        self.setWindowTitle(self.tr("Enter a returned sheet"))
        self.resize(1300, 690)

        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("sheetNumberEdit")
        self.number_edit.setPlaceholderText(self.tr("Type or scan the sheet number, e.g. 261127-003"))
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("sheetOpenButton")
        self.number_edit.returnPressed.connect(lambda: self.open_sheet())
        self.open_button.clicked.connect(lambda: self.open_sheet())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sheet number:"), self))
        top.addWidget(self.number_edit, 1)
        top.addWidget(self.open_button)

        self.info = QLabel(self)
        self.info.setObjectName("sheetInfoLabel")
        self.info.setWordWrap(True)
        self.how = QLabel(
            self.tr(
                "How to enter: in Outcome type the digit for what is written (1 met, 2 nobody home, "
                "3 refused), in Method 1 in person, 2 phone, 3 WeChat; 0 clears. Type what was written in "
                "Situation and requests (Enter to finish); to raise it as a request, give its category "
                "(1–9) and urgency. A date or time on the sheet goes in Date (2026-12-01 or 14:30); without "
                "one the visit keeps the day and says the time was not written. Save with Ctrl+S."
            ),
            self,
        )
        self.how.setObjectName("entryHowTo")
        self.how.setWordWrap(True)
        self.how.setStyleSheet("color: #444; background: #f4f6f9; border: 1px solid #d5d9e0; padding: 4px;")
        self.direction_combo = QComboBox(self)
        self.direction_combo.setObjectName("entryDirection")
        self.direction_combo.addItem(self.tr("down the column (all outcomes first, then methods)"), "column")
        self.direction_combo.addItem(
            self.tr("along the row (outcome, method, then the next household)"), "row"
        )
        self.direction_combo.currentIndexChanged.connect(self._direction_changed)

        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("entryDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("entryMethod")
        for code in ("in_person", "phone", "wechat"):
            self.method_combo.addItem(labels.visit_method(code), code)
        self.member_combo = QComboBox(self)
        self.member_combo.setObjectName("entryMember")
        self.member_combo.addItem(self.tr("(nobody recorded)"), None)
        for c in sheet_model.printable_members(self.store):
            self.member_combo.addItem(c.name, c.id)
        defaults = QFormLayout()
        defaults.addRow(self.tr("Visit date (unless a row says otherwise):"), self.date_edit)
        defaults.addRow(self.tr("Method (unless a row says otherwise):"), self.method_combo)
        defaults.addRow(self.tr("Visited by:"), self.member_combo)
        defaults.addRow(self.tr("After each digit, move:"), self.direction_combo)
        self.member_combo.currentIndexChanged.connect(self._find_earlier)
        self.date_edit.dateChanged.connect(self._find_earlier)

        self.model = SheetEntryModel(self)
        self.method_combo.currentIndexChanged.connect(self._default_method_changed)
        self.table = EntryTable(self)
        self.table.setObjectName("entryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(True)
        self.table.setItemDelegateForColumn(
            OUTCOME,
            _ChoiceDelegate(
                [("", None)] + [(labels.visit_outcome(c), c) for c in ("met", "nobody_home", "refused")],
                self.table,
            ),
        )
        self.table.setItemDelegateForColumn(
            METHOD,
            _ChoiceDelegate(
                [("", None)] + [(labels.visit_method(c), c) for c in ("in_person", "phone", "wechat")],
                self.table,
            ),
        )
        self.table.setItemDelegateForColumn(
            CATEGORY,
            _ChoiceDelegate(
                [("", None)]
                + [(f"{i} {labels.request_category(c)}", c) for i, c in enumerate(REQUEST_CATEGORIES, 1)],
                self.table,
            ),
        )
        self.table.setItemDelegateForColumn(
            URGENCY,
            _ChoiceDelegate(
                [("", None)]
                + [(f"{i} {labels.request_urgency(u)}", u) for i, u in enumerate(REQUEST_URGENCIES, 1)],
                self.table,
            ),
        )

        self.status = QLabel(self)
        self.status.setObjectName("entryStatus")
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save visits"), self)
        self.save_button.setObjectName("entrySaveButton")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setEnabled(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("entryCloseButton")
        close.setAutoDefault(False)
        self.save_button.setAutoDefault(False)
        self.open_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.how)
        layout.addWidget(self.info)
        layout.addLayout(defaults)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.notifier.changed.connect(self._on_changed)

    def _default_method_changed(self) -> None:
        self.model.default_method = self.method_combo.currentData()
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, METHOD), self.model.index(self.model.rowCount() - 1, METHOD)
            )

    def _direction_changed(self) -> None:
        self.table.direction = self.direction_combo.currentData()

    def _find_earlier(self) -> None:
        """Visits already in the file for the sheet's households on the default day by this member."""
        if self.sheet is None:
            return
        self.model.set_earlier(
            sheet_model.same_day_visits(
                self.store,
                [r.household_id for r in self.sheet.rows if r.visit_id is None],
                self.date_edit.date().toPython(),
                self.member_combo.currentData(),
            )
        )

    def _commit_editing(self) -> None:
        """A cell still being typed in (a note) is kept when saving with Ctrl+S."""
        editor = QApplication.focusWidget()
        if editor is not None and self.table.isAncestorOf(editor) and editor is not self.table:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # -- actions ------------------------------------------------------------------------------------

    def unsaved_rows(self) -> int:
        """Rows typed (an outcome or a note) and not saved yet."""
        return sum(
            1 for v in self.model.pending.values() if v.get("outcome") or str(v.get("note") or "").strip()
        )

    def has_unsaved_work(self) -> bool:
        return self.unsaved_rows() > 0

    def _may_discard(self) -> bool:
        return not self.has_unsaved_work() or ask.discard_unsaved(
            self,
            self.tr("{count} rows typed from sheet {number} are not saved yet. Discard them?").format(
                count=self.unsaved_rows(), number=self.sheet.info.sheet_no if self.sheet else ""
            ),
        )

    def reject(self) -> None:
        # Esc, Close and the window's close button all come here: typed rows are never lost silently.
        if self._may_discard():
            super().reject()

    def open_sheet(self, number: str | None = None) -> bool:
        if number is not None:
            self.number_edit.setText(number)
        text = self.number_edit.text()
        if not text.strip():
            return False
        if self.sheet is not None and text.strip() != self.sheet.info.sheet_no and not self._may_discard():
            self.number_edit.setText(self.sheet.info.sheet_no)
            return False
        try:
            sheet = sheet_model.load_sheet(self.store, text)
        except KnownError as error:
            self.sheet = None
            self.model.set_rows([])
            self.save_button.setEnabled(False)
            self.info.setText(labels.error_text(error))
            return False
        self._show_sheet(sheet, keep_pending=False)
        self.number_edit.setText(sheet.info.sheet_no)
        member_index = self.member_combo.findData(sheet.info.member_id) if sheet.info.member_id else 0
        self.member_combo.setCurrentIndex(max(member_index, 0))
        self.table.setFocus()
        first = next((i for i, r in enumerate(sheet.rows) if r.visit_id is None), None)
        if first is not None:
            self.table.setCurrentIndex(self.model.index(first, OUTCOME))
        return True

    def _show_sheet(self, sheet: Sheet, *, keep_pending: bool) -> None:
        self.sheet = sheet
        self.model.set_rows(list(sheet.rows), keep_pending=keep_pending)
        info = sheet.info
        who = info.member_name if info.kind == "member" else info.building_name
        self.info.setText(
            self.tr(
                "{community} · {grid} · {who} · period {period} · printed {printed} · {rows} rows, {entered} already entered"
            ).format(
                community=info.community_name,
                grid=info.grid_name,
                who=who,
                period=info.period,
                printed=info.printed_at[:16],
                rows=len(sheet.rows),
                entered=sheet.entered,
            )
        )
        self.save_button.setEnabled(sheet.entered < len(sheet.rows))
        self._find_earlier()
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(NOTE, max(self.table.columnWidth(NOTE), 200))

    def reload(self) -> None:
        """Show which rows are entered now, keeping what was typed on the others."""
        if self.sheet is None:
            return
        try:
            sheet = sheet_model.load_sheet(self.store, self.sheet.info.sheet_no)
        except KnownError:
            return
        self._show_sheet(sheet, keep_pending=True)

    def save(self) -> list[int] | None:
        if self.sheet is None:
            return None
        self._commit_editing()
        entries = self.model.entries(self.date_edit.date().toPython())
        if not entries:
            self.status.setText(self.tr("Nothing to save: give an outcome on at least one row."))
            return None
        member_id = self.member_combo.currentData()
        visit_ids = ops.run(
            self.window_,
            self.tr("Enter returned sheet {number}").format(number=self.sheet.info.sheet_no),
            sheet_model.enter_returned_sheet,
            parent=self,
            sheet_no=self.sheet.info.sheet_no,
            entries=entries,
            member_ids=[member_id] if member_id else [],
        )
        if isinstance(visit_ids, ops.Failed):
            self.reload()
            return None
        number = self.sheet.info.sheet_no
        self.model.pending.clear()
        self.reload()
        self.status.setText(
            self.tr("Saved {count} visits from sheet {number}.").format(count=len(visit_ids), number=number)
        )
        return visit_ids

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or "visit" in changes.tables:
            self.reload()
