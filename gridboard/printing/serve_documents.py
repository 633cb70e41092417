"""Printouts for those who come to serve: the reporting slip (报到单) with the community's receipt,
the quarterly feedback sheet to a work unit, the street office's escalation list, the duty roster."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt

from gridboard import serve_labels as labels
from gridboard.models import escalation as esc
from gridboard.models import service, units
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

translate = QCoreApplication.translate
_CENTER = Qt.AlignmentFlag.AlignHCenter
_RIGHT = Qt.AlignmentFlag.AlignRight


def _number(value: float) -> str:
    return f"{value:g}"


def report_slip_document(store: Store, report_id: int, *, mask_phones: bool = True) -> Document:
    """The 报到单 the member (or unit) fills and hands in, and below a cut line the community's receipt."""
    r = units.get_report(store, report_id)
    who = r.member_name or r.unit_name
    phone = mask_phone(r.member_phone) if mask_phones else r.member_phone
    posts = service.member_posts(store, r.member_id) if r.member_id else []
    slip: list[Block] = [
        Heading(translate("Serve", "Reporting slip (in-service Party members report to the community)")),
        Paragraph(translate("Serve", "Slip no. {slip}").format(slip=r.slip_no), size=9),
        Spacer(2),
        Fields(
            [
                (translate("Serve", "Name"), who),
                (translate("Serve", "Work unit"), r.work_unit or r.unit_name),
                (translate("Serve", "Phone"), phone),
                (translate("Serve", "Reports to"), r.community_name),
                (translate("Serve", "Reported on"), r.reported_on),
                (translate("Serve", "Time they can give"), r.available_time),
            ],
            columns=2,
        ),
        Fields([(translate("Serve", "Skills"), r.skills)], columns=1),
        Spacer(2),
        Paragraph(translate("Serve", "Service posts claimed (at least one)"), size=11, bold=True),
        Table(
            [
                Column(translate("Serve", "No."), 0.5, _CENTER),
                Column(translate("Serve", "Category"), 1.5),
                Column(translate("Serve", "Post"), 3.0),
                Column(translate("Serve", "Grid"), 1.2),
            ],
            [[str(i), labels.category(p.category), p.title, p.grid_name] for i, p in enumerate(posts, 1)]
            + [[str(i), "", "", ""] for i in range(len(posts) + 1, max(4, len(posts) + 1) + 1)],
            min_row_mm=8.0,
        ),
        Spacer(4),
        Fields(
            [
                (translate("Serve", "Signature of the member"), ""),
                (translate("Serve", "Seal of the work unit"), ""),
                (translate("Serve", "Date"), ""),
            ],
            columns=3,
        ),
        Spacer(10),
        Paragraph("- " * 62, size=9),
        Heading(translate("Serve", "Receipt of the community"), size=13),
        Fields(
            [
                (translate("Serve", "Slip no."), r.slip_no),
                (translate("Serve", "Name"), who),
                (translate("Serve", "Work unit"), r.work_unit or r.unit_name),
                (translate("Serve", "Reported on"), r.reported_on),
                (translate("Serve", "Received on"), (r.received_at or "")[:10]),
                (translate("Serve", "Received by"), r.received_by),
            ],
            columns=2,
        ),
        Paragraph(
            translate(
                "Serve",
                "{community} has received the report. Services are recorded on the service card and fed back"
                " to the work unit every quarter.",
            ).format(community=r.community_name),
            size=9.5,
        ),
        Spacer(3),
        Fields(
            [(translate("Serve", "Seal of the community"), ""), (translate("Serve", "Date"), "")], columns=2
        ),
    ]
    return Document(
        title=translate("Serve", "Reporting slip {slip}").format(slip=r.slip_no),
        sections=[Section(slip, running_head=r.community_name)],
        footer=r.community_name,
    )


def quarter_section(sheet: service.QuarterSheet) -> Section:
    kinds = list(service.SERVICE_KINDS)
    columns = [
        Column(translate("Serve", "No."), 0.5, _CENTER),
        Column(translate("Serve", "Name"), 1.1),
        Column(translate("Serve", "Reported on"), 1.1),
        Column(translate("Serve", "Posts claimed"), 2.4),
        *[Column(labels.service_kind(k), 0.8, _RIGHT) for k in kinds],
        Column(translate("Serve", "Services"), 0.7, _RIGHT),
        Column(translate("Serve", "Hours"), 0.7, _RIGHT),
        Column(translate("Serve", "Points"), 0.7, _RIGHT),
    ]
    rows = [
        [
            str(i),
            m.name,
            m.reported_on or translate("Serve", "not reported"),
            m.posts,
            *[str(m.by_kind.get(k, 0) or "") for k in kinds],
            str(m.services),
            _number(m.hours),
            _number(m.points),
        ]
        for i, m in enumerate(sheet.members, 1)
    ]
    rows.append(
        [
            "",
            translate("Serve", "Total"),
            "",
            "",
            *[str(sum(m.by_kind.get(k, 0) for m in sheet.members) or "") for k in kinds],
            str(sheet.services),
            _number(sheet.hours),
            _number(sheet.points),
        ]
    )
    blocks: list[Block] = [
        Heading(translate("Serve", "Quarterly service feedback to {unit}").format(unit=sheet.unit_name)),
        Fields(
            [
                (translate("Serve", "Quarter"), f"{sheet.quarter} ({sheet.start} – {sheet.end})"),
                (translate("Serve", "Paired community"), sheet.community_name),
                (translate("Serve", "Members"), str(len(sheet.members))),
                (translate("Serve", "Reported in"), str(sheet.reported)),
                (translate("Serve", "Services"), str(sheet.services)),
                (translate("Serve", "Points"), _number(sheet.points)),
            ],
            columns=3,
        ),
        Table(columns, rows, size=8.5, emphasis=[False] * (len(rows) - 1) + [True]),
        Spacer(4),
        Paragraph(
            translate(
                "Serve",
                "For the unit's own appraisal of its members (双积分). Figures from the service"
                " cards kept by the community.",
            ),
            size=9,
        ),
        Fields(
            [(translate("Serve", "Seal of the community"), ""), (translate("Serve", "Date"), "")], columns=2
        ),
    ]
    return Section(blocks, running_head=f"{sheet.unit_name} · {sheet.quarter}")


def quarter_document(store: Store, quarter: str, unit_ids: Sequence[int] | None = None) -> Document:
    sheets = (
        service.quarter_sheets(store, quarter)
        if unit_ids is None
        else [service.quarter_sheet(store, u, quarter) for u in unit_ids]
    )
    return Document(
        title=translate("Serve", "Quarterly service feedback {quarter}").format(quarter=quarter),
        sections=[quarter_section(s) for s in sheets]
        or [Section([Paragraph(translate("Serve", "No unit has members or services this quarter."))])],
        landscape=True,
        footer=sheets[0].community_name if sheets else "",
    )


def escalation_columns() -> list[Column]:
    return [
        Column(translate("Serve", "Request"), 0.6, _CENTER),
        Column(translate("Serve", "Community"), 1.1),
        Column(translate("Serve", "Grid"), 0.9),
        Column(translate("Serve", "Address"), 1.4),
        Column(translate("Serve", "What was asked"), 2.4),
        Column(translate("Serve", "Level"), 1.0),
        Column(translate("Serve", "Unit or department"), 1.4),
        Column(translate("Serve", "Escalated"), 1.0),
        Column(translate("Serve", "Answer by"), 1.0),
        Column(translate("Serve", "Resolve by"), 1.0),
        Column(translate("Serve", "State"), 1.2),
    ]


def escalation_cells(e: esc.Escalation) -> list[str]:
    return [
        f"#{e.request_id}",
        e.community_name,
        e.grid_name,
        e.address,
        e.text,
        labels.level(e.level),
        e.target,
        e.escalated_at[5:16],
        e.answer_due_at[5:16],
        e.resolve_due_at[5:16],
        labels.escalation_state(e.state),
    ]


def escalations_document(store: Store, *, overdue_only: bool = False, now: str | None = None) -> Document:
    """The street office's list of escalated items, overdue ones first and shaded."""
    rows = esc.escalations(store, overdue_only=overdue_only, now=now)
    title = translate("Serve", "Escalated requests (community whistles, departments report)")
    overdue = sum(1 for e in rows if e.overdue)
    blocks: list[Block] = [
        Heading(title),
        Fields(
            [(translate("Serve", "Open"), str(len(rows))), (translate("Serve", "Overdue"), str(overdue))],
            columns=2,
        ),
        Table(
            escalation_columns(),
            [escalation_cells(e) for e in rows],
            size=8.5,
            emphasis=[e.overdue for e in rows],
        )
        if rows
        else Paragraph(translate("Serve", "None."), size=9),
    ]
    return Document(title=title, sections=[Section(blocks)], landscape=True)


def duty_roster_document(store: Store, post_ids: Sequence[int] | None = None) -> Document:
    """The duty roster of each post or checkpoint (who stands which shift), a page each."""
    from gridboard import labels as common
    from gridboard.models import duty

    posts = [p for p in duty.duty_posts(store) if post_ids is None or p.id in post_ids]
    sections = []
    for post in posts:
        shifts = duty.shifts(store, post.id)
        sections.append(
            Section(
                [
                    Heading(translate("Serve", "Duty roster — {post}").format(post=post.name)),
                    Fields(
                        [
                            (translate("Serve", "Kind"), labels.duty_kind(post.kind)),
                            (translate("Serve", "Grid"), post.grid_name),
                            (translate("Serve", "Location"), post.location),
                            (translate("Serve", "Shifts"), str(len(shifts))),
                        ],
                        columns=2,
                    ),
                    Table(
                        [
                            Column(translate("Serve", "No."), 0.5, _CENTER),
                            Column(translate("Serve", "From"), 1.4),
                            Column(translate("Serve", "To"), 1.4),
                            Column(translate("Serve", "Name"), 1.2),
                            Column(translate("Serve", "Kind of member"), 1.2),
                            Column(translate("Serve", "Phone"), 1.3),
                            Column(translate("Serve", "Signed in"), 1.2),
                            Column(translate("Serve", "Handed over"), 1.2),
                        ],
                        [
                            [
                                str(i),
                                s.starts_at[:16],
                                s.ends_at[:16],
                                s.member_name,
                                common.member_kind(s.member_kind),
                                mask_phone(s.phone),
                                "",
                                "",
                            ]
                            for i, s in enumerate(shifts, 1)
                        ]
                        or [["", translate("Serve", "No shifts yet"), "", "", "", "", "", ""]],
                        min_row_mm=9.0,
                    ),
                ],
                running_head=post.name,
            )
        )
    return Document(
        title=translate("Serve", "Duty rosters"),
        sections=sections or [Section([Paragraph(translate("Serve", "No posts or checkpoints yet."))])],
    )
