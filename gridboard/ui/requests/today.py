"""Today's list (日清日结): what came in, what is still open and due by tonight, what was closed; on screen
and printable (print preview, or straight to PDF).

The rendering is HTML in a QTextDocument; `todays_list_html` is also what gets printed.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import ledger, outputs, records
from gridboard.models import requests as rq
from gridboard.models.clock import now_iso
from gridboard.models.errors import KnownError
from gridboard.models.store import Store
from gridboard.ui import ask, labels
from gridboard.ui.notifier import Notifier

_WIDTHS = (6, 20, 11, 25, 14, 12, 12)


def _when(value: str | None, day: date) -> str:
    """Month, day and time; the year too when it is not the list's year."""
    if not value:
        return ""
    return value[5:16] if value[:4] == str(day.year) else value[:16]


def _rows_html(rows: list[rq.RequestRow], day: date) -> str:
    e = html.escape
    if not rows:
        none = QCoreApplication.translate("TodaysList", "None.")
        return f"<p style='color:#6b6b6b'>{e(none)}</p>"
    heads = [
        QCoreApplication.translate("TodaysList", "No."),
        QCoreApplication.translate("TodaysList", "Household"),
        QCoreApplication.translate("TodaysList", "Category"),
        QCoreApplication.translate("TodaysList", "Request"),
        QCoreApplication.translate("TodaysList", "Assigned to"),
        QCoreApplication.translate("TodaysList", "Due"),
        QCoreApplication.translate("TodaysList", "State"),
    ]
    out = [
        (
            "<table width='100%' cellspacing=0 cellpadding=3 border=1 style='border-collapse:collapse;"
            " border-color:#999'>"
        ),
        "<tr style='background:#eeeeee'>"
        + "".join(f"<th align=left width='{w}%'>{e(h)}</th>" for h, w in zip(heads, _WIDTHS, strict=True))
        + "</tr>",
    ]
    for r in rows:
        if r.withdrawn:
            state = QCoreApplication.translate("TodaysList", "Withdrawn")
        elif r.overdue:
            state = QCoreApplication.translate("TodaysList", "{status}, overdue").format(
                status=labels.request_status(r.status)
            )
        else:
            state = labels.request_status(r.status)
        style = " style='color:#b3261e; font-weight:bold'" if r.overdue else ""
        urgency = "" if r.urgency == "normal" else f" [{labels.request_urgency(r.urgency)}]"
        out.append(
            f"<tr{style}><td>{r.id}</td><td>{e(r.address)} {e(r.head_name)}<br>"
            f"<small>{e(r.grid_name)}</small></td><td>{e(labels.request_category(r.category))}{e(urgency)}</td>"
            f"<td>{e(r.text)}</td><td>{e(r.assignee or '—')}</td><td>{e(_when(r.due_at, day))}</td>"
            f"<td>{e(state)}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def todays_list_html(listing: rq.TodaysList, *, community: str = "", grid: str = "") -> str:
    e = html.escape
    place = " · ".join(p for p in (community, grid) if p)
    title = QCoreApplication.translate("TodaysList", "Today's requests — {day}").format(
        day=listing.day.isoformat()
    )
    summary = QCoreApplication.translate(
        "TodaysList",
        "Received: {received} (still open: {open}) · Due by tonight or overdue: {due} · "
        "Resolved today: {closed} · Followed up today: {followed}",
    ).format(
        received=len(listing.received),
        open=listing.still_open_received,
        due=len(listing.due),
        closed=listing.closed_today,
        followed=listing.followed_up_today,
    )
    received = QCoreApplication.translate("TodaysList", "Received today")
    due = QCoreApplication.translate("TodaysList", "Still open and due by tonight (overdue first)")
    printed = QCoreApplication.translate("TodaysList", "Printed {when}").format(when=now_iso()[:16])
    return (
        "<html><body style='font-size:10pt'>"
        f"<h2 style='margin-bottom:0'>{e(title)}</h2>"
        + (f"<p style='margin-top:2px'>{e(place)}</p>" if place else "")
        + f"<p><b>{e(summary)}</b></p>"
        f"<h3>{e(received)}</h3>"
        + _rows_html(listing.received, listing.day)
        + f"<h3>{e(due)}</h3>"
        + _rows_html(listing.due, listing.day)
        + f"<p style='color:#6b6b6b; font-size:8pt'>{e(printed)}</p>"
        "</body></html>"
    )


def document_for(listing: rq.TodaysList, *, community: str = "", grid: str = "") -> QTextDocument:
    document = QTextDocument()
    document.setHtml(todays_list_html(listing, community=community, grid=grid))
    return document


def write_pdf(listing: rq.TodaysList, path: str, *, community: str = "", grid: str = "") -> None:
    """An A4 PDF of the list (landscape: the table is wide), written whole or not at all (outputs)."""
    with outputs.replacing(path, "pdf") as partial:
        _write_pdf(listing, str(partial), community=community, grid=grid)


def _write_pdf(listing: rq.TodaysList, path: str, *, community: str, grid: str) -> None:
    writer = QPdfWriter(path)
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(
        QCoreApplication.translate("TodaysList", "Today's requests — {day}").format(
            day=listing.day.isoformat()
        )
    )
    writer.setCreator("gridboard")
    document_for(listing, community=community, grid=grid).print_(writer)
    del writer  # finishes the file


class TodaysListDialog(QDialog):
    """The day's list on screen, for a day and grid, with print preview and PDF."""

    def __init__(self, notifier: Notifier, parent: QWidget | None = None, *, day: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todaysListDialog")
        self.setWindowTitle(self.tr("Today's list (same-day clearance)"))
        self.store: Store = notifier.store
        self.notifier = notifier
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.day = QDateEdit(self)
        self.day.setObjectName("todaysListDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        chosen = day or date.today()
        self.day.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.grid = QComboBox(self)
        self.grid.setObjectName("todaysListGrid")
        self.grid.addItem(self.tr("All grids"), None)
        for grid_id, name in rq.grid_choices(self.store):
            self.grid.addItem(name, grid_id)
        self.preview_button = QPushButton(self.tr("Print preview…"), self)
        self.preview_button.setObjectName("todaysListPreview")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.pdf_button.setObjectName("todaysListPdf")
        bar.addWidget(QLabel(self.tr("Day"), self))
        bar.addWidget(self.day)
        bar.addWidget(self.grid)
        bar.addStretch(1)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("todaysListText")
        layout.addWidget(self.browser, 1)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.grid.currentIndexChanged.connect(lambda _i: self.refresh())
        self.preview_button.clicked.connect(lambda _=False: self.print_preview())
        self.pdf_button.clicked.connect(lambda _=False: self.save_pdf())
        notifier.changed.connect(self._changed)
        self.resize(1100, 720)
        self.refresh()

    def listing(self) -> rq.TodaysList:
        grid = self.grid.currentData()
        return rq.todays_list(self.store, self.day.date().toPython(), within={"grid": grid} if grid else None)

    def _names(self) -> dict[str, str]:
        community = records.name_of(self.store, "community", ledger.first_community_id(self.store))
        grid = self.grid.currentText() if self.grid.currentData() else ""
        return {"community": community, "grid": grid}

    def _changed(self, changes: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.current = self.listing()
        self.browser.setHtml(todays_list_html(self.current, **self._names()))

    def save_pdf(self) -> str | None:
        path = ask.save_file(
            self,
            self.tr("Save today's list as PDF"),
            self.tr("PDF files (*.pdf)"),
            ask.file_name(self.tr("Requests list"), self.current.day.isoformat(), suffix=".pdf", dated=False),
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            write_pdf(self.current, path, **self._names())
        except KnownError as error:
            ask.show_error(self, error)
            return None
        return path

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        document = document_for(self.current, **self._names())
        preview = QPrintPreviewDialog(printer, self)
        preview.setObjectName("todaysListPrintPreview")
        preview.paintRequested.connect(document.print_)
        preview.exec()
