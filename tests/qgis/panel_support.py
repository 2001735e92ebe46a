"""Fixtures for the panel tests: a GeoPackage store, the sample layer, the dock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from territorial_plugin.core.catalogues.bundled import load_bundled
from territorial_plugin.core.store import open_store
from territorial_plugin.paths import resource

SAMPLE = resource("sample", "markanvandning.geojson")


def wait_tasks(seconds: float = 10.0) -> None:
    """Let QgsTasks finish and their signals arrive."""
    import time

    from qgis.core import QgsApplication

    end = time.monotonic() + seconds
    manager = QgsApplication.taskManager()
    while time.monotonic() < end:
        QgsApplication.processEvents()
        if manager.countActiveTasks() == 0:
            QgsApplication.processEvents()
            return
        time.sleep(0.01)


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


def make_dock(qgis_iface, store_uri: str | None, layer=None):
    from territorial_plugin.core.project.link_store import remember_store
    from territorial_plugin.gui.panel.dock import TerritorialLinksDock

    if store_uri:
        remember_store(store_uri)
    if layer is not None:
        qgis_iface.setActiveLayer(layer)
    from territorial_plugin.core.project.tracking import ProjectLinkTracking

    # as the plugin wires it: the project-wide tracking, shared with the panel
    tracking = ProjectLinkTracking("tester")
    dock = TerritorialLinksDock(qgis_iface, qgis_iface.mainWindow(), tracking=tracking)
    wait_tasks()
    return dock


@pytest.fixture()
def ready_dock(qgis_iface, store, sample_layer):
    """A dock on the registered sample layer (key omr_id) with Agenda 2030 and miljömålen."""
    from territorial_plugin.core.identity import register_layer as register

    register(store, sample_layer, "omr_id")
    dock = make_dock(qgis_iface, store.uri, sample_layer)
    qgis_iface.messageBar().clear_messages()
    yield dock
    close_dock(dock)


def close_dock(dock) -> None:
    """What unload does: disconnect, detach from the main window, delete."""
    from qgis.core import QgsApplication

    dock.cleanup()
    tracking = dock.controller.live.tracking
    if tracking is not None:
        tracking.close()
    dock.setParent(None)
    dock.deleteLater()
    QgsApplication.sendPostedEvents(None, 0)


def select(layer: QgsVectorLayer, expression: str) -> list[int]:
    """Select by expression and wait as a user would (past the panel's debounce)."""
    import time

    from qgis.core import QgsApplication

    layer.selectByExpression(expression)
    wait_tasks()
    end = time.monotonic() + 0.2
    while time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.01)
    return layer.selectedFeatureIds()


def item_state(dock, goal_id: str):
    return dock.view.model.check_state(goal_id)


def tick(dock, goal_id: str, checked: bool = True) -> None:
    """Tick a goal the way the tree view does: setData(CheckStateRole) on the proxy index."""
    from qgis.PyQt.QtCore import Qt

    index = dock.view.proxy.mapFromSource(dock.view.model.index_of(goal_id))
    assert index.isValid(), f"{goal_id} not visible in the tree"
    state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
    assert dock.view.proxy.setData(index, state, Qt.ItemDataRole.CheckStateRole)
