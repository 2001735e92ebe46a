"""Store rows → :class:`Link` values: the one builder both engines read links through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ..model import Link, SelectionLinks


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


_STANCE_ORDER = {"supports": 0, "conflicts": 1, "neutral": 2}


def fold_selection_rows(rows: Iterable[Sequence]) -> dict[str, SelectionLinks]:
    """``(goal_id, stance, areas, min strength, max strength)`` rows → one summary per goal."""
    parts: dict[str, list] = {}
    for goal_id, stance, count, low, high in rows:
        parts.setdefault(goal_id, []).append((stance, int(count), int(low), int(high)))
    result = {}
    for goal_id, items in parts.items():
        items.sort(key=lambda item: (-item[1], _STANCE_ORDER.get(item[0], 3)))
        result[goal_id] = SelectionLinks(
            sum(item[1] for item in items),
            tuple((item[0], item[1]) for item in items),
            min(item[2] for item in items),
            max(item[3] for item in items),
        )
    return result
