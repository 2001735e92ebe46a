"""Feature identity: which field is a layer's stable key, and which store layer a QGIS layer is.

Links are keyed by the value of a *key field*, never by the QGIS feature id of a
source that renumbers its features (shapefile, CSV, memory, OSM, WFS, virtual
layers): deleting one feature of a shapefile and saving renumbers every feature
after it. A GeoPackage ``fid`` or a PostGIS primary key is kept by its source
and may be the key when the user declares it. A layer with no usable field gets
a ``tl_uuid`` field.

Each registered layer has a ``layer_uid``, kept in the store and as a custom
property of the QGIS layer (saved in the project). A layer whose data source is
changed or moved keeps its ``layer_uid`` and so its links; a layer added anew is
matched to the store by its source (path and layer name).
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsDefaultValue,
    QgsFeatureRequest,
    QgsField,
    QgsFieldConstraints,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import field_type, is_null, new_field
from .errors import IdentityError
from .i18n import tr
from .model import RegisteredLayer
from .store.base import Store

LAYER_UID_PROPERTY = "territorial_links/layer_uid"
UUID_FIELD = "tl_uuid"
# QGIS 3.22's uuid() has braces ({…}); strip them so keys read the same everywhere.
UUID_DEFAULT_EXPRESSION = "regexp_replace(uuid(), '[{}]', '')"
#: the QGIS feature id written as a "field" name; never a key of a renumbering source
FID_PSEUDO_FIELDS = {"$id", "@id", "id()", "$fid", "@fid"}
# Providers whose primary key (or fid) is a stored, stable column.
_STABLE_PK_PROVIDERS = {"postgres", "spatialite", "mssql", "oracle", "hana"}
_KEY_NAME_HINTS = ("tl_uuid", "uuid", "omr_id", "id", "nyckel", "objekt_id", "objektid")


@dataclass(frozen=True)
class KeyCandidate:
    """A field offered as key. ``usable`` only when its values are unique and non-null."""

    name: str
    usable: bool
    reason: str = ""
    primary_key: bool = False


# -- keys --------------------------------------------------------------------------
def feature_key(value) -> str | None:
    """A key value as the store keeps it: text; ``None`` for NULL or empty.

    Whole numbers read as floats (``12.0`` from a CSV or a shapefile's double
    field) are written ``12`` so the same feature keeps the same key.
    """
    if is_null(value) or (hasattr(value, "isNull") and value.isNull()):  # NULL, null QDate
        return None
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if hasattr(value, "toString") and not isinstance(value, str):  # QDate, QDateTime
        value = value.toString("yyyy-MM-ddTHH:mm:ss") if hasattr(value, "time") else value.toString("yyyy-MM-dd")
    text = value if isinstance(value, str) else str(value)
    return text if text != "" else None


def is_numeric_key(key: str) -> bool:
    """Whether a stored key can be written unquoted for a numeric key field (a filter's ``IN`` list)."""
    try:
        float(key)
    except ValueError:
        return False
    return True


def fid_is_stable(layer: QgsVectorLayer) -> bool:
    """True when the source itself stores the feature id (GeoPackage fid, database primary key)."""
    provider = layer.providerType()
    if provider in _STABLE_PK_PROVIDERS:
        return True
    return provider == "ogr" and layer.dataProvider().storageType().upper() in {"GPKG", "SQLITE"}


def _refusal(layer: QgsVectorLayer, name: str) -> str:
    """Why ``name`` can never be a key of ``layer`` ('' when it may be)."""
    if name.lower() in FID_PSEUDO_FIELDS:
        if fid_is_stable(layer):
            pk = [layer.fields().at(i).name() for i in layer.primaryKeyAttributes()]
            return (
                tr("declare the primary key field ({fields}) instead of the feature id").format(fields=", ".join(pk))
                if pk
                else tr("the feature id of this source is not a stored field")
            )
        return tr("the feature id of this source changes when features are deleted or the file is saved again")
    index = layer.fields().lookupField(name)
    if index < 0:
        return tr("there is no such field")
    if index in layer.primaryKeyAttributes() and not fid_is_stable(layer):
        return tr("the feature id of this source changes when features are deleted or the file is saved again")
    return ""


def key_problems(layer: QgsVectorLayer, field: str) -> tuple[int, int]:
    """``(duplicate values, null or empty values)`` of ``field`` over all features, in one pass."""
    return _problems_of(layer, [field])[field]


def _problems_of(layer: QgsVectorLayer, names: list[str]) -> dict[str, tuple[int, int]]:
    """Duplicates and empties of several fields in one pass over the features, without geometry."""
    indexes = [layer.fields().lookupField(name) for name in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(indexes)
    seen: list[set[str]] = [set() for _ in names]
    duplicates = [0] * len(names)
    nulls = [0] * len(names)
    slots = list(enumerate(indexes))
    for feature in layer.getFeatures(request):
        for slot, index in slots:
            key = feature_key(feature.attribute(index))
            if key is None:
                nulls[slot] += 1
            elif key in seen[slot]:
                duplicates[slot] += 1
            else:
                seen[slot].add(key)
    return {name: (duplicates[i], nulls[i]) for i, name in enumerate(names)}


def key_candidates(layer: QgsVectorLayer) -> list[KeyCandidate]:
    """Every field, best first: usable (unique, non-null) before the rest, ``tl_uuid`` and id-like names first.

    One pass over the features checks every field that could be a key.
    """
    result = []
    pks = set(layer.primaryKeyAttributes())
    to_check: list[str] = []
    for index, field in enumerate(layer.fields()):
        name = field.name()
        refusal = _refusal(layer, name)
        if refusal:
            result.append(KeyCandidate(name, False, refusal, index in pks))
        elif field.type() == field_type("double"):
            result.append(KeyCandidate(name, False, tr("decimal numbers make poor keys")))
        else:
            to_check.append(name)
    problems = _problems_of(layer, to_check) if to_check else {}
    for name in to_check:
        duplicates, nulls = problems[name]
        if duplicates:
            reason = tr("{n} values repeat").format(n=duplicates)
        elif nulls:
            reason = tr("{n} features have no value").format(n=nulls)
        else:
            reason = ""
        result.append(KeyCandidate(name, not reason, reason, layer.fields().lookupField(name) in pks))

    def rank(candidate: KeyCandidate) -> tuple:
        lowered = candidate.name.lower()
        hint = next((i for i, h in enumerate(_KEY_NAME_HINTS) if lowered == h or lowered.endswith("_" + h)), 99)
        return (not candidate.usable, hint, not candidate.primary_key, lowered)

    return sorted(result, key=rank)


def propose_key_field(layer: QgsVectorLayer) -> str | None:
    """The best usable key field, or ``None`` (then offer :func:`add_uuid_field`)."""
    best = key_candidates(layer)
    return best[0].name if best and best[0].usable else None


def check_key_field(layer: QgsVectorLayer, field: str) -> None:
    """Raise :class:`IdentityError` unless ``field`` is a stable, unique, non-null key of ``layer``."""
    if not field:
        raise IdentityError(
            tr("Layer '{layer}' has no key field. Choose a field with unique values or add a tl_uuid field.").format(
                layer=layer.name()
            )
        )
    refusal = _refusal(layer, field)
    if refusal:
        raise IdentityError(
            tr("'{field}' cannot be the key of layer '{layer}': {reason}.").format(
                field=field, layer=layer.name(), reason=refusal
            )
        )
    duplicates, nulls = key_problems(layer, field)
    if duplicates or nulls:
        raise IdentityError(
            tr(
                "'{field}' cannot be the key of layer '{layer}': {dup} values repeat and {nulls} features "
                "have no value. Fix the data or add a tl_uuid field."
            ).format(field=field, layer=layer.name(), dup=duplicates, nulls=nulls)
        )


def add_uuid_field(layer: QgsVectorLayer) -> str:
    """Add ``tl_uuid`` to the data source, fill it for every feature, and default it for new ones.

    Written straight to the provider (not the edit buffer) so the keys exist
    before any link is made. Returns the field name.
    """
    provider = layer.dataProvider()
    index = layer.fields().lookupField(UUID_FIELD)
    if index < 0:
        if not provider.capabilities() & provider.AddAttributes:
            raise IdentityError(
                tr(
                    "Layer '{layer}' cannot get a new field (its format is read-only). Save it as a GeoPackage first."
                ).format(layer=layer.name())
            )
        if not provider.addAttributes([_uuid_qgsfield()]):
            raise IdentityError(tr("Could not add the field tl_uuid to layer '{layer}'.").format(layer=layer.name()))
        layer.updateFields()
        index = layer.fields().lookupField(UUID_FIELD)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
    missing = {
        f.id(): {index: str(uuid.uuid4())}  # the same form as the default expression gives
        for f in layer.getFeatures(request)
        if feature_key(f.attribute(index)) is None
    }
    if missing and not provider.changeAttributeValues(missing):
        raise IdentityError(tr("Could not fill the field tl_uuid of layer '{layer}'.").format(layer=layer.name()))
    layer.setDefaultValueDefinition(index, QgsDefaultValue(UUID_DEFAULT_EXPRESSION, False))
    # Unique: QGIS then gives a split part or a pasted copy a fresh value from the
    # default instead of repeating the original's key (the tracker copies links).
    layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintUnique)
    layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintNotNull)
    layer.reload()
    return UUID_FIELD


def _uuid_qgsfield() -> QgsField:
    return new_field(UUID_FIELD, "string", 38)


# -- layer uid and registration -----------------------------------------------------
def layer_uid_of(layer: QgsVectorLayer) -> str | None:
    """The ``layer_uid`` remembered in the project for ``layer``, if any."""
    value = layer.customProperty(LAYER_UID_PROPERTY)
    return str(value) if value else None


def source_identity(provider: str, source: str) -> tuple[str, str]:
    """(resolved path or connection, layer name) of a data source, for matching moved layers."""
    try:
        parts = QgsProviderRegistry.instance().decodeUri(provider, source)
    except Exception:  # some providers cannot decode; compare the raw text then
        parts = {}
    path = parts.get("path") or ""
    if path:
        with contextlib.suppress(OSError):
            path = str(Path(path).resolve())
        return path, str(parts.get("layerName") or "")
    return source, ""


def resolve_layer(store: Store, layer: QgsVectorLayer) -> RegisteredLayer | None:
    """The store's record of ``layer``: by its ``layer_uid``, else by the same source.

    When found by source, the ``layer_uid`` is remembered on the layer. When found
    by uid but the source changed (moved file, "Change Data Source"), the store's
    record is brought up to date.
    """
    uid = layer_uid_of(layer)
    if uid:
        record = store.layer(uid)
        if record is not None:
            if record.source != layer.source() or record.name != layer.name():
                record = record_for(layer, uid, record.key_field)
                store.register_layer(record)
            return record
    wanted = source_identity(layer.providerType(), layer.source())
    for record in store.layers():
        if source_identity(record.provider, record.source) == wanted:
            layer.setCustomProperty(LAYER_UID_PROPERTY, record.layer_uid)
            return record
    return None


def record_for(layer: QgsVectorLayer, uid: str, key_field: str) -> RegisteredLayer:
    """The store record describing ``layer`` as it is now (name, source, geometry, CRS)."""
    return RegisteredLayer(
        layer_uid=uid,
        name=layer.name(),
        source=layer.source(),
        provider=layer.providerType(),
        key_field=key_field,
        geometry_type=QgsWkbTypes.displayString(layer.wkbType()),
        crs=layer.crs().authid(),
    )


def register_layer(store: Store, layer: QgsVectorLayer, key_field: str) -> RegisteredLayer:
    """Check ``key_field``, then register ``layer`` (or update its record) and remember its uid.

    A layer already registered keeps its ``layer_uid``; changing the key field of a
    layer that has links is refused (its links would point at other values).
    """
    check_key_field(layer, key_field)
    existing = resolve_layer(store, layer)
    if existing is not None and existing.key_field != key_field and store.linked_keys(existing.layer_uid):
        raise IdentityError(
            tr(
                "Layer '{layer}' is registered with the key '{old}' and has links; they cannot move to the key "
                "'{new}'. Keep '{old}'."
            ).format(layer=layer.name(), old=existing.key_field, new=key_field)
        )
    uid = existing.layer_uid if existing else uuid.uuid4().hex
    record = record_for(layer, uid, key_field)
    store.register_layer(record)
    layer.setCustomProperty(LAYER_UID_PROPERTY, uid)
    return record


def require_registered(store: Store, layer: QgsVectorLayer) -> RegisteredLayer:
    """The record of ``layer``, or an :class:`IdentityError` telling the user to register it."""
    record = resolve_layer(store, layer)
    if record is None:
        raise IdentityError(
            tr("Layer '{layer}' is not registered in the link store. Choose its key field first.").format(
                layer=layer.name()
            )
        )
    if layer.fields().lookupField(record.key_field) < 0:
        raise IdentityError(
            tr("Layer '{layer}' has lost its key field '{field}'. Restore the field or repair the layer.").format(
                layer=layer.name(), field=record.key_field
            )
        )
    return record
