"""The values merges did not keep, for the secretary to review: listed on screen and in an .xlsx."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridboard.models.clock import now_iso
from gridboard.models.masking import mask_id, mask_phone, mask_text
from gridboard.models.outputs import replacing
from gridboard.models.store import Store

# Labels of the file's tables and columns for the list (Chinese: the offices read the workbook as is).
TABLE_LABELS = {
    "community": "社区",
    "grid": "网格",
    "building": "楼栋",
    "household": "住户",
    "resident": "居民",
    "member": "党员",
    "pairing": "结对",
    "scope": "包保",
    "visit": "走访",
    "request": "诉求",
    "request_step": "诉求进展",
    "tag": "标签",
    "resident_tag": "居民标签",
}
XLSX_HEADERS = (
    "合并时间",
    "来自文件",
    "类别",
    "记录",
    "字段",
    "保留的值",
    "未采用的值",
    "保留值修改于",
    "未采用值修改于",
    "未采用的一方",
)


@dataclass(frozen=True)
class ConflictRow:
    id: int
    met_at: str
    file: str
    table: str
    record: str
    column: str
    kept: str
    lost: str
    kept_updated_at: str
    lost_updated_at: str
    lost_side: str  # "here" (this file's value lost) or "there" (the other file's)
    reviewed: bool


def _shown(column: str, value: str | None, reveal: bool) -> str:
    text = "" if value is None else str(value)
    if reveal:
        return text
    if column == "phone":
        return mask_phone(text)
    if column == "id_number":
        return mask_id(text)
    return mask_text(text)


def record_label(store: Store, table: str, uid: str) -> str:
    """What a person calls the record: a household's address, a person's name, a grid's name."""
    if table == "household":
        row = store.one(
            "SELECT b.name AS building, h.unit, h.room, h.head_name FROM household h"
            " JOIN building b ON b.id = h.building_id WHERE h.uid = ?",
            [uid],
        )
        if row:
            return f"{row['building']} {row['unit']}单元 {row['room']}" + (
                f"（{row['head_name']}）" if row["head_name"] else ""
            )
    if table in ("community", "grid", "building", "resident", "member", "tag"):
        name = store.scalar(f"SELECT name FROM {table} WHERE uid = ?", [uid])
        if name:
            return str(name)
    if table == "request":
        row = store.one("SELECT category, text FROM request WHERE uid = ?", [uid])
        if row:
            return f"{row['category']} {row['text'][:20]}"
    return uid[:8]


def conflict_rows(store: Store, *, unreviewed_only: bool = False, reveal: bool = False) -> list[ConflictRow]:
    rows = store.query(
        "SELECT c.*, m.met_at, m.peer_name FROM travel_conflict c JOIN travel_meeting m ON m.id = c.meeting_id"
        + (" WHERE c.reviewed_at IS NULL" if unreviewed_only else "")
        + " ORDER BY m.met_at DESC, c.id"
    )
    labels: dict[tuple[str, str], str] = {}
    out = []
    for r in rows:
        key = (r["table_name"], r["row_uid"])
        if key not in labels:
            labels[key] = record_label(store, *key)
        out.append(
            ConflictRow(
                id=r["id"],
                met_at=r["met_at"],
                file=Path(r["peer_name"]).name,
                table=r["table_name"],
                record=labels[key],
                column=r["column_name"],
                kept=_shown(r["column_name"], r["kept_value"], reveal),
                lost=_shown(r["column_name"], r["lost_value"], reveal),
                kept_updated_at=r["kept_updated_at"] or "",
                lost_updated_at=r["lost_updated_at"] or "",
                lost_side=r["lost_side"],
                reviewed=r["reviewed_at"] is not None,
            )
        )
    return out


def mark_reviewed(store: Store, ids: list[int]) -> int:
    with store.atomic():
        stamp = now_iso()
        count = 0
        for conflict_id in ids:
            count += store.execute(
                "UPDATE travel_conflict SET reviewed_at = ?, updated_at = ? WHERE id = ? AND reviewed_at IS NULL",
                [stamp, stamp, conflict_id],
            ).rowcount
    store.changes.note("travel_conflict")
    return count


def write_conflicts_xlsx(store: Store, path: str | Path, *, reveal: bool = False) -> int:
    """Every conflict kept (numbers masked unless `reveal`) to an .xlsx; returns how many rows."""
    from openpyxl import Workbook

    rows = conflict_rows(store, reveal=reveal)
    book = Workbook()
    sheet = book.active
    sheet.title = "合并冲突"
    sheet.append(list(XLSX_HEADERS))
    for r in rows:
        sheet.append(
            [
                r.met_at,
                r.file,
                TABLE_LABELS.get(r.table, r.table),
                r.record,
                r.column,
                r.kept,
                r.lost,
                r.kept_updated_at,
                r.lost_updated_at,
                "本文件" if r.lost_side == "here" else "对方文件",
            ]
        )
    for column, width in zip("ABCDEFGHIJ", (20, 24, 10, 28, 14, 24, 24, 20, 20, 12)):
        sheet.column_dimensions[column].width = width
    with replacing(path, "xlsx") as partial:
        book.save(str(partial))
    return len(rows)
