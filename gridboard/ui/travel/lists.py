"""What is out and what merges did not keep: grids checked out to laptops, and conflicts to review."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridboard.models.errors import KnownError
from gridboard.models.store import Store
from gridboard.sync.checkout import checked_out
from gridboard.sync.conflicts import TABLE_LABELS, conflict_rows, mark_reviewed, write_conflicts_xlsx
from gridboard.ui import ask


class TravelListsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("travelLists")
        self.store = store
        self.setWindowTitle(self.tr("Grids checked out and merge conflicts"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Grids checked out to laptops (not yet back):")))
        self.checkouts = QTableWidget(0, 4, self)
        self.checkouts.setObjectName("checkouts")
        self.checkouts.setHorizontalHeaderLabels(
            [self.tr("Community"), self.tr("Grid"), self.tr("File"), self.tr("Since")]
        )
        layout.addWidget(self.checkouts)
        layout.addWidget(QLabel(self.tr("Values changed on both sides that a merge did not keep:")))
        self.conflicts = QTableWidget(0, 7, self)
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setHorizontalHeaderLabels(
            [
                self.tr("Merged"),
                self.tr("From"),
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Kept"),
                self.tr("Not kept"),
                self.tr("Reviewed"),
            ]
        )
        layout.addWidget(self.conflicts, 1)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Write to .xlsx…"), self)
        self.export_button.clicked.connect(self.export)
        self.reviewed_button = QPushButton(self.tr("Mark all reviewed"), self)
        self.reviewed_button.clicked.connect(self.mark_all_reviewed)
        row.addWidget(self.export_button)
        row.addWidget(self.reviewed_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(980, 560)
        self.reload()

    def reload(self) -> None:
        outs = checked_out(self.store)
        self.checkouts.setRowCount(len(outs))
        for r, c in enumerate(outs):
            for col, text in enumerate((c.community_name, c.grid_name, Path(c.file).name, c.since)):
                self.checkouts.setItem(r, col, QTableWidgetItem(text))
        rows = conflict_rows(self.store)
        self.rows = rows
        self.conflicts.setRowCount(len(rows))
        for r, c in enumerate(rows):
            values = (
                c.met_at,
                c.file,
                f"{TABLE_LABELS.get(c.table, c.table)} {c.record}",
                c.column,
                c.kept,
                c.lost,
                self.tr("yes") if c.reviewed else "",
            )
            for col, text in enumerate(values):
                self.conflicts.setItem(r, col, QTableWidgetItem(str(text)))
        self.checkouts.resizeColumnsToContents()
        self.conflicts.resizeColumnsToContents()

    def export(self) -> Path | None:
        target = ask.save_file(self, self.tr("Write conflicts to .xlsx"), "Excel (*.xlsx)", "合并冲突.xlsx")
        if not target:
            return None
        try:
            write_conflicts_xlsx(self.store, target)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        return Path(target)

    def mark_all_reviewed(self) -> None:
        mark_reviewed(self.store, [c.id for c in self.rows if not c.reviewed])
        self.reload()
