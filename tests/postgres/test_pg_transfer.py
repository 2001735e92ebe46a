"""Moving a store: GeoPackage → PostgreSQL → GeoPackage loses nothing, history included."""

from __future__ import annotations

import pytest

from territorial_plugin.core.errors import StoreError
from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, RegisteredLayer
from territorial_plugin.core.store import open_store
from territorial_plugin.core.store.transfer import TABLES, copy_store, read_tables

pytestmark = pytest.mark.postgres


def make_gpkg(path) -> str:
    with open_store(str(path), create=True) as store:
        store.save_catalogue(
            Catalogue("rus_ac", "RUS Västerbotten", issuer="Region", level="regional", version="2030",
                      valid_from="2020", source="https://example.invalid/rus", description="Mål; 'citat'"),
            [Goal("rus_ac:1", "rus_ac", "1", None, "Attraktiva livsmiljöer", "Attractive", "beskrivning", 1, "goal"),
             Goal("rus_ac:1.1", "rus_ac", "1.1", "rus_ac:1", "Bostäder", "Housing", "", 2, "target"),
             Goal("rus_ac:2", "rus_ac", "2", None, "Hållbar energi", "", "", 3, "goal")],
        )  # fmt: skip
        store.save_catalogue(Catalogue("off", "Avstängd", level="national", enabled=False, example=True), [])
        store.register_layer(RegisteredLayer("op-1", "Markanvändning ÖP", "/data/öp.gpkg|layername=ma", "ogr",
                                             "omr_id", "MultiPolygon", "EPSG:3006"))  # fmt: skip
        store.link("op-1", [f"OMR-{i}" for i in range(300)], ["rus_ac:1", "rus_ac:1.1"],
                   LinkSpec(motivation="Nya bostäder nära kollektivtrafik 🚌"), "anna")  # fmt: skip
        store.link("op-1", ["OMR-1", "OMR-2"], ["rus_ac:2"], LinkSpec("conflicts", 3, "Vindkraft vs. renbete"), "bo")
        store.update_link("op-1", "OMR-1", "rus_ac:1", "cia", stance="neutral", motivation="ändrad")
        store.unlink("op-1", ["OMR-5", "OMR-6"], None, "dan")
    return str(path)


def test_copy_to_postgres_and_back_loses_nothing(schema, tmp_path, conninfo):
    source = make_gpkg(tmp_path / "kommun.gpkg")
    pg_uri = f"postgres:{conninfo()}?schema={schema}"
    there = copy_store(source, pg_uri)
    assert there.rows["link_history"] == 300 * 2 + 2 + 1 + 4
    back = tmp_path / "tillbaka.gpkg"
    copy_store(pg_uri, str(back))

    with open_store(source) as a, open_store(str(back)) as b, open_store(pg_uri) as pg:
        original, returned, middle = read_tables(a), read_tables(b), read_tables(pg)
        for table in TABLES:
            assert returned[table] == original[table], table
            assert middle[table] == original[table], table
        # Every interface view agrees too (what the panel and the exports read).
        assert pg.links() == a.links() == b.links()
        assert pg.history(limit=10_000) and [
            {k: v for k, v in h.items() if k != "organisation"} for h in pg.history(limit=10_000)
        ] == a.history(limit=10_000)
        assert pg.catalogues() == a.catalogues()
        assert pg.goals() == a.goals()
        assert pg.layers() == a.layers()
        # The copy goes on working: new links get new ids and history after the copied ones.
        pg.link("op-1", ["OMR-999"], ["rus_ac:2"], LinkSpec(), "eva")
        assert pg.history(limit=1)[0]["feature_key"] == "OMR-999"
        assert pg.history(limit=1)[0]["id"] == max(row[0] for row in original["link_history"]) + 1


def test_copy_refuses_a_store_that_is_not_empty_and_changes_nothing(schema, tmp_path, conninfo):
    source = make_gpkg(tmp_path / "kommun.gpkg")
    pg_uri = f"postgres:{conninfo()}?schema={schema}"
    copy_store(source, pg_uri)
    with open_store(pg_uri) as pg:
        before = read_tables(pg)
    with pytest.raises(StoreError, match="already holds"):
        copy_store(source, pg_uri)
    with open_store(pg_uri) as pg:
        assert read_tables(pg) == before


def test_copy_assigns_an_organisation_to_links_without_one(schema, tmp_path, conninfo):
    source = make_gpkg(tmp_path / "kommun.gpkg")
    pg_uri = f"postgres:{conninfo()}?schema={schema}"
    copy_store(source, pg_uri, organisation="umea")
    with open_store(pg_uri) as pg:
        assert {x.organisation for x in pg.links()} == {"umea"}
        assert {h["organisation"] for h in pg.history(limit=10_000)} == {"umea"}
    with pytest.raises(StoreError):
        copy_store(pg_uri, str(tmp_path / "x.gpkg"), organisation="umea")


_KEEP: list = []


def run_algorithm(algorithm_id: str, parameters: dict) -> dict:
    """Through QgsProcessingAlgorithm.run of C++, as qgis_process and the toolbox run it."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgorithm,
        QgsProcessingContext,
        QgsProcessingFeedback,
    )

    from territorial_plugin.processing.provider import TerritorialProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("territorial") is None:
        _KEEP.append(TerritorialProvider())  # the registry does not keep the Python object alive
        registry.addProvider(_KEEP[-1])
    algorithm = registry.createAlgorithmById(algorithm_id)
    assert algorithm is not None, algorithm_id
    # TerritorialAlgorithm.run(parameters, context, feedback) hides the base class's
    # run(); call the base one explicitly.
    results, ok = QgsProcessingAlgorithm.run(
        algorithm, parameters, QgsProcessingContext(), QgsProcessingFeedback(), {}, False
    )
    assert ok
    return results


def test_copystore_algorithm(qgis_processing, schema, tmp_path, conninfo):
    from qgis.core import QgsProcessingException

    source = make_gpkg(tmp_path / "kommun.gpkg")
    pg_uri = f"postgres:{conninfo()}?schema={schema}"
    result = run_algorithm("territorial:copystore", {"INPUT": source, "OUTPUT": pg_uri, "ORGANISATION": ""})
    assert (result["LINKS"], result["HISTORY"]) == (300 * 2 + 2 - 4, 607)
    with open_store(pg_uri) as pg:
        assert len(pg.links()) == 598
    with pytest.raises(QgsProcessingException, match="already holds"):
        run_algorithm("territorial:copystore", {"INPUT": source, "OUTPUT": pg_uri})


def test_createorganisation_algorithm(qgis_processing, schema, login_role, conninfo):
    from territorial_plugin.core.store.postgres.store import PostgresStore

    pg_uri = f"postgres:{conninfo()}?schema={schema}"
    PostgresStore.open(pg_uri[len("postgres:") :], create=True).close()
    anna = login_role("anna")
    result = run_algorithm(
        "territorial:createorganisation",
        {"STORE": pg_uri, "ID": "umea", "NAME": "Umeå kommun", "KIND": 0, "MEMBERS": anna},
    )
    assert result["ROLE"] == f"{schema}_umea"
    with PostgresStore.open(f"{conninfo(anna)}?schema={schema}") as store:
        assert store.current_organisation() == "umea"
