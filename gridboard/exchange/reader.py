"""Reading a ledger into rows of cells: .xlsx/.xlsm/.xls/.ods through python-calamine, .csv as text.

One interface for every format: a `Book` of `RawSheet`s, each a list of rows (tuples of cell values:
str, float, int, bool, date/datetime, or None for a blank), trailing blanks trimmed. Cells under a
merged range that spans several rows read as the range's value: offices merge a household's address
or a member's name down over the rows it covers, and that means "the same as above". Ranges within one
row (titles across the top) are left as they are.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridboard.exchange.bulk import no_cyclic_gc
from gridboard.models.errors import QT_TRANSLATE_NOOP, KnownError

Progress = Callable[..., None]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".txt")
WPS_SUFFIXES = (".et", ".ett", ".dps", ".wps")
# A sheet is read up to here; beyond it the preview says the sheet was cut (never gigabytes in memory).
MAX_ROWS = 1_100_000


class UnreadableFile(KnownError):
    """The file to import cannot be read as a workbook or CSV."""


@dataclass
class RawSheet:
    name: str
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    hidden: bool = False
    cut: bool = False  # the sheet had more than MAX_ROWS rows


@dataclass
class Book:
    path: Path
    sheets: list[RawSheet]

    def sheet(self, name: str) -> RawSheet:
        return next(s for s in self.sheets if s.name == name)


def read_book(path: str | Path, progress: Progress | None = None) -> Book:
    """Every sheet's cell values; raises UnreadableFile with a message that says what to do."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile(QT_TRANSLATE_NOOP("Errors", "There is no file at {path}."), path=str(path))
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise _unreadable(path, error) from error
        with no_cyclic_gc():
            rows = read_csv_rows(data)
        return Book(path, [RawSheet(path.stem, rows[:MAX_ROWS], cut=len(rows) > MAX_ROWS)])
    if suffix in WPS_SUFFIXES:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is a WPS file. Open it in WPS and save it as Excel: 文件 → 另存为 → "
                "Excel 文件 (*.xlsx), then import that file.",
            ),
            path=path.name,
        )
    return Book(path, _read_workbook(path, progress))


def _unreadable(path: Path, error: Exception) -> UnreadableFile:
    return UnreadableFile(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{path} cannot be read as a workbook (.xlsx, .xls, .ods) or CSV file ({error}).",
        ),
        path=path.name,
        error=str(error) or type(error).__name__,
    )


def _read_workbook(path: Path, progress: Progress | None) -> list[RawSheet]:
    import python_calamine

    ods_merges = _ods_merged_ranges(path) if path.suffix.lower() == ".ods" else {}

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as error:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is protected by a password: remove the password in Excel or WPS first."
            ),
            path=path.name,
        ) from error
    except (python_calamine.CalamineError, OSError, ValueError) as error:
        raise _unreadable(path, error) from error
    try:
        sheets = []
        metadata = list(workbook.sheets_metadata)
        for index, meta in enumerate(metadata):
            if "WorkSheet" not in str(meta.typ):
                continue  # chart sheets and dialog sheets hold no cells
            with no_cyclic_gc():
                try:
                    sheet = workbook.get_sheet_by_index(index)
                    values = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + 1)
                    merged = ods_merges.get(meta.name) if ods_merges else _merged_ranges(sheet)
                except (python_calamine.CalamineError, ValueError) as error:
                    raise _unreadable(path, error) from error
                cut = len(values) > MAX_ROWS
                rows = _trimmed(values[:MAX_ROWS])
                _fill_merged_down(rows, merged or [])
            sheets.append(RawSheet(meta.name, rows, hidden="Visible" not in str(meta.visible), cut=cut))
            if progress is not None:
                progress(index + 1, len(metadata))
        return sheets
    finally:
        workbook.close()


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based inclusive; [] where the format has none."""
    try:
        ranges = sheet.merged_cell_ranges or []
    except Exception:  # noqa: BLE001 - a format calamine cannot report merges for: treated as none
        return []
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_merged_ranges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Merged ranges of each sheet of an .ods (calamine reports none for this format), from content.xml."""
    import xml.etree.ElementTree as ET

    found: dict[str, list[tuple[int, int, int, int]]] = {}
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            sheet, row, column = None, 0, 0
            for event, element in ET.iterparse(content, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == _ODS_TABLE + "table":
                        sheet, row = element.get(_ODS_TABLE + "name", ""), 0
                        found[sheet] = []
                    elif tag == _ODS_TABLE + "table-row":
                        column = 0
                    continue
                if tag == _ODS_TABLE + "table-row":
                    row += int(element.get(_ODS_TABLE + "number-rows-repeated", "1"))
                    element.clear()
                elif tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
                    rows = int(element.get(_ODS_TABLE + "number-rows-spanned", "1"))
                    columns = int(element.get(_ODS_TABLE + "number-columns-spanned", "1"))
                    if sheet is not None and (rows > 1 or columns > 1):
                        found[sheet].append((row, column, row + rows - 1, column + columns - 1))
                    column += int(element.get(_ODS_TABLE + "number-columns-repeated", "1"))
    except (zipfile.BadZipFile, KeyError, OSError, ET.ParseError):
        return {}
    return found


def _blank(value: Any) -> bool:
    return value is None or value == ""


def _trimmed(values: list[list[Any]]) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    for row in values:
        end = len(row)
        while end and _blank(row[end - 1]):
            end -= 1
        rows.append(tuple([None if v == "" else v for v in row[:end]]))  # calamine's blank is ""
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _fill_merged_down(rows: list[tuple[Any, ...]], merged: list[tuple[int, int, int, int]]) -> None:
    """Cells under a range merged over several rows take its value (what the office sees on screen)."""
    for r0, c0, r1, c1 in merged:
        if r1 <= r0 or r0 >= len(rows):
            continue
        top = rows[r0]
        for column in range(c0, c1 + 1):
            value = top[column] if column < len(top) else None
            if value is None:
                continue
            for index in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                row = rows[index]
                if column < len(row) and row[column] is not None:
                    continue
                padded = list(row) + [None] * (column + 1 - len(row))
                padded[column] = value
                rows[index] = tuple(padded)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, then GB18030 (which covers GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("Errors", "The CSV file is neither UTF-8 nor GBK text ({error})."),
            error=str(error),
        ) from error


def read_csv_rows(data: bytes) -> list[tuple[Any, ...]]:
    text = decode(data).replace("\x00", "")
    sample = text[:4096]
    delimiter = max((",", "\t", ";"), key=sample.count) if sample else ","
    rows: list[tuple[Any, ...]] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        cells = [cell if cell.strip() else None for cell in row]
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(tuple(cells))
        if len(rows) > MAX_ROWS:
            break
    while rows and not rows[-1]:
        rows.pop()
    return rows
