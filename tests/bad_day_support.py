"""Helpers for the bad-day tests: odd paths and files, small and read-only disks, other processes that
hold a file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Names offices really give folders and files, and what a URI must escape.
ODD_NAMES = [
    "3#楼",
    "100%20full",
    "谁?哪个",
    "with space",
    "a%b#c?d&e=f",
    "网格 第一 (2024)",
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("mount") is not None


@contextmanager
def small_disk(tmp_path: Path, size_kib: int) -> Iterator[Path]:
    """A real file system of `size_kib` KiB (tmpfs), or a skip where this machine cannot mount one."""
    if not can_mount():
        pytest.skip("a small file system needs root and mount (Linux); simulated with max_page_count instead")
    folder = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"mount refused here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextmanager
def read_only_view(folder: Path) -> Iterator[Path]:
    """The same folder seen through a read-only mount (EROFS, which root cannot write past either)."""
    if not can_mount():
        pytest.skip("a read-only mount needs root and mount (Linux)")
    view = folder.with_name(folder.name + "-ro")
    view.mkdir()
    steps = [
        ["mount", "--bind", str(folder), str(view)],
        ["mount", "-o", "remount,bind,ro", str(view)],
    ]
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            subprocess.run(["umount", "-l", str(view)], check=False)
            pytest.skip(f"mount refused here: {result.stderr.strip()}")
    try:
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)


def needs_permissions() -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("root writes to read-only files anyway; the read-only mount test covers this as root")


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


class Holder:
    """Another process with the file open: `mode` "app" (gridboard's write lock, as a second copy of
    the app) or "sqlite" (SQLite's own write lock, held in a transaction: an import, a copy tool)."""

    def __init__(self, path: Path, mode: str, *, operator: str = "李四") -> None:
        script = {
            "app": f"""
                from gridboard.models.opening import open_store
                store = open_store({str(path)!r}, operator={operator!r})
                print("ready", flush=True)
                sys.stdin.read()
                store.close()
            """,
            "sqlite": f"""
                from gridboard.models.store import connect
                conn = connect({str(path)!r})
                conn.isolation_level = None
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("UPDATE household SET notes = notes WHERE id = (SELECT min(id) FROM household)")
                print("ready", flush=True)
                sys.stdin.read()
                conn.execute("ROLLBACK")
                conn.close()
            """,
        }[mode]
        self.process = subprocess.Popen(
            [sys.executable, "-c", "import sys\n" + textwrap.dedent(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        line = self.process.stdout.readline().strip()
        if line != "ready":
            self.process.kill()
            raise AssertionError(f"holder did not start: {line} {self.process.stderr.read()}")

    def release(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)
        self.release()

    def __enter__(self) -> Holder:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream and not stream.closed:
                stream.close()


def odd_file(kind: str, path: Path) -> Path:
    """A file that is not (or not yet, or no longer) one this gridboard may open."""
    from gridboard.models.opening import open_store
    from gridboard.models.store import APPLICATION_ID

    if kind == "schema99":
        open_store(path, create=True).close()
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    elif kind == "future_step":
        open_store(path, create=True).close()
        conn = sqlite3.connect(path)
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('gridboard', 'm099_future', 'x')"
        )
        conn.commit()
        conn.close()
    elif kind == "foreign_empty":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version = 3")  # another program's empty database: a header, no tables
        conn.commit()
        conn.close()
    elif kind == "foreign_tables":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
        conn.commit()
        conn.close()
    elif kind == "marked_no_tables":
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.commit()
        conn.close()
    elif kind == "text":
        path.write_text("户主,电话\n张三,138\n", encoding="utf-8")
    elif kind == "zip":
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    elif kind == "truncated":
        open_store(path, create=True).close()
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    else:
        raise ValueError(kind)
    return path


ODD_KINDS = [
    "schema99",
    "future_step",
    "foreign_empty",
    "foreign_tables",
    "text",
    "zip",
    "truncated",
]
