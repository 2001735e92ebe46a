"""The panel's thin adapter over feature identity (``core/identity.py``).

``core/identity.py`` owns the rules (which field may be a key, the ``tl_uuid``
field, the ``layer_uid`` project property); the panel asks only these questions,
in one place, so a change of the core API touches one module of the GUI.
"""

from __future__ import annotations

from qgis.core import QgsVectorLayer

from ...core import identity
from ...core.identity import UUID_FIELD, KeyCandidate
from ...core.model import RegisteredLayer
from ...core.store.base import Store

__all__ = [
    "UUID_FIELD",
    "KeyCandidate",
    "add_uuid_field",
    "feature_key",
    "is_numeric_key",
    "key_candidates",
    "layer_uid",
    "register",
    "registered_layer",
]

feature_key = identity.feature_key
is_numeric_key = identity.is_numeric_key


def layer_uid(layer: QgsVectorLayer) -> str | None:
    return identity.layer_uid_of(layer)


def registered_layer(store: Store, layer: QgsVectorLayer) -> RegisteredLayer | None:
    """The store's record of ``layer``; a moved source is found again by its ``layer_uid``."""
    return identity.resolve_layer(store, layer)


def key_candidates(layer: QgsVectorLayer) -> list[KeyCandidate]:
    """Every field, best first: unique and non-null ones are usable."""
    return identity.key_candidates(layer)


def register(store: Store, layer: QgsVectorLayer, key_field: str) -> RegisteredLayer:
    """Register ``layer`` in ``store`` with ``key_field`` (refused with IdentityError if unusable)."""
    return identity.register_layer(store, layer, key_field)


def add_uuid_field(layer: QgsVectorLayer) -> str:
    """Add ``tl_uuid`` (filled for every feature, default for new ones); returns the field name."""
    return identity.add_uuid_field(layer)
