"""Deliveries in the PostgreSQL store (a mixin of PostgresStore): the region's side.

The same semantics as the GeoPackage store (``gpkg/region.py``): a delivery
replaces everything its organisation had — links, delivered areas, layer
records no longer used — in one transaction, is recorded in ``delivery`` with
the earlier ones kept as not current, and the same delivery twice changes
nothing; each import is also kept as a sealed plan stage of its organisation
(``stages.write_stage``, in the same transaction). Links and areas are streamed
with ``COPY`` into temporary tables and written with one ``INSERT … SELECT`` each
(COPY refuses a table under row-level security); the link triggers write the
history. Row-level security decides who
may import: an organisation its own deliveries, the store's owner any.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ...errors import StoreError
from ...i18n import tr
from ...model import Link
from ...region.model import DeliveredArea, DeliveryContent, DeliveryRecord, ImportResult
from ..checks import delivery_already_in
from .catalogue import save_in
from .rows import _fetch, _iso, _text_array
from .stages import free_stage_name, write_stage

_DELIVERY_COLS = (
    "id, organisation, organisation_name, stage, plugin_version, created_at, created_by, imported_at::text,"
    " imported_by, source_file, checksum, area_count, link_count, land_use_ha, current"
)
_AREA_COLS = (
    "organisation, layer_uid, feature_key, source_layer, name, category, hectares, geometry, min_x, min_y, max_x, max_y"
)
_LINK_COLS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, created_by, created_at, updated_by,"
    " updated_at, row_version"
)


def _copy_buffer(rows: Iterable[tuple]) -> io.StringIO:
    """CSV for ``COPY … WITH (FORMAT csv, NULL '\\N')``: None → \\N, an empty string stays empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(tuple("\\N" if v is None else v for v in row) for row in rows)
    buffer.seek(0)
    return buffer


def _link_rows(links: Sequence[Link]) -> Iterable[tuple]:
    for x in links:
        yield (x.layer_uid, x.feature_key, x.goal_id, x.stance, int(x.strength), x.motivation, x.created_by,
               x.created_at or None, x.updated_by, x.updated_at or None, int(x.row_version or 1))  # fmt: skip


def _area_rows(areas: Sequence[DeliveredArea], delivery_id: int) -> Iterable[tuple]:
    for a in areas:
        box = tuple(repr(float(v)) for v in a.bbox) if a.bbox else (None, None, None, None)
        wkb = "\\x" + a.wkb.hex() if a.wkb is not None else None
        yield (a.organisation, a.layer_uid, a.feature_key, delivery_id, a.source_layer, a.name, a.category,
               repr(float(a.hectares)), wkb, *box)  # fmt: skip


def _taken_message(names: Iterable[str]) -> StoreError:
    return StoreError(
        tr(
            "The delivery's layers already belong to another organisation in the region's store ({names}). "
            "Nothing was changed."
        ).format(names=", ".join(sorted(names)))
    )


class PostgresRegionMixin:
    """Needs ``_read`` and ``_write`` of PostgresStore."""

    def replace_delivery(self, content: DeliveryContent, new_catalogues: Sequence[str], user: str) -> ImportResult:
        def work(cur) -> ImportResult:
            return _replace(cur, content, new_catalogues, user)

        return self._write(work, user)

    def deliveries(self, *, current_only: bool = False) -> list[DeliveryRecord]:
        where = " WHERE current" if current_only else ""
        rows = self._read(
            lambda cur: _fetch(cur, f"SELECT {_DELIVERY_COLS} FROM delivery{where} ORDER BY organisation, id")
        )
        return [DeliveryRecord(*row[:7], _iso(row[7]), *row[8:14], bool(row[14])) for row in rows]

    def delivered_areas(self, organisations: Sequence[str] | None = None) -> list[DeliveredArea]:
        sql = f"SELECT {_AREA_COLS} FROM delivered_area"
        params: tuple = ()
        if organisations is not None:
            sql += " WHERE organisation = ANY(%s::text[])"
            params = (_text_array(organisations),)
        rows = self._read(lambda cur: _fetch(cur, sql + " ORDER BY organisation, layer_uid, feature_key", params))
        return [
            DeliveredArea(
                *row[:7],
                bytes(row[7]) if row[7] is not None else None,
                tuple(row[8:12]) if row[8] is not None else None,
            )
            for row in rows
        ]


def _replace(cur, content: DeliveryContent, new_catalogues: Sequence[str], user: str) -> ImportResult:
    """The import inside the caller's transaction; a StoreError rolls everything back."""
    from psycopg2 import errors as pg_errors

    info = content.info
    organisation = info.organisation
    # two imports of one organisation's deliveries run one after the other
    cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"territorial-delivery:{organisation}",))
    cur.execute("SELECT current_organisation(), row_security_active('delivery')")
    acting, restricted = cur.fetchone()
    if restricted and acting != organisation:
        raise StoreError(
            tr(
                "The delivery is from '{organisation}', but you are connected for '{acting}'. In a shared store "
                "an organisation imports its own deliveries, or the store's owner imports them. Nothing was changed."
            ).format(organisation=organisation, acting=acting or "–")
        )
    cur.execute("SELECT id, checksum, created_at FROM delivery WHERE organisation = %s AND current", (organisation,))
    current = cur.fetchone()
    unchanged = delivery_already_in(content, current)
    if unchanged is not None:
        return unchanged
    uids = _text_array(sorted({layer.layer_uid for layer in content.layers}))
    cur.execute(
        "SELECT organisation FROM delivered_area WHERE organisation <> %(org)s AND layer_uid = ANY(%(uids)s::text[])"
        " UNION SELECT organisation FROM link WHERE organisation <> %(org)s AND layer_uid = ANY(%(uids)s::text[])",
        {"org": organisation, "uids": uids},
    )
    taken = [row[0] for row in cur.fetchall()]
    if taken:
        raise _taken_message(taken)
    for catalogue in content.catalogues:
        if catalogue.id in new_catalogues:
            save_in(cur, catalogue, [g for g in content.goals if g.catalogue_id == catalogue.id], False)
    cur.execute(
        "SELECT layer_uid FROM delivered_area WHERE organisation = %(org)s"
        " UNION SELECT layer_uid FROM link WHERE organisation = %(org)s",
        {"org": organisation},
    )
    old_layers = {row[0] for row in cur.fetchall()}
    cur.execute("DELETE FROM link WHERE organisation = %s", (organisation,))  # the trigger writes the history
    deleted = cur.rowcount
    cur.execute("DELETE FROM delivered_area WHERE organisation = %s", (organisation,))
    cur.execute("UPDATE delivery SET current = false WHERE organisation = %s AND current", (organisation,))
    from psycopg2.extras import execute_values

    if content.layers:
        execute_values(
            cur,
            "INSERT INTO registered_layer (layer_uid, name, source, provider, key_field, geometry_type, crs)"
            " VALUES %s ON CONFLICT (layer_uid) DO UPDATE SET name = EXCLUDED.name, source = EXCLUDED.source,"
            " provider = EXCLUDED.provider, key_field = EXCLUDED.key_field,"
            " geometry_type = EXCLUDED.geometry_type, crs = EXCLUDED.crs",
            [(x.layer_uid, x.name, x.source, x.provider, x.key_field, x.geometry_type, x.crs) for x in content.layers],
        )
    gone = sorted(old_layers - {layer.layer_uid for layer in content.layers})
    cur.execute("SELECT has_table_privilege('registered_layer', 'DELETE')")
    # an organisation's role may not delete layer records (others' links may need them): the
    # owner's import tidies them, an organisation's leaves the unused record behind
    if gone and cur.fetchone()[0]:
        cur.execute(
            "DELETE FROM registered_layer r WHERE r.layer_uid = ANY(%s::text[])"
            " AND NOT EXISTS (SELECT 1 FROM link l WHERE l.layer_uid = r.layer_uid)"
            " AND NOT EXISTS (SELECT 1 FROM delivered_area a WHERE a.layer_uid = r.layer_uid)"
            " AND NOT EXISTS (SELECT 1 FROM link_rule_dismissal d WHERE d.layer_uid = r.layer_uid)",
            (_text_array(gone),),
        )
    cur.execute(
        "INSERT INTO delivery (organisation, organisation_name, stage, plugin_version, created_at, created_by,"
        " imported_by, source_file, checksum, area_count, link_count, land_use_ha, current)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, true) RETURNING id",
        (organisation, info.organisation_name, info.stage, info.plugin_version, info.created_at, info.created_by,
         user, content.source_file, content.checksum, len(content.areas), len(content.links), info.land_use_ha),
    )  # fmt: skip
    delivery_id = cur.fetchone()[0]
    cur.execute(
        'CREATE TEMP TABLE tl_delivery_link (layer_uid text COLLATE "C", feature_key text COLLATE "C",'
        ' goal_id text COLLATE "C", stance text, strength integer, motivation text, created_by text,'
        " created_at timestamptz, updated_by text, updated_at timestamptz, row_version integer) ON COMMIT DROP"
    )
    cur.copy_expert(
        f"COPY tl_delivery_link ({_LINK_COLS}) FROM STDIN WITH (FORMAT csv, NULL '\\N')",
        _copy_buffer(_link_rows(content.links)),
    )
    cur.execute("CREATE TEMP TABLE tl_delivered_area (LIKE delivered_area) ON COMMIT DROP")
    cur.copy_expert(
        "COPY tl_delivered_area (organisation, layer_uid, feature_key, delivery_id, source_layer, name, category,"
        " hectares, geometry, min_x, min_y, max_x, max_y) FROM STDIN WITH (FORMAT csv, NULL '\\N')",
        _copy_buffer(_area_rows(content.areas, delivery_id)),
    )
    try:
        cur.execute(
            f"INSERT INTO link ({_LINK_COLS}, organisation) SELECT layer_uid, feature_key, goal_id, stance, strength,"
            " motivation, created_by, coalesce(created_at, now()), updated_by, coalesce(updated_at, now()),"
            " row_version, %s FROM tl_delivery_link ORDER BY layer_uid, feature_key, goal_id",
            (organisation,),
        )
        cur.execute("INSERT INTO delivered_area SELECT * FROM tl_delivered_area")
    except pg_errors.UniqueViolation:
        # another organisation's rows on the same keys, which row-level security hid from the check above
        raise _taken_message([tr("not visible to your role")]) from None
    if content.stage is not None:  # kept as a stage of the organisation, so earlier deliveries still compare
        stage = content.stage
        name = free_stage_name(cur, organisation, stage.name)
        write_stage(cur, name, stage.note, user, stage.layers, stage.areas, organisation)
    return ImportResult(
        organisation,
        links_inserted=len(content.links),
        links_deleted=deleted,
        areas=len(content.areas),
        new_catalogues=list(new_catalogues),
        delivery_id=delivery_id,
    )
