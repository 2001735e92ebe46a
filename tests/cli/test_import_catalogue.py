"""territorial:importcatalogue and exportcatalogue under qgis_process, as GIS staff script them."""

import sqlite3
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "catalogues"


def goal_titles(store: Path, catalogue_id: str) -> list[str]:
    with sqlite3.connect(store) as con:
        return [
            r[0]
            for r in con.execute(
                "SELECT title_sv FROM goal WHERE catalogue_id = ? ORDER BY sort_order", (catalogue_id,)
            )
        ]


def test_all_bundled_catalogues_into_a_new_store(qgis_process, tmp_path):
    store = tmp_path / "links.gpkg"
    result = qgis_process.run_json("territorial:importcatalogue", INPUT="all", STORE=str(store))
    assert result["results"]["CATALOGUES"] == "agenda2030,miljomal,nrs2030,rus_ac_2030,strukturbild_example"
    assert result["results"]["GOALS"] == 186 + 17 + 7 + 5 + 12
    with sqlite3.connect(store) as con:
        assert con.execute("SELECT title_sv FROM goal WHERE id = 'agenda2030:11'").fetchone() == (
            "Hållbara städer och samhällen",
        )
    again = qgis_process.run_json("territorial:importcatalogue", INPUT="agenda2030", STORE=str(store))
    assert again["results"]["CATALOGUES"] == "" and again["results"]["UNCHANGED"] == "agenda2030"


def test_swedish_excel_file_with_semicolons_imports(qgis_process, tmp_path):
    store = tmp_path / "links.gpkg"
    result = qgis_process.run_json(
        "territorial:importcatalogue",
        INPUT=str(DATA / "good" / "cp1252_semicolon.csv"),
        STORE=str(store),
        CATALOGUE_ID="rus_prioriteringar",
        NAME="RUS prioriteringar",
    )
    assert result["results"]["CATALOGUES"] == "rus_prioriteringar"
    assert goal_titles(store, "rus_prioriteringar") == ["Ängsö", "Åsele", "Örnsköldsvik"]


def test_broken_file_fails_with_where_and_why_and_changes_nothing(qgis_process, tmp_path):
    store = tmp_path / "links.gpkg"
    qgis_process.run_json("territorial:importcatalogue", INPUT="miljomal", STORE=str(store))
    before = store.read_bytes()
    run = qgis_process(
        "run", "territorial:importcatalogue", "--", f"INPUT={DATA / 'bad' / 'unknown_parent.csv'}", f"STORE={store}"
    )
    assert run.returncode != 0
    output = run.stdout + run.stderr
    assert "unknown_parent.csv, row 3, column 'överordnad': the parent '9' of goal '1.1'" in output
    assert "Traceback" not in output
    assert store.read_bytes() == before


def test_export_then_import_as_a_new_version(qgis_process, tmp_path):
    store = tmp_path / "links.gpkg"
    qgis_process.run_json("territorial:importcatalogue", INPUT="rus_ac_2030", STORE=str(store))
    out = tmp_path / "rus.xlsx"
    qgis_process.run_json("territorial:exportcatalogue", CATALOGUE="rus_ac_2030", STORE=str(store), OUTPUT=str(out))
    result = qgis_process.run_json(
        "territorial:importcatalogue", INPUT=str(out), STORE=str(store), CATALOGUE_ID="rus_ac_2030_v2", VERSION="2"
    )
    assert result["results"]["CATALOGUES"] == "rus_ac_2030_v2"
    assert goal_titles(store, "rus_ac_2030_v2") == goal_titles(store, "rus_ac_2030")


def test_help_documents_the_file_format(qgis_process):
    text = qgis_process("help", "territorial:importcatalogue", check=True).stdout
    assert "kod;överordnad;titel" in text
    assert "MIGRATION" in text and "all" in text
