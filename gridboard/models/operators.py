"""Who is working: operators, their PINs (argon2 hashes), roles, and the signed-in session.

A `Store` carries at most one `Session` (`store.session`). While one is set, `store.operator` is the
signed-in operator's name (request steps, roll calls, declarations and visits record it), every audit
row carries the operator's uid and where the write came from ("app" or "cli"), and the role is held in
the model itself, not only in the window:

- 管理员 (admin): everything, and the only one who manages operators and settings;
- 社区工作者 (worker): all daily work;
- 网格员 (grid_worker): visits, requests and roll calls in their own grids, and sees only those grids
  (temporary views named like the tables shadow grid, building and resident);
- 只读 (read_only): looks and prints masked; SQLite's authorizer refuses any write it attempts.

A Store with no session is the programmatic path (tests' own stores, the demo generator, a file
that has no operators yet): it writes under the name it was opened with, as before.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from gridboard.models import records
from gridboard.models.clock import now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput, KnownError
from gridboard.models.store import Store, open_again

ROLES = ("admin", "worker", "grid_worker", "read_only")
SECRET_KINDS = ("pin", "password")
# The household columns a visit or a tier change keeps current: all a 网格员 may change there.
HOUSEHOLD_SUMMARY = frozenset(
    {"last_visit_at", "last_outcome", "last_reached_at", "priority_tier", "updated_at"}
)
# What a 网格员 may write (rows of their own grids only) besides the household summary.
GRID_WORKER_TABLES = frozenset(
    {
        "visit",
        "visit_member",
        "request",
        "request_step",
        "request_item",
        "rollcall",
        "audit_log",
        "printed_sheet",
        "printed_sheet_row",
    }
)
# Tables whose rows belong to a household through a parent row.
_PARENT = {
    "visit_member": ("visit", "visit_id"),
    "request_step": ("request", "request_id"),
    "request_item": ("request", "request_id"),
}
_ADMIN_TABLES = frozenset({"operator", "operator_grid", "setting"})
_SHADOWED = ("grid", "building", "resident", "member")

_hasher = PasswordHasher()


class NotAllowed(KnownError):
    """The signed-in operator's role does not allow this."""


class WrongSecret(KnownError):
    """The name and PIN/password do not match."""


@dataclass(frozen=True)
class Operator:
    id: int
    uid: str
    name: str
    role: str
    secret_kind: str
    grid_ids: tuple[int, ...]
    last_signed_in_at: str | None
    archived_at: str | None


@dataclass(frozen=True)
class Session:
    """The signed-in operator, as the model sees them."""

    operator_id: int
    uid: str
    name: str
    role: str
    grids: frozenset[int] | None  # None: every grid
    via: str = "app"

    def may(self, permission: str) -> bool:
        """'write', 'manage' (operators and settings), 'reveal' (show numbers in full), 'ledger'
        (structure and people), 'audit' (read the whole audit trail), 'purge'."""
        if self.role == "admin":
            return True
        if self.role == "worker":
            return permission in ("write", "reveal", "ledger", "audit")
        if self.role == "grid_worker":
            return permission == "write"
        return False

    def check_write(self, store: Store, table: str, row: dict[str, Any] | None) -> None:
        """Refuse, in plain words, a write this role may not make (records.insert/update/log ask)."""
        if self.role == "read_only":
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "{name} may only look and print (只读): nothing was changed."),
                name=self.name,
            )
        if table in _ADMIN_TABLES and self.role != "admin":
            raise NotAllowed(
                QT_TRANSLATE_NOOP(
                    "Errors", "Only an administrator (管理员) may change operators and settings."
                ),
            )
        if self.role != "grid_worker" or table.startswith("tally_"):
            return
        if table not in GRID_WORKER_TABLES:
            raise NotAllowed(
                QT_TRANSLATE_NOOP(
                    "Errors", "A grid worker (网格员) enters visits and requests; {name} cannot change this."
                ),
                name=self.name,
            )
        household = _household_of(store, table, row or {})
        if household is not None and not self._own_household(store, household):
            raise NotAllowed(
                QT_TRANSLATE_NOOP("Errors", "This household is not in {name}'s grids: nothing was changed."),
                name=self.name,
            )

    def _own_household(self, store: Store, household_id: int) -> bool:
        grid = store.scalar(
            "SELECT b.grid_id FROM main.household h JOIN main.building b ON b.id = h.building_id WHERE h.id = ?",
            [household_id],
        )
        return self.grids is None or grid in self.grids


def _household_of(store: Store, table: str, row: dict[str, Any]) -> int | None:
    if table == "household":
        return row.get("id")
    if "household_id" in row:
        return row["household_id"]
    if table in _PARENT:
        parent, column = _PARENT[table]
        if row.get(column) is not None:
            return store.scalar(f"SELECT household_id FROM main.{parent} WHERE id = ?", [row[column]])
    return None


# -- secrets -----------------------------------------------------------------------------------------


def check_secret(secret: str, kind: str) -> None:
    """A PIN is 4–12 digits; a password at least 6 characters."""
    records.require(
        kind in SECRET_KINDS, QT_TRANSLATE_NOOP("Errors", "Unknown kind of secret: {kind}."), kind=kind
    )
    if kind == "pin":
        records.require(
            re.fullmatch(r"\d{4,12}", secret or "") is not None,
            QT_TRANSLATE_NOOP("Errors", "A PIN is 4 to 12 digits."),
        )
    else:
        records.require(
            len(secret or "") >= 6, QT_TRANSLATE_NOOP("Errors", "A password has at least 6 characters.")
        )


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def _verify(secret_hash: str, secret: str) -> bool:
    try:
        return _hasher.verify(secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


# -- operators -----------------------------------------------------------------------------------------


def has_operators(store: Store) -> bool:
    """False for a new file or one from before operators: the app asks for the first one."""
    return bool(store.scalar("SELECT EXISTS (SELECT 1 FROM main.operator WHERE archived_at IS NULL)"))


def list_operators(store: Store, *, include_archived: bool = False) -> list[Operator]:
    where = "" if include_archived else "WHERE o.archived_at IS NULL"
    rows = store.query(
        "SELECT o.*, (SELECT group_concat(og.grid_id) FROM main.operator_grid og WHERE og.operator_id = o.id)"
        f" AS grids FROM main.operator o {where} ORDER BY o.archived_at IS NOT NULL, o.name"
    )
    return [_operator(r) for r in rows]


def get_operator(store: Store, operator_id: int) -> Operator:
    found = [o for o in list_operators(store, include_archived=True) if o.id == operator_id]
    records.require(bool(found), QT_TRANSLATE_NOOP("Errors", "No operator with id {id}."), id=operator_id)
    return found[0]


def find_operator(store: Store, name: str) -> Operator | None:
    return next((o for o in list_operators(store) if o.name == (name or "").strip()), None)


def _operator(r: sqlite3.Row) -> Operator:
    grids = tuple(sorted(int(g) for g in (r["grids"] or "").split(",") if g))
    return Operator(
        r["id"],
        r["uid"],
        r["name"],
        r["role"],
        r["secret_kind"],
        grids,
        r["last_signed_in_at"],
        r["archived_at"],
    )


def _require_manager(store: Store) -> None:
    session = getattr(store, "session", None)
    if session is not None and not session.may("manage"):
        raise NotAllowed(
            QT_TRANSLATE_NOOP("Errors", "Only an administrator (管理员) may change operators and settings.")
        )


def create_operator(
    store: Store,
    *,
    name: str,
    role: str,
    secret: str,
    secret_kind: str = "pin",
    grid_ids: Iterable[int] = (),
) -> int:
    """A new operator. The first one of a file must be an administrator (the secretary)."""
    name = (name or "").strip()
    records.require(bool(name), QT_TRANSLATE_NOOP("Errors", "An operator needs a name."))
    records.require(role in ROLES, QT_TRANSLATE_NOOP("Errors", "Unknown role: {role}."), role=role)
    check_secret(secret, secret_kind)
    first = not has_operators(store)
    if first:
        records.require(
            role == "admin", QT_TRANSLATE_NOOP("Errors", "The first operator of a file is its administrator.")
        )
    else:
        _require_manager(store)
    records.require(
        find_operator(store, name) is None,
        QT_TRANSLATE_NOOP("Errors", "There is already an operator named {name}."),
        name=name,
    )
    grid_ids = list(dict.fromkeys(grid_ids))
    records.require(
        role != "grid_worker" or bool(grid_ids),
        QT_TRANSLATE_NOOP("Errors", "Choose the grids this grid worker (网格员) works in."),
    )
    with store.atomic():
        operator_id = records.insert(
            store,
            "operator",
            {"name": name, "role": role, "secret_hash": hash_secret(secret), "secret_kind": secret_kind},
            audit=False,
        )
        _audit_operator(store, "insert", operator_id, None, {"name": name, "role": role, "grids": grid_ids})
        for grid_id in grid_ids if role == "grid_worker" else ():
            records.insert(
                store, "operator_grid", {"operator_id": operator_id, "grid_id": grid_id}, audit=False
            )
    store.changes.note("operator")
    return operator_id


def update_operator(
    store: Store, operator_id: int, *, role: str | None = None, grid_ids: Iterable[int] | None = None
) -> None:
    _require_manager(store)
    current = get_operator(store, operator_id)
    role = role or current.role
    records.require(role in ROLES, QT_TRANSLATE_NOOP("Errors", "Unknown role: {role}."), role=role)
    grids = list(dict.fromkeys(grid_ids)) if grid_ids is not None else list(current.grid_ids)
    records.require(
        role != "grid_worker" or bool(grids),
        QT_TRANSLATE_NOOP("Errors", "Choose the grids this grid worker (网格员) works in."),
    )
    with store.atomic():
        if current.role == "admin" and role != "admin":
            _keep_an_admin(store, operator_id)
        store.execute(
            "UPDATE main.operator SET role = ?, updated_at = ? WHERE id = ?", [role, now_iso(), operator_id]
        )
        store.execute("DELETE FROM main.operator_grid WHERE operator_id = ?", [operator_id])
        for grid_id in grids if role == "grid_worker" else ():
            records.insert(
                store, "operator_grid", {"operator_id": operator_id, "grid_id": grid_id}, audit=False
            )
        _audit_operator(
            store,
            "update",
            operator_id,
            {"role": current.role, "grids": list(current.grid_ids)},
            {"role": role, "grids": grids if role == "grid_worker" else []},
        )
    store.changes.note("operator")


def set_secret(store: Store, operator_id: int, *, secret: str, secret_kind: str = "pin") -> None:
    """A new PIN/password: an administrator's reset, or an operator changing their own."""
    session = getattr(store, "session", None)
    if session is not None and session.operator_id != operator_id:
        _require_manager(store)
    check_secret(secret, secret_kind)
    get_operator(store, operator_id)
    with store.atomic():
        store.execute(
            "UPDATE main.operator SET secret_hash = ?, secret_kind = ?, updated_at = ? WHERE id = ?",
            [hash_secret(secret), secret_kind, now_iso(), operator_id],
        )
        _audit_operator(store, "set_secret", operator_id, None, {"secret_kind": secret_kind})


def archive_operator(store: Store, operator_id: int) -> None:
    """An operator who no longer works here: kept (the audit trail names them), cannot sign in."""
    _require_manager(store)
    current = get_operator(store, operator_id)
    with store.atomic():
        if current.role == "admin":
            _keep_an_admin(store, operator_id)
        store.execute(
            "UPDATE main.operator SET archived_at = ?, updated_at = ? WHERE id = ?",
            [now_iso(), now_iso(), operator_id],
        )
        _audit_operator(store, "archive", operator_id, None, None)
    store.changes.note("operator")


def _keep_an_admin(store: Store, operator_id: int) -> None:
    others = store.scalar(
        "SELECT count(*) FROM main.operator WHERE role = 'admin' AND archived_at IS NULL AND id != ?",
        [operator_id],
    )
    records.require(
        others > 0, QT_TRANSLATE_NOOP("Errors", "A file keeps at least one administrator (管理员).")
    )


def _audit_operator(store: Store, action: str, operator_id: int, old: Any, new: Any) -> None:
    uid = store.scalar("SELECT uid FROM main.operator WHERE id = ?", [operator_id])
    records.log(store, action, "operator", uid, old, new)


# -- signing in ----------------------------------------------------------------------------------------


def sign_in(store: Store, name: str, secret: str, *, via: str = "app") -> Session:
    """Check the name and PIN/password and make them the file's operator for this Store."""
    row = store.one(
        "SELECT id, secret_hash FROM main.operator WHERE name = ? AND archived_at IS NULL",
        [(name or "").strip()],
    )
    if row is None or not _verify(row["secret_hash"], secret or ""):
        raise WrongSecret(QT_TRANSLATE_NOOP("Errors", "That name and PIN or password do not match."))
    return start_session(store, row["id"], via=via)


def verify(store: Store, operator_id: int, secret: str) -> bool:
    """The PIN again (the lock screen): True when it is this operator's."""
    row = store.one(
        "SELECT secret_hash FROM main.operator WHERE id = ? AND archived_at IS NULL", [operator_id]
    )
    return row is not None and _verify(row["secret_hash"], secret or "")


def start_session(store: Store, operator_id: int, *, via: str = "app") -> Session:
    """Make `operator_id` the Store's operator, after their secret was checked (or for `--operator` on
    the command line, or a test fixture). Records the sign-in."""
    end_session(store)
    operator = get_operator(store, operator_id)
    records.require(
        operator.archived_at is None,
        QT_TRANSLATE_NOOP(
            "Errors",
            "{name} no longer works in this file.",
        ),
        name=operator.name,
    )
    session = Session(
        operator.id,
        operator.uid,
        operator.name,
        operator.role,
        frozenset(operator.grid_ids) if operator.role == "grid_worker" else None,
        via,
    )
    store.session = session
    store.operator = operator.name
    if store.read_only is None:
        with store.atomic():
            store.execute(
                "UPDATE main.operator SET last_signed_in_at = ? WHERE id = ?", [now_iso(), operator.id]
            )
            records.log(store, "sign_in", "operator", operator.uid, None, {"via": via})
    _restrict(store, session)
    return session


def adopt(store: Store, session: Session | None) -> None:
    """The same operator on another Store of the same file (a worker thread's own connection):
    same name, role and grids, no second sign-in row."""
    if session is None:
        return
    end_session(store)
    store.session = session
    store.operator = session.name
    _restrict(store, session)


def open_alongside(store: Store) -> Store:
    """Another Store of `store`'s file, for a worker thread (the dashboard's figures, an export, the
    emergency report, a printout): the same signed-in operator, role, authorizer and grid views, so a
    网格员 counts, exports and prints their own grids only, and a 只读 operator still cannot write.
    The file is open and checked already (its header, schema steps, integrity, tallies and lock):
    only a connection is made (`store.open_again`), read only when `store` is."""
    records.require(
        store.path is not None, QT_TRANSLATE_NOOP("Errors", "This file has no path to open again.")
    )
    other = open_again(store)
    try:
        adopt(other, session_or_none(store))
    except BaseException:
        other.close()
        raise
    return other


def end_session(store: Store) -> None:
    """No one signed in (before switching operator): restrictions lifted, views dropped."""
    store.conn.set_authorizer(None)
    for table in _SHADOWED:
        store.execute(f"DROP VIEW IF EXISTS temp.{table}")
    store.execute("DROP TABLE IF EXISTS temp.gridboard_my_grids")
    store.session = None


def operator_names(store: Store) -> list[str]:
    """Names to choose from on the sign-in screen."""
    return [o.name for o in list_operators(store)]


def session_for_cli(store: Store, name: str | None) -> Session | None:
    """`--operator NAME` on the command line: a file with operators needs a name that is one of them."""
    if not has_operators(store):
        if name:
            store.operator = name
        return None
    operator = find_operator(store, name or "")
    if operator is None:
        raise NotAllowed(
            QT_TRANSLATE_NOOP(
                "Errors", "This file has operators: name one of them with --operator NAME (not {name})."
            ),
            name=name or "-",
        )
    return start_session(store, operator.id, via="cli")


# -- the role in SQLite itself ----------------------------------------------------------------------


def _restrict(store: Store, session: Session) -> None:
    if session.role == "read_only":
        store.conn.set_authorizer(_authorizer(session))
    elif session.role == "grid_worker":
        _shadow_grids(store, session.grids or frozenset())
        store.conn.set_authorizer(_authorizer(session))


def _authorizer(session: Session):
    def allow(
        action: int, arg1: str | None, arg2: str | None, dbname: str | None, _source: str | None
    ) -> int:
        if action not in (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE):
            return sqlite3.SQLITE_OK
        table = arg1 or ""
        if dbname == "temp" or table.startswith(("tally_", "sqlite_", "_sqlite")):
            return sqlite3.SQLITE_OK
        if session.role == "grid_worker":
            if table in GRID_WORKER_TABLES and action != sqlite3.SQLITE_DELETE:
                return sqlite3.SQLITE_OK
            if table == "household" and action == sqlite3.SQLITE_UPDATE and arg2 in HOUSEHOLD_SUMMARY:
                return sqlite3.SQLITE_OK
            if table == "operator" and action == sqlite3.SQLITE_UPDATE and arg2 in ("last_signed_in_at",):
                return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    return allow


def _shadow_grids(store: Store, grids: frozenset[int]) -> None:
    """Temporary views named like the tables, so every query of this connection sees only these grids."""
    # Made in one statement with no INSERT: sqlite3 would open a transaction before an INSERT and
    # leave it open, so the next operator's writes on this connection would never be committed.
    store.execute(
        "CREATE TEMP TABLE gridboard_my_grids AS SELECT DISTINCT CAST(value AS INTEGER) AS grid_id"
        " FROM json_each(?)",
        [json.dumps(sorted(int(g) for g in grids))],
    )
    mine = "SELECT grid_id FROM temp.gridboard_my_grids"
    store.execute(f"CREATE TEMP VIEW grid AS SELECT * FROM main.grid WHERE id IN ({mine})")
    store.execute(f"CREATE TEMP VIEW building AS SELECT * FROM main.building WHERE grid_id IN ({mine})")
    # household itself is not shadowed: a visit keeps its summary columns current, and a TEMP trigger
    # cannot write main.household through a view of that name. Screens reach households through
    # their building (hidden here), and records.insert/update refuse another grid's household.
    store.execute(
        "CREATE TEMP VIEW resident AS SELECT * FROM main.resident WHERE household_id IN"
        f" (SELECT h.id FROM main.household h JOIN main.building b ON b.id = h.building_id"
        f" WHERE b.grid_id IN ({mine}))"
    )
    # Members of their grids: those covering one of its households now (pairing or scope, as the
    # tallies keep it), living in one, or who visited one (so a visit's history keeps its names).
    own_households = (
        "SELECT h.id FROM main.household h JOIN main.building b ON b.id = h.building_id"
        f" WHERE b.grid_id IN ({mine})"
    )
    store.execute(
        "CREATE TEMP VIEW member AS SELECT * FROM main.member WHERE id IN"
        f" (SELECT l.member_id FROM main.tally_member_link l WHERE l.household_id IN ({own_households})"
        f" UNION SELECT m.id FROM main.member m WHERE m.home_household_id IN ({own_households})"
        " UNION SELECT vm.member_id FROM main.visit_member vm JOIN main.visit v ON v.id = vm.visit_id"
        f" WHERE v.household_id IN ({own_households}))"
    )


def session_or_none(store: Store) -> Session | None:
    return getattr(store, "session", None)


def require(store: Store, permission: str) -> None:
    """Refuse unless the signed-in operator (if any) may do `permission`."""
    session = session_or_none(store)
    if session is not None and not session.may(permission):
        raise NotAllowed(QT_TRANSLATE_NOOP("Errors", "{name}'s role does not allow this."), name=session.name)


__all__ = [
    "InvalidInput",
    "NotAllowed",
    "Operator",
    "ROLES",
    "Session",
    "WrongSecret",
    "create_operator",
    "has_operators",
    "list_operators",
    "sign_in",
    "start_session",
]
