"""A grid to a laptop and back (借出/交回): a file holding one grid, and its work merged home again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridboard.models import cipher, records
from gridboard.models.clock import now_iso
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.models.vocab import OPEN_REQUEST_STATUSES
from gridboard.sync.merge import MergeResult, Progress, file_uid, merge_file
from gridboard.sync.tables import Table

# The structure a grid is made of: a reference from a row of the grid to one of these outside it
# (a member living in another grid) is left empty in the copy and never written back.
STRUCTURE = ("grid", "building", "household")
# Shared by the whole file: what refers to them does not come along just because they do.
HUBS = ("community", "member", "tag", "emergency", "emergency_instruction")
# Not carried to the laptop: printed sheets are the office's, the audit log stays where it was written.
LEFT_HOME = ("printed_sheet", "printed_sheet_row", "audit_log")


@dataclass(frozen=True)
class Checkout:
    """A grid out on a laptop, as the office file remembers it."""

    meeting_id: int
    grid_id: int | None
    grid_name: str
    community_name: str
    file: str
    since: str
    operator: str


def find_grid(store: Store, name: str, community: str | None = None) -> int:
    """The grid called `name` (or with that uid); several of that name need the community's name too."""
    rows = store.query(
        "SELECT g.id, c.name AS community FROM grid g JOIN community c ON c.id = g.community_id"
        " WHERE (g.name = ? OR g.uid = ?) AND g.archived_at IS NULL"
        + (" AND c.name = ?" if community else ""),
        [name, name, *([community] if community else [])],
    )
    if not rows:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "There is no grid called {name} in this file."), name=name
        )
    if len(rows) > 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Several communities have a grid called {name} ({communities}): say which community.",
            ),
            name=name,
            communities="、".join(r["community"] for r in rows),
        )
    return int(rows[0]["id"])


def grid_list(store: Store) -> list[tuple[int, str, str]]:
    """(id, name, community) of every grid in use, community by community."""
    return [
        (r["id"], r["name"], r["community"])
        for r in store.query(
            "SELECT g.id, g.name, c.name AS community FROM grid g JOIN community c ON c.id = g.community_id"
            " WHERE g.archived_at IS NULL ORDER BY c.name, g.sort_order, g.id"
        )
    ]


def _picker(grid_uid: str):
    """Fills temp.pick_TABLE with the office file's rows that belong to the grid (see module constants)."""

    def pick(store: Store, tables: list[Table]) -> None:
        conn = store.conn
        names = {t.name for t in tables}
        for table in tables:
            conn.execute(f'CREATE TEMP TABLE "pick_{table.name}" (id INTEGER PRIMARY KEY)')
        conn.execute("INSERT INTO temp.pick_grid SELECT id FROM src.grid WHERE uid = ?", [grid_uid])
        if "tag" in names:
            conn.execute("INSERT INTO temp.pick_tag SELECT id FROM src.tag")
        if "emergency" in names:
            conn.execute(
                "INSERT INTO temp.pick_emergency SELECT id FROM src.emergency WHERE ended_at IS NULL"
            )
        # Down from the grid: whatever refers to a row of it (children come after parents).
        for table in tables:
            if table.name in HUBS or table.name in LEFT_HOME or table.name == "grid":
                continue
            sources = [
                (column, parent)
                for column, parent in table.references.items()
                if parent in names and parent not in HUBS and parent != table.name
            ]
            if not sources:
                continue
            where = " OR ".join(f's."{c}" IN (SELECT id FROM temp."pick_{p}")' for c, p in sources)
            extra = ""
            if table.name == "request":
                extra = " AND s.status IN ({})".format(",".join(f"'{x}'" for x in OPEN_REQUEST_STATUSES))
            conn.execute(
                f'INSERT OR IGNORE INTO temp."pick_{table.name}" SELECT s.id FROM src."{table.name}" s'
                f" WHERE ({where}){extra}"
            )
        # Up: every row brought needs its parents, except a loose reference into another grid's structure.
        for table in reversed(tables):
            for column, parent in table.references.items():
                if parent not in names or parent == table.name:
                    continue
                if parent in STRUCTURE and column not in table.notnull:
                    continue
                conn.execute(
                    f'INSERT OR IGNORE INTO temp."pick_{parent}" SELECT s."{column}" FROM src."{table.name}" s'
                    f' JOIN temp."pick_{table.name}" p ON p.id = s.id WHERE s."{column}" IS NOT NULL'
                )

    return pick


def checkout(
    store: Store, *, grid_id: int, out: Path, progress: Progress | None = None
) -> tuple[MergeResult, Checkout]:
    """Write `out`, a new file holding the grid; the office file remembers it is out."""
    assert store.path is not None
    out = Path(out)
    if out.exists():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{path} already exists; choose another name."), path=str(out)
        )
    grid = store.one("SELECT uid, name FROM grid WHERE id = ?", [grid_id])
    if grid is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "No {table} with id {id}."), table="grid", id=grid_id)
    cipher.key_like(store.path, out)  # a protected file's grid goes out protected the same way
    laptop = open_store(out, create=True, operator=store.operator)
    try:
        result = merge_file(
            laptop,
            store.path,
            kind="checked_out_from",
            progress=progress,
            pick=_picker(grid["uid"]),
            grid_uid=grid["uid"],
        )
        _copy_settings(laptop, store.path)
        laptop_uid = file_uid(laptop)
        mark = laptop.scalar("SELECT max(updated_at) FROM household")
    except BaseException:
        laptop.close()
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(out) + suffix).unlink(missing_ok=True)
        raise
    laptop.close()
    with store.atomic():
        meeting = records.insert(
            store,
            "travel_meeting",
            {
                "kind": "checkout",
                "peer_uid": laptop_uid,
                "peer_name": str(out),
                "grid_uid": grid["uid"],
                "met_at": now_iso(),
                "peer_mark": mark,
                "added": result.total_added,
                "operator": store.operator,
            },
            audit=False,
        )
        records.log(store, "checkout", "grid", grid["uid"], None, {"file": str(out), "grid": grid["name"]})
    store.changes.everything = True
    return result, next(c for c in checked_out(store) if c.meeting_id == meeting)


def _copy_settings(laptop: Store, office: Path) -> None:
    """The office's settings (cycles, words) go along, so the laptop works by the same rules."""
    from gridboard.models.store import sqlite_uri

    cipher.attach(laptop.conn, office, sqlite_uri(office, mode="ro"), "office")  # protected: with its key
    try:
        with laptop.atomic():
            laptop.execute(
                "INSERT INTO setting (uid, created_at, updated_at, key, value)"
                " SELECT uid, created_at, updated_at, key, value FROM office.setting WHERE true"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"
            )
    finally:
        laptop.conn.execute("DETACH DATABASE office")


def checkin(
    store: Store, path: Path, *, dry_run: bool = False, progress: Progress | None = None
) -> MergeResult:
    """Bring back what was done in a checked-out file; a second checkin of the same file changes nothing."""
    result = merge_file(store, path, kind="checkin", dry_run=dry_run, progress=progress)
    if not dry_run:
        open_rows = store.scalar(
            "SELECT count(*) FROM travel_meeting WHERE kind = 'checkout' AND peer_uid = ? AND returned_at IS NULL",
            [result.peer_uid],
        )
        if open_rows:
            with store.atomic():
                store.execute(
                    "UPDATE travel_meeting SET returned_at = ?, updated_at = ? WHERE kind = 'checkout'"
                    " AND peer_uid = ? AND returned_at IS NULL",
                    [now_iso(), now_iso(), result.peer_uid],
                )
            store.changes.everything = True
    return result


def checked_out(store: Store) -> list[Checkout]:
    """Grids out on laptops and not yet back, newest first."""
    if not store.scalar("SELECT 1 FROM sqlite_master WHERE name = 'travel_meeting'"):
        return []
    return [
        Checkout(
            meeting_id=r["id"],
            grid_id=r["grid_id"],
            grid_name=r["grid_name"] or "",
            community_name=r["community_name"] or "",
            file=r["peer_name"],
            since=r["met_at"],
            operator=r["operator"],
        )
        for r in store.query(
            "SELECT m.id, g.id AS grid_id, g.name AS grid_name, c.name AS community_name, m.peer_name,"
            " m.met_at, m.operator FROM travel_meeting m LEFT JOIN grid g ON g.uid = m.grid_uid"
            " LEFT JOIN community c ON c.id = g.community_id"
            " WHERE m.kind = 'checkout' AND m.returned_at IS NULL ORDER BY m.met_at DESC, m.id DESC"
        )
    ]


def checked_out_grids(store: Store) -> dict[int, Checkout]:
    """Grid id → its checkout, for the badge in the tree."""
    return {c.grid_id: c for c in checked_out(store) if c.grid_id is not None}
