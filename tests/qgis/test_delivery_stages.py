"""Each imported delivery kept as a plan stage, and two deliveries of a municipality compared (issue 16)."""

from __future__ import annotations

import sqlite3

import pytest
from qgis.core import QgsProject

from territorial_plugin.core.errors import TerritorialError
from territorial_plugin.core.region.delivery.export import export_delivery
from territorial_plugin.core.region.delivery.importer import import_delivery
from territorial_plugin.core.region.delivery.stage import delivery_stages
from territorial_plugin.core.stages.compare import CHANGED, RESHAPED
from territorial_plugin.core.stages.service import compare_stages
from territorial_plugin.core.store import open_store
from tests.qgis.region_support import catalogue, municipality_layer, municipality_store, rework

ORG = "exempelkommun"


@pytest.fixture()
def municipality(qgis_app, tmp_path):
    layer = municipality_layer()
    store, record = municipality_store(tmp_path / "kommun.gpkg", layer)
    yield {"layer": layer, "store": store, "uid": record.layer_uid, "dir": tmp_path}
    store.close()


@pytest.fixture()
def region(qgis_app, tmp_path):
    store = open_store(str(tmp_path / "region.gpkg"), create=True)
    store.save_catalogue(*catalogue())
    yield store
    store.close()


def _deliver(municipality, region, name: str, stage: str):
    result = export_delivery(
        municipality["store"], [municipality["layer"]], ORG, "Exempelkommun", stage,
        municipality["dir"] / name, project=QgsProject.instance(), user="anna",
    )  # fmt: skip
    return import_delivery(region, result.path, user="regionen")


def test_each_import_is_kept_as_a_stage_of_its_organisation(municipality, region):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    (stage,) = region.stages()
    day = region.deliveries()[0].created_at[:10]
    assert stage.name == f"{ORG}: Samråd 2026 ({day})"
    assert (stage.organisation, stage.saved_by, stage.layers, stage.areas, stage.links) == (ORG, "regionen", 1, 5, 6)
    frozen = {(x.layer_uid, x.feature_key, x.goal_id, x.stance, x.motivation) for x in region.stage_links(stage.name)}
    assert frozen == {(x.layer_uid, x.feature_key, x.goal_id, x.stance, x.motivation) for x in region.links()}
    areas = {a.key: a for a in region.stage_areas(stage.name)}
    delivered = {a.feature_key: a for a in region.delivered_areas()}
    assert set(areas) == set(delivered)
    assert all(areas[k].wkb == delivered[k].wkb and areas[k].hectares == delivered[k].hectares for k in areas)
    assert areas["A1"].name == "Område 1"


def test_two_deliveries_compare_to_exactly_the_changed_link_and_the_reshaped_area(municipality, region):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, region, "v2.gpkg", "Granskning 2027")
    first, second = delivery_stages(region.stages(), ORG)
    assert "Samråd 2026" in first.name and "Granskning 2027" in second.name
    result = compare_stages(region, first.name, second.name)
    assert [(c.key, c.goal_id, c.kind) for c in result.links] == [("A1", "t:2", CHANGED)]
    (link,) = result.links
    assert link.before == ("conflicts", 1, "Stör renbete") and link.after == ("conflicts", 3, "Stör renbete året runt")
    assert [(c.key, c.kind) for c in result.areas] == [("A2", RESHAPED)]
    (area,) = result.areas
    assert (area.hectares_before, area.hectares_after) == (pytest.approx(1.0), pytest.approx(2.25))
    assert result.orphaned == ()
    assert result.changed_goals() == ["t:1.1", "t:2"]  # A2 is linked to t:1.1; A1's link to t:2 changed
    # the earlier delivery's stage still says what it said, although the store now holds the later one
    assert {(x.feature_key, x.strength) for x in region.stage_links(first.name, goal_ids=["t:2"])} == {("A1", 1)}


def test_same_stage_and_day_delivered_twice_gets_a_second_name(municipality, region):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, region, "v2.gpkg", "Samråd 2026")
    first, second = delivery_stages(region.stages(), ORG)
    assert second.name == first.name + " (2)"
    assert not compare_stages(region, first.name, second.name).empty


def test_a_delivery_stage_is_read_only(municipality, region, tmp_path):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    region.close()
    con = sqlite3.connect(tmp_path / "region.gpkg")
    with pytest.raises(sqlite3.DatabaseError, match="read-only"):
        con.execute("UPDATE stage_link SET stance = 'supports'")
    con.close()


def test_a_refused_delivery_keeps_no_stage(municipality, region):
    older = municipality["dir"] / "old.gpkg"
    export_delivery(
        municipality["store"], [municipality["layer"]], ORG, "Exempelkommun", "Samråd 2026", older,
        project=QgsProject.instance(), user="anna",
    )  # fmt: skip
    _deliver(municipality, region, "new.gpkg", "Granskning 2027")
    with pytest.raises(TerritorialError):
        import_delivery(region, older)
    assert [s.name for s in region.stages()] == [s.name for s in delivery_stages(region.stages(), ORG)]
    assert len(region.stages()) == 1


@pytest.fixture
def algorithms(qgis_processing):
    import territorial_plugin

    plugin = territorial_plugin.classFactory(None)
    plugin.initProcessing()
    yield
    plugin.unload()


def _regional_report(region_path, output, feedback=None, **extra) -> dict:
    from qgis import processing

    parameters = {"STORE": str(region_path), "OUTPUT": str(output), **extra}
    return processing.run("territorial:regionalreport", parameters, feedback=feedback)


def _log():
    """A feedback that keeps the lines the algorithm logs, for what the user reads."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info):
            self.lines.append(info)
            super().pushInfo(info)

    return Log()


def test_regional_report_compares_the_last_two_deliveries_in_a_workbook(municipality, region, algorithms, tmp_path):
    import pandas as pd

    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, region, "v2.gpkg", "Granskning 2027")
    region.close()
    output = tmp_path / "jamforelse.xlsx"
    log = _log()
    result = _regional_report(
        tmp_path / "region.gpkg", tmp_path / "region.xlsx", log, COMPARE_ORGANISATION=ORG, COMPARE_OUTPUT=str(output)
    )
    assert (tmp_path / "region.xlsx").is_file() and result["COMPARE_OUTPUT"] == str(output)
    assert result["DELIVERY_CHANGES"] == 2
    text = "\n".join(log.lines)
    assert "1 organisation, " in text and " 0 intermunicipal conflicts → " in text  # counts in words that agree
    assert "2 changes from " in text and "; 2 goals changed. Wrote " in text
    sheets = pd.read_excel(output, sheet_name=None)
    links, areas = list(sheets.values())[1], list(sheets.values())[2]
    assert links.iloc[:, :].shape[0] == 1 and "A1" in links.astype(str).to_numpy().ravel().tolist()
    assert areas.shape[0] == 1 and "A2" in areas.astype(str).to_numpy().ravel().tolist()


def test_regional_report_writes_the_pdf_comparison_beside_the_report(municipality, region, algorithms, tmp_path):
    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, region, "v2.gpkg", "Granskning 2027")
    region.close()
    result = _regional_report(tmp_path / "region.gpkg", tmp_path / "region.pdf", COMPARE_ORGANISATION=ORG)
    expected = tmp_path / f"region_{ORG}_jamforelse.pdf"
    assert result["COMPARE_OUTPUT"] == str(expected) and expected.stat().st_size > 0
    assert result["DELIVERY_CHANGES"] == 2


def test_one_delivery_cannot_be_compared_and_no_report_is_written(municipality, region, algorithms, tmp_path):
    from qgis.core import QgsProcessingException

    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    region.close()
    with pytest.raises(QgsProcessingException, match="comparing needs two"):
        _regional_report(tmp_path / "region.gpkg", tmp_path / "region.xlsx", COMPARE_ORGANISATION=ORG)
    assert not (tmp_path / "region.xlsx").exists()


def test_comparestages_takes_the_delivery_stages_by_name(municipality, region, algorithms, tmp_path):
    from qgis import processing

    _deliver(municipality, region, "v1.gpkg", "Samråd 2026")
    rework(municipality)
    _deliver(municipality, region, "v2.gpkg", "Granskning 2027")
    first, second = delivery_stages(region.stages(), ORG)
    region.close()
    result = processing.run(
        "territorial:comparestages",
        {"STORE": str(tmp_path / "region.gpkg"), "FROM": first.name, "TO": second.name,
         "OUTPUT": str(tmp_path / "jamforelse.xlsx")},
    )  # fmt: skip
    assert (result["CHANGES"], result["GOALS"]) == (2, 2)
    same = processing.run(
        "territorial:comparestages",
        {"STORE": str(tmp_path / "region.gpkg"), "FROM": second.name, "TO": second.name,
         "OUTPUT": str(tmp_path / "samma.xlsx")},
    )  # fmt: skip
    assert same["CHANGES"] == 0
