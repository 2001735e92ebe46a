"""Shared base of the plugin's algorithms: naming, help and error translation."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..core.errors import TerritorialError


class TerritorialAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``execute(parameters, context, feedback)`` and the texts.

    (Not ``run``: that would hide ``QgsProcessingAlgorithm.run``, which
    ``processing.run()`` and models call.)

    ``processAlgorithm`` turns a :class:`TerritorialError` into a
    ``QgsProcessingException`` carrying the same translated message, so the user
    sees the reason and no traceback, and ``qgis_process`` exits non-zero.
    """

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return ""

    def groupId(self) -> str:
        return ""

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.execute(parameters, context, feedback)
        except TerritorialError as error:
            raise QgsProcessingException(str(error)) from error

    def execute(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
