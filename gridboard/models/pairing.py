"""Who covers whom: member–household pairings and floor/unit/building scopes, with history kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gridboard.models import records
from gridboard.models.clock import today
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store
from gridboard.models.vocab import PAIRING_MODES

# SQL condition: household `h` is covered by an active pairing or scope (households added to a
# scope's building/unit/floor later are covered without any new row).
COVERED_SQL = """(
    EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = h.id AND p.ended_on IS NULL)
    OR EXISTS (SELECT 1 FROM scope s WHERE s.building_id = h.building_id AND s.ended_on IS NULL
               AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor))
)"""

# SQL: the households (id) a member covers now, by pairing or scope; bind :member twice.
MEMBER_HOUSEHOLDS_SQL = """
    SELECT p.household_id AS id FROM pairing p WHERE p.member_id = :member AND p.ended_on IS NULL
    UNION
    SELECT h.id FROM scope s JOIN household h ON h.building_id = s.building_id
        AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
    WHERE s.member_id = :member AND s.ended_on IS NULL AND h.archived_at IS NULL
"""


def pair_member(
    store: Store,
    *,
    member_id: int,
    household_id: int,
    mode: str = "1+1",
    started_on: date | None = None,
    reason: str = "",
) -> int:
    records.require(
        mode in PAIRING_MODES, QT_TRANSLATE_NOOP("Errors", "Unknown pairing mode {mode}."), mode=mode
    )
    active = store.scalar(
        "SELECT id FROM pairing WHERE member_id = ? AND household_id = ? AND ended_on IS NULL",
        [member_id, household_id],
    )
    if active:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "This member is already paired with this household."))
    household = records.fetch(store, "household", household_id)
    with store.atomic():
        pairing_id = records.insert(
            store,
            "pairing",
            {
                "member_id": member_id,
                "household_id": household_id,
                "mode": mode,
                "started_on": (started_on or today()).isoformat(),
                "reason": reason,
            },
        )
        follow_modes(store, household_id=household_id, member_id=member_id)
    store.changes.note("pairing", household=household_id, member=member_id, building=household["building_id"])
    return pairing_id


def follow_modes(store: Store, *, household_id: int, member_id: int) -> None:
    """Modes follow what the household and the member actually have: N+1 where a household has several
    members, else 1+N where a member has several households, else 1+1 (a second member paired with a
    household turns its first pairing into N+1 too; when one leaves, the other's is 1+1 again)."""
    rows = store.query(
        """SELECT p.id, p.mode,
               (SELECT count(*) FROM pairing o WHERE o.household_id = p.household_id AND o.ended_on IS NULL)
                   AS members,
               (SELECT count(*) FROM pairing o WHERE o.member_id = p.member_id AND o.ended_on IS NULL)
                   AS households
           FROM pairing p WHERE p.ended_on IS NULL AND (p.household_id = ? OR p.member_id = ?)""",
        [household_id, member_id],
    )
    for r in rows:
        mode = "N+1" if r["members"] > 1 else "1+N" if r["households"] > 1 else "1+1"
        if mode != r["mode"]:
            records.update(store, "pairing", r["id"], {"mode": mode})


def end_pairing(store: Store, pairing_id: int, *, reason: str = "", ended_on: date | None = None) -> None:
    """End a pairing; the row stays as history."""
    pairing = records.fetch(store, "pairing", pairing_id)
    records.require(
        pairing["ended_on"] is None, QT_TRANSLATE_NOOP("Errors", "This pairing has already ended.")
    )
    household = records.fetch(store, "household", pairing["household_id"])
    with store.atomic():
        records.update(
            store,
            "pairing",
            pairing_id,
            {"ended_on": (ended_on or today()).isoformat(), "end_reason": reason},
            action="end",
        )
        follow_modes(store, household_id=pairing["household_id"], member_id=pairing["member_id"])
    store.changes.note(
        "pairing",
        household=pairing["household_id"],
        member=pairing["member_id"],
        building=household["building_id"],
    )


def add_scope(
    store: Store,
    *,
    member_id: int,
    building_id: int,
    unit: int | None = None,
    floor: int | None = None,
    started_on: date | None = None,
    reason: str = "",
) -> int:
    """包楼栋 (unit and floor None), 包单元 (unit set) or 包楼层 (floor set, unit optional)."""
    with store.atomic():
        scope_id = records.insert(
            store,
            "scope",
            {
                "member_id": member_id,
                "building_id": building_id,
                "unit": unit,
                "floor": floor,
                "started_on": (started_on or today()).isoformat(),
                "reason": reason,
            },
        )
    store.changes.note("scope", member=member_id, building=building_id)
    return scope_id


def end_scope(store: Store, scope_id: int, *, reason: str = "", ended_on: date | None = None) -> None:
    scope = records.fetch(store, "scope", scope_id)
    records.require(scope["ended_on"] is None, QT_TRANSLATE_NOOP("Errors", "This scope has already ended."))
    with store.atomic():
        records.update(
            store,
            "scope",
            scope_id,
            {"ended_on": (ended_on or today()).isoformat(), "end_reason": reason},
            action="end",
        )
    store.changes.note("scope", member=scope["member_id"], building=scope["building_id"])


def member_household_ids(store: Store, member_id: int) -> list[int]:
    return [r[0] for r in store.execute(MEMBER_HOUSEHOLDS_SQL, {"member": member_id}).fetchall()]


def member_community_buildings(store: Store, member_id: int) -> list[Any]:
    """Active buildings (id, name, grid name) in the member's community, in board order."""
    return store.query(
        "SELECT b.id, b.name, g.name AS grid FROM building b JOIN grid g ON g.id = b.grid_id"
        " JOIN member m ON m.community_id = g.community_id AND m.id = ?"
        " WHERE b.archived_at IS NULL ORDER BY g.sort_order, g.id, b.number, b.id",
        [member_id],
    )


def household_member_ids(store: Store, household_id: int) -> list[int]:
    """Members covering a household now: paired ones first, then those with a scope over it."""
    rows = store.execute(
        """
        SELECT p.member_id FROM pairing p WHERE p.household_id = :h AND p.ended_on IS NULL
        UNION ALL
        SELECT s.member_id FROM scope s JOIN household h ON h.id = :h
        WHERE s.building_id = h.building_id AND s.ended_on IS NULL
          AND (s.unit IS NULL OR s.unit = h.unit) AND (s.floor IS NULL OR s.floor = h.floor)
        """,
        {"h": household_id},
    ).fetchall()
    seen: list[int] = []
    for (member_id,) in rows:
        if member_id not in seen:
            seen.append(member_id)
    return seen


# -- several households at once, undo helpers, reassignment -------------------------------------


@dataclass(frozen=True)
class PairingRow:
    """One pairing or scope as lists show it (ended ones are history)."""

    id: int
    kind: str  # "pairing" or "scope"
    member_id: int
    member_name: str
    household_id: int | None
    building_id: int
    building_name: str
    unit: int | None
    floor: int | None
    room: str | None
    mode: str | None
    started_on: str
    ended_on: str | None
    reason: str
    end_reason: str


def choose_mode(store: Store, household_ids: list[int], member_id: int) -> str:
    """1+N when one member takes several households, N+1 when the household already has a member."""
    if len(household_ids) > 1:
        return "1+N"
    others = store.scalar(
        "SELECT count(*) FROM pairing WHERE household_id = ? AND member_id != ? AND ended_on IS NULL",
        [household_ids[0], member_id],
    )
    return "N+1" if others else "1+1"


def pair_households(
    store: Store,
    *,
    member_id: int,
    household_ids: list[int],
    mode: str | None = None,
    reason: str = "",
    started_on: date | None = None,
) -> list[int]:
    """Pair one member with one or several households (skipping those already theirs); one transaction."""
    records.require(bool(household_ids), QT_TRANSLATE_NOOP("Errors", "Choose at least one household."))
    _require_active_member(store, member_id)
    ids = list(dict.fromkeys(household_ids))
    mode = mode or choose_mode(store, ids, member_id)
    created: list[int] = []
    with store.atomic():
        for household_id in ids:
            already = store.scalar(
                "SELECT 1 FROM pairing WHERE member_id = ? AND household_id = ? AND ended_on IS NULL",
                [member_id, household_id],
            )
            if already:
                continue
            created.append(
                pair_member(
                    store,
                    member_id=member_id,
                    household_id=household_id,
                    mode=mode,
                    started_on=started_on,
                    reason=reason,
                )
            )
    return created


def _require_active_member(store: Store, member_id: int) -> None:
    row = store.one_required("SELECT name, active, archived_at FROM member WHERE id = ?", [member_id])
    records.require(row is not None, QT_TRANSLATE_NOOP("Errors", "No member with id {id}."), id=member_id)
    records.require(
        bool(row["active"]) and row["archived_at"] is None,
        QT_TRANSLATE_NOOP("Errors", "{name} no longer serves; choose an active member."),
        name=row["name"],
    )


def give_scope(
    store: Store,
    *,
    member_id: int,
    building_id: int,
    unit: int | None = None,
    floor: int | None = None,
    reason: str = "",
    started_on: date | None = None,
) -> int:
    """包楼栋 / 包单元 / 包楼层 after checking the place exists and the member does not cover it already."""
    _require_active_member(store, member_id)
    building = records.fetch(store, "building", building_id)
    records.require(
        unit is None or 1 <= unit <= building["units"],
        QT_TRANSLATE_NOOP("Errors", "{building} has no unit {unit}."),
        building=building["name"],
        unit=unit,
    )
    if floor is not None:
        top = store.scalar(
            "SELECT max(floor) FROM household WHERE building_id = ? AND archived_at IS NULL"
            " AND (? IS NULL OR unit = ?)",
            [building_id, unit, unit],
        )
        records.require(
            1 <= floor <= max(top or 0, building["floors"]),
            QT_TRANSLATE_NOOP("Errors", "{building} has no floor {floor}."),
            building=building["name"],
            floor=floor,
        )
    same = store.scalar(
        "SELECT id FROM scope WHERE member_id = ? AND building_id = ? AND unit IS ? AND floor IS ?"
        " AND ended_on IS NULL",
        [member_id, building_id, unit, floor],
    )
    records.require(not same, QT_TRANSLATE_NOOP("Errors", "This member already covers that place."))
    return add_scope(
        store,
        member_id=member_id,
        building_id=building_id,
        unit=unit,
        floor=floor,
        started_on=started_on,
        reason=reason,
    )


@dataclass
class Reassignment:
    """What `reassign_member` did, so it can be undone exactly."""

    ended_pairings: list[int] = field(default_factory=list)
    new_pairings: list[int] = field(default_factory=list)
    ended_scopes: list[int] = field(default_factory=list)
    new_scopes: list[int] = field(default_factory=list)

    @property
    def moved(self) -> int:
        return len(self.ended_pairings) + len(self.ended_scopes)


def reassign_member(
    store: Store,
    *,
    from_member_id: int,
    to_member_id: int,
    reason: str = "",
    on: date | None = None,
    handed_over: str = "",
) -> Reassignment:
    """Hand every active pairing and scope of a leaving member to another member, in one transaction.

    The leaving member's rows are ended (history kept) and the other member gets new rows from the
    same day, with the same mode and place; where they already have that household or place, only
    the old row ends.
    """
    records.require(
        from_member_id != to_member_id,
        QT_TRANSLATE_NOOP("Errors", "Choose a different member to take over."),
    )
    _require_active_member(store, to_member_id)
    day = on or today()
    done = Reassignment()
    with store.atomic():
        for row in store.query(
            "SELECT * FROM pairing WHERE member_id = ? AND ended_on IS NULL ORDER BY id", [from_member_id]
        ):
            end_pairing(store, row["id"], reason=reason, ended_on=day)
            done.ended_pairings.append(row["id"])
            taken = store.scalar(
                "SELECT 1 FROM pairing WHERE member_id = ? AND household_id = ? AND ended_on IS NULL",
                [to_member_id, row["household_id"]],
            )
            if not taken:
                done.new_pairings.append(
                    pair_member(
                        store,
                        member_id=to_member_id,
                        household_id=row["household_id"],
                        mode=row["mode"],
                        started_on=day,
                        # The leaving member's reason (搬离) is theirs, not the new pairing's.
                        reason=handed_over,
                    )
                )
        for row in store.query(
            "SELECT * FROM scope WHERE member_id = ? AND ended_on IS NULL ORDER BY id", [from_member_id]
        ):
            end_scope(store, row["id"], reason=reason, ended_on=day)
            done.ended_scopes.append(row["id"])
            taken = store.scalar(
                "SELECT 1 FROM scope WHERE member_id = ? AND building_id = ? AND unit IS ? AND floor IS ?"
                " AND ended_on IS NULL",
                [to_member_id, row["building_id"], row["unit"], row["floor"]],
            )
            if not taken:
                done.new_scopes.append(
                    add_scope(
                        store,
                        member_id=to_member_id,
                        building_id=row["building_id"],
                        unit=row["unit"],
                        floor=row["floor"],
                        started_on=day,
                        reason=handed_over,
                    )
                )
    store.changes.note("member", member=from_member_id)
    store.changes.note("member", member=to_member_id)
    return done


_ROW_SQL = """
    SELECT * FROM (
    SELECT 'pairing' AS kind, p.id, p.member_id, m.name AS member_name, p.household_id,
        h.building_id, b.name AS building_name, h.unit, h.floor, h.room, p.mode,
        p.started_on, p.ended_on, p.reason, p.end_reason
    FROM pairing p JOIN member m ON m.id = p.member_id JOIN household h ON h.id = p.household_id
    JOIN building b ON b.id = h.building_id
    WHERE {pairing_where}
    UNION ALL
    SELECT 'scope' AS kind, s.id, s.member_id, m.name, NULL, s.building_id, b.name, s.unit, s.floor,
        NULL, NULL, s.started_on, s.ended_on, s.reason, s.end_reason
    FROM scope s JOIN member m ON m.id = s.member_id JOIN building b ON b.id = s.building_id
    WHERE {scope_where}
    ) ORDER BY ended_on IS NOT NULL, started_on DESC, id DESC
"""


def member_pairings(store: Store, member_id: int, *, include_ended: bool = True) -> list[PairingRow]:
    """A member's pairings and scopes, current first, then the history."""
    active = "" if include_ended else " AND {a}.ended_on IS NULL"
    sql = _ROW_SQL.format(
        pairing_where="p.member_id = :m" + active.format(a="p"),
        scope_where="s.member_id = :m" + active.format(a="s"),
    )
    return [PairingRow(**dict(r)) for r in store.query(sql, {"m": member_id})]


def household_pairings(store: Store, household_id: int, *, include_ended: bool = True) -> list[PairingRow]:
    """Who covers a household (pairings, and scopes over its place), current first, then history."""
    active = "" if include_ended else " AND {a}.ended_on IS NULL"
    sql = _ROW_SQL.format(
        pairing_where="p.household_id = :h" + active.format(a="p"),
        scope_where="s.building_id = (SELECT building_id FROM household WHERE id = :h)"
        " AND (s.unit IS NULL OR s.unit = (SELECT unit FROM household WHERE id = :h))"
        " AND (s.floor IS NULL OR s.floor = (SELECT floor FROM household WHERE id = :h))"
        + active.format(a="s"),
    )
    return [PairingRow(**dict(r)) for r in store.query(sql, {"h": household_id})]
