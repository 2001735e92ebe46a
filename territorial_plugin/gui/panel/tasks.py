"""The panel's work off the GUI thread: counts per goal, and rule suggestions for a large selection.

Counts and hectares per goal for the active layer: a store with a million links
takes seconds to read; the panel must not wait for it. The task opens its own
connection to the store (a database connection belongs to the thread that opened
it), adds up the layer's links with the hectares of the key table (``core.coverage.coverage_per_goal``; of a saved
stage, the hectares frozen with it), and hands the totals back to the GUI thread.

Rule suggestions for a selection of thousands of areas take seconds (every rule's
expression is evaluated on every selected area in Python): the task reads the
features through the layer's feature source and the store through its own
connection.
"""

from __future__ import annotations

from qgis.core import QgsTask, QgsVectorLayer, QgsVectorLayerFeatureSource

from ...core.coverage import Coverage, coverage_per_goal
from ...core.errors import CancelledError, TerritorialError
from ...core.i18n import tr
from ...core.store import open_store


class CoverageTask(QgsTask):
    """Counts and hectares per goal of one layer (:class:`Coverage` in ``result``), off the GUI thread."""

    def __init__(
        self,
        uri: str,
        layer_uid: str,
        layer_name: str,
        areas: dict[str, float],
        *,
        stage: str = "",
        organisation: str | None = None,
    ):
        super().__init__(tr("Counting the linked areas of {layer}").format(layer=layer_name), QgsTask.Flag.CanCancel)
        self.uri = uri
        self.layer_uid = layer_uid
        self.areas = dict(areas)  # a copy: the key table may be rebuilt meanwhile
        self.stage = stage  # a saved stage's links and the hectares frozen with it, not today's
        self.organisation = organisation  # one organisation's links only
        self.result: Coverage | None = None
        #: the organisations the store's links belong to (the panel's organisation filter)
        self.organisations: list[str] = []
        self.error = ""

    def run(self) -> bool:
        try:
            store = open_store(self.uri)
        except TerritorialError as error:
            self.error = str(error)
            return False
        try:
            # three columns, not full Link objects: a million links must not take half a minute
            links = store.link_stances(self.layer_uid, organisation=self.organisation, stage=self.stage or None)
            if self.stage:
                # the areas as the stage froze them: one deleted or reshaped since still counts as it was
                self.areas = store.stage_hectares(self.stage, self.layer_uid)
            # here, off the GUI thread: without an index on it, listing them reads every link
            self.organisations = store.link_organisations()
        except TerritorialError as error:
            self.error = str(error)
            return False
        finally:
            store.close()
        if self.isCanceled():
            return False
        self.result = coverage_per_goal(links, self.areas)
        return True


class SuggestionTask(QgsTask):
    """What ``rules`` suggest for the features ``fids`` (``core.rules.suggestions``), off the GUI thread.

    ``result``: the outcomes, or ``None`` when cancelled or failed (``error`` says why).
    """

    def __init__(self, uri: str, layer: QgsVectorLayer, record, fids, rules):
        super().__init__(
            tr("Reading what the linking rules suggest for {n} areas").format(n=len(fids)), QgsTask.Flag.CanCancel
        )
        self.uri = uri
        self.layer = layer  # asked only for its fields and name; the features come from the source
        self.source = QgsVectorLayerFeatureSource(layer)  # made here, on the GUI thread
        self.record = record
        self.fids = list(fids)
        self.rules = list(rules)
        self.result: list | None = None
        self.error = ""

    def run(self) -> bool:
        from ...core.rules.suggestions import suggestions

        try:
            store = open_store(self.uri)
        except TerritorialError as error:
            self.error = str(error)
            return False
        try:
            self.result = suggestions(
                store, self.layer, self.record, self.fids, self.rules, source=self.source, feedback=self
            )
        except CancelledError:
            return False
        except TerritorialError as error:
            self.error = str(error)
            return False
        finally:
            store.close()
        return True
