"""Linking rules: applyrules of 20 rules over 100 000 areas (link mode, 200 000 new links).

The baseline is the least the job needs: the same 20 expressions evaluated over
the layer as feature-request filters (keys only) and the resulting links written
through the store's bulk link (one ``link`` per rule). The timed run is what
``territorial:applyrules`` does: evaluate, fill the motivation templates per
area, compare with the store's links and dismissals, write in one transaction,
and write the report (.csv) with the areas' names.
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

from bench.bench_store import _TMP, _new_store
from bench.harness import Benchmark

AREAS = 100_000
CATEGORIES = (
    "Mångfunktionell bebyggelse",
    "Sammanhängande bostadsbebyggelse",
    "Verksamheter och industri",
    "Transportinfrastruktur",
    "Teknisk anläggning",
    "Areell näring",
    "Grönområde och park",
    "Natur och friluftsliv",
    "Landsbygd",
    "Vatten",
)


def _rules():
    from territorial_plugin.core.rules.model import Rule

    rules = []
    for i, category in enumerate(CATEGORIES):
        # two rules per category, each to its own goal: every area gets two links
        near = Rule(
            f"Nära {i}",
            f'"kategori" = \'{category}\' AND "avst" < 1000000',
            (f"b:{i + 1}",),
            motivation='[% "namn" %] ligger [% "avst" %] m från stationen',
        )
        every = Rule(
            f"Alla {i}",
            f'"kategori" = \'{category}\' AND "avst" >= 0',
            (f"b:{i + 11}",),
            motivation="Kategorin stödjer målet",
        )
        rules += [near, every]
    return rules


@lru_cache(maxsize=1)
def _fixture() -> tuple[Path, Path]:
    """(template store with the 20 rules, layer) files."""
    from qgis.core import (
        QgsFeature,
        QgsGeometry,
        QgsProject,
        QgsRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    memory = QgsVectorLayer(
        "Polygon?crs=EPSG:3006&field=omr_id:string&field=namn:string&field=kategori:string&field=avst:integer",
        "bench",
        "memory",
    )
    features = []
    for i in range(AREAS):
        x, y = 600000 + (i % 316) * 120.0, 6900000 + (i // 316) * 120.0
        feature = QgsFeature(memory.fields())
        feature.setAttributes([f"EK-{i:07d}", f"Område {i} – Åsen", CATEGORIES[i % 10], (i * 37) % 5000])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 100, y + 100)))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    layer_path = _TMP / "rules_layer.gpkg"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(layer_path), QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    store = _new_store("rules_template.gpkg", goals=20)
    store.save_rules(_rules(), "bench")
    store.close()
    return _TMP / "rules_template.gpkg", layer_path


def _setup():
    from qgis.core import QgsVectorLayer

    from territorial_plugin.core.identity import LAYER_UID_PROPERTY

    template, layer_path = _fixture()
    layer = QgsVectorLayer(str(layer_path), "bench", "ogr")
    layer.setCustomProperty(LAYER_UID_PROPERTY, "L")
    return {"template": template, "layer": layer, "store": None, "n": 0}


def _reset(state) -> None:
    """A fresh copy of the store (rules, no links) before each timed run."""
    from territorial_plugin.core.store import open_store

    if state["store"] is not None:
        state["store"].close()
    state["n"] += 1
    path = _TMP / f"rules_run_{state['n']}.gpkg"
    shutil.copyfile(state["template"], path)
    state["store"] = open_store(str(path))
    state["path"] = path


def _apply(state) -> None:
    from territorial_plugin.core.rules.apply import apply_rules, select_rules
    from territorial_plugin.core.rules.report import write_report

    store, layer = state["store"], state["layer"]
    record = store.layer("L")
    result = apply_rules(store, layer, record, select_rules(store, record), link=True, user="bench", names=True)
    assert result.written.inserted == 2 * AREAS, result.written
    write_report(result.rows, result.names, state["path"].with_suffix(".csv"))  # as the algorithm does


def _baseline(state) -> None:
    from qgis.core import QgsFeatureRequest

    from territorial_plugin.core.model import LinkSpec

    store, layer = state["store"], state["layer"]
    index = layer.fields().lookupField("omr_id")
    inserted = 0
    for rule in store.rules():
        request = QgsFeatureRequest().setFilterExpression(rule.expression)
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes(["omr_id", "kategori", "avst"], layer.fields())
        keys = [str(f.attribute(index)) for f in layer.getFeatures(request)]
        inserted += store.link("L", keys, rule.goal_ids, LinkSpec(motivation=rule.motivation), "bench").inserted
    assert inserted == 2 * AREAS


def _teardown(state) -> None:
    if state["store"] is not None:
        state["store"].close()


BENCHMARKS = [
    Benchmark(
        "applyrules: 20 rules, 100 000 areas, 200 000 new links (vs evaluate + bulk link)",
        _apply,
        setup=_setup,
        reset=_reset,
        baseline=_baseline,
        ratio_target=1.5,
        repeat=3,
        teardown=_teardown,
    ),
]


# -- suggestions in the panel: 10 000 selected areas, 50 enabled rules ----------------------
SUGGEST_SELECTED = 10_000
SUGGEST_RULES = 50


def _suggest_setup():
    from qgis.core import QgsVectorLayer

    from bench.bench_store import _new_store
    from territorial_plugin.core.identity import LAYER_UID_PROPERTY
    from territorial_plugin.core.rules.model import Rule

    _, layer_path = _fixture()
    layer = QgsVectorLayer(str(layer_path), "bench", "ogr")
    layer.setCustomProperty(LAYER_UID_PROPERTY, "L")
    path = _TMP / "suggest.gpkg"
    path.unlink(missing_ok=True)
    store = _new_store(path.name, goals=20)
    store.save_rules(
        [
            Rule(
                f"Regel {i}",
                f'"kategori" = \'{CATEGORIES[i % 10]}\' AND "avst" < {1000 + 50 * i}',
                (f"b:{i % 20 + 1}",),
                motivation='[% "namn" %] ligger nära stationen',
            )
            for i in range(SUGGEST_RULES)
        ],
        "bench",
    )
    fids = sorted(layer.allFeatureIds())[:SUGGEST_SELECTED]
    return {"store": store, "layer": layer, "record": store.layer("L"), "fids": fids}


def _suggest_gui_thread(state) -> None:
    """What the panel's update adds on the GUI thread for such a selection: read the rules, start the task."""
    from territorial_plugin.core.rules.suggestions import applicable_rules
    from territorial_plugin.gui.panel.controller import SUGGEST_INLINE
    from territorial_plugin.gui.panel.tasks import SuggestionTask

    rules = applicable_rules(state["store"], state["record"])
    assert len(rules) == SUGGEST_RULES and len(state["fids"]) * len(rules) > SUGGEST_INLINE
    state["task"] = SuggestionTask(state["store"].uri, state["layer"], state["record"], state["fids"], rules)


def _suggest_task(state) -> None:
    """The task's own run (off the GUI thread in the panel): reported, not bounded."""
    _suggest_gui_thread(state)
    assert state["task"].run() and state["task"].result, state["task"].error


def _suggest_teardown(state) -> None:
    state["store"].close()


BENCHMARKS += [
    Benchmark(
        "suggestions: 10 000 selected areas, 50 rules — added to the panel's update (the rest runs in a task)",
        _suggest_gui_thread,
        target_s=0.1,
        setup=_suggest_setup,
        repeat=5,
        teardown=_suggest_teardown,
    ),
    Benchmark(
        "suggestions: 10 000 selected areas, 50 rules — the SuggestionTask's run, off the GUI thread",
        _suggest_task,
        setup=_suggest_setup,
        repeat=3,
        teardown=_suggest_teardown,
    ),
]
