"""Asked when a roll call finds a household needing help: what help, and whether to raise a request."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gridboard.models.vocab import REQUEST_CATEGORIES, REQUEST_URGENCIES
from gridboard.ui import labels


class NeedsHelpDialog(QDialog):
    """What help the household needs (required), and a request for it (on by default)."""

    def __init__(self, place: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("needsHelpDialog")
        self.setWindowTitle(self.tr("Reached, needs help"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("{place}: what help does the household need?").format(place=place), self)
        )
        self.help_edit = QLineEdit(self)
        self.help_edit.setObjectName("needsHelpText")
        self.help_edit.setPlaceholderText(self.tr("e.g. insulin runs out tomorrow; the heating is off"))
        layout.addWidget(self.help_edit)
        self.raise_box = QCheckBox(self.tr("Raise a request for it now"), self)
        self.raise_box.setObjectName("needsHelpRaise")
        self.raise_box.setChecked(True)
        layout.addWidget(self.raise_box)
        form = QFormLayout()
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("needsHelpCategory")
        for code in REQUEST_CATEGORIES:
            self.category_combo.addItem(labels.request_category(code), code)
        self.category_combo.setCurrentIndex(self.category_combo.findData("supplies"))
        self.urgency_combo = QComboBox(self)
        self.urgency_combo.setObjectName("needsHelpUrgency")
        for code in REQUEST_URGENCIES:
            self.urgency_combo.addItem(labels.request_urgency(code), code)
        self.urgency_combo.setCurrentIndex(self.urgency_combo.findData("urgent"))
        form.addRow(self.tr("Category:"), self.category_combo)
        form.addRow(self.tr("Urgency:"), self.urgency_combo)
        layout.addLayout(form)
        self.raise_box.toggled.connect(self.category_combo.setEnabled)
        self.raise_box.toggled.connect(self.urgency_combo.setEnabled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("needsHelpOk")
        self.ok_button.setEnabled(False)
        self.help_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 0)

    def answer(self) -> tuple[str, str | None, str]:
        """(help needed, request category or None, urgency)."""
        category = self.category_combo.currentData() if self.raise_box.isChecked() else None
        return self.help_edit.text().strip(), category, self.urgency_combo.currentData()
