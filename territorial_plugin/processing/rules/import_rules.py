"""``territorial:importrules``: linking rules from a CSV, XLSX or JSON file into the store."""

from __future__ import annotations

import html

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFile

from ...core.i18n import tr
from ...core.rules.boverket import example_rules_path
from ...core.user import current_user
from ..base import TerritorialAlgorithm
from ..params import store_parameter, store_uri


class ImportRulesAlgorithm(TerritorialAlgorithm):
    group_id = "rules"

    def name(self) -> str:
        return "importrules"

    def displayName(self) -> str:
        return tr("Import linking rules")

    def help_text(self) -> str:
        return (
            tr(
                "Reads linking rules from {INPUT} (CSV with a header, XLSX first sheet, or a JSON list of objects) and "
                "saves them in {STORE}: new names are added, rules of the same name are updated, other rules stay. "
                "Columns: name, layer (a registered layer's name, empty = any), expression (a QGIS expression "
                "selecting areas), goals (goal ids separated by commas), stance (supports, conflicts, neutral or "
                "stödjer, motverkar), strength (0–3), motivation (may hold [% expression %] templates filled per "
                "area), enabled (1/0). Swedish headers (namn, lager, uttryck, mål, ställningstagande, styrka, "
                "motivering, aktiv) are accepted.<br><br>"
                "The whole file is checked first; every bad row is named with its column, and then nothing is "
                "written. An invalid expression or a goal the store does not hold is refused."
            )
            + "<br><br>"
            + tr(
                "An example rule set for Boverket's ÖP model comes with the plugin: it links the land- and water-use "
                "categories (a field kategori_boverket) to goals of the bundled catalogues, for the municipality to "
                "review and change before use. Choose this file as {INPUT}: {path}"
            )
        )

    def help_values(self) -> dict[str, str]:
        return {"path": html.escape(str(example_rules_path()))}

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile("INPUT", tr("Rule file"), fileFilter=tr("Rule files (*.csv *.xlsx *.json)"))
        )
        self.addParameter(store_parameter())
        self.addOutput(QgsProcessingOutputNumber("RULES", tr("Rules in the file")))
        self.addOutput(QgsProcessingOutputNumber("INSERTED", tr("New rules")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Changed rules")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.rules.files import import_rule_file
        from ...core.store import open_store

        path = self.parameterAsFile(parameters, "INPUT", context)
        with open_store(store_uri(self, parameters, context)) as store:
            rule_file, result = import_rule_file(store, path, current_user())
        feedback.pushInfo(
            tr("Imported {n} rules: {new} new, {changed} changed, {same} unchanged.").format(
                n=len(rule_file.rules), new=result.inserted, changed=result.updated, same=result.unchanged
            )
        )
        return {"RULES": len(rule_file.rules), "INSERTED": result.inserted, "UPDATED": result.updated}
