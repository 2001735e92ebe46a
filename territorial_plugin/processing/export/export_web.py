"""``territorial:exportweb``: a self-contained, offline web atlas (a folder with ``index.html``)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...compat import qgis_enum
from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import default_to_registered_layers, parse_goal_ids, store_parameter, store_uri


class ExportWebAlgorithm(TerritorialAlgorithm):
    group_id = "export"

    def name(self) -> str:
        return "exportweb"

    def displayName(self) -> str:
        return tr("Export web atlas")

    def help_text(self) -> str:
        return tr(
            "Writes the goal atlas as a web page for the municipality's website or intranet: a folder with index.html "
            "that works opened straight from disk and offline (no map tiles, fonts or scripts from the internet; the "
            "land use itself is the map). The page lists the goals with a search field; choosing a goal colours its "
            "areas by stance; clicking an area shows its name, category and every linked goal with stance, strength "
            "and motivation.\n\n{STORE}: GeoPackage file or postgres:&lt;connection&gt;. {LAYERS}: the land-use layers "
            "(polygons); layers not registered in the store are drawn without links. {GOALS}: goal ids separated by "
            "commas; empty: every goal with links. {TOLERANCE}: how far (m) outlines may be simplified for the web. "
            "{WITH_PDF}: also write the goal atlas (malatlas.pdf) into the folder and link every goal to its page. "
            "{MUNICIPALITY}: printed on the page; empty: the project variable tl_municipality. {OUTPUT}: the folder."
        )

    def flags(self):
        # the optional PDF is printed from layouts, on the main thread as QGIS's own layout algorithms are
        return super().flags() | qgis_enum(
            "Qgis.ProcessingAlgorithmFlag.NoThreading", "QgsProcessingAlgorithm.Flag.FlagNoThreading"
        )

    def initAlgorithm(self, config=None):
        from ...export.web.service import DEFAULT_TOLERANCE

        self.addParameter(store_parameter())
        self.addParameter(
            default_to_registered_layers(
                QgsProcessingParameterMultipleLayers(
                    "LAYERS", tr("Land-use layers"), QgsProcessing.SourceType.TypeVectorPolygon
                )
            )
        )
        self.addParameter(QgsProcessingParameterString("GOALS", tr("Goals (ids, comma separated)"), optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                "TOLERANCE",
                tr("Simplify outlines by (m)"),
                qgis_enum("Qgis.ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Type.Double"),
                DEFAULT_TOLERANCE,
                False,
                0.0,
                1000.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean("WITH_PDF", tr("Also write the goal atlas (PDF) and link to it"), False)
        )
        self.addParameter(
            QgsProcessingParameterString(
                "MUNICIPALITY", tr("Municipality (empty: project variable tl_municipality)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", tr("Web atlas folder")))
        self.addOutput(QgsProcessingOutputFolder("OUTPUT", tr("Web atlas folder")))
        self.addOutput(QgsProcessingOutputFile("INDEX", tr("Web page (index.html)")))
        self.addOutput(QgsProcessingOutputNumber("AREAS", tr("Number of areas")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.store import open_store
        from ...export.web.service import run_web_export

        uri = store_uri(self, parameters, context)
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        goal_ids = parse_goal_ids(self.parameterAsString(parameters, "GOALS", context))
        tolerance = self.parameterAsDouble(parameters, "TOLERANCE", context)
        with_pdf = self.parameterAsBoolean(parameters, "WITH_PDF", context)
        municipality = self.parameterAsString(parameters, "MUNICIPALITY", context).strip() or None
        output = self.parameterAsString(parameters, "OUTPUT", context)
        with open_store(uri) as store:
            done = run_web_export(
                store,
                layers,
                output,
                goal_ids=goal_ids,
                tolerance=tolerance,
                with_pdf=with_pdf,
                municipality=municipality,
                project=context.project(),
                feedback=feedback,
            )
        feedback.pushInfo(
            tr("Wrote the web atlas ({areas} areas, {goals} goals) to {path}.").format(
                areas=done.areas, goals=done.goals, path=str(done.index)
            )
        )
        return {"OUTPUT": output, "INDEX": str(done.index), "AREAS": done.areas}
