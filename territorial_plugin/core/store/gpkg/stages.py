"""Plan stages in the GeoPackage store: save one in a transaction, read it back, list them.

The links are copied inside the database (``INSERT … SELECT``), so a stage holds
exactly the links of the moment it was committed; the areas come from the
layers, read by the caller, and are written with one ``executemany``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from ...errors import StoreError
from ...i18n import tr
from ...model import Link
from ...stages.model import StageArea, StageInfo, StageLayer
from ..rows import build_links
from ..stage_messages import duplicate_stage, no_stage
from . import schema
from .links import LINK_COLUMNS

_INFO = (
    "SELECT s.name, s.note, s.organisation, s.saved_by, s.saved_at,"
    " (SELECT count(*) FROM stage_layer x WHERE x.stage_id = s.id),"
    " (SELECT count(*) FROM stage_area x WHERE x.stage_id = s.id),"
    " (SELECT count(*) FROM stage_link x WHERE x.stage_id = s.id)"
    " FROM stage s WHERE s.sealed = 1"
)


class GeoPackageStagesMixin:
    """The stage part of :class:`~.store.GeoPackageStore` (uses its ``_write``/``_read``)."""

    def save_stage(
        self, name: str, note: str, user: str, layers: Sequence[StageLayer], areas: Iterable[StageArea]
    ) -> StageInfo:
        name = (name or "").strip()
        if not name:
            raise StoreError(tr("A plan stage needs a name, for example 'Samråd 2026-03'."))
        with self._write() as con:
            if con.execute("SELECT 1 FROM stage WHERE name = ?", (name,)).fetchone():  # looked up by name alone
                raise duplicate_stage(name)
            write_stage(con, name, note, user, layers, areas)
        return self.stage(name)

    def stages(self) -> list[StageInfo]:
        with self._read() as con:
            return [StageInfo(*row) for row in con.execute(_INFO + " ORDER BY s.saved_at, s.id")]

    def stage(self, name: str) -> StageInfo:
        with self._read() as con:
            row = con.execute(_INFO + " AND s.name = ?", (name,)).fetchone()
        if row is None:
            raise no_stage(name)
        return StageInfo(*row)

    def _stage_id(self, con: sqlite3.Connection, name: str) -> int:
        row = con.execute("SELECT id FROM stage WHERE name = ? AND sealed = 1", (name,)).fetchone()
        if row is None:
            raise no_stage(name)
        return row[0]

    def stage_layers(self, name: str) -> list[StageLayer]:
        with self._read() as con:
            stage_id = self._stage_id(con, name)
            return [
                StageLayer(*row)
                for row in con.execute(
                    "SELECT layer_uid, name, key_field, wkb_type, crs, fields FROM stage_layer"
                    " WHERE stage_id = ? ORDER BY name, layer_uid",
                    (stage_id,),
                )
            ]

    def stage_areas(self, name: str, layer_uids: Sequence[str] | None = None) -> list[StageArea]:
        sql = "SELECT layer_uid, feature_key, name, hectares, geometry, attributes FROM stage_area WHERE stage_id = ?"
        with self._read() as con:
            params: tuple = (self._stage_id(con, name),)
            if layer_uids is not None:
                sql += " AND layer_uid IN (SELECT value FROM json_each(?))"
                params += (json.dumps(list(layer_uids)),)
            return [StageArea(*row) for row in con.execute(sql + " ORDER BY layer_uid, feature_key", params)]

    def stage_hectares(self, name: str, layer_uid: str) -> dict[str, float]:
        with self._read() as con:
            stage_id = self._stage_id(con, name)
            return dict(
                con.execute(
                    "SELECT feature_key, hectares FROM stage_area WHERE stage_id = ? AND layer_uid = ?",
                    (stage_id, layer_uid),
                )
            )

    def stage_links(
        self, name: str, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None
    ) -> list[Link]:
        sql = f"SELECT {LINK_COLUMNS} FROM stage_link WHERE stage_id = ?"
        with self._read() as con:
            params: list = [self._stage_id(con, name)]
            if layer_uids is not None:
                sql += " AND layer_uid IN (SELECT value FROM json_each(?))"
                params.append(json.dumps(list(layer_uids)))
            if goal_ids is not None:
                sql += " AND goal_id IN (SELECT value FROM json_each(?))"
                params.append(json.dumps(list(goal_ids)))
            return build_links(con.execute(sql + " ORDER BY layer_uid, goal_id, feature_key", params))

    def stage_link_states(self, name: str, layer_uids: Sequence[str] | None = None) -> list[tuple]:
        sql = "SELECT layer_uid, feature_key, goal_id, stance, strength, motivation FROM stage_link WHERE stage_id = ?"
        with self._read() as con:
            params: list = [self._stage_id(con, name)]
            if layer_uids is not None:
                sql += " AND layer_uid IN (SELECT value FROM json_each(?))"
                params.append(json.dumps(list(layer_uids)))
            return con.execute(sql, params).fetchall()

    def stage_links_for_keys(self, name: str, layer_uid: str, keys: Iterable[str]) -> list[Link]:
        from .links import keys_json

        with self._read() as con:
            stage_id = self._stage_id(con, name)
            return build_links(
                con.execute(
                    f"SELECT {', '.join('l.' + c.strip() for c in LINK_COLUMNS.split(','))}"
                    " FROM json_each(?) k CROSS JOIN stage_link l"
                    " ON l.stage_id = ? AND l.layer_uid = ? AND l.feature_key = k.value",
                    (keys_json(keys), stage_id, layer_uid),
                )
            )


def write_stage(
    con: sqlite3.Connection,
    name: str,
    note: str,
    user: str,
    layers: Sequence[StageLayer],
    areas: Iterable[StageArea],
    organisation: str = "",
) -> int:
    """Write and seal a stage inside the caller's transaction: its layers, areas, and the store's links of
    those layers as they are now. Shared by :meth:`save_stage` and the import of a delivery."""
    stage_id = con.execute(
        "INSERT INTO stage (name, note, organisation, saved_by, saved_at, sealed) VALUES (?, ?, ?, ?, ?, 0)",
        (name, note or "", organisation, user, schema.now_iso()),
    ).lastrowid
    con.executemany(
        "INSERT INTO stage_layer (stage_id, layer_uid, name, key_field, wkb_type, crs, fields)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(stage_id, x.layer_uid, x.name, x.key_field, x.wkb_type, x.crs, x.fields) for x in layers],
    )
    try:
        con.executemany(
            "INSERT INTO stage_area (stage_id, layer_uid, feature_key, name, hectares, geometry, attributes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((stage_id, *area) for area in areas),
        )
    except sqlite3.IntegrityError as error:
        raise StoreError(
            tr(
                "A layer has the same key on several areas, so the stage cannot tell them apart ({reason}). "
                "Run 'Check link integrity' and give every area its own key. Nothing was saved."
            ).format(reason=error)
        ) from error
    con.execute(
        f"INSERT INTO stage_link (stage_id, {LINK_COLUMNS}) SELECT ?, {LINK_COLUMNS} FROM main.link"
        " WHERE layer_uid IN (SELECT layer_uid FROM stage_layer WHERE stage_id = ?)",
        (stage_id, stage_id),
    )
    con.execute("UPDATE stage SET sealed = 1 WHERE id = ?", (stage_id,))
    return stage_id
