"""Rule files: read in English or Swedish, round-trip through every format, malformed ones refused whole."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException

from territorial_plugin.core.errors import RuleError
from territorial_plugin.core.rules.files import export_rules, import_rule_file, read_rule_file
from territorial_plugin.core.rules.model import Rule

from .rules_support import plan_layer, rules_store

HEADER = "name;layer;expression;goals;stance;strength;motivation;enabled"
GOOD = "Bostäder;;\"kategori\" = 'Vatten';t:1;supports;2;Bra;1"


@pytest.fixture
def store(tmp_path, qgis_app):
    layer = plan_layer(tmp_path / "plan.gpkg")
    store, _ = rules_store(tmp_path / "links.gpkg", layer)
    yield store
    store.close()


def _csv(tmp_path, *lines, name="regler.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_swedish_headers_and_stances(store, tmp_path):
    path = _csv(
        tmp_path,
        "namn;lager;uttryck;mål;ställningstagande;styrka;motivering;aktiv",
        'Bostäder nära station;Markanvändning;"avst_station" < 1000;t:1, t:2;stödjer;3;'
        'Området [% "namn" %] ligger nära;1',
        "Vatten;;\"kategori\" = 'Vatten';t:3;motverkar;1;;0",
    )
    _, result = import_rule_file(store, path, "anna")
    assert result.inserted == 2
    rules = {rule.name: rule for rule in store.rules()}
    housing = rules["Bostäder nära station"]
    assert (housing.goal_ids, housing.stance, housing.strength, housing.layer) == (
        ("t:1", "t:2"),
        "supports",
        3,
        "Markanvändning",
    )
    assert housing.motivation == 'Området [% "namn" %] ligger nära'
    assert (rules["Vatten"].stance, rules["Vatten"].enabled) == ("conflicts", False)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_export_reads_back_the_same_rules(store, tmp_path, suffix):
    rules = [
        Rule(
            "Åkermark och ängar",
            '"kategori" = \'Areell näring\' AND "namn" LIKE \'%"gård"%\'',
            ("t:2", "t:1"),
            layer="Markanvändning",
            stance="neutral",
            strength=0,
            motivation='Gården [% "namn" %]; "citat" och ; semikolon',
            enabled=False,
        ),
        Rule("Öppet vatten", "\"kategori\" = 'Vatten'", ("t:3",)),
    ]
    store.save_rules(rules, "anna")
    path = export_rules(store.rules(), tmp_path / f"ut{suffix}")
    back = read_rule_file(path, {"t:1", "t:2", "t:3"}, {"Markanvändning"})
    assert back.ok, [str(p) for p in back.problems]
    assert [r.__class__(**{**r.__dict__, "id": None}) for r in store.rules()] == list(back.rules)


# (kind, file lines after the header, row, column) — each file also holds a good rule, so
# "nothing written" means the good one was not saved either
MALFORMED = [
    ("empty name", [GOOD, ";;1 = 1;t:1;;;;"], 3, "name"),
    ("repeated name", [GOOD, "Bostäder;;1 = 1;t:2;;;;"], 3, "name"),
    ("invalid expression", ["Trasig;;\"kategori\" = = 'x';t:1;;;;", GOOD], 2, "expression"),
    ("empty expression", [GOOD, "Tom;;;t:1;;;;"], 3, "expression"),
    ("unknown goal", [GOOD, "Okänt mål;;1 = 1;t:1, t:99;;;;"], 3, "goals"),
    ("not a goal id", [GOOD, "Fel id;;1 = 1;elva;;;;"], 3, "goals"),
    ("no goal", [GOOD, "Inget mål;;1 = 1;;;;;"], 3, "goals"),
    ("bad stance", [GOOD, "Ställning;;1 = 1;t:1;gillar;;;"], 3, "stance"),
    ("strength too high", [GOOD, "Stark;;1 = 1;t:1;;5;;"], 3, "strength"),
    ("strength not a number", [GOOD, "Stark;;1 = 1;t:1;;stark;;"], 3, "strength"),
    ("enabled not 1/0", [GOOD, "Aktiv;;1 = 1;t:1;;;;kanske"], 3, "enabled"),
    ("unknown layer", [GOOD, "Lager;Vägar;1 = 1;t:1;;;;"], 3, "layer"),
    ("bad motivation template", [GOOD, 'Mall;;1 = 1;t:1;;;Namn: [% "namn" || %];'], 3, "motivation"),
]


@pytest.mark.parametrize("kind, lines, row, column", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_rule_files_are_refused_with_row_and_column(store, tmp_path, kind, lines, row, column):
    path = _csv(tmp_path, HEADER, *lines)
    with pytest.raises(RuleError) as error:
        import_rule_file(store, path, "anna")
    message = str(error.value)
    assert f"row {row}" in message and f"column '{column}'" in message, message
    assert store.rules() == [] and store.rule_history() == []


def test_missing_column_is_named(store, tmp_path):
    path = _csv(tmp_path, "name;goals", "Bostäder;t:1")
    with pytest.raises(RuleError, match="row 1, column 'expression'"):
        import_rule_file(store, path, "anna")


def test_ragged_csv_row_is_named(store, tmp_path):
    path = _csv(tmp_path, "name;expression;goals", "A;1 = 1;t:1", "B;1 = 1;t:1;x;y")
    with pytest.raises(RuleError, match="row 3"):
        import_rule_file(store, path, "anna")
    assert store.rules() == []


def test_json_rule_that_is_not_an_object_and_broken_json(store, tmp_path):
    path = tmp_path / "regler.json"
    path.write_text(json.dumps([{"name": "A", "expression": "1 = 1", "goals": "t:1"}, "B"]), encoding="utf-8")
    with pytest.raises(RuleError, match="row 2"):
        import_rule_file(store, path, "anna")
    path.write_text('[{"name": "A", "expression": "1 = 1" "goals": "t:1"}]', encoding="utf-8")
    with pytest.raises(RuleError, match="line 1"):
        import_rule_file(store, path, "anna")
    assert store.rules() == []


def test_xlsx_problems_name_the_cell(store, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["namn", "uttryck", "mål", "styrka"])
    sheet.append(["A", "1 = 1", "t:1", 2])
    sheet.append(["B", "1 = 1", "t:1", "=1+1"])
    sheet.append(["C", "1 = 1", "t:7", 2])
    path = tmp_path / "regler.xlsx"
    workbook.save(path)
    with pytest.raises(RuleError) as error:
        import_rule_file(store, path, "anna")
    assert "cell D3" in str(error.value) and "cell C4" in str(error.value)
    assert store.rules() == []


def test_every_bad_row_is_named_at_once(store, tmp_path):
    path = _csv(tmp_path, HEADER, *[line for _, lines, _, _ in MALFORMED for line in lines if line != GOOD], GOOD)
    with pytest.raises(RuleError) as error:
        import_rule_file(store, path, "anna")
    assert all(f"row {row}" in str(error.value) for row in range(2, 2 + len(MALFORMED)))


def test_importrules_algorithm_refuses_with_the_rows(store, tmp_path, qgis_processing):
    from qgis import processing

    import territorial_plugin

    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        bad = _csv(tmp_path, HEADER, GOOD, 'Trasig;;"a" = = 1;t:1;;;;')
        with pytest.raises(QgsProcessingException, match="row 3, column 'expression'"):
            processing.run("territorial:importrules", {"INPUT": str(bad), "STORE": store.uri})
        assert store.rules() == []
        good = _csv(tmp_path, HEADER, GOOD, name="bra.csv")
        result = processing.run("territorial:importrules", {"INPUT": str(good), "STORE": store.uri})
        assert (result["RULES"], result["INSERTED"]) == (1, 1)
        out = tmp_path / "export.json"
        processing.run("territorial:exportrules", {"STORE": store.uri, "OUTPUT": str(out)})
        assert json.loads(out.read_text(encoding="utf-8"))[0]["name"] == "Bostäder"
    finally:
        plugin.unload()
