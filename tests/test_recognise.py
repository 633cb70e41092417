"""Recognising sheets by their whole header and their rows, as offices lay them out."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from gridboard.exchange.headers import field_for, find_header
from gridboard.exchange.reader import RawSheet, read_book
from gridboard.exchange.recognise import detect_layout


def sheet(name: str, *rows: tuple) -> RawSheet:
    return RawSheet(name, list(rows))


def test_header_row_found_under_merged_titles_and_form_lines() -> None:
    rows = [
        ("幸福社区第一网格居民信息台账",),
        ("填报单位：幸福社区", None, None, "填报日期：2024年3月"),
        (),
        ("序号", "户主姓名", "楼号", "单元", "门牌号", "联系电话"),
        (1, "王建国", "3号楼", "2", "502", "13812345678"),
    ]
    assert find_header(rows) == (3, 3)
    layout = detect_layout(sheet("Sheet1", *rows))
    assert (layout.kind, layout.community, layout.grid) == ("ledger", "幸福社区", "第一网格")
    assert layout.title == "幸福社区第一网格居民信息台账"


def test_two_header_rows_read_as_one() -> None:
    rows = [
        ("居民花名册",),
        ("序号", "姓名", "家庭住址", None, None, "联系电话"),
        (None, None, "楼栋", "单元", "门牌号", None),
        (1, "王建国", "3号楼", 2, "502", "13812345678"),
    ]
    layout = detect_layout(sheet("一网格", *rows))
    assert layout.header_row == 2 and layout.header_first == 1
    assert layout.mapping == {1: "name", 2: "building", 3: "unit", 4: "room", 5: "phone"}


def test_a_resident_roster_with_work_unit_and_party_membership_is_still_residents() -> None:
    rows = [
        ("幸福社区居民花名册",),
        ("序号", "姓名", "性别", "政治面貌", "工作单位", "与户主关系", "家庭住址", "联系电话"),
        (1, "王建国", "男", "中共党员", "市税务局", "户主", "3-2-502", "13812345678"),
        (2, "李秀英", "女", "群众", "退休", "配偶", None, None),
    ]
    assert detect_layout(sheet("花名册", *rows)).kind == "ledger"


def test_member_rosters_and_pairing_tables() -> None:
    members = detect_layout(
        sheet(
            "党员",
            ("幸福社区党员花名册",),
            ("序号", "姓名", "性别", "入党时间", "党员类别", "所在党支部", "联系电话"),
            (1, "王伟", "男", "1998-07", "楼栋长", "第一党支部", "13812345678"),
        )
    )
    assert members.kind == "members" and members.mapping[1] == "member_name"
    pairing = detect_layout(
        sheet(
            "联系户台账",
            ("幸福社区党员联系户台账",),
            ("序号", "姓名", "联系电话", "户主姓名", "家庭住址", "结对方式", "结对时间"),
            (1, "王伟", "13812345678", "张三", "3-2-502", "1+1", "2024-03-01"),
        )
    )
    assert pairing.kind == "pairings"
    assert pairing.mapping[1] == "member_name" and pairing.mapping[3] == "head_name"


@pytest.mark.parametrize(
    ("name", "rows", "reason"),
    [
        ("填表说明", [("填表说明",), ("1. 每户填写一行",), ("2. 住址写 楼号-单元-门牌",)], "Instructions"),
        ("汇总", [("网格", "户数", "人数"), ("一网格", 120, 300), ("合计", 120, 300)], "summary"),
        ("Sheet3", [], "empty"),
    ],
)
def test_instructions_summaries_and_empty_sheets_are_skipped_with_a_reason(name, rows, reason) -> None:
    layout = detect_layout(sheet(name, *rows))
    assert layout.kind == "skip" and reason in layout.skip_reason


def test_yes_no_columns_become_tags() -> None:
    assert field_for("是否独居老人") == "tag:living_alone"
    assert field_for("低保户（是/否）") == "tag:dibao"
    rows = [
        ("姓名", "家庭住址", "低保户", "空巢老人"),
        ("王建国", "3-2-502", "是", "√"),
        ("李秀英", "3-2-501", "否", "×"),
    ]
    layout = detect_layout(sheet("一网格", *rows))
    assert layout.mapping == {0: "name", 1: "address", 2: "tag:dibao", 3: "tag:empty_nest"}


@pytest.mark.parametrize("name", ["一网格", "第一网格", "1网格"])
def test_grid_from_the_sheet_name(name: str) -> None:
    layout = detect_layout(sheet(name, ("姓名", "家庭住址"), ("王建国", "3-2-502")))
    assert layout.grid == name


def test_wps_files_say_how_to_save_them(tmp_path: Path) -> None:
    from gridboard.exchange.reader import UnreadableFile

    path = tmp_path / "花名册.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableFile) as raised:
        read_book(path)
    assert "另存为" in raised.value.template


def test_not_a_workbook_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    from gridboard.exchange.reader import UnreadableFile

    for suffix in (".xlsx", ".xls", ".ods"):
        path = tmp_path / f"坏{suffix}"
        path.write_bytes(b"this is not a workbook")
        with pytest.raises(UnreadableFile):
            read_book(path)


def test_cells_merged_down_read_as_the_merged_value(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["户号", "家庭住址", "姓名"])
    ws.append(["H1", "3-2-502", "王建国"])
    ws.append([None, None, "李秀英"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    wb.save(tmp_path / "m.xlsx")
    rows = read_book(tmp_path / "m.xlsx").sheets[0].rows
    assert rows[2] == ("H1", "3-2-502", "李秀英")
