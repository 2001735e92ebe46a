"""Shared base of the plugin's algorithms: naming, help and error translation."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..core.errors import TerritorialError
from ..core.i18n import tr


def group_name(group_id: str) -> str:
    """The toolbox group's translated name; the ids are the sub-packages of ``processing``."""
    names = {
        "catalogues": tr("Goal catalogues"),
        "links": tr("Links"),
        "administration": tr("Store administration"),
        "export": tr("Export"),
        "rules": tr("Linking rules"),
        "region": tr("Region"),
        "stages": tr("Plan stages"),
    }
    return names.get(group_id, "")


class TerritorialAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``execute(parameters, context, feedback)`` and the texts.

    (Not ``run``: that would hide ``QgsProcessingAlgorithm.run``, which
    ``processing.run()`` and models call.)

    ``processAlgorithm`` turns a :class:`TerritorialError` into a
    ``QgsProcessingException`` carrying the same translated message, so the user
    sees the reason and no traceback, and ``qgis_process`` exits non-zero.
    """

    #: toolbox group: the name of the sub-package the algorithm lives in
    group_id = ""

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return group_name(self.group_id)

    def groupId(self) -> str:
        return self.group_id

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.execute(parameters, context, feedback)
        except TerritorialError as error:
            raise QgsProcessingException(str(error)) from error

    def execute(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
