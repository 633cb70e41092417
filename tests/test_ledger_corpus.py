"""The ledger corpus (tests/data/ledgers/): office-style 花名册 and 台账 import to exactly the counts recorded.

Every case runs the command line (`gridboard import FILE --into DB`) for each of its files in order, then
reads the SQLite file directly and compares every count in expected.json, plus spot checks of single values.
Each broken twin must be refused whole, naming each planted cell by sheet, row and column letter.
The corpus and expected.json are written by tests/data/ledgers/make_corpus.py; README.md there says what
each file imitates and what is planted in it.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from python_calamine import CalamineWorkbook

from gridboard.cli import main

LEDGERS = Path(__file__).parent / "data" / "ledgers"
EXPECTED = json.loads((LEDGERS / "expected.json").read_text(encoding="utf-8"))
CASES = EXPECTED["cases"]
BROKEN = EXPECTED["broken"]
SPREADSHEETS = sorted(p.name for p in LEDGERS.iterdir() if p.suffix in (".xlsx", ".xls", ".ods"))
CSVS = {"roster_xingfu_grid1_gbk.csv": "gbk", "roster_xingfu_grid1_utf8bom.csv": "utf-8-sig"}


def run_import(path: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    rc = main(["import", str(path), "--into", str(db)])
    captured = capsys.readouterr()
    return rc, captured.out + captured.err


def import_all(files: list[str], db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    output = []
    for name in files:
        rc, out = run_import(LEDGERS / name, db, capsys)
        assert rc == 0, f"{name} was refused:\n{out}"
        output.append(out)
    return "\n".join(output)


def actual_counts(db: Path) -> dict:
    """Everything expected.json can name, read straight from the file."""
    con = sqlite3.connect(db)
    try:

        def one(sql: str) -> int:
            return con.execute(sql).fetchone()[0]

        def pairs(sql: str) -> dict:
            return dict(con.execute(sql).fetchall())

        names = [
            r[0] for r in con.execute("SELECT name FROM community WHERE archived_at IS NULL ORDER BY name")
        ]
        estates = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT estate FROM building WHERE estate != '' AND archived_at IS NULL ORDER BY estate"
            )
        ]
        scopes = con.execute(
            "SELECT sum(unit IS NULL AND floor IS NULL), sum(unit IS NOT NULL AND floor IS NULL), "
            "sum(unit IS NOT NULL AND floor IS NOT NULL) FROM scope WHERE ended_on IS NULL"
        ).fetchone()
        return {
            "communities": one("SELECT count(*) FROM community WHERE archived_at IS NULL"),
            "community_names": names,
            "grids": pairs("SELECT name, count(*) FROM grid WHERE archived_at IS NULL GROUP BY name"),
            "buildings": one("SELECT count(*) FROM building WHERE archived_at IS NULL"),
            "estates": estates,
            "households": one("SELECT count(*) FROM household WHERE archived_at IS NULL"),
            "residents": one(
                "SELECT count(*) FROM resident WHERE archived_at IS NULL AND moved_out_at IS NULL"
            ),
            "tags": pairs(
                "SELECT t.code, count(DISTINCT rt.resident_id) FROM resident_tag rt "
                "JOIN tag t ON t.id = rt.tag_id GROUP BY t.code"
            ),
            "members": one("SELECT count(*) FROM member WHERE archived_at IS NULL"),
            "members_by_kind": pairs(
                "SELECT kind, count(*) FROM member WHERE archived_at IS NULL GROUP BY kind"
            ),
            "pairings": pairs("SELECT mode, count(*) FROM pairing WHERE ended_on IS NULL GROUP BY mode"),
            "scopes": {"building": scopes[0] or 0, "unit": scopes[1] or 0, "floor": scopes[2] or 0},
        }
    finally:
        con.close()


def compare(expected: dict, actual: dict) -> dict:
    """The actual values for the keys expected names (superset keys are checked as superset)."""
    got = {}
    for key, want in expected.items():
        if key == "community_names_contain":
            got[key] = [w for w in want if any(w in name for name in actual["community_names"])]
        elif key == "estates_include":
            got[key] = [w for w in want if w in actual["estates"]]
        else:
            got[key] = actual[key]
    return got


def mentions(output: str, kind: str | None, sheet: str, row: int, column: str) -> bool:
    """A printed line names this cell: `{sheet} row {row}` and `column {letter}`."""
    cell = re.compile(rf"{re.escape(sheet)} row {row}(?!\d)")
    col = re.compile(rf"column {column}(?![A-Z])")
    return any(
        cell.search(line) and col.search(line) and (kind is None or line.lstrip().startswith(kind))
        for line in output.splitlines()
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_gives_every_expected_count(name: str, tmp_path: Path, capsys) -> None:
    case = CASES[name]
    db = tmp_path / "board.gridboard"
    output = import_all(case["files"], db, capsys)
    assert compare(case["counts"], actual_counts(db)) == case["counts"], output
    con = sqlite3.connect(db)
    try:
        for spot in case["spot_checks"]:
            rows = [list(r) for r in con.execute(spot["sql"]).fetchall()]
            assert rows == spot["rows"], f"{spot['why']}\n{spot['sql']}"
    finally:
        con.close()
    for warning in case["warnings_at"]:
        assert mentions(output, "warning", warning["sheet"], warning["row"], warning["column"]), (
            f"no warning for {warning['sheet']} row {warning['row']} column {warning['column']} "
            f"({warning['what']}):\n{output}"
        )


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_twin_is_refused_whole_naming_each_planted_cell(name: str, tmp_path: Path, capsys) -> None:
    twin = BROKEN[name]
    db = tmp_path / "board.gridboard"
    import_all(twin["before"], db, capsys)
    before = actual_counts(db) if db.exists() else None
    rc, output = run_import(LEDGERS / twin["file"], db, capsys)
    assert rc == 1, output
    for cell in twin["planted"]:
        assert mentions(output, None, cell["sheet"], cell["row"], cell["column"]), (
            f"{cell['sheet']} row {cell['row']} column {cell['column']} ({cell['what']}) not named:\n{output}"
        )
    if before is None:
        if db.exists():
            after = actual_counts(db)
            assert (after["households"], after["residents"], after["members"]) == (0, 0, 0)
    else:
        assert actual_counts(db) == before, "a refused file changed the board"


def load_generator():
    spec = importlib.util.spec_from_file_location("make_corpus", LEDGERS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["make_corpus"]
    return module


def test_regenerating_gives_the_same_bytes(tmp_path: Path) -> None:
    load_generator().build(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert "expected.json" in made
    for name in made:
        assert (tmp_path / name).read_bytes() == (LEDGERS / name).read_bytes(), f"{name} differs"


@pytest.mark.parametrize("name", SPREADSHEETS)
def test_each_spreadsheet_opens_with_calamine(name: str) -> None:
    book = CalamineWorkbook.from_path(str(LEDGERS / name))
    assert book.sheet_names
    for sheet in book.sheet_names:
        rows = book.get_sheet_by_name(sheet).to_python()
        assert any(any(v not in ("", None) for v in row) for row in rows), sheet


def cells(path: Path, sheet: str) -> list[list]:
    """A sheet's values, trimmed and with whole floats as ints (xls and xlsx differ only there)."""

    def norm(v):
        if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
            return int(v)
        if isinstance(v, datetime):
            return v.date() if v.time() == datetime.min.time() else v
        return v

    rows = [
        [norm(v) for v in row]
        for row in CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    ]
    rows = [row[: max([i + 1 for i, v in enumerate(row) if v not in ("", None)], default=0)] for row in rows]
    while rows and not rows[-1]:
        rows.pop()
    return rows


def ods_merges(path: Path, sheet: str) -> set:
    t = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    root = ElementTree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    for table in root.iter(f"{{{t}}}table"):
        if table.get(f"{{{t}}}name") != sheet:
            continue
        merges, r = set(), 0
        for row in table.iter(f"{{{t}}}table-row"):
            c = 0
            for cell in row:
                if cell.tag not in (f"{{{t}}}table-cell", f"{{{t}}}covered-table-cell"):
                    continue
                cs = int(cell.get(f"{{{t}}}number-columns-spanned", "1"))
                rs = int(cell.get(f"{{{t}}}number-rows-spanned", "1"))
                if cs > 1 or rs > 1:
                    merges.add(((r, c), (r + rs - 1, c + cs - 1)))
                c += int(cell.get(f"{{{t}}}number-columns-repeated", "1"))
            r += int(row.get(f"{{{t}}}number-rows-repeated", "1"))
        return merges
    raise KeyError(sheet)


CONVERTED = [
    (source, source.rsplit(".", 1)[0] + "." + target)
    for target, sources in EXPECTED["conversions"].items()
    for source in sources
]


@pytest.mark.parametrize(("source", "copy"), CONVERTED)
def test_libreoffice_copies_keep_every_value_and_merged_cell(source: str, copy: str) -> None:
    """The committed .xls/.ods were made from today's .xlsx (rerun make_corpus.py --convert if not)."""
    src, dst = LEDGERS / source, LEDGERS / copy
    sheets = CalamineWorkbook.from_path(str(src)).sheet_names
    assert CalamineWorkbook.from_path(str(dst)).sheet_names == sheets
    for sheet in sheets:
        assert cells(dst, sheet) == cells(src, sheet), f"{copy} {sheet}: values differ from {source}"
        want = set(CalamineWorkbook.from_path(str(src)).get_sheet_by_name(sheet).merged_cell_ranges or [])
        if dst.suffix == ".ods":
            got = ods_merges(dst, sheet)
        else:
            got = set(CalamineWorkbook.from_path(str(dst)).get_sheet_by_name(sheet).merged_cell_ranges or [])
        assert got == want, f"{copy} {sheet}: merged cells lost or added"
        assert want or sheet in ("填表说明",), f"{source} {sheet} has no merged cells to check"


@pytest.mark.parametrize("name", sorted(CSVS))
def test_csv_copies_decode_and_match_the_workbook(name: str) -> None:
    raw = (LEDGERS / name).read_bytes()
    encoding = CSVS[name]
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    text = raw.decode(encoding)  # strict: every byte is valid in its encoding
    rows = list(csv.reader(text.splitlines()))
    sheet = cells(LEDGERS / "roster_xingfu_grid1.xlsx", "居民花名册")
    assert len(rows) == len(sheet)
    names = [row[6] for row in sheet[4:] if len(row) > 6 and row[6]]
    assert [row[6] for row in rows[4:] if row[6]] == names
    assert rows[0][0] == "幸福社区第一网格居民花名册"
    assert any(row[10] == "6.20702E+17" for row in rows), "the float-mangled ID reads as Excel shows it"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_files(tmp_path: Path) -> None:
    files = [LEDGERS / "roster_xingfu_grid1.xlsx", LEDGERS / "pairing_xingfu_grid1.ods"]
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    roster = (tmp_path / "roster_xingfu_grid1.csv").read_text(encoding="utf-8")
    pairing = (tmp_path / "pairing_xingfu_grid1.csv").read_text(encoding="utf-8")
    assert roster.startswith("幸福社区第一网格居民花名册") and "周建平" in roster and "王  丽" in roster
    assert (
        pairing.startswith("幸福社区第一网格党员联系户台账") and "李秀英" in pairing and "包楼栋" in pairing
    )


def test_expected_counts_agree_with_the_ledger_totals() -> None:
    """The 汇总 sheet and 合计 rows the office wrote agree with the counts the corpus expects."""
    summary = cells(LEDGERS / "collect_xingfu_by_grid.xlsx", "汇总")
    total = summary[-1]
    counts = CASES["collect_by_grid"]["counts"]
    assert total[0] == "合计"
    assert total[1:] == [
        counts["households"],
        counts["residents"],
        counts["tags"]["living_alone"],
        counts["tags"]["dibao"],
        counts["tags"]["disabled"],
    ]
