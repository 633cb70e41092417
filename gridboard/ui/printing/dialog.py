"""The print dialog: choose what to print (a member's sheet, a building's list, a grid's sheets, a
contact table, the day's requests), for whom, in which floor order, with phones masked or not; then
preview and print, or save a PDF.

The document is built, its sheets numbered and recorded, and rendered in a worker thread, so many
pages never freeze the window: a PDF behind a cancellable progress dialog, a preview in the preview
itself (it is up at once and shows its first pages while the rest are laid out). The workers share
the dialog's own connection to the file, opened in the background when the dialog opens. A preview
that is closed or cancelled without printing gives its sheet numbers back.

The member box is filled when a member's sheet is chosen (a community's members and their grids
took most of the dialog's opening).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from gridboard.models import board
from gridboard.models import sheets as sheet_model
from gridboard.models.changes import Changes
from gridboard.models.errors import KnownError, storage_error
from gridboard.models.store import Store
from gridboard.printing import documents, layout
from gridboard.ui import ask
from gridboard.ui.member_box import MemberBox
from gridboard.ui.printing.alongside import AlongsideStore
from gridboard.ui.tasks import run_task

KINDS = ("member", "building", "grid", "contact", "requests")
OPEN_AFTER_MS = 150  # the workers' connection is opened once the dialog is on screen


class _LaterMemberBox(MemberBox):
    """A MemberBox filled only when it is needed (`ready()`), not when the dialog opens."""

    _later: int | None = None
    _waiting = True

    def fill(self, community_id: int | None = None) -> None:
        if self._waiting:
            self._later = community_id
            self.choices, self.label_of = [], {}
            return
        super().fill(community_id)

    def ready(self) -> None:
        if self._waiting:
            self._waiting = False
            self.fill(self._later)


class PrintDialog(QDialog):
    def __init__(self, window: Any, *, kind: str = "member", target_id: int | None = None) -> None:
        super().__init__(window)
        self.setObjectName("printDialog")
        self.window_ = window
        self.store: Store = window.store
        self.setWindowTitle(self.tr("Print"))
        self.setMinimumWidth(460)
        self.last_document: layout.Document | None = None
        self.alongside = AlongsideStore(self.store, warm=_warm_up)
        QTimer.singleShot(OPEN_AFTER_MS, self, self.alongside.start)
        alongside = self.alongside
        self.finished.connect(lambda _result: alongside.close())
        self.destroyed.connect(lambda *_: alongside.close())  # with its window, never finished

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("printKind")
        for code, text in (
            ("member", self.tr("A member's visit sheet")),
            ("building", self.tr("A building's door-knocking list")),
            ("grid", self.tr("A grid's visit sheets")),
            ("contact", self.tr("Contact table for a unit entrance (large type)")),
            ("requests", self.tr("The day's requests list")),
        ):
            self.kind_combo.addItem(text, code)

        # A street or city file prints for one community at a time: its members, buildings and
        # grids are the choices (a city's 70,000 members in one box took the dialog 20 s to open).
        self.community_combo = QComboBox(self)
        self.community_combo.setObjectName("printCommunity")
        communities = board.community_choices(self.store)
        for community_id, name in communities:
            self.community_combo.addItem(name, community_id)
        community = sheet_model.community_of(self.store, kind, target_id)
        self.community_combo.setCurrentIndex(max(self.community_combo.findData(community), 0))
        # Type-ahead by name, pinyin initials or phone tail; same-name members told apart.
        self.member_combo = _LaterMemberBox(self.store, self, community_id=self._community())
        self.member_combo.setObjectName("printMember")
        self.member_combo.setMinimumContentsLength(24)
        self.building_combo = self._searchable("printBuilding")
        self._building_units: dict[int, int] = {}
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("printUnit")
        self.grid_combo = self._searchable("printGrid")
        self._fill_places()
        self.by_combo = QComboBox(self)
        self.by_combo.setObjectName("printGridBy")
        self.by_combo.addItem(self.tr("One sheet per member"), "member")
        self.by_combo.addItem(self.tr("One sheet per building"), "building")
        self.order_combo = QComboBox(self)
        self.order_combo.setObjectName("printFloorOrder")
        self.order_combo.addItem(self.tr("From the ground floor up"), "bottom")
        self.order_combo.addItem(self.tr("From the top floor down"), "top")
        self.mask_check = QCheckBox(self.tr("Mask residents' phone numbers (138****1234)"), self)
        self.mask_check.setObjectName("printMaskPhones")
        self.mask_check.setChecked(True)
        self.period_edit = QLineEdit(sheet_model.default_period(), self)
        self.period_edit.setObjectName("printPeriod")
        self.day_edit = QDateEdit(QDate.currentDate(), self)
        self.day_edit.setObjectName("printDay")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")

        self.form = QFormLayout()
        self.form.addRow(self.tr("Print:"), self.kind_combo)
        self.form.addRow(self.tr("Community:"), self.community_combo)
        self.form.setRowVisible(self.community_combo, self.community_combo.count() > 1)
        self.form.addRow(self.tr("Member:"), self.member_combo)
        self.form.addRow(self.tr("Building:"), self.building_combo)
        self.form.addRow(self.tr("Unit:"), self.unit_combo)
        self.form.addRow(self.tr("Grid:"), self.grid_combo)
        self.form.addRow(self.tr("Sections:"), self.by_combo)
        self.form.addRow(self.tr("Floors:"), self.order_combo)
        self.form.addRow(self.tr("Period:"), self.period_edit)
        self.form.addRow(self.tr("Day:"), self.day_edit)
        self.form.addRow("", self.mask_check)

        self.status = QLabel(self)
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton(self.tr("Preview and print…"), self)
        self.preview_button.setObjectName("printPreviewButton")
        self.preview_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.setObjectName("printSaveButton")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("printCloseButton")
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self.preview())
        self.pdf_button.clicked.connect(lambda: self.save_pdf())

        layout_ = QVBoxLayout(self)
        layout_.addLayout(self.form)
        layout_.addWidget(self.status)
        layout_.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.community_combo.currentIndexChanged.connect(self._community_changed)
        self.building_combo.currentIndexChanged.connect(self._fill_units)
        self._fill_units()
        self.set_kind(kind, target_id)

    def _searchable(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setMinimumContentsLength(24)
        return combo

    # -- choices ------------------------------------------------------------------------------------

    def _community(self) -> int | None:
        """The community printed for (None: a file of one community, every choice is its own)."""
        return self.community_combo.currentData() if self.community_combo.count() > 1 else None

    def _fill_places(self) -> None:
        community = self._community()
        self.building_combo.blockSignals(True)
        self.building_combo.clear()
        self._building_units.clear()
        for c in sheet_model.printable_buildings(self.store, community):
            self.building_combo.addItem(f"{c.name} — {c.detail}", c.id)
            self._building_units[c.id] = c.units
        self.building_combo.blockSignals(False)
        self.grid_combo.clear()
        self.grid_combo.addItem(self.tr("All grids"), None)
        for c in sheet_model.printable_grids(self.store, community):
            self.grid_combo.addItem(f"{c.name} — {c.detail}", c.id)

    def _community_changed(self) -> None:
        self.member_combo.fill(self._community())
        self._fill_places()
        self._fill_units()

    def set_kind(self, kind: str, target_id: int | None = None) -> None:
        community = sheet_model.community_of(self.store, kind, target_id)
        if community is not None and community != self.community_combo.currentData():
            self.community_combo.setCurrentIndex(max(self.community_combo.findData(community), 0))
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        if kind == "member":
            self.member_combo.ready()
        combo = {
            "member": self.member_combo,
            "building": self.building_combo,
            "contact": self.building_combo,
        }.get(kind, self.grid_combo)
        if target_id is not None and combo.findData(target_id) >= 0:
            combo.setCurrentIndex(combo.findData(target_id))
        self._kind_changed()

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        if kind == "member":
            self.member_combo.ready()
        visible = {
            self.member_combo: kind == "member",
            self.building_combo: kind in ("building", "contact"),
            self.unit_combo: kind == "contact",
            self.grid_combo: kind in ("grid", "requests"),
            self.by_combo: kind == "grid",
            self.order_combo: kind in ("member", "building", "grid"),
            self.period_edit: kind in ("member", "building", "grid"),
            self.day_edit: kind == "requests",
            self.mask_check: kind in ("member", "building", "grid"),
        }
        for widget, shown in visible.items():
            self.form.setRowVisible(widget, shown)
        if kind == "building" and self.order_combo.currentData() == "bottom":
            self.order_combo.setCurrentIndex(self.order_combo.findData("top"))
        self.status.clear()
        self.adjustSize()

    def _fill_units(self) -> None:
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("Every unit, a page each"), None)
        for unit in range(1, self._building_units.get(self.building_combo.currentData(), 0) + 1):
            self.unit_combo.addItem(self.tr("Unit {unit}").format(unit=unit), unit)

    def _chosen(self, combo: QComboBox) -> int | None:
        # An edited text that matches no item leaves the last valid choice; say so rather than guess.
        if combo.isEditable() and combo.currentText() != combo.itemText(combo.currentIndex()):
            return None
        return combo.currentData()

    def choices(self) -> dict[str, Any]:
        return {
            "kind": self.kind(),
            "community_id": self._community(),
            "member_id": self.member_combo.member_id(),
            "building_id": self._chosen(self.building_combo),
            "unit": self.unit_combo.currentData(),
            "grid_id": self._chosen(self.grid_combo),
            "by": self.by_combo.currentData(),
            "options": documents.SheetOptions(
                floor_order=self.order_combo.currentData(),
                mask_phones=self.mask_check.isChecked(),
                period=self.period_edit.text().strip() or None,
            ),
            "day": self.day_edit.date().toString("yyyy-MM-dd"),
        }

    def _missing(self, choices: dict[str, Any]) -> str:
        kind = choices["kind"]
        if kind == "member" and choices["member_id"] is None:
            return self.tr("Choose a member.")
        if kind in ("building", "contact") and choices["building_id"] is None:
            return self.tr("Choose a building.")
        if kind == "grid" and choices["grid_id"] is None:
            return self.tr("Choose a grid.")
        return ""

    # -- printing -----------------------------------------------------------------------------------

    def _maker(self, choices: dict[str, Any]) -> Any:
        """make(check, shown=None): the document for `choices`, built (and numbered) on the dialog's
        own connection, in whichever worker calls it; `shown` as for `build_document`."""
        # A read-only window prints from a read-only file: the sheets are then not numbered; a window
        # still read only (its file being checked) numbers nothing either.
        record = self.store.read_only is None
        alongside = self.alongside

        def make(check: Any, shown: documents.Shown = None) -> layout.Document:
            with alongside.use() as store:
                check()
                return build_document(store, choices, record=record, shown=shown)

        return make

    def _may_print(self, choices: dict[str, Any]) -> bool:
        if choices["kind"] in ("member", "building", "grid") and not choices["options"].mask_phones:
            return self._record_reveal(choices["kind"])
        return True

    def _build(self, choices: dict[str, Any], title: str, *, render_to: str) -> Any:
        """Build (and number) the document and write the PDF to `render_to`, off the GUI thread."""
        if not self._may_print(choices):
            return None
        gathering = self.tr("Gathering households…")
        page_text = self.tr("Page {page} of {pages}")
        make = self._maker(choices)

        def work(progress: Any) -> tuple[layout.Document, int]:
            progress(0, 0, gathering)
            document = make(lambda: progress(0, 0, gathering))
            try:
                pages = layout.render_pdf(
                    document,
                    render_to,
                    lambda done, total: progress(done, total, page_text.format(page=done, pages=total)),
                )
            except BaseException:
                # Cancelled or failed: the numbered sheets were never printed.
                self._give_back_now(document)
                raise
            return document, pages

        if self.store.path is None:
            return work(lambda *a: None)
        return run_task(self, title, work)

    def _give_back_now(self, document: layout.Document) -> None:
        """Forget the sheet numbers of a document that was not printed (in the calling thread)."""
        numbers = sheet_numbers(document)
        if numbers:
            with self.alongside.use() as store:
                sheet_model.discard_unprinted(store, numbers)

    def _give_back(self, document: layout.Document) -> None:
        """The same from the GUI thread: in a worker, the event loop running meanwhile."""
        if not sheet_numbers(document):
            return
        if self.store.path is None:
            self._give_back_now(document)
        else:
            run_task(self, self.tr("Giving back the sheet numbers…"), lambda _: self._give_back_now(document))
        self._announce()

    def _record_reveal(self, kind: str) -> bool:
        """Phones in full: a reason once per printout, allowed by role, written to the audit trail."""
        from gridboard.models.audit import record_reveal

        reason = ask.text(
            self,
            self.tr("Phones in full"),
            self.tr("Why must this printout show residents' phones in full? (recorded in the audit trail)"),
        )
        if reason is None:
            return False
        try:
            self.window_.notifier.perform(record_reveal, what=f"print {kind}", reason=reason)
        except KnownError as error:
            ask.show_error(self, error)
            return False
        return True

    def _announce(self) -> None:
        # Sheets were recorded through the worker's own connection.
        changes = Changes()
        changes.note("printed_sheet")
        self.window_.notifier.changed.emit(changes)

    def save_pdf(self, path: str | None = None) -> int | None:
        choices = self.choices()
        if missing := self._missing(choices):
            self.status.setText(missing)
            return None
        path = path or ask.save_file(
            self, self.tr("Save as PDF"), self.tr("PDF files (*.pdf)"), self._suggested_name()
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            result = self._build(choices, self.tr("Printing to PDF…"), render_to=path)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        except OSError as error:
            ask.warn(
                self,
                self.tr("Save as PDF"),
                self.tr("The PDF could not be written: {error}").format(error=error),
            )
            return None
        if result is None:
            self.status.setText(self.tr("Cancelled; nothing was saved."))
            return None
        self.last_document, pages = result
        self._announce()
        self.status.setText(
            self.tr("Saved {pages} pages to {path}. {sheets}").format(
                pages=pages, path=path, sheets=self._sheet_numbers_text(self.last_document)
            )
        )
        return pages

    def preview(self) -> bool:
        """The preview, up at once: the document is made, numbered, laid out and drawn in its worker;
        closed or cancelled without printing, its sheet numbers are given back."""
        choices = self.choices()
        if missing := self._missing(choices):
            self.status.setText(missing)
            return False
        if not self._may_print(choices):
            return False
        try:
            document, printed = self.show_preview(self._maker(choices))
        except KnownError as error:
            ask.show_error(self, error)
            return False
        if document is None:
            self.status.setText(self.tr("Cancelled; nothing was printed."))
            return False
        self.last_document = document
        if not printed:
            try:
                self._give_back(document)
            except KnownError as error:
                ask.show_error(self, error)
        elif sheet_numbers(document):
            self._announce()
        self.status.setText(self._sheet_numbers_text(document) if printed else self.tr("Not printed."))
        return printed

    def show_preview(self, make: Any) -> tuple[layout.Document | None, bool]:
        """The print preview of what `make(check)` builds (in the preview's worker): (the document,
        or None if it was never made; True when the user printed). Returns once its worker has
        ended. A failure to make it is raised here. (Tests replace this.)"""
        from gridboard.ui.printing.preview import PreviewDialog

        dialog = PreviewDialog(
            parent=self,
            make=make,
            title=self.tr("Preparing the printout…"),
            threaded=self.store.path is not None,
        )
        try:
            dialog.exec()
            dialog.wait()
        finally:
            dialog.deleteLater()
        error = dialog.error
        if error is not None:
            # A locked, full or read-only file comes back in plain words, as from any worker.
            known = storage_error(error) if isinstance(error, (sqlite3.Error, OSError)) else None
            raise known or error
        return dialog.pages.document, dialog.printed

    def _suggested_name(self) -> str:
        """走访单-林海龙-2026-12-01.pdf: what is printed, for whom, and the day."""
        kind = self.kind()
        what = {
            "member": self.tr("Visit sheet"),
            "building": self.tr("Door-knocking list"),
            "grid": self.tr("Visit sheets"),
            "contact": self.tr("Contact table"),
            "requests": self.tr("Requests list"),
        }.get(kind, self.tr("Printout"))
        combo = {
            "member": self.member_combo,
            "building": self.building_combo,
            "contact": self.building_combo,
            "grid": self.grid_combo,
        }.get(kind)
        whom = combo.currentText().split(" ")[0].split("（")[0] if combo is not None else ""
        return ask.file_name(what, whom, suffix=".pdf")

    def _sheet_numbers_text(self, document: layout.Document) -> str:
        numbers = sheet_numbers(document)
        if not numbers:
            return ""
        if len(numbers) == 1:
            return self.tr("Sheet number {number}.").format(number=numbers[0])
        return self.tr("Sheet numbers {first} to {last}.").format(first=numbers[0], last=numbers[-1])


def _warm_up() -> None:
    """Loaded in the background when the dialog opens rather than when its first preview waits for
    them: the QR code maker (it brings urllib, http and email: 40-90 ms) and pinyin, by which the
    sheets sort members' names (its dictionaries: about 90 ms)."""
    import segno  # noqa: F401

    from gridboard.models import pinyin  # noqa: F401


def sheet_numbers(document: layout.Document) -> list[str]:
    return [s.qr for s in document.sections if s.qr]


def build_document(
    store: Store,
    choices: dict[str, Any],
    *,
    record: bool = True,
    shown: documents.Shown = None,
) -> layout.Document:
    """The document for the dialog's choices; visit sheets are numbered and recorded (unless the file
    is open read only, or `record` is False). `shown(document)` is called as soon as it exists (for
    visit sheets, before their numbers are committed)."""
    kind, options = choices["kind"], choices["options"]
    record = record and store.read_only is None
    if kind == "member":
        return documents.member_sheet_document(
            store, choices["member_id"], options, record=record, shown=shown
        )
    if kind == "building":
        return documents.building_list_document(
            store, choices["building_id"], options, record=record, shown=shown
        )
    if kind == "grid":
        from gridboard.printing.emergency import roster_before_sheets

        roster = roster_before_sheets(store, choices["grid_id"])
        return documents.grid_sheets_document(
            store, choices["grid_id"], options, by=choices["by"], before=roster, record=record, shown=shown
        )
    if kind == "contact":
        document = documents.contact_table_document(store, choices["building_id"], choices["unit"])
    else:
        document = documents.todays_requests_document(
            store, choices["day"], grid_id=choices["grid_id"], community_id=choices.get("community_id")
        )
    if shown is not None:
        shown(document)
    return document
