"""Home visits: logging, correcting and withdrawing them, and each household's visit summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from gridboard.models import records
from gridboard.models.clock import normalise_when, now_iso, when_or_now
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.store import Store
from gridboard.models.vocab import REACHED_OUTCOMES, VISIT_METHODS, VISIT_OUTCOMES, VISIT_SOURCES


@dataclass(frozen=True)
class Visit:
    id: int
    uid: str
    household_id: int
    visited_at: str
    method: str
    outcome: str
    note: str
    source: str
    sheet_no: str | None
    withdrawn_at: str | None
    member_ids: tuple[int, ...]
    member_names: tuple[str, ...]
    time_written: bool = True  # False: entered from paper with the day only ("time not written")


def _check_visit_values(method: str, outcome: str, source: str, visited_at: str) -> None:
    records.require(
        method in VISIT_METHODS, QT_TRANSLATE_NOOP("Errors", "Unknown visit method {value}."), value=method
    )
    records.require(
        outcome in VISIT_OUTCOMES,
        QT_TRANSLATE_NOOP("Errors", "Unknown visit outcome {value}."),
        value=outcome,
    )
    records.require(
        source in VISIT_SOURCES, QT_TRANSLATE_NOOP("Errors", "Unknown visit source {value}."), value=source
    )
    try:
        when = datetime.fromisoformat(visited_at)
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{value} is not a date and time."), value=visited_at
        ) from None
    if when.date() > datetime.now().date():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A visit cannot be in the future ({value})."), value=visited_at
        )


def log_visit(
    store: Store,
    *,
    household_id: int,
    member_ids: list[int] | tuple[int, ...] = (),
    visited_at: str | datetime | None = None,
    method: str = "in_person",
    outcome: str = "met",
    note: str = "",
    source: str = "typed",
    sheet_no: str | None = None,
    time_written: bool = True,
) -> int:
    when = when_or_now(visited_at)
    _check_visit_values(method, outcome, source, when)
    household = records.fetch(store, "household", household_id)
    records.require(
        household["archived_at"] is None,
        QT_TRANSLATE_NOOP("Errors", "This household has been removed from the ledger: it cannot be visited."),
    )
    with store.atomic():
        visit_id = records.insert(
            store,
            "visit",
            {
                "household_id": household_id,
                "visited_at": when,
                "method": method,
                "outcome": outcome,
                "note": note,
                "source": source,
                "sheet_no": sheet_no,
                "entered_by": store.operator,
                "time_written": 1 if time_written else 0,
            },
        )
        for member_id in dict.fromkeys(member_ids):
            records.insert(store, "visit_member", {"visit_id": visit_id, "member_id": member_id}, audit=False)
        refresh_visit_summary(store, household_id)
    store.changes.note("visit", household=household_id, building=household["building_id"])
    store.changes.members.update(member_ids)
    return visit_id


def withdraw_visit(store: Store, visit_id: int, *, reason: str = "") -> None:
    """A visit entered by mistake: kept in the file and the audit log, but no longer counted."""
    visit = records.fetch(store, "visit", visit_id)
    records.require(
        visit["withdrawn_at"] is None, QT_TRANSLATE_NOOP("Errors", "This visit has already been withdrawn.")
    )
    household = records.fetch(store, "household", visit["household_id"])
    with store.atomic():
        records.update(
            store,
            "visit",
            visit_id,
            {"withdrawn_at": now_iso(), "withdrawn_reason": reason},
            action="withdraw",
        )
        refresh_visit_summary(store, visit["household_id"])
    store.changes.note("visit", household=visit["household_id"], building=household["building_id"])


def correct_visit(store: Store, visit_id: int, **values: Any) -> dict[str, Any]:
    """Fix the date, method, outcome or note of a visit; returns the old values."""
    allowed = {"visited_at", "method", "outcome", "note"}
    records.require(
        set(values) <= allowed,
        QT_TRANSLATE_NOOP("Errors", "Cannot correct {fields} of a visit."),
        fields=", ".join(sorted(set(values) - allowed)),
    )
    visit = records.fetch(store, "visit", visit_id)
    if "visited_at" in values:
        values["visited_at"] = normalise_when(values["visited_at"])
    merged = {**visit, **values}
    _check_visit_values(merged["method"], merged["outcome"], merged["source"], merged["visited_at"])
    household = records.fetch(store, "household", visit["household_id"])
    with store.atomic():
        old = records.update(store, "visit", visit_id, values, action="correct")
        refresh_visit_summary(store, visit["household_id"])
    store.changes.note("visit", household=visit["household_id"], building=household["building_id"])
    return {k: old[k] for k in values}


def refresh_visit_summary(store: Store, household_id: int) -> None:
    """Keep the household's last visit / last reached columns true to its visits (fast map and dashboard)."""
    reached = ",".join(f"'{o}'" for o in REACHED_OUTCOMES)
    store.execute(
        f"""
        UPDATE household SET
            last_visit_at = (SELECT max(visited_at) FROM visit
                             WHERE household_id = :h AND withdrawn_at IS NULL),
            last_outcome = (SELECT outcome FROM visit WHERE household_id = :h AND withdrawn_at IS NULL
                            ORDER BY visited_at DESC, id DESC LIMIT 1),
            last_reached_at = (SELECT max(visited_at) FROM visit WHERE household_id = :h
                               AND withdrawn_at IS NULL AND outcome IN ({reached}))
        WHERE id = :h
        """,
        {"h": household_id},
    )


def household_visits(store: Store, household_id: int, *, include_withdrawn: bool = False) -> list[Visit]:
    rows = store.query(
        f"""
        SELECT v.*, group_concat(m.id, ',') AS member_ids, group_concat(m.name, '、') AS member_names
        FROM visit v
        LEFT JOIN visit_member vm ON vm.visit_id = v.id
        LEFT JOIN member m ON m.id = vm.member_id
        WHERE v.household_id = ? {"" if include_withdrawn else "AND v.withdrawn_at IS NULL"}
        GROUP BY v.id ORDER BY v.visited_at DESC, v.id DESC
        """,
        [household_id],
    )
    return [
        Visit(
            id=r["id"],
            uid=r["uid"],
            household_id=r["household_id"],
            visited_at=r["visited_at"],
            method=r["method"],
            outcome=r["outcome"],
            note=r["note"],
            source=r["source"],
            sheet_no=r["sheet_no"],
            withdrawn_at=r["withdrawn_at"],
            member_ids=tuple(int(x) for x in (r["member_ids"] or "").split(",") if x),
            member_names=tuple((r["member_names"] or "").split("、")) if r["member_names"] else (),
            time_written=bool(r["time_written"]),
        )
        for r in rows
    ]
