"""The regional report's tables as pandas DataFrames (headers in the user's language)."""

from __future__ import annotations

from collections import defaultdict

from ...core.i18n import tr
from ...core.model import Stance
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
        "problems": tr("Geometry problems"),
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
        "code": tr("Code"),
        "goal": tr("Goal"),
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


def build_tables(data: RegionalData) -> dict:
    """The report as DataFrames keyed by :data:`SHEETS`."""
    import pandas as pd

    h = _headers()
    # one row per (organisation, goal, area, stance): an area counts once per goal and stance
    rows = []
    for link in data.links:
        area = data.area_of(link)
        rows.append(
            (data.organisation_of(link), link.goal_id, link.layer_uid, link.feature_key, link.stance,
             area.hectares if area else 0.0)
        )  # fmt: skip
    links = pd.DataFrame(rows, columns=["organisation", "goal_id", "layer_uid", "key", "stance", "ha"])
    goal_ids = [g.id for g in data.goals]

    def matrix(frame, count: bool):
        # an area counts once per goal, whatever its stances
        distinct = frame.drop_duplicates(["organisation", "goal_id", "layer_uid", "key"])
        table = distinct.pivot_table(
            index="organisation",
            columns="goal_id",
            values="key" if count else "ha",
            aggfunc="count" if count else "sum",
            fill_value=0,
        )
        table = table.reindex(index=data.organisations, columns=goal_ids, fill_value=0)
        table = table.astype(int) if count else table.round(2)
        table.insert(0, h["name"], [data.names.get(o, o) for o in table.index])
        table.index.name = h["organisation"]
        return table.reset_index()

    supports = links[links["stance"] == Stance.SUPPORTS.value]
    conflicts = links[links["stance"] == Stance.CONFLICTS.value]
    tables = {
        "areas": matrix(links, True),
        "hectares": matrix(links, False),
        "supports": matrix(supports, True),
        "conflicts": matrix(conflicts, True),
    }
    tables["organisations"] = _organisations(data, links, h)
    tables["goals"] = _goals(data, links, h)
    tables["blind_spots"] = pd.DataFrame(
        [(g.id, g.code, g.title(), g.catalogue_id) for g in data.blind_spots],
        columns=[h["goal_id"], h["code"], h["goal"], h["catalogue"]],
    )
    titles = {g.id: g.title() for g in data.goals}
    tables["pairs"] = pd.DataFrame(
        [
            (p.goal_id, titles.get(p.goal_id, ""), round(p.distance, 1),
             data.names.get(p.supporting.organisation, p.supporting.organisation), p.supporting.feature_key,
             p.supporting.name, p.supporting_motivation,
             data.names.get(p.conflicting.organisation, p.conflicting.organisation), p.conflicting.feature_key,
             p.conflicting.name, p.conflicting_motivation)
            for p in data.pairs
        ],
        columns=[h["goal_id"], h["goal"], h["distance"], h["org_sup"], h["key_sup"], h["name_sup"], h["why_sup"],
                 h["org_con"], h["key_con"], h["name_con"], h["why_con"]],
    )  # fmt: skip
    tables["problems"] = pd.DataFrame(
        [(data.names.get(o, o), key, problem) for o, key, problem in data.problems],
        columns=[h["organisation"], h["key"], h["problem"]],
    )
    return {part: tables[part] for part in SHEETS}


def _organisations(data: RegionalData, links, h):
    import pandas as pd

    distinct = links.drop_duplicates(["organisation", "layer_uid", "key"])
    areas = distinct.groupby("organisation")["key"].count()
    hectares = distinct.groupby("organisation")["ha"].sum()
    by_stance = links.drop_duplicates(["organisation", "layer_uid", "key", "stance"])
    supports = by_stance[by_stance["stance"] == Stance.SUPPORTS.value].groupby("organisation")["key"].count()
    conflicts = by_stance[by_stance["stance"] == Stance.CONFLICTS.value].groupby("organisation")["key"].count()
    pairs: dict[str, int] = defaultdict(int)
    for pair in data.pairs:
        pairs[pair.supporting.organisation] += 1
        pairs[pair.conflicting.organisation] += 1
    rows = []
    for organisation in data.organisations:
        delivery = data.deliveries.get(organisation)
        land_use = delivery.land_use_ha if delivery else 0.0
        linked = float(hectares.get(organisation, 0.0))
        rows.append(
            (organisation, data.names.get(organisation, organisation), int(areas.get(organisation, 0)),
             round(linked, 2), round(land_use, 2), round(100.0 * linked / land_use, 1) if land_use else None,
             int(supports.get(organisation, 0)), int(conflicts.get(organisation, 0)), pairs[organisation],
             delivery.created_at[:10] if delivery else "", delivery.stage if delivery else "",
             delivery.imported_at[:10] if delivery else "")
        )  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=[h["organisation"], h["name"], h["areas"], h["ha"], h["land_use"], h["share"], h["supports"],
                 h["conflicts"], h["pairs"], h["delivered"], h["stage"], h["imported"]],
    )  # fmt: skip


def _goals(data: RegionalData, links, h):
    import pandas as pd

    distinct = links.drop_duplicates(["goal_id", "layer_uid", "key"])
    by_stance = links.drop_duplicates(["goal_id", "layer_uid", "key", "stance"])
    areas = distinct.groupby("goal_id")["key"].count()
    hectares = distinct.groupby("goal_id")["ha"].sum()
    supports = by_stance[by_stance["stance"] == Stance.SUPPORTS.value].groupby("goal_id")["key"].count()
    conflicts = by_stance[by_stance["stance"] == Stance.CONFLICTS.value].groupby("goal_id")["key"].count()
    organisations = distinct.groupby("goal_id")["organisation"].nunique()
    pairs: dict[str, int] = defaultdict(int)
    for pair in data.pairs:
        pairs[pair.goal_id] += 1
    rows = [
        (g.id, g.code, g.title(), g.catalogue_id, int(organisations.get(g.id, 0)), int(areas.get(g.id, 0)),
         round(float(hectares.get(g.id, 0.0)), 2), int(supports.get(g.id, 0)), int(conflicts.get(g.id, 0)),
         pairs[g.id])
        for g in data.goals
    ]  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=[h["goal_id"], h["code"], h["goal"], h["catalogue"], h["organisations"], h["areas"], h["ha"],
                 h["supports"], h["conflicts"], h["pairs"]],
    )  # fmt: skip
