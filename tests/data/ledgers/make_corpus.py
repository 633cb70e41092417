"""Write the ledger test corpus: office-style 花名册 / 台账 workbooks, CSV copies and expected.json.

    python tests/data/ledgers/make_corpus.py              # rewrite the .xlsx, .csv and expected.json here
    python tests/data/ledgers/make_corpus.py --out DIR    # write them into DIR instead (the test uses this)
    python tests/data/ledgers/make_corpus.py --convert    # also remake the .xls/.ods copies with LibreOffice

Everything here is made up (names, phones, ID numbers with valid check digits for a made-up person), laid
out the way community offices keep their sheets (see README.md for the public forms each one follows).
This script knows nothing of gridboard's importer: the counts in expected.json come from the data below,
by the rules written in README.md ("What the counts mean"), and each total is also asserted by hand so a
slip in this script cannot silently change what the importer is held to.

Output is byte-stable: zip entries and document properties carry fixed timestamps.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent
STAMP = datetime(2024, 4, 10, 9, 0, 0)

# ---------------------------------------------------------------------------------------------------------
# ID numbers (GB 11643-1999): 6-digit region, birth date, 3-digit sequence (odd = male), check character.

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
REGION = "620702"  # 张掖市甘州区 (Zhangye's city district; landlines there are 0936-…)


def check_char(first17: str) -> str:
    return CHECK[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


_used_sequences: set[str] = set()


def make_id(birth: str, sex: str, *, want_x: bool = False, region: str = REGION) -> str:
    """A valid 18-character ID for this birth date and sex; unique within this run; deterministic."""
    ymd = birth.replace("-", "")
    parity = 1 if sex == "男" else 0
    for n in range(10, 100):
        for last in range(10):
            if last % 2 != parity:
                continue
            first17 = f"{region}{ymd}{n:02d}{last}"
            if first17 in _used_sequences:
                continue
            c = check_char(first17)
            if want_x != (c == "X"):
                continue
            _used_sequences.add(first17)
            return first17 + c
    raise AssertionError("no sequence left")


def wrong_check(id_number: str) -> str:
    c = id_number[-1]
    return id_number[:-1] + ("0" if c != "0" else "1")


def excel_float(id_number: str) -> float:
    """What Excel keeps of an 18-digit ID typed into a General cell: 15 significant digits."""
    return float(id_number[:15] + "000")


# ---------------------------------------------------------------------------------------------------------
# Tag words → tag codes, as README.md lists them (this is the corpus's own reading, not the importer's).

TAG_WORDS = {
    "独居": "living_alone",
    "独居老人": "living_alone",
    "空巢": "empty_nest",
    "空巢老人": "empty_nest",
    "80岁以上": "aged_80",
    "高龄": "aged_80",
    "高龄老人": "aged_80",
    "残疾": "disabled",
    "慢性病": "chronic",
    "低保": "dibao",
    "低保户": "dibao",
    "低保边缘": "dibao_edge",
    "特困": "tekun",
    "特困供养": "tekun",
    "五保户": "tekun",
    "困境儿童": "child_difficulty",
    "留守儿童": "left_behind",
    "孕产妇": "pregnant",
    "退役军人": "veteran",
}
TAG_SPLIT = re.compile(r"[、，,/；;\s]+")
YES = {"是", "√", "有", "1", 1}
NO = {"否", "×", "无", "0", 0, None, ""}


def tag_codes(text: str) -> set[str]:
    words = [w for w in TAG_SPLIT.split(text or "") if w]
    unknown = [w for w in words if w not in TAG_WORDS]
    assert not unknown, unknown
    return {TAG_WORDS[w] for w in words}


def yes(value) -> bool:
    assert value in YES or value in NO, value
    return value in YES


# ---------------------------------------------------------------------------------------------------------
# A sheet as cells, merges and formats: written to .xlsx by openpyxl, and to CSV as Excel would save it.

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass
class Sheet:
    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)
    bold_rows: set[int] = field(default_factory=set)
    title_rows: set[int] = field(default_factory=set)
    table: tuple[int, int, int, int] | None = None  # r1, c1, r2, c2 drawn with borders

    def put(self, r: int, c: int, value, fmt: str | None = None) -> None:
        if value is not None and value != "":
            self.cells[(r, c)] = value
        if fmt:
            self.formats[(r, c)] = fmt

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))

    def row_text(self, r: int, c: int, value: str) -> None:
        """A line of text over the whole width (title, 填报单位, footer)."""
        self.put(r, 1, value)
        self.merge(r, 1, r, c)

    @property
    def max_row(self) -> int:
        return max(r for r, _ in self.cells)

    @property
    def max_col(self) -> int:
        return max([c for _, c in self.cells] + [m[3] for m in self.merges])


def col_letter(c: int) -> str:
    s = ""
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        if sh.table:
            r1, c1, r2, c2 = sh.table
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    ws.cell(r, c).border = BOX
                    ws.cell(r, c).alignment = CENTER
        for (r, c), value in sorted(sh.cells.items()):
            cell = ws.cell(r, c)
            cell.value = value
            if r in sh.bold_rows:
                cell.font = Font(bold=True)
            if r in sh.title_rows:
                cell.font = Font(bold=True, size=16)
                cell.alignment = CENTER
        for (r, c), fmt in sh.formats.items():
            ws.cell(r, c).number_format = fmt
        for r1, c1, r2, c2 in sh.merges:
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
        for c, w in sh.widths.items():
            ws.column_dimensions[col_letter(c)].width = w
        for r in sh.title_rows:
            ws.row_dimensions[r].height = 30
    props = wb.properties
    props.creator = "幸福社区居委会"
    props.lastModifiedBy = "幸福社区居委会"
    props.created = STAMP
    props.modified = STAMP
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))


def stable_zip(data: bytes) -> bytes:
    """The same workbook always gives the same bytes: fixed entry times and document times."""
    stamp = STAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    lambda m: m.group(1) + stamp.encode() + m.group(3),
                    body,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, body)
    return out.getvalue()


def display(value, fmt: str | None) -> str:
    """The text Excel shows in a cell (what its "Save as CSV" writes)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (datetime, date)):
        if fmt == "yyyy-mm-dd":
            return value.strftime("%Y-%m-%d")
        return f"{value.year}/{value.month}/{value.day}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if abs(value) >= 1e11:  # General format: 11 characters, so scientific
            return f"{value:.5E}"  # 6.20702E+17
        return repr(value)
    raise TypeError(value)


def write_csv(path: Path, sheet: Sheet, encoding: str) -> None:
    """As Excel saves a sheet: merged cells keep only their top-left value; every row as wide as the sheet."""
    width = sheet.max_col
    lines = []
    for r in range(1, sheet.max_row + 1):
        fields = []
        for c in range(1, width + 1):
            text = display(sheet.cells.get((r, c)), sheet.formats.get((r, c)))
            if any(ch in text for ch in ',"\r\n'):
                text = '"' + text.replace('"', '""') + '"'
            fields.append(text)
        lines.append(",".join(fields))
    body = "\r\n".join(lines) + "\r\n"
    data = body.encode("gbk") if encoding == "gbk" else b"\xef\xbb\xbf" + body.encode("utf-8")
    path.write_bytes(data)


# ---------------------------------------------------------------------------------------------------------
# People and households.


@dataclass
class Person:
    name: str
    rel: str
    sex: str
    birth: str  # YYYY-MM-DD, the true date (the ID agrees)
    phone: str = ""
    nation: str = "汉族"
    politics: str = "群众"
    work: str = ""
    tags: str = ""  # the combined 人员类别 text as written
    written_name: str | None = None  # as typed in the sheet (王  丽)
    id_mode: str = "text"  # text | x | float | badcheck
    birth_mode: str = "date"  # date | dot | cn | month | blank
    # 分网格采集表 yes/no columns and 残疾类别/等级
    alone: object = None
    dibao: object = None
    disabled: object = None
    disability: str = ""
    id_number: str = ""

    def __post_init__(self) -> None:
        full = make_id(self.birth, self.sex, want_x=self.id_mode == "x")
        self.id_number = wrong_check(full) if self.id_mode == "badcheck" else full

    @property
    def id_cell(self):
        return excel_float(self.id_number) if self.id_mode == "float" else self.id_number

    @property
    def kept_id(self) -> str:
        return "" if self.id_mode == "float" else self.id_number

    @property
    def birth_cell(self):
        y, m, d = (int(x) for x in self.birth.split("-"))
        return {
            "date": datetime(y, m, d),
            "dot": f"{y}.{m:02d}.{d:02d}",
            "cn": f"{y}年{m}月{d}日",
            "month": f"{y}.{m:02d}",
            "blank": None,
        }[self.birth_mode]

    @property
    def codes(self) -> set[str]:
        codes = tag_codes(self.tags)
        if yes(self.alone):
            codes.add("living_alone")
        if yes(self.dibao):
            codes.add("dibao")
        if yes(self.disabled) or self.disability:
            codes.add("disabled")
        return codes


@dataclass
class Household:
    people: list[Person]
    estate: str = ""
    building: int = 0
    unit: int = 0
    room: str = ""
    address: str = ""  # one 家庭住址 column, as written on the head's row
    register_no: str = ""
    style: str = "merge"  # how members' rows repeat the address: merge | blank | 同上 | 〃 | "

    def __post_init__(self) -> None:
        assert self.people[0].rel == "户主", self.people[0]
        assert sum(p.rel == "户主" for p in self.people) == 1

    @property
    def place(self) -> tuple:
        return (self.estate, self.building, self.unit, self.room, self.address)


def tally(households: list[Household], extra: dict[str, set[str]] | None = None) -> dict[str, int]:
    """Residents per tag code (extra: name → codes added by a later 台账)."""
    per_person: dict[str, set[str]] = {}
    for h in households:
        for p in h.people:
            per_person[p.name] = set(p.codes)
    for name, codes in (extra or {}).items():
        per_person[name] |= codes
    counts = Counter(code for codes in per_person.values() for code in codes)
    return dict(sorted(counts.items()))


# ---------------------------------------------------------------------------------------------------------
# 1. 幸福社区第一网格居民花名册: 户号, 小区名称 + 楼栋/单元/门牌, two-row header, merged address cells.

P = Person
ROSTER = [
    Household(
        [
            P("张国华", "户主", "男", "1956-03-12", "13909361234", politics="中共党员", work="退休"),
            P("李淑珍", "妻", "女", "1958-07-05", "13993612345", work="退休", tags="慢性病"),
            P(
                "张磊",
                "子",
                "男",
                "1983-04-21",
                "15193601234",
                politics="中共党员",
                work="张掖市人民医院",
                birth_mode="dot",
            ),
        ],
        "幸福小区",
        1,
        1,
        "301",
        register_no="001",
        style="merge",
    ),
    Household(
        [
            P("王建军", "户主", "男", "1965-02-13", "13519361111", work="个体经营"),
            P("陈玉梅", "配偶", "女", "1967-09-30", "13519362222", work="幸福社区惠民超市"),
            P(
                "王丽",
                "女",
                "女",
                "1992-11-08",
                "18809360001",
                work="甘州区第二幼儿园",
                written_name="王  丽",
            ),
        ],
        "幸福小区",
        1,
        2,
        "301",
        register_no="002",
        style="blank",
    ),
    Household(
        [
            P(
                "刘德明",
                "户主",
                "男",
                "1950-05-20",
                "0936-8211234",
                politics="中共党员",
                work="退休",
                tags="空巢",
            ),
            P("孙秀兰", "配偶", "女", "1952-01-15", "", work="退休", tags="空巢,慢性病"),
        ],
        "和谐家园",
        1,
        2,
        "301",
        register_no="003",
        style="同上",
    ),
    Household(
        [
            P("陈志刚", "户主", "男", "1975-08-08", "13830600001", work="国网张掖供电公司"),
            P("马丽娟", "妻", "女", "1977-12-01", "13830600002", nation="回族", work="甘州区第一中学"),
            P("陈浩", "子", "男", "2012-06-18", "", politics="", work="甘州区南街小学"),
        ],
        "幸福小区",
        2,
        1,
        "502",
        register_no="004",
        style="〃",
    ),
    Household(
        [
            P(
                "赵桂兰",
                "户主",
                "女",
                "1936-10-02",
                "18712345678（女儿）",
                work="无",
                tags="独居 高龄",
                id_mode="x",
            ),
        ],
        "幸福小区",
        2,
        1,
        "601",
        register_no="005",
    ),
    Household(
        [
            P(
                "孙福海",
                "户主",
                "男",
                "1938-04-11",
                "13830612345(儿子)",
                politics="中共党员",
                work="退休",
                tags="空巢、80岁以上",
            ),
            P("周桂芝", "配偶", "女", "1940-02-28", "", work="退休", tags="空巢/高龄"),
        ],
        "幸福小区",
        2,
        2,
        "202",
        register_no="006",
        style='"',
    ),
    Household(
        [
            P(
                "钱永福",
                "户主",
                "男",
                "1960-09-09",
                "13993600011",
                politics="中共党员",
                work="退休",
                tags="退役军人",
            ),
            P("王秀芳", "妻", "女", "1962-03-03", "13993600012", work="无", tags="低保户，慢性病"),
            P("钱小宝", "孙子", "男", "2015-07-07", "", politics="", work="甘州区南街小学", tags="留守儿童"),
        ],
        "和谐家园",
        1,
        1,
        "101",
        register_no="007",
        style="merge",
    ),
    Household(
        [
            P(
                "周建平",
                "户主",
                "男",
                "1951-12-12",
                "0936-8123456",
                work="无",
                tags="特困供养",
                id_mode="float",
            ),
        ],
        "和谐家园",
        1,
        1,
        "102",
        register_no="008",
    ),
    Household(
        [P("吴玉兰", "户主", "女", "1952-08-16", "15009360001", work="无", tags="五保户；慢性病")],
        "和谐家园",
        2,
        1,
        "401",
        register_no="009",
    ),
    Household(
        [
            P("郑明", "户主", "男", "1980-01-25", "13909360101", politics="中共党员", work="甘州区税务局"),
            P(
                "黄晓燕",
                "妻",
                "女",
                "1982-05-19",
                "13909360102",
                work="张掖市第二人民医院",
                id_mode="badcheck",
            ),
            P("郑一诺", "女", "女", "2010-10-10", "", politics="", work="张掖市第四中学"),
            P("郑一鸣", "子", "男", "2016-03-30", "", politics="", work="甘州区南街小学", birth_mode="blank"),
        ],
        "幸福小区",
        1,
        1,
        "302",
        register_no="010",
        style="blank",
    ),
    Household(
        [
            P("林海", "户主", "男", "1970-06-06", "13893600201", work="甘州区城市管理局"),
            P(
                "林晓",
                "子",
                "男",
                "1998-09-01",
                "18893600202",
                politics="共青团员",
                work="兰州大学（在读）",
                birth_mode="cn",
            ),
        ],
        "幸福小区",
        1,
        2,
        "302",
        register_no="011",
        style="merge",
    ),
]
ROSTER_TITLE = "幸福社区第一网格居民花名册"
ROSTER_SHEET = "居民花名册"
ROSTER_HEAD = [
    "序号",
    "户号",
    "家庭住址",
    None,
    None,
    None,
    "姓名",
    "与户主关系",
    "性别",
    "民族",
    "身份证号",
    "出生日期",
    "联系电话",
    "政治面貌",
    "工作单位",
    "人员类别",
    "备注",
]
ROSTER_SUB = {3: "小区名称", 4: "楼栋", 5: "单元", 6: "门牌号"}
R_COL = {
    name: i + 1
    for i, name in enumerate(
        [
            "序号",
            "户号",
            "小区名称",
            "楼栋",
            "单元",
            "门牌号",
            "姓名",
            "与户主关系",
            "性别",
            "民族",
            "身份证号",
            "出生日期",
            "联系电话",
            "政治面貌",
            "工作单位",
            "人员类别",
            "备注",
        ]
    )
}
ROSTER_FIRST = 5  # first data row


def roster_sheet(households: list[Household], *, broken: bool = False) -> tuple[Sheet, list[dict]]:
    width = len(ROSTER_HEAD)
    sh = Sheet(ROSTER_SHEET)
    sh.row_text(1, width, ROSTER_TITLE)
    sh.title_rows.add(1)
    sh.put(2, 1, "填报单位：幸福社区居民委员会（盖章）")
    sh.merge(2, 1, 2, 8)
    sh.put(2, 12, "填表日期：2024年3月15日")
    sh.merge(2, 12, 2, width)
    for c, head in enumerate(ROSTER_HEAD, start=1):
        if c in ROSTER_SUB:
            sh.put(4, c, ROSTER_SUB[c])
            if head:
                sh.put(3, c, head)
        else:
            sh.put(3, c, head)
            sh.merge(3, c, 4, c)
    sh.merge(3, 3, 3, 6)
    sh.bold_rows |= {3, 4}
    planted: list[dict] = []
    r = ROSTER_FIRST
    seq = 1
    for h in households:
        first = r
        for i, p in enumerate(h.people):
            sh.put(r, R_COL["序号"], seq)
            sh.put(r, R_COL["姓名"], p.written_name or p.name)
            sh.put(r, R_COL["与户主关系"], p.rel)
            sh.put(r, R_COL["性别"], p.sex)
            sh.put(r, R_COL["民族"], p.nation)
            sh.put(r, R_COL["身份证号"], p.id_cell, "General" if p.id_mode == "float" else "@")
            sh.put(r, R_COL["出生日期"], p.birth_cell, "yyyy-mm-dd")
            sh.put(r, R_COL["联系电话"], p.phone, "@")
            sh.put(r, R_COL["政治面貌"], p.politics)
            sh.put(r, R_COL["工作单位"], p.work)
            sh.put(r, R_COL["人员类别"], p.tags)
            place = [h.register_no, h.estate, f"{h.building}号楼", f"{h.unit}单元", h.room]
            cols = [R_COL[k] for k in ("户号", "小区名称", "楼栋", "单元", "门牌号")]
            if i == 0 or h.style == "merge":
                values = place
            elif h.style == "blank":
                values = [None] * 5
            else:  # a ditto mark in every address cell; the 户号 is written again
                values = [h.register_no] + [h.style] * 4
            if i == 0 or h.style != "merge":
                for c, v in zip(cols, values):
                    sh.put(r, c, v, "@" if c == R_COL["户号"] else None)
            if broken and p.name == "王建军":
                sh.put(r, R_COL["出生日期"], "1965-02-30")
                planted.append(
                    _plant(
                        ROSTER_SHEET,
                        r,
                        R_COL["出生日期"],
                        "出生日期",
                        "1965-02-30",
                        "a date that does not exist (February has no 30th)",
                    )
                )
            if broken and p.name == "陈玉梅":
                sh.put(r, R_COL["户号"], "012", "@")
                planted.append(
                    _plant(
                        ROSTER_SHEET,
                        r,
                        R_COL["户号"],
                        "户号",
                        "012",
                        "户号 012 is on no head's or address row: it points to no household",
                    )
                )
            r += 1
            seq += 1
        if h.style == "merge" and len(h.people) > 1:
            for c in (R_COL[k] for k in ("户号", "小区名称", "楼栋", "单元", "门牌号")):
                sh.merge(first, c, r - 1, c)
    sh.table = (3, 1, r - 1, width)
    sh.row_text(r + 1, width, "填表人：孙丽　　　　审核人：张建华　　　　联系电话：0936-8216001")
    sh.widths = {
        1: 5,
        2: 6,
        3: 10,
        4: 7,
        5: 6,
        6: 7,
        7: 8,
        8: 9,
        9: 5,
        10: 6,
        11: 21,
        12: 12,
        13: 20,
        14: 9,
        15: 18,
        16: 16,
        17: 8,
    }
    return sh, planted


def _plant(sheet: str, row: int, col: int, header: str, value: str, what: str) -> dict:
    return {
        "sheet": sheet,
        "row": row,
        "column": col_letter(col),
        "header": header,
        "value": value,
        "what": what,
    }


def roster_expect() -> tuple[dict, list, list]:
    people = [p for h in ROSTER for p in h.people]
    counts = {
        "communities": 1,
        "community_names": ["幸福社区"],
        "grids": {"第一网格": 1},
        "buildings": len({(h.estate, h.building) for h in ROSTER}),
        "estates": sorted({h.estate for h in ROSTER}),
        "households": len(ROSTER),
        "residents": len(people),
        "tags": tally(ROSTER),
        "members": 0,
        "members_by_kind": {},
        "pairings": {},
        "scopes": {"building": 0, "unit": 0, "floor": 0},
    }
    # By hand, so that a slip above cannot move the goalposts.
    assert counts["households"] == 11 and counts["residents"] == 25 and counts["buildings"] == 4
    assert counts["tags"] == {
        "aged_80": 3,
        "chronic": 4,
        "dibao": 1,
        "empty_nest": 4,
        "left_behind": 1,
        "living_alone": 1,
        "tekun": 2,
        "veteran": 1,
    }, counts["tags"]
    by = {p.name: p for p in people}
    spot = [
        _spot(
            "SELECT phone, phone_note FROM resident WHERE name = '赵桂兰'",
            [["18712345678", "女儿"]],
            "a phone written 18712345678（女儿） keeps the number; the note goes to phone_note",
        ),
        _spot(
            "SELECT phone, phone_note FROM resident WHERE name = '孙福海'",
            [["13830612345", "儿子"]],
            "the same with ASCII parentheses",
        ),
        _spot(
            "SELECT name, phone FROM resident WHERE phone LIKE '0936-%' ORDER BY phone",
            [["周建平", "0936-8123456"], ["刘德明", "0936-8211234"]],
            "landlines are kept as written",
        ),
        _spot(
            "SELECT id_number FROM resident WHERE name = '周建平'",
            [[""]],
            "an ID Excel stored as a number (6.20702195112121e+17) lost digits: not kept (a warning)",
        ),
        _spot(
            "SELECT id_number FROM resident WHERE name = '黄晓燕'",
            [[by["黄晓燕"].id_number]],
            "an ID with a wrong check digit is kept (a warning)",
        ),
        _spot(
            "SELECT id_number FROM resident WHERE name = '赵桂兰'",
            [[by["赵桂兰"].id_number]],
            "an ID ending in X",
        ),
        _spot("SELECT count(*) FROM resident WHERE name = '王丽'", [[1]], "王  丽 is 王丽"),
        _spot(
            "SELECT count(*) FROM resident WHERE name LIKE '% %' OR name LIKE '%　%'",
            [[0]],
            "no name keeps its padding",
        ),
        _spot(
            "SELECT birth_year FROM resident WHERE name = '郑一鸣'",
            [[2016]],
            "出生日期 blank: the year comes from the ID",
        ),
        _spot(
            "SELECT birth_year FROM resident WHERE name IN ('张磊', '林晓') ORDER BY name",
            [[1983], [1998]],
            "birth dates written 1983.04.21 and 1998年9月1日",
        ),
        _spot(
            "SELECT register_no, head_name FROM household WHERE archived_at IS NULL ORDER BY register_no",
            [[h.register_no, h.people[0].name] for h in ROSTER],
            "户号 kept on each household; head_name from 与户主关系 = 户主",
        ),
        _spot(
            "SELECT h.register_no, count(*) FROM resident r JOIN household h ON h.id = r.household_id "
            "WHERE r.archived_at IS NULL GROUP BY h.register_no ORDER BY h.register_no",
            [[h.register_no, len(h.people)] for h in ROSTER],
            'each member lands in the household above (merged, blank, 同上, 〃 and " rows)',
        ),
        _spot(
            "SELECT b.estate, count(*) FROM household h JOIN building b ON b.id = h.building_id "
            "WHERE h.archived_at IS NULL GROUP BY b.estate ORDER BY b.estate",
            [["和谐家园", 4], ["幸福小区", 7]],
            "幸福小区1号楼 and 和谐家园1号楼 both have 2单元301: two households, one per estate",
        ),
        _spot(
            "SELECT count(*) FROM resident WHERE name IN ('同上', '〃', '\"', '合计') OR name LIKE '填表人%'",
            [[0]],
            "no ditto mark, total or footer became a person",
        ),
    ]
    warnings = [
        {
            "sheet": ROSTER_SHEET,
            "row": _row_of("周建平"),
            "column": col_letter(R_COL["身份证号"]),
            "what": "ID stored as a number by Excel: digits lost, not kept",
        },
        {
            "sheet": ROSTER_SHEET,
            "row": _row_of("黄晓燕"),
            "column": col_letter(R_COL["身份证号"]),
            "what": "ID check digit wrong: kept",
        },
    ]
    return counts, spot, warnings


def _row_of(name: str) -> int:
    r = ROSTER_FIRST
    for h in ROSTER:
        for p in h.people:
            if p.name == name:
                return r
            r += 1
    raise KeyError(name)


def _spot(sql: str, rows: list, why: str) -> dict:
    return {"sql": sql, "rows": rows, "why": why}


# ---------------------------------------------------------------------------------------------------------
# 2. 幸福社区居民信息采集表, one sheet per grid (一网格/二网格/三网格), 填表说明 and 汇总 sheets, 合计 rows,
#    one 家庭住址 column with the estate written before the address, yes/no tag columns.

COLLECT = {
    "一网格": [
        Household(
            [
                P(
                    "高建国",
                    "户主",
                    "男",
                    "1962-04-04",
                    "13909362001",
                    alone="否",
                    dibao="否",
                    disabled="有",
                    disability="肢体二级",
                ),
                P("田秀英", "配偶", "女", "1964-06-06", "13909362002", dibao="否", disabled="否"),
                P("高飞", "子", "男", "1990-01-01", "13909362003"),
            ],
            address="幸福小区2-1-401",
            estate="幸福小区",
            building=2,
            style="merge",
        ),
        Household(
            [
                P("罗淑华", "户主", "女", "1950-03-08", "13919362004", alone="×", dibao="√", disabled="×"),
                P("罗军", "子", "男", "1975-10-10", "13919362005", alone="×", dibao="√", disabled="×"),
            ],
            address="和谐家园2-1-401",
            estate="和谐家园",
            building=2,
            style="同上",
        ),
        Household(
            [P("韩玉珍", "户主", "女", "1950-12-24", "13309360006（侄子）", alone="是", dibao="是")],
            address="幸福小区2号楼1单元502室",
            estate="幸福小区",
            building=2,
        ),
        Household(
            [
                P("邓永强", "户主", "男", "1958-02-02", "13709360007", disabled=1),
                P("邓丽华", "妻", "女", "1960-05-05", "", disabled=0),
            ],
            address="和谐家园2号楼2单元601",
            estate="和谐家园",
            building=2,
            style="〃",
        ),
    ],
    "二网格": [
        Household(
            [
                P("曹文", "户主", "男", "1972-07-07", "13609360008"),
                P("曹雪", "女", "女", "2001-02-14", "13609360009"),
            ],
            address="幸福小区3-1-101",
            estate="幸福小区",
            building=3,
            style="blank",
        ),
        Household(
            [
                P(
                    "许桂花",
                    "户主",
                    "女",
                    "1951-09-19",
                    "13609360010",
                    alone="√",
                    dibao="有",
                    disability="视力三级",
                )
            ],
            address="幸福小区3-1-102",
            estate="幸福小区",
            building=3,
        ),
        Household(
            [
                P("冯建华", "户主", "男", "1968-08-18", "13509360011", dibao="1"),
                P("蒋琴", "妻", "女", "1970-10-20", "13509360012", dibao="1"),
                P("冯小雨", "女", "女", "2008-03-03", "", alone="0", dibao="1"),
            ],
            address="幸福小区3-2-201",
            estate="幸福小区",
            building=3,
            style='"',
        ),
    ],
    "三网格": [
        Household(
            [
                P("沈国强", "户主", "男", "1955-05-15", "13409360013", alone="无", dibao="无", disabled="无"),
                P("韦美玲", "配偶", "女", "1957-07-17", "13409360014", nation="壮族"),
            ],
            address="和谐家园5-1-301",
            estate="和谐家园",
            building=5,
            style="merge",
        ),
        Household(
            [
                P("彭德华", "户主", "男", "1951-11-11", "13409360015", disabled="是", disability="听力二级"),
                P("彭刚", "子", "男", "1980-08-08", "13409360016"),
            ],
            address="和谐家园5-1-302",
            estate="和谐家园",
            building=5,
            style="同上",
        ),
        Household(
            [P("蔡淑英", "户主", "女", "1953-03-13", "13409360017（女儿）", alone="1")],
            address="和谐家园5号楼2单元101室",
            estate="和谐家园",
            building=5,
        ),
    ],
}
C_HEAD = [
    "序号",
    "姓名",
    "性别",
    "民族",
    "身份证号",
    "出生日期",
    "与户主关系",
    "家庭住址",
    "联系电话",
    "是否独居老人",
    "是否低保",
    "是否残疾",
    "残疾类别/等级",
    "备注",
]
C_COL = {h: i + 1 for i, h in enumerate(C_HEAD)}
COLLECT_TOTALS = {"一网格", "三网格"}  # sheets that end with a 合计 row


def collect_sheets(*, broken: bool = False) -> tuple[list[Sheet], list[dict]]:
    width = len(C_HEAD)
    sheets = [instructions_sheet()]
    planted: list[dict] = []
    for grid, households in COLLECT.items():
        sh = Sheet(grid)
        sh.row_text(1, width, "幸福社区居民信息采集表")
        sh.title_rows.add(1)
        sh.put(2, 1, "填报人：孙丽")
        sh.merge(2, 1, 2, 4)
        sh.put(2, 10, "填报日期：2024年4月2日")
        sh.merge(2, 10, 2, width)
        for c, head in enumerate(C_HEAD, start=1):
            sh.put(3, c, head)
        sh.bold_rows.add(3)
        r = 4
        seq = 1
        for h in households:
            first = r
            for i, p in enumerate(h.people):
                sh.put(r, C_COL["序号"], seq)
                sh.put(r, C_COL["姓名"], p.written_name or p.name)
                sh.put(r, C_COL["性别"], p.sex)
                sh.put(r, C_COL["民族"], p.nation)
                sh.put(r, C_COL["身份证号"], p.id_cell, "@")
                sh.put(r, C_COL["出生日期"], p.birth_cell, "yyyy/m/d")
                sh.put(r, C_COL["与户主关系"], p.rel)
                if i == 0:
                    sh.put(r, C_COL["家庭住址"], h.address)
                elif h.style in ("同上", "〃", '"'):
                    sh.put(r, C_COL["家庭住址"], h.style)
                sh.put(r, C_COL["联系电话"], p.phone, "@")
                sh.put(r, C_COL["是否独居老人"], p.alone)
                sh.put(r, C_COL["是否低保"], p.dibao)
                sh.put(r, C_COL["是否残疾"], p.disabled)
                sh.put(r, C_COL["残疾类别/等级"], p.disability)
                if broken and grid == "二网格" and r == 4:
                    sh.put(r, C_COL["家庭住址"], "同上")
                    planted.append(
                        _plant(
                            grid,
                            r,
                            C_COL["家庭住址"],
                            "家庭住址",
                            "同上",
                            "同上 on the sheet's first row: nothing above to carry, "
                            "so the household's place cannot be known",
                        )
                    )
                if broken and p.name == "彭刚":
                    sh.put(r, C_COL["出生日期"], "1978-06-31")
                    planted.append(
                        _plant(
                            grid,
                            r,
                            C_COL["出生日期"],
                            "出生日期",
                            "1978-06-31",
                            "a date that does not exist (June has 30 days)",
                        )
                    )
                r += 1
                seq += 1
            if h.style == "merge" and len(h.people) > 1:
                sh.merge(first, C_COL["家庭住址"], r - 1, C_COL["家庭住址"])
        if grid in COLLECT_TOTALS:
            people = [p for h in households for p in h.people]
            sh.put(r, 1, "合计")
            sh.merge(r, 1, r, 2)
            sh.put(r, C_COL["是否独居老人"], sum(yes(p.alone) for p in people))
            sh.put(r, C_COL["是否低保"], sum(yes(p.dibao) for p in people))
            sh.put(r, C_COL["是否残疾"], sum(yes(p.disabled) or bool(p.disability) for p in people))
            sh.bold_rows.add(r)
            r += 1
        sh.table = (3, 1, r - 1, width)
        sh.widths = {
            1: 5,
            2: 8,
            3: 5,
            4: 6,
            5: 21,
            6: 11,
            7: 9,
            8: 24,
            9: 20,
            10: 8,
            11: 7,
            12: 7,
            13: 11,
            14: 8,
        }
        sheets.append(sh)
    sheets.append(summary_sheet())
    return sheets, planted


def instructions_sheet() -> Sheet:
    sh = Sheet("填表说明")
    lines = [
        "填表说明",
        "1. 本表按网格分别填写，每个网格一个工作表，工作表名称即网格名称，请勿修改。",
        "2. 家庭住址填写小区名称+楼号-单元-门牌号，如：幸福小区2-1-401；平房、商铺写明门牌。",
        "3. 同一户的家庭成员按户主在前依次填写，家庭住址可填“同上”。",
        "4. 身份证号请先将单元格设置为文本格式再录入，以免后三位变成0。",
        "5. 出生日期按 年/月/日 填写，如 1956/3/12。",
        "6. 是否独居老人、是否低保、是否残疾填“是”或“否”；残疾人请填写残疾类别和等级，如 肢体二级。",
        "7. 每个网格表末尾填写合计行；汇总表由社区统一填写。",
        "联系人：孙丽　0936-8216001",
    ]
    for i, line in enumerate(lines, start=1):
        sh.put(i, 1, line)
    sh.title_rows.add(1)
    sh.widths = {1: 90}
    return sh


def summary_sheet() -> Sheet:
    sh = Sheet("汇总")
    head = ["网格", "户数", "人数", "独居老人", "低保", "残疾"]
    sh.row_text(1, len(head), "幸福社区各网格人口汇总表")
    sh.title_rows.add(1)
    for c, h in enumerate(head, start=1):
        sh.put(2, c, h)
    sh.bold_rows.add(2)
    totals = [0] * 5
    r = 3
    for grid, households in COLLECT.items():
        people = [p for h in households for p in h.people]
        row = [
            len(households),
            len(people),
            sum(yes(p.alone) for p in people),
            sum(yes(p.dibao) for p in people),
            sum("disabled" in p.codes for p in people),
        ]
        sh.put(r, 1, grid)
        for c, v in enumerate(row, start=2):
            sh.put(r, c, v)
        totals = [a + b for a, b in zip(totals, row)]
        r += 1
    sh.put(r, 1, "合计")
    for c, v in enumerate(totals, start=2):
        sh.put(r, c, v)
    sh.table = (2, 1, r, len(head))
    sh.widths = {1: 10, 2: 8, 3: 8, 4: 10, 5: 8, 6: 8}
    return sh


def collect_expect() -> tuple[dict, list]:
    households = [h for hs in COLLECT.values() for h in hs]
    counts = {
        "communities": 1,
        "community_names": ["幸福社区"],
        "grids": dict.fromkeys(COLLECT, 1),
        "buildings": len({(h.estate, h.building) for h in households}),
        "estates": sorted({h.estate for h in households}),
        "households": len(households),
        "residents": sum(len(h.people) for h in households),
        "tags": tally(households),
        "members": 0,
        "pairings": {},
    }
    assert counts["households"] == 10 and counts["residents"] == 19 and counts["buildings"] == 4
    assert counts["tags"] == {"disabled": 4, "dibao": 7, "living_alone": 3}, counts["tags"]
    spot = [
        _spot(
            "SELECT g.name, count(*) FROM household h JOIN building b ON b.id = h.building_id "
            "JOIN grid g ON g.id = b.grid_id WHERE h.archived_at IS NULL GROUP BY g.name ORDER BY g.name",
            sorted([[g, len(hs)] for g, hs in COLLECT.items()]),
            "each household lands in the grid its sheet is named after",
        ),
        _spot(
            "SELECT name, disability FROM resident WHERE disability != '' ORDER BY name",
            sorted([[p.name, p.disability] for h in households for p in h.people if p.disability]),
            "残疾类别/等级 kept as written",
        ),
        _spot(
            "SELECT phone, phone_note FROM resident WHERE name IN ('韩玉珍', '蔡淑英') ORDER BY phone",
            [["13309360006", "侄子"], ["13409360017", "女儿"]],
            "phones with notes",
        ),
        _spot(
            "SELECT b.estate, count(*) FROM household h JOIN building b ON b.id = h.building_id "
            "WHERE h.archived_at IS NULL AND b.number = 2 GROUP BY b.estate ORDER BY b.estate",
            [["和谐家园", 2], ["幸福小区", 2]],
            "幸福小区2-1-401 and 和谐家园2-1-401: the estate before the address keeps them apart",
        ),
        _spot(
            "SELECT count(*) FROM resident WHERE name LIKE '%合计%' OR name LIKE '%网格%' "
            "OR name LIKE '%说明%'",
            [[0]],
            "合计 rows, 汇总 and 填表说明 sheets bring no one",
        ),
    ]
    return counts, spot


# ---------------------------------------------------------------------------------------------------------
# 3. 和谐社区分网格采集表 (sheets 第一网格, 第二网格, 3网格): no title row (the community comes from the file
#    name), bungalow courtyards and shops without room numbers, 出生年月 as 1985.05, the other tag words.

HEXIE = {
    "第一网格": [
        Household(
            [
                P(
                    "黄志勇",
                    "户主",
                    "男",
                    "1985-05-05",
                    "13519370001",
                    work="张掖市交警支队",
                    birth_mode="month",
                ),
                P(
                    "李娜",
                    "妻",
                    "女",
                    "1987-07-07",
                    "13519370002",
                    work="甘州区妇幼保健院",
                    tags="孕产妇",
                    birth_mode="month",
                ),
            ],
            address="阳光花园5-1-101",
            estate="阳光花园",
            building=5,
            style="〃",
        ),
        Household(
            [
                P(
                    "何桂英",
                    "户主",
                    "女",
                    "1952-02-02",
                    "13519370003",
                    work="无",
                    tags="低保边缘、空巢",
                    birth_mode="month",
                )
            ],
            address="阳光花园5-1-102",
            estate="阳光花园",
            building=5,
        ),
        Household(
            [
                P("朱建军", "户主", "男", "1978-08-08", "13519370004", work="个体", tags="退役军人"),
                P("秦小芳", "妻", "女", "1980-10-10", "13519370005", work="无", tags="低保边缘"),
                P("朱小乐", "子", "男", "2013-03-03", "", work="甘州区北街小学", tags="困境儿童"),
            ],
            address="阳光花园6-2-301",
            estate="阳光花园",
            building=6,
            style='"',
        ),
    ],
    "第二网格": [
        Household(
            [
                P(
                    "马福",
                    "户主",
                    "男",
                    "1956-06-06",
                    "13519370006",
                    nation="回族",
                    work="退休",
                    tags="慢性病",
                ),
                P("马秀兰", "妻", "女", "1958-08-08", "", nation="回族", work="退休"),
                P(
                    "马小龙",
                    "孙子",
                    "男",
                    "2014-04-04",
                    "",
                    nation="回族",
                    work="甘州区北街小学",
                    tags="留守儿童",
                ),
            ],
            address="平房区12号院",
            style="同上",
        ),
        Household(
            [
                P("杨德胜", "户主", "男", "1953-03-03", "13519370007", work="退休", tags="空巢 慢性病"),
                P("宋桂芳", "妻", "女", "1955-05-05", "", work="退休", tags="空巢"),
            ],
            address="平房区14号院",
            style="blank",
        ),
        Household(
            [P("郭强", "户主", "男", "1982-02-02", "13519370008", work="个体（强子五金店）")],
            address="幸福路18号商铺",
        ),
        Household(
            [
                P("罗春生", "户主", "男", "1976-06-16", "13519370009", work="个体（春生面馆）"),
                P("罗丽", "女", "女", "2005-05-25", "13519370010", work="河西学院（在读）"),
            ],
            address="幸福路20号门面",
            style="〃",
        ),
    ],
    "3网格": [
        Household(
            [
                P("唐建国", "户主", "男", "1960-10-01", "13519370011", work="无", tags="低保"),
                P("唐婉", "女", "女", "1990-09-09", "13519370012", work="无", tags="残疾"),
            ],
            address="阳光花园7-1-201",
            estate="阳光花园",
            building=7,
            style="merge",
        ),
        Household(
            [
                P("魏东", "户主", "男", "1983-03-08", "13519370013", work="张掖市第一中学"),
                P("孔雪梅", "妻", "女", "1985-08-03", "13519370014", work="张掖市第一中学", tags="孕产妇"),
                P("魏子涵", "女", "女", "2019-01-01", "", work=""),
                P("魏建设", "父亲", "男", "1955-09-09", "13519370015", work="退休", tags="慢性病；退役军人"),
            ],
            address="阳光花园7-1-202",
            estate="阳光花园",
            building=7,
            style="blank",
        ),
    ],
}
HEXIE_FILE = "和谐社区分网格采集表.xlsx"
H_HEAD = [
    "序号",
    "姓名",
    "与户主关系",
    "性别",
    "民族",
    "出生年月",
    "身份证号码",
    "居住地址",
    "联系方式",
    "人员类别",
    "工作单位",
    "备注",
]
H_COL = {h: i + 1 for i, h in enumerate(H_HEAD)}


def hexie_sheets() -> list[Sheet]:
    sheets = []
    for grid, households in HEXIE.items():
        sh = Sheet(grid)
        for c, head in enumerate(H_HEAD, start=1):
            sh.put(1, c, head)
        sh.bold_rows.add(1)
        r = 2
        for h in households:
            first = r
            for i, p in enumerate(h.people):
                sh.put(r, H_COL["序号"], r - 1)
                sh.put(r, H_COL["姓名"], p.name)
                sh.put(r, H_COL["与户主关系"], p.rel)
                sh.put(r, H_COL["性别"], p.sex)
                sh.put(r, H_COL["民族"], p.nation)
                sh.put(r, H_COL["出生年月"], p.birth_cell, "yyyy-mm-dd")
                sh.put(r, H_COL["身份证号码"], p.id_cell, "@")
                if i == 0:
                    sh.put(r, H_COL["居住地址"], h.address)
                elif h.style in ("同上", "〃", '"'):
                    sh.put(r, H_COL["居住地址"], h.style)
                sh.put(r, H_COL["联系方式"], p.phone, "@")
                sh.put(r, H_COL["人员类别"], p.tags)
                sh.put(r, H_COL["工作单位"], p.work)
                r += 1
            if h.style == "merge" and len(h.people) > 1:
                sh.merge(first, H_COL["居住地址"], r - 1, H_COL["居住地址"])
        sh.table = (1, 1, r - 1, len(H_HEAD))
        sh.widths = {1: 5, 2: 8, 3: 9, 4: 5, 5: 6, 6: 11, 7: 21, 8: 18, 9: 13, 10: 16, 11: 18, 12: 8}
        sheets.append(sh)
    return sheets


def hexie_expect() -> tuple[dict, list]:
    households = [h for hs in HEXIE.values() for h in hs]
    counts = {
        "communities": 1,
        "community_names_contain": ["和谐社区"],
        "grids": dict.fromkeys(HEXIE, 1),
        "estates_include": ["阳光花园"],
        "households": len(households),
        "residents": sum(len(h.people) for h in households),
        "tags": tally(households),
        "members": 0,
        "pairings": {},
    }
    assert counts["households"] == 9 and counts["residents"] == 20
    assert counts["tags"] == {
        "chronic": 3,
        "child_difficulty": 1,
        "dibao": 1,
        "dibao_edge": 2,
        "disabled": 1,
        "empty_nest": 3,
        "left_behind": 1,
        "pregnant": 2,
        "veteran": 2,
    }, counts["tags"]
    spot = [
        _spot(
            "SELECT g.name, count(*) FROM household h JOIN building b ON b.id = h.building_id "
            "JOIN grid g ON g.id = b.grid_id WHERE h.archived_at IS NULL GROUP BY g.name ORDER BY g.name",
            sorted([[g, len(hs)] for g, hs in HEXIE.items()]),
            "sheets 第一网格, 第二网格, 3网格 are the grids, stored as written",
        ),
        _spot(
            "SELECT h.head_name, count(*) FROM household h JOIN resident r ON r.household_id = h.id "
            "WHERE h.head_name IN ('马福', '杨德胜', '郭强', '罗春生') AND r.archived_at IS NULL "
            "GROUP BY h.id ORDER BY h.head_name",
            sorted([[h.people[0].name, len(h.people)] for h in HEXIE["第二网格"]]),
            "平房区12号院, 平房区14号院, 幸福路18号商铺, 幸福路20号门面: one household each",
        ),
        _spot("SELECT birth_year FROM resident WHERE name = '黄志勇'", [[1985]], "出生年月 written 1985.05"),
    ]
    return counts, spot


# ---------------------------------------------------------------------------------------------------------
# 4. 幸福社区第一网格重点人群台账: the same people as the roster (matched by name + ID, or name + phone),
#    a combined 人群类别 column, 是否独居 and 残疾类别/等级; it adds tags and no one.


@dataclass
class Priority:
    name: str
    address: str
    phone: str
    kinds: str
    alone: object = None
    disability: str = ""
    id_text: bool = True  # write the ID (周建平's is whole here, unlike in the roster)


PRIORITY = [
    Priority("赵桂兰", "幸福小区2号楼1单元601", "18712345678", "独居老人、高龄老人", alone="是"),
    Priority(
        "孙福海",
        "幸福小区2号楼2单元202",
        "13830612345",
        "空巢老人，高龄老人",
        alone="否",
        disability="肢体二级",
    ),
    Priority("周桂芝", "幸福小区2号楼2单元202", "", "空巢老人 高龄老人 慢性病", alone="否"),
    Priority("周建平", "和谐家园1号楼1单元102", "0936-8123456", "特困"),
    Priority("钱永福", "和谐家园1号楼1单元101", "13993600011", "退役军人", alone="否"),
    Priority("王秀芳", "和谐家园1号楼1单元101", "13993600012", "低保"),
    Priority("林海", "幸福小区1号楼2单元302", "13893600201", "低保边缘", disability="视力三级"),
    Priority("刘德明", "和谐家园1号楼2单元301", "0936-8211234", "空巢老人", alone="×"),
    Priority("钱小宝", "和谐家园1号楼1单元101", "", "留守儿童"),
]
PR_HEAD = [
    "序号",
    "姓名",
    "性别",
    "年龄",
    "身份证号码",
    "家庭住址",
    "联系电话",
    "人群类别",
    "是否独居",
    "残疾类别/等级",
    "帮扶责任人",
    "备注",
]
PR_COL = {h: i + 1 for i, h in enumerate(PR_HEAD)}
PR_SHEET = "重点人群"


def priority_sheet() -> Sheet:
    by = {p.name: p for h in ROSTER for p in h.people}
    width = len(PR_HEAD)
    sh = Sheet(PR_SHEET)
    sh.row_text(1, width, "幸福社区第一网格重点人群台账")
    sh.title_rows.add(1)
    sh.put(2, 1, "填报单位：幸福社区居民委员会")
    sh.merge(2, 1, 2, 5)
    sh.put(2, 9, "填报日期：2024年4月")
    sh.merge(2, 9, 2, width)
    for c, head in enumerate(PR_HEAD, start=1):
        sh.put(3, c, head)
    sh.bold_rows.add(3)
    helpers = {
        "赵桂兰": "张建华",
        "孙福海": "李秀英",
        "周桂芝": "李秀英",
        "周建平": "王伟",
        "钱永福": "刘洋、孙丽",
        "王秀芳": "刘洋、孙丽",
        "钱小宝": "刘洋、孙丽",
        "刘德明": "李秀英",
    }
    r = 4
    for i, row in enumerate(PRIORITY, start=1):
        p = by[row.name]
        sh.put(r, PR_COL["序号"], i)
        sh.put(r, PR_COL["姓名"], row.name)
        sh.put(r, PR_COL["性别"], p.sex)
        sh.put(r, PR_COL["年龄"], 2024 - int(p.birth[:4]))
        sh.put(r, PR_COL["身份证号码"], p.id_number, "@")
        sh.put(r, PR_COL["家庭住址"], row.address)
        sh.put(r, PR_COL["联系电话"], row.phone, "@")
        sh.put(r, PR_COL["人群类别"], row.kinds)
        sh.put(r, PR_COL["是否独居"], row.alone)
        sh.put(r, PR_COL["残疾类别/等级"], row.disability)
        sh.put(r, PR_COL["帮扶责任人"], helpers.get(row.name, ""))
        r += 1
    sh.table = (3, 1, r - 1, width)
    sh.row_text(r + 1, width, "填报人：孙丽　　　　审核人：张建华")
    sh.widths = {1: 5, 2: 8, 3: 5, 4: 5, 5: 21, 6: 24, 7: 14, 8: 24, 9: 8, 10: 12, 11: 12, 12: 8}
    return sh


def priority_expect() -> tuple[dict, list]:
    extra: dict[str, set[str]] = {}
    for row in PRIORITY:
        codes = tag_codes(row.kinds)
        if yes(row.alone):
            codes.add("living_alone")
        if row.disability:
            codes.add("disabled")
        extra[row.name] = codes
    base, _, _ = roster_expect()
    counts = dict(base)
    counts["tags"] = tally(ROSTER, extra)
    assert counts["tags"] == {
        "aged_80": 3,
        "chronic": 5,
        "dibao": 1,
        "dibao_edge": 1,
        "disabled": 2,
        "empty_nest": 4,
        "left_behind": 1,
        "living_alone": 1,
        "tekun": 2,
        "veteran": 1,
    }, counts["tags"]
    assert counts["residents"] == 25 and counts["households"] == 11
    spot = [
        _spot(
            "SELECT name, disability FROM resident WHERE disability != '' ORDER BY name",
            [["孙福海", "肢体二级"], ["林海", "视力三级"]],
            "残疾类别/等级 from the 台账, as written",
        ),
        _spot(
            "SELECT count(*) FROM resident WHERE name = '周建平' AND archived_at IS NULL",
            [[1]],
            "周建平 (no ID in the roster) is found again by name + phone, not added twice",
        ),
        _spot(
            "SELECT t.code FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id "
            "JOIN resident r ON r.id = rt.resident_id WHERE r.name = '林海' ORDER BY t.code",
            [["dibao_edge"], ["disabled"]],
            "tags added to a resident the roster had untagged",
        ),
    ]
    return counts, spot


# ---------------------------------------------------------------------------------------------------------
# 5. 幸福社区党员花名册: 支部 section rows, two different 王伟, one member listed twice.


@dataclass
class Member:
    name: str
    sex: str
    born: str
    joined: str
    kind_written: str
    branch: str
    work: str
    phone: str
    nation: str = "汉族"
    note: str = ""


KIND_OF = {
    "社区党员": "community_member",
    "在职党员": "in_service",
    "报到党员": "in_service",
    "下沉干部": "cadre",
    "网格员": "grid_worker",
    "楼栋长": "building_head",
    "楼长": "building_head",
    "单元长": "unit_head",
}
M = Member
MEMBER_SECTIONS = [
    (
        "一、第一网格党支部",
        [
            M(
                "张建华",
                "男",
                "1955.06",
                "1978.07",
                "社区党员",
                "第一网格党支部",
                "退休",
                "13909366001",
                note="支部书记",
            ),
            M("王伟", "男", "1962.03", "1985.06", "社区党员", "第一网格党支部", "退休", "13909361111"),
            M("李秀英", "女", "1958.09", "1982.07", "社区党员", "第一网格党支部", "退休", "13909366003"),
            M(
                "孙丽",
                "女",
                "1988.04",
                "2012.06",
                "网格员",
                "第一网格党支部",
                "幸福社区专职网格员",
                "13909362345",
            ),
            M(
                "周国庆",
                "男",
                "1960.01",
                "1983.05",
                "楼栋长",
                "第一网格党支部",
                "退休",
                "13909366005",
                note="幸福小区1号楼",
            ),
            M(
                "吴海燕",
                "女",
                "1966.05",
                "1995.07",
                "楼长",
                "第一网格党支部",
                "个体",
                "13909366006",
                note="幸福小区2号楼",
            ),
            M(
                "郑小红",
                "女",
                "1970.07",
                "1999.07",
                "单元长",
                "第一网格党支部",
                "退休",
                "13909366007",
                note="和谐家园1号楼2单元",
            ),
            M("李建国", "男", "1957.12", "1980.10", "社区党员", "第一网格党支部", "退休", "13909366008"),
        ],
    ),
    (
        "二、第二网格党支部",
        [
            M(
                "马学军",
                "男",
                "1965.03",
                "1990.07",
                "单元长",
                "第二网格党支部",
                "退休",
                "13909366009",
                nation="回族",
            ),
            M("何春梅", "女", "1968.08", "1996.06", "社区党员", "第二网格党支部", "无", "13909366010"),
            M("李建国", "男", "1957.12", "1980.10", "社区党员", "第一网格党支部", "退休", "13909366008"),
        ],
    ),
    (
        "三、在职党员（双报到）",
        [
            M(
                "王伟",
                "男",
                "1985.10",
                "2008.06",
                "在职党员",
                "甘州区教育局机关党支部",
                "甘州区教育局 科员",
                "13893662222",
            ),
            M(
                "刘洋",
                "男",
                "1990.02",
                "2013.07",
                "报到党员",
                "张掖市人民医院党委",
                "张掖市人民医院 医生",
                "13893663333",
            ),
            M(
                "陈静",
                "女",
                "1987.06",
                "2010.12",
                "在职党员",
                "甘州区税务局党支部",
                "甘州区税务局 干部",
                "13893664444",
            ),
            M(
                "杨帆",
                "男",
                "1992.09",
                "2016.06",
                "报到党员",
                "国网张掖供电公司党委",
                "国网张掖供电公司 工程师",
                "13893665555",
            ),
            M(
                "赵志强",
                "男",
                "1978.11",
                "2002.07",
                "下沉干部",
                "甘州区民政局党支部",
                "甘州区民政局 副局长",
                "13893666666",
            ),
        ],
    ),
]
M_HEAD = [
    "序号",
    "姓名",
    "性别",
    "民族",
    "出生年月",
    "入党时间",
    "党员类别",
    "所在党支部",
    "工作单位及职务",
    "联系电话",
    "备注",
]
M_SHEET = "党员花名册"


def members_sheet() -> Sheet:
    width = len(M_HEAD)
    sh = Sheet(M_SHEET)
    sh.row_text(1, width, "幸福社区党员花名册")
    sh.title_rows.add(1)
    sh.put(2, 1, "填报单位：中共幸福社区委员会")
    sh.merge(2, 1, 2, 5)
    sh.put(2, 8, "填报日期：2024年3月")
    sh.merge(2, 8, 2, width)
    for c, head in enumerate(M_HEAD, start=1):
        sh.put(3, c, head)
    sh.bold_rows.add(3)
    r = 4
    seq = 1
    for section, members in MEMBER_SECTIONS:
        sh.row_text(r, width, section)  # a 支部 heading across the table, as offices group their lists
        sh.bold_rows.add(r)
        r += 1
        for m in members:
            values = [
                seq,
                m.name,
                m.sex,
                m.nation,
                m.born,
                m.joined,
                m.kind_written,
                m.branch,
                m.work,
                m.phone,
                m.note,
            ]
            for c, v in enumerate(values, start=1):
                sh.put(r, c, v, "@" if c == 10 else None)
            r += 1
            seq += 1
    sh.table = (3, 1, r - 1, width)
    sh.widths = {1: 5, 2: 8, 3: 5, 4: 6, 5: 9, 6: 9, 7: 10, 8: 22, 9: 26, 10: 13, 11: 18}
    return sh


def members_expect() -> dict:
    distinct = {(m.name, m.phone): m for _, ms in MEMBER_SECTIONS for m in ms}
    kinds = dict(sorted(Counter(KIND_OF[m.kind_written] for m in distinct.values()).items()))
    counts = {
        "communities": 1,
        "community_names": ["幸福社区"],
        "members": len(distinct),
        "members_by_kind": kinds,
        "residents": 0,
        "pairings": {},
    }
    assert counts["members"] == 15
    assert kinds == {
        "building_head": 2,
        "cadre": 1,
        "community_member": 5,
        "grid_worker": 1,
        "in_service": 4,
        "unit_head": 2,
    }, kinds
    return counts


MEMBER_SPOT = [
    _spot(
        "SELECT name, phone, kind FROM member WHERE name = '王伟' AND archived_at IS NULL ORDER BY phone",
        [["王伟", "13893662222", "in_service"], ["王伟", "13909361111", "community_member"]],
        "two members named 王伟, told apart by their phones",
    ),
    _spot(
        "SELECT count(*) FROM member WHERE name = '李建国' AND archived_at IS NULL",
        [[1]],
        "李建国 listed twice with the same phone is one member",
    ),
    _spot(
        "SELECT count(*) FROM member WHERE name LIKE '%支部%' OR name LIKE '%党员%'",
        [[0]],
        "the 支部 heading rows are not members",
    ),
]


# ---------------------------------------------------------------------------------------------------------
# 6. 幸福社区第一网格党员联系户台账: 1+1, N+1 (household merged over two members), 1+N (member merged over
#    three households), 包楼层/包单元/包楼栋 (scopes), 结对时间, households by address or by head's name.


@dataclass
class Pair:
    member: str
    kind: str
    phone: str
    mode: str
    head: str
    address: str
    group: str
    start: object


PAIRS = [
    [
        Pair(
            "张建华",
            "社区党员",
            "13909366001",
            "1+1",
            "",
            "幸福小区2-1-601",
            "独居老人",
            datetime(2023, 3, 1),
        )
    ],
    [Pair("王伟", "在职党员", "13893662222", "1+1", "周建平", "", "特困", "2023.05.10")],
    [
        Pair(
            "陈静",
            "在职党员",
            "13893664444",
            "1+1",
            "陈志刚",
            "幸福小区2号楼1单元502",
            "一般户",
            datetime(2023, 6, 1),
        )
    ],
    [  # N+1: one household, its cells merged down over the two members' rows
        Pair(
            "刘洋",
            "报到党员",
            "13893663333",
            "N+1",
            "钱永福",
            "和谐家园1-1-101",
            "低保、留守儿童",
            datetime(2023, 3, 15),
        ),
        Pair(
            "孙丽",
            "网格员",
            "13909362345",
            "N+1",
            "钱永福",
            "和谐家园1-1-101",
            "低保、留守儿童",
            datetime(2023, 3, 15),
        ),
    ],
    [  # 1+N: one member, merged down over three households
        Pair(
            "李秀英",
            "社区党员",
            "13909366003",
            "1+N",
            "孙福海",
            "幸福小区2-2-202",
            "空巢、高龄",
            datetime(2023, 4, 1),
        ),
        Pair(
            "李秀英",
            "社区党员",
            "13909366003",
            "1+N",
            "刘德明",
            "和谐家园1-2-301",
            "空巢",
            datetime(2023, 4, 1),
        ),
        Pair(
            "李秀英",
            "社区党员",
            "13909366003",
            "1+N",
            "吴玉兰",
            "和谐家园2-1-401",
            "五保户",
            datetime(2023, 4, 1),
        ),
    ],
    [
        Pair(
            "周国庆", "楼栋长", "13909366005", "包楼层", "", "幸福小区1号楼2单元3层", "", datetime(2023, 2, 1)
        )
    ],
    [Pair("郑小红", "单元长", "13909366007", "包单元", "", "和谐家园1号楼2单元", "", datetime(2023, 2, 1))],
    [Pair("吴海燕", "楼长", "13909366006", "包楼栋", "", "幸福小区2号楼", "", "2023年2月1日")],
]
PA_HEAD = ["序号", "党员姓名", "党员类别", "联系电话", "结对方式", "联系户", None, None, "结对时间", "备注"]
PA_SUB = {6: "户主姓名", 7: "家庭住址", 8: "户类别"}
PA_COL = {
    h: i + 1
    for i, h in enumerate(
        [
            "序号",
            "党员姓名",
            "党员类别",
            "联系电话",
            "结对方式",
            "户主姓名",
            "家庭住址",
            "户类别",
            "结对时间",
            "备注",
        ]
    )
}
PA_SHEET = "联系户台账"


def pairing_sheet(*, broken: bool = False) -> tuple[Sheet, list[dict]]:
    width = len(PA_HEAD)
    sh = Sheet(PA_SHEET)
    sh.row_text(1, width, "幸福社区第一网格党员联系户台账")
    sh.title_rows.add(1)
    sh.put(2, 1, "网格党支部：第一网格党支部")
    sh.merge(2, 1, 2, 4)
    sh.put(2, 7, "填表日期：2024年4月10日")
    sh.merge(2, 7, 2, width)
    for c, head in enumerate(PA_HEAD, start=1):
        if c in PA_SUB:
            sh.put(4, c, PA_SUB[c])
            if head:
                sh.put(3, c, head)
        else:
            sh.put(3, c, head)
            sh.merge(3, c, 4, c)
    sh.merge(3, 6, 3, 8)
    sh.bold_rows |= {3, 4}
    planted: list[dict] = []
    r = 5
    seq = 1
    for group in PAIRS:
        first = r
        for i, p in enumerate(group):
            member_cols = [
                (PA_COL["党员姓名"], p.member),
                (PA_COL["党员类别"], p.kind),
                (PA_COL["联系电话"], p.phone),
            ]
            house_cols = [
                (PA_COL["户主姓名"], p.head),
                (PA_COL["家庭住址"], p.address),
                (PA_COL["户类别"], p.group),
            ]
            sh.put(r, PA_COL["序号"], seq)
            if i == 0 or p.mode != "1+N":
                for c, v in member_cols:
                    sh.put(r, c, v, "@" if c == PA_COL["联系电话"] else None)
            if i == 0 or p.mode != "N+1":
                for c, v in house_cols:
                    sh.put(r, c, v)
            if i == 0:
                sh.put(r, PA_COL["结对方式"], p.mode)
            sh.put(r, PA_COL["结对时间"], p.start, "yyyy-mm-dd")
            if broken and p.member == "陈静":
                sh.put(r, PA_COL["结对时间"], "2023-13-05")
                planted.append(
                    _plant(
                        PA_SHEET,
                        r,
                        PA_COL["结对时间"],
                        "结对时间",
                        "2023-13-05",
                        "a date that does not exist (there is no 13th month)",
                    )
                )
            r += 1
            seq += 1
        if len(group) > 1:
            sh.merge(first, PA_COL["结对方式"], r - 1, PA_COL["结对方式"])
            merged = (
                ("党员姓名", "党员类别", "联系电话")
                if group[0].mode == "1+N"
                else ("户主姓名", "家庭住址", "户类别")
            )
            for name in merged:
                sh.merge(first, PA_COL[name], r - 1, PA_COL[name])
    sh.table = (3, 1, r - 1, width)
    sh.row_text(r + 1, width, "说明：结对方式填 1+1、N+1、1+N，或 包楼层、包单元、包楼栋。")
    sh.widths = {1: 5, 2: 9, 3: 9, 4: 13, 5: 9, 6: 9, 7: 22, 8: 14, 9: 12, 10: 8}
    return sh, planted


def pairing_expect() -> tuple[dict, list]:
    rows = [p for g in PAIRS for p in g]
    modes = dict(sorted(Counter(p.mode for p in rows if "+" in p.mode).items()))
    scopes = {"building": 0, "unit": 0, "floor": 0}
    scopes.update(
        Counter(
            {"包楼栋": "building", "包单元": "unit", "包楼层": "floor"}[p.mode]
            for p in rows
            if p.mode.startswith("包")
        )
    )
    base, _, _ = roster_expect()
    counts = dict(base)
    counts.update(members_expect())
    counts["residents"] = base["residents"]
    counts["pairings"] = modes
    counts["scopes"] = scopes
    assert modes == {"1+1": 3, "1+N": 3, "N+1": 2} and scopes == {"building": 1, "unit": 1, "floor": 1}
    spot = MEMBER_SPOT + [
        _spot(
            "SELECT m.name, m.phone FROM pairing p JOIN member m ON m.id = p.member_id "
            "JOIN household h ON h.id = p.household_id WHERE h.head_name = '周建平' AND p.ended_on IS NULL",
            [["王伟", "13893662222"]],
            "household named by its head only (周建平 heads one household); 王伟 chosen by phone",
        ),
        _spot(
            "SELECT p.started_on FROM pairing p JOIN member m ON m.id = p.member_id WHERE m.name = '王伟'",
            [["2023-05-10"]],
            "结对时间 written 2023.05.10",
        ),
        _spot(
            "SELECT p.started_on FROM pairing p JOIN household h ON h.id = p.household_id "
            "WHERE h.register_no = '005'",
            [["2023-03-01"]],
            "household named by address only (幸福小区2-1-601)",
        ),
        _spot(
            "SELECT m.name FROM pairing p JOIN member m ON m.id = p.member_id "
            "JOIN household h ON h.id = p.household_id WHERE h.head_name = '钱永福' AND p.mode = 'N+1' "
            "ORDER BY m.name",
            sorted([["刘洋"], ["孙丽"]]),
            "N+1: two members on one household",
        ),
        _spot(
            "SELECT h.head_name FROM pairing p JOIN member m ON m.id = p.member_id "
            "JOIN household h ON h.id = p.household_id WHERE m.name = '李秀英' AND p.mode = '1+N' "
            "ORDER BY h.register_no",
            [["刘德明"], ["孙福海"], ["吴玉兰"]],
            "1+N: one member merged down over three households",
        ),
        _spot(
            "SELECT m.name, b.estate, b.number, s.unit, s.floor, s.started_on FROM scope s "
            "JOIN member m ON m.id = s.member_id JOIN building b ON b.id = s.building_id "
            "WHERE s.ended_on IS NULL ORDER BY m.name",
            sorted(
                [
                    ["吴海燕", "幸福小区", 2, None, None, "2023-02-01"],
                    ["周国庆", "幸福小区", 1, 2, 3, "2023-02-01"],
                    ["郑小红", "和谐家园", 1, 2, None, "2023-02-01"],
                ]
            ),
            "包楼栋 / 包楼层 / 包单元 are scopes with their building, unit and floor",
        ),
    ]
    return counts, spot


# ---------------------------------------------------------------------------------------------------------
# The corpus.

ROSTER_XLSX = "roster_xingfu_grid1.xlsx"
COLLECT_XLSX = "collect_xingfu_by_grid.xlsx"
PRIORITY_XLSX = "priority_xingfu_grid1.xlsx"
MEMBERS_XLSX = "members_xingfu.xlsx"
PAIRING_XLSX = "pairing_xingfu_grid1.xlsx"
# Made by LibreOffice from the .xlsx above (see README.md; `--convert` remakes them).
CONVERSIONS = {
    "xls": [ROSTER_XLSX, COLLECT_XLSX],
    "ods": [ROSTER_XLSX, PAIRING_XLSX],
}


def build(out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    _used_sequences.clear()

    roster, _ = roster_sheet(ROSTER)
    write_xlsx(out / ROSTER_XLSX, [roster])
    write_csv(out / "roster_xingfu_grid1_gbk.csv", roster, "gbk")
    write_csv(out / "roster_xingfu_grid1_utf8bom.csv", roster, "utf-8-sig")
    roster_broken, roster_planted = roster_sheet(ROSTER, broken=True)
    write_xlsx(out / "roster_xingfu_grid1_broken.xlsx", [roster_broken])

    collect, _ = collect_sheets()
    write_xlsx(out / COLLECT_XLSX, collect)
    collect_broken, collect_planted = collect_sheets(broken=True)
    write_xlsx(out / "collect_xingfu_by_grid_broken.xlsx", collect_broken)

    write_xlsx(out / HEXIE_FILE, hexie_sheets())
    write_xlsx(out / PRIORITY_XLSX, [priority_sheet()])
    write_xlsx(out / MEMBERS_XLSX, [members_sheet()])
    pairing, _ = pairing_sheet()
    write_xlsx(out / PAIRING_XLSX, [pairing])
    pairing_broken, pairing_planted = pairing_sheet(broken=True)
    write_xlsx(out / "pairing_xingfu_grid1_broken.xlsx", [pairing_broken])

    r_counts, r_spot, r_warn = roster_expect()
    c_counts, c_spot = collect_expect()
    h_counts, h_spot = hexie_expect()
    p_counts, p_spot = priority_expect()
    m_counts = members_expect()
    pa_counts, pa_spot = pairing_expect()

    def case(files_, counts, spot, what, warnings=None):
        return {
            "files": files_,
            "what": what,
            "counts": counts,
            "spot_checks": spot,
            "warnings_at": warnings or [],
        }

    cases = {
        "roster_xlsx": case([ROSTER_XLSX], r_counts, r_spot, "居民花名册 of one grid (.xlsx)", r_warn),
        "roster_xls": case(
            ["roster_xingfu_grid1.xls"],
            r_counts,
            r_spot,
            "the same roster saved by LibreOffice as Excel 97 .xls",
            r_warn,
        ),
        "roster_ods": case(
            ["roster_xingfu_grid1.ods"],
            r_counts,
            r_spot,
            "the same roster saved by LibreOffice as .ods",
            r_warn,
        ),
        "roster_csv_gbk": case(
            ["roster_xingfu_grid1_gbk.csv"],
            r_counts,
            r_spot,
            "the same roster as Excel's CSV (逗号分隔) on Chinese Windows: GBK",
        ),
        "roster_csv_utf8bom": case(
            ["roster_xingfu_grid1_utf8bom.csv"],
            r_counts,
            r_spot,
            "the same roster as Excel's 'CSV UTF-8': UTF-8 with BOM",
        ),
        "collect_by_grid": case(
            [COLLECT_XLSX], c_counts, c_spot, "采集表 with one sheet per grid, 填表说明, 汇总 and 合计 rows"
        ),
        "collect_by_grid_xls": case(
            ["collect_xingfu_by_grid.xls"], c_counts, c_spot, "the same workbook saved by LibreOffice as .xls"
        ),
        "hexie_by_grid": case(
            [HEXIE_FILE],
            h_counts,
            h_spot,
            "no title; community from the file name; bungalows and shops; 第一网格/3网格",
        ),
        "roster_then_priority": case(
            [ROSTER_XLSX, PRIORITY_XLSX],
            p_counts,
            p_spot,
            "the roster, then its 重点人群台账: same people, tags added",
        ),
        "members_only": case([MEMBERS_XLSX], m_counts, MEMBER_SPOT, "党员花名册 on its own"),
        "roster_members_pairing": case(
            [ROSTER_XLSX, MEMBERS_XLSX, PAIRING_XLSX],
            pa_counts,
            pa_spot,
            "roster, 党员花名册, then 党员联系户台账",
        ),
        "roster_members_pairing_ods": case(
            [ROSTER_XLSX, MEMBERS_XLSX, "pairing_xingfu_grid1.ods"],
            pa_counts,
            pa_spot,
            "the same, with the pairing table saved by LibreOffice as .ods (merged cells kept)",
        ),
    }
    broken = {
        "roster_broken": {"before": [], "file": "roster_xingfu_grid1_broken.xlsx", "planted": roster_planted},
        "collect_broken": {
            "before": [],
            "file": "collect_xingfu_by_grid_broken.xlsx",
            "planted": collect_planted,
        },
        "pairing_broken": {
            "before": [ROSTER_XLSX, MEMBERS_XLSX],
            "file": "pairing_xingfu_grid1_broken.xlsx",
            "planted": pairing_planted,
        },
    }
    assert [len(b["planted"]) for b in broken.values()] == [2, 2, 1]
    expected = {
        "about": "Counts each corpus case must give after `gridboard import FILE --into DB` for each file in "
        "order; see README.md. Written by make_corpus.py: do not edit by hand.",
        "cases": cases,
        "broken": broken,
        "conversions": CONVERSIONS,
    }
    text = json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (out / "expected.json").write_text(text, encoding="utf-8")
    return expected


def convert(out: Path) -> None:
    """Remake the .xls/.ods copies with LibreOffice (a program other than the one that wrote the .xlsx)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install -y libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as profile:
        for target, sources in CONVERSIONS.items():
            filt = "xls:MS Excel 97" if target == "xls" else "ods"
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    filt,
                    "--outdir",
                    str(out),
                    *[str(out / s) for s in sources],
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--convert", action="store_true", help="also remake the .xls/.ods with LibreOffice")
    args = parser.parse_args(argv)
    build(args.out)
    if args.convert:
        convert(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
