"""Deliveries in the GeoPackage store (inside the caller's transaction): the region's side.

A delivery replaces everything its organisation had in the store — links,
delivered areas, layer records no longer used — and is recorded in ``delivery``
(who imported what, when, which stage); earlier deliveries stay there with
``current = 0``, and each import is kept as a read-only plan stage of its
organisation (links and areas as delivered), so two deliveries can be compared.
Link history rows are written as for any other change.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from ...errors import StoreError
from ...i18n import tr
from ...region.model import DeliveredArea, DeliveryContent, DeliveryRecord, ImportResult
from ..checks import delivery_already_in
from . import catalogue as sql_catalogue
from .links import HISTORY_INSERT, LINK_COLUMNS, _history_of_inserts, _last_link_id, json_state
from .stages import write_stage

DELIVERY_COLUMNS = (
    "id, organisation, organisation_name, stage, plugin_version, created_at, created_by, imported_at, "
    "imported_by, source_file, checksum, area_count, link_count, land_use_ha, current"
)
AREA_COLUMNS = (
    "organisation, layer_uid, feature_key, source_layer, name, category, hectares, geometry, min_x, min_y, max_x, max_y"
)


def replace_delivery(
    con: sqlite3.Connection, content: DeliveryContent, new_catalogues: Sequence[str], user: str, now: str
) -> ImportResult:
    info = content.info
    organisation = info.organisation
    current = con.execute(
        "SELECT id, checksum, created_at FROM delivery WHERE organisation = ? AND current = 1", (organisation,)
    ).fetchone()
    unchanged = delivery_already_in(content, current)
    if unchanged is not None:
        return unchanged
    uids = json.dumps(sorted({layer.layer_uid for layer in content.layers}))
    taken = con.execute(
        "SELECT DISTINCT organisation FROM delivered_area WHERE organisation <> ? AND layer_uid IN"
        " (SELECT value FROM json_each(?)) UNION SELECT DISTINCT organisation FROM link WHERE organisation <> ?"
        " AND layer_uid IN (SELECT value FROM json_each(?))",
        (organisation, uids, organisation, uids),
    ).fetchall()
    if taken:
        raise StoreError(
            tr(
                "The delivery's layers already belong to another organisation in the region's store ({names}). "
                "Nothing was changed."
            ).format(names=", ".join(sorted(r[0] for r in taken)))
        )
    for catalogue in content.catalogues:
        if catalogue.id in new_catalogues:
            goals = [g for g in content.goals if g.catalogue_id == catalogue.id]
            sql_catalogue.save(con, catalogue, goals, False, now)
    old_layers = {
        r[0]
        for r in con.execute(
            "SELECT layer_uid FROM delivered_area WHERE organisation = ? UNION SELECT layer_uid FROM link"
            " WHERE organisation = ?",
            (organisation, organisation),
        )
    }
    con.execute(
        HISTORY_INSERT + " SELECT ?, ?, 'delete', l.layer_uid, l.feature_key, l.goal_id, " + json_state("l") + ", NULL"
        " FROM main.link l WHERE l.organisation = ?",
        (now, user, organisation),
    )
    deleted = con.execute("DELETE FROM link WHERE organisation = ?", (organisation,)).rowcount
    con.execute("DELETE FROM delivered_area WHERE organisation = ?", (organisation,))
    con.execute("UPDATE delivery SET current = 0 WHERE organisation = ? AND current = 1", (organisation,))
    con.executemany(
        "INSERT INTO registered_layer (layer_uid, name, source, provider, key_field, geometry_type, crs, registered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(layer_uid) DO UPDATE SET name = excluded.name,"
        " source = excluded.source, provider = excluded.provider, key_field = excluded.key_field,"
        " geometry_type = excluded.geometry_type, crs = excluded.crs",
        [(x.layer_uid, x.name, x.source, x.provider, x.key_field, x.geometry_type, x.crs, now) for x in content.layers],
    )
    gone = json.dumps(sorted(old_layers - {layer.layer_uid for layer in content.layers}))
    con.execute(
        "DELETE FROM registered_layer WHERE layer_uid IN (SELECT value FROM json_each(?))"
        " AND NOT EXISTS (SELECT 1 FROM link WHERE link.layer_uid = registered_layer.layer_uid)",
        (gone,),
    )
    delivery_id = con.execute(
        "INSERT INTO delivery (organisation, organisation_name, stage, plugin_version, created_at, created_by,"
        " imported_at, imported_by, source_file, checksum, area_count, link_count, land_use_ha, current)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        (
            organisation,
            info.organisation_name,
            info.stage,
            info.plugin_version,
            info.created_at,
            info.created_by,
            now,
            user,
            content.source_file,
            content.checksum,
            len(content.areas),
            len(content.links),
            info.land_use_ha,
        ),
    ).lastrowid
    last_id = _last_link_id(con)
    con.executemany(
        f"INSERT INTO link ({LINK_COLUMNS}) VALUES ({', '.join('?' * 12)})",
        [
            (x.layer_uid, x.feature_key, x.goal_id, x.stance, x.strength, x.motivation, organisation,
             x.created_by, x.created_at, x.updated_by, x.updated_at, x.row_version)
            for x in content.links
        ],
    )  # fmt: skip
    _history_of_inserts(con, last_id, now, user)
    con.executemany(
        f"INSERT INTO delivered_area ({AREA_COLUMNS}, delivery_id) VALUES ({', '.join('?' * 13)})",
        [(*_area_row(a), delivery_id) for a in content.areas],
    )
    if content.stage is not None:
        stage = content.stage
        write_stage(con, _free_stage_name(con, stage.name), stage.note, user, stage.layers, stage.areas, organisation)
    return ImportResult(
        organisation,
        links_inserted=len(content.links),
        links_deleted=deleted,
        areas=len(content.areas),
        new_catalogues=list(new_catalogues),
        delivery_id=delivery_id,
    )


def _free_stage_name(con: sqlite3.Connection, name: str) -> str:
    """``name``, or ``name (2)``, ``(3)``… when a stage has it (one organisation, stage and day delivered twice)."""
    taken = {r[0] for r in con.execute("SELECT name FROM stage WHERE name = ? OR name LIKE ? || ' (%)'", (name, name))}
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def _area_row(area: DeliveredArea) -> tuple:
    box = area.bbox or (None, None, None, None)
    return (
        area.organisation,
        area.layer_uid,
        area.feature_key,
        area.source_layer,
        area.name,
        area.category,
        area.hectares,
        area.wkb,
        *box,
    )


def deliveries(con: sqlite3.Connection, current_only: bool) -> list[DeliveryRecord]:
    where = " WHERE current = 1" if current_only else ""
    return [
        DeliveryRecord(*row[:14], bool(row[14]))
        for row in con.execute(f"SELECT {DELIVERY_COLUMNS} FROM delivery{where} ORDER BY organisation, id")
    ]


def delivered_areas(con: sqlite3.Connection, organisations: Sequence[str] | None) -> list[DeliveredArea]:
    sql = f"SELECT {AREA_COLUMNS} FROM delivered_area"
    params: tuple = ()
    if organisations is not None:
        sql += " WHERE organisation IN (SELECT value FROM json_each(?))"
        params = (json.dumps(list(organisations)),)
    result = []
    for row in con.execute(sql + " ORDER BY organisation, layer_uid, feature_key", params):
        box = tuple(row[8:12]) if row[8] is not None else None
        result.append(DeliveredArea(*row[:7], bytes(row[7]) if row[7] is not None else None, box))
    return result
