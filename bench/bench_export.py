"""Export benchmarks: the goal atlas against QGIS's own atlas export of the same content.

- ``atlas 20 goals / 10 000 areas``: build + PDF export with Territorial Links,
  compared in the same run with ``QgsLayoutExporter`` exporting a hand-built
  ``QgsLayoutAtlas`` (coverage layer = the goals; per page: atlas-driven map with
  the goal's areas highlighted over the land use, title, legend, scale bar and an
  attribute table of the linked areas). Target: ratio ≤ 1.2.
- ``atlas 50 goals / 20 000 areas``: build + PDF export ≤ 60 s.

Each goal links 8 areas, so its table fits on its goal page: 20 (50) goal pages,
as the targets count them (plus our overview page, which the baseline lacks).
Long tables add continuation pages on both sides alike (the baseline's table
extends to the next page); set ``PER_GOAL`` higher to measure that case.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from bench.harness import Benchmark

PER_GOAL = 8
CATEGORIES = ["CENT", "BOST", "VERK", "UTV", "LIS", "GRON", "NATUR", "INFRA", "VIND"]


def _land_use(count: int):
    """A grid of ``count`` square areas (SWEREF 99 TM) with a key, a name and a category style."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFeature,
        QgsFillSymbol,
        QgsGeometry,
        QgsRectangle,
        QgsRendererCategory,
        QgsVectorLayer,
    )

    from territorial_plugin.compat import new_field

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:3006", "Markanvändning", "memory")
    layer.dataProvider().addAttributes([new_field(n, "string") for n in ("omr_id", "namn", "kategori_kod")])
    layer.updateFields()
    side = int(count**0.5) + 1
    features = []
    for number in range(count):
        x, y = 600000 + (number % side) * 120, 7000000 + (number // side) * 120
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 110, y + 110)))
        feature.setAttributes([f"A{number:06d}", f"Område {number}", CATEGORIES[number % len(CATEGORIES)]])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    palette = ["#e07b7b", "#f2c6a0", "#9a8cc2", "#f5b971", "#f7e08e", "#8cc084", "#c8e0b4", "#9e9e9e", "#a9cce3"]
    categories = [
        QgsRendererCategory(code, QgsFillSymbol.createSimple({"color": color, "outline_color": "#606060"}), code)
        for code, color in zip(CATEGORIES, palette)
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("kategori_kod", categories))
    return layer


def _goals_and_links(goal_count: int, area_count: int, per_goal: int):
    from territorial_plugin.core.model import Catalogue, Goal, Link

    rng = random.Random(7)
    catalogue = Catalogue("bench", "Benchmarkkatalog", version="1")
    goals = [
        Goal(
            f"bench:{n}",
            "bench",
            str(n),
            title_sv=f"Mål {n} för hållbar utveckling",
            sort_order=n,
            description="Ett mål.",
        )
        for n in range(1, goal_count + 1)
    ]
    links = []
    for goal in goals:
        # each goal's areas cluster in one part of the municipality, as real goals do
        start = rng.randrange(0, area_count - per_goal * 3)
        for key in rng.sample(range(start, start + per_goal * 3), per_goal):
            stance = "conflicts" if rng.random() < 0.15 else "supports"
            links.append(Link("bench", f"A{key:06d}", goal.id, stance, rng.randint(0, 3), "Motivering för området."))
    return catalogue, goals, links


def _setup(goal_count: int, area_count: int, per_goal: int):
    def setup():
        from qgis.core import QgsProject

        project = QgsProject()
        land_use = _land_use(area_count)
        catalogue, goals, links = _goals_and_links(goal_count, area_count, per_goal)
        folder = Path(tempfile.mkdtemp(prefix="bench_export_"))
        state = {
            "project": project,
            "land_use": land_use,
            "catalogue": catalogue,
            "goals": goals,
            "links": links,
            "folder": folder,
        }
        return state

    return setup


def _ours(state) -> None:
    from territorial_plugin.core.atlas import AtlasLayer, AtlasOptions, build_atlas, export_atlas

    atlas = build_atlas(
        [AtlasLayer(state["land_use"], "bench", "omr_id")],
        state["goals"],
        state["links"],
        catalogue=state["catalogue"],
        options=AtlasOptions(municipality="Benchkommun", date="2030-01-01"),
        project=state["project"],
    )
    export_atlas(atlas, state["folder"] / "ours.pdf")


def _hand_built(state):
    """A plain QGIS atlas with the same content, built once (only its export is timed)."""
    from qgis.core import (
        QgsFeature,
        QgsFillSymbol,
        QgsGeometry,
        QgsLayoutItemAttributeTable,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemScaleBar,
        QgsLayoutMultiFrame,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsRectangle,
        QgsRuleBasedRenderer,
        QgsUnitTypes,
        QgsVectorLayer,
    )

    from territorial_plugin.compat import new_field

    land_use = state["land_use"]
    project = state["project"]
    keys = {}
    for feature in land_use.getFeatures():
        keys[feature["omr_id"]] = feature.geometry()
    goals_layer = QgsVectorLayer("Polygon?crs=EPSG:3006", "goals", "memory")
    goals_layer.dataProvider().addAttributes([new_field("goal_id", "string"), new_field("title", "string")])
    goals_layer.updateFields()
    linked = QgsVectorLayer("MultiPolygon?crs=EPSG:3006", "linked", "memory")
    names = ("tl_key", "tl_goal", "tl_stance", "strength", "motivation")
    linked.dataProvider().addAttributes([new_field(n, "string") for n in names])
    linked.updateFields()
    boxes: dict[str, QgsRectangle] = {}
    rows = []
    for link in state["links"]:
        geometry = keys[link.feature_key]
        feature = QgsFeature(linked.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([link.feature_key, link.goal_id, link.stance, str(link.strength), link.motivation])
        rows.append(feature)
        box = boxes.setdefault(link.goal_id, QgsRectangle(geometry.boundingBox()))
        box.combineExtentWith(geometry.boundingBox())
    linked.dataProvider().addFeatures(rows)
    goal_rows = []
    for goal in state["goals"]:
        feature = QgsFeature(goals_layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(boxes[goal.id]))
        feature.setAttributes([goal.id, goal.title_sv])
        goal_rows.append(feature)
    goals_layer.dataProvider().addFeatures(goal_rows)
    root = QgsRuleBasedRenderer.Rule(None)
    for stance, color in (("supports", "26,133,72,150"), ("conflicts", "200,40,40,150")):
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_width": "0.6"})
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                symbol, 0, 0, f"\"tl_goal\" = attribute(@atlas_feature, 'goal_id') AND \"tl_stance\" = '{stance}'"
            )
        )
    linked.setRenderer(QgsRuleBasedRenderer(root))
    if len(project.addMapLayers([goals_layer, linked, land_use], False)) != 3:
        raise RuntimeError("layers not added to the benchmark project")

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Orientation.Portrait)
    mm = QgsUnitTypes.LayoutUnit.LayoutMillimeters

    def place(item, x, y, w, h):
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, mm))
        item.attemptResize(QgsLayoutSize(w, h, mm))

    title = QgsLayoutItemLabel(layout)
    title.setText('[% "title" %]')
    place(title, 15, 15, 180, 12)
    map_item = QgsLayoutItemMap(layout)
    map_item.setLayers([linked, land_use])
    map_item.setKeepLayerSet(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    place(map_item, 15, 60, 130, 112)
    map_item.zoomToExtent(land_use.extent())
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    place(legend, 148, 60, 47, 112)
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setLinkedMap(map_item)
    scalebar.applyDefaultSettings()
    place(scalebar, 18, 164, 55, 7)
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(linked)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"tl_goal\" = attribute(@atlas_feature, 'goal_id')")
    table.setMaximumNumberOfFeatures(1000)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.ExtendToNextPage)  # long tables continue, as ours do
    layout.addMultiFrame(table)
    from qgis.core import QgsLayoutFrame
    from qgis.PyQt.QtCore import QRectF

    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(15, 178, 180, 96))
    table.addFrame(frame)
    atlas = layout.atlas()
    atlas.setCoverageLayer(goals_layer)
    atlas.setEnabled(True)
    state["baseline_layout"] = layout
    state["baseline_layers"] = [goals_layer, linked]
    return layout


def _baseline(state) -> None:
    from qgis.core import QgsLayoutExporter

    layout = state.get("baseline_layout") or _hand_built(state)
    settings = QgsLayoutExporter.PdfExportSettings()
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(state["folder"] / "qgis.pdf"), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(error)


def _teardown(state) -> None:
    shutil.rmtree(state["folder"], ignore_errors=True)
    if state.get("baseline_layers"):
        state["project"].removeAllMapLayers()


BENCHMARKS = [
    Benchmark(
        "atlas 20 goals / 10 000 areas (PDF) vs QGIS atlas",
        _ours,
        setup=_setup(20, 10_000, PER_GOAL),
        baseline=_baseline,
        ratio_target=1.2,
        repeat=3,
        teardown=_teardown,
    ),
    Benchmark(
        "atlas 50 goals / 20 000 areas (PDF)",
        _ours,
        target_s=60.0,
        setup=_setup(50, 20_000, PER_GOAL),
        repeat=1,
        teardown=_teardown,
    ),
]
