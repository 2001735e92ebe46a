"""Values of a municipal delivery and of the region's store that holds them.

Plain dataclasses without QGIS objects, so the store engines can take and give
them (``core/store`` imports nothing else from ``core/region``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Catalogue, Goal, Link, RegisteredLayer
from ..stages.model import StageArea, StageLayer

#: bumped when a delivery holds something an older plugin would misread
FORMAT_VERSION = 1


@dataclass(frozen=True)
class DeliveryInfo:
    """The metadata row of a delivery: who sends what, at which planning stage."""

    organisation: str
    organisation_name: str
    stage: str
    plugin_version: str
    created_at: str
    created_by: str = ""
    area_count: int = 0
    link_count: int = 0
    land_use_ha: float = 0.0  # every feature of the delivered layers, linked or not
    format_version: int = FORMAT_VERSION


@dataclass(frozen=True)
class DeliveredArea:
    """One linked area as delivered: geometry as WKB in EPSG:3006 (``None`` when it had none)."""

    organisation: str
    layer_uid: str
    feature_key: str
    source_layer: str
    name: str
    category: str
    hectares: float
    wkb: bytes | None
    bbox: tuple[float, float, float, float] | None  # min x, min y, max x, max y


@dataclass(frozen=True)
class DeliveryStage:
    """A delivery's layers and areas as the plan stage the import keeps of it."""

    name: str
    note: str
    layers: tuple[StageLayer, ...]
    areas: tuple[StageArea, ...]


@dataclass(frozen=True)
class DeliveryContent:
    """Everything a delivery brings to the region's store, read and checked."""

    info: DeliveryInfo
    catalogues: list[Catalogue]
    goals: list[Goal]
    layers: list[RegisteredLayer]
    links: list[Link]
    areas: list[DeliveredArea]
    checksum: str  # of the content: the same delivery imported twice is recognised
    source_file: str = ""
    stage: DeliveryStage | None = None  # kept as a plan stage of the organisation when imported


@dataclass(frozen=True)
class DeliveryRecord:
    """One import into the region's store (the history of deliveries)."""

    id: int
    organisation: str
    organisation_name: str
    stage: str
    plugin_version: str
    created_at: str
    created_by: str
    imported_at: str
    imported_by: str
    source_file: str
    checksum: str
    area_count: int
    link_count: int
    land_use_ha: float
    current: bool


@dataclass
class ImportResult:
    """What an import did, for the algorithm's log and outputs."""

    organisation: str
    unchanged: bool = False
    links_inserted: int = 0
    links_deleted: int = 0
    areas: int = 0
    new_catalogues: list[str] = field(default_factory=list)
    # catalogue id → (version in the delivery, version in the region's store)
    version_differences: dict[str, tuple[str, str]] = field(default_factory=dict)
    delivery_id: int = 0
