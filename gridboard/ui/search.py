"""The one search box on the view bar: results as you type, Enter jumps to the household on the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from gridboard.models import search
from gridboard.models.errors import KnownError
from gridboard.models.masking import mask_phone
from gridboard.models.search import Hit
from gridboard.ui import ask, ops

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
QUERY_ROLE = Qt.ItemDataRole.UserRole + 2
# More names than this without pinyin initials (an import, the demo) are given theirs behind a progress
# dialog, on a connection of the file's own; fewer are given theirs by the search itself.
PREPARE_BEHIND = 5000


class SearchBox(QLineEdit):
    """Names, pinyin initials (zs), a phone's last four digits, an address (3-2-502 or 3号楼2单元502)."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.window_ = window
        self.hits: list[Hit] = []
        self.setPlaceholderText(self.tr("Find: name, zs, phone tail, 3-2-502 (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(280)
        self.results = QStandardItemModel(self)
        self.completer_ = QCompleter(self.results, self)
        self.completer_.setObjectName("searchCompleter")
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCompletionRole(QUERY_ROLE)  # highlighting a hit keeps what the user typed
        self.completer_.setMaxVisibleItems(12)
        self.popup_ = self.completer_.popup()
        assert self.popup_ is not None  # a QCompleter always has its popup
        self.popup_.setObjectName("searchPopup")
        self.setCompleter(self.completer_)
        self.completer_.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self.run)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._enter)
        self._went = False

    def run(self) -> list[Hit]:
        """Search now for the text in the box and show the results."""
        self._timer.stop()
        text = self.text()
        store = self.window_.store
        compact = text.replace(" ", "")
        if compact.isascii() and compact.isalpha() and search.pending_initials(store) > PREPARE_BEHIND:
            self._prepare_initials()
        self.hits = search.search(store, text, limit=30)
        self.results.clear()
        for hit in self.hits:
            item = QStandardItem(self.describe(hit))
            item.setData(hit, HIT_ROLE)
            item.setData(text, QUERY_ROLE)
            item.setEditable(False)
            self.results.appendRow(item)
        if not self.hits and text.strip():
            item = QStandardItem(self.tr("Nothing found for “{text}”").format(text=text.strip()))
            item.setData(text, QUERY_ROLE)
            item.setEnabled(False)
            self.results.appendRow(item)
        if self.results.rowCount() and self.hasFocus():
            self.completer_.complete()
        elif not self.results.rowCount():
            self.popup_.hide()
        return self.hits

    def _prepare_initials(self) -> None:
        """Names written by an import or the demo generator get their pinyin initials once, with progress.

        On the file's own opening (`ops.on_own_store`: a protected file with its key, the tallies' hooks),
        signed in as the window's operator with the same role, so a role that may not change the ledger
        is refused there as it is here (and is not asked: its search finds the names that have them)."""
        store = self.window_.store
        if store.path is None or not search.may_fill_initials(store):
            return  # a read-only file or role keeps its names as they are; pinyin search finds fewer

        def work(own: Any, progress: Any) -> int:
            return search.fill_initials(own, batch=20_000, progress=progress)

        try:
            ops.on_own_store(self, self.tr("Preparing pinyin search…"), store, work)
        except KnownError as error:  # a locked or full file: the search goes on with what is there
            ask.show_error(self, error)

    def describe(self, hit: Hit) -> str:
        kind = {
            "resident": self.tr("resident"),
            "member": self.tr("member"),
            "household": self.tr("household"),
        }[hit.kind]
        place = ""
        if hit.building_id is not None:
            place = f"{hit.community_name} {hit.grid_name} · {hit.building_name} {hit.unit}-{hit.room}"
        name = hit.name or self.tr("(no name)")
        tail = f" · {mask_phone(hit.phone)}" if hit.matched == "phone" and len(hit.phone) >= 7 else ""
        return f"{name}  [{kind}]  {place}{tail}"

    def go(self, hit: Hit) -> None:
        self._went = True
        QTimer.singleShot(0, self._reset_went)
        self.popup_.hide()
        if hit.household_id is not None:
            self.window_.navigate("household", hit.household_id)
        elif hit.kind == "member":
            self.window_.navigate("member", hit.id)

    def _reset_went(self) -> None:
        self._went = False

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self.go(hit)

    def _enter(self) -> None:
        if self._went:
            return
        if self._timer.isActive() or not self.hits:
            self.run()
        popup = self.popup_
        current = popup.currentIndex() if popup.isVisible() else QModelIndex()
        hit = current.data(HIT_ROLE) if current.isValid() else None
        if isinstance(hit, Hit):
            self.go(hit)
        elif self.hits:
            self.go(self.hits[0])

    def focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
