"""Emergency mode (feature): the Emergency menu, the banner, the roll-call board, the emergency desk
(rosters, instructions and feedback, scarce supplies), printouts and the end-of-emergency report.

`EmergencyFeature` adds the "rollcall" view (Ctrl+5) and the "emergency" view (Ctrl+6), both made when
first shown (most days no emergency is in force, and the desk's tabs cost a tenth of a second).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject

from gridboard.models import emergency as em
from gridboard.models.changes import Changes
from gridboard.models.errors import KnownError
from gridboard.models.store import Store
from gridboard.ui import ask, ops
from gridboard.ui.board import BoardFeature
from gridboard.ui.emergency.declare import DeclareDialog, EmergencyBanner
from gridboard.ui.emergency.desk import EmergencyDesk
from gridboard.ui.emergency.rollcall import RollcallView
from gridboard.ui.features import Feature, LazyView

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow

PDF_FILTER = "PDF (*.pdf)"


class EmergencyFeature(QObject):
    """The banner, roll call, the desk and the Emergency menu (`window.features.get(EmergencyFeature)`)."""

    needs: ClassVar[tuple[type[Feature], ...]] = (BoardFeature,)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("emergencyFeature")
        self.window = window
        self.store: Store = window.store
        self.dialog: DeclareDialog | None = None
        self.board = window.features.get(BoardFeature).view

        self.banner = EmergencyBanner(window)
        window.banner_layout.addWidget(self.banner)
        self.rollcall_view = LazyView(
            window, "rollcall", self.tr("Roll call"), lambda: RollcallView(window), "Ctrl+5"
        )
        self.desk_view = LazyView(
            window, "emergency", self.tr("Emergency desk"), lambda: EmergencyDesk(window), "Ctrl+6"
        )
        self.banner.rollcall_button.clicked.connect(lambda: window.show_view("rollcall"))
        self.banner.end_button.clicked.connect(self.end)

        self.declare_action = window.add_action(
            "emergency", "actionDeclareEmergency", self.tr("&Declare an emergency…"), self.declare
        )
        self.end_action = window.add_action(
            "emergency", "actionEndEmergency", self.tr("&End the emergency…"), self.end
        )
        window.menu("emergency").addSeparator()
        window.menu("emergency").addAction(window.view_action("rollcall"))
        window.menu("emergency").addAction(window.view_action("emergency"))
        window.menu("emergency").addSeparator()
        self.print_action = window.add_action(
            "emergency", "actionPrintDoorknock", self.tr("&Print door-knocking lists…"), self.print_doorknock
        )
        window.menu("print").addAction(self.print_action)
        self.rosters_action = window.add_action(
            "emergency", "actionPrintRosters", self.tr("Print the grids' r&osters…"), self.print_rosters
        )
        self.report_action = window.add_action(
            "emergency",
            "actionEmergencyReport",
            self.tr("End-of-emergency &report (PDF and Excel)…"),
            self.export_report,
        )
        window.notifier.changed.connect(self._changed)
        self._show_state(opening=True)

    @property
    def rollcall(self) -> RollcallView:
        return self.rollcall_view.get()

    @property
    def desk(self) -> EmergencyDesk:
        return self.desk_view.get()

    # -- declaring and ending -------------------------------------------------------------------------------

    def declare(self) -> DeclareDialog:
        """Open the form (not blocking: tests fill it and press Declare)."""
        self.dialog = DeclareDialog(self.store.operator, self.window)
        self.dialog.declared.connect(self._declare)
        self.dialog.open()
        return self.dialog

    def _declare(self, values: dict[str, Any]) -> None:
        if (
            ops.run(self.window, self.tr("Declare an emergency"), em.declare_emergency, **values)
            is ops.FAILED
        ):
            return
        if self.dialog is not None:
            self.dialog.done(1)
            self.dialog.deleteLater()
            self.dialog = None
        self._open_board_on_priority()

    def end(self) -> None:
        current = em.active_emergency(self.store)
        if current is None:
            return
        if not ask.confirm(
            self.window,
            self.tr("End the emergency"),
            self.tr("End “{name}” and go back to the normal visit cycles?").format(name=current.name),
        ):
            return
        if ops.run(self.window, self.tr("End the emergency"), em.end_emergency, current.id) is ops.FAILED:
            return
        self.board.set_filter("priority", False)
        if ask.confirm(
            self.window,
            self.tr("End-of-emergency report"),
            self.tr("The emergency has ended. Save the end-of-emergency report now?"),
        ):
            self.export_report()

    def _open_board_on_priority(self) -> None:
        self.board.set_filter("priority", True)
        self.window.show_view("board")

    # -- printouts and the report ---------------------------------------------------------------------------

    def print_doorknock(self) -> Path | None:
        current = em.active_emergency(self.store)
        if current is None:
            ask.inform(self.window, self.tr("Door-knocking lists"), self.tr("No emergency is in force."))
            return None
        rollcall = self.rollcall_view.built()  # its grid, if one was chosen there (else every grid)
        grid_id = rollcall.model.grid_id if rollcall is not None else None
        path = ask.save_file(
            self.window,
            self.tr("Save door-knocking lists"),
            PDF_FILTER,
            ask.file_name(self.tr("Door-knocking lists"), suffix=".pdf"),
        )
        if not path:
            return None

        def work(store: Store, progress: Callable[..., None]) -> int:
            from gridboard.printing.emergency import doorknock_document
            from gridboard.printing.layout import render_pdf

            document = doorknock_document(store, current.id, grid_ids=None if grid_id is None else [grid_id])
            return render_pdf(document, path, progress)

        return Path(path) if self._run(self.tr("Printing door-knocking lists"), work) is not None else None

    def print_rosters(self) -> Path | None:
        """Each grid's 1+4+N roster on a page of its own, to hand out with the grid's sheets."""
        current = em.active_emergency(self.store)
        if current is None:
            return None
        path = ask.save_file(
            self.window, self.tr("Save rosters"), PDF_FILTER, ask.file_name(self.tr("Rosters"), suffix=".pdf")
        )
        if not path:
            return None

        def work(store: Store, progress: Callable[..., None]) -> int:
            from gridboard.printing.emergency import roster_section
            from gridboard.printing.layout import Document, render_pdf

            sections = [roster_section(store, current.id, g, name) for g, name in em.grids(store, current.id)]
            return render_pdf(Document(title=current.name, sections=sections), path, progress)

        return Path(path) if self._run(self.tr("Printing rosters"), work) is not None else None

    def print_instruction(self, instruction_id: int) -> Path | None:
        path = ask.save_file(
            self.window,
            self.tr("Save instruction"),
            PDF_FILTER,
            ask.file_name(self.tr("Instruction"), suffix=".pdf"),
        )
        if not path:
            return None

        def work(store: Store, progress: Callable[..., None]) -> int:
            from gridboard.printing.emergency import instruction_document
            from gridboard.printing.layout import render_pdf

            return render_pdf(instruction_document(store, instruction_id), path, progress)

        return Path(path) if self._run(self.tr("Printing the instruction"), work) is not None else None

    def export_report(self) -> Path | None:
        latest = em.latest_emergency(self.store)
        if latest is None:
            ask.inform(
                self.window, self.tr("End-of-emergency report"), self.tr("No emergency has been declared.")
            )
            return None
        path = ask.save_file(
            self.window,
            self.tr("Save the end-of-emergency report"),
            PDF_FILTER,
            ask.file_name(self.tr("Emergency report"), latest.name, suffix=".pdf"),
        )
        if not path:
            return None
        pdf = Path(path).with_suffix(".pdf")

        def work(store: Store, progress: Callable[..., None]) -> int:
            from gridboard.printing.emergency import report_document, write_report_xlsx
            from gridboard.printing.layout import render_pdf

            report = em.report_figures(store, latest.id)
            write_report_xlsx(report, pdf.with_suffix(".xlsx"))
            return render_pdf(report_document(store, report), pdf, progress)

        return pdf if self._run(self.tr("Writing the report"), work) is not None else None

    def _run(self, title: str, work: Callable[[Store, Callable[..., None]], Any]) -> Any:
        """Long work in a worker thread with its own connection to the file (or here, for a memory file)."""
        try:
            return ops.on_own_store(self.window, title, self.store, work, adopt=False, allow_read_only=True)
        except (KnownError, OSError) as error:
            if isinstance(error, KnownError):
                ask.show_error(self.window, error)
            else:
                ask.warn(self.window, title, str(error))
            return None

    # -- keeping up -------------------------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.everything or changes.tables & {"emergency", "rollcall", "visit"}:
            self._show_state()

    def _show_state(self, *, opening: bool = False) -> None:
        current = em.active_emergency(self.store)
        counts = em.rollcall_counts(self.store, current.id) if current else None
        self.banner.show_emergency(current, counts)
        self.declare_action.setEnabled(current is None)
        self.end_action.setEnabled(current is not None)
        self.print_action.setEnabled(current is not None)
        self.rosters_action.setEnabled(current is not None)
        if opening and current is not None:
            self._open_board_on_priority()
