"""The dashboard as a one-page A4 PDF report for the street office (QPdfWriter, the bundled CJK font)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from gridboard.models import dashboard, outputs
from gridboard.models.masking import mask_name
from gridboard.ui import labels
from gridboard.ui.dashboard.charts import (
    STATUS_COLORS,
    GridCoverageChart,
    MemberLoadChart,
    RequestAgeChart,
    ResolutionTrendChart,
    VisitsChart,
)

DPI = 150
OVERDUE_ROWS = 12


def masked(name: str) -> str:
    """Least needed on paper: the surname, the rest hidden (张** for 张三丰; masking's rule)."""
    return mask_name(name)


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _chart_pixmap(chart: QWidget, width: int, height: int):
    chart.resize(width, height)
    pixmap = chart.grab()
    chart.deleteLater()
    return pixmap


def write_report(path: str, view: Any) -> None:
    """Draw the view's current figures on one A4 page at `path` (written whole or not at all: outputs)."""
    with outputs.replacing(path, "pdf") as partial:
        _write_report(str(partial), view)


def _write_report(path: str, view: Any) -> None:
    d: dashboard.Dashboard = view.data
    writer = QPdfWriter(path)
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(QCoreApplication.translate("DashboardReport", "Coverage report"))
    writer.setCreator("gridboard")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(
            QCoreApplication.translate("DashboardReport", "{path} could not be written.").format(path=path)
        )
    try:
        _draw(painter, writer.width(), writer.height(), d, view)
    finally:
        painter.end()
    del writer  # finishes the file


def _draw(p: QPainter, width: int, height: int, d: dashboard.Dashboard, view: Any) -> None:
    h = d.headline
    y = 0.0
    p.setFont(_font(16, bold=True))
    p.setPen(QColor("#1f2d3d"))
    p.drawText(
        QRectF(0, y, width, 50),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        QCoreApplication.translate("DashboardReport", "Coverage report: {area}").format(
            area=view.area_title()
        ),
    )
    p.setFont(_font(8.5))
    p.setPen(QColor("#555555"))
    p.drawText(
        QRectF(0, y, width, 50),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        QCoreApplication.translate("DashboardReport", "{period} · figures as of {time}").format(
            period=view.period_box.currentText(), time=d.filters.moment.strftime("%Y-%m-%d %H:%M")
        ),
    )
    y += 58

    # Headline tiles: two rows; the overdue priority households first and in red.
    from gridboard.ui.dashboard.view import duration, percent

    tiles = [
        (
            QCoreApplication.translate("DashboardReport", "Priority households overdue"),
            f"{h.priority_overdue:,}",
            True,
        ),
        (QCoreApplication.translate("DashboardReport", "Households"), f"{h.households:,}", False),
        (QCoreApplication.translate("DashboardReport", "Paired"), percent(h.paired_share), False),
        (
            QCoreApplication.translate("DashboardReport", "Visited within cycle"),
            percent(h.visited_share),
            False,
        ),
        (
            QCoreApplication.translate("DashboardReport", "Visits this week / last week"),
            f"{h.visits_this_week:,} / {h.visits_last_week:,}",
            False,
        ),
        (QCoreApplication.translate("DashboardReport", "Open requests"), f"{h.open_requests:,}", False),
        (QCoreApplication.translate("DashboardReport", "Overdue requests"), f"{h.overdue_requests:,}", False),
        (
            QCoreApplication.translate("DashboardReport", "Median time to resolve"),
            duration(h.median_resolve_hours),
            False,
        ),
        (QCoreApplication.translate("DashboardReport", "Satisfaction"), percent(h.satisfaction), False),
    ]
    per_row, gap, tile_h = 5, 10.0, 88.0
    tile_w = (width - gap * (per_row - 1)) / per_row
    for i, (caption, value, alert) in enumerate(tiles):
        row, col = divmod(i, per_row)
        rect = QRectF(col * (tile_w + gap), y + row * (tile_h + gap), tile_w, tile_h)
        p.setPen(QPen(QColor("#e05a4f" if alert else "#d5d9e0"), 2))
        p.setBrush(QColor("#fdecea" if alert else "#f7f8fa"))
        p.drawRoundedRect(rect, 8, 8)
        p.setPen(QColor("#555555"))
        p.setFont(_font(7))
        p.drawText(
            rect.adjusted(10, 6, -6, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            caption,
        )
        p.setPen(QColor("#b3261e" if alert else "#1f2d3d"))
        value_rect = rect.adjusted(10, 0, -6, -6)
        points = 15.0
        # A city's figures ("24,137 / 37,627") are wider than a community's: shrink to fit the tile.
        while points > 8 and QFontMetricsF(_font(points, bold=True), p.device()).horizontalAdvance(value) > (
            value_rect.width()
        ):
            points -= 1
        p.setFont(_font(points, bold=True))
        p.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, value)
    p.setBrush(Qt.BrushStyle.NoBrush)
    y += 2 * (tile_h + gap) + 4

    # Charts, drawn fresh at the page's proportions.
    weekly = True
    grid_chart = GridCoverageChart()
    grid_chart.set_figures(d.grids)
    visits_chart = VisitsChart()
    visits_chart.set_figures(d.visits_by_week, weekly=weekly)
    member_chart = MemberLoadChart()
    member_chart.set_figures(d.members)
    age_chart = RequestAgeChart()
    age_chart.set_figures(d.open_request_ages)
    trend_chart = ResolutionTrendChart()
    trend_chart.set_figures(d.resolution_trend, weekly=d.filters.weekly_trend)

    def place(chart: QWidget, x: float, top: float, w: float, hgt: float) -> None:
        pixmap = _chart_pixmap(chart, int(w), int(hgt))
        p.drawPixmap(QRectF(x, top, w, hgt), pixmap, QRectF(pixmap.rect()))

    place(grid_chart, 0, y, width, 300)
    y += 308
    half = (width - gap) / 2
    place(visits_chart, 0, y, half, 270)
    place(member_chart, half + gap, y, half, 270)
    y += 278
    third = (width - 2 * gap) / 3
    # Drawn as text and bars, not a picture: each category's name whole on its own line.
    draw_category_bars(p, QRectF(0, y, third, 240), d.requests_by_category_status)
    place(age_chart, third + gap, y, third, 240)
    place(trend_chart, 2 * (third + gap), y, third, 240)
    y += 250

    # The four lists and the overdue priority households, as text columns.
    lists = d.four_lists
    left_w = width * 0.46
    p.setPen(QColor("#1f2d3d"))
    p.setFont(_font(10, bold=True))
    p.drawText(
        QRectF(0, y, left_w, 28),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("DashboardReport", "The four lists (四项清单)"),
    )
    p.drawText(
        QRectF(left_w + gap * 2, y, width - left_w, 28),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("DashboardReport", "Overdue priority households (most overdue first)"),
    )
    top = y + 32
    p.setFont(_font(7.5))
    p.setPen(QColor("#222222"))
    lines = [
        QCoreApplication.translate(
            "DashboardReport",
            "Population: {households} households lived in, {residents} residents, {grids} grids",
        ).format(
            households=f"{lists.households:,}", residents=f"{lists.residents:,}", grids=len(lists.by_grid)
        ),
        QCoreApplication.translate("DashboardReport", "Requests open: {items}").format(
            items=_KEEP.join(
                f"{labels.request_category(c)} {n}"
                for c, n in sorted(lists.open_by_category.items(), key=lambda kv: -kv[1])
            )
            or "—"
        ),
        QCoreApplication.translate("DashboardReport", "Scarce supplies outstanding: {items}").format(
            items=_KEEP.join(f"{s.item} {s.outstanding:g}{s.unit}" for s in lists.supplies[:6]) or "—"
        ),
        QCoreApplication.translate("DashboardReport", "Special groups (residents / visited within cycle):"),
    ]
    groups = [
        f"{labels.tag_label(g.code, g.name)}: {g.residents:,} / {g.visited_in_cycle:,}"
        f" ({percent(g.visited_in_cycle / g.households if g.households else None)})"
        for g in lists.special_groups
    ]
    line_h = QFontMetricsF(p.font(), p.device()).lineSpacing() * 1.1
    # Each line wraps within its column (a long list of categories or supplies takes two lines);
    # nothing is cut at the column's edge or runs into the table beside it.
    line_top = top
    metrics = QFontMetricsF(p.font(), p.device())
    bottom = height - 30
    for line in lines:
        indent = 24.0 if line.startswith("    ") else 0.0
        for shown in _flow(line.strip(), metrics, left_w - indent):
            if line_top + line_h > bottom:
                break  # the page is full; the dashboard and its lists have the rest
            p.drawText(
                QRectF(indent, line_top, left_w - indent, line_h),
                Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine,
                shown,
            )
            line_top += line_h
    # The special groups in two columns, down the first, then the second.
    column_w = (left_w - 24) / 2
    per_column = -(-len(groups) // 2)
    room = max(int((bottom - line_top) // line_h), 1)
    per_column = min(per_column, room)
    for i, group in enumerate(groups[: 2 * per_column]):
        column, row = divmod(i, per_column)
        p.drawText(
            QRectF(24 + column * column_w, line_top + row * line_h, column_w - 8, line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine,
            metrics.elidedText(group, Qt.TextElideMode.ElideRight, column_w - 8),
        )
    if len(groups) > 2 * per_column:
        p.setPen(QColor("#777777"))
        p.drawText(
            QRectF(24, line_top + per_column * line_h, left_w - 24, line_h),
            Qt.AlignmentFlag.AlignLeft,
            QCoreApplication.translate("DashboardReport", "… and {n} more groups on the dashboard").format(
                n=len(groups) - 2 * per_column
            ),
        )
        p.setPen(QColor("#222222"))

    x0 = left_w + gap * 2
    rows = dashboard.overdue_rows(view.store, d.overdue_priority[:OVERDUE_ROWS], d.filters)
    columns = [0.22, 0.18, 0.14, 0.28, 0.18]
    table_w = width - x0
    headers = [
        QCoreApplication.translate("DashboardReport", "Overdue by"),
        QCoreApplication.translate("DashboardReport", "Address"),
        QCoreApplication.translate("DashboardReport", "Head"),
        QCoreApplication.translate("DashboardReport", "Groups"),
        QCoreApplication.translate("DashboardReport", "Grid"),
    ]
    p.setFont(_font(7.5, bold=True))
    x = x0
    for text, share in zip(headers, columns, strict=True):
        p.drawText(QRectF(x, top, table_w * share, line_h), Qt.AlignmentFlag.AlignLeft, text)
        x += table_w * share
    p.setFont(_font(7.5))
    for r, row in enumerate(rows, start=1):
        values = [
            QCoreApplication.translate("DashboardReport", "never visited")
            if row.days_overdue is None
            else QCoreApplication.translate("DashboardReport", "{days} days").format(days=row.days_overdue),
            row.address,
            masked(row.head_name),
            row.tags,
            row.grid,
        ]
        x = x0
        metrics = QFontMetricsF(p.font(), p.device())
        for text, share in zip(values, columns, strict=True):
            cell = QRectF(x, top + r * line_h, table_w * share - 6, line_h)
            # Too long for its cell: shortened with "…", never cut mid-character.
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, cell.width())
            p.drawText(cell, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine, shown)
            x += table_w * share
    # The dashboard lists only the first of a city's overdue households; the headline counts them all.
    if d.headline.priority_overdue > OVERDUE_ROWS:
        p.setPen(QColor("#777777"))
        p.drawText(
            QRectF(x0, top + (len(rows) + 1) * line_h, table_w, line_h),
            Qt.AlignmentFlag.AlignLeft,
            QCoreApplication.translate("DashboardReport", "… and {n} more").format(
                n=f"{d.headline.priority_overdue - OVERDUE_ROWS:,}"
            ),
        )
    p.setPen(QColor("#999999"))
    p.setFont(_font(6.5))
    p.drawText(
        QRectF(0, height - 24, width, 24),
        Qt.AlignmentFlag.AlignRight,
        QCoreApplication.translate("DashboardReport", "gridboard · names shortened for privacy"),
    )


# Joins the items of a list line: a line breaks only between items, never inside "维修 39".
_KEEP = "\x1f"


def _flow(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """`text`'s items (joined by _KEEP) in lines no wider than `width`, broken between items; an
    item wider than a whole line alone is shortened with "…"."""
    items = text.split(_KEEP)
    lines: list[str] = []
    current = ""
    for item in items:
        joined = f"{current}、{item}" if current else item
        if current and metrics.horizontalAdvance(joined) > width:
            lines.append(current + "、")
            current = "    " + item
        else:
            current = joined
    lines.append(current)
    return [
        metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        if metrics.horizontalAdvance(line) > width
        else line
        for line in lines
    ]


def draw_category_bars(p: QPainter, rect: QRectF, by_category_status: dict[str, dict[str, int]]) -> None:
    """Requests received by category, stacked by status, as horizontal bars with their names at the
    left, one line each: on paper the names are text, whole and apart."""
    from gridboard.models.vocab import REQUEST_STATUSES

    p.save()
    p.setPen(QColor("#222222"))
    p.setFont(_font(8))
    metrics = QFontMetricsF(p.font(), p.device())
    title_h = metrics.lineSpacing() + 4
    p.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), title_h),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        QCoreApplication.translate("Dashboard", "Requests received, by category and status"),
    )
    # The legend: a swatch and a word per status, wrapped to as many rows as it needs.
    p.setFont(_font(6.5))
    small = QFontMetricsF(p.font(), p.device())
    swatch = small.height() * 0.7
    x, y = rect.left(), rect.top() + title_h
    for status in REQUEST_STATUSES:
        word = labels.request_status(status)
        need = swatch + 4 + small.horizontalAdvance(word) + 12
        if x + need > rect.right() and x > rect.left():
            x, y = rect.left(), y + small.lineSpacing()
        p.fillRect(
            QRectF(x, y + (small.height() - swatch) / 2, swatch, swatch), QColor(STATUS_COLORS[status])
        )
        p.drawText(QRectF(x + swatch + 4, y, need, small.lineSpacing()), Qt.AlignmentFlag.AlignLeft, word)
        x += need
    y += small.lineSpacing() + 4
    categories = sorted(by_category_status, key=lambda c: -sum(by_category_status[c].values()))
    if not categories:
        p.restore()
        return
    # Every row a line of text: a smaller font when the rows would not fit the chart's height.
    points = 7.0
    while points > 5 and QFontMetricsF(_font(points), p.device()).lineSpacing() * 1.05 * len(categories) > (
        rect.bottom() - y
    ):
        points -= 0.5
    p.setFont(_font(points))
    metrics = QFontMetricsF(p.font(), p.device())
    names = [labels.request_category(c) for c in categories]
    totals = [sum(by_category_status[c].values()) for c in categories]
    label_w = max(metrics.horizontalAdvance(n) for n in names) + 8
    number_w = max(metrics.horizontalAdvance(f"{t:,}") for t in totals) + 6
    row_h = min((rect.bottom() - y) / len(categories), metrics.height() * 1.8)
    bar_w = rect.width() - label_w - number_w
    most = max(max(totals), 1)
    for i, (category, name, total) in enumerate(zip(categories, names, totals, strict=True)):
        top = y + i * row_h
        p.setPen(QColor("#333333"))
        p.drawText(
            QRectF(rect.left(), top, label_w - 8, row_h),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            name,
        )
        x = rect.left() + label_w
        for status in REQUEST_STATUSES:
            n = by_category_status[category].get(status, 0)
            if n:
                w = bar_w * n / most
                p.fillRect(QRectF(x, top + row_h * 0.18, w, row_h * 0.64), QColor(STATUS_COLORS[status]))
                x += w
        p.drawText(
            QRectF(x + 4, top, number_w, row_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{total:,}",
        )
    p.restore()
