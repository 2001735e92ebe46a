"""The region's areas as the report and the conflict search use them, read from the region's store."""

from __future__ import annotations

from collections.abc import Sequence

from qgis.core import QgsGeometry

from ..store.base import Store
from .conflicts import RegionArea
from .geometry import repair


def delivered_region_areas(
    store: Store, organisations: Sequence[str] | None = None
) -> tuple[list[RegionArea], list[tuple[str, str, str]]]:
    """(areas of the current deliveries, (organisation, key, problem) for every geometry repaired or missing)."""
    areas: list[RegionArea] = []
    problems: list[tuple[str, str, str]] = []
    for delivered in store.delivered_areas(organisations):
        shape = None
        if delivered.wkb:
            shape = QgsGeometry()
            shape.fromWkb(delivered.wkb)
        fixed, problem = repair(shape)
        if problem:
            problems.append((delivered.organisation, delivered.feature_key, problem))
        areas.append(
            RegionArea(
                organisation=delivered.organisation,
                layer_uid=delivered.layer_uid,
                feature_key=delivered.feature_key,
                name=delivered.name,
                hectares=delivered.hectares,
                geometry=fixed,
                category=delivered.category,
                source_layer=delivered.source_layer,
            )
        )
    return areas, problems
