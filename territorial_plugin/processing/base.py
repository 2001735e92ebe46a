"""Shared base of the plugin's algorithms: naming, help and error translation."""

from __future__ import annotations

import html

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

    The help (``help_text``) names a parameter by a placeholder of its id, ``{STORE}``;
    ``shortHelpString`` fills it with the label the dialog shows and the id, "Link store
    (STORE)", read from the algorithm's own definitions: the dialog never shows the id and
    ``qgis_process`` never shows the label, and the help cannot drift from either.

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

    def help_text(self) -> str:
        """The translated help, with ``{ID}`` where it names a parameter or output."""
        raise NotImplementedError

    def help_values(self) -> dict[str, str]:
        """Further placeholders of ``help_text`` (lists of names, paths), already escaped."""
        return {}

    def shortHelpString(self) -> str:
        return self.help_text().format(**self.help_labels(), **self.help_values())

    def help_labels(self) -> dict[str, str]:
        """``{id: "<label> (ID)"}`` for every parameter and output (a parameter's label wins)."""
        algorithm = self
        if not self.parameterDefinitions() and not self.outputDefinitions():
            # an algorithm not yet initialised (Processing initialises those it registers)
            algorithm = self.createInstance()
            algorithm.initAlgorithm()
        labels = {o.name(): o.description() for o in algorithm.outputDefinitions()}
        labels.update({p.name(): p.description() for p in algorithm.parameterDefinitions()})
        named = tr("“{label}” ({id})")  # quoted, so a label reads apart from the sentence around it
        return {name: named.format(label=html.escape(label, quote=False), id=name) for name, label in labels.items()}

    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self.execute(parameters, context, feedback)
        except TerritorialError as error:
            raise QgsProcessingException(str(error)) from error

    def execute(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
