"""Excel exports: the ledger round trip, formula-safe text, masking, periods, and LibreOffice reading them."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from gridboard.exchange import export
from gridboard.exchange.importer import apply_import, detect_layouts
from gridboard.exchange.reader import read_book
from gridboard.models import ledger, requests, visits
from gridboard.models.opening import open_store
from gridboard.models.store import Store

_ADDRESS = "c.name, g.name, b.name, h.unit, h.room"
_JOINS = (
    "JOIN building b ON b.id = h.building_id JOIN grid g ON g.id = b.grid_id"
    " JOIN community c ON c.id = g.community_id"
)


def households(store: Store) -> set[tuple]:
    return {
        tuple(r)
        for r in store.query(
            f"SELECT {_ADDRESS}, h.floor, h.head_name, h.phone, h.people, h.occupancy, h.notes, h.priority_tier"
            f" FROM household h {_JOINS} WHERE h.archived_at IS NULL"
        )
    }


def residents(store: Store) -> list[tuple]:
    return sorted(
        tuple(r)
        for r in store.query(
            f"SELECT {_ADDRESS}, r.name, r.gender, r.birth_year, r.phone, r.id_number,"
            " (SELECT group_concat(code) FROM (SELECT t.code FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id"
            "  WHERE rt.resident_id = r.id ORDER BY t.code))"
            f" FROM resident r JOIN household h ON h.id = r.household_id {_JOINS}"
            " WHERE r.moved_out_at IS NULL AND r.archived_at IS NULL"
        )
    )


@pytest.mark.slow
def test_round_trip_of_the_community_demo(community_demo: Path, db: Store, tmp_path: Path) -> None:
    demo = open_store(community_demo)
    out = tmp_path / "ledger.xlsx"
    try:
        export.export_ledger(demo, out, reveal=True)
        expected_households, expected_residents = households(demo), residents(demo)
    finally:
        demo.close()
    book = read_book(out)
    report = apply_import(db, book, detect_layouts(db, book))
    assert report.errors == []
    assert report.count("household", "added") == len(expected_households)
    assert households(db) == expected_households
    # Same residents with the same tags (two people of one name in one household would merge; none here).
    assert residents(db) == expected_residents
    assert sum(1 for r in expected_residents if r[-1]) > 100


@pytest.fixture
def filled(small) -> Store:
    store = small.store
    h = small.household(2, "502")
    ledger.update_household(
        store, h, head_name="王建国", phone="13812345678", notes='=HYPERLINK("http://x","点我")'
    )
    ledger.update_household(store, small.household(1, "101"), notes="+1 楼下漏水")
    ledger.add_resident(
        store,
        household_id=h,
        name="王建国",
        gender="M",
        birth_year=1948,
        phone="13812345678",
        id_number="11010519491231002X",
        tags=["living_alone", "chronic"],
    )
    ledger.add_resident(store, household_id=h, name="-李秀英", gender="F", birth_year=1950)
    now = datetime.now().replace(microsecond=0)
    visits.log_visit(
        store,
        household_id=h,
        member_ids=[small.member],
        visited_at=now - timedelta(days=3),
        note="@老人说腿疼",
    )
    visits.log_visit(store, household_id=h, member_ids=[small.member], visited_at=now - timedelta(days=40))
    requests.raise_request(store, household_id=h, category="medicine", text="=1+1 需要买药")
    return store


def test_ledger_export_layout_masking_and_formula_safety(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    export.export_ledger(filled, path)
    ws = openpyxl.load_workbook(path).active
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:7] == ["社区", "网格", "楼栋", "单元", "楼层", "门牌号", "户主姓名"]
    assert ws.column_dimensions["P"].width == 21
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    wang = next(r for r in rows if r[11] == "王建国")
    assert wang[7] == "138****5678" and wang[14] == "138****5678" and wang[15] == "1101**********002X"
    assert wang[16] == "独居老人、慢性病"
    note_cell = next(row[10] for row in ws.iter_rows(min_row=2) if row[11].value == "王建国")
    assert note_cell.value.startswith("=HYPERLINK") and note_cell.data_type == "s" and note_cell.quotePrefix
    assert any(r[11] == "-李秀英" for r in rows)
    revealed = tmp_path / "revealed.xlsx"
    export.export_ledger(filled, revealed, reveal=True)
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(revealed).active.iter_rows(min_row=2)]
    assert next(r for r in rows if r[11] == "王建国")[15] == "11010519491231002X"
    assert len(rows) == 2 + 23  # two residents in 2-502, and one row for each of the other 23 households


def test_visits_requests_and_coverage_exports(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "visits.xlsx"
    assert export.export_visits(filled, path, start=date.today() - timedelta(days=10), end=date.today()) == 1
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "走访时间" and isinstance(ws["A2"].value, datetime)
    assert ws["K2"].value == "@老人说腿疼" and ws["K2"].data_type == "s"
    assert export.export_visits(filled, path) == 2
    path = tmp_path / "requests.xlsx"
    assert export.export_requests(filled, path) == 1
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["诉求", "办理过程"]
    assert book["诉求"]["G2"].value == "买药就医" and book["诉求"]["H2"].value == "=1+1 需要买药"
    assert book["诉求"]["H2"].data_type == "s"
    assert book["办理过程"]["B2"].value == "已收集"
    path = tmp_path / "coverage.xlsx"
    export.export_coverage(filled, path)
    book = openpyxl.load_workbook(path)
    grid = [c.value for c in book["网格覆盖"][2]]
    assert grid[:4] == ["幸福社区", "第一网格", 24, 0]
    member = [c.value for c in book["党员覆盖"][2]]
    assert member[1:3] == ["张三", "社区党员"]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_exports_open_in_libreoffice_and_formula_like_text_stays_text(filled: Store, tmp_path: Path) -> None:
    files = []
    for kind in ("ledger", "requests"):
        files.append(tmp_path / f"{kind}.xlsx")
        export.export(filled, kind, files[-1], reveal=True)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "csv"),
            *map(str, files),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = read_csv(tmp_path / "csv" / "ledger.csv")
    assert rows[0][:6] == ["社区", "网格", "楼栋", "单元", "楼层", "门牌号"]
    wang = next(r for r in rows if r[11] == "王建国")
    assert wang[10] == '=HYPERLINK("http://x","点我")', "the note is shown as written, not run"
    assert wang[16] == "独居老人、慢性病" and wang[15] == "11010519491231002X"
    assert any(r[10] == "+1 楼下漏水" for r in rows)
    assert any(r[11] == "-李秀英" for r in rows)
    requests_rows = read_csv(tmp_path / "csv" / "requests.csv")
    assert requests_rows[1][7] == "=1+1 需要买药"
    assert requests_rows[1][1].startswith(str(date.today().year))
