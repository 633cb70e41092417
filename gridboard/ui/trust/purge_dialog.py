"""Tools → Purge residents who moved out long ago (administrators): a preview, a reason, then for good."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from gridboard.models import purge
from gridboard.models.errors import KnownError
from gridboard.ui import ask


class PurgeDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("purgeDialog")
        self.setWindowTitle(self.tr("Purge residents who moved out"))
        self.window_ = window
        self.store = window.store
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Residents who moved out long ago are removed from the file for good: their names, phones and"
                " ID numbers are no longer kept (the audit trail keeps only that they were removed)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.years = QSpinBox(self)
        self.years.setObjectName("purgeYears")
        self.years.setRange(1, 30)
        self.years.setValue(3)
        self.years.setSuffix(self.tr(" years"))
        self.years.valueChanged.connect(lambda _=0: self.refresh())
        form.addRow(self.tr("Moved out more than:"), self.years)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("purgeReason")
        form.addRow(self.tr("Why (recorded):"), self.reason)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("purgePreview")
        self.table.setHorizontalHeaderLabels([self.tr("Resident"), self.tr("Address"), self.tr("Moved out")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        self.count.setObjectName("purgeCount")
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.purge_button = buttons.addButton(
            self.tr("Purge them"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.clicked.connect(lambda _=False: self.purge())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.candidates = purge.purge_preview(self.store, years=self.years.value())
        self.table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            for column, text in enumerate((c.name, c.address, c.moved_out_at)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.count.setText(self.tr("{count} residents would be removed.").format(count=len(self.candidates)))
        self.purge_button.setEnabled(bool(self.candidates))

    def purge(self) -> int | None:
        if not ask.confirm(
            self,
            self.windowTitle(),
            self.tr("Remove these {count} residents for good? This cannot be undone.").format(
                count=len(self.candidates)
            ),
        ):
            return None
        try:
            removed = self.window_.notifier.perform(
                purge.purge_moved_out, years=self.years.value(), reason=self.reason.text()
            )
        except KnownError as error:
            ask.show_error(self, error)
            return None
        self.refresh()
        return removed
