"""Write a delivery GeoPackage: the areas layer (GDAL), the store tables and the metadata (SQLite).

Written to a temporary file beside the target and renamed at the end, so a
failure or a cancel never leaves a half delivery that could be sent by mistake.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsVectorFileWriter,
    QgsWkbTypes,
)

from ....compat import is_null, new_field
from ...areas import AreaRecord
from ...errors import StoreError
from ...i18n import tr
from ...model import Goal, Link, RegisteredLayer
from ...store.base import Store
from ...store.gpkg import catalogue as sql_catalogue
from ...store.gpkg import links as sql_links
from ...store.gpkg.schema import now_iso, raw_connect
from ...store.gpkg.store import GeoPackageStore
from ..model import DeliveryInfo
from .format import AREA_FIELDS, AREAS_CRS, AREAS_LAYER, META_COLUMNS, META_TABLE

# fields GDAL keeps for itself in a GeoPackage layer
_RESERVED = {"fid", "geom", "geometry"}
_META_TYPES = {"format_version": "INTEGER", "area_count": "INTEGER", "link_count": "INTEGER", "land_use_ha": "REAL"}


@dataclass(frozen=True)
class LayerPart:
    """One source layer's share of a delivery."""

    record: RegisteredLayer
    layer_name: str
    fields: QgsFields
    key_field: str
    category_field: str | None
    areas: list[tuple[AreaRecord, object, dict]]  # (record, repaired geometry in EPSG:3006 or None, attributes)
    links: list[Link]


def write_delivery(output: Path, info: DeliveryInfo, parts: Sequence[LayerPart], goals: Sequence[Goal], store: Store):
    """Write the delivery file at ``output`` (replacing one that is there) or nothing at all."""
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.stem}.{uuid.uuid4().hex[:8]}.part.gpkg")
    try:
        _write_areas(temporary, info, parts)
        GeoPackageStore.open(temporary, create=True).close()  # the store tables, at this plugin's schema
        _write_tables(temporary, info, parts, goals, store)
        os.replace(temporary, output)
    finally:
        for leftover in (temporary, *(temporary.with_name(temporary.name + s) for s in ("-wal", "-shm", "-journal"))):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _area_fields(parts: Sequence[LayerPart]) -> tuple[QgsFields, dict[tuple[str, str], str]]:
    """The layer's own fields, then every source attribute (renamed ``attr_<name>`` on a clash)."""
    fields = QgsFields()
    kinds = ("string", "string", "string", "string", "string", "string", "double")
    for name, kind in zip(AREA_FIELDS, kinds):
        fields.append(new_field(name, kind))
    renamed: dict[tuple[str, str], str] = {}
    for part in parts:
        for source in part.fields:
            if source.name() == part.key_field:
                continue
            name = source.name()
            if name.lower() in _RESERVED or name in AREA_FIELDS:
                name = f"attr_{name}"
            if fields.lookupField(name) < 0:
                copy = type(source)(source)
                copy.setName(name)
                fields.append(copy)
            renamed[(part.record.layer_uid, source.name())] = name
    return fields, renamed


def _write_areas(path: Path, info: DeliveryInfo, parts: Sequence[LayerPart]) -> None:
    fields, renamed = _area_fields(parts)
    kinds = {QgsWkbTypes.geometryType(QgsWkbTypes.parseType(p.record.geometry_type)) for p in parts}
    polygons = kinds == {QgsWkbTypes.GeometryType.PolygonGeometry}
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = AREAS_LAYER
    options.fileEncoding = "UTF-8"
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.Type.MultiPolygon if polygons else QgsWkbTypes.Type.Unknown,
        QgsCoordinateReferenceSystem(AREAS_CRS),
        QgsCoordinateTransformContext(),
        options,
    )
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise StoreError(
            tr("The delivery {path} could not be written: {reason}").format(path=path, reason=writer.errorMessage())
        )
    try:
        for part in parts:
            for area, shape, attributes in part.areas:
                feature = QgsFeature(fields)
                if shape is not None:
                    feature.setGeometry(shape)
                feature["organisation"] = info.organisation
                feature["source_layer"] = part.layer_name
                feature["layer_uid"] = part.record.layer_uid
                feature["feature_key"] = area.key
                feature["area_name"] = area.name
                category = attributes.get(part.category_field) if part.category_field else None
                feature["category"] = "" if category is None or is_null(category) else str(category)
                feature["hectares"] = round(area.hectares, 4)
                for name, value in attributes.items():
                    target = renamed.get((part.record.layer_uid, name))
                    if target is not None and not is_null(value):
                        feature[target] = value
                if not writer.addFeature(feature):
                    raise StoreError(
                        tr("The delivery {path} could not be written: {reason}").format(
                            path=path, reason=writer.errorMessage()
                        )
                    )
    finally:
        del writer  # closes the file


def _write_tables(path: Path, info: DeliveryInfo, parts, goals: Sequence[Goal], store: Store) -> None:
    catalogue_ids = sorted({g.catalogue_id for g in goals})
    catalogues = [store.catalogue(c) for c in catalogue_ids]
    now = now_iso()
    con = raw_connect(path)
    try:
        con.execute("BEGIN IMMEDIATE")
        for catalogue in catalogues:
            sql_catalogue.save(con, catalogue, [g for g in goals if g.catalogue_id == catalogue.id], False, now)
        con.executemany(
            "INSERT INTO registered_layer (layer_uid, name, source, provider, key_field, geometry_type, crs,"
            " registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*_layer_row(p.record), now) for p in parts],
        )
        con.executemany(
            f"INSERT INTO link ({sql_links.LINK_COLUMNS}) VALUES ({', '.join('?' * 12)})",
            [
                (x.layer_uid, x.feature_key, x.goal_id, x.stance, x.strength, x.motivation, info.organisation,
                 x.created_by, x.created_at, x.updated_by, x.updated_at, x.row_version)
                for p in parts
                for x in p.links
            ],
        )  # fmt: skip
        columns = ", ".join(f"{c} {_META_TYPES.get(c, 'TEXT')}" for c in META_COLUMNS)
        con.execute(f"CREATE TABLE {META_TABLE} (id INTEGER PRIMARY KEY, {columns})")
        con.execute(
            f"INSERT INTO {META_TABLE} ({', '.join(META_COLUMNS)}) VALUES ({', '.join('?' * len(META_COLUMNS))})",
            tuple(getattr(info, c) for c in META_COLUMNS),
        )
        con.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)"
            " VALUES (?, 'attributes', ?, ?, ?)",
            (META_TABLE, META_TABLE, "Territorial Links delivery", now),
        )
        con.execute("COMMIT")
        con.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to send
    except sqlite3.Error as error:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise StoreError(
            tr("The delivery {path} could not be written: {reason}").format(path=path, reason=error)
        ) from None
    finally:
        con.close()


def _layer_row(record: RegisteredLayer) -> tuple:
    return (
        record.layer_uid,
        record.name,
        record.source,
        record.provider,
        record.key_field,
        record.geometry_type,
        record.crs,
    )
