"""Blank workbooks in the layout the importer expects, each with one filled example row and a notes sheet."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook

from gridboard.exchange.export import _save, _Sheet
from gridboard.models.vocab import BUILTIN_TAGS, MEMBER_KINDS, OCCUPANCY

TEMPLATE_KINDS = ("ledger", "members", "pairings")

TEMPLATES: dict[str, tuple[str, tuple[tuple[str, float], ...], tuple[object, ...]]] = {
    "ledger": (
        "居民台账",
        (
            ("社区", 14),
            ("网格", 12),
            ("楼栋", 10),
            ("单元", 6),
            ("门牌号", 8),
            ("户主姓名", 10),
            ("人口数", 7),
            ("居住状态", 9),
            ("姓名", 10),
            ("与户主关系", 10),
            ("性别", 6),
            ("出生年月", 10),
            ("联系电话", 15),
            ("身份证号", 21),
            ("人员类别", 22),
            ("备注", 24),
        ),
        (
            "幸福社区",
            "第一网格",
            "3号楼",
            2,
            "502",
            "王建国",
            2,
            "自住",
            "王建国",
            "户主",
            "男",
            "1948-03",
            "13812345678",
            "",
            "独居老人、慢性病",
            "子女在外地",
        ),
    ),
    "members": (
        "党员名册",
        (
            ("社区", 14),
            ("网格", 12),
            ("党员姓名", 10),
            ("党员类别", 10),
            ("所在支部", 24),
            ("工作单位", 20),
            ("联系电话", 15),
            ("联系户", 30),
        ),
        (
            "幸福社区",
            "第一网格",
            "李明",
            "在职党员",
            "幸福社区第一网格党支部",
            "市税务局",
            "13912345678",
            "3-2-502、3-2-501",
        ),
    ),
    "pairings": (
        "结对表",
        (
            ("社区", 14),
            ("网格", 12),
            ("党员姓名", 10),
            ("楼栋", 10),
            ("单元", 6),
            ("门牌号", 8),
            ("结对方式", 9),
            ("结对日期", 11),
        ),
        ("幸福社区", "第一网格", "李明", "3号楼", 2, "502", "1+1", "2024-03-01"),
    ),
}

_NOTES = {
    "ledger": (
        "一行一位居民；同一户的家庭成员写在同一门牌号下（楼栋、单元可合并单元格）。",
        "地址也可写在一列“住址”中：3号楼2单元502、3-2-502、3栋2单元0502室均可。",
        "出生年月：1956-03、1956年3月、19560312 或日期格式均可。",
        "人员类别（多个用顿号分隔）：" + "、".join(t.name_zh for t in BUILTIN_TAGS) + "。",
        "居住状态：" + "、".join(OCCUPANCY.values()) + "。",
    ),
    "members": (
        "一行一名党员；联系户写门牌（3-2-502），多户用顿号分隔。",
        "党员类别：" + "、".join(MEMBER_KINDS.values()) + "。",
    ),
    "pairings": (
        "一行一对结对关系；党员须已在党员名册中。",
        "结对方式：1+1、N+1、1+N。",
    ),
}


def write_template(kind: str, path: str | os.PathLike[str]) -> Path:
    title, columns, example = TEMPLATES[kind]
    book = Workbook(write_only=True)
    sheet = _Sheet(book, title, columns)
    sheet.append(example)
    notes = _Sheet(book, "填写说明", (("填写说明", 90),))
    for line in _NOTES[kind]:
        notes.append([line])
    return _save(book, path)
