"""Workbooks for those who come to serve: the quarter's service cards per work unit, and the street
office's list of escalated requests (.xlsx, written under a temporary name and checked)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from gridboard.models import escalation as esc
from gridboard.models import outputs, service
from gridboard.models.masking import mask_text
from gridboard.models.store import Store
from gridboard.models.vocab import REQUEST_CATEGORIES

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_TOTAL_FONT = Font(bold=True)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START = ("=", "+", "-", "@")
LEVEL_ZH = {"community": "社区吹哨", "street": "街道", "district": "区级部门"}
STATE_ZH = {
    "waiting": "待报到",
    "answered": "已报到办理中",
    "answer_overdue": "报到超时",
    "resolve_overdue": "办结超时",
    "resolved": "已办结",
    "risen": "已升级",
    "withdrawn": "已撤回",
}


def _text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # a cell starting with = is text, not a formula
    return value


def _sheet(book: Workbook, title: str, columns: Sequence[tuple[str, float]], used: set[str]) -> Any:
    name = _BAD_SHEET_CHARS.sub("", title)[:28] or "Sheet"
    base, n = name, 2
    while name in used:
        name, n = f"{base[:26]}{n}", n + 1
    used.add(name)
    ws = book.create_sheet(name)
    for index, (header, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
        cell = ws.cell(row=1, column=index, value=header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    return ws


def _append(ws: Any, values: Iterable[Any], *, bold: bool = False) -> None:
    ws.append([_text(v) for v in values])
    if bold:
        for cell in ws[ws.max_row]:
            cell.font = _TOTAL_FONT


def _save(book: Workbook, path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    with outputs.replacing(target, "xlsx") as partial:
        book.save(partial)
    return target


def export_service_cards(store: Store, quarter: str, path: str | os.PathLike[str]) -> int:
    """The quarter's feedback: a summary of every unit, one sheet per unit (its members' reporting,
    posts, services, hours, points) and every service line. Returns the number of service lines."""
    sheets = service.quarter_sheets(store, quarter)
    start, end = service.quarter_range(quarter)
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    summary = _sheet(
        book,
        "汇总",
        [
            ("单位", 28),
            ("结对社区", 16),
            ("党员人数", 10),
            ("已报到", 10),
            ("服务次数", 10),
            ("服务时长(小时)", 14),
            ("积分", 10),
        ],
        used,
    )
    for s in sheets:
        _append(
            summary,
            [s.unit_name, s.community_name, len(s.members), s.reported, s.services, s.hours, s.points],
        )
    _append(
        summary,
        [
            "合计",
            "",
            sum(len(s.members) for s in sheets),
            sum(s.reported for s in sheets),
            sum(s.services for s in sheets),
            round(sum(s.hours for s in sheets), 2),
            round(sum(s.points for s in sheets), 2),
        ],
        bold=True,
    )
    kinds = list(service.SERVICE_KINDS)
    for s in sheets:
        ws = _sheet(
            book,
            s.unit_name,
            [
                ("序号", 6),
                ("姓名", 12),
                ("报到日期", 12),
                ("报到社区", 14),
                ("认领岗位", 30),
                *[(service.SERVICE_KINDS[k], 10) for k in kinds],
                ("服务次数", 10),
                ("服务时长(小时)", 14),
                ("积分", 10),
            ],
            used,
        )
        for i, m in enumerate(s.members, 1):
            _append(
                ws,
                [
                    i,
                    m.name,
                    m.reported_on or "未报到",
                    m.community_name,
                    m.posts,
                    *[m.by_kind.get(k, 0) for k in kinds],
                    m.services,
                    m.hours,
                    m.points,
                ],
            )
        _append(
            ws,
            [
                "",
                "合计",
                "",
                "",
                "",
                *[sum(m.by_kind.get(k, 0) for m in s.members) for k in kinds],
                s.services,
                s.hours,
                s.points,
            ],
            bold=True,
        )
        ws.oddHeader.center.text = f"{s.unit_name} {s.quarter} 在职党员服务情况反馈表"
    lines = service.services(store, start=start, end=end, limit=None)
    detail = _sheet(
        book,
        "服务明细",
        [
            ("单位", 24),
            ("姓名", 12),
            ("日期", 12),
            ("类别", 12),
            ("内容", 28),
            ("网格", 12),
            ("时长(小时)", 10),
            ("积分", 8),
            ("备注", 30),
        ],
        used,
    )
    for line in sorted(lines, key=lambda x: (x.unit_name, x.member_name, x.served_on, x.id)):
        _append(
            detail,
            [
                line.unit_name,
                line.member_name,
                line.served_on,
                service.SERVICE_KINDS[line.kind],
                line.what,
                line.grid_name,
                line.hours,
                line.points,
                mask_text(line.note),
            ],
        )
    _save(book, path)
    return len(lines)


def export_escalations(
    store: Store, path: str | os.PathLike[str], *, overdue_only: bool = False, now: str | None = None
) -> int:
    """The street office's list of escalated requests (the current level of each)."""
    rows = esc.escalations(store, overdue_only=overdue_only, now=now, limit=1_000_000)
    book = Workbook()
    book.remove(book.active)
    ws = _sheet(
        book,
        "吹哨报到",
        [
            ("诉求编号", 10),
            ("社区", 14),
            ("网格", 12),
            ("地址", 18),
            ("类别", 10),
            ("诉求内容", 34),
            ("层级", 10),
            ("承办单位/部门", 22),
            ("吹哨时间", 18),
            ("报到时限", 18),
            ("办结时限", 18),
            ("报到时间", 18),
            ("报到情况", 24),
            ("状态", 12),
        ],
        set(),
    )
    for e in rows:
        _append(
            ws,
            [
                e.request_id,
                e.community_name,
                e.grid_name,
                e.address,
                REQUEST_CATEGORIES.get(e.category, e.category),
                mask_text(e.text),
                LEVEL_ZH[e.level],
                e.target,
                e.escalated_at,
                e.answer_due_at,
                e.resolve_due_at,
                e.answered_at or "",
                mask_text(e.answer),
                STATE_ZH[e.state],
            ],
        )
    _save(book, path)
    return len(rows)
