"""Protected files (SQLCipher): noise without the passphrase, backups too, a wrong one changes nothing."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import TEST_PASSPHRASE, Small

from gridboard.models import cipher, ledger, operators, visits
from gridboard.models.backup import daily_backup, restore
from gridboard.models.opening import open_store

NAMES = ["刘芳芳", "陈志强"]
SECRETS = ["13912345678", "09318765432", "11010519491231002X", "620102198001011239", "女儿电话13511112222"]


def _fill(small: Small) -> None:
    s = small.store
    h1, h2 = small.household(1, "101"), small.household(2, "201")
    ledger.update_household(s, h1, head_name=NAMES[0], phone=SECRETS[0], notes=SECRETS[4])
    ledger.add_resident(s, household_id=h1, name=NAMES[0], phone=SECRETS[0], id_number=SECRETS[2])
    ledger.add_resident(s, household_id=h2, name=NAMES[1], phone=SECRETS[1], id_number=SECRETS[3])
    visits.log_visit(s, household_id=h1, note=SECRETS[4])


def _found(path: Path) -> list[str]:
    data = path.read_bytes()
    return [t for t in NAMES + SECRETS if t.encode("utf-8") in data or t.encode("utf-16-le") in data]


@pytest.mark.parametrize("db", ["protected"], indirect=True)
def test_a_protected_file_and_its_backup_hold_no_resident_in_their_bytes(small: Small) -> None:
    _fill(small)
    store = small.store
    assert store.conn.protected  # the fixture's parameter really made a protected file
    backup = daily_backup(store)
    path = store.path
    store.close()
    for made in (path, backup):
        assert made.read_bytes()[:16] != b"SQLite format 3\x00"
        assert _found(made) == [], made
    # The same file unprotected holds them all (the test can fail).
    plain = cipher.unprotect(path, path.with_name("plain.gridboard"))
    assert set(_found(plain)) >= set(NAMES)
    # The backup (compressed) restores with the passphrase into a protected file that opens with it.
    cipher.forget(backup)
    restored = restore(backup, path.with_name("restored.gridboard"), passphrase=TEST_PASSPHRASE)
    cipher.forget(restored)
    assert _found(restored) == []
    again = open_store(restored, passphrase=TEST_PASSPHRASE, allow_read_only=True)
    assert {r[0] for r in again.execute("SELECT name FROM resident").fetchall()} == set(NAMES)
    again.close()


@pytest.mark.parametrize("db", ["protected"], indirect=True)
def test_wrong_or_missing_passphrase_is_a_clear_message_and_changes_nothing(small: Small) -> None:
    _fill(small)
    path = small.store.path
    small.store.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    cipher.forget(path)
    with pytest.raises(cipher.PassphraseNeeded, match="passphrase"):
        open_store(path)
    with pytest.raises(cipher.WrongPassphrase, match="does not open"):
        open_store(path, passphrase="not the passphrase")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("test.")) == ["test.gridboard"]
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    assert store.scalar("SELECT count(*) FROM resident") == 2
    store.close()


@pytest.mark.parametrize("db", ["plain"], indirect=True)  # it starts from a plain file
def test_turning_protection_on_and_off_makes_a_new_file(small: Small) -> None:
    _fill(small)
    path = small.store.path
    small.store.close()
    protected = cipher.protect(path, path.with_name("protected.gridboard"), TEST_PASSPHRASE)
    assert path.exists() and set(_found(path)) >= set(NAMES)  # the old one is kept until removed
    assert _found(protected) == []
    with pytest.raises(cipher.CannotProtect):
        cipher.protect(path, protected, TEST_PASSPHRASE)  # never over an existing file
    with pytest.raises(cipher.CannotProtect):
        cipher.protect(path, path.with_name("short.gridboard"), "short")
    cipher.forget(protected)
    store = open_store(protected, passphrase=TEST_PASSPHRASE)
    assert operators.has_operators(store) and store.scalar("SELECT count(*) FROM resident") == 2
    store.close()
    plain = cipher.unprotect(protected, path.with_name("plain-again.gridboard"))
    store = open_store(plain)
    assert store.scalar("SELECT count(*) FROM resident") == 2
    store.close()


def test_an_old_protected_file_is_copied_protected_before_migrating(tmp_path: Path) -> None:
    old = tmp_path / "old.gridboard"
    shutil.copy(Path(__file__).parent / "data" / "v1.gridboard", old)
    protected = cipher.protect(old, tmp_path / "old-protected.gridboard", TEST_PASSPHRASE)
    cipher.forget(protected)
    store = open_store(protected, passphrase=TEST_PASSPHRASE)
    store.close()
    copies = sorted(tmp_path.glob("old-protected.before-*"))
    assert copies and all(c.read_bytes()[:16] != b"SQLite format 3\x00" for c in copies)


def _protected_pair(tmp_path: Path, layout: str, monkeypatch) -> Path:
    """A small plain file protected into a new file laid out as `layout` (as an older gridboard did)."""
    plain = tmp_path / f"plain-{layout}.gridboard"
    store = open_store(plain, create=True, operator="tester")
    community = ledger.create_community(store, name="幸福社区")
    for n in range(40):
        ledger.create_grid(store, community_id=community, name=f"第{n}网格 {NAMES[n % 2]} {SECRETS[n % 5]}")
    store.close()
    monkeypatch.setattr(cipher, "NEW_LAYOUT", layout)
    made = cipher.protect(plain, tmp_path / f"{layout}.gridboard", TEST_PASSPHRASE)
    monkeypatch.undo()
    cipher.forget(made)  # as in a later run: only the passphrase is known
    return made


@pytest.mark.parametrize("layout", list(cipher.LAYOUTS))
def test_files_of_every_layout_open_and_refuse_a_wrong_passphrase(
    tmp_path: Path, monkeypatch, layout: str
) -> None:
    """Files protected by older gridboards (no per-page HMAC) keep opening beside new ones."""
    path = _protected_pair(tmp_path, layout, monkeypatch)
    store = open_store(path, passphrase=TEST_PASSPHRASE)
    try:
        assert cipher.layout_of(path) == layout
        assert store.scalar("SELECT count(*) FROM grid") == 40
        ledger.create_grid(store, community_id=1, name="新网格")  # writes as it was laid out
        backup = daily_backup(store)  # a backup copies its pages: laid out alike
    finally:
        store.close()
    assert _found(path) == []
    # The backup (its pages, compressed) restores into a file that opens with the passphrase.
    cipher.forget(backup)
    restored = restore(backup, tmp_path / f"restored-{layout}.gridboard", passphrase=TEST_PASSPHRASE)
    cipher.forget(restored)
    again = open_store(restored, passphrase=TEST_PASSPHRASE, allow_read_only=True)
    try:
        assert again.scalar("SELECT count(*) FROM grid") == 41 and cipher.layout_of(restored) == layout
    finally:
        again.close()
    cipher.forget(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(cipher.WrongPassphrase):
        open_store(path, passphrase="not the passphrase")
    assert cipher.key_for(path) is None and hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_new_protected_file_takes_the_new_layout(tmp_path: Path) -> None:
    plain = tmp_path / "plain.gridboard"
    open_store(plain, create=True, operator="tester").close()
    made = cipher.protect(plain, tmp_path / "new.gridboard", TEST_PASSPHRASE)
    assert cipher.layout_of(made) == cipher.NEW_LAYOUT
    cipher.forget(made)
    open_store(made, passphrase=TEST_PASSPHRASE).close()
    assert cipher.layout_of(made) == cipher.NEW_LAYOUT


@pytest.mark.parametrize("layout", [name for name in cipher.LAYOUTS if name.startswith("hmac")])
def test_with_the_per_page_hmac_a_changed_page_is_refused(tmp_path: Path, monkeypatch, layout: str) -> None:
    from gridboard.models.errors import KnownError

    path = _protected_pair(tmp_path, layout, monkeypatch)
    data = bytearray(path.read_bytes())
    page = 16384
    assert len(data) >= 2 * page
    data[page + page // 2] ^= 0x01  # one bit of the second page
    path.write_bytes(bytes(data))
    with pytest.raises(KnownError):
        store = open_store(path, passphrase=TEST_PASSPHRASE, check="full")
        try:
            store.query("SELECT * FROM grid")
        finally:
            store.close()
