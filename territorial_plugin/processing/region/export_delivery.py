"""``territorial:exportdelivery``: a municipality's self-contained delivery GeoPackage for the region."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import default_to_registered_layers, store_parameter, store_uri


class ExportDeliveryAlgorithm(TerritorialAlgorithm):
    group_id = "region"

    def name(self) -> str:
        return "exportdelivery"

    def displayName(self) -> str:
        return tr("Export delivery to the region")

    def help_text(self) -> str:
        return tr(
            "Writes the municipality's delivery for the region ({OUTPUT}): one GeoPackage that is a link store of its "
            "own (links with stance, strength, motivation, who and when; only the catalogues and goals they use), a "
            "layer delivered_areas with every linked area in SWEREF 99 TM (EPSG:3006) with its organisation, source "
            "layer, key, name, category and other attributes, and a table tl_delivery with the organisation, stage, "
            "plugin version, time and counts. Invalid geometries are repaired; one that cannot be repaired is "
            "delivered without geometry and listed in the log. {STORE}: the municipality's link store. {LAYERS}: its "
            "registered land-use layers. {ORGANISATION}: the municipality's id (a–z, 0–9, _). {ORGANISATION_NAME}: as "
            "the region's report prints it. {STAGE}: free text, for example Samråd 2026."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(
            default_to_registered_layers(
                QgsProcessingParameterMultipleLayers(
                    "LAYERS", tr("Land-use layers"), QgsProcessing.SourceType.TypeVectorAnyGeometry
                )
            )
        )
        self.addParameter(QgsProcessingParameterString("ORGANISATION", tr("Organisation id (e.g. umea; a–z, 0–9, _)")))
        self.addParameter(QgsProcessingParameterString("ORGANISATION_NAME", tr("Organisation name"), optional=True))
        self.addParameter(QgsProcessingParameterString("STAGE", tr("Planning stage (e.g. Samråd 2026)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", tr("Delivery"), tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Delivery")))
        self.addOutput(QgsProcessingOutputNumber("AREAS", tr("Delivered areas")))
        self.addOutput(QgsProcessingOutputNumber("LINKS", tr("Delivered links")))
        self.addOutput(QgsProcessingOutputNumber("PROBLEMS", tr("Geometry problems")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.region.delivery.export import export_delivery
        from ...core.store import open_store

        uri = store_uri(self, parameters, context)
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        with open_store(uri) as store:
            result = export_delivery(
                store,
                layers,
                self.parameterAsString(parameters, "ORGANISATION", context).strip(),
                self.parameterAsString(parameters, "ORGANISATION_NAME", context),
                self.parameterAsString(parameters, "STAGE", context),
                self.parameterAsFileOutput(parameters, "OUTPUT", context),
                project=context.project(),
                feedback=feedback,
            )
        for layer_name, key, problem in result.problems:
            feedback.pushWarning(
                tr("{layer}, area {key}: {problem}").format(layer=layer_name, key=key, problem=problem)
            )
        for layer_name, count in result.orphans.items():
            feedback.pushWarning(
                tr(
                    "{layer}: {count} links point at features that are no longer in the layer and were left out; "
                    "run the integrity check."
                ).format(layer=layer_name, count=count)
            )
        feedback.pushInfo(
            tr("Delivery of {organisation}: {areas} areas, {links} links → {path}").format(
                organisation=result.info.organisation,
                areas=result.info.area_count,
                links=result.info.link_count,
                path=result.path,
            )
        )
        return {
            "OUTPUT": str(result.path),
            "AREAS": result.info.area_count,
            "LINKS": result.info.link_count,
            "PROBLEMS": len(result.problems),
        }
