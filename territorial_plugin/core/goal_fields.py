"""Goal columns in the attribute table: one virtual field per catalogue on a registered layer.

Each field is an expression field ``tl_goal_codes('<catalogue>')`` (see ``expressions``),
so the links can be filtered, sorted, labelled and styled like any attribute, and it is
saved with the project, not in the layer's data. The plugin removes only the fields it
added: they are named ``tl_<catalogue>`` and listed in a custom property of the layer.
"""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsFields, QgsVectorLayer

from ..compat import new_field
from .errors import TerritorialError
from .i18n import tr

PROPERTY = "territorial_links/goal_fields"


def field_name(catalogue_id: str) -> str:
    return "tl_" + catalogue_id.replace(".", "_").replace("-", "_")


def goal_fields(layer: QgsVectorLayer) -> list[str]:
    """Names of the goal fields the plugin added to ``layer`` and that are still there."""
    listed = layer.customProperty(PROPERTY, "") or ""
    names = layer.fields().names()
    return [name for name in str(listed).split(",") if name and name in names]


def add_goal_fields(layer: QgsVectorLayer, catalogue_ids: Sequence[str]) -> list[str]:
    """Add a goal field per catalogue (those already there are kept); returns the names added."""
    added: list[str] = []
    present = goal_fields(layer)
    for catalogue_id in catalogue_ids:
        name = field_name(catalogue_id)
        if name in present:
            continue
        if layer.fields().lookupField(name) >= 0:
            raise TerritorialError(
                tr("The layer '{layer}' already has a field {field} of its own; no goal field was added.").format(
                    layer=layer.name(), field=name
                )
            )
        field = new_field(name, "string")
        field.setAlias(tr("Goals: {catalogue}").format(catalogue=catalogue_id))
        quoted = catalogue_id.replace("'", "''")
        if layer.addExpressionField(f"tl_goal_codes('{quoted}')", field) < 0:
            raise TerritorialError(
                tr("QGIS refused the field {field} on '{layer}'.").format(field=name, layer=layer.name())
            )
        added.append(name)
    layer.setCustomProperty(PROPERTY, ",".join(present + added))
    return added


def remove_goal_fields(layer: QgsVectorLayer) -> list[str]:
    """Remove every goal field the plugin added; the layer's own fields are never touched."""
    removed = goal_fields(layer)
    fields: QgsFields = layer.fields()
    # from the last index down, so the indexes still to remove stay valid
    for index in sorted((fields.lookupField(name) for name in removed), reverse=True):
        if fields.fieldOrigin(index) == QgsFields.FieldOrigin.OriginExpression:
            layer.removeExpressionField(index)
    layer.removeCustomProperty(PROPERTY)
    return removed
