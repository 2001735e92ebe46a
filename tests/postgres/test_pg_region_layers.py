"""The regional report on a shared store without deliveries (issue 14): the areas come from the
registered layers where QGIS can open them; a layer it cannot open is named in the problems.
Row-level security decides whose: the region gets every organisation, a municipality its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from territorial_plugin.core.identity import LAYER_UID_PROPERTY
from territorial_plugin.core.model import LinkSpec, RegisteredLayer
from tests.qgis.store_layers import write

from .pg_support import GOALS

pytestmark = pytest.mark.postgres

BOWTIE = "POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))"  # self-intersecting: repaired, kept


def _layer_file(path: Path, crs: str, areas: list[tuple[str, str, QgsGeometry]]) -> Path:
    """A GeoPackage of ``areas`` (key, name, geometry in EPSG:3006) written in ``crs``."""
    layer = QgsVectorLayer(
        f"Polygon?crs={crs}&field=omr_id:string&field=namn:string&field=kategori:string", path.stem, "memory"
    )
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:3006"), QgsCoordinateReferenceSystem(crs), QgsProject.instance()
    )
    features = []
    for key, name, shape in areas:
        shape = QgsGeometry(shape)
        _ = shape.transform(transform)
        feature = QgsFeature(layer.fields())
        feature.setAttributes([key, name, "Bostäder"])
        feature.setGeometry(shape)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    write(layer, path, "GPKG")
    return path


def _square(x: float) -> QgsGeometry:
    return QgsGeometry.fromRect(QgsRectangle(x, 7100000, x + 100, 7100100))


@pytest.fixture
def shared(qgis_app, tmp_path, admin_store, login_role, open_as):
    """Kommun A links its own layer (EPSG:3006; A1 supports GOALS[0], A2 a bow tie, A9 no longer in the
    layer); Kommun B its layer in RT 90 (B1, 150 m east of A1, works against GOALS[0]) and a layer whose
    file is gone. No deliveries: the store holds links only."""
    bowtie = QgsGeometry.fromWkt(BOWTIE)
    _ = bowtie.translate(700600, 7100000)
    a_file = _layer_file(
        tmp_path / "a.gpkg", "EPSG:3006", [("A1", "Centrum", _square(700000)), ("A2", "Fjärden", bowtie)]
    )
    b_file = _layer_file(tmp_path / "b.gpkg", "EPSG:3021", [("B1", "Gränsbyn", _square(700250))])
    admin_store.register_layer(RegisteredLayer("a-op", "ÖP Kommun A", str(a_file), "ogr", "omr_id", "Polygon"))
    admin_store.register_layer(RegisteredLayer("b-op", "ÖP Kommun B", str(b_file), "ogr", "omr_id", "Polygon"))
    gone = str(tmp_path / "borta.gpkg")
    admin_store.register_layer(RegisteredLayer("b-old", "Gamla ÖP B", gone, "ogr", "omr_id", "Polygon"))
    admin_store.create_organisation("kommun_a", "Kommun A", "municipality")
    admin_store.create_organisation("kommun_b", "Kommun B", "municipality")
    admin_store.create_organisation("region", "Region Västerbotten", "region")
    users = {}
    for org, person in (("kommun_a", "anna"), ("kommun_b", "bertil"), ("region", "rut")):
        role = login_role(person)
        admin_store.add_member(org, role)
        users[org] = open_as(role)
    a, b = users["kommun_a"], users["kommun_b"]
    a.link("a-op", ["A1"], [GOALS[0]], LinkSpec("supports", 2, "Nya bostäder nära kusten"), "anna")
    a.link("a-op", ["A2", "A9"], [GOALS[1]], LinkSpec(), "anna")
    b.link("b-op", ["B1"], [GOALS[0]], LinkSpec("conflicts", 2, "Täkt vid gränsen"), "bertil")
    b.link("b-old", ["X1"], [GOALS[0]], LinkSpec(), "bertil")
    users["a_file"] = a_file
    return users


def _report(store, path, **options):
    from territorial_plugin.export.region.service import run_regional_report

    return run_regional_report(store, path, distance=500, **options)


def test_the_region_gets_every_organisations_areas_and_their_conflict(shared, tmp_path):
    import pandas as pd

    path, data = _report(shared["region"], tmp_path / "region.xlsx")
    assert data.organisations == ["kommun_a", "kommun_b"]
    assert data.names == {"kommun_a": "Kommun A", "kommun_b": "Kommun B"}  # from the store's organisations
    areas = {a.feature_key: a for a in data.areas}
    assert set(areas) == {"A1", "A2", "B1"}
    assert {k: a.organisation for k, a in areas.items()} == {"A1": "kommun_a", "A2": "kommun_a", "B1": "kommun_b"}
    assert (areas["A1"].name, areas["A1"].category, areas["A1"].source_layer) == ("Centrum", "Bostäder", "ÖP Kommun A")
    assert areas["A1"].hectares == pytest.approx(1.0, rel=0.01)
    assert areas["A2"].geometry is not None and areas["A2"].geometry.isGeosValid()  # repaired, kept
    # B's layer is in RT 90: its area arrives in SWEREF 99 TM, 150 m east of A1
    assert areas["B1"].geometry.boundingBox().xMinimum() == pytest.approx(700250, abs=1.0)
    (pair,) = data.pairs
    assert (pair.supporting.feature_key, pair.conflicting.feature_key, pair.goal_id) == ("A1", "B1", GOALS[0])
    assert pair.distance == pytest.approx(150.0, abs=1.0)
    assert (pair.supporting_motivation, pair.conflicting_motivation) == ("Nya bostäder nära kusten", "Täkt vid gränsen")
    problems = {(o, k): p for o, k, p in data.problems}
    assert "'Gamla ÖP B' could not be opened" in problems[("kommun_b", "")]
    assert "missing from the report" in problems[("kommun_b", "")]
    assert "not in the layer 'ÖP Kommun A'" in problems[("kommun_a", "A9")]
    assert "repaired" in problems[("kommun_a", "A2")]
    sheets = pd.read_excel(path, sheet_name=None)
    listed = list(sheets.values())[-1].astype(str).to_numpy().ravel().tolist()
    assert any("Gamla ÖP B" in cell for cell in listed)
    summary = next(iter(sheets.values()))
    # linked hectares as QGIS measures the source (a bow tie's halves cancel out, as in a delivery)
    assert summary.iloc[:, 3].tolist() == [pytest.approx(1.0, abs=0.01), pytest.approx(1.0, abs=0.01)]


def test_a_municipality_gets_only_its_own_areas(shared, tmp_path):
    _, own = _report(shared["kommun_a"], tmp_path / "kommun_a.xlsx")
    assert own.organisations == ["kommun_a"]
    assert {(a.organisation, a.feature_key) for a in own.areas} == {("kommun_a", "A1"), ("kommun_a", "A2")}
    assert own.pairs == []
    # B's layers are not opened for A: none of its links are A's to see
    assert {o for o, _, _ in own.problems} == {"kommun_a"}


def test_the_projects_layer_is_read_where_the_registered_source_is_stale(shared, tmp_path, admin_store):
    moved = tmp_path / "flyttad" / "a.gpkg"
    moved.parent.mkdir()
    shared["a_file"].rename(moved)
    project = QgsProject()
    layer = QgsVectorLayer(str(moved), "ÖP Kommun A", "ogr")
    layer.setCustomProperty(LAYER_UID_PROPERTY, "a-op")
    assert project.addMapLayer(layer) is not None
    _, seen = _report(shared["region"], tmp_path / "region.xlsx", project=project)
    assert {a.feature_key for a in seen.areas} == {"A1", "A2", "B1"} and len(seen.pairs) == 1
    _, without = _report(shared["region"], tmp_path / "region2.xlsx", project=QgsProject())
    assert {a.feature_key for a in without.areas} == {"B1"} and without.pairs == []
    assert any("'ÖP Kommun A' could not be opened" in p for o, k, p in without.problems if o == "kommun_a")


def test_the_regional_atlas_names_the_layer_it_could_not_open(shared, tmp_path):
    import subprocess

    path, data = _report(shared["region"], tmp_path / "region.pdf")
    assert len(data.areas) == 3
    overview = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    overview = " ".join(overview.split())
    assert "Kommun A" in overview and "Kommun B" in overview
    assert "The layer 'Gamla ÖP B' could not be opened" in overview
    assert "2 areas have problems" in overview  # A2 repaired, A9 gone from its layer
    assert "from the shared link store" in overview
