"""Units that come to serve (机关企事业单位, 驻区单位) and reporting in (双报到).

1+N 契约化共建: each unit pairs with one community under a contract (terms, period); a community has
N units. A member belongs to a unit (`member.unit_id`; the old `work_unit` text follows the unit's
name). A unit's Party organisation or an in-service member reports to the community (报到): the
reporting slip (报到单) is numbered; the community's receipt marks it received. `reporting_list`
says who has and has not reported, by unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from gridboard.models import records
from gridboard.models.clock import now_iso, parse_date
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store

# 机关、事业单位、国有企业、非公企业、社会组织、其他
UNIT_KINDS = {
    "government": "机关",
    "institution": "事业单位",
    "state_enterprise": "国有企业",
    "enterprise": "非公企业",
    "social_org": "社会组织",
    "other": "其他",
}


@dataclass(frozen=True)
class Unit:
    id: int
    uid: str
    name: str
    kind: str
    contact_name: str
    contact_phone: str
    address: str
    community_id: int | None
    community_name: str
    contract_terms: str
    contract_start: str | None
    contract_end: str | None
    notes: str
    members: int
    reported: int

    def contract_active(self, on: date | None = None) -> bool:
        day = (on or date.today()).isoformat()
        return (
            self.contract_start is not None
            and bool(self.contract_start)
            and self.contract_start <= day
            and (not self.contract_end or day <= self.contract_end)
        )


@dataclass(frozen=True)
class Report:
    """One reporting slip (报到单)."""

    id: int
    slip_no: str
    community_id: int
    community_name: str
    unit_id: int | None
    unit_name: str
    member_id: int | None
    member_name: str
    member_phone: str
    reported_on: str
    work_unit: str
    skills: str
    available_time: str
    received_at: str | None
    received_by: str


@dataclass(frozen=True)
class ReportingLine:
    """A member of a unit and whether they have reported in (the has / has-not list)."""

    unit_id: int
    unit_name: str
    member_id: int
    member_name: str
    community_name: str
    reported_on: str | None
    slip_no: str
    received: bool
    posts: int


def _day(value: str | date | None, *, field: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return (parse_date(value) or date.today()).isoformat()
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{value} is not a date (field {field})."), value=value, field=field
        ) from None


def _check_unit(
    store: Store, name: str, kind: str, community_id: int | None, start: str | None, end: str | None
) -> None:
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "A unit needs a name."))
    records.require(kind in UNIT_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown unit kind {value}."), value=kind)
    if community_id is not None:
        records.fetch(store, "community", community_id)
    records.require(
        not (start and end) or start <= end,
        QT_TRANSLATE_NOOP("Errors", "The contract cannot end ({end}) before it starts ({start})."),
        start=start,
        end=end,
    )


def add_unit(
    store: Store,
    *,
    name: str,
    kind: str = "government",
    community_id: int | None = None,
    contact_name: str = "",
    contact_phone: str = "",
    address: str = "",
    contract_terms: str = "",
    contract_start: str | date | None = None,
    contract_end: str | date | None = None,
    notes: str = "",
) -> int:
    """A unit, paired with one community (1+N) under a contract when `community_id` is given."""
    start = _day(contract_start, field="contract_start")
    end = _day(contract_end, field="contract_end")
    _check_unit(store, name, kind, community_id, start, end)
    with store.atomic():
        unit_id = records.insert(
            store,
            "org_unit",
            {
                "name": name.strip(),
                "kind": kind,
                "community_id": community_id,
                "contact_name": contact_name.strip(),
                "contact_phone": contact_phone.strip(),
                "address": address.strip(),
                "contract_terms": contract_terms.strip(),
                "contract_start": start,
                "contract_end": end,
                "notes": notes.strip(),
            },
        )
    store.changes.note("org_unit")
    return unit_id


def update_unit(store: Store, unit_id: int, **values: Any) -> None:
    """Change a unit's fields (name, kind, contact, community, contract...); a new name is carried to
    its members' work-unit text."""
    old = records.fetch(store, "org_unit", unit_id)
    for key in ("contract_start", "contract_end"):
        if key in values:
            values[key] = _day(values[key], field=key)
    merged = {**old, **values}
    _check_unit(
        store,
        merged["name"],
        merged["kind"],
        merged["community_id"],
        merged["contract_start"],
        merged["contract_end"],
    )
    if "name" in values:
        values["name"] = values["name"].strip()
    with store.atomic():
        records.update(store, "org_unit", unit_id, values)
        if "name" in values and values["name"] != old["name"]:
            for member_id in [
                r[0] for r in store.query("SELECT id FROM member WHERE unit_id = ?", [unit_id])
            ]:
                records.update(store, "member", member_id, {"work_unit": values["name"]})
                store.changes.members.add(member_id)
    store.changes.note("org_unit")


def archive_unit(store: Store, unit_id: int) -> None:
    """A unit no longer paired: kept with its history, no longer listed."""
    with store.atomic():
        records.update(store, "org_unit", unit_id, {"archived_at": now_iso()}, action="archive")
    store.changes.note("org_unit")


def set_member_unit(store: Store, *, member_id: int, unit_id: int | None) -> None:
    """Link a member to their work unit (or unlink); the work-unit text follows the unit's name."""
    member = records.fetch(store, "member", member_id)
    values: dict[str, Any] = {"unit_id": unit_id}
    if unit_id is not None:
        unit = records.fetch(store, "org_unit", unit_id)
        records.require(
            unit["archived_at"] is None,
            QT_TRANSLATE_NOOP("Errors", "{name} is no longer a paired unit."),
            name=unit["name"],
        )
        values["work_unit"] = unit["name"]
    with store.atomic():
        records.update(store, "member", member_id, values)
    store.changes.note("member", member=member["id"])


def link_members_by_work_unit(store: Store, *, community_id: int | None = None) -> int:
    """Members whose work-unit text is exactly a unit's name get the link; returns how many."""
    sql = (
        "SELECT m.id, u.id AS unit_id FROM member m JOIN org_unit u ON u.name = trim(m.work_unit)"
        " AND u.archived_at IS NULL WHERE m.unit_id IS NULL AND m.archived_at IS NULL AND m.work_unit != ''"
    )
    params: list[Any] = []
    if community_id is not None:
        sql += " AND m.community_id = ?"
        params.append(community_id)
    rows = store.query(sql, params)
    with store.atomic():
        for row in rows:
            records.update(store, "member", row["id"], {"unit_id": row["unit_id"]})
            store.changes.members.add(row["id"])
    store.changes.note("member")
    return len(rows)


_UNIT_SELECT = """
    SELECT u.*, coalesce(c.name, '') AS community_name,
        (SELECT count(*) FROM member m WHERE m.unit_id = u.id AND m.archived_at IS NULL) AS members,
        (SELECT count(DISTINCT r.member_id) FROM report_in r JOIN member m ON m.id = r.member_id
            WHERE m.unit_id = u.id AND r.withdrawn_at IS NULL AND m.archived_at IS NULL) AS reported
    FROM org_unit u LEFT JOIN community c ON c.id = u.community_id
"""


def _unit(row: Any) -> Unit:
    return Unit(**{k: row[k] for k in Unit.__dataclass_fields__})


def units(store: Store, *, community_id: int | None = None) -> list[Unit]:
    where, params = "u.archived_at IS NULL", []
    if community_id is not None:
        where += " AND u.community_id = ?"
        params.append(community_id)
    return [_unit(r) for r in store.query(f"{_UNIT_SELECT} WHERE {where} ORDER BY u.name, u.id", params)]


def totals(store: Store, *, community_id: int | None = None) -> dict[str, int]:
    """How many units (paired with the community) and reporting slips (to it) there are."""
    where = "" if community_id is None else " AND community_id = ?"
    params = [] if community_id is None else [community_id]
    return {
        "units": int(store.scalar(f"SELECT count(*) FROM org_unit WHERE archived_at IS NULL{where}", params)),
        "reported": int(
            store.scalar(f"SELECT count(*) FROM report_in WHERE withdrawn_at IS NULL{where}", params)
        ),
    }


def get_unit(store: Store, unit_id: int) -> Unit:
    row = store.one(f"{_UNIT_SELECT} WHERE u.id = ?", [unit_id])
    if row is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table="org_unit", id=unit_id
        )
    return _unit(row)


def unit_members(store: Store, unit_id: int) -> list[tuple[int, str, str]]:
    """(id, name, kind) of a unit's members."""
    return [
        (r["id"], r["name"], r["kind"])
        for r in store.query(
            "SELECT id, name, kind FROM member WHERE unit_id = ? AND archived_at IS NULL ORDER BY name, id",
            [unit_id],
        )
    ]


def community_choices(store: Store) -> list[tuple[int, str]]:
    return [
        (r["id"], r["name"])
        for r in store.query("SELECT id, name FROM community WHERE archived_at IS NULL ORDER BY id")
    ]


def member_choices(store: Store, *, in_service_only: bool = False) -> list[tuple[int, str, str]]:
    """(id, name, work unit) of active members, for pickers."""
    where = "active = 1 AND archived_at IS NULL"
    if in_service_only:
        where += " AND kind IN ('in_service', 'cadre')"
    return [
        (r["id"], r["name"], r["work_unit"])
        for r in store.query(f"SELECT id, name, work_unit FROM member WHERE {where} ORDER BY name, id")
    ]


# -- reporting in (报到) -------------------------------------------------------------------------------


def _next_slip_no(store: Store, day: str) -> str:
    prefix = "BD" + day[:4] + day[5:7] + day[8:10] + "-"
    last = store.scalar("SELECT max(slip_no) FROM report_in WHERE slip_no LIKE ?", [prefix + "%"])
    number = int(last[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{number:03d}"


def report_in(
    store: Store,
    *,
    community_id: int,
    member_id: int | None = None,
    unit_id: int | None = None,
    reported_on: str | date | None = None,
    skills: str = "",
    available_time: str = "",
    work_unit: str | None = None,
) -> int:
    """A member (or a unit's Party organisation, with no member) reports to the community where they
    live; returns the reporting slip's id. A member reports once: a second slip is refused."""
    records.require(
        member_id is not None or unit_id is not None,
        QT_TRANSLATE_NOOP("Errors", "Say who reports in: a member or a unit."),
    )
    records.fetch(store, "community", community_id)
    day = _day(reported_on, field="reported_on") or date.today().isoformat()
    records.require(
        day <= date.today().isoformat(),
        QT_TRANSLATE_NOOP("Errors", "A report cannot be in the future ({value})."),
        value=day,
    )
    text = work_unit
    if member_id is not None:
        member = records.fetch(store, "member", member_id)
        if unit_id is None:
            unit_id = member["unit_id"]
        text = member["work_unit"] if text is None else text
        existing = store.scalar(
            "SELECT slip_no FROM report_in WHERE member_id = ? AND community_id = ? AND withdrawn_at IS NULL",
            [member_id, community_id],
        )
        records.require(
            existing is None,
            QT_TRANSLATE_NOOP("Errors", "{name} has already reported in (slip {slip})."),
            name=member["name"],
            slip=existing,
        )
    else:
        existing = store.scalar(
            "SELECT slip_no FROM report_in WHERE unit_id = ? AND member_id IS NULL AND community_id = ?"
            " AND withdrawn_at IS NULL",
            [unit_id, community_id],
        )
        unit_name = records.fetch(store, "org_unit", unit_id)["name"]
        records.require(
            existing is None,
            QT_TRANSLATE_NOOP("Errors", "{name} has already reported in (slip {slip})."),
            name=unit_name,
            slip=existing,
        )
    if unit_id is not None and text is None:
        text = records.fetch(store, "org_unit", unit_id)["name"]
    with store.atomic():
        if member_id is not None and unit_id is not None:
            current = store.scalar("SELECT unit_id FROM member WHERE id = ?", [member_id])
            if current is None:
                set_member_unit(store, member_id=member_id, unit_id=unit_id)
        report_id = records.insert(
            store,
            "report_in",
            {
                "community_id": community_id,
                "unit_id": unit_id,
                "member_id": member_id,
                "reported_on": day,
                "work_unit": (text or "").strip(),
                "skills": skills.strip(),
                "available_time": available_time.strip(),
                "slip_no": _next_slip_no(store, day),
            },
        )
    store.changes.note("report_in", member=member_id)
    return report_id


def receive_report(store: Store, report_id: int, *, at: str | None = None) -> None:
    """The community's receipt (回执): the slip is received, by whom and when."""
    row = records.fetch(store, "report_in", report_id)
    records.require(
        row["received_at"] is None,
        QT_TRANSLATE_NOOP("Errors", "Slip {slip} was already received."),
        slip=row["slip_no"],
    )
    with store.atomic():
        records.update(
            store,
            "report_in",
            report_id,
            {"received_at": at or now_iso(), "received_by": store.operator},
            action="receive",
        )
    store.changes.note("report_in", member=row["member_id"])


def withdraw_report(store: Store, report_id: int) -> None:
    """A slip entered by mistake: kept, no longer counted."""
    row = records.fetch(store, "report_in", report_id)
    with store.atomic():
        records.update(store, "report_in", report_id, {"withdrawn_at": now_iso()}, action="withdraw")
    store.changes.note("report_in", member=row["member_id"])


_REPORT_SELECT = """
    SELECT r.id, r.slip_no, r.community_id, c.name AS community_name, r.unit_id,
        coalesce(u.name, '') AS unit_name, r.member_id, coalesce(m.name, '') AS member_name,
        coalesce(m.phone, '') AS member_phone, r.reported_on, r.work_unit, r.skills, r.available_time,
        r.received_at, r.received_by
    FROM report_in r JOIN community c ON c.id = r.community_id
    LEFT JOIN org_unit u ON u.id = r.unit_id LEFT JOIN member m ON m.id = r.member_id
"""


def get_report(store: Store, report_id: int) -> Report:
    row = store.one(f"{_REPORT_SELECT} WHERE r.id = ?", [report_id])
    if row is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table="report_in", id=report_id
        )
    return Report(**dict(row))


def reports(store: Store, *, community_id: int | None = None, unit_id: int | None = None) -> list[Report]:
    where, params = ["r.withdrawn_at IS NULL"], []
    if community_id is not None:
        where.append("r.community_id = ?")
        params.append(community_id)
    if unit_id is not None:
        where.append("r.unit_id = ?")
        params.append(unit_id)
    rows = store.query(
        f"{_REPORT_SELECT} WHERE {' AND '.join(where)} ORDER BY r.reported_on DESC, r.id DESC", params
    )
    return [Report(**dict(r)) for r in rows]


def member_report(store: Store, member_id: int) -> Report | None:
    row = store.one(
        f"{_REPORT_SELECT} WHERE r.member_id = ? AND r.withdrawn_at IS NULL ORDER BY r.id LIMIT 1",
        [member_id],
    )
    return None if row is None else Report(**dict(row))


def reporting_list(
    store: Store, *, unit_id: int | None = None, community_id: int | None = None, reported: bool | None = None
) -> list[ReportingLine]:
    """Each unit's members and whether they reported in (None: all; True: has; False: has not)."""
    where, params = ["m.archived_at IS NULL", "u.archived_at IS NULL"], []
    if unit_id is not None:
        where.append("u.id = ?")
        params.append(unit_id)
    if community_id is not None:
        where.append("u.community_id = ?")
        params.append(community_id)
    if reported is True:
        where.append("r.id IS NOT NULL")
    elif reported is False:
        where.append("r.id IS NULL")
    rows = store.query(
        f"""
        SELECT u.id AS unit_id, u.name AS unit_name, m.id AS member_id, m.name AS member_name,
            coalesce(c.name, '') AS community_name, r.reported_on, coalesce(r.slip_no, '') AS slip_no,
            r.received_at IS NOT NULL AS received,
            (SELECT count(*) FROM post_claim pc WHERE pc.member_id = m.id AND pc.ended_on IS NULL) AS posts
        FROM member m JOIN org_unit u ON u.id = m.unit_id
        LEFT JOIN report_in r ON r.id = (SELECT min(id) FROM report_in WHERE member_id = m.id
            AND withdrawn_at IS NULL)
        LEFT JOIN community c ON c.id = r.community_id
        WHERE {" AND ".join(where)}
        ORDER BY u.name, u.id, r.id IS NULL, m.name, m.id
        """,
        params,
    )
    return [ReportingLine(**{**dict(r), "received": bool(r["received"])}) for r in rows]
