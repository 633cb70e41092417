"""The names offices give their columns, and finding the header row under merged titles.

A field is one thing gridboard knows how to import (a building, a resident's name, a member's
branch...). Each has Chinese and English synonyms; a header cell is matched after folding full-width
forms, spaces, punctuation and notes in brackets ("联系电话（手机）" → "联系电话"). Columns gridboard
knows but does not keep (民族, 政治面貌, 入党时间…) are recognised too: they tell what kind of sheet it is.
A yes/no column for one priority group (是否独居老人) is the field `tag:CODE`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gridboard.exchange.parsers import tag_code
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
    Field(
        "grid",
        QT_TRANSLATE_NOOP("Exchange", "Grid"),
        ("网格", "所属网格", "网格名称", "网格号", "网格编号", "所在网格", "grid"),
    ),
    Field(
        "estate",
        QT_TRANSLATE_NOOP("Exchange", "Estate (小区)"),
        ("小区", "小区名称", "所属小区", "所在小区", "小区院落", "院落", "院落名称", "小区名", "estate"),
    ),
    Field(
        "address",
        QT_TRANSLATE_NOOP("Exchange", "Address (building-unit-room)"),
        (
            "住址",
            "地址",
            "家庭住址",
            "现住址",
            "居住地址",
            "现居住地址",
            "现居住地",
            "门牌",
            "详细地址",
            "楼栋单元门牌",
            "楼栋单元门牌号",
            "房屋地址",
            "户籍地址现住址",
            "联系户地址",
            "联系户门牌",
            "结对户地址",
            "address",
        ),
    ),
    Field(
        "building",
        QT_TRANSLATE_NOOP("Exchange", "Building"),
        ("楼号", "楼栋", "楼栋号", "幢", "幢号", "栋", "栋号", "楼", "楼院", "所在楼栋", "楼宇", "building"),
    ),
    Field("unit", QT_TRANSLATE_NOOP("Exchange", "Unit"), ("单元", "单元号", "门洞", "所在单元", "unit")),
    Field("floor", QT_TRANSLATE_NOOP("Exchange", "Floor"), ("楼层", "层", "层数", "所在楼层", "floor")),
    Field(
        "room",
        QT_TRANSLATE_NOOP("Exchange", "Room"),
        ("门牌号", "房号", "室", "房间号", "门牌号码", "房屋号", "室号", "房屋编号", "room"),
    ),
    Field(
        "register_no",
        QT_TRANSLATE_NOOP("Exchange", "Household number (户号)"),
        ("户号", "户编号", "家庭编号", "户序号", "户代码", "household number"),
    ),
    Field(
        "head_name",
        QT_TRANSLATE_NOOP("Exchange", "Head of household"),
        (
            "户主姓名",
            "户主",
            "户主名",
            "联系户户主",
            "联系户姓名",
            "结对户",
            "结对户户主",
            "结对家庭",
            "head",
            "head of household",
        ),
    ),
    Field(
        "name",
        QT_TRANSLATE_NOOP("Exchange", "Name"),
        ("姓名", "居民姓名", "人员姓名", "成员姓名", "家庭成员", "家庭成员姓名", "name"),
    ),
    Field(
        "relation",
        QT_TRANSLATE_NOOP("Exchange", "Relation to head"),
        ("与户主关系", "关系", "家庭关系", "与户主的关系", "relation"),
    ),
    Field("gender", QT_TRANSLATE_NOOP("Exchange", "Gender"), ("性别", "gender", "sex")),
    Field(
        "birth",
        QT_TRANSLATE_NOOP("Exchange", "Date of birth"),
        ("出生年月", "出生日期", "出生年月日", "出生年份", "生日", "birth", "date of birth", "born"),
    ),
    Field(
        "phone",
        QT_TRANSLATE_NOOP("Exchange", "Phone"),
        (
            "联系电话",
            "手机号",
            "电话",
            "手机",
            "手机号码",
            "联系方式",
            "电话号码",
            "本人电话",
            "党员电话",
            "phone",
            "mobile",
        ),
    ),
    Field(
        "household_phone",
        QT_TRANSLATE_NOOP("Exchange", "Household phone"),
        ("户联系电话", "户主电话", "户主联系电话", "家庭电话", "联系户电话", "household phone"),
    ),
    Field(
        "id_number",
        QT_TRANSLATE_NOOP("Exchange", "ID number"),
        ("身份证号", "证件号码", "身份证号码", "公民身份号码", "身份证", "证件号", "id number"),
    ),
    Field(
        "tags",
        QT_TRANSLATE_NOOP("Exchange", "Tags (priority groups)"),
        (
            "人员类别",
            "重点人群",
            "标签",
            "人群类别",
            "特殊人群",
            "人员类型",
            "类别",
            "重点人员",
            "重点人群类别",
            "特殊群体",
            "重点对象",
            "人群分类",
            "困难类型",
            "tags",
        ),
    ),
    Field(
        "disability",
        QT_TRANSLATE_NOOP("Exchange", "Disability (category and grade)"),
        (
            "残疾类别",
            "残疾等级",
            "残疾类别等级",
            "残疾类别及等级",
            "残疾情况",
            "残疾类型",
            "残疾证类别",
            "残疾人类别",
            "disability",
        ),
    ),
    Field(
        "people",
        QT_TRANSLATE_NOOP("Exchange", "Number of people"),
        ("人口数", "家庭人口", "人数", "户人口数", "家庭人口数", "people"),
    ),
    Field(
        "occupancy",
        QT_TRANSLATE_NOOP("Exchange", "Occupancy"),
        ("居住状态", "居住情况", "房屋状态", "居住类型", "房屋用途", "人户状态", "occupancy"),
    ),
    Field("notes", QT_TRANSLATE_NOOP("Exchange", "Notes"), ("备注", "说明", "情况说明", "notes", "remarks")),
    Field(
        "member_name",
        QT_TRANSLATE_NOOP("Exchange", "Party member's name"),
        (
            "党员姓名",
            "联系党员",
            "结对党员",
            "党员",
            "包联党员",
            "联户党员",
            "帮扶党员",
            "责任党员",
            "member",
            "party member",
        ),
    ),
    Field(
        "member_kind",
        QT_TRANSLATE_NOOP("Exchange", "Kind of member"),
        ("党员类别", "党员类型", "人员身份", "身份", "党员身份", "职务", "担任职务", "member kind"),
    ),
    Field(
        "branch",
        QT_TRANSLATE_NOOP("Exchange", "Party branch"),
        ("所在支部", "支部", "所属支部", "党支部", "所在党支部", "所在党组织", "branch"),
    ),
    Field(
        "work_unit",
        QT_TRANSLATE_NOOP("Exchange", "Work unit"),
        ("工作单位", "单位", "工作单位及职务", "所在单位", "work unit", "employer"),
    ),
    Field(
        "contact_households",
        QT_TRANSLATE_NOOP("Exchange", "Paired households (list)"),
        ("联系户", "联系户名单", "结对户名单", "联系户情况", "paired households"),
    ),
    Field(
        "mode",
        QT_TRANSLATE_NOOP("Exchange", "Pairing mode"),
        ("结对方式", "结对模式", "联系方式类型", "结对类型", "包联方式", "mode"),
    ),
    Field(
        "started_on",
        QT_TRANSLATE_NOOP("Exchange", "Paired since"),
        ("结对日期", "结对时间", "开始日期", "联系时间", "paired since"),
    ),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}

# Columns offices keep that gridboard does not import; each says something about what the sheet is.
RESIDENT_EVIDENCE = (
    "民族",
    "文化程度",
    "学历",
    "婚姻状况",
    "职业",
    "户籍地",
    "户籍地址",
    "户籍所在地",
    "籍贯",
    "宗教信仰",
    "健康状况",
    "人户状态",
    "是否人户一致",
    "兵役状况",
    "血型",
)
MEMBER_EVIDENCE = ("入党时间", "入党日期", "党龄", "转正时间", "报到时间", "报到日期", "认领岗位", "党内职务")
NEUTRAL = ("序号", "编号", "政治面貌", "年龄", "填表人", "签字", "签名")

# Sheet kinds: what one row of the sheet is.
SHEET_KINDS = ("ledger", "members", "pairings")
KIND_LABELS = {
    "ledger": QT_TRANSLATE_NOOP("Exchange", "Households and residents"),
    "members": QT_TRANSLATE_NOOP("Exchange", "Party members"),
    "pairings": QT_TRANSLATE_NOOP("Exchange", "Pairings"),
    "skip": QT_TRANSLATE_NOOP("Exchange", "Do not import"),
}
ADDRESS_FIELDS = frozenset({"address", "building", "unit", "room", "floor", "estate"})
RESIDENT_FIELDS = frozenset(
    {"relation", "gender", "birth", "id_number", "tags", "disability", "register_no", "people", "occupancy"}
)
MEMBER_FIELDS = frozenset({"member_kind", "branch", "work_unit", "contact_households"})
PAIRING_FIELDS = frozenset({"mode", "started_on"})


def fold(text: Any) -> str:
    """A header cell reduced to what matters for matching."""
    folded = unicodedata.normalize("NFKC", str(text or "")).lower()
    folded = re.sub(r"[(\[（【].*?[)\]）】]", "", folded)
    return re.sub(r"[\s:：*＊·_\-/、.。\n]+", "", folded)


_SYNONYMS: dict[str, str] = {}
for _field in FIELDS:
    for _word in _field.synonyms:
        _SYNONYMS.setdefault(fold(_word), _field.key)
_EVIDENCE = {
    **{fold(w): "evidence:resident" for w in RESIDENT_EVIDENCE},
    **{fold(w): "evidence:member" for w in MEMBER_EVIDENCE},
    **{fold(w): "evidence:neutral" for w in NEUTRAL},
}


def _yes_no_tag(header: str) -> str | None:
    """是否独居老人 / 独居老人（是/否） / 是否低保户 → "tag:CODE"."""
    text = unicodedata.normalize("NFKC", header)
    yes_no = bool(re.search(r"[(（]\s*(是|否|有|无|√|×)", text)) or fold(text).startswith("是否")
    if not yes_no:
        return None
    word = fold(text).removeprefix("是否").removeprefix("为")
    code = tag_code(word)
    return f"tag:{code}" if code else None


@lru_cache(maxsize=4096)
def field_for(header: Any) -> str | None:
    """The field a header names, "tag:CODE" for a yes/no group column, "evidence:…" for known extras."""
    text = str(header or "")
    tag = _yes_no_tag(text)
    if tag:
        return tag
    key = fold(text)
    if not key or len(key) > 24:
        return None
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    if key in _EVIDENCE:
        return _EVIDENCE[key]
    # "户主姓名联系人", "联系电话手机": the longest synonym the header starts with, if little follows.
    best = None
    for word, found in _SYNONYMS.items():
        if (
            len(word) >= 2
            and key.startswith(word)
            and len(key) - len(word) <= 4
            and (best is None or len(word) > len(best[0]))
        ):
            best = (word, found)
    return best[1] if best else None


def is_importable(key: str | None) -> bool:
    return bool(key) and (key in FIELDS_BY_KEY or key.startswith("tag:"))  # type: ignore[union-attr]


def header_score(row: Sequence[Any]) -> int:
    return len({field_for(cell) for cell in row if cell not in (None, "")} - {None})


def combined_header(upper: Sequence[Any], lower: Sequence[Any]) -> list[Any]:
    """Two header rows read as one: the lower row's cell, or the upper's where the lower is blank."""
    width = max(len(upper), len(lower))
    cells = []
    for index in range(width):
        low = lower[index] if index < len(lower) else None
        up = upper[index] if index < len(upper) else None
        cells.append(low if low not in (None, "") else up)
    return cells


def find_header(rows: Sequence[Sequence[Any]], look: int = 15) -> tuple[int, int]:
    """(first, last) index of the header rows: the top row naming the most known columns, or two rows
    read together (家庭住址 over 楼栋 | 单元 | 门牌号). Merged title rows above it name no column."""
    best, best_score, depth = 0, 0, 1
    for index, row in enumerate(rows[:look]):
        score = header_score(row)
        if score > best_score:
            best, best_score, depth = index, score, 1
        if index + 1 < len(rows):
            both = header_score(combined_header(row, rows[index + 1]))
            if both > max(best_score, score, header_score(rows[index + 1])):
                best, best_score, depth = index, both, 2
    return best, best + depth - 1


def layout_key(headers: Sequence[Any]) -> str:
    """The setting key remembering a mapping for sheets whose header row reads the same."""
    names = "\t".join(fold(h) for h in headers)
    return "import_mapping:" + hashlib.sha1(names.encode("utf-8")).hexdigest()[:16]
