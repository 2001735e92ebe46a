"""``territorial:importdelivery``: put a municipality's delivery into the region's store."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
)

from ...core.i18n import tr
from ..base import TerritorialAlgorithm
from ..params import store_parameter, store_uri


class ImportDeliveryAlgorithm(TerritorialAlgorithm):
    group_id = "region"

    def name(self) -> str:
        return "importdelivery"

    def displayName(self) -> str:
        return tr("Import a municipality's delivery")

    def help_text(self) -> str:
        return tr(
            "Imports a delivery ({INPUT}: the GeoPackage 'Export delivery to the region' writes) into the region's "
            "link store, in one transaction: the organisation's previous delivery — its links and areas — is replaced, "
            "and the store keeps the history of deliveries (who imported what, when, which stage). The same delivery "
            "imported again changes nothing. A file that is not a delivery, was written by a newer plugin, is damaged, "
            "or names an organisation a shared PostgreSQL store does not know is refused and nothing is changed. A "
            "catalogue the region lacks comes with the delivery; one the region holds in another version is reported, "
            "never merged. {STORE}: created if it does not exist."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile("INPUT", tr("Delivery (.gpkg)"), extension="gpkg"))
        self.addParameter(store_parameter(tr("The region's link store")))
        self.addOutput(QgsProcessingOutputString("ORGANISATION", tr("Organisation")))
        self.addOutput(QgsProcessingOutputNumber("LINKS", tr("Links imported")))
        self.addOutput(QgsProcessingOutputNumber("AREAS", tr("Areas imported")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", tr("1 when the store already held this delivery")))

    def execute(self, parameters, context, feedback) -> dict:
        from ...core.region.delivery.importer import import_delivery
        from ...core.store import is_postgres_uri, open_store

        uri = store_uri(self, parameters, context)
        path = self.parameterAsFile(parameters, "INPUT", context)
        with open_store(uri, create=not is_postgres_uri(uri)) as store:
            result = import_delivery(store, path)
        if result.unchanged:
            feedback.pushInfo(
                tr("The region's store already holds this delivery from {organisation}; nothing was changed.").format(
                    organisation=result.organisation
                )
            )
        else:
            feedback.pushInfo(
                tr("{organisation}: {links} links and {areas} areas imported ({deleted} links replaced).").format(
                    organisation=result.organisation,
                    links=result.links_inserted,
                    areas=result.areas,
                    deleted=result.links_deleted,
                )
            )
        for catalogue_id in result.new_catalogues:
            feedback.pushInfo(tr("Catalogue {id} came with the delivery.").format(id=catalogue_id))
        for catalogue_id, (delivered, held) in sorted(result.version_differences.items()):
            feedback.pushWarning(
                tr(
                    "Catalogue {id}: the delivery uses version {delivered}, the region's store holds version {held}. "
                    "The region's version was kept."
                ).format(id=catalogue_id, delivered=delivered or "–", held=held or "–")
            )
        return {
            "ORGANISATION": result.organisation,
            "LINKS": result.links_inserted,
            "AREAS": result.areas,
            "UNCHANGED": int(result.unchanged),
        }
