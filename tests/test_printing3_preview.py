"""The print preview up at once (issue 15): its first pages shown while the rest are laid out in its
worker, the finished pages the same as a one-shot layout (what a printer or a PDF gets), Cancel
stopping it and leaving nothing behind; the print dialog opening without reading its members."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time

import pytest
from conftest import save_screenshot
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from gridboard.models import ledger, pairing
from gridboard.printing import layout
from gridboard.printing.layout import Column, Document, Heading, Paragraph, Section, Table
from gridboard.ui.printing import PrintingFeature
from gridboard.ui.printing import preview as preview_module

pytestmark = pytest.mark.gui

WAIT = 20_000


@pytest.fixture
def grid_of_buildings(small):
    """The small community's grid with four buildings of 24 households, each covered by a member."""
    store = small.store
    buildings = [small.building]
    for number in (4, 5, 6):
        buildings.append(
            ledger.create_building(
                store,
                rooms="lived_in",
                grid_id=small.grid,
                name=f"{number}号楼",
                number=number,
                units=2,
                floors=6,
                rooms_per_floor=2,
            )
        )
    for index, building in enumerate(buildings):
        member = (
            small.member
            if index == 0
            else ledger.add_member(
                store, community_id=small.community, name=f"李{index}号", kind="community_member"
            )
        )
        pairing.add_scope(store, member_id=member, building_id=building)
    store.take_changes()
    return small


def gate_after_early_pages(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """Pagination waits (until `gate` is set) once the preview's early pages are laid out (and their
    sheet numbers committed), saying so (`waiting`): the test sees the preview as it is while a long
    document is still being laid out."""
    gate, waiting = threading.Event(), threading.Event()
    original = layout._Layout.paginate_sections

    def gated(self, progress=None):
        handed = 0
        for chunk in original(self, progress):
            if handed >= preview_module.EARLY_PAGES:
                waiting.set()
                assert gate.wait(WAIT / 1000)
            yield chunk
            handed += len(chunk)

    monkeypatch.setattr(layout._Layout, "paginate_sections", gated)
    return gate, waiting


def counts(store) -> tuple[int, int]:
    return (
        store.scalar("SELECT count(*) FROM printed_sheet"),
        store.scalar("SELECT count(*) FROM printed_sheet_row"),
    )


def preview_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "preview"]


def grid_dialog(window, grid_id: int, by: str = "building"):
    dialog = window.features.get(PrintingFeature).print_dialog("grid", target_id=grid_id)
    dialog.by_combo.setCurrentIndex(dialog.by_combo.findData(by))
    return dialog


def as_shown(image: QImage) -> QImage:
    """A page as the preview holds it (16 bits a pixel), to compare."""
    return image.convertToFormat(QImage.Format.Format_RGB16).convertToFormat(QImage.Format.Format_RGB32)


def page_images(preview) -> list[QImage]:
    return [
        preview.findChild(QLabel, f"previewPage_{n}")
        .pixmap()
        .toImage()
        .convertToFormat(QImage.Format.Format_RGB32)
        for n in range(1, preview.shown_pages + 1)
    ]


# -- the layout ------------------------------------------------------------------------------------


def long_document() -> Document:
    """Sections of tables over several pages, one continuing the page before (new_page=False),
    emoji to be made printable, QR codes and running heads."""
    columns = [Column("序号", 0.5), Column("地址", 2), Column("户主", 1), Column("情况 🙏", 3)]
    sections = []
    for s in range(6):
        rows = [
            [str(i), f"{s + 3}号楼1单元{i:02d}室", "王桂兰", "腿脚不便👍" * (i % 4)] for i in range(1, 40)
        ]
        sections.append(
            Section(
                [Heading(f"第{s + 1}张走访单"), Table(columns, rows, min_row_mm=8.0)],
                running_head=f"幸福社区 · 第{s + 1}张",
                qr=f"261202-{s + 1:03d}",
                new_page=s != 3,  # the fourth goes on under the third
            )
        )
    sections.append(Section([Paragraph("以上共六张。")], new_page=False))
    return Document(title="走访单", sections=sections, landscape=True, footer="幸福社区")


def shape(pages) -> list[tuple]:
    return [
        (
            p.section,
            p.section_page,
            p.section_pages,
            [(i.kind, round(i.y, 4), round(i.height, 4), i.row, type(i.block).__name__) for i in p.items],
        )
        for p in pages
    ]


def test_pages_laid_out_as_they_come_are_the_one_shot_pages(gui, tmp_path) -> None:
    document = long_document()
    streamed = layout.PageImages(document, dpi=72)
    handed: list[tuple[int, int, QImage]] = []
    totals: list[int] = []
    pages = streamed.stream(lambda n, total, image: handed.append((n, total, image)), totals.append, early=2)
    one_shot = layout.PageImages(document, dpi=72)
    one_shot.pages = one_shot.layout.paginate()
    assert pages == totals[0] == len(one_shot.pages) > 10
    assert shape(streamed.pages) == shape(one_shot.pages)
    # The first two came first, before the total was known ("page 1 of …"), then every page with it.
    assert [(n, total) for n, total, _ in handed[:2]] == [(1, 0), (2, 0)]
    assert [(n, total) for n, total, _ in handed[2:]] == [(n, pages) for n in range(1, pages + 1)]
    final = [image for _, total, image in handed if total]
    assert final == layout.render_images(document, dpi=72)
    assert handed[0][2] != final[0]  # its footer said "of …"
    # A PDF of the same document: the same number of pages, the last one knowing the total.
    if shutil.which("pdftotext"):
        path = tmp_path / "long.pdf"
        assert layout.render_pdf(document, path) == pages
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert text.count("\f") == pages
        assert f"第 {pages} 页，共 {pages} 页" in text or f"第{pages}页，共{pages}页" in text.replace(" ", "")


# -- the preview -----------------------------------------------------------------------------------


def test_the_preview_shows_its_first_page_before_the_layout_ends(
    gui, qtbot, window, grid_of_buildings, monkeypatch
) -> None:
    store = grid_of_buildings.store
    gate, waiting = gate_after_early_pages(monkeypatch)
    dialog = grid_dialog(window, grid_of_buildings.grid)
    before = counts(store)
    # Where each page is as it is handed over: in its place at once, never for a turn over the one
    # above it (a new label was shown by Qt a turn later, where the layout had last left room).
    placed: list[tuple[bool, int, int]] = []
    real_page = preview_module.PreviewDialog._page

    def page(self, number, total, image) -> None:
        real_page(self, number, total, image)
        label = self.findChild(QLabel, f"previewPage_{number}")
        above = self.findChild(QLabel, f"previewPage_{number - 1}")
        placed.append((label.isVisible(), label.y(), above.y() + above.height() if above else 0))

    monkeypatch.setattr(preview_module.PreviewDialog, "_page", page)
    preview = preview_module.PreviewDialog(
        parent=dialog, make=dialog._maker(dialog.choices()), title="正在准备"
    )
    preview.resize(1366, 768)
    preview.show()
    qtbot.waitUntil(
        lambda: preview.shown_pages == preview_module.EARLY_PAGES and waiting.is_set(), timeout=WAIT
    )
    # Laying out the rest is waiting: the first pages are on screen, the total is not known yet.
    assert preview.total == 0 and preview.pages.worker_thread.is_alive()
    assert not preview.print_button.isEnabled() and preview.cancel_button.isVisible()
    assert "排版" in preview.status.text()
    assert "第一网格" in preview.windowTitle()
    first = preview.findChild(QLabel, "previewPage_1").pixmap()
    assert first.width() > first.height()  # landscape A4
    assert len(placed) == preview_module.EARLY_PAGES
    assert all(visible and top >= bottom_above for visible, top, bottom_above in placed), placed
    qtbot.wait(50)
    save_screenshot(preview, "printing3_preview_laying_out")
    gate.set()
    qtbot.waitUntil(lambda: preview.total > 0 and preview.shown_pages == preview.total, timeout=WAIT)
    qtbot.waitUntil(lambda: not preview.working, timeout=WAIT)
    assert preview.print_button.isEnabled() and not preview.cancel_button.isVisible()
    assert preview.status.text() == f"共 {preview.total} 页"
    qtbot.wait(50)  # the pages' layout
    save_screenshot(preview, "printing3_preview_done")
    # The finished preview is the one-shot document: the same pages, page for page.
    expected = [as_shown(image) for image in layout.render_images(preview.document, dpi=72)]
    assert len(expected) == preview.total >= 8
    assert page_images(preview) == expected
    # Numbered as the PDF would be: one sheet per building, recorded.
    numbers = [s.qr for s in preview.document.sections if s.qr]
    assert len(numbers) == 4 and counts(store)[0] == before[0] + 4
    preview.reject()
    qtbot.waitUntil(lambda: not preview_threads(), timeout=WAIT)


def cancel_when(qtbot, dialog, ready, seen: list, gate: threading.Event | None = None) -> None:
    """From inside the preview's own event loop: once `ready(preview)`, note it and press Cancel."""

    def look() -> None:
        preview = dialog.findChild(QDialog, "printPreview")
        if preview is None or not preview.isVisible() or not ready(preview):
            QTimer.singleShot(10, look)
            return
        seen.append((preview.shown_pages, preview.total, preview.pages.worker_thread.is_alive()))
        qtbot.mouseClick(preview.cancel_button, Qt.MouseButton.LeftButton)
        if gate is not None:
            gate.set()

    QTimer.singleShot(0, look)


def test_cancel_while_laying_out_stops_and_gives_the_numbers_back(
    gui, qtbot, window, grid_of_buildings, monkeypatch
) -> None:
    store = grid_of_buildings.store
    gate, waiting = gate_after_early_pages(monkeypatch)
    dialog = grid_dialog(window, grid_of_buildings.grid)
    before = counts(store)
    # Where each page is as it is handed over: in its place at once, never for a turn over the one
    # above it (a new label was shown by Qt a turn later, where the layout had last left room).
    placed: list[tuple[bool, int, int]] = []
    real_page = preview_module.PreviewDialog._page

    def page(self, number, total, image) -> None:
        real_page(self, number, total, image)
        label = self.findChild(QLabel, f"previewPage_{number}")
        above = self.findChild(QLabel, f"previewPage_{number - 1}")
        placed.append((label.isVisible(), label.y(), above.y() + above.height() if above else 0))

    monkeypatch.setattr(preview_module.PreviewDialog, "_page", page)
    discards = store.scalar("SELECT count(*) FROM audit_log WHERE action = 'discard'")
    seen: list = []
    cancel_when(qtbot, dialog, lambda p: p.shown_pages >= 1 and waiting.is_set(), seen, gate)
    with qtbot.waitSignal(window.notifier.changed, timeout=WAIT):
        assert dialog.preview() is False
    assert seen and seen[0][0] >= 1 and seen[0][1] == 0 and seen[0][2]  # shown, still laying out
    # Nothing left behind: no sheet numbers, no rows, no worker, no preview.
    assert counts(store) == before
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'discard'") == discards + 4
    assert not preview_threads()
    QApplication.sendPostedEvents(None, 0)  # deleteLater
    qtbot.waitUntil(lambda: dialog.findChild(QDialog, "printPreview") is None, timeout=WAIT)
    assert dialog.status.text() == "未打印。"
    dialog.close()


def test_cancel_before_the_first_page_numbers_nothing(
    gui, qtbot, window, grid_of_buildings, monkeypatch
) -> None:
    store = grid_of_buildings.store
    entered = threading.Event()
    gate = threading.Event()
    original = layout.PageImages.first

    def held(self, *args, **kwargs):
        entered.set()  # the sheets are numbered, not committed yet
        assert gate.wait(WAIT / 1000)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(layout.PageImages, "first", held)
    dialog = grid_dialog(window, grid_of_buildings.grid)
    before = counts(store)
    seen: list = []
    cancel_when(qtbot, dialog, lambda p: entered.is_set(), seen, gate)
    assert dialog.preview() is False
    assert seen == [(0, 0, True)]
    assert counts(store) == before  # rolled back: never committed, nothing to give back
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'printed_sheet'") == 0
    assert not preview_threads()
    assert dialog.status.text() == "已取消，未打印。"
    dialog.close()


def test_a_printed_preview_keeps_its_numbers_and_a_failure_says_why(
    gui, qtbot, window, grid_of_buildings, monkeypatch
) -> None:
    from gridboard.models import sheets as sheet_model
    from gridboard.models.errors import InvalidInput
    from gridboard.ui import ask

    store = grid_of_buildings.store
    dialog = grid_dialog(window, grid_of_buildings.grid)
    before = counts(store)

    def print_when_done() -> None:
        preview = dialog.findChild(QDialog, "printPreview")
        if preview is None or preview.working:
            QTimer.singleShot(10, print_when_done)
            return
        preview.printed = True  # what Print does once the printer has it (the printer dialog is modal)
        preview.accept()

    QTimer.singleShot(0, print_when_done)
    assert dialog.preview() is True
    assert counts(store)[0] == before[0] + 4
    assert "编号" in dialog.status.text()

    shown: list = []
    monkeypatch.setattr(ask, "show_error", lambda parent, error: shown.append(error))

    def refused(*args, **kwargs):
        raise InvalidInput("Unknown grid section {value}.", value="x")

    monkeypatch.setattr(sheet_model, "grid_sheets", refused)
    started = time.monotonic()
    assert dialog.preview() is False
    assert time.monotonic() - started < 10
    assert len(shown) == 1 and isinstance(shown[0], InvalidInput)
    assert not preview_threads()
    dialog.close()


# -- the print dialog ------------------------------------------------------------------------------


def test_the_print_dialog_reads_its_members_only_for_a_members_sheet(
    gui, qtbot, window, grid_of_buildings
) -> None:
    dialog = grid_dialog(window, grid_of_buildings.grid)
    assert dialog.member_combo.count() == 0  # not read: a grid's sheets need no member
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("member"))
    assert dialog.member_combo.count() == 4
    assert dialog.choices()["member_id"] is not None
    dialog.close()
    # Opened on a member's sheet (Ctrl+P), the member asked for is chosen.
    other = window.features.get(PrintingFeature).print_dialog("member", target_id=grid_of_buildings.member)
    assert other.choices()["member_id"] == grid_of_buildings.member
    other.close()


def test_the_print_dialog_is_imported_behind_the_window(gui, qtbot, small, monkeypatch) -> None:
    """Its modules (page layout, documents, Qt's printing) held the window 0.1-0.15 s at the first
    Print: they are imported in a thread of their own once the window is up."""
    import gridboard.ui.printing as printing_feature
    from gridboard.ui.main_window import MainWindow

    threads: list[str] = []
    monkeypatch.setattr(printing_feature, "IMPORT_BEHIND_MS", 10)
    monkeypatch.setattr(
        printing_feature, "_import_dialog", lambda: threads.append(threading.current_thread().name)
    )
    window = MainWindow(small.store)
    qtbot.addWidget(window)
    assert threads == []  # not while the window is made
    qtbot.waitUntil(lambda: threads == ["import printing"], timeout=5_000)
    window.close()
