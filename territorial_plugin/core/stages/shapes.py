"""Whether an area's shape changed between two moments of the plan.

The same outline can be written in many ways: another start point, the other ring
orientation (shapefiles store rings clockwise, GeoPackages counter-clockwise), a
polygon as a one-part multipolygon, a repeated or collinear vertex, the last digits
rounded by a copy or a reprojection. None of these is a reshape a planner made, so an
area counts as reshaped only when its outline moved: for polygons, when the
symmetric difference of the two shapes is larger than :data:`TOLERANCE_M2`; for lines
and points, when they are not the same set of points (GEOS topological equality).

Only pairs whose WKB differs come here (:func:`..compare.compare`), so an unchanged
plan costs nothing; a pair costs a normalisation of each side, and the overlay only
when the normalised forms differ.
"""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsWkbTypes

#: the largest change of an area's outline (m², symmetric difference) that is not a reshape:
#: far above rounding noise (a reprojection moves a vertex by nanometres), far below what a
#: planner draws (moving a 10 m edge by 5 cm)
TOLERANCE_M2 = 0.5


def _geometry(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry


def _same_when_normalised(old: QgsGeometry, new: QgsGeometry) -> bool:
    """Normalise both in place (rings and parts in GEOS's canonical order and orientation, one
    part as a multi part when the other is multi) and compare them vertex by vertex."""
    if old.isMultipart() != new.isMultipart():  # converting costs as much as normalising: only when needed
        _ = old.convertToMultiType()
        _ = new.convertToMultiType()
    old.normalize()
    new.normalize()
    return old.equals(new)


def _symmetric_difference_area(a: QgsGeometry, b: QgsGeometry) -> float | None:
    """Planar area of what is in one shape and not the other; ``None`` when GEOS cannot compute it."""
    difference = a.symDifference(b)
    if difference.isNull():  # an invalid shape (self-intersection): try again on its repaired form
        difference = a.makeValid().symDifference(b.makeValid())
    return None if difference.isNull() else difference.area()


def same_shape(before: bytes | None, after: bytes | None, hectares: float) -> bool:
    """Whether two WKB geometries of one area (``hectares``: its ellipsoidal area) draw the same shape."""
    if before == after:
        return True
    if before is None or after is None:
        return False
    old, new = _geometry(before), _geometry(after)
    if old.isNull() or new.isNull():  # unreadable WKB: only a byte-equal copy is the same
        return False
    if _same_when_normalised(old, new):
        return True
    if old.type() != new.type():
        return False
    if old.type() != QgsWkbTypes.GeometryType.PolygonGeometry:
        return old.isGeosEqual(new)
    difference = _symmetric_difference_area(old, new)
    planar = max(old.area(), new.area())
    if difference is None or planar <= 0:
        return False
    # the planar difference in the layer's units, scaled to m² by the area's own ellipsoidal
    # size: the same tolerance for a layer in metres and one in degrees
    metres = hectares * 10_000.0 / planar if hectares > 0 else 1.0
    return difference * metres <= TOLERANCE_M2
