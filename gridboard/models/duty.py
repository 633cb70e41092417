"""Emergency posts and checkpoints (党员先锋岗、党员突击队、党员责任区、卡点) staffed in shifts.

A post belongs to a community (and a grid, and the emergency in force when it was set up); members
and sent-down cadres are scheduled into shifts, never two at once for the same person; the duty
roster is printed per post; `on_duty_now` says who is on duty. A finished shift is credited to the
member's service card (`credit_shift`, kind "duty_shift") once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from gridboard.models import records, service
from gridboard.models.clock import normalise_when, now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP
from gridboard.models.store import Store

DUTY_KINDS = {
    "vanguard_post": "党员先锋岗",
    "commando_squad": "党员突击队",
    "responsibility_zone": "党员责任区",
    "checkpoint": "卡点",
}


@dataclass(frozen=True)
class DutyPost:
    id: int
    community_id: int
    grid_id: int | None
    grid_name: str
    emergency_id: int | None
    kind: str
    name: str
    location: str
    shifts: int
    on_duty: str


@dataclass(frozen=True)
class Shift:
    id: int
    post_id: int
    post_name: str
    member_id: int
    member_name: str
    member_kind: str
    phone: str
    starts_at: str
    ends_at: str
    on_duty: bool
    credited: bool


def add_duty_post(
    store: Store,
    *,
    community_id: int,
    kind: str,
    name: str,
    grid_id: int | None = None,
    location: str = "",
    emergency_id: int | None = None,
) -> int:
    """A post, squad, zone or checkpoint; tied to the emergency in force unless one is given."""
    records.require(
        kind in DUTY_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown kind of post {value}."), value=kind
    )
    records.require(bool(name.strip()), QT_TRANSLATE_NOOP("Errors", "A post needs a name."))
    records.fetch(store, "community", community_id)
    if grid_id is not None:
        records.require(
            store.scalar("SELECT community_id FROM grid WHERE id = ?", [grid_id]) == community_id,
            QT_TRANSLATE_NOOP("Errors", "That grid is not in this community."),
        )
    if emergency_id is None:
        emergency_id = store.scalar(
            "SELECT id FROM emergency WHERE ended_at IS NULL AND (community_id IS NULL OR community_id = ?)"
            " ORDER BY started_at DESC LIMIT 1",
            [community_id],
        )
    with store.atomic():
        post_id = records.insert(
            store,
            "duty_post",
            {
                "community_id": community_id,
                "grid_id": grid_id,
                "emergency_id": emergency_id,
                "kind": kind,
                "name": name.strip(),
                "location": location.strip(),
            },
        )
    store.changes.note("duty_post", grid=grid_id)
    return post_id


def add_shift(
    store: Store,
    *,
    post_id: int,
    member_id: int,
    starts_at: str | datetime,
    ends_at: str | datetime | None = None,
    hours: float | None = None,
) -> int:
    """Schedule a member into a shift; the same member on two shifts at once is refused."""
    post = records.fetch(store, "duty_post", post_id)
    records.require(post["archived_at"] is None, QT_TRANSLATE_NOOP("Errors", "This post was closed."))
    member = records.fetch(store, "member", member_id)
    records.require(
        bool(member["active"]) and member["archived_at"] is None,
        QT_TRANSLATE_NOOP("Errors", "{name} is no longer an active member."),
        name=member["name"],
    )
    start = normalise_when(starts_at)
    if ends_at is None:
        records.require(
            hours is not None and 0 < float(hours) <= 24,
            QT_TRANSLATE_NOOP("Errors", "A shift lasts up to 24 hours."),
        )
        end = normalise_when(datetime.fromisoformat(start) + timedelta(hours=float(hours or 0)))
    else:
        end = normalise_when(ends_at)
    records.require(end > start, QT_TRANSLATE_NOOP("Errors", "A shift must end after it starts."))
    records.require(
        datetime.fromisoformat(end) - datetime.fromisoformat(start) <= timedelta(hours=24),
        QT_TRANSLATE_NOOP("Errors", "A shift lasts up to 24 hours."),
    )
    clash = store.one(
        "SELECT s.starts_at, p.name FROM duty_shift s JOIN duty_post p ON p.id = s.post_id WHERE s.member_id = ?"
        " AND s.withdrawn_at IS NULL AND s.starts_at < ? AND s.ends_at > ?",
        [member_id, end, start],
    )
    records.require(
        clash is None,
        QT_TRANSLATE_NOOP("Errors", "{name} is already on duty at {post} from {start}."),
        name=member["name"],
        post=clash["name"] if clash else "",
        start=clash["starts_at"][:16] if clash else "",
    )
    with store.atomic():
        shift_id = records.insert(
            store,
            "duty_shift",
            {"post_id": post_id, "member_id": member_id, "starts_at": start, "ends_at": end},
        )
    store.changes.note("duty_shift", member=member_id)
    return shift_id


def withdraw_shift(store: Store, shift_id: int) -> None:
    row = records.fetch(store, "duty_shift", shift_id)
    with store.atomic():
        records.update(store, "duty_shift", shift_id, {"withdrawn_at": now_iso()}, action="withdraw")
    store.changes.note("duty_shift", member=row["member_id"])


def credit_shift(store: Store, shift_id: int) -> int:
    """Put a finished shift on the member's service card (once); returns the service record's id."""
    row = records.fetch(store, "duty_shift", shift_id)
    records.require(row["withdrawn_at"] is None, QT_TRANSLATE_NOOP("Errors", "This shift was withdrawn."))
    records.require(row["ends_at"] <= now_iso(), QT_TRANSLATE_NOOP("Errors", "This shift has not ended yet."))
    existing = store.scalar(
        "SELECT id FROM service_record WHERE shift_id = ? AND withdrawn_at IS NULL", [shift_id]
    )
    if existing is not None:
        return int(existing)
    hours = (
        datetime.fromisoformat(row["ends_at"]) - datetime.fromisoformat(row["starts_at"])
    ).total_seconds() / 3600
    post = records.fetch(store, "duty_post", row["post_id"])
    with store.atomic():
        record_id = service.record_service(
            store,
            member_id=row["member_id"],
            kind="duty_shift",
            hours=round(hours, 2),
            shift_id=shift_id,
            served_on=row["starts_at"][:10],
            note=post["name"],
            community_id=post["community_id"],
        )
        if post["grid_id"] is not None:
            records.update(store, "service_record", record_id, {"grid_id": post["grid_id"]})
    return record_id


def duty_posts(store: Store, *, community_id: int | None = None, now: str | None = None) -> list[DutyPost]:
    moment = now or now_iso()
    where: list[str] = ["p.archived_at IS NULL"]
    params: dict[str, Any] = {"now": moment}
    if community_id is not None:
        where.append("p.community_id = :community")
        params["community"] = community_id
    rows = store.query(
        f"""SELECT p.id, p.community_id, p.grid_id, coalesce(g.name, '') AS grid_name, p.emergency_id, p.kind,
            p.name, p.location,
            (SELECT count(*) FROM duty_shift s WHERE s.post_id = p.id AND s.withdrawn_at IS NULL) AS shifts,
            coalesce((SELECT group_concat(m.name, '、') FROM duty_shift s JOIN member m ON m.id = s.member_id
                WHERE s.post_id = p.id AND s.withdrawn_at IS NULL AND s.starts_at <= :now AND s.ends_at > :now),
                '') AS on_duty
        FROM duty_post p LEFT JOIN grid g ON g.id = p.grid_id
        WHERE {" AND ".join(where)} ORDER BY p.kind, p.id""",
        params,
    )
    return [DutyPost(**dict(r)) for r in rows]


_SHIFT_SELECT = """
    SELECT s.id, s.post_id, p.name AS post_name, s.member_id, m.name AS member_name, m.kind AS member_kind,
        m.phone, s.starts_at, s.ends_at, s.starts_at <= :now AND s.ends_at > :now AS on_duty,
        EXISTS (SELECT 1 FROM service_record r WHERE r.shift_id = s.id AND r.withdrawn_at IS NULL) AS credited
    FROM duty_shift s JOIN duty_post p ON p.id = s.post_id JOIN member m ON m.id = s.member_id
"""


def _shift(r: Any) -> Shift:
    return Shift(**{**dict(r), "on_duty": bool(r["on_duty"]), "credited": bool(r["credited"])})


def shifts(store: Store, post_id: int, *, now: str | None = None) -> list[Shift]:
    rows = store.query(
        f"{_SHIFT_SELECT} WHERE s.post_id = :post AND s.withdrawn_at IS NULL ORDER BY s.starts_at, s.id",
        {"post": post_id, "now": now or now_iso()},
    )
    return [_shift(r) for r in rows]


def on_duty_now(store: Store, *, community_id: int | None = None, now: str | None = None) -> list[Shift]:
    where = "s.withdrawn_at IS NULL AND s.starts_at <= :now AND s.ends_at > :now AND p.archived_at IS NULL"
    params: dict[str, Any] = {"now": now or now_iso()}
    if community_id is not None:
        where += " AND p.community_id = :community"
        params["community"] = community_id
    return [
        _shift(r) for r in store.query(f"{_SHIFT_SELECT} WHERE {where} ORDER BY p.name, s.starts_at", params)
    ]


def shift_candidates(store: Store) -> list[tuple[int, str, str]]:
    """(id, name, kind) of active members who can stand a shift: sent-down cadres and in-service
    members first, then community members, grid workers and building heads."""
    return [
        (r["id"], r["name"], r["kind"])
        for r in store.query(
            "SELECT id, name, kind FROM member WHERE active = 1 AND archived_at IS NULL AND kind IN ('cadre',"
            " 'in_service', 'community_member', 'grid_worker', 'building_head', 'unit_head') ORDER BY"
            " kind NOT IN ('cadre', 'in_service'), name, id"
        )
    ]


def grid_choices(store: Store, community_id: int | None) -> list[tuple[int, str]]:
    return [
        (r["id"], r["name"])
        for r in store.query(
            "SELECT id, name FROM grid WHERE archived_at IS NULL AND (? IS NULL OR community_id = ?)"
            " ORDER BY sort_order, id",
            [community_id, community_id],
        )
    ]
