"""The regional report's tables as pandas DataFrames (headers in the user's language)."""

from __future__ import annotations

from collections import defaultdict

from ...core.i18n import tr
from ...core.labels import catalogue_short_name, goal_label, goal_title_text
from ...core.model import Goal, Stance
from .data import RegionalData

#: report parts in sheet order
SHEETS = (
    "organisations",
    "areas",
    "hectares",
    "supports",
    "conflicts",
    "goals",
    "blind_spots",
    "pairs",
    "problems",
)


def sheet_titles() -> dict[str, str]:
    """Sheet names in the user's language (Excel allows 31 characters)."""
    return {
        "organisations": tr("Per organisation"),
        "areas": tr("Areas per goal"),
        "hectares": tr("Hectares per goal"),
        "supports": tr("Supports per goal"),
        "conflicts": tr("Conflicts per goal"),
        "goals": tr("Goals"),
        "blind_spots": tr("Goals without links"),
        "pairs": tr("Intermunicipal conflicts"),
        "problems": tr("Problems"),
    }


def _headers() -> dict[str, str]:
    return {
        "organisation": tr("Organisation"),
        "name": tr("Name"),
        "areas": tr("Linked areas"),
        "ha": tr("Linked area (ha)"),
        "land_use": tr("Land-use area (ha)"),
        "share": tr("Share linked (%)"),
        "supports": tr("Supports"),
        "conflicts": tr("Conflicts"),
        "pairs": tr("Intermunicipal conflicts"),
        "delivered": tr("Latest delivery"),
        "stage": tr("Stage"),
        "imported": tr("Imported"),
        "goal_id": tr("Goal id"),
        "goal": tr("Goal"),
        "title": tr("Title"),
        "catalogue": tr("Catalogue"),
        "organisations": tr("Organisations"),
        "distance": tr("Distance (m)"),
        "org_sup": tr("Organisation supporting"),
        "key_sup": tr("Area id (supporting)"),
        "name_sup": tr("Area (supporting)"),
        "why_sup": tr("Motivation (supporting)"),
        "org_con": tr("Organisation in conflict"),
        "key_con": tr("Area id (in conflict)"),
        "name_con": tr("Area (in conflict)"),
        "why_con": tr("Motivation (in conflict)"),
        "key": tr("Area id"),
        "problem": tr("Problem"),
    }


class LinkCounts:
    """One pass over the links: per (organisation, goal), per organisation and per goal.

    Links are unique per (layer, key, goal), so each is one area for its goal; an
    organisation's areas are counted once whatever their goals.
    """

    def __init__(self, data: RegionalData):
        self.areas: dict[tuple[str, str], int] = defaultdict(int)  # (organisation, goal)
        self.hectares: dict[tuple[str, str], float] = defaultdict(float)
        self.supports: dict[tuple[str, str], int] = defaultdict(int)
        self.conflicts: dict[tuple[str, str], int] = defaultdict(int)
        self.organisation_areas: dict[str, set] = defaultdict(set)
        self.organisation_supports: dict[str, set] = defaultdict(set)
        self.organisation_conflicts: dict[str, set] = defaultdict(set)
        self.goal_organisations: dict[str, set] = defaultdict(set)
        hectares = {(a.layer_uid, a.feature_key): a.hectares for a in data.areas}
        supporting, conflicting = Stance.SUPPORTS.value, Stance.CONFLICTS.value
        for link in data.links:
            organisation, goal, key = link.organisation, link.goal_id, (link.layer_uid, link.feature_key)
            cell = (organisation, goal)
            self.areas[cell] += 1
            self.hectares[cell] += hectares.get(key, 0.0)
            self.organisation_areas[organisation].add(key)
            self.goal_organisations[goal].add(organisation)
            if link.stance == supporting:
                self.supports[cell] += 1
                self.organisation_supports[organisation].add(key)
            elif link.stance == conflicting:
                self.conflicts[cell] += 1
                self.organisation_conflicts[organisation].add(key)
        self.area_hectares = hectares
        self.pairs_of_organisation: dict[str, int] = defaultdict(int)
        self.pairs_of_goal: dict[str, int] = defaultdict(int)
        for pair in data.pairs:
            self.pairs_of_organisation[pair.supporting.organisation] += 1
            self.pairs_of_organisation[pair.conflicting.organisation] += 1
            self.pairs_of_goal[pair.goal_id] += 1

    def goal_total(self, table: dict, goal: str) -> float:
        return sum(value for (_, g), value in table.items() if g == goal)


def goal_headers(data: RegionalData) -> dict[str, str]:
    """goal id → the goal as readers name it, short enough for a column header ("RUS Västerbotten ·
    mål M2", "Miljömål 16"); the goals sheet gives each its title. Never the raw id ``rus_ac_2030:M2``;
    two goals that would read the same (two imported catalogues of one name) get their catalogue's id."""
    catalogues = {c.id: c for c in data.catalogues}
    labels = {g.id: goal_label(g, catalogues.get(g.catalogue_id), title=False) for g in data.goals + data.blind_spots}
    seen: dict[str, int] = defaultdict(int)
    for text in labels.values():
        seen[text] += 1
    goals = {g.id: g for g in data.goals + data.blind_spots}
    return {i: (text if seen[text] == 1 else f"{text} ({goals[i].catalogue_id})") for i, text in labels.items()}


def build_tables(data: RegionalData) -> dict:
    """The report as DataFrames keyed by :data:`SHEETS`."""
    import pandas as pd

    h = _headers()
    counts = LinkCounts(data)
    goal_ids = [g.id for g in data.goals]
    label = goal_headers(data)
    catalogues = {c.id: c for c in data.catalogues}

    def catalogue(goal: Goal) -> str:
        return catalogue_short_name(goal.catalogue_id, catalogues.get(goal.catalogue_id))

    def matrix(table: dict, count: bool):
        rows = [
            [o, data.names.get(o, o)]
            + [table.get((o, g), 0) if count else round(table.get((o, g), 0.0), 2) for g in goal_ids]
            for o in data.organisations
        ]
        return pd.DataFrame(rows, columns=[h["organisation"], h["name"], *(label[g] for g in goal_ids)])

    tables = {
        "areas": matrix(counts.areas, True),
        "hectares": matrix(counts.hectares, False),
        "supports": matrix(counts.supports, True),
        "conflicts": matrix(counts.conflicts, True),
        "organisations": _organisations(data, counts, h),
        "goals": _goals(data, counts, h, label, catalogue),
    }
    # the goal's label first, as the matrices' headers name it; its id last, for scripts that join on it
    tables["blind_spots"] = pd.DataFrame(
        [(label[g.id], goal_title_text(g), catalogue(g), g.id) for g in data.blind_spots],
        columns=[h["goal"], h["title"], h["catalogue"], h["goal_id"]],
    )
    goals = {g.id: g for g in data.goals}
    tables["pairs"] = pd.DataFrame(
        [
            (label[p.goal_id], goal_title_text(goals[p.goal_id]), round(p.distance, 1),
             data.names.get(p.supporting.organisation, p.supporting.organisation), p.supporting.feature_key,
             p.supporting.name, p.supporting_motivation,
             data.names.get(p.conflicting.organisation, p.conflicting.organisation), p.conflicting.feature_key,
             p.conflicting.name, p.conflicting_motivation, p.goal_id)
            for p in data.pairs
        ],
        columns=[h["goal"], h["title"], h["distance"], h["org_sup"], h["key_sup"], h["name_sup"], h["why_sup"],
                 h["org_con"], h["key_con"], h["name_con"], h["why_con"], h["goal_id"]],
    )  # fmt: skip
    tables["problems"] = pd.DataFrame(
        [(data.names.get(o, o), key, problem) for o, key, problem in data.problems],
        columns=[h["organisation"], h["key"], h["problem"]],
    )
    return {part: tables[part] for part in SHEETS}


def _organisations(data: RegionalData, counts: LinkCounts, h):
    import pandas as pd

    rows = []
    for organisation in data.organisations:
        delivery = data.deliveries.get(organisation)
        land_use = delivery.land_use_ha if delivery else 0.0
        linked = sum(counts.area_hectares.get(key, 0.0) for key in counts.organisation_areas[organisation])
        rows.append(
            (organisation, data.names.get(organisation, organisation), len(counts.organisation_areas[organisation]),
             round(linked, 2), round(land_use, 2), round(100.0 * linked / land_use, 1) if land_use else None,
             len(counts.organisation_supports[organisation]), len(counts.organisation_conflicts[organisation]),
             counts.pairs_of_organisation[organisation],
             delivery.created_at[:10] if delivery else "", delivery.stage if delivery else "",
             delivery.imported_at[:10] if delivery else "")
        )  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=[h["organisation"], h["name"], h["areas"], h["ha"], h["land_use"], h["share"], h["supports"],
                 h["conflicts"], h["pairs"], h["delivered"], h["stage"], h["imported"]],
    )  # fmt: skip


def _goals(data: RegionalData, counts: LinkCounts, h, label: dict[str, str], catalogue):
    import pandas as pd

    rows = [
        (label[g.id], goal_title_text(g), catalogue(g), len(counts.goal_organisations[g.id]),
         int(counts.goal_total(counts.areas, g.id)), round(counts.goal_total(counts.hectares, g.id), 2),
         int(counts.goal_total(counts.supports, g.id)), int(counts.goal_total(counts.conflicts, g.id)),
         counts.pairs_of_goal[g.id], g.id)
        for g in data.goals
    ]  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=[h["goal"], h["title"], h["catalogue"], h["organisations"], h["areas"], h["ha"], h["supports"],
                 h["conflicts"], h["pairs"], h["goal_id"]],
    )  # fmt: skip
