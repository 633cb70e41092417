"""First start (or no file open): new empty community, open a file, or explore a demo community."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomeDialog(QDialog):
    """Asks what to open; the controller does the opening."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to gridboard"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Welcome to gridboard"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "gridboard keeps your community's pairing board in one file on this computer:"
                " grids, buildings, households, who is paired with whom, every visit and request."
                " It never needs a network."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        buttons = QHBoxLayout()
        for name, text, signal in (
            ("newButton", self.tr("New empty community…"), self.new_requested),
            ("openButton", self.tr("Open a file…"), self.open_requested),
            ("demoButton", self.tr("Explore a demo community"), self.demo_requested),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setMinimumHeight(48)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.recent_list = QListWidget(self)
        self.recent_list.setObjectName("recentList")
        for path in recent:
            QListWidgetItem(path, self.recent_list)
        self.recent_list.itemActivated.connect(lambda item: self.recent_requested.emit(item.text()))
        if recent:
            layout.addWidget(QLabel(self.tr("Recent files:"), self))
            layout.addWidget(self.recent_list)
        else:
            self.recent_list.hide()
        quit_button = QPushButton(self.tr("Quit"), self)
        quit_button.setObjectName("quitButton")
        quit_button.clicked.connect(self.reject)
        layout.addWidget(quit_button, 0, Qt.AlignmentFlag.AlignRight)
