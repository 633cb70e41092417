"""The page layout engine: a Document made of Sections of blocks, paginated and painted on A4.

Build a `Document` from `Section`s, each a list of blocks (`Heading`, `Paragraph`, `Fields`, `Table`,
`Spacer`), and call `render_pdf(document, path)` or `render(document, device)` with any
QPagedPaintDevice (a QPdfWriter, or the QPrinter a print preview hands you). Every page gets the
section's running head (with its QR code, if any, and "sheet page x/y") and a footer "printed at …,
page x of y". A table row is never split across pages: a row that does not fit starts the next page,
under the table's repeated header. Chinese text uses the bundled font, so output is the same on any
machine. Rendering may run in a worker thread; `progress(done, total)` may raise `Cancelled`.

    doc = Document(title="…", sections=[Section(blocks=[Heading("…"), Table(columns, rows)])])
    pages = render_pdf(doc, "out.pdf")

The emergency roster and door-knocking list are just more Sections in the same Document.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from gridboard.models import outputs
from gridboard.models.printable import printable

Progress = Callable[[int, int], None]

MARGIN_MM = 10.0
PAD_MM = 1.2


def font_family() -> str:
    """The bundled CJK font's family, registered once (the app has usually done it already)."""
    from gridboard.fonts import install_fonts

    return install_fonts()


def page_font(size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    family = font_family()
    if family:
        font.setFamilies([family])
    font.setPointSizeF(size)
    font.setBold(bold)
    # The font's Latin 'locl' digits and 'liga' ligatures (fl, fi) are glyphs with no Unicode mapping
    # of their own: the PDF's text layer (search, copy, pdftotext) would lose those letters.
    font.setFeature(QFont.Tag("locl"), 0)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


# lupdate reads translate("Printing", "…") calls.
translate = QCoreApplication.translate


# -- blocks ------------------------------------------------------------------------------------------


@dataclass
class Heading:
    text: str
    size: float = 16.0
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter


@dataclass
class Paragraph:
    text: str
    size: float = 10.0
    bold: bool = False


@dataclass
class Fields:
    """Label: value pairs laid out in `columns` columns (the header of a sheet)."""

    pairs: Sequence[tuple[str, str]]
    size: float = 10.5
    columns: int = 3


@dataclass
class Spacer:
    mm: float = 3.0


@dataclass
class Column:
    title: str
    weight: float = 1.0
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


@dataclass
class Table:
    """Rows of text cells; a row is kept whole on one page, the header repeats on each page."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    size: float = 9.0
    header_size: float | None = None
    min_row_mm: float = 0.0  # room to write by hand in blank columns
    emphasis: Sequence[bool] | None = None  # rows drawn on a grey ground (priority households)


Block = Heading | Paragraph | Fields | Spacer | Table


@dataclass
class Section:
    """A part of a document that starts on a new page, e.g. one member's visit sheet."""

    blocks: list[Block]
    running_head: str = ""
    qr: str = ""  # data of a QR code drawn at the top right of each of its pages (a sheet number)
    new_page: bool = True


@dataclass
class Document:
    title: str
    sections: list[Section]
    landscape: bool = False
    printed_at: str = field(default_factory=lambda: datetime.now().strftime("%Y-%m-%d %H:%M"))
    footer: str = ""  # left part of the footer, e.g. the community's name


# -- pagination ----------------------------------------------------------------------------------------


@dataclass
class _Placed:
    kind: str  # "block", "table_header", "row"
    y: float
    height: float
    block: Block
    row: int = -1


@dataclass
class _Page:
    section: int
    items: list[_Placed] = field(default_factory=list)
    section_page: int = 0
    section_pages: int = 0


class _Layout:
    """Measures and places blocks on pages in device pixels."""

    def __init__(self, device: QPagedPaintDevice, document: Document) -> None:
        self.device = device
        self.document = document
        self.mm = device.logicalDpiY() / 25.4
        self.width = float(device.width())
        self.height = float(device.height())
        self.head_h = 9.0 * self.mm
        self.foot_h = 7.0 * self.mm
        self.qr_mm = 20.0
        self._metrics: dict[tuple[float, bool], QFontMetricsF] = {}
        self._widths: dict[int, list[float]] = {}

    def metrics(self, size: float, bold: bool = False) -> QFontMetricsF:
        key = (size, bold)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(page_font(size, bold=bold), self.device)
        return self._metrics[key]

    def text_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        if not text:
            return self.metrics(size, bold).height()
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(size, bold).boundingRect(QRectF(0, 0, width, 1e7), flags, text).height()

    def column_widths(self, table: Table) -> list[float]:
        key = id(table)
        if key not in self._widths:
            total = sum(c.weight for c in table.columns) or 1.0
            self._widths[key] = [self.width * c.weight / total for c in table.columns]
        return self._widths[key]

    def top(self, section: Section) -> float:
        head = self.head_h if section.running_head else 0.0
        if section.qr:
            head = max(head, (self.qr_mm + 2.0) * self.mm)
        return head

    def block_height(self, block: Block) -> float:
        mm = self.mm
        if isinstance(block, Heading):
            return self.text_height(block.text, self.width, block.size, True) + 2 * mm
        if isinstance(block, Paragraph):
            return self.text_height(block.text, self.width, block.size, block.bold) + 1.5 * mm
        if isinstance(block, Spacer):
            return block.mm * mm
        if isinstance(block, Fields):
            rows = (len(block.pairs) + block.columns - 1) // block.columns
            return rows * (self.metrics(block.size).height() + 1.5 * mm) + mm
        raise TypeError(block)

    def header_height(self, table: Table) -> float:
        size = table.header_size or table.size
        pad = PAD_MM * self.mm
        return (
            max(
                self.text_height(c.title, w - 2 * pad, size, True)
                for c, w in zip(table.columns, self.column_widths(table), strict=True)
            )
            + 2 * pad
        )

    def row_height(self, table: Table, row: Sequence[str]) -> float:
        pad = PAD_MM * self.mm
        tallest = max(
            (
                self.text_height(text, w - 2 * pad, table.size)
                for text, w in zip(row, self.column_widths(table), strict=False)
                if text
            ),
            default=self.metrics(table.size).height(),
        )
        return max(tallest + 2 * pad, table.min_row_mm * self.mm)

    def paginate(self, progress: Progress | None = None) -> list[_Page]:
        """Every page of the document (what a printer or a PDF gets)."""
        pages: list[_Page] = []
        for section_pages in self.paginate_sections(progress):
            pages.extend(section_pages)
        return pages

    def paginate_sections(self, progress: Progress | None = None) -> Iterator[list[_Page]]:
        """The pages section by section, each list handed over as soon as its section is laid out (its
        pages numbered "sheet page x/y"), so a preview can show the first pages before the last are
        measured. A section that does not start a new page continues the previous section's last page:
        that page is handed over with that section, once it is final."""
        pages: list[_Page] = []
        handed = 0
        bottom = self.height - self.foot_h
        total = len(self.document.sections)
        for index, section in enumerate(self.document.sections):
            if progress is not None:
                progress(index, total)
            if section.new_page or not pages:
                pages.append(_Page(index))
                y = self.top(section)
            first_page = len(pages) - 1
            for block in section.blocks:
                if isinstance(block, Table):
                    header_h = self.header_height(block)
                    # A row taller than a page (pages of notes in one cell) is cut to one page.
                    room = bottom - self.top(section) - header_h
                    heights = [min(self.row_height(block, row), room) for row in block.rows]
                    first = heights[0] if heights else 0.0
                    if y + header_h + first > bottom and pages[-1].items:
                        pages.append(_Page(index))
                        y = self.top(section)
                    pages[-1].items.append(_Placed("table_header", y, header_h, block))
                    y += header_h
                    for row_index, row_h in enumerate(heights):
                        if y + row_h > bottom:
                            pages.append(_Page(index))
                            y = self.top(section)
                            pages[-1].items.append(_Placed("table_header", y, header_h, block))
                            y += header_h
                        pages[-1].items.append(_Placed("row", y, row_h, block, row_index))
                        y += row_h
                    y += 2 * self.mm
                else:
                    h = self.block_height(block)
                    # Keep a heading with what follows: move it if little room is left under it.
                    keep = 25 * self.mm if isinstance(block, (Heading, Fields)) else 0.0
                    if y + h + keep > bottom and pages[-1].items:
                        pages.append(_Page(index))
                        y = self.top(section)
                    pages[-1].items.append(_Placed("block", y, h, block))
                    y += h
            count = len(pages) - first_page
            for number, page in enumerate(pages[first_page:], start=1):
                page.section_page, page.section_pages = number, count
            # A page may still grow while the next section continues it (new_page=False): it is
            # handed over (again) with that section.
            last_open = 1 if index + 1 < total and not self.document.sections[index + 1].new_page else 0
            done = len(pages) - last_open
            if done > handed:
                yield pages[handed:done]
                handed = done
        if len(pages) > handed:
            yield pages[handed:]


# -- painting ------------------------------------------------------------------------------------------


def configure(device: QPagedPaintDevice, document: Document) -> None:
    orientation = (
        QPageLayout.Orientation.Landscape if document.landscape else QPageLayout.Orientation.Portrait
    )
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


def _printable_block(block: Block) -> Block:
    if isinstance(block, Heading | Paragraph):
        return replace(block, text=printable(block.text))
    if isinstance(block, Fields):
        return replace(block, pairs=[(printable(a), printable(b)) for a, b in block.pairs])
    if isinstance(block, Table):
        # One pass over the whole table first: most have no emoji at all, and stay as they are.
        texts = [c.title for c in block.columns] + [cell for row in block.rows for cell in row]
        joined = "\x00".join(texts)
        if printable(joined) == joined:
            return block
        return replace(
            block,
            columns=[replace(c, title=printable(c.title)) for c in block.columns],
            rows=[[printable(cell) for cell in row] for row in block.rows],
        )
    return block


def printable_document(document: Document) -> Document:
    """The document with every emoji as a word (the font has none): measured and painted the same."""
    sections = [
        replace(s, blocks=[_printable_block(b) for b in s.blocks], running_head=printable(s.running_head))
        for s in document.sections
    ]
    return replace(document, sections=sections, title=printable(document.title))


def render(document: Document, device: QPagedPaintDevice, progress: Progress | None = None) -> int:
    """Paint the document on a QPdfWriter or QPrinter (already configured with `configure`); returns pages."""
    document = printable_document(document)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Printing", "The printer or file could not be opened for writing."))
    try:
        layout = _Layout(device, document)
        pages = layout.paginate()
        total = len(pages)
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            _paint_page(painter, layout, page, number, total)
            if progress is not None:
                progress(number, total)
    finally:
        painter.end()
    return total


class PageImages:
    """A document laid out as a printer of `dpi` would lay it out, its pages painted one at a time on
    QImages (any thread): what a preview shows. The document is made printable first (emoji as
    words), as `render` does, so the preview shows what is printed."""

    def __init__(self, document: Document, dpi: int = 96) -> None:
        self.document = printable_document(document)
        landscape = document.landscape
        self.width_mm, self.height_mm = (297.0, 210.0) if landscape else (210.0, 297.0)
        self.per_mm = dpi / 25.4
        self.dots_per_meter = round(dpi / 0.0254)
        # The printable area (inside the margins), as the printer's device has it.
        area = self._image(self.width_mm - 2 * MARGIN_MM, self.height_mm - 2 * MARGIN_MM)
        self.layout = _Layout(area, self.document)  # type: ignore[arg-type]  # measures like a printer
        self.pages: list[_Page] = []
        self._sections: Iterator[list[_Page]] = iter(())
        self._painted = 0
        self._early = 0

    def _image(self, w_mm: float, h_mm: float) -> QImage:
        made = QImage(round(w_mm * self.per_mm), round(h_mm * self.per_mm), QImage.Format.Format_RGB32)
        made.setDotsPerMeterX(self.dots_per_meter)
        made.setDotsPerMeterY(self.dots_per_meter)
        return made

    def paint(self, number: int, total: int | None) -> QImage:
        """Page `number` (from 1) of the pages laid out so far; `total` None: "page 1 of …"."""
        sheet = self._image(self.width_mm, self.height_mm)
        sheet.fill(QColor("white"))
        painter = QPainter(sheet)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(MARGIN_MM * self.per_mm, MARGIN_MM * self.per_mm)
            _paint_page(painter, self.layout, self.pages[number - 1], number, total)
        finally:
            painter.end()
        return sheet

    def first(
        self,
        on_page: Callable[[int, int, QImage], None],
        *,
        early: int = 2,
        progress: Progress | None = None,
    ) -> None:
        """Lay out sections until the first `early` pages are final, and hand each over as it is
        drawn (total 0: the footer says "page 1 of …", the total is not known yet)."""
        self._sections = self.layout.paginate_sections(progress)
        self.pages = []
        self._painted = 0
        self._early = early
        for chunk in self._sections:
            self._take(chunk, on_page)
            if self._painted >= early:
                return

    def _take(self, chunk: list[_Page], on_page: Callable[[int, int, QImage], None]) -> None:
        self.pages.extend(chunk)
        while self._painted < self._early and self._painted < len(self.pages):
            self._painted += 1
            on_page(self._painted, 0, self.paint(self._painted, None))

    def rest(
        self,
        on_page: Callable[[int, int, QImage], None],
        on_total: Callable[[int], None] | None = None,
    ) -> int:
        """After `first`: lay out the rest, `on_total(total)`, then hand over every page from the
        first with the total (the early ones again). Returns the number of pages."""
        for chunk in self._sections:
            self._take(chunk, on_page)
        total = len(self.pages)
        if on_total is not None:
            on_total(total)
        for number in range(1, total + 1):
            on_page(number, total, self.paint(number, total))
        return total

    def stream(
        self,
        on_page: Callable[[int, int, QImage], None],
        on_total: Callable[[int], None] | None = None,
        *,
        early: int = 2,
        progress: Progress | None = None,
    ) -> int:
        """`first` then `rest`: every page handed over as it is drawn, the first ones early.
        `on_page(number, total, image)`, `on_total` and `progress(sections done, sections)` may
        raise `Cancelled`."""
        self.first(on_page, early=early, progress=progress)
        return self.rest(on_page, on_total)


def render_images(
    document: Document,
    *,
    dpi: int = 96,
    progress: Progress | None = None,
) -> list[QImage]:
    """The pages as images (every page laid out first, as on a printer)."""
    images = PageImages(document, dpi)
    images.pages = images.layout.paginate()
    total = len(images.pages)
    result = []
    for number in range(1, total + 1):
        result.append(images.paint(number, total))
        if progress is not None:
            progress(number, total)
    return result


def render_pdf(document: Document, path: str | os.PathLike[str], progress: Progress | None = None) -> int:
    """Write the document as an A4 PDF; returns the number of pages.

    The PDF is drawn under a temporary name, checked (Qt's writer says nothing when the disk fills up)
    and only then renamed to `path`: a cancelled or failed render leaves no file, and a file that was
    there before stays as it was.
    """
    with outputs.replacing(path, "pdf") as partial:
        writer = QPdfWriter(str(partial))
        writer.setTitle(document.title)
        writer.setCreator("gridboard")
        writer.setResolution(600)
        configure(writer, document)
        try:
            pages = render(document, writer, progress)
        finally:
            del writer  # the file is finished when the writer goes
    return pages


def _paint_page(painter: QPainter, layout: _Layout, page: _Page, number: int, total: int | None) -> None:
    document = layout.document
    section = document.sections[page.section]
    mm = layout.mm
    painter.setPen(QPen(QColor("black"), 0.25 * mm))
    if section.running_head:
        painter.setFont(page_font(9))
        right = ""
        if section.qr:  # a sheet may be handed out on its own: number its pages too
            right = translate("Printing", "Sheet page {page}/{pages}").format(
                page=page.section_page, pages=page.section_pages
            )
        qr_space = (layout.qr_mm + 3) * mm if section.qr else 0.0
        rect = QRectF(0, 0, layout.width - qr_space, layout.head_h - 2 * mm)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), section.running_head
        )
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
    if section.qr:
        _paint_qr(
            painter,
            section.qr,
            QRectF(layout.width - layout.qr_mm * mm, 0, layout.qr_mm * mm, layout.qr_mm * mm),
        )
    for item in page.items:
        if item.kind == "block":
            _paint_block(painter, layout, item)
        elif item.kind == "table_header":
            _paint_table_header(painter, layout, item)
        else:
            _paint_row(painter, layout, item)
    # Footer: printed at …, page x of y.
    painter.setFont(page_font(8.5))
    foot = QRectF(0, layout.height - layout.foot_h + 2 * mm, layout.width, layout.foot_h - 2 * mm)
    left = translate("Printing", "Printed at {time}").format(time=document.printed_at)
    if document.footer:
        left = f"{document.footer}    {left}"
    painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    where = (
        translate("Printing", "Page {page} of …").format(page=number)  # a preview still laying out
        if total is None
        else translate("Printing", "Page {page} of {pages}").format(page=number, pages=total)
    )
    painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), where)


def _paint_block(painter: QPainter, layout: _Layout, item: _Placed) -> None:
    block = item.block
    mm = layout.mm
    if isinstance(block, Heading):
        painter.setFont(page_font(block.size, bold=True))
        rect = QRectF(0, item.y + mm, layout.width, item.height - 2 * mm)
        painter.drawText(rect, int(block.align | Qt.TextFlag.TextWordWrap), block.text)
    elif isinstance(block, Paragraph):
        painter.setFont(page_font(block.size, bold=block.bold))
        rect = QRectF(0, item.y, layout.width, item.height)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), block.text)
    elif isinstance(block, Fields):
        painter.setFont(page_font(block.size))
        line = layout.metrics(block.size).height() + 1.5 * mm
        width = layout.width / block.columns
        for index, (label, value) in enumerate(block.pairs):
            row, col = divmod(index, block.columns)
            rect = QRectF(col * width, item.y + row * line, width - 2 * mm, line)
            text = translate("Printing", "{label}: {value}").format(label=label, value=value)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


def _paint_table_header(painter: QPainter, layout: _Layout, item: _Placed) -> None:
    table = item.block
    assert isinstance(table, Table)
    painter.setFont(page_font(table.header_size or table.size, bold=True))
    painter.fillRect(QRectF(0, item.y, layout.width, item.height), QColor(225, 225, 225))
    _paint_cells(painter, layout, table, item, [c.title for c in table.columns], header=True)


def _paint_row(painter: QPainter, layout: _Layout, item: _Placed) -> None:
    table = item.block
    assert isinstance(table, Table)
    if table.emphasis is not None and table.emphasis[item.row]:
        painter.fillRect(QRectF(0, item.y, layout.width, item.height), QColor(238, 238, 238))
    painter.setFont(page_font(table.size))
    _paint_cells(painter, layout, table, item, table.rows[item.row], header=False)


def _paint_cells(
    painter: QPainter, layout: _Layout, table: Table, item: _Placed, cells: Sequence[str], *, header: bool
) -> None:
    pad = PAD_MM * layout.mm
    x = 0.0
    for column, width, text in zip(table.columns, layout.column_widths(table), cells, strict=False):
        if text:
            align = Qt.AlignmentFlag.AlignHCenter if header else column.align
            rect = QRectF(x + pad, item.y + pad, width - 2 * pad, item.height - 2 * pad)
            painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), text)
        painter.drawRect(QRectF(x, item.y, width, item.height))
        x += width


def _paint_qr(painter: QPainter, data: str, rect: QRectF) -> None:
    """A QR code as vector squares (crisp at any resolution, nothing rasterised)."""
    import segno  # here, not at the top: it brings urllib, http and ssl (a third of a second)

    matrix = segno.make(data, error="m", micro=False).matrix
    quiet = 2
    count = len(matrix) + 2 * quiet
    cell = min(rect.width(), rect.height()) / count
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for row_index, row in enumerate(matrix):
        start = None
        for col_index, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = col_index
            elif not dark and start is not None:
                painter.drawRect(
                    QRectF(
                        rect.x() + (start + quiet) * cell,
                        rect.y() + (row_index + quiet) * cell,
                        (col_index - start) * cell + 0.5,
                        cell + 0.5,
                    )
                )
                start = None
    painter.restore()
