"""Every earlier schema version migrates to the current one, with a backup copy taken first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from gridboard.models import schema
from gridboard.models.opening import open_store
from gridboard.models.store import schema_version

NAMES = schema.known_migration_names()
DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("stop_before", NAMES[1:])
def test_migrates_from_every_earlier_version(tmp_path: Path, stop_before: str) -> None:
    path = tmp_path / "old.gridboard"
    db = Database(sqlite3.connect(path), execute_plugins=False)
    schema.migrations.apply(db, stop_before=stop_before)
    db.execute("PRAGMA application_id = 1196573762")
    db.conn.commit()
    db.close()

    store = open_store(path)
    assert schema_version(store) == (len(NAMES), len(NAMES))
    assert store.scalar("PRAGMA integrity_check") == "ok"
    store.close()
    backup = tmp_path / f"old.before-{stop_before}.gridboard"
    assert backup.exists()
    assert open_store(backup).scalar("SELECT count(*) FROM _sqlite_migrations") >= 1


def test_kept_file_from_first_release_opens(tmp_path: Path) -> None:
    """tests/data/v1.gridboard was written by schema m001 only, with a little data in it."""
    path = tmp_path / "v1.gridboard"
    shutil.copy(DATA / "v1.gridboard", path)
    store = open_store(path)
    assert schema_version(store)[0] == len(NAMES)
    assert store.scalar("SELECT count(*) FROM household") > 0
    assert store.scalar("SELECT count(*) FROM tag") >= 12
    store.close()
