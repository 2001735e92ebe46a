"""Store rows → :class:`Link` values: the one builder both engines read links through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..model import Link


def build_links(
    rows: Iterable[Sequence],
    *,
    layer_uid: str | None = None,
    timestamp: Callable[[str], str] | None = None,
) -> list[Link]:
    """:class:`Link` values from rows in the order of the link table's columns.

    ``rows`` are ``(layer_uid, feature_key, goal_id, stance, strength, motivation,
    organisation, created_by, created_at, updated_by, updated_at, row_version)``,
    or the same without the first column when ``layer_uid`` is given (a read of
    one layer need not fetch it). ``timestamp`` turns the engine's timestamp text
    into the stores' common ISO form.
    """
    if layer_uid is not None:
        rows = ((layer_uid, *row) for row in rows)
    if timestamp is None:
        return [Link(*row) for row in rows]
    return [Link(*row[:8], timestamp(row[8]), row[9], timestamp(row[10]), row[11]) for row in rows]
