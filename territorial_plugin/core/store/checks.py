"""Checks every store engine applies before writing (the databases check again).

Engine-neutral: the GeoPackage and PostgreSQL engines raise the same translated
messages for the same bad input.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import CatalogueError, StoreError
from ..i18n import tr
from ..model import STRENGTH_MAX, STRENGTH_MIN, Catalogue, Goal, Level, Stance
from ..region.model import DeliveryContent, ImportResult


def check_spec(stance: str | None, strength: int | None) -> None:
    """The same rules as the database's CHECKs, with a message a planner understands."""
    if stance is not None and stance not in {s.value for s in Stance}:
        raise StoreError(tr("'{stance}' is not a stance. Use supports, conflicts or neutral.").format(stance=stance))
    if strength is not None and (
        isinstance(strength, bool) or not isinstance(strength, int) or not STRENGTH_MIN <= strength <= STRENGTH_MAX
    ):
        raise StoreError(
            tr("Strength must be a whole number from {low} to {high}, not '{value}'.").format(
                low=STRENGTH_MIN, high=STRENGTH_MAX, value=strength
            )
        )


def key_text(value) -> str:
    """A feature key as stored: text, never empty."""
    if value is None:
        raise StoreError(tr("A feature has no key value; it cannot be linked. Check the layer's key field."))
    text = value if isinstance(value, str) else str(value)
    if not text:
        raise StoreError(tr("A feature has an empty key value; it cannot be linked. Check the layer's key field."))
    return text


def check_catalogue(catalogue: Catalogue, goals: Sequence[Goal]) -> None:
    """Refuse a bad catalogue before touching the store (the database checks again)."""
    if not catalogue.id or ":" in catalogue.id or not catalogue.id.strip() == catalogue.id:
        raise CatalogueError(
            tr("'{id}' cannot be a catalogue id: use letters, digits and _ without ':' or spaces.").format(
                id=catalogue.id
            )
        )
    if catalogue.level not in {lv.value for lv in Level}:
        raise CatalogueError(
            tr("'{level}' is not a level. Use global, eu, national, regional or municipal.").format(
                level=catalogue.level
            )
        )
    by_id: dict[str, Goal] = {}
    codes: set[str] = set()
    for goal in goals:
        if goal.catalogue_id != catalogue.id or goal.id != f"{catalogue.id}:{goal.code}" or not goal.code:
            raise CatalogueError(
                tr("Goal '{goal}' does not belong to catalogue '{id}' (its id must be '{id}:<code>').").format(
                    goal=goal.id, id=catalogue.id
                )
            )
        if goal.code in codes:
            raise CatalogueError(
                tr("The code '{code}' appears twice in catalogue '{id}'.").format(code=goal.code, id=catalogue.id)
            )
        codes.add(goal.code)
        by_id[goal.id] = goal
    for goal in goals:
        seen = {goal.id}
        parent = goal.parent_id
        while parent:
            if parent not in by_id:
                raise CatalogueError(
                    tr("Goal '{goal}' has the parent '{parent}', which is not in the catalogue.").format(
                        goal=goal.id, parent=parent
                    )
                )
            if parent in seen:
                raise CatalogueError(
                    tr("The goals of catalogue '{id}' form a cycle at '{goal}'.").format(id=catalogue.id, goal=goal.id)
                )
            seen.add(parent)
            parent = by_id[parent].parent_id


def delivery_already_in(content: DeliveryContent, current: tuple | None) -> ImportResult | None:
    """What an import of ``content`` does given the organisation's current delivery
    ``(id, checksum, created_at)`` (or ``None``): the same delivery again changes nothing (a
    result saying so), an older one is refused, anything else is imported (``None``)."""
    if current is None:
        return None
    if current[1] == content.checksum:
        return ImportResult(content.info.organisation, unchanged=True, delivery_id=current[0], areas=len(content.areas))
    if content.info.created_at < current[2]:
        raise StoreError(
            tr(
                "The region's store already holds a newer delivery from {organisation} (made {current}); this one "
                "was made {created}. Nothing was changed."
            ).format(organisation=content.info.organisation, current=current[2], created=content.info.created_at)
        )
    return None
