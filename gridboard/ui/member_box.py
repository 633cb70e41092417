"""A member picker people can use: type a name, pinyin initials (zs) or a phone's last digits; the
household's paired members and its grid's come first; same-name members are told apart; an exact name
typed and left with Tab is taken."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from gridboard.models import pickers
from gridboard.models.store import Store
from gridboard.ui import labels as ui_labels

KEYS_ROLE = Qt.ItemDataRole.UserRole + 1


class MemberBox(QComboBox):
    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        household_id: int | None = None,
        community_id: int | None = None,
        exclude: int | None = None,
        blank: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.store = store
        self._household_id, self._exclude, self._blank = household_id, exclude, blank
        self.fill(community_id)
        self.lineEdit().setPlaceholderText(
            QCoreApplication.translate("MemberBox", "Name, pinyin initials or phone's last digits")
        )
        self.lineEdit().editingFinished.connect(self._take_typed)

    def fill(self, community_id: int | None = None) -> None:
        """(Re)fill the choices: the members of `community_id` (of the household's community when the
        box is for a household; every member of the file when neither is given)."""
        self.choices = [
            c
            for c in pickers.member_choices(
                self.store, household_id=self._household_id, community_id=community_id
            )
            if c.id != self._exclude
        ]
        self.label_of = pickers.labels(
            self.choices,
            ui_labels.member_kind,
            lambda digits: QCoreApplication.translate("MemberBox", "phone …{digits}").format(digits=digits),
        )
        model = QStandardItemModel(self)
        if self._blank is not None:
            item = QStandardItem(self._blank)
            item.setData(None, Qt.ItemDataRole.UserRole)
            item.setData("", KEYS_ROLE)
            model.appendRow(item)
        for choice in self.choices:
            label = self.label_of[choice.id]
            if choice.paired:
                label = QCoreApplication.translate("MemberBox", "{member} — paired").format(member=label)
                self.label_of[choice.id] = label
            item = QStandardItem(label)
            item.setData(choice.id, Qt.ItemDataRole.UserRole)
            item.setData(f"{label} {choice.keys()}", KEYS_ROLE)
            model.appendRow(item)
        self.setModel(model)  # the box deletes its old model (its child)
        completer = QCompleter(model, self)
        completer.setCompletionRole(KEYS_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def member_id(self) -> int | None:
        """The member chosen, or typed exactly (a name only one member has, or the only match)."""
        typed = pickers.resolve(self.choices, self.currentText(), self.label_of)
        if typed is not None:
            return typed
        data = self.currentData()
        return (
            int(data)
            if data is not None and self.currentText() == self.itemText(self.currentIndex())
            else None
        )

    def select_member(self, member_id: int | None) -> bool:
        index = self.findData(member_id)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def _take_typed(self) -> None:
        member = pickers.resolve(self.choices, self.currentText(), self.label_of)
        if member is not None:
            self.select_member(member)
