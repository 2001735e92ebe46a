"""The ``territorial`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..__about__ import version
from ..core.i18n import tr
from ..paths import resource

# (module, class): one line per algorithm; the sub-package is its toolbox group. Imported in loadAlgorithms so that
# loading the plugin stays cheap until Processing asks for its algorithms.
ALGORITHMS = [
    ("administration.plugin_info", "PluginInfoAlgorithm"),
    ("catalogues.import_catalogue", "ImportCatalogueAlgorithm"),
    ("catalogues.export_catalogue", "ExportCatalogueAlgorithm"),
    ("administration.copy_store", "CopyStoreAlgorithm"),
    ("administration.create_organisation", "CreateOrganisationAlgorithm"),
    ("export.export_atlas", "ExportAtlasAlgorithm"),
    ("export.coverage_report", "CoverageReportAlgorithm"),
    ("export.export_areas", "ExportAreasAlgorithm"),
    ("administration.create_store", "CreateStoreAlgorithm"),
    ("links.link_features", "LinkFeaturesAlgorithm"),
    ("links.unlink_features", "UnlinkFeaturesAlgorithm"),
    ("links.check_integrity", "CheckIntegrityAlgorithm"),
    ("rules.import_rules", "ImportRulesAlgorithm"),
    ("rules.export_rules", "ExportRulesAlgorithm"),
    ("rules.apply_rules", "ApplyRulesAlgorithm"),
    ("export.export_web", "ExportWebAlgorithm"),
    ("region.export_delivery", "ExportDeliveryAlgorithm"),
    ("region.import_delivery", "ImportDeliveryAlgorithm"),
    ("region.regional_report", "RegionalReportAlgorithm"),
    ("stages.save_stage", "SaveStageAlgorithm"),
    ("stages.compare_stages", "CompareStagesAlgorithm"),
]


def _algorithms():
    from importlib import import_module

    return [getattr(import_module(f"{__package__}.{module}"), name)() for module, name in ALGORITHMS]


class TerritorialProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "territorial"

    def name(self) -> str:
        return tr("Territorial Links")

    def longName(self) -> str:
        return tr("Territorial Links {version}").format(version=version())

    def icon(self) -> QIcon:
        return QIcon(str(resource("icons", "territorial.svg")))

    def svgIconPath(self) -> str:
        return str(resource("icons", "territorial.svg"))

    def versionInfo(self) -> str:
        return version()

    def loadAlgorithms(self) -> None:
        for algorithm in _algorithms():
            self.addAlgorithm(algorithm)
