"""The dashboard's tallies are derived data with a lifecycle: a file remembers which tally code counted
it, is counted again when that differs, and `gridboard check` finds (and `--repair` mends) wrong rows."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gridboard import cli
from gridboard.models import tallies
from gridboard.models.opening import open_store


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.gridboard"
    assert cli.main(["demo", "--scale", "test", "--out", str(path), "--seed", "3", "--quiet"]) == 0
    return path


def _spoil(path: Path, fingerprint: str | None = None) -> None:
    """What another program (or an old bug) could leave: one tally row changed by hand."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE tally_count SET households = households + 7 WHERE kind = 'grid'")
        if fingerprint is not None:
            conn.execute("UPDATE tally_state SET fingerprint = ?", [fingerprint])
    conn.close()


def test_a_new_file_records_the_tally_code_that_counted_it(db) -> None:
    assert tallies.stored_fingerprint(db.db) == tallies.fingerprint()
    assert tallies.verify(db.db) == []
    assert not db.conn.in_transaction, "verify must leave no transaction open behind it"
    assert not db.conn.execute("SELECT name FROM temp.sqlite_master").fetchall()


def test_a_file_counted_by_an_older_version_is_counted_again_when_it_opens(demo_file: Path) -> None:
    _spoil(demo_file, fingerprint="0:older")
    with closing(open_store(demo_file)) as store:
        assert tallies.is_current(store.db)
        assert tallies.verify(store.db) == []


def test_a_file_from_before_the_lifecycle_is_counted_on_its_first_open(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    with conn:
        conn.execute("DROP TABLE tally_state")
    conn.close()
    _spoil(demo_file)
    with closing(open_store(demo_file)) as store:
        assert tallies.verify(store.db) == []


def test_check_finds_hand_changed_tallies_and_repair_counts_them_again(demo_file: Path, capsys) -> None:
    _spoil(demo_file)  # same fingerprint: nothing on open would notice
    before = demo_file.read_bytes()
    assert cli.main(["check", str(demo_file)]) == 1
    assert "tallies differ from a fresh count" in capsys.readouterr().out
    assert demo_file.read_bytes() == before, "check alone must not write"
    assert cli.main(["check", "--repair", str(demo_file)]) == 0
    assert "tallies counted again" in capsys.readouterr().out
    assert cli.main(["check", str(demo_file)]) == 0


def test_verify_works_on_a_read_only_copy(demo_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ro.gridboard"
    shutil.copy(demo_file, copy)
    copy.chmod(0o444)
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert tallies.verify(conn) == []
    finally:
        conn.close()


def test_a_failed_bulk_load_puts_the_triggers_back_and_marks_the_tallies_for_recounting(db) -> None:
    def triggers() -> int:
        return db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tally_%'")

    present = triggers()
    assert present > 0
    with pytest.raises(RuntimeError):
        with tallies.deferred(db.db):
            assert triggers() == 0
            raise RuntimeError("the load failed")
    assert triggers() == present
    assert not tallies.is_current(db.db)
    tallies.ensure_current(db.db)
    assert tallies.is_current(db.db) and tallies.verify(db.db) == []


def test_a_big_file_with_old_tallies_is_checked_and_recounted_before_its_window(
    demo_file: Path, monkeypatch
) -> None:
    """The deferred check opens big files read only at once; one whose tallies need counting again
    (a write) is checked first instead, like a file that needs a migration."""
    from gridboard.models import store as store_module

    monkeypatch.setattr(store_module, "DEFER_CHECK_BYTES", 0)
    with closing(open_store(demo_file, check="deferred")) as store:
        assert store.read_only is not None and store.read_only.reason == "checking"  # current: deferred
    _spoil(demo_file, fingerprint="0:older")
    with closing(open_store(demo_file, check="deferred")) as store:
        assert store.read_only is None
        assert tallies.is_current(store.db) and tallies.verify(store.db) == []
