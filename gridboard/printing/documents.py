"""The printouts gridboard makes, as layout Documents: visit sheets, door-knocking lists, contact tables.

`*_document(store, …)` functions gather the rows (models.sheets), number and record the sheets when
`record=True`, and return a `layout.Document` to render to a PDF or a printer. `shown(document)`,
when given, is called as soon as the document exists: its numbers taken, not yet stored (storing a
grid's sheets in a city-sized file takes 50-80 ms, and committing them up to a second, while a
preview shows its first page meanwhile; if storing fails, the preview says so and nothing was
printed). `sheet_section` and
`contact_section` make single Sections, so other printouts (an emergency roster followed by a grid's
sheets) can combine them with their own in one Document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from gridboard import labels
from gridboard.models import records
from gridboard.models import sheets as sheet_model
from gridboard.models.masking import mask_phone, mask_text
from gridboard.models.sheets import Sheet, UnitContacts
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

# lupdate reads translate("Printing", "…") calls.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class SheetOptions:
    """Choices the operator makes for one print."""

    floor_order: str = "bottom"  # "top": start on the top floor and walk down
    mask_phones: bool = True  # 138****1234 unless the operator asks for full numbers
    period: str | None = None  # None: this month


# -- visit sheets -------------------------------------------------------------------------------------


def sheet_title(sheet: Sheet) -> str:
    return (
        translate("Printing", "Household visit sheet")
        if sheet.info.kind == "member"
        else translate("Printing", "Door-knocking list")
    )


def sheet_columns() -> list[Column]:
    center = Qt.AlignmentFlag.AlignHCenter
    return [
        Column(translate("Printing", "No."), 0.7, center),
        Column(translate("Printing", "Address"), 2.1),
        Column(translate("Printing", "Head of household"), 1.2),
        Column(translate("Printing", "Phone"), 1.7),
        Column(translate("Printing", "Priority"), 1.9),
        Column(translate("Printing", "Last visit"), 1.7),
        Column(translate("Printing", "Open requests"), 1.5),
        Column(translate("Printing", "Date"), 1.05),
        Column(translate("Printing", "Method"), 1.05),
        Column(translate("Printing", "Met / nobody home"), 1.2),
        Column(translate("Printing", "Situation and requests"), 2.9),
        Column(translate("Printing", "Resident's signature"), 1.35),
    ]


def _row_cells(row: sheet_model.SheetRow, mask_phones: bool) -> list[str]:
    phone = mask_phone(row.phone) if mask_phones else row.phone
    head = row.head_name
    if row.occupancy != "lived_in":
        head = f"{head}\n({labels.occupancy(row.occupancy)})" if head else labels.occupancy(row.occupancy)
    last = ""
    if row.last_visit_at:
        last = f"{row.last_visit_at[:10]}\n{labels.visit_outcome(row.last_outcome or '')}".strip()
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
    fields = [
        (translate("Printing", "Community"), info.community_name),
        (translate("Printing", "Grid"), info.grid_name),
    ]
    if info.kind == "member":
        member = info.member_name
        if info.member_phone:
            member += f" {info.member_phone}"
        fields.append((translate("Printing", "Member"), member))
    else:
        fields.append((translate("Printing", "Building"), info.building_name))
    fields += [
        (translate("Printing", "Period"), info.period),
        (translate("Printing", "Sheet number"), info.sheet_no or translate("Printing", "(not recorded)")),
        (translate("Printing", "Households"), str(len(sheet.rows))),
    ]
    order = (
        translate("Printing", "from the top floor down")
        if info.floor_order == "top"
        else translate("Printing", "from the ground floor up")
    )
    hint = translate(
        "Printing",
        "Walking order: building, unit, floor ({order}), room. Method: in person / phone / WeChat. "
        "Write ✓ when you met the household, ○ when nobody was home. Grey rows are priority households.",
    ).format(order=order)
    blocks: list[Block] = [
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
        blocks.append(Paragraph(translate("Printing", "No households on this sheet."), size=11))
    return Section(blocks, running_head=running_head(sheet), qr=info.sheet_no)


def sheets_document(
    title: str, sheets: Sequence[Sheet], *, mask_phones: bool = True, before: Sequence[Section] = ()
) -> Document:
    footer = sheets[0].info.community_name if sheets else ""
    return Document(
        title=title,
        sections=[*before, *(sheet_section(s, mask_phones=mask_phones) for s in sheets)],
        landscape=True,
        footer=footer,
    )


Shown = Callable[[Document], None] | None


@contextmanager
def _numbering(store: Store, record: bool) -> Iterator[None]:
    if record:
        with store.atomic():
            yield
    else:
        yield


def _numbered(
    store: Store, made: list[Sheet], record: bool, build: Callable[[list[Sheet]], Document], shown: Shown
) -> Document:
    """The document `build` makes of the sheets, numbered when `record`: in one transaction the next
    numbers are taken, the document built and `shown`, then the sheets stored and committed."""
    with _numbering(store, record):
        if record:
            made = sheet_model.number_sheets(store, made)
        document = build(made)
        if shown is not None:
            shown(document)
        if record:
            sheet_model.store_numbered(store, made)
    return document


def member_sheet_document(
    store: Store,
    member_id: int,
    options: SheetOptions = SheetOptions(),
    *,
    record: bool = True,
    shown: Shown = None,
) -> Document:
    made = [
        sheet_model.member_sheet(store, member_id, floor_order=options.floor_order, period=options.period)
    ]
    title = translate("Printing", "Visit sheet of {member}").format(member=made[0].info.member_name)
    return _numbered(
        store, made, record, lambda made: sheets_document(title, made, mask_phones=options.mask_phones), shown
    )


def building_list_document(
    store: Store,
    building_id: int,
    options: SheetOptions = SheetOptions(floor_order="top"),
    *,
    record: bool = True,
    shown: Shown = None,
) -> Document:
    made = [
        sheet_model.building_sheet(store, building_id, floor_order=options.floor_order, period=options.period)
    ]
    title = translate("Printing", "Door-knocking list of {building}").format(
        building=made[0].info.building_name
    )
    return _numbered(
        store, made, record, lambda made: sheets_document(title, made, mask_phones=options.mask_phones), shown
    )


def grid_sheets_document(
    store: Store,
    grid_id: int,
    options: SheetOptions = SheetOptions(),
    *,
    by: str = "member",
    record: bool = True,
    before: Sequence[Section] = (),
    shown: Shown = None,
) -> Document:
    """A grid's sheets; `before` goes first (during an emergency, the grid's 1+4+N roster)."""
    made = sheet_model.grid_sheets(
        store, grid_id, by=by, floor_order=options.floor_order, period=options.period
    )
    grid_name = records.name_of(store, "grid", grid_id)
    title = translate("Printing", "Visit sheets of {grid}").format(grid=grid_name)
    return _numbered(
        store,
        made,
        record,
        lambda made: sheets_document(title, made, mask_phones=options.mask_phones, before=before),
        shown,
    )


# -- the contact table at a unit entrance ---------------------------------------------------------


def contact_role(contact: sheet_model.Contact) -> str:
    if contact.role == "paired":
        return labels.member_kind(contact.kind)
    return labels.grid_role(contact.role)


def unit_place(contacts: UnitContacts) -> str:
    if contacts.building_kind == "courtyard":
        return contacts.building_name
    return translate("Printing", "{building} unit {unit}").format(
        building=contacts.building_name, unit=contacts.unit
    )


def contact_section(contacts: UnitContacts) -> Section:
    """对接服务联系表: large type, to post at the entrance; members' own numbers are shown in full."""
    rows = []
    for c in contacts.contacts:
        serves = []
        if c.role in ("grid_worker", "branch_secretary", "cadre_responsible"):
            serves.append(translate("Printing", "Everything in the grid: requests, help, notices"))
        elif c.role != "paired":
            serves.append(translate("Printing", "This building or unit: repairs, safety, neighbours"))
        if c.rooms:
            serves.append(translate("Printing", "Paired with {rooms}").format(rooms="、".join(c.rooms)))
        rows.append([contact_role(c), c.name, c.phone, "\n".join(serves)])
    blocks: list[Block] = [
        Heading(
            translate("Printing", "Contact table for {place}").format(place=unit_place(contacts)), size=26
        ),
        Fields(
            [
                (translate("Printing", "Community"), contacts.community_name),
                (translate("Printing", "Grid"), contacts.grid_name),
            ],
            size=14,
            columns=2,
        ),
        Spacer(2.0),
    ]
    if rows:
        blocks.append(
            Table(
                [
                    Column(translate("Printing", "Role"), 1.3),
                    Column(translate("Printing", "Name"), 1.0),
                    Column(translate("Printing", "Phone"), 1.6),
                    Column(translate("Printing", "Call for"), 2.2),
                ],
                rows,
                size=17.0,
                header_size=15.0,
                min_row_mm=17.0,
            )
        )
    else:
        blocks.append(Paragraph(translate("Printing", "No one is assigned to this unit yet."), size=16))
    blocks += [
        Spacer(6.0),
        Paragraph(
            translate("Printing", "Community hotline: {hotline}").format(hotline=contacts.hotline or "—"),
            size=22,
            bold=True,
        ),
        Paragraph(translate("Printing", "Citizens' service hotline: 12345"), size=16),
    ]
    return Section(blocks)


def contact_table_document(store: Store, building_id: int, unit: int | None = None) -> Document:
    units = [unit] if unit is not None else sheet_model.building_units(store, building_id)
    made = [sheet_model.unit_contacts(store, building_id, u) for u in units]
    name = made[0].building_name if made else ""
    return Document(
        title=translate("Printing", "Contact tables of {building}").format(building=name),
        sections=[contact_section(c) for c in made],
        landscape=False,
        footer=made[0].community_name if made else "",
    )


# -- the day's requests list (日清日结) ----------------------------------------------------------------


def _request_rows(rows: Sequence, start: int) -> list[list[str]]:
    return [
        [
            str(number),
            (r.collected_at or "")[5:16],
            r.address,
            r.head_name,
            labels.request_category(r.category),
            labels.request_urgency(r.urgency),
            mask_text(r.text),
            labels.request_status(r.status),
            r.assignee,
            (r.due_at or "")[5:16],
            "",
        ]
        for number, r in enumerate(rows, start=start)
    ]


def request_columns() -> list[Column]:
    return [
        Column(translate("Printing", "No."), 0.5, Qt.AlignmentFlag.AlignHCenter),
        Column(translate("Printing", "Received"), 1.1),
        Column(translate("Printing", "Address"), 1.7),
        Column(translate("Printing", "Head of household"), 1.1),
        Column(translate("Printing", "Category"), 1.1),
        Column(translate("Printing", "Urgency"), 0.8),
        Column(translate("Printing", "What was asked"), 3.0),
        Column(translate("Printing", "Status"), 0.9),
        Column(translate("Printing", "Handled by"), 1.2),
        Column(translate("Printing", "Due"), 1.1),
        Column(translate("Printing", "Result and call-back"), 2.4),
    ]


def todays_requests_document(
    store: Store, day=None, *, grid_id: int | None = None, community_id: int | None = None
) -> Document:
    """The day's requests list: received today, and still open and due by tonight (overdue first),
    of a grid, a community or the whole file."""
    from gridboard.models import ledger, requests
    from gridboard.models.area import Area

    if grid_id is not None and community_id is None:
        community_id = ledger.grid_community(store, grid_id)
    listing = requests.todays_list(store, day, within=Area(community=community_id, grid=grid_id))
    community = records.name_of(store, "community", community_id or ledger.first_community_id(store))
    day_text = listing.day.isoformat()
    blocks: list = [
        Heading(translate("Printing", "Requests list for {day}").format(day=day_text)),
        Fields(
            [
                (translate("Printing", "Received today"), str(len(listing.received))),
                (translate("Printing", "Still open and due by tonight"), str(len(listing.due))),
                (translate("Printing", "Closed today"), str(listing.closed_today)),
                (translate("Printing", "Called back today"), str(listing.followed_up_today)),
            ],
            columns=4,
        ),
        Paragraph(translate("Printing", "Received today"), size=11, bold=True),
    ]
    if listing.received:
        blocks.append(Table(request_columns(), _request_rows(listing.received, 1), size=8.5, min_row_mm=10.0))
    else:
        blocks.append(Paragraph(translate("Printing", "None."), size=9))
    blocks.append(
        Paragraph(
            translate("Printing", "Still open and due by tonight (overdue ones included)"), size=11, bold=True
        )
    )
    if listing.due:
        blocks.append(
            Table(
                request_columns(),
                _request_rows(listing.due, len(listing.received) + 1),
                size=8.5,
                min_row_mm=10.0,
                emphasis=[r.overdue for r in listing.due],
            )
        )
    else:
        blocks.append(Paragraph(translate("Printing", "None."), size=9))
    title = translate("Printing", "Requests list for {day}").format(day=day_text)
    return Document(
        title=title,
        sections=[Section(blocks, running_head=f"{community} · {title}")],
        landscape=True,
        footer=community,
    )
