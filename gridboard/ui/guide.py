"""The in-app guide (F1): each task step by step with screenshots, and a one-page quick start to print.

The guide's pages are resources/guide/guide_zh_CN.html and the screenshots beside it, made from the
real window by tools/guide_screenshots.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from gridboard import bundled
from gridboard.models.errors import KnownError
from gridboard.printing import layout
from gridboard.ui import ask

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow

translate = QCoreApplication.translate
GUIDE = "guide_zh_CN.html"


def guide_folder():
    return bundled.files().joinpath("guide")


def guide_images() -> list[str]:
    """The screenshots the guide shows, in order."""
    import re

    html = guide_folder().joinpath(GUIDE).read_text(encoding="utf-8")
    return re.findall(r'<img src="([^"]+)"', html)


class GuideDialog(QDialog):
    """The guide in a browser of its own (links jump inside it), with a button for the quick start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenLinks(True)
        folder = guide_folder()
        document = self.browser.document()
        # Images come from the package's resources (a zip or a bundle as well as a folder).
        for name in guide_images():
            image = QImage.fromData(folder.joinpath(name).read_bytes())
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        self.browser.setHtml(folder.joinpath(GUIDE).read_text(encoding="utf-8"))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("F1 opens this guide from any screen."), self), 1)
        self.quick_button = QPushButton(self.tr("Print the quick start…"), self)
        self.quick_button.setObjectName("guideQuickStart")
        self.quick_button.clicked.connect(self.print_quick_start)
        self.pdf_button = QPushButton(self.tr("Save the quick start as PDF…"), self)
        self.pdf_button.setObjectName("guideQuickStartPdf")
        self.pdf_button.clicked.connect(self.save_quick_start)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("guideClose")
        close.clicked.connect(self.accept)
        for button in (self.quick_button, self.pdf_button, close):
            buttons.addWidget(button)
        layout_ = QVBoxLayout(self)
        layout_.addWidget(self.browser, 1)
        layout_.addLayout(buttons)
        self.resize(960, 680)

    def print_quick_start(self) -> None:
        from gridboard.ui.printing.preview import PreviewDialog

        preview = PreviewDialog(quick_start_document(), self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()

    def save_quick_start(self) -> str | None:
        path = ask.save_file(
            self,
            self.tr("Save the quick start as PDF"),
            self.tr("PDF files (*.pdf)"),
            ask.file_name(self.tr("Quick start"), suffix=".pdf", dated=False),
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            layout.render_pdf(quick_start_document(), path)
        except KnownError as error:
            ask.show_error(self, error)
            return None
        return path


def quick_start_document() -> layout.Document:
    """One A4 page: the daily tasks and where each one is, to pin beside the office PC."""
    rows = [
        [
            translate("Guide", "Start a community"),
            translate("Guide", "File → New; then Import your ledger (Excel, WPS, CSV) or add grids"),
        ],
        [
            translate("Guide", "See each household"),
            translate("Guide", "Board (Ctrl+1): click a building; colours show visits, letters the groups"),
        ],
        [
            translate("Guide", "Log a visit"),
            translate("Guide", "Double-click a household, or select it and press Ctrl+L; Enter saves"),
        ],
        [
            translate("Guide", "Print visit sheets"),
            translate("Guide", "Print → Visit sheet for a member (Ctrl+P) or a building's list"),
        ],
        [
            translate("Guide", "Enter returned sheets"),
            translate("Guide", "Print → Enter a returned sheet; type the number; digits 1-3 per row"),
        ],
        [
            translate("Guide", "Handle requests"),
            translate("Guide", "Requests (Ctrl+3): overdue first; dispatch, resolve, call back"),
        ],
        [
            translate("Guide", "Report to the street"),
            translate("Guide", "Dashboard (Ctrl+4): Export PDF report; the four lists open into names"),
        ],
        [
            translate("Guide", "Emergency roll call"),
            translate("Guide", "Emergency → declare; Roll call (Ctrl+5): safe, needs help, unreachable"),
        ],
        [
            translate("Guide", "Back up"),
            translate("Guide", "File → Back up now, every evening, to a USB stick"),
        ],
        [translate("Guide", "Help"), translate("Guide", "F1: the guide with pictures of each task")],
    ]
    return layout.Document(
        title=translate("Guide", "gridboard quick start"),
        sections=[
            layout.Section(
                [
                    layout.Heading(translate("Guide", "gridboard quick start")),
                    layout.Paragraph(
                        translate(
                            "Guide",
                            "One file on this computer holds the pairing board: grids, buildings, households,"
                            " who visits whom, every visit and request. No network is ever needed.",
                        ),
                        size=11,
                    ),
                    layout.Spacer(4),
                    layout.Table(
                        [
                            layout.Column(translate("Guide", "To do this"), 1.0),
                            layout.Column(translate("Guide", "Go here"), 3.2),
                        ],
                        rows,
                        size=11,
                        min_row_mm=11,
                    ),
                    layout.Spacer(5),
                    layout.Paragraph(
                        translate(
                            "Guide",
                            "Keys on a returned sheet: Outcome 1 met, 2 nobody home, 3 refused; Method 1 in person,"
                            " 2 phone, 3 WeChat; 0 clears. Printed lists hide part of names and numbers.",
                        ),
                        size=10.5,
                    ),
                ]
            )
        ],
    )


def show_guide(window: MainWindow) -> GuideDialog:
    existing = window.guide_dialog
    if isinstance(existing, GuideDialog):
        try:
            existing.show()
            existing.raise_()
            return existing
        except RuntimeError:
            pass
    dialog = GuideDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.destroyed.connect(lambda *_: setattr(window, "guide_dialog", None))
    window.guide_dialog = dialog
    dialog.show()
    return dialog
