"""The lock beside an open file: one copy of gridboard writes to a file at a time, and the others can say who.

`NAME.gridboard.lock` holds an operating-system lock (flock, or a byte-range lock on Windows) for as
long as the copy that writes keeps the file open, and says which PC, operator and process that is. The
system drops the lock when that process ends in any way (closed, crashed, killed, the PC switched off),
so a lock is never stale; the file left behind is rewritten by the next copy that takes it. Within one
process every Store on the same file shares one lock (worker threads open their own connections).
"""

from __future__ import annotations

import errno
import json
import os
import platform
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

LOCK_SUFFIX = ".lock"
# Windows locks bytes, and a locked byte cannot be read: lock one far past the text that names the holder.
_WINDOWS_LOCK_OFFSET = 0x7FFF_0000


@dataclass(frozen=True)
class Holder:
    """Who has the file open for writing."""

    host: str = ""
    operator: str = ""
    pid: int = 0
    since: str = ""  # local time, "YYYY-MM-DD HH:MM"


class Held(Exception):
    """Another copy of gridboard holds the lock."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(f"held by {holder.operator or '?'} on {holder.host or '?'} (pid {holder.pid})")
        self.holder = holder


class Unsupported(Exception):
    """The file system cannot lock (some network shares): the file is opened without a lock."""


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(lock_path(path)))


class WriteLock:
    """This process's lock on one file; `release()` once per `acquire()` that returned it."""

    def __init__(self, key: str, path: Path, fd: int) -> None:
        self.key = key
        self.path = path
        self.fd = fd
        self.users = 1

    def release(self) -> None:
        with _registry_lock:
            self.users -= 1
            if self.users > 0:
                return
            _registry.pop(self.key, None)
            try:
                # Removed while still held: a copy that opened the old file notices (another inode) and
                # retries, so two copies never both think they hold it.
                self.path.unlink()
            except OSError:
                pass  # Windows will not remove an open file; the next holder rewrites it
            try:
                _unlock(self.fd)
            finally:
                os.close(self.fd)


_registry: dict[str, WriteLock] = {}
_registry_lock = threading.Lock()


def acquire(path: Path, operator: str) -> WriteLock:
    """Take the lock beside `path`, or raise `Held` naming who has it.

    Raises OSError when no lock file can be made there (a read-only folder): the caller opens read only;
    `Unsupported` when the file system has no locks at all.
    """
    key = _key(path)
    target = lock_path(path)
    with _registry_lock:
        mine = _registry.get(key)
        if mine is not None:
            mine.users += 1
            return mine
        for _attempt in range(5):
            fd, writable = _open(target)
            try:
                if not _try_lock(fd):
                    raise Held(_read_holder(fd))
                try:
                    same = os.fstat(fd).st_ino == os.stat(target).st_ino
                except FileNotFoundError:
                    same = False
                if not same:
                    _unlock(fd)
                    os.close(fd)
                    continue
                if writable:
                    _write_holder(fd, operator)
            except BaseException:
                try:
                    os.close(fd)
                except OSError:
                    pass
                raise
            lock = WriteLock(key, target, fd)
            _registry[key] = lock
            return lock
        raise Held(Holder())  # the file kept changing under us: someone else is taking it right now


def _open(target: Path) -> tuple[int, bool]:
    try:
        return os.open(target, os.O_RDWR | os.O_CREAT, 0o666), True
    except PermissionError:
        if not target.exists():
            raise
        # Left by another user of this folder: a lock can still be taken on it, only not written.
        return os.open(target, os.O_RDONLY), False


def _write_holder(fd: int, operator: str) -> None:
    text = json.dumps(
        {
            "program": "gridboard",
            "host": platform.node(),  # the PC's name, as the office knows it
            "operator": operator,
            "pid": os.getpid(),
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
        },
        ensure_ascii=False,
    ).encode("utf-8")
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text + b"\n")
        os.ftruncate(fd, len(text) + 1)
        os.fsync(fd)
    except OSError:
        pass  # a full disk, or a network file system that refuses fsync: the lock itself still holds


def _read_holder(fd: int) -> Holder:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8"))
        return Holder(
            host=str(data.get("host", "")),
            operator=str(data.get("operator", "")),
            pid=int(data.get("pid", 0)),
            since=str(data.get("since", "")),
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return Holder()  # taken a moment ago and not written yet, or written by something else


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES):  # held elsewhere
                return False
            if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
                raise Unsupported(str(error)) from error
            raise
        return True

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass
