"""Plan stages in the PostgreSQL store (a mixin of PostgresStore).

The links are copied inside the database (``INSERT … SELECT``, so row-level
security decides whose links a stage holds: an organisation freezes its own);
the areas are streamed with ``COPY`` (CSV, WKB as hex bytea). :func:`write_stage` is
shared with the import of a delivery, which keeps each delivery as a stage.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ...errors import StoreError
from ...i18n import tr
from ...model import Link
from ...stages.model import StageArea, StageInfo, StageLayer
from ..stage_messages import duplicate_stage, no_stage
from .rows import _LINK_COLS, _fetch, _iso, _links, _text_array

_COLUMNS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, organisation, "
    "created_by, created_at, updated_by, updated_at, row_version"
)
_INFO = (
    "SELECT s.name, s.note, s.organisation, s.saved_by, s.saved_at::text,"
    " (SELECT count(*) FROM stage_layer x WHERE x.stage_id = s.id),"
    " (SELECT count(*) FROM stage_area x WHERE x.stage_id = s.id),"
    " (SELECT count(*) FROM stage_link x WHERE x.stage_id = s.id)"
    " FROM stage s WHERE s.sealed"
)
# one stage per name and organisation: the own organisation's first, then the oldest
_ONE = " AND s.name = %s ORDER BY s.organisation = coalesce(current_organisation(), '') DESC, s.id LIMIT 1"


def _info(row) -> StageInfo:
    return StageInfo(row[0], row[1], row[2], row[3], _iso(row[4]), *row[5:])


def _area_csv(stage_id: int, areas: Iterable[StageArea]) -> io.StringIO:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for area in areas:
        # NULL is written as \N (see the COPY options): an empty name stays an empty string
        wkb = "\\x" + area.wkb.hex() if area.wkb is not None else "\\N"
        writer.writerow(
            (stage_id, area.layer_uid, area.key, area.name, repr(float(area.hectares)), wkb, area.attributes)
        )
    buffer.seek(0)
    return buffer


def write_stage(
    cur,
    name: str,
    note: str,
    user: str,
    layers: Sequence[StageLayer],
    areas: Sequence[StageArea],
    organisation: str | None = None,
) -> int:
    """Write and seal a stage inside the caller's transaction: its layers, areas, and the store's links of
    those layers as they are now (those row-level security lets the caller see). Shared by
    :meth:`PostgresStagesMixin.save_stage` and the import of a delivery, which names the delivery's
    ``organisation`` (the store's owner imports for any); else the connected role's organisation."""
    from psycopg2 import errors as pg_errors
    from psycopg2.extras import execute_values

    if organisation is None:
        cur.execute(
            "INSERT INTO stage (name, note, saved_by) VALUES (%s, %s, %s) RETURNING id", (name, note or "", user)
        )
    else:
        cur.execute(
            "INSERT INTO stage (name, note, organisation, saved_by) VALUES (%s, %s, %s, %s) RETURNING id",
            (name, note or "", organisation, user),
        )
    stage_id = cur.fetchone()[0]
    execute_values(
        cur,
        "INSERT INTO stage_layer (stage_id, layer_uid, name, key_field, wkb_type, crs, fields) VALUES %s",
        [(stage_id, x.layer_uid, x.name, x.key_field, x.wkb_type, x.crs, x.fields) for x in layers],
    )
    # COPY refuses a table under row-level security: the areas go through a temporary
    # table, then into stage_area with one INSERT that the policies check
    cur.execute("CREATE TEMP TABLE tl_stage_area (LIKE stage_area) ON COMMIT DROP")
    cur.copy_expert(
        "COPY tl_stage_area (stage_id, layer_uid, feature_key, name, hectares, geometry, attributes)"
        " FROM STDIN WITH (FORMAT csv, NULL '\\N')",
        _area_csv(stage_id, areas),
    )
    try:
        cur.execute("INSERT INTO stage_area SELECT * FROM tl_stage_area")
    except pg_errors.UniqueViolation as error:
        raise StoreError(
            tr(
                "A layer has the same key on several areas, so the stage cannot tell them apart ({reason}). "
                "Run 'Check link integrity' and give every area its own key. Nothing was saved."
            ).format(reason=(str(error).strip().splitlines() or [""])[0])
        ) from None
    cur.execute(
        f"INSERT INTO stage_link (stage_id, {_COLUMNS}) SELECT %s, {_COLUMNS} FROM link"
        " WHERE layer_uid IN (SELECT layer_uid FROM stage_layer WHERE stage_id = %s)",
        (stage_id, stage_id),
    )
    cur.execute("UPDATE stage SET sealed = true WHERE id = %s", (stage_id,))
    return stage_id


def free_stage_name(cur, organisation: str, name: str) -> str:
    """``name``, or ``name (2)``, ``(3)``… when ``organisation`` has a stage of that name (one
    organisation, stage and day delivered twice)."""
    cur.execute(
        "SELECT name FROM stage WHERE organisation = %s AND (name = %s OR name LIKE %s || ' (%%)')",
        (organisation, name, name),
    )
    taken = {row[0] for row in cur.fetchall()}
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    return candidate


class PostgresStagesMixin:
    """Needs ``_read`` and ``_write`` of PostgresStore."""

    def save_stage(
        self, name: str, note: str, user: str, layers: Sequence[StageLayer], areas: Iterable[StageArea]
    ) -> StageInfo:
        name = (name or "").strip()
        if not name:
            raise StoreError(tr("A plan stage needs a name, for example 'Samråd 2026-03'."))
        buffer_areas = list(areas)

        def work(cur) -> None:
            cur.execute(
                "SELECT 1 FROM stage WHERE name = %s AND organisation = coalesce(current_organisation(), '')", (name,)
            )
            if cur.fetchone():
                raise duplicate_stage(name)
            write_stage(cur, name, note, user, layers, buffer_areas)

        self._write(work, user)
        return self.stage(name)

    def stages(self) -> list[StageInfo]:
        rows = self._read(lambda cur: _fetch(cur, _INFO + " ORDER BY s.saved_at, s.id"))
        return [_info(row) for row in rows]

    def stage(self, name: str) -> StageInfo:
        rows = self._read(lambda cur: _fetch(cur, _INFO + _ONE, (name,)))
        if not rows:
            raise no_stage(name)
        return _info(rows[0])

    def _stage_id(self, cur, name: str) -> int:
        cur.execute("SELECT s.id FROM stage s WHERE s.sealed" + _ONE, (name,))
        row = cur.fetchone()
        if row is None:
            raise no_stage(name)
        return row[0]

    def stage_layers(self, name: str) -> list[StageLayer]:
        def work(cur):
            return _fetch(
                cur,
                "SELECT layer_uid, name, key_field, wkb_type, crs, fields FROM stage_layer WHERE stage_id = %s"
                " ORDER BY name, layer_uid",
                (self._stage_id(cur, name),),
            )

        return [StageLayer(*row) for row in self._read(work)]

    def stage_areas(self, name: str, layer_uids: Sequence[str] | None = None) -> list[StageArea]:
        def work(cur):
            sql = (
                "SELECT layer_uid, feature_key, name, hectares, geometry, attributes FROM stage_area"
                " WHERE stage_id = %s"
            )
            params: list = [self._stage_id(cur, name)]
            if layer_uids is not None:
                sql += " AND layer_uid = ANY(%s::text[])"
                params.append(_text_array(layer_uids))
            return _fetch(cur, sql + " ORDER BY layer_uid, feature_key", params)

        return [
            StageArea(uid, key, label, ha, bytes(wkb) if wkb is not None else None, attributes)
            for uid, key, label, ha, wkb, attributes in self._read(work)
        ]

    def stage_hectares(self, name: str, layer_uid: str) -> dict[str, float]:
        def work(cur):
            return _fetch(
                cur,
                "SELECT feature_key, hectares FROM stage_area WHERE stage_id = %s AND layer_uid = %s",
                (self._stage_id(cur, name), layer_uid),
            )

        return {key: float(hectares) for key, hectares in self._read(work)}

    def stage_links(
        self, name: str, layer_uids: Sequence[str] | None = None, goal_ids: Sequence[str] | None = None
    ) -> list[Link]:
        def work(cur):
            sql = "SELECT " + _LINK_COLS + " FROM stage_link WHERE stage_id = %s"
            params: list = [self._stage_id(cur, name)]
            if layer_uids is not None:
                sql += " AND layer_uid = ANY(%s::text[])"
                params.append(_text_array(layer_uids))
            if goal_ids is not None:
                sql += " AND goal_id = ANY(%s::text[])"
                params.append(_text_array(goal_ids))
            return _fetch(cur, sql + " ORDER BY layer_uid, goal_id, feature_key", params)

        return _links(self._read(work))

    def stage_link_states(self, name: str, layer_uids: Sequence[str] | None = None) -> list[tuple]:
        def work(cur):
            sql = (
                "SELECT layer_uid, feature_key, goal_id, stance, strength, motivation FROM stage_link"
                " WHERE stage_id = %s"
            )
            params: list = [self._stage_id(cur, name)]
            if layer_uids is not None:
                sql += " AND layer_uid = ANY(%s::text[])"
                params.append(_text_array(layer_uids))
            return _fetch(cur, sql, params)

        return self._read(work)

    def stage_links_for_keys(self, name: str, layer_uid: str, keys: Iterable[str]) -> list[Link]:
        keys = sorted({str(k) for k in keys})

        def work(cur):
            return _fetch(
                cur,
                "SELECT " + _LINK_COLS + " FROM stage_link WHERE stage_id = %s AND layer_uid = %s"
                " AND feature_key = ANY(%s::text[]) ORDER BY feature_key, goal_id",
                (self._stage_id(cur, name), layer_uid, _text_array(keys)),
            )

        return _links(self._read(work))
