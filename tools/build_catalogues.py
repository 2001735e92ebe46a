"""Build the bundled catalogues ``resources/catalogues/*.json`` from the reference facts.

    .venv/bin/python tools/build_catalogues.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ``../shared/reference`` beside the checkout. It is not
part of the plugin: run this by hand when the facts change and commit the output.
Nothing is invented here: every title comes from the reference files; Agenda 2030
targets keep their English text and an empty Swedish title (the official Swedish
wording is not in the reference), and RUS Västerbotten holds only its overall goals
and directions (its six priorities are for the region to add by import).
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from territorial_plugin.core.catalogues.json_format import dumps  # noqa: E402
from territorial_plugin.core.catalogues.tree import GoalRow, build_goals, natural_key  # noqa: E402
from territorial_plugin.core.model import Catalogue  # noqa: E402

OUT = ROOT / "resources" / "catalogues"

OPEN_SDG = "open-sdg/sdg-translations (MIT licence, Copyright (c) 2019 Open SDG), commit 0cda585"

CATALOGUES = {
    "agenda2030": Catalogue(
        id="agenda2030",
        name="Agenda 2030 – de globala målen för hållbar utveckling",
        issuer="Förenta nationerna (FN)",
        level="global",
        valid_to="2030",
        source=(
            "UN Agenda 2030. Swedish goal names as used by the Swedish government; "
            f"English goal and target texts from {OPEN_SDG}."
        ),
        language="sv",
        description=(
            "17 globala mål och 169 delmål. Delmålen har engelsk text; "
            "den officiella svenska lydelsen ingår inte och kan läggas till genom import."
        ),
        series="agenda2030",
    ),
    "miljomal": Catalogue(
        id="miljomal",
        name="Miljömålen – generationsmålet och de 16 miljökvalitetsmålen",
        issuer="Sveriges riksdag",
        level="national",
        source="Sweden's environmental objectives system (Riksdag): the generational goal "
        "and the 16 environmental quality objectives.",
        language="sv",
        series="miljomal",
    ),
    "nrs2030": Catalogue(
        id="nrs2030",
        name="Nationell strategi för hållbar regional utveckling i hela landet 2021–2030",
        issuer="Regeringen",
        level="national",
        version="skr. 2020/21:133",
        valid_from="2021",
        valid_to="2030",
        source="Nationell strategi för hållbar regional utveckling i hela landet 2021–2030 (skr. 2020/21:133)",
        language="sv",
        description="Fyra strategiska områden (A–D) och tre grundförutsättningar (G1–G3).",
        series="nrs2030",
    ),
    "rus_ac_2030": Catalogue(
        id="rus_ac_2030",
        name="RUS Västerbotten 2020–2030",
        issuer="Region Västerbotten",
        level="regional",
        version="2020–2030",
        valid_from="2020",
        valid_to="2030",
        source="RUS Västerbotten 2020–2030, 'Västerbotten – en attraktiv region där olikheter skapar utvecklingskraft'",
        language="sv",
        description=(
            "Två övergripande mål (M1, M2) och tre inriktningar (I1–I3). "
            "Strategins sex prioriteringar med 20 delprioriteringar ingår inte: "
            "regionen lägger till dem genom import (en ny version med samma serie)."
        ),
        series="rus_ac",
    ),
    "strukturbild_example": Catalogue(
        id="strukturbild_example",
        name="Strukturbild – teman (exempel)",
        issuer="",
        level="regional",
        source="Themes named by regional planners as the links between physical planning "
        "and regional development work (project reference README). An example, not an adopted strategy.",
        language="sv",
        description="Exempelkatalog: teman som kopplar fysisk planering till regionalt utvecklingsarbete. "
        "Inte en antagen strategi.",
        series="strukturbild_example",
        example=True,
    ),
}

# The themes of the reference README, in its order; English as written there,
# Swedish as written there where it gives one, else the plain Swedish term.
STRUKTURBILD_THEMES = [
    ("Bostadsförsörjning", "Housing supply"),
    ("Kollektivtrafikplanering", "Public-transport planning"),
    ("Länstransportplan", "County transport plan"),
    ("Markanvändning", "Land use"),
    ("Tillgång till service och vård", "Access to services and health care"),
    ("Miljö och energi", "Environment and energy"),
    ("EU:s Östersjöstrategi", "EU Baltic Sea strategy"),
    ("Landsbygdsutveckling", "Rural development"),
    ("Territoriell sammanhållning", "Territorial cohesion"),
    ("Hållbar stadsutveckling", "Sustainable urban development"),
    ("GIS", "GIS"),
    ("Koppling till kommunens översiktsplan (ÖP)", "Link to the municipal comprehensive plan (ÖP)"),
]


def read_facts(reference: Path) -> dict[str, list[dict]]:
    facts: dict[str, list[dict]] = {}
    with (reference / "goal_facts.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            facts.setdefault(row["catalogue"], []).append(row)
    return facts


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def agenda_rows(reference: Path, facts: list[dict]) -> list[GoalRow]:
    goals_en = yaml.safe_load((reference / "sdg_global_goals_en.yml").read_text(encoding="utf-8"))
    targets_en = yaml.safe_load((reference / "sdg_global_targets_en.yml").read_text(encoding="utf-8"))
    targets: dict[str, list[tuple[str, str]]] = {}
    for key, text in targets_en.items():
        number, _, rest = key.partition("-")
        letter = rest.removesuffix("-title")
        targets.setdefault(number, []).append((f"{number}.{letter}", one_line(text)))
    rows: list[GoalRow] = []
    for fact in sorted(facts, key=lambda f: int(f["code"])):
        code = fact["code"]
        rows.append(
            GoalRow(
                row=len(rows) + 2,
                code=code,
                title_sv=fact["title_sv"],
                title_en=fact["title_en"],
                description=one_line(goals_en[f"{code}-title"]),
                kind="goal",
            )
        )
        assert one_line(goals_en[f"{code}-short"]) == fact["title_en"], code
        for target_code, text in sorted(targets.get(code, []), key=lambda t: natural_key(t[0])):
            rows.append(GoalRow(row=len(rows) + 2, code=target_code, parent=code, title_en=text, kind="target"))
    return rows


def fact_rows(facts: list[dict]) -> list[GoalRow]:
    return [
        GoalRow(
            row=number,
            code=fact["code"],
            parent=fact["parent_code"],
            title_sv=fact["title_sv"],
            title_en=fact["title_en"],
            kind=fact["level"],
        )
        for number, fact in enumerate(facts, 2)
    ]


def main(argv: list[str]) -> int:
    reference = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference"
    facts = read_facts(reference)
    rows = {
        "agenda2030": agenda_rows(reference, facts["agenda2030"]),
        "miljomal": fact_rows(facts["miljomal"]),
        "nrs2030": fact_rows(facts["nrs2030"]),
        "rus_ac_2030": fact_rows(facts["rus_ac_2030"]),
        "strukturbild_example": [
            GoalRow(row=n, code=f"T{n - 1}", title_sv=sv, title_en=en, kind="theme")
            for n, (sv, en) in enumerate(STRUKTURBILD_THEMES, 2)
        ],
    }
    extra = {
        "agenda2030": {"licence": f"English texts: {OPEN_SDG}; see LICENSE-open-sdg.txt beside this file."},
        "rus_ac_2030": {
            "note": "The six priorities (20 sub-priorities) of the strategy are not bundled: "
            "their wording is not verified here. The region adds them by import."
        },
        "strukturbild_example": {"note": "Example catalogue, labelled as such (example: true)."},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    for catalogue_id, catalogue in CATALOGUES.items():
        # every row gets its position as order, so the file order survives import and export
        ordered = [GoalRow(**{**row.__dict__, "order": n}) for n, row in enumerate(rows[catalogue_id], 1)]
        goals = build_goals(catalogue_id, ordered)
        path = OUT / f"{catalogue_id}.json"
        path.write_text(dumps(catalogue, goals, extra.get(catalogue_id)), encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(goals)} goals")
    shutil.copyfile(reference / "sdg_LICENSE_open-sdg.txt", OUT / "LICENSE-open-sdg.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
