"""Tools → 操作记录: the audit trail with filters (operator, dates, area, household, kind), exported to .xlsx."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import audit
from gridboard.models.errors import KnownError
from gridboard.models.requests import grid_choices
from gridboard.ui import ask
from gridboard.ui.trust.audit_words import Words


class AuditModel(QAbstractTableModel):
    """Rows already fetched and masked by `audit.audit_rows` (at most one page)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[audit.AuditEntry] = []
        self.headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("From"),
            self.tr("What"),
            self.tr("Record"),
            self.tr("Change (old → new, masked)"),
        ]
        self.words = Words()

    def set_entries(self, entries: list[audit.AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt override
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.words.row(self.entries[index.row()])[index.column()]


class AuditDialog(QDialog):
    """The whole trail (administrators and community workers), or one household's (`household_id`)."""

    PAGE = 1000

    def __init__(self, window, *, household_id: int | None = None, title: str = "") -> None:
        super().__init__(window)
        self.setObjectName("auditDialog")
        self.window_ = window
        self.store = window.store
        self.household_id = household_id
        self.words = Words()
        self.setWindowTitle(title or self.tr("Audit trail (操作记录)"))
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.operator_combo = QComboBox(self)
        self.operator_combo.setObjectName("auditOperator")
        self.operator_combo.addItem(self.tr("Everyone"), None)
        for name in audit.operators_in_log(self.store):
            self.operator_combo.addItem(name, name)
        filters.addWidget(QLabel(self.tr("Who:"), self))
        filters.addWidget(self.operator_combo)
        self.since_check = QCheckBox(self.tr("From"), self)
        self.since_check.setObjectName("auditSinceOn")
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-30), self)
        self.since_edit.setObjectName("auditSince")
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.until_edit = QDateEdit(QDate.currentDate(), self)
        self.until_edit.setObjectName("auditUntil")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        filters.addWidget(self.since_check)
        filters.addWidget(self.since_edit)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.until_edit)
        self.grid_combo = QComboBox(self)
        self.grid_combo.setObjectName("auditGrid")
        self.grid_combo.addItem(self.tr("All areas"), None)
        for grid_id, name in grid_choices(self.store):
            self.grid_combo.addItem(name, grid_id)
        filters.addWidget(QLabel(self.tr("Area:"), self))
        filters.addWidget(self.grid_combo)
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("auditAction")
        self.action_combo.addItem(self.tr("Every kind"), None)
        for action in audit.actions_in_log(self.store):
            self.action_combo.addItem(self.words.action(action), action)
        filters.addWidget(QLabel(self.tr("Kind:"), self))
        filters.addWidget(self.action_combo)
        filters.addStretch(1)
        if household_id is not None:
            self.grid_combo.hide()
        layout.addLayout(filters)
        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((150, 90, 80, 160, 180)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("auditCount")
        bottom.addWidget(self.count_label, 1)
        self.export_button = QPushButton(self.tr("Export to .xlsx…"), self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(lambda _=False: self.export())
        bottom.addWidget(self.export_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        for combo in (self.operator_combo, self.grid_combo, self.action_combo):
            combo.currentIndexChanged.connect(lambda _=0: self.refresh())
        self.since_check.toggled.connect(lambda _=False: self.refresh())
        self.since_edit.dateChanged.connect(lambda _=None: self.refresh())
        self.until_edit.dateChanged.connect(lambda _=None: self.refresh())
        self.refresh()

    def current_filter(self, *, limit: int | None = None) -> audit.AuditFilter:
        since = until = None
        if self.since_check.isChecked():
            since = _date(self.since_edit.date())
            until = _date(self.until_edit.date())
        return audit.AuditFilter(
            operator=self.operator_combo.currentData(),
            since=since,
            until=until,
            grid_id=self.grid_combo.currentData() if self.household_id is None else None,
            household_id=self.household_id,
            action=self.action_combo.currentData(),
            limit=limit or self.PAGE,
        )

    def refresh(self) -> None:
        f = self.current_filter()
        try:
            entries = audit.audit_rows(self.store, f)
            total = audit.count_rows(self.store, f)
        except KnownError as error:
            ask.show_error(self, error)
            return
        self.model.set_entries(entries)
        if total > len(entries):
            self.count_label.setText(
                self.tr(
                    "{shown} newest of {total} entries shown; narrow the filters or export them all."
                ).format(shown=len(entries), total=total)
            )
        else:
            self.count_label.setText(self.tr("{total} entries").format(total=total))

    def export(self) -> None:
        path = ask.save_file(
            self, self.tr("Export the audit trail"), self.tr("Excel workbooks (*.xlsx)"), "操作记录.xlsx"
        )
        if not path:
            return
        if not path.endswith(".xlsx"):
            path += ".xlsx"
        try:
            rows = audit.export_audit(
                self.store, path, self.current_filter(limit=10_000_000), words=self.words.cells
            )
        except KnownError as error:
            ask.show_error(self, error)
            return
        ask.inform(
            self,
            self.tr("Export the audit trail"),
            self.tr("{rows} entries written to {path}.").format(rows=rows, path=path),
        )


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def open_audit(window, household_id: int | None = None, title: str = "") -> AuditDialog:
    dialog = AuditDialog(window, household_id=household_id, title=title)
    dialog.show()
    return dialog


__all__ = ["AuditDialog", "open_audit", "QWidget"]
