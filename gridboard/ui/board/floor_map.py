"""The building floor map: floors as rows (top floor at the top), units as column groups, a cell per household.

One graphics item paints every cell from plain `board.Cell` rows (no item per cell), painting only
the exposed part, so a 33-floor × 6-unit × 4-room building opens and paints in a few milliseconds.
Selection, hover and keyboard moves are handled by the view from the cells' grid positions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from gridboard.models import board
from gridboard.ui import labels
from gridboard.ui.board import colors

CELL_W = 70.0
CELL_H = 44.0
GAP = 4.0
UNIT_GAP = 18.0
LEFT = 46.0  # floor labels
TOP = 30.0  # unit headers
MIN_ZOOM = 0.2
MAX_ZOOM = 4.0

FILTERS = ("priority", "overdue", "requests")


@dataclass
class Layout:
    """Where each household sits: grid rows (floors) and global columns (units side by side)."""

    positions: dict[int, tuple[int, int]]  # household id -> (row, column)
    at: dict[tuple[int, int], int]  # (row, column) -> household id
    floors: list[int]  # top floor first: row r shows floors[r]
    unit_columns: dict[int, tuple[int, int]]  # unit -> (first column, column count)
    columns: int
    column_xs: list[float] = field(default_factory=list)
    rects: dict[int, QRectF] = field(default_factory=dict)  # household id -> its cell
    rows: list[list[int]] = field(default_factory=list)  # household ids on each row, left to right

    def __post_init__(self) -> None:
        starts = sorted(first for first, _ in self.unit_columns.values())
        x, xs = LEFT, []
        for column in range(self.columns):
            if column in starts and column:
                x += UNIT_GAP
            xs.append(x)
            x += CELL_W + GAP
        self.column_xs = xs
        self.rects = {i: self.cell_rect(*place) for i, place in self.positions.items()}
        self.rows = [[] for _ in self.floors]
        for (row, _column), household_id in sorted(self.at.items()):
            self.rows[row].append(household_id)

    def cell_rect(self, row: int, column: int) -> QRectF:
        return QRectF(self.column_xs[column], TOP + row * (CELL_H + GAP), CELL_W, CELL_H)

    def row_range(self, top: float, bottom: float) -> range:
        first = max(0, int((top - TOP) // (CELL_H + GAP)))
        last = min(len(self.floors) - 1, int((bottom - TOP) // (CELL_H + GAP)))
        return range(first, last + 1)

    def unit_rect(self, unit: int) -> QRectF:
        first, count = self.unit_columns[unit]
        return QRectF(self.column_xs[first], 2, count * (CELL_W + GAP) - GAP, TOP - 6)

    def floor_rect(self, row: int) -> QRectF:
        return QRectF(2, TOP + row * (CELL_H + GAP), LEFT - 8, CELL_H)

    def size(self) -> tuple[float, float]:
        if not self.columns:
            return LEFT, TOP
        width = self.column_xs[-1] + CELL_W + 8
        return width, TOP + len(self.floors) * (CELL_H + GAP) + 4


def make_layout(cells: Iterable[board.Cell]) -> Layout:
    by_place: dict[tuple[int, int], list[board.Cell]] = {}
    for cell in cells:
        by_place.setdefault((cell.unit, cell.floor), []).append(cell)
    units = sorted({unit for unit, _ in by_place})
    floors = sorted({floor for _, floor in by_place}, reverse=True)
    row_of = {floor: row for row, floor in enumerate(floors)}
    widths: dict[int, int] = {}
    for (unit, _floor), group in by_place.items():
        widths[unit] = max(widths.get(unit, 0), len(group))
    unit_columns: dict[int, tuple[int, int]] = {}
    column = 0
    for unit in units:
        unit_columns[unit] = (column, widths[unit])
        column += widths[unit]
    positions: dict[int, tuple[int, int]] = {}
    at: dict[tuple[int, int], int] = {}
    for (unit, floor), group in by_place.items():
        first = unit_columns[unit][0]
        for offset, cell in enumerate(group):  # cells arrive sorted by room
            place = (row_of[floor], first + offset)
            positions[cell.id] = place
            at[place] = cell.id
    return Layout(positions, at, floors, unit_columns, column)


def _pt(x: float, y: float) -> QPoint:
    return QPoint(round(x), round(y))


class TextCache:
    """Text drawn once per zoom into a pixmap, then blitted: CJK text through font fallback is slow
    to draw glyph by glyph, and a building repeats the same room numbers and surnames many times."""

    def __init__(self) -> None:
        self._pixmaps: dict[tuple, QPixmap] = {}
        # font.key() and color.rgba() cost as much as a blit: remember them per (kept) object.
        self._ids: dict[int, tuple[object, object]] = {}

    def _id(self, thing: QFont | QColor) -> object:
        found = self._ids.get(id(thing))
        if found is None or found[0] is not thing:
            found = (thing, thing.key() if isinstance(thing, QFont) else thing.rgba())
            self._ids[id(thing)] = found  # holding `thing` keeps its id from being reused
        return found[1]

    def text(self, text: str, font: QFont, color: QColor, scale: float) -> QPixmap:
        key = ("t", text, self._id(font), self._id(color), round(scale, 3))
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            sized = QFont(font)
            sized.setPointSizeF(font.pointSizeF() * scale)
            metrics = QFontMetricsF(sized)
            width, height = (
                max(1, math.ceil(metrics.horizontalAdvance(text)) + 2),
                math.ceil(metrics.height()) + 1,
            )
            pixmap = QPixmap(width, height)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setFont(sized)
            painter.setPen(color)
            painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, text)
            painter.end()
            self._remember(key, pixmap)
        return pixmap

    def chip(
        self, text: str, font: QFont, color: QColor, fill: QColor, scale: float, *, round_: bool
    ) -> QPixmap:
        """Text on a filled chip: priority markers, or a round badge with a count."""
        key = ("c", text, self._id(font), self._id(color), self._id(fill), round(scale, 3), round_)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            inner = self.text(text, font, color, scale)
            if round_:
                side = max(inner.width(), inner.height(), math.ceil(14 * scale))
                width = height = side
            else:
                width, height = (
                    inner.width() + math.ceil(3 * scale),
                    max(inner.height(), math.ceil(11 * scale)),
                )
            pixmap = QPixmap(width, height)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor("#ffffff"), 1) if round_ else Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            if round_:
                painter.drawEllipse(QRectF(0.5, 0.5, width - 1, height - 1))
            else:
                painter.drawRoundedRect(QRectF(0, 0, width, height), 2 * scale, 2 * scale)
            painter.drawPixmap(QPointF((width - inner.width()) / 2, (height - inner.height()) / 2), inner)
            painter.end()
            self._remember(key, pixmap)
        return pixmap

    def _remember(self, key: tuple, pixmap: QPixmap) -> None:
        if len(self._pixmaps) > 6000:  # many zoom levels visited: start again
            self._pixmaps.clear()
        self._pixmaps[key] = pixmap


class _MapItem(QGraphicsItem):
    """Paints the whole building; the view owns the data and the selection."""

    def __init__(self, view: FloorMap) -> None:
        super().__init__()
        self.view = view
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self._bounds = QRectF()
        self.texts = TextCache()
        self.room_font = QFont()
        self.room_font.setPointSizeF(7.5)
        self.room_font.setBold(True)
        self.name_font = QFont()
        self.name_font.setPointSizeF(11)
        self.small_font = QFont()
        self.small_font.setPointSizeF(7)
        self.header_font = QFont()
        self.header_font.setPointSizeF(9)
        self.header_font.setBold(True)
        self.chip_fill = QColor(255, 255, 255, 225)
        self.header_color = QColor("#333333")
        self.white = QColor("#ffffff")
        self.faded_text = {}
        for status in colors.STATUS_COLORS:
            text = QColor(colors.status_text(status)) if status == "vacant" else QColor(0, 0, 0)
            text.setAlpha(90)
            self.faded_text[status] = text
        self.faded = {}
        for status in colors.STATUS_COLORS:
            fill = QColor(colors.status_fill(status))
            fill.setAlpha(55)
            self.faded[status] = fill

    def set_bounds(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._bounds = rect

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        view = self.view
        layout = view.layout_
        if layout is None:
            return
        exposed = option.exposedRect
        transform = painter.worldTransform()
        scale = transform.m11()
        rows = layout.row_range(exposed.top(), exposed.bottom())
        visible = [i for row in rows for i in layout.rows[row] if layout.rects[i].intersects(exposed)]
        dimmed = view.dimmed_ids()
        cells = view.cells

        # 1. Cell fills, in scene coordinates.
        # Plain rectangles: rounded antialiased ones cost ten times as much for a building of cells.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        faded = self.faded
        for household_id in visible:
            status = cells[household_id].status
            fill = faded[status] if household_id in dimmed else colors.status_fill(status)
            painter.fillRect(layout.rects[household_id], fill)

        # 2. Texts, markers and badges blitted from the cache, in device pixels.
        painter.save()
        painter.resetTransform()  # whole device pixels: pixmaps blit straight, with no resampling
        texts = self.texts
        label_scale = max(scale, 0.8)  # floor and unit labels stay readable in an overview
        for unit in layout.unit_columns:
            rect = layout.unit_rect(unit)
            if rect.intersects(exposed):
                self._blit_centred(
                    painter,
                    transform.mapRect(rect),
                    texts.text(view.unit_label(unit), self.header_font, self.header_color, label_scale),
                )
        for row in rows:
            rect = layout.floor_rect(row)
            floor = layout.floors[row]
            label = view.floor_label(floor) if scale >= 0.6 else str(floor)
            pixmap = texts.text(label, self.header_font, self.header_color, label_scale)
            device = transform.mapRect(rect)
            painter.drawPixmap(
                _pt(device.right() - pixmap.width(), device.center().y() - pixmap.height() / 2), pixmap
            )
        if scale >= 0.45:
            for household_id in visible:
                self._paint_texts(
                    painter,
                    transform,
                    layout.rects[household_id],
                    cells[household_id],
                    household_id in dimmed,
                    scale,
                )
        painter.restore()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, scale > 0.6)

        # 3. Outlines over everything: one member's households, the selection, the keyboard focus.
        outlined = view.outlined_ids()
        selected = view.selected
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for household_id in visible:
            rect = layout.rects[household_id]
            if household_id in outlined:
                painter.setPen(QPen(colors.HIGHLIGHT, 2.5, Qt.PenStyle.DashLine))
                painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 4, 4)
            if household_id in selected:
                # A frame only: the cell keeps its status colour while selected.
                painter.setPen(QPen(colors.SELECTION, 3.5))
                painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5)
                painter.setPen(QPen(self.white, 1.2))
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            if household_id == view.current and view.hasFocus():
                painter.setPen(QPen(self.white, 1, Qt.PenStyle.DotLine))
                painter.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 3, 3)

    @staticmethod
    def _blit_centred(painter: QPainter, device: QRectF, pixmap: QPixmap) -> None:
        painter.drawPixmap(
            _pt(device.center().x() - pixmap.width() / 2, device.center().y() - pixmap.height() / 2), pixmap
        )

    def _paint_texts(
        self, painter: QPainter, transform, rect: QRectF, cell: board.Cell, dimmed: bool, scale: float
    ) -> None:
        color = (self.faded_text if dimmed else colors.STATUS_TEXT_COLORS)[cell.status]
        texts = self.texts
        device = transform.mapRect(rect)
        room = texts.text(cell.room, self.room_font, color, scale)
        painter.drawPixmap(_pt(device.left() + 3 * scale, device.top() + 1 * scale), room)
        if cell.surname:
            name = texts.text(cell.surname, self.name_font, color, scale)
            # A doorway written as words (18号商铺, 12号院) is wide: the surname goes below it.
            beside = room.width() + 4 * scale < (device.width() - name.width()) / 2
            top = 3 * scale if beside else room.height()
            self._blit_centred(painter, device.adjusted(0, top, 0, -9 * scale), name)
        if cell.markers:
            chip = texts.chip(
                cell.markers[:5], self.small_font, colors.MARKER, self.chip_fill, scale, round_=False
            )
            painter.drawPixmap(
                _pt(device.left() + 2 * scale, device.bottom() - 2 * scale - chip.height()), chip
            )
        if cell.open_requests:
            badge = texts.chip(
                str(min(cell.open_requests, 9)), self.small_font, self.white, colors.BADGE, scale, round_=True
            )
            painter.drawPixmap(
                _pt(device.right() - 2 * scale - badge.width(), device.top() + 2 * scale), badge
            )


class FloorMap(QGraphicsView):
    """The map of one building. Emits the selected household ids; Enter/double-click asks to log a visit."""

    selection_changed = Signal(list)
    activated = Signal(int)  # log a visit for this household
    context_menu_requested = Signal(object, list)  # global QPoint, selected ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floorMap")
        self.setScene(QGraphicsScene(self))
        self.scene().setObjectName("floorMapScene")
        self.item = _MapItem(self)
        self.scene().addItem(self.item)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setBackgroundBrush(QColor("#fafafa"))
        self.building_id: int | None = None
        self.cells: dict[int, board.Cell] = {}
        self.layout_: Layout | None = None
        self.selected: set[int] = set()
        self.current: int | None = None
        self.anchor: int | None = None
        self.filters: dict[str, bool] = dict.fromkeys(FILTERS, False)
        self.member_id: int | None = None
        self._dimmed: set[int] | None = None
        self._outlined: set[int] | None = None
        self._band_base: set[int] = set()
        self._banding = False
        self.auto_zoom = True  # until the user zooms, the zoom follows the window size
        self.rubberBandChanged.connect(self._rubber_band)

    def unit_label(self, unit: int) -> str:
        return self.tr("Unit {unit}").format(unit=unit)

    def floor_label(self, floor: int) -> str:
        return self.tr("{floor}F").format(floor=floor)

    # -- data ----------------------------------------------------------------------------------------

    def set_building(self, building_id: int | None, cells: list[board.Cell]) -> None:
        """Show a building's cells; keeps the selection of households still there."""
        same = building_id == self.building_id
        self.building_id = building_id
        self.cells = {c.id: c for c in cells}
        self.layout_ = make_layout(cells)
        width, height = self.layout_.size()
        self.item.set_bounds(QRectF(0, 0, width, height))
        self.scene().setSceneRect(QRectF(0, 0, width, height))
        self._invalidate()
        if not same:
            self.selected = set()
            self.current = self.anchor = None
            self.reset_zoom()
        else:
            self.selected &= set(self.cells)
            if self.current not in self.cells:
                self.current = None
        self.item.update()

    def update_cells(self, cells: list[board.Cell]) -> bool:
        """Replace a few cells in place (after a visit); False when the layout would change."""
        if self.layout_ is None:
            return False
        for cell in cells:
            old = self.cells.get(cell.id)
            if old is None or (old.unit, old.floor, old.room) != (cell.unit, cell.floor, cell.room):
                return False
        for cell in cells:
            self.cells[cell.id] = cell
            self.item.update(self.layout_.rects[cell.id].adjusted(-3, -3, 3, 3))
        self._invalidate()
        return True

    def cell(self, household_id: int) -> board.Cell | None:
        return self.cells.get(household_id)

    def cell_rect(self, household_id: int) -> QRectF:
        assert self.layout_ is not None
        return self.layout_.rects[household_id]

    def cell_center_in_view(self, household_id: int):
        """Viewport coordinates of a cell's centre (tests click there)."""
        return self.mapFromScene(self.cell_rect(household_id).center())

    # -- filters ---------------------------------------------------------------------------------

    def set_filter(self, name: str, on: bool) -> None:
        if name not in self.filters:
            raise ValueError(f"unknown filter {name}")
        self.filters[name] = on
        self._invalidate()
        self.item.update()

    def highlight_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        self._invalidate()
        self.item.update()

    def passes_filters(self, cell: board.Cell) -> bool:
        if self.filters["priority"] and cell.priority_tier <= 0:
            return False
        if self.filters["overdue"] and cell.status not in ("overdue", "never_visited"):
            return False
        return not (self.filters["requests"] and not cell.open_requests)

    def dimmed_ids(self) -> set[int]:
        if self._dimmed is None:
            if any(self.filters.values()):
                self._dimmed = {i for i, c in self.cells.items() if not self.passes_filters(c)}
            else:
                self._dimmed = set()
        return self._dimmed

    def outlined_ids(self) -> set[int]:
        if self._outlined is None:
            member = self.member_id
            self._outlined = (
                set() if member is None else {i for i, c in self.cells.items() if member in c.member_ids}
            )
        return self._outlined

    def _invalidate(self) -> None:
        self._dimmed = None
        self._outlined = None

    # -- selection -------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Selected households in map order (top floor first, left to right)."""
        if self.layout_ is None:
            return []
        positions = self.layout_.positions
        return sorted((i for i in self.selected if i in positions), key=lambda i: positions[i])

    def set_selection(self, ids: Iterable[int], *, current: int | None = None, emit: bool = True) -> None:
        new = {i for i in ids if i in self.cells}
        if current is not None and current in self.cells:
            self.current = current
        elif new and self.current not in new:
            self.current = min(new, key=lambda i: self.layout_.positions[i]) if self.layout_ else None
        changed = new != self.selected
        self.selected = new
        self.item.update()
        if self.current is not None and self.layout_ is not None:
            self.ensureVisible(self.cell_rect(self.current), 20, 20)
        if changed and emit:
            self.selection_changed.emit(self.selected_ids())

    def select_household(self, household_id: int) -> None:
        self.anchor = household_id
        self.set_selection([household_id], current=household_id)

    def select_floor(self, floor: int, *, add: bool = False) -> None:
        ids = {i for i, c in self.cells.items() if c.floor == floor}
        self.set_selection((self.selected | ids) if add else ids)

    def select_unit(self, unit: int, *, add: bool = False) -> None:
        ids = {i for i, c in self.cells.items() if c.unit == unit}
        self.set_selection((self.selected | ids) if add else ids)

    def select_all(self) -> None:
        self.set_selection(self.cells)

    def household_at(self, scene_pos: QPointF) -> int | None:
        layout = self.layout_
        if layout is None or scene_pos.y() < TOP:
            return None
        for row in layout.row_range(scene_pos.y(), scene_pos.y()):
            for household_id in layout.rows[row]:
                if layout.rects[household_id].contains(scene_pos):
                    return household_id
        return None

    def floor_at(self, scene_pos: QPointF) -> int | None:
        if self.layout_ is None or scene_pos.x() >= LEFT - 4:
            return None
        for row, floor in enumerate(self.layout_.floors):
            if self.layout_.floor_rect(row).adjusted(0, -2, 0, 2).contains(scene_pos):
                return floor
        return None

    def unit_at(self, scene_pos: QPointF) -> int | None:
        if self.layout_ is None or scene_pos.y() >= TOP:
            return None
        for unit in self.layout_.unit_columns:
            if self.layout_.unit_rect(unit).adjusted(-2, -2, 2, 4).contains(scene_pos):
                return unit
        return None

    def move_current(self, rows: int, columns: int, *, extend: bool = False) -> None:
        if self.layout_ is None or not self.cells:
            return
        layout = self.layout_
        if self.current is None or self.current not in layout.positions:
            target = min(layout.positions, key=lambda i: layout.positions[i])
        else:
            row, column = layout.positions[self.current]
            target = None
            r, c = row + rows, column + columns
            while 0 <= r < len(layout.floors) and 0 <= c < layout.columns:
                if (r, c) in layout.at:
                    target = layout.at[(r, c)]
                    break
                if rows:  # moving up/down past a floor this column lacks: try the nearest column
                    near = [k for k in layout.at if k[0] == r]
                    if near:
                        target = layout.at[min(near, key=lambda k: abs(k[1] - c))]
                        break
                r, c = r + rows, c + columns
            if target is None:
                return
        if extend and self.anchor is not None:
            self.current = target
            self._select_range(self.anchor, target, add=False)
        else:
            self.anchor = target
            self.set_selection([target], current=target)

    def _select_range(self, start: int, end: int, *, add: bool) -> None:
        assert self.layout_ is not None
        (r1, c1), (r2, c2) = self.layout_.positions[start], self.layout_.positions[end]
        rows, columns = range(min(r1, r2), max(r1, r2) + 1), range(min(c1, c2), max(c1, c2) + 1)
        ids = {i for (r, c), i in self.layout_.at.items() if r in rows and c in columns}
        self.set_selection((self.selected | ids) if add else ids, current=end)

    def _rubber_band(self, viewport_rect: QRect, from_scene: QPointF, to_scene: QPointF) -> None:
        if viewport_rect.isNull() or self.layout_ is None:
            self._banding = False
            return
        self._banding = True
        area = QRectF(from_scene, to_scene).normalized()
        ids = {i for i, rect in self.layout_.rects.items() if area.intersects(rect)}
        self.set_selection(self._band_base | ids)

    # -- zoom ----------------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.resetTransform()
        self.scale(factor, factor)

    def zoom_in(self) -> None:
        self.auto_zoom = False
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.auto_zoom = False
        self.set_zoom(self.zoom() / 1.25)

    def fit(self) -> None:
        """The whole building in view."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        viewport = self.viewport().rect()
        factor = min((viewport.width() - 4) / rect.width(), (viewport.height() - 4) / rect.height())
        self.auto_zoom = False
        self.set_zoom(factor)

    def reset_zoom(self) -> None:
        """Readable cells, widened to fill the width when there is room; tall buildings scroll."""
        self.auto_zoom = True
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            self.set_zoom(1.0)
            return
        width_fit = (self.viewport().width() - 4) / rect.width()
        whole_fit = min(width_fit, (self.viewport().height() - 4) / rect.height())
        if whole_fit >= 0.75:
            self.set_zoom(min(whole_fit, 1.3))
        else:
            self.set_zoom(max(0.75, min(width_fit, 1.0)))  # tall: show as many floors as is readable
        self.centerOn(rect.center().x(), 0)

    # -- Qt overrides ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            if event.button() == Qt.MouseButton.RightButton:
                household_id = self.household_at(self.mapToScene(event.position().toPoint()))
                if household_id is not None and household_id not in self.selected:
                    self.select_household(household_id)
            super().mousePressEvent(event)
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        modifiers = event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        household_id = self.household_at(scene_pos)
        if household_id is not None:
            if shift and self.anchor is not None:
                self._select_range(self.anchor, household_id, add=ctrl)
            elif ctrl:
                toggled = self.selected ^ {household_id}
                self.anchor = household_id
                self.set_selection(toggled, current=household_id)
            else:
                self.select_household(household_id)
            event.accept()
            return
        floor = self.floor_at(scene_pos)
        if floor is not None:
            self.select_floor(floor, add=ctrl)
            event.accept()
            return
        unit = self.unit_at(scene_pos)
        if unit is not None:
            self.select_unit(unit, add=ctrl)
            event.accept()
            return
        self._band_base = set(self.selected) if ctrl else set()
        if not ctrl:
            self.set_selection(())
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        household_id = self.household_at(self.mapToScene(event.position().toPoint()))
        if household_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select_household(household_id)
            self.activated.emit(household_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        extend = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        if key in moves and not ctrl:
            self.move_current(*moves[key], extend=extend)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current is not None:
            self.activated.emit(self.current)
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif ctrl and key == Qt.Key.Key_0:
            self.fit()
        elif ctrl and key == Qt.Key.Key_A:
            self.select_all()
        elif key == Qt.Key.Key_Escape and self.selected:
            self.set_selection(())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.selected:
            self.context_menu_requested.emit(event.globalPos(), self.selected_ids())
            event.accept()

    def viewportEvent(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            household_id = self.household_at(self.mapToScene(event.pos()))
            if household_id is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(household_id), self.viewport())
            return True
        return super().viewportEvent(event)

    def tooltip(self, household_id: int) -> str:
        cell = self.cells[household_id]
        lines = [
            self.tr("Unit {unit} room {room}").format(unit=cell.unit, room=cell.room),
            cell.head_name or self.tr("(no head of household recorded)"),
            labels.visit_status(cell.status),
            self.tr("Last visit: {when}").format(when=(cell.last_visit_at or self.tr("never"))[:16]),
        ]
        if cell.groups:
            lines.append(self.tr("Special groups: {groups}").format(groups=cell.groups))
        if cell.open_requests:
            lines.append(self.tr("Open requests: {count}").format(count=cell.open_requests))
        return "\n".join(lines)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_zoom and self.layout_ is not None:
            self.reset_zoom()
            if self.current is not None:
                self.ensureVisible(self.layout_.rects[self.current], 20, 20)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.item.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.item.update()
