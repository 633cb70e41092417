"""The import dialog: what each sheet holds and which column is which, then every problem, then import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridboard.exchange.headers import FIELDS, KIND_LABELS, SHEET_KINDS
from gridboard.exchange.importer import (
    Problem,
    Report,
    SheetLayout,
    apply_import,
    column_letter,
    detect_layouts,
    preview,
    set_header_row,
)
from gridboard.exchange.reader import Book, read_book
from gridboard.models.errors import KnownError
from gridboard.models.store import Store, open_store
from gridboard.ui import ask
from gridboard.ui.tasks import run_task

T = TypeVar("T")
_ERROR_COLOUR = QColor("#b3261e")
_WARNING_COLOUR = QColor("#8a5a00")


def _t(text: str) -> str:
    """Translate a string marked elsewhere with QT_TRANSLATE_NOOP("Exchange", ...)."""
    return QCoreApplication.translate("Exchange", text)


def run_on_own_store(parent: QWidget, title: str, store: Store, work: Callable[[Store, Any], T]) -> T | None:
    """`work(store, progress)` in a worker thread on a Store of its own, behind run_task's progress and cancel.

    SQLite connections belong to their thread: the worker opens the same file itself. An in-memory
    store (nothing to reopen) is worked on here, in the GUI thread.
    """
    if store.path is None:
        return work(store, lambda *_args, **_kwargs: None)
    path, operator = store.path, store.operator

    def task(progress):
        own = open_store(path, check="none", operator=operator)
        try:
            return work(own, progress)
        finally:
            own.close()

    return run_task(parent, title, task)


def load_book(parent: QWidget, store: Store, path: Path) -> tuple[Book, list[SheetLayout]] | None:
    """Read the workbook and recognise its sheets off the GUI thread; None when cancelled."""

    def work(own: Store, progress) -> tuple[Book, list[SheetLayout]]:
        book = read_book(path, progress)
        return book, detect_layouts(own, book)

    title = QCoreApplication.translate("Exchange", "Reading {file}…").format(file=path.name)
    return run_on_own_store(parent, title, store, work)


def problem_text(problem: Problem) -> str:
    text = _t(problem.reason)
    try:
        return text.format(**problem.params) if problem.params else text
    except (KeyError, IndexError, ValueError):
        return problem.text()


class ProblemsModel(QAbstractTableModel):
    """Every problem of a preview: severity, sheet, row, column, value, reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self._texts: dict[int, str] = {}

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        # Errors first: they are what the user must fix.
        self.problems = sorted(problems, key=lambda p: (p.severity != "error", p.sheet, p.row))
        self._texts = {}
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Exchange", "Kind"),
            QCoreApplication.translate("Exchange", "Sheet"),
            QCoreApplication.translate("Exchange", "Row"),
            QCoreApplication.translate("Exchange", "Column"),
            QCoreApplication.translate("Exchange", "Value"),
            QCoreApplication.translate("Exchange", "Problem"),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 6
        ):
            return self.headers()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.problems):
            return None
        problem = self.problems[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return (
                    QCoreApplication.translate("Exchange", "Error")
                    if problem.severity == "error"
                    else QCoreApplication.translate("Exchange", "Warning")
                )
            if column == 5:
                if index.row() not in self._texts:
                    self._texts[index.row()] = problem_text(problem)
                return self._texts[index.row()]
            return (problem.sheet, problem.row, problem.column, problem.value)[column - 1]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(_ERROR_COLOUR if problem.severity == "error" else _WARNING_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def summary_text(report: Report, *, done: bool) -> str:
    lines = []
    for kind, label in (
        ("household", QCoreApplication.translate("Exchange", "Households")),
        ("resident", QCoreApplication.translate("Exchange", "Residents")),
        ("member", QCoreApplication.translate("Exchange", "Party members")),
        ("pairing", QCoreApplication.translate("Exchange", "Pairings")),
    ):
        counts = report.counts.get(kind)
        if counts and sum(counts.values()):
            lines.append(
                QCoreApplication.translate(
                    "Exchange", "{label}: {added} new, {updated} updated, {unchanged} unchanged"
                ).format(
                    label=label,
                    added=counts["added"],
                    updated=counts["updated"],
                    unchanged=counts["unchanged"],
                )
            )
    lines.append(
        QCoreApplication.translate(
            "Exchange", "New: {communities} communities, {grids} grids, {buildings} buildings"
        ).format(
            communities=report.count("community", "added"),
            grids=report.count("grid", "added"),
            buildings=report.count("building", "added"),
        )
    )
    if report.unknown_tags:
        lines.append(
            QCoreApplication.translate("Exchange", "Unknown tags (not imported): {tags}").format(
                tags="、".join(report.unknown_tags)
            )
        )
    if not done:
        if report.errors:
            lines.append(
                QCoreApplication.translate(
                    "Exchange",
                    "{errors} errors must be fixed in the sheet before anything is imported; {warnings} warnings.",
                ).format(errors=len(report.errors), warnings=len(report.warnings))
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "Exchange", "No errors; {warnings} warnings. Nothing has been written yet."
                ).format(warnings=len(report.warnings))
            )
    return "\n".join(lines)


class ImportDialog(QDialog):
    """Sheets → kind, header row and column fields; Check lists every problem; Import applies it all."""

    def __init__(self, window, book: Book, layouts: list[SheetLayout]) -> None:
        super().__init__(window)
        self.window = window
        self.book = book
        self.layouts = layouts
        self.report: Report | None = None
        self.result_report: Report | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import {file}").format(file=book.path.name))
        self.resize(980, 680)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("importSheet")
        self.sheet.addItems([x.name for x in layouts])
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        for kind in (*SHEET_KINDS, "skip"):
            self.kind.addItem(_t(KIND_LABELS[kind]), kind)
        self.header_row = QSpinBox(self)
        self.header_row.setObjectName("importHeaderRow")
        self.header_row.setMinimum(1)
        self.remembered = QLabel(self)
        self.remembered.setObjectName("importRemembered")
        top.addWidget(QLabel(self.tr("Sheet:"), self))
        top.addWidget(self.sheet, 1)
        top.addWidget(QLabel(self.tr("Each row is:"), self))
        top.addWidget(self.kind, 1)
        top.addWidget(QLabel(self.tr("Header row:"), self))
        top.addWidget(self.header_row)
        top.addWidget(self.remembered, 1)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("importSplitter")
        self.mapping = QTableWidget(0, 3, splitter)
        self.mapping.setObjectName("importMapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the sheet"), self.tr("First values"), self.tr("Imported as")]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(
            self.tr("Check the sheets to see what would be imported and every problem."), lower
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problems_model = ProblemsModel(self)
        self.problems = QTableView(lower)
        self.problems.setObjectName("importProblems")
        self.problems.setModel(self.problems_model)
        self.problems.verticalHeader().hide()
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 56), (1, 90), (2, 50), (3, 110), (4, 150)):
            self.problems.setColumnWidth(column, width)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.problems, 1)
        splitter.addWidget(self.mapping)
        splitter.addWidget(lower)
        splitter.setSizes([330, 300])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.setObjectName("importCheck")
        self.apply_button = QPushButton(self.tr("&Import"), self)
        self.apply_button.setObjectName("importApply")
        self.apply_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("importClose")
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.sheet.currentIndexChanged.connect(self._show_sheet)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.header_row.valueChanged.connect(self._header_changed)
        self.check_button.clicked.connect(self.check)
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        self._filling = False
        self._show_sheet(0)

    # -- mapping ---------------------------------------------------------------------------------

    @property
    def layout_now(self) -> SheetLayout:
        return self.layouts[max(self.sheet.currentIndex(), 0)]

    def _show_sheet(self, _index: int = 0) -> None:
        if not self.layouts:
            return
        current = self.layout_now
        rows = self.book.sheet(current.name).rows
        self._filling = True
        self.kind.setCurrentIndex(self.kind.findData(current.kind))
        self.header_row.setMaximum(max(len(rows), 1))
        self.header_row.setValue(current.header_row + 1)
        self.remembered.setText(
            self.tr("(columns as last time for this layout)") if current.remembered else ""
        )
        self.mapping.setRowCount(len(current.headers))
        examples = rows[current.header_row + 1 : current.header_row + 4]
        for column, header in enumerate(current.headers):
            title = QTableWidgetItem(f"{column_letter(column)}  {header}")
            self.mapping.setItem(column, 0, title)
            values = [str(r[column]) for r in examples if column < len(r) and r[column] not in (None, "")]
            self.mapping.setItem(column, 1, QTableWidgetItem("；".join(values)))
            combo = QComboBox(self.mapping)
            combo.setObjectName(f"importField_{column}")
            combo.addItem(self.tr("(not imported)"), "")
            for field in FIELDS:
                combo.addItem(_t(field.label), field.key)
            combo.setCurrentIndex(max(combo.findData(current.mapping.get(column, "")), 0))
            combo.currentIndexChanged.connect(lambda _i, c=column, box=combo: self._field_changed(c, box))
            self.mapping.setCellWidget(column, 2, combo)
        self._filling = False

    def set_field(self, column: int, key: str) -> None:
        """Assign a column to a field (what a user does with the combo box)."""
        combo: QComboBox = self.mapping.cellWidget(column, 2)
        combo.setCurrentIndex(combo.findData(key))

    def _field_changed(self, column: int, combo: QComboBox) -> None:
        if self._filling:
            return
        key = combo.currentData()
        current = self.layout_now
        current.mapping = {c: f for c, f in current.mapping.items() if c != column and f != key}
        if key:
            current.mapping[column] = key
        current.remembered = False
        self._filling = True
        for other in range(self.mapping.rowCount()):
            if other != column:
                box: QComboBox = self.mapping.cellWidget(other, 2)
                box.setCurrentIndex(max(box.findData(current.mapping.get(other, "")), 0))
        self._filling = False
        self._stale()

    def _kind_changed(self, _index: int) -> None:
        if self._filling:
            return
        self.layout_now.kind = self.kind.currentData()
        self._stale()

    def _header_changed(self, value: int) -> None:
        if self._filling:
            return
        set_header_row(self.book, self.layout_now, value - 1)
        self._show_sheet()
        self._stale()

    def _stale(self) -> None:
        self.report = None
        self.apply_button.setEnabled(False)
        self.summary.setText(self.tr("The columns changed: check again before importing."))

    # -- check and import ------------------------------------------------------------------------

    def check(self) -> Report | None:
        book, layouts = self.book, self.layouts
        report = run_on_own_store(
            self,
            self.tr("Checking the sheets…"),
            self.window.store,
            lambda store, progress: preview(store, book, layouts, progress),
        )
        if report is None:
            return None
        self.report = report
        self.problems_model.set_problems(report.problems)
        self.summary.setText(summary_text(report, done=False))
        self.apply_button.setEnabled(not report.errors)
        return report

    def apply(self) -> Report | None:
        if self.report is None or self.report.errors:
            return None
        book, layouts = self.book, self.layouts
        try:
            report = run_on_own_store(
                self,
                self.tr("Importing…"),
                self.window.store,
                lambda store, progress: apply_import(store, book, layouts, progress),
            )
        except KnownError as error:
            ask.show_error(self, error)
            return None
        finally:
            # The import wrote through its own connection: every view reloads what it shows.
            self.window.notifier.refresh_all()
        if report is None:
            return None
        self.result_report = report
        ask.inform(self, self.tr("Import finished"), summary_text(report, done=True))
        self.accept()
        return report
