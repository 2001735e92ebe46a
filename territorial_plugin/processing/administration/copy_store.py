"""``territorial:copystore``: copy a link store to another engine (GeoPackage ⇄ PostgreSQL)."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterString

from ...core.errors import TerritorialError
from ...core.i18n import tr
from ..base import TerritorialAlgorithm


class CopyStoreAlgorithm(TerritorialAlgorithm):
    group_id = "administration"

    def name(self) -> str:
        return "copystore"

    def displayName(self) -> str:
        return tr("Copy link store")

    def help_text(self) -> str:
        return tr(
            "Copies everything in the link store {INPUT} — catalogues, goals, registered layers, links and their "
            "history — into {OUTPUT}, for example from a GeoPackage into a shared PostgreSQL store "
            "(postgres:&lt;QGIS connection name&gt;) or back. {OUTPUT} is created if needed and must be empty; it is "
            "written in one transaction, so a failed copy leaves it as it was. {ORGANISATION} "
            "assigns links that have no organisation yet to that organisation, so its people can edit them."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString("INPUT", tr("Link store to copy from")))
        self.addParameter(QgsProcessingParameterString("OUTPUT", tr("New link store to copy into")))
        self.addParameter(
            QgsProcessingParameterString(
                "ORGANISATION", tr("Organisation of links without one (PostgreSQL)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString("OUTPUT", tr("Link store copied into")))
        self.addOutput(QgsProcessingOutputNumber("LINKS", tr("Links copied")))
        self.addOutput(QgsProcessingOutputNumber("HISTORY", tr("History rows copied")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.store.transfer import copy_store

        source = self.parameterAsString(parameters, "INPUT", context).strip()
        target = self.parameterAsString(parameters, "OUTPUT", context).strip()
        organisation = self.parameterAsString(parameters, "ORGANISATION", context).strip()
        if not source or not target:
            raise TerritorialError(tr("Give both the link store to copy from and the one to copy into."))
        report = copy_store(source, target, organisation=organisation)
        for table, count in report.rows.items():
            feedback.pushInfo(tr("{table}: {count} rows copied").format(table=table, count=count))
        return {
            "OUTPUT": target,
            "LINKS": report.rows.get("link", 0),
            "HISTORY": report.rows.get("link_history", 0),
        }
