"""The print preview: pages drawn in a worker thread and shown as they come, then printed in a worker.

Qt's own preview dialog paints every page of the document in the GUI thread each time it opens or
zooms: a 500-household grid's hundred pages froze the window for seconds.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gridboard.models.errors import Cancelled
from gridboard.printing import layout
from gridboard.ui.tasks import run_task

DPI = 72


class _Pages(QObject):
    """Draws the pages in a thread of its own; `page(number, total, image)` for each, then `done`."""

    page = Signal(int, int, QImage)
    done = Signal(object)  # None, or the error

    def __init__(self, document: layout.Document) -> None:
        super().__init__()
        self.document = document
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="preview", daemon=True)
        self.thread.start()

    def cancel(self) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def _handed(self, number: int, total: int, image: QImage) -> None:
        if self.stop.is_set():
            raise Cancelled()
        self.page.emit(number, total, image)

    def _run(self) -> None:
        try:
            layout.render_images(self.document, dpi=DPI, on_page=self._handed)
        except Cancelled:
            return
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread
            self.done.emit(error)
            return
        self.done.emit(None)


class PreviewDialog(QDialog):
    """Every page of the document, drawn as they come; Print opens the printer dialog."""

    def __init__(self, document: layout.Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(document.title)
        self.document = document
        self.printed = False
        self.total = 0
        self.shown_pages = 0
        layout_ = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.status = QLabel(self.tr("Drawing the pages…"), self)
        self.status.setObjectName("previewStatus")
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("previewPrintButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("previewCloseButton")
        close.clicked.connect(self.reject)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        layout_.addLayout(bar)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewPages")
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea { background: #8a8f96; }")
        body = QWidget(self.scroll)
        body.setStyleSheet("background: #8a8f96;")
        self.pages_layout = QVBoxLayout(body)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(12)
        self.scroll.setWidget(body)
        layout_.addWidget(self.scroll, 1)
        self.resize(1000, 760)
        self.pages = _Pages(document)
        self.pages.page.connect(self._page)
        self.pages.done.connect(self._done)
        self.finished.connect(lambda _result: self.pages.cancel())
        self.pages.start()

    def _page(self, number: int, total: int, image: QImage) -> None:
        self.total = total
        label = QLabel(self.scroll.widget())
        label.setObjectName(f"previewPage_{number}")
        label.setPixmap(QPixmap.fromImage(image))
        label.setStyleSheet("background: white;")
        self.pages_layout.addWidget(label)
        self.shown_pages = number
        if number < total:
            self.status.setText(self.tr("Drawing page {page} of {pages}…").format(page=number, pages=total))
        else:
            self.status.setText(self.tr("{pages} pages").format(pages=total))

    def _done(self, error: Any) -> None:
        if error is not None:
            raise error

    def print_document(self) -> bool:
        """The printer dialog, then the document painted on the printer in a worker, with progress."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.title)
        layout.configure(printer, self.document)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return False
        page_text = self.tr("Page {page} of {pages}")
        pages = run_task(
            self,
            self.tr("Printing…"),
            lambda progress: layout.render(
                self.document,
                printer,
                lambda done, total: progress(done, total, page_text.format(page=done, pages=total)),
            ),
        )
        if pages is None:
            return False
        self.printed = True
        self.accept()
        return True
