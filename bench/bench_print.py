"""Benchmark: a 500-household grid sheet to PDF, against drawing the same text with a bare QPainter.

    python bench/bench_print.py [--file bench/data/city.gridboard] [--households 500] [--repeat 3]

Takes the grid with the most households (sheets one per building, every household, walking order),
cut (or topped up from the next grid) to exactly --households rows, and times: gathering the rows from the file, building the layout
Document, and rendering it (measuring every cell so no row splits, repeated headers, QR codes, page x
of y). The baseline, in the same run, draws the same cell strings with one QPainter.drawText each at
fixed positions on a QPdfWriter (no measuring, no wrapping, no numbering). Without a city file it
generates the community demo in a temporary folder.

What it measures: the PDF written off screen. The print preview a user waits for (pages drawn in a
worker and shown as they come) is bench_screens.py's. The baseline draws strings without measuring or
wrapping them, so it is the floor of painting, not of laying out a sheet.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

from gridboard.models import sheets
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.printing import documents, layout
from gridboard.ui.resources import install_translations

CITY = Path(__file__).resolve().parent / "data" / "city.gridboard"


def grids_by_size(store: Store) -> list[int]:
    return [
        r[0]
        for r in store.execute(
            "SELECT b.grid_id FROM household h JOIN building b ON b.id = h.building_id"
            " WHERE h.archived_at IS NULL GROUP BY b.grid_id ORDER BY count(*) DESC"
        )
    ]


def gather(store: Store, grids: list[int], households: int) -> list[sheets.Sheet]:
    """The largest grid's sheets (one per building), topped up from the next grid if it is smaller."""
    made, total = [], 0
    for grid_id in grids:
        for sheet in sheets.grid_sheets(store, grid_id, by="building", floor_order="top"):
            rows = sheet.rows[: households - total]
            if rows:
                made.append(replace(sheet, rows=rows))
                total += len(rows)
            if total >= households:
                return made
    return made


def baseline(document: layout.Document, path: str) -> int:
    """The same strings, drawn with no layout work at all."""
    writer = QPdfWriter(path)
    writer.setResolution(600)
    layout.configure(writer, document)
    painter = QPainter(writer)
    font = layout.page_font(9)
    painter.setFont(font)
    mm = writer.logicalDpiY() / 25.4
    width = writer.width()
    pages = 1
    for section in document.sections:
        for block in section.blocks:
            if not isinstance(block, layout.Table):
                continue
            widths = [width / len(block.columns)] * len(block.columns)
            for index, row in enumerate(block.rows):
                if index and index % 12 == 0:
                    writer.newPage()
                    pages += 1
                y = (index % 12) * 12 * mm + 30 * mm
                x = 0.0
                for text, w in zip(row, widths, strict=False):
                    if text:
                        painter.drawText(QRectF(x, y, w, 12 * mm), int(Qt.AlignmentFlag.AlignLeft), text)
                    x += w
        writer.newPage()
        pages += 1
    painter.end()
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--file", default=str(CITY))
    parser.add_argument("--households", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    install_translations("zh_CN")
    layout.font_family()
    folder = tempfile.mkdtemp(prefix="bench_print_")
    path = Path(args.file)
    if not path.exists():
        from gridboard.models.demo import generate

        print(f"{path} not found; generating the community demo in {folder}")
        path = Path(folder) / "community.gridboard"
        generate(path, "community", seed=7)
    store = open_store(path, check="none")
    grids = grids_by_size(store)

    timings: dict[str, list[float]] = {
        "gather": [],
        "document": [],
        "render": [],
        "total": [],
        "baseline": [],
    }
    pages = base_pages = rows = 0
    for run in range(args.repeat):
        start = time.perf_counter()
        made = gather(store, grids, args.households)
        gathered = time.perf_counter()
        document = documents.sheets_document("bench", made)
        built = time.perf_counter()
        pages = layout.render_pdf(document, os.path.join(folder, f"grid-{run}.pdf"))
        rendered = time.perf_counter()
        base_start = time.perf_counter()
        base_pages = baseline(document, os.path.join(folder, f"bare-{run}.pdf"))
        base_end = time.perf_counter()
        rows = sum(len(s.rows) for s in made)
        timings["gather"].append(gathered - start)
        timings["document"].append(built - gathered)
        timings["render"].append(rendered - built)
        timings["total"].append(rendered - start)
        timings["baseline"].append(base_end - base_start)
    store.close()
    median = {k: statistics.median(v) for k, v in timings.items()}
    print(f"file {path}, grid {grids[0]}: {rows} households in {len(made)} sheets, {pages} pages")
    print(f"  gather rows     {median['gather']:.3f} s")
    print(f"  build document  {median['document']:.3f} s")
    print(f"  render PDF      {median['render']:.3f} s")
    print(f"  total           {median['total']:.3f} s   (target < 3 s)")
    print(f"  bare QPainter   {median['baseline']:.3f} s   ({base_pages} pages, same strings)")
    print(
        f"  ratio total / bare = {median['total'] / median['baseline']:.2f}×,"
        f" render / bare = {median['render'] / median['baseline']:.2f}×"
    )
    del app


if __name__ == "__main__":
    main()
