"""Fixtures shared by the QGIS tests: a GeoPackage store with two bundled catalogues, the sample
land-use layer, a ready panel on it, and the sample municipality with a linked atlas store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.identity import register_layer
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.store import open_store
from territorial_plugin.paths import resource

from .panel_support import close_dock, make_dock

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = resource("sample", "markanvandning.geojson")
SAMPLE_PROJECT = ROOT / "resources" / "sample" / "exempelkommun.qgs"


@pytest.fixture()
def store_path(tmp_path) -> Path:
    return tmp_path / "links.gpkg"


@pytest.fixture()
def store(store_path):
    s = open_store(str(store_path), create=True)
    for catalogue_id in ("agenda2030", "miljomal"):
        catalogue, goals = load_bundled(catalogue_id)
        s.save_catalogue(catalogue, goals)
    yield s
    s.close()
    from territorial_plugin.core.project.link_store import KEY, SCOPE

    QgsProject.instance().removeEntry(SCOPE, KEY)  # later tests start without this store


@pytest.fixture()
def sample_layer(qgis_new_project, tmp_path):
    path = tmp_path / "markanvandning.geojson"
    shutil.copy(SAMPLE, path)
    layer = QgsVectorLayer(str(path), "Markanvändning (ÖP)", "ogr")
    assert layer.isValid()
    assert QgsProject.instance().addMapLayer(layer) is not None
    yield layer


@pytest.fixture()
def ready_dock(qgis_iface, store, sample_layer):
    """A dock on the registered sample layer (key omr_id) with Agenda 2030 and miljömålen."""
    from territorial_plugin.core.identity import register_layer as register

    register(store, sample_layer, "omr_id")
    dock = make_dock(qgis_iface, store.uri, sample_layer)
    qgis_iface.messageBar().clear_messages()
    yield dock
    close_dock(dock)


# goal → (keys, stance, motivation); goal 11 has so many areas that its table continues
LINKS = {
    "agenda2030:6": (["EK-030", "EK-031", "EK-032"], "supports", "Dagvatten fördröjs i öppna diken och våtmarker."),
    "agenda2030:7": (["EK-040", "EK-041", "EK-043"], "supports", "Vindbruksområde – förnybar el för 20 000 hushåll."),
    "agenda2030:15": (["EK-035"], "conflicts", "Vindkraft i renbetesland påverkar ekosystem och rennäring."),
}
LONG_GOAL = "agenda2030:11"


def _keys(layer) -> list[str]:
    return sorted(str(f["omr_id"]) for f in layer.getFeatures())


@pytest.fixture(name="sample")
def sample_fixture(qgis_app, tmp_path):
    """The sample project (own QgsProject) with a temp store: catalogue, registered layer and links."""
    project = QgsProject()
    assert project.read(str(SAMPLE_PROJECT))
    land_use = next(layer for layer in project.mapLayers().values() if layer.name().startswith("Markanv"))
    water = next(layer for layer in project.mapLayers().values() if layer.name() == "Vatten")
    store = open_store(str(tmp_path / "links.gpkg"), create=True)
    catalogue, goals = load_bundled("agenda2030")
    store.save_catalogue(catalogue, goals)
    record = register_layer(store, land_use, "omr_id")
    for goal_id, (keys, stance, motivation) in LINKS.items():
        store.link(record.layer_uid, keys, [goal_id], LinkSpec(stance, 2, motivation), "test")
    long_motivation = (
        "Området förtätas med bostäder nära kollektivtrafik; gång- och cykelvägar knyter ihop stadsdelarna "
        "och närheten till service minskar bilberoendet i hela tätorten."
    )
    store.link(record.layer_uid, _keys(land_use)[:34], [LONG_GOAL], LinkSpec("supports", 3, long_motivation), "test")
    store.link(
        record.layer_uid, ["EK-036"], [LONG_GOAL], LinkSpec("conflicts", 1, "Ny väg genom friluftsområdet."), "t"
    )
    yield {
        "project": project,
        "store": store,
        "layers": [land_use, water],
        "record": record,
        "goals": goals,
        "links": LINKS,
        "long_goal": LONG_GOAL,
        "long_goal_keys": [*_keys(land_use)[:34], "EK-036"],
    }
    store.close()
    # a failing test's traceback keeps the project alive; free its layers while QGIS still runs
    project.removeAllMapLayers()
    project.clear()
