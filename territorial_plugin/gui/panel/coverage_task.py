"""Counts and hectares per goal for the active layer, computed off the GUI thread.

A store with a million links takes seconds to read; the panel must not wait for
it. The task opens its own connection to the store (a database connection
belongs to the thread that opened it), adds up the layer's links with the
hectares of the key table (``core.coverage.coverage_per_goal``), and hands the
totals back to the GUI thread.
"""

from __future__ import annotations

from qgis.core import QgsTask

from ...core.coverage import Coverage, coverage_per_goal
from ...core.errors import TerritorialError
from ...core.i18n import tr
from ...core.store import open_store


class CoverageTask(QgsTask):
    """Counts and hectares per goal of one layer (:class:`Coverage` in ``result``), off the GUI thread."""

    def __init__(self, uri: str, layer_uid: str, layer_name: str, areas: dict[str, float]):
        super().__init__(tr("Counting the linked areas of {layer}").format(layer=layer_name), QgsTask.Flag.CanCancel)
        self.uri = uri
        self.layer_uid = layer_uid
        self.areas = dict(areas)  # a copy: the key table may be rebuilt meanwhile
        self.result: Coverage | None = None
        self.error = ""

    def run(self) -> bool:
        try:
            store = open_store(self.uri)
        except TerritorialError as error:
            self.error = str(error)
            return False
        try:
            # three columns, not full Link objects: a million links must not take half a minute
            links = store.link_stances(self.layer_uid)
        except TerritorialError as error:
            self.error = str(error)
            return False
        finally:
            store.close()
        if self.isCanceled():
            return False
        self.result = coverage_per_goal(links, self.areas)
        return True
