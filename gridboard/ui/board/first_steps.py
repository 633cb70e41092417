"""What a blank community shows instead of an empty board: its next steps, each one click away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

# The window's actions each step runs (found by name when clicked: features add them to the menus).
STEPS = (
    ("import", "actionImport"),
    ("template", "actionTemplate_ledger"),
    ("grid", "actionNewGrid"),
    ("guide", "actionGuide"),
)


class FirstSteps(QWidget):
    """Import a ledger, download the template, add grids by hand, or read the guide."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardFirstSteps")
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(12)
        title = QLabel(self.tr("This community has no grids yet. Where to start:"), self)
        title.setObjectName("firstStepsTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        texts = {
            "import": (
                self.tr("1. Import your ledger…"),
                self.tr(
                    "The household and resident roster you keep in Excel or WPS (.xlsx, .xls, .csv): "
                    "grids, buildings, households and residents are made from it."
                ),
            ),
            "template": (
                self.tr("2. Download the import template…"),
                self.tr(
                    "No ledger at hand, or a layout the import does not recognise? Fill in the "
                    "template and import it."
                ),
            ),
            "grid": (
                self.tr("3. Add grids by hand…"),
                self.tr("Start with a grid, then add its buildings on the site plan."),
            ),
            "guide": (
                self.tr("Read the guide (F1)"),
                self.tr("Each task step by step, with pictures."),
            ),
        }
        self.buttons: dict[str, QPushButton] = {}
        for key, action_name in STEPS:
            text, detail = texts[key]
            button = QPushButton(text, self)
            button.setObjectName(f"firstStep_{key}")
            button.setMinimumHeight(40)
            button.setStyleSheet("text-align: left; padding-left: 12px; font-weight: bold;")
            button.clicked.connect(lambda _=False, name=action_name: self.run(name))
            note = QLabel(detail, self)
            note.setWordWrap(True)
            note.setStyleSheet("color: #555; margin-left: 14px; margin-bottom: 6px;")
            layout.addWidget(button)
            layout.addWidget(note)
            self.buttons[key] = button
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def run(self, action_name: str) -> bool:
        action = self.window_.findChild(QAction, action_name)
        if action is None or not action.isEnabled():
            return False
        action.trigger()
        return True
