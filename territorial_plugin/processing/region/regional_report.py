"""``territorial:regionalreport``: the region's picture — organisation × goal tables, conflicts, atlas."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...compat import qgis_enum
from ...core.i18n import plural, tr
from ..base import TerritorialAlgorithm
from ..params import parse_goal_ids, store_parameter, store_uri
from ..stages.compare_stages import report_comparison


class RegionalReportAlgorithm(TerritorialAlgorithm):
    group_id = "region"

    def name(self) -> str:
        return "regionalreport"

    def displayName(self) -> str:
        return tr("Regional report")

    def help_text(self) -> str:
        report = tr(
            "The region's picture from the municipalities' deliveries in the region's store, or from a shared "
            "PostgreSQL store's own links: there the areas are read from the registered layers — the open "
            "project's layer of the same registered layer when there is one, else the registered source — and a "
            "layer that cannot be opened is named in the problems (its areas are missing). {OUTPUT} ending in "
            ".xlsx: a workbook with one row per organisation and one column per goal (number of linked areas; the "
            "same in hectares; supports and conflicts apart), every goal with its figures, the goals no organisation "
            "links to, a summary per organisation (areas, hectares, share of its land-use area linked, latest "
            "delivery and stage) and the intermunicipal goal conflicts: pairs of areas of different organisations "
            "within {DISTANCE} of each other, linked to the same goal, one supporting and one in conflict. "
            "{OUTPUT} ending in .pdf: a regional atlas with an overview of every organisation's areas (and the "
            "municipal borders of {BOUNDARIES}), then one page per goal with the areas by stance, a table per "
            "organisation and the conflict pairs marked and listed. {GOALS}: goal ids and catalogue ids, "
            "comma-separated (default: every goal with links). A catalogue id (rus_ac_2030) stands for all its "
            "goals: those with links get their columns and pages, those without are listed as goals without links. "
            "An id that is neither a goal nor a catalogue in the store is refused by name."
        )
        compare = tr(
            "{COMPARE_ORGANISATION} (optional): an organisation id; its last two deliveries are compared as plan "
            "stages are (links added, removed and changed, areas added, removed and reshaped, per goal before "
            "and after) and written to {COMPARE_OUTPUT} (empty: beside {OUTPUT} in its format). "
            "Every imported delivery is kept as a read-only plan stage named "
            "'&lt;organisation&gt;: &lt;stage&gt; (&lt;day&gt;)', so 'Compare plan stages' can compare any two of them."
        )
        return report + "<br><br>" + compare

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter(tr("The region's link store")))
        self.addParameter(
            QgsProcessingParameterString(
                "GOALS", tr("Goals or catalogues (ids, comma-separated; empty = all linked)"), optional=True
            )
        )
        distance = QgsProcessingParameterNumber(
            "DISTANCE",
            tr("Distance for intermunicipal conflicts (m)"),
            qgis_enum("Qgis.ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Type.Double"),
            defaultValue=2000.0,
            minValue=0.0,
        )
        distance.setMetadata({"widget_wrapper": {"decimals": 0}})  # metres: "2000", not "2000,000000"
        self.addParameter(distance)
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "BOUNDARIES",
                tr("Municipal borders (optional, for the atlas)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Regional report (.xlsx or .pdf)"), tr("Excel (*.xlsx);;PDF (*.pdf)")
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "COMPARE_ORGANISATION", tr("Compare the last two deliveries of (organisation id)"), optional=True
            )
        )
        compare_output = QgsProcessingParameterFileDestination(
            "COMPARE_OUTPUT",
            tr("Comparison of the deliveries (.xlsx or .pdf)"),
            tr("Excel (*.xlsx);;PDF (*.pdf)"),
            optional=True,
            createByDefault=False,
        )
        self.addParameter(compare_output)
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Regional report")))
        self.addOutput(QgsProcessingOutputNumber("ORGANISATIONS", tr("Organisations")))
        self.addOutput(QgsProcessingOutputNumber("CONFLICTS", tr("Intermunicipal conflicts")))
        self.addOutput(QgsProcessingOutputFile("COMPARE_OUTPUT", tr("Comparison of the deliveries")))
        self.addOutput(QgsProcessingOutputNumber("DELIVERY_CHANGES", tr("Changes between the deliveries")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.store import open_store
        from ...export.region.service import run_regional_report

        uri = store_uri(self, parameters, context)
        goal_ids = parse_goal_ids(self.parameterAsString(parameters, "GOALS", context), catalogues=True) or None
        distance = self.parameterAsDouble(parameters, "DISTANCE", context)
        boundaries = self.parameterAsVectorLayer(parameters, "BOUNDARIES", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        compared = self.parameterAsString(parameters, "COMPARE_ORGANISATION", context).strip()
        compare_output = self.parameterAsFileOutput(parameters, "COMPARE_OUTPUT", context)
        compare_report = None
        with open_store(uri) as store:
            if compared:  # first: a municipality with one delivery is refused before the report is made
                from ...export.region.deliveries import compare_deliveries, comparison_path

                compare_report = compare_deliveries(
                    store,
                    compared,
                    compare_output or comparison_path(output, compared),
                    project=context.project(),
                    feedback=feedback,
                )
            path, data = run_regional_report(
                store,
                output,
                goal_ids=goal_ids,
                distance=distance,
                boundaries=boundaries,
                project=context.project(),
                feedback=feedback,
            )
        for organisation, key, problem in data.problems:
            if key:
                feedback.pushWarning(tr("{organisation}, area {key}: {problem}").format(
                    organisation=organisation, key=key, problem=problem))  # fmt: skip
            else:  # the whole layer (one that could not be opened)
                feedback.pushWarning(f"{organisation}: {problem}")
        counts = (
            plural(len(data.organisations), tr("{n} organisation"), tr("{n} organisations")),
            plural(len(data.goals), tr("{n} goal"), tr("{n} goals")),
            plural(len(data.pairs), tr("{n} intermunicipal conflict"), tr("{n} intermunicipal conflicts")),
        )
        feedback.pushInfo(
            tr("{organisations}, {goals}, {pairs} → {path}").format(
                organisations=counts[0].format(n=len(data.organisations)),
                goals=counts[1].format(n=len(data.goals)),
                pairs=counts[2].format(n=len(data.pairs)),
                path=path,
            )
        )
        results = {"OUTPUT": str(path), "ORGANISATIONS": len(data.organisations), "CONFLICTS": len(data.pairs)}
        if compare_report is not None:
            changes, _goals = report_comparison(compare_report, feedback)
            results.update({"COMPARE_OUTPUT": str(compare_report.path), "DELIVERY_CHANGES": changes})
        return results
