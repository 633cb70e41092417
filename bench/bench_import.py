"""Importing a 50,000-household ledger workbook, against only reading its cells with python-calamine.

    python bench/bench_import.py [--households 50000] [--repeat 2]

The workbook is made once (bench/data/import_50k.xlsx) the way offices write one: a merged title row,
Chinese headers, one row per resident, family members under their household with the address left
blank, mixed address, date and phone forms. Figures are ratios to the raw read measured in the same run
(python-calamine reading every cell, the same reader the import uses; openpyxl's read-only read is
shown beside it). The whole import is what the office waits for: read, recognise, preview (the plan),
write. Target: at most 5× calamine's bare read. The best of --repeat runs of each is taken.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl

from gridboard.exchange.importer import detect_layouts, plan_import, write_plan
from gridboard.exchange.reader import read_book
from gridboard.models import names
from gridboard.models.opening import open_store

HEADERS = [
    "序号",
    "社区",
    "所属网格",
    "住址",
    "户主姓名",
    "姓名",
    "与户主关系",
    "性别",
    "出生年月",
    "联系电话",
    "人员类别",
    "居住状态",
    "备注",
]
TAGS = ["", "", "", "", "", "独居", "慢病", "残疾人", "低保户", "80岁以上", "空巢老人", "退役军人", "孕产妇"]


def make_workbook(path: Path, households: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    picker = names.NamePicker(rng)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("居民台账")
    ws.append(["某街道居民信息台账（基准测试）"])
    ws.append(HEADERS)
    rows = 0
    made = 0
    community = 0
    while made < households:
        community += 1
        for grid in range(1, 11):
            for building in range(1, 13):
                units, floors, per_floor = rng.randint(2, 4), rng.choice((6, 6, 11, 18)), 2
                for unit in range(1, units + 1):
                    for floor in range(1, floors + 1):
                        for index in range(1, per_floor + 1):
                            if made >= households:
                                break
                            made += 1
                            room = f"{floor}{index:02d}"
                            address = rng.choice(
                                (
                                    f"{building}号楼{unit}单元{room}",
                                    f"{building}-{unit}-{room}",
                                    f"{building}栋{unit}单元{room.zfill(4)}室",
                                )
                            )
                            members = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
                            head = ""
                            for person in range(members):
                                gender = rng.choice("MF")
                                born = rng.randint(1930, 2020)
                                name = picker.full(gender, born)
                                head = head or name
                                birth = rng.choice(
                                    (
                                        f"{born}-{rng.randint(1, 12):02d}",
                                        f"{born}年{rng.randint(1, 12)}月",
                                        datetime(born, rng.randint(1, 12), rng.randint(1, 28)),
                                    )
                                )
                                phone = rng.choice(
                                    (
                                        int(names.mobile(rng)),
                                        names.mobile(rng),
                                        "",
                                        f"+86 {names.mobile(rng)}",
                                    )
                                )
                                rows += 1
                                ws.append(
                                    [
                                        rows,
                                        f"第{community}社区" if person == 0 else None,
                                        f"第{grid}网格" if person == 0 else None,
                                        address if person == 0 else None,
                                        head if person == 0 else None,
                                        name,
                                        "户主" if person == 0 else rng.choice(("配偶", "子女", "父母")),
                                        "男" if gender == "M" else "女",
                                        birth,
                                        phone,
                                        rng.choice(TAGS),
                                        rng.choice(("自住", "自住", "自住", "出租")) if person == 0 else None,
                                        rng.choice(("", "", "", "子女在外地", "=需回访"))
                                        if person == 0
                                        else None,
                                    ]
                                )
    wb.save(path)
    return rows


def raw_read(path: Path) -> int:
    """openpyxl's read-only read of every cell (for reference)."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    return cells


def calamine_read(path: Path) -> int:
    """The baseline: python-calamine reading every cell of every sheet, nothing else."""
    import python_calamine

    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in workbook.sheet_names:
        for row in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False):
            cells += len(row)
    workbook.close()
    return cells


# Wall-clock seconds, what the office waits for; --cpu takes the process's CPU seconds instead, for a
# machine busy with other work (the write's waits on the disk then count for nothing).
clock = time.perf_counter


def timed(fn):
    start = clock()
    value = fn()
    return clock() - start, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--cpu", action="store_true", help="CPU seconds instead of wall-clock seconds")
    parser.add_argument("--no-openpyxl", action="store_true", help="skip openpyxl's (slow) reference read")
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.cpu else time.perf_counter
    data = Path(__file__).resolve().parent / "data"
    data.mkdir(exist_ok=True)
    path = data / f"import_{args.households // 1000}k.xlsx"
    if not path.exists():
        seconds, rows = timed(lambda: make_workbook(path, args.households))
        print(f"made {path.name}: {rows} rows in {seconds:.1f} s")

    best = {k: float("inf") for k in ("calamine", "openpyxl", "read", "plan", "write", "import", "again")}
    for run in range(args.repeat):
        seconds, cells = timed(lambda: calamine_read(path))
        best["calamine"] = min(best["calamine"], seconds)
        if not args.no_openpyxl:
            seconds, _ = timed(lambda: raw_read(path))
            best["openpyxl"] = min(best["openpyxl"], seconds)
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "bench.gridboard"
            store = open_store(target, create=True, operator="bench")
            start = clock()
            book = read_book(path)
            layouts = detect_layouts(store, book)
            read = clock()
            plan = plan_import(store, book, layouts)
            planned = clock()
            assert not plan.blocked, plan.errors[:3]
            write_plan(store, plan)
            written = clock()
            for key, seconds in (
                ("read", read - start),
                ("plan", planned - read),
                ("write", written - planned),
                ("import", written - start),
            ):
                best[key] = min(best[key], seconds)

            def again(store=store):
                # The second month's sheet: read, check, write (all unchanged).
                book = read_book(path)
                layouts = detect_layouts(store, book)
                return write_plan(store, plan_import(store, book, layouts))

            seconds, second = timed(again)
            best["again"] = min(best["again"], seconds)
            store.close()
        print(
            f"run {run + 1}: calamine read {best['calamine']:.2f} s ({cells} cells), openpyxl read"
            f" {best['openpyxl']:.2f} s; import {best['import']:.2f} s = read {best['read']:.2f} +"
            f" preview {best['plan']:.2f} + write {best['write']:.2f} ({plan.summary()});"
            f" re-import {best['again']:.2f} s ({second.count('household', 'unchanged')} unchanged)"
        )
    print("CPU seconds" if args.cpu else "wall-clock seconds")
    print(
        f"import / calamine read = {best['import'] / best['calamine']:.2f}x (target ≤ 5x); "
        f"import / openpyxl read = {best['import'] / best['openpyxl']:.2f}x; "
        f"re-import / calamine read = {best['again'] / best['calamine']:.2f}x"
    )


if __name__ == "__main__":
    main()
