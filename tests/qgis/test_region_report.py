"""The regional report (XLSX) on a region's store fed by two deliveries (issue 14)."""

from __future__ import annotations

import re

import pytest
from qgis.core import QgsProject

from territorial_plugin.core.errors import ExportError, TerritorialError
from territorial_plugin.core.model import LinkSpec
from territorial_plugin.core.region.delivery.export import export_delivery
from territorial_plugin.core.region.delivery.importer import import_delivery
from territorial_plugin.core.store import open_store
from territorial_plugin.export.region.service import run_regional_report
from territorial_plugin.export.region.tables import SHEETS, sheet_titles
from tests.qgis.region_support import catalogue, municipality_layer, municipality_store

# the goals as the workbook's headers name them (catalogue "Test", goals of no kind)
T11, T2 = "Test · goal 1.1", "Test · goal 2"


@pytest.fixture()
def region(qgis_app, tmp_path):
    """Exempelkommun (A0–A4; A1 against t:2) and Grannby over the same ground, whose A0 supports t:2."""
    store = open_store(str(tmp_path / "region.gpkg"), create=True)
    store.save_catalogue(*catalogue())
    for organisation, name in (("exempelkommun", "Exempelkommun"), ("grannby", "Grannby kommun")):
        layer = municipality_layer(name=f"markanvandning_{organisation}")
        municipal, record = municipality_store(tmp_path / f"{organisation}.gpkg", layer)
        if organisation == "grannby":
            municipal.link(record.layer_uid, ["A0"], ["t:2"], LinkSpec("supports", 2, "Nytt bostadsområde"), "greta")
        path = tmp_path / f"{organisation}_leverans.gpkg"
        export_delivery(municipal, [layer], organisation, name, "Samråd 2026", path, project=QgsProject.instance())
        municipal.close()
        import_delivery(store, path)
    yield store
    store.close()


def _sheets(path):
    import pandas as pd

    return pd.read_excel(path, sheet_name=None)


def test_xlsx_has_every_part_with_the_figures_of_the_deliveries(region, tmp_path):
    path, data = run_regional_report(region, tmp_path / "region.xlsx", distance=2000)
    sheets = _sheets(path)
    titles = sheet_titles()
    assert list(sheets) == [titles[p][:31] for p in SHEETS]
    areas = sheets[titles["areas"]].set_index("Organisation")
    assert areas.loc["exempelkommun", T11] == 5 and areas.loc["exempelkommun", T2] == 1
    assert areas.loc["grannby", T11] == 5 and areas.loc["grannby", T2] == 2
    assert areas.loc["grannby", "Name"] == "Grannby kommun"
    supports = sheets[titles["supports"]].set_index("Organisation")
    conflicts = sheets[titles["conflicts"]].set_index("Organisation")
    assert (supports.loc["grannby", T2], conflicts.loc["grannby", T2]) == (1, 1)
    assert (supports.loc["exempelkommun", T2], conflicts.loc["exempelkommun", T2]) == (0, 1)
    hectares = sheets[titles["hectares"]].set_index("Organisation")
    assert hectares.loc["exempelkommun", T11] == pytest.approx(3.0)  # A3, A4 invalid: 0 ha as in the panel
    summary = sheets[titles["organisations"]].set_index("Organisation")
    assert summary.loc["exempelkommun", "Linked areas"] == 5
    assert summary.loc["exempelkommun", "Share linked (%)"] == pytest.approx(100.0)
    assert summary.loc["grannby", "Stage"] == "Samråd 2026"
    assert summary.loc["grannby", "Intermunicipal conflicts"] == 1
    assert list(sheets[titles["blind_spots"]]["Goal id"]) == ["t:1"]
    (pair,) = sheets[titles["pairs"]].to_dict("records")
    assert (pair["Goal"], pair["Goal id"]) == (T2, "t:2") and pair["Distance (m)"] == pytest.approx(100.0)
    assert (pair["Organisation supporting"], pair["Area id (supporting)"]) == ("Grannby kommun", "A0")
    assert (pair["Organisation in conflict"], pair["Area id (in conflict)"]) == ("Exempelkommun", "A1")
    assert (pair["Motivation (supporting)"], pair["Motivation (in conflict)"]) == ("Nytt bostadsområde", "Stör renbete")
    problems = sheets[titles["problems"]]
    assert sorted(problems["Area id"]) == ["A4", "A4"]  # no geometry, reported for both, never dropped
    assert len(data.areas) == 10


def test_distance_and_goals_limit_the_report(region, tmp_path):
    _, near = run_regional_report(region, tmp_path / "a.xlsx", distance=99)
    assert near.pairs == []
    path, only = run_regional_report(region, tmp_path / "b.xlsx", goal_ids=["t:1.1"])
    assert [g.id for g in only.goals] == ["t:1.1"] and only.pairs == []
    assert list(_sheets(path)[sheet_titles()["areas"]].columns) == ["Organisation", "Name", T11]


def test_report_refuses_other_formats_and_unknown_goals(region, tmp_path):
    with pytest.raises(ExportError):
        run_regional_report(region, tmp_path / "x.csv")
    with pytest.raises(Exception, match="t:9"):
        run_regional_report(region, tmp_path / "x.xlsx", goal_ids=["t:9"])
    assert not (tmp_path / "x.xlsx").exists()


def test_pdf_atlas_has_an_overview_and_a_page_per_goal(region, tmp_path):
    import re
    import subprocess

    path, _ = run_regional_report(region, tmp_path / "atlas.pdf", distance=2000)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M)  # overview + t:1.1 + t:2
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = text.replace("\ufb02", "fl")  # the PDF's text keeps the font's "fl" ligature
    assert "Grannby kommun" in text and "Exempelkommun" in text
    assert "1. Grannby kommun A0" in text  # the one pair, listed on the page of t:2
    assert "No intermunicipal conflicts" in text  # the page of t:1.1


def test_no_raw_goal_id_in_the_workbooks_headers_or_the_atlas(region, tmp_path):
    """The headers named the goals by id ("t:1.1"); readers know them as the plugin names them."""
    import subprocess

    import openpyxl

    ids = [g.id for g in region.goals()]
    path, _ = run_regional_report(region, tmp_path / "region.xlsx", distance=2000)
    book = openpyxl.load_workbook(path)
    headers = [str(cell.value) for sheet in book.worksheets for cell in sheet[1]]
    assert T11 in headers and T2 in headers
    assert not [h for h in headers if h in ids or re.fullmatch(r"[\w.-]+:[\w.-]+", h)]
    titles = {sheet.title: [c.value for c in sheet[1]] for sheet in book.worksheets}
    goals = titles[sheet_titles()["goals"]]
    assert goals[:3] == ["Goal", "Title", "Catalogue"] and goals[-1] == "Goal id"  # the id last, for joins
    pdf, _ = run_regional_report(region, tmp_path / "atlas.pdf", distance=2000)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert not [i for i in ids if i in text]


def test_a_catalogue_id_in_goals_means_its_goals_with_links_and_lists_the_others(region, tmp_path):
    """GOALS could not say "every goal of RUS": a catalogue id now stands for its goals."""
    path, data = run_regional_report(region, tmp_path / "t.xlsx", goal_ids=["t"])
    assert [g.id for g in data.goals] == ["t:1.1", "t:2"]  # linked: columns and pages
    assert [g.id for g in data.blind_spots] == ["t:1"]  # not linked: listed as a blind spot
    assert list(_sheets(path)[sheet_titles()["areas"]].columns) == ["Organisation", "Name", T11, T2]
    _, mixed = run_regional_report(region, tmp_path / "u.xlsx", goal_ids=["t:1.1", "t"])
    assert [g.id for g in mixed.goals] == ["t:1.1", "t:2"]


def test_an_id_neither_goal_nor_catalogue_is_refused_by_name(region, tmp_path):
    with pytest.raises(TerritorialError, match="no goal or catalogue rus_ac_2030, t:9"):
        run_regional_report(region, tmp_path / "x.xlsx", goal_ids=["t", "rus_ac_2030", "t:9"])
    assert not (tmp_path / "x.xlsx").exists()


def test_the_algorithm_takes_a_catalogue_id_and_names_an_unknown_one(region, tmp_path, qgis_processing):
    from qgis import processing
    from qgis.core import QgsProcessingException

    import territorial_plugin

    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        output = tmp_path / "via_algorithm.xlsx"
        result = processing.run(
            "territorial:regionalreport", {"STORE": str(region.path), "GOALS": "t", "OUTPUT": str(output)}
        )
        assert list(_sheets(result["OUTPUT"])[sheet_titles()["areas"]].columns) == ["Organisation", "Name", T11, T2]
        with pytest.raises(QgsProcessingException, match="no goal or catalogue rus"):
            processing.run(
                "territorial:regionalreport", {"STORE": str(region.path), "GOALS": "rus", "OUTPUT": str(output)}
            )
    finally:
        plugin.unload()


def test_a_catalogue_nobody_links_to_is_named(region, tmp_path):
    from territorial_plugin.core.model import Catalogue, Goal

    region.save_catalogue(Catalogue(id="u", name="Oanvänd"), [Goal("u:1", "u", "1", title_sv="Ett")])
    with pytest.raises(TerritorialError, match="No organisation links to a goal of u"):
        run_regional_report(region, tmp_path / "u.xlsx", goal_ids=["u"])
    _, data = run_regional_report(region, tmp_path / "tu.xlsx", goal_ids=["t:2", "u"])
    assert [g.id for g in data.goals] == ["t:2"] and "u:1" in [g.id for g in data.blind_spots]
