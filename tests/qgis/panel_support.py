"""Helpers of the panel tests: open and close a dock, select areas, tick goals, wait for tasks.

Their fixtures (the store, the sample layer, a ready dock) are in ``conftest.py``."""

from __future__ import annotations

from qgis.core import QgsVectorLayer


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
    qgis_iface.messageBar().clearWidgets()  # the bar outlives the docks of earlier tests
    dock = TerritorialLinksDock(qgis_iface, qgis_iface.mainWindow(), tracking=tracking)
    wait_tasks()
    return dock


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


def bar_messages(dock) -> list[tuple[str, int]]:
    """The panel's messages now in the message bar: (text, level), oldest first."""
    bar = dock.controller.iface.messageBar()
    return [(item.text(), int(item.level())) for item in bar.items() if item.title() == "Territorial Links"]
