"""The grid site plan: the grid's buildings as blocks the secretary arranges by dragging.

Each block is coloured by its coverage band and labelled with its name and the share of its
households visited within their cycle; clicking a block opens its floor map.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from gridboard.models import board
from gridboard.models.rules import Coverage
from gridboard.ui.board import colors

COLUMNS = 4
STEP_X = 200.0
STEP_Y = 150.0


def default_position(index: int) -> QPointF:
    return QPointF(20 + (index % COLUMNS) * STEP_X, 20 + (index // COLUMNS) * STEP_Y)


class BuildingBlock(QGraphicsObject):
    """One building: a rectangle shaped by its units and floors, coloured by coverage."""

    clicked = Signal(int)
    dropped = Signal(int, QPointF, QPointF)  # building id, old position, new position

    def __init__(self, block: board.PlanBlock, coverage: Coverage | None) -> None:
        super().__init__()
        self.block = block
        self.coverage = coverage
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.width = 84 + min(block.units, 8) * 14.0
        self.height = 74 + min(block.floors, 33) * 1.5
        self._press_pos = QPointF()
        self.setToolTip(self.tooltip())

    def share(self) -> float | None:
        return None if self.coverage is None else self.coverage.visited_share

    def band(self) -> str:
        return "not_started" if self.coverage is None else self.coverage.band

    def label(self) -> str:
        share = self.share()
        text = "—" if share is None else f"{100 * share:.0f}%"
        return f"{self.block.name}\n{text}"

    def tooltip(self) -> str:
        c = self.coverage
        if c is None:
            return self.block.name
        return self.tr(
            "{name}: {floors} floors, {units} units; {households} households lived in,"
            " {visited} visited within cycle, {overdue} overdue"
        ).format(
            name=self.block.name,
            floors=self.block.floors,
            units=self.block.units,
            households=c.households,
            visited=c.visited_in_cycle,
            overdue=c.overdue,
        )

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, self.width + 6, self.height + 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0, 0, self.width, self.height)
        selected = self.isSelected()
        # A soft shadow, the block in its band colour, and one stripe per unit (stairwell).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 40))
        painter.drawRoundedRect(rect.translated(3, 3), 6, 6)
        painter.setPen(QPen(colors.SELECTION if selected else QColor("#555555"), 3 if selected else 1))
        painter.setBrush(colors.band_fill(self.band()))
        painter.drawRoundedRect(rect, 6, 6)
        units = max(1, min(self.block.units, 8))
        painter.setPen(QPen(QColor(255, 255, 255, 110), 1))
        for unit in range(1, units):
            x = rect.left() + rect.width() * unit / units
            painter.drawLine(QPointF(x, rect.top() + 4), QPointF(x, rect.bottom() - 4))
        font = QFont()
        font.setPointSizeF(11)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1d1d1d"))
        painter.drawText(rect.adjusted(0, 0, 0, -14), Qt.AlignmentFlag.AlignCenter, self.label())
        small = QFont()
        small.setPointSizeF(8)
        painter.setFont(small)
        painter.drawText(
            rect.adjusted(4, 0, -4, -4),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            self.detail(),
        )

    def detail(self) -> str:
        overdue = self.coverage.overdue if self.coverage else 0
        return self.tr("{floors}F · {overdue} overdue").format(floors=self.block.floors, overdue=overdue)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = self.pos()
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        moved = (self.pos() - self._press_pos).manhattanLength() > 3
        if moved:
            self.dropped.emit(self.block.id, self._press_pos, self.pos())
        else:
            self.setPos(self._press_pos)
            self.clicked.emit(self.block.id)


class SitePlan(QGraphicsView):
    """A grid's buildings; emits `building_activated` on a click and `building_moved` after a drag."""

    building_activated = Signal(int)
    building_moved = Signal(int, QPointF, QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sitePlan")
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBackgroundBrush(QColor("#f3f1ea"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.grid_id: int | None = None
        self.blocks: dict[int, BuildingBlock] = {}

    def set_grid(
        self, grid_id: int | None, blocks: list[board.PlanBlock], coverage: dict[int, Coverage]
    ) -> None:
        selected = {b for b, item in self.blocks.items() if item.isSelected()}
        self.scene().clear()
        self.blocks = {}
        self.grid_id = grid_id
        for index, block in enumerate(blocks):
            item = BuildingBlock(block, coverage.get(block.id))
            if block.plan_x is None or block.plan_y is None:
                item.setPos(default_position(index))
            else:
                item.setPos(QPointF(block.plan_x, block.plan_y))
            item.clicked.connect(self.building_activated)
            item.dropped.connect(self.building_moved)
            self.scene().addItem(item)
            item.setSelected(block.id in selected)
            self.blocks[block.id] = item
        bounds = self.scene().itemsBoundingRect().adjusted(-20, -20, 60, 60)
        self.scene().setSceneRect(bounds.united(QRectF(0, 0, 400, 300)))

    def block_center_in_view(self, building_id: int):
        """Viewport coordinates of a block's centre (tests click and drag there)."""
        item = self.blocks[building_id]
        return self.mapFromScene(item.mapToScene(QRectF(0, 0, item.width, item.height).center()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chosen = [b for b, item in self.blocks.items() if item.isSelected()]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and chosen:
            self.building_activated.emit(chosen[0])
            event.accept()
            return
        if event.key() == Qt.Key.Key_Tab and self.blocks:
            ids = list(self.blocks)
            following = ids[(ids.index(chosen[0]) + 1) % len(ids)] if chosen else ids[0]
            self.scene().clearSelection()
            self.blocks[following].setSelected(True)
            event.accept()
            return
        super().keyPressEvent(event)
