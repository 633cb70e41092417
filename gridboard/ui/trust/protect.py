"""File → Protect with a passphrase / Remove protection (each makes a new file), and asking for one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import cipher
from gridboard.models.errors import KnownError
from gridboard.ui import ask
from gridboard.ui.labels import error_text


def ask_passphrase(parent: QWidget | None, path: Path, *, again: bool = False) -> str | None:
    """The seam for the passphrase of a protected file (tests/conftest.py answers for it)."""
    label = (
        QCoreApplication.translate("Trust", "That passphrase did not open {file}. Try again:")
        if again
        else QCoreApplication.translate("Trust", "{file} is protected. Its passphrase:")
    ).format(file=path.name)
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("Trust", "Protected file"), label, QLineEdit.EchoMode.Password
    )
    return text if ok and text else None


class ProtectDialog(QDialog):
    """The passphrase twice, after saying plainly that a forgotten one cannot be recovered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectDialog")
        self.setWindowTitle(self.tr("Protect this file with a passphrase"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "A protected file cannot be read without its passphrase: a copied file or a lost USB stick"
                " tells nobody anything. Its daily backups are protected the same way.\n\n"
                "A new protected file is made beside this one; this one is kept until you remove it.\n\n"
                "If the passphrase is forgotten, NOBODY can open the file again — not the office, not the"
                " makers of gridboard. Write it down and keep it somewhere safe."
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase (8 or more characters):"), self.first)
        form.addRow(self.tr("Once more:"), self.second)
        layout.addLayout(form)
        self.understood = QCheckBox(
            self.tr("I understand that a forgotten passphrase cannot be recovered."), self
        )
        self.understood.setObjectName("passphraseUnderstood")
        layout.addWidget(self.understood)
        self.message = QLabel(self)
        self.message.setObjectName("protectMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.understood.isChecked():
            self.message.setText(self.tr("Tick the box to say you have read the warning."))
        elif len(self.first.text()) < 8:
            self.message.setText(self.tr("A passphrase has at least 8 characters."))
        elif self.first.text() != self.second.text():
            self.message.setText(self.tr("The two entries differ."))
        else:
            super().accept()


def _target(source: Path, suffix: str) -> Path:
    stem = source.stem.removesuffix("-protected").removesuffix("-plain")
    target = source.with_name(f"{stem}-{suffix}{source.suffix}")
    number = 2
    while target.exists():
        target = source.with_name(f"{stem}-{suffix}-{number}{source.suffix}")
        number += 1
    return target


def protect_file(window) -> Path | None:
    """Make a protected copy of the window's file; offer to open it."""
    store = window.store
    if store.path is None:
        return None
    dialog = ProtectDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    passphrase = dialog.first.text()
    target = _target(store.path, "protected")
    return _make(window, lambda: cipher.protect(store.path, target, passphrase), target, passphrase)


def unprotect_file(window) -> Path | None:
    store = window.store
    if store.path is None or not cipher.is_protected(store.path):
        return None
    if not ask.confirm(
        window,
        QCoreApplication.translate("Trust", "Remove protection"),
        QCoreApplication.translate(
            "Trust",
            "A new file without protection will be made beside this one: anyone who copies it can read"
            " every resident. Go on?",
        ),
    ):
        return None
    target = _target(store.path, "plain")
    return _make(window, lambda: cipher.unprotect(store.path, target), target, None)


def _make(window, work, target: Path, passphrase: str | None) -> Path | None:
    try:
        made = work()
    except KnownError as error:
        ask.show_error(window, error)
        return None
    text = QCoreApplication.translate(
        "Trust",
        "{path} was made. The file open now is kept as it was: remove it yourself once you have checked"
        " the new one. Open the new file now?",
    ).format(path=made)
    if window.controller is not None and ask.confirm(
        window, QCoreApplication.translate("Trust", "New file made"), text
    ):
        window.controller.open_path(made, passphrase=passphrase)
    return made


__all__ = ["ask_passphrase", "protect_file", "unprotect_file", "error_text"]
