"""Emergency printouts (door-knocking lists with the grid's roster first, instructions, the report)
as `gridboard.printing.layout` documents, and the report as an xlsx workbook.

`roster_section` is one grid's 1+4+N roster on its own page, for the visit-sheet printouts too.
"""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt

from gridboard import emergency_labels as texts
from gridboard import labels
from gridboard.models import emergency as em
from gridboard.models import ledger, outputs, records
from gridboard.models.clock import today
from gridboard.models.masking import mask_phone
from gridboard.models.store import Store
from gridboard.printing.layout import (
    Block,
    Column,
    Document,
    Fields,
    Heading,
    Paragraph,
    Section,
    Spacer,
    Table,
)

RIGHT = Qt.AlignmentFlag.AlignRight
CENTER = Qt.AlignmentFlag.AlignHCenter
# lupdate reads translate("Context", "text") calls; the context is "EmergencyPrint".
translate = QCoreApplication.translate


def _community_name(store: Store, emergency: em.Emergency) -> str:
    return records.name_of(store, "community", emergency.community_id)


def roster_blocks(store: Store, emergency_id: int, grid_id: int) -> list[Block]:
    team = em.roster(store, emergency_id, grid_id)
    gaps = em.roster_gaps(store, emergency_id, grid_id)
    rows = [
        [texts.role(m.role), m.member_name, labels.member_kind(m.member_kind), mask_phone(m.phone)]
        for m in team
    ]
    rows += [[texts.role(g), translate("EmergencyPrint", "(to be named)"), "", ""] for g in gaps]
    return [
        Paragraph(translate("EmergencyPrint", "Front-line team (1+4+N)"), size=11, bold=True),
        Table(
            [
                Column(translate("EmergencyPrint", "Role"), 1.4),
                Column(translate("EmergencyPrint", "Name"), 1.0),
                Column(translate("EmergencyPrint", "Kind of member"), 1.0),
                Column(translate("EmergencyPrint", "Phone"), 1.0),
            ],
            rows or [[translate("EmergencyPrint", "No roster yet"), "", "", ""]],
            size=9.5,
            emphasis=[False] * len(team) + [True] * len(gaps) if rows else None,
        ),
    ]


def roster_section(store: Store, emergency_id: int, grid_id: int, grid_name: str) -> Section:
    """A grid's roster on a page of its own (to print with the grid's visit sheets)."""
    return Section(
        blocks=[
            Heading(translate("EmergencyPrint", "Emergency roster — {grid}").format(grid=grid_name)),
            Spacer(2.0),
            *roster_blocks(store, emergency_id, grid_id),
        ],
        running_head=grid_name,
    )


def roster_before_sheets(store: Store, grid_id: int) -> list[Section]:
    """The grid's roster page to print ahead of its visit sheets while an emergency is on."""
    community_id = ledger.grid_community(store, grid_id)
    emergency = em.active_emergency(store, community_id)
    if emergency is None:
        return []
    grid_name = records.name_of(store, "grid", grid_id)
    return [roster_section(store, emergency.id, grid_id, grid_name)]


def doorknock_document(
    store: Store, emergency_id: int, *, grid_ids: list[int] | None = None, day: date | None = None
) -> Document:
    """Per grid: the roster on the first page, then today's door-knocking list of priority households."""
    emergency = em.get_emergency(store, emergency_id)
    on = day or today()
    sections = []
    for grid_id, grid_name in em.grids(store, emergency_id):
        if grid_ids is not None and grid_id not in grid_ids:
            continue
        rows = em.rollcall_rows(store, emergency_id, day=on, grid_id=grid_id)
        members = em.paired_member_names(store, [r.household_id for r in rows])
        table = Table(
            [
                Column(translate("EmergencyPrint", "No."), 0.4, RIGHT),
                Column(translate("EmergencyPrint", "Address"), 1.3),
                Column(translate("EmergencyPrint", "Head of household"), 0.9),
                Column(translate("EmergencyPrint", "Phone"), 1.0),
                Column(translate("EmergencyPrint", "Groups"), 0.6),
                Column(translate("EmergencyPrint", "Paired members"), 1.1),
                Column(translate("EmergencyPrint", "So far today"), 1.0),
                Column(translate("EmergencyPrint", "Result"), 1.6),
                Column(translate("EmergencyPrint", "Needs"), 1.4),
            ],
            [
                [
                    str(n),
                    r.address,
                    r.head_name,
                    mask_phone(r.phone),
                    r.markers,
                    members.get(r.household_id, ""),
                    ("⚠ " if r.alarm else "") + texts.state(r.state),
                    translate("EmergencyPrint", "□ safe  □ needs help  □ unreachable"),
                    "",
                ]
                for n, r in enumerate(rows, start=1)
            ],
            size=9.0,
            min_row_mm=9.0,
            emphasis=[r.alarm for r in rows],
        )
        sections.append(
            Section(
                blocks=[
                    Heading(
                        translate("EmergencyPrint", "Emergency door-knocking list — {grid}").format(
                            grid=grid_name
                        )
                    ),
                    Fields(
                        [
                            (translate("EmergencyPrint", "Emergency"), emergency.name),
                            (translate("EmergencyPrint", "Kind"), texts.kind(emergency.kind)),
                            (translate("EmergencyPrint", "Date"), on.isoformat()),
                            (translate("EmergencyPrint", "Grid"), grid_name),
                            (translate("EmergencyPrint", "Priority households"), str(len(rows))),
                            (
                                translate("EmergencyPrint", "Unreachable twice"),
                                str(sum(r.alarm for r in rows)),
                            ),
                        ]
                    ),
                    Spacer(2.0),
                    *roster_blocks(store, emergency_id, grid_id),
                    Spacer(3.0),
                    Paragraph(
                        translate(
                            "EmergencyPrint",
                            "Reach every household below today. Tick one box: safe, needs help, unreachable;"
                            " write what they need. Households unreachable twice are shaded: go in person.",
                        ),
                        size=9.5,
                    ),
                    table,
                ],
                running_head=translate("EmergencyPrint", "{grid} · door-knocking list {day}").format(
                    grid=grid_name, day=on.isoformat()
                ),
            )
        )
    return Document(
        title=translate("EmergencyPrint", "Emergency door-knocking lists"),
        sections=sections,
        landscape=True,
        footer=_community_name(store, emergency),
    )


def instruction_document(store: Store, instruction_id: int) -> Document:
    """One page per grid the instruction went to, with room for the grid's written feedback."""
    instruction = em.get_instruction(store, instruction_id)
    emergency = em.instruction_emergency(store, instruction_id)
    sections = [
        Section(
            blocks=[
                Heading(translate("EmergencyPrint", "Instruction to {grid}").format(grid=row.grid_name)),
                Fields(
                    [
                        (translate("EmergencyPrint", "Emergency"), emergency.name),
                        (translate("EmergencyPrint", "Issued"), instruction.issued_at[:16]),
                        (translate("EmergencyPrint", "Issued by"), instruction.issued_by),
                    ]
                ),
                Spacer(4.0),
                Paragraph(instruction.text, size=13),
                Spacer(8.0),
                Paragraph(
                    translate(
                        "EmergencyPrint", "Feedback from the grid (bring or phone it back to the office):"
                    ),
                    bold=True,
                ),
                Table(
                    [
                        Column(translate("EmergencyPrint", "Feedback"), 4.0),
                        Column(translate("EmergencyPrint", "Time"), 1.0),
                    ],
                    [["", ""]] * 6,
                    min_row_mm=12.0,
                ),
                Fields(
                    [
                        (translate("EmergencyPrint", "Grid leader's signature"), ""),
                        (translate("EmergencyPrint", "Date"), ""),
                    ],
                    columns=2,
                ),
            ],
            running_head=row.grid_name,
        )
        for row in em.feedback_rows(store, instruction_id)
    ]
    return Document(
        title=translate("EmergencyPrint", "Instruction"),
        sections=sections,
        footer=_community_name(store, emergency),
    )


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def report_document(store: Store, report: em.Report) -> Document:
    emergency = report.emergency
    days = Table(
        [
            Column(translate("EmergencyPrint", "Day"), 1.1),
            Column(translate("EmergencyPrint", "Households reached"), 1.0, RIGHT),
            Column(translate("EmergencyPrint", "Priority reached"), 1.0, RIGHT),
            Column(translate("EmergencyPrint", "Priority coverage"), 1.0, RIGHT),
            Column(translate("EmergencyPrint", "Safe"), 0.7, RIGHT),
            Column(translate("EmergencyPrint", "Needs help"), 0.9, RIGHT),
            Column(translate("EmergencyPrint", "Unreachable"), 1.1, RIGHT),
            Column(translate("EmergencyPrint", "Requests raised"), 0.9, RIGHT),
            Column(translate("EmergencyPrint", "Requests closed"), 0.9, RIGHT),
            Column(translate("EmergencyPrint", "Deliveries"), 1.0, RIGHT),
        ],
        [
            [
                d.day.isoformat(),
                str(d.households_reached),
                f"{d.priority_reached}/{d.priority_households}",
                _share(d.priority_share),
                str(d.rollcall_safe),
                str(d.rollcall_needs_help),
                str(d.rollcall_unreachable),
                str(d.requests_raised),
                str(d.requests_closed),
                str(d.deliveries),
            ]
            for d in report.days
        ],
        size=9.0,
    )
    delivered = Table(
        [
            Column(translate("EmergencyPrint", "Item"), 2.0),
            Column(translate("EmergencyPrint", "Unit"), 0.7),
            Column(translate("EmergencyPrint", "Delivered"), 1.0, RIGHT),
        ],
        [[item, unit, f"{q:g}"] for item, unit, q in report.delivered_by_item]
        or [[translate("EmergencyPrint", "None"), "", ""]],
    )
    outstanding = [line for line in report.supplies if line.outstanding > 0]
    still = Table(
        [
            Column(translate("EmergencyPrint", "Grid"), 1.2),
            Column(translate("EmergencyPrint", "Item"), 1.5),
            Column(translate("EmergencyPrint", "Outstanding"), 1.0, RIGHT),
        ],
        [[line.grid_name, line.item, f"{line.outstanding:g} {line.unit}"] for line in outstanding]
        or [[translate("EmergencyPrint", "None"), "", ""]],
    )
    return Document(
        title=translate("EmergencyPrint", "End-of-emergency report"),
        sections=[
            Section(
                blocks=[
                    Heading(
                        translate("EmergencyPrint", "End-of-emergency report: {name}").format(
                            name=emergency.name
                        )
                    ),
                    Fields(
                        [
                            (translate("EmergencyPrint", "Kind"), texts.kind(emergency.kind)),
                            (translate("EmergencyPrint", "Declared by"), emergency.declared_by),
                            (translate("EmergencyPrint", "Started"), emergency.started_at[:16]),
                            (
                                translate("EmergencyPrint", "Ended"),
                                (emergency.ended_at or translate("EmergencyPrint", "still in force"))[:16],
                            ),
                            (
                                translate("EmergencyPrint", "Requests raised"),
                                str(report.total_requests_raised),
                            ),
                            (
                                translate("EmergencyPrint", "Requests closed"),
                                str(report.total_requests_closed),
                            ),
                        ]
                    ),
                    Spacer(3.0),
                    Paragraph(translate("EmergencyPrint", "Day by day"), size=11, bold=True),
                    days,
                    Spacer(3.0),
                    Paragraph(translate("EmergencyPrint", "Supplies delivered"), size=11, bold=True),
                    delivered,
                    Spacer(3.0),
                    Paragraph(translate("EmergencyPrint", "Supplies still outstanding"), size=11, bold=True),
                    still,
                ]
            )
        ],
        footer=_community_name(store, emergency),
    )


def write_report_xlsx(report: em.Report, path: str | os.PathLike[str]) -> None:
    """The same figures as the PDF, as numbers a spreadsheet can add up (openpyxl; no Qt needed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = translate("EmergencyPrint", "Day by day")[:31]
    headers = [
        translate("EmergencyPrint", "Day"),
        translate("EmergencyPrint", "Households reached"),
        translate("EmergencyPrint", "Priority households"),
        translate("EmergencyPrint", "Priority reached"),
        translate("EmergencyPrint", "Priority coverage"),
        translate("EmergencyPrint", "Safe"),
        translate("EmergencyPrint", "Needs help"),
        translate("EmergencyPrint", "Unreachable"),
        translate("EmergencyPrint", "Requests raised"),
        translate("EmergencyPrint", "Requests closed"),
        translate("EmergencyPrint", "Deliveries"),
    ]
    sheet.append(
        [translate("EmergencyPrint", "End-of-emergency report: {name}").format(name=report.emergency.name)]
    )
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for d in report.days:
        sheet.append(
            [
                d.day,
                d.households_reached,
                d.priority_households,
                d.priority_reached,
                d.priority_share,
                d.rollcall_safe,
                d.rollcall_needs_help,
                d.rollcall_unreachable,
                d.requests_raised,
                d.requests_closed,
                d.deliveries,
            ]
        )
        sheet.cell(sheet.max_row, 1).number_format = "yyyy-mm-dd"
        sheet.cell(sheet.max_row, 5).number_format = "0%"
    sheet.column_dimensions["A"].width = 12
    supplies = book.create_sheet(translate("EmergencyPrint", "Supplies")[:31])
    supplies.append(
        [
            translate("EmergencyPrint", "Grid"),
            translate("EmergencyPrint", "Item"),
            translate("EmergencyPrint", "Unit"),
            translate("EmergencyPrint", "Needed"),
            translate("EmergencyPrint", "Delivered"),
            translate("EmergencyPrint", "Outstanding"),
        ]
    )
    for cell in supplies[1]:
        cell.font = Font(bold=True)
    for line in report.supplies:
        supplies.append([line.grid_name, line.item, line.unit, line.needed, line.delivered, line.outstanding])
    with outputs.replacing(path, "xlsx") as partial:
        book.save(str(partial))
