"""Finding the header row under merged titles, and recognising columns by the names offices use.

A field is one thing gridboard knows how to import (a building, a resident's name, a member's
branch...). Each has Chinese and English synonyms; a header cell is matched after folding full-width
forms, spaces, punctuation and notes in brackets ("联系电话（手机）" → "联系电话").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gridboard.models.errors import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # English label (lupdate context "Exchange"), shown in the mapping dialog
    synonyms: tuple[str, ...]


FIELDS: tuple[Field, ...] = (
    Field(
        "community", QT_TRANSLATE_NOOP("Exchange", "Community"), ("社区", "所属社区", "社区名称", "community")
    ),
    Field("grid", QT_TRANSLATE_NOOP("Exchange", "Grid"), ("网格", "所属网格", "网格名称", "网格号", "grid")),
    Field(
        "address",
        QT_TRANSLATE_NOOP("Exchange", "Address (building-unit-room)"),
        ("住址", "地址", "家庭住址", "现住址", "居住地址", "门牌", "详细地址", "楼栋单元门牌", "address"),
    ),
    Field(
        "building",
        QT_TRANSLATE_NOOP("Exchange", "Building"),
        ("楼号", "楼栋", "楼栋号", "幢", "幢号", "栋", "栋号", "楼", "楼院", "所在楼栋", "building"),
    ),
    Field("unit", QT_TRANSLATE_NOOP("Exchange", "Unit"), ("单元", "单元号", "门洞", "unit")),
    Field("floor", QT_TRANSLATE_NOOP("Exchange", "Floor"), ("楼层", "层", "层数", "所在楼层", "floor")),
    Field(
        "room",
        QT_TRANSLATE_NOOP("Exchange", "Room"),
        ("门牌号", "房号", "室", "房间号", "户号", "门牌号码", "房屋号", "室号", "room"),
    ),
    Field(
        "head_name",
        QT_TRANSLATE_NOOP("Exchange", "Head of household"),
        ("户主姓名", "户主", "户主名", "head", "head of household"),
    ),
    Field(
        "name",
        QT_TRANSLATE_NOOP("Exchange", "Resident's name"),
        ("姓名", "居民姓名", "人员姓名", "成员姓名", "家庭成员", "name"),
    ),
    Field("relation", QT_TRANSLATE_NOOP("Exchange", "Relation to head"), ("与户主关系", "关系", "relation")),
    Field("gender", QT_TRANSLATE_NOOP("Exchange", "Gender"), ("性别", "gender", "sex")),
    Field(
        "birth",
        QT_TRANSLATE_NOOP("Exchange", "Date of birth"),
        ("出生年月", "出生日期", "出生年月日", "出生年份", "生日", "birth", "date of birth", "born"),
    ),
    Field(
        "phone",
        QT_TRANSLATE_NOOP("Exchange", "Phone"),
        ("联系电话", "手机号", "电话", "手机", "手机号码", "联系方式", "电话号码", "phone", "mobile"),
    ),
    Field(
        "household_phone",
        QT_TRANSLATE_NOOP("Exchange", "Household phone"),
        ("户联系电话", "户主电话", "户主联系电话", "家庭电话", "household phone"),
    ),
    Field(
        "id_number",
        QT_TRANSLATE_NOOP("Exchange", "ID number"),
        ("身份证号", "证件号码", "身份证号码", "公民身份号码", "身份证", "证件号", "id number"),
    ),
    Field(
        "tags",
        QT_TRANSLATE_NOOP("Exchange", "Tags (priority groups)"),
        ("人员类别", "重点人群", "标签", "人群类别", "特殊人群", "人员类型", "类别", "重点人员", "tags"),
    ),
    Field(
        "people",
        QT_TRANSLATE_NOOP("Exchange", "Number of people"),
        ("人口数", "家庭人口", "人数", "户人口数", "people"),
    ),
    Field(
        "occupancy",
        QT_TRANSLATE_NOOP("Exchange", "Occupancy"),
        ("居住状态", "居住情况", "房屋状态", "居住类型", "房屋用途", "occupancy"),
    ),
    Field("notes", QT_TRANSLATE_NOOP("Exchange", "Notes"), ("备注", "说明", "情况说明", "notes", "remarks")),
    Field(
        "member_name",
        QT_TRANSLATE_NOOP("Exchange", "Party member's name"),
        ("党员姓名", "联系党员", "结对党员", "党员", "包联党员", "member", "party member"),
    ),
    Field(
        "member_kind",
        QT_TRANSLATE_NOOP("Exchange", "Kind of member"),
        ("党员类别", "党员类型", "人员身份", "身份", "member kind"),
    ),
    Field(
        "branch",
        QT_TRANSLATE_NOOP("Exchange", "Party branch"),
        ("所在支部", "支部", "所属支部", "党支部", "branch"),
    ),
    Field(
        "work_unit", QT_TRANSLATE_NOOP("Exchange", "Work unit"), ("工作单位", "单位", "work unit", "employer")
    ),
    Field(
        "contact_households",
        QT_TRANSLATE_NOOP("Exchange", "Paired households"),
        ("联系户", "结对户", "联系户地址", "结对家庭", "联系户门牌", "paired households"),
    ),
    Field("mode", QT_TRANSLATE_NOOP("Exchange", "Pairing mode"), ("结对方式", "结对模式", "mode")),
    Field(
        "started_on",
        QT_TRANSLATE_NOOP("Exchange", "Paired since"),
        ("结对日期", "结对时间", "开始日期", "paired since"),
    ),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}

# Sheet kinds: what one row of the sheet is.
SHEET_KINDS = ("ledger", "members", "pairings")
KIND_LABELS = {
    "ledger": QT_TRANSLATE_NOOP("Exchange", "Households and residents"),
    "members": QT_TRANSLATE_NOOP("Exchange", "Party members"),
    "pairings": QT_TRANSLATE_NOOP("Exchange", "Pairings"),
    "skip": QT_TRANSLATE_NOOP("Exchange", "Do not import"),
}
_ADDRESS_FIELDS = {"address", "building", "unit", "room"}
_MEMBER_FIELDS = {"member_kind", "branch", "work_unit", "contact_households"}


def fold(text: Any) -> str:
    """A header cell reduced to what matters for matching."""
    folded = unicodedata.normalize("NFKC", str(text or "")).lower()
    folded = re.sub(r"[(\[（【].*?[)\]）】]", "", folded)
    return re.sub(r"[\s:：*＊·_\-/、.。]+", "", folded)


_SYNONYMS: dict[str, str] = {}
for _field in FIELDS:
    for _word in _field.synonyms:
        _SYNONYMS.setdefault(fold(_word), _field.key)
# 姓名 alone on a member sheet is the member's name; handled in recognise().


def field_for(header: Any) -> str | None:
    key = fold(header)
    if not key or len(key) > 24:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    # "户主姓名联系人", "联系电话手机": the longest synonym the header starts with, if little follows.
    best = None
    for word, field in _SYNONYMS.items():
        if (
            len(word) >= 2
            and key.startswith(word)
            and len(key) - len(word) <= 4
            and (best is None or len(word) > len(best[0]))
        ):
            best = (word, field)
    return best[1] if best else None


def header_score(row: Sequence[Any]) -> int:
    return len({field_for(cell) for cell in row if cell not in (None, "")} - {None})


def find_header(rows: Sequence[Sequence[Any]], look: int = 15) -> int:
    """Index of the header row: the first of the top rows naming the most known columns.

    Merged title rows above it ("幸福社区第一网格居民台账") hold one cell and name no column.
    """
    best, best_score = 0, 0
    for index, row in enumerate(rows[:look]):
        score = header_score(row)
        if score > best_score:
            best, best_score = index, score
    return best


def recognise(headers: Sequence[Any]) -> dict[int, str]:
    """Column index → field key, each field used once (the first column naming it wins)."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    fields = [field_for(h) for h in headers]
    member_sheet = bool(set(fields) & _MEMBER_FIELDS) and "member_name" not in fields
    for index, field in enumerate(fields):
        if field == "name" and member_sheet:
            field = "member_name"
        if field and field not in used:
            mapping[index] = field
            used.add(field)
    # On a sheet of households only (no resident name), the one phone column is the household's.
    if "phone" in used and "name" not in used and "household_phone" not in used and "member_name" not in used:
        for index, field in mapping.items():
            if field == "phone":
                mapping[index] = "household_phone"
    return mapping


def guess_kind(fields: set[str]) -> str:
    if len(fields) < 2:
        return "skip"
    if "member_name" in fields and (fields & _MEMBER_FIELDS or not fields & _ADDRESS_FIELDS):
        return "members"
    if "member_name" in fields and fields & _ADDRESS_FIELDS:
        return "pairings"
    if fields & _ADDRESS_FIELDS and fields & {"name", "head_name", "room", "address"}:
        return "ledger"
    return "skip"


def layout_key(headers: Sequence[Any]) -> str:
    """The setting key remembering a mapping for sheets whose header row reads the same."""
    names = "\t".join(fold(h) for h in headers)
    return "import_mapping:" + hashlib.sha1(names.encode("utf-8")).hexdigest()[:16]
