"""territorial:savestage and territorial:comparestages under qgis_process, and STAGE on the exports."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAND_USE = ROOT / "resources" / "sample" / "markanvandning.geojson"


@pytest.fixture
def plan(qgis_app, tmp_path) -> dict:
    """A copy of the sample land use (the test reworks it), registered and linked in a new store."""
    from qgis.core import QgsVectorLayer

    from territorial_plugin.core.catalogues.bundled import load_bundled
    from territorial_plugin.core.identity import register_layer
    from territorial_plugin.core.model import LinkSpec
    from territorial_plugin.core.store import open_store

    layer_path = tmp_path / "markanvandning.geojson"
    shutil.copy(LAND_USE, layer_path)
    store = tmp_path / "plan.gpkg"
    layer = QgsVectorLayer(str(layer_path), "Markanvändning", "ogr")
    with open_store(str(store), create=True) as links:
        catalogue, goals = load_bundled("agenda2030")
        links.save_catalogue(catalogue, goals)
        uid = register_layer(links, layer, "omr_id").layer_uid
        links.link(uid, ["EK-001", "EK-002"], ["agenda2030:11"], LinkSpec("supports", 3, "Täthet – åäö"), "t")
        links.link(uid, ["EK-035"], ["agenda2030:15"], LinkSpec("conflicts", 2, "Renbete påverkas"), "t")
    return {"store": store, "layer": layer_path, "uid": uid}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_save_rework_compare_and_reproduce(qgis_process, plan, tmp_path):
    from territorial_plugin.core.store import open_store

    saved = qgis_process.run_json(
        "territorial:savestage", STORE=str(plan["store"]), LAYERS=str(plan["layer"]), STAGE="Samråd 2026-03"
    )
    assert saved["results"]["LINKS"] == 3 and saved["results"]["AREAS"] == 43
    atlas_then = tmp_path / "samrad.pdf"
    qgis_process.run_json(
        "territorial:exportatlas", STORE=str(plan["store"]), LAYERS=str(plan["layer"]), OUTPUT=str(atlas_then)
    )
    with open_store(str(plan["store"])) as links:  # the plan is reworked after samråd
        links.update_link(plan["uid"], "EK-035", "agenda2030:15", "t", stance="supports", motivation="Flyttat")
        links.unlink(plan["uid"], ["EK-002"], None, "t")
    output = tmp_path / "ändringar.pdf"
    result = qgis_process.run_json(
        "territorial:comparestages",
        STORE=str(plan["store"]),
        FROM="Samråd 2026-03",
        LAYERS=str(plan["layer"]),
        OUTPUT=str(output),
    )
    assert result["results"]["CHANGES"] == 2 and result["results"]["GOALS"] == 2
    assert _pages(output) == 3
    workbook = tmp_path / "ändringar.xlsx"
    qgis_process.run_json(
        "territorial:comparestages", STORE=str(plan["store"]), FROM="Samråd 2026-03", LAYERS=str(plan["layer"]),
        OUTPUT=str(workbook),
    )  # fmt: skip
    assert workbook.stat().st_size > 0
    atlas_later = tmp_path / "samrad_igen.pdf"
    again = qgis_process.run_json(
        "territorial:exportatlas", STORE=str(plan["store"]), LAYERS=str(plan["layer"]), STAGE="Samråd 2026-03",
        OUTPUT=str(atlas_later),
    )  # fmt: skip
    assert again["results"]["PAGES"] == _pages(atlas_then) == 3


def test_a_stage_name_is_taken_once(qgis_process, plan):
    args = ["run", "territorial:savestage", "--", f"STORE={plan['store']}", f"LAYERS={plan['layer']}", "STAGE=Samråd"]
    assert qgis_process(*args).returncode == 0
    again = qgis_process(*args)
    assert again.returncode != 0 and "already exists" in again.stdout + again.stderr
    missing = qgis_process(
        "run", "territorial:comparestages", "--", f"STORE={plan['store']}", "FROM=Granskning",
        f"LAYERS={plan['layer']}", f"OUTPUT={plan['store'].with_suffix('.xlsx')}",
    )  # fmt: skip
    assert missing.returncode != 0 and "no plan stage named 'Granskning'" in missing.stdout + missing.stderr
