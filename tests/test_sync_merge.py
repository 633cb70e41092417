"""Merge by uid: properties (hypothesis) and the rules that matter to an office."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridboard.models import ledger, pairing, tallies, visits
from gridboard.models.errors import InvalidInput, TooNewFile
from gridboard.models.opening import open_store
from gridboard.models.store import Store
from gridboard.sync.conflicts import conflict_rows, write_conflicts_xlsx
from gridboard.sync.merge import merge_file
from tests.sync_support import clock_at, copy_file, make_base, snapshot

ROOT = Path(__file__).resolve().parent.parent
_BASE: dict[str, Path] = {}
# The base file is made 20 days ago, each side works 10 days ago, merges come after: a clock of our own.
BASE_AT = datetime.now().replace(microsecond=0) - timedelta(days=20)
LATER = BASE_AT + timedelta(days=10)


def base_file() -> Path:
    if "base" not in _BASE:
        folder = Path(tempfile.mkdtemp(prefix="gridboard-sync-base-"))
        with clock_at(BASE_AT):
            make_base(folder / "base.gridboard")
        _BASE["base"] = folder / "base.gridboard"
    return _BASE["base"]


def households(store: Store) -> list[int]:
    return [r[0] for r in store.conn.execute("SELECT id FROM household ORDER BY uid")]


def apply(store: Store, ops: list[tuple]) -> None:
    ids = households(store)
    for op in ops:
        kind, index = op[0], op[1]
        household = ids[index % len(ids)]
        if kind == "note":
            ledger.update_household(store, household, notes=op[2])
        elif kind == "people":
            ledger.update_household(store, household, people=op[2])
        elif kind == "visit":
            visits.log_visit(
                store, household_id=household, outcome=op[2], visited_at=LATER.isoformat(sep=" ")
            )
        elif kind == "resident":
            ledger.add_resident(
                store, household_id=household, name=op[2], tags=["living_alone"] if index % 2 else []
            )
        elif kind == "end":
            current = store.scalar(
                "SELECT id FROM pairing WHERE household_id = ? AND ended_on IS NULL", [household]
            )
            if current:
                pairing.end_pairing(store, current, reason="搬走")


names = st.sampled_from(["王伟", "张伟", "李娜", "刘洋", "陈静"])
op = st.one_of(
    st.tuples(
        st.just("note"), st.integers(0, 23), st.sampled_from(["独居", "腿脚不便", "常不在家", "已搬走"])
    ),
    st.tuples(st.just("people"), st.integers(0, 23), st.integers(0, 6)),
    st.tuples(st.just("visit"), st.integers(0, 23), st.sampled_from(["met", "nobody_home"])),
    st.tuples(st.just("resident"), st.integers(0, 23), names),
    st.tuples(st.just("end"), st.integers(0, 23)),
)
ops = st.lists(op, max_size=8)
FAST = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def two_sides(folder: Path, ops_a: list[tuple], ops_b: list[tuple]) -> tuple[Path, Path]:
    a = copy_file(base_file(), folder / "a.gridboard")
    b = copy_file(base_file(), folder / "b.gridboard")
    with clock_at(LATER):
        for path, side_ops in ((a, ops_a), (b, ops_b)):
            store = open_store(path, operator=path.stem)
            try:
                apply(store, side_ops)
            finally:
                store.close()
    return a, b


def merged(target: Path, source: Path, *, start: datetime = LATER + timedelta(hours=5)) -> tuple[dict, int]:
    with clock_at(start):
        store = open_store(target, operator="office")
        try:
            result = merge_file(store, source)
            assert tallies.verify(store.db) == []
            assert store.scalar("PRAGMA foreign_key_check") is None
            return snapshot(store), len(result.conflicts)
        finally:
            store.close()


def all_uids(path: Path) -> dict[str, set[str]]:
    store = open_store(path, operator="look")
    try:
        return {table: set(rows) for table, rows in snapshot(store).items()}
    finally:
        store.close()


@FAST
@given(ops_a=ops, ops_b=ops)
def test_merging_the_same_file_twice_equals_merging_it_once(ops_a, ops_b) -> None:
    with tempfile.TemporaryDirectory() as folder:
        a, b = two_sides(Path(folder), ops_a, ops_b)
        once, _ = merged(a, b)
        conflicts = conflict_count(a)
        twice, _ = merged(a, b, start=LATER + timedelta(hours=9))
        assert twice == once
        assert conflict_count(a) == conflicts


def conflict_count(path: Path) -> int:
    store = open_store(path, operator="look")
    try:
        return int(store.scalar("SELECT count(*) FROM travel_conflict"))
    finally:
        store.close()


@FAST
@given(ops_a=ops, ops_b=ops)
def test_disjoint_changes_merge_the_same_in_either_order(ops_a, ops_b) -> None:
    # A changes even households, B odd ones: different records.
    ops_a = [(o[0], 2 * (o[1] // 2), *o[2:]) for o in ops_a]
    ops_b = [(o[0], 2 * (o[1] // 2) + 1, *o[2:]) for o in ops_b]
    with tempfile.TemporaryDirectory() as folder:
        a, b = two_sides(Path(folder), ops_a, ops_b)
        a2, b2 = Path(folder) / "a2.gridboard", Path(folder) / "b2.gridboard"
        shutil.copy(a, a2)
        shutil.copy(b, b2)
        one, conflicts_one = merged(a2, b)
        other, conflicts_other = merged(b2, a)
        assert one == other
        assert conflicts_one == conflicts_other == 0


@FAST
@given(ops_a=ops, ops_b=ops)
def test_no_row_of_either_side_is_lost_and_conflicts_are_listed(ops_a, ops_b) -> None:
    with tempfile.TemporaryDirectory() as folder:
        a, b = two_sides(Path(folder), ops_a, ops_b)
        before = {side: all_uids(path) for side, path in (("a", a), ("b", b))}
        values_b = _notes(b)
        values_a = _notes(a)
        after, _ = merged(a, b)
        for side in before.values():
            for table, uids in side.items():
                assert uids <= set(after[table]), table
        # Every household whose note differs in the end from one side's: that side's value is listed.
        store = open_store(a, operator="look")
        try:
            final = {r[0]: r[1] for r in store.conn.execute("SELECT uid, notes FROM household")}
            listed = {
                (r[0], r[1])
                for r in store.conn.execute(
                    "SELECT row_uid, lost_value FROM travel_conflict WHERE column_name = 'notes'"
                )
            }
        finally:
            store.close()
        for uid, note in final.items():
            for side in (values_a, values_b):
                if side[uid] != note and side[uid] != "" and _changed_both(uid, ops_a, ops_b, a):
                    assert (uid, side[uid]) in listed


def _notes(path: Path) -> dict[str, str]:
    store = open_store(path, operator="look")
    try:
        return {r[0]: r[1] for r in store.conn.execute("SELECT uid, notes FROM household")}
    finally:
        store.close()


def _changed_both(uid: str, ops_a: list[tuple], ops_b: list[tuple], path: Path) -> bool:
    store = open_store(path, operator="look")
    try:
        ids = [r[0] for r in store.conn.execute("SELECT uid FROM household ORDER BY uid")]
    finally:
        store.close()
    index = ids.index(uid)
    touched = lambda side: any(o[0] in ("note", "people") and o[1] % len(ids) == index for o in side)  # noqa: E731
    return touched(ops_a) and touched(ops_b)


def test_a_household_edited_on_both_sides_is_a_conflict_with_the_loser_kept(tmp_path: Path) -> None:
    a, b = two_sides(tmp_path, [("note", 3, "腿脚不便")], [])
    with clock_at(LATER + timedelta(hours=1)):
        store = open_store(b, operator="worker")
        apply(store, [("note", 3, "常不在家")])
        store.close()
    _, conflicts = merged(a, b)
    assert conflicts == 1
    store = open_store(a, operator="office")
    try:
        rows = conflict_rows(store)
        assert [(r.column, r.kept, r.lost, r.lost_side) for r in rows] == [
            ("notes", "常不在家", "腿脚不便", "here")
        ]
        assert "1号楼" in rows[0].record or "2号楼" in rows[0].record
        out = tmp_path / "conflicts.xlsx"
        assert write_conflicts_xlsx(store, out) == 1
        from openpyxl import load_workbook

        sheet = load_workbook(out).active
        assert [c.value for c in sheet[2]][5:7] == ["常不在家", "腿脚不便"]
    finally:
        store.close()


def test_only_one_side_changed_is_no_conflict_and_the_change_arrives(tmp_path: Path) -> None:
    a, b = two_sides(tmp_path, [], [("people", 5, 4), ("visit", 5, "met")])
    after, conflicts = merged(a, b)
    assert conflicts == 0
    store = open_store(a, operator="look")
    try:
        uid = store.conn.execute("SELECT uid FROM household ORDER BY uid LIMIT 1 OFFSET 5").fetchone()[0]
        row = store.one("SELECT people, last_visit_at FROM household WHERE uid = ?", [uid])
        assert row["people"] == 4 and row["last_visit_at"] is not None  # the summary follows the visit
    finally:
        store.close()


def test_a_newer_schema_is_refused_and_an_older_one_migrated_on_a_copy(tmp_path: Path) -> None:
    target = copy_file(base_file(), tmp_path / "office.gridboard")
    newer = copy_file(base_file(), tmp_path / "newer.gridboard")
    conn = __import__("sqlite3").connect(newer)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('gridboard', 'm999_future', '')"
    )
    conn.commit()
    conn.close()
    store = open_store(target)
    try:
        with pytest.raises(TooNewFile):
            merge_file(store, newer)
        old = tmp_path / "old.gridboard"
        shutil.copy(ROOT / "tests" / "data" / "v1.gridboard", old)
        before = old.read_bytes()
        result = merge_file(store, old)
        assert old.read_bytes() == before  # the older file itself is never changed
        assert result.total_added > 0
        assert tallies.verify(store.db) == []
        with pytest.raises(InvalidInput):
            merge_file(store, target)
    finally:
        store.close()


def test_a_failed_merge_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = two_sides(tmp_path, [], [("visit", 1, "met"), ("resident", 2, "王伟")])
    store = open_store(a)
    try:
        before = snapshot(store)
        import gridboard.sync.merge as merge

        def boom(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(merge, "_refresh_derived", boom)
        with pytest.raises(OSError):
            merge_file(store, b)
        assert snapshot(store) == before
        monkeypatch.undo()
        preview = merge_file(store, b, dry_run=True)
        assert preview.added["visit"] == 1 and not preview.written
        assert snapshot(store) == before
    finally:
        store.close()


def test_sync_imports_without_qt() -> None:
    script = f"""
import importlib, pkgutil, sys
sys.path.insert(0, {str(ROOT)!r})
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is not allowed in gridboard.sync: ' + name)
sys.meta_path.insert(0, Block())
import gridboard.sync as m
for info in pkgutil.walk_packages(m.__path__, 'gridboard.sync.'):
    importlib.import_module(info.name)
import gridboard.models.backup
print('ok')
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
