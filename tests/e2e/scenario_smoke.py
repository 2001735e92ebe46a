"""Smoke: QGIS starts in Swedish with the plugin; its dock exists, shows, and says Swedish."""

import os
import sys

sys.path.insert(0, os.path.join(os.environ["E2E_ROOT"], "tests", "e2e"))

from e2e_support import run_scenario
from qgis.PyQt.QtWidgets import QDockWidget


def open_dock(s):
    plugin = s.plugin()
    s.check(plugin is not None, "territorial_plugin loaded")
    action = s.iface.mainWindow().findChild(object, "TerritorialLinksToggleDock")
    s.check(action is not None, "toolbar/menu action TerritorialLinksToggleDock exists")
    if action is not None:
        action.trigger()
    s.wait(1.0)
    dock = s.iface.mainWindow().findChild(QDockWidget, "TerritorialLinksDock")
    s.check(dock is not None, "dock TerritorialLinksDock exists")
    if dock is not None:
        s.check(dock.isVisible(), "dock is visible")
        s.notes["dock_title"] = dock.windowTitle()
    s.screenshot("main_window")
    if dock is not None:
        s.screenshot("dock", dock)


def provider_registered(s):
    from qgis.core import QgsApplication

    ids = [p.id() for p in QgsApplication.processingRegistry().providers()]
    s.check("territorial" in ids, "Processing provider territorial registered in the desktop")


run_scenario([open_dock, provider_registered])
