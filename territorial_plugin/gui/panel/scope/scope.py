"""The panel's scope: now or a saved stage, every organisation or one; and the words for per-organisation counts.

A stage is read-only (the database refuses changes to it), so the panel shows it
without ticks, editor or suggestions. The organisation filter only narrows what is
shown: a tick still writes as the user's own organisation.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ....core.i18n import plural, tr
from ....core.labels import stance_label
from ....core.model import SelectionLinks
from ....core.stages.model import StageInfo


@dataclass(frozen=True)
class PanelScope:
    """``stage``: a saved stage's name, ``""`` for the links now; ``organisation``: one organisation's
    links (``""``: those of no organisation), ``None`` for every organisation's."""

    stage: str = ""
    organisation: str | None = None

    @property
    def read_only(self) -> bool:
        return bool(self.stage)


def narrow(summary: Mapping[str, SelectionLinks], organisation: str | None) -> dict[str, SelectionLinks]:
    """The selection's summary as if the store held only ``organisation``'s links (``None``: unchanged)."""
    if organisation is None:
        return dict(summary)
    result = {}
    for goal_id, links in summary.items():
        own = links.of_organisation(organisation)
        if own is not None:
            result[goal_id] = own
    return result


def organisation_name(organisation: str, names: Mapping[str, str]) -> str:
    """The organisation's name as the store knows it; its id otherwise."""
    return names.get(organisation, organisation) if organisation else tr("no organisation")


def organisation_counts(organisation: str, count: int, stances: Iterable[tuple[str, int]], names) -> str:
    """ "Umeå kommun: 3 areas (supports 2, conflicts 1)" — one organisation's links to a goal."""
    parts = ", ".join(f"{stance_label(stance).lower()} {n}" for stance, n in stances)
    text = plural(count, tr("{organisation}: one area ({stances})"), tr("{organisation}: {n} areas ({stances})"))
    return text.format(organisation=organisation_name(organisation, names), n=count, stances=parts)


def organisation_tip(links: SelectionLinks, names: Mapping[str, str]) -> str:
    """Tooltip lines (HTML) of a goal's selected links per organisation; empty when one organisation holds them all."""
    if len(links.by_organisation) < 2:
        return ""
    return "<br/>".join(
        html.escape(organisation_counts(organisation, own.count, own.stances, names))
        for organisation, own in links.by_organisation
    )


def stage_tip(info: StageInfo) -> str:
    """Who saved the stage and when, its note and what it holds: the tooltip of its entry in the chooser."""
    lines = [tr("Saved by {user} on {when}").format(user=info.saved_by, when=info.saved_at[:16].replace("T", " "))]
    if info.note:
        lines.append(info.note)
    lines.append(
        plural(info.links, tr("One link of {areas} areas"), tr("{n} links of {areas} areas")).format(
            n=info.links, areas=info.areas
        )
    )
    return "\n".join(lines)


def read_only_note(stage: str) -> str:
    return tr("Plan stage {stage} is shown – read-only").format(stage=stage)
