"""What each sheet is: its header rows, which column is which field, and what one row of it means.

A sheet is judged by its whole header and the content of its rows, never by one column: a roster of
residents with a 工作单位 or 政治面貌 column is still a roster of residents. Instructions (填表说明) and
summaries (汇总, 统计) are recognised and skipped, with the reason shown in the preview. The grid and the
community come from columns, or else from the sheet's name (一网格) and the title above the header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gridboard.exchange import parsers as p
from gridboard.exchange.headers import (
    ADDRESS_FIELDS,
    FIELDS_BY_KEY,
    MEMBER_FIELDS,
    PAIRING_FIELDS,
    RESIDENT_FIELDS,
    SHEET_KINDS,
    combined_header,
    field_for,
    find_header,
    is_importable,
    layout_key,
)
from gridboard.exchange.reader import Book, RawSheet
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.settings import get_setting, set_setting
from gridboard.models.store import Store

_INSTRUCTIONS = re.compile(r"说明|须知|指南|注意事项|填表|填报要求|示例|instruction|readme", re.IGNORECASE)
_SUMMARY = re.compile(r"汇总|统计|合计|总计|summary|total", re.IGNORECASE)
_MEMBER_TITLE = re.compile(r"党员(花名册|名册|信息|台账|名单|登记)|报到党员|在职党员")
_PAIRING_TITLE = re.compile(r"联系户|结对|包联|联户")


@dataclass
class SheetLayout:
    """How one sheet is read: what a row is (kind), where the header is, which column is which field."""

    name: str
    kind: str  # "ledger", "members", "pairings" or "skip"
    header_row: int  # 0-based index of the (last) header row within the sheet's rows
    headers: list[str]
    mapping: dict[int, str]  # column index → field key (FIELDS_BY_KEY or "tag:CODE")
    remembered: bool = False
    skip_reason: str = ""  # why a skipped sheet is skipped (English template, context "Exchange")
    title: str = ""  # the merged title above the header, if any
    community: str | None = None  # from the title, when no column gives it
    grid: str | None = None  # from the sheet's name or the title, when no column gives it
    header_first: int | None = None  # first header row when the header takes two rows

    @property
    def key(self) -> str:
        return layout_key(self.headers)

    @property
    def fields(self) -> set[str]:
        return set(self.mapping.values())


def detect_layouts(store: Store | None, book: Book) -> list[SheetLayout]:
    """Each sheet's layout, using a mapping remembered for the same header row."""
    layouts = [detect_layout(sheet) for sheet in book.sheets]
    if store is not None:
        for layout in layouts:
            saved = get_setting(store, layout.key)
            if isinstance(saved, dict) and saved.get("kind") in (*SHEET_KINDS, "skip") and layout.headers:
                layout.kind = saved["kind"]
                layout.mapping = {int(k): v for k, v in saved.get("columns", {}).items() if is_importable(v)}
                layout.remembered = True
                if layout.kind != "skip":
                    layout.skip_reason = ""
    return layouts


def detect_layout(sheet: RawSheet) -> SheetLayout:
    rows = sheet.rows
    if not any(rows):
        return SheetLayout(
            sheet.name, "skip", 0, [], {}, skip_reason=QT_TRANSLATE_NOOP("Exchange", "The sheet is empty.")
        )
    first, last = find_header(rows)
    headers = _header_cells(rows, first, last)
    title = _title(rows[:first])
    layout = SheetLayout(sheet.name, "skip", last, headers, {}, title=title)
    layout.header_first = first if last > first else None
    layout.community = p.community_name(title) if title else None
    layout.grid = p.grid_name(sheet.name) or (p.grid_name(title) if title else None)
    recognise_columns(layout, rows)
    return layout


def _header_cells(rows: Sequence[Sequence[Any]], first: int, last: int) -> list[str]:
    cells = rows[first] if first < len(rows) else ()
    if last > first:
        cells = combined_header(rows[first], rows[last])
    return [p.clean_text(c) for c in cells]


_FORM_LINE = re.compile(r"^(填报|填表|制表|统计|审核|日期|单位|负责人|联系人|联系电话)|[:：]")
_TITLE_WORD = re.compile(r"表|册|台账|名单|清单|统计")


def _title(rows: Sequence[Sequence[Any]]) -> str:
    """The title above the header (幸福社区第一网格居民花名册), not the form lines beside it
    (填报单位：中共幸福社区委员会, 填报日期：2024年3月)."""
    texts = [p.clean_text(c) for row in rows for c in row if isinstance(c, str) and c.strip()]
    titles = [t for t in texts if not _FORM_LINE.search(t)]
    return next((t for t in titles if _TITLE_WORD.search(t)), titles[0] if titles else "")


def set_header_row(book: Book, layout: SheetLayout, header_row: int) -> None:
    """Re-read headers and recognise columns after the user picks another header row."""
    rows = book.sheet(layout.name).rows
    layout.header_row = max(0, min(header_row, max(len(rows) - 1, 0)))
    layout.header_first = None
    layout.headers = _header_cells(rows, layout.header_row, layout.header_row)
    layout.remembered = False
    recognise_columns(layout, rows)


def recognise_columns(layout: SheetLayout, rows: Sequence[Sequence[Any]]) -> None:
    """Fields of each column, then the sheet's kind from all of them and the rows' content."""
    raw = {index: field_for(header) for index, header in enumerate(layout.headers) if header}
    sample = rows[layout.header_row + 1 : layout.header_row + 201]
    # A column titled with a priority group (低保户, 独居老人) whose cells say 是/否/√ is a yes/no column.
    for index, header in enumerate(layout.headers):
        if raw.get(index) in (None, "tags") and header:
            code = p.tag_code(header)
            if code and _mostly_yes_no(sample, index):
                raw[index] = f"tag:{code}"
    kind, reason = _kind(layout, raw, sample)
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for index, key in sorted(raw.items()):
        if not is_importable(key):
            continue
        key = _as_kind(kind, key, raw)  # type: ignore[arg-type]  # is_importable: not None
        if key in used and not key.startswith("tag:"):
            if key == "disability":  # 残疾类别 | 残疾等级: two columns read together
                mapping[index] = "disability_grade"
            continue
        mapping[index] = key
        used.add(key)
    # On a sheet of households only (no resident name), the one phone column is the household's.
    keys = set(mapping.values())
    if kind == "ledger" and "phone" in keys and not keys & {"name", "household_phone", "member_name"}:
        mapping = {i: "household_phone" if k == "phone" else k for i, k in mapping.items()}
    layout.mapping = mapping
    layout.kind = kind
    layout.skip_reason = reason


def _as_kind(kind: str, key: str, raw: dict[int, str | None]) -> str:
    """What a column means on this kind of sheet: 姓名 on a member roster is the member's name."""
    fields = set(raw.values())
    if kind in ("members", "pairings") and key == "name":
        return "member_name" if "member_name" not in fields else key
    if kind == "pairings" and key == "contact_households":
        return "head_name" if "head_name" not in fields else key
    return key


def _mostly_yes_no(rows: Sequence[Sequence[Any]], column: int) -> bool:
    values = [r[column] for r in rows if column < len(r) and r[column] not in (None, "")]
    if not values:
        return False
    answers = sum(1 for v in values if p.parse_yes_no(v)[1] is None)
    return answers * 10 >= len(values) * 8


def _column_values(rows: Sequence[Sequence[Any]], raw: dict[int, str | None], key: str) -> list[str]:
    columns = [i for i, k in raw.items() if k == key]
    return [p.clean_text(r[i]) for r in rows for i in columns if i < len(r) and r[i] not in (None, "")]


def _kind(
    layout: SheetLayout, raw: dict[int, str | None], sample: Sequence[Sequence[Any]]
) -> tuple[str, str]:
    fields = {k for k in raw.values() if k}
    name = layout.name
    if _INSTRUCTIONS.search(name) and not fields & ADDRESS_FIELDS:
        return "skip", QT_TRANSLATE_NOOP("Exchange", "Instructions for filling in the form (说明): not data.")
    if _SUMMARY.search(name) and not (fields & ADDRESS_FIELDS and "name" in fields):
        return "skip", QT_TRANSLATE_NOOP("Exchange", "A summary of totals (汇总): not one row per person.")
    importable = {k for k in fields if is_importable(k)}
    if len(importable) < 2:
        return "skip", QT_TRANSLATE_NOOP("Exchange", "No columns gridboard knows (姓名, 住址, 党员姓名…).")
    text = f"{layout.title} {name}"
    resident = len(fields & RESIDENT_FIELDS) + sum(1 for k in fields if k == "evidence:resident")
    resident += sum(1 for k in fields if k.startswith("tag:"))
    member = len(fields & MEMBER_FIELDS) + sum(1 for k in fields if k == "evidence:member")
    has_address = bool(fields & ADDRESS_FIELDS)
    has_household = has_address or "head_name" in fields or "register_no" in fields
    if "contact_households" in fields and fields & PAIRING_FIELDS:
        has_household = True  # 联系户 beside 结对方式: a pairing table naming households
    # Kinds of member written in a 身份 column, all 中共党员 in a 政治面貌 column: a member roster.
    kinds = _column_values(sample, raw, "member_kind")
    known_kinds = sum(1 for v in kinds if p.parse_member_kind(v)[1] is None)
    if "member_name" not in fields and "name" in fields and fields & PAIRING_FIELDS and has_household:
        if _PAIRING_TITLE.search(text):
            return "pairings", ""  # 党员联系户台账: 姓名 is the member's, 联系户 the household's
    if "member_name" in fields:
        if has_household and (fields & PAIRING_FIELDS or _PAIRING_TITLE.search(text) or "name" not in fields):
            return "pairings", ""
        if not has_address or member > resident:
            return "members", ""
        return "pairings", ""
    if "name" in fields or "head_name" in fields:
        member_title = bool(_MEMBER_TITLE.search(text))
        if has_address and (resident >= member or not member_title):
            # 工作单位 and 政治面貌 are what every 花名册 has; the address and the family make it residents'.
            return "ledger", ""
        if member_title or (member and not has_address) or (kinds and known_kinds * 2 > len(kinds)):
            return "members", ""
        if has_household:
            return "ledger", ""
    if has_address and (fields & {"room", "address"}):
        return "ledger", ""
    return "skip", QT_TRANSLATE_NOOP("Exchange", "No columns gridboard knows (姓名, 住址, 党员姓名…).")


def apply_mapping_file(layouts: list[SheetLayout], data: dict[str, Any]) -> None:
    """The command line's --mapping JSON: {"sheet or *": {"kind": "ledger", "columns": {"header": "field"}}}."""
    for layout in layouts:
        spec = data.get(layout.name) or data.get("*")
        if not spec:
            continue
        if spec.get("kind"):
            layout.kind = spec["kind"]
            layout.skip_reason = "" if layout.kind != "skip" else layout.skip_reason
        if "header_row" in spec:
            layout.header_row = int(spec["header_row"]) - 1
        for header, key in spec.get("columns", {}).items():
            for index, text in enumerate(layout.headers):
                if text == header:
                    layout.mapping = {i: f for i, f in layout.mapping.items() if f != key and i != index}
                    if is_importable(key):
                        layout.mapping[index] = key


def remember_layouts(store: Store, layouts: Iterable[SheetLayout]) -> None:
    for layout in layouts:
        if not layout.headers:
            continue
        value = {"kind": layout.kind, "columns": {str(k): v for k, v in sorted(layout.mapping.items())}}
        if get_setting(store, layout.key) != value:
            set_setting(store, layout.key, value)


def field_label_key(key: str) -> str:
    """The FIELDS key whose label names this mapping value (tag columns share the tags label)."""
    if key.startswith("tag:"):
        return "tags"
    if key == "disability_grade":
        return "disability"
    return key if key in FIELDS_BY_KEY else ""
