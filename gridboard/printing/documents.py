"""The printouts gridboard makes, as layout Documents: visit sheets, door-knocking lists, contact tables.

`*_document(store, …)` functions gather the rows (models.sheets), number and record the sheets when
`record=True`, and return a `layout.Document` to render to a PDF or a printer. `sheet_section` and
`contact_section` make single Sections, so other printouts (an emergency roster followed by a grid's
sheets) can combine them with their own in one Document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from gridboard.models import sheets as sheet_model
from gridboard.models.sheets import Sheet, UnitContacts
from gridboard.models.store import Store
from gridboard.printing.layout import Column, Document, Fields, Heading, Paragraph, Section, Spacer, Table
from gridboard.ui import labels


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


@dataclass(frozen=True)
class SheetOptions:
    """Choices the operator makes for one print."""

    floor_order: str = "bottom"  # "top": start on the top floor and walk down
    mask_phones: bool = True  # 138****1234 unless the operator asks for full numbers
    period: str | None = None  # None: this month


# -- visit sheets -------------------------------------------------------------------------------------


def sheet_title(sheet: Sheet) -> str:
    return tr("Household visit sheet") if sheet.info.kind == "member" else tr("Door-knocking list")


def sheet_columns() -> list[Column]:
    center = Qt.AlignmentFlag.AlignHCenter
    return [
        Column(tr("No."), 0.55, center),
        Column(tr("Address"), 2.1),
        Column(tr("Head of household"), 1.3),
        Column(tr("Phone"), 1.75),
        Column(tr("Priority"), 1.7),
        Column(tr("Last visit"), 1.55),
        Column(tr("Open requests"), 1.55),
        Column(tr("Date"), 1.05),
        Column(tr("Method"), 1.05),
        Column(tr("Met / nobody home"), 1.2),
        Column(tr("Situation and requests"), 3.2),
        Column(tr("Resident's signature"), 1.4),
    ]


def _row_cells(row: sheet_model.SheetRow, mask_phones: bool) -> list[str]:
    phone = sheet_model.mask_phone(row.phone) if mask_phones else row.phone
    head = row.head_name
    if row.occupancy != "lived_in":
        head = f"{head} ({labels.occupancy(row.occupancy)})" if head else labels.occupancy(row.occupancy)
    last = ""
    if row.last_visit_at:
        last = f"{row.last_visit_at[:10]} {labels.visit_outcome(row.last_outcome or '')}".strip()
    counts = Counter(row.open_requests)
    requests = "、".join(labels.request_category(c) + (f"×{n}" if n > 1 else "") for c, n in counts.items())
    return [
        str(row.position),
        row.address,
        head,
        phone,
        "、".join(row.tags),
        last,
        requests,
        "",
        "",
        "",
        "",
        "",
    ]


def running_head(sheet: Sheet) -> str:
    info = sheet.info
    who = info.member_name if info.kind == "member" else info.building_name
    parts = [info.community_name, info.grid_name, who, f"{sheet_title(sheet)} {info.sheet_no}".strip()]
    return " · ".join(p for p in parts if p)


def sheet_section(sheet: Sheet, *, mask_phones: bool = True) -> Section:
    """One sheet: header (community, grid, member or building, period, number, QR), a row per household."""
    info = sheet.info
    fields = [(tr("Community"), info.community_name), (tr("Grid"), info.grid_name)]
    if info.kind == "member":
        member = info.member_name
        if info.member_phone:
            member += f" {info.member_phone}"
        fields.append((tr("Member"), member))
    else:
        fields.append((tr("Building"), info.building_name))
    fields += [
        (tr("Period"), info.period),
        (tr("Sheet number"), info.sheet_no or tr("(not recorded)")),
        (tr("Households"), str(len(sheet.rows))),
    ]
    order = tr("from the top floor down") if info.floor_order == "top" else tr("from the ground floor up")
    hint = tr(
        "Walking order: building, unit, floor ({order}), room. Method: in person / phone / WeChat. "
        "Write ✓ when you met the household, ○ when nobody was home. Grey rows are priority households."
    ).format(order=order)
    blocks = [
        Heading(sheet_title(sheet)),
        Fields(fields),
        Paragraph(hint, size=8.5),
        Spacer(1.0),
    ]
    if sheet.rows:
        blocks.append(
            Table(
                sheet_columns(),
                [_row_cells(r, mask_phones) for r in sheet.rows],
                size=9.0,
                header_size=8.5,
                min_row_mm=12.0,
                emphasis=[r.priority_tier > 0 for r in sheet.rows],
            )
        )
    else:
        blocks.append(Paragraph(tr("No households on this sheet."), size=11))
    return Section(blocks, running_head=running_head(sheet), qr=info.sheet_no)


def sheets_document(title: str, sheets: Sequence[Sheet], *, mask_phones: bool = True) -> Document:
    footer = sheets[0].info.community_name if sheets else ""
    return Document(
        title=title,
        sections=[sheet_section(s, mask_phones=mask_phones) for s in sheets],
        landscape=True,
        footer=footer,
    )


def _maybe_record(store: Store, made: list[Sheet], record: bool) -> list[Sheet]:
    return sheet_model.record_sheets(store, made) if record else made


def member_sheet_document(
    store: Store, member_id: int, options: SheetOptions = SheetOptions(), *, record: bool = True
) -> Document:
    made = [
        sheet_model.member_sheet(store, member_id, floor_order=options.floor_order, period=options.period)
    ]
    made = _maybe_record(store, made, record)
    title = tr("Visit sheet of {member}").format(member=made[0].info.member_name)
    return sheets_document(title, made, mask_phones=options.mask_phones)


def building_list_document(
    store: Store,
    building_id: int,
    options: SheetOptions = SheetOptions(floor_order="top"),
    *,
    record: bool = True,
) -> Document:
    made = [
        sheet_model.building_sheet(store, building_id, floor_order=options.floor_order, period=options.period)
    ]
    made = _maybe_record(store, made, record)
    title = tr("Door-knocking list of {building}").format(building=made[0].info.building_name)
    return sheets_document(title, made, mask_phones=options.mask_phones)


def grid_sheets_document(
    store: Store,
    grid_id: int,
    options: SheetOptions = SheetOptions(),
    *,
    by: str = "member",
    record: bool = True,
) -> Document:
    made = sheet_model.grid_sheets(
        store, grid_id, by=by, floor_order=options.floor_order, period=options.period
    )
    made = _maybe_record(store, made, record)
    grid_name = store.scalar("SELECT name FROM grid WHERE id = ?", [grid_id]) or ""
    title = tr("Visit sheets of {grid}").format(grid=grid_name)
    return sheets_document(title, made, mask_phones=options.mask_phones)


# -- the contact table at a unit entrance ---------------------------------------------------------


def contact_role(contact: sheet_model.Contact) -> str:
    if contact.role == "paired":
        return labels.member_kind(contact.kind)
    return labels.grid_role(contact.role)


def unit_place(contacts: UnitContacts) -> str:
    if contacts.building_kind == "courtyard":
        return contacts.building_name
    return tr("{building} unit {unit}").format(building=contacts.building_name, unit=contacts.unit)


def contact_section(contacts: UnitContacts) -> Section:
    """对接服务联系表: large type, to post at the entrance; members' own numbers are shown in full."""
    rows = []
    for c in contacts.contacts:
        if c.role == "paired":
            serves = tr("Paired with {rooms}").format(rooms="、".join(c.rooms))
        elif c.role in ("grid_worker", "branch_secretary", "cadre_responsible"):
            serves = tr("Everything in the grid: requests, help, notices")
        else:
            serves = tr("This building or unit: repairs, safety, neighbours")
        rows.append([contact_role(c), c.name, c.phone, serves])
    blocks = [
        Heading(tr("Contact table for {place}").format(place=unit_place(contacts)), size=26),
        Fields(
            [(tr("Community"), contacts.community_name), (tr("Grid"), contacts.grid_name)], size=14, columns=2
        ),
        Spacer(2.0),
    ]
    if rows:
        blocks.append(
            Table(
                [
                    Column(tr("Role"), 1.3),
                    Column(tr("Name"), 1.0),
                    Column(tr("Phone"), 1.6),
                    Column(tr("Call for"), 2.2),
                ],
                rows,
                size=17.0,
                header_size=15.0,
                min_row_mm=17.0,
            )
        )
    else:
        blocks.append(Paragraph(tr("No one is assigned to this unit yet."), size=16))
    blocks += [
        Spacer(6.0),
        Paragraph(
            tr("Community hotline: {hotline}").format(hotline=contacts.hotline or "—"), size=22, bold=True
        ),
        Paragraph(tr("Citizens' service hotline: 12345"), size=16),
    ]
    return Section(blocks)


def contact_table_document(store: Store, building_id: int, unit: int | None = None) -> Document:
    units = [unit] if unit is not None else sheet_model.building_units(store, building_id)
    made = [sheet_model.unit_contacts(store, building_id, u) for u in units]
    name = made[0].building_name if made else ""
    return Document(
        title=tr("Contact tables of {building}").format(building=name),
        sections=[contact_section(c) for c in made],
        landscape=False,
        footer=made[0].community_name if made else "",
    )
