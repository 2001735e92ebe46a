"""Usable geometries from real land-use data, which holds invalid ones.

Rings of fewer than four points and self-intersections are common in municipal
data; GEOS refuses distances and unions on them. One rule for the delivery, the
import and the conflict search: repair with ``makeValid``, keep the parts of the
area's own dimension, and say what happened — an area is never dropped silently.
"""

from __future__ import annotations

from typing import NamedTuple

from qgis.core import QgsGeometry, QgsWkbTypes

from ..i18n import tr


class Repaired(NamedTuple):
    """A geometry ready for GEOS (``None`` if nothing usable is left) and what was done to it."""

    geometry: QgsGeometry | None
    problem: str  # "" for a valid geometry; else a sentence for the user's report


def repair(geometry: QgsGeometry | None) -> Repaired:
    """``geometry`` if valid, else its repair; the problem names what was wrong."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return Repaired(None, tr("The area has no geometry."))
    if geometry.isGeosValid():
        return Repaired(geometry, "")
    errors = geometry.validateGeometry()
    reason = errors[0].what() if errors else tr("invalid geometry")
    kind = geometry.type()
    fixed = geometry.makeValid()
    parts = [part for part in fixed.asGeometryCollection() if part.type() == kind] if not fixed.isNull() else []
    if not parts:
        return Repaired(None, tr("Invalid geometry that could not be repaired ({reason}).").format(reason=reason))
    whole = QgsGeometry.collectGeometry(parts) if len(parts) > 1 else parts[0]
    if kind == QgsWkbTypes.GeometryType.PolygonGeometry or len(parts) > 1:
        _ = whole.convertToMultiType()  # False only when it already is multi
    return Repaired(whole, tr("Invalid geometry repaired ({reason}).").format(reason=reason))
