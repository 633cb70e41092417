"""Tools → Operators (administrators): who may sign in, their role, grids and PIN; the idle lock time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import operators
from gridboard.models.errors import KnownError
from gridboard.models.requests import grid_choices
from gridboard.models.settings import get_setting, set_setting
from gridboard.ui import ask
from gridboard.ui.labels import error_text
from gridboard.ui.trust.lock import role_texts
from gridboard.ui.trust.signin import secret_kind_texts


class OperatorEditor(QDialog):
    """A new operator, or another role and grids for one (`operator` given)."""

    def __init__(
        self, store, parent: QWidget | None = None, operator: operators.Operator | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("operatorEditor")
        self.store = store
        self.operator = operator
        self.setWindowTitle(
            self.tr("New operator")
            if operator is None
            else self.tr("Operator {name}").format(name=operator.name)
        )
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("operatorName")
        if operator is not None:
            self.name_edit.setText(operator.name)
            self.name_edit.setReadOnly(True)
        form.addRow(self.tr("Name:"), self.name_edit)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("operatorRole")
        for code, text in role_texts().items():
            self.role_combo.addItem(text, code)
        if operator is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(operator.role))
        form.addRow(self.tr("Role:"), self.role_combo)
        self.grid_list = QListWidget(self)
        self.grid_list.setObjectName("operatorGrids")
        for grid_id, name in grid_choices(store):
            item = QListWidgetItem(name, self.grid_list)
            item.setData(Qt.ItemDataRole.UserRole, grid_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = operator is not None and grid_id in operator.grid_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        form.addRow(self.tr("Grids (grid workers only):"), self.grid_list)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("secretKind")
        for code, text in secret_kind_texts().items():
            self.kind_combo.addItem(text, code)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setObjectName("secret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if operator is None:
            form.addRow(self.tr("Sign in with:"), self.kind_combo)
            form.addRow(self.tr("First PIN or password:"), self.secret_edit)
        self.message = QLabel(self)
        self.message.setObjectName("operatorMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def checked_grids(self) -> list[int]:
        return [
            self.grid_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.grid_list.count())
            if self.grid_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        try:
            if self.operator is None:
                operators.create_operator(
                    self.store,
                    name=self.name_edit.text(),
                    role=self.role_combo.currentData(),
                    secret=self.secret_edit.text(),
                    secret_kind=self.kind_combo.currentData(),
                    grid_ids=self.checked_grids(),
                )
            else:
                operators.update_operator(
                    self.store,
                    self.operator.id,
                    role=self.role_combo.currentData(),
                    grid_ids=self.checked_grids(),
                )
        except KnownError as error:
            self.message.setText(error_text(error))
            return
        super().accept()


class OperatorsDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("operatorsDialog")
        self.setWindowTitle(self.tr("Operators"))
        self.window_ = window
        self.store = window.store
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("operatorsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Grids"), self.tr("Last signed in")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for name, text, slot in (
            ("operatorAdd", self.tr("Add…"), self.add),
            ("operatorEdit", self.tr("Role and grids…"), self.edit),
            ("operatorReset", self.tr("New PIN…"), self.reset_secret),
            ("operatorArchive", self.tr("No longer works here"), self.archive),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        lock_row = QFormLayout()
        self.lock_spin = QSpinBox(self)
        self.lock_spin.setObjectName("lockAfterMinutes")
        self.lock_spin.setRange(0, 240)
        self.lock_spin.setSpecialValueText(self.tr("never"))
        self.lock_spin.setSuffix(self.tr(" minutes"))
        self.lock_spin.setValue(int(get_setting(self.store, "lock_after_minutes") or 0))
        lock_row.addRow(self.tr("Lock the window after this long unused:"), self.lock_spin)
        layout.addLayout(lock_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        self.operators = operators.list_operators(self.store)
        grids = dict(grid_choices(self.store))
        roles = role_texts()
        self.table.setRowCount(len(self.operators))
        for row, op in enumerate(self.operators):
            shown = [
                op.name,
                roles.get(op.role, op.role),
                "、".join(grids.get(g, "?") for g in op.grid_ids),
                (op.last_signed_in_at or "")[:16],
            ]
            for column, text in enumerate(shown):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.operators and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def selected(self) -> operators.Operator | None:
        row = self.table.currentRow()
        return self.operators[row] if 0 <= row < len(self.operators) else None

    def add(self) -> None:
        if OperatorEditor(self.store, self).exec() == QDialog.DialogCode.Accepted:
            self.fill()

    def edit(self) -> None:
        op = self.selected()
        if op is not None and OperatorEditor(self.store, self, op).exec() == QDialog.DialogCode.Accepted:
            self.fill()

    def reset_secret(self) -> None:
        op = self.selected()
        if op is None:
            return
        secret = ask.text(
            self, self.tr("New PIN"), self.tr("New PIN (4–12 digits) for {name}:").format(name=op.name)
        )
        if not secret:
            return
        try:
            operators.set_secret(self.store, op.id, secret=secret, secret_kind="pin")
        except KnownError as error:
            ask.show_error(self, error)

    def archive(self) -> None:
        op = self.selected()
        if op is None or not ask.confirm(
            self,
            self.tr("Operators"),
            self.tr("{name} will no longer be able to sign in. Go on?").format(name=op.name),
        ):
            return
        try:
            operators.archive_operator(self.store, op.id)
        except KnownError as error:
            ask.show_error(self, error)
        self.fill()

    def done(self, result: int) -> None:
        minutes = self.lock_spin.value()
        if minutes != int(get_setting(self.store, "lock_after_minutes") or 0):
            try:
                set_setting(self.store, "lock_after_minutes", minutes)
            except KnownError as error:
                ask.show_error(self, error)
            self.window_.notifier.flush()
            from gridboard.ui.trust import TrustFeature

            trust = self.window_.features.find(TrustFeature)
            if trust is not None:
                trust.lock.reload()
        super().done(result)
