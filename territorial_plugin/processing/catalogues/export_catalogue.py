"""``territorial:exportcatalogue``: a catalogue of the store (or a bundled one) to CSV, XLSX or JSON."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.errors import CatalogueError
from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import STORE


class ExportCatalogueAlgorithm(TerritorialAlgorithm):
    group_id = "catalogues"

    def name(self) -> str:
        return "exportcatalogue"

    def displayName(self) -> str:
        return tr("Export goal catalogue")

    def help_text(self) -> str:
        return tr(
            "Writes one catalogue to a file ({OUTPUT}) that importcatalogue reads back unchanged: CSV (UTF-8 with BOM, "
            "separated by ; as Swedish Excel expects), XLSX (sheets goals and catalogue) or JSON. "
            "{CATALOGUE} is a catalogue id of the link store {STORE}; without it, a bundled catalogue's id. "
            "Use it to edit a catalogue in a spreadsheet and import it as a new version."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString("CATALOGUE", tr("Catalogue id")))
        self.addParameter(
            QgsProcessingParameterString(STORE, tr("Link store (empty: export a bundled catalogue)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("Output file"), tr("CSV (*.csv);;Excel (*.xlsx);;JSON (*.json)")
            )
        )
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Output file")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.catalogues.bundled import load_bundled
        from ...core.catalogues.export import export_catalogue
        from ...core.store import open_store

        catalogue_id = self.parameterAsString(parameters, "CATALOGUE", context).strip()
        uri = self.parameterAsString(parameters, STORE, context).strip()
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if uri:
            with open_store(uri) as store:
                catalogue = store.catalogue(catalogue_id)
                if catalogue is None:
                    raise CatalogueError(
                        tr("There is no catalogue '{id}' in the link store {store}.").format(id=catalogue_id, store=uri)
                    )
                goals = store.goals(catalogue_id)
        else:
            catalogue, goals = load_bundled(catalogue_id)
        path = export_catalogue(catalogue, goals, output)
        feedback.pushInfo(tr("Wrote {count} goals to {path}.").format(count=len(goals), path=path))
        return {"OUTPUT": str(path)}
