"""territorial:exportatlas and territorial:coveragereport under qgis_process, as GIS staff script them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAND_USE = ROOT / "resources" / "sample" / "markanvandning.geojson"
WATER = ROOT / "resources" / "sample" / "vatten.geojson"


@pytest.fixture(scope="module")
def store(qgis_app, tmp_path_factory) -> Path:
    """A store with agenda2030, the sample layer registered by its path, and links."""
    from qgis.core import QgsVectorLayer

    from territorial_plugin.core.catalogues.bundled import load_bundled
    from territorial_plugin.core.identity import register_layer
    from territorial_plugin.core.model import LinkSpec
    from territorial_plugin.core.store import open_store

    path = tmp_path_factory.mktemp("store") / "links.gpkg"
    layer = QgsVectorLayer(str(LAND_USE), "Markanvändning", "ogr")
    with open_store(str(path), create=True) as links:
        catalogue, goals = load_bundled("agenda2030")
        links.save_catalogue(catalogue, goals)
        record = register_layer(links, layer, "omr_id")
        links.link(
            record.layer_uid, ["EK-001", "EK-002"], ["agenda2030:11"], LinkSpec("supports", 3, "Täthet – åäö"), "t"
        )
        links.link(record.layer_uid, ["EK-035"], ["agenda2030:15"], LinkSpec("conflicts", 2, "Renbete påverkas"), "t")
    return path


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_algorithms_are_listed(qgis_process):
    listing = qgis_process("list", check=True).stdout
    assert "territorial:exportatlas" in listing
    assert "territorial:coveragereport" in listing


def test_exportatlas_writes_the_pdf(qgis_process, store, tmp_path):
    output = tmp_path / "malatlas.pdf"
    result = qgis_process.run_json(
        "territorial:exportatlas",
        STORE=str(store),
        LAYERS=str(LAND_USE),
        MUNICIPALITY="Exempelkommun",
        OUTPUT=str(output),
    )
    assert result["results"]["PAGES"] == 3  # overview + goals 11 and 15
    assert _pages(output) == 3
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True, check=True).stdout
    assert "Hållbara städer och samhällen" in text and "Exempelkommun" in text


def test_exportatlas_png_pages_in_a_folder(qgis_process, store, tmp_path):
    folder = tmp_path / "sidor"
    qgis_process.run_json(
        "territorial:exportatlas",
        STORE=str(store),
        LAYERS=str(LAND_USE),
        GOALS="agenda2030:15",
        FORMAT="1",
        DPI="40",
        TEMPLATE="A4_landscape",
        OUTPUT=str(folder),
    )
    assert len(list(folder.glob("*.png"))) == 2


def test_coveragereport_writes_the_workbook(qgis_process, store, tmp_path):
    import pandas as pd

    output = tmp_path / "maltabell.xlsx"
    qgis_process.run_json("territorial:coveragereport", STORE=str(store), LAYERS=str(LAND_USE), OUTPUT=str(output))
    sheets = pd.read_excel(output, sheet_name=None)
    assert len(sheets) == 6
    links = next(frame for frame in sheets.values() if "Motivation" in frame.columns or "Motivering" in frame.columns)
    assert len(links) == 3


def test_exportareas_writes_a_page_per_area_and_the_sheet(qgis_process, store, tmp_path):
    import subprocess

    import pandas as pd

    pdf = tmp_path / "omraden.pdf"
    result = qgis_process.run_json("territorial:exportareas", STORE=str(store), LAYERS=str(LAND_USE), OUTPUT=str(pdf))
    assert result["results"]["OUTPUT"] == str(pdf)
    assert _pages(pdf) == 3  # a page per linked area: EK-001, EK-002, EK-035
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Renbete påverkas" in text
    xlsx = tmp_path / "omraden.xlsx"
    qgis_process.run_json("territorial:exportareas", STORE=str(store), LAYERS=str(LAND_USE), OUTPUT=str(xlsx))
    assert len(pd.read_excel(xlsx)) == 3  # a row per area and goal: the three links


def test_bad_input_fails_with_a_message_and_no_file(qgis_process, store, tmp_path):
    output = tmp_path / "x.pdf"
    result = qgis_process(
        "run", "territorial:exportatlas", "--", f"STORE={store}", f"LAYERS={WATER}", f"OUTPUT={output}"
    )
    assert result.returncode != 0
    assert "registered" in (result.stdout + result.stderr) or "registrerad" in (result.stdout + result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert not output.exists()
    result = qgis_process(
        "run", "territorial:exportatlas", "--", f"STORE={store}", f"LAYERS={LAND_USE}", "TEMPLATE=nope",
        f"OUTPUT={output}",
    )  # fmt: skip
    assert result.returncode != 0 and "nope" in result.stdout + result.stderr


def test_exportweb_writes_the_offline_page_with_the_atlas_beside_it(qgis_process, store, tmp_path):
    output = tmp_path / "webbatlas"
    result = qgis_process.run_json(
        "territorial:exportweb",
        STORE=str(store),
        LAYERS=str(LAND_USE),
        GOALS="agenda2030:11,agenda2030:15",
        TOLERANCE="10",
        WITH_PDF="true",
        MUNICIPALITY="Exempelkommun",
        OUTPUT=str(output),
    )
    assert result["results"]["INDEX"] == str(output / "index.html")
    assert result["results"]["AREAS"] == 43
    data = (output / "data.js").read_text(encoding="utf-8")
    assert "Renbete påverkas" in data and '"page":2' in data  # goal 11 on page 2 of the PDF
    assert _pages(output / "malatlas.pdf") == 3
    assert (output / "leaflet" / "leaflet.js").exists()
