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
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridboard.exchange.headers import FIELDS, FIELDS_BY_KEY, KIND_LABELS, SHEET_KINDS
from gridboard.exchange.importer import (
    Edits,
    Plan,
    Problem,
    SheetLayout,
    column_letter,
    detect_layouts,
    plan_import,
    set_header_row,
    write_plan,
)
from gridboard.exchange.left_out import write_left_out
from gridboard.exchange.parsers import plain_text
from gridboard.exchange.plan import IGNORE, KEEP_AS_NOTE
from gridboard.exchange.reader import Book, read_book
from gridboard.exchange.recognise import field_label_key
from gridboard.models.store import Store
from gridboard.models.vocab import BUILTIN_TAGS, MEMBER_KINDS, OCCUPANCY
from gridboard.ui import ask, ops

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
    return ops.on_own_store(parent, title, store, work)


def load_book(parent: QWidget, store: Store, path: Path) -> tuple[Book, list[SheetLayout]] | None:
    """Read the workbook and recognise its sheets off the GUI thread; None when cancelled."""

    def work(own: Store, progress) -> tuple[Book, list[SheetLayout]]:
        book = read_book(path, progress)
        return book, detect_layouts(own, book)

    title = QCoreApplication.translate("Exchange", "Reading {file}…").format(file=path.name)
    return run_on_own_store(parent, title, store, work)


def problem_text(problem: Problem) -> str:
    return problem.text(_t)


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


def summary_text(report: Plan, *, done: bool) -> str:
    lines = []
    for kind, label in (
        ("household", QCoreApplication.translate("Exchange", "Households")),
        ("resident", QCoreApplication.translate("Exchange", "Residents")),
        ("member", QCoreApplication.translate("Exchange", "Party members")),
        ("pairing", QCoreApplication.translate("Exchange", "Pairings")),
        ("scope", QCoreApplication.translate("Exchange", "Floors, units and buildings covered")),
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
    skipped = list(report.skipped_sheets())
    if skipped:
        lines.append(
            QCoreApplication.translate("Exchange", "Sheets not imported: {sheets}").format(
                sheets="；".join(
                    f"{x.name}（{_t(x.skip_reason)}）" if x.skip_reason else x.name for x in skipped
                )
            )
        )
    not_data = sum(n for why, n in report.skipped_rows.items() if why != "empty")
    if not_data:
        lines.append(
            QCoreApplication.translate(
                "Exchange", "{rows} rows are totals (合计), notes or repeated headers and were skipped."
            ).format(rows=not_data)
        )
    if report.left_out:
        lines.append(
            QCoreApplication.translate(
                "Exchange", "{rows} rows left out (they can be saved to fix later)."
            ).format(rows=len(report.left_out))
        )
    if report.unknown:
        lines.append(
            QCoreApplication.translate("Exchange", "Words to map: {words}").format(
                words="、".join(u.word for u in report.unknown.values())
            )
        )
    if report.problems_cut:
        lines.append(
            QCoreApplication.translate(
                "Exchange", "Only the first {shown} problems are listed ({total} in all)."
            ).format(shown=len(report.problems), total=report.errors_total + report.warnings_total)
        )
    if not done:
        if report.blocked:
            lines.append(
                QCoreApplication.translate(
                    "Exchange",
                    "{errors} errors must be fixed (correct the cell or leave the row out) before anything is"
                    " imported; {warnings} warnings.",
                ).format(errors=report.errors_total, warnings=report.warnings_total)
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "Exchange", "No errors; {warnings} warnings. Nothing has been written yet."
                ).format(warnings=report.warnings_total)
            )
    return "\n".join(lines)


def word_targets(vocabulary: str) -> list[tuple[str, str]]:
    """(label, code) choices for an unknown word of this vocabulary."""
    if vocabulary == "tag":
        choices = [(t.name_zh, t.code) for t in BUILTIN_TAGS]
        choices.append((QCoreApplication.translate("Exchange", "Keep as a note"), KEEP_AS_NOTE))
        choices.append((QCoreApplication.translate("Exchange", "Ignore the word"), IGNORE))
        return choices
    if vocabulary == "member_kind":
        return [(name, code) for code, name in MEMBER_KINDS.items()]
    return [(name, code) for code, name in OCCUPANCY.items()]


class ImportDialog(QDialog):
    """Sheets → kind, header row and column fields; Check lists every problem, where a cell can be
    corrected, a row left out and an unknown word mapped; Import writes what is left, all or nothing."""

    def __init__(self, window, book: Book, layouts: list[SheetLayout]) -> None:
        super().__init__(window)
        self.window = window
        self.book = book
        self.layouts = layouts
        self.edits = Edits()
        self.report: Plan | None = None
        self.result_report: Plan | None = None
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
        self.remembered.setWordWrap(True)
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
        upper = self.upper = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.mapping = QTableWidget(0, 3, upper)
        self.mapping.setObjectName("importMapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the sheet"), self.tr("First values"), self.tr("Imported as")]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.mapping.setColumnWidth(0, 150)
        self.mapping.setColumnWidth(2, 170)
        self.words = QTableWidget(0, 3, upper)
        self.words.setObjectName("importWords")
        self.words.setHorizontalHeaderLabels(
            [self.tr("Word in the sheet"), self.tr("Rows"), self.tr("Means")]
        )
        self.words.verticalHeader().hide()
        self.words.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.words.horizontalHeader().setStretchLastSection(True)
        self.words.setColumnWidth(0, 110)
        self.words.setColumnWidth(1, 44)
        self.words.hide()
        upper.setSizes([640, 320])

        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(
            self.tr("Check the sheets to see what would be imported and every problem."), lower
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        summary_area = QScrollArea(lower)
        summary_area.setWidget(self.summary)
        summary_area.setWidgetResizable(True)
        summary_area.setFrameShape(QScrollArea.Shape.NoFrame)
        summary_area.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 6)
        self.problems_model = ProblemsModel(self)
        self.problems = QTableView(lower)
        self.problems.setObjectName("importProblems")
        self.problems.setModel(self.problems_model)
        self.problems.verticalHeader().hide()
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 56), (1, 90), (2, 50), (3, 110), (4, 150)):
            self.problems.setColumnWidth(column, width)
        fix = QHBoxLayout()
        self.fix_value = QLineEdit(lower)
        self.fix_value.setObjectName("importFixValue")
        self.fix_value.setPlaceholderText(self.tr("Correct value for the selected cell"))
        self.fix_button = QPushButton(self.tr("Correct the cell"), lower)
        self.fix_button.setObjectName("importFixCell")
        self.leave_out_button = QPushButton(self.tr("Leave the row out"), lower)
        self.leave_out_button.setObjectName("importLeaveOut")
        self.save_left_out_button = QPushButton(self.tr("Save rows left out…"), lower)
        self.save_left_out_button.setObjectName("importSaveLeftOut")
        self.save_left_out_button.setEnabled(False)
        fix.addWidget(self.fix_value, 1)
        fix.addWidget(self.fix_button)
        fix.addWidget(self.leave_out_button)
        fix.addWidget(self.save_left_out_button)
        lower_layout.addWidget(summary_area)
        lower_layout.addWidget(self.problems, 1)
        lower_layout.addLayout(fix)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([300, 340])
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
        self.fix_button.clicked.connect(self.correct_cell)
        self.leave_out_button.clicked.connect(self.leave_row_out)
        self.save_left_out_button.clicked.connect(self.save_left_out)
        self.problems.selectionModel().currentRowChanged.connect(self._problem_selected)
        self._filling = False
        self._update_fix_buttons()
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
        if current.remembered:
            self.remembered.setText(self.tr("(columns as last time for this layout)"))
        elif current.kind == "skip" and current.skip_reason:
            self.remembered.setText(_t(current.skip_reason))
        else:
            self.remembered.setText("")
        self.mapping.setRowCount(len(current.headers))
        examples = rows[current.header_row + 1 : current.header_row + 4]
        for column, header in enumerate(current.headers):
            title = QTableWidgetItem(f"{column_letter(column)}  {header}")
            self.mapping.setItem(column, 0, title)
            values = [
                plain_text(r[column]) for r in examples if column < len(r) and r[column] not in (None, "")
            ]
            self.mapping.setItem(column, 1, QTableWidgetItem("；".join(values)))
            combo = QComboBox(self.mapping)
            combo.setObjectName(f"importField_{column}")
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.addItem(self.tr("(not imported)"), "")
            for field in FIELDS:
                combo.addItem(_t(field.label), field.key)
            value = current.mapping.get(column, "")
            if value and combo.findData(value) < 0:
                field = FIELDS_BY_KEY.get(field_label_key(value))
                label = _t(field.label) if field else ""
                combo.addItem(
                    f"{label}: {value.removeprefix('tag:')}" if value.startswith("tag:") else label, value
                )
            combo.setCurrentIndex(max(combo.findData(value), 0))
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

    # -- words to map ----------------------------------------------------------------------------

    def _show_words(self, report: Plan) -> None:
        unknown = sorted(report.unknown.values(), key=lambda u: (u.vocabulary, -u.count, u.word))
        # Words the office already mapped in this dialog stay listed, so a choice can be changed.
        mapped = [(v, w) for (v, w) in self.edits.words if (v, w) not in report.unknown]
        self.words.setRowCount(len(unknown) + len(mapped))
        entries = [(u.vocabulary, u.word, u.count) for u in unknown] + [(v, w, None) for v, w in mapped]
        for row, (vocabulary, word, count) in enumerate(entries):
            self.words.setItem(row, 0, QTableWidgetItem(word))
            self.words.setItem(row, 1, QTableWidgetItem("" if count is None else str(count)))
            combo = QComboBox(self.words)
            combo.setObjectName(f"importWord_{vocabulary}_{word}")
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.addItem(self.tr("(choose)"), "")
            for label, code in word_targets(vocabulary):
                combo.addItem(label, code)
            combo.setCurrentIndex(max(combo.findData(self.edits.words.get((vocabulary, word), "")), 0))
            combo.currentIndexChanged.connect(
                lambda _i, v=vocabulary, w=word, box=combo: self._word_mapped(v, w, box)
            )
            self.words.setCellWidget(row, 2, combo)
        if entries and not self.words.isVisible():
            self.words.show()
            self.upper.setSizes([self.upper.width() - 330, 330])
        elif not entries:
            self.words.hide()

    def map_word(self, vocabulary: str, word: str, code: str) -> None:
        """Map an unknown word (what a user does with its combo box)."""
        combo = self.words.findChild(QComboBox, f"importWord_{vocabulary}_{word}")
        combo.setCurrentIndex(combo.findData(code))

    def _word_mapped(self, vocabulary: str, word: str, combo: QComboBox) -> None:
        code = combo.currentData()
        if code:
            self.edits.words[(vocabulary, word)] = code
        else:
            self.edits.words.pop((vocabulary, word), None)
        self._stale()

    # -- corrections -----------------------------------------------------------------------------

    def selected_problem(self) -> Problem | None:
        index = self.problems.currentIndex()
        if not index.isValid():
            return None
        return self.problems_model.problems[index.row()]

    def _problem_selected(self, *_args: Any) -> None:
        problem = self.selected_problem()
        self.fix_value.setText(problem.value if problem is not None else "")
        self._update_fix_buttons()

    def _update_fix_buttons(self) -> None:
        problem = self.selected_problem()
        self.fix_button.setEnabled(problem is not None and problem.column_index is not None)
        self.leave_out_button.setEnabled(problem is not None and problem.row > 0)
        self.save_left_out_button.setEnabled(bool(self.report is not None and self.report.left_out))

    def correct_cell(self) -> None:
        problem = self.selected_problem()
        if problem is None or problem.column_index is None:
            return
        self.edits.cells[(problem.sheet, problem.row, problem.column_index)] = (
            self.fix_value.text().strip() or None
        )
        self.check()

    def leave_row_out(self) -> None:
        problem = self.selected_problem()
        if problem is None:
            return
        self.edits.left_out[(problem.sheet, problem.row)] = problem.located_text(_t)
        self.check()

    def save_left_out(self) -> None:
        if self.report is None or not self.report.left_out:
            return
        target = ask.save_file(
            self,
            self.tr("Save the rows left out"),
            self.tr("Excel workbook (*.xlsx)"),
            f"{self.book.path.stem}-未导入.xlsx",
        )
        if not target:
            return
        rows = write_left_out(self.report, target, _t)
        ask.inform(
            self,
            self.tr("Rows left out"),
            self.tr("{rows} rows written to {file}: fix them there and import that file.").format(
                rows=rows, file=Path(target).name
            ),
        )

    def has_unsaved_work(self) -> bool:
        """Corrections made here and not yet imported (Esc or close asks before losing them)."""
        return self.result_report is None and bool(
            self.edits.cells or self.edits.left_out or self.edits.words
        )

    def reject(self) -> None:
        if self.has_unsaved_work() and not ask.discard_unsaved(
            self, self.tr("Your corrections to this import are not imported yet. Close and lose them?")
        ):
            return
        super().reject()

    # -- check and import ------------------------------------------------------------------------

    def check(self) -> Plan | None:
        book, layouts, edits = self.book, self.layouts, self.edits.copy()
        report = run_on_own_store(
            self,
            self.tr("Checking the sheets…"),
            self.window.store,
            lambda store, progress: plan_import(store, book, layouts, edits, progress),
        )
        if report is None:
            return None
        self.report = report
        self.problems_model.set_problems(report.problems)
        self.summary.setText(summary_text(report, done=False))
        self.apply_button.setEnabled(not report.blocked)
        self._show_words(report)
        self._problem_selected()
        return report

    def apply(self) -> Plan | None:
        if self.report is None or self.report.blocked:
            return None
        plan = self.report
        try:
            # One import, one undo step (the worker's own connection records it).
            report = (
                ops.Op(
                    self.window, self.windowTitle(), lambda store, progress: write_plan(store, plan, progress)
                )
                .on(self)
                .run_in_background(self.tr("Importing…"))
            )
        finally:
            # The import wrote through its own connection: every view reloads what it shows.
            self.window.notifier.refresh_all()
        if isinstance(report, ops.Failed):
            return None
        self.result_report = report
        text = summary_text(report, done=True)
        if report.left_out:
            text += "\n" + self.tr(
                "Use “Save rows left out…” before closing to keep the rows that were not imported."
            )
            ask.inform(self, self.tr("Import finished"), text)
            self.apply_button.setEnabled(False)
            self._update_fix_buttons()
            return report
        ask.inform(self, self.tr("Import finished"), text)
        self.accept()
        return report
