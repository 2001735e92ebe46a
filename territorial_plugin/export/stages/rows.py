"""A stage comparison as the rows a reader sees: translated, named, in order; shared by the workbook and the PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...core.i18n import tr
from ...core.labels import goal_label, goal_title_text, stance_label
from ...core.model import Catalogue, Goal
from ...core.stages.compare import ADDED, CHANGED, REMOVED, RESHAPED, Comparison, Snapshot


def link_change_label(kind: str) -> str:
    return {ADDED: tr("Link added"), REMOVED: tr("Link removed"), CHANGED: tr("Link changed")}[kind]


def area_change_label(kind: str) -> str:
    return {ADDED: tr("Area added"), REMOVED: tr("Area removed"), RESHAPED: tr("Area reshaped")}[kind]


def orphan_label() -> str:
    return tr("Link whose area disappeared")


@dataclass(frozen=True)
class Context:
    """What the rows need beside the comparison: the goals and their catalogues, layer names and area names."""

    goals: dict[str, Goal]
    layer_names: dict[str, str]
    before: Snapshot
    after: Snapshot
    catalogues: dict[str, Catalogue] = field(default_factory=dict)
    #: (goal id, what) → text: a goal repeats on many rows, its label is made once
    _texts: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)

    def area_name(self, uid: str, key: str) -> str:
        area = self.after.areas.get((uid, key)) or self.before.areas.get((uid, key))
        return area[0] if area else ""

    def goal_title(self, goal_id: str) -> str:
        """The goal's Swedish title, else its English one marked as the original text."""
        text = self._texts.get((goal_id, "title"))
        if text is None:
            goal = self.goals.get(goal_id)
            text = self._texts[(goal_id, "title")] = goal_title_text(goal) if goal else ""
        return text

    def goal_label(self, goal_id: str, *, title: bool = False) -> str:
        """The goal as a reader names it ("Agenda 2030 · delmål 9.2"); the id only for a goal
        no catalogue in the store holds any more (a stage keeps links to it)."""
        what = "label+title" if title else "label"
        text = self._texts.get((goal_id, what))
        if text is None:
            goal = self.goals.get(goal_id)
            catalogue = self.catalogues.get(goal.catalogue_id) if goal else None
            text = goal_label(goal, catalogue, title=title) if goal else goal_id
            self._texts[(goal_id, what)] = text
        return text


def _state(state) -> tuple[str, object, str]:
    return (stance_label(state[0]), state[1], state[2]) if state else ("", "", "")


def link_rows(comparison: Comparison, context: Context) -> list[dict]:
    rows = []
    for change in comparison.links:
        before, after = _state(change.before), _state(change.after)
        rows.append(
            {
                tr("Change"): link_change_label(change.kind),
                tr("Goal"): context.goal_label(change.goal_id),
                tr("Title"): context.goal_title(change.goal_id),
                tr("Layer"): context.layer_names.get(change.layer_uid, change.layer_uid),
                tr("Area id"): change.key,
                tr("Name"): context.area_name(change.layer_uid, change.key),
                tr("Stance before"): before[0],
                tr("Stance after"): after[0],
                tr("Strength before"): before[1],
                tr("Strength after"): after[1],
                tr("Motivation before"): before[2],
                tr("Motivation after"): after[2],
                # last, as in the coverage tables: for joins, not for reading
                tr("Goal id"): change.goal_id,
            }
        )
    return rows


def area_rows(comparison: Comparison, context: Context) -> list[dict]:
    return [
        {
            tr("Change"): area_change_label(change.kind),
            tr("Layer"): context.layer_names.get(change.layer_uid, change.layer_uid),
            tr("Area id"): change.key,
            tr("Name"): change.name,
            tr("Area before (ha)"): None if change.hectares_before is None else round(change.hectares_before, 2),
            tr("Area after (ha)"): None if change.hectares_after is None else round(change.hectares_after, 2),
            tr("Difference (ha)"): round((change.hectares_after or 0.0) - (change.hectares_before or 0.0), 2),
        }
        for change in comparison.areas
    ]


def orphan_rows(comparison: Comparison, context: Context) -> list[dict]:
    rows = []
    for uid, key, goal_id in comparison.orphaned:
        state = _state(context.after.links.get((uid, key, goal_id)))
        rows.append(
            {
                tr("Layer"): context.layer_names.get(uid, uid),
                tr("Area id"): key,
                tr("Name"): context.area_name(uid, key),
                tr("Goal"): context.goal_label(goal_id),
                tr("Title"): context.goal_title(goal_id),
                tr("Stance"): state[0],
                tr("Motivation"): state[2],
                tr("Goal id"): goal_id,
            }
        )
    return rows


def goal_rows(comparison: Comparison, context: Context, goal_ids: Sequence[str] | None = None) -> list[dict]:
    """Per goal: areas and hectares supporting and in conflict at each stage, and the difference."""
    before, after = comparison.before, comparison.after
    rows = []
    for balance in comparison.goals:
        if goal_ids is not None and balance.goal_id not in goal_ids:
            continue
        rows.append(
            {
                tr("Goal"): context.goal_label(balance.goal_id),
                tr("Title"): context.goal_title(balance.goal_id),
                tr("Supporting areas before ({stage})").format(stage=before): balance.supports_before[0],
                tr("Supporting areas after ({stage})").format(stage=after): balance.supports_after[0],
                tr("Supporting ha before ({stage})").format(stage=before): round(balance.supports_before[1], 2),
                tr("Supporting ha after ({stage})").format(stage=after): round(balance.supports_after[1], 2),
                tr("Change in supporting ha"): round(balance.supports_after[1] - balance.supports_before[1], 2),
                tr("Conflicting areas before ({stage})").format(stage=before): balance.conflicts_before[0],
                tr("Conflicting areas after ({stage})").format(stage=after): balance.conflicts_after[0],
                tr("Conflicting ha before ({stage})").format(stage=before): round(balance.conflicts_before[1], 2),
                tr("Conflicting ha after ({stage})").format(stage=after): round(balance.conflicts_after[1], 2),
                tr("Change in conflicting ha"): round(balance.conflicts_after[1] - balance.conflicts_before[1], 2),
                tr("Changed"): tr("Yes") if balance.changed else tr("No"),
                tr("Goal id"): balance.goal_id,
            }
        )
    return rows
