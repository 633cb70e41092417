"""Excel reports: the household and resident ledger, visits for a period, requests with their steps, coverage.

Chinese headers (the street office reads them), widths that fit, a frozen header row and real dates.
Any text starting with =, +, - or @ is written as text with Excel's quote prefix, so a resident's note
can never run as a formula. Phone and ID numbers are masked unless the operator asks for them (PIPL).
Control characters (a NUL or a form feed pasted from elsewhere) are left out of every cell: XML cannot
hold them. A path ending in .csv gets real CSV (UTF-8 with a BOM, which Excel and WPS read), one file
per sheet. Every file is written under a temporary name, checked, then renamed (`outputs`).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from gridboard.models import outputs, rules
from gridboard.models.errors import QT_TRANSLATE_NOOP, DiskFull, KnownError, storage_error
from gridboard.models.masking import mask_id, mask_phone, mask_text
from gridboard.models.store import Store
from gridboard.models.vocab import (
    GENDERS,
    MEMBER_KINDS,
    OCCUPANCY,
    RATINGS,
    REQUEST_CATEGORIES,
    REQUEST_SOURCES,
    REQUEST_STATUSES,
    REQUEST_URGENCIES,
    VISIT_METHODS,
    VISIT_OUTCOMES,
    VISIT_SOURCES,
    coverage_band,
)

Progress = Callable[..., None]
EXPORT_KINDS = ("ledger", "visits", "requests", "coverage")
_FORMULA_START = ("=", "+", "-", "@")
# What XML 1.0 (so xlsx) cannot hold, and what breaks a CSV reader: C0 controls but tab, newline and
# carriage return; DEL; the two non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_BAND_ZH = {"complete": "已完成", "nearly": "接近完成", "behind": "落后", "not_started": "未开始"}


class ExportFailed(KnownError):
    """The workbook could not be written (disk full, file open in Excel...)."""


class _Sheet:
    """One worksheet written row by row (openpyxl write-only: fast, little memory)."""

    def __init__(self, book: Workbook, title: str, columns: Sequence[tuple[str, float]]) -> None:
        self.ws = book.create_sheet(title)
        for index, (_header, width) in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.ws.freeze_panes = "A2"
        # Printed from Excel or WPS: landscape, all columns on one page width, the header on every page.
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = "9"  # A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.print_title_rows = "1:1"
        header = []
        for text, _width in columns:
            cell = WriteOnlyCell(self.ws, value=text)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            header.append(cell)
        self.ws.append(header)
        self.rows = 0

    def append(self, values: Iterable[Any]) -> None:
        self.ws.append([self.cell(v) for v in values])
        self.rows += 1

    def cell(self, value: Any) -> Any:
        if isinstance(value, str):
            value = clean_text(value)
            if value.startswith(_FORMULA_START):
                cell = WriteOnlyCell(self.ws, value=value)
                cell.data_type = "s"  # openpyxl took "=..." for a formula; it is text
                cell.quotePrefix = True
                return cell
            return value
        if isinstance(value, datetime):
            cell = WriteOnlyCell(self.ws, value=value)
            cell.number_format = "yyyy-mm-dd hh:mm"
            return cell
        if isinstance(value, date):
            cell = WriteOnlyCell(self.ws, value=value)
            cell.number_format = "yyyy-mm-dd"
            return cell
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "%":
            cell = WriteOnlyCell(self.ws, value=value[1])
            cell.number_format = "0.0%"
            return cell
        return value


def clean_text(value: str) -> str:
    """`value` without the control characters no cell can hold."""
    return _CONTROL.sub("", value) if _CONTROL.search(value) else value


class _CsvSheet:
    """One sheet as a CSV file, written row by row under a temporary name."""

    def __init__(self, final: Path, columns: Sequence[tuple[str, float]]) -> None:
        self.final = final
        self.partial = outputs.begin(final)
        # utf-8-sig: Excel and WPS on a Chinese Windows take a BOM-less file for GBK.
        self.handle = self.partial.open("w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.handle)
        self.writer.writerow([text for text, _width in columns])
        self.rows = 0

    def append(self, values: Iterable[Any]) -> None:
        self.writer.writerow([self.cell(v) for v in values])
        self.rows += 1

    @staticmethod
    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            value = clean_text(value)
            # A spreadsheet opening the CSV would run "=..." as a formula: the apostrophe keeps it text.
            return "'" + value if value.startswith(_FORMULA_START) else value
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "%":
            return f"{value[1]:.1%}"
        return str(value)


class _Book:
    """The sheets of one export: an .xlsx workbook, or (for a path ending in .csv) a CSV file per sheet.

    `with _Book(path) as book:` ... `book.sheet(title, columns)`; the files are put in place when the
    block ends, and nothing is left behind when it fails.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.target = Path(path)
        self.csv = self.target.suffix.lower() == ".csv"
        self.workbook = None if self.csv else Workbook(write_only=True)
        self.csv_sheets: list[_CsvSheet] = []

    def sheet(self, title: str, columns: Sequence[tuple[str, float]]) -> Any:
        if self.workbook is not None:
            return _Sheet(self.workbook, title, columns)
        final = csv_path(self.target, title, first=not self.csv_sheets)
        try:
            sheet = _CsvSheet(final, columns)
        except OSError as error:
            raise _failed(error, final) from error
        self.csv_sheets.append(sheet)
        return sheet

    def __enter__(self) -> _Book:
        return self

    def __exit__(self, kind: Any, error: Any, traceback: Any) -> None:
        if self.workbook is not None:
            if error is None:
                _save(self.workbook, self.target)
            return
        close_error: OSError | None = None
        for sheet in self.csv_sheets:
            try:
                sheet.handle.close()
            except OSError as failed:  # the last buffered rows did not fit on the disk
                close_error = close_error or failed
        if error is not None or close_error is not None:
            self._discard()
            if error is None and close_error is not None:
                raise _failed(close_error, self.target) from close_error
            return
        try:
            for sheet in self.csv_sheets:
                outputs.finish(sheet.partial, sheet.final, "csv")
        except KnownError:
            self._discard()
            raise

    def _discard(self) -> None:
        for sheet in self.csv_sheets:
            outputs.discard(sheet.partial)


def csv_path(target: Path, title: str, *, first: bool) -> Path:
    """The first sheet goes to `target`; each further one beside it, named by its sheet."""
    return target if first else target.with_name(f"{target.stem}-{title}{target.suffix}")


def output_files(kind: str, path: str | os.PathLike[str]) -> list[Path]:
    """The files `export(store, kind, path)` writes."""
    target = Path(path)
    if target.suffix.lower() != ".csv":
        return [target]
    titles = {
        "ledger": ["居民台账"],
        "visits": ["走访记录"],
        "requests": ["诉求", "办理过程"],
        "coverage": ["网格覆盖", "党员覆盖"],
    }[kind]
    return [csv_path(target, title, first=i == 0) for i, title in enumerate(titles)]


def _when(text: str | None) -> datetime | date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        return None


def _save(book: Workbook, path: str | os.PathLike[str]) -> Path:
    """Save under a temporary name, check the zip directory, then rename (never a half workbook)."""
    target = Path(path)
    with outputs.replacing(target, "xlsx") as partial:
        handle = outputs.GuardedFile(partial)
        try:
            book.save(handle)
            handle.check()
        except OSError as error:
            raise _failed(error, target) from error
        finally:
            handle.close()
    return target


def _failed(error: OSError, target: Path) -> KnownError:
    """A write that failed, in plain words (a full disk, a read-only folder, a file open in Excel)."""
    known = storage_error(error, target)
    if isinstance(known, DiskFull):
        return known
    return ExportFailed(
        QT_TRANSLATE_NOOP("Errors", "{path} could not be written ({error}). Is it open in Excel or WPS?"),
        path=str(target),
        error=error.strerror or str(error),
    )


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and done % 1000 == 0:
        progress(done, total)


def _phone(value: str, reveal: bool) -> str:
    return value if reveal or not value else mask_phone(value)


def _id(value: str, reveal: bool) -> str:
    return value if reveal or not value else mask_id(value)


def _text(value: str | None, reveal: bool) -> str:
    """Notes and request texts: numbers written inside them are masked like the phone columns."""
    return (value or "") if reveal else mask_text(value or "")


LEDGER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("社区", 14),
    ("网格", 12),
    ("楼栋", 10),
    ("单元", 6),
    ("楼层", 6),
    ("门牌号", 8),
    ("户主姓名", 10),
    ("户联系电话", 15),
    ("人口数", 7),
    ("居住状态", 9),
    ("备注", 24),
    ("姓名", 10),
    ("性别", 6),
    ("出生年份", 9),
    ("联系电话", 15),
    ("身份证号", 21),
    ("人员类别", 22),
)


def export_ledger(
    store: Store, path: str | os.PathLike[str], *, reveal: bool = False, progress: Progress | None = None
) -> int:
    """Households and their current residents, one row per resident (an empty household gets one row)."""
    with _Book(path) as book:
        sheet = book.sheet("居民台账", LEDGER_COLUMNS)
        return _ledger_rows(store, sheet, reveal=reveal, progress=progress)


def _ledger_rows(store: Store, sheet: Any, *, reveal: bool, progress: Progress | None) -> int:
    total = int(store.scalar("SELECT count(*) FROM household WHERE archived_at IS NULL"))
    tag_names = {
        r["resident_id"]: r["names"]
        for r in store.query(
            "SELECT rt.resident_id, group_concat(t.name, '、') AS names FROM resident_tag rt"
            " JOIN tag t ON t.id = rt.tag_id WHERE t.archived_at IS NULL GROUP BY rt.resident_id"
        )
    }
    cursor = store.conn.execute(
        """
        SELECT c.name, g.name, b.name, h.unit, h.floor, h.room, h.head_name, h.phone, h.people, h.occupancy,
               h.notes, r.id, r.name, r.gender, r.birth_year, r.phone, r.id_number, h.id
        FROM household h
        JOIN building b ON b.id = h.building_id
        JOIN grid g ON g.id = b.grid_id
        JOIN community c ON c.id = g.community_id
        LEFT JOIN resident r ON r.household_id = h.id AND r.moved_out_at IS NULL AND r.archived_at IS NULL
        WHERE h.archived_at IS NULL AND b.archived_at IS NULL
        ORDER BY c.id, g.sort_order, g.id, b.number, b.id, h.unit, h.floor, length(h.room), h.room, r.id
        """
    )
    households = 0
    last = None
    for row in cursor:
        if row[17] != last:
            last = row[17]
            households += 1
            _tick(progress, households, total)
        rid = row[11]
        sheet.append(
            [
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                _phone(row[7], reveal),
                row[8],
                OCCUPANCY.get(row[9], row[9]),
                _text(row[10], reveal),
                row[12] or "",
                GENDERS.get(row[13] or "", ""),
                row[14],
                _phone(row[15] or "", reveal),
                _id(row[16] or "", reveal),
                tag_names.get(rid, "") if rid else "",
            ]
        )
    return sheet.rows


VISIT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("走访时间", 17),
    ("社区", 14),
    ("网格", 12),
    ("楼栋", 10),
    ("单元", 6),
    ("门牌号", 8),
    ("户主姓名", 10),
    ("走访方式", 9),
    ("走访结果", 10),
    ("走访人", 18),
    ("记录", 36),
    ("来源", 10),
)


def _period(start: date | None, end: date | None) -> dict[str, str]:
    """Bounds for `BETWEEN :start AND :end` over timestamps; an open end means no bound."""
    return {
        "start": (start or date(1900, 1, 1)).isoformat(),
        "end": (end or date(9999, 12, 31)).isoformat() + " 23:59:59",
    }


def export_visits(
    store: Store,
    path: str | os.PathLike[str],
    *,
    start: date | None = None,
    end: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Visits made from `start` to `end` (inclusive), withdrawn ones left out."""
    with _Book(path) as book:
        return _visit_rows(store, book.sheet("走访记录", VISIT_COLUMNS), start, end, progress)


def _visit_rows(
    store: Store, sheet: Any, start: date | None, end: date | None, progress: Progress | None
) -> int:
    params = _period(start, end)
    total = int(
        store.scalar(
            "SELECT count(*) FROM visit WHERE withdrawn_at IS NULL AND visited_at BETWEEN :start AND :end",
            params,
        )
    )
    cursor = store.conn.execute(
        """
        SELECT v.visited_at, c.name, g.name, b.name, h.unit, h.room, h.head_name, v.method, v.outcome,
               (SELECT group_concat(m.name, '、') FROM visit_member vm JOIN member m ON m.id = vm.member_id
                WHERE vm.visit_id = v.id), v.note, v.source
        FROM visit v
        JOIN household h ON h.id = v.household_id
        JOIN building b ON b.id = h.building_id
        JOIN grid g ON g.id = b.grid_id
        JOIN community c ON c.id = g.community_id
        WHERE v.withdrawn_at IS NULL AND v.visited_at BETWEEN :start AND :end
        ORDER BY v.visited_at, v.id
        """,
        params,
    )
    for index, row in enumerate(cursor, start=1):
        _tick(progress, index, total)
        sheet.append(
            [
                _when(row[0]),
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                VISIT_METHODS.get(row[7], row[7]),
                VISIT_OUTCOMES.get(row[8], row[8]),
                row[9] or "",
                mask_text(row[10] or ""),
                VISIT_SOURCES.get(row[11], row[11]),
            ]
        )
    return sheet.rows


REQUEST_COLUMNS: tuple[tuple[str, float], ...] = (
    ("编号", 7),
    ("登记时间", 17),
    ("社区", 14),
    ("网格", 12),
    ("地址", 16),
    ("户主姓名", 10),
    ("类别", 10),
    ("诉求内容", 36),
    ("紧急程度", 9),
    ("来源", 11),
    ("热线工单号", 14),
    ("状态", 9),
    ("承办人", 10),
    ("承办部门", 14),
    ("办理期限", 17),
    ("办结时间", 17),
    ("办理结果", 30),
    ("回访时间", 17),
    ("评价", 10),
)
STEP_COLUMNS: tuple[tuple[str, float], ...] = (
    ("诉求编号", 9),
    ("步骤", 10),
    ("时间", 17),
    ("经办人", 12),
    ("说明", 40),
)


def export_requests(
    store: Store,
    path: str | os.PathLike[str],
    *,
    start: date | None = None,
    end: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Requests collected in the period, and every step each went through (a second sheet)."""
    with _Book(path) as book:
        sheet = book.sheet("诉求", REQUEST_COLUMNS)
        steps = book.sheet("办理过程", STEP_COLUMNS)
        return _request_rows(store, sheet, steps, start, end, progress)


def _request_rows(
    store: Store, sheet: Any, steps: Any, start: date | None, end: date | None, progress: Progress | None
) -> int:
    params = _period(start, end)
    where = "r.archived_at IS NULL AND r.collected_at BETWEEN :start AND :end"
    total = int(store.scalar(f"SELECT count(*) FROM request r WHERE {where}", params))
    cursor = store.conn.execute(
        f"""
        SELECT r.id, r.collected_at, c.name, g.name, b.name || h.unit || '单元' || h.room, h.head_name,
               r.category, r.text, r.urgency, r.source, r.hotline_ticket, r.status, m.name,
               r.assignee_department, r.due_at, r.resolved_at, r.resolution, r.followed_up_at, r.rating
        FROM request r
        JOIN household h ON h.id = r.household_id
        JOIN building b ON b.id = h.building_id
        JOIN grid g ON g.id = b.grid_id
        JOIN community c ON c.id = g.community_id
        LEFT JOIN member m ON m.id = r.assignee_member_id
        WHERE {where}
        ORDER BY r.collected_at, r.id
        """,
        params,
    )
    for index, row in enumerate(cursor, start=1):
        _tick(progress, index, total)
        sheet.append(
            [
                row[0],
                _when(row[1]),
                row[2],
                row[3],
                row[4],
                row[5],
                REQUEST_CATEGORIES.get(row[6], row[6]),
                mask_text(row[7] or ""),
                REQUEST_URGENCIES.get(row[8], row[8]),
                REQUEST_SOURCES.get(row[9], row[9]),
                row[10],
                REQUEST_STATUSES.get(row[11], row[11]),
                row[12] or "",
                row[13],
                _when(row[14]),
                _when(row[15]),
                mask_text(row[16] or ""),
                _when(row[17]),
                RATINGS.get(row[18] or "", row[18] or ""),
            ]
        )
    for row in store.conn.execute(
        f"""
        SELECT s.request_id, s.step, s.at, s.operator, s.note FROM request_step s
        JOIN request r ON r.id = s.request_id WHERE {where} ORDER BY s.request_id, s.at, s.id
        """,
        params,
    ):
        steps.append(
            [row[0], REQUEST_STATUSES.get(row[1], row[1]), _when(row[2]), row[3], mask_text(row[4] or "")]
        )
    return sheet.rows


GRID_COLUMNS: tuple[tuple[str, float], ...] = (
    ("社区", 14),
    ("网格", 12),
    ("住户数", 8),
    ("已结对", 8),
    ("结对率", 8),
    ("周期内已走访", 12),
    ("走访率", 8),
    ("重点户", 8),
    ("重点户逾期", 10),
    ("逾期户", 8),
    ("进度", 10),
)
MEMBER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("社区", 14),
    ("党员姓名", 10),
    ("党员类别", 10),
    ("所在支部", 24),
    ("联系户数", 9),
    ("周期内已走访", 12),
    ("走访率", 8),
    ("重点户", 8),
    ("重点户逾期", 10),
    ("逾期户", 8),
)


def _share(part: int, whole: int) -> Any:
    return ("%", part / whole) if whole else None


def export_coverage(
    store: Store, path: str | os.PathLike[str], *, on: date | None = None, progress: Progress | None = None
) -> int:
    """Coverage by grid and by member, as the dashboard counts it (rules.coverage)."""
    with _Book(path) as book:
        grids = book.sheet("网格覆盖", GRID_COLUMNS)
        members = book.sheet("党员覆盖", MEMBER_COLUMNS)
        return _coverage_rows(store, grids, members, on, progress)


def _coverage_rows(store: Store, grids: Any, members: Any, on: date | None, progress: Progress | None) -> int:
    communities = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM community")}
    grid_community = {r["id"]: r["community_id"] for r in store.query("SELECT id, community_id FROM grid")}
    for row in rules.coverage(store, "grid", on=on):
        grids.append(
            [
                communities.get(grid_community.get(row.key)),
                row.name,
                row.households,
                row.paired,
                _share(row.paired, row.households),
                row.visited_in_cycle,
                _share(row.visited_in_cycle, row.households),
                row.priority,
                row.priority_overdue,
                row.overdue,
                _BAND_ZH[coverage_band(row.visited_share)],
            ]
        )
    params = rules.rule_params(rules.current_cycles(store), on)
    # A member covers households by pairing or by scope, as pairing.MEMBER_HOUSEHOLDS_SQL says.
    for index, member in enumerate(
        store.query(
            f"""
            WITH mh AS (
                SELECT p.member_id, p.household_id AS hid FROM pairing p WHERE p.ended_on IS NULL
                UNION
                SELECT s.member_id, h.id FROM scope s JOIN household h ON h.building_id = s.building_id
                    AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
                WHERE s.ended_on IS NULL AND h.archived_at IS NULL
            )
            SELECT m.community_id, m.name, m.kind, m.branch,
                coalesce(sum(h.occupancy != 'vacant'), 0) AS households,
                coalesce(sum({rules.in_cycle_sql()}), 0) AS visited,
                coalesce(sum(h.occupancy != 'vacant' AND h.priority_tier > 0), 0) AS priority,
                coalesce(sum(h.priority_tier > 0 AND {rules.overdue_sql()}), 0) AS priority_overdue,
                coalesce(sum({rules.overdue_sql()}), 0) AS overdue
            FROM member m
            LEFT JOIN mh ON mh.member_id = m.id
            LEFT JOIN household h ON h.id = mh.hid AND h.archived_at IS NULL
            WHERE m.archived_at IS NULL AND m.active = 1
            GROUP BY m.id ORDER BY m.community_id, m.kind, m.name
            """,
            params,
        ),
        start=1,
    ):
        _tick(progress, index, 0)
        members.append(
            [
                communities.get(member["community_id"]),
                member["name"],
                MEMBER_KINDS.get(member["kind"], member["kind"]),
                member["branch"],
                member["households"],
                member["visited"],
                _share(member["visited"], member["households"]),
                member["priority"],
                member["priority_overdue"],
                member["overdue"],
            ]
        )
    return grids.rows + members.rows


def export(store: Store, kind: str, path: str | os.PathLike[str], **options: Any) -> int:
    """Dispatch by kind ("ledger", "visits", "requests", "coverage"); returns the rows written."""
    if kind == "ledger":
        return export_ledger(
            store, path, reveal=options.get("reveal", False), progress=options.get("progress")
        )
    if kind == "visits":
        return export_visits(
            store, path, start=options.get("start"), end=options.get("end"), progress=options.get("progress")
        )
    if kind == "requests":
        return export_requests(
            store, path, start=options.get("start"), end=options.get("end"), progress=options.get("progress")
        )
    if kind == "coverage":
        return export_coverage(store, path, on=options.get("on"), progress=options.get("progress"))
    raise ValueError(f"unknown export kind {kind!r}")
