"""Importing office ledgers: layouts, normalised values, problems named by row and column, all or nothing."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridboard.commands import excel
from gridboard.exchange.importer import (
    ImportBlocked,
    apply_import,
    detect_layouts,
    preview,
)
from gridboard.exchange.reader import read_book
from gridboard.models.opening import open_store
from gridboard.models.store import Store

TABLES = (
    "community",
    "grid",
    "building",
    "household",
    "resident",
    "resident_tag",
    "member",
    "pairing",
    "audit_log",
)


def counts(store: Store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}


def office_workbook(path: Path, *, broken: bool = False) -> Path:
    """A ledger the way offices keep one: merged titles, synonyms, every address, date and phone form."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "居民台账"
    ws.append(["幸福社区第一网格居民信息台账"])
    ws.merge_cells("A1:L1")
    ws.append(["填报单位：幸福社区", None, None, None, None, None, "填报日期：2024年3月"])
    ws.merge_cells("A2:F2")
    ws.append(
        [
            "序号",
            "所属网格",
            "家庭住址",
            "户主",
            "居民姓名",
            "性别",
            "出生日期",
            "手机号",
            "证件号码",
            "重点人群",
            "居住情况",
            "备注",
        ]
    )
    rows = [
        (
            1,
            "第一网格",
            "3号楼2单元502",
            "王建国",
            "王建国",
            "男",
            "1956-03",
            13812345678,
            "",
            "独居、慢病",
            "自住",
            '=HYPERLINK("x")',
        ),
        (
            2,
            None,
            None,
            None,
            "李秀英",
            "女",
            datetime(1958, 5, 1),
            "138 1234 5679",
            "",
            "残疾人",
            None,
            None,
        ),
        (
            3,
            "第一网格",
            "3-2-601",
            "张伟",
            "张伟",
            "男",
            "19800312",
            "+86 139 1234 5678",
            "",
            "",
            "出租",
            None,
        ),
        (
            4,
            "第一网格",
            "3栋1单元0301室",
            "赵四",
            "赵四",
            "男",
            "1956年3月",
            13912345679.0,
            "",
            "80岁以上",
            None,
            None,
        ),
        (5, "第一网格", "三号楼二单元", None, None, None, None, None, None, None, None, None),
        (
            6,
            "第二网格",
            "５号楼１单元１０２",
            "刘芳",
            "刘芳",
            "女",
            21230,
            "0936-1234567",
            "",
            "低保户 吸毒",
            None,
            None,
        ),
        (
            7,
            "第二网格",
            " 5 号楼 1 单元 201 ",
            "陈红",
            "陈红",
            "女",
            "1990.7.1",
            "(0936)7654321",
            "11010519491231002X",
            "孕妇",
            None,
            None,
        ),
    ]
    for row in rows:
        ws.append(row)
    if broken:
        ws.append(
            (
                8,
                "第一网格",
                "3号楼2单元702",
                "孙七",
                "孙七",
                "男",
                "1956-13-45",
                "13812345670",
                "",
                "",
                None,
                None,
            )
        )
    wb.save(path)
    return path


def test_office_ledger_is_read_as_the_office_meant(db: Store, tmp_path: Path) -> None:
    book = read_book(office_workbook(tmp_path / "台账.xlsx"))
    layouts = detect_layouts(db, book)
    assert [(x.name, x.kind, x.header_row) for x in layouts] == [("居民台账", "ledger", 2)]
    before = counts(db)
    report = preview(db, book, layouts)
    assert counts(db) == before, "a preview writes nothing"
    # 三号楼二单元 says no room: an error naming sheet, row and column.
    assert [(x.row, x.column, x.severity) for x in report.errors] == [(8, "C 家庭住址", "error")]
    assert report.unknown_tags == {"吸毒": 1}
    with pytest.raises(ImportBlocked):
        apply_import(db, book, layouts)
    assert counts(db) == before


def test_clean_ledger_imports_with_normalised_values(db: Store, tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "台账.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.delete_rows(8)  # the row without a room
    wb.save(path)
    book = read_book(path)
    report = apply_import(db, book, detect_layouts(db, book))
    assert report.count("household", "added") == 5 and report.count("resident", "added") == 6
    assert report.count("building", "added") == 2 and report.count("grid", "added") == 2
    rows = {
        r["name"]: dict(r)
        for r in db.query(
            "SELECT r.name, r.gender, r.birth_year, r.phone, r.id_number, b.name AS building, h.unit, h.floor,"
            " h.room, h.head_name, h.occupancy, g.name AS grid, h.priority_tier,"
            " (SELECT group_concat(t.code) FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id"
            "  WHERE rt.resident_id = r.id) AS tags"
            " FROM resident r JOIN household h ON h.id = r.household_id JOIN building b ON b.id = h.building_id"
            " JOIN grid g ON g.id = b.grid_id"
        )
    }
    wang = rows["王建国"]
    assert (wang["building"], wang["unit"], wang["floor"], wang["room"]) == ("3号楼", 2, 5, "502")
    assert (wang["birth_year"], wang["phone"], wang["priority_tier"]) == (1956, "13812345678", 2)
    assert set(wang["tags"].split(",")) == {"living_alone", "chronic"}
    # Imported names are searchable by pinyin initials straight away.
    from gridboard.models import search

    assert db.scalar("SELECT count(*) FROM resident WHERE name_initials IS NULL") == 0
    assert any(hit.name == "王建国" for hit in search.search(db, "wjg"))
    # The family member's row (address left blank under a merged cell) joins the household above.
    assert (rows["李秀英"]["room"], rows["李秀英"]["head_name"], rows["李秀英"]["phone"]) == (
        "502",
        "王建国",
        "13812345679",
    )
    assert (rows["张伟"]["birth_year"], rows["张伟"]["phone"], rows["张伟"]["occupancy"]) == (
        1980,
        "13912345678",
        "rented_out",
    )
    assert (rows["赵四"]["unit"], rows["赵四"]["room"], rows["赵四"]["phone"], rows["赵四"]["tags"]) == (
        1,
        "301",
        "13912345679",
        "aged_80",
    )
    assert (rows["刘芳"]["building"], rows["刘芳"]["grid"], rows["刘芳"]["birth_year"]) == (
        "5号楼",
        "第二网格",
        1958,
    )
    assert rows["刘芳"]["phone"] == "0936-1234567" and rows["刘芳"]["tags"] == "dibao"
    assert (rows["陈红"]["phone"], rows["陈红"]["id_number"], rows["陈红"]["floor"]) == (
        "0936-7654321",
        "11010519491231002X",
        2,
    )
    building = db.one("SELECT units, floors, rooms_per_floor FROM building WHERE name = '3号楼'")
    assert tuple(building) == (2, 6, 2), (
        "a new building's shape is inferred from the largest unit, floor, room"
    )
    # One summary entry for the import plus none per inserted row.
    assert db.scalar("SELECT count(*) FROM audit_log WHERE action = 'import'") == 1


def test_broken_row_names_row_and_column_and_nothing_is_written(db: Store, tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "台账.xlsx", broken=True)
    book = read_book(path)
    before = counts(db)
    report = preview(db, book, detect_layouts(db, book))
    broken = [x for x in report.errors if x.row == 11]
    assert [(x.sheet, x.row, x.column, x.value) for x in broken] == [
        ("居民台账", 11, "G 出生日期", "1956-13-45")
    ]
    with pytest.raises(ImportBlocked) as raised:
        apply_import(db, book, detect_layouts(db, book))
    assert raised.value.params["count"] == 2
    assert counts(db) == before


def test_reimport_updates_instead_of_duplicating(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["网格", "楼栋", "单元", "房号", "户主姓名", "姓名", "联系电话", "人员类别"])
    ws.append(["第一网格", "1号楼", 1, 101, "甲", "甲", "13800000001", "独居"])
    ws.append(["第一网格", None, None, 102, "乙", "乙", "13800000002", ""])
    ws.append(["第一网格", None, None, 102, None, "乙妻", "13800000003", "孕产妇"])
    wb.save(path)
    book = read_book(path)
    first = apply_import(db, book, detect_layouts(db, book))
    assert (first.count("household", "added"), first.count("resident", "added")) == (2, 3)
    again = apply_import(db, book, detect_layouts(db, book))
    assert (again.count("household", "unchanged"), again.count("resident", "unchanged")) == (2, 3)
    assert again.count("household", "added") == again.count("resident", "added") == 0
    ws["G2"] = "13900000009"
    ws["H4"] = "孕产妇、残疾"
    ws.append(["第一网格", "1号楼", 1, 201, "丙", "丙", None, None])
    wb.save(path)
    book = read_book(path)
    third = apply_import(db, book, detect_layouts(db, book))
    assert (third.count("household", "added"), third.count("household", "unchanged")) == (1, 2)
    assert (
        third.count("resident", "added"),
        third.count("resident", "updated"),
        third.count("resident", "unchanged"),
    ) == (1, 2, 1)
    assert db.scalar("SELECT count(*) FROM resident") == 4
    assert db.scalar("SELECT phone FROM resident WHERE name = '甲'") == "13900000009"
    old, new = db.one(
        "SELECT old, new FROM audit_log WHERE action = 'import' AND table_name = 'resident' AND new LIKE '%139%'"
    )
    # Masked as every audit entry is (issue 16): the trail keeps no number in full.
    assert json.loads(old) == {"phone": "138****0001"} and json.loads(new) == {"phone": "139****0009"}
    assert db.scalar("SELECT priority_tier FROM household WHERE room = '102'") == 2  # 残疾 is high tier


def test_matches_households_already_in_the_file(small, tmp_path: Path) -> None:
    db = small.store
    path = tmp_path / "b.csv"
    path.write_bytes(
        "楼号,单元,门牌号,户主姓名,联系电话\n3,1,101,王五,13812345678\n3号楼,2,0602,赵六,\n".encode("gbk")
    )
    book = read_book(path)
    layouts = detect_layouts(db, book)
    assert layouts[0].kind == "ledger"
    report = apply_import(db, book, layouts)
    assert report.count("household", "updated") == 2 and report.count("household", "added") == 0
    assert report.count("building", "added") == 0
    assert db.scalar("SELECT head_name FROM household WHERE id = ?", [small.household(1, "101")]) == "王五"
    assert db.scalar("SELECT phone FROM household WHERE id = ?", [small.household(1, "101")]) == "13812345678"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(db: Store, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(
        "社区,网格,住址,姓名,人员类别\n幸福社区,第一网格,3-2-502,王建国,独居老人\n".encode(encoding)
    )
    book = read_book(path)
    report = apply_import(db, book, detect_layouts(db, book))
    assert report.count("resident", "added") == 1
    assert db.scalar("SELECT name FROM community") == "幸福社区"
    assert db.scalar("SELECT name FROM resident") == "王建国"


def several_sheets(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "住户"
    ws.append(["社区", "网格", "楼栋", "单元", "室", "户主姓名", "人口数"])
    ws.append(["幸福社区", "第一网格", "3栋", "2", "502", "王建国", 2])
    ws.append(["幸福社区", "第一网格", "3栋", "2", "501", "李四", 1])
    members = wb.create_sheet("党员")
    members.append(["社区", "网格", "党员姓名", "党员类别", "所在支部", "工作单位", "联系电话", "联系户"])
    members.append(
        [
            "幸福社区",
            "第一网格",
            "李明",
            "在职党员（双报到）",
            "第一网格党支部",
            "市税务局",
            "13912345678",
            "3-2-502、3-2-501",
        ]
    )
    members.append(["幸福社区", "第一网格", "周芳", "楼长", "第一网格党支部", "", "", ""])
    pairs = wb.create_sheet("结对")
    pairs.append(["党员姓名", "楼号", "单元", "门牌号", "结对方式", "结对日期"])
    pairs.append(["周芳", "3号楼", "2", "502", "N+1", "2024-03-01"])
    pairs.append(["无此人", "3号楼", "2", "502", "1+1", "2024-03-01"])
    wb.save(path)
    return path


def test_several_sheets_members_and_pairings(db: Store, tmp_path: Path) -> None:
    book = read_book(several_sheets(tmp_path / "多表.xlsx"))
    layouts = detect_layouts(db, book)
    assert [x.kind for x in layouts] == ["ledger", "members", "pairings"]
    report = apply_import(db, book, layouts)
    assert report.count("member", "added") == 2 and report.count("pairing", "added") == 3
    assert [x.reason for x in report.warnings] == [
        "Not paired: there is no member named {name} in the file or the sheets."
    ]
    assert db.scalar("SELECT kind FROM member WHERE name = '李明'") == "in_service"
    assert db.scalar("SELECT kind FROM member WHERE name = '周芳'") == "building_head"
    assert (
        db.scalar("SELECT mode FROM pairing p JOIN member m ON m.id = p.member_id WHERE m.name = '周芳'")
        == "N+1"
    )
    again = apply_import(db, book, detect_layouts(db, book))
    assert again.count("pairing", "unchanged") == 3 and again.count("member", "unchanged") == 2


def test_new_building_without_grid_column_in_a_file_with_several_grids(small, tmp_path: Path) -> None:
    from gridboard.models import ledger

    ledger.create_grid(small.store, community_id=small.community, name="第二网格")
    path = tmp_path / "d.csv"
    path.write_text("住址,姓名\n9号楼1单元101,某人\n3号楼1单元101,王五\n", encoding="utf-8")
    book = read_book(path)
    report = preview(small.store, book, detect_layouts(small.store, book))
    assert [(x.row, x.severity) for x in report.problems] == [(2, "error")]
    assert "网格" in report.problems[0].reason


def test_mapping_is_remembered_for_the_same_layout(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("位置,住户,电话号\n3-2-502,王建国,13812345678\n", encoding="utf-8")
    book = read_book(path)
    layouts = detect_layouts(db, book)
    assert layouts[0].kind == "skip" and not layouts[0].remembered
    layouts[0].kind = "ledger"
    layouts[0].mapping = {0: "address", 1: "name", 2: "phone"}
    apply_import(db, book, layouts)
    other = tmp_path / "f.csv"
    other.write_text("位置,住户,电话号\n3-2-501,李四,13812345679\n", encoding="utf-8")
    again = detect_layouts(db, read_book(other))
    assert again[0].remembered and again[0].kind == "ledger"
    assert again[0].mapping == {0: "address", 1: "name", 2: "phone"}


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    excel.register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_command_line_import_dry_run_and_export(tmp_path: Path, capsys) -> None:
    sheet = several_sheets(tmp_path / "多表.xlsx")
    target = tmp_path / "new.gridboard"
    assert run_cli("import", str(sheet), "--db", str(target), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "household: 2 added" in out and "warning: 结对 row 3" in out
    store = open_store(target)
    assert store.scalar("SELECT count(*) FROM household") == 0
    store.close()
    assert run_cli("import", str(sheet), "--into", str(target)) == 0
    store = open_store(target)
    assert store.scalar("SELECT name FROM community") == "幸福社区"
    assert store.scalar("SELECT count(*) FROM household") == 2
    store.close()
    broken = office_workbook(tmp_path / "broken.xlsx", broken=True)
    assert run_cli("import", str(broken), "--into", str(target)) == 1
    out = capsys.readouterr().out
    assert "error: 居民台账 row 11 column G 出生日期 [1956-13-45]" in out
    out_file = tmp_path / "ledger.xlsx"
    assert run_cli("export", "ledger", "--db", str(target), "--out", str(out_file)) == 0
    sheet_out = openpyxl.load_workbook(out_file).active
    assert sheet_out["G1"].value == "户主姓名"
    assert {sheet_out["G2"].value, sheet_out["G3"].value} == {"王建国", "李四"}
    assert run_cli("template", "ledger", "--out", str(tmp_path / "t.xlsx")) == 0


@pytest.mark.parametrize("kind", ["ledger", "members", "pairings"])
def test_templates_import_cleanly(db: Store, tmp_path: Path, kind: str) -> None:
    from gridboard.exchange.templates import write_template

    path = write_template(kind, tmp_path / f"{kind}.xlsx")
    book = read_book(path)
    layouts = detect_layouts(db, book)
    assert [x.kind for x in layouts] == [kind, "skip"]
    report = preview(db, book, layouts)
    assert report.errors == []
    assert report.rows == 1


cell = st.one_of(
    st.none(),
    st.sampled_from(["3号楼2单元502", "3-2-502", "三号楼二单元", "5栋1单元0301室", "x", "", "7号院12"]),
    st.text(max_size=8),
    st.integers(-5, 30000),
    st.floats(allow_nan=False, allow_infinity=False),
)
row_strategy = st.tuples(
    cell,
    st.one_of(st.none(), st.sampled_from(["王建国", "李四", "张伟"]), st.text(max_size=4)),
    st.one_of(cell, st.sampled_from(["男", "女"])),
    st.one_of(cell, st.sampled_from(["1956-03", "1956年3月", "19560312", 21230])),
    st.one_of(cell, st.sampled_from([13812345678, "138 1234 5678", "+8613812345678"])),
    st.one_of(cell, st.sampled_from(["独居", "慢病、低保户", "未知类别"])),
    st.one_of(cell, st.sampled_from(["同上", "〃", "户主", "配偶"])),
    st.one_of(cell, st.sampled_from(["H1", "H2", "同上", 7.0])),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row_strategy, max_size=12))
def test_random_sheets_never_crash_and_are_all_or_nothing(rows: list[tuple]) -> None:
    from gridboard.exchange.reader import Book, RawSheet

    store = open_store(None)
    try:
        book = Book(
            Path("随机.xlsx"),
            [
                RawSheet(
                    "表",
                    [
                        ("住址", "姓名", "性别", "出生年月", "联系电话", "人员类别", "与户主关系", "户号"),
                        *rows,
                    ],
                )
            ],
        )
        layouts = detect_layouts(store, book)
        report = preview(store, book, layouts)
        before = counts(store)
        if report.errors:
            with pytest.raises(ImportBlocked):
                apply_import(store, book, layouts)
            assert counts(store) == before
            return
        applied = apply_import(store, book, layouts)
        assert applied.counts == report.counts
        assert store.scalar("SELECT count(*) FROM household") == report.count("household", "added")
        again = preview(store, book, detect_layouts(store, book))
        assert again.count("household", "added") == 0 and again.count("resident", "added") == 0
        assert again.count("resident", "updated") == 0
        # Importing the same sheet a second time changes nothing but the import's own audit entry.
        after_first = counts(store)
        apply_import(store, book, detect_layouts(store, book))
        assert {**counts(store), "audit_log": 0} == {**after_first, "audit_log": 0}
    finally:
        store.close()


def test_cancelled_import_writes_nothing(db: Store, tmp_path: Path) -> None:
    from gridboard.models.errors import Cancelled

    path = tmp_path / "big.csv"
    lines = ["住址,姓名"] + [f"{1 + i // 200}-1-{101 + i % 200},居民{i}" for i in range(3000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    book = read_book(path)
    seen: list[int] = []

    def progress(done: int, total: int, message: str = "") -> None:
        seen.append(done)
        if done >= 2000:
            raise Cancelled()

    before = counts(db)
    with pytest.raises(Cancelled):
        apply_import(db, book, detect_layouts(db, book), progress)
    assert seen and counts(db) == before


def test_exchange_package_imports_without_qt() -> None:
    """gridboard.exchange runs in worker threads and on the command line: no Qt in it."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    script = f"""
import importlib, pkgutil, sys
sys.path.insert(0, {str(root)!r})
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):
            raise ImportError('Qt is not allowed in gridboard.exchange: ' + name)
sys.meta_path.insert(0, Block())
import gridboard.exchange as m
for info in pkgutil.walk_packages(m.__path__, 'gridboard.exchange.'):
    importlib.import_module(info.name)
importlib.import_module('gridboard.commands.excel')
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


def test_the_gridboard_command_runs_import_and_template(tmp_path: Path, capsys) -> None:
    from gridboard import cli

    template = tmp_path / "模板.xlsx"
    assert cli.main(["template", "ledger", "--out", str(template)]) == 0
    target = tmp_path / "new.gridboard"
    assert cli.main(["import", str(template), "--db", str(target), "--dry-run"]) == 0
    assert "household: 1 added" in capsys.readouterr().out


@pytest.mark.parametrize("defer_above", [0, 10_000], ids=["recounted after", "triggers row by row"])
def test_import_keeps_the_dashboard_tallies_exact(
    db: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, defer_above: int
) -> None:
    from gridboard.exchange import importer
    from gridboard.models import tallies

    monkeypatch.setattr(importer, "DEFER_TALLIES_ABOVE", defer_above)
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    before = db.execute(indexes).fetchall()
    book = read_book(several_sheets(tmp_path / "多表.xlsx"))
    apply_import(db, book, detect_layouts(db, book))
    assert db.execute(indexes).fetchall() == before, "a bulk import builds the indexes it dropped again"
    assert db.scalar("PRAGMA integrity_check") == "ok"
    assert db.scalar("SELECT count(*) FROM tally_member_link") > 0
    assert tallies.verify(db.db) == []
    assert db.scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally%'"
    ) == len([t for m in tallies.MODULES for t in m.TRIGGERS])


def test_a_blocked_big_import_leaves_the_tallies_and_their_triggers(
    small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recount-once path drops the triggers; a blocked import must bring them back untouched."""
    from gridboard.exchange import importer
    from gridboard.models import tallies

    db = small.store
    monkeypatch.setattr(importer, "DEFER_TALLIES_ABOVE", 0)
    triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally%'"
    before = (db.scalar(triggers), db.execute("SELECT * FROM tally_count ORDER BY 1, 2, 3, 4").fetchall())
    book = read_book(office_workbook(tmp_path / "台账.xlsx", broken=True))
    with pytest.raises(ImportBlocked):
        apply_import(db, book, detect_layouts(db, book))
    assert (
        db.scalar(triggers),
        db.execute("SELECT * FROM tally_count ORDER BY 1, 2, 3, 4").fetchall(),
    ) == before
    assert before[0] > 0 and tallies.verify(db.db) == []


def test_command_line_maps_unknown_words_and_remembers_them(tmp_path: Path, capsys) -> None:
    path = tmp_path / "花名册.csv"
    path.write_text("住址,姓名,人员类别\n3-2-502,王建国,失独\n3-2-501,李四,失独、低保\n", encoding="utf-8")
    target = tmp_path / "x.gridboard"
    assert run_cli("import", str(path), "--into", str(target), "--dry-run") == 0
    assert "unknown tag: 失独 (2; first 花名册 row 2)" in capsys.readouterr().out
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"words": {"tag": {"失独": "empty_nest"}}}), encoding="utf-8")
    assert run_cli("import", str(path), "--into", str(target), "--mapping", str(mapping)) == 0
    store = open_store(target)
    try:
        tagged = store.scalar(
            "SELECT count(*) FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id WHERE t.code = 'empty_nest'"
        )
        assert tagged == 2
    finally:
        store.close()
    # The next file with the same word needs no mapping: it was remembered.
    assert run_cli("import", str(path), "--into", str(target), "--dry-run") == 0
    assert "unknown tag" not in capsys.readouterr().out


def test_control_characters_never_reach_the_file(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("住址,姓名,备注\n3-2-502,王\x00建\x07国,独居\x1b老人\n".encode())
    book = read_book(path)
    apply_import(db, book, detect_layouts(db, book))
    assert db.scalar("SELECT name FROM resident") == "王建国"


def test_problems_are_capped_with_the_total_said(db: Store, tmp_path: Path) -> None:
    from gridboard.exchange.plan import MAX_PROBLEMS

    path = tmp_path / "big.csv"
    lines = ["住址,姓名,出生日期"] + [
        f"1-1-{101 + i % 90},居民{i},1950-02-30" for i in range(MAX_PROBLEMS + 500)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    book = read_book(path)
    plan = preview(db, book, detect_layouts(db, book))
    assert len(plan.problems) == MAX_PROBLEMS and plan.errors_total == MAX_PROBLEMS + 500
    assert plan.problems_cut == 500


def test_rows_left_out_come_back_in_a_workbook_that_imports(db: Store, tmp_path: Path) -> None:
    from gridboard.exchange.importer import Edits, plan_import, write_plan
    from gridboard.exchange.left_out import write_left_out

    path = tmp_path / "a.csv"
    path.write_text(
        "住址,姓名,出生日期\n3-2-502,王建国,1950-02-30\n3-2-501,李四,1960-01-01\n", encoding="utf-8"
    )
    book = read_book(path)
    layouts = detect_layouts(db, book)
    plan = plan_import(db, book, layouts, Edits(left_out={("a", 2): "C 出生日期: no such date"}))
    assert not plan.blocked and plan.left_out == [("a", 2)]
    write_plan(db, plan)
    assert db.scalar("SELECT count(*) FROM resident") == 1
    back = tmp_path / "未导入.xlsx"
    assert write_left_out(plan, back) == 1
    rows = list(openpyxl.load_workbook(back).active.iter_rows(values_only=True))
    assert rows[1][:3] == ("3-2-502", "王建国", "1950-02-30") and "no such date" in rows[1][3]
    # The office fixes the date in that file and brings it back.
    wb = openpyxl.load_workbook(back)
    wb.active["C2"] = "1950-02-28"
    wb.save(back)
    book = read_book(back)
    fixed = apply_import(db, book, detect_layouts(db, book))
    assert fixed.count("resident", "added") == 1 and db.scalar("SELECT count(*) FROM resident") == 2


def test_a_plan_made_before_the_file_changed_is_made_again_on_writing(db: Store, tmp_path: Path) -> None:
    from gridboard.exchange.importer import plan_import, write_plan
    from gridboard.models import ledger

    path = tmp_path / "a.csv"
    path.write_text("社区,网格,住址,姓名\n幸福社区,第一网格,3-2-502,王建国\n", encoding="utf-8")
    book = read_book(path)
    plan = plan_import(db, book, detect_layouts(db, book))
    ledger.create_community(db, name="另一个社区")  # another window writes meanwhile
    write_plan(db, plan)
    assert db.scalar("SELECT count(*) FROM community") == 2
    assert db.scalar("SELECT count(*) FROM resident") == 1


def test_different_heads_for_one_room_are_flagged_not_merged_silently(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "住址,户主姓名,姓名,与户主关系\n"
        "3-2-502,王建国,王建国,户主\n"
        "3-2-502,李明,李明,户主\n"
        "3-2-502,赵四,赵四,户主\n"
        "3-2-501,张伟,张伟,户主\n"
        "3-2-501,张伟,刘芳,配偶\n"
        "3-2-501,张大伟,张小明,子\n",
        encoding="utf-8",
    )
    book = read_book(path)
    plan = preview(db, book, detect_layouts(db, book))
    second_heads = [(x.row, x.params["name"]) for x in plan.warnings if "second head" in x.reason]
    assert second_heads == [(3, "李明"), (4, "赵四")]
    disagree = [(x.row, x.column) for x in plan.warnings if "is not the one" in x.reason]
    assert disagree == [(3, "B 户主姓名"), (4, "B 户主姓名"), (7, "B 户主姓名")]
    assert not plan.blocked and plan.count("resident", "added") == 6


def test_a_cut_sheet_says_so(db: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from gridboard.exchange import reader

    monkeypatch.setattr(reader, "MAX_ROWS", 3)
    path = tmp_path / "a.csv"
    path.write_text("住址,姓名\n" + "\n".join(f"3-2-{501 + i},居民{i}" for i in range(10)), encoding="utf-8")
    book = read_book(path)
    assert book.sheets[0].cut and len(book.sheets[0].rows) == 3
    plan = preview(db, book, detect_layouts(db, book))
    assert any("rows" in x.reason and x.params.get("rows") == 3 for x in plan.warnings)


def test_a_number_in_a_birth_column_says_how_it_was_read(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["住址", "姓名", "出生日期"])
    ws.append(["3-2-502", "王建国", 21230])  # a date cell formatted as a number: Excel's day 21230
    ws.append(["3-2-501", "李四", 1956])  # a year
    ws.append(["3-2-601", "张伟", 3000])  # not a year: a day number, said so
    ws.append(["3-2-602", "赵四", "2999年5月"])  # a birth in the future
    wb.save(path)
    book = read_book(path)
    plan = preview(db, book, detect_layouts(db, book))
    assert [(x.row, x.params.get("day")) for x in plan.warnings] == [(2, "1958-02-14"), (4, "1908-03-18")]
    assert [x.row for x in plan.errors] == [5]


def test_our_own_csv_export_comes_back_without_its_formula_guard(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text("住址,户主姓名,备注\n3-2-502,王建国,'=1+1 楼下漏水\n", encoding="utf-8-sig")
    book = read_book(path)
    apply_import(db, book, detect_layouts(db, book))
    assert db.scalar("SELECT notes FROM household") == "=1+1 楼下漏水"


def test_pairing_problems_point_at_the_cell_they_are_about(db: Store, tmp_path: Path) -> None:
    path = tmp_path / "联系户台账.csv"
    path.write_text(
        "党员姓名,家庭住址,结对方式\n无此人,3-2-502,1+1\n王伟,9号楼2单元,包单元\n", encoding="utf-8"
    )
    book = read_book(path)
    plan = preview(db, book, detect_layouts(db, book))
    where = {(x.row, x.column.split()[0]) for x in plan.warnings}
    assert (2, "A") in where, "a member not found points at the member's cell"
    assert (3, "B") in where, "a building not found points at the address cell"
