"""Excel in and out: File → Import…, the Export and Templates submenus."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QWidget,
)

from gridboard.models import operators
from gridboard.models.errors import QT_TRANSLATE_NOOP, KnownError
from gridboard.models.operators import NotAllowed
from gridboard.ui import ask
from gridboard.ui.features import Feature
from gridboard.ui.tasks import run_task

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow


def _t(text: str) -> str:
    """Translate a string marked elsewhere with QT_TRANSLATE_NOOP("Exchange", ...)."""
    return QCoreApplication.translate("Exchange", text)


class ExportOptions(QDialog):
    """The period of a visits or requests report, or whether a ledger shows full phone and ID numbers."""

    def __init__(self, parent: QWidget | None, *, period: bool, reveal: bool) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptions")
        self.setWindowTitle(self.tr("Export"))
        form = QFormLayout(self)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addMonths(-1), self)
        self.start.setObjectName("exportFrom")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.end = QDateEdit(today, self)
        self.end.setObjectName("exportTo")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.reveal = QCheckBox(self.tr("Write full phone and ID numbers (personal information)"), self)
        self.reveal.setObjectName("exportReveal")
        if period:
            form.addRow(self.tr("From:"), self.start)
            form.addRow(self.tr("To:"), self.end)
        else:
            self.start.hide()
            self.end.hide()
        if reveal:
            form.addRow(self.reveal)
        else:
            self.reveal.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("exportButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> dict:
        return {
            "start": self.start.date().toPython() if self.start.isVisibleTo(self) else None,
            "end": self.end.date().toPython() if self.end.isVisibleTo(self) else None,
            "reveal": self.reveal.isChecked(),
        }


class ExchangeFeature:
    """Owns the menu entries; the import dialog lives in gridboard.ui.exchange.dialog."""

    needs: ClassVar[tuple[type[Feature], ...]] = ()

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        file_menu = window.menu("file")
        before = next((a for a in file_menu.actions() if a.objectName() == "actionQuit"), None)

        self.import_action = QAction(
            QCoreApplication.translate("Exchange", "&Import from Excel or CSV…"), window
        )
        self.import_action.setObjectName("actionImport")
        self.import_action.triggered.connect(lambda _=False: self.start_import())

        self.export_menu = QMenu(QCoreApplication.translate("Exchange", "&Export to Excel"), window)
        self.export_menu.setObjectName("menu_export")
        for kind, text in (
            ("ledger", QCoreApplication.translate("Exchange", "Household and resident &ledger…")),
            ("visits", QCoreApplication.translate("Exchange", "&Visits for a period…")),
            ("requests", QCoreApplication.translate("Exchange", "&Requests with their steps…")),
            ("coverage", QCoreApplication.translate("Exchange", "&Coverage by grid and member…")),
        ):
            action = self.export_menu.addAction(text)
            action.setObjectName(f"actionExport_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.export(k))

        self.template_menu = QMenu(QCoreApplication.translate("Exchange", "Import &templates"), window)
        self.template_menu.setObjectName("menu_templates")
        for kind, text in (
            ("ledger", QCoreApplication.translate("Exchange", "Households and residents…")),
            ("members", QCoreApplication.translate("Exchange", "Party members…")),
            ("pairings", QCoreApplication.translate("Exchange", "Pairings…")),
        ):
            action = self.template_menu.addAction(text)
            action.setObjectName(f"actionTemplate_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.template(k))

        if before is not None:
            file_menu.insertAction(before, self.import_action)
            file_menu.insertMenu(before, self.export_menu)
            file_menu.insertMenu(before, self.template_menu)
            file_menu.insertSeparator(before)
        else:
            file_menu.addAction(self.import_action)
            file_menu.addMenu(self.export_menu)
            file_menu.addMenu(self.template_menu)
        self.dialog: QDialog | None = None

    # -- import ----------------------------------------------------------------------------------

    def start_import(self, path: str | None = None) -> QDialog | None:
        from gridboard.ui.exchange.dialog import ImportDialog, load_book

        path = path or ask.open_file(
            self.window,
            QCoreApplication.translate("Exchange", "Import from Excel or CSV"),
            QCoreApplication.translate("Exchange", "Spreadsheets (*.xlsx *.xlsm *.csv);;All files (*)"),
        )
        if not path:
            return None
        try:
            loaded = load_book(self.window, self.window.store, Path(path))
        except KnownError as error:
            ask.show_error(self.window, error)
            return None
        if loaded is None:
            return None
        book, layouts = loaded
        dialog = self.dialog = ImportDialog(self.window, book, layouts)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- export ----------------------------------------------------------------------------------

    def export(self, kind: str) -> Path | None:
        names = {"ledger": "居民台账", "visits": "走访记录", "requests": "诉求办理", "coverage": "覆盖情况"}
        options: dict = {}
        session = self.window.store.session
        if session is not None and session.role == "grid_worker":
            # Exports hold the whole file; a grid worker works in their own grids (issue 16).
            ask.show_error(
                self.window,
                NotAllowed(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "A grid worker (网格员) prints their grids' sheets; exports of the whole file are"
                        " for community staff.",
                    )
                ),
            )
            return None
        if kind in ("ledger", "visits", "requests"):
            may_reveal = kind == "ledger" and (session is None or session.may("reveal"))
            dialog = ExportOptions(self.window, period=kind != "ledger", reveal=may_reveal)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            options = dialog.options()
        path = ask.save_file(
            self.window,
            QCoreApplication.translate("Exchange", "Export to Excel"),
            QCoreApplication.translate("Exchange", "Excel workbooks (*.xlsx)"),
            f"{names[kind]}.xlsx",
        )
        if not path:
            return None
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        store_path = self.window.store.path
        if options.get("reveal") and not self.record_reveal(f"export {kind}", target):
            return None

        def work(progress):
            # A window opened read only still exports what it shows.
            # The same operator, role and grid views as the window's (a 网格员 exports their grids).
            store = operators.open_alongside(self.window.store) if store_path else self.window.store
            try:
                from gridboard.exchange import export as exporter  # openpyxl: loaded when first used

                return exporter.export(store, kind, target, progress=progress, **options)
            finally:
                if store_path:
                    store.close()

        try:
            rows = run_task(self.window, QCoreApplication.translate("Exchange", "Exporting…"), work)
        except KnownError as error:
            ask.show_error(self.window, error)
            return None
        if rows is None:
            return None
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Exchange", "{rows} rows written to {path}").format(
                rows=rows, path=target.name
            ),
            8000,
        )
        return target

    def record_reveal(self, what: str, target: Path) -> bool:
        """Full numbers: once per export, a reason, allowed by role, written to the audit trail."""
        from gridboard.models.audit import record_reveal

        reason = ask.text(
            self.window,
            QCoreApplication.translate("Exchange", "Full phone and ID numbers"),
            QCoreApplication.translate(
                "Exchange",
                "Why must this export show phone and ID numbers in full? (recorded in the audit trail)",
            ),
        )
        if reason is None:
            return False
        try:
            self.window.notifier.perform(record_reveal, what=what, reason=reason, target=str(target))
        except KnownError as error:
            ask.show_error(self.window, error)
            return False
        return True

    def template(self, kind: str) -> Path | None:
        names = {"ledger": "居民台账模板", "members": "党员名册模板", "pairings": "结对表模板"}
        path = ask.save_file(
            self.window,
            QCoreApplication.translate("Exchange", "Save an import template"),
            QCoreApplication.translate("Exchange", "Excel workbooks (*.xlsx)"),
            f"{names[kind]}.xlsx",
        )
        if not path:
            return None
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        try:
            from gridboard.exchange.templates import write_template

            write_template(kind, target)
        except KnownError as error:
            ask.show_error(self.window, error)
            return None
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Exchange", "Template written to {path}").format(path=target.name),
            8000,
        )
        return target
