"""``territorial:exportrules``: the store's linking rules to a CSV, XLSX or JSON file."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputFile, QgsProcessingParameterFileDestination

from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import store_parameter, store_uri


class ExportRulesAlgorithm(TerritorialAlgorithm):
    group_id = "rules"

    def name(self) -> str:
        return "exportrules"

    def displayName(self) -> str:
        return tr("Export linking rules")

    def help_text(self) -> str:
        return tr(
            "Writes every linking rule of {STORE} (enabled and disabled) to {OUTPUT}: CSV (UTF-8 with BOM, separated "
            "by ;), XLSX or JSON, with the columns importrules reads back unchanged. Use it to review rules in "
            "a spreadsheet or to carry them to another store."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(store_parameter())
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Output file"), tr("CSV (*.csv);;Excel (*.xlsx);;JSON (*.json)")
            )
        )
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Output file")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.rules.files import export_rules
        from ...core.store import open_store

        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with open_store(store_uri(self, parameters, context)) as store:
            rules = store.rules()
        path = export_rules(rules, output)
        feedback.pushInfo(tr("Wrote {n} rules to {path}.").format(n=len(rules), path=path))
        return {"OUTPUT": str(path)}
