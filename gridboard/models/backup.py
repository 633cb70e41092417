"""Backups that fit an office PC: the day's copy made in the background from a connection of its own,
compressed, kept on a schedule (7 daily, 4 weekly, 12 monthly); "back up now" to any folder; restore
into a new file, never over the open one.

A backup is a consistent snapshot (SQLite's online backup inside one read transaction: readers and
writers go on, the copy is the file as of one moment) without what can be made again from the rest:
its indexes (rebuilt on restore from their own SQL, kept in the copy) and the tallies (emptied, and
counted again on restore, as `tallies.repair` does for any file). A small `.json` beside it says when
it was made and what it holds, so the restore list needs no unpacking.

Two forms:
- `.gridboard.gz`: one gzip file, for "back up now" to any folder (a USB stick carries one file).
  A protected file's "back up now" writes a sealed pack instead (below), with `chunks/` beside it:
  the encrypted copy in a gzip file would not compress. Restore lists both forms the same way.
- `.gridboard.pack`, the day's backups: the snapshot cut into 64 KiB pieces, each stored once,
  zlib-compressed, in `chunks/` under the backups folder, named by its SHA-256; the pack lists them.
  A day's work touches few pages of a file, so a day's backup writes only the pieces that changed
  and the kept set (7 daily, 4 weekly, 12 monthly) costs about one full copy plus the changes
  between them (restic's way, one level simpler). Pruning drops a pack, then every piece no pack
  lists any more.

A protected file's pack ("sealed") is cut the same way from the plaintext of its pages, which never
reach the disk: the snapshot is itself protected, and its pages are decrypted in memory
(`cipher_pages`) one piece at a time. Each piece is named by an HMAC under a key derived from the
file's (a name says nothing of what the piece holds), compressed, then sealed with AES-256-GCM (the
name is its associated data) under another derived key. The pack lists the file's salt and layout and
a check value of the key, so restoring asks for the passphrase, refuses a wrong one before writing
anything, and writes a protected file again, page by page, encrypted as SQLCipher writes it.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import hmac
import json
import os
import re
import shutil
import sqlite3
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gridboard.models import cipher, cipher_pages, tallies
from gridboard.models.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAGridboardFile
from gridboard.models.store import APPLICATION_ID, FILE_SUFFIX, Store, connect, connect_read_only

Progress = Callable[[int, int], None]
SUFFIX = FILE_SUFFIX + ".gz"
PACK_SUFFIX = FILE_SUFFIX + ".pack"
PACK_FORMAT = "gridboard-pack-1"
SEALED_FORMAT = "gridboard-pack-sealed-1"  # a protected file's: an older gridboard says "not a pack"
CHUNKS = "chunks"
CHUNK = 1 << 20
PIECE = 1 << 16  # a pack's pieces: 16 pages of 4 KiB (4 of a protected file's 16 KiB)
# A piece no pack lists is removed only when older than this: a backup running in another copy of
# gridboard may be about to list it (it touches the pieces it reuses).
ORPHAN_SECONDS = 3600
INDEX_TABLE = "_backup_index"
DAY_NAME = re.compile(r"-(\d{4}-\d{2}-\d{2})" + re.escape(FILE_SUFFIX) + r"(\.gz|\.pack)?$")


@dataclass(frozen=True)
class Schedule:
    """How many of the newest days, weeks and months keep a backup (restic's keep-daily/weekly/monthly)."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


SCHEDULE = Schedule()
# Kept for callers of the old API: the day's copies are now kept by SCHEDULE.
KEEP = SCHEDULE.daily


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: str
    size: int
    households: int | None
    visits: int | None
    source: str = ""


def backup_folder(path: Path) -> Path:
    return path.with_name(f"{path.stem}-backups")


def backup_path(path: Path, day: date) -> Path:
    return backup_folder(path) / f"{path.stem}-{day.isoformat()}{PACK_SUFFIX}"


def _made_for(path: Path, day: date) -> bool:
    """Today's copy exists (a pack, or a gzip or uncompressed one from an older gridboard)."""
    stem = backup_folder(path) / f"{path.stem}-{day.isoformat()}"
    return any(Path(f"{stem}{suffix}").exists() for suffix in (PACK_SUFFIX, SUFFIX, FILE_SUFFIX))


def needs_daily_backup(store: Store, day: date | None = None) -> bool:
    """True when today's copy is still to be made. A read-only Store makes none: the copy of gridboard
    that writes to the file makes them, and a read-only file does not change."""
    return (
        store.path is not None and store.read_only is None and not _made_for(store.path, day or date.today())
    )


def write_backup(source: Store | Path, target: Path, progress: Progress | None = None) -> Path:
    """A compressed snapshot of the file at `source` (a Store's path or a path) written to `target`:
    a pack when its name ends in `.gridboard.pack` (pieces in `chunks/` beside it), else one gzip file.

    Reads through a connection of its own, so it can run in a background thread while the window
    works on. `progress(done, total)` may raise `Cancelled`; a partial backup never remains. A full
    disk or a missing folder raises sqlite3.Error or OSError.
    """
    path = Path(source.path) if isinstance(source, Store) else Path(source)  # type: ignore[arg-type]
    target.parent.mkdir(parents=True, exist_ok=True)
    snapshot = target.with_name(target.name + ".partial-db")
    partial = target.with_name(target.name + ".partial")
    meta_partial = target.with_name(target.name + ".json.partial")
    for leftover in (snapshot, partial, meta_partial):
        leftover.unlink(missing_ok=True)
    cipher.key_like(path, snapshot)  # a protected file's snapshot is protected the same way
    try:
        meta = _snapshot(path, snapshot, progress)
        if target.name.endswith(PACK_SUFFIX):
            meta.update(_pack(snapshot, partial, target.parent / CHUNKS, progress, sealer_for(snapshot)))
        else:
            _compress(snapshot, partial, progress)
            meta["size"] = partial.stat().st_size
        meta_partial.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        partial.replace(target)
        meta_partial.replace(_meta_path(target))
    except BaseException:
        for leftover in (partial, meta_partial):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(str(snapshot) + suffix).unlink(missing_ok=True)
    return target


def _snapshot(path: Path, snapshot: Path, progress: Progress | None) -> dict:
    """The file as of one moment, without its indexes; returns what it holds."""
    source = connect_read_only(path)
    source.isolation_level = None
    try:
        dest = connect(snapshot, mode="rwc")
    except BaseException:
        source.close()
        raise
    try:
        # One read transaction for the whole copy: other connections' writes do not restart it.
        source.execute("BEGIN")
        households = source.execute("SELECT count(*) FROM household WHERE archived_at IS NULL").fetchone()[0]
        visits = source.execute("SELECT count(*) FROM visit WHERE withdrawn_at IS NULL").fetchone()[0]
        made_at = datetime.now().replace(microsecond=0).isoformat(sep=" ")

        def report(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, 2 * total)

        source.backup(dest, pages=1024, progress=report)
        source.execute("COMMIT")
        # A copy of the wrong file (an unescaped path once gave an empty one) is no backup.
        if dest.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise OSError(errno.EIO, "the copy is not a gridboard file", str(snapshot))
        # Indexes are derived: their SQL stays in the copy, their pages are zeroed (compress to nothing).
        dest.execute("PRAGMA journal_mode = OFF")
        dest.execute("PRAGMA secure_delete = ON")
        indexes = dest.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
        dest.execute(f"CREATE TABLE {INDEX_TABLE} (name TEXT, sql TEXT)")
        dest.executemany(f"INSERT INTO {INDEX_TABLE} VALUES (?, ?)", indexes)
        for name, _sql in indexes:
            dest.execute(f'DROP INDEX "{name}"')
        # The tallies are derived too: emptied here (their pages zeroed), counted again on restore.
        present = {r[0] for r in dest.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in [t for m in tallies.MODULES for t in m.TABLES] + ["tally_state"]:
            if table in present:
                dest.execute(f'DELETE FROM "{table}"')
        dest.commit()
    finally:
        dest.close()
        source.close()
    return {"made_at": made_at, "households": households, "visits": visits, "source": path.name}


def _compress(snapshot: Path, target: Path, progress: Progress | None) -> None:
    total = snapshot.stat().st_size
    done = 0
    with snapshot.open("rb") as raw, gzip.open(target, "wb", compresslevel=6) as packed:
        while chunk := raw.read(CHUNK):
            packed.write(chunk)
            done += len(chunk)
            if progress is not None:
                progress(total + done, 2 * total)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


class Sealer:
    """A protected file's pieces: named by a keyed hash, compressed, then sealed (AES-256-GCM), under
    two keys derived from the file's key (HMAC-SHA256 with a label each)."""

    def __init__(self, key: bytes, salt: bytes, layout: str) -> None:
        self.codec = cipher_pages.PageCodec(key, salt, layout)
        self._names = hmac.new(key, b"gridboard pack: piece names", hashlib.sha256).digest()
        self._aead = AESGCM(hmac.new(key, b"gridboard pack: piece contents", hashlib.sha256).digest())

    @property
    def check(self) -> str:
        """Shows that a key is this pack's, and nothing else (a keyed hash of a fixed text)."""
        return hmac.new(self._names, b"gridboard pack: key check", hashlib.sha256).hexdigest()[:32]

    def describe(self) -> dict:
        return {
            "cipher": "AES-256-GCM",
            "salt": self.codec.salt.hex(),
            "layout": self.codec.layout,
            "check": self.check,
        }

    def name(self, piece: bytes) -> str:
        return hmac.new(self._names, piece, hashlib.sha256).hexdigest()[:40]

    def seal(self, name: str, packed: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, packed, name.encode("ascii"))

    def open(self, name: str, stored: bytes) -> bytes:
        try:
            return self._aead.decrypt(stored[:12], stored[12:], name.encode("ascii"))
        except InvalidTag as error:
            raise sqlite3.DatabaseError(f"piece {name} is damaged") from error

    def plain_pieces(self, raw, first: int = 1):
        """The protected snapshot's plaintext, a piece at a time (in memory only)."""
        number = first
        while block := raw.read(PIECE):
            pages = []
            for offset in range(0, len(block), cipher_pages.PAGE):
                pages.append(self.codec.decrypt(block[offset : offset + cipher_pages.PAGE], number))
                if number == 1 and not self.codec.looks_right(pages[0], APPLICATION_ID):
                    raise OSError(errno.EIO, "the protected copy does not decrypt as expected", str(raw.name))
                number += 1
            yield b"".join(pages)

    def encrypted(self, piece: bytes, first: int) -> bytes:
        """A plaintext piece's pages as SQLCipher writes them, `first` being its first page's number."""
        size = cipher_pages.PAGE
        return b"".join(
            self.codec.encrypt(piece[o : o + size], first + o // size) for o in range(0, len(piece), size)
        )


def sealer_for(path: Path) -> Sealer | None:
    """The sealer of a protected file's packs (its key must be known in this run), None for a plain one."""
    found = cipher.key_for(path)
    if found is None:
        return None
    return Sealer(found[0], found[1], cipher.layout_of(path) or cipher.NEW_LAYOUT)


def _pack(
    snapshot: Path, manifest: Path, chunks: Path, progress: Progress | None, sealer: Sealer | None = None
) -> dict:
    """Cut the snapshot into pieces, store the ones the chunk folder lacks, write the list to
    `manifest`; returns the pack's sizes (all its pieces, and what this backup added). With a
    sealer (a protected snapshot), the pieces are cut from the pages' plaintext and sealed."""
    if sealer is not None and (
        PIECE % cipher_pages.PAGE or snapshot.stat().st_size % cipher_pages.PAGE
    ):  # pragma: no cover - the layouts are all 16 KiB pages
        raise OSError(errno.EIO, "a protected copy is whole pages", str(snapshot))
    total = snapshot.stat().st_size
    pieces: list[str] = []
    size = added = 0
    done = 0
    now = time.time()
    with snapshot.open("rb") as raw:
        source = sealer.plain_pieces(raw) if sealer is not None else iter(lambda: raw.read(PIECE), b"")
        for piece in source:
            name = sealer.name(piece) if sealer is not None else hashlib.sha256(piece).hexdigest()[:40]
            stored = chunks / name[:2] / name
            try:
                os.utime(stored, (now, now))  # listed again: not an orphan for another copy's pruning
                size += stored.stat().st_size
            except FileNotFoundError:
                packed = zlib.compress(piece, 6)
                if sealer is not None:
                    packed = sealer.seal(name, packed)
                stored.parent.mkdir(parents=True, exist_ok=True)
                partial = stored.with_name(name + ".partial")
                partial.write_bytes(packed)
                partial.replace(stored)
                size += len(packed)
                added += len(packed)
            pieces.append(name)
            done += len(piece)
            if progress is not None:
                progress(total + done, 2 * total)
    listing: dict = {"format": PACK_FORMAT, "piece": PIECE, "bytes": total, "pieces": pieces}
    if sealer is not None:
        listing.update(format=SEALED_FORMAT, sealed=sealer.describe())
    manifest.write_text(json.dumps(listing), encoding="utf-8")
    with manifest.open("rb+") as handle:
        os.fsync(handle.fileno())
    return {"size": size, "added": added, "bytes": total}


def _read_manifest(backup: Path) -> dict:
    try:
        manifest = json.loads(backup.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise sqlite3.DatabaseError(f"unreadable pack: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") not in (PACK_FORMAT, SEALED_FORMAT):
        raise sqlite3.DatabaseError("not a gridboard pack")
    return manifest


def is_sealed(backup: Path) -> bool:
    """A protected file's pack (restoring it needs the file's passphrase)."""
    if not Path(backup).name.endswith(PACK_SUFFIX):
        return False
    try:
        return _read_manifest(Path(backup)).get("format") == SEALED_FORMAT
    except sqlite3.DatabaseError:
        return False


def sealed_key(backup: Path, *, passphrase: str | None = None, open_file: Path | None = None) -> Sealer:
    """The sealer that opens a protected file's pack: from `passphrase`, or the open file's key when
    the pack is that file's (the same salt). A wrong or missing passphrase is refused in words."""
    manifest = _read_manifest(Path(backup))
    described = manifest.get("sealed") or {}
    try:
        salt = bytes.fromhex(described["salt"])
        layout = str(described["layout"])
        check = str(described["check"])
    except (KeyError, TypeError, ValueError) as error:
        raise sqlite3.DatabaseError(f"unreadable pack: {error}") from error
    if layout not in cipher.LAYOUTS:
        raise sqlite3.DatabaseError(f"unknown layout {layout}")
    keys = []
    if passphrase:
        keys.append(cipher.derive(passphrase, salt))
    elif open_file is not None and (found := cipher.key_for(open_file)) is not None and found[1] == salt:
        keys.append(found[0])
    for key in keys:
        sealer = Sealer(key, salt, layout)
        if hmac.compare_digest(sealer.check, check):
            return sealer
    if not passphrase:
        raise BackupPassphraseNeeded(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is the backup of a protected file: its passphrase is needed."
            ),
            path=str(backup),
        )
    raise cipher.WrongPassphrase(
        QT_TRANSLATE_NOOP("Errors", "That passphrase does not open the backup {path}. Nothing was written."),
        path=str(backup),
    )


class BackupPassphraseNeeded(cipher.PassphraseNeeded):
    """A protected file's backup, and no key for it in this run."""


def _unpack(backup: Path, target: Path, progress: Progress | None, sealer: Sealer | None = None) -> None:
    manifest = _read_manifest(backup)
    if (manifest.get("format") == SEALED_FORMAT) != (sealer is not None):
        raise sqlite3.DatabaseError("a protected file's pack is opened with its key")
    chunks = backup.parent / CHUNKS
    pieces = manifest["pieces"]
    page = 1
    with target.open("wb") as raw:
        for index, name in enumerate(pieces):
            try:
                stored = (chunks / name[:2] / name).read_bytes()
                piece = zlib.decompress(sealer.open(name, stored) if sealer is not None else stored)
            except (OSError, zlib.error) as error:
                raise sqlite3.DatabaseError(f"piece {name} is missing or damaged ({error})") from error
            expected = sealer.name(piece) if sealer is not None else hashlib.sha256(piece).hexdigest()[:40]
            if expected != name:
                raise sqlite3.DatabaseError(f"piece {name} is damaged")
            if sealer is not None:
                if len(piece) % cipher_pages.PAGE:
                    raise sqlite3.DatabaseError(f"piece {name} is not whole pages")
                raw.write(sealer.encrypted(piece, page))  # encrypted again before it is written
                page += len(piece) // cipher_pages.PAGE
            else:
                raw.write(piece)
            if progress is not None:
                progress(index + 1, 2 * len(pieces))


def collect_pieces(folder: Path, *, older_than: float = ORPHAN_SECONDS) -> int:
    """Remove the pieces no pack in `folder` lists any more (older than `older_than` seconds);
    returns how many went."""
    chunks = folder / CHUNKS
    if not chunks.is_dir():
        return 0
    listed: set[str] = set()
    for pack in folder.glob(f"*{PACK_SUFFIX}"):
        try:
            listed.update(json.loads(pack.read_text(encoding="utf-8"))["pieces"])
        except (OSError, ValueError, KeyError):
            return 0  # a pack that cannot be read: remove nothing it might list
    removed = 0
    limit = time.time() - older_than
    for sub in chunks.iterdir():
        for stored in sub.iterdir() if sub.is_dir() else ():
            if stored.name not in listed and stored.stat().st_mtime < limit:
                stored.unlink(missing_ok=True)
                removed += 1
    return removed


def _meta_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def daily_backup(
    store: Store,
    *,
    day: date | None = None,
    schedule: Schedule = SCHEDULE,
    progress: Progress | None = None,
    keep: int | None = None,
) -> Path | None:
    """Today's backup if there is none yet, then the schedule's pruning (and the migration copies')."""
    if store.path is None:
        return None
    day = day or date.today()
    if keep is not None:
        schedule = Schedule(daily=keep, weekly=0, monthly=0)
    made = None
    if not _made_for(store.path, day):
        made = write_backup(store.path, backup_path(store.path, day), progress)
    prune(store.path, schedule=schedule)
    prune_migration_copies(store.path, today=day)
    return made


def now_suffix(path: Path) -> str:
    """The form "back up now" writes: one gzip file for a plain file; a sealed pack (its pieces in
    `chunks/` beside it) for a protected one, whose encrypted copy would not compress."""
    return PACK_SUFFIX if cipher.is_protected(path) else SUFFIX


def backup_now(store: Store, folder: Path, progress: Progress | None = None) -> Path:
    """A backup to any folder (a USB stick), named with the moment; never pruned."""
    assert store.path is not None
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    name = f"{store.path.stem}-{stamp}{now_suffix(store.path)}"
    return write_backup(store.path, Path(folder) / name, progress)


def stored_size(backup: Path) -> int:
    """The bytes a backup takes: a gzip file's own, a pack's pieces (shared with other packs)."""
    if backup.name.endswith(PACK_SUFFIX):
        return int(_read_meta(backup).get("size") or 0)
    return backup.stat().st_size


def _daily_backups(path: Path) -> list[tuple[date, Path]]:
    found = []
    for candidate in backup_folder(path).glob(f"{path.stem}-????-??-??{FILE_SUFFIX}*"):
        match = DAY_NAME.search(candidate.name)
        if match and candidate.name.startswith(f"{path.stem}-") and not candidate.name.endswith(".json"):
            found.append((date.fromisoformat(match.group(1)), candidate))
    return sorted(found, reverse=True)


def kept_days(days: list[date], schedule: Schedule) -> set[date]:
    """The days whose backup the schedule keeps: the newest backup of each of the newest `daily` days,
    `weekly` ISO weeks and `monthly` months that have one."""
    keep: set[date] = set()
    for count, bucket in (
        (schedule.daily, lambda d: d),
        (schedule.weekly, lambda d: d.isocalendar()[:2]),
        (schedule.monthly, lambda d: (d.year, d.month)),
    ):
        seen: set = set()
        for day in sorted(days, reverse=True):
            key = bucket(day)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(day)
    return keep


def prune(path: Path, *, schedule: Schedule = SCHEDULE) -> list[Path]:
    """Remove the day's backups the schedule no longer keeps; returns what was removed."""
    backups = _daily_backups(path)
    keep = kept_days([day for day, _ in backups], schedule)
    removed = []
    for day, backup in backups:
        if day not in keep:
            backup.unlink(missing_ok=True)
            _meta_path(backup).unlink(missing_ok=True)
            removed.append(backup)
    if removed:
        collect_pieces(backup_folder(path))
    return removed


def prune_migration_copies(
    path: Path, *, today: date | None = None, keep: int = 2, days: int = 30
) -> list[Path]:
    """The `NAME.before-STEP.gridboard` copies a migration leaves: the newest `keep` stay, and any made
    in the last `days` days; older ones go (the day's backups cover them)."""
    today = today or date.today()
    copies = sorted(
        path.parent.glob(f"{path.stem}.before-*{FILE_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    removed = []
    for index, copy in enumerate(copies):
        made = date.fromtimestamp(copy.stat().st_mtime)
        if index >= keep and made < today - timedelta(days=days):
            copy.unlink(missing_ok=True)
            removed.append(copy)
    return removed


def list_backups(path_or_folder: Path) -> list[BackupInfo]:
    """Backups of a file (its backups folder) or in a folder, newest first, with what they hold."""
    folder = Path(path_or_folder)
    if folder.suffix == FILE_SUFFIX and not folder.is_dir():
        folder = backup_folder(folder)
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.iterdir():
        if candidate.name.endswith((SUFFIX, PACK_SUFFIX)):
            meta = _read_meta(candidate)
            found.append(
                BackupInfo(
                    path=candidate,
                    made_at=str(meta.get("made_at") or _mtime(candidate)),
                    # A pack's size is its pieces' (shared with the other days' packs), not its list's.
                    size=int(meta.get("size") or 0)
                    if candidate.name.endswith(PACK_SUFFIX)
                    else candidate.stat().st_size,
                    households=meta.get("households"),
                    visits=meta.get("visits"),
                    source=str(meta.get("source", "")),
                )
            )
        elif candidate.name.endswith(FILE_SUFFIX) and DAY_NAME.search(candidate.name):
            found.append(_plain_info(candidate))  # an uncompressed copy from an older gridboard
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def _read_meta(backup: Path) -> dict:
    try:
        return json.loads(_meta_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0).isoformat(sep=" ")


def _plain_info(path: Path) -> BackupInfo:
    households = visits = None
    try:
        conn = connect_read_only(path)
        try:
            households = conn.execute("SELECT count(*) FROM household WHERE archived_at IS NULL").fetchone()[
                0
            ]
            visits = conn.execute("SELECT count(*) FROM visit WHERE withdrawn_at IS NULL").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    return BackupInfo(path, _mtime(path), path.stat().st_size, households, visits)


def restore(
    backup: Path,
    target: Path,
    progress: Progress | None = None,
    *,
    open_file: Path | None = None,
    passphrase: str | None = None,
) -> Path:
    """Unpack `backup` into the new file `target` (never over an existing file or the open one).

    A protected file's backup is protected with the same key: the open file's (its own backups), or
    the one `passphrase` gives. A protected file's pack without either raises BackupPassphraseNeeded,
    with a wrong passphrase cipher.WrongPassphrase; neither writes anything."""
    backup, target = Path(backup), Path(target)
    if target.exists() or (open_file is not None and target.resolve() == Path(open_file).resolve()):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{path} already exists; a backup is restored into a new file."),
            path=str(target),
        )
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        # A protected file's pack: its key first, so a wrong passphrase writes nothing.
        sealer = sealed_key(backup, passphrase=passphrase, open_file=open_file) if is_sealed(backup) else None
        if sealer is not None:
            _unpack(backup, partial, progress, sealer)
            codec = sealer.codec
            cipher.remember(partial, codec.key, codec.salt, layout=codec.layout)
        elif backup.name.endswith(PACK_SUFFIX):
            _unpack(backup, partial, progress)
        elif backup.name.endswith(".gz"):
            total = backup.stat().st_size
            with gzip.open(backup, "rb") as packed, partial.open("wb") as raw:
                while chunk := packed.read(CHUNK):
                    raw.write(chunk)
                    if progress is not None:
                        progress(min(packed.fileobj.tell(), total), 2 * total)  # type: ignore[union-attr]
        else:
            shutil.copyfile(backup, partial)
        if sealer is None and passphrase:
            cipher.unlock(partial, passphrase)
        elif sealer is None and open_file is not None:
            cipher.key_like(open_file, partial)
        _rebuild_indexes(partial, backup)
        if progress is not None:
            progress(1, 1)
        partial.replace(target)
        cipher.key_like(partial, target)
        cipher.forget(partial)
    except (gzip.BadGzipFile, EOFError, sqlite3.DatabaseError) as error:
        partial.unlink(missing_ok=True)
        cipher.forget(partial)
        raise NotAGridboardFile(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a gridboard backup, or it is damaged ({error})."),
            path=str(backup),
            error=str(error),
        ) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        cipher.forget(partial)
        raise
    return target


def _rebuild_indexes(path: Path, backup: Path) -> None:
    conn = connect(path, mode="rw")
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise NotAGridboardFile(
                QT_TRANSLATE_NOOP("Errors", "{path} is not a gridboard backup, or it is damaged ({error})."),
                path=str(backup),
                error="application_id",
            )
        has_list = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [INDEX_TABLE]
        ).fetchone()
        # One transaction for the indexes and the counts (one sync to disk, not one per statement).
        if not conn.in_transaction:
            conn.execute("BEGIN")
        if has_list:
            for _name, sql in conn.execute(f"SELECT name, sql FROM {INDEX_TABLE}").fetchall():
                conn.execute(sql)
            conn.execute(f"DROP TABLE {INDEX_TABLE}")
        if not tallies.is_current(conn):  # a backup's tallies are left out: counted again here
            tallies.repair(conn)
        conn.commit()
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise sqlite3.DatabaseError("; ".join(problems))
    finally:
        conn.close()
