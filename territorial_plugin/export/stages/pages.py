"""The stage comparison as a PDF for politicians: a summary page, then one page per goal that changed.

A goal page shows its map (the goal's areas by their stance at TO, as the atlas draws
them; over them added areas, areas no longer linked drawn dashed from the frozen geometry
in the colour of their stance then, a ring in the earlier stance's colour where the
stance changed, other changed links, reshaped areas), the goal's
balance before and after, and the table of its changes, flowed onto further pages
when long. Pages are built one layout at a time as the PDF is written
(``layout_writer.export_sequence``), with the atlas's fonts, scale and scale bar rules.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSimpleLineSymbolLayer,
    QgsTableCell,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ...compat import set_label_style, set_legend_style_font
from ...core.i18n import plural, tr
from ...core.labels import stance_label
from ...core.model import Stance
from ...core.stages.compare import ADDED, CHANGED, REMOVED, RESHAPED, Comparison
from ..atlas.chart import format_ha
from ..atlas.furniture import fill_legend, fit_scalebar, page_extent
from ..atlas.layers import (
    CONFLICT_COLOR,
    FONT_FAMILY,
    INK,
    NEUTRAL_COLOR,
    SUPPORT_COLOR,
    stance_symbol,
    text_format,
)
from ..atlas.table import configure_table
from ..atlas.text import fit_scale, text_height_mm
from ..layout_writer import export_sequence
from .rows import Context, link_change_label, orphan_label

PAGE_W, PAGE_H = 210.0, 297.0  # A4 portrait, mm
#: a goal page's heading: the goal's label (catalogue, kind, code) over its title, whose box
#: holds two lines at full size; a longer title is set smaller, then given more lines, and
#: what is below it moves down (the table keeps its bottom and flows onto further pages)
CODE_RECT = QRectF(12, 10, 186, 6)
TITLE_TOP, TITLE_SIZE, TITLE_LINES = 16.0, 15.0, 15.0
MAP_RECT = QRectF(12, 44, 136, 118)
LEGEND_RECT = QRectF(152, 44, 46, 118)
TABLE_RECT = QRectF(12, 176, 186, 106)
CONTINUED_RECT = QRectF(12, 30, 186, 252)
GREY = QColor(96, 103, 112)

# A goal's map draws the goal's areas as the plan has them at TO, by stance (the atlas's
# colours: stance_symbol), and over them what changed, in outlines that leave the fill
# readable; where the FROM stance matters (a link removed, a stance changed) the outline
# has the FROM stance's colour, so both moments are on one map.
ADDED_AREA, REMOVED_AREA, STANCE_CHANGED, OTHER_CHANGE = "added", "removed", "stance", "other"
NEW_SHAPE, OLD_SHAPE = "new_shape", "old_shape"
ORANGE = QColor(235, 140, 20)
PURPLE = QColor(90, 60, 170)
#: drawing order of the change outlines (later on top); the legend lists them as _LEGEND_ORDER
_CHANGE_ORDER = (OLD_SHAPE, NEW_SHAPE, OTHER_CHANGE, ADDED_AREA, STANCE_CHANGED, REMOVED_AREA)
_LEGEND_ORDER = (ADDED_AREA, REMOVED_AREA, STANCE_CHANGED, OTHER_CHANGE, NEW_SHAPE, OLD_SHAPE)
_STANCES = (Stance.SUPPORTS.value, Stance.CONFLICTS.value, Stance.NEUTRAL.value)


def _stance_color(stance: str) -> QColor:
    return {Stance.SUPPORTS.value: SUPPORT_COLOR, Stance.CONFLICTS.value: CONFLICT_COLOR}.get(stance, NEUTRAL_COLOR)


def _change_value(kind: str, stance: str = "") -> str:
    """A change outline's category: its kind, and the FROM stance where the outline shows it."""
    return f"{kind}:{stance}" if stance else kind


def _change_title(value: str, before: str) -> str:
    kind, _, stance = value.partition(":")
    was = stance_label(stance).lower() if stance else ""
    return {
        ADDED_AREA: lambda: tr("Added area"),
        REMOVED_AREA: lambda: tr("Removed area ({stance} at {stage})").format(stance=was, stage=before),
        STANCE_CHANGED: lambda: tr("Stance changed ({stance} at {stage})").format(stance=was, stage=before),
        OTHER_CHANGE: lambda: tr("Strength or motivation changed"),
        NEW_SHAPE: lambda: tr("Reshaped area, new shape"),
        OLD_SHAPE: lambda: tr("Reshaped area, earlier shape"),
    }[kind]()


def _change_symbol(geometry_type, value: str):
    kind, _, stance = value.partition(":")
    if kind == REMOVED_AREA:  # not linked at TO: the FROM stance's colour, dashed, no fill
        return _outline(geometry_type, _stance_color(stance), 0.9, dashed=True)
    if kind == STANCE_CHANGED:  # a ring inside the TO fill's border in the FROM stance's colour
        return _outline(geometry_type, _stance_color(stance), 1.2, inside=True)
    color, width, dashed = {
        ADDED_AREA: (INK, 0.8, False),
        OTHER_CHANGE: (ORANGE, 0.9, False),
        NEW_SHAPE: (PURPLE, 0.6, False),
        OLD_SHAPE: (GREY, 0.6, True),
    }[kind]
    return _outline(geometry_type, color, width, dashed=dashed)


def _label(layout: QgsPrintLayout, text: str, rect: QRectF, size: float, *, bold=False, color=INK, page=0):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(bold)
    set_label_style(label, font, color)
    layout.addLayoutItem(label)
    top = layout.pageCollection().page(page).pos().y()
    label.attemptSetSceneRect(QRectF(rect.x(), rect.y() + top, rect.width(), rect.height()))
    return label


def _new_layout(project: QgsProject, name: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(
        QgsLayoutSize(PAGE_W, PAGE_H, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
    )
    return layout


def _add_page(layout: QgsPrintLayout) -> int:
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.pageCollection().addPage(page)
    return layout.pageCollection().pageCount() - 1


def _title_font(size: float) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size)
    font.setBold(True)
    return font


def fit_title(text: str, width: float = 186.0) -> tuple[float, float]:
    """``(points, height in mm)`` of a goal page's title: the atlas's rule (``atlas/text.fit_scale``)
    sets a title too long for :data:`TITLE_LINES` mm smaller; one still too long at the smallest
    size keeps that size and gets the lines it needs."""
    inner = width - 2.0  # a layout label's default margin of 1 mm either side
    size = TITLE_SIZE * fit_scale(text, _title_font(TITLE_SIZE), inner, TITLE_LINES - 2.0)
    return size, max(TITLE_LINES, text_height_mm(text, _title_font(size), inner) + 2.0)


def _flowing_table(
    layout: QgsPrintLayout,
    headers: Sequence[str],
    shares: Sequence[float],
    rows: list[list[str]],
    first: QRectF,
    heading: str,
) -> None:
    """A table in ``first`` on page 1, continued on new pages (under ``heading``) while rows remain."""
    from qgis.core import QgsLayoutTableColumn

    table = QgsLayoutItemManualTable.create(layout)
    configure_table(table, first.width())  # the atlas's look; its columns are replaced below
    widths = [first.width() * share - 2.0 for share in shares]
    columns = []
    for title, width in zip(headers, widths):
        column = QgsLayoutTableColumn(title)
        column.setWidth(width)
        columns.append(column)
    table.setHeaders(columns)
    table.setColumnWidths(widths)
    table.setTableContents([[QgsTableCell(value) for value in row] for row in rows])
    layout.addMultiFrame(table)
    _frame(layout, table, first, 0)
    for _ in range(200):  # a runaway guard: a frame too small for a single row
        if table.frames()[-1].extent().bottom() >= table.totalSize().height() - 0.01:
            break
        index = _add_page(layout)
        _label(layout, heading, QRectF(12, 12, 186, 12), 12, bold=True, page=index)
        _frame(layout, table, CONTINUED_RECT, index)


def _frame(layout, table, rect: QRectF, page: int) -> None:
    top = layout.pageCollection().page(page).pos().y()
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(rect.x(), rect.y() + top, rect.width(), rect.height()))
    table.addFrame(frame)


def _state_text(state) -> str:
    if not state:
        return "–"
    motivation = state[2] if len(state[2]) <= 160 else state[2][:157] + "…"
    text = tr("{stance}, strength {strength}").format(stance=stance_label(state[0]), strength=state[1])
    return f"{text}\n{motivation}" if motivation else text


def _areas_text(count: int, hectares: float) -> str:
    return plural(count, tr("{n} area, {ha} ha"), tr("{n} areas, {ha} ha")).format(n=count, ha=format_ha(hectares))


def _balance_text(balance, before: str, after: str) -> str:
    def part(label: str, old: tuple[int, float], new: tuple[int, float]) -> str:
        return tr("{label}: {before} → {after} ({diff} ha)").format(
            label=label,
            before=_areas_text(*old),
            after=_areas_text(*new),
            diff=_signed(new[1] - old[1]),
        )

    return "\n".join(
        (
            tr("From {before} to {after}").format(before=before, after=after),
            part(tr("Supporting"), balance.supports_before, balance.supports_after),
            part(tr("Conflicting"), balance.conflicts_before, balance.conflicts_after),
        )
    )


class ComparisonPages:
    """Builds the summary layout and one layout per changed goal, each only when it is printed."""

    def __init__(self, comparison: Comparison, context: Context, crs: QgsCoordinateReferenceSystem, project):
        self.comparison, self.context, self.crs, self.project = comparison, context, crs, project
        self.date = _dt.date.today().isoformat()
        self._keep: list = []  # layers of the page being printed (a layout does not own them)
        self.background = self._layer(
            tr("Land use ({stage})").format(stage=comparison.after),
            [("bg", wkb) for (_uid, _key), (_n, _ha, wkb) in context.after.areas.items()],
        )

    def steps(self):
        goals = self.comparison.changed_goals()
        return [self.summary] + [lambda goal=goal: self.goal_page(goal) for goal in goals]

    def summary_counts(self) -> list[str]:
        """The summary's lines of counts: links added, removed, changed; areas added, removed, reshaped."""
        comparison = self.comparison
        links = {kind: sum(1 for c in comparison.links if c.kind == kind) for kind in (ADDED, REMOVED, CHANGED)}
        areas = {kind: sum(1 for c in comparison.areas if c.kind == kind) for kind in (ADDED, REMOVED, RESHAPED)}
        orphans = len(comparison.orphaned)
        link_parts = (
            plural(links[ADDED], tr("{n} link added"), tr("{n} links added")),
            plural(links[REMOVED], tr("{n} link removed"), tr("{n} links removed")),
            plural(links[CHANGED], tr("{n} link changed"), tr("{n} links changed")),
        )
        area_parts = (
            plural(areas[ADDED], tr("{n} area added"), tr("{n} areas added")),
            plural(areas[REMOVED], tr("{n} area removed"), tr("{n} areas removed")),
            plural(areas[RESHAPED], tr("{n} area reshaped"), tr("{n} areas reshaped")),
            plural(orphans, tr("{n} link lost its area"), tr("{n} links lost their area")),
        )
        counts = (links[ADDED], links[REMOVED], links[CHANGED])
        area_counts = (areas[ADDED], areas[REMOVED], areas[RESHAPED], orphans)
        return [
            ", ".join(part.format(n=n) for part, n in zip(link_parts, counts)) + ".",
            ", ".join(part.format(n=n) for part, n in zip(area_parts, area_counts)) + ".",
        ]

    # -- map layers -------------------------------------------------------------------
    def _layer(self, name: str, shapes: list[tuple[str, bytes | None]], look=None) -> QgsVectorLayer | None:
        """A memory layer of ``(category, WKB)``; ``look(geometry type, categories present)`` gives its
        renderer's categories (none: the pale background land use)."""
        shapes = [(kind, wkb) for kind, wkb in shapes if wkb]
        if not shapes:
            return None
        first = QgsGeometry()
        first.fromWkb(shapes[0][1])
        kind_name = QgsWkbTypes.displayString(QgsWkbTypes.multiType(first.wkbType()))
        layer = QgsVectorLayer(f"{kind_name}?crs={self.crs.authid()}&field=change:string", name, "memory")
        if not self.crs.authid():
            layer.setCrs(self.crs)
        features = []
        for kind, wkb in shapes:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            # one layer type for single and multi parts (a single part always converts)
            _ = geometry.convertToMultiType()
            feature = QgsFeature(layer.fields())
            feature.setAttributes([kind])
            feature.setGeometry(geometry)
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        geometry_type = layer.geometryType()
        if look is None:
            layer.renderer().setSymbol(_plain(geometry_type, QColor(228, 231, 234), QColor(185, 190, 196)))
        else:
            layer.setRenderer(QgsCategorizedSymbolRenderer("change", look(geometry_type, {k for k, _ in shapes})))
        self._keep.append(layer)
        return layer

    @staticmethod
    def _stance_look(geometry_type, present: set[str]) -> list[QgsRendererCategory]:
        return [
            QgsRendererCategory(stance, stance_symbol(geometry_type, stance), stance_label(stance))
            for stance in _STANCES
            if stance in present
        ]

    def _change_look(self, geometry_type, present: set[str]) -> list[QgsRendererCategory]:
        values = []
        for kind in _LEGEND_ORDER:
            if kind in (REMOVED_AREA, STANCE_CHANGED):
                values += [_change_value(kind, stance) for stance in _STANCES]
            else:
                values.append(_change_value(kind))
        before = self.comparison.before
        return [
            QgsRendererCategory(value, _change_symbol(geometry_type, value), _change_title(value, before))
            for value in values
            if value in present
        ]

    def _goal_shapes(self, goal_id: str):
        """What the goal's map draws, ``(stance, WKB)`` at TO and ``(change, WKB)``, and the rows of its table."""
        before, after, context = self.context.before, self.context.after, self.context
        changes, rows = [], []

        def wkb(snapshot, uid, key):
            area = snapshot.areas.get((uid, key))
            return area[2] if area else None

        for change in self.comparison.links:
            if change.goal_id != goal_id:
                continue
            uid, key = change.layer_uid, change.key
            if change.kind == ADDED:
                changes.append((_change_value(ADDED_AREA), wkb(after, uid, key)))
            elif change.kind == REMOVED:  # drawn from the frozen geometry, as it was
                changes.append((_change_value(REMOVED_AREA, change.before[0]), wkb(before, uid, key)))
            elif change.before[0] != change.after[0]:
                changes.append((_change_value(STANCE_CHANGED, change.before[0]), wkb(after, uid, key)))
            else:
                changes.append((_change_value(OTHER_CHANGE), wkb(after, uid, key)))
            rows.append(
                [
                    key,
                    context.area_name(uid, key),
                    link_change_label(change.kind),
                    _state_text(change.before),
                    _state_text(change.after),
                ]
            )
        # every area linked to the goal at TO, by its stance then (the changes are drawn over them)
        stances = [(state[0], wkb(after, k[0], k[1])) for k, state in after.links.items() if k[2] == goal_id]
        linked = {(k[0], k[1]) for k in (*before.links, *after.links) if k[2] == goal_id}
        for change in self.comparison.areas:
            if (change.layer_uid, change.key) not in linked or change.kind != RESHAPED:
                continue
            changes.append((_change_value(OLD_SHAPE), wkb(before, change.layer_uid, change.key)))
            changes.append((_change_value(NEW_SHAPE), wkb(after, change.layer_uid, change.key)))
            rows.append(
                [
                    change.key,
                    change.name,
                    tr("Area reshaped"),
                    tr("{ha} ha").format(ha=format_ha(change.hectares_before or 0.0)),
                    tr("{ha} ha").format(ha=format_ha(change.hectares_after or 0.0)),
                ]
            )
        for uid, key, goal in self.comparison.orphaned:
            if goal == goal_id:
                state = before.links.get((uid, key, goal)) or after.links[(uid, key, goal)]
                changes.append((_change_value(REMOVED_AREA, state[0]), wkb(before, uid, key)))
                rows.append(
                    [
                        key,
                        context.area_name(uid, key),
                        orphan_label(),
                        tr("Area in the plan"),
                        tr("Area gone, link kept"),
                    ]
                )
        order = {kind: n for n, kind in enumerate(_CHANGE_ORDER)}
        # features are drawn in their order (no symbol levels): the outlines that matter most on top
        changes.sort(key=lambda change: order[change[0].partition(":")[0]])
        return stances, changes, rows

    # -- pages -------------------------------------------------------------------------
    def summary(self) -> QgsPrintLayout:
        comparison, context = self.comparison, self.context
        layout = _new_layout(self.project, tr("Changes between plan stages"))
        _label(layout, tr("What the plan does differently"), QRectF(12, 12, 186, 12), 18, bold=True)
        if comparison.changed_goals():
            closing = tr("The following pages show, goal by goal, what changed.")
        else:
            closing = tr("Nothing changed between the two stages.")
        text = "\n".join(
            (
                tr("From {before} to {after}. Written {date}.").format(
                    before=comparison.before, after=comparison.after, date=self.date
                ),
                *self.summary_counts(),
                closing,
            )
        )
        _label(layout, text, QRectF(12, 28, 186, 30), 10)
        headers = [
            tr("Goal"),
            tr("Title"),
            tr("Supporting ha before"),
            tr("Supporting ha after"),
            tr("Change supporting (ha)"),
            tr("Conflicting ha before"),
            tr("Conflicting ha after"),
            tr("Change conflicting (ha)"),
        ]
        rows = []
        for balance in comparison.goals:
            if not balance.changed:
                continue
            s0, s1, c0, c1 = (
                balance.supports_before[1],
                balance.supports_after[1],
                balance.conflicts_before[1],
                balance.conflicts_after[1],
            )
            rows.append(
                [
                    context.goal_label(balance.goal_id),
                    context.goal_title(balance.goal_id),
                    format_ha(s0),
                    format_ha(s1),
                    _signed(s1 - s0),
                    format_ha(c0),
                    format_ha(c1),
                    _signed(c1 - c0),
                ]
            )
        if rows:
            shares = [0.15, 0.19] + [0.11] * 6
            _flowing_table(
                layout, headers, shares, rows, QRectF(12, 62, 186, 220), tr("Goals that changed (continued)")
            )
        self._footer(layout)
        return layout

    def goal_page(self, goal_id: str) -> QgsPrintLayout:
        self._keep = [self.background] if self.background else []
        context = self.context
        label, title = context.goal_label(goal_id), context.goal_title(goal_id)
        layout = _new_layout(self.project, context.goal_label(goal_id, title=True))
        _label(layout, label, CODE_RECT, 9, color=GREY)
        size, height = fit_title(title)
        _label(layout, title, QRectF(12, TITLE_TOP, 186, height), size, bold=True)
        # what lies below a title longer than its two lines moves down by what it took more
        shift = height - TITLE_LINES
        balance = next(b for b in self.comparison.goals if b.goal_id == goal_id)
        _label(
            layout,
            _balance_text(balance, self.comparison.before, self.comparison.after),
            QRectF(12, TITLE_TOP + height, 186, 13),
            8.5,
        )
        stances, shapes, rows = self._goal_shapes(goal_id)
        comparison = self.comparison
        changes = self._layer(tr("Changes since {stage}").format(stage=comparison.before), shapes, self._change_look)
        stance = self._layer(tr("Stance ({stage})").format(stage=comparison.after), stances, self._stance_look)
        self._add_map(layout, [layer for layer in (changes, stance) if layer is not None], shift)
        headers = [tr("Area id"), tr("Name"), tr("Change"), tr("Before"), tr("After")]
        shares = [0.12, 0.18, 0.16, 0.27, 0.27]
        table = TABLE_RECT.adjusted(0, shift, 0, 0)
        continued = tr("{goal} (continued)").format(goal=context.goal_label(goal_id, title=True))
        _flowing_table(layout, headers, shares, rows, table, continued)
        self._footer(layout)
        return layout

    def _add_map(self, layout: QgsPrintLayout, goal_layers: list[QgsVectorLayer], shift: float = 0.0) -> None:
        """The map of the goal's layers (top first) over the land use, centred on the goal's areas;
        ``shift`` mm lower than usual (under a long title)."""
        map_rect, legend_rect = MAP_RECT.translated(0, shift), LEGEND_RECT.translated(0, shift)
        layers = goal_layers + ([self.background] if self.background is not None else [])
        extent = QgsRectangle()
        for layer in goal_layers:
            if extent.isEmpty():
                extent = QgsRectangle(layer.extent())
            else:
                extent.combineExtentWith(layer.extent())
        if extent.isEmpty() and self.background is not None:
            extent = QgsRectangle(self.background.extent())
        margin = max(extent.width(), extent.height(), 400.0) * 0.25
        extent.grow(margin)
        extent = page_extent(extent, QRectF(0, 0, map_rect.width(), map_rect.height()), self.crs)
        map_item = QgsLayoutItemMap(layout)
        map_item.attemptSetSceneRect(map_rect)
        map_item.setFrameEnabled(True)
        map_item.setCrs(self.crs)
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)
        map_item.setExtent(extent)
        layout.addLayoutItem(map_item)
        legend = QgsLayoutItemLegend(layout)
        legend.setTitle(tr("Legend"))
        # patches large enough to show a ring inside a border
        legend.setSymbolWidth(6)
        legend.setSymbolHeight(4.5)
        # the sizes of the bundled atlas templates' legends (tools/build_templates.py)
        for style, points, bold in (
            (QgsLegendStyle.Style.Title, 9, True),
            (QgsLegendStyle.Style.Group, 8, True),
            (QgsLegendStyle.Style.Subgroup, 7.5, True),
            (QgsLegendStyle.Style.SymbolLabel, 7, False),
        ):
            font = QFont(FONT_FAMILY)
            font.setPointSizeF(points)
            font.setBold(bold)
            set_legend_style_font(legend, style, font)
        legend.setBackgroundEnabled(False)
        layout.addLayoutItem(legend)
        legend.setLinkedMap(map_item)
        # the stances first, then what changed (the map draws the changes on top)
        listed = list(reversed(goal_layers)) + layers[len(goal_layers) :]
        fill_legend(legend, [(layer, "") for layer in listed], overview=False, goal_count=1)
        legend.attemptSetSceneRect(legend_rect)
        legend.setResizeToContents(False)
        legend.refresh()
        scalebar = QgsLayoutItemScaleBar(layout)
        scalebar.setStyle("Single Box")
        scalebar.setTextFormat(text_format(7))
        scalebar.setLinkedMap(map_item)
        fit_scalebar(scalebar, extent, map_rect.width())
        layout.addLayoutItem(scalebar)
        scalebar.attemptSetSceneRect(QRectF(map_rect.x(), map_rect.bottom() + 2, 60, 8))
        scalebar.update()

    def _footer(self, layout: QgsPrintLayout) -> None:
        for index in range(layout.pageCollection().pageCount()):
            _label(
                layout,
                tr("Territorial Links · {before} → {after} · {date}").format(
                    before=self.comparison.before, after=self.comparison.after, date=self.date
                ),
                QRectF(12, 287, 186, 5),
                7,
                color=GREY,
                page=index,
            )


def _signed(value: float) -> str:
    """A change in hectares with its sign; no change is "0", not "+0"."""
    # sums of the same areas added in another order may differ in the last bits: no change either
    if abs(value) < 1e-9:
        return format_ha(0.0)
    return ("+" if value > 0 else "−") + format_ha(abs(value))


def _plain(geometry_type, fill: QColor, outline: QColor):
    """The background land use: a pale fill with a thin outline."""
    if geometry_type == QgsWkbTypes.GeometryType.PointGeometry:
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": fill.name(), "outline_color": outline.name()})
    if geometry_type == QgsWkbTypes.GeometryType.LineGeometry:
        return QgsLineSymbol.createSimple({"color": outline.name(), "width": "0.4"})
    return QgsFillSymbol.createSimple(
        {"color": fill.name(), "style": "solid", "outline_color": outline.name(), "outline_width": "0.26"}
    )


def _outline(geometry_type, color: QColor, width: float, *, dashed: bool = False, inside: bool = False):
    """A change drawn over the goal's areas without hiding their stance: an outline (``inside``:
    a ring just inside the stance symbol's own border), a ring around a point, a thin line on a line."""
    if geometry_type == QgsWkbTypes.GeometryType.PointGeometry:
        return QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": "0,0,0,0", "outline_color": color.name(), "size": "4.4",
             "outline_width": str(width * 0.6), "outline_style": "dash" if dashed else "solid"}
        )  # fmt: skip
    if geometry_type == QgsWkbTypes.GeometryType.LineGeometry:
        return QgsLineSymbol.createSimple(
            {"color": color.name(), "width": str(width * 0.5 if inside else width),
             "line_style": "dash" if dashed else "solid"}
        )  # fmt: skip
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_style": "no"})
    symbol.deleteSymbolLayer(0)
    line = QgsSimpleLineSymbolLayer(color, width)
    line.setWidthUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
    line.setPenStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    if inside:  # clear of the stance symbol's border (0.9 mm at most, centred on the edge)
        line.setOffsetUnit(QgsUnitTypes.RenderUnit.RenderMillimeters)
        line.setOffset(0.45 + width / 2)
    symbol.appendSymbolLayer(line)
    return symbol


def write_pdf(
    comparison: Comparison, context: Context, output: Path, *, crs: QgsCoordinateReferenceSystem, project, feedback=None
) -> int:
    """Write the PDF; returns its page count."""
    pages = ComparisonPages(comparison, context, crs, project)
    counted: list[int] = []

    def counting(step):
        def run():
            layout = step()
            counted.append(layout.pageCollection().pageCount())
            return layout

        return run

    export_sequence([counting(step) for step in pages.steps()], output, "pdf", dpi=300, feedback=feedback)
    return sum(counted)
