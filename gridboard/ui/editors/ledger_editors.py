"""Editing the ledger from the menus and the member page; every change goes on the undo stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gridboard.models import ledger, records
from gridboard.models.store import Store
from gridboard.models.vocab import BUILTIN_TAGS, MEMBER_KINDS, OCCUPANCY
from gridboard.ui import ask, labels, ops
from gridboard.ui.editors.form import Field, FormDialog


def _open(dialog: QDialog) -> QDialog:
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def edit_row(window: Any, text: str, table: str, row_id: int, values: dict[str, Any]) -> bool:
    """Edit a ledger row (ledger.update_row / update_household_checked) as one undoable step."""

    def do(store: Store) -> dict[str, Any]:
        if table == "household":
            return ledger.update_household_checked(store, row_id, **values)
        return ledger.update_row(store, table, row_id, **values)

    return ops.run(window, text, do) is not ops.FAILED


def remove(window: Any, table: str, row_id: int, what: str) -> bool:
    """Remove (archive) a row after asking; undoable."""
    if not ask.confirm(
        window,
        QCoreApplication.translate("Ledger", "Remove"),
        QCoreApplication.translate(
            "Ledger", "Remove {what}? Its history stays in the file and it can be undone."
        ).format(what=what),
    ):
        return False
    return (
        ops.run(
            window,
            QCoreApplication.translate("Ledger", "Remove {what}").format(what=what),
            lambda store: ledger.archive(store, table, row_id),
        )
        is not ops.FAILED
    )


# -- communities and grids ---------------------------------------------------------------------


def community_fields() -> list[Field]:
    return [
        Field("name", QCoreApplication.translate("Ledger", "Name")),
        Field("hotline", QCoreApplication.translate("Ledger", "Hotline")),
        Field("address", QCoreApplication.translate("Ledger", "Address")),
    ]


def new_community(window: Any) -> QDialog:
    def save(values: dict[str, Any]) -> bool:
        return (
            ops.run(
                window,
                QCoreApplication.translate("Ledger", "New community"),
                lambda store: ledger.create_community(store, **values),
            )
            is not ops.FAILED
        )

    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "New community"),
            community_fields(),
            save=save,
            name="communityDialog",
        )
    )


def edit_community(window: Any, community_id: int) -> QDialog:
    row = records.fetch(window.store, "community", community_id)
    dialog = FormDialog(
        window,
        QCoreApplication.translate("Ledger", "Edit community"),
        community_fields(),
        row,
        save=lambda v: edit_row(
            window, QCoreApplication.translate("Ledger", "Edit community"), "community", community_id, v
        ),
        name="communityDialog",
    )
    return _open(dialog)


def grid_fields() -> list[Field]:
    return [
        Field("name", QCoreApplication.translate("Ledger", "Name")),
        Field("sort_order", QCoreApplication.translate("Ledger", "Order"), "int", maximum=9999),
    ]


def new_grid(window: Any, community_id: int) -> QDialog:
    def save(values: dict[str, Any]) -> bool:
        return (
            ops.run(
                window,
                QCoreApplication.translate("Ledger", "New grid"),
                lambda store: ledger.create_grid(store, community_id=community_id, **values),
            )
            is not ops.FAILED
        )

    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "New grid"),
            grid_fields(),
            save=save,
            name="gridDialog",
        )
    )


def edit_grid(window: Any, grid_id: int) -> QDialog:
    row = records.fetch(window.store, "grid", grid_id)
    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "Edit grid"),
            grid_fields(),
            row,
            save=lambda v: edit_row(
                window, QCoreApplication.translate("Ledger", "Edit grid"), "grid", grid_id, v
            ),
            name="gridDialog",
        )
    )


# -- buildings and rooms -----------------------------------------------------------------------


def new_building(window: Any, grid_id: int) -> QDialog:
    fields = [
        Field("name", QCoreApplication.translate("Ledger", "Name")),
        Field("number", QCoreApplication.translate("Ledger", "Number"), "int", maximum=9999),
        Field(
            "kind",
            QCoreApplication.translate("Ledger", "Kind"),
            "choice",
            [
                ("apartment", QCoreApplication.translate("Ledger", "Apartment block")),
                ("courtyard", QCoreApplication.translate("Ledger", "Courtyard")),
            ],
        ),
        Field("units", QCoreApplication.translate("Ledger", "Units"), "int", minimum=1, maximum=50),
        Field("floors", QCoreApplication.translate("Ledger", "Floors"), "int", minimum=1, maximum=120),
        Field(
            "rooms_per_floor",
            QCoreApplication.translate("Ledger", "Rooms per floor"),
            "int",
            minimum=1,
            maximum=200,
        ),
    ]

    def save(values: dict[str, Any]) -> bool:
        return (
            ops.run(
                window,
                QCoreApplication.translate("Ledger", "New building"),
                lambda store: ledger.create_building(store, grid_id=grid_id, **values),
            )
            is not ops.FAILED
        )

    defaults = {"units": 2, "floors": 6, "rooms_per_floor": 2, "kind": "apartment"}
    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "New building"),
            fields,
            defaults,
            save=save,
            name="buildingDialog",
        )
    )


def edit_building(window: Any, building_id: int) -> QDialog:
    row = records.fetch(window.store, "building", building_id)
    fields = [
        Field("name", QCoreApplication.translate("Ledger", "Name")),
        Field("number", QCoreApplication.translate("Ledger", "Number"), "int", maximum=9999),
    ]
    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "Edit building"),
            fields,
            row,
            save=lambda v: edit_row(
                window, QCoreApplication.translate("Ledger", "Edit building"), "building", building_id, v
            ),
            name="buildingDialog",
        )
    )


def household_fields(*, new: bool = False) -> list[Field]:
    fields = [
        Field("unit", QCoreApplication.translate("Ledger", "Unit"), "int", minimum=1, maximum=50),
        Field("floor", QCoreApplication.translate("Ledger", "Floor"), "int", minimum=-5, maximum=120),
        Field("room", QCoreApplication.translate("Ledger", "Room")),
    ]
    if not new:
        fields += [
            Field("head_name", QCoreApplication.translate("Ledger", "Head of household")),
            Field("phone", QCoreApplication.translate("Ledger", "Phone")),
            Field("people", QCoreApplication.translate("Ledger", "People"), "int", maximum=99),
            Field(
                "occupancy",
                QCoreApplication.translate("Ledger", "Occupancy"),
                "choice",
                [(c, labels.occupancy(c)) for c in OCCUPANCY],
            ),
            Field("notes", QCoreApplication.translate("Ledger", "Notes")),
        ]
    return fields


def add_room(window: Any, building_id: int) -> QDialog:
    def save(values: dict[str, Any]) -> bool:
        return (
            ops.run(
                window,
                QCoreApplication.translate("Ledger", "Add a room"),
                lambda store: ledger.add_household(
                    store, building_id=building_id, occupancy="vacant", **values
                ),
            )
            is not ops.FAILED
        )

    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "Add a room"),
            household_fields(new=True),
            {"unit": 1, "floor": 1},
            save=save,
            name="roomDialog",
        )
    )


def edit_household(window: Any, household_id: int) -> QDialog:
    row = records.fetch(window.store, "household", household_id)
    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "Edit household"),
            household_fields(),
            row,
            save=lambda v: edit_row(
                window,
                QCoreApplication.translate("Ledger", "Edit household {room}").format(room=row["room"]),
                "household",
                household_id,
                v,
            ),
            name="householdDialog",
        )
    )


def merge_rooms(window: Any, household_ids: list[int]) -> bool:
    if len(household_ids) < 2:
        ask.inform(
            window,
            QCoreApplication.translate("Ledger", "Merge rooms"),
            QCoreApplication.translate("Ledger", "Select two or more rooms of one unit on the map first."),
        )
        return False
    rooms = ledger.household_rooms(window.store, household_ids)
    room = ask.text(
        window,
        QCoreApplication.translate("Ledger", "Merge rooms"),
        QCoreApplication.translate("Ledger", "Room number of the merged home:"),
        rooms[0] if rooms else "",
    )
    if room is None:
        return False
    return (
        ops.run(
            window,
            QCoreApplication.translate("Ledger", "Merge rooms"),
            lambda store: ledger.merge_rooms(store, household_ids, room=room),
        )
        is not ops.FAILED
    )


def move_out(window: Any, household_id: int) -> bool:
    if not ask.confirm(
        window,
        QCoreApplication.translate("Ledger", "Move out"),
        QCoreApplication.translate(
            "Ledger", "Everyone living here moves out and the household becomes vacant. Go on?"
        ),
    ):
        return False
    return (
        ops.run(
            window,
            QCoreApplication.translate("Ledger", "Move out"),
            lambda store: ledger.move_out(store, household_id),
        )
        is not ops.FAILED
    )


def resident_fields() -> list[Field]:
    return [
        Field("name", QCoreApplication.translate("Ledger", "Name")),
        Field(
            "gender",
            QCoreApplication.translate("Ledger", "Gender"),
            "choice",
            [
                (None, QCoreApplication.translate("Ledger", "(not given)")),
                ("M", QCoreApplication.translate("Ledger", "Male")),
                ("F", QCoreApplication.translate("Ledger", "Female")),
            ],
        ),
        Field(
            "birth_year",
            QCoreApplication.translate("Ledger", "Year of birth"),
            "int",
            minimum=1900,
            maximum=2100,
            optional=True,
        ),
        Field("phone", QCoreApplication.translate("Ledger", "Phone")),
        Field("id_number", QCoreApplication.translate("Ledger", "ID number")),
        Field(
            "tags",
            QCoreApplication.translate("Ledger", "Tags"),
            "tags",
            [(t.code, labels.tag_label(t.code)) for t in BUILTIN_TAGS],
        ),
    ]


def move_in(window: Any, household_id: int) -> QDialog:
    """The first person moving in (more are added with Residents…)."""

    def save(values: dict[str, Any]) -> bool:
        person = ledger.NewResident(
            name=values["name"],
            gender=values["gender"],
            birth_year=values["birth_year"],
            phone=values["phone"],
            id_number=values["id_number"],
            tags=tuple(values["tags"]),
        )
        return (
            ops.run(
                window,
                QCoreApplication.translate("Ledger", "Move in"),
                lambda store: ledger.move_in(store, household_id, residents=[person]),
            )
            is not ops.FAILED
        )

    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "Move in"),
            resident_fields(),
            save=save,
            name="moveInDialog",
        )
    )


class ResidentsDialog(QDialog):
    """The people living in a household: add, edit (with tags) and remove."""

    def __init__(self, window: Any, household_id: int) -> None:
        super().__init__(window)
        self.setObjectName("residentsDialog")
        self.window_ = window
        self.household_id = household_id
        self.setWindowTitle(QCoreApplication.translate("Ledger", "Residents"))
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("residentList")
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        layout.addWidget(self.list)
        row = QHBoxLayout()
        for name, text, slot in (
            ("addResidentButton", QCoreApplication.translate("Ledger", "Add…"), self.add),
            ("editResidentButton", QCoreApplication.translate("Ledger", "Edit…"), self.edit),
            ("removeResidentButton", QCoreApplication.translate("Ledger", "Remove"), self.remove),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        window.notifier.changed.connect(self._changed)
        self.reload()

    def _changed(self, changes: Any) -> None:
        if changes.everything or self.household_id in changes.households:
            self.reload()

    def reload(self) -> None:
        self.list.clear()
        for r in ledger.current_residents(self.window_.store, self.household_id):
            tags = "、".join(labels.tag_label(c) for c in (r["tags"] or "").split(",") if c)
            text = (
                r["name"]
                + (f"  ({r['birth_year']})" if r["birth_year"] else "")
                + (f"  {tags}" if tags else "")
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, r["id"])

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def add(self) -> QDialog:
        def save(values: dict[str, Any]) -> bool:
            return (
                ops.run(
                    self.window_,
                    QCoreApplication.translate("Ledger", "Add a resident"),
                    lambda store: ledger.add_resident(store, household_id=self.household_id, **values),
                )
                is not ops.FAILED
            )

        return _open(
            FormDialog(
                self,
                QCoreApplication.translate("Ledger", "Add a resident"),
                resident_fields(),
                save=save,
                name="residentDialog",
            )
        )

    def edit(self) -> QDialog | None:
        resident_id = self.current_id()
        if resident_id is None:
            return None
        store = self.window_.store
        row = records.fetch(store, "resident", resident_id)
        row["tags"] = ledger.resident_tag_codes(store, resident_id)

        def save(values: dict[str, Any]) -> bool:
            tags = values.pop("tags")

            def do(s: Store) -> tuple[dict[str, Any], list[str]]:
                with s.atomic():
                    old = ledger.update_row(s, "resident", resident_id, **values)
                    old_tags = ledger.set_resident_tags(s, resident_id, tags)
                return old, old_tags

            return (
                ops.run(self.window_, QCoreApplication.translate("Ledger", "Edit resident"), do)
                is not ops.FAILED
            )

        return _open(
            FormDialog(
                self,
                QCoreApplication.translate("Ledger", "Edit resident"),
                resident_fields(),
                row,
                save=save,
                name="residentDialog",
            )
        )

    def remove(self) -> bool:
        resident_id = self.current_id()
        if resident_id is None:
            return False
        name = self.list.currentItem().text().split()[0]
        return remove(self.window_, "resident", resident_id, name)


def residents(window: Any, household_id: int) -> ResidentsDialog:
    dialog = ResidentsDialog(window, household_id)
    _open(dialog)
    return dialog


# -- members -----------------------------------------------------------------------------------


def member_fields() -> list[Field]:
    return [
        Field("name", QCoreApplication.translate("Ledger", "Name")),
        Field(
            "kind",
            QCoreApplication.translate("Ledger", "Kind"),
            "choice",
            [(k, labels.member_kind(k)) for k in MEMBER_KINDS],
        ),
        Field("phone", QCoreApplication.translate("Ledger", "Phone")),
        Field("branch", QCoreApplication.translate("Ledger", "Party branch")),
        Field("work_unit", QCoreApplication.translate("Ledger", "Work unit")),
        Field("active", QCoreApplication.translate("Ledger", "Serving"), "check"),
    ]


def new_member(window: Any, community_id: int) -> QDialog:
    def save(values: dict[str, Any]) -> bool:
        return (
            ops.run(
                window,
                QCoreApplication.translate("Ledger", "New member"),
                lambda store: ledger.add_member(store, community_id=community_id, **values),
            )
            is not ops.FAILED
        )

    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "New member"),
            member_fields(),
            {"active": True, "kind": "community_member"},
            save=save,
            name="memberDialog",
        )
    )


def edit_member(window: Any, member_id: int) -> QDialog:
    row = records.fetch(window.store, "member", member_id)
    return _open(
        FormDialog(
            window,
            QCoreApplication.translate("Ledger", "Edit member"),
            member_fields(),
            row,
            save=lambda v: edit_row(
                window,
                QCoreApplication.translate("Ledger", "Edit member"),
                "member",
                member_id,
                {**v, "active": int(v["active"])},
            ),
            name="memberDialog",
        )
    )


def parent_widget(window: Any) -> QWidget:
    return window
