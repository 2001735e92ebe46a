"""The plugin loads and unloads cleanly, in the GUI and without one."""

import gc

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QAction, QDockWidget

import territorial_plugin
from territorial_plugin.gui.panel.dock import DOCK_OBJECT_NAME


def provider_ids():
    return [p.id() for p in QgsApplication.processingRegistry().providers()]


def test_class_factory_without_gui_registers_provider():
    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    assert "territorial" in provider_ids()
    assert QgsApplication.processingRegistry().algorithmById("territorial:plugininfo") is not None
    plugin.unload()
    assert "territorial" not in provider_ids()


def test_dock_has_contract_object_name_and_shows(qgis_iface):
    qgis_iface.mainWindow().show()
    plugin = territorial_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        dock = plugin.show_dock()
        assert dock.objectName() == DOCK_OBJECT_NAME
        assert dock.isVisible()
        assert plugin.toggle_action.isChecked()
        dock.close()
        assert not plugin.toggle_action.isChecked()
    finally:
        plugin.unload()


def test_load_unload_ten_times_leaves_nothing_behind(qgis_iface):
    main_window = qgis_iface.mainWindow()

    def state():
        gc.collect()
        QgsApplication.processEvents()
        docks = [d for d in main_window.findChildren(QDockWidget) if d.objectName() == DOCK_OBJECT_NAME]
        actions = [a for a in main_window.findChildren(QAction) if a.objectName() == "TerritorialLinksToggleDock"]
        return len(docks), len(actions), provider_ids().count("territorial"), QgsApplication.instance().children()

    before = state()
    for _ in range(10):
        plugin = territorial_plugin.classFactory(qgis_iface)
        plugin.initGui()
        plugin.show_dock()
        assert state()[:3] == (1, 1, 1)
        plugin.unload()
        QgsApplication.sendPostedEvents(None, 0)  # run deleteLater
    after = state()
    assert after[:3] == (0, 0, 0)
    assert before[:3] == (0, 0, 0)
    # translators and other app-level children must not pile up
    assert len(after[3]) <= len(before[3])


def test_algorithms_run_through_processing_run(qgis_processing):
    """processing.run() (scripts, models, the toolbox) reaches our algorithms."""
    from qgis import processing

    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        from territorial_plugin.__about__ import version

        result = processing.run("territorial:plugininfo", {})
        assert result["VERSION"] == version()
    finally:
        plugin.unload()
