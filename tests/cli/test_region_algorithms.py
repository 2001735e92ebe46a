"""regionalreport through qgis_process, as the region's GIS staff script it: GOALS by catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "markanvandning.geojson"


@pytest.fixture(scope="module")
def store(qgis_process, tmp_path_factory) -> Path:
    """A store with Agenda 2030 and miljömål; the sample's housing areas linked to two Agenda 2030 goals."""
    folder = tmp_path_factory.mktemp("region-cli")
    path = folder / "region.gpkg"
    layer = folder / "markanvandning.geojson"
    shutil.copy(SAMPLE, layer)
    for catalogue in ("agenda2030", "miljomal"):
        qgis_process.run_json("territorial:importcatalogue", INPUT=catalogue, STORE=str(path))
    qgis_process.run_json(
        "territorial:linkfeatures",
        STORE=str(path),
        LAYER=str(layer),
        KEY_FIELD="omr_id",
        GOALS="agenda2030:11,agenda2030:11.1,miljomal:15",
        STANCE="supports",
        EXPRESSION="\"kategori_kod\" = 'BOST'",
    )
    return path


def test_goals_by_catalogue_id(qgis_process, store, tmp_path):
    import pandas as pd

    output = tmp_path / "agenda.xlsx"
    qgis_process.run_json("territorial:regionalreport", STORE=str(store), GOALS="agenda2030", OUTPUT=str(output))
    sheets = pd.read_excel(output, sheet_name=None)
    goals, blind_spots = list(sheets.values())[5], list(sheets.values())[6]
    # the catalogue's linked goals only, not miljömål's; its unlinked goals are the blind spots
    assert sorted(goals.iloc[:, -1]) == ["agenda2030:11", "agenda2030:11.1"]
    assert len(blind_spots) > 100 and set(blind_spots.iloc[:, -1]).isdisjoint({"agenda2030:11", "miljomal:15"})


def test_an_unknown_id_is_named_with_a_non_zero_exit(qgis_process, store, tmp_path):
    output = tmp_path / "none.xlsx"
    result = qgis_process(
        "run", "territorial:regionalreport", "--", f"STORE={store}", "GOALS=agenda2030,rus_ac_2030", f"OUTPUT={output}"
    )
    assert result.returncode != 0
    assert "rus_ac_2030" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not output.exists()


def test_help_names_each_parameter_by_label_and_id(qgis_process):
    """``qgis_process help`` shows the same help as the dialog: a parameter by its label and its id."""
    text = qgis_process("help", "territorial:regionalreport", check=True).stdout
    assert "“Distance for intermunicipal conflicts (m)” (DISTANCE)" in text
    assert "“Compare the last two deliveries of (organisation id)” (COMPARE_ORGANISATION)" in text
    assert "{" not in text.split("Arguments")[0]  # no placeholder left unfilled
