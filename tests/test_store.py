"""Opening files: pragmas, refusal of foreign, damaged and newer files, migration backups."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from gridboard.models import schema
from gridboard.models.cipher import WrongPassphrase
from gridboard.models.errors import DamagedFile, NotAGridboardFile, TooNewFile
from gridboard.models.opening import open_store
from gridboard.models.store import schema_version


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a.gridboard", create=True)
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA synchronous") == 2  # FULL
    assert schema_version(store) == (len(schema.known_migration_names()),) * 2
    assert store.scalar("SELECT count(*) FROM tag WHERE builtin = 1") == 12
    store.close()


def test_every_table_has_uid_and_timestamps(db) -> None:
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'"
        )
    ]
    assert "household" in tables
    # Tallies (tally_*) are derived: recounted from these rows, never exchanged or merged.
    for table in [t for t in tables if not t.startswith("tally_")]:
        columns = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
        assert {"id", "uid", "created_at", "updated_at"} <= columns, table


def test_missing_file_is_refused_without_create(tmp_path: Path) -> None:
    with pytest.raises(NotAGridboardFile):
        open_store(tmp_path / "nothing.gridboard")
    assert not (tmp_path / "nothing.gridboard").exists()


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.gridboard"
    path.write_text("这不是数据库" * 100, encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotAGridboardFile, match="not an SQLite database"):
        open_store(path)
    assert digest(path) == before


def test_other_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAGridboardFile, match="not a gridboard file"):
        open_store(path)
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_damaged_file_is_refused_untouched(tmp_path: Path, small) -> None:
    path = small.store.path
    small.store.close()
    data = bytearray(path.read_bytes())
    # Scribble over the middle pages, keeping the header so it still looks like SQLite.
    for i in range(4096 * 2, min(len(data), 4096 * 6)):
        data[i] = 0x5A
    path.write_bytes(bytes(data))
    before = digest(path)
    # A protected file (--protected) damaged in its first page cannot be told from a wrong passphrase:
    # its message says both, and nothing is changed either way.
    with pytest.raises((DamagedFile, WrongPassphrase), match="damaged"):
        open_store(path)
    assert digest(path) == before


def test_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.gridboard"
    open_store(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('gridboard', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(TooNewFile, match="newer version"):
        open_store(path)
    assert digest(path) == before


def test_cancelling_the_check_leaves_the_file_untouched(community_demo: Path) -> None:
    from gridboard.models.errors import Cancelled

    path = community_demo
    before = digest(path)

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        open_store(path, check="full", progress=cancel)
    assert digest(path) == before
    open_store(path, progress=lambda done, total: None).close()
