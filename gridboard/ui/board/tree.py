"""The navigation tree (community → grid → building) with household counts and overdue badges."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gridboard.models import board
from gridboard.models.store import Store

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()
NODE_ROLE = Qt.ItemDataRole.UserRole + 1  # (level, id)

# A file this big (a street's, a city's) has its households counted behind the window; the same size
# as the store's own threshold for checking a file behind it (store.DEFER_CHECK_BYTES).
COUNT_BEHIND_BYTES = 64 * 1024 * 1024

_BADGE_FILL = QBrush(QColor("#fde0dc"))
_BADGE_TEXT = QBrush(QColor("#b3261e"))


@dataclass(eq=False)
class Node:
    level: str
    id: int
    name: str
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    counts: board.BuildingCounts = field(default_factory=lambda: board.BuildingCounts(0))

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class AreaTreeModel(QAbstractItemModel):
    """Holds the area nodes and their counts; refreshes only the buildings an action touched."""

    COLUMNS = 3  # name, households, overdue

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.root = Node("root", 0, "", None)
        self._nodes: dict[tuple[str, int], Node] = {}
        self._reader: Any = None
        self._seq = 0
        # While a big file is counted behind the window: the buildings changed meanwhile, else None.
        self.counting: set[int] | None = None
        self.reload()

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Everything again: the structure and every count, with one grouped query."""
        self.beginResetModel()
        self.root = Node("root", 0, "", None)
        self._nodes = {}
        for area in board.area_nodes(self.store):
            parent_level = {"grid": "community", "building": "grid"}.get(area.level)
            parent = self._nodes.get((parent_level, area.parent_id)) if parent_level else self.root
            if parent is None:
                continue
            node = Node(area.level, area.id, area.name, parent)
            parent.children.append(node)
            self._nodes[(area.level, area.id)] = node
        from gridboard.sync.checkout import checked_out_grids

        self.checked_out = checked_out_grids(self.store)  # grids out on a laptop carry a badge
        if self.store.path is not None and self.store.path.stat().st_size >= COUNT_BEHIND_BYTES:
            # A street or city file: every household is counted behind the window (a whole-file
            # scan, a second or more from a cold disk); the tree shows its structure at once.
            self.counting = set()
            self.endResetModel()
            self._seq = self._counter().request(lambda store: board.building_counts(store))
            return
        self._apply(board.building_counts(self.store))
        self.endResetModel()

    def _counter(self) -> Any:
        if self._reader is None:
            from gridboard.ui.reader import ReadWorker

            self._reader = ReadWorker(self.store, self, name="tree-counts")
            self._reader.finished.connect(self._counted)
            self._reader.failed.connect(self._count_failed)
        return self._reader

    def shutdown(self) -> None:
        if self._reader is not None:
            self._reader.shutdown()

    def _apply(self, counts: dict[int, board.BuildingCounts]) -> None:
        for (level, node_id), node in self._nodes.items():
            if level == "building":
                node.counts = counts.get(node_id, board.BuildingCounts(node_id))
        for community in self.root.children:
            self._sum(community)

    def _counted(self, seq: int, counts: dict[int, board.BuildingCounts]) -> None:
        if seq != self._seq or self.counting is None:
            return
        again, self.counting = self.counting, None
        # Every count changed at once: one "layout changed" (no row moves, so expansion and selection
        # stay), not a dataChanged per area, which the tree view handled in 0.7 s on a city file.
        self.layoutAboutToBeChanged.emit()
        self._apply(counts)
        self.layoutChanged.emit()
        if again:  # buildings changed while the file was being counted: counted again now
            self.refresh_buildings(again)

    def _count_failed(self, seq: int, error: Exception) -> None:
        if seq != self._seq:
            return
        if isinstance(error, sqlite3.DatabaseError):
            # A damaged page: the file's own check (behind the window too) says so and keeps it read
            # only; the tree keeps showing "…" for its counts.
            log.warning("counting the tree's households failed: %s", error)
            return
        self.counting = None
        raise error

    def _sum(self, node: Node) -> board.BuildingCounts:
        if node.level != "building":
            total = board.BuildingCounts(node.id)
            for child in node.children:
                total = total + self._sum(child)
            node.counts = total
        return node.counts

    def has_building(self, building_id: int) -> bool:
        return ("building", building_id) in self._nodes

    def refresh_buildings(self, building_ids: set[int] | list[int], *, names: bool = False) -> None:
        """Recount the given buildings (one small grouped query) and their grid and community."""
        known = [b for b in building_ids if ("building", b) in self._nodes]
        if not known:
            return
        if self.counting is not None:
            self.counting.update(known)  # counted once the whole file's counts have come
            return
        if names:  # a building renamed: read just those names again
            for building_id, name in board.building_names(self.store, known).items():
                self._nodes[("building", building_id)].name = name
        counts = board.building_counts(self.store, known)
        touched: dict[int, Node] = {}
        for building_id in known:
            node = self._nodes[("building", building_id)]
            node.counts = counts[building_id]
            touched[id(node)] = node
            ancestor = node.parent
            while ancestor is not None and ancestor is not self.root:
                ancestor.counts = board.BuildingCounts(ancestor.id)
                for child in ancestor.children:
                    ancestor.counts = ancestor.counts + child.counts
                touched[id(ancestor)] = ancestor
                ancestor = ancestor.parent
        for node in touched.values():
            self.dataChanged.emit(self._index(node, 0), self._index(node, self.COLUMNS - 1))

    # -- lookups ---------------------------------------------------------------------------------

    def node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def index_for(self, level: str, node_id: int) -> QModelIndex:
        node = self._nodes.get((level, node_id))
        return self._index(node, 0) if node else QModelIndex()

    def counts(self, level: str, node_id: int) -> board.BuildingCounts | None:
        node = self._nodes.get((level, node_id))
        return node.counts if node else None

    def parent_of(self, level: str, node_id: int) -> tuple[str, int] | None:
        node = self._nodes.get((level, node_id))
        if node is None or node.parent is None or node.parent is self.root:
            return None
        return node.parent.level, node.parent.id

    def children_of(self, level: str, node_id: int) -> list[tuple[str, int]]:
        node = self._nodes.get((level, node_id))
        return [(c.level, c.id) for c in node.children] if node else []

    def _index(self, node: Node, column: int) -> QModelIndex:
        return self.createIndex(node.row(), column, node)

    # -- Qt overrides -------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _TOP) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_node = self.node(parent) or self.root
        return self.createIndex(row, column, parent_node.children[row])

    def parent(self, index: Index = _TOP) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self.root:
            return QModelIndex()
        return self._index(node.parent, 0)

    def rowCount(self, parent: Index = _TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self.node(parent) or self.root
        return len(node.children)

    def columnCount(self, parent: Index = _TOP) -> int:
        return self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Area"), self.tr("Households"), self.tr("Overdue"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        counts = node.counts
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                if node.level == "grid" and node.id in getattr(self, "checked_out", {}):
                    return self.tr("{name} (checked out)").format(name=node.name)
                return node.name
            if self.counting is not None:
                return "…"  # a big file's counts are still on their way
            if column == 1:
                return str(counts.households)
            return str(counts.overdue) if counts.overdue else ""
        if role == NODE_ROLE:
            return (node.level, node.id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == 2 and counts.overdue:
            return _BADGE_FILL
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and counts.overdue:
            return _BADGE_TEXT
        if role == Qt.ItemDataRole.FontRole and column == 2 and counts.priority_overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            share = f"{100 * counts.visited_in_cycle / counts.households:.0f}%" if counts.households else "—"
            return self.tr(
                "{name}: {households} households lived in, {overdue} overdue ({priority} of them"
                " priority), visited within cycle {share}"
            ).format(
                name=node.name,
                households=counts.households,
                overdue=counts.overdue,
                priority=counts.priority_overdue,
                share=share,
            )
        return None
