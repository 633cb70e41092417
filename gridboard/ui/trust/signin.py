"""Signing in to a file: its first operator (the secretary), the sign-in screen, switching operator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import operators
from gridboard.models.errors import KnownError
from gridboard.models.store import Store
from gridboard.ui.labels import error_text


def secret_kind_texts() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    return {
        "pin": QCoreApplication.translate("Trust", "PIN (4–12 digits)"),
        "password": QCoreApplication.translate("Trust", "Password (6 or more characters)"),
    }


class FirstOperatorDialog(QDialog):
    """A file with no operators yet (new, or from before operators): its administrator is made here."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstOperatorDialog")
        self.setWindowTitle(self.tr("Who looks after this file?"))
        self.store = store
        self.session: operators.Session | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This file holds residents' personal information. From now on everyone signs in with"
                " their own name and PIN, and every change is recorded under their name.\n"
                "First, the administrator (usually the community secretary): they can add the others."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("operatorName")
        form.addRow(self.tr("Your name:"), self.name_edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("secretKind")
        for code, text in secret_kind_texts().items():
            self.kind_combo.addItem(text, code)
        form.addRow(self.tr("Sign in with:"), self.kind_combo)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setObjectName("secret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("PIN or password:"), self.secret_edit)
        self.again_edit = QLineEdit(self)
        self.again_edit.setObjectName("secretAgain")
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Once more:"), self.again_edit)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create and sign in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.secret_edit.text() != self.again_edit.text():
            self.message.setText(self.tr("The two entries differ; type the PIN or password again."))
            return
        try:
            operator_id = operators.create_operator(
                self.store,
                name=self.name_edit.text(),
                role="admin",
                secret=self.secret_edit.text(),
                secret_kind=self.kind_combo.currentData(),
            )
            self.session = operators.start_session(self.store, operator_id)
        except KnownError as error:
            self.message.setText(error_text(error))
            return
        super().accept()


class SignInDialog(QDialog):
    """Name and PIN. Also the one step of switching operator (`switching=True`)."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, switching: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.store = store
        self.session: operators.Session | None = None
        name = store.path.name if store.path else ""
        self.setWindowTitle(
            self.tr("Switch operator — {file}").format(file=name)
            if switching
            else self.tr("Sign in — {file}").format(file=name)
        )
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Who is working?"), self)
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        form = QFormLayout()
        self.name_combo = QComboBox(self)
        self.name_combo.setObjectName("operatorChoice")
        self.name_combo.addItems(operators.operator_names(store))
        form.addRow(self.tr("Name:"), self.name_combo)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setObjectName("secret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("PIN or password:"), self.secret_edit)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        hint = QLabel(self.tr("Forgot your PIN? The administrator can set a new one."), self)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        current = store.session.name if store.session is not None else ""
        if current and switching:
            others = [i for i in range(self.name_combo.count()) if self.name_combo.itemText(i) != current]
            if others:
                self.name_combo.setCurrentIndex(others[0])
        elif current:
            self.name_combo.setCurrentText(current)
        self.secret_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        try:
            self.session = operators.sign_in(
                self.store, self.name_combo.currentText(), self.secret_edit.text()
            )
        except KnownError as error:
            self.message.setText(error_text(error))
            self.secret_edit.clear()
            return
        super().accept()


def sign_in_on_open(parent: QWidget | None, store: Store) -> bool:
    """Before a file's window opens: its first operator is made, or someone signs in. False: cancelled.

    The seam the app calls; tests/conftest.py patches it to sign in the test administrator.
    """
    if operators.has_operators(store):
        dialog: QDialog = SignInDialog(store, parent)
    else:
        if store.read_only is not None:
            return True  # nobody can be added to a file that cannot be written; it opens read only
        dialog = FirstOperatorDialog(store, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


real_sign_in_on_open = sign_in_on_open
