"""``territorial:exportareas``: one section per linked area for the plan description (PDF or XLSX)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...compat import qgis_enum
from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import default_to_registered_layers, parse_goal_ids, store_parameter, store_uri


class ExportAreasAlgorithm(TerritorialAlgorithm):
    group_id = "export"

    def name(self) -> str:
        return "exportareas"

    def displayName(self) -> str:
        return tr("Areas and their goals")

    def help_text(self) -> str:
        return tr(
            "Writes one section per linked area for the plan description, which has a chapter per area "
            "(development area, LIS area…): the area's name, category and size, every linked goal with stance, "
            "strength and motivation, and a locator map. {OUTPUT} ending in .pdf: one page per area; .xlsx: one "
            "sheet with a row per area and goal, with filters and a frozen header row. {STORE}: GeoPackage file or "
            "postgres:&lt;connection&gt;. {LAYERS}: the land-use layers (registered layers give the areas; others "
            "are drawn as background). {GOALS} (optional): goal ids separated by commas; empty: every goal with links "
            "(of {CATALOGUE}, when given)."
        )

    def flags(self):
        # layouts and the project's layers are used on the main thread, as QGIS's own layout algorithms do
        return super().flags() | qgis_enum(
            "Qgis.ProcessingAlgorithmFlag.NoThreading", "QgsProcessingAlgorithm.Flag.FlagNoThreading"
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
        self.addParameter(QgsProcessingParameterString("GOALS", tr("Goals (ids, comma separated)"), optional=True))
        self.addParameter(QgsProcessingParameterString("CATALOGUE", tr("Catalogue id"), optional=True))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Area sections (.pdf or .xlsx)"), tr("PDF (*.pdf);;Excel (*.xlsx)")
            )
        )
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Area sections")))

    def execute(self, parameters, context, feedback) -> dict:
        from pathlib import Path

        from ...core.store import open_store
        from ...export.service import run_areas_export

        uri = store_uri(self, parameters, context)
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        goal_ids = parse_goal_ids(self.parameterAsString(parameters, "GOALS", context))
        catalogue_id = self.parameterAsString(parameters, "CATALOGUE", context).strip() or None
        output = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        if output.suffix.lower() not in (".pdf", ".xlsx"):
            output = output.with_suffix(".pdf")
        with open_store(uri) as store:
            (written,) = run_areas_export(
                store,
                layers,
                output,
                goal_ids=goal_ids,
                catalogue_id=catalogue_id,
                project=context.project(),
                feedback=feedback,
            )
        return {"OUTPUT": str(written)}
