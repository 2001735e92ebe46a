"""The delivery file: a link store GeoPackage plus the linked areas and one metadata row.

A municipality sends it; the region reads it with :func:`read_delivery`, which
checks everything before the region's store is touched: that the file is a
delivery at all, that no newer plugin wrote it, and that its parts agree (every
link has its area, the counts match the metadata).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
from pathlib import Path

from ...errors import StoreError
from ...i18n import tr
from ...model import Catalogue, Goal, RegisteredLayer
from ...store.gpkg import catalogue as sql_catalogue
from ...store.gpkg import links as sql_links
from ...store.gpkg.schema import LATEST_VERSION, current_version
from ...store.rows import build_links
from ..model import FORMAT_VERSION, DeliveredArea, DeliveryContent, DeliveryInfo

#: the metadata table (one row)
META_TABLE = "tl_delivery"
#: the spatial layer of the linked areas, EPSG:3006
AREAS_LAYER = "delivered_areas"
AREAS_CRS = "EPSG:3006"
#: the areas layer's own columns; the source layer's other attributes follow them
AREA_FIELDS = ("organisation", "source_layer", "layer_uid", "feature_key", "area_name", "category", "hectares")
META_COLUMNS = (
    "format_version",
    "organisation",
    "organisation_name",
    "stage",
    "plugin_version",
    "created_at",
    "created_by",
    "area_count",
    "link_count",
    "land_use_ha",
)
ORGANISATION_RE = re.compile(r"^[a-z0-9_]+$")

_LAYER_COLUMNS = "layer_uid, name, source, provider, key_field, geometry_type, crs"
# envelope bytes by the envelope indicator (bits 1–3 of the flags byte), GeoPackage 1.2 §2.1.3
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def check_organisation(organisation: str) -> str:
    """The organisation id, or a :class:`StoreError` saying how one is written."""
    if not ORGANISATION_RE.match(organisation or ""):
        raise StoreError(
            tr(
                "'{value}' is not an organisation id: use lower-case letters a–z, digits and _ only, "
                "for example exempelkommun."
            ).format(value=organisation)
        )
    return organisation


def wkb_of(blob: bytes | None) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob (``None`` for NULL or an empty geometry)."""
    if not blob:
        return None
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    if flags & 0b10000:  # empty geometry
        return None
    envelope = _ENVELOPE_BYTES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise ValueError("bad envelope")
    return bytes(blob[8 + envelope :])


def read_delivery(path: str | Path) -> DeliveryContent:
    """Read and check the delivery at ``path``; a :class:`StoreError` names what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(tr("The delivery {path} does not exist.").format(path=path))
    try:
        connection = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise _not_a_delivery(path, str(error)) from None
    try:
        connection.execute("BEGIN")  # one snapshot
        return _read(connection, path)
    except sqlite3.Error as error:
        raise _not_a_delivery(path, str(error)) from None
    finally:
        connection.close()


def _not_a_delivery(path: Path, reason: str) -> StoreError:
    return StoreError(
        tr(
            "{path} is not a Territorial Links delivery ({reason}). Ask the municipality for the GeoPackage "
            "that 'Export delivery' writes. Nothing was changed."
        ).format(path=path, reason=reason)
    )


def _read(con: sqlite3.Connection, path: Path) -> DeliveryContent:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if META_TABLE not in tables or AREAS_LAYER not in tables:
        raise _not_a_delivery(path, tr("no delivery metadata"))
    rows = con.execute(f"SELECT {', '.join(META_COLUMNS)} FROM {META_TABLE}").fetchall()
    if len(rows) != 1:
        raise _not_a_delivery(path, tr("{count} metadata rows instead of one").format(count=len(rows)))
    meta = dict(zip(META_COLUMNS, rows[0]))
    schema = current_version(con)
    if int(meta["format_version"] or 0) > FORMAT_VERSION or schema > LATEST_VERSION:
        raise StoreError(
            tr(
                "The delivery {path} was written by a newer version of Territorial Links (plugin {version}). "
                "Update the plugin before importing it. Nothing was changed."
            ).format(path=path, version=meta["plugin_version"])
        )
    info = DeliveryInfo(
        organisation=check_organisation(str(meta["organisation"] or "")),
        organisation_name=str(meta["organisation_name"] or ""),
        stage=str(meta["stage"] or ""),
        plugin_version=str(meta["plugin_version"] or ""),
        created_at=str(meta["created_at"] or ""),
        created_by=str(meta["created_by"] or ""),
        area_count=int(meta["area_count"] or 0),
        link_count=int(meta["link_count"] or 0),
        land_use_ha=float(meta["land_use_ha"] or 0.0),
        format_version=int(meta["format_version"] or 0),
    )
    catalogues: list[Catalogue] = [
        sql_catalogue.row_to_catalogue(r)
        for r in con.execute(f"SELECT {sql_catalogue.CATALOGUE_COLUMNS} FROM catalogue ORDER BY id")
    ]
    goals = [Goal(*r) for r in con.execute(f"SELECT {sql_catalogue.GOAL_COLUMNS} FROM goal ORDER BY id")]
    layers = [
        RegisteredLayer(*r) for r in con.execute(f"SELECT {_LAYER_COLUMNS} FROM registered_layer ORDER BY layer_uid")
    ]
    links = build_links(
        con.execute(f"SELECT {sql_links.LINK_COLUMNS} FROM link ORDER BY layer_uid, feature_key, goal_id")
    )
    areas = _read_areas(con, info.organisation)
    _check_parts(path, info, layers, links, areas)
    return DeliveryContent(
        info=info,
        catalogues=catalogues,
        goals=goals,
        layers=layers,
        links=links,
        areas=areas,
        checksum=_checksum(info, catalogues, goals, layers, links, areas),
        source_file=str(path),
    )


def _read_areas(con: sqlite3.Connection, organisation: str) -> list[DeliveredArea]:
    row = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (AREAS_LAYER,)).fetchone()
    if row is None:
        raise ValueError("the areas layer has no geometry column")
    geometry_column = row[0].replace('"', '""')
    areas = []
    select = f'SELECT layer_uid, feature_key, source_layer, area_name, category, hectares, "{geometry_column}"'
    for uid, key, source_layer, name, category, hectares, blob in con.execute(
        f"{select} FROM {AREAS_LAYER} ORDER BY layer_uid, feature_key"
    ):
        wkb = wkb_of(blob)
        areas.append(
            DeliveredArea(
                organisation=organisation,
                layer_uid=str(uid),
                feature_key=str(key),
                source_layer=str(source_layer or ""),
                name=str(name or ""),
                category=str(category or ""),
                hectares=float(hectares or 0.0),
                wkb=wkb,
                bbox=_bbox(blob) if wkb else None,
            )
        )
    return areas


def _bbox(blob: bytes) -> tuple[float, float, float, float] | None:
    """The envelope the GeoPackage blob carries (GDAL always writes one for non-points), else None."""
    flags = blob[3]
    if (flags >> 1) & 0b111 == 0:
        return None
    order = "<" if flags & 1 else ">"
    min_x, max_x, min_y, max_y = struct.unpack(order + "4d", blob[8:40])
    return (min_x, min_y, max_x, max_y)


def _check_parts(path: Path, info: DeliveryInfo, layers, links, areas) -> None:
    """The parts of a delivery must agree; a file that was cut short or edited by hand is refused."""
    broken = []
    if len(links) != info.link_count:
        broken.append(
            tr("{found} links, the metadata says {expected}").format(found=len(links), expected=info.link_count)
        )
    if len(areas) != info.area_count:
        broken.append(
            tr("{found} areas, the metadata says {expected}").format(found=len(areas), expected=info.area_count)
        )
    layer_uids = {layer.layer_uid for layer in layers}
    keys = {(a.layer_uid, a.feature_key) for a in areas}
    if len(keys) != len(areas):
        broken.append(tr("an area is delivered twice"))
    without_area = {(x.layer_uid, x.feature_key) for x in links} - keys
    if without_area:
        broken.append(tr("{count} linked features have no area").format(count=len(without_area)))
    if {a.layer_uid for a in areas} - layer_uids:
        broken.append(tr("areas of a layer the delivery does not describe"))
    foreign = {x.organisation for x in links} - {info.organisation, ""}
    if foreign:
        broken.append(tr("links of another organisation ({names})").format(names=", ".join(sorted(foreign))))
    if broken:
        raise StoreError(
            tr("The delivery {path} is damaged: {problems}. Ask for a new delivery. Nothing was changed.").format(
                path=path, problems="; ".join(broken)
            )
        )


def _checksum(info, catalogues, goals, layers, links, areas) -> str:
    digest = hashlib.sha256()
    for part in (
        [info],
        [(c.id, c.version) for c in catalogues],
        [g.id for g in goals],
        layers,
        links,
        [(a.layer_uid, a.feature_key, a.name, a.category, a.hectares, (a.wkb or b"").hex()) for a in areas],
    ):
        for item in part:
            digest.update(repr(item).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()
