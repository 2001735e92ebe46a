"""Import a municipality's delivery into the region's store.

Everything is checked before the store is written: the file (``read_delivery``),
the organisation (a shared PostgreSQL store must know it), and the catalogues —
a catalogue the region lacks comes with the delivery (whole, when it is the
version the plugin bundles: a delivery carries only the goals its links use); one
the region holds in another version is reported, never merged; a goal the
region's version does not have refuses the whole import.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...errors import StoreError
from ...i18n import tr
from ...model import Goal
from ...store.base import Store
from ...user import current_user
from ..model import DeliveryContent, ImportResult
from .format import read_delivery
from .stage import delivery_stage


def import_delivery(store: Store, path: str | Path, *, user: str | None = None) -> ImportResult:
    """Read, check and import the delivery at ``path``; one transaction, or nothing changed.

    The import is also kept as a plan stage of the organisation (:mod:`.stage`)."""
    content = read_delivery(path)
    _check_organisation_known(store, content.info.organisation)
    content = _whole_bundled_catalogues(store, content)
    new_catalogues, differences = _catalogue_plan(store, content)
    info = content.info
    note = tr("Delivery from {name} ({organisation}), made by {user} on {created}, imported from {file}.").format(
        name=info.organisation_name or info.organisation,
        organisation=info.organisation,
        user=info.created_by or "–",
        created=info.created_at,
        file=Path(content.source_file).name if content.source_file else "–",
    )
    # kept as a stage in the same transaction, so earlier deliveries can still be compared
    content = replace(content, stage=delivery_stage(content, note))
    result = store.replace_delivery(content, new_catalogues, user or current_user())
    result.version_differences = differences
    return result


def _check_organisation_known(store: Store, organisation: str) -> None:
    known = getattr(store, "organisations", None)  # only a shared PostgreSQL store has organisations
    if known is None:
        return
    names = {o.id for o in known()}
    if organisation not in names:
        raise StoreError(
            tr(
                "The delivery names the organisation '{organisation}', which this shared store does not know. "
                "Create the organisation first. Nothing was changed."
            ).format(organisation=organisation)
        )


def _catalogue_plan(store: Store, content: DeliveryContent) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """(catalogues to add, catalogue id → (delivered version, region's version) where they differ)."""
    region = {c.id: c for c in store.catalogues()}
    new = [c.id for c in content.catalogues if c.id not in region]
    differences = {
        c.id: (c.version, region[c.id].version)
        for c in content.catalogues
        if c.id in region and c.version != region[c.id].version
    }
    known_goals = {g.id for g in store.goals()} | {g.id for g in content.goals if g.catalogue_id in new}
    missing = sorted({x.goal_id for x in content.links} - known_goals)
    if missing:
        versions = ", ".join(
            tr("{id}: delivered {delivered}, region {region}").format(id=key, delivered=d or "–", region=r or "–")
            for key, (d, r) in sorted(differences.items())
        )
        raise StoreError(
            tr(
                "The delivery links to goals the region's store does not hold: {goals} ({versions}). Import that "
                "catalogue version into the region's store first; catalogues are never merged. Nothing was changed."
            ).format(goals=", ".join(missing[:10]) + (" …" if len(missing) > 10 else ""), versions=versions or "–")
        )
    return new, differences


def _whole_bundled_catalogues(store: Store, content: DeliveryContent) -> DeliveryContent:
    """The delivery with every goal of a bundled catalogue the region lacks, when it is the bundled version.

    A delivery holds only the goals its own links use. Were that the region's catalogue, the next
    municipality's other goals of the same catalogue would be refused (and re-importing the catalogue
    is refused as a clash), and the report's goals without links would miss the goals nobody linked.
    """
    from ...catalogues.bundled import BUNDLED_IDS, load_bundled

    held = {c.id for c in store.catalogues()}
    whole: dict[str, Goal] = {}
    for catalogue in content.catalogues:
        if catalogue.id in held or catalogue.id not in BUNDLED_IDS:
            continue
        bundled, goals = load_bundled(catalogue.id)
        if bundled.version == catalogue.version:
            whole.update({goal.id: goal for goal in goals})
    if not whole:
        return content
    completed = {goal.catalogue_id for goal in whole.values()}
    # a delivered goal the bundled version lacks is kept, so nothing the links need goes missing
    extra = [g for g in content.goals if g.catalogue_id in completed and g.id not in whole]
    kept = [g for g in content.goals if g.catalogue_id not in completed]
    return replace(content, goals=kept + list(whole.values()) + extra)
