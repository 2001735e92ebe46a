"""Row helpers shared by the PostgreSQL store's modules: columns, key lists, row → value."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from ...i18n import tr
from ...model import Catalogue, Goal, Link
from ..checks import build_links, key_text

# Timestamps leave the server as ISO text in UTC (the session's time zone) and are
# reshaped by _iso(): several times cheaper than to_char() per row for big selections.
_LINK_COLS = (
    "layer_uid, feature_key, goal_id, stance, strength, motivation, organisation, created_by, "
    "created_at::text, updated_by, updated_at::text, row_version"
)
# A selection's links (one layer, so without layer_uid): updated_by/updated_at come as
# NULL where they equal created_by/created_at, as for every link never changed since
# it was made; the server then formats one timestamp instead of two and psycopg2
# decodes fewer values (10 000 keys, 20 000 links: ~7 ms of ~100). _selection_links
# puts the values back.
_SELECTION_COLS = (
    "feature_key, goal_id, stance, strength, motivation, organisation, created_by, created_at::text, "
    "nullif(updated_by, created_by), nullif(updated_at, created_at)::text, row_version"
)
_CATALOGUE_COLS = (
    "id, name, issuer, level, version, valid_from, valid_to, source, language, description, series, example, enabled"
)
_GOAL_COLS = "id, catalogue_id, code, parent_id, title_sv, title_en, description, sort_order, kind"


def _fetch(cur, sql: str, params=()) -> list[tuple]:
    cur.execute(sql, params)
    return cur.fetchall()


# "= ANY(<keys>)" for the selection reads, the keys bound as one text[] literal. Through a
# sub-select the array reaches the planner as a parameter, not as a constant: the planner
# estimates "= ANY(<constant array>)" by looking at every element (~3-4 ms of planning for
# 10 000 keys); the execution, one index probe per key, is the same.
_ANY_KEY = "ANY((SELECT %s::text[])::text[])"


def _fetch_by_keys(cur, sql: str, params) -> list[tuple]:
    """A lookup of a selection's keys through the unique index.

    The planner overestimates how many rows ``feature_key = ANY(<10 000 keys>)``
    matches and picks a (parallel) scan of every link, or a bitmap scan; walking
    the index in key order is several times faster for any selection a user
    makes (measured: 1 000 000 links, 10 000 keys), so the others are ruled out
    for this one transaction. JIT compilation too: with an estimate above
    jit_above_cost (a 10 000-key constant array did, in a store of several big
    layers) the compilation cost more than the whole lookup. Sent with the query:
    one round trip. The keys should come sorted (:func:`_keys`): the index scan
    sorts its array first, ~30 ms for 10 000 keys in random order, nothing for
    sorted ones.
    """
    return _fetch(
        cur, "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL jit = off; " + sql, params
    )


def _keys(keys: Iterable[str]) -> list[str]:
    """Distinct keys as text, sorted: a fixed lock order for concurrent writers.

    Sorted as the server's COLLATE "C" (code point order); sorted keys also spare
    the server sorting them (see _fetch_by_keys).
    """
    keys = list(keys)
    try:
        unique = set(keys)
    except TypeError:  # an unhashable value: key_text makes text of it
        unique = keys
    if "" not in unique and set(map(type, unique)) <= {str}:  # what key_text would return anyway
        return sorted(unique)
    return sorted({key_text(k) for k in unique})


def _text_array(values: Iterable[str]) -> str:
    """A ``text[]`` literal of ``values`` (every element quoted), to bind as ``%s::text[]``.

    psycopg2 sends a list as ``ARRAY['a', 'b', …]``: the server parses every
    element as an expression (~10 ms for 10 000 keys, ~100 ms for 100 000, and
    psycopg2 itself quotes each one); one array literal is parsed in a single
    pass. The literal is still a bound value, quoted by psycopg2 as a whole.
    """
    values = list(values)
    joined = "".join(values)
    if '"' in joined or "\\" in joined:
        values = [v.replace("\\", "\\\\").replace('"', '\\"') for v in values]
    return '{"' + '","'.join(values) + '"}' if values else "{}"


def _goal_row(goal: Goal) -> tuple:
    return (goal.id, goal.catalogue_id, goal.code, goal.parent_id or None, goal.title_sv or "", goal.title_en or "",
            goal.description or "", int(goal.sort_order or 0), goal.kind or "")  # fmt: skip


def _link_filter(layer_uid: str, keys: list[str] | None, goals: list[str] | None) -> tuple[str, list]:
    where, params = "layer_uid = %s", [layer_uid]
    if keys is not None:
        where += " AND feature_key = ANY(%s::text[])"
        params.append(_text_array(keys))
    if goals is not None:
        where += " AND goal_id = ANY(%s::text[])"
        params.append(_text_array(goals))
    return where, params


def _foreign_message(organisation: str) -> str:
    return tr(
        "These links belong to the organisation '{organisation}'. You can change only your own "
        "organisation's links; nothing was changed."
    ).format(organisation=organisation or "?")


def _catalogue(row) -> Catalogue:
    values = list(row)
    values[11] = bool(values[11])
    values[12] = bool(values[12])
    return Catalogue(*values)


def _goal(row) -> Goal:
    return Goal(*row)


def _links(rows: Iterable, layer_uid: str | None = None) -> list[Link]:
    """Many links at once: shared values, each distinct timestamp reshaped once (see build_links)."""
    return build_links(rows, layer_uid=layer_uid, timestamp=_iso)


def _selection_links(rows: list[tuple], layer_uid: str) -> list[Link]:
    """Links of one layer from rows of :data:`_SELECTION_COLS`; equal to ``build_links`` of the full rows.

    A selection's read is bounded by what a planner selects, so the values are not
    shared as build_links shares them (which pays off in memory for a whole store, and
    costs ~40 % of the building here); beyond _SHARE_FROM rows they are.
    """
    if len(rows) > _SHARE_FROM:
        full = (
            (layer_uid, *row[:8], row[6] if row[8] is None else row[8], row[7] if row[9] is None else row[9], row[10])
            for row in rows
        )
        return build_links(full, timestamp=_iso)
    stamps: dict[str, str] = {}
    new = object.__new__
    links: list[Link] = []
    append = links.append
    collecting = gc.isenabled()
    gc.disable()  # as in build_links: no cycles to find, and passes over a growing list
    try:
        for key, goal, stance, strength, motivation, organisation, by, created, updated_by, updated, version in rows:
            created_iso = stamps.get(created)
            if created_iso is None:
                created_iso = stamps[created] = _iso(created)
            if updated is None:
                updated_iso = created_iso
            else:
                updated_iso = stamps.get(updated)
                if updated_iso is None:
                    updated_iso = stamps[updated] = _iso(updated)
            link = new(Link)
            values = link.__dict__
            values["layer_uid"] = layer_uid
            values["feature_key"] = key
            values["goal_id"] = goal
            values["stance"] = stance
            values["strength"] = strength
            values["motivation"] = motivation
            values["organisation"] = organisation
            values["created_by"] = by
            values["created_at"] = created_iso
            values["updated_by"] = by if updated_by is None else updated_by
            values["updated_at"] = updated_iso
            values["row_version"] = version
            append(link)
    finally:
        if collecting:
            gc.enable()
    return links


_SHARE_FROM = 100_000


def _link(row) -> Link:
    values = list(row)
    values[8] = _iso(values[8])
    values[10] = _iso(values[10])
    return Link(*values)


def _iso(text: str | None) -> str:
    """``2026-11-26 09:13:57.078123+00`` → ``2026-11-26T09:13:57.078Z`` (the GeoPackage format, as tl_iso)."""
    if not text:
        return ""
    fraction = "000"
    if len(text) > 19 and text[19] == ".":
        digits = text[20:].split("+", 1)[0].split("-", 1)[0]
        fraction = (digits + "000")[:3]
    return f"{text[:10]}T{text[11:19]}.{fraction}Z"
