"""File menu: check a grid out and in, merge community files, save as, back up now, restore (issue 17).

Every change is previewed first (what will be added, updated, and which conflicts kept) and runs in
a worker thread on a Store of its own, with progress and cancel.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QInputDialog, QWidget

from gridboard.models import backup, cipher
from gridboard.models.errors import QT_TRANSLATE_NOOP, KnownError
from gridboard.models.store import FILE_SUFFIX, copy_database
from gridboard.sync import checkout as travel
from gridboard.sync.merge import MergeResult, merge_file, renew_identity
from gridboard.ui import ask
from gridboard.ui.features import Feature

if TYPE_CHECKING:
    from gridboard.ui.main_window import MainWindow

FILES = f"gridboard (*{FILE_SUFFIX})"
BACKUPS = QT_TRANSLATE_NOOP("Travel", "gridboard backups (*{0} *{1})")


def choose(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """The one seam for picking from a list (tests patch it)."""
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(item) if ok and item in items else None


def _install_menu(window: MainWindow, feature: TravelFeature) -> None:
    menu = window.menu("file")
    menu.addSeparator()
    window.add_action(
        "file", "actionCheckout", QCoreApplication.translate("Travel", "Check out a grid…"), feature.checkout
    )
    window.add_action(
        "file",
        "actionCheckin",
        QCoreApplication.translate("Travel", "Check a grid back in…"),
        feature.checkin,
    )
    window.add_action(
        "file",
        "actionMergeCommunities",
        QCoreApplication.translate("Travel", "Merge community files…"),
        feature.merge_communities,
    )
    window.add_action(
        "file",
        "actionCheckedOut",
        QCoreApplication.translate("Travel", "Grids checked out…"),
        feature.show_checked_out,
    )
    window.add_action(
        "file", "actionSaveAs", QCoreApplication.translate("Travel", "Save as…"), feature.save_as
    )
    window.add_action(
        "file", "actionBackupNow", QCoreApplication.translate("Travel", "Back up now to…"), feature.backup_now
    )
    window.add_action(
        "file",
        "actionRestore",
        QCoreApplication.translate("Travel", "Restore from a backup…"),
        feature.restore,
    )


class TravelFeature(QObject):
    needs: ClassVar[tuple[type[Feature], ...]] = ()

    def __init__(self, window: MainWindow) -> None:
        # No Qt parent and only a weak reference back: the window owns the feature, never the reverse,
        # so a closed window (and the timers of its views) goes away with its file.
        super().__init__()
        self._window = weakref.ref(window)
        _install_menu(window, self)

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None
        return window

    @property
    def store(self):
        return self.window.store

    def _run(self, title: str, work):
        try:
            # Imported when used: the import dialog's module brings the whole Excel importer with it.
            from gridboard.ui.exchange.dialog import run_on_own_store

            return run_on_own_store(self.window, title, self.store, work)
        except KnownError as error:
            ask.show_error(self.window, error)
            return None

    # -- checkout / checkin --------------------------------------------------------------------------

    def checkout(self) -> Path | None:
        grids = travel.grid_list(self.store)
        if not grids:
            return None
        index = choose(
            self.window,
            self.tr("Check out a grid"),
            self.tr("Grid to take to a laptop:"),
            [f"{community} · {name}" for _id, name, community in grids],
        )
        if index is None:
            return None
        grid_id, name, _community = grids[index]
        target = ask.save_file(self.window, self.tr("Check out a grid"), FILES, f"{name}{FILE_SUFFIX}")
        if not target:
            return None
        out = Path(target if target.endswith(FILE_SUFFIX) else target + FILE_SUFFIX)
        done = self._run(
            self.tr("Checking out {grid}…").format(grid=name),
            lambda own, progress: travel.checkout(own, grid_id=grid_id, out=out, progress=progress),
        )
        if done is None:
            return None
        result, _checkout = done
        self.window.notifier.refresh_all()
        ask.inform(
            self.window,
            self.tr("Check out a grid"),
            self.tr(
                "{grid} is checked out to {file}: {households} households, {visits} visits, {requests} open"
                " requests. Check it back in with File → Check a grid back in."
            ).format(
                grid=name,
                file=out.name,
                households=result.added.get("household", 0),
                visits=result.added.get("visit", 0),
                requests=result.added.get("request", 0),
            ),
        )
        return out

    def checkin(self) -> MergeResult | None:
        path = ask.open_file(self.window, self.tr("Check a grid back in"), FILES)
        if not path:
            return None
        return self._preview_then_merge(
            self.tr("Check a grid back in"),
            lambda own, progress, dry: travel.checkin(own, Path(path), dry_run=dry, progress=progress),
        )

    def merge_communities(self) -> MergeResult | None:
        path = ask.open_file(self.window, self.tr("Merge community files"), FILES)
        if not path:
            return None
        return self._preview_then_merge(
            self.tr("Merge community files"),
            lambda own, progress, dry: merge_file(own, path, kind="rollup", dry_run=dry, progress=progress),
        )

    def _preview_then_merge(self, title: str, work) -> MergeResult | None:
        preview = self._run(
            self.tr("Working out what will change…"), lambda own, progress: work(own, progress, True)
        )
        if preview is None:
            return None
        if preview.up_to_date:
            ask.inform(self.window, title, self.tr("Nothing new: this file already holds everything in it."))
            return preview
        if not ask.confirm(self.window, title, preview_text(preview)):
            return None
        result = self._run(self.tr("Merging…"), lambda own, progress: work(own, progress, False))
        if result is not None:
            self.window.notifier.refresh_all()
            if result.conflicts:
                ask.inform(
                    self.window,
                    title,
                    self.tr(
                        "{count} values changed on both sides were not kept; they are listed under"
                        " File → Grids checked out… and can be written to an .xlsx."
                    ).format(count=len(result.conflicts)),
                )
        return result

    def show_checked_out(self) -> None:
        from gridboard.ui.travel.lists import TravelListsDialog

        dialog = TravelListsDialog(self.window.store, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.lists_dialog = dialog

    # -- save as, backup, restore ---------------------------------------------------------------------

    def save_as(self) -> Path | None:
        if self.store.path is None:
            return None
        target = ask.save_file(self.window, self.tr("Save as"), FILES, self.store.path.name)
        if not target:
            return None
        out = Path(target if target.endswith(FILE_SUFFIX) else target + FILE_SUFFIX)
        if out.exists():
            ask.warn(
                self.window,
                self.tr("Save as"),
                self.tr("{path} already exists; choose another name.").format(path=out),
            )
            return None
        source = self.store.path

        def work(_own, _progress):
            copy_database(source, out)
            from gridboard.models.opening import open_store

            copy = open_store(out, check="none")
            try:
                with copy.atomic():
                    renew_identity(copy)  # a copy that goes its own way is another file
            finally:
                copy.close()
            return out

        if self._run(self.tr("Saving a copy…"), work) is None:
            return None
        ask.inform(self.window, self.tr("Save as"), self.tr("A copy was saved as {path}.").format(path=out))
        return out

    def backup_now(self) -> Path | None:
        if self.store.path is None:
            return None
        # A plain file: one gzip file; a protected one: a sealed pack, its pieces in chunks/ beside it.
        suffix = backup.now_suffix(self.store.path)
        suggested = f"{self.store.path.stem}{suffix}"
        target = ask.save_file(
            self.window,
            self.tr("Back up now"),
            QCoreApplication.translate("Travel", BACKUPS).format(suffix, FILE_SUFFIX),
            suggested,
        )
        if not target:
            return None
        out = Path(target if target.endswith(suffix) else target + suffix)
        source = self.store.path
        made = self._run(
            self.tr("Backing up…"), lambda _own, progress: backup.write_backup(source, out, progress)
        )
        if made is not None:
            ask.inform(
                self.window,
                self.tr("Back up now"),
                self.tr("Backed up to {path} ({size:.1f} MB).").format(
                    path=made, size=backup.stored_size(made) / 1e6
                ),
            )
        return made

    def restore(self) -> Path | None:
        if self.store.path is None:
            return None
        found = backup.list_backups(self.store.path)
        items = [
            self.tr("{when}: {households} households, {visits} visits ({size:.1f} MB)").format(
                when=b.made_at,
                households=b.households if b.households is not None else "?",
                visits=b.visits if b.visits is not None else "?",
                size=b.size / 1e6,
            )
            for b in found
        ] + [self.tr("Another backup file…")]
        index = choose(self.window, self.tr("Restore from a backup"), self.tr("Backup to restore:"), items)
        if index is None:
            return None
        if index < len(found):
            source = found[index].path
        else:
            kinds = f"{backup.SUFFIX} *{backup.PACK_SUFFIX}"  # a USB stick's one-file backup, or a day's pack
            picked = ask.open_file(
                self.window,
                self.tr("Restore from a backup"),
                QCoreApplication.translate("Travel", BACKUPS).format(kinds, FILE_SUFFIX),
            )
            if not picked:
                return None
            source = Path(picked)
        target = ask.save_file(
            self.window,
            self.tr("Restore into a new file"),
            FILES,
            f"{self.store.path.stem}-restored{FILE_SUFFIX}",
        )
        if not target:
            return None
        out = Path(target if target.endswith(FILE_SUFFIX) else target + FILE_SUFFIX)
        open_file = self.store.path
        passphrase = self._backup_passphrase(source, open_file)
        if passphrase is None:
            return None
        made = self._run(
            self.tr("Restoring…"),
            lambda _own, progress: backup.restore(
                source, out, progress, open_file=open_file, passphrase=passphrase or None
            ),
        )
        if made is not None:
            ask.inform(
                self.window,
                self.tr("Restore from a backup"),
                self.tr("The backup was restored into {path}. Open it with File → Open.").format(path=made),
            )
        return made

    def _backup_passphrase(self, source: Path, open_file: Path) -> str | None:
        """A protected file's pack from another file (or another PC) needs its passphrase: asked until
        it opens the pack or the question is cancelled (None). "" when none is needed."""
        if not backup.is_sealed(source):
            return ""
        from gridboard.ui.trust import protect

        try:
            backup.sealed_key(source, open_file=open_file)
            return ""  # the open file's own backup: its key opens it
        except backup.BackupPassphraseNeeded:
            pass
        again = False
        while True:
            passphrase = protect.ask_passphrase(self.window, source, again=again)
            if not passphrase:
                return None
            try:
                backup.sealed_key(source, passphrase=passphrase)
                return passphrase
            except cipher.WrongPassphrase:
                again = True
            except KnownError as error:
                ask.show_error(self.window, error)
                return None


def preview_text(result: MergeResult) -> str:
    added = _counts(result.added) or QCoreApplication.translate("Travel", "nothing")
    updated = _counts(result.updated) or QCoreApplication.translate("Travel", "nothing")
    return QCoreApplication.translate(
        "Travel",
        "This will add: {added}.\nIt will update: {updated}.\n{conflicts} values changed on both sides:"
        " the later change is kept and the other listed for review.\nNothing is deleted. Go ahead?",
    ).format(added=added, updated=updated, conflicts=len(result.conflicts))


_TABLES = {
    "household": QT_TRANSLATE_NOOP("Travel", "households"),
    "resident": QT_TRANSLATE_NOOP("Travel", "residents"),
    "member": QT_TRANSLATE_NOOP("Travel", "members"),
    "visit": QT_TRANSLATE_NOOP("Travel", "visits"),
    "request": QT_TRANSLATE_NOOP("Travel", "requests"),
    "request_step": QT_TRANSLATE_NOOP("Travel", "request steps"),
    "pairing": QT_TRANSLATE_NOOP("Travel", "pairings"),
    "grid": QT_TRANSLATE_NOOP("Travel", "grids"),
    "building": QT_TRANSLATE_NOOP("Travel", "buildings"),
    "community": QT_TRANSLATE_NOOP("Travel", "communities"),
}


def _counts(counts: dict[str, int]) -> str:
    """ "visits 12, households 3, other records 40" in the user's language."""
    named = [
        QCoreApplication.translate("Travel", _TABLES[t]) + f" {n}"
        for t, n in counts.items()
        if n and t in _TABLES
    ]
    other = sum(n for t, n in counts.items() if t not in _TABLES)
    if other:
        named.append(QCoreApplication.translate("Travel", "other records {count}").format(count=other))
    return "、".join(named)
