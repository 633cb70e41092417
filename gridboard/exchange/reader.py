"""Reading .xlsx (openpyxl, read-only) and .csv (UTF-8, UTF-8 with BOM, GBK/GB18030) into rows of cells."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridboard.models.errors import QT_TRANSLATE_NOOP, KnownError

Progress = Callable[..., None]


class UnreadableFile(KnownError):
    """The file to import cannot be read as a workbook or CSV."""


@dataclass
class RawSheet:
    name: str
    rows: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass
class Book:
    path: Path
    sheets: list[RawSheet]

    def sheet(self, name: str) -> RawSheet:
        return next(s for s in self.sheets if s.name == name)


def read_book(path: str | Path, progress: Progress | None = None) -> Book:
    """Every sheet's cell values (rows trimmed of trailing empty cells, empty rows kept as ())."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(QT_TRANSLATE_NOOP("Errors", "There is no file at {path}."), path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return Book(path, [RawSheet(path.stem, read_csv_rows(path.read_bytes()))])
    if suffix == ".xls" or suffix == ".et":
        raise UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is an old Excel (.xls) or WPS file: save it as .xlsx and import that."
            ),
            path=path.name,
        )
    return Book(path, _read_xlsx(path, progress))


def _read_xlsx(path: Path, progress: Progress | None) -> list[RawSheet]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read as an Excel workbook ({error})."),
            path=path.name,
            error=str(error) or type(error).__name__,
        ) from error
    try:
        sheets = []
        total = sum(max(ws.max_row or 0, 0) for ws in workbook.worksheets) or 0
        done = 0
        for worksheet in workbook.worksheets:
            rows: list[tuple[Any, ...]] = []
            for row in worksheet.iter_rows(values_only=True):
                end = len(row)
                while end and (row[end - 1] is None or row[end - 1] == ""):
                    end -= 1
                rows.append(row[:end] if end != len(row) else row)
                done += 1
                if progress is not None and done % 2000 == 0:
                    progress(done, max(total, done))
            while rows and not rows[-1]:
                rows.pop()
            sheets.append(RawSheet(worksheet.title, rows))
        return sheets
    finally:
        workbook.close()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), then GB18030 (which covers GBK and GB2312), as Chinese Excel saves CSV."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
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
    text = decode(data)
    sample = text[:4096]
    delimiter = max((",", "\t", ";"), key=sample.count) if sample else ","
    rows = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        cells = [cell if cell.strip() else None for cell in row]
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(tuple(cells))
    while rows and not rows[-1]:
        rows.pop()
    return rows
