"""Backups of protected files: packs that deduplicate and compress like plain ones, sealed at rest.

Nothing personal reaches the disk in plain text (no plaintext copy, not even for a moment), restoring
needs the passphrase and gives a protected file again, and a wrong passphrase writes nothing.
"""

from __future__ import annotations

import zlib
from datetime import date
from pathlib import Path

import pytest

from gridboard.models import backup, cipher, cipher_pages, ledger, tallies, visits
from gridboard.models.opening import open_store
from tests.conftest import TEST_PASSPHRASE, sign_in_tester

PROTECTED = pytest.mark.parametrize("db", ["protected"], indirect=True)
NAME = "欧阳娜娜"
PHONE = "13912345678"
ID_NUMBER = "110101195001011239"
HEADER = b"SQLite format 3\x00"

COUNTED = ("household", "resident", "member", "visit", "pairing", "audit_log")


def _counts(store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in COUNTED}


def _fill(small) -> int:
    """A file of some size (many pieces), with one resident whose name and phone the tests look for."""
    store = small.store
    household = small.household(1, "101")
    ledger.add_resident(store, household_id=household, name=NAME, phone=PHONE, id_number=ID_NUMBER)
    with store.atomic(), tallies.deferred(store.db):
        store.conn.executemany(
            "INSERT INTO visit (uid, created_at, updated_at, household_id, visited_at, method, outcome, note)"
            " VALUES (lower(hex(randomblob(16))), '2026-01-01', '2026-01-01', ?, '2026-01-01', 'phone', 'met', ?)",
            [(household, f"记录{i}" * 30) for i in range(4_000)],
        )
    return household


def _stored_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]


@PROTECTED
def test_a_protected_files_days_share_pieces_and_compress(small, tmp_path: Path) -> None:
    store = small.store
    assert cipher.is_protected(store.path)
    household = _fill(small)
    size = store.path.stat().st_size
    first = backup.daily_backup(store, day=date(2026, 3, 1))
    visits.log_visit(store, household_id=household, note="第二天")
    second = backup.daily_backup(store, day=date(2026, 3, 2))
    one, two = (backup._read_meta(p) for p in (first, second))
    print(
        f"\nprotected file {size:,} bytes; day 1 pack {one['size']:,} bytes ({size / one['size']:.1f}x smaller);"
        f" day 2 added {two['added']:,} bytes = {two['added'] / one['size']:.1%} of day 1"
    )
    assert backup.is_sealed(first) and backup.is_sealed(second)
    # Compressed, though encrypted (the first pack writes every piece, a repeated one once).
    assert 0 < one["added"] <= one["size"] and size > 3 * one["size"]
    assert two["added"] * 4 < two["size"], (one, two)  # the second pack wrote only what the day changed
    listed = {info.path: info for info in backup.list_backups(store.path)}
    assert (listed[second].households, listed[second].visits) == (24, 4_001)
    folder = backup.backup_folder(store.path)
    chunk_bytes = sum(p.stat().st_size for p in (folder / backup.CHUNKS).rglob("*") if p.is_file())
    assert chunk_bytes == one["added"] + two["added"]


@PROTECTED
def test_a_protected_pack_restores_to_a_protected_file_with_the_passphrase(small, tmp_path: Path) -> None:
    store = small.store
    _fill(small)
    made = backup.daily_backup(store, day=date(2026, 3, 1))
    expected = _counts(store)
    # With the passphrase alone, as on another PC (this process forgets every key it derived for it).
    target = tmp_path / "elsewhere" / "restored.gridboard"
    target.parent.mkdir()
    restored = backup.restore(made, target, passphrase=TEST_PASSPHRASE)
    assert not restored.read_bytes().startswith(HEADER)  # a protected file again
    assert cipher.is_protected(restored)
    copy = open_store(restored)
    try:
        sign_in_tester(copy)
        assert copy.scalar("PRAGMA integrity_check") == "ok"
        assert tallies.verify(copy.db) == []
        assert _counts(copy) == {**expected, "audit_log": copy.scalar("SELECT count(*) FROM audit_log")}
        assert copy.scalar("SELECT phone FROM resident WHERE name = ?", [NAME]) == PHONE
        indexes = {r[0] for r in copy.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        originals = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert indexes == originals
    finally:
        copy.close()
    # Without the key in memory, the file does not open as plain SQLite.
    cipher.forget(restored)
    with pytest.raises(cipher.PassphraseNeeded):
        open_store(restored)
    # And the window's way: the open file's own key (the same salt) restores its own backups.
    again = backup.restore(made, tmp_path / "again.gridboard", open_file=store.path)
    copy = open_store(again)
    try:
        assert copy.scalar("SELECT count(*) FROM visit") == expected["visit"]
    finally:
        copy.close()


@PROTECTED
def test_a_wrong_or_missing_passphrase_is_refused_and_writes_nothing(small, tmp_path: Path) -> None:
    made = backup.daily_backup(small.store, day=date(2026, 3, 1))
    target = tmp_path / "out" / "restored.gridboard"
    target.parent.mkdir()
    with pytest.raises(cipher.WrongPassphrase) as wrong:
        backup.restore(made, target, passphrase="not the passphrase")
    assert "does not open the backup" in str(wrong.value) and "Nothing was written" in str(wrong.value)
    with pytest.raises(backup.BackupPassphraseNeeded):
        backup.restore(made, target)  # no passphrase, no open file with its key
    assert list(target.parent.iterdir()) == []


@PROTECTED
def test_nothing_personal_reaches_the_disk_in_plain_text(small, tmp_path: Path) -> None:
    """Every byte the backup wrote, and every file that existed while it ran, is free of the resident's
    name, phone and ID number; no file in the folder ever started as a plain SQLite file."""
    store = small.store
    _fill(small)
    folder = backup.backup_folder(store.path)
    seen_plain: list[Path] = []

    def watch(done: int, total: int) -> None:
        for path in tmp_path.rglob("*"):
            if path.is_file() and path.stat().st_size >= 16:
                with path.open("rb") as handle:
                    if handle.read(16) == HEADER:
                        seen_plain.append(path)

    made = backup.daily_backup(store, day=date(2026, 3, 1), progress=watch)
    assert seen_plain == []
    needles = [NAME.encode("utf-8"), PHONE.encode(), ID_NUMBER.encode(), PHONE.encode("utf-16-le")]
    stored = _stored_bytes(folder)
    assert len(stored) > 10
    for path, data in stored:
        for needle in needles:
            assert needle not in data, (path, needle)
        if backup.CHUNKS in path.parts:  # a sealed piece is not a zlib stream, from any offset
            for offset in (0, 12):
                with pytest.raises(zlib.error):
                    zlib.decompress(data[offset:])
    # The same look finds them in a plain file's pack: the test can see what it looks for.
    plain = tmp_path / "plain.gridboard"
    cipher.unprotect(store.path, plain)
    plain_made = backup.write_backup(plain, tmp_path / "plain-backups" / f"p{backup.PACK_SUFFIX}")
    found = b"".join(zlib.decompress(data) for path, data in _stored_bytes(plain_made.parent / backup.CHUNKS))
    assert all(needle in found for needle in needles[:3])
    assert backup.restore(made, tmp_path / "r.gridboard", open_file=store.path).exists()


@pytest.mark.parametrize("layout", sorted(cipher.LAYOUTS))
def test_pages_decrypt_and_encrypt_as_sqlcipher_does_in_every_layout(tmp_path: Path, layout: str) -> None:
    """Each layout a file may have (the HMAC ones too): a file SQLCipher wrote, decrypted page by page
    and encrypted again with fresh IVs, is opened and checked by SQLCipher itself."""
    import secrets

    import sqlcipher3.dbapi2 as sqlcipher

    key, salt = secrets.token_bytes(32), secrets.token_bytes(16)

    def open_keyed(path: Path):
        conn = sqlcipher.connect(str(path))
        conn.execute(f"PRAGMA key = \"x'{key.hex()}{salt.hex()}'\"")
        for setting in cipher.LAYOUTS[layout]:
            conn.execute(f"PRAGMA {setting}")
        return conn

    source = tmp_path / "source.db"
    conn = open_keyed(source)
    conn.execute("PRAGMA application_id = 1196573762")
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(f"居民{i}" * 20,) for i in range(2_000)])
    conn.commit()
    conn.close()
    codec = cipher_pages.PageCodec(key, salt, layout)
    data = source.read_bytes()
    size = cipher_pages.PAGE
    plain = [codec.decrypt(data[o : o + size], o // size + 1) for o in range(0, len(data), size)]
    assert len(plain) > 3 and codec.looks_right(plain[0], 1196573762)
    assert [codec.decrypt(data[o : o + size], o // size + 1) for o in range(0, len(data), size)] == plain
    again = b"".join(codec.encrypt(page, number) for number, page in enumerate(plain, start=1))
    assert again != data  # fresh IVs: every page encrypted anew
    copy = tmp_path / "copy.db"
    copy.write_bytes(again)
    conn = open_keyed(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 2_000
    finally:
        conn.close()


@pytest.mark.parametrize("db", ["plain"], indirect=True)
def test_a_file_in_an_hmac_layout_restores_in_its_layout(small, tmp_path: Path, monkeypatch) -> None:
    """The whole way for a file in a layout with SQLCipher's per-page HMAC."""
    layout = "hmac"
    monkeypatch.setattr(cipher, "NEW_LAYOUT", layout)
    path = cipher.protect(small.store.path, tmp_path / f"{layout}.gridboard", TEST_PASSPHRASE)
    assert cipher.layout_of(path) == layout
    made = backup.write_backup(path, tmp_path / "b" / f"x{backup.PACK_SUFFIX}")
    assert backup.is_sealed(made)
    restored = backup.restore(made, tmp_path / "restored.gridboard", passphrase=TEST_PASSPHRASE)
    cipher.forget(restored)  # opened the ordinary way: the passphrase, every layout tried
    cipher.unlock(restored, TEST_PASSPHRASE)
    copy = open_store(restored)
    try:
        assert cipher.layout_of(restored) == layout
        assert copy.scalar("PRAGMA integrity_check") == "ok"
        assert copy.scalar("SELECT count(*) FROM household") == 24
        assert tallies.verify(copy.db) == []
    finally:
        copy.close()


def test_back_up_now_is_one_gzip_file_for_a_plain_file_and_a_sealed_pack_for_a_protected_one(
    small, tmp_path: Path
) -> None:
    """Plain or with --protected: what "back up now" writes is listed by restore with its date and
    counts, and restores into a new file."""
    store = small.store
    visits.log_visit(store, household_id=small.household(1, "101"), note="门口见到")
    usb = tmp_path / "usb"
    made = backup.backup_now(store, usb)
    protected = cipher.is_protected(store.path)
    assert made.name.endswith(backup.PACK_SUFFIX if protected else backup.SUFFIX)
    assert backup.is_sealed(made) == protected
    [info] = backup.list_backups(usb)
    assert (info.path, info.households, info.visits) == (made, 24, 1)
    assert info.size == backup.stored_size(made) > 0 and info.made_at
    restored = open_store(backup.restore(made, tmp_path / "r.gridboard", open_file=store.path))
    try:
        assert restored.scalar("SELECT note FROM visit") == "门口见到"
        assert cipher.is_protected(restored.path) == protected
    finally:
        restored.close()


def test_the_days_backup_prunes_the_migrations_copies(small) -> None:
    """The `.before-STEP` copies a migration leaves beside the file go with the day's backup once they
    are old and not among the newest two."""
    import os

    store = small.store
    copies = []
    for n in range(4):
        copy = store.path.with_name(f"{store.path.stem}.before-m00{n}_step.gridboard")
        copy.write_bytes(b"x")
        old = (date(2025, 1, 1 + n) - date(1970, 1, 1)).days * 86400
        os.utime(copy, (old, old))
        copies.append(copy)
    backup.daily_backup(store, day=date(2026, 3, 1))
    assert [c.exists() for c in copies] == [False, False, True, True]


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="Linux's per-thread nice")
def test_the_days_backup_runs_at_low_cpu_and_io_priority(qtbot) -> None:
    """The background thread yields to the window: its nice value is the lowest, the window's stays."""
    import os
    import threading

    from gridboard.ui.travel.background import LOW_NICE, Background

    runner = Background()
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: list[int] = []
    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        runner.start(lambda: seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))
    assert blocker.args == [None]
    assert seen == [LOW_NICE]
    assert (
        os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine
    )  # the window's thread: as it was
