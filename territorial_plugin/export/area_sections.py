"""One section per linked area for the plan description (a chapter per utvecklingsområde or
LIS-område): name, category, size, every linked goal with stance, strength and motivation,
and a locator map — as PDF pages and as an XLSX sheet.

The PDF is one A4 page layout refilled for each area and printed page by page
(``layout_writer.export_sequence``), as the goal atlas is; an area with more goals than
the page holds continues on a page of its own (the table repeats until finished).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsTableCell,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import set_label_style
from ..core.areas import area_records, category_field
from ..core.errors import ExportError
from ..core.i18n import tr
from ..core.labels import stance_label
from ..core.model import Goal, Link
from .atlas.data import AtlasLayer
from .atlas.furniture import page_extent
from .atlas.layers import FONT_FAMILY, INK
from .atlas.map_style import fit_aspect, muted_style
from .atlas.table import apply_table_look
from .layout_writer import export_sequence

#: A4 portrait, millimetres
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 15.0
HIGHLIGHT = QColor(200, 30, 45)


@dataclass(frozen=True)
class GoalLine:
    """One linked goal of an area, as the section prints it."""

    goal: str  # "11.3 Hållbar urbanisering" (catalogue short name in front when several)
    stance: str
    strength: int
    motivation: str


@dataclass(frozen=True)
class AreaSection:
    layer_name: str
    key: str
    name: str
    category: str
    hectares: float
    geometry: QgsGeometry  # in the sections' CRS
    goals: tuple[GoalLine, ...]

    @property
    def heading(self) -> str:
        return f"{self.name} ({self.key})" if self.name else self.key


def goal_text(goal: Goal, with_catalogue: bool) -> str:
    title = goal.title_sv or goal.title_en
    text = f"{goal.code} {title}".strip()
    return f"{goal.catalogue_id} · {text}" if with_catalogue else text


def collect_sections(
    layers: Sequence[AtlasLayer],
    goals: Sequence[Goal],
    links: Sequence[Link],
    project: QgsProject | None = None,
    feedback=None,
) -> tuple[list[AreaSection], QgsCoordinateReferenceSystem]:
    """The linked areas of ``layers`` in layer order, then key order, with their goals."""
    project = project or QgsProject.instance()
    goals_by_id = {goal.id: goal for goal in goals}
    several = len({goal.catalogue_id for goal in goals}) > 1
    order = {goal.id: number for number, goal in enumerate(goals)}
    by_area: dict[tuple[str, str], list[Link]] = {}
    for link in links:
        if link.goal_id in goals_by_id:
            by_area.setdefault((link.layer_uid, link.feature_key), []).append(link)
    linked = [layer for layer in layers if layer.linked]
    crs = linked[0].layer.crs() if linked else project.crs()
    sections: list[AreaSection] = []
    for atlas_layer in linked:
        layer = atlas_layer.layer
        keys = {key for uid, key in by_area if uid == atlas_layer.layer_uid}
        if not keys:
            continue
        category = category_field(layer, atlas_layer.key_field)
        categories = _categories(layer, atlas_layer.key_field, category) if category else {}
        transform = None if layer.crs() == crs else QgsCoordinateTransform(layer.crs(), crs, project.transformContext())
        for record in area_records(
            layer, atlas_layer.key_field, project=project, geometry=True, keys=keys, feedback=feedback
        ):
            geometry = QgsGeometry(record.geometry)
            if transform is not None and not geometry.isEmpty() and geometry.transform(transform) != 0:
                raise ExportError(
                    tr("The area '{key}' of '{layer}' cannot be shown in the map's coordinate system.").format(
                        key=record.key, layer=layer.name()
                    )
                )
            area_links = sorted(by_area[(atlas_layer.layer_uid, record.key)], key=lambda lk: order[lk.goal_id])
            lines = tuple(
                GoalLine(
                    goal_text(goals_by_id[lk.goal_id], several),
                    stance_label(lk.stance),
                    int(lk.strength),
                    lk.motivation or "",
                )
                for lk in area_links
            )
            sections.append(
                AreaSection(
                    layer.name(),
                    record.key,
                    record.name,
                    categories.get(record.key, ""),
                    record.hectares,
                    geometry,
                    lines,
                )
            )
    sections.sort(key=lambda s: (s.layer_name, s.heading.casefold()))
    return sections, crs


def _categories(layer: QgsVectorLayer, key_field: str, field: str) -> dict[str, str]:
    from qgis.core import QgsFeatureRequest

    from ..compat import is_null
    from ..core.identity import feature_key

    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([key_field, field], layer.fields())
    result = {}
    for feature in layer.getFeatures(request):
        key = feature_key(feature[key_field])
        value = feature[field]
        if key is not None and not is_null(value):
            result[key] = str(value)
    return result


def hectares_text(hectares: float) -> str:
    """Swedish figures that never hide an area: two decimals below 1 ha, "< 0,01" below that."""
    if hectares <= 0:
        return "–"
    if hectares < 0.01:
        return "< 0,01 ha"
    text = f"{hectares:,.2f}" if hectares < 1 else f"{hectares:,.1f}"
    return text.replace(",", " ").replace(".", ",") + " ha"


# -- XLSX -------------------------------------------------------------------------------------
def section_rows(sections: Sequence[AreaSection]) -> list[dict]:
    headers = section_headers()
    rows = []
    for section in sections:
        base = {
            headers["layer"]: section.layer_name,
            headers["key"]: section.key,
            headers["name"]: section.name,
            headers["category"]: section.category,
            headers["ha"]: round(section.hectares, 4),
        }
        for line in section.goals:
            rows.append(
                {
                    **base,
                    headers["goal"]: line.goal,
                    headers["stance"]: line.stance,
                    headers["strength"]: line.strength,
                    headers["motivation"]: line.motivation,
                }
            )
    return rows


def section_headers() -> dict[str, str]:
    return {
        "layer": tr("Layer"),
        "key": tr("Key"),
        "name": tr("Name"),
        "category": tr("Category"),
        "ha": tr("Area (ha)"),
        "goal": tr("Goal"),
        "stance": tr("Stance"),
        "strength": tr("Strength"),
        "motivation": tr("Motivation"),
    }


def write_sections_xlsx(sections: Sequence[AreaSection], output: Path) -> Path:
    """One sheet, one row per area and goal, with a filter and a frozen header row."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    frame = pd.DataFrame(section_rows(sections), columns=list(section_headers().values()))
    part = output.with_name(output.name + ".part")
    sheet_name = tr("Areas")
    with pd.ExcelWriter(part, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet_name, index=False)
        sheet = writer.sheets[sheet_name]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for number, column in enumerate(frame.columns, 1):
            longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(500)])
            sheet.column_dimensions[get_column_letter(number)].width = min(max(10, longest + 2), 60)
    part.replace(output)
    return output


# -- PDF --------------------------------------------------------------------------------------
class SectionPage:
    """The page layout, refilled for each area."""

    def __init__(self, sections: Sequence[AreaSection], crs, background: Sequence[QgsVectorLayer], project):
        self.sections = list(sections)
        self.crs = crs
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        page = self.layout.pageCollection().page(0)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        self.layout.setName(tr("Areas and goals"))
        self.highlight = QgsVectorLayer(f"Polygon?crs={crs.authid()}", tr("The area"), "memory")
        self._style_highlight()
        width = PAGE_W - 2 * MARGIN
        self.title = self._label(MARGIN, MARGIN, width, 12, 16, bold=True)
        self.subtitle = self._label(MARGIN, MARGIN + 12, width, 8, 9.5)
        self.map = self._map(MARGIN, MARGIN + 22, width * 0.68, 95, crs, background)
        overview_x = MARGIN + width * 0.68 + 4
        self.overview = self._map(overview_x, MARGIN + 22, width - width * 0.68 - 4, 60, crs, background)
        full = QgsRectangle()
        for section in self.sections:
            full.combineExtentWith(section.geometry.boundingBox())
        self.full_extent = full
        # the whole plan, with the section's map drawn as a frame on it
        self.overview.setExtent(fit_aspect(full.buffered(full.width() * 0.05), self.overview.rect()))
        self.overview.overview().setLinkedMap(self.map)
        self.page_label = self._label(MARGIN, PAGE_H - MARGIN + 3, width, 6, 8)
        self.table = QgsLayoutItemManualTable.create(self.layout)
        widths = [0.36 * width, 0.14 * width, 0.1 * width]
        widths.append(width - sum(widths) - 4 * 2.0 - 1.0)
        apply_table_look(self.table, [tr("Goal"), tr("Stance"), tr("Strength"), tr("Motivation")], widths, 8.0)
        self.table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
        self.layout.addMultiFrame(self.table)
        top = MARGIN + 22 + 95 + 6
        frame = QgsLayoutFrame(self.layout, self.table)
        frame.attemptSetSceneRect(QRectF(MARGIN, top, width, PAGE_H - MARGIN - top))
        self.table.addFrame(frame)

    def _style_highlight(self) -> None:
        from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

        symbol = QgsFillSymbol.createSimple(
            {"color": "200,30,45,70", "outline_color": "200,30,45,255", "outline_width": "0.8"}
        )
        self.highlight.setRenderer(QgsSingleSymbolRenderer(symbol))

    def _label(self, x, y, w, h, points: float, bold: bool = False) -> QgsLayoutItemLabel:
        label = QgsLayoutItemLabel(self.layout)
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(points)
        font.setBold(bold)
        set_label_style(label, font, INK)
        self.layout.addLayoutItem(label)
        label.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        label.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        return label

    def _map(self, x, y, w, h, crs, background) -> QgsLayoutItemMap:
        item = QgsLayoutItemMap(self.layout)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        item.setCrs(crs)
        item.setFrameEnabled(True)
        item.setLayers([self.highlight, *background])
        item.setKeepLayerStyles(True)  # the overrides below apply only then
        item.setLayerStyleOverrides({layer.id(): muted_style(layer) for layer in background})
        return item

    def fill(self, number: int) -> QgsPrintLayout:
        section = self.sections[number]
        self.title.setText(section.heading)
        details = [part for part in (section.category, section.layer_name, hectares_text(section.hectares)) if part]
        self.subtitle.setText(" · ".join(details))
        provider = self.highlight.dataProvider()
        provider.truncate()
        feature = QgsFeature()
        feature.setGeometry(section.geometry)
        provider.addFeatures([feature])
        self.highlight.updateExtents()
        self.highlight.triggerRepaint()
        box = section.geometry.boundingBox()
        if box.isEmpty():
            box = box.buffered(50)
        box = box.buffered(max(box.width(), box.height()) * 0.6)
        self.map.setExtent(page_extent(box, self.map.rect(), self.crs))
        self.table.setTableContents(
            [
                [
                    QgsTableCell(line.goal),
                    QgsTableCell(line.stance),
                    QgsTableCell(str(line.strength)),
                    QgsTableCell(line.motivation),
                ]
                for line in section.goals
            ]
        )
        self.page_label.setText(tr("Area {n} of {count}").format(n=number + 1, count=len(self.sections)))
        self.layout.refresh()
        return self.layout


def write_sections_pdf(
    sections: Sequence[AreaSection],
    crs: QgsCoordinateReferenceSystem,
    background: Sequence[QgsVectorLayer],
    output: Path,
    project: QgsProject | None = None,
    feedback=None,
) -> Path:
    if not sections:
        raise ExportError(tr("No area of the chosen layers is linked to the chosen goals; nothing was written."))
    page = SectionPage(sections, crs, background, project or QgsProject.instance())
    steps = [lambda number=number: page.fill(number) for number in range(len(sections))]
    export_sequence(steps, output, "pdf", feedback=feedback)
    return output
