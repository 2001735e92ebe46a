"""``territorial:plugininfo``: the plugin version and where its files are."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputString

from ...__about__ import version
from ...core.i18n import tr
from ...paths import plugin_root
from ..base import TerritorialAlgorithm


class PluginInfoAlgorithm(TerritorialAlgorithm):
    group_id = "administration"

    def name(self) -> str:
        return "plugininfo"

    def displayName(self) -> str:
        return tr("Plugin information")

    def help_text(self) -> str:
        return tr("Reports the installed version of Territorial Links and the folder it runs from.")

    def initAlgorithm(self, config=None):
        self.addOutput(QgsProcessingOutputString("VERSION", tr("Version")))
        self.addOutput(QgsProcessingOutputString("PLUGIN_ROOT", tr("Plugin folder")))

    def execute(self, parameters, context, feedback) -> dict:
        feedback.pushInfo(tr("Territorial Links {version}").format(version=version()))
        return {"VERSION": version(), "PLUGIN_ROOT": str(plugin_root())}
