"""The rows an office left out of an import, in a workbook it can fix and bring back.

Each sheet keeps its own name and header row, so the returned file is recognised like the original;
a last column says what was wrong with each row.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from gridboard.exchange.plan import Plan

PROBLEM_HEADER = "导入问题"


def write_left_out(plan: Plan, path: str | Path, translate=lambda text: text) -> int:
    """Write the plan's left-out rows to an .xlsx at `path`; returns how many rows were written."""
    import openpyxl

    problems: dict[tuple[str, int], list[str]] = defaultdict(list)
    for problem in plan.problems:
        problems[(problem.sheet, problem.row)].append(problem.located_text(translate))
    by_sheet: dict[str, list[int]] = defaultdict(list)
    for sheet, row in plan.left_out:
        by_sheet[sheet].append(row)
        why = plan.edits.left_out.get((sheet, row))
        if why and why not in problems[(sheet, row)]:
            problems[(sheet, row)].insert(0, why)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    written = 0
    for layout in plan.layouts:
        rows = by_sheet.get(layout.name)
        if not rows:
            continue
        sheet = workbook.create_sheet(layout.name[:31])
        sheet.append([*layout.headers, PROBLEM_HEADER])
        source = plan.book.sheet(layout.name).rows
        for number in sorted(rows):
            cells = list(source[number - 1]) if number - 1 < len(source) else []
            cells += [None] * (len(layout.headers) - len(cells))
            sheet.append(
                [
                    *(_cell(c) for c in cells[: len(layout.headers)]),
                    "；".join(problems[(layout.name, number)]),
                ]
            )
            written += 1
    if not workbook.worksheets:
        workbook.create_sheet("Sheet1")
    workbook.save(str(path))
    return written


def _cell(value):
    # Long digit runs (IDs, phones) stay text, so Excel does not turn them into numbers again.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**11:
        return str(value)
    return value
