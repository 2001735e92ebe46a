"""What the plugin says of an area beside its key: its name (the one rule the panel, the atlas and the tables share)."""

from __future__ import annotations

from qgis.core import QgsDistanceArea, QgsExpression, QgsUnitTypes, QgsVectorLayer

#: field names that usually hold an area's name, tried in order
_NAME_FIELDS = ("namn", "name", "benamning", "benämning", "omradesnamn", "titel", "title")


def name_field(layer: QgsVectorLayer, key_field: str) -> str | None:
    """The field holding an area's name (``namn``, ``name``… or the display expression's field)."""
    names = {f.name().lower(): f.name() for f in layer.fields()}
    for candidate in _NAME_FIELDS:
        if candidate in names and names[candidate] != key_field:
            return names[candidate]
    expression = QgsExpression(layer.displayExpression())
    columns = [c for c in expression.referencedColumns() if c in layer.fields().names() and c != key_field]
    return columns[0] if len(columns) == 1 and expression.isField() else None


def hectares_factor(calculator: QgsDistanceArea) -> float:
    """Factor from the calculator's area units to hectares."""
    return QgsUnitTypes.fromUnitToUnitFactor(calculator.areaUnits(), QgsUnitTypes.AreaUnit.AreaHectares)
