"""The one seam for modal questions and messages; tests patch these functions instead of clicking."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from gridboard.models.errors import KnownError


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_error(parent: QWidget | None, error: KnownError) -> None:
    from gridboard.ui.labels import error_text

    QMessageBox.warning(parent, "gridboard", error_text(error))


def discard_unsaved(parent: QWidget | None, text: str) -> bool:
    """True when the user chooses to throw away what they typed (Esc or close on an entry dialog)."""
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("Ask", "Unsaved entries")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName("discardUnsavedQuestion")
    discard = box.addButton(
        QCoreApplication.translate("Ask", "Discard them"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(QCoreApplication.translate("Ask", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    result, ok = QInputDialog.getText(parent, title, label, text=value)
    return result if ok else None


def open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def save_file(parent: QWidget | None, title: str, filters: str, suggested: str = "") -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None
