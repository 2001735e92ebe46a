"""Plain values of a saved plan stage, shared by both store engines, the comparison and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class StageInfo:
    """A saved stage as listed: its name, who saved it and when, and how much it holds."""

    name: str
    note: str = ""
    organisation: str = ""
    saved_by: str = ""
    saved_at: str = ""
    layers: int = 0
    areas: int = 0
    links: int = 0


@dataclass(frozen=True)
class StageLayer:
    """A land-use layer as it was frozen: enough to draw its areas again as a memory layer."""

    layer_uid: str
    name: str
    key_field: str
    wkb_type: int  # QgsWkbTypes.Type value
    crs: str  # WKT, so a custom CRS is drawn again exactly
    fields: str  # JSON list of [name, QVariant type, type name, length, precision]


class StageArea(NamedTuple):
    """One area of a layer in a stage: its key, name, hectares, WKB geometry and attributes (JSON list)."""

    layer_uid: str
    key: str
    name: str
    hectares: float
    wkb: bytes | None
    attributes: str = "[]"
