"""``territorial:coveragereport``: goal × area tables (XLSX with a chart, or CSV files)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import default_to_registered_layers, store_parameter, store_uri
from ..stages.stage_param import stage_help, stage_parameter, stage_source


class CoverageReportAlgorithm(TerritorialAlgorithm):
    group_id = "export"

    def name(self) -> str:
        return "coveragereport"

    def displayName(self) -> str:
        return tr("Goal coverage tables")

    def help_text(self) -> str:
        return self._help_now() + "\n\n" + stage_help()

    def _help_now(self) -> str:
        return tr(
            "Writes the goal × area tables for the plan description. {OUTPUT} ending in .xlsx: one workbook with the "
            "sheets summary per goal (number of areas, area in ha, supports/conflicts, with a bar chart of area per "
            "goal), goal × area matrix, all links, conflicts, areas without goals and goals without areas. Any other "
            "{OUTPUT} is a folder that receives one CSV file per sheet (UTF-8 with BOM, separated by ; with decimal "
            "comma, as Swedish Excel opens them). {STORE}: GeoPackage file or postgres:&lt;connection&gt;. {LAYERS}: "
            "the registered land-use layers. {CATALOGUE} (optional) limits the goals to one catalogue; otherwise every "
            "enabled catalogue counts."
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
        self.addParameter(QgsProcessingParameterString("CATALOGUE", tr("Catalogue id"), optional=True))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Tables (.xlsx file, or folder for CSV)"), tr("Excel (*.xlsx)")
            )
        )
        self.addParameter(stage_parameter())
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Tables")))

    def execute(self, parameters, context, feedback) -> dict:
        from pathlib import Path

        from ...core.store import open_store
        from ...export.service import run_report_export

        uri = store_uri(self, parameters, context)
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        catalogue_id = self.parameterAsString(parameters, "CATALOGUE", context).strip() or None
        output = Path(self.parameterAsFileOutput(parameters, "OUTPUT", context))
        if output.suffix.lower() not in ("", ".xlsx"):
            output = output.with_suffix("")  # anything but .xlsx is a folder of CSV files
        stage = self.parameterAsString(parameters, "STAGE", context).strip()
        with open_store(uri) as store:
            source, layers = stage_source(store, stage, layers)
            files = run_report_export(
                source, layers, output, catalogue_id=catalogue_id, project=context.project(), feedback=feedback
            )
        feedback.pushInfo(tr("Wrote {count} table files.").format(count=len(files)))
        return {"OUTPUT": str(files[0] if output.suffix.lower() == ".xlsx" else output)}
