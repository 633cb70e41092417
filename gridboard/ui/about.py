"""Help → About: version, file format, where this copy keeps its data, and the bundled licences."""

from __future__ import annotations

import json
import platform
import sqlite3
from dataclasses import dataclass

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gridboard import __version__, bundled, logs, paths
from gridboard.models.schema import known_migration_names
from gridboard.models.store import Store, schema_version
from gridboard.ui.places import app_icon


@dataclass(frozen=True)
class Licence:
    name: str
    version: str
    license: str
    file: str

    def text(self) -> str:
        return bundled.files().joinpath("licenses", self.file).read_text(encoding="utf-8")


def bundled_licences() -> list[Licence]:
    """What the program carries and under which licence (resources/licenses/index.json)."""
    index = bundled.files().joinpath("licenses", "index.json")
    return [Licence(**entry) for entry in json.loads(index.read_text(encoding="utf-8"))]


class AboutDialog(QDialog):
    """The About box. `store` is the open file, if any (its own format step is shown beside ours)."""

    def __init__(self, store: Store | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About gridboard"))
        self.store = store
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(self)
        title.setObjectName("aboutTitle")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setText(
            "<b style='font-size:15pt'>{name}</b><br>{what}".format(
                name=self.tr("gridboard {version}").format(version=__version__),
                what=self.tr("The grid-level member–household pairing board."),
            )
        )
        head.addWidget(title, 1)
        layout.addLayout(head)

        form = QFormLayout()
        for key, label, value in self.facts():
            text = QLabel(value, self)
            text.setObjectName(f"about_{key}")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            form.addRow(label, text)
        layout.addLayout(form)
        note = QLabel(self.tr("Works entirely offline; nothing is ever sent over a network."), self)
        layout.addWidget(note)

        layout.addWidget(QLabel(self.tr("Bundled fonts and libraries, and their licences:"), self))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.licence_list = QListWidget(split)
        self.licence_list.setObjectName("licenceList")
        self.licence_text = QPlainTextEdit(split)
        self.licence_text.setObjectName("licenceText")
        self.licence_text.setReadOnly(True)
        self.licence_text.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.NoWrap
        )  # the texts keep their own lines
        self.licence_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licences = bundled_licences()
        for licence in self.licences:
            self.licence_list.addItem(f"{licence.name} {licence.version} — {licence.license}")
        self.licence_list.currentRowChanged.connect(self._show_licence)
        split.setSizes([330, 430])
        layout.addWidget(split, 1)
        if self.licences:
            self.licence_list.setCurrentRow(0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 620)

    def facts(self) -> list[tuple[str, str, str]]:
        names = known_migration_names()
        rows = [
            ("version", self.tr("Version:"), __version__),
            (
                "format",
                self.tr("File format:"),
                self.tr("version {number} ({step})").format(number=len(names), step=names[-1]),
            ),
        ]
        if self.store is not None:
            applied, known = schema_version(self.store)
            rows.append(
                (
                    "file",
                    self.tr("This file:"),
                    self.tr("format {applied} of {known}").format(applied=applied, known=known),
                )
            )
        folder = str(paths.data_folder())
        if paths.is_portable():
            folder = self.tr("{folder} (portable: kept beside the program, nothing on this computer)").format(
                folder=folder
            )
        rows.append(("data", self.tr("Data folder:"), folder))
        log_file = logs.log_path()
        if log_file is not None:
            rows.append(("log", self.tr("Log file:"), str(log_file)))
        rows.append(
            (
                "built",
                self.tr("Built with:"),
                (
                    f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version},"
                    f" SQLite {sqlite3.sqlite_version}"
                ),
            )
        )
        return rows

    def _show_licence(self, row: int) -> None:
        if 0 <= row < len(self.licences):
            self.licence_text.setPlainText(self.licences[row].text())
