"""The one seam for modal questions and messages; tests patch these functions instead of clicking."""

from __future__ import annotations

from pathlib import Path

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


def _kind_of(filters: str) -> str:
    """The kind of file a dialog is for, from its first pattern: "*.pdf" → "pdf"."""
    import re

    match = re.search(r"\*\.(\w+)", filters)
    return match.group(1).lower() if match else "file"


def start_folder(kind: str) -> Path:
    """Where a file dialog for this kind of file opens: the folder used last, else Documents."""
    from PySide6.QtCore import QSettings, QStandardPaths

    remembered = str(QSettings().value(f"folders/{kind}", "") or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(kind: str, path: str | Path) -> None:
    from PySide6.QtCore import QSettings

    QSettings().setValue(f"folders/{kind}", str(Path(path).parent))


def open_file(parent: QWidget | None, title: str, filters: str, *, kind: str | None = None) -> str | None:
    """Asks for a file to read; opens where the last file of this kind was, and remembers it."""
    from PySide6.QtWidgets import QFileDialog

    kind = kind or _kind_of(filters)
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), filters)
    if path:
        remember_folder(kind, path)
    return path or None


def save_file(
    parent: QWidget | None, title: str, filters: str, suggested: str = "", *, kind: str | None = None
) -> str | None:
    """Asks where to save; `suggested` is a file name (in Chinese for a Chinese user) placed in the
    folder where the last file of this kind went, or Documents."""
    from PySide6.QtWidgets import QFileDialog

    kind = kind or _kind_of(filters)
    suggestion = Path(suggested)
    initial = suggestion if suggestion.is_absolute() else start_folder(kind) / safe_file_name(suggested)
    path, _ = QFileDialog.getSaveFileName(
        parent, title, str(initial) if suggested else str(initial.parent), filters
    )
    if path:
        remember_folder(kind, path)
    return path or None


def file_name(*parts: str, suffix: str, dated: bool = True) -> str:
    """A default file name from its parts and today's date: 走访单-林海龙-2026-12-01.pdf."""
    from datetime import date

    words = [p.strip() for p in parts if p and p.strip()]
    if dated:
        words.append(date.today().isoformat())
    return safe_file_name("-".join(words) + suffix)


def safe_file_name(name: str) -> str:
    """A name any Windows or Linux folder accepts: no \\ / : * ? " < > | or control characters."""
    import re

    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", name).strip(" .")
    return cleaned or "gridboard"
