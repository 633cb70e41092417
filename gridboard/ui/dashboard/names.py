"""One of the four lists (四项清单) opened into names: shown masked, printed, exported to .xlsx."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import name_lists, outputs
from gridboard.models.dashboard import Filters
from gridboard.models.errors import KnownError
from gridboard.models.store import Store
from gridboard.ui import ask, labels

if TYPE_CHECKING:
    from gridboard.printing import layout

translate = QCoreApplication.translate


def list_title(kind: str) -> str:
    return {
        "population": translate("NameList", "Population basics"),
        "requests": translate("NameList", "Residents' requests"),
        "supplies": translate("NameList", "Scarce supplies needed"),
        "groups": translate("NameList", "Special groups"),
    }[kind]


def column_title(column: str) -> str:
    return {
        "grid": translate("NameList", "Grid"),
        "address": translate("NameList", "Address"),
        "head": translate("NameList", "Head of household"),
        "name": translate("NameList", "Name"),
        "phone": translate("NameList", "Phone"),
        "residents": translate("NameList", "Residents"),
        "groups": translate("NameList", "Priority groups"),
        "category": translate("NameList", "Category"),
        "urgency": translate("NameList", "Urgency"),
        "collected": translate("NameList", "Received"),
        "due": translate("NameList", "Due"),
        "overdue": translate("NameList", "Overdue"),
        "text": translate("NameList", "Request"),
        "item": translate("NameList", "Item"),
        "quantity": translate("NameList", "Needed"),
        "delivered": translate("NameList", "Delivered"),
        "outstanding": translate("NameList", "Outstanding"),
        "group": translate("NameList", "Group"),
        "born": translate("NameList", "Born"),
        "last_visit": translate("NameList", "Last visit"),
    }[column]


def cell_text(column: str, value: Any) -> str:
    if column == "category":
        return labels.request_category(value)
    if column == "urgency":
        return labels.request_urgency(value)
    if column == "overdue":
        return translate("NameList", "overdue") if value else ""
    return "" if value is None else str(value)


class NamesModel(QAbstractTableModel):
    """A thin model over a NameList's rows (already masked by the model layer)."""

    def __init__(self, names: name_lists.NameList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_title(self.names.columns[section])
        if role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.names.columns[index.column()]
        value = self.names.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column, value)
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and isinstance(value, int)
            and not isinstance(value, bool)
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def names_document(names: name_lists.NameList, title: str, area: str) -> layout.Document:
    """The list as a printable document (landscape A4, header repeated on each page)."""
    from gridboard.printing import layout  # when printed: not while the dashboard is first shown

    weights = {"text": 3.0, "groups": 2.2, "address": 1.4, "phone": 1.5, "group": 1.8}
    columns = [layout.Column(translate("NameList", "No."), 0.6, Qt.AlignmentFlag.AlignHCenter)] + [
        layout.Column(column_title(c), weights.get(c, 1.0)) for c in names.columns
    ]
    rows = [
        [str(i)] + [cell_text(c, v) for c, v in zip(names.columns, row, strict=True)]
        for i, row in enumerate(names.rows, 1)
    ]
    return layout.Document(
        title=title,
        sections=[
            layout.Section(
                [
                    layout.Heading(title),
                    layout.Paragraph(summary(names, area)),
                    layout.Spacer(2.0),
                    layout.Table(columns, rows, size=8.5),
                ]
            )
        ],
        landscape=True,
        footer=translate("NameList", "names shortened for privacy") if names.masked else "",
    )


def summary(names: name_lists.NameList, area: str) -> str:
    if names.total > len(names.rows):
        return translate("NameList", "{area}: the first {shown} of {n}").format(
            area=area, shown=f"{len(names.rows):,}", n=f"{names.total:,}"
        )
    return translate("NameList", "{area}: {n} in all").format(area=area, n=f"{names.total:,}")


def write_xlsx(names: name_lists.NameList, title: str, area: str, path: str) -> None:
    """The same rows as a workbook (written whole or not at all)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([f"{title} · {summary(names, area)}"])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([translate("NameList", "No.")] + [column_title(c) for c in names.columns])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for i, row in enumerate(names.rows, 1):
        sheet.append(
            [i]
            + [
                v if isinstance(v, int) and not isinstance(v, bool) else cell_text(c, v)
                for c, v in zip(names.columns, row, strict=True)
            ]
        )
    for letter, width in zip("ABCDEFGHIJ", [6, 12, 12, 10, 14, 10, 12, 16, 16, 30], strict=False):
        sheet.column_dimensions[letter].width = width
    with outputs.replacing(path, "xlsx") as partial:
        book.save(partial)


class NamesDialog(QDialog):
    """The names behind one line (or all) of one of the four lists."""

    def __init__(
        self,
        store: Store,
        filters: Filters,
        kind: str,
        *,
        key: Any = None,
        key_text: str = "",
        area: str = "",
        window: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashNamesDialog")
        self.window_ = window
        self.names = name_lists.names(store, filters, kind, key=key)
        self.title = list_title(kind) + (f"：{key_text}" if key_text else "")
        self.area = area
        self.setWindowTitle(self.title)
        outer = QVBoxLayout(self)
        self.note = QLabel(
            summary(self.names, area) + "  " + self.tr("Names and numbers shortened for privacy."), self
        )
        self.note.setObjectName("namesNote")
        self.note.setWordWrap(True)
        outer.addWidget(self.note)
        self.model = NamesModel(self.names, self)
        self.table = QTableView(self)
        self.table.setObjectName("namesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, 260 if self.names.columns[column] == "text" else 110)
        self.table.activated.connect(self._open_household)
        self.table.doubleClicked.connect(self._open_household)
        outer.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Double-click a row to open the household on the board."), self), 1)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("namesPrint")
        self.print_button.clicked.connect(self.print_list)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("namesExport")
        self.export_button.clicked.connect(self.export_xlsx)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("namesClose")
        close.clicked.connect(self.accept)
        for button in (self.print_button, self.export_button, close):
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.resize(1100, 620)

    def document(self) -> layout.Document:
        return names_document(self.names, self.title, self.area)

    def print_list(self) -> None:
        from gridboard.ui.printing.preview import PreviewDialog

        preview = PreviewDialog(self.document(), self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()

    def export_xlsx(self) -> str | None:
        path = ask.save_file(
            self,
            self.tr("Export to Excel"),
            self.tr("Excel workbooks (*.xlsx)"),
            ask.file_name(self.title, self.area, suffix=".xlsx"),
        )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            write_xlsx(self.names, self.title, self.area, path)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        return path

    def _open_household(self, index: QModelIndex) -> None:
        if index.isValid() and self.window_ is not None:
            self.window_.navigate("household", self.names.household_ids[index.row()])
            self.accept()


def attach_names(view: Any, kind: str) -> None:
    """One of the dashboard's four lists gets a "List names" button (the whole list), and a row
    double-clicked opens the names behind that row (one grid, category, item or group)."""
    table = view.list_tables[kind]
    page_layout = table.parentWidget().layout()
    row = QHBoxLayout()
    row.addWidget(view.list_notes[kind], 1)
    page_layout.removeWidget(view.list_notes[kind])
    button = QPushButton(translate("NameList", "List names…"), table.parentWidget())
    button.setObjectName(f"dashListNames_{kind}")
    button.setToolTip(translate("NameList", "Open the names behind this list, to print or export"))
    button.clicked.connect(lambda _=False, k=kind: open_names(view, k))
    row.addWidget(button)
    page_layout.insertLayout(0, row)
    view.names_buttons[kind] = button
    table.doubleClicked.connect(lambda index, k=kind: open_names(view, k, index.row()))
    table.setToolTip(translate("NameList", "Double-click a row for its names"))


def open_names(view: Any, kind: str, row: int | None = None) -> NamesDialog | None:
    """The names of one list of the dashboard's area (of one row of it when `row` is given)."""
    if view.data is None:
        return None
    key, key_text = (None, "")
    if row is not None:
        keys = view.list_keys.get(kind, [])
        if not 0 <= row < len(keys):
            return None
        key, key_text = keys[row]
    dialog = NamesDialog(
        view.store,
        view.data.filters,
        kind,
        key=key,
        key_text=key_text,
        area=view.area_title(),
        window=view.window_,
        parent=view,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.names_dialog = dialog
    dialog.open()
    return dialog
