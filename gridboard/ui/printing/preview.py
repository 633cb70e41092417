"""The print preview: the document made, laid out and drawn in a worker thread, its pages shown as
they come, then printed in a worker.

Qt's own preview dialog paints every page of the document in the GUI thread each time it opens or
zooms: a 500-household grid's hundred pages froze the window for seconds. Here the dialog is up at
once; the worker gathers the households (when given `make` rather than a finished document), lays
the pages out section by section and draws the first ones as soon as their sections are laid out
(their footer says "page 1 of …" until the total is known), then every page with the total. The bar
says how far it got, with Cancel; closing stops the worker. What is printed is the whole document,
laid out in one go as a printer or a PDF always has it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gridboard.models.errors import Cancelled
from gridboard.printing import layout
from gridboard.ui.tasks import run_task

DPI = 72
EARLY_PAGES = 2  # drawn before the whole document is laid out

# make(check, shown) builds the document in the worker; check() raises Cancelled once the preview is
# closed; shown(document) is to be called as soon as the document exists (before its sheet numbers
# are committed), and draws the first pages.
Make = Callable[[Callable[[], None], Callable[[layout.Document], None]], layout.Document]


class _Pages(QObject):
    """The worker: makes the document (if asked), lays it out and draws its pages in a thread of its
    own. Signals: `made(document)`, `laid_out(sections done, sections)`, `counted(total)`,
    `page(number, total, image)` (total 0 before it is known), then `ended(error)` (None, or the
    error; also when stopped)."""

    made = Signal(object)
    laid_out = Signal(int, int)
    counted = Signal(int)
    page = Signal(int, int, QImage)
    ended = Signal(object)

    def __init__(self, document: layout.Document | None, make: Make | None) -> None:
        super().__init__()
        self.document = document
        self.make = make
        self.stop = threading.Event()
        self.worker_thread: threading.Thread | None = None
        self.finished = threading.Event()

    def start(self) -> None:
        self.worker_thread = threading.Thread(target=self._run, name="preview", daemon=True)
        self.worker_thread.start()

    def cancel(self) -> None:
        """Ask the worker to stop; it does at its next step (a page, a section) and then ends."""
        self.stop.set()

    def _check(self) -> None:
        if self.stop.is_set():
            raise Cancelled()

    def _handed(self, number: int, total: int, image: QImage) -> None:
        self._check()
        self.page.emit(number, total, image.convertToFormat(QImage.Format.Format_RGB16))

    def _counted(self, total: int) -> None:
        self._check()
        self.counted.emit(total)

    def _progress(self, done: int, total: int) -> None:
        self._check()
        self.laid_out.emit(done, total)

    def _run(self) -> None:
        error: BaseException | None = None
        try:
            images: list[layout.PageImages] = []

            def first_pages(document: layout.Document) -> None:
                # As soon as the document exists (its sheet numbers not committed yet): its first pages.
                self.made.emit(document)
                images.append(layout.PageImages(document, DPI))
                images[0].first(self._handed, early=EARLY_PAGES, progress=self._progress)

            if self.document is None:
                assert self.make is not None
                # Kept even if stopped after this: its numbers, committed, are to be given back.
                self.document = self.make(self._check, first_pages)
            if not images:  # given a finished document, or a maker that did not say
                first_pages(self.document)
            self._check()
            images[0].rest(self._handed, self._counted)
        except Cancelled:
            pass
        except BaseException as failure:  # noqa: BLE001 - handed to the GUI thread
            error = failure
        finally:
            self.finished.set()
            self.ended.emit(error)


class PreviewDialog(QDialog):
    """The document's pages, drawn as they come; Print opens the printer dialog.

    Give a finished `document`, or `make(check)` to build it in the worker (`document` is then set
    once it is made). `threaded=False` makes it in the GUI thread first (a file held in memory)."""

    def __init__(
        self,
        document: layout.Document | None = None,
        parent: QWidget | None = None,
        *,
        make: Make | None = None,
        title: str = "",
        threaded: bool = True,
    ) -> None:
        super().__init__(parent)
        if document is None and make is not None and not threaded:
            document, make = make(lambda: None, lambda _document: None), None
        self.setObjectName("printPreview")
        self.document = document
        self.error: BaseException | None = None
        self.printed = False
        self.total = 0  # pages, once every page is laid out
        self.shown_pages = 0
        self.working = True
        self._labels: dict[int, QLabel] = {}
        self.setWindowTitle(document.title if document is not None else title)
        layout_ = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status = QLabel(
            self.tr("Drawing the pages…") if document is not None else self.tr("Gathering households…"),
            self,
        )
        self.status.setObjectName("previewStatus")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("previewProgress")
        self.progress.setRange(0, 0)  # busy until there is something to count
        self.progress.setFormat("%p%")
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("previewCancelButton")
        self.cancel_button.setToolTip(self.tr("Stop preparing the printout and close the preview"))
        self.cancel_button.clicked.connect(self.reject)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("previewPrintButton")
        self.print_button.setDefault(True)
        self.print_button.setEnabled(False)  # once every page is laid out
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("previewCloseButton")
        close.clicked.connect(self.reject)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout_.addLayout(bar)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewPages")
        self.scroll.setWidgetResizable(True)
        # Palettes, not style sheets: a style sheet on each page made showing the pages slow.
        grey = QPalette(self.scroll.palette())
        grey.setColor(QPalette.ColorRole.Window, QColor("#8a8f96"))
        self.scroll.setPalette(grey)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Window)
        body = QWidget(self.scroll)
        body.setPalette(grey)
        body.setAutoFillBackground(True)
        self._white = QPalette(grey)
        self._white.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.pages_layout = QVBoxLayout(body)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(12)
        self.scroll.setWidget(body)
        layout_.addWidget(self.scroll, 1)
        self.resize(1000, 760)
        self.pages = _Pages(document, make)
        self.pages.made.connect(self._made)
        self.pages.laid_out.connect(self._laid_out)
        self.pages.counted.connect(self._counted)
        self.pages.page.connect(self._page)
        self.pages.ended.connect(self._ended)
        self.finished.connect(lambda _result: self.pages.cancel())
        self.pages.start()

    # -- what the worker hands over -------------------------------------------------------------------

    def _made(self, document: layout.Document) -> None:
        self.document = document
        self.setWindowTitle(document.title)
        self.status.setText(self.tr("Laying out the pages…"))

    def _laid_out(self, done: int, total: int) -> None:
        if self.total:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if self.shown_pages:
            self.status.setText(
                self.tr("Laying out the pages… {percent}%").format(percent=100 * done // max(total, 1))
            )

    def _counted(self, total: int) -> None:
        self.total = total
        self.progress.setRange(0, max(total, 1))
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Drawing page {page} of {pages}…").format(page=1, pages=total))

    def _page(self, number: int, total: int, image: QImage) -> None:
        label = self._labels.get(number)
        if label is None:
            label = QLabel(self.scroll.widget())
            label.setObjectName(f"previewPage_{number}")
            label.setPalette(self._white)
            label.setAutoFillBackground(True)
            self.pages_layout.addWidget(label)
            self._labels[number] = label
            self.shown_pages = len(self._labels)
        pixmap = QPixmap.fromImage(image)
        label.setFixedSize(pixmap.size())  # a whole page, never squeezed to fit the others in
        label.setPixmap(pixmap)
        if not label.isVisible():
            # Shown and placed now. Left to Qt, a new page was shown a turn later, and for that turn
            # painted over the page above it, where the layout had last left room.
            label.show()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if total:
            self.progress.setValue(number)
            if number < total:
                self.status.setText(
                    self.tr("Drawing page {page} of {pages}…").format(page=number, pages=total)
                )

    def _ended(self, error: Any) -> None:
        self.working = False
        self.progress.hide()
        self.cancel_button.hide()
        if error is not None:
            if self.pages.make is None:
                raise error  # a finished document that cannot be drawn: a bug
            # Making the document failed (a locked file, a refusal): the caller says why.
            self.error = error
            if self.isVisible():
                self.reject()
            else:  # not up yet: as soon as it is
                QTimer.singleShot(0, self.reject)
            return
        if self.total and self.shown_pages == self.total:
            self.status.setText(self.tr("{pages} pages").format(pages=self.total))

    def wait(self) -> None:
        """Until the worker has ended (stopped or done), the event loop running meanwhile."""
        if self.pages.finished.is_set():
            return
        loop = QEventLoop()
        self.pages.ended.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        poll = QTimer()  # in case it ended between the check and the connection
        poll.timeout.connect(lambda: loop.quit() if self.pages.finished.is_set() else None)
        poll.start(20)
        if not self.pages.finished.is_set():
            loop.exec()
        poll.stop()

    # -- printing --------------------------------------------------------------------------------------

    def print_document(self) -> bool:
        """The printer dialog, then the document painted on the printer in a worker, with progress."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.document is None:
            return False
        document = self.document
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(document.title)
        layout.configure(printer, document)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return False
        page_text = self.tr("Page {page} of {pages}")
        pages = run_task(
            self,
            self.tr("Printing…"),
            lambda progress: layout.render(
                document,
                printer,
                lambda done, total: progress(done, total, page_text.format(page=done, pages=total)),
            ),
        )
        if pages is None:
            return False
        self.printed = True
        self.accept()
        return True
