"""Files written for people (PDF, xlsx, CSV): under a temporary name, checked, then renamed into place.

A full disk does not always raise: Qt's PDF writer drops what it cannot write and says nothing. So every
output is checked after writing (a PDF's header and trailer, an xlsx's zip directory), and only a
complete file replaces the target. On any failure the target is left as it was and the error says so.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gridboard.models.errors import QT_TRANSLATE_NOOP, KnownError, StorageError, storage_error

KINDS = ("pdf", "xlsx", "csv", "png")


class OutputFailed(StorageError):
    """An output came out incomplete (a full disk, a vanished folder); the target was not replaced."""


INCOMPLETE = QT_TRANSLATE_NOOP(
    "Errors",
    "{path} could not be written completely ({reason}); nothing was saved there. The disk may be full:"
    " free some space, or choose another folder, and try again.",
)


def partial_path(target: Path) -> Path:
    return target.with_name(target.name + ".partial")


@contextmanager
def replacing(target: str | os.PathLike[str], kind: str) -> Iterator[Path]:
    """`with replacing(path, "pdf") as partial:` write `partial`; it is checked, then renamed to `path`.

    Raises a KnownError (`OutputFailed`, `DiskFull`, `ReadOnlyFile`...) when the file could not be
    written whole or put in place; bugs in the block propagate as they are.
    """
    final = Path(target)
    partial = begin(final)
    try:
        yield partial
    except BaseException as error:
        discard(partial)
        if isinstance(error, OSError):
            raise _known(error, final) from error
        raise
    finish(partial, final, kind)


def begin(final: Path) -> Path:
    """The temporary name to write `final` under (an old one left by a crash is removed)."""
    partial = partial_path(final)
    try:
        partial.unlink(missing_ok=True)
    except OSError as error:
        raise _known(error, final) from error
    return partial


def finish(partial: Path, final: Path, kind: str) -> None:
    """Check `partial`, flush it to the disk and rename it to `final`; on failure remove it and raise."""
    try:
        verify(partial, kind, shown_as=final)
        _flush_to_disk(partial)
        os.replace(partial, final)
    except BaseException as error:
        discard(partial)
        if isinstance(error, OSError):
            raise _known(error, final) from error
        raise


def discard(partial: Path) -> None:
    try:
        partial.unlink(missing_ok=True)
    except OSError:
        pass


def verify(path: Path, kind: str, *, shown_as: Path | None = None) -> None:
    """Raise `OutputFailed` unless `path` is a complete file of its kind."""
    shown = str(shown_as or path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise OutputFailed(INCOMPLETE, path=shown, reason=error.strerror or str(error)) from error
    if size == 0:
        raise OutputFailed(INCOMPLETE, path=shown, reason="0 bytes")
    with path.open("rb") as handle:
        head = handle.read(8)
        handle.seek(max(0, size - 2048))
        tail = handle.read()
    if kind == "pdf":
        if not head.startswith(b"%PDF-") or b"%%EOF" not in tail or b"startxref" not in tail:
            raise OutputFailed(INCOMPLETE, path=shown, reason="the PDF has no end")
    elif kind == "xlsx":
        try:
            with zipfile.ZipFile(path) as book:
                names = set(book.namelist())
                broken = book.testzip()
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise OutputFailed(INCOMPLETE, path=shown, reason=f"not a whole workbook: {error}") from error
        if broken is not None or "[Content_Types].xml" not in names:
            raise OutputFailed(INCOMPLETE, path=shown, reason="not a whole workbook")
    elif kind == "png":
        if not head.startswith(b"\x89PNG") or b"IEND" not in tail:
            raise OutputFailed(INCOMPLETE, path=shown, reason="the image has no end")
    elif kind == "csv":
        if not tail.endswith(b"\n"):
            raise OutputFailed(INCOMPLETE, path=shown, reason="the last line is cut off")
    else:
        raise ValueError(f"unknown output kind {kind!r}")


class GuardedFile(io.RawIOBase):
    """A file that keeps its first write error instead of raising it, and raises it on `check()`.

    For writers that leave a half-open object behind when a write fails (openpyxl's ZipFile then
    fails again when it is collected, far from here): they finish normally, then we fail once.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.file = path.open("wb")
        self.error: OSError | None = None
        self.position = 0
        self.size = 0
        self._at = 0  # where the real file's cursor is

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        size = len(data)
        if self.error is None:
            try:
                if self._at != self.position:
                    self.file.seek(self.position)
                self.file.write(data)
                self._at = self.position + size
            except OSError as error:
                self.error = error
        self.position += size
        self.size = max(self.size, self.position)
        return size

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        self.position = base + offset
        return self.position

    def flush(self) -> None:
        if self.error is None and not self.file.closed:
            try:
                self.file.flush()
            except OSError as error:
                self.error = error

    def close(self) -> None:
        if not self.file.closed:
            self.flush()
            try:
                self.file.close()
            except OSError as error:
                self.error = self.error or error
        super().close()

    def check(self) -> None:
        """Close, then raise the first write error, if there was one."""
        self.close()
        if self.error is not None:
            raise self.error


def _flush_to_disk(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # not every file system can (some network shares); the file is complete all the same
    finally:
        os.close(fd)


def _known(error: OSError, target: Path) -> KnownError:
    if not error.filename or str(error.filename).endswith(".partial"):
        error.filename = str(target)  # name the file the user asked for, not our temporary one
    return storage_error(error, target) or OutputFailed(INCOMPLETE, path=str(target), reason=str(error))
