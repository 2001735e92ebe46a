"""Importing into a GeoPackage store: bundled catalogues, files, versions with link migration,
and a failed import that leaves the store exactly as it was."""

import hashlib
import shutil
from pathlib import Path

import pytest

from territorial_plugin.core.catalogues.importer import import_catalogues, plan_file, read_migration
from territorial_plugin.core.errors import CatalogueError
from territorial_plugin.core.model import LinkSpec, RegisteredLayer
from territorial_plugin.core.store import open_store

DATA = Path(__file__).resolve().parents[1] / "data" / "catalogues"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(uri):
    with open_store(str(uri)) as store:
        return store.catalogues(), store.goals()


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "links.gpkg"
    import_catalogues("all", str(path))
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_all_bundled_catalogues_arrive_with_swedish_names(store_path):
    with open_store(str(store_path)) as store:
        assert [c.id for c in store.catalogues()] == [
            "agenda2030",
            "miljomal",
            "nrs2030",
            "rus_ac_2030",
            "strukturbild_example",
        ]
        goals = {g.id: g for g in store.goals("agenda2030")}
        assert len(goals) == 186
        assert goals["agenda2030:11"].title_sv == "Hållbara städer och samhällen"
        assert store.catalogue("strukturbild_example").example is True


def test_importing_the_same_bundled_catalogue_again_changes_nothing(store_path):
    before = digest(store_path)
    result = import_catalogues("agenda2030", str(store_path))
    assert result.imported == [] and result.unchanged == ["agenda2030"]
    assert digest(store_path) == before


def test_regional_workbook_with_swedish_letters_imports(store_path):
    result = import_catalogues(
        str(DATA / "good" / "cp1252_semicolon.csv"), str(store_path), catalogue_id="rus_prio", name="RUS prio"
    )
    assert result.imported == ["rus_prio"] and result.goals == 3
    with open_store(str(store_path)) as store:
        assert [g.title_sv for g in store.goals("rus_prio")] == ["Ängsö", "Åsele", "Örnsköldsvik"]
        assert store.catalogue("rus_prio").name == "RUS prio"


@pytest.mark.parametrize("bad", ["duplicate_code.csv", "merged_cells.xlsx", "broken.json", "cycle.csv"])
def test_a_failed_import_changes_nothing(store_path, bad):
    before = digest(store_path), snapshot(store_path)
    with pytest.raises(CatalogueError, match="nothing was changed"):
        import_catalogues(str(DATA / "bad" / bad), str(store_path))
    assert (digest(store_path), snapshot(store_path)) == before


def test_a_failed_import_into_a_new_store_creates_no_file(tmp_path):
    with pytest.raises(CatalogueError):
        import_catalogues(str(DATA / "bad" / "unknown_parent.csv"), str(tmp_path / "ny.gpkg"))
    assert not list(tmp_path.iterdir())


def test_a_changed_catalogue_under_an_existing_id_is_refused_unless_replaced(store_path, tmp_path):
    changed = write(tmp_path / "nrs.csv", "kod;titel\nA;Ny lydelse\n")
    before = snapshot(store_path)
    with pytest.raises(CatalogueError, match="already in the link store"):
        import_catalogues(str(changed), str(store_path), catalogue_id="nrs2030", level="national")
    assert snapshot(store_path) == before
    import_catalogues(str(changed), str(store_path), catalogue_id="nrs2030", level="national", replace_existing=True)
    with open_store(str(store_path)) as store:
        assert [(g.code, g.title_sv) for g in store.goals("nrs2030")] == [("A", "Ny lydelse")]


def link_some(store_path, goal_ids, keys=("1", "2")):
    with open_store(str(store_path)) as store:
        store.register_layer(RegisteredLayer("lyr", "Markanvändning", "x.gpkg", "ogr", "id"))
        store.link("lyr", list(keys), goal_ids, LinkSpec(), "test")


def test_new_version_keeps_the_old_one_and_migrates_links(store_path, tmp_path):
    v1 = write(tmp_path / "v1.csv", "kod;överordnad;titel\n1;;Ängsö\n1.1;1;Åsele\n2;;Örnsköldsvik\n")
    import_catalogues(str(v1), str(store_path), catalogue_id="kommunmal_2023", series="kommunmal")
    link_some(store_path, ["kommunmal_2023:1", "kommunmal_2023:1.1", "kommunmal_2023:2"])
    v2 = write(tmp_path / "v2.csv", "kod;titel\nA;Ängsö och skärgården\nB;Örnsköldsvik\n")
    mapping = write(
        tmp_path / "map.csv", "old;new\nkommunmal_2023:1;kommunmal_2024:A\nkommunmal_2023:2;kommunmal_2024:B\n"
    )
    result = import_catalogues(
        str(v2), str(store_path), catalogue_id="kommunmal_2024", version="2024", migration_path=str(mapping)
    )
    assert result.imported == ["kommunmal_2024"]
    assert result.migration.moved == 4
    assert result.lost == {"kommunmal_2023:1.1": 2}  # not in the mapping: reported, links left on the old goal
    with open_store(str(store_path)) as store:
        assert store.catalogue("kommunmal_2023") is not None  # the old version stays
        assert store.catalogue("kommunmal_2024").series == "kommunmal"  # joins the old one's series
        assert {link.goal_id for link in store.links()} == {
            "kommunmal_2024:A",
            "kommunmal_2024:B",
            "kommunmal_2023:1.1",
        }


def test_a_bad_migration_mapping_imports_nothing(store_path, tmp_path):
    v2 = write(tmp_path / "v2.csv", "kod;titel\nA;Ängsö\n")
    mapping = write(tmp_path / "map.csv", "old;new\nmiljomal:15;kommunmal_2024:Z\n")
    before = snapshot(store_path)
    with pytest.raises(CatalogueError, match="'kommunmal_2024:Z' is neither in the imported catalogue"):
        import_catalogues(str(v2), str(store_path), catalogue_id="kommunmal_2024", migration_path=str(mapping))
    assert snapshot(store_path) == before


def test_migration_file_problems_name_the_row(tmp_path):
    mapping = write(tmp_path / "map.csv", "gammalt;nytt\nmiljomal:15;x:1\nmiljomal15;x:2\nmiljomal:15;x:3\n")
    with pytest.raises(CatalogueError) as raised:
        read_migration(mapping)
    assert str(raised.value).splitlines() == [
        "map.csv, row 3, column 'gammalt': 'miljomal15' is not a goal id (catalogue:code).",
        "map.csv, row 4, column 'gammalt': the goal 'miljomal:15' is mapped twice.",
    ]


def test_unknown_source_and_options_for_bundled_are_refused(store_path):
    with pytest.raises(CatalogueError, match="neither a catalogue file nor a bundled catalogue"):
        import_catalogues("agenda2031", str(store_path))
    with pytest.raises(CatalogueError, match="keeps its own id"):
        import_catalogues("miljomal", str(store_path), catalogue_id="x")


def test_json_document_metadata_is_used(tmp_path):
    shutil.copy(DATA / "good" / "document.json", tmp_path / "doc.json")
    import_catalogues(str(tmp_path / "doc.json"), str(tmp_path / "s.gpkg"))
    with open_store(str(tmp_path / "s.gpkg")) as store:
        catalogue = store.catalogue("kommunmal")
        assert (catalogue.name, catalogue.level, catalogue.issuer, catalogue.version) == (
            "Kommunens mål",
            "municipal",
            "Exempelkommun",
            "2024",
        )


def test_unused_columns_are_reported_as_warnings_not_refused(tmp_path):
    plan = plan_file(DATA / "good" / "workbook.xlsx")
    assert plan.warnings == ("workbook.xlsx, column 'anteckning': the column 'anteckning' is not used.",)
    result = import_catalogues(str(DATA / "good" / "workbook.xlsx"), str(tmp_path / "s.gpkg"))
    assert result.imported == ["workbook"] and result.warnings == list(plan.warnings)
