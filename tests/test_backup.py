"""Backups: compressed, on a schedule, a consistent snapshot while work goes on, restored into a new file."""

from __future__ import annotations

import shutil
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from gridboard.models import backup, tallies, visits
from gridboard.models.errors import Cancelled, InvalidInput
from gridboard.models.opening import open_store
from gridboard.models.store import connect


def test_one_backup_a_day_kept_seven_daily_four_weekly_twelve_monthly(small) -> None:
    store = small.store
    start = date(2025, 1, 1)
    for offset in range(3):
        backup.daily_backup(store, day=start + timedelta(days=offset))
    assert backup.daily_backup(store, day=start + timedelta(days=2)) is None  # already made today
    # A year more of days, as copies of one made backup (a snapshot each would only be slower).
    folder = backup.backup_folder(store.path)
    made = backup.backup_path(store.path, start)
    for offset in range(3, 400):
        day = backup.backup_path(store.path, start + timedelta(days=offset))
        shutil.copy(made, day)
        shutil.copy(backup._meta_path(made), backup._meta_path(day))
    last = start + timedelta(days=400)
    backup.daily_backup(store, day=last)
    kept = sorted(p for p in folder.iterdir() if p.name.endswith(backup.PACK_SUFFIX))
    days = sorted(date.fromisoformat(backup.DAY_NAME.search(p.name).group(1)) for p in kept)
    assert days[-7:] == [last - timedelta(days=n) for n in range(6, -1, -1)]
    assert len({d.isocalendar()[:2] for d in days}) >= 4
    assert len({(d.year, d.month) for d in days}) == 12
    assert len(days) <= 7 + 4 + 12
    # Every kept backup has its note of what it holds beside it, and nothing half-written remains.
    assert all(backup._meta_path(p).exists() for p in kept)
    assert len(list(folder.glob("*.json"))) == len(kept)
    assert not [p for p in folder.iterdir() if "partial" in p.name]


# Plain, or with --protected a protected file's sealed packs (cut from the pages' plaintext in memory).
def test_the_days_packs_share_their_unchanged_pieces_and_pruning_drops_the_rest(
    small, tmp_path: Path
) -> None:
    """A day's work touches few pages: the next day's pack adds only the pieces that changed, and
    each pack restores to its own day's file. A pruned pack's pieces go once nothing lists them."""
    store = small.store
    household = small.household(1, "101")
    with store.atomic(), tallies.deferred(store.db):  # a file of some size, so pieces are many
        store.conn.executemany(
            "INSERT INTO visit (uid, created_at, updated_at, household_id, visited_at, method, outcome, note)"
            " VALUES (lower(hex(randomblob(16))), '2026-01-01', '2026-01-01', ?, '2026-01-01', 'phone', 'met', ?)",
            [(household, f"记录{i}" * 30) for i in range(4_000)],
        )
    first = backup.daily_backup(store, day=date(2026, 3, 1))
    visits.log_visit(store, household_id=household, note="第二天")
    second = backup.daily_backup(store, day=date(2026, 3, 2))
    one, two = (backup._read_meta(p) for p in (first, second))
    listed = {info.path: info for info in backup.list_backups(store.path)}
    assert listed[second].size == two["size"] and listed[second].visits == 4_001
    assert 0 < one["added"] <= one["size"]  # the first pack wrote every piece (a repeated one once)
    assert two["added"] * 4 < two["size"], (one, two)  # the second only what the day changed
    folder = backup.backup_folder(store.path)
    chunk_bytes = sum(p.stat().st_size for p in (folder / backup.CHUNKS).rglob("*") if p.is_file())
    assert chunk_bytes == one["added"] + two["added"]
    for made, count in ((first, 4_000), (second, 4_001)):
        copy = open_store(backup.restore(made, tmp_path / f"{made.name}.gridboard", open_file=store.path))
        try:
            assert copy.scalar("SELECT count(*) FROM visit") == count
            assert copy.scalar("PRAGMA integrity_check") == "ok"
            assert tallies.verify(copy.db) == []
        finally:
            copy.close()
    # Keeping only the newest day: the first pack goes, and with it the pieces only it listed.
    backup.prune(store.path, schedule=backup.Schedule(daily=1, weekly=0, monthly=0))
    assert not first.exists() and second.exists()
    assert (
        backup.collect_pieces(folder) == 0
    )  # pieces written within the hour stay (another backup may list them)
    assert backup.collect_pieces(folder, older_than=0) > 0
    left = {p.name: p.stat().st_size for p in (folder / backup.CHUNKS).rglob("*") if p.is_file()}
    assert set(left) == set(backup._read_manifest(second)["pieces"])
    assert backup.restore(second, tmp_path / "again.gridboard", open_file=store.path).exists()


def test_a_missing_piece_is_a_damaged_backup_not_a_wrong_file(small, tmp_path: Path) -> None:
    made = backup.daily_backup(small.store, day=date(2026, 3, 1))
    pieces = backup._read_meta(made)
    assert pieces["size"] > 0
    victim = next(p for p in (made.parent / backup.CHUNKS).rglob("*") if p.is_file())
    victim.write_bytes(b"not zlib")
    from gridboard.models.errors import NotAGridboardFile

    with pytest.raises(NotAGridboardFile):
        backup.restore(made, tmp_path / "r.gridboard")
    assert not (tmp_path / "r.gridboard").exists()


def test_kept_days_follow_the_schedule() -> None:
    days = [date(2026, 3, 31) - timedelta(days=n) for n in range(120)]
    keep = backup.kept_days(days, backup.Schedule(daily=7, weekly=4, monthly=12))
    assert set(days[:7]) <= keep
    assert date(2026, 2, 28) in keep and date(2026, 1, 31) in keep  # the newest of each month
    assert len(keep) == len(set(keep))


def test_cancelled_backup_leaves_nothing(small) -> None:
    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        backup.daily_backup(small.store, day=date(2026, 5, 1), progress=cancel)
    folder = backup.backup_folder(small.store.path)
    assert not any(folder.iterdir())


def test_restore_round_trip_into_a_new_file_never_over_one(small, tmp_path: Path) -> None:
    store = small.store
    household = small.household(1, "101")
    visits.log_visit(store, household_id=household, note="门口见到")
    made = backup.backup_now(store, tmp_path / "usb")
    [info] = backup.list_backups(tmp_path / "usb")
    assert (info.households, info.visits) == (24, 1) and info.size == backup.stored_size(made)
    with pytest.raises(InvalidInput):
        backup.restore(made, store.path)
    restored = backup.restore(made, tmp_path / "restored.gridboard", open_file=store.path)
    copy = open_store(restored)
    try:
        assert copy.scalar("SELECT count(*) FROM household") == 24
        assert copy.scalar("SELECT note FROM visit") == "门口见到"
        assert copy.scalar("PRAGMA integrity_check") == "ok"
        indexes = {r[0] for r in copy.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        originals = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert indexes == originals
        assert tallies.verify(copy.db) == []
    finally:
        copy.close()


@pytest.mark.parametrize("suffix", [backup.SUFFIX, backup.PACK_SUFFIX])
def test_a_backup_while_visits_are_logged_is_one_moment(small, tmp_path: Path, suffix: str) -> None:
    """Visits logged from another connection while the copy is made: the copy is whole and its counts
    are those of one moment (the note beside it agrees with what is inside)."""
    store = small.store
    households = [small.household(u, r) for u in (1, 2) for r in ("101", "102", "201", "202")]
    stop = threading.Event()
    logged = [0]

    def office() -> None:
        writer = connect(store.path)
        try:
            while not stop.is_set():
                writer.execute(
                    "INSERT INTO visit (uid, created_at, updated_at, household_id, visited_at, method, outcome)"
                    " VALUES (lower(hex(randomblob(16))), datetime('now'), datetime('now'), ?, datetime('now'),"
                    " 'in_person', 'met')",
                    [households[logged[0] % len(households)]],
                )
                writer.commit()
                logged[0] += 1
                stop.wait(0.01)  # an office logs visits one by one, not in a tight loop
        finally:
            writer.close()

    # Enough rows that the copy takes many steps.
    with store.atomic(), tallies.deferred(store.db):  # counted once, not 20,000 times
        store.conn.executemany(
            "INSERT INTO visit (uid, created_at, updated_at, household_id, visited_at, method, outcome, note)"
            " VALUES (lower(hex(randomblob(16))), '2026-01-01', '2026-01-01', ?, '2026-01-01', 'phone', 'met', ?)",
            [(households[i % 8], "记录" * 40) for i in range(20_000)],
        )
    thread = threading.Thread(target=office)
    thread.start()
    seen: list[int] = []
    try:
        made = backup.write_backup(store.path, tmp_path / f"b{suffix}", lambda done, total: seen.append(done))
    finally:
        stop.set()
        thread.join()
    assert logged[0] > 0 and len(seen) > 3
    info = backup.list_backups(tmp_path)[0]
    restored = open_store(backup.restore(made, tmp_path / "r.gridboard", open_file=store.path))
    try:
        assert restored.scalar("PRAGMA integrity_check") == "ok"
        assert restored.scalar("SELECT count(*) FROM visit") == info.visits
        assert info.visits < store.scalar("SELECT count(*) FROM visit")  # visits went on after the moment
        assert tallies.verify(restored.db) == []  # left out of the backup, counted again on restore
    finally:
        restored.close()


def test_migration_copies_are_pruned(tmp_path: Path) -> None:
    import os

    path = tmp_path / "社区.gridboard"
    path.write_bytes(b"")
    old = date(2026, 1, 1)
    for n in range(5):
        copy = tmp_path / f"社区.before-m00{n}_step.gridboard"
        copy.write_bytes(b"x")
        stamp = (old - timedelta(days=100 - n)).toordinal()
        seconds = (date.fromordinal(stamp) - date(1970, 1, 1)).days * 86400
        os.utime(copy, (seconds, seconds))
    removed = backup.prune_migration_copies(path, today=old)
    assert len(removed) == 3
    assert sorted(p.name for p in tmp_path.glob("*.before-*")) == [
        "社区.before-m003_step.gridboard",
        "社区.before-m004_step.gridboard",
    ]


DATA = Path("/work/data/community.gridboard")


@pytest.mark.skipif(not DATA.exists(), reason="the shared demo file is not there")
def test_compressed_size_of_a_real_sized_file(tmp_path: Path) -> None:
    """Measured on a copy of the community demo file (never on the shared file itself)."""
    copy = tmp_path / "community.gridboard"
    from gridboard.models.store import copy_database

    copy_database(DATA, copy)
    made = backup.write_backup(copy, tmp_path / "c.gridboard.gz")
    ratio = copy.stat().st_size / made.stat().st_size
    print(
        f"\n{copy.stat().st_size / 1e6:.1f} MB file -> {made.stat().st_size / 1e6:.1f} MB backup ({ratio:.1f}x)"
    )
    assert ratio > 3
