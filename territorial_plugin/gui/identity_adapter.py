"""The panel's thin adapter over feature identity (``core/identity.py``).

``core/identity.py`` owns the rules (which field may be a key, the ``tl_uuid``
field, the ``layer_uid`` project property). The panel only asks: which store
layer is this QGIS layer, which fields could be its key, register it. When the
core module is not importable (it is written in parallel), a minimal version of
the same rules keeps the panel usable.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from qgis.core import QgsVectorLayer, QgsWkbTypes

from ..core.errors import IdentityError
from ..core.i18n import tr
from ..core.model import RegisteredLayer
from ..core.store.base import Store

LAYER_UID_PROPERTY = "territorial_links/layer_uid"
UUID_FIELD = "tl_uuid"
RENUMBERING_PROVIDERS = {"memory", "delimitedtext", "virtual", "wfs"}


def _identity():
    try:
        from ..core import identity
    except ImportError:
        return None
    return identity


@dataclass(frozen=True)
class KeyCandidate:
    """A field offered as key, and whether its values are unique and non-null."""

    name: str
    usable: bool
    reason: str = ""


def layer_uid(layer: QgsVectorLayer) -> str | None:
    identity = _identity()
    if identity is not None and hasattr(identity, "layer_uid_of"):
        return identity.layer_uid_of(layer)
    value = layer.customProperty(LAYER_UID_PROPERTY)
    return str(value) if value else None


def registered_layer(store: Store, layer: QgsVectorLayer) -> RegisteredLayer | None:
    """The store's record of ``layer``; a moved source is found again by its ``layer_uid``."""
    identity = _identity()
    if identity is not None and hasattr(identity, "resolve_layer"):
        return identity.resolve_layer(store, layer)
    uid = layer_uid(layer)
    if uid:
        return store.layer(uid)
    source = layer.source()
    for record in store.layers():
        if record.source == source:
            layer.setCustomProperty(LAYER_UID_PROPERTY, record.layer_uid)
            return record
    return None


def _is_fid_field(layer: QgsVectorLayer, name: str) -> bool:
    index = layer.fields().lookupField(name)
    return index >= 0 and index in layer.primaryKeyAttributes() and name.lower() in {"fid", "ogc_fid"}


def key_candidates(layer: QgsVectorLayer) -> list[KeyCandidate]:
    """Every field, best first: unique and non-null ones are usable."""
    identity = _identity()
    if identity is not None and hasattr(identity, "key_candidates"):
        return [KeyCandidate(c.name, c.usable, getattr(c, "reason", "")) for c in identity.key_candidates(layer)]
    result = []
    total = layer.featureCount()
    provider = layer.providerType()
    shapefile = provider == "ogr" and layer.source().lower().split("|")[0].endswith(".shp")
    for index, field in enumerate(layer.fields()):
        name = field.name()
        if _is_fid_field(layer, name) and (provider in RENUMBERING_PROVIDERS or shapefile):
            result.append(KeyCandidate(name, False, tr("the feature id of this source changes when data is edited")))
            continue
        values = layer.uniqueValues(index)
        nulls = any(v is None or (hasattr(v, "isNull") and v.isNull()) or v == "" for v in values)
        if len(values) < total:
            result.append(KeyCandidate(name, False, tr("values repeat")))
        elif nulls:
            result.append(KeyCandidate(name, False, tr("some values are empty")))
        else:
            result.append(KeyCandidate(name, True))
    result.sort(key=lambda c: (not c.usable, c.name != UUID_FIELD, not c.name.lower().endswith("id"), c.name))
    return result


def register(store: Store, layer: QgsVectorLayer, key_field: str) -> RegisteredLayer:
    """Register ``layer`` in ``store`` with ``key_field`` and remember its uid in the project."""
    identity = _identity()
    if identity is not None and hasattr(identity, "register_layer"):
        return identity.register_layer(store, layer, key_field)
    if layer.fields().lookupField(key_field) < 0:
        raise IdentityError(tr("'{field}' is not a field of '{layer}'.").format(field=key_field, layer=layer.name()))
    candidate = next((c for c in key_candidates(layer) if c.name == key_field), None)
    if candidate is not None and not candidate.usable:
        raise IdentityError(
            tr("'{field}' cannot be the key of '{layer}': {reason}.").format(
                field=key_field, layer=layer.name(), reason=candidate.reason
            )
        )
    uid = layer_uid(layer) or uuid.uuid4().hex
    record = RegisteredLayer(
        layer_uid=uid,
        name=layer.name(),
        source=layer.source(),
        provider=layer.providerType(),
        key_field=key_field,
        geometry_type=QgsWkbTypes.displayString(layer.wkbType()),
        crs=layer.crs().authid(),
    )
    store.register_layer(record)
    layer.setCustomProperty(LAYER_UID_PROPERTY, uid)
    return record


def add_uuid_field(layer: QgsVectorLayer) -> str:
    """Add ``tl_uuid`` (filled for every feature, default for new ones); returns the field name."""
    identity = _identity()
    if identity is not None and hasattr(identity, "add_uuid_field"):
        return identity.add_uuid_field(layer)
    raise IdentityError(tr("Adding a tl_uuid key field is not available in this version."))
