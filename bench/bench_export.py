"""Export benchmarks: the goal atlas against QGIS's own atlas export of the same content.

- ``atlas 20 goals / 10 000 areas``: ``build_atlas`` + ``export_atlas`` (printed page by page,
  ``export/atlas/printer.py``) with Territorial Links
  (21 pages: the overview and 20 goal pages), compared in the same run with
  ``QgsLayoutExporter`` exporting an equivalent atlas built by hand with stock QGIS.
  Target: ratio ≤ 1.2.
- ``atlas 50 goals / 20 000 areas``: build + PDF export ≤ 60 s.

The baseline is what a skilled QGIS user builds once in the layout designer, so
building it is *not* timed (it happens in ``setup``); only its export is:

- a ``QgsPrintLayout`` with a ``QgsLayoutAtlas`` over a goals coverage layer (one
  feature per goal; code, title, description, number of areas, ha, supports and
  conflicts precomputed in its fields, as one does with the field calculator);
  texts are expressions (``[% "title" %]``, ``@tl_municipality``, page
  ``@atlas_featurenumber + 1`` of ``@atlas_totalfeatures + 1``); the map is
  atlas-driven with predefined round scales (never closer than a quarter of the
  municipality, as ours), draws the linked areas (one feature per link) through a
  rule-based renderer filtered by ``attribute(@atlas_feature, 'goal_id')`` with
  supports/conflicts/neutral apart, labels the goal's area ids (``QgsPalLayerSettings``
  in a rule filtered the same way), and the land use pale through locked layer
  styles; legend, scale bar and north arrow linked to the map; an attribute table
  filtered by the atlas goal with the columns area id, name, stance (conditional
  colour), strength, ha and motivation, extending to the next page when long;
- a separate single-page ``QgsPrintLayout`` for the overview: the linked areas
  coloured and labelled by goal number (a duplicated layer, categorized), the legend
  by goal in three columns, the vector bar chart from stock rectangles and labels;
- both with the boxes and type of the bundled A4 portrait design
  (``tools/build_templates.py``), and exported with the same PDF settings as ours
  (``layout_writer.pdf_settings``: vector, text as text, 300 dpi, georeferenced).
  The timed baseline exports both layouts (two files; ours writes one).
- both layouts go through the project's layout manager XML once (as when the user's
  project is saved and opened again), so their items are plain C++ objects like ours,
  not Python-built sip subclasses; the designer's predefined scales come from the
  project's scale list, and the goal legend's swatches get the map's pale styles
  (a legend does not keep them in the project).

Compared side by side (``pdftoppm -png -r 50``) the pages show the same content.
What still differs: the goal pages' scale bar segments (the baseline fits them to a
width, so they are not round numbers; ours picks round segments per page) and a
little less space under the legend's "Linked to this goal" heading; the
baseline's overview labels an area linked to two goals twice (one label per link,
the second usually hidden by collision) where ours writes "1, 3".

Each goal links 8 areas, so its table fits on its goal page: 20 (50) goal pages,
as the targets count them. Long tables add continuation pages on both sides alike;
set ``PER_GOAL`` higher to measure that case.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from bench.atlas_baseline import baseline_export, hand_built
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


def _setup(goal_count: int, area_count: int, per_goal: int, baseline: bool = False):
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
        if baseline:
            hand_built(state)
        return state

    return setup


def _ours(state) -> None:
    from territorial_plugin.export.atlas.build import AtlasLayer, AtlasOptions, build_atlas, export_atlas

    atlas = build_atlas(
        [AtlasLayer(state["land_use"], "bench", "omr_id")],
        state["goals"],
        state["links"],
        catalogue=state["catalogue"],
        options=AtlasOptions(municipality="Benchkommun", date="2030-01-01"),
        project=state["project"],
    )
    export_atlas(atlas, state["folder"] / "ours.pdf")


def _teardown(state) -> None:
    shutil.rmtree(state["folder"], ignore_errors=True)
    if state.pop("baseline_layouts", None):
        state["project"].layoutManager().clear()
    if state.get("baseline_layers"):
        state["project"].removeAllMapLayers()


BENCHMARKS = [
    Benchmark(
        "atlas 20 goals / 10 000 areas (PDF) vs QGIS atlas",
        _ours,
        setup=_setup(20, 10_000, PER_GOAL, baseline=True),
        baseline=baseline_export,
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
