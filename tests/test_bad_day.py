"""A bad day, handled (issue 14), for real: odd paths, locked files, full disks, read-only files, foreign
and future files through every command, control characters, outputs that must be whole.

GUI parts are in test_bad_day_gui.py, the kill -9 tests in test_bad_day_kills.py.
"""

from __future__ import annotations

import csv
import errno
import json
import logging
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from bad_day_support import (
    ODD_KINDS,
    ODD_NAMES,
    Holder,
    child_env,
    digest,
    needs_permissions,
    odd_file,
    read_only_view,
    small_disk,
)

from gridboard import cli, logs
from gridboard.exchange import export
from gridboard.models import backup, board, ledger, lockfile, outputs, tallies, visits
from gridboard.models.errors import (
    DamagedFile,
    DiskFull,
    FileLocked,
    KnownError,
    NotAGridboardFile,
    ReadOnlyFile,
    StorageFailed,
    TooNewFile,
    storage_error,
)
from gridboard.models.opening import open_store
from gridboard.models.store import APPLICATION_ID, open_read_only, sqlite_uri


def community(path: Path, *, operator: str = "tester"):
    """A small community in a new file at `path`; returns the open Store."""
    store = open_store(path, create=True, operator=operator)
    c = ledger.create_community(store, name="幸福社区")
    g = ledger.create_grid(store, community_id=c, name="第一网格")
    ledger.create_building(
        store, rooms="lived_in", grid_id=g, name="3#楼", number=3, units=2, floors=6, rooms_per_floor=2
    )
    ledger.add_member(store, community_id=c, name="张三", kind="community_member")
    store.take_changes()
    return store


def first_household(store) -> int:
    return int(store.scalar("SELECT min(id) FROM household"))


def fill(disk: Path, *, leave: int = 0) -> None:
    """Write a filler file until only `leave` bytes are free on `disk`."""
    with (disk / "filler.bin").open("wb") as handle:
        try:
            while os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize > leave:
                handle.write(b"\0" * 4096)
                handle.flush()
        except OSError:
            pass


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# -- 1. one way to open a path ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_paths_open_check_back_up_and_refuse_like_any_other(tmp_path: Path, name: str, capsys) -> None:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / f"{name}.gridboard"
    store = community(path)
    visits.log_visit(store, household_id=first_household(store), note="门口见到")
    # The one URI names exactly this file.
    assert Path(store.conn.execute("PRAGMA database_list").fetchone()[2]) == path.resolve()
    made = backup.daily_backup(store, day=date(2026, 3, 1))
    store.close()
    assert made is not None and backup._read_meta(made)["size"] > 2048, (
        "the backup is the file, not an empty database"
    )
    copy = open_store(backup.restore(made, folder / f"{name}-restored.gridboard"))
    assert copy.scalar("SELECT count(*) FROM household") == 24
    assert copy.scalar("SELECT count(*) FROM visit") == 1
    copy.close()
    # Nothing was made where an unescaped URI would have pointed (the path cut at # or ?).
    for cut in ("#", "?"):
        if cut in str(path):
            stub = Path(str(path).split(cut)[0])
            assert not stub.is_file(), stub

    code, out, _ = run_cli(["check", str(path)], capsys)
    assert code == 0 and out.rstrip().endswith("ok")
    code, out, _ = run_cli(["stats", str(path), "--json"], capsys)
    assert code == 0 and json.loads(out)["totals"]["households"] == 24

    # The checks are on at this path too: a newer file is refused and left as it was.
    future = odd_file("schema99", folder / f"{name}-new.gridboard")
    before = digest(future)
    with pytest.raises(TooNewFile):
        open_store(future)
    assert digest(future) == before


def test_damaged_file_at_a_hash_path_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "3#楼"
    folder.mkdir()
    path = folder / "3#楼.gridboard"
    community(path).close()
    data = bytearray(path.read_bytes())
    for i in range(4096 * 2, min(len(data), 4096 * 6)):
        data[i] = 0x5A
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DamagedFile):
        open_store(path)
    assert digest(path) == before


def test_network_share_like_paths(tmp_path: Path) -> None:
    # On Windows \\server\share\...; here a folder literally named so, and a path that starts with //.
    share = tmp_path / "\\\\server\\share" / "社区"
    share.mkdir(parents=True)
    path = share / "ledger #2.gridboard"
    community(path).close()
    assert open_read_only(path).scalar("SELECT count(*) FROM household") == 24
    double = Path("/" + str(path))  # //tmp/...: POSIX allows the extra slash, SQLite must keep it a path
    store = open_store(double)
    assert store.scalar("SELECT count(*) FROM household") == 24
    store.close()
    assert "%5C%5Cserver%5Cshare" in sqlite_uri(path) and "%23" in sqlite_uri(path)


def test_uri_escapes_what_sqlite_would_read_as_syntax() -> None:
    uri = sqlite_uri("/data/3#楼/100%20 full?.gridboard", mode="ro")
    assert uri.startswith("file:///data/")
    assert "%233" not in uri and "3%23" in uri and "%2520" in uri and "%3F" in uri and "%20full" in uri
    assert uri.endswith("?mode=ro")


# -- 2. writes that wait, then say so -----------------------------------------------------------------------


def test_second_copy_is_refused_or_opened_read_only_naming_who_has_it(tmp_path: Path) -> None:
    path = tmp_path / "3#楼.gridboard"
    community(path).close()
    with Holder(path, "app", operator="李四") as holder:
        with pytest.raises(FileLocked) as refused:
            open_store(path, operator="王五")
        assert "李四" in str(refused.value) and os.uname().nodename in str(refused.value)
        store = open_store(path, operator="王五", allow_read_only=True)
        assert store.read_only is not None and store.read_only.reason == "locked"
        assert store.read_only.holder.operator == "李四"
        assert store.scalar("SELECT count(*) FROM household") == 24
        with pytest.raises(sqlite3.OperationalError) as write:
            visits.log_visit(store, household_id=first_household(store))
        assert isinstance(storage_error(write.value, path), ReadOnlyFile)
        store.close()
        holder.kill()  # kill -9: the system drops the lock with the process
    store = open_store(path)
    assert store.read_only is None
    visits.log_visit(store, household_id=first_household(store))
    store.close()
    assert not lockfile.lock_path(path).exists()


def test_stores_in_one_process_share_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "a.gridboard"
    first = community(path)
    worker = open_store(path, check="none")  # a worker thread's own connection
    reader = open_store(path, check="none")  # the dashboard's, closed without a checkpoint
    assert worker.read_only is None and worker.lock is first.lock is reader.lock
    worker.close()
    reader.close(checkpoint=False)
    assert lockfile.lock_path(path).exists(), "the first Store still holds it"
    visits.log_visit(first, household_id=first_household(first))
    first.close()
    assert not lockfile.lock_path(path).exists()


def test_three_writers_wait_their_turn_instead_of_failing(tmp_path: Path) -> None:
    """Writes begin IMMEDIATE, so the busy timeout applies (a plain BEGIN failed ~99% of the time)."""
    path = tmp_path / "busy.gridboard"
    community(path).close()
    failures: list[BaseException] = []
    done: list[int] = []

    def writer(n: int) -> None:
        store = open_store(path, check="none", operator=f"w{n}")
        try:
            households = [r[0] for r in store.conn.execute("SELECT id FROM household")]
            for i in range(40):
                try:
                    board.log_visit_with_requests(
                        store,
                        household_id=households[(n * 7 + i) % len(households)],
                        note=f"writer {n} visit {i}",
                        new_requests=[board.RequestDraft(category="repairs", text="门锁坏了")]
                        if i % 5 == 0
                        else [],
                    )
                    done.append(n)
                except Exception as error:  # noqa: BLE001 - counted, then asserted on
                    failures.append(error)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == [] and len(done) == 120
    store = open_store(path)
    assert store.scalar("SELECT count(*) FROM visit") == 120
    assert tallies.verify(store.db) == []
    store.close()


def test_a_write_that_cannot_get_the_lock_says_so(tmp_path: Path) -> None:
    path = tmp_path / "held.gridboard"
    store = community(path)
    hid = first_household(store)
    store.execute("PRAGMA busy_timeout = 300")
    with Holder(path, "sqlite"):
        started = time.monotonic()
        with pytest.raises(sqlite3.OperationalError) as error:
            visits.log_visit(store, household_id=hid, note="等锁")
        waited = time.monotonic() - started
    known = storage_error(error.value, path)
    assert isinstance(known, FileLocked) and "busy" in str(known) and "Nothing was saved" in str(known)
    assert waited >= 0.25, "it waited for the busy timeout before giving up"
    visits.log_visit(store, household_id=hid, note="等锁")  # the holder is gone: it goes through
    assert store.scalar("SELECT count(*) FROM visit") == 1
    store.close()


# -- 3. every error reaches the user (model side), and the log -----------------------------------------------


def test_disk_full_by_max_page_count_is_a_plain_message_and_nothing_half_written(small) -> None:
    store = small.store
    hid = small.household(1, "101")
    store.execute(f"PRAGMA max_page_count = {store.scalar('PRAGMA page_count')}")
    before = store.scalar("SELECT count(*) FROM visit")
    error = None
    for i in range(2000):
        try:
            board.log_visit_with_requests(
                store,
                household_id=hid,
                note="满" * 500 + str(i),
                new_requests=[board.RequestDraft(category="repairs", text="漏水" * 50)],
            )
        except sqlite3.OperationalError as raised:
            error = raised
            break
    assert error is not None
    known = storage_error(error, store.path)
    assert isinstance(known, DiskFull) and "no room left" in str(known)
    assert not store.conn.in_transaction
    # The failed visit and its request went together: every visit still has its request.
    assert store.scalar("SELECT count(*) FROM visit") - before == store.scalar("SELECT count(*) FROM request")
    assert tallies.verify(store.db) == []
    store.execute("PRAGMA max_page_count = 1073741823")
    visits.log_visit(store, household_id=hid, note="有空间了")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/x/a.pdf"), DiskFull),
        (OSError(errno.EROFS, "Read-only file system", "/x/a.pdf"), ReadOnlyFile),
        (PermissionError(errno.EACCES, "Permission denied", "/x/a.xlsx"), ReadOnlyFile),
        (OSError(errno.EIO, "Input/output error", "/x/a.gridboard"), StorageFailed),
        (sqlite3.OperationalError("database is locked"), FileLocked),
        (sqlite3.OperationalError("database or disk is full"), DiskFull),
        (sqlite3.OperationalError("attempt to write a readonly database"), ReadOnlyFile),
        (sqlite3.OperationalError("disk I/O error"), StorageFailed),
        (sqlite3.DatabaseError("database disk image is malformed"), DamagedFile),
    ],
)
def test_storage_errors_become_plain_messages(error: BaseException, kind: type) -> None:
    known = storage_error(error, "/x/community.gridboard")
    assert isinstance(known, kind)
    assert "{" not in str(known)


def test_bugs_are_not_dressed_up_as_storage_errors() -> None:
    assert storage_error(sqlite3.OperationalError("no such column: nmae")) is None
    assert storage_error(sqlite3.IntegrityError("FOREIGN KEY constraint failed")) is None
    assert storage_error(ValueError("x")) is None


def test_the_log_is_configured_once_and_rotates(tmp_path: Path) -> None:
    logs.shutdown()
    try:
        path = logs.configure(tmp_path / "data")
        assert logs.configure(tmp_path / "elsewhere") == path
        handlers = [h for h in logging.getLogger("gridboard").handlers if isinstance(h, logging.FileHandler)]
        assert len(handlers) == 1 and handlers[0].maxBytes == logs.MAX_BYTES and handlers[0].backupCount == 5
        logging.getLogger("gridboard.store").warning("a test line 测试")
        handlers[0].flush()
        assert "a test line 测试" in path.read_text(encoding="utf-8")
    finally:
        logs.shutdown()
    assert not any(isinstance(h, logging.FileHandler) for h in logging.getLogger("gridboard").handlers)


# -- 4. start-up never depends on the backup -----------------------------------------------------------------


def test_backup_on_a_full_disk_fails_cleanly_and_the_file_opens(tmp_path: Path) -> None:
    with small_disk(tmp_path, 4096) as disk:
        path = disk / "社区.gridboard"
        store = community(path)
        # Fill the disk but for a little room: enough to work in, not enough for the day's copy.
        fill(disk, leave=max(48 * 1024, path.stat().st_size // 4))
        with pytest.raises((sqlite3.Error, OSError)) as raised:
            backup.daily_backup(store, day=date(2026, 3, 2))
        assert storage_error(raised.value, path) is not None
        assert not list(backup.backup_folder(path).glob("*.partial"))
        assert store.scalar("SELECT count(*) FROM household") == 24
        store.close()
        reopened = open_store(path)  # opening never needs room for a backup
        assert reopened.scalar("SELECT count(*) FROM household") == 24
        reopened.close()


# -- 5. outputs are checked; CSV is CSV ----------------------------------------------------------------------


def test_a_cut_off_pdf_or_workbook_is_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n" + b"x" * 5000)  # no xref, no %%EOF
    with pytest.raises(outputs.OutputFailed):
        outputs.verify(pdf, "pdf")
    book = tmp_path / "a.xlsx"
    book.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(outputs.OutputFailed):
        outputs.verify(book, "xlsx")


def test_a_failed_output_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")
    with pytest.raises(outputs.OutputFailed):
        with outputs.replacing(target, "pdf") as partial:
            partial.write_bytes(b"%PDF-1.7\n half a page")
    assert target.read_bytes() == b"old report"
    assert not outputs.partial_path(target).exists()


def test_pdf_and_xlsx_on_a_full_disk_are_errors_not_written(qapp, tmp_path: Path, capsys) -> None:
    source = tmp_path / "c.gridboard"
    store = community(source)
    member = int(store.scalar("SELECT id FROM member"))
    store.close()
    with small_disk(tmp_path, 64) as disk:
        sheet = disk / "sheet.pdf"
        print_sheet = ["print", "member-sheet", str(source), "--member", str(member), "--out", str(sheet)]
        code, out, err = run_cli(print_sheet, capsys)
        shown = list(disk.iterdir())
        # A tiny sheet may fit; if it did, it is whole. If not, it is an error and nothing is there.
        if code == 0:
            outputs.verify(disk / "sheet.pdf", "pdf")
        else:
            assert code == 2 and "gridboard:" in err and "Traceback" not in err and shown == []
        (disk / "sheet.pdf").unlink(missing_ok=True)
        fill(disk)
        code, out, err = run_cli(print_sheet, capsys)
        assert code == 2 and "gridboard:" in err and "pages" not in out
        for name in ("ledger.xlsx", "ledger.csv"):
            code, out, err = run_cli(["export", "ledger", str(source), "--out", str(disk / name)], capsys)
            assert code == 2 and "gridboard:" in err and "written" not in out, name
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]


def test_csv_export_is_real_csv(small, tmp_path: Path, capsys) -> None:
    small.store.close()
    out = tmp_path / "台账.csv"
    code, printed, _ = run_cli(["export", "ledger", str(small.store.path), "--out", str(out)], capsys)
    assert code == 0 and "24 rows" in printed
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbfPK")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["社区", "网格", "楼栋"] and len(rows) == 25
    requests_out = tmp_path / "r.csv"
    argv = ["export", "requests", str(small.store.path), "--out", str(requests_out)]
    code, printed, _ = run_cli(argv, capsys)
    assert code == 0 and "r-办理过程.csv" in printed
    assert (tmp_path / "r.csv").exists() and (tmp_path / "r-办理过程.csv").exists()


# -- control characters through import, edit and export -----------------------------------------------------


CONTROL = "\x00\x01\x08\x0b\x0c\x1b\x7f"


def test_control_characters_through_edit_and_export(small, tmp_path: Path) -> None:
    store = small.store
    hid = small.household(1, "101")
    ledger.update_household(store, hid, head_name=f"王{CONTROL}建国", notes=f"=1+1{CONTROL} 楼下\t漏水")
    ledger.add_resident(store, household_id=hid, name="李\x00秀英")
    board.log_visit_with_requests(
        store,
        household_id=hid,
        note="门铃\x07坏了",
        new_requests=[board.RequestDraft(category="repairs", text="修\x0c门铃")],
    )
    for kind in export.EXPORT_KINDS:
        for suffix in (".xlsx", ".csv"):
            target = tmp_path / f"{kind}{suffix}"
            export.export(store, kind, target, reveal=True)
            assert target.exists()
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "ledger.xlsx")["居民台账"]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[6] and "建国" in r[6])
    assert row[6] == "王建国" and row[10] == "=1+1 楼下\t漏水" and row[11] == "李秀英"
    text = (tmp_path / "ledger.csv").read_text(encoding="utf-8-sig")
    assert "王建国" in text and "'=1+1 楼下\t漏水" in text and not any(c in text for c in CONTROL)
    visits_text = (tmp_path / "visits.csv").read_text(encoding="utf-8-sig")
    assert "门铃坏了" in visits_text


def test_control_characters_through_import_then_export(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "台账.csv"
    sheet.write_text(
        "社区,网格,楼栋,单元,楼层,门牌号,户主姓名,备注\n"
        "幸福社区,第一网格,5号楼,1,2,201,赵\x0b六,门口有\x00台阶\x1b\n",
        encoding="utf-8",
    )
    target = tmp_path / "imported.gridboard"
    code, out, err = run_cli(["import", str(sheet), "--into", str(target)], capsys)
    assert "Traceback" not in err
    store = open_store(target)
    try:
        for kind in export.EXPORT_KINDS:
            export.export(store, kind, tmp_path / f"{kind}.xlsx")
            export.export(store, kind, tmp_path / f"{kind}.csv")
    finally:
        store.close()
    text = (tmp_path / "ledger.csv").read_text(encoding="utf-8-sig")
    assert not any(c in text for c in CONTROL)
    if code == 0:
        assert "赵六" in text


# -- 6. read-only is not damaged -----------------------------------------------------------------------------


def _check_and_stats_work(path: Path, capsys) -> None:
    code, out, err = run_cli(["check", str(path)], capsys)
    assert code == 0 and "damaged" not in out + err, err
    code, out, err = run_cli(["stats", str(path), "--json"], capsys)
    assert code == 0 and json.loads(out)["totals"]["households"] == 24, err


def test_read_only_file_by_permissions(tmp_path: Path, capsys) -> None:
    needs_permissions()
    path = tmp_path / "ro.gridboard"
    community(path).close()
    path.chmod(0o444)
    try:
        before = digest(path)
        with pytest.raises(ReadOnlyFile) as refused:
            open_store(path)
        assert "damaged" not in str(refused.value)
        store = open_store(path, allow_read_only=True)
        assert store.read_only.reason == "file" and store.scalar("SELECT count(*) FROM household") == 24
        store.close()
        _check_and_stats_work(path, capsys)
        assert digest(path) == before
    finally:
        path.chmod(0o644)


def test_read_only_folder_by_permissions(tmp_path: Path, capsys) -> None:
    needs_permissions()
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    path = folder / "a.gridboard"
    community(path).close()
    folder.chmod(0o555)
    try:
        store = open_store(path, allow_read_only=True)
        assert store.read_only.reason in ("file", "folder")
        store.close()
        _check_and_stats_work(path, capsys)
    finally:
        folder.chmod(0o755)


def test_read_only_disk(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    community(folder / "3#楼.gridboard").close()
    with read_only_view(folder) as view:
        path = view / "3#楼.gridboard"
        before = digest(path)
        with pytest.raises(ReadOnlyFile) as refused:
            open_store(path)
        assert "damaged" not in str(refused.value)
        store = open_store(path, allow_read_only=True)
        assert store.read_only is not None
        assert store.scalar("SELECT count(*) FROM household") == 24
        store.close()
        _check_and_stats_work(path, capsys)
        code, out, err = run_cli(["export", "ledger", str(path), "--out", str(tmp_path / "l.xlsx")], capsys)
        assert code == 0, err
        assert digest(path) == before


# -- 8. foreign and future files, through every command ------------------------------------------------------


def _commands(path: Path, tmp_path: Path) -> list[list[str]]:
    template = tmp_path / "template.xlsx"
    if not template.exists():
        assert cli.main(["template", "ledger", "--out", str(template)]) == 0
    return [
        ["check", str(path)],
        ["check", str(path), "--quick"],
        ["stats", str(path)],
        ["stats", str(path), "--json"],
        ["export", "ledger", str(path), "--out", str(tmp_path / "out.xlsx")],
        ["export", "visits", str(path), "--out", str(tmp_path / "out.csv")],
        ["import", str(template), "--into", str(path), "--dry-run"],
        ["import", str(template), "--into", str(path)],
        ["print", "member-sheet", str(path), "--member", "1", "--out", str(tmp_path / "out.pdf")],
        ["print", "contact-table", str(path), "--building", "1", "--out", str(tmp_path / "out.pdf")],
    ]


@pytest.mark.parametrize("kind", ODD_KINDS)
def test_odd_files_through_every_command(qapp, tmp_path: Path, kind: str, capsys) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = odd_file(kind, folder / f"{kind}.gridboard")
    before = digest(path)
    for argv in _commands(path, tmp_path):
        code, out, err = run_cli(argv, capsys)
        assert code == 2, (argv, out, err)
        assert err.startswith("gridboard: ") and "Traceback" not in err, (argv, err)
        assert digest(path) == before, f"{argv} changed the file"
        # A read-only look at a WAL file leaves SQLite's empty -wal and -shm (it may not remove them).
        beside = [p for p in folder.iterdir() if p != path]
        assert all(
            p.name.endswith("-shm") or (p.name.endswith("-wal") and p.stat().st_size == 0) for p in beside
        ), f"{argv} left {beside} beside it"
    assert not (tmp_path / "out.xlsx").exists() and not (tmp_path / "out.pdf").exists()
    with pytest.raises(KnownError):
        open_store(path, allow_read_only=True)


def test_foreign_empty_file_is_never_adopted_by_export(tmp_path: Path, capsys) -> None:
    path = odd_file("foreign_empty", tmp_path / "other.db")
    before = digest(path)
    code, _, err = run_cli(["export", "ledger", str(path), "--out", str(tmp_path / "x.xlsx")], capsys)
    assert code == 2 and "another program" in err
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()
    assert digest(path) == before


def test_our_file_cut_short_while_being_made(tmp_path: Path, capsys) -> None:
    """Marked as ours (the mark is written first) but with no tables: the look-only commands say so;
    opening it finishes making it."""
    path = odd_file("marked_no_tables", tmp_path / "half.gridboard")
    for argv in (["check", str(path)], ["stats", str(path)]):
        code, _, err = run_cli(argv, capsys)
        assert code == 2 and "never finished" in err and "Traceback" not in err
    store = open_store(path)
    assert store.scalar("SELECT count(*) FROM tag WHERE builtin = 1") == 12
    store.close()


def test_schema_marker_99_is_refused_by_name(tmp_path: Path) -> None:
    path = odd_file("schema99", tmp_path / "new.gridboard")
    with pytest.raises(TooNewFile, match="schema 99"):
        open_store(path)
    with pytest.raises(TooNewFile):
        open_read_only(path)


def test_a_folder_or_a_missing_folder_is_a_message(tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(["check", str(tmp_path)], capsys)
    assert code == 2 and "Traceback" not in err
    with pytest.raises(NotAGridboardFile):
        open_store(tmp_path)
    with pytest.raises(NotAGridboardFile, match="no folder"):
        open_store(tmp_path / "nowhere" / "x.gridboard", create=True)


def test_odd_files_end_to_end_print_no_traceback(tmp_path: Path) -> None:
    """The installed command, as an office would run it: a message on stderr, exit 2."""
    path = odd_file("foreign_tables", tmp_path / "发票.gridboard")
    for argv in (["check", str(path)], ["export", "ledger", str(path), "--out", str(tmp_path / "x.csv")]):
        result = subprocess.run(
            [sys.executable, "-m", "gridboard", *argv],
            capture_output=True,
            text=True,
            env=child_env(),
            check=False,
        )
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "not a gridboard file" in result.stderr
